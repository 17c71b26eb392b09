//! The HTML report as a browser shows it: the seeds' report and every
//! fixture's are opened in headless Chromium, and the rendered page must
//! open with the findings, show every one of them with every claim
//! highlighted at its place in its file, fold the agreeing facts, quote
//! each wording once, and draw a rising toll.
//! Without Chromium the test is skipped, except in CI (`CI=true`), where
//! it fails: `.ci/run` installs Chromium.

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use assert_cmd::Command;
use serde_json::Value;

fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| ["chromium", "chromium-browser"].map(|name| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

/// Chromium, or `None` with a note when it is missing; in CI (`CI=true`)
/// a missing Chromium fails the test, since `.ci/run` installs it.
fn chromium_or_skip() -> Option<PathBuf> {
    let browser = chromium();
    if browser.is_none() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI=true and Chromium is missing: .ci/run must install it"
        );
        eprintln!("skipped: Chromium is not installed (apt-get install -y chromium)");
    }
    browser
}

fn report(format: &str, out: &Path) {
    Command::cargo_bin("crosscheck")
        .unwrap()
        .args(["check", "seeds/", "--format", format, "--output"])
        .arg(out)
        .assert()
        .code(1);
}

/// The page after Chromium has parsed and laid it out (`--dump-dom`).
fn rendered_dom(browser: &Path, page: &Path, profile: &Path) -> String {
    let out = Process::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    assert!(out.status.success(), "chromium failed: {out:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// Text as the DOM serializer writes it in element content.
fn dom_text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\u{a0}', "&nbsp;")
}

#[test]
fn the_seeds_report_renders_every_finding_in_chromium() {
    let Some(browser) = chromium_or_skip() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    let json = dir.path().join("report.json");
    report("html", &page);
    report("json", &json);
    let html = std::fs::read_to_string(&page).unwrap();
    for external in [
        "<script", "<link", "src=", "url(", "@import", "http://", "https://",
    ] {
        assert!(
            !html.contains(external),
            "the page is self-contained: {external}"
        );
    }

    let dom = rendered_dom(&browser, &page, &dir.path().join("profile"));
    let data: Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    let findings = data["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    for finding in findings {
        let id = finding["id"].as_str().unwrap();
        let at = dom
            .find(&format!("id=\"finding-{id}\""))
            .unwrap_or_else(|| panic!("finding {id} is not on the page"));
        let article = &dom[at..at + dom[at..].find("</article>").unwrap()];
        assert!(article.contains(&dom_text(finding["title"].as_str().unwrap())));
        for side in finding["sides"].as_array().unwrap() {
            assert!(article.contains(&format!(
                "Side {}: <span class=\"value\">{}</span>",
                side["side"],
                side["value"].as_str().unwrap()
            )));
            for claim in side["claims"].as_array().unwrap() {
                let text = dom_text(claim["text"].as_str().unwrap());
                assert!(
                    article.contains(&format!("<mark>{text}</mark>")),
                    "claim {text} is highlighted in finding {id}"
                );
                let place = format!(
                    "{}:{}:{}",
                    claim["source"].as_str().unwrap(),
                    claim["line"],
                    claim["column"]
                );
                assert!(article.contains(&place), "{place} is shown");
                if let Some(how) = claim["resolution"].as_str() {
                    assert!(
                        article.contains(&dom_text(how)),
                        "resolution {how} is shown"
                    );
                }
            }
        }
    }
    // Sources by outlet, with the path beside, and one matrix row each.
    assert!(dom.contains("Asia-Plus"));
    assert!(dom.contains("Dawar Times"));
    assert_eq!(
        dom.matches("<th class=\"row\">").count(),
        data["sources"].as_array().unwrap().len()
    );
}

/// `crosscheck check ARGS --format FORMAT --output OUT`, findings or none.
fn report_of(args: &[String], format: &str, out: &Path) {
    let status = Command::cargo_bin("crosscheck")
        .unwrap()
        .args([
            "check", "--color", "never", "-q", "--format", format, "--output",
        ])
        .arg(out)
        .args(args)
        .output()
        .unwrap()
        .status;
    assert!(matches!(status.code(), Some(0 | 1)), "{args:?}: {status}");
}

/// The seeds and each fixture with its rules: every story the tests know.
fn stories() -> Vec<(String, Vec<String>)> {
    let mut stories = vec![("seeds".to_string(), vec!["seeds/".to_string()])];
    let mut fixtures: Vec<PathBuf> = std::fs::read_dir("tests/fixtures")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    fixtures.sort();
    for dir in fixtures {
        let mut args = vec![dir.display().to_string()];
        if dir.join("rules").is_dir() {
            args.push("--rules".to_string());
            args.push(dir.join("rules").display().to_string());
        }
        stories.push((
            dir.file_name().unwrap().to_string_lossy().into_owned(),
            args,
        ));
    }
    stories
}

/// Each `<details class="fact"...>` element's opening tag and summary.
fn fact_folds(dom: &str) -> Vec<(&str, &str)> {
    dom.match_indices("<details class=\"fact\"")
        .map(|(at, _)| {
            let rest = &dom[at..];
            let tag = &rest[..rest.find('>').unwrap()];
            let summary = &rest[rest.find("<summary>").unwrap()..rest.find("</summary>").unwrap()];
            (tag, summary)
        })
        .collect()
}

#[test]
fn every_story_reads_findings_first_with_agreements_folded_in_chromium() {
    let Some(browser) = chromium_or_skip() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut pictures = 0;
    for (name, args) in stories() {
        let page = dir.path().join(format!("{name}.html"));
        let json = dir.path().join(format!("{name}.json"));
        report_of(&args, "html", &page);
        report_of(&args, "json", &json);
        let dom = rendered_dom(&browser, &page, &dir.path().join("profile"));
        let data: Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
        let findings = data["findings"].as_array().unwrap();
        let sources_table = dom.find("id=\"sources\"").expect("a sources table");
        if let Some(first) = dom.find("<article class=\"finding") {
            assert!(
                first < sources_table,
                "{name}: the first finding comes before the sources"
            );
        }
        // Errors, then warnings, then infos; updates last.
        let rank = |f: &Value| match (f["kind"].as_str(), f["severity"].as_str()) {
            (Some("superseded"), _) => 3,
            (_, Some("error")) => 0,
            (_, Some("warning")) => 1,
            _ => 2,
        };
        let mut placed: Vec<(usize, i32)> = Vec::new();
        for finding in findings {
            let id = finding["id"].as_str().unwrap();
            let at = dom
                .find(&format!("id=\"finding-{id}\""))
                .unwrap_or_else(|| panic!("{name}: finding {id} is not on the page"));
            placed.push((at, rank(finding)));
        }
        placed.sort();
        assert!(
            placed.windows(2).all(|w| w[0].1 <= w[1].1),
            "{name}: findings are not in severity order: {placed:?}"
        );
        // Agreeing facts are folded shut; disagreeing ones open.
        let folds = fact_folds(&dom);
        let has_facts = data["sources"].as_array().is_some_and(|s| !s.is_empty())
            && !dom.contains("No rule took a claim");
        assert!(!has_facts || !folds.is_empty(), "{name}: no fact folds");
        for (tag, summary) in folds {
            let open = tag.contains(" open");
            assert_eq!(
                open,
                !summary.contains("all agree"),
                "{name}: {tag} {summary}"
            );
        }
        for doubled in [
            "\u{201c}\u{201c}",
            "\u{201d}\u{201d}",
            "\u{201c}\"",
            "\"\u{201d}",
        ] {
            assert!(
                !dom.contains(doubled),
                "{name}: a quote shows doubled marks {doubled}"
            );
        }
        // A number finding with three or more dated figures is drawn: one
        // point per dated figure.
        let dated = |source: &str| {
            data["sources"]
                .as_array()
                .unwrap()
                .iter()
                .any(|s| s["name"] == source && !s["document_date"].is_null())
        };
        for finding in findings {
            let claims: Vec<&Value> = finding["sides"]
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|side| side["claims"].as_array().unwrap())
                .chain(finding["vague"].as_array().into_iter().flatten())
                .collect();
            let numbers = claims.iter().all(|c| c["kind"] == "number");
            let figures = claims
                .iter()
                .filter(|c| dated(c["source"].as_str().unwrap()))
                .count();
            let id = finding["id"].as_str().unwrap();
            let at = dom.find(&format!("id=\"finding-{id}\"")).unwrap();
            let article = &dom[at..at + dom[at..].find("</article>").unwrap()];
            let drawn = ["disagreement", "superseded"].contains(&finding["kind"].as_str().unwrap());
            if numbers && drawn && figures >= 3 {
                assert!(
                    article.contains("<svg"),
                    "{name}: finding {id} has no picture"
                );
                assert_eq!(
                    article.matches("<circle class=\"point").count(),
                    figures,
                    "{name}: finding {id}: one point per dated figure"
                );
                pictures += 1;
            } else {
                assert!(
                    !article.contains("<svg"),
                    "{name}: finding {id} has a picture"
                );
            }
        }
        if name == "rising-toll" {
            assert!(dom.contains("<svg"), "the rising toll is drawn");
        }
    }
    assert!(pictures > 0, "no story drew a toll");
}

/// Past a dozen sources the page gets a sticky summary bar linking every
/// finding, the sources table puts the sources in the most findings first,
/// and a source stating no fact is named once, after the table.
#[test]
fn many_sources_get_a_summary_bar_and_sources_by_findings() {
    let dir = tempfile::tempdir().unwrap();
    let sources = dir.path().join("sources");
    let no_rules = dir.path().join("rules");
    std::fs::create_dir(&sources).unwrap();
    std::fs::create_dir(&no_rules).unwrap();
    // Twelve reports of one toll; one of the injured; one that disagrees on
    // both (so it is in two findings, every other source in one); one
    // about something else. The built-in desk rules take the figures.
    for i in 0..12 {
        std::fs::write(
            sources.join(format!("agree{i:02}.txt")),
            "Officials said 42 people were killed when the ferry capsized.\n",
        )
        .unwrap();
    }
    std::fs::write(
        sources.join("mm-injured.txt"),
        "Officials said 12 people were injured when the ferry capsized.\n",
    )
    .unwrap();
    std::fs::write(
        sources.join("zz-disagrees.txt"),
        "The capsizing killed 58 people and injured 30 others, the governor said.\n",
    )
    .unwrap();
    std::fs::write(
        sources.join("aa-weather.txt"),
        "It rained all day on the coast.\n",
    )
    .unwrap();
    let page = dir.path().join("report.html");
    let args = [
        sources.display().to_string(),
        "--rules".to_string(),
        no_rules.display().to_string(),
    ];
    report_of(&args, "html", &page);
    let html = std::fs::read_to_string(&page).unwrap();
    let bar = html
        .find("<nav class=\"summary-bar\"")
        .expect("a summary bar");
    let first = html.find("<article class=\"finding").expect("a finding");
    assert!(bar < first);
    let bar_html = &html[bar..html[bar..].find("</nav>").unwrap() + bar];
    for (at, _) in html.match_indices("<article class=\"finding") {
        let id_at = html[at..].find("id=\"finding-").unwrap() + at + "id=\"finding-".len();
        let id = &html[id_at..id_at + 8];
        assert!(
            bar_html.contains(&format!("href=\"#finding-{id}\"")),
            "{id} is linked"
        );
    }
    let table = &html[html.find("id=\"sources\"").unwrap()..];
    let table = &table[..table.find("</section>").unwrap()];
    let rows: Vec<&str> = table
        .split("<tr><td class=\"num\">")
        .skip(1)
        .map(|row| row.split("</tr>").next().unwrap())
        .collect();
    assert_eq!(rows.len(), 14, "every source stating a fact has a row");
    assert!(
        rows[0].contains("zz-disagrees.txt"),
        "the source in most findings comes first: {}",
        rows[0]
    );
    assert!(
        rows[1].contains("agree00.txt"),
        "then source order: {}",
        rows[1]
    );
    assert_eq!(table.matches("aa-weather.txt").count(), 1, "named once");
    let silent = &table[table
        .find("<p class=\"silent\">")
        .expect("the silent sources")..];
    assert!(silent.contains("aa-weather.txt"));
    assert!(!rows.iter().any(|r| r.contains("aa-weather.txt")));
}
