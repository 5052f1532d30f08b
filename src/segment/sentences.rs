//! Sentences within a paragraph.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (with any closing quote marks or
//! brackets that touch it) when white space and then an upper-case word, a
//! number or an opening quote follow. The period is not an end after a title
//! abbreviation ("Mr.", "Gov."), an initial ("John F. Kennedy"), a month or
//! "No." before a number ("Jan. 5", "No. 10"); after a dotted abbreviation
//! ("U.S.") it is an end only when a typical sentence opener follows.

use super::tokens::{Token, TokenKind};
use crate::text::pack_ascii_lower;

/// Abbreviations that precede a name and never end a sentence.
#[rustfmt::skip]
const TITLE_ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "capt", "cpt", "sgt", "maj", "adm",
    "cmdr", "rev", "st", "mt", "ft", "hon", "messrs", "mme", "mlle", "pres", "supt", "insp", "det", "atty", "amb",
    "sec", "jr", "sr", "fr", "brig", "cdr",
];

/// Abbreviations that do not end a sentence when a number follows.
#[rustfmt::skip]
const NUMBER_ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos", "vol", "p",
    "pp", "art", "fig", "ch", "sec", "para", "approx", "ca",
];

/// Words that typically open a sentence; after "U.S." one of these means the
/// period also ended the sentence.
#[rustfmt::skip]
const OPENERS: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "for", "he", "her", "his", "however", "i", "if", "in", "it", "its",
    "meanwhile", "mr", "mrs", "ms", "dr", "on", "our", "she", "so", "still", "that", "the", "their", "there", "these",
    "they", "this", "those", "we", "when", "while", "yet", "after", "before", "since", "although", "what", "who",
    "why", "how", "many", "some", "most", "other", "officials", "one", "no", "not", "asked",
];

fn closes(text: &str, t: &Token) -> bool {
    t.kind == TokenKind::Punct && matches!(t.text(text), "”" | "’" | "\"" | "'" | ")" | "]" | "»" | "›")
}

fn opens(text: &str, t: &Token) -> bool {
    t.kind == TokenKind::Punct && matches!(t.text(text), "“" | "‘" | "\"" | "'" | "(" | "[" | "«" | "„" | "‹")
}

fn terminal(text: &str, t: &Token) -> bool {
    // The tokenizer's bit settles every one-byte token without reading the
    // text, and rules out nearly every other.
    t.kind == TokenKind::Punct && t.shape.ends_in_terminal_byte() && (t.end - t.start == 1 || t.text(text) == "…")
}

/// [`pack_ascii_lower`] keys of the words of a list, all lower-case ASCII.
/// The lists are asked at nearly every sentence end; comparing keys costs
/// a fraction of comparing each word, in any case, byte by byte.
const fn keys<const N: usize>(list: &[&str]) -> [u128; N] {
    assert!(list.len() == N);
    let mut keys = [0; N];
    let mut i = 0;
    while i < N {
        // (A word the key cannot hold stops the build.)
        keys[i] = match pack_ascii_lower(list[i].as_bytes()) {
            Some(key) => key,
            None => panic!("a listed word is not ASCII or is longer than 15 bytes"),
        };
        i += 1;
    }
    keys
}

static TITLE_KEYS: [u128; TITLE_ABBREVIATIONS.len()] = keys(TITLE_ABBREVIATIONS);
/// The length of the longest title abbreviation. The list is asked about
/// the word before nearly every full stop, and four in ten of those are
/// longer: their length rules them out before a key is made.
const LONGEST_TITLE: usize = longest(TITLE_ABBREVIATIONS);
static NUMBER_KEYS: [u128; NUMBER_ABBREVIATIONS.len()] = keys(NUMBER_ABBREVIATIONS);
static OPENER_KEYS: [u128; OPENERS.len()] = keys(OPENERS);

/// The length of the longest word of `list`.
const fn longest(list: &[&str]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < list.len() {
        if list[i].len() > n {
            n = list[i].len();
        }
        i += 1;
    }
    n
}

/// Is `word`, in any ASCII case, one of the words behind `keys`?
fn lower_in(word: &str, keys: &[u128]) -> bool {
    pack_ascii_lower(word.as_bytes()).is_some_and(|k| keys.contains(&k))
}

/// Splits `tokens` (the tokens of one paragraph) into sentences, pushing the
/// index (within `tokens`) one past each sentence's last token. The last
/// sentence always ends at `tokens.len()`.
///
/// `candidates` are the indexes, in order, of the tokens whose last byte is
/// '.', '!', '?' or that of '…' (E2 80 A6): only such a token can end a
/// sentence, and the tokenizer noted which they are, so every other token
/// is passed over without being visited.
pub fn split(text: &str, tokens: &[Token], candidates: impl Iterator<Item = usize>, ends: &mut Vec<usize>) {
    let n = tokens.len();
    // Candidates before this one were taken into the last sentence end.
    let mut from = 0;
    for k in candidates {
        if k < from {
            continue;
        }
        let t = &tokens[k];
        // Every candidate has a last byte.
        let dotted = t.kind == TokenKind::Word && text.as_bytes()[t.end as usize - 1] == b'.';
        if !(terminal(text, t) || dotted) {
            continue;
        }
        // Extend over touching terminals and closers: `?!`, `."`, `.)`.
        let mut e = k;
        while e + 1 < n
            && tokens[e + 1].start == tokens[e].end
            && (terminal(text, &tokens[e + 1]) || closes(text, &tokens[e + 1]))
        {
            e += 1;
        }
        if e + 1 >= n {
            break;
        }
        let next = &tokens[e + 1];
        if next.start == tokens[e].end && !opens(text, next) {
            // No space after: "Yahoo!Inc", "...and".
            from = e + 1;
            continue;
        }
        if is_boundary(text, tokens, k, next) {
            ends.push(e + 1);
        }
        from = e + 1;
    }
    if n > 0 {
        ends.push(n);
    }
}

fn is_boundary(text: &str, tokens: &[Token], k: usize, next: &Token) -> bool {
    // The tokens' shapes answer most questions here; the text is read only
    // for what they leave open.
    let starts_sentence = next.shape.is_capitalised() || next.kind == TokenKind::Number || opens(text, next) || {
        // Other scripts have no case: a new sentence may start with any letter.
        next.text(text)
            .chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() && !c.is_lowercase() && !c.is_uppercase())
    };
    if !starts_sentence {
        return false;
    }
    let t = &tokens[k];
    if t.kind == TokenKind::Word {
        // "U.S." at the end of a sentence, or in the middle of one.
        return lower_in(next.text(text), &OPENER_KEYS);
    }
    // Any other candidate is `.`, `!`, `?` or `…`, each a token of its own
    // (the tokenizer notes no other as a possible end): its first byte says
    // which.
    if text.as_bytes()[t.start as usize] != b'.' || k == 0 {
        return true;
    }
    let prev = &tokens[k - 1];
    if prev.end != t.start || prev.kind != TokenKind::Word {
        return true;
    }
    let word = prev.text(text);
    // A word's shape says whether its first letter is upper case.
    let single_capital = prev.shape.is_capitalised() && word.chars().nth(1).is_none();
    if single_capital || (word.len() <= LONGEST_TITLE && lower_in(word, &TITLE_KEYS)) {
        return false;
    }
    if next.kind == TokenKind::Number && lower_in(word, &NUMBER_KEYS) {
        return false;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize_noting_ends;
    use super::*;

    #[test]
    fn list_keys_answer_as_comparing_words_did() {
        let lists = [
            (TITLE_ABBREVIATIONS, &TITLE_KEYS[..]),
            (NUMBER_ABBREVIATIONS, &NUMBER_KEYS[..]),
            (OPENERS, &OPENER_KEYS[..]),
        ];
        let mut words = vec![
            "",
            "x",
            "Mr",
            "MRS",
            "mR",
            "Ms.",
            "mr ",
            "mr\u{e9}",
            "\u{e9}",
            "However",
            "meanwhilee",
        ];
        words.extend([
            "Meanwhile",
            "OFFICIALS",
            "Sept",
            "approximately",
            "abcdefghijklmnop",
            "Gov",
            "gov\u{2019}",
        ]);
        for (list, keys) in lists {
            let mut all = words.clone();
            all.extend(list.iter().copied());
            let upper: Vec<String> = list.iter().map(|w| w.to_uppercase()).collect();
            all.extend(upper.iter().map(String::as_str));
            for w in all {
                let compared = w.len() <= 10 && list.iter().any(|a| a.eq_ignore_ascii_case(w));
                assert_eq!(lower_in(w, keys), compared, "{w:?}");
            }
        }
    }

    fn sentences(text: &str) -> Vec<&str> {
        let mut toks = Vec::new();
        let mut candidates = Vec::new();
        tokenize_noting_ends(text, &mut toks, Some(&mut candidates));
        let mut ends = Vec::new();
        split(text, &toks, candidates.iter().map(|&k| k as usize), &mut ends);
        let mut out = Vec::new();
        let mut from = 0;
        for e in ends {
            out.push(&text[toks[from].start as usize..toks[e - 1].end as usize]);
            from = e;
        }
        out
    }

    #[test]
    fn sentence_table() {
        let cases: &[(&str, &[&str])] = &[
            ("One. Two.", &["One.", "Two."]),
            ("Mr. Blair spoke. He left.", &["Mr. Blair spoke.", "He left."]),
            ("Gov. Mike Pence said so.", &["Gov. Mike Pence said so."]),
            (
                "The U.S. economy grew. It was fast.",
                &["The U.S. economy grew.", "It was fast."],
            ),
            (
                "He lives in the U.S. The weather is fine.",
                &["He lives in the U.S.", "The weather is fine."],
            ),
            ("It happened on Jan. 5 in Paris.", &["It happened on Jan. 5 in Paris."]),
            (
                "He lives at No. 10 Downing Street.",
                &["He lives at No. 10 Downing Street."],
            ),
            (
                "John F. Kennedy was shot. Oswald fled.",
                &["John F. Kennedy was shot.", "Oswald fled."],
            ),
            (
                "Growth was 3.5 percent. Prices rose.",
                &["Growth was 3.5 percent.", "Prices rose."],
            ),
            (
                "He said: \"We won.\" Then he left.",
                &["He said: \"We won.\"", "Then he left."],
            ),
            ("“We won,” he said. “Now rest.”", &["“We won,” he said.", "“Now rest.”"]),
            ("Really?! Yes.", &["Really?!", "Yes."]),
            ("It ended (finally.) Then more.", &["It ended (finally.)", "Then more."]),
            ("lower case after. period stays", &["lower case after. period stays"]),
            ("Yahoo!Inc is a firm.", &["Yahoo!Inc is a firm."]),
            ("Wait… What?", &["Wait…", "What?"]),
            ("no final stop", &["no final stop"]),
            ("Scores: 2-1. Next match.", &["Scores: 2-1.", "Next match."]),
            ("她说. 是的.", &["她说.", "是的."]),
            // Last bytes A6 that are not '…': "¦" (C2 A6) and "æ" (C3 A6).
            ("Wow ¦ Next one. Cæ Then.", &["Wow ¦ Next one.", "Cæ Then."]),
        ];
        for (text, want) in cases {
            assert_eq!(sentences(text), *want, "sentences of {text:?}");
        }
    }
}
