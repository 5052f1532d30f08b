//! The gazetteer matcher: every surface form of every country, person and
//! office, matched word by word at word starts.
//!
//! Forms are split into words by the article tokenizer itself, so a form and
//! the text it names always agree on word boundaries ("People's" is
//! "People" + "'s" in both). Words are interned in the lexicon: a form is a
//! path of word ids in a trie, and matching at a token walks the trie with
//! the ids the article's tokens already have, one hash probe per word. The
//! longest form wins. A million forms build in about a second and cost a
//! few hundred bytes each, where a byte automaton over them took ten times
//! as long (see BENCHMARKS.md).
//!
//! Case is checked after a match, because the rule depends on the kind of
//! entry and on the context: an all-capitals headline may write "CHINA",
//! running text may not write "china".

use rustc_hash::FxHashMap;

use crate::gazetteer::{Gazetteers, Target};
use crate::segment::{Token, TokenKind};

/// One form, as its index in [`Gazetteers::aliases`], and what it names.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Entry {
    pub alias: u32,
    pub target: Target,
}

impl Entry {
    /// The form as the list wrote it.
    pub fn form<'g>(&self, gaz: &'g Gazetteers) -> &'g str {
        gaz.aliases.get(self.alias as usize).map_or("", |a| a.form.as_str())
    }
}

/// The trie of forms, over interned word ids.
#[derive(Debug, Default)]
pub(crate) struct Matcher {
    /// (node, word id) → child node; node 0 is the root.
    edges: FxHashMap<(u32, u32), u32>,
    /// Node → its range in `entries`, for nodes that end a form.
    terminal: FxHashMap<u32, (u32, u32)>,
    /// The entries of every terminal node, each node's together.
    entries: Vec<Entry>,
    nodes: u32,
}

impl Matcher {
    /// Builds the trie of every alias of `gaz`; `intern` gives the id of a
    /// word (lower-cased by the caller's rules) and `tokens` is scratch.
    pub fn new(gaz: &Gazetteers, intern: &mut dyn FnMut(&str) -> u32) -> Matcher {
        let mut m = Matcher {
            nodes: 1,
            ..Matcher::default()
        };
        // Most forms are a name of two or three words, each a new node.
        m.edges.reserve(gaz.aliases.len() * 2);
        let mut tokens: Vec<Token> = Vec::new();
        // (terminal node, alias index), grouped by node below.
        let mut ends: Vec<(u32, u32)> = Vec::with_capacity(gaz.aliases.len());
        for (a, alias) in gaz.aliases.iter().enumerate() {
            crate::segment::tokenize_into(&alias.form, &mut tokens);
            if tokens.is_empty() {
                continue;
            }
            let mut node = 0u32;
            for t in &tokens {
                let id = intern(t.text(&alias.form));
                node = *m.edges.entry((node, id)).or_insert_with(|| {
                    m.nodes += 1;
                    m.nodes - 1
                });
            }
            ends.push((node, a as u32));
        }
        // Stable: a node's entries stay in list order.
        ends.sort_by_key(|&(node, _)| node);
        m.terminal.reserve(ends.len());
        for group in ends.chunk_by(|x, y| x.0 == y.0) {
            let start = m.entries.len() as u32;
            for &(_, a) in group {
                let alias = &gaz.aliases[a as usize];
                let seen = &m.entries[start as usize..];
                if !seen.iter().any(|e| e.target == alias.target && e.form(gaz) == alias.form) {
                    m.entries.push(Entry {
                        alias: a,
                        target: alias.target,
                    });
                }
            }
            m.terminal.insert(group[0].0, (start, m.entries.len() as u32 - start));
        }
        m
    }

    /// Does some form start with the word `id`?
    pub fn starts_with(&self, id: u32) -> bool {
        id != 0 && self.edges.contains_key(&(0, id))
    }

    /// The longest form whose words are the ids `ids(k)` of consecutive
    /// tokens starting at `first` (ids of 0 end the walk), taking at most up
    /// to token `limit`: one past its last token and its entries.
    pub fn longest_at(&self, first: usize, limit: usize, ids: impl Fn(usize) -> u32) -> Option<(usize, &[Entry])> {
        let mut node = 0u32;
        let mut best = None;
        let mut k = first;
        while k < limit {
            let id = ids(k);
            if id == 0 {
                break;
            }
            let Some(&child) = self.edges.get(&(node, id)) else {
                break;
            };
            node = child;
            k += 1;
            if let Some(&(start, len)) = self.terminal.get(&node) {
                best = Some((k, &self.entries[start as usize..(start + len) as usize]));
            }
        }
        best
    }
}

/// Do the tokens between `start` and `end` of `text` spell `form` word for
/// word, ignoring the white space between words?
pub(crate) fn same_words(form: &str, matched: &str) -> bool {
    let mut a = form.chars().filter(|c| !c.is_whitespace());
    let mut b = matched.chars().filter(|c| !c.is_whitespace());
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x == y || (is_apostrophe(x) && is_apostrophe(y)) => {}
            _ => return false,
        }
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// Does the text `matched` honour the case of `form`?
///
/// Exact case always does. Offices match in any case ("Foreign Minister",
/// "foreign minister") except acronyms ("FM"). Other forms may be written in
/// capitals in an all-capitals context (a shouted headline).
pub(crate) fn case_ok(form: &str, matched: &str, target: Target, caps_context: bool) -> bool {
    if same_words(form, matched) {
        return true;
    }
    match target {
        Target::Office { acronym: false, .. } => true,
        _ => caps_context && matched.chars().all(|c| !c.is_lowercase()),
    }
}

/// True when the token is a word or number, the only tokens forms start with.
pub(crate) fn can_start(t: &Token) -> bool {
    matches!(t.kind, TokenKind::Word | TokenKind::Number)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::lexicon::Lexicon;
    use crate::segment::Segmentation;

    fn setup() -> (Lexicon, Matcher) {
        let mut g = Gazetteers::default();
        g.add_text(
            "c.tsv",
            "code\tname\taliases\tdemonyms\nCN\tChina\tPRC|People's Republic of China\tChinese\nUS\tUnited States\tU.S.|US|United States of America\tAmerican\n",
        )
        .unwrap();
        g.add_text("o.tsv", "title\taliases\nforeign minister\tFM|FMs\n")
            .unwrap();
        Lexicon::build(&g)
    }

    /// The text of the longest form at the token starting at byte `at`.
    fn longest(text: &str, at: usize) -> Option<String> {
        let (lex, m) = setup();
        let seg = Segmentation::new(text);
        let mut ids = Vec::new();
        lex.annotate(text, &seg, &mut ids);
        let first = seg.tokens.iter().position(|t| t.start as usize == at)?;
        let (end, _) = m.longest_at(first, seg.tokens.len(), |k| lex.at(ids[k]).word)?;
        Some(text[at..seg.tokens[end - 1].end as usize].to_string())
    }

    #[test]
    fn longest_matches_at_word_starts() {
        let cases: &[(&str, usize, Option<&str>)] = &[
            ("China said", 0, Some("China")),
            ("Chinese firms", 0, Some("Chinese")),
            ("Chinatown", 0, None),
            ("the United States of America", 4, Some("United States of America")),
            ("the United States  economy", 4, Some("United States")),
            ("the U.S. economy", 4, Some("U.S.")),
            ("china plates", 0, Some("china")),
            ("two FMs met", 4, Some("FMs")),
            ("the People’s Republic of China", 4, Some("People’s Republic of China")),
        ];
        for (text, at, want) in cases {
            assert_eq!(longest(text, *at).as_deref(), *want, "{text:?} at {at}");
        }
    }

    #[test]
    fn case_rules() {
        let country = Target::Country {
            index: 0,
            demonym: false,
            ambiguous: false,
        };
        let office = Target::Office {
            index: 0,
            acronym: false,
        };
        let acronym = Target::Office {
            index: 0,
            acronym: true,
        };
        let cases: &[(&str, &str, Target, bool, bool)] = &[
            ("China", "China", country, false, true),
            ("United States", "United  States", country, false, true),
            ("People's Republic", "People’s Republic", country, false, true),
            ("China", "china", country, false, false),
            ("China", "CHINA", country, false, false),
            ("China", "CHINA", country, true, true),
            ("foreign minister", "Foreign Minister", office, false, true),
            ("FM", "fm", acronym, false, false),
            ("FM", "FM", acronym, false, true),
        ];
        for (form, matched, target, caps, want) in cases {
            assert_eq!(case_ok(form, matched, *target, *caps), *want, "{form} vs {matched}");
        }
    }
}
