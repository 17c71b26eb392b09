//! Writing reports: `--output` and `--write-baseline` never replace an
//! input of the run, keep what stands at the path (a symlink, a FIFO, a
//! device, a file's mode), and leave no temporary file behind, not even
//! when the run is stopped by a signal.
#![cfg(unix)]

use std::fs;
use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::Path;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use predicates::prelude::*;

fn crosscheck() -> Command {
    let mut cmd = Command::cargo_bin("crosscheck").unwrap();
    cmd.env("NO_COLOR", "1");
    cmd.timeout(Duration::from_secs(60));
    cmd
}

const RULE: &str = "id = \"opening-date\"\ntitle = \"Opening date\"\nkind = \"date\"\nseverity = \"error\"\ntriggers = ['\\bopened\\b']\n";

/// A story's folder: a rule, two sources that disagree, a draft.
fn story() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir(root.join("rules")).unwrap();
    fs::write(root.join("rules/opening-date.toml"), RULE).unwrap();
    fs::create_dir(root.join("sources")).unwrap();
    fs::write(
        root.join("sources/a.txt"),
        "The ferry terminal opened on May 2, 2024.",
    )
    .unwrap();
    fs::write(
        root.join("sources/b.txt"),
        "The ferry terminal opened on May 3, 2024.",
    )
    .unwrap();
    fs::write(
        root.join("story.md"),
        "The ferry terminal at Wexmoor opened on May 2, 2024.\n",
    )
    .unwrap();
    dir
}

/// The folder's entries, sorted.
fn entries(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The CSV report of the story's sources, as standard output gets it.
fn csv_report(root: &Path) -> Vec<u8> {
    crosscheck()
        .current_dir(root)
        .args(["check", "sources", "--format", "csv"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone()
}

#[test]
fn the_draft_as_output_is_refused_and_kept() {
    let dir = story();
    let root = dir.path();
    let draft = fs::read(root.join("story.md")).unwrap();
    crosscheck()
        .current_dir(root)
        .args(["check", "--draft", "story.md", "sources/", "--output", "story.md"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "error: --output story.md is an input of this run (the draft); the report would replace it",
        ));
    assert_eq!(fs::read(root.join("story.md")).unwrap(), draft);
}

#[test]
fn a_source_through_dot_slash_or_a_symlink_is_refused() {
    let dir = story();
    let root = dir.path();
    let source = fs::read(root.join("sources/a.txt")).unwrap();
    std::os::unix::fs::symlink("sources/a.txt", root.join("latest.txt")).unwrap();
    // A source read from its folder, named with `./` and `..`.
    crosscheck()
        .current_dir(root)
        .args(["check", "sources", "--output", "./sources/../sources/a.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "is an input of this run (a source)",
        ));
    // The same source given directly, the output a link to it.
    crosscheck()
        .current_dir(root)
        .args([
            "extract",
            "sources/a.txt",
            "sources/b.txt",
            "-o",
            "latest.txt",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "error: --output latest.txt is an input of this run (a source)",
        ));
    // A manifest beside a source given directly.
    fs::write(root.join("sources/sources.toml"), "").unwrap();
    crosscheck()
        .current_dir(root)
        .args(["check", "sources/a.txt", "-o", "sources/sources.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("(a sources.toml manifest)"));
    assert_eq!(fs::read(root.join("sources/a.txt")).unwrap(), source);
    assert_eq!(fs::read(root.join("sources/sources.toml")).unwrap(), b"");
    // A file the folder's walk would not read is no input.
    fs::write(root.join("sources/notes.csv"), "old").unwrap();
    crosscheck()
        .current_dir(root)
        .args([
            "check",
            "sources",
            "--format",
            "csv",
            "-o",
            "sources/notes.csv",
        ])
        .assert()
        .code(1);
}

#[test]
fn a_rule_file_is_refused() {
    let dir = story();
    let root = dir.path();
    // The default ./rules, and a rule folder given with --rules.
    for args in [
        vec!["check", "sources", "-o", "rules/opening-date.toml"],
        vec![
            "check",
            "sources",
            "--rules",
            "rules",
            "-o",
            "./rules/opening-date.toml",
        ],
    ] {
        crosscheck()
            .current_dir(root)
            .args(&args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(
                "is an input of this run (a rule file); the report would replace it",
            ));
    }
    assert_eq!(
        fs::read_to_string(root.join("rules/opening-date.toml")).unwrap(),
        RULE
    );
}

#[test]
fn write_baseline_onto_the_baseline_read_is_refused() {
    let dir = story();
    let root = dir.path();
    crosscheck()
        .current_dir(root)
        .args(["check", "sources", "--write-baseline", "baseline.json"])
        .assert()
        .code(1);
    let baseline = fs::read(root.join("baseline.json")).unwrap();
    crosscheck()
        .current_dir(root)
        .args([
            "check",
            "sources",
            "--baseline",
            "baseline.json",
            "--write-baseline",
            "./baseline.json",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "error: --write-baseline ./baseline.json is an input of this run (the --baseline read); the baseline would replace it",
        ));
    assert_eq!(fs::read(root.join("baseline.json")).unwrap(), baseline);
    // Nor can the report and the baseline be one file.
    crosscheck()
        .current_dir(root)
        .args([
            "check",
            "sources",
            "--write-baseline",
            "new.json",
            "-o",
            "./new.json",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("are the same file"));
    assert!(!root.join("new.json").exists());
}

#[test]
fn a_symlink_output_keeps_the_link_and_updates_its_target() {
    let dir = story();
    let root = dir.path();
    let expected = csv_report(root);
    fs::create_dir(root.join("out")).unwrap();
    fs::write(root.join("out/target.csv"), "old").unwrap();
    std::os::unix::fs::symlink("out/target.csv", root.join("latest.csv")).unwrap();
    // A chain of links whose end does not exist yet.
    std::os::unix::fs::symlink("next.csv", root.join("chain.csv")).unwrap();
    std::os::unix::fs::symlink("out/new.csv", root.join("next.csv")).unwrap();
    for (link, target) in [
        ("latest.csv", "out/target.csv"),
        ("chain.csv", "out/new.csv"),
    ] {
        crosscheck()
            .current_dir(root)
            .args(["check", "sources", "--format", "csv", "-o", link])
            .assert()
            .code(1);
        let meta = fs::symlink_metadata(root.join(link)).unwrap();
        assert!(meta.file_type().is_symlink(), "{link} is still a link");
        assert_eq!(fs::read(root.join(target)).unwrap(), expected, "{target}");
    }
    assert!(fs::symlink_metadata(root.join("next.csv"))
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(entries(&root.join("out")), ["new.csv", "target.csv"]);
}

#[test]
fn a_fifo_output_receives_the_report_and_stays_a_fifo() {
    let dir = story();
    let root = dir.path();
    let expected = csv_report(root);
    let fifo = root.join("report.pipe");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let (sent, received) = std::sync::mpsc::channel();
    let reading = fifo.clone();
    // Opening a FIFO to read waits for a writer: the reader has its thread.
    std::thread::spawn(move || {
        let _ = sent.send(fs::read(&reading).unwrap());
    });
    crosscheck()
        .current_dir(root)
        .args(["check", "sources", "--format", "csv", "-o", "report.pipe"])
        .assert()
        .code(1);
    let got = received
        .recv_timeout(Duration::from_secs(20))
        .expect("the FIFO's reader got the report");
    assert_eq!(got, expected);
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
}

#[test]
fn a_full_device_gives_exit_2_with_a_message() {
    let dir = story();
    let root = dir.path();
    // A full device of the test's own (as /dev/full: char 1,7), so that no
    // broken build can replace the machine's; /dev/full where nodes cannot
    // be made.
    let own = root.join("full");
    let made = std::process::Command::new("mknod")
        .arg(&own)
        .args(["c", "1", "7"])
        .status()
        .is_ok_and(|s| s.success())
        && fs::OpenOptions::new().write(true).open(&own).is_ok();
    let device = if made {
        own
    } else {
        Path::new("/dev/full").to_path_buf()
    };
    crosscheck()
        .current_dir(root)
        .args(["check", "sources", "--format", "csv", "-o"])
        .arg(&device)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "error: cannot write {}: No space left on device",
            device.display()
        )));
    let kind = fs::symlink_metadata(&device).unwrap().file_type();
    assert!(
        kind.is_char_device(),
        "{} is still a device",
        device.display()
    );
}

#[test]
fn standard_output_through_a_link_gets_the_report() {
    let dir = story();
    let root = dir.path();
    let expected = csv_report(root);
    // As /dev/stdout is, a link of the test's own, so that no broken build
    // can replace the machine's.
    std::os::unix::fs::symlink("/proc/self/fd/1", root.join("stdout")).unwrap();
    let out = crosscheck()
        .current_dir(root)
        .args(["check", "sources", "--format", "csv", "-o", "stdout"])
        .assert()
        .code(1);
    assert_eq!(out.get_output().stdout, expected);
    assert!(fs::symlink_metadata(root.join("stdout"))
        .unwrap()
        .file_type()
        .is_symlink());
}

#[test]
fn standard_output_sent_to_a_log_is_appended_to_not_replaced() {
    let dir = story();
    let root = dir.path();
    let expected = csv_report(root);
    std::os::unix::fs::symlink("/proc/self/fd/1", root.join("stdout")).unwrap();
    let log = root.join("run.log");
    fs::write(&log, "earlier lines\n").unwrap();
    let appended = fs::OpenOptions::new().append(true).open(&log).unwrap();
    let status = std::process::Command::new(assert_cmd::cargo::cargo_bin("crosscheck"))
        .current_dir(root)
        .args(["check", "sources", "--format", "csv", "-o", "stdout"])
        .stdout(appended)
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(1));
    let mut wanted = b"earlier lines\n".to_vec();
    wanted.extend_from_slice(&expected);
    assert_eq!(fs::read(&log).unwrap(), wanted);
}

#[test]
fn a_0640_report_stays_0640() {
    let dir = story();
    let root = dir.path();
    let report = root.join("report.csv");
    fs::write(&report, "old").unwrap();
    fs::set_permissions(&report, fs::Permissions::from_mode(0o640)).unwrap();
    crosscheck()
        .current_dir(root)
        .args(["check", "sources", "--format", "csv", "-o", "report.csv"])
        .assert()
        .code(1);
    let meta = fs::metadata(&report).unwrap();
    assert_eq!(meta.permissions().mode() & 0o7777, 0o640);
    assert_ne!(fs::read(&report).unwrap(), b"old");
}

#[test]
fn a_folder_as_output_is_refused_and_nothing_is_left() {
    let dir = story();
    let root = dir.path();
    fs::create_dir(root.join("out")).unwrap();
    fs::write(root.join("out/report.csv"), "old").unwrap();
    crosscheck()
        .current_dir(root)
        .args(["check", "sources", "--format", "csv", "-o", "out"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "error: cannot write out: a folder, not a file",
        ));
    // A run that fails on its sources writes nothing.
    crosscheck()
        .current_dir(root)
        .args(["check", "missing.txt", "-o", "out/report.csv"])
        .assert()
        .code(2);
    assert_eq!(fs::read(root.join("out/report.csv")).unwrap(), b"old");
    // One that succeeds leaves its report and nothing else.
    crosscheck()
        .current_dir(root)
        .args([
            "check",
            "sources",
            "--format",
            "csv",
            "-o",
            "out/report.csv",
        ])
        .arg("--write-baseline")
        .arg("out/baseline.json")
        .assert()
        .code(1);
    assert_eq!(entries(&root.join("out")), ["baseline.json", "report.csv"]);
    assert_eq!(entries(root), ["out", "rules", "sources", "story.md"]);
}

/// Stops a run with `signal` while its temporary file exists: the file is
/// removed, the old report is untouched, and the run dies of the signal.
fn stopped_while_writing(signal: &str, number: i32) {
    use std::os::unix::process::ExitStatusExt;
    let dir = story();
    let root = dir.path();
    fs::create_dir(root.join("out")).unwrap();
    fs::write(root.join("out/report.csv"), "old").unwrap();
    let mut run = std::process::Command::new(assert_cmd::cargo::cargo_bin("crosscheck"))
        .current_dir(root)
        .args([
            "check",
            "sources",
            "--format",
            "csv",
            "-o",
            "out/report.csv",
        ])
        .env("NO_COLOR", "1")
        // The test hook: wait before the rename, the temporary file written.
        .env("CROSSCHECK_TEST_PAUSE_BEFORE_PERSIST", "30000")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while entries(&root.join("out")).len() < 2 {
        if Instant::now() > deadline || run.try_wait().unwrap().is_some() {
            let _ = run.kill();
            panic!("no temporary file appeared while the run wrote its report");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let sent = std::process::Command::new("kill")
        .args([format!("-{signal}"), run.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    let status = run.wait().unwrap();
    assert_eq!(status.signal(), Some(number), "{status:?}");
    assert_eq!(entries(&root.join("out")), ["report.csv"]);
    assert_eq!(fs::read(root.join("out/report.csv")).unwrap(), b"old");
}

#[test]
fn sigterm_during_a_write_leaves_no_temporary_file() {
    stopped_while_writing("TERM", 15);
}

#[test]
fn sigint_during_a_write_leaves_no_temporary_file() {
    stopped_while_writing("INT", 2);
}

/// `extract` streams its rows out in batches of sources, and a large source
/// straight to the output: the bytes are the same for any thread count and
/// the same to a file as to standard output.
#[test]
fn extract_streams_the_same_bytes_to_a_file_and_to_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir(root.join("s")).unwrap();
    let seed = fs::read_to_string("seeds/002_776e0ac02e7e275e.txt").unwrap();
    // A large source (over 20,000 claims, a batch of its own) between small
    // ones, so batches of many sources and a source alone both occur.
    for i in 0..41 {
        let text = if i == 17 {
            seed.repeat(500)
        } else {
            seed.clone()
        };
        fs::write(root.join(format!("s/{i:02}.txt")), text).unwrap();
    }
    let mut outputs = Vec::new();
    for threads in ["1", "2"] {
        for format in ["jsonl", "csv"] {
            let out = crosscheck()
                .current_dir(root)
                .env("RAYON_NUM_THREADS", threads)
                .args(["extract", "s", "--format", format])
                .output()
                .unwrap();
            assert!(out.status.success(), "{out:?}");
            crosscheck()
                .current_dir(root)
                .env("RAYON_NUM_THREADS", threads)
                .args(["extract", "s", "--format", format, "-o", "claims.out"])
                .assert()
                .success();
            assert_eq!(fs::read(root.join("claims.out")).unwrap(), out.stdout);
            outputs.push((format, out.stdout));
        }
    }
    assert_eq!(outputs[0], outputs[2], "jsonl: one thread as two");
    assert_eq!(outputs[1], outputs[3], "csv: one thread as two");
    let rows = String::from_utf8(outputs[0].1.clone()).unwrap();
    assert!(rows.lines().count() > 20_000, "every source's claims");
    for i in [0, 17, 40] {
        assert!(
            rows.contains(&format!("\"source\":\"s/{i:02}.txt\"")),
            "source {i}"
        );
    }
}

/// A reader that stops early (`| head`) is the reader's choice: every
/// row format streams until the pipe closes, then the run ends as if it
/// had written everything, with nothing said.
#[test]
fn a_reader_that_stops_early_is_no_failure() {
    use std::io::Read;
    let dir = tempfile::tempdir().unwrap();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut text = String::new();
    for entry in fs::read_dir(&seeds).unwrap() {
        text.push_str(&fs::read_to_string(entry.unwrap().path()).unwrap());
        text.push_str("\n\n");
    }
    // Rows well past a pipe's buffer.
    let long = dir.path().join("long.txt");
    fs::write(&long, text.repeat(40)).unwrap();
    let runs: [&[&str]; 3] = [
        &["extract", "--format", "csv"],
        &["extract", "--format", "jsonl"],
        &["check", "--format", "json", "--fail-on", "never"],
    ];
    for args in runs {
        let mut run = std::process::Command::new(assert_cmd::cargo::cargo_bin("crosscheck"))
            .args(args)
            .arg(&long)
            .env("NO_COLOR", "1")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut head = [0; 100];
        run.stdout.take().unwrap().read_exact(&mut head).unwrap();
        let mut said = String::new();
        run.stderr
            .take()
            .unwrap()
            .read_to_string(&mut said)
            .unwrap();
        let status = run.wait().unwrap();
        assert_eq!(status.code(), Some(0), "{args:?}: {said}");
        assert!(!said.contains("error"), "{args:?}: {said}");
    }
}
