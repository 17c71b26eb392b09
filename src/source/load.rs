//! Reading sources from files, folders and standard input.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use miette::Diagnostic;
use thiserror::Error;

use super::folder::{Entry, Folder, FolderKey};
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
    /// The earliest publication date given for any listed source (see
    /// [`Source::story_began`]), set once everything is listed.
    story_began: Option<Date>,
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
                .map(|d| DocumentDate::given(d, DateBasis::Manifest).at(self.entry.published_time)),
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
        source.story_began = self.story_began;
        Ok(source.read_from(match &self.path {
            Some(path) => Origin::File(path.clone()),
            None => Origin::Stdin,
        }))
    }
}

/// What listing found: the sources in order, and what a user should hear
/// of that is not an error.
#[derive(Debug, Default)]
pub struct Listing {
    pub sources: Vec<Pending>,
    pub notes: Vec<ListingNote>,
}

/// Something passed over while listing, told as a warning.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ListingNote {
    /// A symbolic link whose target does not exist: a source that was
    /// meant to be there and is not.
    #[error("{path}: a broken symbolic link (to {target}), skipped")]
    BrokenLink { path: String, target: String },
    /// An entry of a folder that could not be looked at.
    #[error("{path}: cannot read ({reason}), skipped")]
    Unlistable { path: String, reason: String },
    /// The same file reached again (given twice, or through a link or a
    /// second folder): one file is one source, counted once.
    #[error("{path} is the same file as {first}, already a source; counted once")]
    Duplicate {
        path: String,
        first: String,
        /// The index, in [`Listing::sources`], of the copy kept.
        first_index: usize,
    },
}

/// Lists every input (a file, a folder, or `-` for stdin) in order, with
/// manifest entries and `--document-date`s, without reading any text. A
/// file reached twice is listed once, where it is first reached.
pub fn list(inputs: &[String], options: &LoadOptions) -> Result<Listing, SourceError> {
    let mut listing = Listing::default();
    // Each file's real path, to tell a file met again from a new one.
    let mut seen: BTreeMap<PathBuf, usize> = BTreeMap::new();
    for input in inputs {
        if input == "-" {
            listing.sources.push(Pending {
                name: "<stdin>".to_string(),
                path: None,
                entry: ManifestEntry::default(),
                given_date: None,
                story_began: None,
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
        let mut found = Vec::new();
        if meta.is_dir() {
            walk_folder(&path, &mut found, &mut listing.notes)?;
        } else {
            let real = fs::canonicalize(&path).map_err(|e| unreadable(&path, &e))?;
            let entry = manifest_entry_for(&path)?;
            found.push((
                Pending {
                    name: input.clone(),
                    path: Some(path),
                    entry,
                    given_date: None,
                    story_began: None,
                    draft: false,
                    size: meta.len(),
                },
                real,
            ));
        }
        for (pending, real) in found {
            match seen.get(&real) {
                Some(&first_index) => listing.notes.push(ListingNote::Duplicate {
                    path: pending.name,
                    first: listing.sources[first_index].name.clone(),
                    first_index,
                }),
                None => {
                    seen.insert(real, listing.sources.len());
                    listing.sources.push(pending);
                }
            }
        }
    }
    for (name, date) in &options.document_dates {
        let mut matched = false;
        for p in listing
            .sources
            .iter_mut()
            .filter(|p| names_source(name, &p.name))
        {
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
    let began = listing
        .sources
        .iter()
        .filter_map(|p| p.given_date.or(p.entry.published))
        .min();
    for p in &mut listing.sources {
        p.story_began = began;
    }
    Ok(listing)
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

/// Every text file below `root`, sorted, hidden entries skipped, each with
/// its real path, and the entries of any `sources.toml` on the way.
fn walk_folder(
    root: &Path,
    found: &mut Vec<(Pending, PathBuf)>,
    notes: &mut Vec<ListingNote>,
) -> Result<(), SourceError> {
    let mut walk = Walk::default();
    walk.collect(root, notes)?;
    walk.files.sort();
    for (file, real, size) in walk.files {
        let entry = walk
            .manifests
            .remove(&manifest::normalise(&file))
            .map(|(listed, _)| listed.entry)
            .unwrap_or_default();
        found.push((
            Pending {
                name: file.display().to_string(),
                path: Some(file),
                entry,
                given_date: None,
                story_began: None,
                draft: false,
                size,
            },
            real,
        ));
    }
    // Entries naming files that were not found are a mistake in the manifest.
    match walk.manifests.into_iter().next() {
        Some((file, (listed, manifest))) => Err(unlisted_entry(&manifest, &file, &listed)),
        None => Ok(()),
    }
}

/// What a folder walk gathers.
#[derive(Default)]
struct Walk {
    /// Only name what would be read: manifests are not read, only listed
    /// in `manifest_files` (the output check runs before anything is read).
    names_only: bool,
    /// The folders walked, so a symlink loop ends.
    visited: BTreeSet<FolderKey>,
    /// Each file as reached, its real path, and its size.
    files: Vec<(PathBuf, PathBuf, u64)>,
    /// Manifest entries by the file they name, with the manifest's path.
    manifests: BTreeMap<PathBuf, (manifest::Listed, PathBuf)>,
    /// With `names_only`: the real path of each manifest met.
    manifest_files: Vec<PathBuf>,
}

impl Walk {
    /// Walks the folder `root`, in order, on a stack of its own rather
    /// than the thread's (a tree may be deeper than a thread's stack). The
    /// real path is looked up once, for the root, and carried down, and
    /// each folder is held open, since resolving a path costs a look-up per
    /// component: per folder, that is depth² over a deep tree.
    fn collect(&mut self, root: &Path, notes: &mut Vec<ListingNote>) -> Result<(), SourceError> {
        let real = fs::canonicalize(root).map_err(|e| unreadable(root, &e))?;
        let folder = Folder::open(root).map_err(|e| unreadable(root, &e))?;
        let mut open: Vec<Open> = Vec::new();
        if let Some(first) = self.enter(folder, root.to_path_buf(), real)? {
            open.push(first);
        }
        while let Some(top) = open.last_mut() {
            let Some(Entry { name, is_link }) = top.entries.next() else {
                let done = open.pop().expect("a folder is open");
                if let Some(parent) = open.last_mut() {
                    parent
                        .folder
                        .take_back(&done.folder, &parent.shown)
                        .map_err(|e| unreadable(&parent.shown, &e))?;
                }
                continue;
            };
            let path = top.shown.join(&name);
            let kind = match top.folder.kind(&name) {
                Ok(kind) => kind,
                Err(e) => {
                    notes.push(match fs::read_link(&path) {
                        Ok(target) if e.kind() == std::io::ErrorKind::NotFound => {
                            ListingNote::BrokenLink {
                                path: path.display().to_string(),
                                target: target.display().to_string(),
                            }
                        }
                        _ => ListingNote::Unlistable {
                            path: path.display().to_string(),
                            reason: e.to_string(),
                        },
                    });
                    continue;
                }
            };
            // A file that is no link is where its folder really is: one
            // look-up per folder, not one per file.
            let real_file = if is_link {
                fs::canonicalize(&path).map_err(|e| unreadable(&path, &e))?
            } else {
                top.real.join(&name)
            };
            if kind.is_dir {
                let child = top
                    .folder
                    .open_child(&name)
                    .map_err(|e| unreadable(&path, &e))?;
                // Below a folder reached by no link, this one's handle is
                // let go: a walk holds a handle or two whatever its depth.
                if let Some(below) = self.enter(child, path, real_file)? {
                    if !is_link {
                        top.folder.release();
                    }
                    open.push(below);
                }
            } else if name == MANIFEST_NAME {
                if self.names_only {
                    self.manifest_files.push(real_file);
                    continue;
                }
                let text = fs::read_to_string(&path).map_err(|e| unreadable(&path, &e))?;
                for (file, listed) in manifest::read(&path, &text)? {
                    self.manifests.insert(file, (listed, path.clone()));
                }
            } else if has_text_extension(&path) {
                self.files.push((path, real_file, kind.len));
            }
        }
        Ok(())
    }

    /// Lists `folder`'s entries to walk, sorted, hidden ones left out; or
    /// nothing when the folder was walked already (a symlink loop leads
    /// back to one).
    fn enter(
        &mut self,
        folder: Folder,
        shown: PathBuf,
        real: PathBuf,
    ) -> Result<Option<Open>, SourceError> {
        if !self.visited.insert(folder.key()) {
            return Ok(None);
        }
        let mut entries = folder.entries().map_err(|e| unreadable(&shown, &e))?;
        entries.retain(|entry| !entry.name.to_string_lossy().starts_with('.'));
        entries.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(Some(Open {
            folder,
            shown,
            real,
            entries: entries.into_iter(),
        }))
    }
}

/// A folder on the walk's stack, with the entries it has still to walk.
struct Open {
    folder: Folder,
    shown: PathBuf,
    real: PathBuf,
    entries: std::vec::IntoIter<Entry>,
}

/// The error for a manifest entry whose file the folder walk did not find,
/// pointing at the entry and saying why it was not read.
fn unlisted_entry(manifest: &Path, file: &Path, listed: &manifest::Listed) -> SourceError {
    let name = manifest.display().to_string();
    let text = fs::read_to_string(manifest).unwrap_or_default();
    let folder = manifest::normalise(manifest.parent().unwrap_or(Path::new("")));
    let given = text
        .get(listed.file_span.clone())
        .unwrap_or_default()
        .trim_matches(['"', '\''])
        .to_string();
    let hidden = file
        .strip_prefix(&folder)
        .map(|rest| {
            rest.components()
                .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
        })
        .unwrap_or(false);
    let (why, label) = if !file.starts_with(&folder) {
        (
            format!(
                "is outside the folder it describes ({}); a manifest lists files in its own folder or below",
                if folder.as_os_str().is_empty() { Path::new(".") } else { &folder }.display()
            ),
            "outside this manifest's folder",
        )
    } else if !file.exists() {
        ("does not exist".to_string(), "no such file")
    } else if hidden || !has_text_extension(file) {
        (
            "is not read as a source (only .txt, .md, .html and .htm files whose names do not start with a dot are)".to_string(),
            "not a source crosscheck reads",
        )
    } else {
        (
            "was not found while listing the folder".to_string(),
            "not found",
        )
    };
    SourceError::Manifest(TomlError::at(
        &name,
        &text,
        Some(listed.file_span.clone()),
        format!("lists {given} ({}), which {why}", file.display()),
        label,
    ))
}

/// What listing an input reads at a file's place: a source's text, or a
/// manifest beside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadAs {
    Source,
    Manifest,
}

/// Whether listing and reading `input` as [`list`] does (a file and the
/// manifest beside it, or a folder walked) would read the file at
/// `target`, a canonical path; and as what. Reads no text. A folder that
/// cannot be listed reads nothing here: `list` tells that error.
pub fn reads(input: &str, target: &Path) -> Option<ReadAs> {
    if input == "-" {
        return None;
    }
    let path = Path::new(input);
    if fs::metadata(path).ok()?.is_dir() {
        // The walk `list` makes, names only. A folder it cannot walk reads
        // nothing here: `list` tells that error.
        let mut walk = Walk {
            names_only: true,
            ..Walk::default()
        };
        walk.collect(path, &mut Vec::new()).ok()?;
        return if walk.files.iter().any(|(_, real, _)| real == target) {
            Some(ReadAs::Source)
        } else if walk.manifest_files.iter().any(|real| real == target) {
            Some(ReadAs::Manifest)
        } else {
            None
        };
    }
    let manifest = path.parent().unwrap_or(Path::new("")).join(MANIFEST_NAME);
    if fs::canonicalize(path).is_ok_and(|p| p == target) {
        Some(ReadAs::Source)
    } else if fs::canonicalize(manifest).is_ok_and(|p| p == target) {
        Some(ReadAs::Manifest)
    } else {
        None
    }
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
    Ok(entries
        .remove(&manifest::normalise(path))
        .map(|listed| listed.entry)
        .unwrap_or_default())
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
    for end in super::line_ends_in(bytes, 0..offset) {
        line += 1;
        line_start = end;
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

    #[cfg(unix)]
    #[test]
    fn reads_what_the_walk_reads_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let elsewhere = root.join("elsewhere");
        fs::create_dir_all(root.join("sources/.hidden")).unwrap();
        fs::create_dir(&elsewhere).unwrap();
        for file in [
            "sources/a.txt",
            "sources/notes.csv",
            "sources/.hidden/b.txt",
        ] {
            fs::write(root.join(file), "").unwrap();
        }
        fs::write(elsewhere.join("c.md"), "").unwrap();
        fs::write(elsewhere.join(MANIFEST_NAME), "").unwrap();
        std::os::unix::fs::symlink(&elsewhere, root.join("sources/linked")).unwrap();
        let folder = root.join("sources").display().to_string();
        let real = |p: &str| fs::canonicalize(root.join(p)).unwrap();
        assert_eq!(reads(&folder, &real("sources/a.txt")), Some(ReadAs::Source));
        assert_eq!(
            reads(&folder, &real("elsewhere/c.md")),
            Some(ReadAs::Source)
        );
        let manifest = real("elsewhere/sources.toml");
        assert_eq!(reads(&folder, &manifest), Some(ReadAs::Manifest));
        assert_eq!(reads(&folder, &real("sources/notes.csv")), None);
        assert_eq!(reads(&folder, &real("sources/.hidden/b.txt")), None);
        let file = root.join("elsewhere/c.md").display().to_string();
        assert_eq!(reads(&file, &manifest), Some(ReadAs::Manifest));
        assert_eq!(reads("-", &manifest), None);
    }

    /// A tree far deeper than a thread's stack allows for recursion, with
    /// folders after the deep branch (walked once its handle is taken back)
    /// and a link back up (a loop, walked once).
    #[cfg(unix)]
    #[test]
    fn walks_a_deep_tree_in_order_on_a_small_stack() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("n");
        let mut deep = root.join("a");
        for _ in 0..1200 {
            deep.push("d");
        }
        fs::create_dir_all(&deep).unwrap();
        fs::write(deep.join("deep.txt"), "").unwrap();
        fs::create_dir_all(root.join("b")).unwrap();
        fs::write(root.join("b/after.txt"), "").unwrap();
        fs::write(root.join("first.txt"), "").unwrap();
        std::os::unix::fs::symlink(&root, root.join("b/up")).unwrap();
        let shown = root.clone();
        let found = std::thread::Builder::new()
            .stack_size(64 * 1024)
            .spawn(move || {
                let mut found = Vec::new();
                walk_folder(&shown, &mut found, &mut Vec::new()).unwrap();
                found
            })
            .unwrap()
            .join()
            .unwrap();
        let names: Vec<PathBuf> = found
            .iter()
            .map(|(p, _)| p.path().unwrap().strip_prefix(&root).unwrap().to_path_buf())
            .collect();
        let deep_name = deep
            .join("deep.txt")
            .strip_prefix(&root)
            .unwrap()
            .to_path_buf();
        assert_eq!(
            names,
            [
                deep_name,
                PathBuf::from("b/after.txt"),
                PathBuf::from("first.txt")
            ]
        );
        let real_first = fs::canonicalize(root.join("first.txt")).unwrap();
        assert_eq!(found[2].1, real_first);
    }

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
