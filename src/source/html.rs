//! Saved web pages: the article's text, and the way back to the page's bytes.
//!
//! A page is read with a WHATWG tokenizer (html5gum), which decodes
//! character references and tells where each token lies in the file. We keep
//! the prose and drop what is not the story (scripts, styles, navigation,
//! footers, asides, forms, the `<head>`), collapse whitespace as a browser
//! does, and break lines at block elements so headlines and paragraphs stay
//! sentences of their own. Every byte of the extracted text remembers the
//! bytes of the page it came from ([`OffsetMap`]): extraction runs on the
//! text, and every span a report shows is translated back to the file.

use std::ops::Range;

use html5gum::emitters::callback::{CallbackEmitter, CallbackEvent};
use html5gum::{Span, Tokenizer};

/// True for `.html` and `.htm` files.
pub fn is_html_name(name: &str) -> bool {
    std::path::Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
}

/// A saved page: its original bytes, the text read from them, and the map
/// between the two.
#[derive(Clone, Debug)]
pub struct Page {
    /// The file as it is on disk.
    pub markup: String,
    /// The prose a reader sees, entities decoded.
    pub text: String,
    pub offsets: OffsetMap,
    /// The page's `<title>`, for a label when the manifest gives none.
    pub title: Option<String>,
    /// The outlet's name from `og:site_name` or `application-name`.
    pub site_name: Option<String>,
    /// Whether the source shows the markup (spans refer to the file) rather
    /// than the prose ([`super::Source::show_markup`]).
    pub shown: bool,
}

/// One run of the extracted text and the bytes of the page it stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Piece {
    text: Range<usize>,
    markup: Range<usize>,
    /// Copied byte for byte, so offsets inside map one to one; otherwise
    /// (a character reference, collapsed whitespace, a block break) the
    /// piece maps as a whole.
    literal: bool,
}

/// Maps byte offsets of the extracted text to byte offsets of the page,
/// and back. Pieces are in order on both sides. Shared, not copied, when
/// cloned: a page dense in character references has a piece every few
/// bytes, and a copy per use was the largest thing a run held.
#[derive(Clone, Debug, Default)]
pub struct OffsetMap {
    pieces: std::sync::Arc<Vec<Piece>>,
}

impl OffsetMap {
    /// The bytes of the page a range of the text came from. A range that
    /// begins or ends inside a character reference takes the whole reference.
    pub fn to_markup(&self, range: Range<usize>) -> Range<usize> {
        let start = self.markup_point(range.start, false);
        let end = self.markup_point(range.end, true).max(start);
        start..end
    }

    /// The range of the text that a range of the page shows; tags and
    /// dropped elements shrink to nothing.
    pub fn to_text(&self, range: Range<usize>) -> Range<usize> {
        let start = self.text_point(range.start, false);
        let end = self.text_point(range.end, true).max(start);
        start..end
    }

    fn markup_point(&self, offset: usize, is_end: bool) -> usize {
        // The piece holding the offset: for a start, the one it begins in;
        // for an end, the one it closes.
        let index = if is_end {
            self.pieces.partition_point(|p| p.text.end < offset)
        } else {
            self.pieces.partition_point(|p| p.text.end <= offset)
        };
        let Some(piece) = self.pieces.get(index) else {
            return self.pieces.last().map_or(0, |p| p.markup.end);
        };
        if offset < piece.text.start || (offset == piece.text.start && !is_end) {
            return piece.markup.start;
        }
        if piece.literal {
            piece.markup.start + (offset - piece.text.start).min(piece.markup.len())
        } else if is_end || offset > piece.text.start {
            piece.markup.end
        } else {
            piece.markup.start
        }
    }

    fn text_point(&self, offset: usize, is_end: bool) -> usize {
        let index = if is_end {
            self.pieces.partition_point(|p| p.markup.end < offset)
        } else {
            self.pieces.partition_point(|p| p.markup.end <= offset)
        };
        let Some(piece) = self.pieces.get(index) else {
            return self.pieces.last().map_or(0, |p| p.text.end);
        };
        if offset <= piece.markup.start {
            // In a gap (a tag, a dropped element): an end stays before it.
            return if is_end && offset < piece.markup.start {
                index
                    .checked_sub(1)
                    .and_then(|i| self.pieces.get(i))
                    .map_or(0, |p| p.text.end)
            } else {
                piece.text.start
            };
        }
        if piece.literal {
            piece.text.start + (offset - piece.markup.start).min(piece.text.len())
        } else if is_end {
            piece.text.end
        } else {
            piece.text.start
        }
    }
}

/// Elements whose content is not the story.
const DROPPED: &[&str] = &[
    "head", "script", "style", "noscript", "template", "nav", "footer", "aside", "form", "button",
    "select", "svg", "iframe", "object", "canvas", "dialog", "menu",
];

/// ARIA roles that mark the same kinds of page furniture.
const DROPPED_ROLES: &[&str] = &[
    "navigation",
    "contentinfo",
    "complementary",
    "banner",
    "search",
    "menu",
    "menubar",
    "dialog",
];

/// Elements that start a new block: a line break in the text, so a
/// headline or a paragraph is a sentence of its own.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "body",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

/// Elements with no end tag: they never open a dropped region.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// Builds the text and its map, one decoded character at a time.
#[derive(Default)]
struct TextBuilder {
    text: String,
    pieces: Vec<Piece>,
    /// Whitespace seen but not yet written: written as one space before
    /// the next visible character, dropped at a block break.
    pending_space: Option<Range<usize>>,
}

impl TextBuilder {
    fn push_piece(&mut self, s: &str, markup: Range<usize>, literal: bool) {
        let start = self.text.len();
        self.text.push_str(s);
        let text = start..self.text.len();
        if literal {
            if let Some(last) = self.pieces.last_mut() {
                if last.literal && last.text.end == text.start && last.markup.end == markup.start {
                    last.text.end = text.end;
                    last.markup.end = markup.end;
                    return;
                }
            }
        }
        self.pieces.push(Piece {
            text,
            markup,
            literal,
        });
    }

    fn at_line_start(&self) -> bool {
        self.text.is_empty() || self.text.ends_with('\n')
    }

    /// One decoded character and the bytes of the page it came from.
    fn push_char(&mut self, c: char, markup: Range<usize>, literal: bool, keep_space: bool) {
        if keep_space {
            if let Some(space) = self.pending_space.take() {
                self.push_piece(" ", space, false);
            }
            let mut buf = [0u8; 4];
            self.push_piece(c.encode_utf8(&mut buf), markup, literal);
            return;
        }
        // A no-break space is content, not layout: kept as written.
        if c != '\u{a0}' && c.is_whitespace() {
            if self.at_line_start() {
                return;
            }
            match &mut self.pending_space {
                Some(space) => space.end = markup.end,
                None => self.pending_space = Some(markup),
            }
            return;
        }
        if let Some(space) = self.pending_space.take() {
            let single = space.len() == 1;
            self.push_piece(" ", space, single);
        }
        let mut buf = [0u8; 4];
        self.push_piece(c.encode_utf8(&mut buf), markup, literal);
    }

    /// Ends the current line (`blank`: and leaves a blank line after it).
    fn line_break(&mut self, at: usize, blank: bool) {
        self.pending_space = None;
        if self.text.is_empty() {
            return;
        }
        let wanted = if blank { "\n\n" } else { "\n" };
        let have = self.text.len() - self.text.trim_end_matches('\n').len();
        if have < wanted.len() {
            let missing = &wanted[have..];
            self.push_piece(missing, at..at, false);
        }
    }
}

/// Length of a character reference at the start of `raw` that ends with
/// `;` (`&rsquo;`, `&#8217;`, `&#x2019;`), if there is one.
fn terminated_reference(raw: &str) -> Option<usize> {
    let rest = raw.strip_prefix('&')?;
    let body = rest
        .strip_prefix('#')
        .map(|r| r.strip_prefix(['x', 'X']).unwrap_or(r))
        .unwrap_or(rest);
    let run = body
        .char_indices()
        .find(|(_, c)| !c.is_ascii_alphanumeric())
        .map_or(body.len(), |(i, _)| i);
    if run == 0 || !body[run..].starts_with(';') {
        return None;
    }
    Some(raw.len() - body.len() + run + 1)
}

/// Length of a numeric reference without its `;` (`&#8217 `).
fn unterminated_numeric_reference(raw: &str) -> Option<usize> {
    let rest = raw.strip_prefix("&#")?;
    let (digits, prefix) = match rest.strip_prefix(['x', 'X']) {
        Some(hex) => (hex.chars().take_while(|c| c.is_ascii_hexdigit()).count(), 3),
        None => (rest.chars().take_while(|c| c.is_ascii_digit()).count(), 2),
    };
    (digits > 0).then_some(prefix + digits)
}

/// Feeds a run of decoded text to the builder, aligning each character
/// with the bytes of `markup[span]` it was decoded from.
fn align(
    builder: &mut TextBuilder,
    markup: &str,
    span: Range<usize>,
    decoded: &str,
    keep_space: bool,
) {
    let start = span.start.min(markup.len());
    let end = span.end.clamp(start, markup.len());
    let raw = markup.get(start..end).unwrap_or("");
    let base = if raw.is_empty() && end > start {
        end
    } else {
        start
    };
    let mut i = 0; // in raw
    let mut chars = decoded.chars().peekable();
    while let Some(d) = chars.next() {
        let here = &raw[i..];
        let Some(r) = here.chars().next() else {
            // The page ran out before the decoded text: nothing to point at
            // but the run's end.
            builder.push_char(d, base + i..base + i, false, keep_space);
            continue;
        };
        if r == '&' {
            let literal_amp = d == '&' && {
                // An unknown name such as "&foo;" stays as written.
                let len = terminated_reference(here).unwrap_or(1);
                let mut ahead = chars.clone();
                here[1..len].chars().all(|c| ahead.next() == Some(c))
            };
            if !literal_amp {
                let len = terminated_reference(here)
                    .map(|len| {
                        // "&notit;" is "&not" and "it;": when the decoded
                        // text goes on with the name's tail, the reference
                        // was the longest known prefix.
                        let follows = |s: &str| {
                            let mut ahead = chars.clone();
                            s.chars().all(|c| ahead.next() == Some(c))
                        };
                        let next_raw = here[len..].chars().next().map(String::from);
                        if follows(next_raw.as_deref().unwrap_or("")) {
                            return len;
                        }
                        (2..len)
                            .filter(|&k| here.is_char_boundary(k))
                            .find(|&k| follows(&here[k..len]))
                            .unwrap_or(len)
                    })
                    .or_else(|| unterminated_numeric_reference(here))
                    .unwrap_or_else(|| {
                        // A legacy name without `;` ("&copy 2025"): the
                        // reference ends where the next decoded character
                        // is found again.
                        let next = chars.peek().copied();
                        let name: usize = here[1..]
                            .chars()
                            .take_while(|c| c.is_ascii_alphanumeric() && Some(*c) != next)
                            .map(char::len_utf8)
                            .sum();
                        1 + name
                    });
                builder.push_char(d, base + i..base + i + len, false, keep_space);
                i += len;
                continue;
            }
        }
        if r == d {
            builder.push_char(d, base + i..base + i + r.len_utf8(), true, keep_space);
            i += r.len_utf8();
            continue;
        }
        if r == '\r' && d == '\n' {
            let len = if here.starts_with("\r\n") { 2 } else { 1 };
            builder.push_char(d, base + i..base + i + len, false, keep_space);
            i += len;
            continue;
        }
        // Something the tokenizer replaced or dropped: find the character
        // a little further on, or point at where we are.
        match here.char_indices().take(8).find(|(_, c)| *c == d) {
            Some((skip, c)) => {
                builder.push_char(
                    d,
                    base + i + skip..base + i + skip + c.len_utf8(),
                    true,
                    keep_space,
                );
                i += skip + c.len_utf8();
            }
            None => {
                builder.push_char(d, base + i..base + i + r.len_utf8(), false, keep_space);
                i += r.len_utf8();
            }
        }
    }
}

/// What the reader is inside of while walking the tokens.
#[derive(Default)]
struct Walk {
    /// The element whose content is being dropped, and how deep in
    /// elements of the same name we are.
    dropping: Option<(String, usize)>,
    /// The start tag being read: its name and whether an attribute
    /// marks it as furniture.
    tag: Option<(String, bool)>,
    attribute: String,
    pre_depth: usize,
    /// The `<title>`'s text, while inside it and after.
    title: Option<String>,
    in_title: bool,
    /// The current `<meta>`'s property or name, and its content.
    meta: (String, String),
    site_name: Option<String>,
}

/// Reads a page: the article's text and the map back to the page's bytes.
pub fn read(markup: String) -> Page {
    let mut walk = Walk::default();
    let mut builder = TextBuilder::default();
    let mut emitter = CallbackEmitter::new(
        |event: CallbackEvent<'_>, span: Span<usize>| -> Option<std::convert::Infallible> {
            on_event(
                &mut walk,
                &mut builder,
                &markup,
                event,
                span.start..span.end,
            );
            None
        },
    );
    emitter.naively_switch_states(true);
    // The reader is a string: it cannot fail.
    let _ = Tokenizer::new_with_emitter(markup.as_str(), emitter).finish();
    builder.pending_space = None;
    let mut text = builder.text;
    let mut pieces = builder.pieces;
    // Trailing line breaks are layout.
    let kept = text.trim_end().len();
    text.truncate(kept);
    while pieces.last().is_some_and(|p| p.text.start >= kept) {
        pieces.pop();
    }
    if let Some(last) = pieces.last_mut() {
        if last.text.end > kept {
            last.text.end = kept;
            if last.literal {
                last.markup.end = last.markup.start + last.text.len();
            }
        }
    }
    let tidy = |s: Option<String>| {
        s.map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|t| !t.is_empty())
    };
    Page {
        markup,
        text,
        offsets: OffsetMap {
            pieces: std::sync::Arc::new(pieces),
        },
        title: tidy(walk.title),
        site_name: tidy(walk.site_name),
        shown: false,
    }
}

fn lower(name: &[u8]) -> String {
    String::from_utf8_lossy(name).to_ascii_lowercase()
}

fn on_event(
    walk: &mut Walk,
    builder: &mut TextBuilder,
    markup: &str,
    event: CallbackEvent<'_>,
    span: Range<usize>,
) {
    match event {
        CallbackEvent::OpenStartTag { name } => {
            walk.tag = Some((lower(name), false));
            walk.meta = (String::new(), String::new());
        }
        CallbackEvent::AttributeName { name } => {
            walk.attribute = lower(name);
            if walk.attribute == "hidden" {
                if let Some((_, furniture)) = &mut walk.tag {
                    *furniture = true;
                }
            }
        }
        CallbackEvent::AttributeValue { value } => {
            if walk.tag.as_ref().is_some_and(|(name, _)| name == "meta") {
                match walk.attribute.as_str() {
                    "property" | "name" => walk.meta.0 = lower(value),
                    "content" => walk.meta.1 = String::from_utf8_lossy(value).into_owned(),
                    _ => {}
                }
            }
            let value = lower(value);
            let furniture = match walk.attribute.as_str() {
                "role" => DROPPED_ROLES.contains(&value.trim()),
                "aria-hidden" => value.trim() == "true",
                _ => false,
            };
            if let Some((_, f)) = &mut walk.tag {
                *f |= furniture;
            }
        }
        CallbackEvent::CloseStartTag { self_closing } => {
            let Some((name, furniture)) = walk.tag.take() else {
                return;
            };
            if name == "meta"
                && matches!(walk.meta.0.as_str(), "og:site_name" | "application-name")
                && walk.site_name.is_none()
            {
                walk.site_name = Some(walk.meta.1.clone());
            }
            if name == "title" && walk.title.is_none() && !self_closing {
                walk.in_title = true;
                walk.title = Some(String::new());
            }
            let void = VOID.contains(&name.as_str()) || self_closing;
            if let Some((dropped, depth)) = &mut walk.dropping {
                if *dropped == name && !void {
                    *depth += 1;
                }
                return;
            }
            if !void && (furniture || DROPPED.contains(&name.as_str())) {
                walk.dropping = Some((name, 1));
                return;
            }
            if name == "br" {
                builder.line_break(span.start, false);
            } else if BLOCKS.contains(&name.as_str()) {
                builder.line_break(span.start, true);
            }
            if name == "pre" && !void {
                walk.pre_depth += 1;
            }
        }
        CallbackEvent::EndTag { name } => {
            let name = lower(name);
            if name == "title" {
                walk.in_title = false;
            }
            if let Some((dropped, depth)) = &mut walk.dropping {
                if *dropped == name {
                    *depth -= 1;
                    if *depth == 0 {
                        walk.dropping = None;
                    }
                }
                return;
            }
            if BLOCKS.contains(&name.as_str()) {
                builder.line_break(span.start, true);
            }
            if name == "pre" {
                walk.pre_depth = walk.pre_depth.saturating_sub(1);
            }
        }
        CallbackEvent::String { value } => {
            if walk.in_title {
                if let Some(title) = &mut walk.title {
                    title.push_str(&String::from_utf8_lossy(value));
                }
            }
            if walk.dropping.is_some() {
                return;
            }
            let decoded = String::from_utf8_lossy(value);
            align(builder, markup, span, &decoded, walk.pre_depth > 0);
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(markup: &str) -> Page {
        read(markup.to_string())
    }

    /// The bytes of the page that a piece of the text came from.
    fn back<'a>(page: &'a Page, needle: &str) -> &'a str {
        let at = page.text.find(needle).expect("needle in text");
        let range = page.offsets.to_markup(at..at + needle.len());
        &page.markup[range]
    }

    #[test]
    fn scripts_styles_navigation_and_footers_are_dropped() {
        let p = page(
            "<html><head><title>July 9</title><style>p{}</style></head><body>\
             <nav><a href=/>Home</a> May 1</nav><script>var d = 'June 2' < 3;</script>\
             <p>On July 3, it happened.</p><footer>© 2025</footer>\
             <div role=navigation>Aug 5</div><aside>Sep 6</aside><p>End.</p></body></html>",
        );
        assert_eq!(p.text, "On July 3, it happened.\n\nEnd.");
    }

    #[test]
    fn the_title_and_site_name_are_kept_for_the_label() {
        let p = page(
            "<head><title>Bridge opens &ndash; The\n Wire</title>\
             <meta property=\"og:site_name\" content=\"The Wire &amp; Co\"></head><p>x</p>",
        );
        assert_eq!(p.title.as_deref(), Some("Bridge opens – The Wire"));
        assert_eq!(p.site_name.as_deref(), Some("The Wire & Co"));
        assert_eq!(p.text, "x");
    }

    #[test]
    fn entities_are_decoded_and_map_back_to_the_whole_reference() {
        let p = page("<p>Norland&rsquo;s move &amp; the &#8220;deal&#x201D; on July&nbsp;3</p>");
        assert_eq!(p.text, "Norland’s move & the “deal” on July\u{a0}3");
        assert_eq!(back(&p, "Norland’s"), "Norland&rsquo;s");
        assert_eq!(back(&p, "&"), "&amp;");
        assert_eq!(back(&p, "“deal”"), "&#8220;deal&#x201D;");
        assert_eq!(back(&p, "July\u{a0}3"), "July&nbsp;3");
    }

    #[test]
    fn whitespace_collapses_and_blocks_break_lines() {
        let p = page("<h1>Title</h1>\n  <p>One\n   two <b>three</b>.<br>Four</p>");
        assert_eq!(p.text, "Title\n\nOne two three.\nFour");
        assert_eq!(back(&p, "two three"), "two <b>three");
        assert_eq!(back(&p, "One two"), "One\n   two");
    }

    #[test]
    fn legacy_references_without_semicolons_are_aligned() {
        let p = page("<p>&copy 2025 &notit; x &#8217 y</p>");
        assert_eq!(p.text, "© 2025 ¬it; x ’ y");
        assert_eq!(back(&p, "2025"), "2025");
        assert_eq!(back(&p, "it;"), "it;");
        assert_eq!(back(&p, "y"), "y");
    }

    #[test]
    fn crlf_line_ends_map_back() {
        let p = page("<p>a\r\nb</p>\r\n<p>On July 3</p>");
        assert_eq!(p.text, "a b\n\nOn July 3");
        assert_eq!(back(&p, "July 3"), "July 3");
    }

    #[test]
    fn text_offsets_round_trip_through_the_page() {
        let p = page("<div><p>The <em>ministry</em> said &ldquo;yes&rdquo; on May 2.</p></div>");
        let at = p.text.find("May 2").unwrap();
        let markup = p.offsets.to_markup(at..at + 5);
        assert_eq!(&p.markup[markup.clone()], "May 2");
        assert_eq!(p.offsets.to_text(markup), at..at + 5);
    }

    #[test]
    fn any_input_maps_inside_the_page_on_char_boundaries() {
        let inputs = [
            "",
            "plain text, no tags",
            "<p>unclosed &",
            "<<>>&&;;&#;&#x;&#99999999999;",
            "<script>never closed July 3",
            "<nav><nav>x</nav>y</nav>z",
            "<p>é&eacute;\u{2019}&#0;</p>",
            "<pre>  keep\n  this </pre>",
            "<div hidden>May 2</div><p aria-hidden=true>x</p><p>ok</p>",
            "<!-- July 3 --><p>a</p><!doctype html><![CDATA[x]]>",
            "<p title='a>b'>t</p><img alt=\"May 3\"/>",
        ];
        for input in inputs {
            let p = page(input);
            for (i, _) in p.text.char_indices().chain([(p.text.len(), ' ')]) {
                for j in [i, p.text.len()] {
                    let m = p.offsets.to_markup(i..j);
                    assert!(m.start <= m.end && m.end <= p.markup.len(), "{input:?}");
                    assert!(p.markup.is_char_boundary(m.start), "{input:?}");
                    assert!(p.markup.is_char_boundary(m.end), "{input:?}");
                    let t = p.offsets.to_text(m);
                    assert!(t.end <= p.text.len(), "{input:?}");
                }
            }
        }
    }
}
