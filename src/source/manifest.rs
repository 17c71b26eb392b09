//! `sources.toml`: what a folder's files are (outlet, title, url, locale)
//! and when they were published.
//!
//! ```toml
//! [[source]]
//! file = "case-00001.txt"   # relative to the manifest
//! published = "2016-11-07"  # the document date; optional; may take a
//!                           # time: "2016-11-07T09:40:00+03:00" or
//!                           # "2016-11-07 09:40" (local)
//! outlet = "..."            # optional, also title, url, locale
//! ```

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Component, Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::toml_file::{self, TomlError};

pub const MANIFEST_NAME: &str = "sources.toml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ManifestFile {
    #[serde(default)]
    source: Vec<RawEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    file: Spanned<String>,
    published: Option<Spanned<String>>,
    outlet: Option<String>,
    title: Option<String>,
    url: Option<String>,
    locale: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ManifestEntry {
    pub published: Option<jiff::civil::Date>,
    /// The time of day `published` gives, if any.
    pub published_time: Option<super::published::PublishedTime>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub locale: Option<String>,
}

/// One entry as the manifest lists it: what it says, and where its `file`
/// value stands in the manifest, for an error about the entry.
#[derive(Clone, Debug)]
pub(crate) struct Listed {
    pub entry: ManifestEntry,
    pub file_span: Range<usize>,
}

/// A folder's manifest: entries keyed by the file's full path (`..` and
/// `.` taken out, so `sub/../a.txt` is the `a.txt` a folder walk finds).
pub(crate) fn read(path: &Path, text: &str) -> Result<BTreeMap<PathBuf, Listed>, TomlError> {
    let name = path.display().to_string();
    let raw: ManifestFile = toml_file::parse(&name, text)?;
    let folder = path.parent().unwrap_or(Path::new(""));
    let mut entries = BTreeMap::new();
    for entry in raw.source {
        let (published, published_time) = match &entry.published {
            None => (None, None),
            Some(p) => {
                let (date, time) =
                    super::published::parse_published(p.get_ref()).ok_or_else(|| {
                        TomlError::at(
                            &name,
                            text,
                            Some(p.span()),
                            format!("`published` is not a date: {:?}", p.get_ref()),
                            "expected YYYY-MM-DD, YYYY-MM-DDTHH:MM:SS+HH:MM or YYYY-MM-DD HH:MM",
                        )
                    })?;
                (Some(date), time)
            }
        };
        let file = normalise(&folder.join(entry.file.get_ref()));
        if entries.contains_key(&file) {
            return Err(TomlError::at(
                &name,
                text,
                Some(entry.file.span()),
                format!("{} is listed twice", entry.file.get_ref()),
                "listed again here",
            ));
        }
        let file_span = entry.file.span();
        entries.insert(
            file,
            Listed {
                entry: ManifestEntry {
                    published,
                    published_time,
                    outlet: entry.outlet,
                    title: entry.title,
                    url: entry.url,
                    locale: entry.locale,
                },
                file_span,
            },
        );
    }
    Ok(entries)
}

/// The path with `.` dropped and each `..` taking out the name before it,
/// without asking the file system (the file may not exist). A `..` with no
/// name before it stays.
pub(crate) fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                let last = out.components().next_back();
                if matches!(last, Some(Component::Normal(_))) {
                    out.pop();
                } else if !matches!(last, Some(Component::RootDir | Component::Prefix(_))) {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_keyed_by_path_relative_to_the_manifest() {
        let text = "[[source]]\nfile = \"a.txt\"\npublished = \"2016-11-07\"\noutlet = \"Wire\"\n";
        let entries = read(Path::new("dir/sources.toml"), text).unwrap();
        let entry = &entries[&PathBuf::from("dir/a.txt")].entry;
        assert_eq!(entry.published.unwrap().to_string(), "2016-11-07");
        assert_eq!(entry.outlet.as_deref(), Some("Wire"));
    }

    #[test]
    fn paths_are_normalised_without_the_file_system() {
        for (given, expected) in [
            ("in/./a.txt", "in/a.txt"),
            ("in/sub/../a.txt", "in/a.txt"),
            ("out/in/../../../x.txt", "../x.txt"),
            ("/../a.txt", "/a.txt"),
            ("../../a", "../../a"),
        ] {
            assert_eq!(
                normalise(Path::new(given)),
                PathBuf::from(expected),
                "{given}"
            );
        }
    }

    #[test]
    fn a_bad_date_points_at_its_value() {
        let text = "[[source]]\nfile = \"a.txt\"\npublished = \"July 4\"\n";
        let err = read(Path::new("sources.toml"), text).unwrap_err();
        assert_eq!(err.line(), Some(3));
        assert!(err.message.contains("not a date"));
    }

    #[test]
    fn an_unknown_key_is_an_error_at_its_line() {
        let text = "[[source]]\nfile = \"a.txt\"\npublisher = \"x\"\n";
        let err = read(Path::new("sources.toml"), text).unwrap_err();
        assert_eq!(err.line(), Some(3));
        assert!(err.message.contains("publisher"), "{}", err.message);
    }
}
