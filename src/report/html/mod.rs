//! The desk's report: one self-contained HTML page (inline CSS, no script,
//! nothing fetched) that an editor opens in a browser, prints, or attaches
//! to a mail.
//!
//! It is the page an editor on deadline reads first: the findings open it,
//! errors before warnings before infos, each a card with its sides side by
//! side, every source's sentence quoted with the claim marked, and a
//! picture where one serves (a toll against publication time, a strip of
//! candidate days); updates of a rising figure come last, as updates. Then
//! the sources, the facts (agreeing ones folded), and a matrix of which
//! sources agree with which. Severity is always a word and an icon, never a
//! colour alone. Every piece of text from a source or a rule is escaped.

mod pictures;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io::{self, Write};
use std::ops::Range;

use super::{plural, Report};
use crate::compare::summary::{
    self, shown_value, Disagreements, FactSummary, HeldValue, Pair, Standing,
};
use crate::compare::{ClaimRef, Finding, FindingKind};
use crate::extract::{sentence, Claim, ClaimKind};
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

/// The page's style sheet, inline so the page stays one file.
const STYLE: &str = include_str!("style.css");

/// The text a reader sees and the claim's range in it (see
/// [`Source::readable`]).
fn readable<'a>(source: &'a Source, claim: &Claim) -> (&'a str, Range<usize>) {
    source.readable(claim.span.range.clone())
}

/// The claim's sentence with the claim marked.
fn excerpt(source: &Source, claim: &Claim) -> String {
    let (text, range) = readable(source, claim);
    let around = sentence::around(text, &range);
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

/// How the claim's value was reached: what was written, what it was read
/// as, and how a relative or partial date was resolved (against which
/// document date, from which evidence).
fn resolution(source: &Source, claim: &Claim) -> String {
    let (text, range) = readable(source, claim);
    let written = match text.get(range).unwrap_or("") {
        "" => claim.value.notation(),
        words => words.to_string(),
    };
    let value = format!(
        "<span class=\"value\">{}</span>",
        escape(&shown_value(claim))
    );
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
    format!("{} → {value}: {how}.", quoted_once(&written))
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

/// The icon beside a severity's word: the word carries the meaning, the
/// icon lets the eye find it.
fn severity_icon(s: Severity) -> &'static str {
    match s {
        Severity::Error => "\u{2716}",
        Severity::Warning => "\u{26a0}",
        Severity::Info => "\u{2139}",
    }
}

/// A finding's badge: its severity, or "update" for a superseded figure.
fn badge(finding: &Finding) -> String {
    if finding.kind == FindingKind::Superseded {
        return "<span class=\"badge update\"><span aria-hidden=\"true\">\u{21bb}</span> update</span>".to_string();
    }
    let class = severity_class(finding.severity);
    format!(
        "<span class=\"badge {class}\"><span aria-hidden=\"true\">{}</span> {}</span>",
        severity_icon(finding.severity),
        escape(finding.severity.as_str())
    )
}

/// Words as a source wrote them, between one pair of quote marks: a
/// quotation's own marks are not doubled.
fn quoted_once(written: &str) -> String {
    let mut inner = written;
    if let Some(rest) = inner.strip_prefix(['"', '\u{201c}', '\u{201e}', '\u{ab}']) {
        inner = rest;
        inner = inner
            .strip_suffix(['"', '\u{201d}', '\u{201c}', '\u{bb}'])
            .unwrap_or(inner);
    }
    format!("\u{201c}{}\u{201d}", escape(inner))
}

/// Past this many sources the page gets a sticky summary bar and the
/// sources table is sorted by how many findings involve each.
const MANY_SOURCES: usize = 12;

/// At most this many sources named beside a side's value; the rest counted.
const NAMED_HOLDERS: usize = 8;

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

/// Past this many sources the agreement matrix folds into one row per
/// source ([`Standing`]), since nobody reads a table of thousands of columns.
const MATRIX_MAX_SOURCES: usize = 40;

fn write_sources(report: &Report, involved: &[usize], html: &mut String) {
    html.push_str("<section id=\"sources\"><h2>Sources</h2>\n<table><thead><tr><th class=\"num\">#</th><th>Source</th><th>Path</th><th>Document date</th><th class=\"num\">Findings</th></tr></thead><tbody>\n");
    let mut order: Vec<usize> = (0..report.sources.len()).collect();
    let many = report.sources.len() > MANY_SOURCES;
    let mut silent = Vec::new();
    if many {
        // The sources in the most findings first; those that state no
        // fact at all are named once, after the table.
        order.sort_by(|a, b| involved[*b].cmp(&involved[*a]).then(a.cmp(b)));
        order.retain(|i| {
            let states = report.claims[*i].iter().any(|c| c.fact.is_some());
            if !states {
                silent.push(*i);
            }
            states
        });
    }
    for i in order {
        let source = &report.sources[i];
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
            "<tr><td class=\"num\">{}</td><td>{label}{draft}</td><td class=\"path\">{}</td><td>{date}</td><td class=\"num\">{}</td></tr>",
            i + 1,
            escape(&source.name),
            involved[i]
        );
    }
    html.push_str("</tbody></table>\n");
    if !silent.is_empty() {
        let names: Vec<String> = silent
            .iter()
            .map(|i| format!("{}. {}", i + 1, escape(short_name(&report.sources[*i]))))
            .collect();
        let _ = writeln!(
            html,
            "<p class=\"silent\"><strong>{} with no claim of any fact:</strong> {}</p>",
            plural(silent.len(), "source", "sources"),
            names.join(", ")
        );
    }
    html.push_str("</section>\n");
}

/// A fact's status: a mark and words, in the colour of agreement or not.
fn status(agree: bool, words: &str) -> String {
    let (class, mark) = if agree {
        ("status-agree", "\u{2713}")
    } else {
        ("status-disagree", "\u{2717}")
    };
    format!("<span class=\"{class}\"><span aria-hidden=\"true\">{mark}</span> {words}</span>")
}

/// What a fact's subjects are called in its summary line.
fn subjects_noun(fact: &FactSummary, n: usize) -> String {
    let people = fact
        .kind
        .is_some_and(|k| matches!(k, ClaimKind::Person | ClaimKind::Title | ClaimKind::Quote));
    match (people, n) {
        (true, 1) => "1 person".to_string(),
        (true, n) => format!("{n} people"),
        (false, n) => plural(n, "subject", "subjects"),
    }
}

fn write_facts(report: &Report, rows: &[FactSummary], html: &mut String) {
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
    // One fold per fact: the rows of a fact are consecutive (fact order).
    for group in rows.chunk_by(|a, b| a.fact == b.fact) {
        let disagreeing = group.iter().filter(|r| r.disagree).count();
        let fact = escape(&group[0].fact);
        let with_subjects = group.iter().any(|r| r.subject.is_some());
        let whom = if with_subjects {
            format!(" for {}", subjects_noun(&group[0], group.len()))
        } else {
            String::new()
        };
        let (open, status) = match (disagreeing, with_subjects) {
            (0, _) => ("", status(true, "all agree")),
            (1, true) => (" open", status(false, "1 disagrees")),
            (n, true) => (" open", status(false, &format!("{n} disagree"))),
            (_, false) => (" open", status(false, "disagree")),
        };
        let _ = writeln!(
            html,
            "<details class=\"fact\"{open}><summary><code>{fact}</code>{whom}: {status}</summary>"
        );
        html.push_str("<table><thead><tr><th>Fact</th><th>Status</th><th>Value</th><th>As written</th><th class=\"num\">Sources</th><th>Held by</th></tr></thead><tbody>\n");
        for row in group {
            write_fact_rows(report, row, &outlets, total, html);
        }
        html.push_str("</tbody></table></details>\n");
    }
    html.push_str("</section>\n");
}

/// One fact's rows: a row per value, the fact and its status beside the first.
fn write_fact_rows(
    report: &Report,
    row: &FactSummary,
    outlets: &BTreeMap<&str, usize>,
    total: usize,
    html: &mut String,
) {
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
        status(false, "disagree")
    } else {
        status(true, "agree")
    };
    for (
        i,
        HeldValue {
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
        let written: Vec<String> = written.iter().map(|w| quoted_once(w)).collect();
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

/// The sources holding a side, by name: the first few, the rest counted.
fn holder_names(report: &Report, holders: &BTreeSet<SourceId>) -> String {
    let mut names: Vec<String> = holders
        .iter()
        .take(NAMED_HOLDERS)
        .map(|id| escape(short_name(&report.sources[id.0 as usize])))
        .collect();
    if holders.len() > NAMED_HOLDERS {
        names.push(format!("and {} more", holders.len() - NAMED_HOLDERS));
    }
    names.join(", ")
}

fn write_finding(report: &Report, finding: &Finding, html: &mut String) {
    let class = if finding.kind == FindingKind::Superseded {
        "update"
    } else {
        severity_class(finding.severity)
    };
    let _ = writeln!(
        html,
        "<article class=\"finding {class}\" id=\"finding-{}\"><h3>{}{}</h3>",
        escape(&finding.id),
        badge(finding),
        escape(&finding.title)
    );
    let subject = finding
        .subject
        .as_deref()
        .map(|s| format!(" · for {}", escape(s)))
        .unwrap_or_default();
    let _ = writeln!(
        html,
        "<p class=\"meta\">{}{subject}</p>",
        escape(&finding.message),
    );
    if let Some(t) = summary::timeline(finding, report.sources, report.claims) {
        html.push_str(&pictures::timeline(report.sources, &t));
    }
    if let Some(strip) = summary::day_strip(finding, report.claims) {
        html.push_str(&pictures::day_strip(report.sources, &strip));
    }
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
                "Side {}: {} · {}: {}",
                side.number,
                values.join(", "),
                plural(holders.len(), "source", "sources"),
                holder_names(report, &holders)
            )
        } else {
            format!(
                "<span class=\"value\">{}</span> · {}",
                escape(&side.value),
                holder_names(report, &holders)
            )
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
    let _ = writeln!(
        html,
        "<p class=\"ids\">rule <code>{}</code> · finding <code>{}</code> (for a baseline)</p>",
        escape(&finding.fact),
        escape(&finding.id)
    );
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
        if standing.stated == 0 {
            // Named once, under the sources table.
            continue;
        }
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

/// The findings in reading order: errors, warnings, infos; updates of a
/// rising figure last. Within a severity, as compare found them.
fn reading_order(findings: &[Finding]) -> Vec<&Finding> {
    let mut order: Vec<&Finding> = findings.iter().collect();
    order.sort_by_key(|f| {
        (
            f.kind == FindingKind::Superseded,
            std::cmp::Reverse(f.severity),
        )
    });
    order
}

fn write_summary_bar(report: &Report, order: &[&Finding], html: &mut String) {
    html.push_str("<nav class=\"summary-bar\" aria-label=\"Findings\"><ul class=\"tally\">");
    for severity in [Severity::Error, Severity::Warning, Severity::Info] {
        let n = order
            .iter()
            .filter(|f| f.severity == severity && f.kind != FindingKind::Superseded)
            .count();
        let _ = write!(
            html,
            "<li class=\"{}\"><span aria-hidden=\"true\">{}</span> {}</li>",
            severity_class(severity),
            severity_icon(severity),
            plural(n, severity.as_str(), &format!("{}s", severity.as_str()))
        );
    }
    let updates = order
        .iter()
        .filter(|f| f.kind == FindingKind::Superseded)
        .count();
    if updates > 0 {
        let _ = write!(
            html,
            "<li class=\"update\"><span aria-hidden=\"true\">\u{21bb}</span> {}</li>",
            plural(updates, "update", "updates")
        );
    }
    let _ = write!(
        html,
        "<li><a href=\"#sources\">{}</a></li></ul><ol class=\"jump\">",
        plural(report.sources.len(), "source", "sources")
    );
    for f in order {
        let _ = write!(
            html,
            "<li><a href=\"#finding-{}\">{}</a></li>",
            escape(&f.id),
            escape(&f.title)
        );
    }
    html.push_str("</ol></nav>\n");
}

/// The whole report as one HTML page.
pub fn findings(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let disagreements = Disagreements::of(report.findings);
    let rows = summary::facts(report.sources, report.claims, &disagreements);
    let involved = summary::involvement(report.sources.len(), report.findings);
    let order = reading_order(report.findings);
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
         <title>crosscheck: {headline}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
    );
    if report.sources.len() > MANY_SOURCES {
        write_summary_bar(report, &order, &mut html);
    }
    let _ = write!(
        html,
        "<main>\n<header class=\"masthead\"><h1>Do the sources agree?</h1>\n\
         <ul class=\"tally\"><li>{headline}</li><li class=\"error\"><span aria-hidden=\"true\">{}</span> {}</li><li class=\"warning\"><span aria-hidden=\"true\">{}</span> {}</li><li class=\"info\"><span aria-hidden=\"true\">{}</span> {}</li></ul></header>\n",
        severity_icon(Severity::Error),
        plural(errors, "error", "errors"),
        severity_icon(Severity::Warning),
        plural(warnings, "warning", "warnings"),
        severity_icon(Severity::Info),
        plural(infos, "info", "infos"),
    );
    html.push_str("<section id=\"findings\"><h2>Findings</h2>\n");
    if report.findings.is_empty() {
        html.push_str("<p class=\"none\">The sources agree on every fact the rules check.</p>\n");
    }
    let mut updates_told = false;
    for finding in &order {
        if finding.kind == FindingKind::Superseded && !updates_told {
            html.push_str("<h3 class=\"updates\">Updates: a later report raised a rising figure (not disagreements)</h3>\n");
            updates_told = true;
        }
        write_finding(report, finding, &mut html);
    }
    html.push_str("</section>\n");
    write_sources(report, &involved, &mut html);
    write_facts(report, &rows, &mut html);
    if report.sources.len() <= MATRIX_MAX_SOURCES {
        let matrix = summary::agreement_matrix(report.sources.len(), &rows, &disagreements);
        write_matrix(report, &matrix, &mut html);
    } else {
        let standings = summary::standings(report.sources.len(), &rows, &disagreements);
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
}
