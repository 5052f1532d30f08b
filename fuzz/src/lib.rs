//! What the fuzz targets share: one pipeline, and the checks every record
//! must pass whatever the input.

use std::sync::OnceLock;

use whosaid::record::{AnyRecord, ErrorRecord, Record};
use whosaid::{Article, Pipeline};

/// The pipeline with the bundled gazetteers, built once per process.
pub fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| Pipeline::new().expect("the bundled gazetteers load"))
}

/// Extracts the record of `article` with `pipeline` and checks it: spans
/// within the text and slicing back to their `text` by code points, ids that
/// resolve, and a JSON form that reads back to the same record.
pub fn extract_and_check(pipeline: &Pipeline, article: &Article) -> Record {
    let record = pipeline.extract(article);
    check_record(&record, article);
    record
}

/// The checks of [`extract_and_check`] on a record already extracted.
pub fn check_record(record: &Record, article: &Article) {
    if let Err(fault) = record.validate(&article.text) {
        panic!("invalid record: {fault}\ntext: {:?}", article.text);
    }
    assert_eq!(record.id, article.id, "the record keeps the article's id");
    let json = serde_json::to_vec(record).expect("a record serializes");
    // The command line writes records with the hand-written writer: it must
    // agree with serde byte for byte.
    let mut compact = Vec::new();
    record.write_json(&mut compact).expect("a record writes");
    assert_eq!(compact, json, "the compact writer agrees with serde_json");
    match serde_json::from_slice::<AnyRecord>(&json) {
        Ok(AnyRecord::Ok(back)) => assert_eq!(*back, *record, "the record reads back unchanged"),
        Ok(AnyRecord::Failed(_)) => panic!("a record read back as an error record"),
        Err(e) => panic!("a record does not read back: {e}"),
    }
}

/// The checks every error record must pass: an id, a reason, valid JSON.
pub fn check_error(error: &ErrorRecord) {
    assert!(!error.error.is_empty(), "an error record says what went wrong");
    let json = serde_json::to_vec(error).expect("an error record serializes");
    match serde_json::from_slice::<AnyRecord>(&json) {
        Ok(AnyRecord::Failed(back)) => assert_eq!(back, *error),
        other => panic!("an error record does not read back as one: {other:?}"),
    }
}
