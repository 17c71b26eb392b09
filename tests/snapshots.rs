//! Snapshots of rendered output (insta): what a reader sees in a terminal.

use assert_cmd::Command;

fn stdout_of(args: &[&str]) -> String {
    let out = Command::cargo_bin("crosscheck")
        .unwrap()
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

fn stderr_of(args: &[&str]) -> String {
    let out = Command::cargo_bin("crosscheck")
        .unwrap()
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .unwrap();
    String::from_utf8(out.stderr).unwrap()
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
    insta::assert_snapshot!(stdout_of(&[
        "check",
        "tests/fixtures/report",
        "--rules",
        "tests/fixtures/report/rules",
        "--format",
        "html",
    ]));
}
