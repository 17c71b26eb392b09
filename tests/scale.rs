//! Reports that stay bounded as sources grow: a message names a bounded
//! number of sources and counts the rest, and the HTML report folds its
//! agreement matrix into one row per source past a few dozen sources.
//! (Time is measured in `scripts/scale-check`, never here.)

use assert_cmd::Command;
use std::path::Path;

/// `n` one-line sources giving seven different tolls.
fn many_sources(dir: &Path, n: usize) {
    for i in 0..n {
        let line = format!(
            "Officials said {} people were killed on Monday.\n",
            10 + i % 7
        );
        std::fs::write(dir.join(format!("{i:04}.txt")), line).unwrap();
    }
}

fn check(dir: &Path, format: &str) -> String {
    let out = Command::cargo_bin("crosscheck")
        .unwrap()
        .current_dir(dir)
        .args(["check", ".", "--quiet", "--format", format])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_github_annotation_names_a_bounded_number_of_sources() {
    let dir = tempfile::tempdir().unwrap();
    many_sources(dir.path(), 140);
    let out = check(dir.path(), "github");
    let annotations: Vec<&str> = out.lines().filter(|l| l.starts_with("::")).collect();
    assert_eq!(annotations.len(), 140, "one annotation per claim");
    // 20 sources hold each toll: twelve are named, the rest counted.
    let first = annotations[0];
    assert!(first.contains("and 8 more)"), "{first}");
    assert_eq!(first.matches(".txt").count(), 12 * 7 + 1, "{first}");
    // So doubling the sources doubles the annotations' bytes, not more.
    let dir2 = tempfile::tempdir().unwrap();
    many_sources(dir2.path(), 280);
    let out2 = check(dir2.path(), "github");
    let ratio = out2.len() as f64 / out.len() as f64;
    assert!(ratio < 2.1, "github output grew {ratio:.2}x on doubling");
}

#[test]
fn past_a_few_dozen_sources_html_shows_standings_not_a_matrix() {
    let dir = tempfile::tempdir().unwrap();
    many_sources(dir.path(), 10);
    let small = check(dir.path(), "html");
    assert!(
        small.contains("<table class=\"matrix\">"),
        "a small story keeps its matrix"
    );
    assert!(!small.contains("standings"));

    let dir = tempfile::tempdir().unwrap();
    many_sources(dir.path(), 120);
    let html = check(dir.path(), "html");
    assert!(
        !html.contains("<table class=\"matrix\">"),
        "no 120-column table"
    );
    assert!(
        html.contains("<table class=\"matrix standings\">"),
        "one row per source"
    );
    for i in [0, 60, 119] {
        assert!(
            html.contains(&format!("{i:04}.txt")),
            "source {i} is listed"
        );
    }
}

#[test]
fn one_source_repeating_a_figure_shows_a_bounded_number_of_marks() {
    let dir = tempfile::tempdir().unwrap();
    let line = "Officials said 12 people were killed. Later they said 40 were killed.\n";
    std::fs::write(dir.path().join("h.txt"), line.repeat(100)).unwrap();
    let out = Command::cargo_bin("crosscheck")
        .unwrap()
        .current_dir(dir.path())
        .args(["check", "h.txt", "--color", "never"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    // 200 claims: twelve of each side are marked, the rest counted.
    assert_eq!(text.matches("side 1: 12").count(), 12, "{text}");
    assert_eq!(text.matches("side 2: 40").count(), 12, "{text}");
    assert!(
        text.contains("176 more claims of this source not marked"),
        "{text}"
    );
}
