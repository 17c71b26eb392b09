//! Markdown drafts: the parts of a file that are not prose.
//!
//! Claims inside front matter, fenced or indented code blocks, HTML
//! comments and link targets are not the story's claims ("2025-07-04" in a
//! `date:` field, a URL with a number in it). We mask those byte ranges
//! instead of rewriting the text, so every span stays byte-exact in the
//! original file. Inline acknowledgements live in HTML comments:
//! `<!-- crosscheck-ignore recognition-date: reason -->`.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// An inline acknowledgement of a known disagreement in a draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Acknowledgement {
    pub fact: String,
    pub reason: Option<String>,
    pub span: Range<usize>,
}

static LINK_TARGET: LazyLock<Regex> = LazyLock::new(|| {
    // [text](target "title") and reference definitions "[id]: target".
    Regex::new(
        r"(?mR)\]\((?P<inline>[^)\r\n]*)\)|^[ ]{0,3}\[[^\]\r\n]+\]:[ \t]*(?P<reference>\S+.*)$",
    )
    .expect("link pattern is valid")
});

static COMMENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?s)<!--(?P<body>.*?)-->").expect("comment pattern is valid"));

static IGNORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*crosscheck-ignore\s+(?P<fact>[a-z0-9][a-z0-9-]*)\s*(?::\s*(?P<reason>.*?))?\s*$",
    )
    .expect("ignore pattern is valid")
});

/// Byte ranges of `text` that hold no prose claims.
pub fn masked_ranges(text: &str) -> Vec<Range<usize>> {
    let mut masked = Vec::new();
    let body_start = front_matter(text, &mut masked);
    code_blocks(text, body_start, &mut masked);
    for m in COMMENT.find_iter(text) {
        masked.push(m.range());
    }
    for caps in LINK_TARGET.captures_iter(text) {
        if let Some(m) = caps.name("inline").or_else(|| caps.name("reference")) {
            masked.push(m.range());
        }
    }
    masked.sort_by_key(|r| (r.start, r.end));
    masked
}

/// `<!-- crosscheck-ignore FACT: reason -->` comments in a draft.
pub fn acknowledgements(text: &str) -> Vec<Acknowledgement> {
    COMMENT
        .captures_iter(text)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let directive = IGNORE.captures(c.name("body")?.as_str())?;
            Some(Acknowledgement {
                fact: directive["fact"].to_string(),
                reason: directive
                    .name("reason")
                    .map(|r| r.as_str().to_string())
                    .filter(|r| !r.is_empty()),
                span: whole.range(),
            })
        })
        .collect()
}

/// Masks YAML (`---`) or TOML (`+++`) front matter; returns where the body starts.
fn front_matter(text: &str, masked: &mut Vec<Range<usize>>) -> usize {
    let text_start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &text[text_start..];
    for fence in ["---", "+++"] {
        let Some(after) = rest.strip_prefix(fence) else {
            continue;
        };
        if !after.starts_with(['\n', '\r']) {
            continue;
        }
        let mut offset = text_start + fence.len();
        for (i, line) in super::lines_inclusive(&text[offset..]).enumerate() {
            offset += line.len();
            // The first piece is the rest of the opening fence's line.
            if i > 0 && line.trim_end() == fence {
                masked.push(text_start..offset);
                return offset;
            }
        }
        // No closing fence: not front matter.
        return text_start;
    }
    text_start
}

/// Masks fenced (``` or ~~~) and indented code blocks.
fn code_blocks(text: &str, from: usize, masked: &mut Vec<Range<usize>>) {
    let mut offset = from;
    let mut fence: Option<(char, usize, usize)> = None; // (char, length, start)
    let mut previous_blank = true;
    let mut indented_start: Option<usize> = None;
    for line in super::lines_inclusive(&text[from..]) {
        let start = offset;
        offset += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let trimmed = content.trim_start_matches(' ');
        let indent = content.len() - trimmed.len();
        if let Some((c, len, fence_start)) = fence {
            let closes = indent < 4
                && trimmed.chars().take_while(|&x| x == c).count() >= len
                && trimmed.trim_start_matches(c).trim().is_empty();
            if closes {
                masked.push(fence_start..offset);
                fence = None;
            }
            continue;
        }
        let run = |c: char| trimmed.chars().take_while(|&x| x == c).count();
        if indent < 4 && (run('`') >= 3 || run('~') >= 3) {
            let c = if run('`') >= 3 { '`' } else { '~' };
            fence = Some((c, run(c), start));
            continue;
        }
        let is_indented_code = (content.starts_with("    ") || content.starts_with('\t'))
            && !trimmed.trim().is_empty();
        match (is_indented_code, indented_start) {
            (true, None) if previous_blank => indented_start = Some(start),
            (false, Some(s)) if !content.trim().is_empty() => {
                masked.push(s..start);
                indented_start = None;
            }
            _ => {}
        }
        previous_blank = content.trim().is_empty();
    }
    if let Some((_, _, fence_start)) = fence {
        // An unclosed fence runs to the end of the file, as in CommonMark.
        masked.push(fence_start..text.len());
    }
    if let Some(s) = indented_start {
        masked.push(s..text.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn masked_text(text: &str) -> Vec<&str> {
        masked_ranges(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn front_matter_code_comments_and_link_targets_are_masked() {
        let text = "---\ndate: 2025-07-04\n---\nOn July 3 it happened.\n\n```\nJuly 9\n```\nSee [the report](https://x.org/2025/07/05) <!-- July 6 -->\n";
        let masked = masked_text(text);
        assert_eq!(masked[0], "---\ndate: 2025-07-04\n---\n");
        assert!(masked.contains(&"```\nJuly 9\n```\n"));
        assert!(masked.contains(&"https://x.org/2025/07/05"));
        assert!(masked.contains(&"<!-- July 6 -->"));
        assert!(!masked.iter().any(|m| m.contains("July 3")));
    }

    #[test]
    fn lone_cr_and_crlf_files_are_masked_as_lf_files_are() {
        let lf = "---\ndate: 2025-07-04\n---\nOn July 3 it happened.\n\n```\nJuly 9\n```\n[r]: https://x.org/2025/07/05\nProse.\n";
        for end in ["\r", "\r\n"] {
            let text = lf.replace('\n', end);
            let masked: Vec<String> = masked_text(&text)
                .into_iter()
                .map(|m| m.replace(end, "\n"))
                .collect();
            assert_eq!(
                masked,
                [
                    "---\ndate: 2025-07-04\n---\n",
                    "```\nJuly 9\n```\n",
                    "https://x.org/2025/07/05"
                ],
                "{end:?}"
            );
        }
    }

    #[test]
    fn indented_code_after_a_blank_line_is_masked() {
        let text = "Prose on May 2.\n\n    code May 3\n\nMore prose.\n";
        let masked = masked_text(text);
        assert_eq!(masked, ["    code May 3\n\n"]);
    }

    #[test]
    fn acknowledgements_name_a_fact_and_a_reason() {
        let text = "Text <!-- crosscheck-ignore recognition-date: the desk chose July 4 -->\n<!-- other -->";
        let acks = acknowledgements(text);
        assert_eq!(acks.len(), 1);
        assert_eq!(acks[0].fact, "recognition-date");
        assert_eq!(acks[0].reason.as_deref(), Some("the desk chose July 4"));
    }
}
