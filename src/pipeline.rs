//! The pipeline: one article in, one record out.

use std::path::PathBuf;

use crate::article::Article;
use crate::error::Result;
use crate::offsets::CharIndex;
use crate::record::{Record, SCHEMA};
use crate::segment::Segmentation;

/// Configuration for a [`Pipeline`], validated by [`PipelineBuilder::build`].
#[derive(Clone, Debug, Default)]
pub struct PipelineBuilder {
    gazetteer_dir: Option<PathBuf>,
    extra_gazetteers: Vec<PathBuf>,
}

impl PipelineBuilder {
    /// Replaces the bundled gazetteers with the files in `dir`.
    pub fn gazetteer_dir(mut self, dir: impl Into<PathBuf>) -> PipelineBuilder {
        self.gazetteer_dir = Some(dir.into());
        self
    }

    /// Adds one gazetteer file to those in use.
    pub fn add_gazetteer(mut self, file: impl Into<PathBuf>) -> PipelineBuilder {
        self.extra_gazetteers.push(file.into());
        self
    }

    /// Loads and compiles everything; errors name the file, line and field
    /// at fault.
    pub fn build(self) -> Result<Pipeline> {
        Ok(Pipeline { _config: self })
    }
}

/// Extracts records from articles. Build it once and share it: it is `Sync`,
/// and [`extract`](Pipeline::extract) takes `&self`.
///
/// ```
/// use whosaid::{Article, Pipeline};
///
/// let pipeline = Pipeline::new()?;
/// let record = pipeline.extract(&Article::new("a1", "Wang said so."));
/// assert_eq!(record.id, "a1");
/// assert_eq!(record.schema, "whosaid/1");
/// # Ok::<(), whosaid::Error>(())
/// ```
#[derive(Debug)]
pub struct Pipeline {
    _config: PipelineBuilder,
}

impl Pipeline {
    /// A pipeline with the bundled defaults.
    pub fn new() -> Result<Pipeline> {
        Pipeline::builder().build()
    }

    /// A builder to configure a pipeline.
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// The ISO 3166 alpha-2 code of the country that `name` (a name, short
    /// form or demonym, as written) denotes in the gazetteers in use.
    pub fn country_code(&self, name: &str) -> Option<&str> {
        let _ = name;
        None
    }

    /// Extracts the record of one article. Never fails: problems with the
    /// text become warnings in the record.
    pub fn extract(&self, article: &Article) -> Record {
        let text = article.text.as_str();
        let mut warnings = article.warnings.clone();
        if text.trim().is_empty() {
            warnings.push("empty text".to_string());
        }
        let _chars = CharIndex::new(text);
        let _seg = Segmentation::new(text);
        Record {
            schema: SCHEMA.to_string(),
            id: article.id.clone(),
            source: article.source.clone(),
            title: article.title.clone(),
            meta: article.meta.clone(),
            entities: Vec::new(),
            people: Vec::new(),
            countries: Vec::new(),
            quotes: Vec::new(),
            warnings,
        }
    }
}
