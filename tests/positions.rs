//! Where a claim is, as every format tells it: lines end at `\n`, `\r\n`
//! (one line end) and a lone `\r` (old Mac exports), as in editors; a
//! UTF-8 byte order mark is not a column. Byte offsets stay offsets into
//! the file. And the Markdown report, which goes into a pull-request
//! comment, shows source text as written, never as markup.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn crosscheck(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("crosscheck").unwrap();
    cmd.env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .current_dir(dir);
    cmd
}

/// The stdout of a run in `dir`, whatever its exit code.
fn run(dir: &Path, args: &[&str]) -> String {
    let out = crosscheck(dir).args(args).output().unwrap();
    assert!(
        out.status.code().is_some_and(|c| c < 2),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

const RULE: &str = "id = \"opening-date\"\ntitle = \"Opening date\"\nkind = \"date\"\nseverity = \"error\"\ntriggers = ['\\bopened\\b']\n";

/// A folder with the rule, `a.txt` holding `text` and `b.txt` giving
/// another day, so that the claim in `a.txt` is in a finding.
fn story(text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("rule.toml"), RULE).unwrap();
    fs::write(dir.path().join("a.txt"), text).unwrap();
    fs::write(
        dir.path().join("b.txt"),
        "The bridge opened on May 3, 2024.\n",
    )
    .unwrap();
    dir
}

const WORDS: &str = "May 2, 2024";

/// Every format places the claim `May 2, 2024` of `a.txt` at `line`:`column`,
/// at its byte offset in the file.
fn placed_everywhere(text: &str, line: u64, column: u64) {
    let dir = story(text);
    let dir = dir.path();
    let start = text.find(WORDS).unwrap();
    let end_column = column + WORDS.chars().count() as u64;
    let check = |format: &str| {
        run(
            dir,
            &[
                "check",
                "a.txt",
                "b.txt",
                "--rules",
                "rule.toml",
                "--format",
                format,
            ],
        )
    };

    let csv = check("csv");
    let expected = format!(
        ",a.txt,{line},{column},{start},{},\"{WORDS}\",",
        start + WORDS.len()
    );
    assert!(
        csv.contains(&expected),
        "{text:?}: no {expected:?} in\n{csv}"
    );

    let json: Value = serde_json::from_str(&check("json")).unwrap();
    let claim = &json["findings"][0]["sides"][0]["claims"][0];
    assert_eq!(claim["source"], "a.txt");
    assert_eq!(
        (&claim["line"], &claim["column"]),
        (&line.into(), &column.into()),
        "{text:?}"
    );
    assert_eq!(claim["start"], start as u64);
    assert_eq!(claim["text"], WORDS);

    let sarif: Value = serde_json::from_str(&check("sarif")).unwrap();
    let region = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
    for (key, want) in [
        ("startLine", line),
        ("startColumn", column),
        ("endLine", line),
        ("endColumn", end_column),
        ("byteOffset", start as u64),
    ] {
        assert_eq!(region[key], want, "{text:?}: sarif {key} in {region}");
    }

    let github = check("github");
    let expected =
        format!("file=a.txt,line={line},col={column},endLine={line},endColumn={end_column},");
    assert!(
        github.contains(&expected),
        "{text:?}: no {expected:?} in\n{github}"
    );

    // The snippet's header and gutter, and no carriage return printed raw.
    let human = check("human");
    let header = format!("[a.txt:{line}:{column}]");
    assert!(human.contains(&header), "{text:?}: no {header} in\n{human}");
    let gutter = format!(" {line} │ On May 2, 2024, the bridge opened.\n");
    assert!(
        human.contains(&gutter),
        "{text:?}: no {gutter:?} in\n{human}"
    );
    assert!(!human.contains('\r'), "{text:?}: a raw CR in\n{human}");
    assert!(
        !human.contains('\u{feff}'),
        "{text:?}: the mark shown in\n{human}"
    );

    let html = check("html");
    let place = format!("a.txt:{line}:{column}");
    assert!(html.contains(&place), "{text:?}: no {place} in the page");

    let out = crosscheck(dir)
        .args([
            "extract",
            "a.txt",
            "--rules",
            "rule.toml",
            "--explain",
            "-q",
        ])
        .output()
        .unwrap();
    let explained = String::from_utf8(out.stderr).unwrap();
    let place = format!("{line}:{column}  “{WORDS}”");
    assert!(
        explained.contains(&place),
        "{text:?}: no {place:?} in\n{explained}"
    );
    let extracted: Value = serde_json::from_str(
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .next()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(
        (&extracted["line"], &extracted["column"]),
        (&line.into(), &column.into())
    );
}

#[test]
fn a_lone_cr_ends_a_line_in_every_format() {
    placed_everywhere(
        "Headline\rSecond line.\rOn May 2, 2024, the bridge opened.\r",
        3,
        4,
    );
}

#[test]
fn lf_and_crlf_line_ends_still_count_once() {
    placed_everywhere(
        "Headline\nSecond line.\nOn May 2, 2024, the bridge opened.\n",
        3,
        4,
    );
    placed_everywhere(
        "Headline\r\nSecond line.\r\nOn May 2, 2024, the bridge opened.\r\n",
        3,
        4,
    );
    placed_everywhere("Headline\r\n\rOn May 2, 2024, the bridge opened.\n", 3, 4);
}

#[test]
fn a_byte_order_mark_is_not_a_column() {
    placed_everywhere("\u{feff}On May 2, 2024, the bridge opened.\n", 1, 4);
    placed_everywhere("\u{feff}Headline\rOn May 2, 2024, the bridge opened.", 2, 4);
}

fn copy_with_line_ends(from: &Path, to: &Path, end: &str) {
    fs::create_dir(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let text = fs::read_to_string(&path).unwrap();
        let text = if path.extension().is_some_and(|e| e == "txt") {
            text.replace('\n', end)
        } else {
            text
        };
        fs::write(to.join(path.file_name().unwrap()), text).unwrap();
    }
}

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

fn rules() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("rules")
        .display()
        .to_string()
}

/// The seeds with every `\n` made a lone `\r`: the same bytes but one, so
/// the same claims at the same offsets, lines and columns, and the same
/// findings. With `\r\n` the offsets move but nothing else does.
#[test]
fn the_seeds_read_the_same_with_any_line_end() {
    let dir = tempfile::tempdir().unwrap();
    for (name, end) in [("lf", "\n"), ("cr", "\r"), ("crlf", "\r\n")] {
        copy_with_line_ends(&seeds(), &dir.path().join(name), end);
    }
    let rules = rules();
    let of = |name: &str, args: &[&str]| {
        let mut all = vec![args[0], name, "--rules", &rules];
        all.extend(&args[1..]);
        run(dir.path(), &all)
    };
    for args in [
        &["extract", "--format", "csv"][..],
        &["check", "--format", "csv"],
    ] {
        let lf = of("lf", args);
        let cr = of("cr", args).replace("cr/", "lf/");
        assert_eq!(cr, lf, "{args:?}");
        // Offsets differ with CRLF: compare all but start and end.
        let without_offsets = |csv: &str| -> Vec<Vec<String>> {
            let mut reader = csv::Reader::from_reader(csv.as_bytes());
            let headers = reader.headers().unwrap().clone();
            reader
                .records()
                .map(|r| {
                    let r = r.unwrap();
                    headers
                        .iter()
                        .zip(r.iter())
                        .filter(|(h, _)| *h != "start" && *h != "end")
                        .map(|(_, v)| v.to_string())
                        .collect()
                })
                .collect()
        };
        let crlf = of("crlf", args).replace("crlf/", "lf/");
        assert_eq!(without_offsets(&crlf), without_offsets(&lf), "{args:?}");
        assert!(lf.lines().count() > 10, "{args:?}: {lf}");
    }
    // The terminal report too: the same lines, numbers and labels.
    let human = |name: &str| of(name, &["check"]).replace(&format!("{name}/"), "lf/");
    let lf = human("lf");
    assert_eq!(human("cr"), lf);
    assert_eq!(human("crlf"), lf);
}

/// A quote that tries every kind of markup: shown as text in the comment.
#[test]
fn the_markdown_report_shows_source_text_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let sources = dir.path().join("src");
    fs::create_dir(&sources).unwrap();
    fs::write(
        dir.path().join("quotes.toml"),
        "id = \"quotes\"\ntitle = \"Wording of a quoted statement\"\nkind = \"quote\"\nseverity = \"info\"\nsimilarity = 0.6\n[aliases]\n\"Ministry of Health\" = [\"Health Ministry\"]\n",
    )
    .unwrap();
    let hostile = "<img src=x onerror=alert(1)> <!-- </details> ``run`` [link](http://example.com) ![i](http://example.com/i.png) *bold* _it_ | @octocat #1";
    fs::write(
        sources.join("a<b>`x`.txt"),
        format!("According to the Ministry of Health, the clinics will “serve {hostile} villages across the eastern districts from March.”\n"),
    )
    .unwrap();
    fs::write(
        sources.join("b.txt"),
        "The Health Ministry said the clinics would “serve over forty villages across the eastern districts.”\n",
    )
    .unwrap();
    let md = run(
        dir.path(),
        &[
            "check",
            "src",
            "--rules",
            "quotes.toml",
            "--format",
            "markdown",
        ],
    );
    assert!(md.contains("&lt;img src=x onerror=alert(1)&gt;"), "{md}");
    assert!(md.contains("a&lt;b&gt;&#96;x&#96;.txt"), "{md}");
    for raw in [
        "<img", "<!--", "<b>", "``", "[link]", "](", "![", "*bold*", "_it_", "http://", "@octocat",
        " #1", " | @",
    ] {
        assert!(!md.contains(raw), "{raw:?} passed through:\n{md}");
    }
    // The report's own markup is all there is: one finding, one
    // <details>, and backticks only around the rule id in the table.
    assert_eq!(md.matches("<details>").count(), 1, "{md}");
    assert_eq!(md.matches("</details>").count(), 1, "{md}");
    assert_eq!(md.matches('`').count(), 2, "{md}");
    assert!(md.contains("| info | `quotes` |"), "{md}");
    // Each table row keeps its four cells.
    for row in md.lines().filter(|l| l.starts_with("| info")) {
        assert_eq!(row.matches('|').count(), 5, "{row}");
    }
}
