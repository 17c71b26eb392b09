//! End-to-end tests of date reading: what a desk sees for weekday slips,
//! one-day disagreements, ambiguous numeric dates and datelines.

use std::fs;

use assert_cmd::Command;

fn crosscheck() -> Command {
    let mut cmd = Command::cargo_bin("crosscheck").unwrap();
    cmd.env_remove("NO_COLOR").env("COLUMNS", "100");
    cmd
}

const RULE: &str = r#"id = "opening-date"
title = "Date the embassy opened"
kind = "date"
severity = "error"
triggers = ['\bopened\b']
"#;

fn stdout(cmd: &mut Command, code: i32) -> String {
    let out = cmd.assert().code(code);
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

#[test]
fn a_weekday_that_does_not_fit_its_date_is_a_finding() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("a.txt"),
        "The treaty was signed on Thursday, July 4, 2025, in Moscow.\n",
    )
    .unwrap();
    let json = stdout(
        crosscheck()
            .args(["check", "--format", "json"])
            .arg(dir.path()),
        1,
    );
    assert!(json.contains("weekday-mismatch"), "{json}");
    assert!(json.contains("is a Friday, not a Thursday"), "{json}");

    fs::write(
        dir.path().join("a.txt"),
        "The treaty was signed on Friday, July 4, 2025, in Moscow.\n",
    )
    .unwrap();
    let json = stdout(
        crosscheck()
            .args(["check", "--format", "json"])
            .arg(dir.path()),
        0,
    );
    assert!(!json.contains("weekday-mismatch"), "{json}");
}

#[test]
fn dates_one_day_apart_name_the_likely_cause() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules");
    let sources = dir.path().join("sources");
    fs::create_dir_all(&rules).unwrap();
    fs::create_dir_all(&sources).unwrap();
    fs::write(rules.join("opening-date.toml"), RULE).unwrap();
    fs::write(
        sources.join("a.txt"),
        "The embassy opened on July 3, 2025.\n",
    )
    .unwrap();
    fs::write(
        sources.join("b.txt"),
        "The embassy opened on July 4, 2025.\n",
    )
    .unwrap();
    let mut cmd = crosscheck();
    cmd.args(["check", "--format", "json", "--rules"])
        .arg(&rules)
        .arg(&sources);
    let json = stdout(&mut cmd, 1);
    assert!(json.contains("one day apart"), "{json}");
    assert!(json.contains("time zone"), "{json}");

    // Dates further apart get no such hint.
    fs::write(
        sources.join("b.txt"),
        "The embassy opened on July 9, 2025.\n",
    )
    .unwrap();
    let mut cmd = crosscheck();
    cmd.args(["check", "--format", "json", "--rules"])
        .arg(&rules)
        .arg(&sources);
    let json = stdout(&mut cmd, 1);
    assert!(!json.contains("one day apart"), "{json}");
}

#[test]
fn an_ambiguous_numeric_date_says_so_and_follows_the_date_order() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    fs::write(&file, "The embassy opened on 3/7/2025.\n").unwrap();
    let jsonl = stdout(
        crosscheck()
            .args(["extract", "--format", "jsonl"])
            .arg(&file),
        0,
    );
    assert!(jsonl.contains(r#""resolved":"2025-03-07""#), "{jsonl}");
    assert!(jsonl.contains("ambiguous numeric date"), "{jsonl}");
    let jsonl = stdout(
        crosscheck()
            .args(["extract", "--format", "jsonl", "--date-order", "dmy"])
            .arg(&file),
        0,
    );
    assert!(jsonl.contains(r#""resolved":"2025-07-03""#), "{jsonl}");
}

#[test]
fn relative_dates_resolve_against_the_dateline() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    fs::write(
        &file,
        "KABUL, July 4, 2025 — Officials met on Thursday and will meet again next Tuesday.\n",
    )
    .unwrap();
    let jsonl = stdout(
        crosscheck()
            .args(["extract", "--format", "jsonl"])
            .arg(&file),
        0,
    );
    assert!(jsonl.contains(r#""resolved":"2025-07-03""#), "{jsonl}");
    assert!(jsonl.contains(r#""resolved":"2025-07-08""#), "{jsonl}");
    assert!(jsonl.contains("the dateline"), "{jsonl}");
}
