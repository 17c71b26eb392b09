//! End-to-end tests of number claims over the fictional clusters in
//! `tests/fixtures/`: each folder holds three short reports of one invented
//! event, a `sources.toml` with their publication dates, and the rules for
//! that story.

use assert_cmd::Command;
use serde_json::Value;

fn crosscheck() -> Command {
    let mut cmd = Command::cargo_bin("crosscheck").unwrap();
    cmd.env("NO_COLOR", "1").env("COLUMNS", "200");
    cmd
}

/// Checks a fixture with its own rules; returns (exit code, stdout).
fn check(case: &str, extra: &[&str]) -> (i32, String) {
    let folder = format!("tests/fixtures/{case}");
    let rules = format!("{folder}/rules");
    let out = crosscheck()
        .args(["check", &folder, "--rules", &rules, "--color", "never"])
        .args(extra)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
    )
}

/// The number claims `extract` prints for a fixture, as JSON objects.
fn number_claims(case: &str) -> Vec<Value> {
    let folder = format!("tests/fixtures/{case}");
    let rules = format!("{folder}/rules");
    let out = crosscheck()
        .args(["extract", &folder, "--rules", &rules])
        .assert()
        .code(0);
    String::from_utf8(out.get_output().stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|c| c["kind"] == "number")
        .collect()
}

fn claim<'a>(claims: &'a [Value], file: &str, text: &str) -> &'a Value {
    claims
        .iter()
        .find(|c| c["source"].as_str().unwrap().ends_with(file) && c["text"] == text)
        .unwrap_or_else(|| panic!("no claim {text:?} in {file}: {claims:#?}"))
}

#[test]
fn a_conflicting_toll_is_flagged_with_a_label_in_both_sources() {
    let (code, stdout) = check("conflicting-toll", &[]);
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("death-toll"), "{stdout}");
    assert!(
        stdout.contains("42 (Coastline Daily, Orvan Wire) vs 58 (Dessa Herald)"),
        "{stdout}"
    );
    for (file, snippet, label) in [
        (
            "coastline.txt",
            "Officials said 42 people were killed",
            "side 1: 42",
        ),
        ("wire.txt", "The death toll stands at 42", "side 1: 42"),
        ("herald.txt", "killed 58 passengers", "side 2: 58"),
    ] {
        assert!(stdout.contains(file), "no snippet of {file}:\n{stdout}");
        assert!(stdout.contains(snippet), "no {snippet:?}:\n{stdout}");
        assert!(stdout.contains(label), "no label {label:?}:\n{stdout}");
    }
    assert!(
        stdout.contains(">=40: fits more than one side"),
        "\"at least 40\" agrees with both tolls:\n{stdout}"
    );
    assert!(
        !stdout.contains("no document date"),
        "numbers need no document date to compare:\n{stdout}"
    );
}

#[test]
fn a_lower_toll_published_after_a_higher_one_is_a_disagreement() {
    let (_, stdout) = check("conflicting-toll", &["--format", "csv"]);
    let rows: Vec<&str> = stdout.lines().skip(1).collect();
    // 42 twice against 58; "At least 40" fits both sides and is no row.
    assert_eq!(rows.len(), 3, "{stdout}");
    assert!(rows.iter().all(|r| r.contains(",error,")), "{stdout}");
    assert!(!stdout.contains("At least 40"), "{stdout}");
    let passengers = claim(&number_claims("conflicting-toll"), "wire.txt", "60").clone();
    assert!(
        passengers["fact"].is_null(),
        "a ferry's capacity is not a toll: {passengers}"
    );
}

#[test]
fn a_same_day_difference_with_no_times_may_be_successive_updates() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = std::path::Path::new("tests/fixtures/conflicting-toll");
    for file in ["coastline.txt", "herald.txt", "wire.txt"] {
        std::fs::copy(fixture.join(file), dir.path().join(file)).unwrap();
    }
    let manifest = std::fs::read_to_string(fixture.join("sources.toml")).unwrap();
    let days_only = regex::Regex::new(r#"published = "(\d{4}-\d{2}-\d{2})[^"]*""#)
        .unwrap()
        .replace_all(&manifest, r#"published = "$1""#);
    std::fs::write(dir.path().join("sources.toml"), days_only.as_ref()).unwrap();
    let out = crosscheck()
        .arg("check")
        .arg(dir.path())
        .arg("--rules")
        .arg(fixture.join("rules"))
        .args(["--format", "csv"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<&str> = stdout.lines().skip(1).collect();
    assert_eq!(rows.len(), 3, "{stdout}");
    assert!(rows.iter().all(|r| r.contains(",warning,")), "{stdout}");
    let human = crosscheck()
        .arg("check")
        .arg(dir.path())
        .arg("--rules")
        .arg(fixture.join("rules"))
        .output()
        .unwrap();
    let human = String::from_utf8(human.stdout).unwrap();
    assert!(human.contains("they may be successive updates"), "{human}");
}

#[test]
fn updates_on_one_day_are_ordered_by_their_times() {
    let dir = tempfile::tempdir().unwrap();
    for (file, toll, published) in [
        ("a.txt", 93, "2024-03-23T09:40:00+03:00"),
        ("b.txt", 115, "2024-03-23T18:10:00+03:00"),
    ] {
        std::fs::write(
            dir.path().join(file),
            format!("The attack on the hall killed {toll} people, officials said.\n"),
        )
        .unwrap();
        let entry = format!("[[source]]\nfile = \"{file}\"\npublished = \"{published}\"\n");
        let manifest = dir.path().join("sources.toml");
        let before = std::fs::read_to_string(&manifest).unwrap_or_default();
        std::fs::write(manifest, before + &entry).unwrap();
    }
    let out = crosscheck().arg("check").arg(dir.path()).output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains(
            "93 at 09:40 UTC+03 on 23 March was updated to 115 at 18:10 UTC+03 on 23 March"
        ),
        "{stdout}"
    );
}

#[test]
fn a_rising_toll_is_reported_as_superseded_not_as_a_disagreement() {
    let (code, stdout) = check("rising-toll", &[]);
    assert_eq!(code, 0, "an info finding does not fail the run:\n{stdout}");
    assert!(
        stdout.contains("137 on 24 March was updated to 143 on 27 March"),
        "{stdout}"
    );
    assert!(stdout.contains("0 errors, 0 warnings, 1 info"), "{stdout}");
    assert!(!stdout.contains("sources disagree"), "{stdout}");
    let (code, _) = check("rising-toll", &["--fail-on", "info"]);
    assert_eq!(code, 1);

    let (_, json) = check("rising-toll", &["--format", "json"]);
    let report: Value = serde_json::from_str(&json).unwrap();
    let finding = &report["findings"][0];
    assert_eq!(finding["kind"], "superseded", "{json}");
    assert_eq!(finding["severity"], "info", "{json}");
}

#[test]
fn a_toll_that_falls_in_a_later_report_is_still_a_disagreement() {
    let (code, stdout) = check("falling-toll", &[]);
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("sources disagree: 137"), "{stdout}");
    assert!(!stdout.contains("updated to"), "{stdout}");
}

#[test]
fn a_count_of_workers_is_never_compared_with_a_count_of_injured() {
    let (code, stdout) = check("workers-and-injured", &[]);
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.starts_with("0 findings"), "{stdout}");

    let claims = number_claims("workers-and-injured");
    let working = claim(&claims, "brandt-news.txt", "About 100");
    assert_eq!(working["value"], "~100");
    assert_eq!(working["counted"], "people");
    assert!(working["fact"].is_null(), "{working}");
    let injured = claim(&claims, "brandt-news.txt", "80");
    assert_eq!(injured["counted"], "people injured");
    assert_eq!(injured["fact"], "injured-count");
    let eighty = claim(&claims, "radio.txt", "Eighty");
    assert_eq!(eighty["value"], "80");
    assert_eq!(eighty["counted"], "workers injured");
    assert_eq!(eighty["fact"], "injured-count");
    assert!(claim(&claims, "gazette.txt", "100")["fact"].is_null());
}

#[test]
fn one_length_in_two_units_agrees() {
    let (code, stdout) = check("length-in-two-units", &[]);
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.starts_with("0 findings"), "{stdout}");

    let claims = number_claims("length-in-two-units");
    for (file, text, value, unit) in [
        ("gazette.txt", "1.6 miles", "1.6", "mi"),
        ("courier.txt", "2.6 km", "2.6", "km"),
        ("wire.txt", "about 2,600 metres", "~2600", "m"),
    ] {
        let c = claim(&claims, file, text);
        assert_eq!(c["value"], value, "{c}");
        assert_eq!(c["unit"], unit, "{c}");
        assert_eq!(c["fact"], "bridge-length", "{c}");
    }
}

#[test]
fn the_fixture_rules_pass_their_own_examples() {
    for case in [
        "conflicting-toll",
        "rising-toll",
        "workers-and-injured",
        "length-in-two-units",
    ] {
        crosscheck()
            .args(["rules", "test", &format!("tests/fixtures/{case}/rules")])
            .assert()
            .code(0);
    }
}

#[test]
fn a_bad_number_key_points_into_the_rule_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("toll.toml"),
        "id = \"toll\"\ntitle = \"Toll\"\nkind = \"number\"\nseverity = \"error\"\ntriggers = ['killed']\nevent = \"exploded\"\n",
    )
    .unwrap();
    let out = crosscheck()
        .args(["rules", "list"])
        .arg(dir.path())
        .assert()
        .code(2);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("unknown event \"exploded\""), "{stderr}");
    assert!(stderr.contains("toll.toml:6"), "{stderr}");
}

#[test]
fn huge_and_odd_figures_do_not_break_extraction() {
    let mut cmd = crosscheck();
    let text = format!(
        "10^400 people, 1e999999 km, {} dollars, 9.9e307 x 10^10, ½ of -0 and $-",
        "9".repeat(5000)
    );
    cmd.args(["extract", "-"])
        .write_stdin(text)
        .assert()
        .code(0);
}

#[test]
fn human_report_of_a_conflicting_toll() {
    let (_, stdout) = check("conflicting-toll", &[]);
    insta::assert_snapshot!(stdout);
}

#[test]
fn human_report_of_a_rising_toll() {
    let (_, stdout) = check("rising-toll", &[]);
    insta::assert_snapshot!(stdout);
}

/// Writes a story folder: `rules/toll.toml` counting the people a flood
/// killed, and one file per (name, outlet, text); returns the folder.
fn flood_story(files: &[(&str, &str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("rules")).unwrap();
    std::fs::write(
        dir.path().join("rules/toll.toml"),
        "id = \"toll\"\ntitle = \"Death toll of the flood\"\nkind = \"number\"\nseverity = \"error\"\ntriggers = ['\\bkilled\\b', '\\bdied\\b']\ncounted = [\"people\"]\nevent = \"killed\"\n",
    )
    .unwrap();
    let mut sources = String::new();
    for (file, outlet, text) in files {
        std::fs::write(dir.path().join(file), text).unwrap();
        sources.push_str(&format!(
            "[[source]]\nfile = \"{file}\"\noutlet = \"{outlet}\"\npublished = \"2033-03-04\"\n\n"
        ));
    }
    std::fs::write(dir.path().join("sources.toml"), sources).unwrap();
    dir
}

#[test]
fn thousands_set_apart_by_a_comma_and_a_space_are_one_figure() {
    // Copy rebuilt from tokens writes "31, 000" for "31,000".
    let dir = flood_story(&[
        (
            "ledger.txt",
            "Velm Ledger",
            "The flood in Carrow killed 31, 000 people, officials said.\n",
        ),
        (
            "post.txt",
            "Oster Post",
            "Officials said 31,000 people were killed when the Carrow dam broke.\n",
        ),
    ]);
    let rules = dir.path().join("rules");
    let out = crosscheck()
        .args(["check", "--color", "never", "--rules"])
        .arg(&rules)
        .arg(dir.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.starts_with("0 findings"), "{stdout}");

    let text = "In 2031, 2, 500, 000 people lived in the valley. About 1, 400 were \
                hurt and $1, 199 and $1, 499 were paid. Rooms 12, 104 and 220 flooded, \
                as did wards 3, 115, 27. On May 12, 104 people fled. He is 5-foot-8, \
                135 pounds.\n";
    let out = crosscheck()
        .args(["extract", "-"])
        .write_stdin(text)
        .assert()
        .code(0);
    let claims: Vec<(String, String)> = String::from_utf8(out.get_output().stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|c| c["kind"] == "number")
        .map(|c| {
            (
                c["text"].as_str().unwrap().to_string(),
                c["value"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let has = |text: &str, value: &str| {
        claims
            .iter()
            .any(|(t, v)| t.starts_with(text) && v == value)
    };
    for (text, value) in [
        ("2, 500, 000", "2500000"),
        ("About 1, 400", "~1400"),
        ("$1, 199", "1199"),
        ("$1, 499", "1499"),
    ] {
        assert!(has(text, value), "no {text:?} = {value}: {claims:?}");
    }
    // Lists, a day of a month and a height are not grouped figures.
    for (text, value) in [
        ("12", "12"),
        ("104", "104"),
        ("220", "220"),
        ("3", "3"),
        ("115", "115"),
        ("135 pounds", "135"),
    ] {
        assert!(has(text, value), "no {text:?} = {value}: {claims:?}");
    }
    for invented in ["12104", "3115", "8135", "115027"] {
        assert!(
            claims.iter().all(|(_, v)| !v.ends_with(invented)),
            "{invented} is no figure of the text: {claims:?}"
        );
    }
}

#[test]
fn a_side_names_each_source_beside_its_own_figure() {
    // "at least 200" agrees with 224 and not with 150: one side holds an
    // exact and a hedged figure, and the hedged source never said 224.
    let dir = flood_story(&[
        (
            "ledger.txt",
            "Velm Ledger",
            "The flood in Carrow killed 224 people, officials said.\n",
        ),
        (
            "post.txt",
            "Oster Post",
            "At least 200 people were killed in the Carrow flood.\n",
        ),
        (
            "times.txt",
            "Ambry Times",
            "Officials said 150 people were killed in the Carrow flood.\n",
        ),
    ]);
    let rules = dir.path().join("rules");
    let run = |format: &str| {
        let out = crosscheck()
            .args(["check", "--color", "never", "--format", format, "--rules"])
            .arg(&rules)
            .arg(dir.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{format}");
        String::from_utf8(out.stdout).unwrap()
    };
    let summary = "224 (Velm Ledger), >=200 (Oster Post) vs 150 (Ambry Times)";
    for format in ["human", "markdown", "github", "sarif"] {
        let out = run(format);
        // Markdown shows source text through character references.
        let summary = match format {
            "markdown" => summary.replace('>', "&gt;"),
            _ => summary.to_string(),
        };
        assert!(out.contains(&summary), "{format}:\n{out}");
        assert!(!out.contains("Velm Ledger, Oster Post"), "{format}:\n{out}");
    }
    let report: Value = serde_json::from_str(&run("json")).unwrap();
    let finding = &report["findings"][0];
    assert!(
        finding["message"].as_str().unwrap().ends_with(summary),
        "{finding}"
    );
    let side = &finding["sides"][0];
    assert_eq!(side["value"], "224", "{side}");
    let own: Vec<&str> = side["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["value"].as_str().unwrap())
        .collect();
    assert_eq!(own, ["224", ">=200"], "{side}");

    // The HTML table gives each figure its own row and holders.
    let html = run("html");
    assert!(
        html.contains(summary.replace(">", "&gt;").as_str()),
        "{html}"
    );
    let row_of = |value: &str| {
        let at = html
            .find(&format!("<td><span class=\"value\">{value}</span></td>"))
            .unwrap_or_else(|| panic!("no row for {value}:\n{html}"));
        html[at..].split("</tr>").next().unwrap().to_string()
    };
    let exact = row_of("224");
    assert!(
        exact.contains("Velm Ledger") && !exact.contains("Oster Post"),
        "{exact}"
    );
    let hedged = row_of("&gt;=200");
    assert!(
        hedged.contains("Oster Post") && !hedged.contains("Velm Ledger"),
        "{hedged}"
    );
}
