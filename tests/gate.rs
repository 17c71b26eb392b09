//! The pre-publication gate: a draft checked against its sources, CI
//! formats, baselines, and reports that survive failures.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

fn crosscheck() -> Command {
    let mut cmd = Command::cargo_bin("crosscheck").unwrap();
    cmd.env("NO_COLOR", "1");
    cmd
}

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

fn rules() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("rules")
}

/// A `rules/` folder in `dir` with one rule: the day a bridge opened.
fn write_opening_rule(dir: &Path) {
    let rules_dir = dir.join("rules");
    fs::create_dir(&rules_dir).unwrap();
    fs::write(
        rules_dir.join("opening-date.toml"),
        "id = \"opening-date\"\ntitle = \"Opening date\"\nkind = \"date\"\nseverity = \"error\"\ntriggers = ['\\bopened\\b']\n",
    )
    .unwrap();
}

fn draft(dir: &Path, text: &str) -> PathBuf {
    let path = dir.join("draft.md");
    fs::write(&path, text).unwrap();
    path
}

const CONTRADICTS: &str = "---\ndate: 2025-07-05\n---\n# Russia recognises the Taliban\n\nRussia officially recognised the Taliban government on July 4, 2025.\n";
const AGREES: &str = "# A year of warming ties\n\nThe Taliban seized power in August 2021.\n";
const SAYS_NOTHING: &str = "# Analysis\n\nMoscow's move will be watched closely in Washington.\n";

#[test]
fn a_draft_that_contradicts_the_sources_fails_the_gate() {
    let dir = tempfile::tempdir().unwrap();
    let d = draft(dir.path(), CONTRADICTS);
    let out = crosscheck()
        .arg("check")
        .arg("--draft")
        .arg(&d)
        .arg(seeds())
        .arg("--rules")
        .arg(rules())
        .assert()
        .code(1);
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(text.contains("the draft says 2025-07-04"), "{text}");
    assert!(text.contains("3 of 4 sources say XXXX-07-03"), "{text}");
    // The draft is the primary span.
    let first_snippet = text.find("╭─[").unwrap();
    assert!(
        text[first_snippet..].starts_with(&format!("╭─[{}", d.display())),
        "{text}"
    );
}

#[test]
fn a_draft_that_agrees_or_states_nothing_passes() {
    for body in [AGREES, SAYS_NOTHING] {
        let dir = tempfile::tempdir().unwrap();
        let d = draft(dir.path(), body);
        crosscheck()
            .arg("check")
            .arg("--draft")
            .arg(&d)
            .arg(seeds())
            .arg("--rules")
            .arg(rules())
            .assert()
            .code(0);
    }
}

#[test]
fn claims_in_front_matter_code_and_links_are_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let d = draft(
        dir.path(),
        "---\nrecognised: 2025-07-09\n---\nThe Taliban seized power in August 2021.\n\n```\nRussia officially recognised it on July 9, 2025.\n```\n[Russia officially recognised](https://example.org/2025/07/09)\n",
    );
    crosscheck()
        .arg("check")
        .arg("--draft")
        .arg(&d)
        .arg(seeds())
        .arg("--rules")
        .arg(rules())
        .assert()
        .code(0);
}

/// The contradicting draft, with its date finding acknowledged inline.
fn acknowledging_draft(dir: &Path) -> PathBuf {
    draft(
        dir,
        &format!("{CONTRADICTS}\n<!-- crosscheck-ignore recognition-date: confirmed with the ministry -->\n"),
    )
}

#[test]
fn an_inline_acknowledgement_silences_its_fact() {
    let dir = tempfile::tempdir().unwrap();
    let d = acknowledging_draft(dir.path());
    crosscheck()
        .arg("check")
        .arg("--draft")
        .arg(&d)
        .arg(seeds())
        .arg("--rules")
        .arg(rules())
        .assert()
        .code(0)
        .stderr(predicate::str::contains(
            "1 finding(s) acknowledged in the draft",
        ));
}

#[test]
fn an_unsupported_figure_in_a_draft_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    write_opening_rule(dir.path());
    fs::write(dir.path().join("source.txt"), "The council met on Monday.").unwrap();
    let d = draft(dir.path(), "The bridge opened on May 2, 2024.\n");
    crosscheck()
        .current_dir(dir.path())
        .args([
            "check",
            "--draft",
            "draft.md",
            "source.txt",
            "--format",
            "csv",
        ])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("opening-date,,info,1,draft.md"));
    // Configurable: as an error it fails the gate.
    crosscheck()
        .current_dir(dir.path())
        .args([
            "check",
            "--draft",
            "draft.md",
            "source.txt",
            "--unsupported",
            "error",
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("which no source states"));
    let _ = d;
}

#[test]
fn syndicated_copies_count_once_when_sources_are_counted() {
    let dir = tempfile::tempdir().unwrap();
    write_opening_rule(dir.path());
    let wire = "The bridge over the river opened on May 3, 2024, after four years of work, \
        officials said on Tuesday, and the mayor cut the ribbon in front of a crowd of \
        hundreds who had waited since dawn to be the first to cross it on foot.";
    fs::write(dir.path().join("a-wire.txt"), wire).unwrap();
    fs::write(
        dir.path().join("b-copy.txt"),
        format!("{wire}\nReporting by the wire desk."),
    )
    .unwrap();
    fs::write(
        dir.path().join("c-local.txt"),
        "Residents gathered as the new crossing opened on May 2, 2024, though some \
         complained about the tolls the council will debate next month.",
    )
    .unwrap();
    draft(dir.path(), "The bridge opened on May 2, 2024.\n");
    crosscheck()
        .current_dir(dir.path())
        .args([
            "check",
            "--draft",
            "draft.md",
            "a-wire.txt",
            "b-copy.txt",
            "c-local.txt",
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "the draft says 2024-05-02 (1 of 2 sources agree); 1 of 2 sources says 2024-05-03",
        ));
}

#[test]
fn disagreements_among_the_sources_alone_do_not_fail_the_gate() {
    let dir = tempfile::tempdir().unwrap();
    let d = draft(dir.path(), SAYS_NOTHING);
    crosscheck()
        .arg("check")
        .arg("--draft")
        .arg(&d)
        .arg(seeds())
        .arg("--rules")
        .arg(rules())
        .assert()
        .code(0)
        .stdout(predicate::str::contains("does not fail the gate"));
}

#[test]
fn a_baseline_silences_a_known_finding_until_its_values_change() {
    let dir = tempfile::tempdir().unwrap();
    write_opening_rule(dir.path());
    fs::write(
        dir.path().join("a.txt"),
        "The bridge opened on May 2, 2024.",
    )
    .unwrap();
    fs::write(
        dir.path().join("b.txt"),
        "The bridge opened on May 3, 2024.",
    )
    .unwrap();
    crosscheck()
        .current_dir(dir.path())
        .args([
            "check",
            "a.txt",
            "b.txt",
            "--write-baseline",
            "baseline.json",
        ])
        .assert()
        .code(1);
    crosscheck()
        .current_dir(dir.path())
        .args(["check", "a.txt", "b.txt", "--baseline", "baseline.json"])
        .assert()
        .code(0)
        .stderr(predicate::str::contains("1 finding(s) silenced"));
    // Edits elsewhere in the text keep it silenced.
    fs::write(
        dir.path().join("a.txt"),
        "Officials said more. The bridge opened on May 2, 2024.",
    )
    .unwrap();
    crosscheck()
        .current_dir(dir.path())
        .args(["check", "a.txt", "b.txt", "--baseline", "baseline.json"])
        .assert()
        .code(0);
    // A new value brings it back.
    fs::write(
        dir.path().join("b.txt"),
        "The bridge opened on May 4, 2024.",
    )
    .unwrap();
    crosscheck()
        .current_dir(dir.path())
        .args(["check", "a.txt", "b.txt", "--baseline", "baseline.json"])
        .assert()
        .code(1);
}

#[test]
fn the_config_file_sets_defaults_that_flags_override() {
    let dir = tempfile::tempdir().unwrap();
    write_opening_rule(dir.path());
    fs::create_dir(dir.path().join("src")).unwrap();
    fs::write(
        dir.path().join("src/a.txt"),
        "The bridge opened on May 2, 2024.",
    )
    .unwrap();
    fs::write(
        dir.path().join("src/b.txt"),
        "The bridge opened on May 3, 2024.",
    )
    .unwrap();
    fs::write(
        dir.path().join("crosscheck.toml"),
        "rules = [\"rules\"]\nsources = [\"src\"]\nformat = \"csv\"\n[severity]\nopening-date = \"warning\"\n",
    )
    .unwrap();
    let sub = dir.path().join("sub");
    fs::create_dir(&sub).unwrap();
    // Found from a subfolder; severity lowered to warning, so the default
    // fail-on (error) passes; the flag makes it fail.
    crosscheck()
        .current_dir(&sub)
        .arg("check")
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("finding,fact"))
        .stdout(predicate::str::contains("opening-date,,warning"));
    crosscheck()
        .current_dir(&sub)
        .args(["check", "--fail-on", "warning", "--format", "json"])
        .assert()
        .code(1)
        .stdout(predicate::str::starts_with("{"));
    fs::write(
        dir.path().join("crosscheck.toml"),
        "rules = [\"rules\"]\nfail-on = \"x\"\n",
    )
    .unwrap();
    crosscheck()
        .current_dir(&sub)
        .arg("check")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown field `fail-on`"))
        .stderr(predicate::str::contains("crosscheck.toml:2:"));
}

#[test]
fn sarif_output_of_the_seeds_validates_against_the_schema() {
    let out = crosscheck()
        .args(["check", "seeds/", "--format", "sarif"])
        .assert()
        .code(1);
    let sarif: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let schema: serde_json::Value =
        serde_json::from_str(&fs::read_to_string("tests/schemas/sarif-2.1.0.json").unwrap())
            .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the vendored schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(sarif["runs"][0]["columnKind"], "unicodeCodePoints");
    let result = &sarif["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "recognition-date");
    assert!(result["relatedLocations"].as_array().unwrap().len() >= 3);
    // A broken document must fail validation: the check can fail.
    let mut broken = sarif.clone();
    broken["runs"][0]["columnKind"] = serde_json::json!("bytes");
    assert!(!validator.is_valid(&broken));
}

#[test]
fn github_and_markdown_formats() {
    crosscheck()
        .args(["check", "seeds/", "--format", "github"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "::error file=seeds/004_ae0dbc91bf16bb3a.txt,line=1,col=4,",
        ));
    crosscheck()
        .args(["check", "seeds/", "--format", "markdown"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("| error | `recognition-date` |"));
}

#[test]
fn csv_cells_cannot_run_as_formulas_and_a_bom_is_optional() {
    let dir = tempfile::tempdir().unwrap();
    write_opening_rule(dir.path());
    fs::create_dir(dir.path().join("=cmd")).unwrap();
    fs::write(
        dir.path().join("=cmd/a.txt"),
        "The bridge opened on May 2, 2024.",
    )
    .unwrap();
    fs::write(
        dir.path().join("b.txt"),
        "The bridge opened on May 3, 2024.",
    )
    .unwrap();
    let out = crosscheck()
        .current_dir(dir.path())
        .args([
            "check",
            "=cmd/a.txt",
            "b.txt",
            "--format",
            "csv",
            "--csv-bom",
        ])
        .assert()
        .code(1);
    let bytes = out.get_output().stdout.clone();
    assert!(bytes.starts_with("\u{feff}".as_bytes()));
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.contains(",'=cmd/a.txt,"), "{text}");
    assert!(!text.contains(",=cmd"), "{text}");
}

#[test]
fn a_report_that_cannot_be_written_keeps_the_previous_one_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.csv");
    fs::write(&report, "previous report\n").unwrap();
    // The output's parent is a file: the write fails part-way (the
    // machines run as root, so permissions cannot make it fail).
    let blocker = dir.path().join("blocker");
    fs::write(&blocker, "a file, not a folder").unwrap();
    crosscheck()
        .args(["check", "seeds/", "--format", "csv", "--output"])
        .arg(blocker.join("report.csv"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot write"));
    assert_eq!(
        fs::read_to_string(&blocker).unwrap(),
        "a file, not a folder"
    );
    // The output itself is a folder: the rename fails after the temporary
    // file was written; the temporary file is removed.
    let folder = dir.path().join("out");
    fs::create_dir(&folder).unwrap();
    fs::write(folder.join("keep.txt"), "kept").unwrap();
    crosscheck()
        .args(["check", "seeds/", "--format", "csv", "--output"])
        .arg(&folder)
        .assert()
        .code(2);
    assert_eq!(fs::read_to_string(folder.join("keep.txt")).unwrap(), "kept");
    assert_eq!(fs::read_to_string(&report).unwrap(), "previous report\n");
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// `--quiet` leaves out the notes (what a draft acknowledged), as it says;
/// the verdict is the same.
#[test]
fn quiet_leaves_out_the_notes() {
    let dir = tempfile::tempdir().unwrap();
    let d = acknowledging_draft(dir.path());
    crosscheck()
        .arg("check")
        .arg("--quiet")
        .arg("--draft")
        .arg(&d)
        .arg(seeds())
        .arg("--rules")
        .arg(rules())
        .assert()
        .code(0)
        .stderr(predicate::str::contains("acknowledged").not());
}
