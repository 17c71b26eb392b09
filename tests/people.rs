//! End-to-end tests of people, titles, quotations and states: each case
//! is a folder under `tests/fixtures/<case>/` with short fictional
//! reports (`sources/`) and the rules to check them with (`rules/`).

use assert_cmd::Command;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Row {
    finding: String,
    fact: String,
    subject: String,
    severity: String,
    side: String,
    source: String,
    text: String,
    value: String,
}

#[derive(Debug, Deserialize)]
struct ClaimOut {
    kind: String,
    text: String,
    value: String,
    fact: Option<String>,
    subject: Option<String>,
}

fn fixture(case: &str) -> (String, String) {
    (
        format!("tests/fixtures/{case}/sources"),
        format!("tests/fixtures/{case}/rules"),
    )
}

fn check(case: &str) -> Vec<Row> {
    let (sources, rules) = fixture(case);
    let out = Command::cargo_bin("crosscheck")
        .unwrap()
        .args(["check", &sources, "--rules", &rules, "--format", "csv"])
        .args(["--fail-on", "never"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    csv::Reader::from_reader(out.stdout.as_slice())
        .deserialize()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn extract(case: &str) -> Vec<ClaimOut> {
    let (sources, rules) = fixture(case);
    let out = Command::cargo_bin("crosscheck")
        .unwrap()
        .args(["extract", &sources, "--rules", &rules])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// (side, file name, text) of every row, sorted.
fn sides(rows: &[&Row]) -> Vec<(String, String, String)> {
    let mut out: Vec<_> = rows
        .iter()
        .map(|r| {
            let file = r.source.rsplit('/').next().unwrap_or("").to_string();
            (r.side.clone(), file, r.text.clone())
        })
        .collect();
    out.sort();
    out
}

#[test]
fn a_qualifier_makes_a_title_disagreement_and_wordings_of_one_post_do_not() {
    let rows = check("title-qualifier");
    assert!(rows.iter().all(|r| r.fact == "person-title"), "{rows:?}");
    assert!(
        rows.iter().all(|r| r.subject == "Maria Ellison"),
        "Tom Reyes agrees: {rows:?}"
    );
    assert!(rows.iter().all(|r| r.severity == "warning"));
    let all: Vec<&Row> = rows.iter().collect();
    assert_eq!(
        sides(&all),
        vec![
            (
                "1".into(),
                "a.txt".into(),
                "Lieutenant Governor Maria Ellison".into()
            ),
            ("2".into(), "b.txt".into(), "Gov. Ellison".into()),
            ("2".into(), "b.txt".into(), "Governor Maria Ellison".into()),
            (
                "2".into(),
                "c.txt".into(),
                "Maria Ellison, the state’s governor".into()
            ),
        ]
    );
    let lieutenant = rows.iter().find(|r| r.side == "1").unwrap();
    assert_eq!(lieutenant.value, "lieutenant governor");
}

#[test]
fn two_people_with_one_family_name_stay_apart() {
    let rows = check("same-family-name");
    let findings: std::collections::BTreeSet<&str> =
        rows.iter().map(|r| r.finding.as_str()).collect();
    assert_eq!(findings.len(), 1, "{rows:?}");
    // The minister's two spellings are one person; the economist is not him.
    let subject = rows[0].subject.as_str();
    assert!(matches!(subject, "Omar Haddad" | "Omar Hadad"), "{rows:?}");
    assert!(rows.iter().all(|r| r.subject == subject), "{rows:?}");
    assert!(rows.iter().all(|r| !r.text.contains("Leila")), "{rows:?}");
    let all: Vec<&Row> = rows.iter().collect();
    assert_eq!(
        sides(&all),
        vec![
            (
                "1".into(),
                "b.txt".into(),
                "Acting Finance Minister Omar Hadad".into()
            ),
            (
                "2".into(),
                "a.txt".into(),
                "Finance Minister Omar Haddad".into()
            ),
        ]
    );
    // Every title claim names its own person.
    let claims = extract("same-family-name");
    for c in claims.iter().filter(|c| c.kind == "title") {
        let subject = c.subject.as_deref().unwrap_or("");
        assert_eq!(c.text.contains("Leila"), subject == "Leila Haddad", "{c:?}");
        assert_eq!(c.fact.as_deref(), Some("person-title"));
        if subject == "Leila Haddad" {
            assert_eq!(c.value, "economist");
        }
    }
}

#[test]
fn person_mentions_are_listed_with_one_name_per_person_across_sources() {
    let claims = extract("same-family-name");
    let people: Vec<(&str, &str)> = claims
        .iter()
        .filter(|c| c.kind == "person")
        .map(|c| (c.text.as_str(), c.subject.as_deref().unwrap_or("")))
        .collect();
    let minister: Vec<&str> = people
        .iter()
        .filter(|(text, _)| text.starts_with("Omar"))
        .map(|(_, s)| *s)
        .collect();
    assert_eq!(minister.len(), 2, "{people:?}");
    assert_eq!(
        minister[0], minister[1],
        "two spellings, one person: {people:?}"
    );
    // "Haddad has advised three governments" (c.txt) follows the economist.
    let economist: Vec<&str> = people
        .iter()
        .filter(|(_, s)| *s == "Leila Haddad")
        .map(|(t, _)| *t)
        .collect();
    assert_eq!(
        economist,
        vec!["Leila Haddad", "Leila Haddad", "Leila Haddad", "Haddad"],
        "{people:?}"
    );
}

#[test]
fn one_wording_given_to_two_speakers_is_a_warning() {
    let rows = check("quote-speaker");
    assert!(!rows.is_empty());
    assert!(
        rows.iter()
            .all(|r| r.fact == "quote-speaker" && r.severity == "warning"),
        "{rows:?}"
    );
    let all: Vec<&Row> = rows.iter().collect();
    let s = sides(&all);
    assert_eq!(
        s.len(),
        2,
        "the quote with no speaker is not a side, and a short wording (“a historic day for us”) can be both speakers' own: {s:?}"
    );
    assert_eq!((s[0].0.as_str(), s[0].1.as_str()), ("1", "a.txt"));
    assert_eq!((s[1].0.as_str(), s[1].1.as_str()), ("2", "b.txt"));
    let claims = extract("quote-speaker");
    let speakers: Vec<Option<&str>> = claims
        .iter()
        .filter(|c| c.kind == "quote")
        .map(|c| c.subject.as_deref())
        .collect();
    assert_eq!(
        speakers,
        vec![
            Some("Ana Ruiz"),
            Some("Ana Ruiz"),
            Some("Paul Okoro"),
            Some("Paul Okoro"),
            None
        ]
    );
    let (sources, rules) = fixture("quote-speaker");
    let out = Command::cargo_bin("crosscheck")
        .unwrap()
        .args(["check", &sources, "--rules", &rules, "--color", "never"])
        .assert()
        .code(0);
    let human = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(human.contains("side 1: said by Ana Ruiz"), "{human}");
    assert!(human.contains("side 2: said by Paul Okoro"), "{human}");
}

#[test]
fn one_statement_in_two_wordings_is_an_info_about_its_speaker() {
    let rows = check("quote-wording");
    assert_eq!(
        rows.len(),
        2,
        "the opposition's quote is another statement: {rows:?}"
    );
    assert!(rows
        .iter()
        .all(|r| r.fact == "quotes" && r.severity == "info"));
    // "Health Ministry" is an alias the rule file declares.
    assert!(
        rows.iter().all(|r| r.subject == "Ministry of Health"),
        "{rows:?}"
    );
    let all: Vec<&Row> = rows.iter().collect();
    let s = sides(&all);
    assert_eq!(s[0].1, "a.txt");
    assert!(
        s[1].2.ends_with("districts’’"),
        "a closing ’’ ends a quote: {s:?}"
    );
    assert_eq!(
        rows.iter()
            .find(|r| r.side == "2")
            .map(|r| r.value.as_str()),
        Some("serve over forty villages across the eastern districts")
    );
}

#[test]
fn the_states_of_a_yes_no_fact_know_negation_and_hedges() {
    let rows = check("state-hedge");
    let all: Vec<&Row> = rows.iter().collect();
    assert_eq!(
        sides(&all),
        vec![
            ("1".into(), "a.txt".into(), "bridge opened".into()),
            (
                "2".into(),
                "b.txt".into(),
                "bridge is not expected to open".into()
            ),
            ("2".into(), "c.txt".into(), "bridge has yet to open".into()),
        ]
    );
    assert!(rows
        .iter()
        .all(|r| r.fact == "bridge-opening" && r.severity == "warning"));
    let values: Vec<&str> = rows.iter().map(|r| r.value.as_str()).collect();
    assert_eq!(values.iter().filter(|v| **v == "pending").count(), 2);
}

#[test]
fn the_fixtures_rule_examples_pass() {
    for case in ["title-qualifier", "state-hedge", "quote-wording"] {
        let (_, rules) = fixture(case);
        Command::cargo_bin("crosscheck")
            .unwrap()
            .args(["rules", "test", &rules])
            .assert()
            .code(0);
    }
}

#[test]
fn a_state_rule_without_states_is_a_diagnostic() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("r.toml"),
        "id = \"x\"\ntitle = \"X\"\nkind = \"state\"\nseverity = \"warning\"\ntriggers = ['x']\n",
    )
    .unwrap();
    let out = Command::cargo_bin("crosscheck")
        .unwrap()
        .env("NO_COLOR", "1")
        .args(["check", "tests/fixtures/state-hedge/sources", "--rules"])
        .arg(dir.path())
        .assert()
        .code(2);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("needs a [states] table"), "{stderr}");
}

#[test]
fn the_seeds_show_the_four_findings_with_a_label_in_every_source() {
    let out = Command::cargo_bin("crosscheck")
        .unwrap()
        .env("NO_COLOR", "1")
        .args(["check", "seeds/", "--color", "never"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("4 findings in 5 sources: 1 error, 2 warnings, 1 info"),
        "{text}"
    );
    // Each finding's block names every source it involves, with labels.
    let block = |fact: &str| -> &str {
        let start = text.find(&format!("{fact}[")).unwrap_or(0);
        let rest = &text[start + 1..];
        let end = [
            "recognition-date[",
            "ambassador-exchange[",
            "person-title[",
            "quote-wording[",
        ]
        .iter()
        .filter_map(|f| rest.find(f))
        .min()
        .unwrap_or(rest.len());
        &text[start..start + 1 + end]
    };
    for (fact, files, labels) in [
        (
            "ambassador-exchange",
            &["000_", "003_", "004_"][..],
            &["side 1: pending", "side 2: done"][..],
        ),
        (
            "person-title",
            &["000_", "002_", "003_", "004_"][..],
            &["acting foreign minister", "side 2: foreign minister"][..],
        ),
        (
            "quote-wording",
            &["003_", "004_"][..],
            &["side 1: give impetus", "side 2: give an impetus"][..],
        ),
    ] {
        let b = block(fact);
        for f in files {
            assert!(b.contains(f), "{fact}: no label in {f}:\n{b}");
        }
        for l in labels {
            assert!(b.contains(l), "{fact}: no label {l:?}:\n{b}");
        }
        assert!(
            !b.contains("001_"),
            "{fact}: Farid Muttaqi's article is not involved:\n{b}"
        );
    }
    assert!(!text.contains("Dmitry Zhirnov:"), "Zhirnov's titles agree");
}

#[test]
fn a_bodys_name_before_an_office_is_the_offices_body_not_its_words() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules");
    let sources = dir.path().join("sources");
    std::fs::create_dir_all(&rules).unwrap();
    std::fs::create_dir_all(&sources).unwrap();
    std::fs::write(
        rules.join("person-title.toml"),
        "id = \"person-title\"\ntitle = \"Title of a person\"\nkind = \"title\"\nseverity = \"warning\"\n",
    )
    .unwrap();
    std::fs::write(
        sources.join("a.txt"),
        "National Water Agency director Jana Holm said the dam held. \
         State Security Service deputy chief Piet Varga agreed.\n",
    )
    .unwrap();
    std::fs::write(
        sources.join("b.txt"),
        "Jana Holm, director of the National Water Agency, said the dam held. \
         The foreign ministry spokesman Ilse Moor disagreed.\n",
    )
    .unwrap();
    let out = Command::cargo_bin("crosscheck")
        .unwrap()
        .arg("extract")
        .arg(&sources)
        .arg("--rules")
        .arg(&rules)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let claims: Vec<ClaimOut> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let mut titles: Vec<(String, String)> = claims
        .iter()
        .filter(|c| c.kind == "title")
        .map(|c| (c.subject.clone().unwrap_or_default(), c.value.clone()))
        .collect();
    titles.sort();
    assert_eq!(
        titles,
        [
            (
                "Ilse Moor".to_string(),
                "foreign ministry spokesman".to_string()
            ),
            ("Jana Holm".to_string(), "director".to_string()),
            ("Jana Holm".to_string(), "director".to_string()),
            ("Piet Varga".to_string(), "deputy chief".to_string()),
        ]
    );
}
