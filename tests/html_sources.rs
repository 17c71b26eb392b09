//! Saved web pages as sources: a page wrapping a seed article in site
//! furniture (navigation, scripts, styles, an aside, a footer) and
//! character references yields the claims of the plain text, at byte spans
//! of the HTML file.

use assert_cmd::Command;
use serde_json::Value;

const PLAIN: &str = "seeds/002_776e0ac02e7e275e.txt";
const PAGE: &str = "tests/fixtures/html/dawar-times-recognition.html";

fn claims(path: &str) -> Vec<Value> {
    let out = Command::cargo_bin("crosscheck")
        .unwrap()
        .args(["extract", path])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Decodes the character references the fixture uses.
fn decode(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let Some(end) = rest.find(';') else { break };
        let name = &rest[1..end];
        let c = match name {
            "rsquo" => '’',
            "lsquo" => '‘',
            "ldquo" => '“',
            "rdquo" => '”',
            "mdash" => '—',
            "ndash" => '–',
            "amp" => '&',
            "nbsp" => '\u{a0}',
            "lt" => '<',
            "gt" => '>',
            n if n.starts_with('#') => n[1..].parse::<u32>().ok().and_then(char::from_u32).unwrap(),
            other => panic!("unexpected reference &{other};"),
        };
        out.push(c);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

fn key(c: &Value) -> (Value, Value, Value, Value, Value) {
    (
        c["kind"].clone(),
        c["value"].clone(),
        c["resolved"].clone(),
        c["fact"].clone(),
        c["resolution"].clone(),
    )
}

#[test]
fn a_saved_page_yields_the_plain_texts_claims_at_spans_of_the_html_file() {
    let plain = claims(PLAIN);
    let page = claims(PAGE);
    let markup = std::fs::read_to_string(PAGE).unwrap();
    assert!(plain.len() >= 10, "the seed has claims: {plain:?}");
    assert_eq!(
        plain.iter().map(key).collect::<Vec<_>>(),
        page.iter().map(key).collect::<Vec<_>>()
    );
    assert!(
        page.iter().any(|c| c["fact"] == "recognition-date"),
        "rules still take the page's claims"
    );
    for (p, h) in plain.iter().zip(&page) {
        let (start, end) = (
            h["start"].as_u64().unwrap() as usize,
            h["end"].as_u64().unwrap() as usize,
        );
        let raw = &markup[start..end];
        assert_eq!(
            raw,
            h["text"].as_str().unwrap(),
            "the span is the file's bytes"
        );
        assert_eq!(decode(raw), p["text"].as_str().unwrap());
        let before = &markup[..start];
        let line = before.matches('\n').count() + 1;
        let column = before[before.rfind('\n').map_or(0, |i| i + 1)..]
            .chars()
            .count()
            + 1;
        assert_eq!(
            (h["line"].as_u64(), h["column"].as_u64()),
            (Some(line as u64), Some(column as u64))
        );
    }
}

#[test]
fn page_furniture_holds_no_claims() {
    let page = claims(PAGE);
    for dropped in [
        "2024",
        "June 12",
        "15000",
        "212",
        "January 1, 2019",
        "July 9",
    ] {
        assert!(
            !page
                .iter()
                .any(|c| c["text"].as_str().unwrap().contains(dropped)),
            "{dropped} is in navigation, a script, an aside or the footer: {page:?}"
        );
    }
}

#[test]
fn a_page_is_a_source_of_the_check_with_spans_in_the_file() {
    let out = Command::cargo_bin("crosscheck")
        .unwrap()
        .args([
            "check",
            "seeds/000_dd3aa4609456e2da.txt",
            PAGE,
            "--format",
            "csv",
        ])
        .output()
        .unwrap();
    let csv = String::from_utf8(out.stdout).unwrap();
    let markup = std::fs::read_to_string(PAGE).unwrap();
    let row = csv
        .lines()
        .find(|l| l.contains("recognition-date") && l.contains(".html"))
        .unwrap_or_else(|| panic!("the page takes part in the finding:\n{csv}"));
    let cells: Vec<&str> = row.split(',').collect();
    let (start, end): (usize, usize) = (cells[8].parse().unwrap(), cells[9].parse().unwrap());
    assert_eq!(&markup[start..end], cells[10]);
}

#[test]
fn a_page_without_a_manifest_is_labelled_by_its_site_name_and_title() {
    let out = Command::cargo_bin("crosscheck")
        .unwrap()
        .args(["check", PAGE, "--format", "json", "--fail-on", "never"])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let source = &report["sources"][0];
    assert_eq!(source["outlet"], "Dawar Times");
    assert_eq!(
        source["title"],
        "Russia Becomes First Country to Recognize Taliban Government – Dawar Times"
    );
    // The page's dateline, not its later stamp, is the document date.
    assert_eq!(source["document_date"]["date"], "2025-07-04");
    assert_eq!(source["document_date"]["basis"], "dateline");
    let markup = std::fs::read_to_string(PAGE).unwrap();
    let span = &source["document_date"]["span"];
    let (start, end) = (
        span["start"].as_u64().unwrap() as usize,
        span["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(
        &markup[start..end],
        "July 4, 2025",
        "the span is in the file"
    );
}
