//! The gazetteer loader on arbitrary text: a file of any kind added to empty
//! lists, or to lists that already know a few countries (so that people and
//! cue rows referring to them can load). A file that loads must build a
//! pipeline or be refused with an error, and the pipeline must extract a
//! valid record from the file's own text, whose forms it now knows.

#![no_main]

use libfuzzer_sys::fuzz_target;
use whosaid::gazetteer::Gazetteers;
use whosaid::{Article, Pipeline};
use whosaid_fuzz::extract_and_check;

const COUNTRIES: &str = "code\tname\taliases\tdemonyms\tambiguous\n\
CN\tChina\tPRC|People's Republic of China\tChinese\t\n\
GE\tGeorgia\t\tGeorgian\tGeorgia\n\
US\tUnited States\tU.S.|USA|America\tAmerican\tAmerica\n";

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let mut g = Gazetteers::default();
    if mode & 1 == 1 {
        g.add_text("countries.tsv", COUNTRIES).expect("the base countries load");
    }
    let before = g.files.len();
    match g.add_text("fuzz.tsv", &text) {
        Ok(_) => assert_eq!(g.files.len(), before + 1, "a loaded file is listed"),
        Err(e) => {
            let message = e.to_string();
            assert!(message.starts_with("fuzz.tsv"), "the error names the file: {message}");
            return;
        }
    }
    let _ = g.check();
    if let Ok(pipeline) = Pipeline::from_gazetteers(g) {
        extract_and_check(&pipeline, &Article::new("gazetteer", text.as_ref()));
    }
});
