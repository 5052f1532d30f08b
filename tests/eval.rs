//! `whosaid eval` end to end: the reference figures of the spaCy + textacy
//! baseline on PolNeAR dev (when ../shared is there), and exit codes and
//! outputs on tiny hand-made gold.

use std::fs;
use std::path::{Path, PathBuf};

use crate::util::{run as whosaid, shared, stderr, stdout};

fn row(table: &str, metric: &str) -> Option<[String; 3]> {
    let line = table.lines().find(|l| l.split_whitespace().next() == Some(metric))?;
    let cols: Vec<&str> = line.split_whitespace().collect();
    Some([
        cols.get(1)?.to_string(),
        cols.get(2)?.to_string(),
        cols.get(3)?.to_string(),
    ])
}

/// The baseline's figures as published with the data (P, R, F1).
const TEXTACY: [(&str, [&str; 3]); 7] = [
    ("source_exact", ["61.8", "10.5", "17.9"]),
    ("cue_exact", ["81.2", "12.2", "21.3"]),
    ("content_exact", ["59.7", "10.4", "17.7"]),
    ("source_overlap", ["89.4", "15.1", "25.9"]),
    ("cue_overlap", ["91.5", "13.8", "23.9"]),
    ("content_overlap", ["99.3", "17.5", "29.7"]),
    ("attribution", ["79.9", "12.6", "21.8"]),
];

#[test]
fn reproduces_the_textacy_figures_on_polnear_dev() {
    let Some(shared) = shared() else { return };
    let gold = shared.join("data/polnear/dev");
    let pred = shared.join("eval/textacy-polnear-dev");
    let (gold, pred) = (gold.to_str().unwrap(), pred.to_str().unwrap());

    let out = whosaid(&["eval", "--gold", gold, "--format", "polnear", "--pred", pred]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let table = stdout(&out);
    for (metric, want) in TEXTACY {
        let got = row(&table, metric).unwrap_or_else(|| panic!("no {metric} line in\n{table}"));
        assert_eq!(got, want.map(String::from), "{metric} in\n{table}");
    }

    let out = whosaid(&["eval", "--gold", gold, "--format", "polnear", "--pred", pred, "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("--json prints JSON");
    for (metric, [p, r, f1]) in TEXTACY {
        for (part, want) in [("p", p), ("r", r), ("f1", f1)] {
            let got = json[metric][part]
                .as_f64()
                .unwrap_or_else(|| panic!("no {metric}.{part}"));
            assert_eq!(format!("{got:.1}"), want, "{metric}.{part}");
        }
    }
    assert_eq!(json["content_exact"]["gold"], 2515);
    assert_eq!(json["attribution"]["predicted"], 437);

    let floors = ["--min", "content_exact.f1=17.7", "--min", "attribution.p=79.9"];
    let out = whosaid(
        &[
            &["eval", "--gold", gold, "--format", "polnear", "--pred", pred][..],
            &floors[..],
        ]
        .concat(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = whosaid(&[
        "eval",
        "--gold",
        gold,
        "--format",
        "polnear",
        "--pred",
        pred,
        "--min",
        "content_exact.f1=17.8",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
}

#[test]
fn runs_the_pipeline_on_every_shared_gold() {
    let Some(shared) = shared() else { return };
    let runs = [
        ("data/polnear/dev", "polnear", "attribution"),
        ("data/conll2003/eng.testa", "conll", "person"),
        ("seed/wang-cyberspace.gold.json", "gold", "quotes.found"),
    ];
    for (path, format, metric) in runs {
        let gold = shared.join(path);
        let out = whosaid(&[
            "eval",
            "--gold",
            gold.to_str().unwrap(),
            "--format",
            format,
            "-j",
            "2",
            "--json",
        ]);
        assert_eq!(out.status.code(), Some(0), "{format}: {}", stderr(&out));
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("--json prints JSON");
        assert!(json.get(metric).is_some(), "{format}: no {metric} in {json}");
    }
}

/// A two-article PolNeAR folder and a prediction for one of them.
fn tiny_polnear(root: &Path) -> (PathBuf, PathBuf) {
    let gold = root.join("gold");
    fs::create_dir_all(gold.join("text")).unwrap();
    fs::create_dir_all(gold.join("attributions")).unwrap();
    fs::write(gold.join("text/a.txt"), "Title\n\nZoë said it was hot.").unwrap();
    fs::write(
        gold.join("attributions/a_x.ann"),
        "T1\tSource 7 10\tZoë\nT2\tCue 11 15\tsaid\nT3\tContent 16 26\tit was hot\n\
         T4\tAttribution 11 15\tsaid\nE1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n",
    )
    .unwrap();
    fs::write(gold.join("text/b.txt"), "Nobody spoke.").unwrap();
    fs::write(gold.join("attributions/b_x.ann"), "").unwrap();
    let pred = root.join("pred.jsonl");
    let records = [
        r#"{"schema":"whosaid/1","id":"a","quotes":[{"kind":"indirect","source":{"start":7,"end":10},"#.to_string()
            + r#""cue":{"start":11,"end":15},"content":[{"start":16,"end":27}]}]}"#,
        r#"{"schema":"whosaid/1","id":"elsewhere","quotes":[]}"#.to_string(),
    ];
    fs::write(&pred, records.join("\n")).unwrap();
    (gold, pred)
}

#[test]
fn scores_hand_made_gold_with_floors_and_errors() {
    let dir = tempfile::tempdir().unwrap();
    let (gold, pred) = tiny_polnear(dir.path());
    let errors = dir.path().join("errors.jsonl");
    let (gold, pred, errors_arg) = (gold.to_str().unwrap(), pred.to_str().unwrap(), errors.to_str().unwrap());
    let base = ["eval", "--gold", gold, "--format", "polnear", "--pred", pred];

    let out = whosaid(&[&base[..], &["--errors", errors_arg]].concat());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let table = stdout(&out);
    assert_eq!(
        row(&table, "source_exact").unwrap(),
        ["100.0", "100.0", "100.0"].map(String::from)
    );
    assert_eq!(
        row(&table, "content_exact").unwrap(),
        ["0.0", "0.0", "0.0"].map(String::from)
    );
    assert_eq!(
        row(&table, "content_overlap").unwrap(),
        ["100.0", "100.0", "100.0"].map(String::from)
    );
    let notes = stderr(&out);
    assert!(notes.contains("\"elsewhere\" ignored"), "{notes}");
    assert!(notes.contains("1 gold articles have no prediction"), "{notes}");

    // The exact content miss, from both sides, with text and context.
    let lines: Vec<serde_json::Value> = fs::read_to_string(&errors)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert_eq!(lines[0]["kind"], "missed");
    assert_eq!(lines[0]["role"], "content");
    assert_eq!(lines[0]["text"], "it was hot");
    assert_eq!(lines[0]["partial"], true);
    assert_eq!(lines[1]["kind"], "spurious");
    assert_eq!(lines[1]["text"], "it was hot.");
    assert_eq!(lines[1]["context"], "Title  Zoë said [[it was hot.]]");

    let out = whosaid(
        &[
            &base[..],
            &["--min", "cue_exact.f1=100", "--min", "content_exact.r=0.1"],
        ]
        .concat(),
    );
    assert_eq!(out.status.code(), Some(1));
    let message = stderr(&out);
    assert!(
        message.contains("floor not met: content_exact.r is 0.0, below the floor 0.1"),
        "{message}"
    );
    assert!(!message.contains("cue_exact"), "{message}");

    let out = whosaid(&[&base[..], &["--min", "content.f1=10"]].concat());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("whosaid: unknown metric \"content.f1\""),
        "{}",
        stderr(&out)
    );
}

#[test]
fn usage_and_input_faults_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let (gold, _) = tiny_polnear(dir.path());
    let gold = gold.to_str().unwrap();
    let broken = dir.path().join("broken.jsonl");
    fs::write(&broken, "{\"schema\":\"whosaid/1\",\"id\":\"a\"}\n{not json\n").unwrap();
    let missing = dir.path().join("missing");
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["eval", "--gold", gold, "--format", "brat"], "invalid value 'brat'"),
        (vec!["eval", "--gold", gold], "--format"),
        (
            vec!["eval", "--gold", gold, "--format", "polnear", "--min", "x"],
            "is not METRIC=VALUE",
        ),
        (
            vec![
                "eval",
                "--gold",
                gold,
                "--format",
                "polnear",
                "--pred",
                broken.to_str().unwrap(),
            ],
            "broken.jsonl:2:",
        ),
        (
            vec!["eval", "--gold", missing.to_str().unwrap(), "--format", "gold"],
            "whosaid: cannot read the gold",
        ),
        (
            vec!["eval", "--gold", gold, "--format", "conll"],
            "whosaid: cannot read the gold",
        ),
    ];
    for (args, want) in cases {
        let out = whosaid(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(want), "{args:?}: {}", stderr(&out));
    }
}
