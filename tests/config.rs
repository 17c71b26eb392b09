//! crosscheck.toml: every value is typed and every rule id checked, so a
//! bad setting is a diagnostic pointing into the file (exit 2), never a
//! setting dropped without a word.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

fn crosscheck() -> Command {
    let mut cmd = Command::cargo_bin("crosscheck").unwrap();
    cmd.env("NO_COLOR", "1");
    cmd
}

/// A toll rule and two reports that disagree: "about 100" against 450.
fn story(dir: &Path, config: &str) {
    fs::create_dir_all(dir.join("rules")).unwrap();
    fs::create_dir_all(dir.join("sources")).unwrap();
    fs::write(
        dir.join("rules/death-toll.toml"),
        "id = \"death-toll\"\ntitle = \"Death toll\"\nkind = \"number\"\nseverity = \"error\"\ntriggers = ['(?-u:\\b)(?:killed|dead)(?-u:\\b)']\n",
    )
    .unwrap();
    fs::write(
        dir.join("sources/a.txt"),
        "About 100 people were killed in the flood at Marrow Bend.",
    )
    .unwrap();
    fs::write(
        dir.join("sources/b.txt"),
        "The flood at Marrow Bend killed 450 people.",
    )
    .unwrap();
    fs::write(dir.join("crosscheck.toml"), config).unwrap();
}

fn check_in(dir: &Path) -> assert_cmd::assert::Assert {
    crosscheck()
        .current_dir(dir)
        .args(["check", "sources"])
        .assert()
}

#[test]
fn the_story_disagrees_with_a_valid_config() {
    let dir = tempfile::tempdir().unwrap();
    story(
        dir.path(),
        "rules = [\"rules\"]\n[tolerance]\ndeath-toll = 0.05\n",
    );
    check_in(dir.path())
        .code(1)
        .stdout(predicate::str::contains("death-toll"));
}

#[test]
fn a_tolerance_above_one_is_refused_at_its_value() {
    // 5 would make "about 100" agree with 450.
    for bad in ["5", "nan", "-3", "inf"] {
        let dir = tempfile::tempdir().unwrap();
        story(
            dir.path(),
            &format!("rules = [\"rules\"]\n[tolerance]\ndeath-toll = {bad}\n"),
        );
        check_in(dir.path())
            .code(2)
            .stderr(predicate::str::contains("is not between 0 and 1"))
            .stderr(predicate::str::contains("crosscheck.toml:3:14"));
    }
}

#[test]
fn a_rule_id_that_names_no_rule_is_refused_with_a_suggestion() {
    for table in ["tolerance", "severity"] {
        let value = if table == "tolerance" {
            "0.1"
        } else {
            "\"info\""
        };
        let dir = tempfile::tempdir().unwrap();
        story(
            dir.path(),
            &format!("rules = [\"rules\"]\n[{table}]\ndeath-tol = {value}\n"),
        );
        check_in(dir.path())
            .code(2)
            .stderr(predicate::str::contains(format!(
                "[{table}] names `death-tol`, which is not a rule"
            )))
            .stderr(predicate::str::contains("crosscheck.toml:3:1"))
            .stderr(predicate::str::contains("did you mean `death-toll`?"));
    }
}

#[test]
fn an_unknown_setting_value_points_at_its_place() {
    for (line, expected) in [
        ("fail_on = \"sometimes\"", "unknown variant `sometimes`"),
        ("format = \"pdf\"", "unknown variant `pdf`"),
        ("unsupported = \"loud\"", "unknown severity \"loud\""),
        ("date_order = \"ymd\"", "unknown date order \"ymd\""),
        ("csv_bom = \"yes\"", "invalid type"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        story(dir.path(), &format!("rules = [\"rules\"]\n{line}\n"));
        check_in(dir.path())
            .code(2)
            .stderr(predicate::str::contains(expected))
            .stderr(predicate::str::contains("crosscheck.toml:2:"));
    }
}

#[test]
fn typed_settings_still_take_effect() {
    let dir = tempfile::tempdir().unwrap();
    story(
        dir.path(),
        "rules = [\"rules\"]\nformat = \"csv\"\nfail_on = \"never\"\n[severity]\ndeath-toll = \"warning\"\n",
    );
    check_in(dir.path())
        .code(0)
        .stdout(predicate::str::starts_with("finding,fact,"))
        .stdout(predicate::str::contains(",death-toll,,warning,"));
}
