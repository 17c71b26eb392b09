//! The editor's and rule author's tools, run as a user would: `--explain`,
//! `rules explain`, `rules list`, `completions`, `--quiet`, `--format html`.

use std::fs;

use assert_cmd::Command;
use predicates::prelude::*;

fn crosscheck() -> Command {
    let mut cmd = Command::cargo_bin("crosscheck").unwrap();
    cmd.env("NO_COLOR", "1");
    cmd
}

const OPENING: &str = r#"id = "opening-date"
title = "Date the bridge opened"
description = "Why it matters: the opening date anchors the traffic figures."
kind = "date"
severity = "error"
triggers = ['\bopened\b']
exclude = ['\bopened\s+fire\b']

[[example]]
text = "The bridge opened on May 2, 2024."
value = "2024-05-02"
"#;

const CLOSING: &str = r#"id = "closing-date"
title = "Date the old ferry closed"
kind = "date"
severity = "warning"
triggers = ['\bclosed\b']
"#;

fn rules_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("opening-date.toml"), OPENING).unwrap();
    fs::write(dir.path().join("closing-date.toml"), CLOSING).unwrap();
    dir
}

fn stderr_of(cmd: &mut Command) -> String {
    String::from_utf8(cmd.output().unwrap().stderr).unwrap()
}

#[test]
fn explain_tells_which_trigger_took_each_claim_and_why_others_lost() {
    let rules = rules_dir();
    let story = rules.path().join("story.txt");
    fs::write(
        &story,
        "On May 2, 2024 the bridge opened.\n\
         The ferry closed on May 3 and the bridge opened on May 4.\n\
         Police opened fire on June 9, 2024.\n\
         The bridge opened; crowds came on May 5.\n\
         The bridge opened on May 6 after talks on May 1.\n\
         Tolls were first collected on May 8.\n",
    )
    .unwrap();
    let text = stderr_of(
        crosscheck()
            .args(["extract", "--explain", "--rules"])
            .arg(rules.path())
            .arg(&story),
    );
    assert!(
        text.contains("1:4  “May 2, 2024” date 2024-05-02 -> opening-date"),
        "{text}"
    );
    assert!(
        text.contains("taken by opening-date: trigger /\\bopened\\b/ matched “opened” at 1:27"),
        "{text}"
    );
    // "May 3" is in the clause of both triggers; the closing one is nearer.
    assert!(
        text.contains("2:21  “May 3” date XXXX-05-03 -> closing-date\n    taken by closing-date: trigger /\\bclosed\\b/ matched “closed” at 2:11; the date nearest the trigger in its clause (4 bytes away)\n    lost by opening-date (trigger /\\bopened\\b/ matched “opened” at 2:42, 16 bytes away) to closing-date, whose trigger /\\bclosed\\b/ matched “closed” at 2:11 is nearer (4 bytes)"),
        "{text}"
    );
    assert!(
        text.contains("5:43  “May 1” date XXXX-05-01 -> no fact\n    passed over by opening-date: its trigger /\\bopened\\b/ matched “opened” at 5:12 took the nearer “May 6” (4 bytes away, this one 25)"),
        "{text}"
    );
    assert!(
        text.contains("3:23  “June 9, 2024” date 2024-06-09 -> no fact\n    opening-date ignored its trigger /\\bopened\\b/ matched “opened” at 3:8: it overlaps `exclude` /\\bopened\\s+fire\\b/"),
        "{text}"
    );
    assert!(
        text.contains("outside the clause of opening-date's trigger"),
        "{text}"
    );
    assert!(
        text.contains("left partial: the source has no document date"),
        "{text}"
    );
    // A date with no trigger in its sentence hears of the nearest one around.
    assert!(
        text.contains("6:31  “May 8” date XXXX-05-08 -> no fact\n    no date rule's trigger in its sentence; opening-date's trigger /\\bopened\\b/ matched “opened” at 5:12 is 1 sentence away (`scope = \"sentence\"` with `window = 1` would reach it)"),
        "{text}"
    );
}

#[test]
fn explain_does_not_change_the_report() {
    let plain = crosscheck()
        .args(["check", "seeds/", "--format", "csv"])
        .output()
        .unwrap();
    let explained = crosscheck()
        .args(["check", "seeds/", "--format", "csv", "--explain"])
        .output()
        .unwrap();
    assert_eq!(plain.stdout, explained.stdout);
    assert_eq!(plain.status.code(), explained.status.code());
    let why = String::from_utf8(explained.stderr).unwrap();
    assert!(
        why.contains("resolved to 2025-07-04: today -> 2025-07-04: against the document date 2025-07-04 (the dateline)"),
        "{why}"
    );
}

#[test]
fn explain_positions_in_a_saved_page_refer_to_the_html_file() {
    let page = "tests/fixtures/html/dawar-times-recognition.html";
    let out = crosscheck()
        .args(["extract", "--explain", page])
        .output()
        .unwrap();
    let jsonl = String::from_utf8(out.stdout).unwrap();
    let today: serde_json::Value = jsonl
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|c| c["text"] == "today")
        .unwrap();
    let why = String::from_utf8(out.stderr).unwrap();
    let place = format!("{}:{}  “today”", today["line"], today["column"]);
    assert!(why.contains(&place), "{place} in\n{why}");
    assert!(
        why.contains("matched “formal diplomatic recognition”"),
        "{why}"
    );
}

#[test]
fn rules_explain_says_what_a_rule_checks_why_and_shows_its_example_at_work() {
    let rules = rules_dir();
    crosscheck()
        .args(["rules", "explain", "opening-date"])
        .arg(rules.path())
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "opening-date: Date the bridge opened",
        ))
        .stdout(predicate::str::contains(
            "the opening date anchors the traffic figures",
        ))
        .stdout(predicate::str::contains("/\\bopened\\b/"))
        .stdout(predicate::str::contains(
            "expects 2024-05-02; takes “May 2, 2024” = 2024-05-02",
        ));
    crosscheck()
        .args(["rules", "explain", "no-such-rule"])
        .arg(rules.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("closing-date, injured"))
        .stderr(predicate::str::contains("opening-date, person-title"));
}

#[test]
fn rules_list_shows_every_rule_with_its_examples() {
    let rules = rules_dir();
    crosscheck()
        .args(["rules", "list"])
        .arg(rules.path())
        .assert()
        .code(0)
        .stdout(
            predicate::str::is_match(
                r"opening-date\s+date\s+error\s+1  rules     Date the bridge opened",
            )
            .unwrap(),
        )
        .stdout(
            predicate::str::is_match(
                r"closing-date\s+date\s+warning\s+0  rules     Date the old ferry closed",
            )
            .unwrap(),
        )
        .stdout(
            predicate::str::is_match(r"killed\s+number\s+error\s+\d+  built-in  People killed")
                .unwrap(),
        );
}

#[test]
fn completions_are_generated_for_each_shell() {
    for (shell, marker) in [
        ("bash", "_crosscheck()"),
        ("zsh", "#compdef crosscheck"),
        ("fish", "complete -c crosscheck"),
    ] {
        crosscheck()
            .args(["completions", shell])
            .assert()
            .code(0)
            .stdout(predicate::str::contains(marker))
            .stdout(predicate::str::contains("explain"));
    }
    crosscheck()
        .args(["completions", "cmd.exe"])
        .assert()
        .code(2);
}

#[test]
fn no_progress_bar_when_stderr_is_not_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..25 {
        fs::write(
            dir.path().join(format!("{i:02}.txt")),
            "Nothing happened on May 2.\n",
        )
        .unwrap();
    }
    let rules = rules_dir();
    for quiet in [false, true] {
        let mut cmd = crosscheck();
        cmd.args(["check", "--rules"])
            .arg(rules.path())
            .arg(dir.path());
        if quiet {
            cmd.arg("--quiet");
        }
        let out = cmd.output().unwrap();
        assert_eq!(out.status.code(), Some(0));
        assert_eq!(String::from_utf8(out.stderr).unwrap(), "");
    }
}

#[test]
fn the_html_format_is_one_page_and_keeps_the_exit_code() {
    crosscheck()
        .args(["check", "seeds/", "--format", "html"])
        .assert()
        .code(1)
        .stdout(predicate::str::starts_with("<!DOCTYPE html>"))
        .stdout(predicate::str::contains("id=\"finding-9ab20194\""));
}

#[test]
fn color_applies_to_diagnostics_on_stderr_too() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("opening-date.toml"),
        OPENING.replace("value = \"2024-05-02\"", "value = \"2024-05-09\""),
    )
    .unwrap();
    let run = |color: &str| {
        stderr_of(
            crosscheck()
                .args(["rules", "test", "--color", color])
                .arg(dir.path()),
        )
    };
    let colored = run("always");
    assert!(colored.contains("\u{1b}["), "{colored}");
    assert!(colored.contains("example expects 2024-05-09, the rule took 2024-05-02"));
    let plain = run("never");
    assert!(!plain.contains("\u{1b}["), "{plain}");
    assert!(plain.contains("opening-date.toml:10:"), "{plain}");
}

/// Runs the binary with a terminal for its output (util-linux `script`),
/// or `None` where `script` is missing.
fn on_a_terminal(args: &str) -> Option<String> {
    let bin = assert_cmd::cargo::cargo_bin("crosscheck");
    let out = std::process::Command::new("script")
        .args(["-qec", &format!("{} {args}", bin.display()), "/dev/null"])
        .env("NO_COLOR", "1")
        .output()
        .ok()?;
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn a_terminal_sees_a_progress_bar_over_many_sources_unless_quiet() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..25 {
        fs::write(
            dir.path().join(format!("{i:02}.txt")),
            "Nothing happened on May 2.\n",
        )
        .unwrap();
    }
    let rules = rules_dir();
    let args = format!(
        "check --rules {} {}",
        rules.path().display(),
        dir.path().display()
    );
    let Some(shown) = on_a_terminal(&args) else {
        eprintln!("skipped: util-linux `script` is not installed");
        return;
    };
    assert!(shown.contains("/25 sources"), "{shown:?}");
    let quiet = on_a_terminal(&format!("{args} --quiet")).unwrap();
    assert!(!quiet.contains("/25 sources"), "{quiet:?}");
    assert!(quiet.contains("0 findings in 25 sources"), "{quiet:?}");
}

#[test]
fn the_html_report_and_explanations_are_the_same_bytes_whatever_the_thread_count() {
    let run = |threads: &str| {
        crosscheck()
            .env("RAYON_NUM_THREADS", threads)
            .args([
                "check",
                "seeds/",
                "tests/fixtures/html/",
                "--format",
                "html",
                "--explain",
            ])
            .output()
            .unwrap()
    };
    let (one, four) = (run("1"), run("4"));
    assert_eq!(one.stdout, four.stdout);
    assert_eq!(one.stderr, four.stderr);
    assert!(!one.stderr.is_empty());
}

#[test]
fn explanation_of_a_small_story() {
    let out = crosscheck()
        .args([
            "extract",
            "--explain",
            "--rules",
            "tests/fixtures/report/rules",
            "tests/fixtures/report",
        ])
        .output()
        .unwrap();
    insta::assert_snapshot!(String::from_utf8(out.stderr).unwrap());
}

#[test]
fn an_html_report_without_findings_says_the_sources_agree() {
    crosscheck()
        .args([
            "check",
            "--rules",
            "tests/fixtures/report/rules",
            "tests/fixtures/report/blog.txt",
            "tests/fixtures/report/wire.txt",
            "--format",
            "html",
        ])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("0 findings in 2 sources"))
        .stdout(predicate::str::contains(
            "The sources agree on every fact the rules check.",
        ))
        .stdout(predicate::str::contains(
            "<span class=\"status-agree\"><span aria-hidden=\"true\">\u{2713}</span> all agree</span>",
        ))
        // Agreeing facts are folded shut.
        .stdout(predicate::str::contains("<details class=\"fact\"><summary>"))
        .stdout(predicate::str::contains("<details class=\"fact\" open>").not());
}
