//! Real news: `tests/real/clusters.jsonl` holds 44 clusters of ECB+ articles
//! (several outlets' reports of one event each) and `tests/real/gold/` says
//! what a careful desk wants from comparing each cluster on five facts (see
//! `tests/real/README.md`). This test is a port of the shared
//! `eval/real/score_real.py` and of the parts of `eval/gold_check.py` it
//! uses, item for item, so that its totals are the script's:
//!
//!     python3 ../shared/eval/real/score_real.py --bin target/release/crosscheck
//!
//! It needs nothing outside the repository. `REAL_SHOW=N` prints up to N
//! failed items per cluster (the script's `--show N`).
//!
//! The seeds' gold test (`tests/gold.rs`) is stricter in places (a side
//! named "0" never counts as a side, severities must match in full), so the
//! two do not share their checker.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use serde::Deserialize;
use serde_json::Value;

// Thresholds on the totals over all clusters. Issue 15's targets are
// findings >= 6 of 9, agreements >= 14 of 18, traps >= 95% and false
// alarms <= 3; the binary measures findings 6/9, agreements 14/18, traps
// 238/247 = 96.4% and 2 false alarms. The thresholds sit at what it
// measures, above the targets where it does better: no regression lands.
// (8_ecbplus's gold wants an error for 12 and 18 injured published the same
// day with no times; issue 15 section 5 makes that a warning that they may
// be successive updates, and crosscheck follows the issue.)

/// Gold findings held, of 9 (issue 15: at least 6).
const MIN_FINDINGS: usize = 6;
/// Gold agreements held, of 18 (issue 15: 14).
const MIN_AGREEMENTS: usize = 14;
/// Gold traps held, in per cent of 247 (issue 15: 95.0). One trap is 0.4%,
/// so a threshold to one decimal is exact.
const MIN_TRAPS_PERCENT: f64 = 96.3;
/// Error or warning findings of the five facts beyond what the gold lists
/// (issue 15: 3).
const MAX_FALSE_ALARMS: usize = 2;

/// The desk facts scored (`score_real.py`'s `FACTS`).
const FACTS: [&str; 5] = ["killed", "injured", "missing", "arrested", "magnitude"];
/// Item kinds, in the order the checker reports them.
const KINDS: [&str; 3] = ["finding", "agreement", "trap"];

#[derive(Deserialize)]
struct Cluster {
    cluster: String,
    docs: Vec<Doc>,
}

#[derive(Deserialize)]
struct Doc {
    id: String,
    text: String,
    date: Option<String>,
}

#[derive(Deserialize)]
struct Gold {
    #[serde(default)]
    finding: Vec<GoldFinding>,
    #[serde(default)]
    agreement: Vec<GoldAgreement>,
    #[serde(default)]
    trap: Vec<GoldTrap>,
}

#[derive(Deserialize)]
struct GoldFinding {
    fact: String,
    subject: Option<String>,
    severity: String,
    side: Vec<GoldSide>,
}

#[derive(Deserialize)]
struct GoldSide {
    evidence: Vec<Evidence>,
}

#[derive(Deserialize)]
struct Evidence {
    source: String,
    text: String,
}

#[derive(Deserialize)]
struct GoldAgreement {
    fact: String,
    subject: Option<String>,
    evidence: Vec<Evidence>,
}

#[derive(Deserialize)]
struct GoldTrap {
    fact: String,
    source: String,
    text: String,
}

/// A row of `check --format csv`, as `gold_check.py` reads it.
struct Row {
    finding: String,
    fact: String,
    /// Lowercased.
    severity: String,
    /// The source's file name.
    src: String,
    start: i64,
    end: i64,
    text: String,
    side: Option<String>,
}

/// A claim of `extract --format jsonl`.
struct Claim {
    /// The source's file name.
    src: String,
    /// `""` when the claim has no fact.
    fact: String,
    start: i64,
    end: i64,
}

/// The cluster folder's `.txt` and `.md` files, as `gold_check.py` reads them.
struct Texts {
    texts: BTreeMap<String, Vec<u8>>,
}

impl Texts {
    fn load(dir: &Path) -> Texts {
        let mut texts = BTreeMap::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let entry = entry.unwrap();
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(".txt") || name.ends_with(".md") {
                texts.insert(name, std::fs::read(entry.path()).unwrap());
            }
        }
        Texts { texts }
    }

    /// The file a gold key names: "12_1ecb" -> "12_1ecb.txt"; the key itself
    /// unless exactly one file matches.
    fn file_for<'a>(&'a self, key: &'a str) -> &'a str {
        let mut hits = self.texts.keys().filter(|n| {
            n.as_str() == key
                || n.strip_prefix(key)
                    .is_some_and(|rest| rest.starts_with('_') || rest.starts_with('.'))
        });
        match (hits.next(), hits.next()) {
            (Some(only), None) => only,
            _ => key,
        }
    }

    /// Byte ranges of every occurrence of `text` in the file `key` names,
    /// overlapping ones included; none when there is no such file.
    fn occurrences(&self, key: &str, text: &str) -> Vec<(i64, i64)> {
        let Some(body) = self.texts.get(self.file_for(key)) else {
            return Vec::new();
        };
        let needle = text.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i <= body.len() {
            match memchr::memmem::find(&body[i..], needle) {
                Some(at) => {
                    let s = i + at;
                    out.push((s as i64, (s + needle.len()) as i64));
                    i = s + 1;
                }
                None => break,
            }
        }
        out
    }

    /// Whether the span `start..end` of file `src` overlaps an occurrence of
    /// `text` in the file `key` names.
    fn covers(&self, src: &str, start: i64, end: i64, key: &str, text: &str) -> bool {
        src == self.file_for(key)
            && self
                .occurrences(key, text)
                .iter()
                .any(|&(s, e)| start < e && s < end)
    }
}

/// `os.path.basename`.
fn basename(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// The first four characters (`s[:4]`).
fn head4(s: &str) -> String {
    s.chars().take(4).collect()
}

fn fact_of(row_fact: &str, fact: &str) -> bool {
    row_fact == fact
        || row_fact
            .strip_prefix(fact)
            .is_some_and(|rest| rest.starts_with(':') || rest.starts_with('/'))
}

fn flags(severity: &str) -> bool {
    matches!(head4(severity).as_str(), "erro" | "warn")
}

/// The findings CSV's rows; reading stops at the first bad one, with a
/// note, as `gold_check.py`'s does.
fn read_rows(csv_text: &str, notes: &mut Vec<String>) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(csv_text.as_bytes());
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            notes.push(format!("findings CSV unreadable: {e}"));
            return rows;
        }
    };
    let column = |name: &str| headers.iter().position(|h| h == name);
    for record in reader.records() {
        let row = record.map_err(|e| e.to_string()).and_then(|r| {
            let field = |name: &str| {
                column(name)
                    .and_then(|i| r.get(i))
                    .map(str::to_string)
                    .ok_or_else(|| format!("KeyError({name:?})"))
            };
            let number = |name: &str| {
                field(name).and_then(|v| v.trim().parse::<i64>().map_err(|e| format!("{e}: {v:?}")))
            };
            Ok(Row {
                finding: field("finding")?,
                fact: field("fact")?,
                severity: field("severity")?.to_lowercase(),
                src: basename(&field("source")?).to_string(),
                start: number("start")?,
                end: number("end")?,
                text: field("text")?,
                side: field("side").ok(),
            })
        });
        match row {
            Ok(row) => rows.push(row),
            Err(e) => {
                notes.push(format!("findings CSV unreadable: {e}"));
                break;
            }
        }
    }
    rows
}

/// The claims JSONL; reading stops at the first line that is not JSON,
/// with a note.
fn read_claims(jsonl: &str, notes: &mut Vec<String>) -> Vec<Claim> {
    let mut claims = Vec::new();
    for line in jsonl.lines().filter(|l| !l.trim().is_empty()) {
        let c: Value = match serde_json::from_str(line) {
            Ok(c) => c,
            Err(e) => {
                notes.push(format!("claims JSONL unreadable: {e}"));
                break;
            }
        };
        let span = |name: &str| {
            c[name]
                .as_i64()
                .unwrap_or_else(|| panic!("claim without {name}: {line}"))
        };
        let source = match &c["source"] {
            Value::String(s) => s.clone(),
            Value::Null => "None".to_string(),
            other => other.to_string(),
        };
        claims.push(Claim {
            src: basename(&source).to_string(),
            fact: c["fact"].as_str().unwrap_or("").to_string(),
            start: span("start"),
            end: span("end"),
        });
    }
    claims
}

/// One checked gold item.
struct Item {
    kind: &'static str,
    name: String,
    ok: bool,
    why: String,
}

/// `gold_check.py GOLD DIR FINDINGS CLAIMS --only=findings,agreements,traps
/// --facts=<FACTS>`: one item per gold finding, agreement and trap of the
/// desk facts.
fn check_gold(gold: &Gold, texts: &Texts, rows: &[Row], claims: &[Claim]) -> Vec<Item> {
    let wanted = |fact: &str| FACTS.contains(&fact);
    let mut items = Vec::new();

    for f in gold.finding.iter().filter(|f| wanted(&f.fact)) {
        let name = format!("finding {}{}", f.fact, subject(&f.subject));
        // Rows by finding, in the order findings first appear.
        let mut by_finding: Vec<(&str, Vec<&Row>)> = Vec::new();
        for r in rows.iter().filter(|r| fact_of(&r.fact, &f.fact)) {
            match by_finding.iter_mut().find(|(id, _)| *id == r.finding) {
                Some((_, rs)) => rs.push(r),
                None => by_finding.push((&r.finding, vec![r])),
            }
        }
        let covering = |rs: &[&Row], e: &Evidence| -> Vec<usize> {
            (0..rs.len())
                .filter(|&i| texts.covers(&rs[i].src, rs[i].start, rs[i].end, &e.source, &e.text))
                .collect()
        };
        let (mut ok, mut why) = (false, "no finding of this fact".to_string());
        for (id, rs) in &by_finding {
            let missing: Vec<String> = f
                .side
                .iter()
                .flat_map(|s| &s.evidence)
                .filter(|e| covering(rs, e).is_empty())
                .map(|e| format!("{}:{:?}", e.source, e.text))
                .collect();
            let severity = head4(&f.severity);
            let severity_ok = rs.iter().any(|r| r.severity.starts_with(&severity));
            // Each gold side's evidence must share a side of the finding,
            // apart from the other side's.
            let commons: Vec<HashSet<Option<&str>>> = f
                .side
                .iter()
                .map(|side| {
                    let sets: Vec<HashSet<Option<&str>>> = side
                        .evidence
                        .iter()
                        .map(|e| {
                            covering(rs, e)
                                .into_iter()
                                .map(|i| rs[i].side.as_deref())
                                .collect()
                        })
                        .collect();
                    let mut sets = sets.into_iter();
                    let first = sets.next().unwrap_or_default();
                    sets.fold(first, |common, set| &common & &set)
                })
                .collect();
            let apart =
                commons.len() < 2 || commons[0].iter().any(|a| commons[1].iter().any(|b| a != b));
            if missing.is_empty() && severity_ok && apart {
                ok = true;
                break;
            }
            why = if !missing.is_empty() {
                format!("finding {id}: missing evidence {missing:?}")
            } else if !severity_ok {
                format!("finding {id}: severity not {}", f.severity)
            } else {
                format!("finding {id}: the two sides' evidence is not split into two sides")
            };
        }
        items.push(Item {
            kind: "finding",
            name,
            ok,
            why,
        });
    }

    for a in gold.agreement.iter().filter(|a| wanted(&a.fact)) {
        let name = format!("agreement {}{}", a.fact, subject(&a.subject));
        let flagged: Vec<(&str, &str)> = rows
            .iter()
            .filter(|r| {
                fact_of(&r.fact, &a.fact)
                    && flags(&r.severity)
                    && a.evidence
                        .iter()
                        .any(|e| texts.covers(&r.src, r.start, r.end, &e.source, &e.text))
            })
            .map(|r| (r.src.as_str(), r.text.as_str()))
            .collect();
        let extracted = a
            .evidence
            .iter()
            .filter(|e| {
                claims.iter().any(|c| {
                    c.fact.starts_with(&a.fact)
                        && texts.covers(&c.src, c.start, c.end, &e.source, &e.text)
                })
            })
            .count();
        let need_claims = a.fact != "person-title";
        let ok = flagged.is_empty() && (!need_claims || extracted == a.evidence.len());
        let why = if !flagged.is_empty() {
            format!("flagged: {:?}", &flagged[..flagged.len().min(4)])
        } else {
            format!(
                "claims of this fact found for {extracted}/{} evidence texts",
                a.evidence.len()
            )
        };
        items.push(Item {
            kind: "agreement",
            name,
            ok,
            why,
        });
    }

    for t in gold.trap.iter().filter(|t| wanted(&t.fact)) {
        let name = format!("trap {} {}:{:?}", t.fact, t.source, t.text);
        let hit_rows = rows
            .iter()
            .filter(|r| {
                fact_of(&r.fact, &t.fact)
                    && texts.covers(&r.src, r.start, r.end, &t.source, &t.text)
            })
            .count();
        let hit_claims = claims
            .iter()
            .filter(|c| {
                c.fact.starts_with(&t.fact)
                    && texts.covers(&c.src, c.start, c.end, &t.source, &t.text)
                    && t.fact != "person-title"
            })
            .count();
        items.push(Item {
            kind: "trap",
            name,
            ok: hit_rows == 0 && hit_claims == 0,
            why: format!("{hit_rows} finding rows, {hit_claims} claims"),
        });
    }
    items
}

fn subject(subject: &Option<String>) -> String {
    subject
        .as_ref()
        .map(|s| format!(" ({s})"))
        .unwrap_or_default()
}

/// False alarms: per desk fact, the error or warning findings beyond the
/// number of non-info findings the gold lists for it.
fn false_alarms(gold: &Gold, csv_text: &str) -> Result<usize, csv::Error> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(csv_text.as_bytes());
    let headers = reader.headers()?.clone();
    let column = |name: &str| headers.iter().position(|h| h == name);
    let mut got: BTreeMap<&str, HashSet<String>> =
        FACTS.iter().map(|f| (*f, HashSet::new())).collect();
    for record in reader.records() {
        let record = record?;
        let field = |name: &str| column(name).and_then(|i| record.get(i)).unwrap_or("");
        let fact = field("fact")
            .split(':')
            .next()
            .unwrap()
            .split('/')
            .next()
            .unwrap();
        if let Some(ids) = got.get_mut(fact) {
            if flags(&field("severity").to_lowercase()) {
                ids.insert(field("finding").to_string());
            }
        }
    }
    Ok(FACTS
        .iter()
        .map(|f| {
            let want = gold
                .finding
                .iter()
                .filter(|x| x.fact == *f && x.severity != "info")
                .count();
            got[f].len().saturating_sub(want)
        })
        .sum())
}

/// One cluster's score.
struct Scored {
    cluster: String,
    items: Vec<Item>,
    notes: Vec<String>,
    false_alarms: usize,
    broken: Vec<String>,
}

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

/// Writes the cluster's folder under `work`, runs `check` and `extract` in
/// it and scores their outputs.
fn score(work: &Path, cluster: &Cluster, gold: &Gold) -> Scored {
    let dir = work.join(&cluster.cluster);
    std::fs::create_dir_all(&dir).unwrap();
    let mut manifest = Vec::new();
    for doc in &cluster.docs {
        let text = format!("{}\n", doc.text.trim_end_matches('\n'));
        std::fs::write(dir.join(format!("{}.txt", doc.id)), text).unwrap();
        let mut entry = format!(
            "[[source]]\nfile = \"{id}.txt\"\noutlet = \"{id}\"\n",
            id = doc.id
        );
        if let Some(date) = doc.date.as_deref().filter(|d| !d.is_empty()) {
            entry += &format!("published = \"{date}\"\n");
        }
        manifest.push(entry);
    }
    std::fs::write(dir.join("sources.toml"), manifest.join("\n")).unwrap();

    let check = run(&dir, &["check", ".", "--format", "csv", "--quiet"]);
    let extract = run(&dir, &["extract", ".", "--format", "jsonl"]);
    let mut broken = Vec::new();
    for (out, name) in [(&check, "check"), (&extract, "extract")] {
        let stderr = String::from_utf8_lossy(&out.stderr);
        if !matches!(out.status.code(), Some(0 | 1)) || stderr.contains("panicked") {
            let stderr: String = stderr.trim().chars().take(200).collect();
            broken.push(format!(
                "{}: {name} exited {:?}: {stderr}",
                cluster.cluster,
                out.status.code()
            ));
        }
    }
    let check = String::from_utf8_lossy(&check.stdout);
    let extract = String::from_utf8_lossy(&extract.stdout);

    let texts = Texts::load(&dir);
    let mut notes = Vec::new();
    let rows = read_rows(&check, &mut notes);
    let claims = read_claims(&extract, &mut notes);
    let items = check_gold(gold, &texts, &rows, &claims);
    let false_alarms = false_alarms(gold, &check).unwrap_or_else(|e| {
        broken.push(format!("{}: findings CSV unreadable: {e}", cluster.cluster));
        0
    });
    Scored {
        cluster: cluster.cluster.clone(),
        items,
        notes,
        false_alarms,
        broken,
    }
}

#[test]
fn real_news_clusters_meet_the_desk_thresholds() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/real");
    let clusters: Vec<Cluster> = std::fs::read_to_string(here.join("clusters.jsonl"))
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // Only clusters with a gold file are scored.
    let jobs: Vec<(Cluster, Gold)> = clusters
        .into_iter()
        .filter_map(|c| {
            let path = here.join("gold").join(format!("{}.toml", c.cluster));
            let text = std::fs::read_to_string(&path).ok()?;
            let gold = toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            Some((c, gold))
        })
        .collect();
    let show: usize = std::env::var("REAL_SHOW")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);

    // The clusters are independent: score them on every core, report them
    // in file order.
    let work = tempfile::Builder::new().prefix("real-").tempdir().unwrap();
    let next = AtomicUsize::new(0);
    let scored: Mutex<Vec<Option<Scored>>> = Mutex::new((0..jobs.len()).map(|_| None).collect());
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some((cluster, gold)) = jobs.get(i) else {
                    break;
                };
                let result = score(work.path(), cluster, gold);
                scored.lock().unwrap()[i] = Some(result);
            });
        }
    });
    let scored: Vec<Scored> = scored
        .into_inner()
        .unwrap()
        .into_iter()
        .map(Option::unwrap)
        .collect();

    let mut kinds = [(0usize, 0usize); 3];
    let (mut held, mut total, mut false_alarms) = (0, 0, 0);
    let mut broken = Vec::new();
    for c in &scored {
        let h = c.items.iter().filter(|i| i.ok).count();
        let n = c.items.len();
        held += h;
        total += n;
        for item in &c.items {
            let k = KINDS.iter().position(|k| *k == item.kind).unwrap();
            kinds[k].0 += usize::from(item.ok);
            kinds[k].1 += 1;
        }
        false_alarms += c.false_alarms;
        broken.extend(c.broken.iter().cloned());
        eprintln!(
            "{}: items {h}/{n}, false alarms {}",
            c.cluster, c.false_alarms
        );
        if show > 0 {
            for note in &c.notes {
                eprintln!("    {note}");
            }
            for item in c.items.iter().filter(|i| !i.ok).take(show) {
                eprintln!("    FAIL {}  -- {}", item.name, item.why);
            }
        }
    }
    for b in &broken {
        eprintln!("BROKEN {b}");
    }
    let pct = |h: usize, n: usize| {
        if n == 0 {
            0.0
        } else {
            100.0 * h as f64 / n as f64
        }
    };
    let summary: Vec<String> = KINDS
        .iter()
        .zip(kinds)
        .map(|(k, (h, n))| format!("{k}s {h}/{n}"))
        .collect();
    eprintln!("{}", summary.join("  "));
    let [findings, agreements, traps] = kinds;
    eprintln!(
        "real: items {held}/{total} ({:.1}%), findings {}/{}, false alarms {false_alarms} in {} clusters",
        pct(held, total),
        findings.0,
        findings.1,
        scored.len()
    );

    assert!(broken.is_empty(), "runs that broke:\n{}", broken.join("\n"));
    // The data lost nothing.
    assert_eq!(scored.len(), 44, "clusters scored");
    assert_eq!(
        (findings.1, agreements.1, traps.1),
        (9, 18, 247),
        "gold findings, agreements, traps"
    );
    assert!(
        findings.0 >= MIN_FINDINGS,
        "findings {}/{} below {MIN_FINDINGS}",
        findings.0,
        findings.1
    );
    assert!(
        agreements.0 >= MIN_AGREEMENTS,
        "agreements {}/{} below {MIN_AGREEMENTS}",
        agreements.0,
        agreements.1
    );
    assert!(
        pct(traps.0, traps.1) >= MIN_TRAPS_PERCENT,
        "traps {}/{} ({:.1}%) below {MIN_TRAPS_PERCENT}%",
        traps.0,
        traps.1,
        pct(traps.0, traps.1)
    );
    assert!(
        false_alarms <= MAX_FALSE_ALARMS,
        "false alarms {false_alarms} above {MAX_FALSE_ALARMS}"
    );
}
