//! Extraction throughput on 10 MB of news text (the seeds repeated: curly
//! quotes, non-breaking spaces), against a bare `regex` scan of the same
//! text for scale. Run: `cargo bench --bench extract`.

mod corpus;

use std::sync::LazyLock;

use crosscheck::source::{DateOrder, Source, SourceId, SourceMeta};
use divan::counter::BytesCount;
use divan::Bencher;
use regex::Regex;

const CORPUS_BYTES: usize = 10 * 1024 * 1024;

static CORPUS: LazyLock<String> = LazyLock::new(|| corpus::news_corpus(CORPUS_BYTES));

/// The allocator the binary ships with, so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

fn source(text: &str) -> Source {
    Source::new(
        SourceId(0),
        "corpus".into(),
        text.to_string(),
        SourceMeta::default(),
        DateOrder::Mdy,
        None,
    )
}

/// The whole extraction stage on one 10 MB source.
#[divan::bench(sample_count = 10)]
fn extract_10mb(bencher: Bencher) {
    let source = source(&CORPUS);
    bencher
        .counter(BytesCount::new(CORPUS.len()))
        .bench(|| crosscheck::extract::extract(divan::black_box(&source)).len());
}

/// The shipped `extract` pipeline on one 10 MB file under the seed rules:
/// read, extract, assign, render the JSON lines, write them.
#[divan::bench(sample_count = 10)]
fn extract_pipeline_10mb(bencher: Bencher) {
    let folder = corpus::Folder::of([("news.txt".to_string(), CORPUS.clone())]);
    let rules = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let run = corpus::extract_run(&folder, rules);
    bencher.counter(BytesCount::new(CORPUS.len())).bench(|| {
        crosscheck::pipeline::extract(&run, &crosscheck::pipeline::Silent)
            .expect("the extract runs")
    });
}

/// Printing the claims of 1 MB of news on one line (no line breaks): each
/// claim's column must not cost a walk from the start of its line.
#[divan::bench(sample_count = 5)]
fn rows_of_one_long_line(bencher: Bencher) {
    let line = first_megabyte().replace('\n', " ");
    let source = source(&line);
    let claims = crosscheck::extract::extract(&source);
    bencher.counter(BytesCount::new(line.len())).bench(|| {
        let report = crosscheck::report::Report::new(
            std::slice::from_ref(&source),
            std::slice::from_ref(&claims),
            &[],
        );
        let mut out = Vec::new();
        crosscheck::report::json::claims(&report, &mut out).expect("rows render");
        out.len()
    });
}

/// The stages one by one, to see where the time goes.
mod stage {
    use super::*;

    #[divan::bench(sample_count = 5)]
    fn dates(bencher: Bencher) {
        let source = source(&CORPUS);
        bencher.counter(BytesCount::new(CORPUS.len())).bench(|| {
            let mut out = Vec::new();
            crosscheck::extract::date::extract(divan::black_box(&source), &mut out);
            out.len()
        });
    }

    #[divan::bench(sample_count = 5)]
    fn anchors(bencher: Bencher) {
        bencher.counter(BytesCount::new(CORPUS.len())).bench(|| {
            crosscheck::extract::Anchors::find(divan::black_box(&CORPUS))
                .numbers
                .len()
        });
    }

    #[divan::bench(sample_count = 5)]
    fn numbers(bencher: Bencher) {
        let source = source(&CORPUS);
        let mut dates = Vec::new();
        crosscheck::extract::date::extract(&source, &mut dates);
        let spans: Vec<_> = dates.iter().map(|c| c.span.range.clone()).collect();
        let anchors = crosscheck::extract::Anchors::find(&CORPUS);
        bencher.counter(BytesCount::new(CORPUS.len())).bench(|| {
            let mut out = Vec::new();
            crosscheck::extract::number::extract(
                divan::black_box(&source),
                spans.clone(),
                &anchors.numbers,
                &mut out,
            );
            out.len()
        });
    }

    #[divan::bench(sample_count = 5)]
    fn people(bencher: Bencher) {
        let anchors = crosscheck::extract::Anchors::find(&CORPUS);
        bencher.counter(BytesCount::new(CORPUS.len())).bench(|| {
            crosscheck::extract::person::mentions(divan::black_box(&CORPUS), &anchors.people).len()
        });
    }

    #[divan::bench(sample_count = 5)]
    fn quotes(bencher: Bencher) {
        let anchors = crosscheck::extract::Anchors::find(&CORPUS);
        let people = crosscheck::extract::person::mentions(&CORPUS, &anchors.people);
        bencher.counter(BytesCount::new(CORPUS.len())).bench(|| {
            crosscheck::extract::quote::quotations(divan::black_box(&CORPUS), &people).len()
        });
    }

    #[divan::bench(sample_count = 5)]
    fn sentences(bencher: Bencher) {
        bencher
            .counter(BytesCount::new(CORPUS.len()))
            .bench(|| crosscheck::extract::sentence::sentences(divan::black_box(&CORPUS)).len());
    }
}

/// For scale: a bare alternation of date and number patterns, ASCII word
/// boundaries. Extraction should stay within 10x of this.
#[divan::bench(sample_count = 10)]
fn plain_regex_scan_10mb(bencher: Bencher) {
    static SCAN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+[0-9]{1,2}(?:,\s+[0-9]{4})?|[0-9]{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|[0-9][0-9,.]*)(?-u:\b)").unwrap()
    });
    bencher
        .counter(BytesCount::new(CORPUS.len()))
        .bench(|| SCAN.find_iter(divan::black_box(&CORPUS)).count());
}

/// The trap the regex crate sets: a Unicode `\b` gives up the fast engine at
/// the first non-ASCII byte. Kept to show what `(?-u:\b)` saves (on 1 MB);
/// compare with `ascii_word_boundary_scan_1mb`.
#[divan::bench(sample_count = 3)]
fn unicode_word_boundary_scan_1mb(bencher: Bencher) {
    // No literal to search for first (a word, not a digit, opens it): the
    // engine must walk every byte, and here it cannot use its fast engine.
    static SCAN: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)\b[a-z]+\s+[0-9]{1,2}\b").unwrap());
    let text = first_megabyte();
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| SCAN.find_iter(divan::black_box(text)).count());
}

#[divan::bench(sample_count = 3)]
fn ascii_word_boundary_scan_1mb(bencher: Bencher) {
    static SCAN: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)[a-z]+\s+[0-9]{1,2}(?-u:\b)").unwrap());
    let text = first_megabyte();
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| SCAN.find_iter(divan::black_box(text)).count());
}

fn first_megabyte() -> &'static str {
    let mut end = 1024 * 1024;
    while !CORPUS.is_char_boundary(end) {
        end -= 1;
    }
    &CORPUS[..end]
}
