//! A Markdown summary for a pull-request comment: a table of findings, then
//! each finding's claims with their sources, lines and quoted text.
//!
//! Every piece of text that comes from the sources, the manifest or the
//! rules (words, quotes, values, names, messages) goes through [`inert`]:
//! a source cannot put markup, links, mentions or a closing `</details>`
//! into the comment.

use std::io::{self, Write};

use super::Report;
use crate::rules::Severity;

/// Text shown as written wherever it lands in the comment: a table cell,
/// a list item, or the raw HTML of a `<summary>` line (where Markdown is
/// not read, so a backslash escape would show). One form serves all three:
/// character references, which Markdown and HTML both decode to the
/// character and neither reads as markup.
///
/// Escaped: HTML (`<`, `>`, `&`), code spans, links and images (`` ` ``,
/// `[`, `]`, `!`), emphasis and strikethrough (`*`, `_` except inside a
/// word, `~`), backslash escapes, table pipes, math (`$`); a line end is a
/// space. Autolinks (`https://`, `www.`) are broken by escaping their `:`
/// or `.`, and mentions and issue references (`@name`, `#12`) by a
/// zero-width space after the sign, so that no one is notified.
fn inert(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    let word = |c: Option<&char>| c.is_some_and(|c| c.is_alphanumeric());
    for (i, &c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).and_then(|j| chars.get(j));
        let after = chars.get(i + 1);
        match c {
            '\r' if after == Some(&'\n') => {}
            '\r' | '\n' => out.push(' '),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            // Inside a word ("000_dd3a.txt") an underscore cannot emphasise.
            '_' if word(before) && word(after) => out.push('_'),
            '`' | '[' | ']' | '!' | '*' | '_' | '~' | '\\' | '|' | '$' => {
                out.push_str(&format!("&#{};", u32::from(c)));
            }
            ':' if chars[i + 1..].starts_with(&['/', '/']) => out.push_str("&#58;"),
            '.' if i >= 3 && chars[i - 3..i].iter().all(|w| w.eq_ignore_ascii_case(&'w')) => {
                out.push_str("&#46;");
            }
            '@' | '#' if word(after) => {
                out.push(c);
                out.push_str("&#8203;");
            }
            _ => out.push(c),
        }
    }
    out
}

pub fn findings(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "## crosscheck")?;
    writeln!(out)?;
    if report.findings.is_empty() {
        writeln!(
            out,
            "No disagreements among {}.",
            super::plural(report.sources.len(), "source", "sources")
        )?;
        return Ok(());
    }
    writeln!(
        out,
        "{}, {}, {} in {}.",
        super::plural(report.count(Severity::Error), "error", "errors"),
        super::plural(report.count(Severity::Warning), "warning", "warnings"),
        super::plural(report.count(Severity::Info), "info", "infos"),
        super::plural(report.sources.len(), "source", "sources")
    )?;
    writeln!(out)?;
    writeln!(out, "| severity | fact | subject | finding |")?;
    writeln!(out, "|---|---|---|---|")?;
    for f in report.findings {
        // A rule id is lower-case letters, digits and hyphens: safe in a code span.
        writeln!(
            out,
            "| {} | `{}` | {} | {} |",
            f.severity.as_str(),
            f.fact,
            inert(f.subject.as_deref().unwrap_or("")),
            inert(&f.message)
        )?;
    }
    for f in report.findings {
        writeln!(out)?;
        writeln!(
            out,
            "<details><summary><code>{}</code> {}</summary>",
            f.fact,
            inert(&f.message)
        )?;
        writeln!(out)?;
        for (side, r) in f.claims_with_sides() {
            let source = report.source(&r);
            let row = report.row(&r);
            let role = if source.draft { " (draft)" } else { "" };
            // Not code spans: a backtick in a value or a name would close
            // one, and character references are not decoded inside one.
            writeln!(
                out,
                "- side {side}: <code>{}</code> in <code>{}</code>{role} line {}: “{}”",
                inert(row.resolved.as_deref().unwrap_or(&row.value)),
                inert(row.source),
                row.line,
                inert(row.text)
            )?;
        }
        writeln!(out)?;
        writeln!(out, "</details>")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::inert;

    #[test]
    fn markup_in_source_text_is_shown_not_read() {
        let text = inert("<img src=x onerror=alert(1)> <!-- </details> ``x`` [link](http://example.com) ![i](y) *a* _b_ ~c~ a|b \\ $x$");
        for raw in [
            "<", ">", "`", "[", "]", "](", "!", "*", "_", "~", "|", "\\", "$", "http://",
        ] {
            assert!(!text.contains(raw), "{raw:?} in {text}");
        }
        assert!(
            text.contains("&lt;img src=x onerror=alert(1)&gt;"),
            "{text}"
        );
        assert!(text.contains("&lt;/details&gt;"), "{text}");
    }

    #[test]
    fn plain_words_stay_as_they_are() {
        assert_eq!(inert("seeds/000_dd3a.txt"), "seeds/000_dd3a.txt");
        assert_eq!(
            inert("Transport Minister Ana Brell, at 2:31 PM (July 4, 2025)."),
            "Transport Minister Ana Brell, at 2:31 PM (July 4, 2025)."
        );
        assert_eq!(inert("a\r\nb\rc\nd"), "a b c d");
    }

    #[test]
    fn no_autolink_mention_or_issue_reference() {
        assert_eq!(inert("https://x.org"), "https&#58;//x.org");
        assert_eq!(inert("see www.x.org"), "see www&#46;x.org");
        assert_eq!(inert("@octocat and #12"), "@&#8203;octocat and #&#8203;12");
        assert_eq!(inert("a @ b # c"), "a @ b # c");
    }
}
