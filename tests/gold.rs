//! The seeds' gold: `tests/gold/seeds.toml` (a copy of the shared gold file)
//! says what checking the five seed articles must find, must not find, and
//! must extract. This test runs the binary on `seeds/` and checks every
//! item, the way the shared `eval/gold_check.py` does (this copy needs
//! nothing outside the repository).

use std::collections::BTreeMap;
use std::path::Path;

use assert_cmd::Command;
use serde::Deserialize;

/// Facts whose extraction is not built yet; their findings are skipped
/// (their agreements and traps are still checked: nothing may be flagged).
const PENDING_FACTS: &[&str] = &[];

#[derive(Deserialize)]
struct Gold {
    finding: Vec<GoldFinding>,
    agreement: Vec<GoldAgreement>,
    trap: Vec<GoldTrap>,
    claim: Vec<GoldClaim>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct GoldFinding {
    fact: String,
    subject: Option<String>,
    severity: String,
    side: Vec<GoldSide>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct GoldSide {
    value: String,
    evidence: Vec<Evidence>,
}

#[derive(Deserialize, Clone)]
struct Evidence {
    source: String,
    text: String,
}

#[derive(Deserialize)]
struct GoldAgreement {
    fact: String,
    evidence: Vec<Evidence>,
}

#[derive(Deserialize)]
struct GoldTrap {
    fact: String,
    source: String,
    text: String,
}

#[derive(Deserialize)]
struct GoldClaim {
    source: String,
    text: String,
    kind: String,
    value: String,
    counted: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Row {
    finding: String,
    fact: String,
    severity: String,
    side: String,
    source: String,
    start: usize,
    end: usize,
}

#[derive(Debug, Deserialize)]
struct ClaimOut {
    source: String,
    kind: String,
    start: usize,
    end: usize,
    value: String,
    resolved: Option<String>,
    fact: Option<String>,
    counted: Option<String>,
}

struct Seeds {
    /// Seed file name by gold key ("000").
    files: BTreeMap<String, String>,
    texts: BTreeMap<String, String>,
}

impl Seeds {
    fn load() -> Seeds {
        let mut files = BTreeMap::new();
        let mut texts = BTreeMap::new();
        for entry in std::fs::read_dir("seeds").unwrap() {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            if name.ends_with(".txt") {
                files.insert(name[..3].to_string(), name.clone());
                texts.insert(
                    name.clone(),
                    std::fs::read_to_string(Path::new("seeds").join(&name)).unwrap(),
                );
            }
        }
        Seeds { files, texts }
    }

    fn file(&self, key: &str) -> &str {
        &self.files[key]
    }

    /// Byte ranges where `text` occurs in the seed `key`.
    fn occurrences(&self, key: &str, text: &str) -> Vec<(usize, usize)> {
        let body = &self.texts[self.file(key)];
        let found: Vec<(usize, usize)> = body
            .match_indices(text)
            .map(|(i, m)| (i, i + m.len()))
            .collect();
        assert!(!found.is_empty(), "gold text {text:?} is not in seed {key}");
        found
    }

    fn covers(&self, source: &str, start: usize, end: usize, e: &Evidence) -> bool {
        base(source) == self.file(&e.source)
            && self
                .occurrences(&e.source, &e.text)
                .iter()
                .any(|&(s, t)| start < t && s < end)
    }
}

fn base(path: &str) -> &str {
    Path::new(path).file_name().unwrap().to_str().unwrap()
}

fn run(args: &[&str]) -> String {
    let out = Command::cargo_bin("crosscheck")
        .unwrap()
        .args(args)
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "crosscheck {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn fact_matches(row_fact: &str, fact: &str) -> bool {
    row_fact == fact
        || row_fact.starts_with(&format!("{fact}:"))
        || row_fact.starts_with(&format!("{fact}/"))
}

#[test]
fn the_seeds_meet_the_gold() {
    let gold: Gold =
        toml::from_str(&std::fs::read_to_string("tests/gold/seeds.toml").unwrap()).unwrap();
    let seeds = Seeds::load();
    let csv_text = run(&["check", "seeds/", "--format", "csv"]);
    let rows: Vec<Row> = csv::Reader::from_reader(csv_text.as_bytes())
        .deserialize()
        .collect::<Result<_, _>>()
        .unwrap();
    let claims: Vec<ClaimOut> = run(&["extract", "seeds/", "--format", "jsonl"])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let mut failures = Vec::new();
    let mut checked = 0;

    for f in &gold.finding {
        if PENDING_FACTS.contains(&f.fact.as_str()) {
            continue;
        }
        checked += 1;
        let mut by_finding: BTreeMap<&str, Vec<&Row>> = BTreeMap::new();
        for r in rows.iter().filter(|r| fact_matches(&r.fact, &f.fact)) {
            by_finding.entry(&r.finding).or_default().push(r);
        }
        let holds = by_finding.values().any(|rs| {
            let all_covered = f.side.iter().flat_map(|s| &s.evidence).all(|e| {
                rs.iter()
                    .any(|r| seeds.covers(&r.source, r.start, r.end, e))
            });
            let severity = rs.iter().any(|r| r.severity == f.severity);
            // Each gold side's evidence shares one finding side, apart from
            // the other gold side's.
            let common: Vec<Option<String>> = f
                .side
                .iter()
                .map(|side| {
                    let sets: Vec<Vec<&str>> = side
                        .evidence
                        .iter()
                        .map(|e| {
                            rs.iter()
                                .filter(|r| seeds.covers(&r.source, r.start, r.end, e))
                                .map(|r| r.side.as_str())
                                .collect()
                        })
                        .collect();
                    sets[0]
                        .iter()
                        .find(|s| **s != "0" && sets.iter().all(|set| set.contains(s)))
                        .map(|s| s.to_string())
                })
                .collect();
            let apart =
                common.iter().all(Option::is_some) && common.windows(2).all(|w| w[0] != w[1]);
            all_covered && severity && apart
        });
        if !holds {
            failures.push(format!("finding {} not found with its sides", f.fact));
        }
    }

    for a in &gold.agreement {
        checked += 1;
        let flagged: Vec<&Row> = rows
            .iter()
            .filter(|r| {
                fact_matches(&r.fact, &a.fact)
                    && (r.severity == "error" || r.severity == "warning")
                    && a.evidence
                        .iter()
                        .any(|e| seeds.covers(&r.source, r.start, r.end, e))
            })
            .collect();
        if !flagged.is_empty() {
            failures.push(format!("agreement {} flagged: {flagged:?}", a.fact));
        }
        if a.fact != "person-title" {
            for e in &a.evidence {
                let extracted = claims.iter().any(|c| {
                    c.fact.as_deref().is_some_and(|f| f.starts_with(&a.fact))
                        && seeds.covers(&c.source, c.start, c.end, e)
                });
                if !extracted {
                    failures.push(format!(
                        "agreement {}: no claim for {}:{:?}",
                        a.fact, e.source, e.text
                    ));
                }
            }
        }
    }

    for t in &gold.trap {
        checked += 1;
        let e = Evidence {
            source: t.source.clone(),
            text: t.text.clone(),
        };
        let in_rows = rows
            .iter()
            .any(|r| fact_matches(&r.fact, &t.fact) && seeds.covers(&r.source, r.start, r.end, &e));
        let in_claims = t.fact != "person-title"
            && claims.iter().any(|c| {
                c.fact.as_deref().is_some_and(|f| f.starts_with(&t.fact))
                    && seeds.covers(&c.source, c.start, c.end, &e)
            });
        if in_rows || in_claims {
            failures.push(format!(
                "trap {} {}:{:?} was taken",
                t.fact, t.source, t.text
            ));
        }
    }

    for c in &gold.claim {
        checked += 1;
        let e = Evidence {
            source: c.source.clone(),
            text: c.text.clone(),
        };
        let want = c.value.replace(' ', "").to_lowercase();
        let found = claims.iter().any(|x| {
            x.kind == c.kind
                && seeds.covers(&x.source, x.start, x.end, &e)
                && (x.value.to_lowercase() == want
                    || x.resolved.as_deref().map(str::to_lowercase) == Some(want.clone()))
                && c.counted
                    .as_ref()
                    .is_none_or(|want| x.counted.as_ref() == Some(want))
        });
        if !found {
            failures.push(format!(
                "claim {}:{:?} = {} not extracted",
                c.source, c.text, c.value
            ));
        }
    }

    assert!(
        failures.is_empty(),
        "{} of {checked} gold items fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(checked >= 20, "the gold file lost items: {checked}");
}
