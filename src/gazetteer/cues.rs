//! The cue lexicon: the words and phrases that report speech, thought and
//! intention ("said", "according to", "believes", "plans to").
//!
//! `cues.tsv` has the columns `cue class type forms frames`:
//!
//! * `cue`: the lemma or phrase ("say", "call for", "according to");
//! * `class`: `speech`, `thought` or `intention`;
//! * `type`: `verb` (inflected forms in `forms`), `noun` ("statement"),
//!   `prep` ("according to", "citing"), or `phrase` (a fixed expression);
//! * `forms`: every form as written in text, `|`-separated; a phrase's words
//!   are separated by spaces ("called for"). Empty means the cue itself;
//! * `frames`: what may follow a verb, `|`-separated: `clause` (a that-clause
//!   or a bare clause: "said (that) ..."), `to` ("urged X to ..."), `for`
//!   ("called for ..."), `np` (a noun phrase: "denied the report"), `on`
//!   ("commented on ..."), `that` (only a clause opened by "that": "found
//!   that ...", for verbs that report only then), `quote` (only next to a
//!   direct quotation: '"...," she continued').

use rustc_hash::FxHashMap;

use super::tsv::Table;
use crate::error::Result;
use crate::record::CueClass;

/// The grammatical type of a cue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CueType {
    /// An inflected verb ("said", "believes").
    Verb,
    /// A noun ("statement", "remarks").
    Noun,
    /// A preposition-like cue taking the source after it ("according to").
    Prep,
    /// A fixed phrase.
    Phrase,
}

/// What may follow a verb cue, as bit flags.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Frames(u8);

impl Frames {
    /// A that-clause or a bare clause.
    pub const CLAUSE: Frames = Frames(1);
    /// An infinitive: "urged them to ...", "agreed to ...".
    pub const TO: Frames = Frames(2);
    /// "for ...": "called for ...".
    pub const FOR: Frames = Frames(4);
    /// A noun phrase object: "denied the report".
    pub const NP: Frames = Frames(8);
    /// "on ...": "commented on ...".
    pub const ON: Frames = Frames(16);
    /// Only a clause opened by an explicit "that": "found that ...".
    pub const THAT: Frames = Frames(32);
    /// Only a direct quotation: '"...," she continued.'
    pub const QUOTE: Frames = Frames(64);

    /// True when every flag of `other` is set.
    pub fn has(self, other: Frames) -> bool {
        self.0 & other.0 == other.0
    }

    fn parse(word: &str) -> Option<Frames> {
        match word {
            "clause" => Some(Frames::CLAUSE),
            "to" => Some(Frames::TO),
            "for" => Some(Frames::FOR),
            "np" => Some(Frames::NP),
            "on" => Some(Frames::ON),
            "that" => Some(Frames::THAT),
            "quote" => Some(Frames::QUOTE),
            _ => None,
        }
    }
}

/// One cue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cue {
    /// Lemma or phrase.
    pub lemma: String,
    /// What it reports.
    pub class: CueClass,
    /// Its grammatical type.
    pub kind: CueType,
    /// What may follow it.
    pub frames: Frames,
}

/// The grammatical form of a written verb cue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    /// The base form ("say"), which is often also a noun ("state", "plan").
    Base,
    /// The third person ("says"), also often a plural noun ("plans").
    Third,
    /// The past or past participle ("said", "expected").
    Past,
    /// The present participle ("saying").
    Ing,
    /// Not a verb.
    None,
}

/// One written form of a cue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CueForm {
    /// Index into [`CueLexicon::cues`].
    pub cue: u32,
    /// Number of words in the form.
    pub words: u8,
    /// True for a present or past participle ("saying", "noted" can also be
    /// a participle), which can open a subordinate clause.
    pub participle: bool,
    /// A base form that is also the past ("read", "put it"), so it
    /// needs no plural subject ("the article read").
    pub also_past: bool,
    /// The verb form.
    pub tense: Tense,
}

/// The forms that start with one word: the rest of each form's words (lower
/// case), and the form.
pub type CueForms = Vec<(Vec<String>, CueForm)>;

/// Every cue, and its forms by first word (lower case).
#[derive(Clone, Debug, Default)]
pub struct CueLexicon {
    /// The cues.
    pub cues: Vec<Cue>,
    /// Forms by their first word, lower case; each with the remaining words.
    pub by_first_word: FxHashMap<String, CueForms>,
    /// The entries of `by_first_word` whose first word is ASCII, sorted:
    /// numbered, so that the entity lexicon can note each word's forms and
    /// the quote stage find them without hashing the word a second time.
    /// Rebuilt by every [`CueLexicon::load`].
    ascii: Vec<(String, CueForms)>,
    /// The numbers in `ascii` of the first words of up to 15 bytes (nearly
    /// all), keyed by [`crate::text::pack_ascii_lower`]: hashing a string
    /// and comparing it through a pointer cost several times what an
    /// integer key does. Rebuilt by every [`CueLexicon::load`].
    short: FxHashMap<u128, u32>,
}

impl CueLexicon {
    /// Adds the rows of a cue table.
    pub(crate) fn load(&mut self, t: &Table) -> Result<()> {
        let cue = t.column("cue")?;
        let class = t.column("class")?;
        let kind = t.optional_column("type");
        let forms = t.optional_column("forms");
        let frames = t.optional_column("frames");
        for row in t.rows() {
            let lemma = t.required(row, cue, "cue")?;
            let c = match t.required(row, class, "class")? {
                "speech" => CueClass::Speech,
                "thought" => CueClass::Thought,
                "intention" => CueClass::Intention,
                other => return Err(t.fault(row, "class", format!("{other:?} is not speech, thought or intention"))),
            };
            let k = match row.opt(kind).unwrap_or("verb") {
                "verb" => CueType::Verb,
                "noun" => CueType::Noun,
                "prep" => CueType::Prep,
                "phrase" => CueType::Phrase,
                other => return Err(t.fault(row, "type", format!("{other:?} is not verb, noun, prep or phrase"))),
            };
            let mut f = Frames::default();
            for word in frames.into_iter().flat_map(|col| row.list(col)) {
                let flag = Frames::parse(word).ok_or_else(|| {
                    t.fault(
                        row,
                        "frames",
                        format!("{word:?} is not clause, that, to, for, np, on or quote"),
                    )
                })?;
                f.0 |= flag.0;
            }
            if k == CueType::Verb && f == Frames::default() {
                f = Frames::CLAUSE;
            }
            let index = self.cues.len() as u32;
            self.cues.push(Cue {
                lemma: lemma.to_string(),
                class: c,
                kind: k,
                frames: f,
            });
            let mut written: Vec<&str> = forms.map(|col| row.list(col).collect()).unwrap_or_default();
            if written.is_empty() {
                written.push(lemma);
            }
            let lemma_head = lemma.split_whitespace().next().unwrap_or("");
            let tense_of = |form: &str| form_tense(k, lemma_head, form.split_whitespace().next().unwrap_or(""));
            // A verb written with no past form of its own has one like its
            // base ("read", "put it", "forecast").
            let past_is_base = k == CueType::Verb && written.iter().all(|form| tense_of(form) != Tense::Past);
            for form in written {
                let words: Vec<String> = form.split_whitespace().map(str::to_lowercase).collect();
                let Some((first, rest)) = words.split_first() else {
                    continue;
                };
                let head = form.split_whitespace().next().unwrap_or("");
                let participle = k == CueType::Verb && (head.ends_with("ing") || head.ends_with("ed"));
                let tense = tense_of(form);
                let entry = CueForm {
                    cue: index,
                    words: words.len().min(255) as u8,
                    participle,
                    tense,
                    also_past: tense == Tense::Base && past_is_base,
                };
                let slot = self.by_first_word.entry(first.clone()).or_default();
                if !slot.iter().any(|(r, e)| r == rest && e.cue == index) {
                    slot.push((rest.to_vec(), entry));
                }
            }
        }
        // Longest forms first, so a lookup finds "according to" before "according".
        for forms in self.by_first_word.values_mut() {
            forms.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.1.cue.cmp(&b.1.cue)));
        }
        self.ascii = self
            .by_first_word
            .iter()
            .filter(|(first, _)| first.is_ascii())
            .map(|(first, forms)| (first.clone(), forms.clone()))
            .collect();
        self.ascii.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        self.short = (0u32..)
            .zip(&self.ascii)
            .filter_map(|(i, (first, _))| Some((crate::text::pack_ascii_lower(first.as_bytes())?, i)))
            .collect();
        Ok(())
    }

    /// The first words of forms that are ASCII (lower case), with their
    /// forms, in a fixed order: the index of each is its number for
    /// [`CueLexicon::forms_at`].
    pub(crate) fn ascii_first_words(&self) -> &[(String, CueForms)] {
        &self.ascii
    }

    /// The forms of the ASCII first word numbered `i` by
    /// [`CueLexicon::ascii_first_words`].
    pub(crate) fn forms_at(&self, i: u32) -> Option<&CueForms> {
        self.ascii.get(i as usize).map(|(_, forms)| forms)
    }

    /// The forms whose first word is `word` in lower case (`word` in any
    /// case), longest first.
    #[inline]
    pub fn forms(&self, word: &str) -> Option<&CueForms> {
        // A short ASCII word lower-cases to a short ASCII word, which is a
        // key of `by_first_word` only if it is one of `short` too.
        match crate::text::pack_ascii_lower(word.as_bytes()) {
            Some(key) => self.short.get(&key).and_then(|&i| self.forms_at(i)),
            None => crate::text::with_lower(word, |lower| self.by_first_word.get(lower)),
        }
    }

    /// The cue with index `i`.
    pub fn cue(&self, i: u32) -> &Cue {
        &self.cues[i as usize]
    }

    /// True when `word` (any case) is a form of a speech verb.
    pub fn is_speech_verb(&self, word: &str) -> bool {
        self.forms(word).is_some_and(|forms| self.has_speech_verb(forms))
    }

    /// True when one of `forms` is a speech verb of one word.
    pub(crate) fn has_speech_verb(&self, forms: &CueForms) -> bool {
        forms.iter().any(|(rest, f)| {
            rest.is_empty() && {
                let cue = self.cue(f.cue);
                cue.kind == CueType::Verb && cue.class == CueClass::Speech
            }
        })
    }
}

/// The tense of a cue form whose first word is `head`, for a cue of type
/// `kind` whose lemma's first word is `lemma_head`.
fn form_tense(kind: CueType, lemma_head: &str, head: &str) -> Tense {
    // The lemma less its last character ("carr" of "carry", for "carries").
    let stem = lemma_head
        .char_indices()
        .next_back()
        .map_or("", |(i, _)| &lemma_head[..i]);
    if kind != CueType::Verb {
        Tense::None
    } else if head.ends_with("ing") && !lemma_head.ends_with("ing") {
        Tense::Ing
    } else if head.eq_ignore_ascii_case(lemma_head) {
        Tense::Base
    } else if head.ends_with('s') && head.len() <= lemma_head.len() + 2 && head.starts_with(stem) {
        Tense::Third
    } else {
        Tense::Past
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_forms_and_frames() {
        let text = "cue\tclass\ttype\tforms\tframes\nsay\tspeech\tverb\tsay|says|said|saying\tclause\ncall for\tspeech\tverb\tcall|calls|called|calling\tfor|to\naccording to\tspeech\tprep\t\t\nbelieve\tthought\tverb\tbelieves|believed\t\n";
        let t = Table::parse("cues.tsv", text).unwrap();
        let mut lex = CueLexicon::default();
        lex.load(&t).unwrap();
        assert_eq!(lex.cues.len(), 4);
        assert!(lex.is_speech_verb("Said"));
        assert!(!lex.is_speech_verb("believes"));
        let according = &lex.by_first_word["according"][0];
        assert_eq!(according.0, ["to"]);
        assert_eq!(lex.cue(according.1.cue).kind, CueType::Prep);
        let called = &lex.by_first_word["called"][0];
        assert!(lex.cue(called.1.cue).frames.has(Frames::FOR));
        assert!(called.1.participle);
        assert_eq!(lex.cue(lex.by_first_word["believes"][0].1.cue).frames, Frames::CLAUSE);
    }

    #[test]
    fn looks_up_forms_of_any_length_and_script() {
        let text = "cue\tclass\ttype\tforms\nsay\tspeech\tverb\tsay|said\nüberzeugen\tthought\tverb\tÜberzeugt\ncounter-argue\tspeech\tverb\tcounter-argued\n";
        let t = Table::parse("cues.tsv", text).unwrap();
        let mut lex = CueLexicon::default();
        lex.load(&t).unwrap();
        for word in ["SAID", "said", "überzeugt", "ÜBERZEUGT", "Counter-Argued"] {
            let want = crate::text::with_lower(word, |w| lex.by_first_word.get(w));
            assert!(want.is_some(), "{word}");
            assert_eq!(lex.forms(word), want, "{word}");
        }
        for word in ["says", "Sa\u{212A}d", "counter-arguing"] {
            assert_eq!(lex.forms(word), None, "{word}");
        }
    }

    #[test]
    fn faults_name_the_field() {
        for (text, want) in [
            ("cue\tclass\nsay\tshout\n", "cues.tsv:2: field \"class\""),
            ("cue\tclass\ttype\nsay\tspeech\tadverb\n", "cues.tsv:2: field \"type\""),
            (
                "cue\tclass\tframes\nsay\tspeech\twhether\n",
                "cues.tsv:2: field \"frames\"",
            ),
        ] {
            let t = Table::parse("cues.tsv", text).unwrap();
            let err = CueLexicon::default().load(&t).unwrap_err().to_string();
            assert!(err.starts_with(want), "{err}");
        }
    }
}
