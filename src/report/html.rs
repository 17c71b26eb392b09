//! The desk's report: one self-contained HTML page (inline CSS, no script,
//! nothing fetched) that an editor opens in a browser or attaches to a mail.
//!
//! It shows, in order: the sources (by outlet or title, with the path
//! beside), a table of the facts and how many sources hold each value,
//! every finding with the sides' sentences next to each other and the
//! claims highlighted, and a matrix of which sources agree with which.
//! Every piece of text from a source or a rule is escaped.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io::{self, Write};
use std::ops::Range;

use super::Report;
use crate::compare::{ClaimRef, Finding, FindingKind};
use crate::extract::Claim;
use crate::rules::Severity;
use crate::source::{Source, SourceId};

/// Text safe in HTML element content and in quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
:root { --ink: #1d232b; --muted: #5b6570; --rule: #d9dee3; --paper: #ffffff; --wash: #f4f6f8;
  --error: #b42318; --warning: #b54708; --info: #175cd3;
  --side1: #175cd3; --side2: #c4320a; --side3: #6941c6; --side4: #067647; --side0: #667085; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--wash); color: var(--ink);
  font: 15px/1.5 "Source Sans 3", "Segoe UI", "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 28px 32px 48px; }
header.masthead { border-bottom: 3px solid var(--ink); padding-bottom: 12px; margin-bottom: 20px; }
header.masthead h1 { font: 700 28px/1.2 Georgia, "Times New Roman", serif; margin: 0 0 6px; }
.tally { display: flex; gap: 10px; flex-wrap: wrap; margin: 0; padding: 0; list-style: none; }
.tally li { background: var(--paper); border: 1px solid var(--rule); border-radius: 999px;
  padding: 2px 12px; font-weight: 600; }
.tally .error { color: var(--error); } .tally .warning { color: var(--warning); }
.tally .info { color: var(--info); }
h2 { font: 700 19px/1.3 Georgia, "Times New Roman", serif; margin: 28px 0 10px;
  padding-bottom: 4px; border-bottom: 1px solid var(--rule); }
table { border-collapse: collapse; background: var(--paper); width: 100%;
  border: 1px solid var(--rule); }
th, td { text-align: left; vertical-align: top; padding: 6px 10px; border-bottom: 1px solid var(--rule); overflow-wrap: break-word; }
th { background: #eef1f4; font-size: 13px; text-transform: uppercase; letter-spacing: .03em;
  color: var(--muted); }
td.num, th.num { text-align: center; }
.path { font: 12px/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; color: var(--muted); }
code { font: 13px ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
.value { font: 600 13px ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
  background: var(--wash); border-radius: 4px; padding: 1px 6px; }
.status-disagree { color: var(--error); font-weight: 700; }
.status-agree { color: var(--side4); font-weight: 700; }
.finding { background: var(--paper); border: 1px solid var(--rule); border-left: 6px solid var(--muted);
  border-radius: 6px; padding: 14px 18px 16px; margin: 0 0 18px; break-inside: avoid; }
.finding.error { border-left-color: var(--error); }
.finding.warning { border-left-color: var(--warning); }
.finding.info { border-left-color: var(--info); }
.finding h3 { margin: 0 0 4px; font-size: 17px; line-height: 1.35; }
.badge { display: inline-block; font-size: 12px; font-weight: 700; text-transform: uppercase;
  letter-spacing: .04em; color: #fff; border-radius: 4px; padding: 1px 7px; margin-right: 8px;
  vertical-align: 2px; }
.badge.error { background: var(--error); } .badge.warning { background: var(--warning); }
.badge.info { background: var(--info); }
.meta { color: var(--muted); font-size: 13px; margin: 0 0 12px; }
.sides { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 14px; }
.side { border-top: 4px solid var(--side0); background: #fbfcfd; border-radius: 4px;
  padding: 8px 12px 4px; }
.side h4 { margin: 0 0 8px; font-size: 14px; }
.side-1 { border-top-color: var(--side1); } .side-2 { border-top-color: var(--side2); }
.side-3 { border-top-color: var(--side3); } .side-4 { border-top-color: var(--side4); }
.claim { margin: 0 0 12px; }
.claim .who { font-weight: 700; }
.claim blockquote { margin: 4px 0; padding: 6px 10px; background: var(--paper);
  border: 1px solid var(--rule); border-radius: 4px; font-family: Georgia, "Times New Roman", serif; }
mark { background: #dbe8fe; color: inherit; padding: 0 2px; border-radius: 3px;
  box-shadow: inset 0 -2px 0 var(--side1); }
.side-2 mark { background: #fde4d8; box-shadow: inset 0 -2px 0 var(--side2); }
.side-3 mark { background: #ebe4fb; box-shadow: inset 0 -2px 0 var(--side3); }
.side-4 mark { background: #d9f2e3; box-shadow: inset 0 -2px 0 var(--side4); }
.side-0 mark { background: #eaecf0; box-shadow: inset 0 -2px 0 var(--side0); }
.resolution { font-size: 13px; color: var(--muted); margin: 2px 0 0; }
.help { font-size: 13px; color: var(--muted); margin: 10px 0 0; white-space: pre-line; }
.matrix td { text-align: center; font-weight: 600; }
.matrix th.row { text-align: left; text-transform: none; letter-spacing: 0; font-size: 14px;
  color: var(--ink); background: var(--paper); }
.matrix .agree { background: #e3f4ea; color: #05603a; }
.matrix .disagree { background: #fde8e7; color: var(--error); }
.matrix .mixed { background: #fef0c7; color: #93370d; }
.matrix .self { background: var(--wash); color: var(--muted); }
.none { color: var(--muted); font-style: italic; }
td.written { font-family: Georgia, "Times New Roman", serif; color: #344054; }
footer.legend { margin-top: 24px; font-size: 13px; color: var(--muted); }
@media print { body { background: #fff; } main { padding: 0; } }
"#;

/// How far an excerpt reaches beyond its claim, at most, in bytes.
const EXCERPT_REACH: usize = 240;

/// The sentence around `range` in `text`: the excerpt's bounds, within
/// [`EXCERPT_REACH`] either side and on character boundaries.
fn sentence_around(text: &str, range: &Range<usize>) -> Range<usize> {
    let floor = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = floor(range.start);
    let end = floor(range.end.max(start));
    let reach_back = floor(start.saturating_sub(EXCERPT_REACH));
    let before = &text[reach_back..start];
    // Lines end at '\n' and at '\r' ("\r\n", or a lone '\r' of an old Mac file).
    let from = ["\n", "\r", ". ", "? ", "! ", ".\u{201d} "]
        .iter()
        .filter_map(|b| before.rfind(b).map(|i| reach_back + i + b.len()))
        .max()
        .unwrap_or(if reach_back == 0 { 0 } else { start });
    let reach_on = floor(end + EXCERPT_REACH);
    let after = &text[end..reach_on];
    let to = ["\n", "\r", ". ", "? ", "! "]
        .iter()
        .filter_map(|b| after.find(b).map(|i| end + i + b.len().min(1)))
        .min()
        .unwrap_or(if reach_on == text.len() {
            reach_on
        } else {
            end
        });
    let from = floor(from);
    let to = floor(to.max(end));
    // Leading and trailing space is noise in an excerpt.
    let inner = &text[from..to];
    let lead = inner.len() - inner.trim_start().len();
    let trail = inner.len() - inner.trim_end().len();
    (from + lead).min(start)..(to - trail).max(end)
}

/// The text a reader sees and the claim's range in it: for a saved web
/// page, the page's prose rather than its markup.
fn readable<'a>(source: &'a Source, claim: &Claim) -> (&'a str, Range<usize>) {
    debug_assert!(source.holds_text(), "{}: not read again", source.name);
    match &source.page {
        Some(page) if page.shown => (
            page.text.as_str(),
            page.offsets.to_text(claim.span.range.clone()),
        ),
        _ => (source.text.as_str(), claim.span.range.clone()),
    }
}

/// The claim's sentence with the claim marked.
fn excerpt(source: &Source, claim: &Claim) -> String {
    let (text, range) = readable(source, claim);
    let around = sentence_around(text, &range);
    let piece = |r: Range<usize>| text.get(r).map(escape).unwrap_or_default();
    let more = |r: Range<usize>| text.get(r).is_some_and(|t| !t.trim().is_empty());
    let lead = if more(0..around.start) { "… " } else { "" };
    let tail = if more(around.end..text.len()) {
        " …"
    } else {
        ""
    };
    format!(
        "{lead}{}<mark>{}</mark>{}{tail}",
        piece(around.start..range.start),
        piece(range.clone()),
        piece(range.end..around.end)
    )
}

fn value_of(claim: &Claim) -> String {
    claim
        .value
        .resolved()
        .unwrap_or_else(|| claim.value.notation())
}

/// How the claim's value was reached: what was written, what it was read
/// as, and how a relative or partial date was resolved (against which
/// document date, from which evidence).
fn resolution(source: &Source, claim: &Claim) -> String {
    let (text, range) = readable(source, claim);
    let written = escape(text.get(range).unwrap_or(""));
    let written = if written.is_empty() {
        escape(&claim.value.notation())
    } else {
        written
    };
    let value = format!("<span class=\"value\">{}</span>", escape(&value_of(claim)));
    let how = match (claim.value.resolved(), claim.value.resolution()) {
        (_, Some(how)) if how.contains("document date") => escape(how),
        (Some(_), Some(how)) => match &source.document_date {
            Some(d) => format!(
                "{} (document date {}, from {})",
                escape(how),
                d.date,
                escape(d.basis.describe())
            ),
            None => escape(how),
        },
        (None, Some(how)) => format!("not resolved: {}", escape(how)),
        (Some(_), None) => "as written".to_string(),
        (None, None) if source.document_date.is_none() && claim.value.notation().contains('X') => {
            "partial: the source gives no document date to resolve it against".to_string()
        }
        (None, None) => "as written".to_string(),
    };
    format!("“{written}” → {value}: {how}.")
}

/// `name` in escaped help text as `<code>name</code>`.
fn code_spans(escaped: &str) -> String {
    let mut out = String::with_capacity(escaped.len());
    for (i, part) in escaped.split('`').enumerate() {
        if i % 2 == 1 && escaped.matches('`').count() % 2 == 0 {
            let _ = write!(out, "<code>{part}</code>");
        } else {
            if i > 0 && escaped.matches('`').count() % 2 == 1 {
                out.push('`');
            }
            out.push_str(part);
        }
    }
    out
}

fn severity_class(s: Severity) -> &'static str {
    s.as_str()
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A source by the name readers know: outlet or title, else its file name.
fn short_name(source: &Source) -> &str {
    if source.label() != source.name {
        return source.label();
    }
    std::path::Path::new(&source.name)
        .file_name()
        .and_then(|f| f.to_str())
        .unwrap_or(&source.name)
}

/// A source by the name readers know, with its path beside.
fn source_name(source: &Source) -> String {
    if source.label() == source.name {
        format!("<span class=\"path\">{}</span>", escape(&source.name))
    } else {
        format!(
            "{} <span class=\"path\">{}</span>",
            escape(source.label()),
            escape(&source.name)
        )
    }
}

/// The facts and their values: for each fact, the value each group of
/// sources holds and how many sources hold it. A fact with a finding is
/// shown by its sides (values that can be true together form one side);
/// any other fact by its distinct values.
struct FactRow {
    fact: String,
    subject: Option<String>,
    title: Option<String>,
    disagree: bool,
    /// (value, sources holding it)
    values: Vec<ValueRow>,
}

/// One value of a fact: the sources that hold it and the words they use.
struct ValueRow {
    value: String,
    holders: BTreeSet<SourceId>,
    written: BTreeSet<String>,
}

impl ValueRow {
    fn of(report: &Report, value: String, claims: &[ClaimRef]) -> ValueRow {
        ValueRow {
            value,
            holders: claims.iter().map(|r| r.source).collect(),
            written: claims
                .iter()
                .map(|r| {
                    let (text, range) = readable(report.source(r), report.claim(r));
                    text.get(range).unwrap_or("").to_string()
                })
                .collect(),
        }
    }
}

fn fact_rows(report: &Report, disagreements: &Disagreements) -> Vec<FactRow> {
    let mut facts: BTreeMap<(String, Option<String>), Vec<ClaimRef>> = BTreeMap::new();
    for (s, list) in report.claims.iter().enumerate() {
        for (index, claim) in list.iter().enumerate() {
            if let Some(fact) = &claim.fact {
                facts
                    .entry((fact.clone(), claim.subject.clone()))
                    .or_default()
                    .push(ClaimRef {
                        source: SourceId(s as u32),
                        index,
                    });
            }
        }
    }
    facts
        .into_iter()
        .map(|((fact, subject), refs)| {
            let finding = disagreement(disagreements, &fact, subject.as_deref());
            let values = match finding {
                Some(f) => {
                    // One row per value a source gave: a side holding
                    // ">=60" beside "224" is two rows, so no source is
                    // listed beside a figure it never gave.
                    let mut values: Vec<ValueRow> = f
                        .sides
                        .iter()
                        .flat_map(|side| side.by_value())
                        .map(|(value, claims)| ValueRow::of(report, value.to_string(), &claims))
                        .collect();
                    if !f.vague.is_empty() {
                        values.push(ValueRow::of(
                            report,
                            "fits several sides".to_string(),
                            &f.vague,
                        ));
                    }
                    values
                }
                None => {
                    let mut by_value: BTreeMap<String, Vec<ClaimRef>> = BTreeMap::new();
                    for r in &refs {
                        by_value
                            .entry(value_of(report.claim(r)))
                            .or_default()
                            .push(*r);
                    }
                    let mut values: Vec<ValueRow> = by_value
                        .into_iter()
                        .map(|(value, claims)| ValueRow::of(report, value, &claims))
                        .collect();
                    values.sort_by(|a, b| {
                        b.holders
                            .len()
                            .cmp(&a.holders.len())
                            .then(a.value.cmp(&b.value))
                    });
                    values
                }
            };
            FactRow {
                title: finding.map(|f| f.title.clone()),
                disagree: finding.is_some(),
                fact,
                subject,
                values,
            }
        })
        .collect()
}

/// Each fact's disagreement, looked up once: a scan per fact would cost
/// facts × findings.
type Disagreements<'a> = BTreeMap<(&'a str, Option<&'a str>), &'a Finding>;

fn disagreements<'a>(report: &Report<'a>) -> Disagreements<'a> {
    let mut by_fact = Disagreements::new();
    for f in report.findings {
        if f.kind == FindingKind::Disagreement {
            by_fact
                .entry((f.fact.as_str(), f.subject.as_deref()))
                .or_insert(f);
        }
    }
    by_fact
}

fn disagreement<'a>(
    disagreements: &Disagreements<'a>,
    fact: &str,
    subject: Option<&str>,
) -> Option<&'a Finding> {
    disagreements.get(&(fact, subject)).copied()
}

/// For a pair of sources: facts both state on a common side, and facts
/// where they hold only opposing sides.
#[derive(Clone, Copy, Default)]
struct Pair {
    agree: usize,
    disagree: usize,
}

/// The agreement matrix: for every fact, each source's sides (a fact with
/// no finding is one side for everyone; a vague claim fits every side).
fn agreement_matrix(
    report: &Report,
    rows: &[FactRow],
    disagreements: &Disagreements,
) -> Vec<Vec<Pair>> {
    let n = report.sources.len();
    let mut matrix = vec![vec![Pair::default(); n]; n];
    for row in rows {
        let (sides, vague) = sides_by_source(row, disagreements);
        let stating: BTreeSet<SourceId> = sides.keys().chain(vague.iter()).copied().collect();
        for a in &stating {
            for b in &stating {
                let (Some(row_a), Some(row_b)) = (sides.get(a), sides.get(b)) else {
                    // A vague claim fits every side.
                    matrix[a.0 as usize][b.0 as usize].agree += 1;
                    continue;
                };
                let cell = &mut matrix[a.0 as usize][b.0 as usize];
                if row_a.is_disjoint(row_b) {
                    cell.disagree += 1;
                } else {
                    cell.agree += 1;
                }
            }
        }
    }
    matrix
}

/// For one source: the facts it states, and those where another source
/// holds only opposing sides. The matrix folds to this past
/// `MATRIX_MAX_SOURCES`, since nobody reads a table of thousands of columns.
#[derive(Clone, Copy, Default)]
struct Standing {
    stated: usize,
    opposed: usize,
}

const MATRIX_MAX_SOURCES: usize = 40;

fn standings(report: &Report, rows: &[FactRow], disagreements: &Disagreements) -> Vec<Standing> {
    let mut standings = vec![Standing::default(); report.sources.len()];
    for row in rows {
        let (sides, vague) = sides_by_source(row, disagreements);
        // A source holding one side k is opposed unless every source holds
        // k; the rare source on several sides checks each group of holders.
        // So this is sources × sides held, not sources².
        let mut holding: BTreeMap<usize, usize> = BTreeMap::new();
        let mut groups: BTreeSet<&BTreeSet<usize>> = BTreeSet::new();
        for held in sides.values() {
            for k in held {
                *holding.entry(*k).or_default() += 1;
            }
            groups.insert(held);
        }
        for (s, held) in &sides {
            let standing = &mut standings[s.0 as usize];
            standing.stated += 1;
            let opposed = match held.iter().collect::<Vec<_>>()[..] {
                [k] => holding.get(k).copied().unwrap_or(0) < sides.len(),
                _ => groups.iter().any(|other| other.is_disjoint(held)),
            };
            if opposed {
                standing.opposed += 1;
            }
        }
        for s in vague.iter().filter(|s| !sides.contains_key(s)) {
            standings[s.0 as usize].stated += 1;
        }
    }
    standings
}

/// Each source's sides of one fact (a fact with no finding is one side for
/// everyone), and the sources whose claims are vague, fitting every side.
fn sides_by_source(
    row: &FactRow,
    disagreements: &Disagreements,
) -> (BTreeMap<SourceId, BTreeSet<usize>>, BTreeSet<SourceId>) {
    let mut sides: BTreeMap<SourceId, BTreeSet<usize>> = BTreeMap::new();
    let mut vague: BTreeSet<SourceId> = BTreeSet::new();
    match disagreement(disagreements, &row.fact, row.subject.as_deref()) {
        Some(f) => {
            for (side, r) in f.claims_with_sides() {
                if side == 0 {
                    vague.insert(r.source);
                } else {
                    sides.entry(r.source).or_default().insert(side);
                }
            }
        }
        None => {
            for value in &row.values {
                for s in &value.holders {
                    sides.entry(*s).or_default().insert(1);
                }
            }
        }
    }
    (sides, vague)
}

fn write_sources(report: &Report, html: &mut String) {
    html.push_str("<section id=\"sources\"><h2>Sources</h2>\n<table><thead><tr><th class=\"num\">#</th><th>Source</th><th>Path</th><th>Document date</th></tr></thead><tbody>\n");
    for (i, source) in report.sources.iter().enumerate() {
        let date = source
            .document_date
            .as_ref()
            .map(|d| {
                format!(
                    "{} <span class=\"path\">from {}</span>",
                    d.date,
                    escape(d.basis.describe())
                )
            })
            .unwrap_or_else(|| {
                "<span class=\"none\">unknown: relative dates stay partial</span>".to_string()
            });
        let label = if source.label() == source.name {
            "<span class=\"none\">no outlet or title given</span>".to_string()
        } else {
            escape(source.label())
        };
        let draft = if source.draft {
            " <span class=\"badge info\">draft</span>"
        } else {
            ""
        };
        let _ = writeln!(
            html,
            "<tr><td class=\"num\">{}</td><td>{label}{draft}</td><td class=\"path\">{}</td><td>{date}</td></tr>",
            i + 1,
            escape(&source.name)
        );
    }
    html.push_str("</tbody></table></section>\n");
}

fn write_facts(report: &Report, rows: &[FactRow], html: &mut String) {
    html.push_str("<section id=\"facts\"><h2>Facts and who holds each value</h2>\n");
    if rows.is_empty() {
        html.push_str("<p class=\"none\">No rule took a claim from these sources.</p></section>\n");
        return;
    }
    let total = report.sources.len();
    // How many sources share each short name, counted once: two sources of
    // one outlet are told apart by number.
    let mut outlets: BTreeMap<&str, usize> = BTreeMap::new();
    for source in report.sources {
        *outlets.entry(short_name(source)).or_default() += 1;
    }
    html.push_str("<table><thead><tr><th>Fact</th><th>Status</th><th>Value</th><th>As written</th><th class=\"num\">Sources</th><th>Held by</th></tr></thead><tbody>\n");
    for row in rows {
        let span = row.values.len().max(1);
        let subject = row
            .subject
            .as_deref()
            .map(|s| format!("<br><span class=\"path\">for {}</span>", escape(s)))
            .unwrap_or_default();
        let title = row
            .title
            .as_deref()
            .map(|t| format!("{}<br>", escape(t)))
            .unwrap_or_default();
        let status = if row.disagree {
            "<span class=\"status-disagree\">disagree</span>"
        } else {
            "<span class=\"status-agree\">agree</span>"
        };
        for (
            i,
            ValueRow {
                value,
                holders,
                written,
            },
        ) in row.values.iter().enumerate()
        {
            html.push_str("<tr>");
            if i == 0 {
                let _ = write!(
                    html,
                    "<td rowspan=\"{span}\">{title}<code>{}</code>{subject}</td><td rowspan=\"{span}\">{status}</td>",
                    escape(&row.fact)
                );
            }
            let names: Vec<String> = holders
                .iter()
                .map(|id| {
                    let name = short_name(&report.sources[id.0 as usize]);
                    if outlets.get(name).copied().unwrap_or(0) > 1 {
                        format!("{} (#{})", escape(name), id.0 + 1)
                    } else {
                        escape(name)
                    }
                })
                .collect();
            let written: Vec<String> = written
                .iter()
                .map(|w| format!("\u{201c}{}\u{201d}", escape(w)))
                .collect();
            let _ = writeln!(
                html,
                "<td><span class=\"value\">{}</span></td><td class=\"written\">{}</td><td class=\"num\">{} of {total}</td><td>{}</td></tr>",
                escape(value),
                written.join(", "),
                holders.len(),
                names.join(", ")
            );
        }
    }
    html.push_str("</tbody></table></section>\n");
}

fn write_claim(report: &Report, r: &ClaimRef, html: &mut String) {
    let source = report.source(r);
    let claim = report.claim(r);
    let row = report.row(r);
    let _ = writeln!(
        html,
        "<div class=\"claim\"><div><span class=\"who\">{}</span> <span class=\"path\">{}:{}:{}</span></div>\
         <blockquote>{}</blockquote><p class=\"resolution\">{}</p></div>",
        escape(short_name(source)),
        escape(&source.name),
        row.line,
        row.column,
        excerpt(source, claim),
        resolution(source, claim)
    );
}

fn write_finding(report: &Report, finding: &Finding, html: &mut String) {
    let class = severity_class(finding.severity);
    let _ = writeln!(
        html,
        "<article class=\"finding {class}\" id=\"finding-{}\"><h3><span class=\"badge {class}\">{}</span>{}</h3>",
        escape(&finding.id),
        escape(finding.severity.as_str()),
        escape(&finding.title)
    );
    let subject = finding
        .subject
        .as_deref()
        .map(|s| format!(" · for {}", escape(s)))
        .unwrap_or_default();
    let _ = writeln!(
        html,
        "<p class=\"meta\">{} · rule <code>{}</code> · finding <code>{}</code>{subject}</p>",
        escape(&finding.message),
        escape(&finding.fact),
        escape(&finding.id)
    );
    html.push_str("<div class=\"sides\">\n");
    for side in &finding.sides {
        let holders: BTreeSet<SourceId> = side.claims.iter().map(|r| r.source).collect();
        let heading = if finding.kind == FindingKind::Disagreement {
            // Every value the side's claims give, not just the side's.
            let values: Vec<String> = side
                .by_value()
                .into_iter()
                .map(|(value, _)| format!("<span class=\"value\">{}</span>", escape(value)))
                .collect();
            format!(
                "Side {}: {} · {}",
                side.number,
                values.join(", "),
                plural(holders.len(), "source", "sources")
            )
        } else {
            format!("<span class=\"value\">{}</span>", escape(&side.value))
        };
        let _ = writeln!(
            html,
            "<div class=\"side side-{}\"><h4>{heading}</h4>",
            side.number.min(4)
        );
        for r in &side.claims {
            write_claim(report, r, html);
        }
        html.push_str("</div>\n");
    }
    if !finding.vague.is_empty() {
        html.push_str("<div class=\"side side-0\"><h4>Fits more than one side</h4>\n");
        for r in &finding.vague {
            write_claim(report, r, html);
        }
        html.push_str("</div>\n");
    }
    html.push_str("</div>\n");
    if let Some(help) = &finding.help {
        let _ = writeln!(html, "<p class=\"help\">{}</p>", code_spans(&escape(help)));
    }
    html.push_str("</article>\n");
}

fn write_standings(report: &Report, standings: &[Standing], html: &mut String) {
    html.push_str("<section id=\"agreement\"><h2>Which sources agree</h2>\n");
    let _ = writeln!(
        html,
        "<p class=\"help\">With {} sources the source-by-source matrix is folded into one row per source.</p>",
        standings.len()
    );
    html.push_str("<table class=\"matrix standings\"><thead><tr><th></th><th class=\"num\">Facts stated</th><th class=\"num\">Opposed by another source</th></tr></thead><tbody>\n");
    for (a, standing) in standings.iter().enumerate() {
        let (class, text) = match standing.opposed {
            0 if standing.stated == 0 => ("", "–".to_string()),
            0 => ("agree", "✓ none".to_string()),
            n => ("disagree", format!("✗ {}", plural(n, "fact", "facts"))),
        };
        let _ = writeln!(
            html,
            "<tr><th class=\"row\">{}. {}</th><td class=\"self\">{}</td><td class=\"{class}\">{text}</td></tr>",
            a + 1,
            source_name(&report.sources[a]),
            standing.stated
        );
    }
    html.push_str("</tbody></table>\n<p class=\"help\">A source is opposed on a fact when another source holds only sides it does not.</p></section>\n");
}

fn write_matrix(report: &Report, matrix: &[Vec<Pair>], html: &mut String) {
    html.push_str("<section id=\"agreement\"><h2>Which sources agree</h2>\n");
    html.push_str("<table class=\"matrix\"><thead><tr><th></th>");
    for i in 0..report.sources.len() {
        let _ = write!(html, "<th class=\"num\">{}</th>", i + 1);
    }
    html.push_str("</tr></thead><tbody>\n");
    for (a, row) in matrix.iter().enumerate() {
        let _ = write!(
            html,
            "<tr><th class=\"row\">{}. {}</th>",
            a + 1,
            source_name(&report.sources[a])
        );
        for (b, pair) in row.iter().enumerate() {
            let (class, text) = if a == b {
                let stated = pair.agree + pair.disagree;
                ("self", plural(stated, "fact", "facts"))
            } else {
                match (pair.agree, pair.disagree) {
                    (0, 0) => ("", "–".to_string()),
                    (n, 0) => ("agree", format!("✓ {n}")),
                    (0, n) => ("disagree", format!("✗ {n}")),
                    (y, n) => ("mixed", format!("✓ {y} ✗ {n}")),
                }
            };
            let _ = write!(html, "<td class=\"{class}\">{text}</td>");
        }
        html.push_str("</tr>\n");
    }
    html.push_str("</tbody></table>\n<p class=\"help\">Each cell counts the facts two sources both state: ✓ on a common side, ✗ on opposing sides. The diagonal counts the facts a source states.</p></section>\n");
}

/// The whole report as one HTML page.
pub fn findings(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let disagreements = disagreements(report);
    let rows = fact_rows(report, &disagreements);
    let (errors, warnings, infos) = (
        report.count(Severity::Error),
        report.count(Severity::Warning),
        report.count(Severity::Info),
    );
    let headline = format!(
        "{} in {}",
        plural(report.findings.len(), "finding", "findings"),
        plural(report.sources.len(), "source", "sources")
    );
    let mut html = String::new();
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>crosscheck: {headline}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n\
         <header class=\"masthead\"><h1>Do the sources agree?</h1>\n\
         <ul class=\"tally\"><li>{headline}</li><li class=\"error\">{}</li><li class=\"warning\">{}</li><li class=\"info\">{}</li></ul></header>\n",
        plural(errors, "error", "errors"),
        plural(warnings, "warning", "warnings"),
        plural(infos, "info", "infos"),
    );
    write_sources(report, &mut html);
    write_facts(report, &rows, &mut html);
    html.push_str("<section id=\"findings\"><h2>Findings</h2>\n");
    if report.findings.is_empty() {
        html.push_str("<p class=\"none\">The sources agree on every fact the rules check.</p>\n");
    }
    for finding in report.findings {
        write_finding(report, finding, &mut html);
    }
    html.push_str("</section>\n");
    if report.sources.len() <= MATRIX_MAX_SOURCES {
        let matrix = agreement_matrix(report, &rows, &disagreements);
        write_matrix(report, &matrix, &mut html);
    } else {
        let standings = standings(report, &rows, &disagreements);
        write_standings(report, &standings, &mut html);
    }
    html.push_str("<footer class=\"legend\">Made by crosscheck. Values are TIMEX3-style as written (<code>XXXX-07-03</code>: a July 3 of unknown year); claims on one side can all be true together. Line and column count characters in each file.</footer>\n</main>\n</body>\n</html>\n");
    out.write_all(html.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_covers_markup_and_quotes() {
        assert_eq!(
            escape(r#"<b>"A&B's"</b>"#),
            "&lt;b&gt;&quot;A&amp;B&#39;s&quot;&lt;/b&gt;"
        );
    }

    #[test]
    fn backticks_in_help_become_code_unless_unbalanced() {
        assert_eq!(code_spans("rule `a-b` here"), "rule <code>a-b</code> here");
        assert_eq!(code_spans("odd ` tick"), "odd ` tick");
    }

    #[test]
    fn the_excerpt_is_the_claims_sentence() {
        let text = "First one. On July 3, it happened. Then more.\nNext line.";
        let at = text.find("July 3").unwrap();
        let r = sentence_around(text, &(at..at + 6));
        assert_eq!(&text[r], "On July 3, it happened.");
    }

    #[test]
    fn excerpts_stay_on_char_boundaries_near_the_edges() {
        let text = "’’’ July 3 ’’’";
        let at = text.find("July").unwrap();
        for range in [0..0, at..at + 6, text.len()..text.len(), 1..2] {
            let r = sentence_around(text, &range);
            assert!(text.get(r).is_some());
        }
    }
}
