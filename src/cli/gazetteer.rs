//! `whosaid gazetteer`.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use whosaid::gazetteer::Gazetteers;

use super::EXIT_OK;

/// Arguments of `whosaid gazetteer`.
#[derive(Debug, Parser)]
pub struct GazetteerArgs {
    /// What to do with the gazetteers.
    #[command(subcommand)]
    pub action: Action,
}

/// Gazetteer actions.
#[derive(Debug, Subcommand)]
pub enum Action {
    /// Validate gazetteer files, print how much they hold and the forms that
    /// name more than one thing.
    ///
    /// With no DIR, checks the bundled gazetteers. Every fault is reported
    /// with its file, line and field, and makes the exit status 2.
    Check {
        /// A directory of *.tsv files to check instead of the bundled ones.
        dir: Option<PathBuf>,
        /// More files to load on top (repeatable).
        #[arg(long = "add-gazetteer", value_name = "FILE")]
        add: Vec<PathBuf>,
        /// List every collision, not only the first twenty.
        #[arg(long)]
        all: bool,
    },
}

/// How many collisions are listed without `--all`.
const SHOWN: usize = 20;

pub fn run(args: GazetteerArgs) -> Result<i32> {
    match args.action {
        Action::Check { dir, add, all } => {
            let mut g = match &dir {
                Some(dir) => Gazetteers::from_dir(dir)?,
                None => Gazetteers::bundled().context("the bundled gazetteers are invalid")?,
            };
            for file in &add {
                g.add_file(file)?;
            }
            let report = g.check();
            let mut out = std::io::stdout().lock();
            let from = dir
                .as_ref()
                .map_or("bundled gazetteers".to_string(), |d| d.display().to_string());
            writeln!(out, "{from}: {} files valid", g.files.len())?;
            writeln!(out, "  countries    {:>8}", report.countries)?;
            writeln!(out, "  people       {:>8}", report.people)?;
            writeln!(out, "  offices      {:>8}", report.offices)?;
            writeln!(
                out,
                "  forms        {:>8}  (names, aliases, demonyms, titles)",
                report.aliases
            )?;
            writeln!(out, "  nouns        {:>8}", report.nouns)?;
            writeln!(out, "  first names  {:>8}", report.first_names)?;
            writeln!(out, "  surnames     {:>8}", report.surnames)?;
            writeln!(out, "  cues         {:>8}", g.cues.cues.len())?;
            writeln!(out, "{} forms name more than one thing:", report.collisions.len())?;
            let shown = if all { report.collisions.len() } else { SHOWN };
            for (form, what) in report.collisions.iter().take(shown) {
                writeln!(out, "  {form:?}: {}", what.join("; "))?;
            }
            if report.collisions.len() > shown {
                writeln!(out, "  ... {} more (--all lists them)", report.collisions.len() - shown)?;
            }
            Ok(EXIT_OK)
        }
    }
}
