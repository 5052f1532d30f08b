//! The driver: reads, extracts in parallel, writes in input order.
//!
//! A reader thread fills batches of raw items (bounded by bytes and count)
//! into a channel of depth two; each batch is extracted on a rayon pool
//! while the calling thread hands the results of the batches before it, in
//! order, to the sink. Memory is therefore bounded by a few batches whatever
//! the input size, and output order and bytes do not depend on the number
//! of threads.

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{TryRecvError, sync_channel};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::input::{RawItem, ReadOptions, Reader};
use crate::output::{Outcome, PriorFn, Processed, Sink};
use crate::pipeline::Pipeline;
use crate::record::ErrorRecord;

/// Batches read and not yet written, at most: one being written, the
/// next being extracted.
const IN_FLIGHT: u64 = 2;

/// What became of one batch sent to the pool.
enum Job {
    /// Its records, in input order.
    Done(Vec<Processed>),
    /// The run was cancelled before the batch started.
    Skipped,
    /// Extraction panicked outside `process` (a bug): nothing to write.
    Lost,
}

fn cancelled(opts: &RunOptions) -> bool {
    opts.cancel.as_ref().is_some_and(|c| c.load(Ordering::Relaxed))
}

/// Settings of a run.
#[derive(Clone, Debug)]
pub struct RunOptions {
    /// Worker threads; 0 means one per core.
    pub threads: usize,
    /// A batch is closed when it holds this many bytes of articles...
    pub batch_bytes: usize,
    /// ...or this many articles.
    pub batch_items: usize,
    /// Set from another thread (a signal handler) to stop after the batch
    /// being written: every record written is whole, and batches read but
    /// not yet written are dropped (a resumed run extracts them).
    pub cancel: Option<Arc<AtomicBool>>,
}

impl Default for RunOptions {
    fn default() -> RunOptions {
        RunOptions {
            threads: 0,
            batch_bytes: 4 << 20,
            batch_items: 2048,
            cancel: None,
        }
    }
}

/// Counts of a run, so far or in total.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    /// Articles read (one per record written or skipped).
    pub articles: u64,
    /// Articles whose record is an error record, or was rejected by the sink.
    pub failed: u64,
    /// Articles skipped because their output already existed.
    pub skipped: u64,
    /// Bytes of article data read (decompressed).
    pub bytes: u64,
    /// Input bytes consumed, as stored (compressed), for progress.
    pub consumed: u64,
    /// Entity mentions found.
    pub entities: u64,
    /// Quotes found.
    pub quotes: u64,
    /// Time since the run started.
    pub elapsed: Duration,
    /// True when the run was stopped early by cancellation.
    pub cancelled: bool,
}

impl Summary {
    /// Counts a batch written with these outcomes, telling `observer` of
    /// each article that failed or was rejected.
    fn count(&mut self, batch: &[Processed], outcomes: &[Outcome], observer: &mut dyn Observer) {
        for (item, outcome) in batch.iter().zip(outcomes) {
            self.articles += 1;
            self.bytes += item.bytes as u64;
            self.entities += item.entities as u64;
            self.quotes += item.quotes as u64;
            match (outcome, &item.error) {
                (Outcome::Skipped, None) => self.skipped += 1,
                // Its file holds the same error record: the article failed
                // as it did in the run that wrote it.
                (Outcome::Skipped, Some(error)) => {
                    self.skipped += 1;
                    self.failed += 1;
                    observer.failed(item, error);
                }
                (Outcome::Rejected(reason), _) => {
                    self.failed += 1;
                    observer.failed(item, reason);
                }
                (Outcome::Written, Some(error)) => {
                    self.failed += 1;
                    observer.failed(item, error);
                }
                (Outcome::Written, None) => {}
            }
        }
    }

    /// Throughput in MB/s (10^6 bytes) of article data.
    pub fn mb_per_s(&self) -> f64 {
        let secs = self.elapsed.as_secs_f64();
        if secs > 0.0 {
            self.bytes as f64 / 1e6 / secs
        } else {
            0.0
        }
    }
}

/// Hears about a run as it goes, to show progress and failures.
pub trait Observer {
    /// Called after each batch is written.
    fn progress(&mut self, _summary: &Summary) {}

    /// Called for each article that failed or was rejected.
    fn failed(&mut self, _item: &Processed, _reason: &str) {}
}

/// An observer that ignores everything.
impl Observer for () {}

/// Runs `pipeline` over every item of `reader`, writing records to `sink`.
///
/// Returns the counts of the run; errors are those that stop it (a failed
/// write to the sink, or the reader stopping on a bug, after the articles
/// it read are written). Articles that fail are error records, counted in
/// [`Summary::failed`], not errors.
pub fn run(
    pipeline: &Pipeline,
    reader: Reader,
    read_opts: &ReadOptions,
    sink: &mut dyn Sink,
    opts: &RunOptions,
    observer: &mut dyn Observer,
) -> Result<Summary> {
    let consumed = reader.consumed();
    run_items(pipeline, reader, consumed, read_opts, sink, opts, observer)
}

/// [`run`] over any items, with `consumed` counting the input bytes read.
fn run_items(
    pipeline: &Pipeline,
    reader: impl Iterator<Item = RawItem> + Send,
    consumed: Arc<AtomicU64>,
    read_opts: &ReadOptions,
    sink: &mut dyn Sink,
    opts: &RunOptions,
    observer: &mut dyn Observer,
) -> Result<Summary> {
    let started = Instant::now();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.threads)
        .thread_name(|i| format!("whosaid-worker-{i}"))
        .build()
        .map_err(|e| Error::msg(format!("cannot start worker threads: {e}")))?;
    let pretty = sink.pretty();
    let prior = sink.prior_records();
    let prior = prior.as_deref();

    let (tx, rx) = sync_channel::<Vec<RawItem>>(2);
    let stop_reading = Arc::new(AtomicBool::new(false));
    let mut summary = Summary::default();

    std::thread::scope(|scope| -> Result<()> {
        let stop = Arc::clone(&stop_reading);
        let (batch_bytes, batch_items) = (opts.batch_bytes.max(1), opts.batch_items.max(1));
        let reading_thread = std::thread::Builder::new()
            .name("whosaid-reader".into())
            .spawn_scoped(scope, move || {
                let mut batch = Vec::new();
                let mut bytes = 0;
                let read = catch_unwind(AssertUnwindSafe(|| {
                    for item in reader {
                        bytes += item.len();
                        batch.push(item);
                        if bytes >= batch_bytes || batch.len() >= batch_items {
                            if stop.load(Ordering::Relaxed) || tx.send(std::mem::take(&mut batch)).is_err() {
                                return;
                            }
                            bytes = 0;
                        }
                    }
                }));
                // What was read before the end (or a panic) is sent.
                if !batch.is_empty() && !stop.load(Ordering::Relaxed) {
                    let _ = tx.send(batch);
                }
                read
            })
            .map_err(|e| Error::msg(format!("cannot start the reader thread: {e}")))?;

        // Batches are extracted on the pool while the calling thread writes
        // the ones before them: with one batch at a time, both cores would
        // wait while each batch is written, and the last articles of a
        // batch would run on one core while the other idles. At most
        // `IN_FLIGHT` batches are read and not yet written, so memory stays
        // bounded; they are written in the order they were read.
        let result = pool.in_place_scope(|jobs| -> Result<()> {
            let (done_tx, done_rx) = std::sync::mpsc::channel::<(u64, Job)>();
            let mut finished: BTreeMap<u64, Vec<Processed>> = BTreeMap::new();
            let (mut next_batch, mut next_write) = (0u64, 0u64);
            let mut reading = true;
            loop {
                while reading && next_batch - next_write < IN_FLIGHT {
                    // Wait for input only when nothing is in hand: a slow
                    // input stream must not hold back records already made.
                    let batch = if next_batch == next_write {
                        rx.recv().ok()
                    } else {
                        match rx.try_recv() {
                            Ok(batch) => Some(batch),
                            Err(TryRecvError::Empty) => break,
                            Err(TryRecvError::Disconnected) => None,
                        }
                    };
                    let Some(batch) = batch else {
                        reading = false;
                        break;
                    };
                    let (seq, done) = (next_batch, done_tx.clone());
                    jobs.spawn(move |_| {
                        // A batch that has not started when the run is
                        // cancelled is not written: no need to extract it.
                        if cancelled(opts) {
                            let _ = done.send((seq, Job::Skipped));
                            return;
                        }
                        // `process` turns panics into error records; this
                        // catches anything else, so the writer never waits
                        // for a batch that will not come.
                        let processed = catch_unwind(AssertUnwindSafe(|| {
                            batch
                                .into_par_iter()
                                .map(|item| process(pipeline, read_opts, item, pretty, prior))
                                .collect::<Vec<Processed>>()
                        }));
                        // The receiver is gone only when writing failed or
                        // the run was cancelled, and then these records are
                        // not wanted.
                        let _ = done.send((seq, processed.map_or(Job::Lost, Job::Done)));
                    });
                    next_batch += 1;
                }
                if next_write == next_batch {
                    return Ok(());
                }
                let processed = loop {
                    if let Some(p) = finished.remove(&next_write) {
                        break p;
                    }
                    match done_rx.recv() {
                        Ok((seq, Job::Done(p))) => {
                            finished.insert(seq, p);
                        }
                        // Cancelled before it started: so is everything after.
                        Ok((_, Job::Skipped)) => {
                            summary.cancelled = true;
                            return Ok(());
                        }
                        // Every job sends once, and `done_tx` lives here, so
                        // the channel never closes first.
                        Ok((_, Job::Lost)) | Err(_) => {
                            return Err(Error::msg(
                                "internal error (please report): a batch of articles was lost",
                            ));
                        }
                    }
                };
                next_write += 1;
                let outcomes = sink.write_batch(&processed, &pool)?;
                summary.count(&processed, &outcomes, observer);
                summary.consumed = consumed.load(Ordering::Relaxed);
                summary.elapsed = started.elapsed();
                observer.progress(&summary);
                // Stop after the batch just written; the jobs still running
                // finish (rayon cannot drop them) but are not written, and
                // those not started yet skip their work.
                if cancelled(opts) {
                    summary.cancelled = true;
                    return Ok(());
                }
            }
        });
        // Unblock and stop the reader whatever happened.
        stop_reading.store(true, Ordering::Relaxed);
        drop(rx);
        // A panic while reading (a bug: the readers turn bad input into
        // error records) ends the input early: the articles read before it
        // are written, and the run fails with an error instead of the panic
        // taking the process down.
        let read = reading_thread.join().and_then(|read| read);
        result?;
        read.map_err(|panic| {
            Error::msg(format!(
                "internal error (please report): reading the input stopped: {}",
                panic_message(panic.as_ref())
            ))
        })
    })?;
    sink.finish()?;
    summary.consumed = consumed.load(Ordering::Relaxed);
    summary.elapsed = started.elapsed();
    Ok(summary)
}

/// The message a panic was raised with.
fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into())
}

/// Reads, extracts and serializes one item. Never panics: a panic inside
/// extraction (a bug) becomes an error record for that article. When
/// `prior` finds a record the sink already holds for the article's id, the
/// article is not extracted (a resumed run).
pub fn process(
    pipeline: &Pipeline,
    read_opts: &ReadOptions,
    item: RawItem,
    pretty: bool,
    prior: Option<&PriorFn>,
) -> Processed {
    let bytes = item.len();
    let provisional_id = item.provisional_id().to_string();
    let source = item.source.clone();
    let outcome = catch_unwind(AssertUnwindSafe(|| match item.into_article(read_opts) {
        Ok(article) => {
            if let Some(held) = prior.and_then(|lookup| lookup(&article.id)) {
                return (article.id, Ok(Vec::new()), held.error, (0, 0), true);
            }
            let mut json = Vec::new();
            let written = if pretty {
                // A record is about two and a half times the size of its
                // article's text, more when pretty: one allocation up
                // front saves growing (and copying) the buffer as it fills.
                json.reserve((article.text.len() * 3 + 1024).min(1 << 24));
                let record = pipeline.extract(&article);
                serde_json::to_writer_pretty(&mut json, &record).map(|()| (record.entities.len(), record.quotes.len()))
            } else {
                // Compact records, the bulk of a run, are written straight
                // from what extraction found: the bytes serde_json would
                // write for the record, without building it, into a buffer
                // reserved for their estimated size.
                pipeline.extract_json(&article, &mut json)
            };
            match written {
                Ok(counts) => (article.id, Ok(json), None, counts, false),
                Err(e) => (article.id, Err(e), None, (0, 0), false),
            }
        }
        Err(error) => (
            error.id.clone(),
            serialize(&error, pretty),
            Some(error.error),
            (0, 0),
            false,
        ),
    }));
    match outcome {
        Ok((id, Ok(json), error, (entities, quotes), prior)) => Processed {
            id,
            source,
            json,
            error,
            bytes,
            entities,
            quotes,
            prior,
        },
        Ok((id, Err(e), _, _, _)) => failure(id, source, bytes, format!("cannot serialize the record: {e}"), pretty),
        Err(panic) => {
            let what = panic_message(panic.as_ref());
            failure(
                provisional_id,
                source,
                bytes,
                format!("internal error (please report): {what}"),
                pretty,
            )
        }
    }
}

fn failure(id: String, source: crate::article::SourceRef, bytes: usize, error: String, pretty: bool) -> Processed {
    let record = ErrorRecord::new(id.clone(), source.clone(), error.clone());
    let json = serialize(&record, pretty).unwrap_or_else(|_| b"{}".to_vec());
    Processed {
        id,
        source,
        json,
        error: Some(error),
        bytes,
        entities: 0,
        quotes: 0,
        prior: false,
    }
}

fn serialize<T: serde::Serialize>(value: &T, pretty: bool) -> serde_json::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(256);
    if pretty {
        serde_json::to_writer_pretty(&mut out, value)?;
    } else {
        serde_json::to_writer(&mut out, value)?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::SourceRef;
    use crate::input::RawBody;
    use crate::output::JsonlSink;

    /// Text articles `a0`, `a1`, ... and then a panic, as a reader with a
    /// bug would.
    fn items_then_panic(n: usize) -> impl Iterator<Item = RawItem> + Send {
        (0..=n).map(move |i| {
            assert!(i < n, "reader bug after {n} items");
            RawItem {
                source: SourceRef {
                    path: format!("a{i}.txt"),
                    line: None,
                },
                body: RawBody::Text {
                    id: format!("a{i}"),
                    bytes: format!("\"We agree,\" Wang Yi said in article {i}.").into_bytes(),
                },
            }
        })
    }

    #[test]
    fn a_panic_while_reading_is_an_error_after_the_articles_read_before_it() {
        let pipeline = Pipeline::new().expect("bundled pipeline builds");
        let read_opts = ReadOptions::default();
        for (threads, batch_items) in [(1, 1), (2, 3), (2, 100)] {
            let mut out = Vec::new();
            let result = {
                let mut sink = JsonlSink::new(&mut out);
                let opts = RunOptions {
                    threads,
                    batch_items,
                    ..RunOptions::default()
                };
                run_items(
                    &pipeline,
                    items_then_panic(7),
                    Arc::new(AtomicU64::new(0)),
                    &read_opts,
                    &mut sink,
                    &opts,
                    &mut (),
                )
            };
            let err = result.expect_err("the reader's panic fails the run").to_string();
            assert!(
                err.contains("reading the input stopped: reader bug after 7 items"),
                "{err}"
            );
            // Every article read before the panic is written, in order.
            let ids: Vec<String> = String::from_utf8(out)
                .expect("UTF-8")
                .lines()
                .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("JSON")["id"].to_string())
                .collect();
            let want: Vec<String> = (0..7).map(|i| format!("\"a{i}\"")).collect();
            assert_eq!(ids, want, "threads {threads}, batches of {batch_items}");
        }
    }
}
