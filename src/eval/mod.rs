//! Evaluation: scoring records against gold annotations (`whosaid eval`).
//!
//! Three gold formats are read ([`GoldFormat`]): PolNeAR attributions
//! ([`polnear`]), CoNLL named entities ([`conll`]) and the project's own seed
//! gold ([`gold`]). Predictions are whosaid/1 records, read from files
//! ([`Predictions::load`]) or made by a [`Pipeline`] over the gold articles
//! ([`predict`]). [`evaluate`] matches the two by article id and returns
//! [`Scores`] with the false positives and negatives behind them; [`report`]
//! prints them.
//!
//! ```
//! use whosaid::eval::{self, Gold, Predictions};
//! use whosaid::eval::polnear::Document;
//! use whosaid::eval::metrics::{Fragment, GoldAttribution};
//!
//! let gold = Gold::Polnear(vec![Document {
//!     id: "a".into(),
//!     text: "Sam said it was hot.".into(),
//!     text_path: "a.txt".into(),
//!     ann_path: None,
//!     attributions: vec![GoldAttribution {
//!         source: vec![Fragment::new(0, 3)],
//!         cue: vec![Fragment::new(4, 8)],
//!         content: vec![Fragment::new(9, 19)],
//!     }],
//! }]);
//! // One record per line.
//! let record = concat!(
//!     r#"{"schema": "whosaid/1", "id": "a", "quotes": [{"kind": "indirect", "#,
//!     r#""source": {"start": 0, "end": 3}, "cue": {"start": 4, "end": 8}, "#,
//!     r#""content": [{"start": 9, "end": 20}]}]}"#,
//! );
//! let predictions = Predictions::from_json_lines(record, "inline")?;
//! let result = eval::evaluate(&gold, &predictions);
//! assert_eq!(result.scores.value("cue_exact.f1"), Some(100.0));
//! assert_eq!(result.scores.value("content_exact.f1"), Some(0.0));
//! assert_eq!(result.scores.value("content_overlap.f1"), Some(100.0));
//! # Ok::<(), whosaid::Error>(())
//! ```

pub mod conll;
pub mod gold;
pub mod metrics;
pub mod polnear;
pub mod report;
mod text;

use std::collections::BTreeSet;
use std::fmt;
use std::fs;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::str::FromStr;

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use serde_json::Value;

use crate::article::{Article, SourceRef};
use crate::error::{Error, Result};
use crate::pipeline::Pipeline;
use crate::record::{EntityKind, Record};

pub use conll::Resolver;
pub use metrics::{Fragment, Metric, Prf, Ratio, Scores};
pub use report::{ErrorItem, Floor};

/// The format of the gold given to `whosaid eval --format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GoldFormat {
    /// A PolNeAR split folder: attributions.
    Polnear,
    /// CoNLL-2003 or two-column BIO: people and countries.
    Conll,
    /// The project's `*.gold.json`: people, countries, offices, quotes.
    Gold,
}

impl GoldFormat {
    /// The metrics this format reports, all zero: the names `--min` may use.
    pub fn empty_scores(self) -> Scores {
        match self {
            GoldFormat::Polnear => metrics::AttributionTally::new().scores(),
            GoldFormat::Conll => ner_scores(&Prf::default(), &Prf::default()),
            GoldFormat::Gold => gold::Tally::new().scores(),
        }
    }
}

impl FromStr for GoldFormat {
    type Err = Error;

    fn from_str(s: &str) -> Result<GoldFormat> {
        match s {
            "polnear" => Ok(GoldFormat::Polnear),
            "conll" => Ok(GoldFormat::Conll),
            "gold" => Ok(GoldFormat::Gold),
            _ => Err(Error::msg(format!(
                "unknown gold format {s:?} (expected polnear, conll or gold)"
            ))),
        }
    }
}

impl fmt::Display for GoldFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            GoldFormat::Polnear => "polnear",
            GoldFormat::Conll => "conll",
            GoldFormat::Gold => "gold",
        })
    }
}

/// Gold articles of one format.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Gold {
    /// PolNeAR articles with their attributions.
    Polnear(Vec<polnear::Document>),
    /// CoNLL documents with their people and countries.
    Conll(Vec<conll::Document>),
    /// Seed-gold articles.
    Seed(Vec<gold::Document>),
}

impl Gold {
    /// Reads the gold at `path` in `format`. `resolve` maps a CoNLL span's
    /// text to a country code; `notes` receives what was skipped. Article
    /// ids must be unique.
    pub fn load(format: GoldFormat, path: &Path, resolve: Resolver, notes: &mut Vec<String>) -> Result<Gold> {
        let gold = match format {
            GoldFormat::Polnear => Gold::Polnear(polnear::load(path, notes)?),
            GoldFormat::Conll => Gold::Conll(conll::load(path, resolve)?),
            GoldFormat::Gold => Gold::Seed(gold::load(path)?),
        };
        let mut seen = FxHashSet::default();
        for id in gold.ids() {
            if !seen.insert(id) {
                return Err(Error::msg(format!(
                    "{}: article id {id:?} occurs twice",
                    path.display()
                )));
            }
        }
        Ok(gold)
    }

    /// The format read.
    pub fn format(&self) -> GoldFormat {
        match self {
            Gold::Polnear(_) => GoldFormat::Polnear,
            Gold::Conll(_) => GoldFormat::Conll,
            Gold::Seed(_) => GoldFormat::Gold,
        }
    }

    /// The article ids, in order.
    pub fn ids(&self) -> Vec<&str> {
        match self {
            Gold::Polnear(docs) => docs.iter().map(|d| d.id.as_str()).collect(),
            Gold::Conll(docs) => docs.iter().map(|d| d.id.as_str()).collect(),
            Gold::Seed(docs) => docs.iter().map(|d| d.id.as_str()).collect(),
        }
    }

    /// Number of articles.
    pub fn len(&self) -> usize {
        self.ids().len()
    }

    /// True when there is no article.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The articles, to run a pipeline over. Texts from files take their
    /// first line as title, as `whosaid extract` does.
    pub fn articles(&self) -> Vec<Article> {
        let from_file = |id: &str, text: &str, path: &Path| Article {
            title: Article::first_line_title(text),
            source: SourceRef {
                path: path.display().to_string(),
                line: None,
            },
            ..Article::new(id, text)
        };
        match self {
            Gold::Polnear(docs) => docs.iter().map(|d| from_file(&d.id, &d.text, &d.text_path)).collect(),
            Gold::Conll(docs) => docs
                .iter()
                .map(|d| Article::new(d.id.as_str(), d.text.as_str()))
                .collect(),
            Gold::Seed(docs) => docs.iter().map(|d| from_file(&d.id, &d.text, &d.text_path)).collect(),
        }
    }
}

/// Predicted records by article id. An error record is kept as "nothing
/// predicted".
#[derive(Clone, Debug, Default)]
pub struct Predictions {
    records: FxHashMap<String, Option<Record>>,
    /// Ids in reading order.
    order: Vec<String>,
    /// Duplicates and failures met while reading.
    pub notes: Vec<String>,
}

impl Predictions {
    /// No predictions.
    pub fn new() -> Predictions {
        Predictions::default()
    }

    /// Adds the record of article `id` (`None`: an error record). A second
    /// record for an id is dropped with a note; returns whether it was kept.
    pub fn insert(&mut self, id: String, record: Option<Record>, from: &str) -> bool {
        if self.records.contains_key(&id) {
            self.notes
                .push(format!("{from}: a second record for article {id:?}; the first is kept"));
            return false;
        }
        self.order.push(id.clone());
        self.records.insert(id, record);
        true
    }

    /// Reads records: every `*.json` file under a directory (one record
    /// each), or one file of JSON lines (a `.json` file may also hold one
    /// pretty-printed record).
    pub fn load(path: &Path) -> Result<Predictions> {
        if path.is_dir() {
            let mut preds = Predictions::new();
            for entry in walkdir::WalkDir::new(path).sort_by_file_name() {
                let entry = entry.map_err(|e| Error::msg(format!("cannot read directory {}: {e}", path.display())))?;
                let name = entry.file_name().to_string_lossy();
                if !entry.file_type().is_file() || !name.ends_with(".json") || name.starts_with('.') {
                    continue;
                }
                let shown = entry.path().display().to_string();
                let json = read_text(entry.path())?;
                let value: Value =
                    serde_json::from_str(&json).map_err(|e| Error::data(&shown, Some(e.line()), e.to_string()))?;
                let (id, record) = parse_record(value).map_err(|msg| Error::data(&shown, None, msg))?;
                preds.insert(id, record, &shown);
            }
            if preds.order.is_empty() {
                return Err(Error::msg(format!("{}: no .json record", path.display())));
            }
            return Ok(preds);
        }
        let content = read_text(path)?;
        let shown = path.display().to_string();
        if shown.ends_with(".json") && content.trim_start().starts_with('{') {
            // A pretty-printed record spans lines; a compact one is a line.
            if let Ok(value) = serde_json::from_str::<Value>(&content) {
                let (id, record) = parse_record(value).map_err(|msg| Error::data(&shown, None, msg))?;
                let mut preds = Predictions::new();
                preds.insert(id, record, &shown);
                return Ok(preds);
            }
        }
        Predictions::from_json_lines(&content, &shown)
    }

    /// Reads records from JSON lines (blank lines skipped); `path` names the
    /// source in errors.
    pub fn from_json_lines(content: &str, path: &str) -> Result<Predictions> {
        let mut preds = Predictions::new();
        for (i, line) in content.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let fault = |msg: String| Error::data(path, Some(i + 1), msg);
            let value: Value = serde_json::from_str(line).map_err(|e| fault(e.to_string()))?;
            let (id, record) = parse_record(value).map_err(fault)?;
            preds.insert(id, record, &format!("{path}:{}", i + 1));
        }
        Ok(preds)
    }

    /// The record of article `id`; `None` when there is none or it is an
    /// error record.
    pub fn get(&self, id: &str) -> Option<&Record> {
        self.records.get(id).and_then(Option::as_ref)
    }

    /// Number of records read, error records included.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// True when no record was read.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }
}

/// Reads one record from JSON: its id, and the record unless it is an error
/// record (has an `error` field).
fn parse_record(value: Value) -> std::result::Result<(String, Option<Record>), String> {
    let id = match value.get("id") {
        Some(Value::String(id)) => id.clone(),
        Some(_) => return Err("the record's \"id\" is not a string".into()),
        None if value.is_object() => return Err("the record has no \"id\"".into()),
        None => return Err("not a JSON object".into()),
    };
    if value.get("error").is_some() {
        return Ok((id, None));
    }
    let record: Record = serde_json::from_value(value).map_err(|e| format!("record {id:?}: {e}"))?;
    Ok((id, Some(record)))
}

/// Runs `pipeline` over the gold articles on `threads` threads (0: one per
/// core). An article whose extraction panics (a bug) is reported in the
/// notes and scored as predicting nothing.
pub fn predict(pipeline: &Pipeline, gold: &Gold, threads: usize) -> Result<Predictions> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| Error::msg(format!("cannot start worker threads: {e}")))?;
    let articles = gold.articles();
    let records: Vec<(String, Option<Record>)> = pool.install(|| {
        articles
            .par_iter()
            .map(|article| {
                let record = catch_unwind(AssertUnwindSafe(|| pipeline.extract(article))).ok();
                (article.id.clone(), record)
            })
            .collect()
    });
    let mut preds = Predictions::new();
    for (id, record) in records {
        if record.is_none() {
            preds.notes.push(format!(
                "article {id:?}: extraction failed (internal error); scored as predicting nothing"
            ));
        }
        preds.insert(id, record, "pipeline");
    }
    Ok(preds)
}

/// The outcome of [`evaluate`].
#[derive(Clone, Debug, Default)]
pub struct Evaluation {
    /// The metrics.
    pub scores: Scores,
    /// Every false positive, false negative and violation.
    pub errors: Vec<ErrorItem>,
    /// Findings to show a reader below the table (seed gold only).
    pub details: Vec<String>,
    /// Predictions ignored, articles without prediction, error records.
    pub notes: Vec<String>,
    /// Gold articles scored.
    pub articles: usize,
    /// Gold articles that had a (non-error) prediction.
    pub predicted: usize,
}

/// Scores `predictions` against `gold`, matching them by article id. A gold
/// article with no prediction, or an error record, counts as predicting
/// nothing; predictions for ids not in the gold are ignored with a note.
pub fn evaluate(gold: &Gold, predictions: &Predictions) -> Evaluation {
    let mut out = Evaluation {
        notes: predictions.notes.clone(),
        ..Evaluation::default()
    };
    let ids: BTreeSet<&str> = gold.ids().into_iter().collect();
    for id in &predictions.order {
        if !ids.contains(id.as_str()) {
            out.notes
                .push(format!("prediction for {id:?} ignored: no gold article has that id"));
        }
    }
    let (mut absent, mut failed) = (Vec::new(), Vec::new());
    for id in &ids {
        match predictions.records.get(*id) {
            None => absent.push(*id),
            Some(None) => failed.push(*id),
            Some(Some(_)) => out.predicted += 1,
        }
    }
    for (list, what) in [(&absent, "have no prediction"), (&failed, "have an error record")] {
        if !list.is_empty() {
            let shown: Vec<&str> = list.iter().take(5).copied().collect();
            let more = if list.len() > 5 { ", ..." } else { "" };
            out.notes.push(format!(
                "{} gold articles {what}, scored as predicting nothing: {}{more}",
                list.len(),
                shown.join(", ")
            ));
        }
    }
    out.articles = ids.len();

    match gold {
        Gold::Polnear(docs) => {
            let mut tally = metrics::AttributionTally::new();
            for doc in docs {
                let quotes = predictions.get(&doc.id).map_or(&[][..], |r| &r.quotes[..]);
                tally.add_article(&doc.id, &doc.text, &doc.attributions, quotes, Some(&mut out.errors));
            }
            out.scores = tally.scores();
        }
        Gold::Conll(docs) => {
            let (mut person, mut country) = (Prf::default(), Prf::default());
            for doc in docs {
                let record = predictions.get(&doc.id);
                let text = text::Text::new(&doc.text);
                let predicted = |kind: EntityKind| -> BTreeSet<Fragment> {
                    record
                        .map(|r| &r.entities[..])
                        .unwrap_or_default()
                        .iter()
                        .filter(|e| e.kind == kind)
                        .filter_map(|e| text.trim(e.start, e.end))
                        .collect()
                };
                let gold_people: BTreeSet<Fragment> = doc.people.iter().copied().collect();
                let gold_countries: BTreeSet<Fragment> = doc.countries.iter().map(|(f, _)| *f).collect();
                for (role, pred, wanted, tally) in [
                    ("person", predicted(EntityKind::Person), gold_people, &mut person),
                    ("country", predicted(EntityKind::Country), gold_countries, &mut country),
                ] {
                    let m = metrics::match_sets(&pred, &wanted);
                    tally.add(m.exact);
                    for (kind, list) in [("missed", &m.missed), ("spurious", &m.spurious)] {
                        for &(frag, partial) in list {
                            let mut item = ErrorItem::span(kind, role, &doc.id, &text, frag);
                            item.partial = Some(partial);
                            out.errors.push(item);
                        }
                    }
                }
            }
            out.scores = ner_scores(&person, &country);
        }
        Gold::Seed(docs) => {
            let mut tally = gold::Tally::new();
            for doc in docs {
                tally.add_article(doc, predictions.get(&doc.id), &mut out.errors, &mut out.details);
            }
            out.scores = tally.scores();
        }
    }
    out
}

fn ner_scores(person: &Prf, country: &Prf) -> Scores {
    let mut scores = Scores::new();
    scores.push("person", Metric::Prf(*person));
    scores.push("country", Metric::Prf(*country));
    scores
}

/// Reads a UTF-8 text file whole; a file that is not UTF-8 is an error
/// (offsets into a repaired text would be wrong).
pub(crate) fn read_text(path: &Path) -> Result<String> {
    let bytes = fs::read(path).map_err(|e| Error::io("cannot read", Some(path), e))?;
    String::from_utf8(bytes).map_err(|e| {
        Error::data(
            path.display().to_string(),
            None,
            format!("not UTF-8 (first bad byte at offset {})", e.utf8_error().valid_up_to()),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::metrics::GoldAttribution;

    fn polnear_doc(id: &str, text: &str, content: (usize, usize)) -> polnear::Document {
        polnear::Document {
            id: id.into(),
            text: text.into(),
            text_path: format!("{id}.txt").into(),
            ann_path: None,
            attributions: vec![GoldAttribution {
                source: vec![],
                cue: vec![],
                content: vec![Fragment::new(content.0, content.1)],
            }],
        }
    }

    fn record_line(id: &str, content: (usize, usize)) -> String {
        format!(
            r#"{{"schema":"whosaid/1","id":"{id}","quotes":[{{"kind":"direct","content":[{{"start":{},"end":{}}}]}}]}}"#,
            content.0, content.1
        )
    }

    /// (name, JSON lines, content_exact [pm, p, gm, g], articles predicted,
    /// fragments of the notes expected).
    type Case = (&'static str, String, [usize; 4], usize, Vec<&'static str>);

    #[test]
    fn matches_predictions_to_gold_by_id() {
        let gold = Gold::Polnear(vec![
            polnear_doc("a", "x said hello", (7, 12)),
            polnear_doc("b", "y said hi", (7, 9)),
            polnear_doc("c", "z said yo", (7, 9)),
        ]);
        let cases: Vec<Case> = vec![
            (
                "all predicted",
                [
                    record_line("a", (7, 12)),
                    record_line("b", (7, 9)),
                    record_line("c", (7, 9)),
                ]
                .join("\n"),
                [3, 3, 3, 3],
                3,
                vec![],
            ),
            (
                "an article missing from the predictions predicts nothing",
                [record_line("a", (7, 12)), record_line("c", (7, 9))].join("\n"),
                [2, 2, 2, 3],
                2,
                vec!["1 gold articles have no prediction, scored as predicting nothing: b"],
            ),
            (
                "unknown ids are ignored, error records predict nothing",
                [
                    record_line("a", (7, 12)),
                    record_line("zz", (0, 1)),
                    r#"{"schema":"whosaid/1","id":"b","source":{"path":"-","line":2},"error":"bad"}"#.into(),
                    record_line("c", (7, 8)),
                ]
                .join("\n"),
                [1, 2, 1, 3],
                2,
                vec!["\"zz\" ignored", "1 gold articles have an error record"],
            ),
            (
                "a second record for an id is dropped",
                [record_line("a", (7, 12)), record_line("a", (0, 1)), "".into()].join("\n\n"),
                [1, 1, 1, 3],
                1,
                vec![
                    "inline:3: a second record for article \"a\"",
                    "2 gold articles have no prediction, scored as predicting nothing: b, c",
                ],
            ),
        ];
        for (name, lines, [pm, p, gm, g], predicted, notes) in cases {
            let preds = Predictions::from_json_lines(&lines, "inline").unwrap_or_else(|e| panic!("{name}: {e}"));
            let result = evaluate(&gold, &preds);
            let want = Prf {
                predicted_matched: pm,
                predicted: p,
                gold_matched: gm,
                gold: g,
            };
            assert_eq!(result.scores.get("content_exact"), Some(&Metric::Prf(want)), "{name}");
            assert_eq!((result.articles, result.predicted), (3, predicted), "{name}");
            assert_eq!(result.notes.len(), notes.len(), "{name}: {:?}", result.notes);
            for (note, want) in result.notes.iter().zip(notes) {
                assert!(note.contains(want), "{name}: {note:?} lacks {want:?}");
            }
        }
    }

    #[test]
    fn bad_predictions_are_errors_naming_file_and_line() {
        let cases = [
            (
                "{\"id\": \"a\"}\nnot json\n",
                "p.jsonl:1: record \"a\": missing field `schema`",
            ),
            ("\n{\"schema\": \"whosaid/1\"}\n", "p.jsonl:2: the record has no \"id\""),
            ("[1]\n", "p.jsonl:1: not a JSON object"),
            (
                "{\"schema\":\"whosaid/1\",\"id\":7}",
                "p.jsonl:1: the record's \"id\" is not a string",
            ),
            (
                "{\"schema\":\"whosaid/1\",\"id\":\"a\"}\n{oops",
                "p.jsonl:2: key must be a string",
            ),
            (
                "{\"schema\":\"whosaid/1\",\"id\":\"a\",\"quotes\":[{\"kind\":\"shouted\"}]}",
                "p.jsonl:1: record \"a\": unknown variant `shouted`",
            ),
        ];
        for (content, want) in cases {
            match Predictions::from_json_lines(content, "p.jsonl") {
                Ok(_) => panic!("{content:?} was read"),
                Err(e) => assert!(e.to_string().starts_with(want), "{content:?}: {e}"),
            }
        }
    }

    #[test]
    fn loads_predictions_from_directories_and_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("recs/sub")).unwrap();
        std::fs::write(root.join("recs/a.json"), record_line("a", (7, 12))).unwrap();
        // Ids come from the records, not the file names.
        std::fs::write(root.join("recs/sub/other.json"), record_line("sub/b", (7, 9))).unwrap();
        std::fs::write(root.join("recs/notes.txt"), "not a record").unwrap();
        let preds = Predictions::load(&root.join("recs")).unwrap();
        assert_eq!(preds.len(), 2);
        assert!(preds.get("a").is_some() && preds.get("sub/b").is_some());

        let pretty = serde_json::to_string_pretty(&serde_json::from_str::<Value>(&record_line("a", (1, 2))).unwrap());
        std::fs::write(root.join("one.json"), pretty.unwrap()).unwrap();
        assert_eq!(Predictions::load(&root.join("one.json")).unwrap().len(), 1);

        std::fs::write(
            root.join("all.jsonl"),
            [record_line("a", (1, 2)), record_line("b", (1, 2))].join("\n"),
        )
        .unwrap();
        assert_eq!(Predictions::load(&root.join("all.jsonl")).unwrap().len(), 2);

        std::fs::write(root.join("recs/sub/broken.json"), "{\n\"id\": ").unwrap();
        let e = Predictions::load(&root.join("recs")).unwrap_err().to_string();
        assert!(e.contains("broken.json:2:"), "{e}");
        std::fs::write(root.join("bad.jsonl"), b"\xff\xfe").unwrap();
        let e = Predictions::load(&root.join("bad.jsonl")).unwrap_err().to_string();
        assert!(e.contains("not UTF-8"), "{e}");
        std::fs::create_dir_all(root.join("empty")).unwrap();
        assert!(Predictions::load(&root.join("empty")).is_err());
        assert!(Predictions::load(&root.join("missing")).is_err());
    }

    #[test]
    fn scores_conll_entities_exactly() {
        let resolve = |name: &str| (name == "France").then(|| "FR".to_string());
        let docs = conll::parse(
            "Jean B-PER\nDupont I-PER\nleft O\nFrance B-LOC\nfor O\nParis B-LOC\n",
            "t",
            "t",
            &resolve,
        )
        .unwrap();
        let gold = Gold::Conll(docs);
        // "Jean Dupont left France for Paris"
        let line = concat!(
            r#"{"schema":"whosaid/1","id":"t:1","entities":["#,
            r#"{"kind":"person","start":5,"end":11,"text":"","canonical":"","rule":""},"#,
            r#"{"kind":"country","start":17,"end":23,"text":"","canonical":"","rule":""},"#,
            r#"{"kind":"country","start":28,"end":33,"text":"","canonical":"","rule":""},"#,
            r#"{"kind":"office","start":0,"end":4,"text":"","canonical":"","rule":""}]}"#
        );
        let preds = Predictions::from_json_lines(line, "p").unwrap();
        let result = evaluate(&gold, &preds);
        let person = Prf {
            predicted: 1,
            predicted_matched: 0,
            gold: 1,
            gold_matched: 0,
        };
        let country = Prf {
            predicted: 2,
            predicted_matched: 1,
            gold: 1,
            gold_matched: 1,
        };
        assert_eq!(result.scores.get("person"), Some(&Metric::Prf(person)));
        assert_eq!(result.scores.get("country"), Some(&Metric::Prf(country)));
        let partial: Vec<(&str, &str, Option<bool>)> = result
            .errors
            .iter()
            .map(|e| (e.kind.as_str(), e.text.as_str(), e.partial))
            .collect();
        assert!(partial.contains(&("missed", "Jean Dupont", Some(true))), "{partial:?}");
        assert!(partial.contains(&("spurious", "Dupont", Some(true))), "{partial:?}");
        assert!(partial.contains(&("spurious", "Paris", Some(false))), "{partial:?}");
    }

    #[test]
    fn the_pipeline_predicts_every_gold_article() {
        let gold = Gold::Polnear(vec![
            polnear_doc("a", "x said hello", (7, 12)),
            polnear_doc("b", "y", (0, 1)),
        ]);
        let pipeline = Pipeline::new().unwrap();
        let preds = predict(&pipeline, &gold, 2).unwrap();
        assert_eq!(preds.len(), 2);
        assert!(preds.get("a").is_some() && preds.get("b").is_some());
        let result = evaluate(&gold, &preds);
        assert_eq!(result.predicted, 2);
        assert!(result.notes.is_empty(), "{:?}", result.notes);
    }

    #[test]
    fn formats_parse_and_list_their_metrics() {
        assert_eq!("conll".parse::<GoldFormat>().unwrap(), GoldFormat::Conll);
        assert!("brat".parse::<GoldFormat>().is_err());
        let names = GoldFormat::Polnear.empty_scores().figure_names();
        assert!(names.contains(&"content_exact.f1".to_string()));
        assert!(names.contains(&"attribution.r".to_string()));
        let names = GoldFormat::Gold.empty_scores().figure_names();
        for name in [
            "people.f1",
            "countries.f1",
            "links.recall",
            "offices.recall",
            "quotes.found",
            "violations",
        ] {
            assert!(names.contains(&name.to_string()), "{name}");
        }
        assert!(
            GoldFormat::Conll
                .empty_scores()
                .figure_names()
                .contains(&"country.p".to_string())
        );
    }

    /// Readers and scorers return errors, never panic, on arbitrary input.
    #[test]
    fn garbage_in_is_an_error_not_a_panic() {
        let alphabet: Vec<char> = "TE1290 \t\n;:-_BIOPERLOC{}[]\"ëid,.schemaquotesstartend"
            .chars()
            .collect();
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..2000 {
            let len = (next() % 80) as usize;
            let input: String = (0..len)
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                .collect();
            if let Ok(ann) = polnear::parse_ann(&input, "g.ann") {
                if let Ok(attributions) = ann.attributions("g.ann") {
                    let mut tally = metrics::AttributionTally::new();
                    tally.add_article("g", &input, &attributions, &[], Some(&mut Vec::new()));
                }
                let _ = ann.check_bounds(input.chars().count(), "g.ann");
            }
            let _ = conll::parse(&input, "g", "g", &|_: &str| Some("XX".into()));
            let _ = Predictions::from_json_lines(&input, "g");
        }
    }
}
