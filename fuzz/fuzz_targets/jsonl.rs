//! The whole pipeline on arbitrary bytes read as one JSONL line, through the
//! public parsing path: each line yields an article, checked after
//! extraction, or an error record, checked too.

#![no_main]

use libfuzzer_sys::fuzz_target;
use whosaid::SourceRef;
use whosaid::input::{RawBody, RawItem, ReadOptions};
use whosaid_fuzz::{check_error, extract_and_check, pipeline};

fuzz_target!(|data: &[u8]| {
    let item = RawItem {
        source: SourceRef {
            path: "fuzz.jsonl".into(),
            line: Some(1),
        },
        body: RawBody::JsonLine {
            default_id: "fuzz:1".into(),
            bytes: data.to_vec(),
        },
    };
    match item.into_article(&ReadOptions::default()) {
        Ok(article) => {
            assert_eq!(article.source.line, Some(1));
            extract_and_check(pipeline(), &article);
        }
        Err(error) => {
            assert_eq!(error.source.line, Some(1));
            check_error(&error);
        }
    }
});
