//! CoNLL gold: CoNLL-2003 (IOB1; token, POS, chunk, NE) or two-column BIO
//! (token, tag), columns separated by white space.
//!
//! Documents are split at `-DOCSTART-` lines; a document's text is rebuilt as
//! its tokens joined by one space, sentences (separated by blank lines)
//! joined by `\n`, and its id is `<file name>:<n>`, n counting the
//! documents of the file that have tokens from 1.
//!
//! The tag is the last column. Decoding: `B-X` starts a span of type X;
//! `I-X` continues the open span when it is of type X and starts one
//! otherwise (after `O`, another type, or a sentence start); `O` closes. This
//! is the IOB1 rule (where `B-X` only separates adjacent spans) and the
//! lenient BIO rule (where an `I-X` out of place starts a span) at once, so
//! both schemes are read by the same decoder whatever the column count.
//!
//! Gold people are the spans of type PER or PERSON. Gold countries are the
//! spans of type LOC, GPE, MISC or NORP whose whole text the resolver given
//! to [`parse`] maps to a country code.

use std::path::{Path, PathBuf};

use super::metrics::Fragment;
use super::read_text;
use crate::error::{Error, Result};

/// Maps a span's text to an ISO 3166 alpha-2 code, when it names a country.
pub type Resolver<'a> = &'a dyn Fn(&str) -> Option<String>;

/// A typed span of the gold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Its NE type (`PER`, `LOC`, ...).
    pub label: String,
    /// Where it is in the rebuilt text.
    pub fragment: Fragment,
    /// Its text.
    pub text: String,
}

/// One document of a CoNLL file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// `<file name>:<n>`.
    pub id: String,
    /// The rebuilt text.
    pub text: String,
    /// Every typed span, in text order.
    pub mentions: Vec<Mention>,
    /// Gold people: the PER and PERSON spans.
    pub people: Vec<Fragment>,
    /// Gold countries: the LOC, GPE, MISC and NORP spans the resolver
    /// resolved, with their codes.
    pub countries: Vec<(Fragment, String)>,
}

/// A document being read.
#[derive(Default)]
struct Builder {
    text: String,
    /// Length of `text` in code points.
    len: usize,
    tokens: usize,
    /// Tokens in the current sentence.
    sentence_tokens: usize,
    mentions: Vec<Mention>,
    /// The open span: type, first code point and first byte.
    open: Option<(String, usize, usize)>,
    /// End of the last token, in code points.
    last_end: usize,
}

impl Builder {
    fn close_span(&mut self) {
        if let Some((label, start, start_byte)) = self.open.take() {
            let fragment = Fragment::new(start, self.last_end);
            let text = self.text[start_byte..].to_string();
            self.mentions.push(Mention { label, fragment, text });
        }
    }

    fn end_sentence(&mut self) {
        self.close_span();
        self.sentence_tokens = 0;
    }

    fn token(&mut self, token: &str, tag: &str) -> std::result::Result<(), String> {
        let (continues, label) = match tag {
            "O" => (false, None),
            _ => match tag.split_once('-') {
                Some(("B", label)) if !label.is_empty() => (false, Some(label)),
                Some(("I", label)) if !label.is_empty() => (true, Some(label)),
                _ => {
                    return Err(format!("unknown tag {tag:?} (expected O, B-<type> or I-<type>)"));
                }
            },
        };
        let continues = continues && self.open.as_ref().map(|(open, _, _)| Some(open.as_str())) == Some(label);
        if !continues {
            self.close_span();
        }
        if self.sentence_tokens > 0 {
            self.text.push(' ');
            self.len += 1;
        } else if self.tokens > 0 {
            self.text.push('\n');
            self.len += 1;
        }
        let (start, start_byte) = (self.len, self.text.len());
        self.text.push_str(token);
        self.len += token.chars().count();
        self.last_end = self.len;
        self.tokens += 1;
        self.sentence_tokens += 1;
        if let (false, Some(label)) = (continues, label) {
            self.open = Some((label.to_string(), start, start_byte));
        }
        Ok(())
    }

    fn finish(mut self, id: String, resolve: Resolver) -> Document {
        self.close_span();
        let mut people = Vec::new();
        let mut countries = Vec::new();
        for mention in &self.mentions {
            match mention.label.as_str() {
                "PER" | "PERSON" => people.push(mention.fragment),
                "LOC" | "GPE" | "MISC" | "NORP" => {
                    if let Some(code) = resolve(&mention.text) {
                        countries.push((mention.fragment, code));
                    }
                }
                _ => {}
            }
        }
        Document {
            id,
            text: self.text,
            mentions: self.mentions,
            people,
            countries,
        }
    }
}

/// Parses the content of a CoNLL file called `name` (which starts the
/// document ids); `path` names it in errors.
pub fn parse(content: &str, name: &str, path: &str, resolve: Resolver) -> Result<Vec<Document>> {
    let mut docs = Vec::new();
    let mut doc = Builder::default();
    let flush = |doc: Builder, docs: &mut Vec<Document>| {
        if doc.tokens > 0 {
            let id = format!("{name}:{}", docs.len() + 1);
            docs.push(doc.finish(id, resolve));
        }
    };
    for (i, line) in content.lines().enumerate() {
        let columns: Vec<&str> = line.split_whitespace().collect();
        match columns[..] {
            [] => doc.end_sentence(),
            ["-DOCSTART-", ..] => flush(std::mem::take(&mut doc), &mut docs),
            [_] => {
                return Err(Error::data(
                    path,
                    Some(i + 1),
                    "expected a token and a tag, found one column",
                ));
            }
            [token, .., tag] => doc
                .token(token, tag)
                .map_err(|msg| Error::data(path, Some(i + 1), msg))?,
        }
    }
    flush(doc, &mut docs);
    Ok(docs)
}

/// Reads a CoNLL file, or every file of a directory (sorted, hidden files
/// skipped).
pub fn load(path: &Path, resolve: Resolver) -> Result<Vec<Document>> {
    let files: Vec<PathBuf> = if path.is_dir() {
        let mut files = Vec::new();
        for entry in walkdir::WalkDir::new(path).sort_by_file_name() {
            let entry = entry.map_err(|e| Error::msg(format!("cannot read directory {}: {e}", path.display())))?;
            let hidden = entry.file_name().to_string_lossy().starts_with('.');
            if entry.file_type().is_file() && !hidden {
                files.push(entry.into_path());
            }
        }
        files
    } else {
        vec![path.to_path_buf()]
    };
    let mut docs = Vec::new();
    for file in files {
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let content = read_text(&file)?;
        docs.extend(parse(&content, &name, &file.display().to_string(), resolve)?);
    }
    if docs.is_empty() {
        return Err(Error::msg(format!("{}: no CoNLL document", path.display())));
    }
    Ok(docs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn countries(name: &str) -> Option<String> {
        match name {
            "Germany" | "German" => Some("DE".into()),
            "United States" => Some("US".into()),
            _ => None,
        }
    }

    /// (name, file content, expected per document: (text, [(label, span text)]))
    type Case = (
        &'static str,
        &'static str,
        Vec<(&'static str, Vec<(&'static str, &'static str)>)>,
    );

    #[test]
    fn reads_documents_and_spans() {
        let cases: Vec<Case> = vec![
            (
                "IOB1, I- after O starts, B- splits adjacent spans",
                "-DOCSTART- -X- O O\n\nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\nB NNP I-NP B-PER\n\
                 met VBD I-VP O\nUnited NNP I-NP I-LOC\nStates NNP I-NP I-LOC\n. . O O\n",
                vec![(
                    "Peter Blackburn B met United States .",
                    vec![("PER", "Peter Blackburn"), ("PER", "B"), ("LOC", "United States")],
                )],
            ),
            (
                "BIO two columns, I- after another type starts a span",
                "Angela\tB-PER\nMerkel\tI-PER\nGerman\tI-MISC\nchancellor\tO\nKohl\tI-PER\n",
                vec![(
                    "Angela Merkel German chancellor Kohl",
                    vec![("PER", "Angela Merkel"), ("MISC", "German"), ("PER", "Kohl")],
                )],
            ),
            (
                "spans end at sentence breaks; sentences joined by newlines",
                "Bonn NNP I-NP I-LOC\n\nBerlin NNP I-NP I-LOC\nwins VBZ I-VP O\n\n\n",
                vec![("Bonn\nBerlin wins", vec![("LOC", "Bonn"), ("LOC", "Berlin")])],
            ),
            (
                "-DOCSTART- splits; tokens before the first one are a document; empty documents skipped",
                "A O\n-DOCSTART- O\n\n-DOCSTART- O\n\nB B-PER\n\n-DOCSTART- O\n",
                vec![("A", vec![]), ("B", vec![("PER", "B")])],
            ),
            (
                "offsets count code points",
                "Zoë B-PER\nsaw O\n王毅 B-PER\n",
                vec![("Zoë saw 王毅", vec![("PER", "Zoë"), ("PER", "王毅")])],
            ),
        ];
        for (name, content, want) in cases {
            let docs = parse(content, "f.conll", "f.conll", &countries).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(docs.len(), want.len(), "{name}");
            for (n, (doc, (text, mentions))) in docs.iter().zip(want).enumerate() {
                assert_eq!(doc.id, format!("f.conll:{}", n + 1), "{name}");
                assert_eq!(doc.text, text, "{name}");
                let got: Vec<(&str, &str)> = doc
                    .mentions
                    .iter()
                    .map(|m| (m.label.as_str(), m.text.as_str()))
                    .collect();
                assert_eq!(got, mentions, "{name}");
                let chars: Vec<char> = doc.text.chars().collect();
                for m in &doc.mentions {
                    let slice: String = chars[m.fragment.start..m.fragment.end].iter().collect();
                    assert_eq!(slice, m.text, "{name}: offsets of {m:?}");
                }
            }
        }
    }

    #[test]
    fn gold_people_and_resolved_countries() {
        let content = "Merkel I-PER\nof O\nGermany I-LOC\nand O\nGerman I-MISC\nBundesbank I-ORG\nvisited O\n\
                       United I-GPE\nStates I-GPE\nand O\nParis I-LOC\nwith O\nJo B-PERSON\n";
        let docs = parse(content, "x", "x", &countries).unwrap();
        let doc = &docs[0];
        let people: Vec<&str> = doc.people.iter().map(|f| &doc.text[f.start..f.end]).collect();
        assert_eq!(people, ["Merkel", "Jo"]);
        let found: Vec<(&str, &str)> = doc
            .countries
            .iter()
            .map(|(f, code)| (&doc.text[f.start..f.end], code.as_str()))
            .collect();
        assert_eq!(found, [("Germany", "DE"), ("German", "DE"), ("United States", "US")]);
        let none = parse(content, "x", "x", &|_: &str| None).unwrap();
        assert!(none[0].countries.is_empty());
    }

    #[test]
    fn reports_faults_with_file_and_line() {
        let cases = [
            ("A O\nB\n", "f:2: expected a token and a tag"),
            ("A O\nB X-PER\n", "f:2: unknown tag \"X-PER\""),
            ("A PER\n", "f:1: unknown tag \"PER\""),
            ("A B-\n", "f:1: unknown tag \"B-\""),
        ];
        for (content, want) in cases {
            let e = parse(content, "f", "f", &countries).unwrap_err().to_string();
            assert!(e.starts_with(want), "{content:?}: {e}");
        }
    }
}
