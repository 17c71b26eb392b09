//! Where reports are written: the files named by `--output` and
//! `--write-baseline` (standard output is `main`'s).
//!
//! Nothing a run reads is replaced by what it writes ([`refuse_inputs`]),
//! and writing a file loses nothing else ([`write`]): a symlink stays a
//! symlink and its target is written, a FIFO or a device is written to as
//! it is, a file keeps its mode, and the temporary file a report is built
//! in never stays behind, not even when the run is stopped by SIGINT or
//! SIGTERM.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::config::Config;
use crate::rules::RuleSet;
use crate::source::{self, ReadAs};

/// The flag that names a file this run writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flag {
    Output,
    WriteBaseline,
}

impl Flag {
    fn name(self) -> &'static str {
        match self {
            Flag::Output => "--output",
            Flag::WriteBaseline => "--write-baseline",
        }
    }

    /// What the flag writes, in a message.
    fn writes(self) -> &'static str {
        match self {
            Flag::Output => "report",
            Flag::WriteBaseline => "baseline",
        }
    }
}

/// A file this run reads, as a message names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    Draft,
    Source,
    Manifest,
    RuleFile,
    Baseline,
    Config,
}

impl std::fmt::Display for Input {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Input::Draft => "the draft",
            Input::Source => "a source",
            Input::Manifest => "a sources.toml manifest",
            Input::RuleFile => "a rule file",
            Input::Baseline => "the --baseline read",
            Input::Config => "the crosscheck.toml in use",
        })
    }
}

/// Why a run is refused before it reads anything.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum Refused {
    #[error("{} {path} is an input of this run ({input}); the {} would replace it", flag.name(), flag.writes())]
    Input {
        flag: Flag,
        path: String,
        input: Input,
    },
    #[error("--output {output} and --write-baseline {baseline} are the same file; the report would replace the baseline")]
    SameFile { output: String, baseline: String },
}

/// What a `check` or `extract` run reads and writes: flags, with the
/// config file's `sources` and `rules` standing in for absent ones (as
/// the run description has them already, or as given: taking them again
/// changes nothing).
pub struct Run<'a> {
    pub output: Option<&'a Path>,
    pub write_baseline: Option<&'a Path>,
    pub draft: Option<&'a str>,
    /// `--rules` flags; none: the config's, else `./rules` when it exists.
    pub rules: &'a [PathBuf],
    /// Source arguments; none: the config's `sources`.
    pub sources: &'a [String],
    pub baseline: Option<&'a Path>,
    pub config: &'a Config,
}

/// Refuses a run whose `--output` or `--write-baseline` is one of its
/// inputs, or both are one file: whatever was written there would be
/// lost. Paths are compared canonically, so `./`, `..` and symlinks are
/// seen through; a path that does not exist yet is no input. Reads no
/// text: rule folders and source folders are only listed.
pub fn refuse_inputs(run: &Run) -> Result<(), Refused> {
    let outputs = [
        (Flag::WriteBaseline, run.write_baseline),
        (Flag::Output, run.output),
    ];
    for (flag, path) in outputs {
        let Some(path) = path else { continue };
        let Ok(real) = fs::canonicalize(path) else {
            continue;
        };
        if let Some(input) = input_at(run, &real) {
            return Err(Refused::Input {
                flag,
                path: path.display().to_string(),
                input,
            });
        }
    }
    if let (Some(output), Some(baseline)) = (run.output, run.write_baseline) {
        if destination(output) == destination(baseline) {
            return Err(Refused::SameFile {
                output: output.display().to_string(),
                baseline: baseline.display().to_string(),
            });
        }
    }
    Ok(())
}

/// The input of `run` that is the file at `real` (a canonical path), if any.
fn input_at(run: &Run, real: &Path) -> Option<Input> {
    let is = |p: &Path| fs::canonicalize(p).is_ok_and(|p| p == real);
    let config = run.config;
    if run.draft.is_some_and(|d| is(Path::new(d))) {
        return Some(Input::Draft);
    }
    if run.baseline.is_some_and(is) {
        return Some(Input::Baseline);
    }
    if config.path.as_deref().is_some_and(is) {
        return Some(Input::Config);
    }
    let rule_paths = config.rule_paths(run.rules);
    // A rule folder that cannot be listed is the rules' error, told when
    // they load.
    if RuleSet::files(&rule_paths).is_ok_and(|files| files.iter().any(|f| is(f))) {
        return Some(Input::RuleFile);
    }
    let sources = config.source_inputs(run.sources);
    // The draft is listed first, as one file with its manifest beside it.
    let read = run
        .draft
        .iter()
        .map(|d| d.to_string())
        .chain(sources)
        .find_map(|input| source::reads(&input, real))?;
    Some(match read {
        ReadAs::Source => Input::Source,
        ReadAs::Manifest => Input::Manifest,
    })
}

/// The file that writing `path` replaces or creates, as comparable as it
/// can be made before it exists: its link's end, in its folder's real place.
fn destination(path: &Path) -> PathBuf {
    if let Ok(real) = fs::canonicalize(path) {
        return real;
    }
    let end = link_end(path).unwrap_or_else(|_| path.to_path_buf());
    match (end.parent(), end.file_name()) {
        (Some(folder), Some(name)) => {
            let folder = if folder.as_os_str().is_empty() {
                Path::new(".")
            } else {
                folder
            };
            fs::canonicalize(folder).map_or(end.clone(), |f| f.join(name))
        }
        _ => end,
    }
}

/// Writes `bytes` to the file at `path`, losing nothing else there.
///
/// * A symlink (or a chain of them, or one whose target does not exist
///   yet) stays; its target is written.
/// * A regular file, or a path where nothing is yet, is replaced whole:
///   the bytes go to a temporary file beside it, which is renamed over
///   it, so a failure or a stop leaves the previous report as it was. The
///   file keeps its mode (and, where allowed, its owner); a new one gets
///   what `File::create` would give (0o666 less the umask).
/// * A FIFO or a device (`/dev/stdout`, `/dev/null`) is opened and written
///   to as it is; a folder or a socket is refused.
pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut sink = Sink::open(path)?;
    sink.write_all(bytes)?;
    sink.commit()
}

/// A report on its way out, written as it is rendered so that a large one
/// is never held whole in memory: to standard output, or to a file as
/// [`write`] writes one. A file's report takes its place only at
/// [`Sink::commit`]; a sink dropped before then (a failed run) leaves the
/// file as it was and its temporary file removed.
pub struct Sink {
    to: To,
}

enum To {
    Stdout(io::BufWriter<io::StdoutLock<'static>>),
    Stderr(io::BufWriter<io::StderrLock<'static>>),
    /// A FIFO or a device, written through.
    InPlace(io::BufWriter<fs::File>),
    /// A temporary file beside `target`, renamed over it at the end.
    Replacing {
        file: io::BufWriter<fs::File>,
        temp: stop::Registered,
        target: PathBuf,
        existing: Option<fs::Metadata>,
    },
}

impl Sink {
    pub fn stdout() -> Sink {
        Sink {
            to: To::Stdout(io::BufWriter::new(io::stdout().lock())),
        }
    }

    /// Opens `path` as [`write`] would write it.
    pub fn open(path: &Path) -> io::Result<Sink> {
        // `-o /dev/stdout` with standard output sent to a log (`>> run.log`)
        // resolves to that log: replaced, it would lose what was appended.
        // A name for the run's own stream is written through the stream.
        let to = match standard_stream(path) {
            Some(Stream::Out) => return Ok(Sink::stdout()),
            Some(Stream::Err) => To::Stderr(io::BufWriter::new(io::stderr().lock())),
            None => match fs::metadata(path) {
                Ok(meta) if meta.is_file() => replacing(fs::canonicalize(path)?, Some(meta))?,
                Ok(meta) if meta.is_dir() => {
                    return Err(io::Error::new(
                        io::ErrorKind::IsADirectory,
                        "a folder, not a file",
                    ))
                }
                Ok(meta) if is_socket(&meta) => {
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidInput,
                        "a socket, not a file",
                    ))
                }
                // A FIFO or a device: renaming over it would replace the
                // node. Devices need no truncation, and a FIFO has none.
                Ok(_) => To::InPlace(io::BufWriter::new(
                    fs::OpenOptions::new().write(true).open(path)?,
                )),
                Err(e) if e.kind() == io::ErrorKind::NotFound => replacing(link_end(path)?, None)?,
                Err(e) => return Err(e),
            },
        };
        Ok(Sink { to })
    }

    /// Ends the report: flushes it, and puts a file's report in place.
    pub fn commit(self) -> io::Result<()> {
        match self.to {
            To::Stdout(mut out) => out.flush(),
            To::Stderr(mut out) => out.flush(),
            To::InPlace(mut file) => file.flush(),
            To::Replacing {
                file,
                temp,
                target,
                existing,
            } => {
                let file = file.into_inner().map_err(|e| e.into_error())?;
                if let Some(meta) = &existing {
                    keep_owner_and_mode(&file, meta)?;
                }
                file.sync_all()?;
                if let Some(ms) = std::env::var_os(PAUSE_BEFORE_PERSIST)
                    .and_then(|v| v.to_str().and_then(|v| v.parse::<u64>().ok()))
                {
                    std::thread::sleep(std::time::Duration::from_millis(ms));
                }
                temp.persist(&target)
            }
        }
    }
}

impl Sink {
    /// Where the bytes go now.
    fn writer(&mut self) -> &mut dyn Write {
        match &mut self.to {
            To::Stdout(out) => out,
            To::Stderr(out) => out,
            To::InPlace(file) | To::Replacing { file, .. } => file,
        }
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.writer().write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.writer().write_all(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer().flush()
    }
}

/// As many links as Linux follows before it gives up (ELOOP).
const MAX_LINKS: usize = 40;

/// Where a chain of symlinks starting at `path` ends: `path` itself when
/// it is no link, else the first path in the chain with nothing there.
fn link_end(path: &Path) -> io::Result<PathBuf> {
    let mut at = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&at) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let to = fs::read_link(&at)?;
                // A relative target is relative to the link's folder; an
                // absolute one replaces the whole path in `join`.
                at = match at.parent() {
                    Some(folder) => folder.join(to),
                    None => to,
                };
            }
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => return Ok(at),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// One of the run's own standard streams.
enum Stream {
    Out,
    Err,
}

/// Whether `path`, or a link on the way from it, names the process's own
/// standard output or error (`/dev/stdout`, `/proc/self/fd/1`, `/dev/fd/2`).
fn standard_stream(path: &Path) -> Option<Stream> {
    let mut at = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        let name = at.to_string_lossy();
        match name.as_ref() {
            "/dev/stdout" | "/dev/fd/1" | "/proc/self/fd/1" => return Some(Stream::Out),
            "/dev/stderr" | "/dev/fd/2" | "/proc/self/fd/2" => return Some(Stream::Err),
            _ => {}
        }
        let to = fs::read_link(&at).ok()?;
        at = match at.parent() {
            Some(folder) => folder.join(to),
            None => to,
        };
    }
    None
}

#[cfg(unix)]
fn is_socket(meta: &fs::Metadata) -> bool {
    std::os::unix::fs::FileTypeExt::is_socket(&meta.file_type())
}

#[cfg(not(unix))]
fn is_socket(_meta: &fs::Metadata) -> bool {
    false
}

/// Test hook, for tests/output.rs only: waits this many milliseconds once
/// the temporary file is written, before it is renamed, so a test can stop
/// the run while the file exists. Read nowhere else; not a user setting.
const PAUSE_BEFORE_PERSIST: &str = "CROSSCHECK_TEST_PAUSE_BEFORE_PERSIST";

/// A temporary file in `target`'s folder (a real path, not a link), to be
/// renamed to `target` at the end; `existing` is what is there now.
fn replacing(target: PathBuf, existing: Option<fs::Metadata>) -> io::Result<To> {
    let folder = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = target.file_name().ok_or_else(|| {
        io::Error::new(io::ErrorKind::InvalidInput, "output path has no file name")
    })?;
    let prefix = format!(".{}.", name.to_string_lossy());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    // tempfile creates with 0o600; asking for 0o666 gets it less the
    // umask (the kernel applies it), as `File::create` would. An existing
    // file's mode is set exactly at the end instead, which the umask must
    // not cut.
    #[cfg(unix)]
    if existing.is_none() {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let (file, temp) = stop::create(|| builder.tempfile_in(folder))?;
    Ok(To::Replacing {
        file: io::BufWriter::new(file),
        temp,
        target,
        existing,
    })
}

/// Gives the new file the old one's owner (where the system allows it:
/// root, or a group the user is in) and then its mode, which a change of
/// owner may clear bits of.
#[cfg(unix)]
fn keep_owner_and_mode(file: &fs::File, old: &fs::Metadata) -> io::Result<()> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let new = file.metadata()?;
    if (new.uid(), new.gid()) != (old.uid(), old.gid())
        && std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid())).is_err()
    {
        let _ = std::os::unix::fs::fchown(file, None, Some(old.gid()));
    }
    file.set_permissions(fs::Permissions::from_mode(old.mode() & 0o7777))
}

#[cfg(not(unix))]
fn keep_owner_and_mode(file: &fs::File, old: &fs::Metadata) -> io::Result<()> {
    file.set_permissions(old.permissions())
}

/// The temporary file of the write under way, removed if the run is
/// stopped. One slot: a run writes its files one after the other.
mod stop {
    use std::fs::File;
    use std::io;
    use std::path::Path;
    use std::sync::{Mutex, MutexGuard};

    use tempfile::{NamedTempFile, TempPath};

    /// The temporary file's path; dropping it removes the file. Held
    /// locked while the file is created and while it is renamed, so a
    /// stop either removes it or finds it already renamed, never half.
    static TEMP: Mutex<Option<TempPath>> = Mutex::new(None);

    fn slot() -> MutexGuard<'static, Option<TempPath>> {
        // Poisoned only by a panic while held; the path is still right.
        TEMP.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// A temporary file registered for removal on a stop.
    pub(super) struct Registered(());

    /// Creates the temporary file with `create`, registered for removal
    /// on SIGINT or SIGTERM; its handler is set at the first one.
    pub(super) fn create(
        create: impl FnOnce() -> io::Result<NamedTempFile>,
    ) -> io::Result<(File, Registered)> {
        watch()?;
        let mut slot = slot();
        let (file, path) = create()?.into_parts();
        *slot = Some(path);
        Ok((file, Registered(())))
    }

    impl Registered {
        /// Renames the temporary file to `target`; on failure it is removed.
        pub(super) fn persist(self, target: &Path) -> io::Result<()> {
            let mut slot = slot();
            match slot.take() {
                Some(path) => path.persist(target).map_err(|e| e.error),
                None => Err(io::Error::other("the temporary file is gone")),
            }
        }
    }

    impl Drop for Registered {
        /// A write that failed: its temporary file goes.
        fn drop(&mut self) {
            drop(slot().take());
        }
    }

    /// Starts, once, the thread that removes the registered temporary
    /// file on SIGINT or SIGTERM and then ends the process by the
    /// signal's default action, so the exit status is the signal's. The
    /// handler is not set until a run writes a file; once set, it stays.
    #[cfg(unix)]
    fn watch() -> io::Result<()> {
        use signal_hook::consts::{SIGINT, SIGTERM};
        static WATCHING: std::sync::OnceLock<Result<(), String>> = std::sync::OnceLock::new();
        let started = WATCHING.get_or_init(|| {
            let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM])
                .map_err(|e| format!("cannot watch for SIGINT and SIGTERM: {e}"))?;
            // Should the thread not start, the signals are caught with none
            // to act on them: the error ends the run at once.
            std::thread::Builder::new()
                .name("output-stop".into())
                .spawn(move || {
                    if let Some(signal) = signals.forever().next() {
                        drop(slot().take());
                        if signal_hook::low_level::emulate_default_handler(signal).is_err() {
                            std::process::exit(128 + signal);
                        }
                    }
                })
                .map(drop)
                .map_err(|e| format!("cannot watch for SIGINT and SIGTERM: {e}"))
        });
        started.clone().map_err(io::Error::other)
    }

    #[cfg(not(unix))]
    fn watch() -> io::Result<()> {
        Ok(())
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_chain_of_links_ends_where_nothing_is_yet() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::os::unix::fs::symlink("middle", root.join("first")).unwrap();
        std::os::unix::fs::symlink(root.join("sub/last"), root.join("middle")).unwrap();
        assert_eq!(
            link_end(&root.join("first")).unwrap(),
            root.join("sub/last")
        );
        assert_eq!(link_end(&root.join("plain")).unwrap(), root.join("plain"));
    }

    #[test]
    fn a_loop_of_links_is_an_error_not_a_hang() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::os::unix::fs::symlink("b", root.join("a")).unwrap();
        std::os::unix::fs::symlink("a", root.join("b")).unwrap();
        assert!(link_end(&root.join("a")).is_err());
        assert!(write(&root.join("a"), b"x").is_err());
    }

    #[test]
    fn a_new_file_gets_what_file_create_gives() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let created = dir.path().join("created");
        fs::File::create(&created).unwrap();
        let written = dir.path().join("written");
        write(&written, b"x").unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode();
        assert_eq!(mode(&written), mode(&created));
    }

    #[test]
    fn the_same_new_file_twice_is_one_destination() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("r.json");
        let b = dir.path().join("./sub/../r.json");
        fs::create_dir(dir.path().join("sub")).unwrap();
        assert_eq!(destination(&a), destination(&b));
        assert_ne!(destination(&a), destination(&dir.path().join("s.json")));
    }
}
