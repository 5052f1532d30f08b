//! Cue detection: where the cue lexicon's forms occur in a sentence, with
//! the auxiliaries and adverbs that belong to them ("has also said").

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::entities::{JOINS_LEFT_WORDS, flag, lexicon as entity_lexicon};
use crate::gazetteer::{CueForm, CueLexicon, CueType, Tense};
use crate::record::CueClass;
use crate::segment::{Segmentation, TokenKind};

/// One cue found in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct CueHit {
    /// First token of the cue span (auxiliaries included).
    pub first: usize,
    /// First token of the cue word itself.
    pub head: usize,
    /// One past the last token of the cue.
    pub end: usize,
    /// Index of the cue in the lexicon.
    pub cue: u32,
    /// A participle ("saying", "noting") that may open a subordinate clause.
    pub participle: bool,
    /// Its class.
    pub class: CueClass,
    /// Its type.
    pub kind: CueType,
    /// The verb form.
    pub tense: Tense,
    /// Sentence index.
    pub sentence: usize,
}

/// Bits of [`small_words`].
const JOINS_LEFT: u8 = 1;
const NOUN_CONTEXT: u8 = 2;
/// Determiners and ordinals: before an -ing form, a noun reading.
const BEFORE_GERUND_NOUN: u8 = 4;

/// The words before which a past form is an adjective ("the proposed
/// plan", "so called").
const BEFORE_ADJECTIVE_WORDS: &[&str] = &["the", "a", "an", "so"];

/// The classes above of an ASCII word of up to 15 bytes (any case), or
/// `None` for another word. The cue rules test the words next to every cue;
/// one integer lookup answers where the chains of string comparisons under
/// `with_lower` cost several times as much.
fn small_words(word: &str) -> Option<u8> {
    static TABLE: OnceLock<FxHashMap<u128, u8>> = OnceLock::new();
    let key = crate::text::pack_ascii_lower(word.as_bytes())?;
    let table = TABLE.get_or_init(|| {
        let mut t: FxHashMap<u128, u8> = FxHashMap::default();
        for (list, bit) in [
            (JOINS_LEFT_WORDS, JOINS_LEFT),
            (NOUN_CONTEXT_WORDS, NOUN_CONTEXT),
            (BEFORE_GERUND_NOUN_WORDS, BEFORE_GERUND_NOUN),
        ] {
            for w in list {
                // The lists' other words ("’s") are never the lower case
                // of a short ASCII word: `joins_left` asks them itself.
                if let Some(k) = crate::text::pack_ascii_lower(w.as_bytes()) {
                    *t.entry(k).or_default() |= bit;
                }
            }
        }
        t
    });
    Some(table.get(&key).copied().unwrap_or(0))
}

/// The words after which an -ing form is a noun (see [`verb_reading`]).
#[rustfmt::skip]
const BEFORE_GERUND_NOUN_WORDS: &[&str] = &[
    "a", "an", "the", "this", "that", "his", "her", "its", "their", "our", "first", "second", "third", "final",
    "last", "latest", "new",
];

/// Can "’s" after this word be "is" or "has" ("he's said", "that's
/// what", "there's been")? After a name or a noun it owns.
fn contracts_with(word: &str) -> bool {
    crate::text::with_ascii_lower(word, |w| {
        matches!(
            w,
            "he" | "she"
                | "it"
                | "that"
                | "who"
                | "there"
                | "what"
                | "here"
                | "everyone"
                | "everybody"
                | "someone"
                | "somebody"
                | "nobody"
                | "no-one"
                | "one"
                | "where"
                | "how"
        )
    })
}

/// The words after which a verb form is a noun (see [`noun_context`]).
#[rustfmt::skip]
const NOUN_CONTEXT_WORDS: &[&str] = &[
    "the", "a", "an", "this", "these", "those", "his", "her", "its", "their", "our", "my", "your", "any", "no",
    "every", "each", "such", "same", "other", "another", "of", "for", "in", "on", "at", "by", "with", "from", "to",
    "into", "about", "over", "under", "new", "first", "last", "whose", "what", "which", "and", "or", "but", "than",
    "as", "like", "without", "against", "two", "three", "four", "five", "several", "more", "fewer", "less", "own",
    "state", "big", "good", "bad", "key", "major", "main", "final", "public", "official", "second", "local",
    "federal", "national", "political", "economic", "social", "recent", "further",
];

/// Auxiliaries, adverbs and negations that join a verb cue on its left:
/// "has said", "also told", "would later say", "did not deny".
fn joins_left(word: &str) -> bool {
    match small_words(word) {
        Some(bits) => bits & JOINS_LEFT != 0,
        None => joins_left_any(word),
    }
}

/// [`joins_left`] of any word.
fn joins_left_any(word: &str) -> bool {
    crate::text::with_lower(word, |lw| JOINS_LEFT_WORDS.contains(&lw))
}

/// Words after which a base or third-person form is a noun: "the state",
/// "his plans", "of questions".
fn noun_context(word: &str) -> bool {
    match small_words(word) {
        Some(bits) => bits & NOUN_CONTEXT != 0,
        None => noun_context_any(word),
    }
}

/// [`noun_context`] of any word.
fn noun_context_any(word: &str) -> bool {
    crate::text::with_lower(word, |lw| NOUN_CONTEXT_WORDS.contains(&lw))
}

/// Words that open a reported clause right after its verb: "says he",
/// "says that", "says the".
fn opens_clause(word: &str) -> bool {
    crate::text::with_ascii_lower(word, |w| {
        matches!(w, "he" | "she" | "they" | "we" | "i" | "it" | "that" | "the" | "there")
    })
}

/// Auxiliaries and copulas that cannot follow a verb directly, nor stand
/// in a speaker's name.
pub(super) fn is_finite_aux(word: &str) -> bool {
    matches!(
        word,
        "is" | "are"
            | "was"
            | "were"
            | "have"
            | "has"
            | "had"
            | "will"
            | "would"
            | "can"
            | "could"
            | "should"
            | "must"
            | "do"
            | "does"
            | "did"
            | "may"
            | "might"
    )
}

/// A headline in title case ("Sanders Vows To Eliminate Tax Breaks"):
/// most words of the sentence starting at token `lo` are capitalised.
fn title_case(seg: &Segmentation, text: &str, lo: usize) -> bool {
    let Some(s) = seg.sentence_at(seg.tokens[lo].start as usize) else {
        return false;
    };
    let words = seg.sentences[s]
        .tokens
        .clone()
        .filter(|&k| seg.tokens[k].kind == TokenKind::Word);
    let (mut caps, mut all) = (0, 0);
    for k in words {
        all += 1;
        let t = &seg.tokens[k];
        if t.shape.is_capitalised() || t.text(text).len() <= 3 {
            caps += 1;
        }
    }
    all >= 4 && caps * 10 >= all * 9
}

/// Is the verb form at token `head` (its span starting at `first`) read as
/// a verb? Base and third-person forms double as nouns ("the state", "his
/// plans", "United States"); past forms after a determiner are adjectives.
fn verb_reading(text: &str, seg: &Segmentation, first: usize, head: usize, form: &CueForm, lo: usize) -> bool {
    let tense = form.tense;
    let tok = &seg.tokens[head];
    if tok.shape.is_capitalised()
        && first == head
        && !(lo..head).all(|k| seg.tokens[k].kind == TokenKind::Punct)
        && !title_case(seg, text, lo)
    {
        return false;
    }
    if first < head {
        // An auxiliary ("will say", "has said") makes it a verb.
        return true;
    }
    let Some(prev) = head.checked_sub(1).filter(|&p| p >= lo) else {
        return true;
    };
    let pt = &seg.tokens[prev];
    let pw = pt.text(text);
    match tense {
        Tense::Base | Tense::Third => {
            if pt.kind == TokenKind::Possessive || pt.kind == TokenKind::Number {
                return false;
            }
            // "contingency plans were in place": a finite verb follows a noun.
            if let Some(next) = seg.tokens.get(head + 1)
                && is_finite_aux(next.text(text))
            {
                return false;
            }
            if pt.kind == TokenKind::Punct {
                // A closing mark ends a quotation (",” says", '"We will win"
                // says Smith'), unless it closes a scare quote of a few
                // words opened inside a phrase, which modifies a noun
                // ("the “broken” campaign").
                if matches!(pw, "”" | "\"" | "'" | "’") {
                    // ("Sanders’ campaign": an apostrophe on a plural is a
                    // possessive.)
                    let apostrophe = matches!(pw, "'" | "’")
                        && prev > lo
                        && seg.tokens[prev - 1].end == pt.start
                        && seg.tokens[prev - 1].kind == TokenKind::Word;
                    return !apostrophe && !scare_quote(text, seg, prev, lo);
                }
                return matches!(pw, "," | ")" | "—" | "–");
            }
            // "voted and says he ...": after a conjunction, a form that
            // opens a clause is the second verb of its subject ("plans and
            // calls for reform" keeps the noun reading).
            if matches!(pw, "and" | "but")
                && seg
                    .tokens
                    .get(head + 1)
                    .is_some_and(|next| opens_clause(next.text(text)))
            {
                return true;
            }
            if noun_context(pw) {
                return false;
            }
            // A bare base form agrees only with a plural or a personal
            // subject ("voters say", "they back"); after a singular word it
            // heads a compound noun ("presidential campaign", "military
            // support").
            tense == Tense::Third
                || form.also_past
                || pt.kind != TokenKind::Word
                || !pt.shape.is_lower_start()
                || takes_base_form(pw)
                || plural_before_modifier(text, seg, prev, lo)
        }
        // (No other character lower-cases to ASCII letters of these words:
        // compared as bytes, they need neither lookup nor lowering.)
        Tense::Past => !BEFORE_ADJECTIVE_WORDS
            .iter()
            .any(|w| pw.as_bytes().eq_ignore_ascii_case(w.as_bytes())),
        // "a third reading", "the latest warning", "his writing": after a
        // determiner or an ordinal an -ing form is a noun.
        Tense::Ing => small_words(pw).is_none_or(|bits| bits & BEFORE_GERUND_NOUN == 0),
        _ => true,
    }
}

/// Does the closing mark at token `close` end a scare quote: a few words
/// (no punctuation before the mark) whose opening mark follows a word of
/// the same sentence ("the “broken” campaign")?
fn scare_quote(text: &str, seg: &Segmentation, close: usize, lo: usize) -> bool {
    if close == 0 || seg.tokens[close - 1].kind == TokenKind::Punct {
        return false;
    }
    let from = close.saturating_sub(6).max(lo);
    let Some(open) = (from..close - 1)
        .rev()
        .find(|&k| matches!(seg.tokens[k].text(text), "“" | "\"" | "'" | "‘"))
    else {
        return false;
    };
    open > lo && matches!(seg.tokens[open - 1].kind, TokenKind::Word | TokenKind::Possessive)
}

/// Can a lower-case word stand right before a finite base form? Personal
/// pronouns, plurals ("voters", "people", "most"), quantities ("percent"),
/// group nouns that British English makes plural ("the club say"),
/// relatives ("who say"), adverbs ("often say") and negations ("not",
/// "n't").
pub(crate) fn takes_base_form(word: &str) -> bool {
    crate::text::with_ascii_lower(word, |w| {
        matches!(
            w,
            "i" | "we"
                | "you"
                | "they"
                | "who"
                | "that"
                | "people"
                | "men"
                | "women"
                | "children"
                | "police"
                | "staff"
                | "media"
                | "most"
                | "many"
                | "some"
                | "few"
                | "both"
                | "all"
                | "others"
                | "percent"
                | "half"
                | "third"
                | "quarter"
                | "majority"
                | "dozen"
                | "data"
                | "government"
                | "team"
                | "club"
                | "couple"
                | "family"
                | "board"
                | "union"
                | "committee"
                | "council"
                | "band"
                | "group"
                | "firm"
                | "company"
                | "jury"
                | "panel"
                | "squad"
                | "management"
                | "n't"
                | "not"
                | "nor"
        ) || super::phrases::is_polled(w.as_bytes()) // "those surveyed say"
            || looks_plural(w)
            || w.ends_with("ly")
    })
}

/// Does a word written in lower case end as a plural does ("voters", not
/// "press", "bus" or "analysis")?
pub(crate) fn looks_plural(word: &str) -> bool {
    word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us") && !word.ends_with("is")
}

/// Is the subject's head a plural before a modifying phrase that ends at
/// token `prev` ("observers in Virginia and around the country say",
/// "documents from his tax return show")?
fn plural_before_modifier(text: &str, seg: &Segmentation, prev: usize, lo: usize) -> bool {
    let window = prev.saturating_sub(10).max(lo);
    let from = (window..prev)
        .rev()
        .find(|&k| seg.tokens[k].kind == TokenKind::Punct)
        .map_or(window, |k| k + 1);
    let word = |k: usize| seg.tokens[k].text(text);
    // The first plural of the window, then a modifier's opening word after it.
    let Some(plural) = (from..prev).find(|&h| takes_base_form(word(h))) else {
        return false;
    };
    (plural + 1..prev).any(|k| {
        crate::text::with_ascii_lower(word(k), |w| {
            matches!(
                w,
                "of" | "in"
                    | "from"
                    | "at"
                    | "for"
                    | "with"
                    | "within"
                    | "on"
                    | "around"
                    | "across"
                    | "near"
                    | "among"
                    | "to"
                    | "who"
                    | "that"
            )
        })
    })
}

/// Finds every cue of the allowed classes in the text, outside the tokens
/// for which `excluded` is true (the inside of quotations). `word_flags`
/// holds each token's entity lexicon flags: only a token flagged
/// [`flag::CUE_START`] can start a cue.
pub(crate) fn find_cues(
    text: &str,
    seg: &Segmentation,
    lexicon: &CueLexicon,
    classes: &[CueClass],
    word_flags: &[u32],
    excluded: impl Fn(usize) -> bool,
) -> Vec<CueHit> {
    let mut hits = Vec::with_capacity(16);
    let bytes = text.as_bytes();
    for (si, s) in seg.sentences.iter().enumerate() {
        let mut i = s.tokens.start;
        while i < s.tokens.end {
            // Few words can start a cue: a scan of their flags passes over
            // the rest without reading the tokens.
            let from = i.min(word_flags.len());
            let to = s.tokens.end.min(word_flags.len());
            let Some(k) = word_flags[from..to].iter().position(|&f| f & flag::CUE_START != 0) else {
                break;
            };
            i = from + k;
            let tok = &seg.tokens[i];
            if tok.kind != TokenKind::Word || excluded(i) || tok.end - tok.start > 30 {
                i += 1;
                continue;
            }
            // The lexicon noted the forms of most words; the others (and
            // those it had no room to number) are looked up by their text,
            // which only they slice out.
            let noted = match entity_lexicon::cue_forms_of(word_flags[i]) {
                Some(n) if entity_lexicon::flags_answer_for(tok) => lexicon.forms_at(n),
                _ => None,
            };
            let Some(forms) = noted.or_else(|| lexicon.forms(tok.text(text))) else {
                i += 1;
                continue;
            };
            let mut found = None;
            for (rest, form) in forms {
                // (A word of another length is passed over unread.)
                let fits = rest.len() < s.tokens.end - i
                    && rest
                        .iter()
                        .zip(&seg.tokens[i + 1..])
                        .all(|(w, next)| bytes[next.range()].eq_ignore_ascii_case(w.as_bytes()));
                let cue = lexicon.cue(form.cue);
                if fits && classes.contains(&cue.class) {
                    found = Some((rest.len(), *form));
                    break;
                }
            }
            let Some((extra, form)) = found else {
                i += 1;
                continue;
            };
            let cue = lexicon.cue(form.cue);
            let mut first = i;
            // The lexicon flags answer for most words without their text.
            let joins_left_at = |k: usize| match word_flags.get(k) {
                Some(f) if entity_lexicon::flags_answer_for(&seg.tokens[k]) => f & flag::JOINS_LEFT != 0,
                _ => joins_left(seg.tokens[k].text(text)),
            };
            if cue.kind == CueType::Verb {
                while first > s.tokens.start
                    && seg.tokens[first - 1].kind != TokenKind::Punct
                    && joins_left_at(first - 1)
                    && !excluded(first - 1)
                {
                    // "’s" is "is" or "has" only before a participle ("she’s
                    // said", "he’s describing"); before "comments" it owns.
                    if seg.tokens[first - 1].kind == TokenKind::Possessive
                        && !matches!(form.tense, Tense::Past | Tense::Ing)
                    {
                        break;
                    }
                    first -= 1;
                }
            }
            // After a noun "’s" owns, and the participle after it is an
            // adjective: "Mr Clarke's proposed amendment", "the company's
            // planned merger" (but "she's said", "it's planning").
            if first < i
                && seg.tokens[first].kind == TokenKind::Possessive
                && !(first > s.tokens.start && contracts_with(seg.tokens[first - 1].text(text)))
            {
                i += 1;
                continue;
            }
            let end = i + 1 + extra;
            if cue.kind == CueType::Verb && !verb_reading(text, seg, first, i, &form, s.tokens.start) {
                i += 1;
                continue;
            }
            hits.push(CueHit {
                first,
                head: i,
                end,
                cue: form.cue,
                participle: form.participle,
                class: cue.class,
                kind: cue.kind,
                tense: form.tense,
                sentence: si,
            });
            i = end;
        }
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_table_answers_as_the_word_lists() {
        let mut words: Vec<String> = Vec::new();
        for w in JOINS_LEFT_WORDS.iter().chain(NOUN_CONTEXT_WORDS) {
            words.extend([
                w.to_string(),
                w.to_uppercase(),
                format!("{w}x"),
                w.chars().skip(1).collect(),
            ]);
        }
        words.extend(
            [
                "’s",
                "’S",
                "so",
                "So",
                "THE",
                "An",
                "",
                "saidsaidsaidsaid",
                "\u{212A}ey",
                "Ünder",
                "\u{130}n",
            ]
            .map(String::from),
        );
        for w in &words {
            assert_eq!(joins_left(w), joins_left_any(w), "{w:?}");
            assert_eq!(noun_context(w), noun_context_any(w), "{w:?}");
            let adjective = crate::text::with_lower(w, |lw| BEFORE_ADJECTIVE_WORDS.contains(&lw));
            let bytes = BEFORE_ADJECTIVE_WORDS
                .iter()
                .any(|a| w.as_bytes().eq_ignore_ascii_case(a.as_bytes()));
            assert_eq!(bytes, adjective, "{w:?}");
        }
    }

    #[test]
    fn lexicon_flag_answers_as_joins_left() {
        let (lex, _) = entity_lexicon::Lexicon::build(&crate::gazetteer::Gazetteers::default());
        let text = format!("{} Also HAS hasn't n't 's says’s", JOINS_LEFT_WORDS.join(" "));
        let seg = Segmentation::new(&text);
        let (mut ids, mut flags) = (Vec::new(), Vec::new());
        lex.annotate(&text, &seg, &mut ids, &mut flags);
        for (t, f) in seg.tokens.iter().zip(&flags) {
            if entity_lexicon::flags_answer_for(t) {
                assert_eq!(
                    f & flag::JOINS_LEFT != 0,
                    joins_left(t.text(&text)),
                    "{:?}",
                    t.text(&text)
                );
            }
        }
    }
}
