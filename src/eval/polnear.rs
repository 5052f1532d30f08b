//! PolNeAR gold: a split folder of `text/<article>.txt` and
//! `attributions/<article>_<annotator>.ann` in brat standoff.
//!
//! Only two kinds of brat line are read:
//!
//! * `T<n>\t<Role> <start> <end>[;<start> <end>...]\t<text>`: a text-bound
//!   span, one fragment per `;`-separated pair, in code points,
//!   end-exclusive;
//! * `E<n>\t<Trigger>:T<a> Source:T<s> Cue:T<c> Content:T<q>`: an
//!   attribution tying its parts, in any order; Source may be absent.
//!
//! A span's text may hold line breaks, which continue it on the following
//! physical lines; so a line that does not start with `T<digits>\t` or
//! `E<digits>\t` is a continuation (or a note, relation or attribute) and is
//! skipped, never parsed.
//!
//! Gold roles come from the `T` spans that `E` lines reference: the argument
//! `Source` gives the source, `Cue` the cue, `Content` and `Content2` (a
//! second content span, three times in dev) the content. In PolNeAR every
//! Source, Cue and Content span is referenced by an attribution, so this
//! reading and "every Source/Cue/Content T line" give the same figures on
//! dev (the reference scores of the spaCy + textacy baseline are reproduced
//! either way); referenced spans are the ones that mean an attribution. An
//! `E` line with no content (dev has one, a duplicate of the next line
//! holding only its trigger) is not an attribution.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use super::metrics::{Fragment, GoldAttribution};
use super::read_text;
use crate::error::{Error, Result};

/// A text-bound annotation (`T` line).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextBound {
    /// Its role or type (`Source`, `Cue`, `Content`, `Attribution`, ...).
    pub role: String,
    /// Its fragments, as annotated (untrimmed).
    pub fragments: Vec<Fragment>,
    /// The 1-based line it was read from.
    pub line: usize,
}

/// An event annotation (`E` line).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// Its id (`E3`).
    pub id: String,
    /// Its arguments, trigger first: (role, `T` id).
    pub args: Vec<(String, String)>,
    /// The 1-based line it was read from.
    pub line: usize,
}

/// The `T` and `E` annotations of one `.ann` file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Annotation {
    /// Text-bound annotations by id (`T12`).
    pub spans: BTreeMap<String, TextBound>,
    /// Events in file order.
    pub events: Vec<Event>,
}

/// True when `line` starts with `prefix`, digits and a tab.
fn is_record(line: &str, prefix: char) -> bool {
    let Some(rest) = line.strip_prefix(prefix) else {
        return false;
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && rest.as_bytes().get(digits) == Some(&b'\t')
}

/// Parses a brat `.ann` file; `path` names it in errors.
pub fn parse_ann(content: &str, path: &str) -> Result<Annotation> {
    let mut ann = Annotation::default();
    for (i, line) in content.split('\n').enumerate() {
        let line_no = i + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        let fault = |msg: String| Error::data(path, Some(line_no), msg);
        if is_record(line, 'T') {
            let mut fields = line.splitn(3, '\t');
            let id = fields.next().unwrap_or_default();
            let body = fields.next().unwrap_or_default();
            let (role, offsets) = body
                .split_once(' ')
                .ok_or_else(|| fault(format!("{id}: expected `<Role> <start> <end>`, found {body:?}")))?;
            let fragments = parse_fragments(offsets).map_err(|msg| fault(format!("{id}: {msg}")))?;
            let span = TextBound {
                role: role.to_string(),
                fragments,
                line: line_no,
            };
            if ann.spans.insert(id.to_string(), span).is_some() {
                return Err(fault(format!("{id} is defined twice")));
            }
        } else if is_record(line, 'E') {
            let (id, body) = line.split_once('\t').unwrap_or_default();
            let mut args = Vec::new();
            for arg in body.split_whitespace() {
                let (role, target) = arg
                    .split_once(':')
                    .ok_or_else(|| fault(format!("{id}: argument {arg:?} is not Role:Id")))?;
                args.push((role.to_string(), target.to_string()));
            }
            ann.events.push(Event {
                id: id.to_string(),
                args,
                line: line_no,
            });
        }
    }
    Ok(ann)
}

/// Parses `start end[;start end...]`.
fn parse_fragments(offsets: &str) -> std::result::Result<Vec<Fragment>, String> {
    let mut fragments = Vec::new();
    for pair in offsets.split(';') {
        let numbers: Vec<&str> = pair.split_whitespace().collect();
        let parsed: Vec<usize> = numbers.iter().filter_map(|n| n.parse().ok()).collect();
        match parsed[..] {
            [start, end] if numbers.len() == 2 && start <= end => fragments.push(Fragment::new(start, end)),
            _ => {
                return Err(format!("bad offsets {pair:?} (expected `<start> <end>`, start <= end)"));
            }
        }
    }
    Ok(fragments)
}

impl Annotation {
    /// The gold attributions: one per `E` line that has a content argument.
    /// `path` names the file in errors (an argument naming no `T` line).
    pub fn attributions(&self, path: &str) -> Result<Vec<GoldAttribution>> {
        let mut out = Vec::new();
        for event in &self.events {
            let mut attribution = GoldAttribution::default();
            // The first argument is the trigger (Attribution, or
            // Attribution-no-source): it repeats the cue.
            for (role, target) in event.args.iter().skip(1) {
                let span = self.spans.get(target).ok_or_else(|| {
                    Error::data(
                        path,
                        Some(event.line),
                        format!("{} refers to {target}, which is not defined", event.id),
                    )
                })?;
                let fragments = &span.fragments;
                match role.trim_end_matches(|c: char| c.is_ascii_digit()) {
                    "Source" => attribution.source.extend(fragments),
                    "Cue" => attribution.cue.extend(fragments),
                    "Content" => attribution.content.extend(fragments),
                    _ => {}
                }
            }
            if !attribution.content.is_empty() {
                out.push(attribution);
            }
        }
        Ok(out)
    }

    /// Checks that every span lies within a text of `len` code points.
    pub fn check_bounds(&self, len: usize, path: &str) -> Result<()> {
        for (id, span) in &self.spans {
            if let Some(f) = span.fragments.iter().find(|f| f.end > len) {
                return Err(Error::data(
                    path,
                    Some(span.line),
                    format!(
                        "{id}: span {}-{} ends past the text's end ({len} code points)",
                        f.start, f.end
                    ),
                ));
            }
        }
        Ok(())
    }
}

/// One PolNeAR article with its gold attributions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// The article id: the text file's stem.
    pub id: String,
    /// The article text.
    pub text: String,
    /// Where the text was read from.
    pub text_path: PathBuf,
    /// The annotation file used (the first in sorted order), if any.
    pub ann_path: Option<PathBuf>,
    /// Gold attributions.
    pub attributions: Vec<GoldAttribution>,
}

/// Reads a split folder (`dir/text`, `dir/attributions`). Articles are in
/// sorted order; `notes` receives articles with no annotation file and
/// annotation files with no text.
pub fn load(dir: &Path, notes: &mut Vec<String>) -> Result<Vec<Document>> {
    let text_dir = dir.join("text");
    let ann_dir = dir.join("attributions");
    let texts = list_files(&text_dir, ".txt")?;
    let anns = if ann_dir.is_dir() {
        list_files(&ann_dir, ".ann")?
    } else {
        Vec::new()
    };
    // Article id -> first annotation file in sorted order.
    let mut ann_of: BTreeMap<String, PathBuf> = BTreeMap::new();
    for (stem, path) in anns {
        let article = stem.rsplit_once('_').map_or(stem.as_str(), |(article, _)| article);
        ann_of.entry(article.to_string()).or_insert(path);
    }
    let mut docs = Vec::new();
    for (id, text_path) in texts {
        let text = read_text(&text_path)?;
        let ann_path = ann_of.remove(&id);
        let attributions = match &ann_path {
            Some(path) => {
                let shown = path.display().to_string();
                let ann = parse_ann(&read_text(path)?, &shown)?;
                ann.check_bounds(text.chars().count(), &shown)?;
                ann.attributions(&shown)?
            }
            None => {
                notes.push(format!("{id}: no annotation file; scored as having no attribution"));
                Vec::new()
            }
        };
        docs.push(Document {
            id,
            text,
            text_path,
            ann_path,
            attributions,
        });
    }
    for (id, path) in ann_of {
        notes.push(format!("{}: no text file for article {id}; ignored", path.display()));
    }
    if docs.is_empty() {
        return Err(Error::msg(format!("{}: no .txt file", text_dir.display())));
    }
    Ok(docs)
}

/// The files of `dir` ending in `ext`, as (stem, path), sorted by name.
fn list_files(dir: &Path, ext: &str) -> Result<Vec<(String, PathBuf)>> {
    let entries = fs::read_dir(dir).map_err(|e| Error::io("cannot read directory", Some(dir), e))?;
    let mut out = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| Error::io("cannot read directory", Some(dir), e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || !entry.path().is_file() {
            continue;
        }
        if let Some(stem) = name.strip_suffix(ext) {
            out.push((stem.to_string(), entry.path()));
        }
    }
    out.sort();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(start: usize, end: usize) -> Fragment {
        Fragment::new(start, end)
    }

    /// (name, .ann content, expected attributions as (source, cue, content)).
    type Case = (
        &'static str,
        &'static str,
        Vec<(Vec<Fragment>, Vec<Fragment>, Vec<Fragment>)>,
    );

    #[test]
    fn parses_attributions() {
        let cases: Vec<Case> = vec![
            (
                "plain",
                "T1\tSource 0 3\tSam\nT2\tCue 4 8\tsaid\nT3\tContent 9 20\tit was hot\nT4\tAttribution 4 8\tsaid\n\
                 E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n",
                vec![(vec![f(0, 3)], vec![f(4, 8)], vec![f(9, 20)])],
            ),
            (
                "arguments in any order, CRLF",
                "T1\tContent 9 20\tx\r\nT2\tCue 4 8\tsaid\r\nT3\tSource 0 3\tSam\r\nE1\tAttribution:T2 Content:T1 Cue:T2 Source:T3\r\n",
                vec![(vec![f(0, 3)], vec![f(4, 8)], vec![f(9, 20)])],
            ),
            (
                "multi-fragment content",
                "T1\tContent 0 10;15 30\tab\nT2\tCue 11 14\tsaid\nE1\tAttribution:T2 Cue:T2 Content:T1\n",
                vec![(vec![], vec![f(11, 14)], vec![f(0, 10), f(15, 30)])],
            ),
            (
                "text with embedded line breaks",
                "T1\tContent 0 30\tfirst line\nT9 is not a record\nE5 neither\nT2\tCue 31 35\tsaid\n\
                 E1\tAttribution:T2 Cue:T2 Content:T1\n",
                vec![(vec![], vec![f(31, 35)], vec![f(0, 30)])],
            ),
            (
                "missing source, no-source trigger",
                "T1\tCue 0 4\tsaid\nT2\tContent 5 9\tthat\nT3\tAttribution-no-source 0 4\tsaid\n\
                 E1\tAttribution-no-source:T3 Cue:T1 Content:T2\n",
                vec![(vec![], vec![f(0, 4)], vec![f(5, 9)])],
            ),
            (
                "second content argument",
                "T1\tContent 0 4\ta\nT2\tContent 10 14\tb\nT3\tCue 5 9\tsaid\n\
                 E1\tAttribution:T3 Cue:T3 Content:T1 Content2:T2\n",
                vec![(vec![], vec![f(5, 9)], vec![f(0, 4), f(10, 14)])],
            ),
            (
                "event with only its trigger is no attribution; unreferenced spans are not gold",
                "T1\tCue 0 4\tsaid\nT2\tContent 5 9\tx\nT3\tAttribution 0 4\tsaid\nE1\tAttribution:T3 \n\
                 T4\tDiscard 10 12\tzz\n",
                vec![],
            ),
            (
                "notes, relations and attributes are skipped",
                "#1\tAnnotatorNotes T1\tnote\nR1\tRel Arg1:T1 Arg2:T2\nA1\tNeg E1\nT1\tCue 0 4\tsaid\n\
                 T2\tContent 5 9\tx\nE1\tAttribution:T1 Cue:T1 Content:T2\n",
                vec![(vec![], vec![f(0, 4)], vec![f(5, 9)])],
            ),
            ("empty file", "", vec![]),
        ];
        for (name, content, want) in cases {
            let ann = parse_ann(content, "x.ann").unwrap_or_else(|e| panic!("{name}: {e}"));
            let got: Vec<_> = ann
                .attributions("x.ann")
                .unwrap_or_else(|e| panic!("{name}: {e}"))
                .into_iter()
                .map(|a| (a.source, a.cue, a.content))
                .collect();
            assert_eq!(got, want, "{name}");
        }
    }

    #[test]
    fn reports_faults_with_file_and_line() {
        // (content, expected message start)
        let cases = [
            ("T1\tCue 4\tsaid\n", "x.ann:1: T1: bad offsets"),
            ("T1\tCue 4 x\tsaid\n", "x.ann:1: T1: bad offsets"),
            ("T1\tCue 8 4\tsaid\n", "x.ann:1: T1: bad offsets"),
            ("T1\tCue 0 4;\tsaid\n", "x.ann:1: T1: bad offsets"),
            ("T1\tCue\tsaid\n", "x.ann:1: T1: expected"),
            ("\nT1\tCue 0 4\ta\nT1\tCue 0 4\ta\n", "x.ann:3: T1 is defined twice"),
            ("E1\tAttribution T1\n", "x.ann:1: E1: argument"),
        ];
        for (content, want) in cases {
            match parse_ann(content, "x.ann") {
                Ok(_) => panic!("{content:?} parsed"),
                Err(e) => assert!(e.to_string().starts_with(want), "{content:?}: {e}"),
            }
        }
        let ann = parse_ann("T1\tCue 0 4\tsaid\nE1\tAttribution:T1 Cue:T1 Content:T7\n", "x.ann").unwrap();
        let e = ann.attributions("x.ann").unwrap_err().to_string();
        assert_eq!(e, "x.ann:2: E1 refers to T7, which is not defined");
        let e = ann.check_bounds(3, "x.ann").unwrap_err().to_string();
        assert!(e.starts_with("x.ann:1: T1: span 0-4 ends past"), "{e}");
        assert!(ann.check_bounds(4, "x.ann").is_ok());
    }

    #[test]
    fn loads_a_split_folder_using_the_first_annotator() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("text")).unwrap();
        fs::create_dir_all(root.join("attributions")).unwrap();
        fs::write(root.join("text/site_2016_a.txt"), "Sam said so.").unwrap();
        fs::write(root.join("text/b.txt"), "Nothing.").unwrap();
        let ann_b = "T1\tCue 4 8\tsaid\nT2\tContent 9 11\tso\nE1\tAttribution:T1 Cue:T1 Content:T2\n";
        fs::write(root.join("attributions/site_2016_a_bbbb.ann"), "").unwrap();
        fs::write(root.join("attributions/site_2016_a_aaaa.ann"), ann_b).unwrap();
        fs::write(root.join("attributions/orphan_cccc.ann"), "").unwrap();
        let mut notes = Vec::new();
        let docs = load(root, &mut notes).unwrap();
        let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["b", "site_2016_a"]);
        assert!(docs[0].attributions.is_empty());
        assert_eq!(docs[1].attributions.len(), 1);
        assert!(docs[1].ann_path.as_ref().unwrap().ends_with("site_2016_a_aaaa.ann"));
        assert_eq!(notes.len(), 2, "{notes:?}");
        assert!(notes[0].starts_with("b: no annotation file"), "{notes:?}");
        assert!(notes[1].contains("no text file for article orphan"), "{notes:?}");

        fs::write(root.join("attributions/b_x.ann"), "T1\tCue 0 40\tx\n").unwrap();
        let e = load(root, &mut Vec::new()).unwrap_err().to_string();
        assert!(e.contains("b_x.ann:1: T1: span 0-40 ends past"), "{e}");
        assert!(load(&root.join("nowhere"), &mut Vec::new()).is_err());
    }
}
