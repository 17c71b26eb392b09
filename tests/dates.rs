//! End-to-end tests of date reading: what a desk sees for weekday slips,
//! one-day disagreements, ambiguous numeric dates and datelines.

use std::fs;

use assert_cmd::Command;

fn crosscheck() -> Command {
    let mut cmd = Command::cargo_bin("crosscheck").unwrap();
    cmd.env_remove("NO_COLOR").env("COLUMNS", "100");
    cmd
}

const RULE: &str = r#"id = "opening-date"
title = "Date the embassy opened"
kind = "date"
severity = "error"
triggers = ['\bopened\b']
"#;

fn stdout(cmd: &mut Command, code: i32) -> String {
    let out = cmd.assert().code(code);
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

#[test]
fn a_weekday_that_does_not_fit_its_date_is_a_finding() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("a.txt"),
        "The treaty was signed on Thursday, July 4, 2025, in Moscow.\n",
    )
    .unwrap();
    let json = stdout(
        crosscheck()
            .args(["check", "--format", "json"])
            .arg(dir.path()),
        1,
    );
    assert!(json.contains("weekday-mismatch"), "{json}");
    assert!(json.contains("is a Friday, not a Thursday"), "{json}");

    fs::write(
        dir.path().join("a.txt"),
        "The treaty was signed on Friday, July 4, 2025, in Moscow.\n",
    )
    .unwrap();
    let json = stdout(
        crosscheck()
            .args(["check", "--format", "json"])
            .arg(dir.path()),
        0,
    );
    assert!(!json.contains("weekday-mismatch"), "{json}");
}

#[test]
fn dates_one_day_apart_name_the_likely_cause() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules");
    let sources = dir.path().join("sources");
    fs::create_dir_all(&rules).unwrap();
    fs::create_dir_all(&sources).unwrap();
    fs::write(rules.join("opening-date.toml"), RULE).unwrap();
    fs::write(
        sources.join("a.txt"),
        "The embassy opened on July 3, 2025.\n",
    )
    .unwrap();
    fs::write(
        sources.join("b.txt"),
        "The embassy opened on July 4, 2025.\n",
    )
    .unwrap();
    let mut cmd = crosscheck();
    cmd.args(["check", "--format", "json", "--rules"])
        .arg(&rules)
        .arg(&sources);
    let json = stdout(&mut cmd, 1);
    assert!(json.contains("one day apart"), "{json}");
    assert!(json.contains("time zone"), "{json}");

    // Dates further apart get no such hint.
    fs::write(
        sources.join("b.txt"),
        "The embassy opened on July 9, 2025.\n",
    )
    .unwrap();
    let mut cmd = crosscheck();
    cmd.args(["check", "--format", "json", "--rules"])
        .arg(&rules)
        .arg(&sources);
    let json = stdout(&mut cmd, 1);
    assert!(!json.contains("one day apart"), "{json}");
}

#[test]
fn an_ambiguous_numeric_date_says_so_and_follows_the_date_order() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    fs::write(&file, "The embassy opened on 3/7/2025.\n").unwrap();
    let jsonl = stdout(
        crosscheck()
            .args(["extract", "--format", "jsonl"])
            .arg(&file),
        0,
    );
    assert!(jsonl.contains(r#""resolved":"2025-03-07""#), "{jsonl}");
    assert!(jsonl.contains("ambiguous numeric date"), "{jsonl}");
    let jsonl = stdout(
        crosscheck()
            .args(["extract", "--format", "jsonl", "--date-order", "dmy"])
            .arg(&file),
        0,
    );
    assert!(jsonl.contains(r#""resolved":"2025-07-03""#), "{jsonl}");
}

#[test]
fn relative_dates_resolve_against_the_dateline() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    fs::write(
        &file,
        "KABUL, July 4, 2025 — Officials met on Thursday and will meet again next Tuesday.\n",
    )
    .unwrap();
    let jsonl = stdout(
        crosscheck()
            .args(["extract", "--format", "jsonl"])
            .arg(&file),
        0,
    );
    assert!(jsonl.contains(r#""resolved":"2025-07-03""#), "{jsonl}");
    assert!(jsonl.contains(r#""resolved":"2025-07-08""#), "{jsonl}");
    assert!(jsonl.contains("the dateline"), "{jsonl}");
}

/// The claims of `text` as `crosscheck extract --format jsonl` prints them,
/// read against a document date in 2025.
fn claims_of(text: &str) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    fs::write(&file, text).unwrap();
    let jsonl = stdout(
        crosscheck()
            .args([
                "extract",
                "--format",
                "jsonl",
                "--document-date",
                "a.txt=2025-07-04",
            ])
            .arg(&file),
        0,
    );
    jsonl.lines().map(str::to_string).collect()
}

fn claim<'a>(claims: &'a [String], text: &str) -> &'a str {
    let quoted = format!(r#""text":"{text}""#);
    claims
        .iter()
        .find(|c| c.contains(&quoted))
        .unwrap_or_else(|| panic!("no claim {text}: {claims:#?}"))
}

#[test]
fn a_year_before_ad_1_is_an_invalid_date_never_the_documents_year() {
    let claims = claims_of(
        "The senator of Velgrad was killed on March 15, 44 BC. The forum was built \
         in 3000 B.C.E. and rebuilt in 44 B.C. The games ran from March 3 to May 5, 44 BC.\n",
    );
    for (text, value) in [
        ("March 15, 44 BC", "BC0044-03-15"),
        ("3000 B.C.E.", "BC3000"),
        ("44 B.C.", "BC0044"),
        ("March 3 to May 5, 44 BC", "BC0044-03-03/BC0044-05-05"),
    ] {
        let c = claim(&claims, text);
        assert!(c.contains(&format!(r#""value":"{value}""#)), "{c}");
        assert!(c.contains(r#""resolved":null"#), "{c}");
        assert!(c.contains("is not a date crosscheck can check"), "{c}");
    }
    assert!(
        !claims.iter().any(|c| c.contains(r#""resolved":"2025"#)),
        "{claims:#?}"
    );

    // The desk sees it as an invalid date, as it sees February 30.
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("a.txt"),
        "The senator of Velgrad was killed on March 15, 44 BC.\n",
    )
    .unwrap();
    let json = stdout(
        crosscheck()
            .args(["check", "--format", "json"])
            .arg(dir.path()),
        0,
    );
    assert!(json.contains("invalid-date"), "{json}");
    assert!(json.contains("March 15, 44 BC is not a date"), "{json}");
}

#[test]
fn a_year_zero_or_after_9999_is_an_invalid_date_never_the_documents_year() {
    let claims = claims_of(
        "The vault was sealed on January 1, 0000. Its log says 1/1/0000, \
         0000-01-01 and March 0000. It opens again on 1 June 10000.\n",
    );
    for (text, value, why) in [
        ("January 1, 0000", "0000-01-01", "no year 0"),
        ("1/1/0000", "0000-01-01", "no year 0"),
        ("0000-01-01", "0000-01-01", "no year 0"),
        ("March 0000", "0000-03", "no year 0"),
        ("1 June 10000", "10000-06-01", "its calendar ends with 9999"),
    ] {
        let c = claim(&claims, text);
        assert!(c.contains(&format!(r#""value":"{value}""#)), "{c}");
        assert!(c.contains(r#""resolved":null"#), "{c}");
        assert!(c.contains("is not a date") && c.contains(why), "{c}");
    }
    assert!(
        !claims.iter().any(|c| c.contains(r#""resolved":"2025"#)),
        "{claims:#?}"
    );
}

#[test]
fn a_year_of_the_common_era_keeps_its_year_and_a_count_after_a_date_stays_a_count() {
    let claims = claims_of(
        "The harbour of Velgrad was buried on August 24, AD 79. It was rebuilt in 120 CE. \
         On May 5, 2500 people marched.\n",
    );
    let c = claim(&claims, "August 24, AD 79");
    assert!(c.contains(r#""resolved":"0079-08-24""#), "{c}");
    let c = claim(&claims, "120 CE");
    assert!(c.contains(r#""resolved":"0120""#), "{c}");
    let c = claim(&claims, "May 5");
    assert!(c.contains(r#""resolved":"2025-05-05""#), "{c}");
}

#[test]
fn a_lede_on_the_datelines_line_is_read_as_story_and_only_the_dateline_dates_the_document() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules");
    fs::create_dir_all(&rules).unwrap();
    fs::write(
        rules.join("fire-start.toml"),
        "id = \"fire-start\"\ntitle = \"Day the fire broke out\"\nkind = \"date\"\n\
         severity = \"error\"\ntriggers = ['\\bbroke out\\b']\n",
    )
    .unwrap();
    fs::write(
        rules.join("firefighters.toml"),
        "id = \"firefighters\"\ntitle = \"Firefighters sent\"\nkind = \"number\"\n\
         severity = \"error\"\ntriggers = ['\\bfirefighters\\b']\n",
    )
    .unwrap();
    let lede = "The fire broke out on Monday. About 400 firefighters fought it.";
    for dateline in [
        "VARNO, April 16, 2019 —",
        "VARNO, April 16, 2019 –",
        "VARNO, April 16, 2019 -",
        "VARNO, April 16, 2019 --",
        "VARNO, April 16, 2019 (Wirenet) —",
        "VARNO (Wirenet) -",
        "VARNO, April 16 (Wirenet) -",
        "Updated: April 17, 2019\nVARNO, April 16 (Wirenet) —",
    ] {
        let file = dir.path().join("a.txt");
        fs::write(&file, format!("{dateline} {lede}\n")).unwrap();
        let jsonl = stdout(
            crosscheck()
                .args(["extract", "--format", "jsonl", "--rules"])
                .arg(&rules)
                .arg(&file),
            0,
        );
        let claims: Vec<&str> = jsonl.lines().collect();
        let monday = claim_in(&claims, "Monday");
        assert!(
            monday.contains(r#""fact":"fire-start""#),
            "{dateline}: {monday}"
        );
        let count = claim_in(&claims, "About 400");
        assert!(
            count.contains(r#""fact":"firefighters""#),
            "{dateline}: {count}"
        );
        // The dateline's date dates the document and is no fact of the story.
        for c in claims.iter().filter(|c| c.contains(r#""text":"April 16"#)) {
            assert!(c.contains(r#""fact":null"#), "{dateline}: {c}");
        }
        if dateline.contains("2019") {
            assert!(
                monday.contains(r#""resolved":"2019-04-15""#),
                "{dateline}: {monday}"
            );
        }

        let out = crosscheck()
            .args(["extract", "--explain", "--rules"])
            .arg(&rules)
            .arg(&file)
            .output()
            .unwrap();
        let why = String::from_utf8(out.stderr).unwrap();
        assert!(
            why.contains("“Monday” date") && why.contains("-> fire-start"),
            "{why}"
        );
        assert!(why.contains("-> firefighters"), "{why}");
        for line in why.lines().filter(|l| l.contains("dateline")) {
            assert!(!line.contains("firefighters"), "{dateline}: {why}");
        }
    }
}

fn claim_in<'a>(claims: &[&'a str], text: &str) -> &'a str {
    let quoted = format!(r#""text":"{text}""#);
    claims
        .iter()
        .find(|c| c.contains(&quoted))
        .copied()
        .unwrap_or_else(|| panic!("no claim {text}: {claims:#?}"))
}

#[test]
fn the_before_a_decimal_is_a_figure_not_a_day() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("a.txt"),
        "The 2.6-km bridge fell. The 6.8 magnitude quake struck. The 3.5 million residents left.\n",
    )
    .unwrap();
    let out = stdout(
        crosscheck()
            .args(["extract", "--format", "jsonl"])
            .arg(dir.path()),
        0,
    );
    let claims: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let dates: Vec<&serde_json::Value> = claims.iter().filter(|c| c["kind"] == "date").collect();
    assert!(dates.is_empty(), "{dates:#?}");
    let numbers: Vec<(&str, &str)> = claims
        .iter()
        .filter(|c| c["kind"] == "number")
        .map(|c| (c["text"].as_str().unwrap(), c["value"].as_str().unwrap()))
        .collect();
    assert_eq!(
        numbers,
        [
            ("2.6-km", "2.6"),
            ("6.8", "6.8"),
            ("3.5 million", "3500000")
        ],
        "{out}"
    );
}

#[test]
fn a_death_believed_to_have_happened_on_a_weekday_is_the_last_one() {
    // 29 July 2004 is a Thursday: "Saturday" looks back to 24 July.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    fs::write(
        &file,
        "The climber is believed to have died Saturday on the north face of Mount Orrin.\n",
    )
    .unwrap();
    let out = stdout(
        crosscheck()
            .args(["extract", "--format", "jsonl", "--document-date"])
            .arg(format!("{}=2004-07-29", file.display()))
            .arg(&file),
        0,
    );
    let claim: serde_json::Value = out
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|c| c["text"] == "Saturday")
        .unwrap_or_else(|| panic!("no Saturday in {out}"));
    assert_eq!(claim["resolved"], "2004-07-24", "{out}");
}

#[test]
fn a_weekday_that_contradicts_its_own_date_still_reaches_the_fact() {
    // 15 April 2019 is a Monday: "Sunday, April 15, 2019" is true of
    // neither day, so it cannot agree with "Monday, April 15".
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules");
    let sources = dir.path().join("sources");
    fs::create_dir_all(&rules).unwrap();
    fs::create_dir_all(&sources).unwrap();
    fs::write(
        rules.join("fire-date.toml"),
        "id = \"fire-date\"\ntitle = \"Date the fire began\"\nkind = \"date\"\nseverity = \"error\"\ntriggers = ['\\bfire began\\b']\n",
    )
    .unwrap();
    fs::write(
        sources.join("a.txt"),
        "The fire began on Sunday, April 15, 2019, in the old mill at Varrow.\n",
    )
    .unwrap();
    fs::write(
        sources.join("b.txt"),
        "The fire began on Monday, April 15, in the old mill at Varrow.\n",
    )
    .unwrap();
    let mut cmd = crosscheck();
    cmd.args(["check", "--format", "json", "--rules"])
        .arg(&rules)
        .arg(&sources);
    let json: serde_json::Value = serde_json::from_str(&stdout(&mut cmd, 1)).unwrap();
    let findings = json["findings"].as_array().unwrap();
    let fact = findings
        .iter()
        .find(|f| f["fact"] == "fire-date")
        .unwrap_or_else(|| panic!("no finding for the fact: {json:#}"));
    let texts: Vec<&str> = fact["sides"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["claims"].as_array().unwrap())
        .map(|c| c["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        texts,
        ["Sunday, April 15, 2019", "Monday, April 15"],
        "{fact:#}"
    );
    assert!(
        fact["message"].as_str().unwrap().contains("Sunday"),
        "{fact:#}"
    );
    assert!(
        findings.iter().any(|f| f["kind"] == "weekday-mismatch"),
        "{json:#}"
    );
}
