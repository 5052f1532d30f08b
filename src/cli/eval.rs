//! `whosaid eval`.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Parser;
use clap::builder::TypedValueParser;
use whosaid::eval::{self, Floor, Gold, GoldFormat, Predictions, report};

use super::EXIT_OK;

/// Exit code: a `--min` floor was not met.
const EXIT_BELOW_FLOOR: i32 = 1;

/// How many notes are shown before the rest are counted.
const MAX_NOTES: usize = 10;

/// Arguments of `whosaid eval`.
#[derive(Debug, Parser)]
pub struct EvalArgs {
    /// The gold: a PolNeAR split folder (polnear), a CoNLL file or folder of
    /// them (conll), a *.gold.json file or folder of them (gold).
    #[arg(long, value_name = "PATH")]
    pub gold: PathBuf,

    /// The gold's format.
    #[arg(long, value_name = "FORMAT", value_parser = format_parser())]
    pub format: GoldFormat,

    /// Score these whosaid/1 records instead of running the pipeline: a
    /// directory of <id>.json files (walked recursively) or a JSONL file.
    #[arg(long, value_name = "DIR|FILE")]
    pub pred: Option<PathBuf>,

    /// Print the metrics as one JSON object instead of a table.
    #[arg(long)]
    pub json: bool,

    /// Write every false positive, false negative and violation to FILE, one
    /// JSON object per line (kind, role, article, start, end, text, context).
    #[arg(long, value_name = "FILE")]
    pub errors: Option<PathBuf>,

    /// Exit with status 1 when a figure is below VALUE (repeatable), e.g.
    /// `--min content_exact.f1=40`. Figures are `<metric>.p`, `.r`, `.f1`,
    /// or the name of a ratio or count.
    #[arg(long = "min", value_name = "METRIC=VALUE", value_parser = parse_floor)]
    pub min: Vec<Floor>,

    /// Number of worker threads when running the pipeline (default: one per
    /// core).
    #[arg(short = 'j', long = "threads", value_name = "N")]
    pub threads: Option<usize>,

    /// Gazetteers and cue classes.
    #[command(flatten)]
    pub pipeline: super::args::PipelineArgs,
}

fn format_parser() -> impl clap::builder::TypedValueParser<Value = GoldFormat> {
    clap::builder::PossibleValuesParser::new(["polnear", "conll", "gold"]).map(|s| match s.as_str() {
        "conll" => GoldFormat::Conll,
        "gold" => GoldFormat::Gold,
        _ => GoldFormat::Polnear,
    })
}

fn parse_floor(s: &str) -> std::result::Result<Floor, String> {
    s.parse().map_err(|e: whosaid::Error| e.to_string())
}

pub fn run(args: EvalArgs) -> Result<i32> {
    report::check_floor_names(&args.format.empty_scores(), &args.min)?;
    let pipeline = args.pipeline.build()?;

    let mut notes = Vec::new();
    let resolve = |name: &str| pipeline.country_code(name).map(str::to_string);
    let gold = Gold::load(args.format, &args.gold, &resolve, &mut notes)
        .with_context(|| format!("cannot read the gold at {}", args.gold.display()))?;
    let predictions = match &args.pred {
        Some(path) => Predictions::load(path).context("cannot read the predictions")?,
        None => eval::predict(&pipeline, &gold, args.threads.unwrap_or(0))?,
    };
    let result = eval::evaluate(&gold, &predictions);
    notes.extend(result.notes.iter().cloned());
    for note in notes.iter().take(MAX_NOTES) {
        eprintln!("whosaid: note: {note}");
    }
    if notes.len() > MAX_NOTES {
        eprintln!("whosaid: note: ... and {} more notes", notes.len() - MAX_NOTES);
    }

    let mut out = std::io::stdout().lock();
    if args.json {
        // Rendered first, so that a closed pipe is an I/O error.
        let json = serde_json::to_string_pretty(&report::to_json(&result.scores))?;
        writeln!(out, "{json}")?;
    } else {
        let from = match &args.pred {
            Some(path) => path.display().to_string(),
            None => "whosaid".to_string(),
        };
        writeln!(
            out,
            "gold: {} ({}, {} articles); predictions: {from} ({} of them)\n",
            args.gold.display(),
            args.format,
            result.articles,
            result.predicted
        )?;
        out.write_all(report::render_table(&result.scores).as_bytes())?;
        if !result.details.is_empty() {
            writeln!(out)?;
            for line in &result.details {
                writeln!(out, "{line}")?;
            }
        }
    }
    out.flush()?;

    if let Some(path) = &args.errors {
        let file = File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
        let mut writer = BufWriter::new(file);
        report::write_errors(&mut writer, &result.errors)
            .and_then(|()| writer.flush())
            .with_context(|| format!("cannot write {}", path.display()))?;
    }

    let unmet = report::unmet_floors(&result.scores, &args.min);
    for message in &unmet {
        eprintln!("whosaid: floor not met: {message}");
    }
    Ok(if unmet.is_empty() { EXIT_OK } else { EXIT_BELOW_FLOOR })
}
