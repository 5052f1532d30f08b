//! One JSONL line to one article.

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
    let value: Value = match serde_json::from_str(json) {
        Ok(value) => value,
        Err(e) => {
            return Err(ErrorRecord::new(
                default_id,
                source,
                format!("line {line_no}: not valid JSON: {e}"),
            ));
        }
    };
    let Value::Object(mut fields) = value else {
        let what = kind_of(&value);
        return Err(ErrorRecord::new(
            default_id,
            source,
            format!("line {line_no}: expected a JSON object, found {what}"),
        ));
    };
    let id = match fields.shift_remove(&opts.id_field) {
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
    let text = match fields.shift_remove(&opts.text_field) {
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
    let title = match fields.shift_remove(&opts.title_field) {
        Some(Value::String(s)) => Some(s),
        None | Some(Value::Null) => None,
        Some(other) => Some(other.to_string()),
    };
    let meta: Option<Map<String, Value>> = (!fields.is_empty()).then_some(fields);
    Ok(Article {
        id,
        title,
        text,
        source,
        meta,
        warnings: utf8_warning.into_iter().collect(),
    })
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
