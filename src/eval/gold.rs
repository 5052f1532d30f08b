//! Seed gold (`*.gold.json`): people, countries, offices and quotes of one
//! article, written by hand for this project.
//!
//! The file names its text (`text_file`, beside the JSON). The metrics:
//!
//! * `people`: a record person matches a gold person when its name equals
//!   the gold name or one of its surface forms (white space normalised). P
//!   is the share of record people matching a gold person, R the share of
//!   gold people matched.
//! * `countries`: the record's country codes against the gold's.
//! * `links.recall`: every whole-word occurrence, before the boilerplate, of
//!   a gold person's surface forms (an occurrence inside a longer one of the
//!   same person counts once, as the longer) is linked when a person entity
//!   covering it (or all of it but a title before the name: "Mr", "Sen.")
//!   names (`person`) a record person matching that gold person.
//! * `offices.recall`: each office of each gold person counts when it equals,
//!   ignoring case, an office of a record person matching that gold person.
//! * `quotes.found`: the share of required gold quotes whose content some
//!   predicted quote's content overlaps; `quotes.attributed`: the share found
//!   by a quote whose speaker resolves to the gold speaker (by the record
//!   person's id, or by `speaker_name` when it has no id; a gold speaker of
//!   null wants a speaker that is no gold person). Quotes with
//!   `required: false` count neither way.
//! * `violations`: record people named like a `not_people` entry; predicted
//!   quotes overlapping a gold quote whose speaker is null (required or not)
//!   but attributed to a gold person; predicted quotes starting at or after
//!   the boilerplate attributed to a gold person. A quote counts once.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::metrics::{Fragment, Metric, Prf, Ratio, Scores};
use super::read_text;
use super::report::ErrorItem;
use super::text::Text;
use crate::error::{Error, Result};
use crate::offsets::CharIndex;
use crate::record::{EntityKind, Quote, Record};

/// A gold person.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct GoldPerson {
    /// Full name.
    pub name: String,
    /// ISO 3166 alpha-2 code, if known.
    #[serde(default)]
    pub country: Option<String>,
    /// How the text names the person.
    #[serde(default)]
    pub surface_forms: Vec<String>,
    /// Offices held, as written.
    #[serde(default)]
    pub offices: Vec<String>,
    /// Descriptions used as mentions ("The senior diplomat").
    #[serde(default)]
    pub descriptions: Vec<String>,
}

/// Where site furniture starts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct Boilerplate {
    /// First code point of the boilerplate.
    pub start: usize,
    /// What it is.
    #[serde(default)]
    pub note: Option<String>,
}

/// A span of the gold, in code points.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct GoldSpan {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The text, for reading.
    #[serde(default)]
    pub text: String,
}

fn yes() -> bool {
    true
}

/// A gold quote.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct GoldQuote {
    /// The speaker's gold name, or null for a group or organisation.
    #[serde(default)]
    pub speaker: Option<String>,
    /// direct, indirect or mixed.
    #[serde(default)]
    pub kind: Option<String>,
    /// False when the quote counts neither way.
    #[serde(default = "yes")]
    pub required: bool,
    /// The local mention of the speaker.
    #[serde(default)]
    pub source: Option<GoldSpan>,
    /// The cue.
    #[serde(default)]
    pub cue: Option<GoldSpan>,
    /// The content.
    pub content: GoldSpan,
}

/// The content of a `*.gold.json` file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct GoldFile {
    /// The article id (default: the file name without `.gold.json`).
    #[serde(default)]
    pub id: Option<String>,
    /// The text file, relative to the JSON file's directory.
    pub text_file: String,
    /// The people.
    #[serde(default)]
    pub people: Vec<GoldPerson>,
    /// Strings that must not become people.
    #[serde(default)]
    pub not_people: Vec<String>,
    /// Country code -> its surface forms in the text.
    #[serde(default)]
    pub countries: BTreeMap<String, Vec<String>>,
    /// Office mentions.
    #[serde(default)]
    pub offices: Vec<String>,
    /// Where site furniture begins, if anywhere.
    #[serde(default)]
    pub boilerplate: Option<Boilerplate>,
    /// The quotes.
    #[serde(default)]
    pub quotes: Vec<GoldQuote>,
}

/// One seed-gold article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// The article id.
    pub id: String,
    /// The article text.
    pub text: String,
    /// Where the text was read from.
    pub text_path: PathBuf,
    /// The gold.
    pub gold: GoldFile,
}

/// Reads a `*.gold.json` file, or every `*.gold.json` under a directory
/// (sorted).
pub fn load(path: &Path) -> Result<Vec<Document>> {
    let files: Vec<PathBuf> = if path.is_dir() {
        let mut files = Vec::new();
        for entry in walkdir::WalkDir::new(path).sort_by_file_name() {
            let entry = entry.map_err(|e| Error::msg(format!("cannot read directory {}: {e}", path.display())))?;
            if entry.file_type().is_file() && entry.file_name().to_string_lossy().ends_with(".gold.json") {
                files.push(entry.into_path());
            }
        }
        if files.is_empty() {
            return Err(Error::msg(format!("{}: no *.gold.json file", path.display())));
        }
        files
    } else {
        vec![path.to_path_buf()]
    };
    files.iter().map(|file| load_file(file)).collect()
}

/// Reads one `*.gold.json` file and its text.
pub fn load_file(path: &Path) -> Result<Document> {
    let shown = path.display().to_string();
    let json = read_text(path)?;
    let gold: GoldFile = serde_json::from_str(&json).map_err(|e| Error::data(&shown, Some(e.line()), e.to_string()))?;
    let text_path = path.parent().unwrap_or(Path::new("")).join(&gold.text_file);
    let text = read_text(&text_path)?;
    let len = text.chars().count();
    for (i, quote) in gold.quotes.iter().enumerate() {
        let spans = [Some(&quote.content), quote.source.as_ref(), quote.cue.as_ref()];
        for span in spans.into_iter().flatten() {
            if span.start > span.end || span.end > len {
                return Err(Error::data(
                    &shown,
                    None,
                    format!(
                        "quote {}: span {}-{} is not within the text ({len} code points)",
                        i + 1,
                        span.start,
                        span.end
                    ),
                ));
            }
        }
    }
    let id = match &gold.id {
        Some(id) => id.clone(),
        None => {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let stem = name.strip_suffix(".gold.json").or_else(|| name.strip_suffix(".json"));
            stem.unwrap_or(&name).to_string()
        }
    };
    Ok(Document {
        id,
        text,
        text_path,
        gold,
    })
}

/// Collapses runs of white space and trims.
fn normalize(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl GoldPerson {
    /// True when `name` is this person's name or one of its surface forms.
    pub fn is_named(&self, name: &str) -> bool {
        let name = normalize(name);
        !name.is_empty() && (normalize(&self.name) == name || self.surface_forms.iter().any(|f| normalize(f) == name))
    }
}

/// Sums the seed metrics over articles.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    people: Prf,
    countries: Prf,
    links: Ratio,
    offices: Ratio,
    found: Ratio,
    attributed: Ratio,
    violations: usize,
}

/// How one predicted quote stands against the gold.
struct QuoteView<'r> {
    quote: &'r Quote,
    content: Vec<Fragment>,
    start: Option<usize>,
    /// The gold person its speaker resolves to.
    speaker: Option<usize>,
    /// The speaker's name, for messages.
    speaker_name: String,
}

impl Tally {
    /// An empty tally.
    pub fn new() -> Tally {
        Tally::default()
    }

    /// Scores one article against its record (none: nothing predicted).
    /// Errors go to `errors`, readable findings to `details`.
    pub fn add_article(
        &mut self,
        doc: &Document,
        record: Option<&Record>,
        errors: &mut Vec<ErrorItem>,
        details: &mut Vec<String>,
    ) {
        let empty = Record::empty(doc.id.clone());
        let record = record.unwrap_or(&empty);
        let gold = &doc.gold;
        let text = Text::new(&doc.text);
        let id = doc.id.as_str();
        let boilerplate = gold.boilerplate.as_ref().map_or(text.len(), |b| b.start);
        let mut violations = 0;

        // People: which gold person each record person matches.
        let matched: Vec<Option<usize>> = record
            .people
            .iter()
            .map(|p| gold.people.iter().position(|g| g.is_named(&p.name)))
            .collect();
        let mut people = Prf {
            predicted: record.people.len(),
            predicted_matched: matched.iter().flatten().count(),
            gold: gold.people.len(),
            ..Prf::default()
        };
        let (mut found, mut missed, mut spurious) = (Vec::new(), Vec::new(), Vec::new());
        for (g, person) in gold.people.iter().enumerate() {
            if matched.contains(&Some(g)) {
                people.gold_matched += 1;
                found.push(person.name.as_str());
            } else {
                missed.push(person.name.as_str());
                errors.push(ErrorItem::other("missed", "people", id, &person.name));
            }
        }
        for (person, m) in record.people.iter().zip(&matched) {
            if m.is_none() {
                spurious.push(person.name.as_str());
                errors.push(ErrorItem::other("spurious", "people", id, &person.name));
            }
            let norm = normalize(&person.name).to_lowercase();
            if gold.not_people.iter().any(|n| normalize(n).to_lowercase() == norm) {
                violations += 1;
                let mut item = ErrorItem::other("violation", "people", id, &person.name);
                item.detail = Some("listed in not_people".into());
                errors.push(item);
                details.push(format!("{id}: violation: {:?} made a person", person.name));
            }
        }
        self.people.add(people);
        details.push(format!("{id}: people found: {}", list(&found)));
        details.push(format!("{id}: people missed: {}", list(&missed)));
        details.push(format!("{id}: people spurious: {}", list(&spurious)));

        // Countries.
        let predicted: BTreeSet<String> = record.countries.iter().map(|c| c.code.trim().to_uppercase()).collect();
        let wanted: BTreeSet<String> = gold.countries.keys().map(|c| c.trim().to_uppercase()).collect();
        let countries = Prf {
            predicted: predicted.len(),
            predicted_matched: predicted.intersection(&wanted).count(),
            gold: wanted.len(),
            gold_matched: predicted.intersection(&wanted).count(),
        };
        self.countries.add(countries);
        let missed: Vec<&str> = wanted.difference(&predicted).map(String::as_str).collect();
        let spurious: Vec<&str> = predicted.difference(&wanted).map(String::as_str).collect();
        for code in &missed {
            errors.push(ErrorItem::other("missed", "countries", id, *code));
        }
        for code in &spurious {
            errors.push(ErrorItem::other("spurious", "countries", id, *code));
        }
        details.push(format!("{id}: countries missed: {}", list(&missed)));
        details.push(format!("{id}: countries spurious: {}", list(&spurious)));

        // Surface-form links and offices.
        let ids_of = |g: usize| -> Vec<&str> {
            record
                .people
                .iter()
                .zip(&matched)
                .filter(|(_, m)| **m == Some(g))
                .map(|(p, _)| p.id.as_str())
                .collect()
        };
        let index = CharIndex::new(&doc.text);
        for (g, person) in gold.people.iter().enumerate() {
            let ids = ids_of(g);
            for occurrence in occurrences(&doc.text, &index, &person.surface_forms, boilerplate) {
                let linked = record.entities.iter().any(|e| {
                    e.kind == EntityKind::Person
                        && e.person.as_deref().is_some_and(|p| ids.contains(&p))
                        && ((e.start <= occurrence.start && occurrence.end <= e.end)
                            || titled(&doc.text, &index, occurrence, e.start, e.end))
                });
                self.links.count(linked);
                if !linked {
                    let mut item = ErrorItem::span("unlinked", "links", id, &text, occurrence);
                    item.detail = Some(format!("not linked to {}", person.name));
                    errors.push(item);
                }
            }
            for office in &person.offices {
                let want = normalize(office).to_lowercase();
                let hit = record
                    .people
                    .iter()
                    .filter(|p| ids.contains(&p.id.as_str()))
                    .any(|p| p.offices.iter().any(|o| normalize(o).to_lowercase() == want));
                self.offices.count(hit);
                if !hit {
                    let mut item = ErrorItem::other("unfound", "offices", id, office.as_str());
                    item.detail = Some(format!("office of {}", person.name));
                    errors.push(item);
                }
            }
        }

        // Quotes.
        let views: Vec<QuoteView> = record
            .quotes
            .iter()
            .map(|quote| {
                let trim = |s: &crate::record::Span| text.trim(s.start, s.end);
                let content: Vec<Fragment> = quote.content.iter().filter_map(trim).collect();
                let others = [quote.source.as_ref(), quote.cue.as_ref()];
                let start = content
                    .iter()
                    .copied()
                    .chain(others.into_iter().flatten().filter_map(trim))
                    .map(|f| f.start)
                    .min();
                let name = match &quote.speaker {
                    Some(sid) => record.people.iter().find(|p| p.id == *sid).map(|p| p.name.clone()),
                    None => quote.speaker_name.clone(),
                };
                let speaker = name
                    .as_deref()
                    .and_then(|n| gold.people.iter().position(|g| g.is_named(n)));
                QuoteView {
                    quote,
                    content,
                    start,
                    speaker,
                    speaker_name: name.unwrap_or_else(|| "nobody".into()),
                }
            })
            .collect();
        let mut violating = vec![Vec::new(); views.len()];
        for gq in &gold.quotes {
            let Some(content) = text.trim(gq.content.start, gq.content.end) else {
                continue;
            };
            let overlapping: Vec<usize> = (0..views.len())
                .filter(|&i| views[i].content.iter().any(|f| f.overlaps(content)))
                .collect();
            let wanted = gq
                .speaker
                .as_deref()
                .map(|s| gold.people.iter().position(|g| g.is_named(s)));
            if gq.speaker.is_none() {
                for &i in &overlapping {
                    if let Some(g) = views[i].speaker {
                        violating[i].push(format!(
                            "attributed to {} but gold speaker is not a person",
                            gold.people[g].name
                        ));
                    }
                }
            }
            if !gq.required {
                continue;
            }
            let is_found = !overlapping.is_empty();
            // A named gold speaker who is no gold person can only be missed.
            let is_attributed = overlapping.iter().any(|&i| match wanted {
                None => views[i].speaker.is_none(),
                Some(g) => g.is_some() && views[i].speaker == g,
            });
            self.found.count(is_found);
            self.attributed.count(is_attributed);
            if !is_found || !is_attributed {
                let kind = if is_found { "misattributed" } else { "missed" };
                let mut item = ErrorItem::span(kind, "quotes", id, &text, content);
                let said: Vec<&str> = overlapping.iter().map(|&i| views[i].speaker_name.as_str()).collect();
                let speaker = gq.speaker.as_deref().unwrap_or("not a person");
                item.detail = Some(if said.is_empty() {
                    format!("gold speaker: {speaker}")
                } else {
                    format!("gold speaker: {speaker}; predicted: {}", said.join(", "))
                });
                errors.push(item);
            }
        }
        for (view, reasons) in views.iter().zip(violating.iter_mut()) {
            if let (Some(start), Some(g)) = (view.start, view.speaker)
                && start >= boilerplate
            {
                reasons.push(format!("in the boilerplate but attributed to {}", gold.people[g].name));
            }
            if reasons.is_empty() {
                continue;
            }
            violations += 1;
            let extent = view
                .content
                .first()
                .copied()
                .or(view.start.map(|s| Fragment::new(s, s)));
            let mut item = match extent {
                Some(f) => ErrorItem::span("violation", "quotes", id, &text, f),
                None => ErrorItem::other("violation", "quotes", id, ""),
            };
            item.detail = Some(reasons.join("; "));
            details.push(format!(
                "{id}: violation: quote {:?}: {}",
                item.text,
                reasons.join("; ")
            ));
            errors.push(item);
            let _ = view.quote;
        }
        self.violations += violations;
    }

    /// The metrics, in report order.
    pub fn scores(&self) -> Scores {
        let mut scores = Scores::new();
        scores.push("people", Metric::Prf(self.people));
        scores.push("countries", Metric::Prf(self.countries));
        scores.push("links.recall", Metric::Ratio(self.links));
        scores.push("offices.recall", Metric::Ratio(self.offices));
        scores.push("quotes.found", Metric::Ratio(self.found));
        scores.push("quotes.attributed", Metric::Ratio(self.attributed));
        scores.push("violations", Metric::Count(self.violations));
        scores
    }
}

fn list(items: &[&str]) -> String {
    if items.is_empty() {
        "none".to_string()
    } else {
        items.join(", ")
    }
}

/// Whole-word occurrences of `forms` starting before `limit` (code points),
/// an occurrence within a longer one dropped.
/// Does a person entity `start..end` cover `occurrence` but for the titles
/// before the name ("Mr Reeve", "Sir Graham Pottinger"), which person
/// mentions leave out?
fn titled(text: &str, index: &CharIndex, occurrence: Fragment, start: usize, end: usize) -> bool {
    if end != occurrence.end || start <= occurrence.start || start >= end {
        return false;
    }
    let (from, to) = (index.byte_offset(occurrence.start), index.byte_offset(start));
    text.get(from..to).is_some_and(|prefix| {
        prefix
            .split_whitespace()
            .all(|w| crate::entities::honorific(w).is_some() || crate::entities::is_title_word(w))
    })
}

fn occurrences(text: &str, index: &CharIndex, forms: &[String], limit: usize) -> Vec<Fragment> {
    let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let mut found: Vec<Fragment> = Vec::new();
    for form in forms.iter().map(|f| f.trim()).filter(|f| !f.is_empty()) {
        for (at, _) in text.match_indices(form) {
            let end = at + form.len();
            if is_word(text[..at].chars().next_back()) || is_word(text[end..].chars().next()) {
                continue;
            }
            let (start, end) = index.char_range(at, end);
            if start < limit {
                found.push(Fragment::new(start, end));
            }
        }
    }
    found.sort_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
    found.dedup();
    let mut kept: Vec<Fragment> = Vec::new();
    for f in found {
        if !kept.iter().any(|k| k.start <= f.start && f.end <= k.end) {
            kept.push(f);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{CountryCount, Entity, Person, QuoteKind, Span};

    const TEXT: &str = "Zoë Wang said ties are good. Wang added: \"Keep calm.\" Officials agreed to wait. \
                        Photos Related Wang said nothing.";

    fn gold_file() -> GoldFile {
        let json = r#"{
            "text_file": "a.txt",
            "people": [
                {"name": "Zoë Wang", "country": "CN", "surface_forms": ["Zoë Wang", "Wang"], "offices": ["Foreign Minister"]},
                {"name": "Ann Lee", "surface_forms": ["Ann Lee"]}
            ],
            "not_people": ["Photos"],
            "countries": {"CN": ["China"], "FR": ["France"]},
            "boilerplate": {"start": 80},
            "quotes": [
                {"speaker": "Zoë Wang", "kind": "indirect", "content": {"start": 14, "end": 27}},
                {"speaker": "Zoë Wang", "kind": "direct", "content": {"start": 42, "end": 52}},
                {"speaker": null, "required": false, "content": {"start": 71, "end": 78}},
                {"speaker": "Ann Lee", "required": false, "content": {"start": 0, "end": 3}}
            ]
        }"#;
        serde_json::from_str(json).unwrap()
    }

    fn doc() -> Document {
        Document {
            id: "a".into(),
            text: TEXT.into(),
            text_path: PathBuf::from("a.txt"),
            gold: gold_file(),
        }
    }

    fn person(id: &str, name: &str, offices: &[&str]) -> Person {
        Person {
            id: id.into(),
            name: name.into(),
            reference: None,
            offices: offices.iter().map(|s| s.to_string()).collect(),
            countries: vec![],
        }
    }

    fn entity(start: usize, end: usize, person: Option<&str>) -> Entity {
        Entity {
            kind: EntityKind::Person,
            start,
            end,
            text: String::new(),
            canonical: String::new(),
            reference: None,
            person: person.map(str::to_string),
            rule: String::new(),
        }
    }

    fn quote(start: usize, end: usize, speaker: Option<&str>) -> Quote {
        Quote {
            kind: QuoteKind::Indirect,
            class: Default::default(),
            content: vec![Span {
                start,
                end,
                text: String::new(),
            }],
            cue: None,
            source: None,
            speaker: speaker.map(str::to_string),
            speaker_name: None,
            confidence: 0.5,
        }
    }

    fn record(people: Vec<Person>, entities: Vec<Entity>, countries: &[&str], quotes: Vec<Quote>) -> Record {
        Record {
            schema: "whosaid/1".into(),
            id: "a".into(),
            source: Default::default(),
            title: None,
            meta: None,
            entities,
            people,
            countries: countries
                .iter()
                .map(|c| CountryCount {
                    code: c.to_string(),
                    name: String::new(),
                    mentions: 1,
                })
                .collect(),
            quotes,
            warnings: vec![],
        }
    }

    fn figures(doc: &Document, record: Option<&Record>) -> (Scores, Vec<ErrorItem>) {
        let mut tally = Tally::new();
        let (mut errors, mut details) = (Vec::new(), Vec::new());
        tally.add_article(doc, record, &mut errors, &mut details);
        (tally.scores(), errors)
    }

    #[test]
    fn the_fixture_offsets_are_right() {
        let text = Text::new(TEXT);
        assert_eq!(text.slice(0, 8), "Zoë Wang");
        assert_eq!(text.slice(14, 27), "ties are good");
        assert_eq!(text.slice(42, 52), "Keep calm.");
        assert_eq!(text.slice(71, 78), "to wait");
        assert_eq!(text.slice(80, 86), "Photos");
    }

    /// (name, record, [(figure, value)]).
    type Case = (&'static str, Option<Record>, Vec<(&'static str, f64)>);

    #[test]
    fn scores_seed_metrics() {
        let doc = doc();
        // (name, record, [(figure, value)])
        let perfect = record(
            vec![
                person("p1", "Zoë Wang", &["foreign  minister"]),
                person("p2", "Ann Lee", &[]),
            ],
            vec![entity(0, 8, Some("p1")), entity(29, 33, Some("p1"))],
            &["cn", "FR"],
            vec![quote(14, 27, Some("p1")), quote(42, 52, Some("p1"))],
        );
        let mixed = record(
            vec![
                person("p1", "Wang", &["minister"]),
                person("p2", "Photos", &[]),
                person("p3", "Bob", &[]),
            ],
            // The first link covers only "Wang" inside "Zoë Wang": not covering.
            vec![entity(4, 8, Some("p1")), entity(29, 33, Some("p3"))],
            &["CN", "DE"],
            vec![
                quote(10, 20, Some("p3")),
                quote(71, 78, Some("p1")),
                quote(88, 100, Some("p1")),
            ],
        );
        let cases: Vec<Case> = vec![
            (
                "nothing predicted",
                None,
                vec![
                    ("people.p", 0.0),
                    ("people.r", 0.0),
                    ("countries.f1", 0.0),
                    ("links.recall", 0.0),
                    ("offices.recall", 0.0),
                    ("quotes.found", 0.0),
                    ("violations", 0.0),
                ],
            ),
            (
                "everything right",
                Some(perfect),
                vec![
                    ("people.f1", 100.0),
                    ("countries.f1", 100.0),
                    ("links.recall", 100.0),
                    ("offices.recall", 100.0),
                    ("quotes.found", 100.0),
                    ("quotes.attributed", 100.0),
                    ("violations", 0.0),
                ],
            ),
            (
                "partly right, with violations",
                Some(mixed),
                vec![
                    ("people.p", 100.0 / 3.0),
                    ("people.r", 50.0),
                    ("countries.p", 50.0),
                    ("countries.r", 50.0),
                    ("links.recall", 0.0),
                    ("offices.recall", 0.0),
                    ("quotes.found", 50.0),
                    ("quotes.attributed", 0.0),
                    // "Photos" as a person, a quote of a group given to Wang,
                    // a boilerplate quote given to Wang.
                    ("violations", 3.0),
                ],
            ),
        ];
        for (name, rec, want) in cases {
            let (scores, _) = figures(&doc, rec.as_ref());
            for (figure, value) in want {
                let got = scores.value(figure).unwrap_or_else(|| panic!("{name}: no {figure}"));
                assert!((got - value).abs() < 1e-9, "{name}: {figure} = {got}, want {value}");
            }
        }
    }

    #[test]
    fn counts_links_per_occurrence_before_the_boilerplate() {
        let index = CharIndex::new(TEXT);
        let forms = vec!["Zoë Wang".to_string(), "Wang".to_string(), "".to_string()];
        let found = occurrences(TEXT, &index, &forms, 80);
        assert_eq!(found, [Fragment::new(0, 8), Fragment::new(29, 33)]);
        let all = occurrences(TEXT, &index, &forms, usize::MAX);
        assert_eq!(all.len(), 3);
        // Whole words only.
        let part = occurrences("Wangs and Wang", &CharIndex::new("Wangs and Wang"), &forms[1..2], 99);
        assert_eq!(part, [Fragment::new(10, 14)]);
    }

    #[test]
    fn errors_name_what_went_wrong() {
        let rec = record(vec![person("p1", "Wang", &[])], vec![], &[], vec![quote(14, 27, None)]);
        let (_, errors) = figures(&doc(), Some(&rec));
        let kinds: BTreeSet<(String, String)> = errors.iter().map(|e| (e.role.clone(), e.kind.clone())).collect();
        for want in [
            ("people", "missed"),
            ("countries", "missed"),
            ("links", "unlinked"),
            ("offices", "unfound"),
            ("quotes", "misattributed"),
            ("quotes", "missed"),
        ] {
            assert!(kinds.contains(&(want.0.into(), want.1.into())), "{want:?} in {kinds:?}");
        }
        let missed = errors
            .iter()
            .find(|e| e.kind == "missed" && e.role == "quotes")
            .unwrap();
        assert_eq!(missed.text, "Keep calm.");
        assert!(missed.context.as_deref().unwrap().contains("[[Keep calm.]]"));
    }

    #[test]
    fn loads_gold_files_and_checks_spans() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), TEXT).unwrap();
        std::fs::write(
            dir.path().join("a.gold.json"),
            r#"{"text_file": "a.txt", "quotes": []}"#,
        )
        .unwrap();
        let docs = load(dir.path()).unwrap();
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].id, "a");
        assert_eq!(docs[0].text, TEXT);
        let bad = dir.path().join("b.gold.json");
        std::fs::write(
            &bad,
            r#"{"text_file": "a.txt", "quotes": [{"content": {"start": 5, "end": 500}}]}"#,
        )
        .unwrap();
        let e = load_file(&bad).unwrap_err().to_string();
        assert!(e.contains("quote 1: span 5-500 is not within the text"), "{e}");
        std::fs::write(&bad, "{\n\"text_file\": 3}").unwrap();
        let e = load_file(&bad).unwrap_err().to_string();
        assert!(e.contains("b.gold.json:2:"), "{e}");
        std::fs::write(&bad, r#"{"text_file": "missing.txt"}"#).unwrap();
        assert!(load_file(&bad).is_err());
        assert!(load(&dir.path().join("none")).is_err());
    }
}
