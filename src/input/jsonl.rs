//! One JSONL line to one article.

use std::marker::PhantomData;

use serde::de::{Deserialize, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
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
    // Most lines parse the quick way, straight from their bytes. Any other
    // (one that is not UTF-8, or holds a control character, which
    // serde_json rejects inside a string but the quick way does not; one
    // whose text is not a string, or holds a lone surrogate; a broken line)
    // is decoded and parsed again the way that words its warnings and
    // errors.
    let (parsed, utf8_warning) = match quick_fields(&bytes, opts) {
        Some(fields) => (Ok(Ok(fields)), None),
        None => {
            let (line, utf8_warning) = lossy_utf8(bytes);
            // A byte-order mark starts the first line of files saved by some
            // Windows tools (and any line of files joined with `cat`); JSON
            // allows ignoring it.
            let json = line.trim_start_matches('\u{feff}').trim_end_matches('\r');
            let parsed = parse_fields::<_, Value>(serde_json::Deserializer::from_str(json), opts);
            (parsed, utf8_warning)
        }
    };
    let fields = match parsed {
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

/// The fields of a line that is UTF-8, without control characters, whose
/// text is a string and which serde_json accepts; `None` for any other.
/// Success means the whole line is UTF-8: serde_json checks the strings it
/// reads from bytes, [`QuickText`] the text, and JSON allows nothing but
/// ASCII outside strings.
fn quick_fields(bytes: &[u8], opts: &ReadOptions) -> Option<Fields<Value>> {
    let json = trimmed(bytes);
    if has_control_byte(json) {
        return None;
    }
    match parse_fields::<_, QuickText>(serde_json::Deserializer::from_slice(json), opts) {
        Ok(Ok(fields)) => Some(fields.into_values()),
        _ => None,
    }
}

/// The line without leading byte-order marks and trailing carriage returns,
/// as [`parse_line`] trims a line it decodes.
fn trimmed(mut line: &[u8]) -> &[u8] {
    while let Some(rest) = line.strip_prefix("\u{feff}".as_bytes()) {
        line = rest;
    }
    while let Some(rest) = line.strip_suffix(b"\r") {
        line = rest;
    }
    line
}

/// A JSONL line, parsed: the fields of an object, or for anything else
/// what it is, as messages name it.
type Parsed<T> = Result<Fields<T>, &'static str>;

/// The fields of a line's object: the id, text and title fields (named by
/// the [`ReadOptions`]; the last of each name, as in a map) and the others,
/// in order. The text is a [`Value`], or a [`QuickText`] when read the
/// quick way.
struct Fields<T> {
    id: Option<Value>,
    text: Option<T>,
    title: Option<Value>,
    rest: Map<String, Value>,
}

impl Fields<QuickText> {
    /// The fields with the text as a [`Value`].
    fn into_values(self) -> Fields<Value> {
        Fields {
            id: self.id,
            text: self.text.map(|QuickText(text)| Value::String(text)),
            title: self.title,
            rest: self.rest,
        }
    }
}

/// A text field's string, read as serde_json reads a byte string and then
/// checked to be UTF-8. serde_json reads a string checking each byte for
/// control characters, eight at a time, and a byte string looking only for
/// its end and escapes, several times faster; a line without control
/// characters (see [`has_control_byte`]) holds none in its strings. What
/// else sets the two apart, lone surrogates, are not UTF-8 in a byte string,
/// nor are the bytes of a line that is not UTF-8. Anything but a string is
/// an error, for which the line is parsed again as [`Value`]s.
struct QuickText(String);

impl<'de> Deserialize<'de> for QuickText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<QuickText, D::Error> {
        deserializer.deserialize_bytes(QuickTextVisitor)
    }
}

/// Reads a [`QuickText`] from a byte string.
struct QuickTextVisitor;

impl Visitor<'_> for QuickTextVisitor {
    type Value = QuickText;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a string")
    }

    fn visit_bytes<E: serde::de::Error>(self, bytes: &[u8]) -> Result<QuickText, E> {
        match std::str::from_utf8(bytes) {
            Ok(text) => Ok(QuickText(text.to_owned())),
            Err(_) => Err(E::custom("a text that is not UTF-8")),
        }
    }
}

/// Whether `json` holds a byte below 0x20. Every byte is tested, with no
/// early exit, so that the loop runs on vectors: such lines are rare.
fn has_control_byte(json: &[u8]) -> bool {
    json.iter().fold(false, |found, &b| found | (b < 0x20))
}

/// Parses `json` as serde_json parses a [`Value`], with the same errors,
/// but sorts the fields of an object as it reads them rather than filling a
/// map of every field and taking three out of it again. The text is read as
/// a `T`.
fn parse_fields<'de, R, T>(mut de: serde_json::Deserializer<R>, opts: &ReadOptions) -> serde_json::Result<Parsed<T>>
where
    R: serde_json::de::Read<'de>,
    T: Deserialize<'de>,
{
    let parsed = LineSeed(opts, PhantomData).deserialize(&mut de)?;
    de.end()?;
    Ok(parsed)
}

/// Deserializes a line's top-level value into [`Parsed`].
struct LineSeed<'a, T>(&'a ReadOptions, PhantomData<T>);

impl<'de, T: Deserialize<'de>> DeserializeSeed<'de> for LineSeed<'_, T> {
    type Value = Parsed<T>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Parsed<T>, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for LineSeed<'_, T> {
    type Value = Parsed<T>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any valid JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Parsed<T>, A::Error> {
        let opts = self.0;
        let mut fields = Fields {
            id: None,
            text: None,
            title: None,
            rest: Map::new(),
        };
        while let Some(key) = map.next_key::<String>()? {
            // In this order, so that a field named for two purposes serves
            // the first, as the id, text and title were once taken out of
            // the map in turn.
            if key == opts.id_field {
                fields.id = Some(map.next_value()?);
            } else if key == opts.text_field {
                fields.text = Some(map.next_value()?);
            } else if key == opts.title_field {
                fields.title = Some(map.next_value()?);
            } else {
                fields.rest.insert(key, map.next_value()?);
            }
        }
        Ok(Ok(fields))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Parsed<T>, A::Error> {
        // Read as a `Value` reads it, for the same errors.
        while seq.next_element::<Value>()?.is_some() {}
        Ok(Err("an array"))
    }

    fn visit_unit<E>(self) -> Result<Parsed<T>, E> {
        Ok(Err("null"))
    }

    fn visit_bool<E>(self, _: bool) -> Result<Parsed<T>, E> {
        Ok(Err("a boolean"))
    }

    // Numbers, as serde_json reads them: each is one of these.
    fn visit_i64<E>(self, _: i64) -> Result<Parsed<T>, E> {
        Ok(Err("a number"))
    }

    fn visit_u64<E>(self, _: u64) -> Result<Parsed<T>, E> {
        Ok(Err("a number"))
    }

    fn visit_f64<E>(self, _: f64) -> Result<Parsed<T>, E> {
        Ok(Err("a number"))
    }

    fn visit_str<E>(self, _: &str) -> Result<Parsed<T>, E> {
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
                b"\xef\xbb\xbf\xef\xbb\xbf{\"id\":\"boms\",\"text\":\"T\"}\r\r",
                Ok(("boms", None, "T", &[])),
            ),
            (
                b"{\"id\":\"b\xe9\",\"text\":\"T\",\"x\":\"\xff\"}",
                Ok(("b\u{fffd}", None, "T", &["x"])),
            ),
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

    /// The text of `literal` the quick way, as the JSONL reader reads it:
    /// not at all when it holds a control character.
    fn quick(literal: &str) -> Option<String> {
        if has_control_byte(literal.as_bytes()) {
            return None;
        }
        serde_json::from_str::<QuickText>(literal)
            .ok()
            .map(|QuickText(text)| text)
    }

    #[test]
    fn quick_text_agrees_with_serde_json() {
        let literals: &[&str] = &[
            r#""""#,
            r#""plain""#,
            r#""\"quoted\" and \\ and \/""#,
            r#""\b\f\n\r\t""#,
            r#""a\nb\n\nc""#,
            r#""\\\\\"""#,
            r#""\u0041\u00e9\u20AC\uFFFF\u0000\u001f""#,
            r#""\ud83d\ude00 and \uD834\uDD1E""#,
            r#""\udbff\udfff\ud800\udc00""#,
            "\"caf\u{e9} \u{1F600} \u{FEFF}\"",
            "\"\u{e9}\\n\u{4e2d}\\\"\"",
            // Rejected by serde_json in a string: lone and reversed
            // surrogates, and a high one followed by anything else.
            r#""\ud800""#,
            r#""\udc00""#,
            r#""x\ude00y""#,
            r#""\ud800x""#,
            r#""\ud800\n""#,
            r#""\ud800\u0041""#,
            r#""\ud800\ud800""#,
            r#""\udc00\ud800""#,
            r#""\ud800\u""#,
            r#""\ud800\udc0""#,
            // Not JSON strings at all.
            r#""\x""#,
            r#""\u12""#,
            r#""\u12g4""#,
            r#""\u+123""#,
            r#""tail\""#,
            r#""a"b""#,
            "\"a\nb\"",
            r#""\"#,
            "\"",
            "",
            "null",
            "5",
            "[104,105]",
        ];
        for literal in literals {
            assert_eq!(
                quick(literal),
                serde_json::from_str::<String>(literal).ok(),
                "{literal}"
            );
        }
    }

    proptest::proptest! {
        // Most literals of random pieces are not JSON: enough cases that
        // many are.
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2048))]

        /// Literals pieced together from escapes, halves of escapes and
        /// plain characters, valid or not, read as serde_json reads them.
        #[test]
        fn quick_text_agrees_with_serde_json_on_pieces(
            pieces in proptest::collection::vec(proptest::sample::select(&[
                "a", "\u{e9}", "\u{1F600}", " ", "\\n", "\\\"", "\\\\", "\\/", "\\t", "\\u00e9", "\\u0000",
                "\\ud83d", "\\ude00", "\\uDBFF", "\\u", "\\", "\"", "d83d", "0", "\\x", "\n",
            ][..]), 0..12)
        ) {
            let literal = format!("\"{}\"", pieces.concat());
            proptest::prop_assert_eq!(quick(&literal), serde_json::from_str::<String>(&literal).ok(), "{}", literal);
        }
    }

    #[test]
    fn a_text_serde_json_rejects_fails_as_before() {
        // Each is an error record, worded by serde_json, with its position.
        let cases: &[(&[u8], &str)] = &[
            (
                br#"{"id":"a","text":"x\ud800"}"#,
                "line 7: not valid JSON: unexpected end of hex escape at line 1 column 26",
            ),
            (
                br#"{"id":"a","text":"\udc00y"}"#,
                "line 7: not valid JSON: lone leading surrogate in hex escape at line 1 column 24",
            ),
            (
                br#"{"id":"a","text":"\ud800\u0041"}"#,
                "line 7: not valid JSON: lone leading surrogate in hex escape at line 1 column 30",
            ),
            // The first of two texts is read, and fails, though the second
            // would be used.
            (
                br#"{"text":"\ud800","text":"fine"}"#,
                "line 7: not valid JSON: unexpected end of hex escape at line 1 column 16",
            ),
            (
                br#"{"id":"a","text":"\q"}"#,
                "line 7: not valid JSON: invalid escape at line 1 column 20",
            ),
            (
                b"{\"id\":\"a\",\"text\":\"tab\there\"}",
                "line 7: not valid JSON: control character (\\u0000-\\u001F) found while parsing a string at line 1 column 22",
            ),
            (
                br#"{"id":"a","text":1e999}"#,
                "line 7: not valid JSON: number out of range at line 1 column 22",
            ),
            (
                br#"{"id":"a","text":{"x":1}}"#,
                "line 7: field \"text\" must be a string, found an object",
            ),
            (br#"{"id":"a","text":null}"#, "line 7: no \"text\" field"),
        ];
        for (line, want) in cases {
            let e = parse(line).expect_err("an error record");
            assert_eq!(e.error, *want, "{}", String::from_utf8_lossy(line));
        }
        // A tab between fields is JSON, read the slow way.
        let a = parse(b"{\"id\":\"a\",\t\"text\":\"T\\tU\"}").expect("an article");
        assert_eq!(a.text, "T\tU");
        // A text that is not a string, followed by one that is: the last wins.
        let a = parse(br#"{"text":5,"text":"a\"b\u00e9\ud83d\ude00"}"#).expect("an article");
        assert_eq!(a.text, "a\"b\u{e9}\u{1F600}");
    }

    #[test]
    fn invalid_utf8_becomes_a_warning() {
        for line in [
            &b"{\"id\":\"a\",\"text\":\"caf\xe9\"}"[..],
            b"{\"id\":\"a\",\"text\":\"caf\xe9\\n\"}",
            b"{\"id\":\"a\xe9\",\"text\":\"T\"}",
            b"{\"id\":\"a\",\"text\":\"T\",\"x\":[\"\xe9\"]}",
        ] {
            let a = parse(line).unwrap();
            assert_eq!(a.warnings.len(), 1, "{line:?}");
            assert!(a.warnings[0].contains("invalid UTF-8"), "{line:?}");
        }
    }
}
