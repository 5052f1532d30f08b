//! The whole pipeline on arbitrary bytes read as a `.txt` article: decoded
//! as the reader decodes a file (lossy UTF-8, title from the first line),
//! then extracted and checked.

#![no_main]

use libfuzzer_sys::fuzz_target;
use whosaid::SourceRef;
use whosaid::input::{RawBody, RawItem, ReadOptions};
use whosaid_fuzz::{extract_and_check, pipeline};

fuzz_target!(|data: &[u8]| {
    let item = RawItem {
        source: SourceRef {
            path: "fuzz.txt".into(),
            line: None,
        },
        body: RawBody::Text {
            id: "fuzz".into(),
            bytes: data.to_vec(),
        },
    };
    let article = match item.into_article(&ReadOptions::default()) {
        Ok(article) => article,
        Err(e) => panic!("a text file always reads as an article: {e:?}"),
    };
    if std::str::from_utf8(data).is_ok() {
        assert_eq!(article.text.as_bytes(), data, "valid UTF-8 is kept as it is");
        assert!(article.warnings.is_empty());
    } else {
        assert!(article.warnings.iter().any(|w| w.contains("invalid UTF-8")));
    }
    extract_and_check(pipeline(), &article);
});
