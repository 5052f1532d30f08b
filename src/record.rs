//! The output schema `whosaid/1`, as serde structs.
//!
//! The schema is documented for users in `docs/schema.md`; keep the two in
//! step. Every offset is in Unicode code points, end-exclusive, into the
//! article's `text` (Python `str` slicing). Structs deserialize leniently
//! (missing arrays are empty) so that `whosaid eval --pred` can read records
//! written by other tools in this schema.

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
