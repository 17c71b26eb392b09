//! Sources: the texts being checked, loaded byte for byte.
//!
//! A source is a file, every `.txt`/`.md` below a folder (recursively,
//! sorted, hidden entries skipped), or standard input (`-`). A folder may
//! hold a `sources.toml` manifest giving each file its document date and
//! outlet. Without one, the document date comes from a dateline or a page
//! stamp at the top of the article ([`document_date`]).

pub mod document_date;
mod folder;
pub mod html;
mod load;
mod manifest;
pub mod markdown;
pub mod published;

use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::path::PathBuf;

use jiff::civil::Date;
use serde::Serialize;

pub use document_date::{DateBasis, DocumentDate};
pub use load::{list, reads, Listing, ListingNote, LoadOptions, Pending, ReadAs, SourceError};
pub use manifest::{ManifestEntry, MANIFEST_NAME};

/// Index of a source in the run's list of sources.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct SourceId(pub u32);

/// A half-open byte range in one source.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Span {
    pub source: SourceId,
    pub range: Range<usize>,
}

/// How numeric dates such as 3/7/2025 are read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum DateOrder {
    /// month/day/year, the US convention
    #[default]
    Mdy,
    /// day/month/year
    Dmy,
}

impl DateOrder {
    /// The order a locale tag implies: en-US month first, other English
    /// locales day first. Unknown tags keep `fallback`.
    pub fn for_locale(locale: &str, fallback: DateOrder) -> DateOrder {
        let tag = locale.to_ascii_lowercase().replace('_', "-");
        match tag.as_str() {
            "en-us" | "us" | "en-ph" => DateOrder::Mdy,
            t if t.starts_with("en-") => DateOrder::Dmy,
            t if t.len() >= 2 && !t.starts_with("en") => DateOrder::Dmy,
            _ => fallback,
        }
    }
}

/// What the manifest says about a source besides its date.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct SourceMeta {
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub locale: Option<String>,
}

/// Where a source's text came from: where to read it again once shed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Origin {
    /// A file, read again when its text is needed after [`Source::shed_text`].
    File(PathBuf),
    /// Standard input cannot be read twice: its text is always kept.
    Stdin,
    /// Text handed over in memory (tests, rule examples): always kept.
    #[default]
    Memory,
}

/// One loaded text.
///
/// Its text may be shed once its claims are extracted and assigned, so that
/// an archive run holds only the texts it is working on ([`Source::shed_text`]);
/// [`Source::reread`] brings it back for rendering.
#[derive(Clone, Debug)]
pub struct Source {
    pub id: SourceId,
    /// The path as given on the command line (joined with the folder's
    /// relative path for files found in a folder), or `<stdin>`.
    pub name: String,
    pub text: String,
    pub meta: SourceMeta,
    pub date_order: DateOrder,
    pub document_date: Option<DocumentDate>,
    /// Byte ranges that are about the document rather than the story
    /// (datelines up to their dash, bylines, page-stamp lines): dates there
    /// are not event claims.
    pub headers: Vec<Range<usize>>,
    /// The draft being checked against the other sources (`--draft`).
    pub draft: bool,
    /// Byte ranges that hold no prose claims (Markdown front matter, code,
    /// comments, link targets).
    pub masked: Vec<Range<usize>>,
    /// `<!-- crosscheck-ignore FACT: reason -->` comments.
    pub acknowledgements: Vec<markdown::Acknowledgement>,
    /// A saved web page: `text` is the prose read from it until
    /// [`Source::show_markup`] puts the page's own bytes back for output.
    pub page: Option<Box<html::Page>>,
    /// Where the text came from, to read it again once shed.
    pub origin: Origin,
    /// The shingle sample that tells syndicated copies apart
    /// ([`crate::compare::syndication::sample`]), taken before the text is
    /// dropped by runs that count sources (a draft's gate); `None` otherwise.
    pub story_sample: Option<Vec<u64>>,
    /// The earliest publication date the run gives any of its sources
    /// (manifest `published` or `--document-date`): the story's time starts
    /// there, so a trial report written two years on still speaks of the
    /// shooting the first reports told. `None` when no source is dated.
    pub story_began: Option<jiff::civil::Date>,
    /// A hash of the bytes first read, so that a file read again is known
    /// to be the file the claims came from.
    fingerprint: u64,
    /// False once the text is shed, until it is read again.
    holds_text: bool,
}

/// The hash a source's bytes are known by within one run.
fn fingerprint(bytes: &str) -> u64 {
    // SipHash with fixed keys: fast (GB/s), the same within a run, and
    // never written anywhere, so a change of algorithm cannot matter.
    let mut hasher = std::hash::DefaultHasher::new();
    bytes.hash(&mut hasher);
    hasher.finish()
}

impl Source {
    /// Builds a source from text, finding its dateline or page stamp when
    /// no document date is given.
    pub fn new(
        id: SourceId,
        name: String,
        text: String,
        meta: SourceMeta,
        date_order: DateOrder,
        given_date: Option<DocumentDate>,
    ) -> Source {
        let mut found = document_date::detect(&text);
        let headers = std::mem::take(&mut found.headers);
        // A manifest's day with no time takes the time the text stamps.
        let document_date = match given_date {
            Some(given) if given.time.is_none() => {
                let time = found.time_on(&text, given.date);
                Some(given.at(time))
            }
            Some(given) => Some(given),
            None => found.dates.into_iter().next(),
        };
        Source {
            id,
            name,
            text,
            meta,
            date_order,
            document_date,
            headers,
            draft: false,
            masked: Vec::new(),
            acknowledgements: Vec::new(),
            page: None,
            origin: Origin::Memory,
            story_sample: None,
            story_began: None,
            fingerprint: 0,
            holds_text: true,
        }
    }

    /// Records that the text was read from `origin`; for a file, the
    /// bytes read are fingerprinted so that [`Source::reread`] can tell
    /// whether the file changed since.
    pub fn read_from(mut self, origin: Origin) -> Source {
        if matches!(origin, Origin::File(_)) {
            self.fingerprint = fingerprint(self.bytes());
        }
        self.origin = origin;
        self
    }

    /// The file's bytes as read: a page's markup, else the text.
    fn bytes(&self) -> &str {
        match &self.page {
            Some(page) => &page.markup,
            None => &self.text,
        }
    }

    /// True while the text is in memory (see [`Source::shed_text`]).
    pub fn holds_text(&self) -> bool {
        self.holds_text
    }

    /// Drops the text (and a page's markup and prose) of a source read from
    /// a file, keeping everything else: name, dates, masks, a page's offset
    /// map. Sources from standard input or memory keep their text, as they
    /// cannot be read again.
    pub fn shed_text(&mut self) {
        if !matches!(self.origin, Origin::File(_)) || !self.holds_text {
            return;
        }
        self.text = String::new();
        if let Some(page) = &mut self.page {
            page.markup = String::new();
            page.text = String::new();
        }
        self.holds_text = false;
    }

    /// Reads a shed text again, as it was: for a saved web page, the
    /// prose, or the markup once shown ([`Source::show_markup`]). Fails
    /// when the file cannot be read or no longer has the bytes first read.
    pub fn reread(&mut self) -> Result<(), SourceError> {
        let Origin::File(path) = &self.origin else {
            return Ok(());
        };
        if self.holds_text {
            return Ok(());
        }
        let bytes = load::read_file(&self.name, path)?;
        if fingerprint(&bytes) != self.fingerprint {
            return Err(SourceError::Changed {
                path: self.name.clone(),
            });
        }
        match &mut self.page {
            Some(page) => {
                let fresh = html::read(bytes);
                self.text = if page.shown {
                    fresh.markup.clone()
                } else {
                    fresh.text.clone()
                };
                page.markup = fresh.markup;
                page.text = fresh.text;
            }
            None => self.text = bytes,
        }
        self.holds_text = true;
        Ok(())
    }

    /// Builds a source from a saved web page: claims are found in the
    /// page's prose, and [`Source::show_markup`] maps them back to the file.
    pub fn from_page(
        id: SourceId,
        name: String,
        markup: String,
        meta: SourceMeta,
        date_order: DateOrder,
        given_date: Option<DocumentDate>,
    ) -> Source {
        let page = html::read(markup);
        // The page names itself when the manifest does not.
        let meta = SourceMeta {
            outlet: meta.outlet.or_else(|| page.site_name.clone()),
            title: meta.title.or_else(|| page.title.clone()),
            ..meta
        };
        let mut source = Source::new(id, name, page.text.clone(), meta, date_order, given_date);
        source.page = Some(Box::new(page));
        source
    }

    /// The text a reader sees and `range` (a span in `text`) in it: for a
    /// saved web page shown as its markup, the page's prose rather than
    /// its markup. The text must be in memory.
    pub fn readable(&self, range: std::ops::Range<usize>) -> (&str, std::ops::Range<usize>) {
        debug_assert!(self.holds_text(), "{}: not read again", self.name);
        match &self.page {
            Some(page) if page.shown => (page.text.as_str(), page.offsets.to_text(range)),
            _ => (self.text.as_str(), range),
        }
    }

    /// For a saved web page, makes `text` the page's bytes again, so that
    /// every span shown refers to the file, and returns the map that spans
    /// found in the prose are translated through. `None` for other sources,
    /// and once the markup is shown. A shed page is translated all the
    /// same: the map outlives the text.
    pub fn show_markup(&mut self) -> Option<html::OffsetMap> {
        let page = self.page.as_mut()?;
        if page.shown {
            return None;
        }
        page.shown = true;
        if self.holds_text {
            self.text = page.markup.clone();
        }
        let map = page.offsets.clone();
        let to_markup = |r: &Range<usize>| map.to_markup(r.clone());
        self.headers = self.headers.iter().map(to_markup).collect();
        if let Some(date) = &mut self.document_date {
            date.header = date.header.as_ref().map(to_markup);
            date.span = date.span.as_ref().map(to_markup);
        }
        Some(map)
    }

    /// Reads the source as Markdown: masks what is not prose and collects
    /// inline acknowledgements.
    pub fn as_markdown(mut self) -> Source {
        self.masked = markdown::masked_ranges(&self.text);
        self.acknowledgements = markdown::acknowledgements(&self.text);
        self
    }

    /// True when `range` overlaps a masked (non-prose) range.
    pub fn is_masked(&self, range: &Range<usize>) -> bool {
        self.masked.iter().any(|m| overlaps(m, range))
    }

    /// True for `.md` and `.markdown` files.
    pub fn is_markdown_name(name: &str) -> bool {
        std::path::Path::new(name)
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
    }

    /// True when `range` lies on a dateline, byline or page stamp.
    pub fn in_header(&self, range: &Range<usize>) -> bool {
        self.headers
            .iter()
            .any(|line| line.start <= range.start && range.end <= line.end)
    }

    /// The label a reader knows the source by: outlet or title, else its name.
    pub fn label(&self) -> &str {
        self.meta
            .outlet
            .as_deref()
            .or(self.meta.title.as_deref())
            .unwrap_or(&self.name)
    }
}

/// The byte order mark some editors put at the start of a UTF-8 file. It
/// stays in the text (spans are byte offsets into the file) but is not a
/// column: the first visible character of line 1 is column 1.
pub const BOM: char = '\u{feff}';

/// True when byte ranges `a` and `b` share a byte (an empty range shares
/// one with a range strictly around it).
pub fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// The bytes between two ranges; 0 when they touch or overlap.
pub fn gap(a: &Range<usize>, b: &Range<usize>) -> usize {
    b.start
        .saturating_sub(a.end)
        .max(a.start.saturating_sub(b.end))
}

/// The offset where line 1's columns start: past a byte order mark.
pub fn first_column(text: &str) -> usize {
    if text.starts_with(BOM) {
        BOM.len_utf8()
    } else {
        0
    }
}

/// True when the byte at `i` ends a line, as editors count lines: a `\n`,
/// or a lone `\r` (old Mac files). The `\r` of a `\r\n` does not: the pair
/// is one line end, at its `\n`.
pub fn ends_line(bytes: &[u8], i: usize) -> bool {
    match bytes.get(i) {
        Some(b'\n') => true,
        Some(b'\r') => bytes.get(i + 1) != Some(&b'\n'),
        _ => false,
    }
}

/// The offset just past each line end of `text`, in order (see [`ends_line`]).
pub fn line_ends(text: &str) -> impl Iterator<Item = usize> + '_ {
    line_ends_in(text.as_bytes(), 0..text.len())
}

/// The offset just past each line end in `bytes[range]`, in order; whether
/// a `\r` at its end ends a line is told by the byte after it.
pub fn line_ends_in(bytes: &[u8], range: Range<usize>) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr2_iter(b'\n', b'\r', &bytes[range.clone()])
        .map(move |i| range.start + i)
        .filter(move |&i| ends_line(bytes, i))
        .map(|i| i + 1)
}

/// The lines of `text`, each with its line end, as
/// `text.split_inclusive('\n')` gives them but also ending at a lone `\r`.
pub fn lines_inclusive(text: &str) -> impl Iterator<Item = &str> + '_ {
    let mut ends = line_ends(text);
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= text.len() {
            return None;
        }
        let end = ends.next().unwrap_or(text.len());
        let line = &text[start..end];
        start = end;
        Some(line)
    })
}

/// 1-based line and column (in characters) of byte offsets in a text.
/// Lines end as [`ends_line`] says; a byte order mark is not a column.
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(line_ends(text));
        LineIndex { starts }
    }

    /// (line, column), both 1-based; the column counts characters.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = match line {
            0 => first_column(text),
            _ => self.starts[line],
        };
        let column = match text.get(start..offset) {
            _ if offset <= start => 0,
            Some(s) => s.chars().count(),
            None => offset - start,
        };
        (line + 1, column + 1)
    }
}

/// A date given as `YYYY-MM-DD`.
pub fn parse_iso_date(s: &str) -> Option<Date> {
    let s = s.trim();
    if s.len() != 10 {
        return None;
    }
    s.parse::<Date>().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "a’b\n“c” d";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(text, 0), (1, 1));
        assert_eq!(index.line_col(text, 4), (1, 3)); // 'b' after a 3-byte quote
        let d = text.find('d').unwrap();
        assert_eq!(index.line_col(text, d), (2, 5));
    }

    #[test]
    fn a_lone_cr_ends_a_line_and_a_crlf_is_one_line_end() {
        for (text, lines) in [
            ("ab\rcd\rxyzw", 3),
            ("ab\ncd\nxyzw", 3),
            ("ab\r\ncd\r\nxyzw", 3),
            ("ab\r\ncd\rxyzw", 3),
            ("ab\r\rcd\n\rxyzw", 5),
        ] {
            let index = LineIndex::new(text);
            let w = text.find('w').unwrap();
            assert_eq!(index.line_col(text, w), (lines, 4), "{text:?}");
            assert_eq!(lines_inclusive(text).count(), lines, "{text:?}");
            assert_eq!(lines_inclusive(text).collect::<String>(), text);
        }
        assert_eq!(
            lines_inclusive("a\r\nb\rc\n\nd").collect::<Vec<_>>(),
            ["a\r\n", "b\r", "c\n", "\n", "d"]
        );
        // The '\r' of a pair is the end of its line, not a line of its own.
        let text = "ab\r\ncd";
        assert_eq!(LineIndex::new(text).line_col(text, 2), (1, 3));
        assert_eq!(LineIndex::new(text).line_col(text, 4), (2, 1));
    }

    #[test]
    fn a_byte_order_mark_is_not_a_column() {
        let text = "\u{feff}On May 2\nOn May 3";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(text, 0), (1, 1));
        assert_eq!(index.line_col(text, 3), (1, 1), "'O' after the mark");
        assert_eq!(index.line_col(text, text.find('M').unwrap()), (1, 4));
        let second = text.rfind('M').unwrap();
        assert_eq!(index.line_col(text, second), (2, 4));
        // Only at the start of the file: elsewhere it is a character.
        let text = "a\u{feff}b";
        assert_eq!(LineIndex::new(text).line_col(text, 4), (1, 3));
    }

    /// A source read from `file` (a fresh temporary folder per test).
    fn read(file: &std::path::Path, body: &str) -> Source {
        std::fs::write(file, body).unwrap();
        let name = file.display().to_string();
        let listed = list(std::slice::from_ref(&name), &LoadOptions::default()).unwrap();
        listed.sources[0]
            .read(SourceId(0), &LoadOptions::default())
            .unwrap()
    }

    #[test]
    fn a_shed_text_is_read_again_as_it_was() {
        let folder = tempfile::tempdir().unwrap();
        let file = folder.path().join("a.txt");
        let mut source = read(
            &file,
            "RIVERTON, July 4, 2025 — The council said on Thursday…",
        );
        let (date, text) = (source.document_date.clone(), source.text.clone());
        source.shed_text();
        assert!(!source.holds_text());
        assert_eq!(source.text, "");
        assert_eq!(source.document_date, date, "only the text goes");
        source.reread().unwrap();
        assert!(source.holds_text());
        assert_eq!(source.text, text);
    }

    #[test]
    fn a_file_changed_since_it_was_read_is_an_error_not_other_words() {
        let folder = tempfile::tempdir().unwrap();
        let file = folder.path().join("a.txt");
        let mut source = read(&file, "Talks began on May 2.");
        source.shed_text();
        std::fs::write(&file, "Talks began on May 3.").unwrap();
        let error = source.reread().unwrap_err();
        assert!(matches!(error, SourceError::Changed { .. }), "{error:?}");
        assert!(
            error.to_string().contains("a.txt: changed while"),
            "{error}"
        );
        std::fs::remove_file(&file).unwrap();
        assert!(matches!(
            source.reread(),
            Err(SourceError::Unreadable { .. })
        ));
    }

    #[test]
    fn a_shed_page_keeps_its_map_and_comes_back_as_shown() {
        let folder = tempfile::tempdir().unwrap();
        let file = folder.path().join("a.html");
        let markup = "<html><body><p>Talks began on May&nbsp;2.</p></body></html>";
        let mut source = read(&file, markup);
        let prose = source.text.clone();
        let (at, end) = (prose.find("May").unwrap(), prose.find('.').unwrap());
        source.shed_text();
        // The map outlives the text: spans still translate.
        let map = source.show_markup().expect("a page");
        assert_eq!(&markup[map.to_markup(at..end)], "May&nbsp;2");
        source.reread().unwrap();
        assert_eq!(source.text, markup, "shown pages come back as the file");
        let page = source.page.as_ref().unwrap();
        assert_eq!(page.text, prose);
    }

    #[test]
    fn texts_that_cannot_be_read_again_are_kept() {
        let mut source = Source::new(
            SourceId(0),
            "memory".into(),
            "Talks began on May 2.".into(),
            SourceMeta::default(),
            DateOrder::Mdy,
            None,
        );
        source.shed_text();
        assert!(source.holds_text());
        assert_eq!(source.text, "Talks began on May 2.");
        let mut stdin = source.read_from(Origin::Stdin);
        stdin.shed_text();
        assert!(stdin.holds_text());
    }

    #[test]
    fn locales_pick_the_numeric_date_order() {
        assert_eq!(
            DateOrder::for_locale("en-GB", DateOrder::Mdy),
            DateOrder::Dmy
        );
        assert_eq!(
            DateOrder::for_locale("en_US", DateOrder::Dmy),
            DateOrder::Mdy
        );
        assert_eq!(DateOrder::for_locale("en", DateOrder::Mdy), DateOrder::Mdy);
    }
}
