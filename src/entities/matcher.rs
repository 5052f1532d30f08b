//! The gazetteer matcher: every surface form of every country, person and
//! office, matched word by word at word starts.
//!
//! Forms are split into words by the article tokenizer itself, so a form and
//! the text it names always agree on word boundaries ("People's" is
//!"People" + "'s" in both). Words are interned in the lexicon: a form is a
//! path of word ids in a trie, and matching at a token walks the trie with
//! the ids the article's tokens already have: an array lookup for the first
//! word, a scan of a few edges for each next one. The longest form wins. A
//! million forms build in under a second, where a byte automaton over them
//! took more than ten times as long (see BENCHMARKS.md).
//!
//! Case is checked after a match, because the rule depends on the kind of
//! entry and on the context: an all-capitals headline may write "CHINA",
//! running text may not write "china".

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::gazetteer::{Gazetteers, Target};
use crate::segment::{Token, TokenKind};

/// Forms per unit of parallel tokenizing: big enough that the per-chunk
/// vectors cost little, small enough to balance two or more threads.
const TOKENIZE_CHUNK: usize = 16 * 1024;

/// A chunk of the list, tokenized: per form its number of tokens, then
/// per token the chunk's own number for its text, and those texts in the
/// order they first occur. A big list repeats its words many times over (a
/// million forms hold a few tens of thousands of words), so the words are
/// told apart in parallel and only each chunk's distinct ones are interned.
struct TokenizedChunk<'g> {
    counts: Vec<u32>,
    local: Vec<u32>,
    distinct: Vec<&'g str>,
}

/// A form while the trie is built: its first four word ids packed, first
/// in the top bits (0 where the form is shorter: ids start at 1, so a
/// prefix sorts first), its alias and its number of words; `starts` says
/// where its words are. Sorting on the key compares two integers where a
/// slice comparison chased two pointers; 24 bytes, as a million of them are
/// sorted.
#[derive(Clone, Copy)]
struct SortForm {
    hi: u64,
    lo: u64,
    alias: u32,
    len: u32,
}

/// Word ids a [`SortForm`] holds.
const PACKED: usize = 4;

impl SortForm {
    /// Its `k`th word id, for `k` < [`PACKED`] (0 past its end).
    fn id(&self, k: usize) -> u32 {
        let half = if k < 2 { self.hi } else { self.lo };
        (half >> (32 * (1 - k % 2))) as u32
    }

    fn new(alias: u32, words: &[u32]) -> SortForm {
        let id = |k: usize| u64::from(words.get(k).copied().unwrap_or(0));
        SortForm {
            hi: id(0) << 32 | id(1),
            lo: id(2) << 32 | id(3),
            alias,
            len: words.len() as u32,
        }
    }
}

/// How many words `a` and `b` start with in common: the first
/// [`PACKED`] from their keys, any further ones from `seq`, their runs of
/// word ids.
fn shared_prefix<'w>(a: &SortForm, b: &SortForm, seq: impl Fn(&SortForm) -> &'w [u32]) -> usize {
    let both = (a.len as usize).min(b.len as usize);
    let packed = both.min(PACKED);
    match (0..packed).find(|&k| a.id(k) != b.id(k)) {
        Some(k) => k,
        None => {
            packed
                + seq(a)[packed..both]
                    .iter()
                    .zip(&seq(b)[packed..both])
                    .take_while(|(x, y)| x == y)
                    .count()
        }
    }
}

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

/// The trie of forms, over interned word ids, in flat arrays.
///
/// It is built by sorting the forms' word sequences rather than by
/// inserting them one by one into a hash map of edges: with a million forms
/// the inserts were most of the start-up time, each a cache miss in a table
/// of tens of megabytes. The root's children are an array indexed by word
/// id; every other node's children are a short sorted run of edges.
#[derive(Debug, Default)]
pub(crate) struct Matcher {
    /// The child of the root for each word id; 0 for none.
    root: Vec<u32>,
    /// The children of node `n` are edges `first[n]..first[n + 1]`, sorted
    /// by word id.
    first: Vec<u32>,
    edge_word: Vec<u32>,
    edge_node: Vec<u32>,
    /// Per node, its range of `entries` (empty for nodes that end no form).
    terminal: Vec<(u32, u32)>,
    /// The entries of every terminal node, each node's together.
    entries: Vec<Entry>,
}

impl Matcher {
    /// Builds the trie of every alias of `gaz`; `intern` gives the id of a
    /// word (lower-cased by the caller's rules), ids counting up from 1.
    /// It is called once per distinct spelling of a word in each chunk of
    /// the list, in the order they first occur, not once per token: the
    /// same word must always get the same id, and new words the next one.
    pub fn new(gaz: &Gazetteers, intern: &mut dyn FnMut(&str) -> u32) -> Matcher {
        // Tokenizing a form needs nothing but the form, and with a big list
        // it is a good part of the start-up: done in parallel, by chunks
        // that are then read back in list order, so word ids are given
        // in the same order whatever the number of threads.
        let chunks: Vec<TokenizedChunk> = gaz
            .aliases
            .par_chunks(TOKENIZE_CHUNK)
            .map(|chunk| {
                let mut tokens: Vec<Token> = Vec::new();
                let mut counts = Vec::with_capacity(chunk.len());
                let mut local = Vec::with_capacity(chunk.len() * 3);
                let mut distinct = Vec::new();
                let mut number: FxHashMap<&str, u32> = FxHashMap::default();
                for alias in chunk {
                    let form = alias.form.as_str();
                    crate::segment::tokenize_into(form, &mut tokens);
                    counts.push(tokens.len() as u32);
                    for t in &tokens {
                        let word = &form[t.start as usize..t.end as usize];
                        local.push(*number.entry(word).or_insert_with(|| {
                            distinct.push(word);
                            distinct.len() as u32 - 1
                        }));
                    }
                }
                TokenizedChunk {
                    counts,
                    local,
                    distinct,
                }
            })
            .collect();

        // Every form as a run of word ids in one array. Interning a chunk's
        // distinct words in the order they first occur calls `intern` for
        // each word's first occurrence in list order, as interning every
        // token would: the ids are the same.
        let mut words: Vec<u32> = Vec::with_capacity(chunks.iter().map(|c| c.local.len()).sum());
        let mut forms: Vec<SortForm> = Vec::with_capacity(gaz.aliases.len());
        // Where each alias's words start (forms without words have none).
        let mut starts: Vec<u32> = vec![0; gaz.aliases.len()];
        let mut max_id = 0;
        let mut a = 0u32;
        let mut global: Vec<u32> = Vec::new();
        for chunk in &chunks {
            global.clear();
            global.extend(chunk.distinct.iter().map(|w| intern(w)));
            max_id = global.iter().copied().fold(max_id, u32::max);
            let mut rest = chunk.local.as_slice();
            for &n in &chunk.counts {
                let (own, after) = rest.split_at(n as usize);
                rest = after;
                if !own.is_empty() {
                    let start = words.len();
                    words.extend(own.iter().map(|&l| global[l as usize]));
                    starts[a as usize] = start as u32;
                    forms.push(SortForm::new(a, &words[start..]));
                }
                a += 1;
            }
        }
        drop(chunks);
        let seq = |f: &SortForm| {
            let start = starts[f.alias as usize] as usize;
            &words[start..start + f.len as usize]
        };
        // Sorted by words, then by list order, so equal forms are adjacent
        // and keep the order the lists gave them. Ties are broken by the
        // alias index, which is unique: the order is total, so a parallel
        // sort gives the one result.
        forms.par_sort_unstable_by(|x, y| {
            (x.hi, x.lo)
                .cmp(&(y.hi, y.lo))
                .then_with(|| seq(x).cmp(seq(y)))
                .then(x.alias.cmp(&y.alias))
        });

        // Walk the sorted forms: a form shares the nodes of the longest
        // prefix it has in common with the one before it.
        let mut edges: Vec<(u32, u32, u32)> = Vec::with_capacity(words.len()); // (parent, word, child)
        let mut ends: Vec<(u32, u32)> = Vec::with_capacity(forms.len()); // (node, alias)
        let mut path: Vec<u32> = Vec::new(); // node after each word of the previous form
        let mut nodes = 1u32;
        // The words of the first four positions come from the keys: the
        // forms are in word order, their runs in `words` in list order, and
        // reading those runs was a cache miss per form.
        let word_at = |f: &SortForm, k: usize| if k < PACKED { f.id(k) } else { seq(f)[k] };
        let mut previous: Option<&SortForm> = None;
        for f in &forms {
            let len = f.len as usize;
            let common = previous.map_or(0, |p| shared_prefix(f, p, seq));
            path.truncate(common);
            for k in common..len {
                let parent = path.last().copied().unwrap_or(0);
                edges.push((parent, word_at(f, k), nodes));
                path.push(nodes);
                nodes += 1;
            }
            ends.push((*path.last().unwrap_or(&0), f.alias));
            previous = Some(f);
        }
        // The forms and their words are in the edges now: with a big list
        // they are tens of megabytes, let go before the trie's arrays are
        // made.
        drop(forms);
        drop(words);
        drop(starts);

        let mut m = Matcher {
            root: vec![0; max_id as usize + 1],
            first: vec![0; nodes as usize + 1],
            terminal: vec![(0, 0); nodes as usize],
            ..Matcher::default()
        };
        // Edges by parent (a counting sort; within a parent they are already
        // in word order, as the forms were sorted).
        for &(parent, word, child) in &edges {
            if parent == 0 {
                m.root[word as usize] = child;
            }
            m.first[parent as usize + 1] += 1;
        }
        for n in 1..m.first.len() {
            m.first[n] += m.first[n - 1];
        }
        let mut next = m.first.clone();
        m.edge_word = vec![0; edges.len()];
        m.edge_node = vec![0; edges.len()];
        for &(parent, word, child) in &edges {
            let at = next[parent as usize] as usize;
            next[parent as usize] += 1;
            m.edge_word[at] = word;
            m.edge_node[at] = child;
        }
        drop(edges);
        drop(next);

        // In node order the aliases are scattered over the list: their
        // targets are read from a dense copy.
        let targets: Vec<Target> = gaz.aliases.iter().map(|a| a.target).collect();
        // A form many entries share (a surname alone, in a big list) makes
        // a big group: those are deduplicated through a set, not pairwise.
        let mut seen: FxHashSet<(Target, &str)> = FxHashSet::default();
        for group in ends.chunk_by(|x, y| x.0 == y.0) {
            let start = m.entries.len() as u32;
            if let [(node, a)] = *group {
                // Most forms are their node's only one.
                m.entries.push(Entry {
                    alias: a,
                    target: targets[a as usize],
                });
                m.terminal[node as usize] = (start, 1);
                continue;
            }
            seen.clear();
            for &(_, a) in group {
                let alias = &gaz.aliases[a as usize];
                let new = if group.len() <= 8 {
                    let earlier = &m.entries[start as usize..];
                    !earlier
                        .iter()
                        .any(|e| e.target == alias.target && e.form(gaz) == alias.form)
                } else {
                    seen.insert((alias.target, alias.form.as_str()))
                };
                if new {
                    m.entries.push(Entry {
                        alias: a,
                        target: alias.target,
                    });
                }
            }
            m.terminal[group[0].0 as usize] = (start, m.entries.len() as u32 - start);
        }
        m
    }

    /// Does some form start with the word `id`?
    pub fn starts_with(&self, id: u32) -> bool {
        self.root.get(id as usize).is_some_and(|&n| n != 0)
    }

    /// Is the word `id` a form by itself?
    fn is_form(&self, id: u32) -> bool {
        let node = self.root.get(id as usize).copied().unwrap_or(0);
        node != 0 && self.ending_at(node).is_some()
    }

    /// May [`Matcher::longest_at`] find a form at a token whose word id is
    /// `first_id`, followed by one whose word id is `next_id` (0 when there
    /// is none or it is past the limit)? False only when `longest_at` would
    /// return `None`: a pass may skip such a token without the walk.
    pub fn may_match_at(&self, first_id: u32, next_id: u32) -> bool {
        next_id != 0 || self.is_form(first_id)
    }

    /// The child of `node` (not the root) by word `id`.
    #[inline(always)]
    fn child(&self, node: u32, id: u32) -> Option<u32> {
        let (from, to) = (
            self.first[node as usize] as usize,
            self.first[node as usize + 1] as usize,
        );
        let words = &self.edge_word[from..to];
        // Nearly every node below the root has one child or a few.
        let k = if words.len() <= 8 {
            words.iter().position(|&w| w == id)?
        } else {
            words.binary_search(&id).ok()?
        };
        Some(self.edge_node[from + k])
    }

    /// The entries of the forms ending at `node`, if any.
    #[inline(always)]
    fn ending_at(&self, node: u32) -> Option<&[Entry]> {
        let (start, len) = self.terminal[node as usize];
        (len > 0).then(|| &self.entries[start as usize..(start + len) as usize])
    }

    /// The longest form whose words are the ids `ids(k)` of consecutive
    /// tokens starting at `first` (ids of 0 end the walk), taking at most up
    /// to token `limit`: one past its last token and its entries.
    pub fn longest_at(&self, first: usize, limit: usize, ids: impl Fn(usize) -> u32) -> Option<(usize, &[Entry])> {
        if first >= limit {
            return None;
        }
        // The first step is an array lookup; most walks end right after it.
        let id = ids(first);
        if id == 0 {
            return None;
        }
        let mut node = self.root.get(id as usize).copied().filter(|&n| n != 0)?;
        let mut k = first + 1;
        let mut best = self.ending_at(node).map(|e| (k, e));
        while k < limit {
            let id = ids(k);
            if id == 0 {
                break;
            }
            let Some(child) = self.child(node, id) else {
                break;
            };
            node = child;
            k += 1;
            if let Some(e) = self.ending_at(node) {
                best = Some((k, e));
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
    // Nearly every match is written as the list writes it: one compare
    // instead of a walk over characters.
    if form == matched || same_words(form, matched) {
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
        lex.annotate(text, &seg, &mut ids, &mut Vec::new());
        let first = seg.tokens.iter().position(|t| t.start as usize == at)?;
        let (end, _) = m.longest_at(first, seg.tokens.len(), |k| ids[k][1])?;
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
    fn may_match_at_is_false_only_without_a_match() {
        let (_, m) = setup();
        let ids = 0..m.root.len() as u32 + 2;
        for a in ids.clone() {
            if !m.may_match_at(a, 0) {
                assert!(m.longest_at(0, 1, |_| a).is_none(), "{a}");
            }
            for b in ids.clone() {
                if !m.may_match_at(a, b) {
                    let pair = [a, b];
                    assert!(m.longest_at(0, 2, |k| pair[k]).is_none(), "{a} {b}");
                }
            }
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

    /// A list of several parallel chunks whose words recur across chunks in
    /// other cases: `intern` must meet each word (by its lower case) first
    /// in list order, as interning every token one by one would, and every
    /// form must then match itself, longest first.
    #[test]
    fn big_lists_intern_in_list_order_and_match_every_form() {
        let pool = [
            "Anna",
            "van",
            "Berg",
            "O'Neill",
            "ZOË",
            "Li",
            "Jean-Paul",
            "J.",
            "Abebe",
            "Kowalski",
        ];
        let mut tsv = String::from("name\taliases\n");
        let rows = TOKENIZE_CHUNK * 3 / 2 + 7;
        let word = |k: usize| {
            let w = pool[k % pool.len()];
            // The same word in three casings, spread over the chunks.
            match k / pool.len() % 3 {
                0 => w.to_string(),
                1 => w.to_uppercase(),
                _ => w.to_lowercase(),
            }
        };
        for r in 0..rows {
            // A name unique to the row, so no two rows are one person.
            // The second alias shares its first four words with many
            // others, some of them its whole length but the last word.
            tsv.push_str(&format!(
                "{} Q{r} {}\t{} Q{r}|Anna van Berg Li {} {} Q{}\n",
                word(r * 7),
                word(r * 3 + 1),
                word(r * 5 + 2),
                word(r),
                word(r / 3),
                r % 50
            ));
        }
        let mut g = Gazetteers::default();
        g.add_text("p.tsv", &tsv).unwrap();

        let mut seen: Vec<String> = Vec::new();
        let mut ids: FxHashMap<String, u32> = FxHashMap::default();
        let m = Matcher::new(&g, &mut |w: &str| {
            let key = w.to_lowercase();
            let next = ids.len() as u32 + 1;
            *ids.entry(key.clone()).or_insert_with(|| {
                seen.push(key);
                next
            })
        });

        let mut want: Vec<String> = Vec::new();
        let mut met: FxHashSet<String> = FxHashSet::default();
        let mut tokens = Vec::new();
        for a in &g.aliases {
            crate::segment::tokenize_into(&a.form, &mut tokens);
            for t in &tokens {
                let key = a.form[t.range()].to_lowercase();
                if met.insert(key.clone()) {
                    want.push(key);
                }
            }
        }
        assert_eq!(seen, want);

        for (i, a) in g.aliases.iter().enumerate().step_by(97) {
            crate::segment::tokenize_into(&a.form, &mut tokens);
            let word_ids: Vec<u32> = tokens.iter().map(|t| ids[&a.form[t.range()].to_lowercase()]).collect();
            let (end, entries) = m.longest_at(0, word_ids.len(), |k| word_ids[k]).unwrap();
            assert_eq!(end, word_ids.len(), "{}", a.form);
            assert!(entries.iter().any(|e| e.alias as usize == i), "{}", a.form);
        }
    }
}
