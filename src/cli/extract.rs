//! `whosaid extract`.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use anyhow::{Result, bail};
use indicatif::{ProgressBar, ProgressStyle};
use whosaid::driver::{self, Observer, RunOptions, Summary};
use whosaid::input::{Format, Inputs, ReadOptions};
use whosaid::output::{DirSink, JsonlSink, Processed, Sink};

use super::args::ExtractArgs;
use super::{EXIT_FATAL, EXIT_OK, EXIT_SOME_FAILED};

/// How many failures are described one by one before the rest are counted.
const MAX_FAILURE_MESSAGES: usize = 20;

pub fn run(args: ExtractArgs) -> Result<i32> {
    let mut inputs = args.inputs.clone();
    if inputs.is_empty() {
        if std::io::stdin().is_terminal() {
            bail!("no input given and standard input is a terminal (try `whosaid extract --help`)");
        }
        inputs.push(PathBuf::from("-"));
    }
    let format: Option<Format> = args.format.as_deref().map(str::parse).transpose()?;
    let read_opts = ReadOptions {
        stdin_format: format.unwrap_or(Format::Jsonl),
        file_format: format.unwrap_or(Format::Auto),
        id_field: args.id_field.clone(),
        text_field: args.text_field.clone(),
        title_field: args.title_field.clone(),
        max_article_bytes: args.max_article_mb.saturating_mul(1 << 20),
        ..ReadOptions::default()
    };
    let pipeline = args.pipeline.build()?;
    let found = Inputs::discover(&inputs, &read_opts)?;
    let total_bytes = found.total_bytes();
    let reader = found.reader(read_opts.clone());

    let mut sink: Box<dyn Sink> = match &args.out {
        Some(dir) if dir.as_os_str() != "-" => Box::new(DirSink::new(dir)?.resume(args.resume)),
        _ => Box::new(JsonlSink::new(std::io::stdout().lock())),
    };

    let cancel = Arc::new(AtomicBool::new(false));
    {
        let cancel = Arc::clone(&cancel);
        // A second signal while stopping kills the process the usual way.
        let _ = ctrlc::set_handler(move || {
            if cancel.swap(true, std::sync::atomic::Ordering::SeqCst) {
                std::process::exit(130);
            }
        });
    }
    let opts = RunOptions {
        threads: args.threads.unwrap_or(0),
        cancel: Some(Arc::clone(&cancel)),
        ..RunOptions::default()
    };
    let mut observer = Report::new(args.quiet, total_bytes);
    let summary = driver::run(&pipeline, reader, &read_opts, sink.as_mut(), &opts, &mut observer)?;
    // The process exits next: freeing the gazetteers one allocation at a
    // time (millions with a big list) would only delay that.
    std::mem::forget(pipeline);
    observer.finish(&summary);
    if summary.cancelled {
        eprintln!(
            "whosaid: interrupted after {} articles; every record written is whole{}",
            summary.articles,
            if args.out.is_some() {
                " (rerun with --resume to continue)"
            } else {
                ""
            }
        );
        return Ok(EXIT_FATAL);
    }
    Ok(if summary.failed > 0 { EXIT_SOME_FAILED } else { EXIT_OK })
}

/// Progress bar, failure messages and the final summary, on standard error.
struct Report {
    quiet: bool,
    bar: Option<ProgressBar>,
    failures: usize,
}

impl Report {
    fn new(quiet: bool, total_bytes: u64) -> Report {
        let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let bar = if total_bytes > 0 {
                ProgressBar::new(total_bytes)
            } else {
                ProgressBar::no_length()
            };
            let style = ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} ({bytes_per_sec}, eta {eta}) {msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            bar
        });
        Report {
            quiet,
            bar,
            failures: 0,
        }
    }

    fn finish(&self, summary: &Summary) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
        if self.failures > MAX_FAILURE_MESSAGES && !self.quiet {
            eprintln!(
                "whosaid: ... and {} more failed articles (see their error records)",
                self.failures - MAX_FAILURE_MESSAGES
            );
        }
        if !self.quiet {
            let skipped = if summary.skipped > 0 {
                format!(", {} skipped (already written)", summary.skipped)
            } else {
                String::new()
            };
            eprintln!(
                "whosaid: {} articles, {} failed{skipped}; {:.1} MB in {:.2} s ({:.1} MB/s); {} entities, {} quotes",
                summary.articles,
                summary.failed,
                summary.bytes as f64 / 1e6,
                summary.elapsed.as_secs_f64(),
                summary.mb_per_s(),
                summary.entities,
                summary.quotes
            );
        }
    }
}

impl Observer for Report {
    fn progress(&mut self, summary: &Summary) {
        if let Some(bar) = &self.bar {
            bar.set_position(summary.consumed);
            bar.set_message(format!("{} articles, {} failed", summary.articles, summary.failed));
        }
    }

    fn failed(&mut self, item: &Processed, reason: &str) {
        self.failures += 1;
        if self.quiet || self.failures > MAX_FAILURE_MESSAGES {
            return;
        }
        let at = match item.source.line {
            Some(line) => format!("{}:{line}", item.source.path),
            None => item.source.path.clone(),
        };
        let message = format!("whosaid: {at}: article {:?}: {reason}", item.id);
        match &self.bar {
            Some(bar) => bar.println(message),
            None => eprintln!("{message}"),
        }
    }
}
