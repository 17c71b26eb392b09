//! Snapshots of rendered output (insta): what a reader sees in a terminal.

use assert_cmd::Command;

fn run(args: &[&str]) -> std::process::Output {
    Command::cargo_bin("crosscheck")
        .unwrap()
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .unwrap()
}

fn stdout_of(args: &[&str]) -> String {
    String::from_utf8(run(args).stdout).unwrap()
}

fn stderr_of(args: &[&str]) -> String {
    String::from_utf8(run(args).stderr).unwrap()
}

#[test]
fn human_report_of_the_seeds() {
    insta::assert_snapshot!(stdout_of(&["check", "seeds/", "--color", "never"]));
}

#[test]
fn broken_rule_file_diagnostic() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.toml");
    std::fs::write(
        &path,
        "id = \"x\"\ntitle = \"X\"\nkind = \"date\"\nseverity = \"error\"\ntriggers = ['(unclosed']\n",
    )
    .unwrap();
    let text = stderr_of(&["check", "seeds/", "--rules", path.to_str().unwrap()]);
    insta::assert_snapshot!(text.replace(path.to_str().unwrap(), "broken.toml"));
}

#[test]
fn html_report_of_a_small_story() {
    // Outlet and title hold characters that must be escaped: & < > ".
    insta::assert_snapshot!(small_story_report("html"));
}

/// The small story's report in `format`: one snapshot per output format,
/// over the same fixture, so a change to any renderer shows in review.
fn small_story_report(format: &str) -> String {
    stdout_of(&[
        "check",
        "tests/fixtures/report",
        "--rules",
        "tests/fixtures/report/rules",
        "--format",
        format,
    ])
}

#[test]
fn csv_report_of_a_small_story() {
    insta::assert_snapshot!(small_story_report("csv"));
}

#[test]
fn json_report_of_a_small_story() {
    insta::assert_snapshot!(small_story_report("json"));
}

#[test]
fn sarif_report_of_a_small_story() {
    insta::assert_snapshot!(small_story_report("sarif"));
}

#[test]
fn github_annotations_of_a_small_story() {
    insta::assert_snapshot!(small_story_report("github"));
}

#[test]
fn markdown_summary_of_a_small_story() {
    insta::assert_snapshot!(small_story_report("markdown"));
}

#[test]
fn human_report_of_a_small_story() {
    insta::assert_snapshot!(small_story_report("human"));
}

#[test]
fn extracted_claims_of_a_small_story() {
    insta::assert_snapshot!(stdout_of(&[
        "extract",
        "tests/fixtures/report",
        "--format",
        "jsonl",
    ]));
}
