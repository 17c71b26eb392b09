//! Reading sources from files, folders and standard input.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use miette::Diagnostic;
use thiserror::Error;

use super::manifest::{self, ManifestEntry, MANIFEST_NAME};
use super::{DateBasis, DateOrder, DocumentDate, Origin, Source, SourceId, SourceMeta};
use crate::toml_file::TomlError;

/// Extensions read from folders: plain text, Markdown, saved web pages.
const TEXT_EXTENSIONS: [&str; 4] = ["txt", "md", "html", "htm"];

#[derive(Clone, Debug, Default)]
pub struct LoadOptions {
    /// Unreadable sources become warnings instead of errors.
    pub skip_unreadable: bool,
    /// How numeric dates are read unless a manifest locale says otherwise.
    pub date_order: DateOrder,
    /// `--document-date SOURCE=YYYY-MM-DD`: wins over every other evidence.
    pub document_dates: Vec<(String, Date)>,
}

#[derive(Debug, Error, Diagnostic)]
pub enum SourceError {
    #[error("{path}: no such file or folder")]
    #[diagnostic(code(crosscheck::source::missing))]
    Missing { path: String },
    #[error("{path}: cannot read: {reason}")]
    #[diagnostic(code(crosscheck::source::unreadable))]
    Unreadable { path: String, reason: String },
    #[error("{path}: not a regular file ({what})")]
    #[diagnostic(
        code(crosscheck::source::not_a_file),
        help("give a text file, a folder, or - for standard input")
    )]
    NotAFile { path: String, what: String },
    #[error(
        "{path}: not UTF-8 text: invalid byte at offset {offset} (line {line}, column {column})"
    )]
    #[diagnostic(
        code(crosscheck::source::not_utf8),
        help("convert the file to UTF-8, or pass --skip-unreadable to go on without it")
    )]
    NotUtf8 {
        path: String,
        offset: usize,
        line: usize,
        column: usize,
    },
    #[error("{path}: looks binary (NUL byte at offset {offset}, line {line}), not text")]
    #[diagnostic(
        code(crosscheck::source::binary),
        help("pass --skip-unreadable to go on without it")
    )]
    Binary {
        path: String,
        offset: usize,
        line: usize,
    },
    #[error(transparent)]
    #[diagnostic(transparent)]
    Manifest(#[from] TomlError),
    #[error("{manifest}: lists {file}, which does not exist")]
    #[diagnostic(code(crosscheck::source::manifest_missing_file))]
    ManifestMissingFile { manifest: String, file: String },
    #[error("{path}: changed while crosscheck was reading it")]
    #[diagnostic(
        code(crosscheck::source::changed),
        help("run again once the file is no longer being written")
    )]
    Changed { path: String },
    #[error("--document-date {given}: no source is called {name}")]
    #[diagnostic(code(crosscheck::source::unknown_source))]
    UnknownDocumentDateSource { given: String, name: String },
}

impl SourceError {
    /// Errors that `--skip-unreadable` turns into warnings: a bad source,
    /// not a bad manifest or a bad command line.
    pub fn is_unreadable_source(&self) -> bool {
        matches!(
            self,
            SourceError::Unreadable { .. }
                | SourceError::NotAFile { .. }
                | SourceError::NotUtf8 { .. }
                | SourceError::Binary { .. }
        )
    }
}

/// One source to read: where it is, what it is called, and what the
/// manifest and the command line say about it. Listing every source before
/// reading any lets a run read (and drop) one text at a time per thread.
#[derive(Clone, Debug)]
pub struct Pending {
    /// The path as given, or `<stdin>`.
    pub name: String,
    path: Option<PathBuf>,
    entry: ManifestEntry,
    /// `--document-date`: wins over the manifest and any dateline.
    given_date: Option<Date>,
    /// The draft being checked against the other sources (`--draft`).
    pub draft: bool,
    /// The file's size when listed; 0 for standard input.
    size: u64,
}

impl Pending {
    /// The file's size in bytes when it was listed (0 for standard input).
    pub fn size(&self) -> u64 {
        self.size
    }

    /// The file behind this source; `None` for standard input.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Reads the text and builds the source, with the id given.
    pub fn read(&self, id: SourceId, options: &LoadOptions) -> Result<Source, SourceError> {
        let text = match &self.path {
            None => read_stdin(&self.name)?,
            Some(path) => read_file(&self.name, path)?,
        };
        let locale = self.entry.locale.clone();
        let date_order = locale.as_deref().map_or(options.date_order, |l| {
            DateOrder::for_locale(l, options.date_order)
        });
        let given = match self.given_date {
            Some(date) => Some(DocumentDate::given(date, DateBasis::CommandLine)),
            None => self
                .entry
                .published
                .map(|d| DocumentDate::given(d, DateBasis::Manifest)),
        };
        let meta = SourceMeta {
            outlet: self.entry.outlet.clone(),
            title: self.entry.title.clone(),
            url: self.entry.url.clone(),
            locale,
        };
        let name = self.name.clone();
        let mut source = if super::html::is_html_name(&name) {
            Source::from_page(id, name, text, meta, date_order, given)
        } else {
            Source::new(id, name, text, meta, date_order, given)
        };
        if Source::is_markdown_name(&self.name) {
            source = source.as_markdown();
        }
        source.draft = self.draft;
        Ok(source.read_from(match &self.path {
            Some(path) => Origin::File(path.clone()),
            None => Origin::Stdin,
        }))
    }
}

/// Lists every input (a file, a folder, or `-` for stdin) in order, with
/// manifest entries and `--document-date`s, without reading any text.
pub fn list(inputs: &[String], options: &LoadOptions) -> Result<Vec<Pending>, SourceError> {
    let mut pending = Vec::new();
    for input in inputs {
        if input == "-" {
            pending.push(Pending {
                name: "<stdin>".to_string(),
                path: None,
                entry: ManifestEntry::default(),
                given_date: None,
                draft: false,
                size: 0,
            });
            continue;
        }
        let path = PathBuf::from(input);
        let meta = fs::metadata(&path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => SourceError::Missing {
                path: input.clone(),
            },
            _ => SourceError::Unreadable {
                path: input.clone(),
                reason: e.to_string(),
            },
        })?;
        if meta.is_dir() {
            walk_folder(&path, &mut pending)?;
        } else {
            let entry = manifest_entry_for(&path)?;
            pending.push(Pending {
                name: input.clone(),
                path: Some(path),
                entry,
                given_date: None,
                draft: false,
                size: meta.len(),
            });
        }
    }
    for (name, date) in &options.document_dates {
        let mut matched = false;
        for p in pending.iter_mut().filter(|p| names_source(name, &p.name)) {
            p.given_date = Some(*date);
            matched = true;
        }
        if !matched {
            return Err(SourceError::UnknownDocumentDateSource {
                given: format!("{name}={date}"),
                name: name.clone(),
            });
        }
    }
    Ok(pending)
}

/// True when a user's short name names this source: the whole name, the
/// file name, or the file name's prefix before `_` or `.` ("002" names
/// "seeds/002_776e.txt").
fn names_source(short: &str, name: &str) -> bool {
    if short == name {
        return true;
    }
    let file = Path::new(name)
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    file == short
        || file
            .strip_prefix(short)
            .is_some_and(|rest| rest.starts_with('_') || rest.starts_with('.'))
}

/// Every text file below `root`, sorted, hidden entries skipped, with
/// the entries of any `sources.toml` on the way.
fn walk_folder(root: &Path, pending: &mut Vec<Pending>) -> Result<(), SourceError> {
    let mut visited = BTreeSet::new();
    let mut files = Vec::new();
    let mut manifests = BTreeMap::new();
    collect(root, &mut visited, &mut files, &mut manifests)?;
    files.sort();
    for (file, size) in files {
        let entry = manifests.remove(&file).unwrap_or_default();
        pending.push(Pending {
            name: file.display().to_string(),
            path: Some(file),
            entry,
            given_date: None,
            draft: false,
            size,
        });
    }
    // Entries naming files that were not found are a mistake in the manifest.
    if let Some((file, _)) = manifests.into_iter().next() {
        let manifest = file
            .parent()
            .map(|p| p.join(MANIFEST_NAME).display().to_string())
            .unwrap_or_else(|| MANIFEST_NAME.to_string());
        return Err(SourceError::ManifestMissingFile {
            manifest,
            file: file.display().to_string(),
        });
    }
    Ok(())
}

fn collect(
    folder: &Path,
    visited: &mut BTreeSet<PathBuf>,
    files: &mut Vec<(PathBuf, u64)>,
    manifests: &mut BTreeMap<PathBuf, ManifestEntry>,
) -> Result<(), SourceError> {
    // A symlink loop leads back to a folder already walked: stop there.
    let real = fs::canonicalize(folder).map_err(|e| unreadable(folder, &e))?;
    if !visited.insert(real) {
        return Ok(());
    }
    let listing = fs::read_dir(folder).map_err(|e| unreadable(folder, &e))?;
    let mut entries: Vec<PathBuf> = Vec::new();
    for entry in listing {
        let entry = entry.map_err(|e| unreadable(folder, &e))?;
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        entries.push(entry.path());
    }
    entries.sort();
    for path in entries {
        let Ok(meta) = fs::metadata(&path) else {
            // A dangling symlink: nothing to read.
            continue;
        };
        if meta.is_dir() {
            collect(&path, visited, files, manifests)?;
        } else if path.file_name().is_some_and(|n| n == MANIFEST_NAME) {
            let text = fs::read_to_string(&path).map_err(|e| unreadable(&path, &e))?;
            manifests.extend(manifest::read(&path, &text)?);
        } else if has_text_extension(&path) {
            files.push((path, meta.len()));
        }
    }
    Ok(())
}

fn has_text_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| TEXT_EXTENSIONS.iter().any(|t| t.eq_ignore_ascii_case(e)))
}

/// The manifest entry for a file given directly: its folder's manifest, if any.
fn manifest_entry_for(path: &Path) -> Result<ManifestEntry, SourceError> {
    let manifest_path = path.parent().unwrap_or(Path::new("")).join(MANIFEST_NAME);
    let Ok(text) = fs::read_to_string(&manifest_path) else {
        return Ok(ManifestEntry::default());
    };
    let mut entries = manifest::read(&manifest_path, &text)?;
    Ok(entries.remove(path).unwrap_or_default())
}

fn unreadable(path: &Path, e: &std::io::Error) -> SourceError {
    SourceError::Unreadable {
        path: path.display().to_string(),
        reason: e.to_string(),
    }
}

fn read_stdin(name: &str) -> Result<String, SourceError> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| SourceError::Unreadable {
            path: name.to_string(),
            reason: e.to_string(),
        })?;
    as_text(name, bytes)
}

/// Reads a regular file as text; `name` is what errors call it.
pub(super) fn read_file(name: &str, path: &Path) -> Result<String, SourceError> {
    let meta = fs::metadata(path).map_err(|e| unreadable(path, &e))?;
    if !meta.is_file() {
        let what = if meta.is_dir() {
            "a folder"
        } else {
            file_kind(&meta)
        };
        return Err(SourceError::NotAFile {
            path: name.to_string(),
            what: what.to_string(),
        });
    }
    let bytes = fs::read(path).map_err(|e| SourceError::Unreadable {
        path: name.to_string(),
        reason: e.to_string(),
    })?;
    as_text(name, bytes)
}

/// The bytes as UTF-8 text, or an error at the first NUL or invalid byte.
fn as_text(name: &str, bytes: Vec<u8>) -> Result<String, SourceError> {
    if let Some(offset) = memchr::memchr(0, &bytes) {
        return Err(SourceError::Binary {
            path: name.to_string(),
            offset,
            line: line_col(&bytes, offset).0,
        });
    }
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let (line, column) = line_col(e.as_bytes(), offset);
        SourceError::NotUtf8 {
            path: name.to_string(),
            offset,
            line,
            column,
        }
    })
}

/// 1-based line and column (in characters) of `offset` in bytes that may
/// not all be text, counted as [`super::LineIndex`] counts them: a lone
/// `\r` ends a line, `\r\n` is one line end, a byte order mark is no column.
fn line_col(bytes: &[u8], offset: usize) -> (usize, usize) {
    let head = &bytes[..offset];
    let mut line = 1;
    // Line 1's columns start past a byte order mark.
    let bom = "\u{feff}".as_bytes();
    let mut line_start = if head.starts_with(bom) { bom.len() } else { 0 };
    for i in memchr::memchr2_iter(b'\n', b'\r', head) {
        if super::ends_line(bytes, i) {
            line += 1;
            line_start = i + 1;
        }
    }
    let column = String::from_utf8_lossy(&head[line_start..]).chars().count();
    (line, column + 1)
}

#[cfg(unix)]
fn file_kind(meta: &fs::Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    if t.is_fifo() {
        "a FIFO"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_block_device() || t.is_char_device() {
        "a device"
    } else {
        "not a regular file"
    }
}

#[cfg(not(unix))]
fn file_kind(_meta: &fs::Metadata) -> &'static str {
    "not a regular file"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unreadable_bytes_are_placed_as_editors_count_lines() {
        for (bytes, place) in [
            (&b"ab\rcd\rxy\xff"[..], (3, 3)),
            (b"ab\r\ncd\nxy\xff", (3, 3)),
            (b"\xef\xbb\xbfab\xff", (1, 3)),
            (b"\xef\xbb\xbfab\x00", (1, 3)),
        ] {
            let offset = bytes.len() - 1;
            assert_eq!(line_col(bytes, offset), place, "{bytes:?}");
        }
        let error = as_text("a.txt", b"ab\rcd\rxy\xff".to_vec()).unwrap_err();
        assert!(
            matches!(
                error,
                SourceError::NotUtf8 {
                    line: 3,
                    column: 3,
                    offset: 8,
                    ..
                }
            ),
            "{error:?}"
        );
    }

    #[test]
    fn short_names_match_seed_style_prefixes() {
        assert!(names_source("002", "seeds/002_776e.txt"));
        assert!(names_source("seeds/002_776e.txt", "seeds/002_776e.txt"));
        assert!(!names_source("00", "seeds/002_776e.txt"));
    }
}
