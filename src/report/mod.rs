//! Renderers: one output format per file, each over the same data. They
//! only format; every fact they show was computed by earlier stages.

pub mod csv;
pub mod explain;
pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod markdown;
pub mod rule_book;
pub mod sarif;

use std::ops::Range;

use serde::Serialize;

use crate::compare::{ClaimRef, Finding};
use crate::extract::{Claim, ClaimValue};
use crate::rules::Severity;
use crate::source::{first_column, line_ends, line_ends_in, LineIndex, Source};

/// The formats of `check`'s report (`--format`, crosscheck.toml's `format`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Human,
    Csv,
    Json,
    Sarif,
    /// GitHub Actions workflow-command annotations.
    Github,
    /// A pull-request comment summary.
    Markdown,
    /// One self-contained page for the desk: facts, findings side by side,
    /// an agreement matrix.
    Html,
}

/// `n` and the noun, singular for one: "1 error", "2 errors".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// How a report looks where the format leaves a choice.
#[derive(Clone, Copy, Debug)]
pub struct Look {
    /// The human report's colours and width.
    pub style: human::Style,
    /// CSV starts with a byte-order mark, for Excel.
    pub csv_bom: bool,
}

impl Format {
    /// Renders the findings report in this format.
    pub fn render(
        self,
        report: &Report,
        look: &Look,
        out: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        match self {
            Format::Human => human::findings(report, look.style, out),
            Format::Csv => {
                if look.csv_bom {
                    out.write_all("\u{feff}".as_bytes())?;
                }
                csv::findings(report, out).map_err(csv::io_error)
            }
            Format::Json => json::findings(report, out),
            Format::Sarif => sarif::findings(report, out),
            Format::Github => github::findings(report, out),
            Format::Markdown => markdown::findings(report, out),
            Format::Html => html::findings(report, out),
        }
    }
}

/// Everything a renderer may show.
pub struct Report<'a> {
    pub sources: &'a [Source],
    pub claims: &'a [Vec<Claim>],
    pub findings: &'a [Finding],
    /// Each claim's [`Spot`], per source and claim: what the row formats
    /// show, so they render without the texts. Empty for a source whose
    /// claims are not shown.
    pub spots: Vec<Vec<Spot>>,
}

/// Where a claim stands in its file and the words it covers: found while
/// the text is in memory, so that a report can be rendered after it is
/// dropped.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Spot {
    /// 1-based line of the claim's start.
    pub line: usize,
    /// 1-based column of the claim's start, in characters.
    pub column: usize,
    pub text: String,
}

impl Spot {
    /// The places of all of a source's claims, in claim order, without
    /// their words: a report over a text in memory takes those from the
    /// text (see [`ClaimRow::new`]), and an extract of 10 MB held 3 MB of
    /// copies of them.
    pub fn places(source: &Source, claims: &[Claim]) -> Vec<Spot> {
        Spot::sweep(source, claims, &vec![true; claims.len()], false)
    }

    /// The spots of the claims marked `shown` (the others get an empty
    /// one), in claim order, found in one pass over the text however many
    /// claims share a line.
    pub fn of_shown(source: &Source, claims: &[Claim], shown: &[bool]) -> Vec<Spot> {
        Spot::sweep(source, claims, shown, true)
    }

    /// [`Spot::of_shown`], with the claims' words only if `words`.
    fn sweep(source: &Source, claims: &[Claim], shown: &[bool], words: bool) -> Vec<Spot> {
        debug_assert!(source.holds_text(), "{}: not read again", source.name);
        let text = source.text.as_str();
        let mut order: Vec<usize> = (0..claims.len())
            .filter(|&i| shown.get(i).copied().unwrap_or(false))
            .collect();
        order.sort_by_key(|&i| claims[i].span.range.start);
        let mut spots = vec![Spot::default(); claims.len()];
        // The sweep's place: a byte offset, its line and its column.
        let (mut at, mut line, mut column) = (0, 1, 1);
        // For an offset off a character boundary, which the sweep cannot
        // reach: built once, if ever needed.
        let mut index: Option<LineIndex> = None;
        for i in order {
            let claim = &claims[i];
            let offset = claim.span.range.start.min(text.len());
            match text.get(at..offset) {
                Some(_) => {
                    (line, column) = advance(text, at..offset, line, column);
                    at = offset;
                    spots[i].line = line;
                    spots[i].column = column;
                }
                // Not on a character boundary: counted on its own.
                None => {
                    let index = index.get_or_insert_with(|| LineIndex::new(text));
                    let (l, c) = index.line_col(text, offset);
                    spots[i].line = l;
                    spots[i].column = c;
                }
            }
            if words {
                spots[i].text = claim.text(source).to_string();
            }
        }
        spots
    }
}

/// The line and column at the end of `between` (character boundaries of
/// `text`), from `line` and `column` at its start: its line ends counted as
/// a line index counts them, then the characters after the last one, where
/// a byte order mark is not one.
fn advance(
    text: &str,
    between: Range<usize>,
    mut line: usize,
    mut column: usize,
) -> (usize, usize) {
    let bytes = text.as_bytes();
    let mut counted_from = match between.start {
        0 => first_column(text).min(between.end),
        at => at,
    };
    for end in line_ends_in(bytes, between.clone()) {
        line += 1;
        column = 1;
        counted_from = end;
    }
    (line, column + chars_in(&bytes[counted_from..between.end]))
}

/// The characters in `bytes` (valid UTF-8): the bytes that start one.
fn chars_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

/// One claim as every format shows it.
#[derive(Clone, Debug, Serialize)]
pub struct ClaimRow<'a> {
    pub source: &'a str,
    pub kind: &'static str,
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub value: String,
    pub resolved: Option<String>,
    pub fact: Option<&'a str>,
    pub subject: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counted: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolution: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warning: Option<&'a str>,
}

impl ClaimRow<'_> {
    /// 1-based line and column just past the claim's last character: the
    /// exclusive end SARIF's and GitHub's `endColumn` mean. A claim's words
    /// may cross a line end of any kind ([`ends_line`]).
    pub fn end(&self) -> (usize, usize) {
        let ends: Vec<usize> = line_ends(self.text).collect();
        match ends.last() {
            None => (self.line, self.column + self.text.chars().count()),
            Some(&last) => (
                self.line + ends.len(),
                self.text[last..].chars().count() + 1,
            ),
        }
    }
}

impl<'a> ClaimRow<'a> {
    pub fn new(source: &'a Source, spot: &'a Spot, claim: &'a Claim) -> ClaimRow<'a> {
        let (unit, counted) = match &claim.value {
            ClaimValue::Number(n) => (n.unit.as_deref(), n.counted.as_deref()),
            _ => (None, None),
        };
        ClaimRow {
            source: &source.name,
            kind: claim.kind.as_str(),
            // The words as the text has them while it is in memory; else
            // as they were taken when it was read again.
            text: if source.holds_text() {
                claim.text(source)
            } else {
                &spot.text
            },
            start: claim.span.range.start,
            end: claim.span.range.end,
            line: spot.line,
            column: spot.column,
            value: claim.value.notation(),
            resolved: claim.value.resolved(),
            fact: claim.fact.as_deref(),
            subject: claim.subject.as_deref(),
            unit,
            counted,
            resolution: claim.value.resolution(),
            warning: claim.warning.as_deref(),
        }
    }
}

/// A claim whose spot was never found: shown at line 1, column 1, with no
/// words, rather than not at all.
static NO_SPOT: Spot = Spot {
    line: 1,
    column: 1,
    text: String::new(),
};

impl<'a> Report<'a> {
    /// A report over sources whose texts are in memory (dropped texts get
    /// no spots; see [`Report::spots`]).
    pub fn new(sources: &'a [Source], claims: &'a [Vec<Claim>], findings: &'a [Finding]) -> Self {
        let spots = sources
            .iter()
            .zip(claims)
            .map(|(s, c)| {
                if s.holds_text() {
                    Spot::places(s, c)
                } else {
                    Vec::new()
                }
            })
            .collect();
        Report {
            sources,
            claims,
            findings,
            spots,
        }
    }

    /// The row of claim `index` of source `source`.
    pub fn row_at(&self, source: usize, index: usize) -> ClaimRow<'_> {
        // A spot at line 0 was left empty: its claim was not to be shown.
        let spot = self
            .spots
            .get(source)
            .and_then(|s| s.get(index))
            .filter(|s| s.line > 0);
        debug_assert!(
            spot.is_some(),
            "no spot for claim {index} of source {source}"
        );
        ClaimRow::new(
            &self.sources[source],
            spot.unwrap_or(&NO_SPOT),
            &self.claims[source][index],
        )
    }

    /// The row of a claim.
    pub fn row(&self, r: &ClaimRef) -> ClaimRow<'_> {
        self.row_at(r.source.0 as usize, r.index)
    }
}

impl Report<'_> {
    pub fn claim(&self, r: &ClaimRef) -> &Claim {
        &self.claims[r.source.0 as usize][r.index]
    }

    pub fn source(&self, r: &ClaimRef) -> &Source {
        &self.sources[r.source.0 as usize]
    }

    /// Line indexes for every source, built once per render.
    pub fn line_indexes(&self) -> Vec<LineIndex> {
        self.sources
            .iter()
            .map(|s| LineIndex::new(&s.text))
            .collect()
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }
}

/// Which claims a findings report shows, per source and claim: those in a
/// finding; with `every_fact`, also every claim assigned to a fact (the
/// HTML page's facts table quotes each one's words). A source with none
/// need not be in memory to render.
pub fn claims_shown(
    findings: &[Finding],
    claims: &[Vec<Claim>],
    every_fact: bool,
) -> Vec<Vec<bool>> {
    let mut shown: Vec<Vec<bool>> = claims
        .iter()
        .map(|list| {
            list.iter()
                .map(|c| every_fact && c.fact.is_some())
                .collect()
        })
        .collect();
    for finding in findings {
        for (_, r) in finding.claims_with_sides() {
            if let Some(s) = shown
                .get_mut(r.source.0 as usize)
                .and_then(|list| list.get_mut(r.index))
            {
                *s = true;
            }
        }
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{ClaimKind, ClaimValue};
    use crate::source::{ends_line, BOM};
    use crate::source::{DateOrder, SourceId, SourceMeta, Span};
    use crate::value::named::StateValue;

    /// The sweep as it was, a character at a time.
    fn advance_by_char(
        bytes: &[u8],
        at: usize,
        between: &str,
        mut line: usize,
        mut column: usize,
    ) -> (usize, usize) {
        for (i, c) in between.char_indices() {
            match c {
                '\n' => (line, column) = (line + 1, 1),
                '\r' if ends_line(bytes, at + i) => (line, column) = (line + 1, 1),
                BOM if at + i == 0 => {}
                _ => column += 1,
            }
        }
        (line, column)
    }

    proptest::proptest! {
        /// Counting line ends and the characters after the last one gives
        /// what stepping through every character gave, from any place to
        /// any place.
        #[test]
        fn advancing_by_line_ends_is_advancing_by_characters(
            text in "[a\r\n\u{feff}é€ ]{0,40}",
            cuts in proptest::collection::vec(0usize..41, 0..6),
        ) {
            let bytes = text.as_bytes();
            let mut cuts: Vec<usize> = cuts
                .into_iter()
                .map(|c| c.min(text.len()))
                .filter(|&c| text.is_char_boundary(c))
                .collect();
            cuts.push(text.len());
            cuts.sort_unstable();
            let (mut at, mut fast, mut slow) = (0, (1, 1), (1, 1));
            for cut in cuts {
                fast = advance(&text, at..cut, fast.0, fast.1);
                slow = advance_by_char(bytes, at, &text[at..cut], slow.0, slow.1);
                proptest::prop_assert_eq!(fast, slow, "to {}", cut);
                at = cut;
            }
        }
    }

    fn claim_at(range: Range<usize>) -> Claim {
        Claim {
            kind: ClaimKind::State,
            span: Span {
                source: SourceId(0),
                range,
            },
            value: ClaimValue::State(StateValue {
                state: "open".into(),
                hedged: false,
            }),
            warning: None,
            fact: None,
            subject: None,
        }
    }

    #[test]
    fn a_claim_ends_on_the_line_its_last_line_end_leaves() {
        for (words, end) in [("b", (2, 4)), ("b\rcd\r\nefg", (4, 4)), ("b\ncd", (3, 3))] {
            let source = Source::new(
                SourceId(0),
                "s.txt".into(),
                format!("a{words}"),
                SourceMeta::default(),
                DateOrder::Mdy,
                None,
            );
            let claim = claim_at(1..source.text.len());
            let spot = Spot {
                line: 2,
                column: 3,
                text: words.into(),
            };
            assert_eq!(
                ClaimRow::new(&source, &spot, &claim).end(),
                end,
                "{words:?}"
            );
        }
    }

    proptest::proptest! {
        /// One sweep finds what a line index finds for each claim alone,
        /// whatever the order of the claims and the characters between them
        /// (line ends of every kind, a byte order mark at the start or not).
        #[test]
        fn a_sweep_places_claims_as_a_line_index_does(
            body in "[a-c’“\n\r\u{feff} ]{0,60}",
            bom in proptest::bool::ANY,
            picks in proptest::collection::vec((0..64usize, 0..8usize, proptest::bool::ANY), 0..12),
        ) {
            let text = if bom { format!("\u{feff}{body}") } else { body };
            let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            let claims: Vec<Claim> = picks
                .iter()
                .map(|&(a, len, _)| {
                    let start = bounds[a % bounds.len()];
                    let end = bounds[(a + len).min(bounds.len() - 1)].max(start);
                    claim_at(start..end)
                })
                .collect();
            let source = Source::new(
                SourceId(0),
                "s.txt".into(),
                text.clone(),
                SourceMeta::default(),
                DateOrder::Mdy,
                None,
            );
            let index = LineIndex::new(&text);
            let shown: Vec<bool> = picks.iter().map(|p| p.2).collect();
            let spots = Spot::of_shown(&source, &claims, &shown);
            for ((claim, spot), shown) in claims.iter().zip(&spots).zip(&shown) {
                if !shown {
                    proptest::prop_assert_eq!(spot, &Spot::default());
                    continue;
                }
                let (line, column) = index.line_col(&text, claim.span.range.start);
                proptest::prop_assert_eq!((spot.line, spot.column), (line, column));
                proptest::prop_assert_eq!(spot.text.as_str(), claim.text(&source));
            }
        }
    }
}
