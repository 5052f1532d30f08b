//! Golden tests: the records of the fixture articles, compared with the
//! expected JSON under `fixtures/expected/`.
//!
//! A deliberate change of output regenerates the expected files with
//! `WHOSAID_BLESS=1 cargo test golden`; the diff is then reviewed and
//! committed with the change.

use std::fs;

use crate::util::{files_under, root, run};

#[test]
fn fixture_articles_match_expected_records() {
    // The input is named relative to the repository (the tests run there), so
    // that `source.path` in the records does not depend on where it is cloned.
    let expected = root().join("fixtures/expected");
    let tmp = tempfile::tempdir().unwrap();
    let out = run(&[
        "extract",
        "fixtures/articles",
        "-o",
        tmp.path().to_str().unwrap(),
        "--quiet",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let got = files_under(tmp.path());
    assert!(!got.is_empty());
    if std::env::var_os("WHOSAID_BLESS").is_some() {
        let _ = fs::remove_dir_all(&expected);
        for f in &got {
            let dest = expected.join(f);
            fs::create_dir_all(dest.parent().unwrap()).unwrap();
            fs::copy(tmp.path().join(f), dest).unwrap();
        }
        return;
    }
    assert_eq!(
        got,
        files_under(&expected),
        "the set of records differs from fixtures/expected"
    );
    let mut differ = Vec::new();
    for f in &got {
        let want = fs::read_to_string(expected.join(f)).unwrap();
        let have = fs::read_to_string(tmp.path().join(f)).unwrap();
        if want != have {
            differ.push(f.clone());
        }
    }
    assert!(
        differ.is_empty(),
        "records differ from fixtures/expected: {differ:?}\n(rerun with WHOSAID_BLESS=1 to accept, then review the diff)"
    );
}
