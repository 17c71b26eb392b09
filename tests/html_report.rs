//! The HTML report as a browser shows it: the seeds' report is opened in
//! headless Chromium and the rendered page must show every finding, every
//! claim highlighted with its place in its file, and the agreement matrix.
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
    let Some(browser) = chromium() else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI=true and Chromium is missing: .ci/run must install it"
        );
        eprintln!("skipped: Chromium is not installed (apt-get install -y chromium)");
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
