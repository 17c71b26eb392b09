//! The bodies of the fuzz targets, shared word for word by the targets
//! (`fuzz/fuzz_targets/*.rs`) and by the corpus replay in `cargo test`
//! (`tests/fuzz_corpus.rs`), both of which include this file with
//! `#[path]`, so the two cannot drift apart. It uses only the public API of
//! the crosscheck library, and panics only when an invariant breaks (the
//! fuzzer then reports the input as a crash).

#![allow(dead_code)] // each target uses a part of it

use std::path::Path;

use crosscheck::extract::Claim;
use crosscheck::pipeline::check::findings_of;
use crosscheck::pipeline::{Silent, Story};
use crosscheck::report::{self, human::Style, Report};
use crosscheck::rules::{self, RuleSet, Severity};
use crosscheck::source::{DateBasis, DateOrder, DocumentDate, Source, SourceId, SourceMeta};

/// The repository's own rule files, which the `extract` target assigns with.
pub fn repo_rules(repo: &Path) -> RuleSet {
    match RuleSet::load(&[repo.join("rules")]) {
        Ok(rules) => rules,
        Err(e) => panic!("the repository's rules do not load: {e}"),
    }
}

/// At most this many texts per input (split at NUL bytes), each read three
/// ways (plain text, Markdown, saved web page).
const MAX_TEXTS: usize = 3;

/// The sources made of one input: each NUL-separated text as a `.txt`, an
/// `.md` (masking, acknowledgements; the first is the draft, with a given
/// document date) and an `.html` (the page reader, day-first dates).
fn sources_of(text: &str) -> Vec<Source> {
    let mut sources = Vec::new();
    let given = crosscheck::source::parse_iso_date("2025-07-04")
        .map(|d| DocumentDate::given(d, DateBasis::Manifest));
    for (i, part) in text.split('\0').take(MAX_TEXTS).enumerate() {
        let id = |sources: &Vec<Source>| SourceId(sources.len() as u32);
        let plain = Source::new(
            id(&sources),
            format!("s{i}.txt"),
            part.to_string(),
            SourceMeta::default(),
            DateOrder::Mdy,
            None,
        );
        sources.push(plain);
        let mut markdown = Source::new(
            id(&sources),
            format!("s{i}.md"),
            part.to_string(),
            SourceMeta::default(),
            DateOrder::Mdy,
            if i == 0 { given.clone() } else { None },
        )
        .as_markdown();
        markdown.draft = i == 0;
        sources.push(markdown);
        let page = Source::from_page(
            id(&sources),
            format!("s{i}.html"),
            part.to_string(),
            SourceMeta::default(),
            DateOrder::Dmy,
            None,
        );
        sources.push(page);
    }
    sources
}

/// Every claim span lies inside its source's text and on char boundaries.
fn check_spans(sources: &[Source], claims: &[Vec<Claim>], stage: &str) {
    assert_eq!(
        sources.len(),
        claims.len(),
        "{stage}: one claim list per source"
    );
    for (source, claims) in sources.iter().zip(claims) {
        for claim in claims {
            let r = &claim.span.range;
            assert_eq!(
                claim.span.source, source.id,
                "{stage}: claim in the wrong source"
            );
            assert!(
                r.start <= r.end && r.end <= source.text.len(),
                "{stage}: span {r:?} out of bounds in {} ({} bytes)",
                source.name,
                source.text.len()
            );
            assert!(
                source.text.is_char_boundary(r.start) && source.text.is_char_boundary(r.end),
                "{stage}: span {r:?} not on char boundaries in {}",
                source.name
            );
        }
    }
}

/// Renders every format of `check` and of `extract` into one buffer.
fn render_all(report: &Report) -> Vec<u8> {
    let mut out = Vec::new();
    let style = Style {
        color: false,
        width: 100,
    };
    let _ = report::human::findings(report, style, &mut out);
    out.extend_from_slice(b"\n--csv\n");
    let _ = report::csv::findings(report, &mut out);
    out.extend_from_slice(b"\n--json\n");
    let _ = report::json::findings(report, &mut out);
    out.extend_from_slice(b"\n--sarif\n");
    let _ = report::sarif::findings(report, &mut out);
    out.extend_from_slice(b"\n--github\n");
    let _ = report::github::findings(report, &mut out);
    out.extend_from_slice(b"\n--markdown\n");
    let _ = report::markdown::findings(report, &mut out);
    out.extend_from_slice(b"\n--html\n");
    let _ = report::html::findings(report, &mut out);
    out.extend_from_slice(b"\n--jsonl\n");
    let _ = report::json::claims(report, &mut out);
    out.extend_from_slice(b"\n--claims-csv\n");
    let _ = report::csv::claims(report, &mut out);
    out
}

/// The `extract` target: any bytes, read as sources, through the whole
/// pipeline of `check` with the given rules.
pub fn extract(rules: &RuleSet, data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    check(rules, text);
}

/// The `rule_and_text` target: any bytes, read as one rule file up to the
/// first NUL byte and as texts after it (split at further NULs, as the
/// `extract` target splits); a rule that loads is the only rule of the
/// whole pipeline of `check` over those texts. TOML forbids a bare NUL, so
/// the first one always ends the rule file.
pub fn rule_and_text(data: &[u8]) {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    // Without a text there is nothing to check; the `rules` target covers
    // a rule on its own.
    let Some((rule_file, texts)) = input.split_once('\0') else {
        return;
    };
    let Ok(rule) = rules::parse_rule(Path::new("fuzz.toml"), rule_file) else {
        return;
    };
    check(&RuleSet { rules: vec![rule] }, texts);
}

/// The pipeline of `check` over the sources of `text` (extract, assign,
/// compare, the draft gate, acknowledgements, the markup of web pages),
/// then every renderer, twice, asserting the span and finding invariants
/// on the way.
fn check(rules: &RuleSet, text: &str) {
    let mut story = Story::of_sources(rules, sources_of(text));
    check_spans(&story.sources, &story.claims, "prose");
    let findings = findings_of(rules, &story, Some(Severity::Info), None, &Silent)
        .unwrap_or_else(|e| panic!("no baseline, yet the findings failed: {e:?}"));
    story.show_as_on_disk();
    let Story {
        sources, claims, ..
    } = &story;
    check_spans(sources, claims, "markup");
    for finding in &findings {
        for (_, r) in finding.claims_with_sides() {
            let known = claims
                .get(r.source.0 as usize)
                .is_some_and(|c| r.index < c.len());
            assert!(
                known,
                "a finding refers to a claim that does not exist: {r:?}"
            );
        }
    }
    let report = Report::new(sources, claims, &findings);
    let first = render_all(&report);
    let second = render_all(&report);
    assert!(first == second, "rendering twice gave different bytes");
}

/// The `rules` target: any bytes, read as one rule file; a rule that loads
/// runs its examples and is assigned over a small text. Errors are fine;
/// panics are not.
pub fn rule(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(rule) = rules::parse_rule(Path::new("fuzz.toml"), text) else {
        return;
    };
    let rules = RuleSet { rules: vec![rule] };
    let (failures, _count) = rules::examples::run(&rules);
    for failure in &failures {
        let _ = failure.to_string();
    }
    for rule in &rules.rules {
        for example in &rule.examples {
            let _ = rules::examples::taken(&rules, rule, example);
        }
    }
    let story = Story::of_sources(
        &rules,
        vec![
            Source::new(
                SourceId(0),
                "a.txt".into(),
                SMALL_TEXT[0].into(),
                SourceMeta::default(),
                DateOrder::Mdy,
                None,
            ),
            Source::new(
                SourceId(1),
                "b.txt".into(),
                SMALL_TEXT[1].into(),
                SourceMeta::default(),
                DateOrder::Dmy,
                None,
            ),
        ],
    );
    check_spans(&story.sources, &story.claims, "rule");
    let findings = crosscheck::compare::compare(&rules, &story.sources, &story.claims);
    let report = Report::new(&story.sources, &story.claims, &findings);
    let _ = render_all(&report);
}

/// Two short reports of one invented event, with something for every kind
/// of rule to take: dates, figures, a person with a title, a quote, states.
const SMALL_TEXT: [&str; 2] = [
    "LONDON, March 2, 2024 - The bridge over the Tarn opened on Thursday, \
     officials said. About 1,200 people crossed it, and 3 were injured. \
     Transport Minister Ana Brell said: \"It is a great day.\" The tolls \
     have yet to be confirmed.",
    "The Tarn bridge opened on March 1, 2024, with 1,350 people crossing \
     the 2.4 km span. Deputy transport minister Ana Brell called it \"a \
     great day for the valley\". Tolls were confirmed on 3/4/2024.",
];
