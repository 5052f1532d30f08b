//! Argument definitions.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// Find who said what in news articles.
///
/// whosaid reads news articles (text files, directories of them, JSONL dumps,
/// gzip or zstd compressed) and writes one JSON record per article: the
/// people, offices and countries it mentions, and every direct, indirect and
/// mixed quote with its cue and its speaker.
#[derive(Debug, Parser)]
#[command(name = "whosaid", version, about, long_about)]
pub struct Args {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract records from articles.
    ///
    /// Examples:
    ///
    ///   whosaid extract corpus/ -o out/          one JSON file per article
    ///
    ///   whosaid extract dump.jsonl.gz > out.jsonl
    ///
    ///   cat dump.jsonl | whosaid extract - --jsonl -j 4
    ///
    /// A .txt file is one article (its title is its first non-empty line
    /// if at most 300 characters, its id its path under the input
    /// directory without the extension); a JSONL line is one article
    /// ({"id", "title", "text", ...}; other fields go to the record's
    /// "meta"). Every article read yields exactly one
    /// record, in input order, whatever the number of threads; an article
    /// that cannot be read or parsed yields an error record
    /// {"schema", "id", "source", "error"} in its place.
    ///
    /// Exit status: 0 if every article succeeded, 1 if some failed, 2 on a
    /// usage or fatal error.
    #[command(verbatim_doc_comment)]
    Extract(ExtractArgs),

    /// Score records against gold annotations.
    ///
    /// Examples:
    ///
    ///   whosaid eval --gold polnear/dev --format polnear
    ///
    ///   whosaid eval --gold eng.testa --format conll --json
    ///
    ///   whosaid eval --gold dev --format polnear --pred out/ --errors err.jsonl --min content_exact.f1=40
    ///
    /// Without --pred, runs the pipeline over the gold articles. Records are
    /// matched to gold articles by id; a gold article with no record, or
    /// with an error record, counts as predicting nothing.
    ///
    /// PolNeAR metrics: source, cue and content spans, exact and overlap,
    /// and whole attributions. CoNLL: person and country mentions, exact.
    /// Seed gold: people, countries, mention links, offices, quotes found
    /// and attributed, violations. P, R and F1 are percentages.
    ///
    /// Exit status: 0 when every --min floor is met, 1 when one is not, 2 on
    /// a usage or fatal error.
    #[command(verbatim_doc_comment)]
    Eval(super::eval::EvalArgs),

    /// Validate gazetteer files and report their contents and collisions.
    Gazetteer(super::gazetteer::GazetteerArgs),
}

/// Arguments of `whosaid extract`.
#[derive(Debug, Parser)]
pub struct ExtractArgs {
    /// Files or directories to read; `-` is standard input. Directories are
    /// walked recursively in sorted order for *.txt, *.txt.gz, *.txt.zst,
    /// *.jsonl, *.jsonl.gz, *.jsonl.zst and *.ndjson (hidden entries are
    /// skipped). With no INPUT, standard input is read.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// Write one pretty JSON file per article, DIR/<id>.json (`/` in an id
    /// makes sub-directories). `-o -` is the same as --jsonl.
    #[arg(short = 'o', long = "out", value_name = "DIR", conflicts_with = "jsonl")]
    pub out: Option<PathBuf>,

    /// Stream one compact JSON record per line to standard output (the
    /// default when -o is not given).
    #[arg(long)]
    pub jsonl: bool,

    /// With -o: skip articles whose output file already exists and is a
    /// complete record, to resume an interrupted run.
    #[arg(long, requires = "out")]
    pub resume: bool,

    /// Number of worker threads (default: one per core). Output does not
    /// depend on it.
    #[arg(short = 'j', long = "threads", value_name = "N")]
    pub threads: Option<usize>,

    /// How to read standard input and files with other extensions: text (the
    /// whole input is one article), jsonl, or auto (JSONL if the first
    /// character is `{`). Standard input defaults to jsonl.
    #[arg(long, value_name = "FORMAT", value_parser = ["text", "jsonl", "auto"])]
    pub format: Option<String>,

    /// JSONL field holding the article id.
    #[arg(long, value_name = "NAME", default_value = "id")]
    pub id_field: String,

    /// JSONL field holding the article text.
    #[arg(long, value_name = "NAME", default_value = "text")]
    pub text_field: String,

    /// JSONL field holding the title.
    #[arg(long, value_name = "NAME", default_value = "title")]
    pub title_field: String,

    /// Largest article accepted, in MB; larger ones become error records.
    /// At most 4095: offsets inside an article are 32-bit.
    #[arg(long, value_name = "MB", default_value_t = 256,
value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=4095))]
    pub max_article_mb: usize,

    /// Gazetteers and cue classes.
    #[command(flatten)]
    pub pipeline: PipelineArgs,

    /// No progress bar, no summary, no per-article failure messages.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Options that configure the pipeline, shared by `extract` and `eval`.
#[derive(Debug, Clone, clap::Args)]
pub struct PipelineArgs {
    /// Use the gazetteers (*.tsv) in DIR instead of the bundled ones. See
    /// gazetteers/README.md for the format; copy the bundled files as a start.
    #[arg(long = "gazetteers", value_name = "DIR")]
    pub gazetteers: Option<PathBuf>,

    /// Add a gazetteer file of any kind (people, offices, countries, nouns,
    /// names, cues: told by its header) to those in use. Repeatable: this is
    /// how to bring the people of your beat.
    #[arg(long = "add-gazetteer", value_name = "FILE")]
    pub add_gazetteer: Vec<PathBuf>,

    /// Which attributions to extract, by the class of their cue: speech
    /// ("said"), thought ("believes"), intention ("plans to"); comma
    /// separated. Default: all three.
    #[arg(long, value_name = "CLASSES", value_delimiter = ',', value_parser = ["speech", "thought", "intention"])]
    pub cues: Vec<String>,
}

impl PipelineArgs {
    /// Builds the pipeline these options describe.
    pub fn build(&self) -> anyhow::Result<whosaid::Pipeline> {
        use anyhow::Context;
        use whosaid::record::CueClass;
        let mut builder = whosaid::Pipeline::builder();
        if let Some(dir) = &self.gazetteers {
            builder = builder.gazetteer_dir(dir);
        }
        for file in &self.add_gazetteer {
            builder = builder.add_gazetteer(file);
        }
        if !self.cues.is_empty() {
            let classes: Vec<CueClass> = self
                .cues
                .iter()
                .map(|c| match c.as_str() {
                    "thought" => CueClass::Thought,
                    "intention" => CueClass::Intention,
                    _ => CueClass::Speech,
                })
                .collect();
            builder = builder.cue_classes(&classes);
        }
        builder.build().context("cannot build the pipeline")
    }
}
