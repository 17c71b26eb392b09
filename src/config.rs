//! `crosscheck.toml`: project defaults, found in the working directory or
//! the nearest parent. Flags on the command line win over it. Paths in it
//! are relative to the file.
//!
//! ```toml
//! rules = ["rules"]
//! sources = ["sources/"]
//! fail_on = "warning"          # error | warning | info | never
//! format = "human"             # human | csv | json | sarif | github | markdown
//! date_order = "dmy"           # mdy | dmy
//! unsupported = "warning"      # severity of unsupported draft claims, or "off"
//! csv_bom = true
//! [severity]                   # per-rule severity
//! recognition-date = "warning"
//! [tolerance]                  # per-rule tolerance for "around N"
//! death-toll = 0.05
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::rules::Severity;
use crate::source::DateOrder;
use crate::toml_file::{self, TomlError};

pub const CONFIG_NAME: &str = "crosscheck.toml";

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub rules: Vec<PathBuf>,
    #[serde(default)]
    pub sources: Vec<PathBuf>,
    pub fail_on: Option<String>,
    pub format: Option<String>,
    pub date_order: Option<DateOrder>,
    pub unsupported: Option<String>,
    pub csv_bom: Option<bool>,
    #[serde(default)]
    pub severity: BTreeMap<String, Severity>,
    #[serde(default)]
    pub tolerance: BTreeMap<String, f64>,
    /// The folder the file is in; paths above are relative to it.
    #[serde(skip)]
    pub folder: PathBuf,
    #[serde(skip)]
    pub path: Option<PathBuf>,
}

impl<'de> Deserialize<'de> for DateOrder {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<DateOrder, D::Error> {
        let s = String::deserialize(d)?;
        match s.as_str() {
            "mdy" => Ok(DateOrder::Mdy),
            "dmy" => Ok(DateOrder::Dmy),
            other => Err(serde::de::Error::custom(format!(
                "unknown date order {other:?}, expected \"mdy\" or \"dmy\""
            ))),
        }
    }
}

impl Config {
    /// The nearest `crosscheck.toml` from `start` upwards, if any.
    pub fn find(start: &Path) -> Result<Config, TomlError> {
        let mut dir = Some(start);
        while let Some(d) = dir {
            let candidate = d.join(CONFIG_NAME);
            if candidate.is_file() {
                let text = std::fs::read_to_string(&candidate).map_err(|e| {
                    TomlError::at(
                        &candidate.display().to_string(),
                        "",
                        None,
                        e.to_string(),
                        "",
                    )
                })?;
                return Config::parse(&candidate, &text);
            }
            dir = d.parent();
        }
        Ok(Config::default())
    }

    pub fn parse(path: &Path, text: &str) -> Result<Config, TomlError> {
        let mut config: Config = toml_file::parse(&path.display().to_string(), text)?;
        config.folder = path.parent().map(Path::to_path_buf).unwrap_or_default();
        config.path = Some(path.to_path_buf());
        Ok(config)
    }

    /// A path from the file, made relative to the working directory.
    pub fn resolve(&self, p: &Path) -> PathBuf {
        if p.is_absolute() || self.folder.as_os_str().is_empty() {
            p.to_path_buf()
        } else {
            self.folder.join(p)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_config_loads_and_unknown_keys_point_at_their_line() {
        let ok = Config::parse(
            Path::new("crosscheck.toml"),
            "rules = [\"r\"]\nfail_on = \"warning\"\n[severity]\nx-date = \"info\"\n",
        )
        .unwrap();
        assert_eq!(ok.severity["x-date"], Severity::Info);
        let err = Config::parse(
            Path::new("crosscheck.toml"),
            "rules = []\nfail-on = \"x\"\n",
        )
        .unwrap_err();
        assert_eq!(err.line(), Some(2));
    }
}
