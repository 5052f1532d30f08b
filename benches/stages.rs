//! Throughput of each stage, in MB/s, on a corpus of articles.
//!
//! ```text
//! cargo bench --bench stages                      # ../shared/data/bbc, or a generated corpus
//! cargo bench --bench stages -- PATH [SECONDS]    # a directory of .txt files, or one JSONL file
//! ```
//!
//! Each stage is timed cumulatively (segmentation; segmentation and
//! entities; ...), on one thread, over the whole corpus, repeated until
//! SECONDS (default 3) have passed; the table gives the MB/s of text
//! processed. "reading" parses JSONL lines (or decodes text files) as the
//! CLI does, "serialising" writes compact JSON records. The last line runs
//! the spine alone (reading, segmentation, an empty record as JSON) on
//! every core.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;
use whosaid::input::{RawBody, RawItem, ReadOptions};
use whosaid::{Article, Pipeline, Record, SourceRef, Stage};

// The allocator of the `whosaid` binary: with the system one, the stages
// that allocate most looked slower than they are in a real run.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut args = std::env::args().skip(1).filter(|a| a != "--bench");
    let path = args.next().map(PathBuf::from);
    let seconds: f64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(3.0);
    let (name, raw) = corpus(path.as_deref());
    let texts: Vec<String> = raw.iter().map(|a| a.text.clone()).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    println!("corpus: {name}: {} articles, {:.1} MB", texts.len(), bytes as f64 / 1e6);

    let started = Instant::now();
    let pipeline = Pipeline::new().expect("the bundled pipeline builds");
    println!("pipeline build: {:.0} ms", started.elapsed().as_secs_f64() * 1000.0);

    let budget = Duration::from_secs_f64(seconds);
    let lines: Vec<String> = raw
        .iter()
        .map(|a| serde_json::json!({"id": a.id, "text": a.text}).to_string())
        .collect();
    println!("{:<28} {:>10}", "stage (cumulative)", "MB/s");
    report("reading (JSONL parse)", bytes, budget, || {
        lines.iter().map(|l| read(l).map_or(0, |a| a.text.len())).sum()
    });
    report("segmentation", bytes, budget, || {
        texts.iter().map(|t| pipeline.run_stages(t, Stage::Segment)).sum()
    });
    report("+ entities", bytes, budget, || {
        texts.iter().map(|t| pipeline.run_stages(t, Stage::Entities)).sum()
    });
    report("+ quotes", bytes, budget, || {
        texts.iter().map(|t| pipeline.run_stages(t, Stage::Quotes)).sum()
    });
    report("+ records and JSON", bytes, budget, || {
        raw.iter()
            .map(|a| {
                let mut out = Vec::new();
                pipeline.extract_json(a, &mut out).map_or(0, |_| out.len())
            })
            .sum()
    });

    // The spine alone on every core: what reading, segmenting and writing
    // records cost before any extraction.
    let threads = rayon::current_num_threads();
    report(&format!("spine, {threads} threads"), bytes, budget, || {
        lines.par_iter().map(|line| spine(&pipeline, line)).sum()
    });
}

/// Parses a JSONL line, segments its text and serializes a record with no
/// entities or quotes.
fn spine(pipeline: &Pipeline, line: &str) -> usize {
    let Some(article) = read(line) else {
        return 0;
    };
    let tokens = pipeline.run_stages(&article.text, Stage::Segment);
    let record = Record::empty(article.id);
    let mut out = Vec::new();
    tokens + record.write_json(&mut out).map_or(0, |()| out.len())
}

/// Parses a JSONL line as the CLI does, from a copy of its bytes as the
/// reader hands them over.
fn read(line: &str) -> Option<Article> {
    let item = RawItem {
        source: SourceRef::default(),
        body: RawBody::JsonLine {
            default_id: String::new(),
            bytes: line.as_bytes().to_vec(),
        },
    };
    item.into_article(&ReadOptions::default()).ok()
}

/// Runs `work` over the corpus until `budget` has passed and prints MB/s.
fn report(stage: &str, bytes: usize, budget: Duration, mut work: impl FnMut() -> usize) {
    let started = Instant::now();
    let mut rounds = 0u32;
    let mut sink = 0usize;
    while rounds == 0 || started.elapsed() < budget {
        sink = sink.wrapping_add(std::hint::black_box(work()));
        rounds += 1;
    }
    let secs = started.elapsed().as_secs_f64();
    let mbs = bytes as f64 * f64::from(rounds) / 1e6 / secs;
    println!("{stage:<28} {mbs:>10.1}");
    std::hint::black_box(sink);
}

/// The corpus: a directory of .txt files, a JSONL file, ../shared/data/bbc
/// when present, or a generated one.
fn corpus(path: Option<&Path>) -> (String, Vec<Article>) {
    let bbc = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/bbc");
    let path = match path {
        Some(p) => p.to_path_buf(),
        None if bbc.is_dir() => bbc,
        None => return ("generated".into(), generated()),
    };
    let mut articles = Vec::new();
    if path.is_dir() {
        let mut files: Vec<PathBuf> = walk(&path);
        files.sort();
        for f in files {
            let bytes = std::fs::read(&f).unwrap_or_default();
            articles.push(Article::new(
                f.display().to_string(),
                String::from_utf8_lossy(&bytes).into_owned(),
            ));
        }
    } else {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        for (i, line) in text.lines().enumerate() {
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(line)
                && let Some(t) = v["text"].as_str()
            {
                articles.push(Article::new(format!("{i}"), t));
            }
        }
    }
    (path.display().to_string(), articles)
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = entry.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else if p.extension().is_some_and(|e| e == "txt") {
            out.push(p);
        }
    }
    out
}

/// A corpus of news-like text made from the project's own fixtures, for
/// machines without the BBC articles.
fn generated() -> Vec<Article> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut texts: Vec<String> = Vec::new();
    for sub in ["articles", "gold"] {
        for f in walk(&dir.join(sub)) {
            texts.extend(std::fs::read_to_string(f));
        }
    }
    (0..2000)
        .map(|i| Article::new(format!("g{i}"), texts[i % texts.len().max(1)].clone()))
        .collect()
}
