//! whosaid finds the people, offices and countries a news article mentions,
//! and who said what: direct, indirect and mixed quotes with their cues and
//! speakers, resolved to named people.
//!
//! The library is a pipeline of stages, each a module, data flowing one way:
//!
//! * [`input`]: files, directories, JSONL and compressed dumps, as [`Article`]s;
//! * [`segment`]: paragraphs, sentences and tokens with offsets;
//! * [`record`]: the output schema `whosaid/1`;
//! * [`driver`]: parallel extraction with ordered output;
//! * [`output`]: JSONL streams and per-article files;
//! * [`eval`]: scoring records against gold annotations.
//!
//! The [`Pipeline`] ties the extraction stages together. Build it once; it is
//! shared across threads.
//!
//! ```
//! use whosaid::{Article, Pipeline};
//!
//! let pipeline = Pipeline::new()?;
//! let article = Article::new("a1", "Wang urges calm\nWang said the talks went well.");
//! let record = pipeline.extract(&article);
//! println!("{}", serde_json::to_string_pretty(&record).unwrap());
//! # Ok::<(), whosaid::Error>(())
//! ```
//!
//! All offsets in records are Unicode code points, end-exclusive, into the
//! article's text; [`offsets::CharIndex`] converts from the byte offsets used
//! inside.

#![warn(missing_docs)]

pub mod article;
pub mod driver;
mod entities;
mod error;
pub mod eval;
pub mod gazetteer;
pub mod input;
pub mod offsets;
pub mod output;
mod pipeline;
mod quotes;
pub mod record;
pub mod segment;
mod text;

pub use article::{Article, SourceRef};
pub use error::{Error, Result};
#[doc(hidden)]
pub use pipeline::Stage;
pub use pipeline::{Pipeline, PipelineBuilder};
pub use record::Record;
