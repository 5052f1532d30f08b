//! The driver through the library: batches of any size and any number of
//! threads write the same records in the same order, and a cancelled run
//! writes a whole, ordered prefix.

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use whosaid::Pipeline;
use whosaid::driver::{self, RunOptions, Summary};
use whosaid::input::{Inputs, ReadOptions};
use whosaid::output::JsonlSink;

use crate::util::root;

/// Runs the driver over every fixture and returns the JSONL it wrote.
fn run(threads: usize, batch_items: usize, cancel: Option<Arc<AtomicBool>>) -> (Vec<u8>, Summary) {
    run_with(ReadOptions::default(), threads, batch_items, cancel)
}

fn run_with(
    opts: ReadOptions,
    threads: usize,
    batch_items: usize,
    cancel: Option<Arc<AtomicBool>>,
) -> (Vec<u8>, Summary) {
    let pipeline = Pipeline::new().expect("bundled pipeline builds");
    let inputs = Inputs::discover(&[root().join("fixtures")], &opts).expect("fixtures are found");
    let mut out = Vec::new();
    let summary = {
        let mut sink = JsonlSink::new(&mut out);
        let run_opts = RunOptions {
            threads,
            batch_items,
            cancel,
            ..RunOptions::default()
        };
        driver::run(
            &pipeline,
            inputs.reader(opts.clone()),
            &opts,
            &mut sink,
            &run_opts,
            &mut (),
        )
        .expect("the run completes")
    };
    (out, summary)
}

#[test]
fn batches_of_any_size_and_any_thread_count_write_the_same_records() {
    let (reference, summary) = run(1, 2048, None);
    assert!(summary.articles > 20, "the fixtures hold many articles: {summary:?}");
    assert_eq!(
        reference.iter().filter(|&&b| b == b'\n').count() as u64,
        summary.articles
    );
    // Batches of one article keep several batches in flight at once, which
    // the writer must put back in order.
    for (threads, batch_items) in [(1, 1), (2, 1), (4, 1), (2, 2), (3, 5), (2, 7), (4, 2048)] {
        let (out, _) = run(threads, batch_items, None);
        assert!(
            out == reference,
            "{threads} threads, batches of {batch_items}: the output differs"
        );
    }
}

#[test]
fn a_run_cancelled_before_it_starts_writes_nothing_and_says_so() {
    let (out, summary) = run(2, 1, Some(Arc::new(AtomicBool::new(true))));
    assert!(summary.cancelled, "{summary:?}");
    // The flag is read after each batch is written: at most the first batch.
    assert!(summary.articles <= 1, "{summary:?}");
    assert_eq!(out.iter().filter(|&&b| b == b'\n').count() as u64, summary.articles);
}

#[test]
fn an_article_limit_above_the_maximum_means_the_maximum() {
    // "No limit" from a library caller: the readers cap it where offsets
    // stop fitting in 32 bits instead of overflowing their arithmetic.
    let opts = ReadOptions {
        max_article_bytes: usize::MAX,
        ..ReadOptions::default()
    };
    let (out, summary) = run_with(opts, 2, 2048, None);
    let (reference, _) = run(2, 2048, None);
    assert!(summary.articles > 20, "{summary:?}");
    assert!(out == reference, "the output differs from the default limit's");
}

/// Each thread keeps its buffers from one article to the next: a record
/// must not depend on what the thread extracted before it (a long article,
/// one past the size whose buffers are let go, an empty one, the others in
/// either order).
#[test]
fn a_record_does_not_depend_on_the_articles_before_it() {
    let pipeline = Pipeline::new().expect("bundled pipeline builds");
    let dir = root().join("fixtures/articles");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixture articles")
        .map(|e| e.expect("entry").path())
        .collect();
    names.sort();
    let mut articles: Vec<whosaid::Article> = names
        .iter()
        .map(|p| whosaid::Article::new(p.display().to_string(), std::fs::read_to_string(p).expect("text")))
        .collect();
    articles.push(whosaid::Article::new("empty", ""));
    assert!(articles.len() >= 4);
    let json = |a: &whosaid::Article| serde_json::to_string(&pipeline.extract(a)).expect("serialises");
    // Each on a thread of its own, with buffers never used before.
    let alone: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = articles.iter().map(|a| s.spawn(move || json(a))).collect();
        handles.into_iter().map(|h| h.join().expect("no panic")).collect()
    });
    let medium = whosaid::Article::new("medium", "\"We agree,\" Wang Yi said in Beijing. ".repeat(500));
    let huge = whosaid::Article::new(
        "huge",
        "Mr Doval told reporters in Delhi that talks went well. ".repeat(8_000),
    );
    std::thread::scope(|s| {
        s.spawn(|| {
            for before in [&medium, &huge] {
                json(before);
                for (a, want) in articles.iter().zip(&alone) {
                    assert_eq!(&json(a), want, "{} after {}", a.id, before.id);
                }
                for (a, want) in articles.iter().zip(&alone).rev() {
                    assert_eq!(&json(a), want, "{} (reverse order) after {}", a.id, before.id);
                }
            }
        })
        .join()
        .expect("no panic");
    });
}
