//! End-to-end tests: run the binary as a user would, check exit codes and
//! what it prints.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

fn crosscheck() -> Command {
    let mut cmd = Command::cargo_bin("crosscheck").unwrap();
    cmd.env_remove("NO_COLOR").env("COLUMNS", "100");
    cmd
}

const RULE: &str = r#"id = "test-date"
title = "Test date"
kind = "date"
severity = "error"
triggers = ['\bopened\b']
"#;

#[test]
fn checking_the_seeds_reports_the_recognition_date_and_exits_1() {
    let out = crosscheck().args(["check", "seeds/"]).assert().code(1);
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(stdout.contains("recognition-date"), "{stdout}");
    // A labelled span in every source involved.
    for (file, text) in [
        ("000_dd3aa4609456e2da.txt", "on Thursday between"),
        ("001_8048844ca82a1553.txt", "On July 3, the Russian"),
        ("001_8048844ca82a1553.txt", "recognition on July 4, 2025"),
        ("002_776e0ac02e7e275e.txt", "for today’s formal"),
        ("004_ae0dbc91bf16bb3a.txt", "On July 3, Russia"),
    ] {
        assert!(stdout.contains(file), "no snippet of {file}:\n{stdout}");
        assert!(stdout.contains(text), "no snippet with {text:?}:\n{stdout}");
    }
    assert!(
        stdout.contains("from the dateline"),
        "002's today is resolved against its dateline"
    );
    assert!(
        !stdout.contains("October 16, 2025"),
        "the page stamp is not a claim"
    );
}

#[test]
fn fail_on_never_exits_0() {
    crosscheck()
        .args(["check", "seeds/", "--fail-on", "never"])
        .assert()
        .code(0);
}

#[test]
fn csv_has_the_fixed_columns_and_one_row_per_claim() {
    let out = crosscheck()
        .args(["check", "seeds/", "--format", "csv"])
        .assert()
        .code(1);
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("finding,fact,subject,severity,side,source,line,column,start,end,text,value,resolved")
    );
    let rows: Vec<&str> = lines.filter(|l| l.contains("recognition-date")).collect();
    assert_eq!(rows.len(), 5, "{text}");
}

#[test]
fn the_committed_reports_match_a_fresh_run() {
    for (format, file) in [("csv", "reports/seeds.csv"), ("json", "reports/seeds.json")] {
        let out = crosscheck()
            .args(["check", "seeds/", "--format", format])
            .assert()
            .code(1);
        let fresh = String::from_utf8(out.get_output().stdout.clone()).unwrap();
        let committed = fs::read_to_string(file).unwrap();
        assert_eq!(
            fresh, committed,
            "{file} is stale: regenerate it with `cargo run --release -- check seeds/ --format {format} --output {file}`"
        );
    }
}

#[test]
fn output_is_the_same_whatever_the_thread_count() {
    let run = |threads: &str| {
        let out = crosscheck()
            .env("RAYON_NUM_THREADS", threads)
            .args(["extract", "seeds/"])
            .assert()
            .code(0);
        out.get_output().stdout.clone()
    };
    assert_eq!(run("1"), run("4"));
}

#[test]
fn extract_works_without_rules() {
    let dir = tempfile::tempdir().unwrap();
    let out = crosscheck()
        .current_dir(dir.path())
        .arg("extract")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/004_ae0dbc91bf16bb3a.txt"))
        .assert()
        .code(0);
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let first: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    assert_eq!(first["text"], "July 3");
    assert_eq!(first["value"], "XXXX-07-03");
    assert_eq!(first["fact"], serde_json::Value::Null);
    for key in [
        "source", "kind", "start", "end", "line", "column", "resolved", "subject",
    ] {
        assert!(first.get(key).is_some(), "missing {key}: {first}");
    }
}

#[test]
fn standard_input_is_a_source_with_a_document_date() {
    let out = crosscheck()
        .args(["extract", "-", "--document-date", "<stdin>=2025-07-04"])
        .write_stdin("The talks ended on Thursday.")
        .assert()
        .code(0);
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(text.contains(r#""resolved":"2025-07-03""#), "{text}");
    assert!(text.contains(r#""source":"<stdin>""#), "{text}");
}

#[test]
fn a_manifest_gives_document_dates() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), "It happened yesterday.").unwrap();
    fs::write(
        dir.path().join("sources.toml"),
        "[[source]]\nfile = \"a.txt\"\npublished = \"2016-11-07\"\n",
    )
    .unwrap();
    crosscheck()
        .arg("extract")
        .arg(dir.path())
        .assert()
        .code(0)
        .stdout(predicate::str::contains(r#""resolved":"2016-11-06""#));
}

#[test]
fn a_rule_file_with_a_bad_regex_exits_2_pointing_at_the_line() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("bad.toml"),
        RULE.replace(r"\bopened\b", r"open(ed"),
    )
    .unwrap();
    crosscheck()
        .args(["check", "seeds/", "--rules"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid pattern"))
        .stderr(predicate::str::contains("bad.toml:5:"));
}

#[test]
fn a_rule_file_with_an_unknown_key_exits_2_pointing_at_the_line() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("bad.toml"), format!("{RULE}trigers = []\n")).unwrap();
    crosscheck()
        .args(["check", "seeds/", "--rules"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown field `trigers`"))
        .stderr(predicate::str::contains("bad.toml:6:"));
}

#[test]
fn a_source_that_is_not_utf8_is_an_error_naming_it_or_a_warning_when_skipped() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("good.txt"), "It opened on July 3, 2025.").unwrap();
    fs::write(dir.path().join("bad.txt"), b"It opened \xff\xfe on July 4.").unwrap();
    crosscheck()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.txt"))
        .stderr(predicate::str::contains("not UTF-8"))
        .stderr(predicate::str::contains("line 1"));
    crosscheck()
        .args(["check", "--skip-unreadable"])
        .arg(dir.path())
        .assert()
        .code(0)
        .stderr(predicate::str::contains("warning: skipped"))
        .stderr(predicate::str::contains("bad.txt"));
}

#[test]
fn a_missing_source_exits_2() {
    crosscheck()
        .args(["check", "no/such/file.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no/such/file.txt: no such file or folder",
        ));
}

#[test]
fn a_disagreement_inside_one_source_counts() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules");
    fs::create_dir(&rules).unwrap();
    fs::write(rules.join("test-date.toml"), RULE).unwrap();
    fs::write(
        dir.path().join("a.txt"),
        "The bridge opened on May 2, 2024. Later reports said it opened on May 3, 2024.",
    )
    .unwrap();
    crosscheck()
        .current_dir(dir.path())
        .args(["check", "a.txt", "--format", "csv"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("2024-05-02"))
        .stdout(predicate::str::contains("2024-05-03"));
}

#[test]
fn a_month_agrees_with_a_day_in_it() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules");
    fs::create_dir(&rules).unwrap();
    fs::write(rules.join("test-date.toml"), RULE).unwrap();
    fs::write(dir.path().join("a.txt"), "The bridge opened in May 2024.").unwrap();
    fs::write(
        dir.path().join("b.txt"),
        "The bridge opened on May 3, 2024.",
    )
    .unwrap();
    crosscheck()
        .current_dir(dir.path())
        .args(["check", "a.txt", "b.txt"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("0 findings"));
}

#[test]
fn writing_a_report_to_a_file_is_atomic_and_keeps_the_old_one_on_failure() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.csv");
    fs::write(&report, "previous report\n").unwrap();
    // A missing source: the run fails before anything is written.
    crosscheck()
        .args(["check", "missing.txt", "--format", "csv", "--output"])
        .arg(&report)
        .assert()
        .code(2);
    assert_eq!(fs::read_to_string(&report).unwrap(), "previous report\n");
    crosscheck()
        .args(["check", "seeds/", "--format", "csv", "--output"])
        .arg(&report)
        .assert()
        .code(1);
    assert!(fs::read_to_string(&report)
        .unwrap()
        .starts_with("finding,fact"));
    // No temporary files left behind.
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
}

#[test]
fn the_rule_examples_pass() {
    crosscheck()
        .args(["rules", "test"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(" 0 failed"));
}

#[test]
fn a_wrong_rule_example_fails_with_a_diagnostic_into_the_rule_file() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("test-date.toml"),
        format!("{RULE}\n[[example]]\ntext = \"The bridge opened on May 2, 2024.\"\nvalue = \"2024-05-03\"\n"),
    )
    .unwrap();
    crosscheck()
        .args(["rules", "test"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "example expects 2024-05-03, the rule took 2024-05-02",
        ))
        .stderr(predicate::str::contains("test-date.toml:8:"));
}
