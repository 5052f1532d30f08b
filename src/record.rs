//! The output schema `whosaid/1`, as serde structs.
//!
//! The schema is documented for users in `docs/schema.md`; keep the two in
//! step. Every offset is in Unicode code points, end-exclusive, into the
//! article's `text` (Python `str` slicing). Structs deserialize leniently
//! (missing arrays are empty) so that `whosaid eval --pred` can read records
//! written by other tools in this schema.

mod json;

pub(crate) use json::{CountryRef, EntityRef, PersonRef, QuoteRef, RecordRef, SpanRef};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::article::SourceRef;

/// The value of every record's `schema` field.
pub const SCHEMA: &str = "whosaid/1";

/// A span of the article's text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// `text[start..end]`, for reading; scorers use the offsets.
    #[serde(default)]
    pub text: String,
}

/// What an entity mention names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person ("Wang Yi", "Wang", "Mr Blair").
    Person,
    /// A title or post ("Foreign Minister", "secretary of the Security Council").
    Office,
    /// A country, by name, short form or demonym ("China", "U.S.", "Chinese").
    Country,
}

/// One mention of a person, office or country.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// What the mention names.
    pub kind: EntityKind,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The mention as written.
    pub text: String,
    /// Canonical form: the person's full name, the office's normal form, the
    /// country's common name.
    pub canonical: String,
    /// External identifier from the gazetteer (ISO 3166 code, Wikidata QID).
    #[serde(rename = "ref")]
    pub reference: Option<String>,
    /// The person this mention names or belongs to (`"p1"`), if any.
    pub person: Option<String>,
    /// Which rule or gazetteer produced the mention, for debugging and filtering.
    pub rule: String,
}

/// A person mentioned in the article, with every mention merged.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    /// Article-local id, `p1`, `p2`, ... in order of first mention.
    pub id: String,
    /// Fullest name found in the article (or the gazetteer's canonical name).
    pub name: String,
    /// External identifier from the gazetteer.
    #[serde(rename = "ref")]
    pub reference: Option<String>,
    /// Offices held, as written in the article.
    #[serde(default)]
    pub offices: Vec<String>,
    /// ISO 3166 alpha-2 codes of the countries the person is tied to.
    #[serde(default)]
    pub countries: Vec<String>,
}

/// A country and how often the article mentions it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountryCount {
    /// ISO 3166 alpha-2 code.
    pub code: String,
    /// Common English name.
    pub name: String,
    /// Number of mentions, demonyms included.
    pub mentions: usize,
}

/// The form of reported speech.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Words between quote marks.
    Direct,
    /// Paraphrase with no quote marks.
    Indirect,
    /// Paraphrase holding quoted words or phrases.
    Mixed,
}

/// What kind of attribution a cue makes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CueClass {
    /// Things said or written ("said", "told", "according to").
    #[default]
    Speech,
    /// Beliefs and opinions ("believes", "thinks", "hopes").
    Thought,
    /// Plans and wishes ("wants", "plans", "intends").
    Intention,
}

/// One attribution: who said (thought, intended) what.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// Direct, indirect or mixed.
    pub kind: QuoteKind,
    /// Speech, thought or intention.
    #[serde(default)]
    pub class: CueClass,
    /// The content; several spans when a cue or source interrupts it.
    #[serde(default)]
    pub content: Vec<Span>,
    /// The cue ("said", "according to"), if any.
    #[serde(default)]
    pub cue: Option<Span>,
    /// The local mention of the speaker ("he", "The senior diplomat").
    #[serde(default)]
    pub source: Option<Span>,
    /// The resolved person, an id from `people`.
    #[serde(default)]
    pub speaker: Option<String>,
    /// Name of the speaker: the person's name, or an organisation or group
    /// that cannot be a person ("the ministry").
    #[serde(default)]
    pub speaker_name: Option<String>,
    /// Confidence in the attribution, in [0, 1].
    #[serde(default)]
    pub confidence: f64,
}

/// The record of one article that was processed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// The article's id.
    pub id: String,
    /// Where the article was read from.
    #[serde(default)]
    pub source: SourceRef,
    /// Headline, when known.
    #[serde(default)]
    pub title: Option<String>,
    /// Extra input fields, carried through.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Map<String, Value>>,
    /// Every person, office and country mention, in text order.
    #[serde(default)]
    pub entities: Vec<Entity>,
    /// People, in order of first mention.
    #[serde(default)]
    pub people: Vec<Person>,
    /// Countries, most mentioned first.
    #[serde(default)]
    pub countries: Vec<CountryCount>,
    /// Attributions, in text order.
    #[serde(default)]
    pub quotes: Vec<Quote>,
    /// Problems with the input that did not stop extraction.
    #[serde(default)]
    pub warnings: Vec<String>,
}

impl Record {
    /// A record of `id` with nothing found: no source, title, entities,
    /// people, countries, quotes or warnings.
    ///
    /// ```
    /// let record = whosaid::Record::empty("a1");
    /// assert_eq!(record.schema, "whosaid/1");
    /// assert!(record.entities.is_empty() && record.quotes.is_empty());
    /// ```
    pub fn empty(id: impl Into<String>) -> Record {
        Record {
            schema: SCHEMA.to_string(),
            id: id.into(),
            source: SourceRef::default(),
            title: None,
            meta: None,
            entities: Vec::new(),
            people: Vec::new(),
            countries: Vec::new(),
            quotes: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// Checks the record against the text it was extracted from, and returns
    /// the first fault found: a span out of bounds, reversed, or whose `text`
    /// is not the slice of `text` (by code points) it claims to be; entities
    /// out of order; a `person` or `speaker` that is not an id in `people`;
    /// people ids repeated; a confidence outside [0, 1].
    ///
    /// Every record [`Pipeline::extract`](crate::Pipeline::extract) returns
    /// passes; records written by other tools may be checked with it.
    ///
    /// ```
    /// use whosaid::{Article, Pipeline};
    ///
    /// let text = "🙂 Wang Yi said the talks went well.";
    /// let record = Pipeline::new()?.extract(&Article::new("a1", text));
    /// assert_eq!(record.validate(text), Ok(()));
    /// assert_eq!(record.entities[0].start, 2);
    /// # Ok::<(), whosaid::Error>(())
    /// ```
    pub fn validate(&self, text: &str) -> Result<(), String> {
        let chars = crate::offsets::CharIndex::new(text);
        let len = chars.char_len();
        let check_span = |what: &str, start: usize, end: usize, claimed: &str| -> Result<(), String> {
            if start > end || end > len {
                return Err(format!(
                    "{what}: span {start}..{end} is not within the text's {len} code points"
                ));
            }
            let slice = &text[chars.byte_offset(start)..chars.byte_offset(end)];
            if slice != claimed {
                return Err(format!(
                    "{what}: span {start}..{end} is {slice:?} in the text, not {claimed:?}"
                ));
            }
            Ok(())
        };
        let mut ids = rustc_hash::FxHashSet::default();
        for p in &self.people {
            if !ids.insert(p.id.as_str()) {
                return Err(format!("people: id {:?} is repeated", p.id));
            }
        }
        let known = |what: &str, id: &Option<String>| match id {
            Some(id) if !ids.contains(id.as_str()) => Err(format!("{what}: {id:?} is not an id in people")),
            _ => Ok(()),
        };
        for (i, e) in self.entities.iter().enumerate() {
            let what = format!("entities[{i}]");
            check_span(&what, e.start, e.end, &e.text)?;
            known(&what, &e.person)?;
            if let Some(prev) = i.checked_sub(1).map(|j| &self.entities[j])
                && (prev.start, std::cmp::Reverse(prev.end)) > (e.start, std::cmp::Reverse(e.end))
            {
                return Err(format!("{what}: not sorted by start (ties: longer first)"));
            }
        }
        for (i, q) in self.quotes.iter().enumerate() {
            let what = format!("quotes[{i}]");
            for (j, c) in q.content.iter().enumerate() {
                check_span(&format!("{what}.content[{j}]"), c.start, c.end, &c.text)?;
            }
            for (part, span) in [("cue", &q.cue), ("source", &q.source)] {
                if let Some(s) = span {
                    check_span(&format!("{what}.{part}"), s.start, s.end, &s.text)?;
                }
            }
            known(&what, &q.speaker)?;
            if !(0.0..=1.0).contains(&q.confidence) {
                return Err(format!("{what}: confidence {} is outside [0, 1]", q.confidence));
            }
        }
        Ok(())
    }
}

/// The record of an article that could not be processed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorRecord {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// The article's id, or `<file stem>:<line>` when it had none.
    pub id: String,
    /// Where the article was read from.
    pub source: SourceRef,
    /// What went wrong.
    pub error: String,
}

impl ErrorRecord {
    /// An error record for article `id`.
    pub fn new(id: impl Into<String>, source: SourceRef, error: impl Into<String>) -> ErrorRecord {
        ErrorRecord {
            schema: SCHEMA.to_string(),
            id: id.into(),
            source,
            error: error.into(),
        }
    }
}

/// Either kind of record, as read back from output.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum AnyRecord {
    /// An article that failed (has an `error` field).
    Failed(ErrorRecord),
    /// An article that was processed.
    Ok(Box<Record>),
}

impl AnyRecord {
    /// The article id.
    pub fn id(&self) -> &str {
        match self {
            AnyRecord::Failed(e) => &e.id,
            AnyRecord::Ok(r) => &r.id,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failed_records_read_back_as_failed() {
        let line =
            r#"{"schema":"whosaid/1","id":"x:3","source":{"path":"x.jsonl","line":3},"error":"line 3: not JSON"}"#;
        let rec: AnyRecord = serde_json::from_str(line).unwrap();
        assert!(matches!(rec, AnyRecord::Failed(ref e) if e.error == "line 3: not JSON"));
        assert_eq!(rec.id(), "x:3");
    }

    #[test]
    fn sparse_records_from_other_tools_read_back() {
        let line = r#"{"schema":"whosaid/1","id":"a","quotes":[{"kind":"direct","source":{"start":1,"end":3,"text":""},"content":[{"start":5,"end":9}]}]}"#;
        let rec: AnyRecord = serde_json::from_str(line).unwrap();
        let AnyRecord::Ok(rec) = rec else {
            panic!("read as a failure")
        };
        assert_eq!(rec.quotes.len(), 1);
        assert_eq!(rec.quotes[0].content[0].end, 9);
        assert_eq!(rec.quotes[0].cue, None);
        assert!(rec.entities.is_empty());
    }

    #[test]
    fn validate_finds_each_kind_of_fault() {
        let text = "é Wang said “hi”.";
        fn person(start: usize, end: usize, text: &str, person: Option<&str>) -> Entity {
            Entity {
                kind: EntityKind::Person,
                start,
                end,
                text: text.into(),
                canonical: "Wang".into(),
                reference: None,
                person: person.map(str::to_string),
                rule: "test".into(),
            }
        }
        let good = Record {
            schema: SCHEMA.into(),
            id: "a".into(),
            source: SourceRef::default(),
            title: None,
            meta: None,
            entities: vec![person(2, 6, "Wang", Some("p1"))],
            people: vec![Person {
                id: "p1".into(),
                name: "Wang".into(),
                reference: None,
                offices: vec![],
                countries: vec![],
            }],
            countries: vec![],
            quotes: vec![Quote {
                kind: QuoteKind::Direct,
                class: CueClass::Speech,
                content: vec![Span {
                    start: 13,
                    end: 15,
                    text: "hi".into(),
                }],
                cue: Some(Span {
                    start: 7,
                    end: 11,
                    text: "said".into(),
                }),
                source: None,
                speaker: Some("p1".into()),
                speaker_name: None,
                confidence: 0.9,
            }],
            warnings: vec![],
        };
        assert_eq!(good.validate(text), Ok(()));
        type Break = fn(&mut Record);
        let cases: &[(Break, &str)] = &[
            (|r| r.entities[0].start = 3, "is \"ang\" in the text"),
            (|r| r.entities[0].end = 99, "not within the text's 17 code points"),
            (|r| r.entities[0].start = 7, "not within"),
            (|r| r.entities[0].person = Some("p2".into()), "\"p2\" is not an id"),
            (|r| r.quotes[0].speaker = Some("p9".into()), "quotes[0]: \"p9\""),
            (|r| r.quotes[0].content[0].end = 16, "content[0]"),
            (
                |r| r.quotes[0].cue.as_mut().unwrap().text = "says".into(),
                "quotes[0].cue",
            ),
            (|r| r.quotes[0].confidence = 1.5, "confidence"),
            (|r| r.people.push(r.people[0].clone()), "repeated"),
            (
                |r| r.entities.insert(0, person(7, 11, "said", None)),
                "entities[1]: not sorted",
            ),
        ];
        for (i, (corrupt, fragment)) in cases.iter().enumerate() {
            let mut bad = good.clone();
            corrupt(&mut bad);
            let err = bad.validate(text).unwrap_err();
            assert!(err.contains(fragment), "case {i}: {err}");
        }
    }

    #[test]
    fn meta_is_absent_when_none() {
        let rec = Record {
            schema: SCHEMA.into(),
            id: "a".into(),
            source: SourceRef::default(),
            title: None,
            meta: None,
            entities: vec![],
            people: vec![],
            countries: vec![],
            quotes: vec![],
            warnings: vec![],
        };
        let json = serde_json::to_string(&rec).unwrap();
        assert!(!json.contains("meta"), "{json}");
        assert!(
            json.starts_with(r#"{"schema":"whosaid/1","id":"a","source":"#),
            "{json}"
        );
    }
}
