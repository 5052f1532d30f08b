//! One JSONL line to one article.

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::ReadOptions;
use super::decode::lossy_utf8;
use crate::article::{Article, SourceRef};
use crate::record::ErrorRecord;

/// Parses one JSONL line. The line's id (or `default_id`) names the error
/// record when the line cannot be used.
pub(crate) fn parse_line(
    bytes: Vec<u8>,
    default_id: String,
    source: SourceRef,
    opts: &ReadOptions,
) -> Result<Article, ErrorRecord> {
    let line_no = source.line.unwrap_or(0);
    let (line, utf8_warning) = lossy_utf8(bytes);
    // A byte-order mark starts the first line of files saved by some Windows
    // tools (and any line of files joined with `cat`); JSON allows ignoring it.
    let json = line.trim_start_matches('\u{feff}').trim_end_matches('\r');
    let fields = match parse_fields(json, opts) {
        Ok(Ok(fields)) => fields,
        Ok(Err(what)) => {
            return Err(ErrorRecord::new(
                default_id,
                source,
                format!("line {line_no}: expected a JSON object, found {what}"),
            ));
        }
        Err(e) => {
            return Err(ErrorRecord::new(
                default_id,
                source,
                format!("line {line_no}: not valid JSON: {e}"),
            ));
        }
    };
    let id = match fields.id {
        None | Some(Value::Null) => default_id,
        Some(Value::String(s)) => s,
        Some(Value::Number(n)) => n.to_string(),
        Some(other) => {
            let what = kind_of(&other);
            return Err(ErrorRecord::new(
                default_id,
                source,
                format!(
                    "line {line_no}: field {:?} must be a string or number, found {what}",
                    opts.id_field
                ),
            ));
        }
    };
    let text = match fields.text {
        Some(Value::String(s)) => s,
        None | Some(Value::Null) => {
            return Err(ErrorRecord::new(
                id,
                source,
                format!("line {line_no}: no {:?} field", opts.text_field),
            ));
        }
        Some(other) => {
            let what = kind_of(&other);
            return Err(ErrorRecord::new(
                id,
                source,
                format!(
                    "line {line_no}: field {:?} must be a string, found {what}",
                    opts.text_field
                ),
            ));
        }
    };
    let title = match fields.title {
        Some(Value::String(s)) => Some(s),
        None | Some(Value::Null) => None,
        Some(other) => Some(other.to_string()),
    };
    let meta = (!fields.rest.is_empty()).then_some(fields.rest);
    Ok(Article {
        id,
        title,
        text,
        source,
        meta,
        warnings: utf8_warning.into_iter().collect(),
    })
}

/// A JSONL line, parsed: the fields of an object, or for anything else
/// what it is, as messages name it.
type Parsed = Result<Fields, &'static str>;

/// The fields of a line's object: the id, text and title fields (named by
/// the [`ReadOptions`]; the last of each name, as in a map) and the others,
/// in order.
#[derive(Default)]
struct Fields {
    id: Option<Value>,
    text: Option<Value>,
    title: Option<Value>,
    rest: Map<String, Value>,
}

/// Parses `json` as serde_json parses a [`Value`], with the same errors,
/// but sorts the fields of an object as it reads them rather than filling a
/// map of every field and taking three out of it again.
fn parse_fields(json: &str, opts: &ReadOptions) -> serde_json::Result<Parsed> {
    let mut de = serde_json::Deserializer::from_str(json);
    let parsed = LineSeed(opts).deserialize(&mut de)?;
    de.end()?;
    Ok(parsed)
}

/// Deserializes a line's top-level value into [`Parsed`].
struct LineSeed<'a>(&'a ReadOptions);

impl<'de> DeserializeSeed<'de> for LineSeed<'_> {
    type Value = Parsed;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Parsed, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for LineSeed<'_> {
    type Value = Parsed;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any valid JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Parsed, A::Error> {
        let opts = self.0;
        let mut fields = Fields::default();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value::<Value>()?;
            // In this order, so that a field named for two purposes serves
            // the first, as the id, text and title were once taken out of
            // the map in turn.
            if key == opts.id_field {
                fields.id = Some(value);
            } else if key == opts.text_field {
                fields.text = Some(value);
            } else if key == opts.title_field {
                fields.title = Some(value);
            } else {
                fields.rest.insert(key, value);
            }
        }
        Ok(Ok(fields))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Parsed, A::Error> {
        // Read as a `Value` reads it, for the same errors.
        while seq.next_element::<Value>()?.is_some() {}
        Ok(Err("an array"))
    }

    fn visit_unit<E>(self) -> Result<Parsed, E> {
        Ok(Err("null"))
    }

    fn visit_bool<E>(self, _: bool) -> Result<Parsed, E> {
        Ok(Err("a boolean"))
    }

    // Numbers, as serde_json reads them: each is one of these.
    fn visit_i64<E>(self, _: i64) -> Result<Parsed, E> {
        Ok(Err("a number"))
    }

    fn visit_u64<E>(self, _: u64) -> Result<Parsed, E> {
        Ok(Err("a number"))
    }

    fn visit_f64<E>(self, _: f64) -> Result<Parsed, E> {
        Ok(Err("a number"))
    }

    fn visit_str<E>(self, _: &str) -> Result<Parsed, E> {
        Ok(Err("a string"))
    }
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(line: &[u8]) -> Result<Article, ErrorRecord> {
        let source = SourceRef {
            path: "dump.jsonl".into(),
            line: Some(7),
        };
        parse_line(line.to_vec(), "dump:7".into(), source, &ReadOptions::default())
    }

    #[test]
    fn jsonl_line_table() {
        // (line, Ok(id, title, text, meta keys) or Err(id, error fragment))
        type Want = Result<
            (
                &'static str,
                Option<&'static str>,
                &'static str,
                &'static [&'static str],
            ),
            (&'static str, &'static str),
        >;
        let cases: &[(&[u8], Want)] = &[
            (br#"{"id":"a","text":"T"}"#, Ok(("a", None, "T", &[]))),
            (
                br#"{"id":7,"title":"H","text":"T","url":"u","n":1}"#,
                Ok(("7", Some("H"), "T", &["url", "n"])),
            ),
            (br#"{"text":"no id"}"#, Ok(("dump:7", None, "no id", &[]))),
            (b"{\"id\":\"crlf\",\"text\":\"T\"}\r", Ok(("crlf", None, "T", &[]))),
            (
                b"\xef\xbb\xbf{\"id\":\"bom\",\"text\":\"T\"}",
                Ok(("bom", None, "T", &[])),
            ),
            (
                b"{\"id\":\"bom-inside\",\"text\":\"\xef\xbb\xbfT\"}",
                Ok(("bom-inside", None, "\u{feff}T", &[])),
            ),
            (br#"{"id":"a","text":""}"#, Ok(("a", None, "", &[]))),
            (
                b"{\"id\":\"a\",\"text\":\"caf\xe9\"}",
                Ok(("a", None, "caf\u{fffd}", &[])),
            ),
            (br#"{"id":"a","text":"T""#, Err(("dump:7", "line 7: not valid JSON"))),
            (b"\x00\x01\x02binary", Err(("dump:7", "not valid JSON"))),
            (br#"[1,2]"#, Err(("dump:7", "expected a JSON object, found an array"))),
            (br#"[1,"#, Err(("dump:7", "not valid JSON: EOF while parsing a value"))),
            (br#"null"#, Err(("dump:7", "found null"))),
            (br#"true"#, Err(("dump:7", "found a boolean"))),
            (br#"-1.5"#, Err(("dump:7", "found a number"))),
            (br#""T""#, Err(("dump:7", "found a string"))),
            (
                br#"{"text":"T"} x"#,
                Err(("dump:7", "not valid JSON: trailing characters")),
            ),
            (
                br#"{"x":1,"id":"a","text":"T","y":2,"x":3,"id":"b"}"#,
                Ok(("b", None, "T", &["x", "y"])),
            ),
            (br#"{"id":"a","text":"T","title":null}"#, Ok(("a", None, "T", &[]))),
            (br#"{"id":"b","body":"T"}"#, Err(("b", "line 7: no \"text\" field"))),
            (
                br#"{"id":"b","text":5}"#,
                Err(("b", "must be a string, found a number")),
            ),
            (
                br#"{"id":["x"],"text":"T"}"#,
                Err(("dump:7", "must be a string or number")),
            ),
        ];
        for (line, want) in cases {
            let got = parse(line);
            match (want, got) {
                (Ok((id, title, text, meta)), Ok(a)) => {
                    assert_eq!(a.id, *id, "{line:?}");
                    assert_eq!(a.title.as_deref(), *title, "{line:?}");
                    assert_eq!(a.text, *text, "{line:?}");
                    let keys: Vec<&str> = a.meta.iter().flat_map(|m| m.keys().map(String::as_str)).collect();
                    assert_eq!(keys, *meta, "{line:?}");
                    assert_eq!(a.source.line, Some(7));
                }
                (Err((id, fragment)), Err(e)) => {
                    assert_eq!(e.id, *id, "{line:?}");
                    assert!(e.error.contains(fragment), "{line:?}: {}", e.error);
                }
                (want, got) => panic!("{line:?}: wanted {want:?}, got {got:?}"),
            }
        }
    }

    #[test]
    fn invalid_utf8_becomes_a_warning() {
        let a = parse(b"{\"id\":\"a\",\"text\":\"caf\xe9\"}").unwrap();
        assert_eq!(a.warnings.len(), 1);
        assert!(a.warnings[0].contains("invalid UTF-8"));
    }
}
