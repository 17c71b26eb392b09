//! A folder of a walk, held open while it is walked.
//!
//! Looking inside a folder by its path makes the kernel resolve every
//! component of that path, so a walk by paths costs depth per look and
//! depth² over a deep tree. A folder held open is looked inside by the
//! entry's name alone. On systems other than Unix the folder is its path.

use std::ffi::OsString;
use std::io;
use std::path::Path;

/// What the walk needs to know of one entry, links followed.
pub struct EntryKind {
    pub is_dir: bool,
    /// The size in bytes.
    pub len: u64,
}

/// One entry's name, and whether the entry itself is a symbolic link.
pub struct Entry {
    pub name: OsString,
    pub is_link: bool,
}

#[cfg(unix)]
pub use unix::{Folder, FolderKey};

#[cfg(not(unix))]
pub use by_path::{Folder, FolderKey};

#[cfg(unix)]
mod unix {
    use std::ffi::OsStr;
    use std::os::fd::OwnedFd;
    use std::os::unix::ffi::OsStrExt;

    use rustix::fs::{self as fs, AtFlags, FileType, Mode, OFlags};

    use super::*;

    /// An open folder. While a folder below it is walked the handle is let
    /// go, so that a walk holds a handle or two whatever its depth (a
    /// process may hold as few as 1,024), and taken back through `..`.
    pub struct Folder {
        handle: Option<OwnedFd>,
        key: FolderKey,
    }

    /// Device and inode: what a folder is, whatever path reached it.
    pub type FolderKey = (u64, u64);

    fn open_flags() -> OFlags {
        OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC
    }

    impl Folder {
        pub fn open(path: &Path) -> io::Result<Folder> {
            Folder::from_handle(fs::open(path, open_flags(), Mode::empty())?)
        }

        fn from_handle(handle: OwnedFd) -> io::Result<Folder> {
            let stat = fs::fstat(&handle)?;
            Ok(Folder {
                key: (stat.st_dev, stat.st_ino),
                handle: Some(handle),
            })
        }

        /// The same folder, reached by any path, has the same key: a walk
        /// that meets a key again is in a symbolic-link loop.
        pub fn key(&self) -> FolderKey {
            self.key
        }

        fn handle(&self) -> io::Result<&OwnedFd> {
            self.handle
                .as_ref()
                .ok_or_else(|| io::Error::other("folder handle let go"))
        }

        /// The entries, but for `.` and `..`, in the order the system gives.
        pub fn entries(&self) -> io::Result<Vec<Entry>> {
            let handle = self.handle()?;
            let mut listing = fs::Dir::read_from(handle)?;
            let mut entries = Vec::new();
            while let Some(entry) = listing.read() {
                let entry = entry?;
                let name = OsStr::from_bytes(entry.file_name().to_bytes());
                if name == "." || name == ".." {
                    continue;
                }
                let is_link = match entry.file_type() {
                    FileType::Unknown => fs::statat(handle, name, AtFlags::SYMLINK_NOFOLLOW)
                        .is_ok_and(|s| FileType::from_raw_mode(s.st_mode) == FileType::Symlink),
                    t => t == FileType::Symlink,
                };
                entries.push(Entry {
                    name: name.to_os_string(),
                    is_link,
                });
            }
            Ok(entries)
        }

        /// What `name` is, a link followed to its target.
        pub fn kind(&self, name: &OsStr) -> io::Result<EntryKind> {
            let stat = fs::statat(self.handle()?, name, AtFlags::empty())?;
            Ok(EntryKind {
                is_dir: FileType::from_raw_mode(stat.st_mode) == FileType::Directory,
                len: stat.st_size as u64,
            })
        }

        /// Opens the folder `name`.
        pub fn open_child(&self, name: &OsStr) -> io::Result<Folder> {
            Folder::from_handle(fs::openat(
                self.handle()?,
                name,
                open_flags(),
                Mode::empty(),
            )?)
        }

        /// Lets the handle go while a folder below, reached by no link,
        /// is walked; [`Self::take_back`] takes it back through that
        /// folder's `..`.
        pub fn release(&mut self) {
            self.handle = None;
        }

        /// Takes back a handle let go, from `child`'s `..`, checked to be
        /// this folder; failing that, by `path`, this folder's path.
        pub fn take_back(&mut self, child: &Folder, path: &Path) -> io::Result<()> {
            if self.handle.is_some() {
                return Ok(());
            }
            let back = child
                .handle()
                .and_then(|h| Ok(fs::openat(h, "..", open_flags(), Mode::empty())?))
                .and_then(Folder::from_handle);
            let back = match back {
                Ok(folder) if folder.key == self.key => folder,
                _ => Folder::open(path)?,
            };
            if back.key != self.key {
                return Err(io::Error::other("the folder changed while it was read"));
            }
            self.handle = back.handle;
            Ok(())
        }
    }
}

#[cfg(not(unix))]
mod by_path {
    use std::ffi::OsStr;
    use std::fs;
    use std::path::PathBuf;

    use super::*;

    /// A folder known by its path.
    pub struct Folder {
        path: PathBuf,
        key: FolderKey,
    }

    /// The real path: what a folder is, whatever path reached it.
    pub type FolderKey = PathBuf;

    impl Folder {
        pub fn open(path: &Path) -> io::Result<Folder> {
            Ok(Folder {
                key: fs::canonicalize(path)?,
                path: path.to_path_buf(),
            })
        }

        pub fn key(&self) -> FolderKey {
            self.key.clone()
        }

        pub fn entries(&self) -> io::Result<Vec<Entry>> {
            let mut entries = Vec::new();
            for entry in fs::read_dir(&self.path)? {
                let entry = entry?;
                entries.push(Entry {
                    name: entry.file_name(),
                    is_link: entry.file_type().is_ok_and(|t| t.is_symlink()),
                });
            }
            Ok(entries)
        }

        pub fn kind(&self, name: &OsStr) -> io::Result<EntryKind> {
            let meta = fs::metadata(self.path.join(name))?;
            Ok(EntryKind {
                is_dir: meta.is_dir(),
                len: meta.len(),
            })
        }

        pub fn open_child(&self, name: &OsStr) -> io::Result<Folder> {
            Folder::open(&self.path.join(name))
        }

        pub fn release(&mut self) {}

        pub fn take_back(&mut self, _child: &Folder, _path: &Path) -> io::Result<()> {
            Ok(())
        }
    }
}
