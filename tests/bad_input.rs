//! Bad input: every case ends with a clear message naming the file (exit
//! 2), or a warning with `--skip-unreadable`, and never a panic.

use std::fs;
use std::io::Write;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

fn crosscheck() -> Command {
    let mut cmd = Command::cargo_bin("crosscheck").unwrap();
    cmd.env("NO_COLOR", "1");
    cmd
}

const RULE: &str = "id = \"opening-date\"\ntitle = \"Opening date\"\nkind = \"date\"\nseverity = \"error\"\ntriggers = ['\\bopened\\b']\n";

fn no_panic(out: &std::process::Output) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn invalid_utf8_names_the_file_and_position() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("bad.txt"),
        b"line one\nsecond \xc3\x28 line",
    )
    .unwrap();
    let out = crosscheck()
        .arg("check")
        .arg(dir.path().join("bad.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "bad.txt: not UTF-8 text: invalid byte at offset 16 (line 2, column 8)",
        ));
    no_panic(out.get_output());
}

#[test]
fn a_binary_file_is_refused_or_skipped() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("image.txt"), b"GIF89a\x00\x01\x02\x03").unwrap();
    fs::write(dir.path().join("ok.txt"), "It opened on May 2, 2024.").unwrap();
    crosscheck()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "image.txt: looks binary (NUL byte at offset 6, line 1)",
        ));
    crosscheck()
        .args(["check", "--skip-unreadable"])
        .arg(dir.path())
        .assert()
        .code(0)
        .stderr(predicate::str::contains("warning: skipped"))
        .stderr(predicate::str::contains("image.txt"));
}

#[test]
fn an_empty_file_is_a_source_with_no_claims() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("empty.txt"), "").unwrap();
    crosscheck()
        .arg("extract")
        .arg(dir.path().join("empty.txt"))
        .assert()
        .code(0)
        .stdout("");
}

#[test]
fn a_200_mb_single_line_file_is_read_without_trouble() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    let mut file = std::io::BufWriter::new(fs::File::create(&path).unwrap());
    let chunk = "words words words “quoted” words and more words without any line break at all "
        .repeat(128);
    let mut written = 0;
    let mut n = 0;
    while written < 200 * 1024 * 1024 {
        file.write_all(chunk.as_bytes()).unwrap();
        written += chunk.len();
        n += 1;
        if n % 1000 == 0 {
            // A claim now and then, far apart.
            let s = "It opened on May 2, 2024. ";
            file.write_all(s.as_bytes()).unwrap();
            written += s.len();
        }
    }
    file.flush().unwrap();
    drop(file);
    let out = crosscheck().arg("extract").arg(&path).assert().code(0);
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(stdout.lines().count() > 10);
    assert!(stdout.lines().all(|l| l.contains("\"line\":1,")));
}

#[test]
fn a_folder_where_a_file_is_expected() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("folder.md")).unwrap();
    crosscheck()
        .arg("check")
        .arg("--draft")
        .arg(dir.path().join("folder.md"))
        .arg("seeds/")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("folder.md: a folder, not a file"));
    crosscheck()
        .args(["check", "seeds/", "--baseline"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read baseline"));
    crosscheck()
        .args(["check", "seeds/", "--rules"])
        .arg(dir.path().join("folder.md"))
        .assert()
        .code(0);
}

#[test]
fn the_first_bad_file_in_order_is_the_one_named_whatever_the_threads() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..400 {
        let body: Vec<u8> = match i {
            // Two bad files: the run stops at the first in name order.
            250 => b"GIF89a\x00".to_vec(),
            390 => b"bad \xff byte".to_vec(),
            _ => format!("Report {i}: the bridge opened on May 2, 2024.").into_bytes(),
        };
        fs::write(dir.path().join(format!("{i:04}.txt")), body).unwrap();
    }
    for threads in ["1", "2", "4"] {
        let out = crosscheck()
            .env("RAYON_NUM_THREADS", threads)
            .arg("check")
            .arg(dir.path())
            .assert()
            .code(2)
            .stderr(predicate::str::contains("0250.txt: looks binary"))
            .stderr(predicate::str::contains("0390.txt").not());
        no_panic(out.get_output());
    }
}

#[cfg(unix)]
#[test]
fn a_fifo_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.txt");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    crosscheck()
        .arg("check")
        .arg(&fifo)
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "pipe.txt: not a regular file (a FIFO)",
        ));
    crosscheck()
        .arg("check")
        .arg("--skip-unreadable")
        .arg(dir.path())
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        // Skipped, and then no source is left: that passes no gate.
        .code(2)
        .stderr(predicate::str::contains("a FIFO"))
        .stderr(predicate::str::contains("no readable source in"));
}

#[test]
fn a_folder_with_thousands_of_files() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("rules")).unwrap();
    fs::write(dir.path().join("rules/opening-date.toml"), RULE).unwrap();
    let sources = dir.path().join("sources");
    fs::create_dir(&sources).unwrap();
    for i in 0..3000 {
        let day = if i == 1234 { 3 } else { 2 };
        fs::write(
            sources.join(format!("{i:05}.txt")),
            format!("Report {i}: the bridge opened on May {day}, 2024."),
        )
        .unwrap();
    }
    let out = crosscheck()
        .current_dir(dir.path())
        .args(["check", "sources", "--format", "csv"])
        .assert()
        .code(1);
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert_eq!(text.lines().count(), 3001, "a header and one row per claim");
    assert!(text.contains("sources/01234.txt"));
}

#[cfg(unix)]
#[test]
fn symlink_loops_end() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("root");
    fs::create_dir(&root).unwrap();
    fs::write(root.join("a.txt"), "It opened on May 2, 2024.").unwrap();
    std::os::unix::fs::symlink(&root, root.join("loop")).unwrap();
    std::os::unix::fs::symlink(root.join("nowhere"), root.join("dangling.txt")).unwrap();
    let out = crosscheck()
        .arg("extract")
        .arg(&root)
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .code(0);
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert_eq!(text.lines().count(), 1, "{text}");
}

#[test]
fn catastrophic_looking_rule_patterns() {
    let dir = tempfile::tempdir().unwrap();
    // Nested quantifiers: linear time in the regex crate, so it just runs.
    fs::write(
        dir.path().join("nested.toml"),
        RULE.replace(r"\bopened\b", r"(a+)+$|(\w*)*opened"),
    )
    .unwrap();
    fs::write(
        dir.path().join("a.txt"),
        format!("{} It opened on May 2, 2024.", "a".repeat(100_000)),
    )
    .unwrap();
    crosscheck()
        .arg("check")
        .arg(dir.path().join("a.txt"))
        .arg("--rules")
        .arg(dir.path().join("nested.toml"))
        .timeout(std::time::Duration::from_secs(60))
        .assert()
        .code(0);
    // A pattern that compiles to something enormous is refused, pointing at it.
    fs::write(
        dir.path().join("huge.toml"),
        RULE.replace(r"\bopened\b", r"(?:\w{1000}){1000}"),
    )
    .unwrap();
    crosscheck()
        .arg("check")
        .arg(dir.path().join("a.txt"))
        .arg("--rules")
        .arg(dir.path().join("huge.toml"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("pattern is too large"))
        .stderr(predicate::str::contains("huge.toml:5:"));
}

#[test]
fn huge_numbers_and_impossible_dates() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "Estimates ran to 10^400 and 1e400 and {} units. The bridge opened on February 30, 2024.",
        "9".repeat(500)
    );
    fs::write(dir.path().join("a.txt"), text).unwrap();
    let out = crosscheck()
        .arg("extract")
        .arg(dir.path().join("a.txt"))
        .assert()
        .code(0);
    no_panic(out.get_output());
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let feb30 = stdout
        .lines()
        .find(|l| l.contains("February 30"))
        .expect("February 30 is a claim");
    assert!(feb30.contains(r#""value":"2024-02-30""#), "{feb30}");
    assert!(feb30.contains(r#""resolved":null"#), "{feb30}");
    assert!(feb30.contains("is not a date"), "{feb30}");
    crosscheck()
        .arg("check")
        .arg(dir.path().join("a.txt"))
        .assert()
        .code(0)
        .stdout(predicate::str::contains("invalid-date"));
}

#[test]
fn unreadable_paths_in_rules_or_sources_exit_2() {
    crosscheck()
        .args(["check", "seeds/", "--rules", "no/such/rules"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no/such/rules"));
    let _ = Path::new("unused");
}
