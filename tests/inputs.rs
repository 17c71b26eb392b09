//! Inputs that would pass a gate by accident: no source at all, a broken
//! link, the same file counted twice, a baseline of an unknown version, a
//! manifest entry naming a file that is not there. Each is an error (exit
//! 2) or a warning that names the path.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

fn crosscheck() -> Command {
    let mut cmd = Command::cargo_bin("crosscheck").unwrap();
    cmd.env("NO_COLOR", "1");
    cmd
}

const RULE: &str = "id = \"opening-date\"\ntitle = \"Opening date\"\nkind = \"date\"\nseverity = \"error\"\ntriggers = ['(?-u:\\b)opened(?-u:\\b)']\n";

/// Two reports that disagree on the opening date, and the rule for it.
fn story(dir: &Path) {
    fs::create_dir_all(dir.join("rules")).unwrap();
    fs::create_dir_all(dir.join("sources")).unwrap();
    fs::write(dir.join("rules/opening-date.toml"), RULE).unwrap();
    fs::write(
        dir.join("sources/a.txt"),
        "The Tarn bridge opened on May 2, 2024.",
    )
    .unwrap();
    fs::write(
        dir.join("sources/b.txt"),
        "The Tarn bridge opened on May 3, 2024.",
    )
    .unwrap();
}

/// `crosscheck ARGS...` run in `dir`.
fn run_in(dir: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    crosscheck().current_dir(dir).args(args).assert()
}

fn stderr_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_folder_with_no_source_fails_the_run() {
    let dir = tempfile::tempdir().unwrap();
    story(dir.path());
    fs::create_dir(dir.path().join("empty")).unwrap();
    fs::write(dir.path().join("empty/notes.pdf"), "not a source").unwrap();
    for command in ["check", "extract"] {
        run_in(dir.path(), &[command, "empty", "--rules", "rules"])
            .code(2)
            .stderr(predicate::str::contains("error: no sources found in empty"));
    }
}

#[test]
fn a_config_whose_sources_hold_nothing_fails_the_run() {
    let dir = tempfile::tempdir().unwrap();
    story(dir.path());
    fs::create_dir(dir.path().join("incoming")).unwrap();
    fs::write(
        dir.path().join("crosscheck.toml"),
        "rules = [\"rules\"]\nsources = [\"incoming\"]\n",
    )
    .unwrap();
    run_in(dir.path(), &["check"])
        .code(2)
        .stderr(predicate::str::contains("no sources found in"))
        .stderr(predicate::str::contains("incoming"))
        .stderr(predicate::str::contains("the `sources` of crosscheck.toml"));
}

#[test]
fn a_draft_with_no_source_beside_it_fails_the_gate() {
    let dir = tempfile::tempdir().unwrap();
    story(dir.path());
    fs::create_dir(dir.path().join("empty")).unwrap();
    run_in(
        dir.path(),
        &[
            "check",
            "--rules",
            "rules",
            "--draft",
            "sources/a.txt",
            "empty",
        ],
    )
    .code(2)
    .stderr(predicate::str::contains("no sources found in empty"));
}

#[test]
fn sources_all_skipped_as_unreadable_fail_the_run() {
    let dir = tempfile::tempdir().unwrap();
    story(dir.path());
    fs::create_dir(dir.path().join("bad")).unwrap();
    fs::write(dir.path().join("bad/a.txt"), b"\xff\xfe binary").unwrap();
    run_in(
        dir.path(),
        &["check", "--skip-unreadable", "--rules", "rules", "bad"],
    )
    .code(2)
    .stderr(predicate::str::contains("warning: skipped"))
    .stderr(predicate::str::contains("no readable source in bad"));
}

#[cfg(unix)]
#[test]
fn a_broken_link_in_a_source_folder_is_a_warning_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    story(dir.path());
    std::os::unix::fs::symlink("moved-away.txt", dir.path().join("sources/c.txt")).unwrap();
    run_in(dir.path(), &["check", "sources", "--rules", "rules"])
        .code(1)
        .stderr(predicate::str::contains(
            "warning: sources/c.txt: a broken symbolic link (to moved-away.txt), skipped",
        ));
}

#[test]
fn a_source_given_twice_counts_once() {
    let dir = tempfile::tempdir().unwrap();
    story(dir.path());
    let out = run_in(
        dir.path(),
        &[
            "check",
            "sources",
            "sources",
            "./sources/a.txt",
            "--rules",
            "rules",
            "--format",
            "json",
        ],
    )
    .code(1)
    .stderr(predicate::str::contains(
        "warning: sources/a.txt is the same file as sources/a.txt, already a source; counted once",
    ))
    .stderr(predicate::str::contains(
        "warning: ./sources/a.txt is the same file as sources/a.txt",
    ))
    .get_output()
    .clone();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["sources"].as_array().unwrap().len(), 2, "{report}");
    let sides = report["findings"][0]["sides"].as_array().unwrap();
    let claims: usize = sides
        .iter()
        .map(|s| s["claims"].as_array().unwrap().len())
        .sum();
    assert_eq!(claims, 2, "{report}\n{}", stderr_of(&out));
}

#[cfg(unix)]
#[test]
fn a_folder_reached_through_a_link_counts_once() {
    let dir = tempfile::tempdir().unwrap();
    story(dir.path());
    std::os::unix::fs::symlink("sources", dir.path().join("mirror")).unwrap();
    let out = run_in(
        dir.path(),
        &["check", "sources", "mirror", "--rules", "rules"],
    )
    .code(1)
    .stderr(predicate::str::contains(
        "mirror/b.txt is the same file as sources/b.txt",
    ))
    .get_output()
    .clone();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("in 2 sources"), "{stdout}");
    assert!(!stdout.contains("mirror/"), "{stdout}");
}

#[test]
fn a_draft_kept_in_its_sources_folder_is_no_duplicate() {
    let dir = tempfile::tempdir().unwrap();
    story(dir.path());
    let out = run_in(
        dir.path(),
        &[
            "check",
            "--rules",
            "rules",
            "--draft",
            "sources/a.txt",
            "sources",
        ],
    )
    .code(1)
    .get_output()
    .clone();
    assert!(!stderr_of(&out).contains("warning"), "{}", stderr_of(&out));
}

#[test]
fn a_baseline_of_an_unknown_version_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    story(dir.path());
    run_in(
        dir.path(),
        &[
            "check",
            "sources",
            "--rules",
            "rules",
            "--write-baseline",
            "b.json",
        ],
    )
    .code(1);
    let written = fs::read_to_string(dir.path().join("b.json")).unwrap();
    assert!(written.contains("\"version\": 1"), "{written}");
    run_in(
        dir.path(),
        &[
            "check",
            "sources",
            "--rules",
            "rules",
            "--baseline",
            "b.json",
        ],
    )
    .code(0);
    for version in ["0", "999"] {
        let other = written.replace("\"version\": 1", &format!("\"version\": {version}"));
        fs::write(dir.path().join("other.json"), other).unwrap();
        run_in(dir.path(), &["check", "sources", "--rules", "rules", "--baseline", "other.json"])
            .code(2)
            .stderr(predicate::str::contains(format!(
                "other.json: baseline version {version} is not one this crosscheck reads (it reads version 1)"
            )))
            .stderr(predicate::str::contains("other.json:2:14"));
    }
}

#[test]
fn a_manifest_entry_outside_its_folder_points_at_the_entry() {
    let dir = tempfile::tempdir().unwrap();
    story(dir.path());
    fs::create_dir_all(dir.path().join("out2/in")).unwrap();
    fs::write(
        dir.path().join("out2/in/a.txt"),
        "It opened on May 2, 2024.",
    )
    .unwrap();
    fs::write(
        dir.path().join("out2/in/sources.toml"),
        "[[source]]\nfile = \"a.txt\"\n\n[[source]]\nfile = \"../../sources/b.txt\"\npublished = \"2024-05-03\"\n",
    )
    .unwrap();
    let out = run_in(dir.path(), &["check", "out2/in", "--rules", "rules"])
        .code(2)
        .stderr(predicate::str::contains(
            "out2/in/sources.toml: lists ../../sources/b.txt (sources/b.txt), which is outside the folder it describes (out2/in)",
        ))
        .stderr(predicate::str::contains("out2/in/sources.toml:5:8"))
        .get_output()
        .clone();
    // The manifest's own path, not one made from the entry.
    assert!(
        !stderr_of(&out).contains("../sources.toml"),
        "{}",
        stderr_of(&out)
    );
}

#[test]
fn a_manifest_entry_for_a_missing_file_says_so_at_the_entry() {
    let dir = tempfile::tempdir().unwrap();
    story(dir.path());
    fs::write(
        dir.path().join("sources/sources.toml"),
        "[[source]]\nfile = \"a.txt\"\n[[source]]\nfile = \"sub/../c.txt\"\n",
    )
    .unwrap();
    run_in(dir.path(), &["check", "sources", "--rules", "rules"])
        .code(2)
        .stderr(predicate::str::contains(
            "sources/sources.toml: lists sub/../c.txt (sources/c.txt), which does not exist",
        ))
        .stderr(predicate::str::contains("sources/sources.toml:4:8"));
    // A path with `..` that lands on a listed file is that file.
    fs::write(
        dir.path().join("sources/sources.toml"),
        "[[source]]\nfile = \"sub/../a.txt\"\npublished = \"2024-05-01\"\n",
    )
    .unwrap();
    run_in(dir.path(), &["check", "sources", "--rules", "rules"]).code(1);
}
