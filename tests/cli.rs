//! The command line: inputs, outputs, errors and exit codes.

use std::fs;

use crate::util::{files_under, jsonl, run, run_with_stdin, shared, stderr, whosaid};

#[test]
fn bad_jsonl_gives_one_record_per_line_in_order_and_exit_1() {
    let out = run(&["extract", "fixtures/bad/mixed.jsonl", "--jsonl", "-j2"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let records = jsonl(&out);
    let ids: Vec<&str> = records.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "good-1",
            "mixed:2",
            "no-text",
            "../../etc/x",
            "empty",
            "mixed:6",
            "good-2"
        ]
    );
    let errors: Vec<bool> = records.iter().map(|r| r.get("error").is_some()).collect();
    assert_eq!(errors, [false, true, true, false, false, true, false]);
    assert!(
        records[1]["error"]
            .as_str()
            .unwrap()
            .starts_with("line 2: not valid JSON")
    );
    assert_eq!(records[2]["error"], "line 3: no \"text\" field");
    assert_eq!(records[4]["warnings"][0], "empty text");
    assert_eq!(records[0]["meta"]["url"], "https://example.com/1");
    assert_eq!(records[0]["source"]["line"], 1);
    for r in &records {
        assert_eq!(r["schema"], "whosaid/1");
    }
    let err = stderr(&out);
    assert!(
        err.contains("whosaid: fixtures/bad/mixed.jsonl:2: article \"mixed:2\""),
        "{err}"
    );
    assert!(err.contains("7 articles, 3 failed"), "{err}");
}

#[test]
fn out_dir_never_writes_outside_and_reports_rejected_ids() {
    let tmp = tempfile::tempdir().unwrap();
    let out_dir = tmp.path().join("a/b/out");
    let out = run(&[
        "extract",
        "fixtures/bad/mixed.jsonl",
        "-o",
        out_dir.to_str().unwrap(),
        "--quiet",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out), "", "--quiet prints nothing");
    assert_eq!(
        files_under(&out_dir),
        [
            "_rejected.jsonl",
            "empty.json",
            "good-1.json",
            "good-2.json",
            "mixed:2.json",
            "mixed:6.json",
            "no-text.json"
        ]
    );
    let everything = files_under(tmp.path());
    assert!(everything.iter().all(|f| f.starts_with("a/b/out/")), "{everything:?}");
    let rejected = fs::read_to_string(out_dir.join("_rejected.jsonl")).unwrap();
    let rec: serde_json::Value = serde_json::from_str(rejected.trim()).unwrap();
    assert_eq!(rec["id"], "../../etc/x");
    assert!(rec["error"].as_str().unwrap().contains("cannot be used as a file name"));
    let good: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out_dir.join("good-1.json")).unwrap()).unwrap();
    assert_eq!(good["title"], "A fine article");
}

#[test]
fn text_files_take_ids_from_their_paths_and_titles_from_first_lines() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("corpus");
    fs::create_dir_all(input.join("world/asia")).unwrap();
    fs::write(input.join("world/asia/001.txt"), "\n\n  Headline one  \nBody.").unwrap();
    fs::write(input.join("top.txt"), "Top story\nText.").unwrap();
    fs::write(input.join("ignored.md"), "not an article").unwrap();
    fs::write(input.join(".hidden.txt"), "hidden").unwrap();
    let out = run(&["extract", input.to_str().unwrap(), "--jsonl"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let records = jsonl(&out);
    let got: Vec<(&str, &str)> = records
        .iter()
        .map(|r| (r["id"].as_str().unwrap(), r["title"].as_str().unwrap()))
        .collect();
    assert_eq!(got, [("top", "Top story"), ("world/asia/001", "Headline one")]);
    assert_eq!(records[0]["source"]["line"], serde_json::Value::Null);
    // A file given directly is named by its stem.
    let direct = run(&["extract", input.join("world/asia/001.txt").to_str().unwrap()]);
    assert_eq!(jsonl(&direct)[0]["id"], "001");
}

#[test]
fn compressed_inputs_are_read_and_truncated_ones_fail_cleanly() {
    use std::io::Write;
    let tmp = tempfile::tempdir().unwrap();
    let lines = b"{\"id\":\"z1\",\"text\":\"one\"}\n{\"id\":\"z2\",\"text\":\"two\"}\n".repeat(200);
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&lines).unwrap();
    let gz = gz.finish().unwrap();
    fs::write(tmp.path().join("a.jsonl.gz"), &gz).unwrap();
    fs::write(tmp.path().join("b.jsonl.zst"), zstd::encode_all(&lines[..], 3).unwrap()).unwrap();
    fs::write(tmp.path().join("c.txt.gz"), {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(b"Zipped title\nbody").unwrap();
        e.finish().unwrap()
    })
    .unwrap();
    let out = run(&["extract", tmp.path().to_str().unwrap(), "--jsonl"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let records = jsonl(&out);
    assert_eq!(records.len(), 801);
    assert_eq!(records[800]["id"], "c");
    assert_eq!(records[800]["title"], "Zipped title");

    let cut = tmp.path().join("cut");
    fs::create_dir(&cut).unwrap();
    fs::write(cut.join("t.jsonl.gz"), &gz[..gz.len() / 2]).unwrap();
    let out = run(&["extract", cut.to_str().unwrap(), "--jsonl"]);
    assert_eq!(out.status.code(), Some(1));
    let records = jsonl(&out);
    let last = records.last().unwrap();
    assert!(
        last["error"]
            .as_str()
            .unwrap()
            .contains("the rest of the file is skipped"),
        "{last}"
    );
    assert!(records[..records.len() - 1].iter().all(|r| r.get("error").is_none()));
}

#[test]
fn stdin_is_jsonl_by_default_and_text_on_request() {
    let out = run_with_stdin(
        &["extract", "-"],
        b"{\"id\":\"s1\",\"text\":\"hello\"}\n\n{\"text\":\"no id\"}\n",
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let ids: Vec<String> = jsonl(&out)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["s1", "stdin:3"]);
    let out = run_with_stdin(&["extract", "-", "--format", "text"], b"Title line\nBody");
    let records = jsonl(&out);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["title"], "Title line");
}

#[test]
fn custom_field_names() {
    let out = run_with_stdin(
        &[
            "extract",
            "--id-field",
            "uid",
            "--text-field",
            "body",
            "--title-field",
            "headline",
        ],
        b"{\"uid\":\"u1\",\"headline\":\"H\",\"body\":\"B\",\"id\":\"kept in meta\"}\n",
    );
    let rec = &jsonl(&out)[0];
    assert_eq!(rec["id"], "u1");
    assert_eq!(rec["title"], "H");
    assert_eq!(rec["meta"]["id"], "kept in meta");
}

#[test]
fn invalid_utf8_is_a_warning_not_a_loss() {
    let out = run(&["extract", "fixtures/bad/latin1.txt"]);
    assert_eq!(out.status.code(), Some(0));
    let rec = &jsonl(&out)[0];
    assert!(rec["warnings"][0].as_str().unwrap().contains("invalid UTF-8"));
    assert!(rec.get("error").is_none());
}

#[test]
fn output_is_identical_for_any_thread_count() {
    let one = run(&["extract", "fixtures", "--jsonl", "-j1", "--quiet"]);
    let four = run(&["extract", "fixtures", "--jsonl", "-j4", "--quiet"]);
    assert!(!one.stdout.is_empty());
    assert_eq!(one.stdout, four.stdout);
}

/// Compact records are written without serde; read back and written again
/// by serde_json, every line must come out byte for byte the same.
#[test]
fn compact_records_are_the_bytes_serde_json_writes() {
    let out = run(&["extract", "fixtures", "--jsonl", "-j1", "--quiet"]);
    let text = String::from_utf8(out.stdout).expect("records are UTF-8");
    let mut lines = 0;
    for line in text.lines() {
        let record: whosaid::record::AnyRecord =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("not a record ({e}): {line}"));
        assert_eq!(serde_json::to_string(&record).unwrap(), line);
        lines += 1;
    }
    assert!(lines >= 20, "only {lines} records");
}

#[test]
fn usage_and_fatal_errors_exit_2() {
    let out = run(&["extract", "does/not/exist"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.starts_with("whosaid: ") && err.contains("does/not/exist"), "{err}");
    assert_eq!(run(&["extract", "--no-such-flag"]).status.code(), Some(2));
    assert_eq!(run(&["no-such-command"]).status.code(), Some(2));
    assert_eq!(run(&["extract", "-j", "many"]).status.code(), Some(2));
    // Offsets inside an article are 32-bit.
    let too_big = run(&["extract", "--max-article-mb", "4096", "-"]);
    assert_eq!(too_big.status.code(), Some(2));
    assert!(
        stderr(&too_big).contains("4096 is not in 1..=4095"),
        "{}",
        stderr(&too_big)
    );
    assert_eq!(run(&["--help"]).status.code(), Some(0));
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    use std::io::Read;
    use std::process::Stdio;
    let line = b"{\"id\":\"x\",\"text\":\"Some text that is long enough to fill the pipe quickly.\"}\n";
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("big.jsonl");
    fs::write(&input, line.repeat(50_000)).unwrap();
    let mut child = whosaid()
        .args(["extract", input.to_str().unwrap(), "--quiet"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 100];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    assert_eq!(stderr(&out), "");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn bbc_corpus_writes_one_file_per_article() {
    let Some(shared) = shared() else { return };
    let bbc = shared.join("data/bbc");
    let tmp = tempfile::tempdir().unwrap();
    let out = run(&[
        "extract",
        bbc.to_str().unwrap(),
        "-o",
        tmp.path().to_str().unwrap(),
        "--quiet",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let files = files_under(tmp.path());
    assert_eq!(files.len(), 2225);
    assert!(files.contains(&"sport/199.json".to_string()));
    let rec: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(tmp.path().join("sport/199.json")).unwrap()).unwrap();
    assert!(rec["warnings"][0].as_str().unwrap().contains("invalid UTF-8"), "{rec}");
}
