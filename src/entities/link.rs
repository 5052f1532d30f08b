//! Linking: mentions of one person gathered into a cluster, partial mentions
//! ("Wang", "Mr de Groot") joined to the person named in full, and offices,
//! countries and description nouns tied to the people they describe.

use std::collections::hash_map::Entry;
use std::ops::Range;

use rustc_hash::FxHashMap;

use super::lexicon::{self, Lexicon};
use super::names::{appositive_after, title_before};
use super::{Cluster, Ctx, Mention, NONE, flag};
use crate::gazetteer::Gender;
use crate::record::EntityKind;
use crate::segment::{Token, TokenKind};
use crate::text::{pack_ascii_lower, single_spaced};

/// The lower-cased words of one article's names, numbered as they are met:
/// names are compared word by word many times over, and numbers hash and
/// compare faster than strings.
#[derive(Debug, Default)]
struct WordIds {
    /// By gazetteer word id (the second of each pair in [`Ctx::lex`]): the
    /// number of a word that some gazetteer form holds, or [`NONE`]. Many
    /// words of names are in a form, and the lexicon has found that id for
    /// every token already: those words are numbered without hashing them
    /// again.
    by_form: Vec<u32>,
    /// Words in no form, of 15 bytes or fewer whose lower case is ASCII, by
    /// [`pack_ascii_lower`]: most of the rest, looked up without building a
    /// string.
    short: FxHashMap<u128, u32>,
    /// The other words in no form, by their lower case.
    long: FxHashMap<String, u32>,
    /// Per word: a name particle ("van", "de").
    particle: Vec<bool>,
    /// Per word: the first byte and length of its lower case, for [`Sieve`].
    head: Vec<(u8, usize)>,
    /// Per word: its gazetteer word id, 0 for none; for emptying `by_form`.
    form: Vec<u32>,
    /// Room to lower-case a word in.
    buf: String,
}

/// Sets `out` to `word` in lower case, as `str::to_lowercase` makes it.
fn lower_into(out: &mut String, word: &str) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
    } else {
        out.push_str(&word.to_lowercase());
    }
}

/// Does token `t` stand for its word as [`WordIds::name`] cuts it out of a
/// name? It does when the lexicon keys it by its ASCII lower case, so that
/// its gazetteer word id and flags are those of the word, and it has no
/// trailing full stop to drop.
fn stands_for_its_word(ctx: &Ctx, t: usize) -> bool {
    lexicon::flags_answer_for(ctx.tok(t)) && ctx.bytes(t).last() != Some(&b'.')
}

/// Are the words of mention `m`, as [`WordIds::name`] cuts them out of its
/// text, its tokens? They are when the tokens span the text, each stands for
/// its word, and each pair is parted by ASCII white space alone.
fn words_are_tokens(ctx: &Ctx, m: &Mention) -> bool {
    let bytes = ctx.text.as_bytes();
    // Where the next token must start: the mention's start, then past
    // white space after each token.
    let mut at = m.start;
    for t in m.tokens.clone() {
        let tok = ctx.tok(t);
        let (start, end) = (tok.start as usize, tok.end as usize);
        if t > m.tokens.start {
            let gap = bytes.get(at..start).unwrap_or_default();
            if gap.is_empty() || !gap.iter().all(|&b| crate::text::is_ascii_space(b)) {
                return false;
            }
        } else if start != at {
            return false;
        }
        if !stands_for_its_word(ctx, t) {
            return false;
        }
        at = end;
    }
    at == m.end && !m.tokens.is_empty()
}

impl WordIds {
    /// Forgets every word, keeping the room.
    fn clear(&mut self) {
        for &f in &self.form {
            if let Some(slot) = self.by_form.get_mut(f as usize) {
                *slot = NONE;
            }
        }
        self.form.clear();
        self.short.clear();
        self.long.clear();
        self.particle.clear();
        self.head.clear();
    }

    /// Numbers a new word: its gazetteer word id `form` (0 for none), the
    /// first byte and length of its lower case, and whether it is a
    /// particle.
    fn push(&mut self, form: u32, head: (u8, usize), particle: bool) -> u32 {
        let id = self.particle.len() as u32;
        if form != 0 {
            let f = form as usize;
            if self.by_form.len() <= f {
                self.by_form.resize(f + 1, NONE);
            }
            self.by_form[f] = id;
        }
        self.form.push(form);
        self.head.push(head);
        self.particle.push(particle);
        id
    }

    /// The number of the word whose gazetteer word id is `form` (not 0): a
    /// new one when `add` holds, else [`NONE`] for a word not met.
    fn in_form(&mut self, form: u32, add: bool, new: impl FnOnce() -> ((u8, usize), bool)) -> u32 {
        match self.by_form.get(form as usize) {
            Some(&id) if id != NONE => id,
            _ if !add => NONE,
            _ => {
                let (head, particle) = new();
                self.push(form, head, particle)
            }
        }
    }

    /// The number of packed word `k` in no form: a new one when `add`
    /// holds, else [`NONE`] for a word not met.
    fn packed(&mut self, k: u128, add: bool, new: impl FnOnce() -> ((u8, usize), bool)) -> u32 {
        let id = self.particle.len() as u32;
        match self.short.entry(k) {
            Entry::Occupied(e) => *e.get(),
            Entry::Vacant(_) if !add => NONE,
            Entry::Vacant(e) => {
                e.insert(id);
                let (head, particle) = new();
                self.push(0, head, particle)
            }
        }
    }

    /// The number of token `t`'s word, for a token that
    /// [`stands_for_its_word`]: found by its gazetteer word id, or packed
    /// from its bytes, and tested for a particle by its lexicon flag.
    fn token(&mut self, ctx: &Ctx, t: usize, add: bool) -> u32 {
        let bytes = ctx.bytes(t);
        // The lexicon keys the particles as it keys this token.
        let new = || {
            let head = (bytes.first().map_or(0, u8::to_ascii_lowercase), bytes.len());
            (head, ctx.has(t, flag::PARTICLE))
        };
        match ctx.lex.get(t).map_or(0, |ids| ids[1]) {
            0 => match pack_ascii_lower(bytes) {
                Some(k) => self.packed(k, add, new),
                None => self.number(ctx.lexicon, ctx.word(t), add),
            },
            form => self.in_form(form, add, new),
        }
    }

    /// The number of `word` in lower case; a new one when `add` holds, else
    /// [`NONE`] for a word not met, which then equals no word of any name.
    fn number(&mut self, lexicon: &Lexicon, word: &str, add: bool) -> u32 {
        // Keyed by the lower case: the lower case of a word that is not
        // ASCII can be (the Kelvin sign's is "k").
        let mut key = pack_ascii_lower(word.as_bytes());
        // A lower case in ASCII is the lexicon's key for the word, as it is
        // for the word's tokens, and its entry says whether it is in a form
        // and a particle; one that is not may fold into another word there.
        let entry = if key.is_some() {
            Some(lexicon.get(word))
        } else {
            lower_into(&mut self.buf, word);
            key = pack_ascii_lower(self.buf.as_bytes());
            self.buf.is_ascii().then(|| lexicon.get(&self.buf))
        };
        let (form, particle) = entry.map_or((0, false), |e| (e.word, e.flags & flag::PARTICLE != 0));
        let head = match key {
            // The key holds the lower case's bytes, then its length.
            Some(k) => (k as u8, usize::from(k.to_le_bytes()[15])),
            None => (self.buf.bytes().next().unwrap_or(0), self.buf.len()),
        };
        let new = || (head, particle);
        if form != 0 {
            return self.in_form(form, add, new);
        }
        if let Some(k) = key {
            return self.packed(k, add, new);
        }
        match self.long.get(self.buf.as_str()) {
            Some(&id) => id,
            None if !add => NONE,
            None => {
                let lower = std::mem::take(&mut self.buf);
                let id = self.push(0, head, particle);
                self.long.insert(lower, id);
                id
            }
        }
    }

    /// The number of token `t`'s word lower-cased as it stands, or [`NONE`]
    /// for a word no name has, which then equals no word of any name.
    fn find(&mut self, ctx: &Ctx, t: usize) -> u32 {
        if stands_for_its_word(ctx, t) {
            self.token(ctx, t, false)
        } else if ctx.bytes(t).last() == Some(&b'.') {
            // Names drop their words' trailing full stops.
            NONE
        } else {
            self.number(ctx.lexicon, ctx.word(t), false)
        }
    }

    /// The words of person mention `m`: its tokens' words, when they are
    /// the words of its text (nearly always), else cut out of the text.
    fn mention(&mut self, ctx: &Ctx, m: &Mention, out: &mut Vec<u32>) {
        if words_are_tokens(ctx, m) {
            out.clear();
            out.extend(m.tokens.clone().map(|t| self.token(ctx, t, true)));
            // The words must be those the text gives: numbering both ways
            // the same words finds the same numbers and adds none.
            #[cfg(debug_assertions)]
            {
                let mut by_text = Vec::new();
                self.name(ctx.lexicon, &ctx.text[m.start..m.end], &mut by_text);
                debug_assert_eq!(*out, by_text, "{:?}", &ctx.text[m.start..m.end]);
            }
        } else {
            self.name(ctx.lexicon, &ctx.text[m.start..m.end], out);
        }
    }

    /// The words of a name as written, split at white space, lower-cased
    /// without their trailing full stops ("Jr." is "jr").
    fn name(&mut self, lexicon: &Lexicon, written: &str, out: &mut Vec<u32>) {
        out.clear();
        let mut add = |w: &str| {
            let w = w.trim_end_matches('.');
            // Lower-casing keeps a word non-empty: test before it.
            if !w.is_empty() {
                out.push(self.number(lexicon, w, true));
            }
        };
        if !written.is_ascii() {
            written.split_whitespace().for_each(add);
            return;
        }
        // In ASCII, white space (as `char::is_whitespace` has it) is these
        // bytes alone: the words are found without decoding characters.
        let mut at = 0;
        for piece in written.as_bytes().split(|&b| crate::text::is_ascii_space(b)) {
            add(&written[at..at + piece.len()]);
            at += piece.len() + 1;
        }
    }
}

/// Rules out most words that are not among a few numbered ones by their
/// first byte and length, before a word is lower-cased and looked up: per
/// first byte, a bit per length. Kept from one article to the next: emptied
/// by the bytes it set, as an article sets few of them, instead of made (and
/// copied) anew.
#[derive(Debug, Default)]
struct Sieve {
    /// Made when first filled.
    bits: Option<Box<[u64; 256]>>,
    /// The first bytes whose bits are set.
    set: Vec<u8>,
}

impl Sieve {
    /// Lets through the words `ids` alone; returns the bits for
    /// [`may_hold`].
    fn fill(&mut self, words: &WordIds, ids: impl Iterator<Item = u32>) -> &[u64; 256] {
        let bits = self.bits.get_or_insert_with(|| Box::new([0; 256]));
        for &b in &self.set {
            bits[usize::from(b)] = 0;
        }
        self.set.clear();
        for id in ids {
            let (first, len) = words.head[id as usize];
            bits[usize::from(first)] |= 1 << len.min(63);
            self.set.push(first);
        }
        bits
    }
}

/// False only when the lower case of token `t` of `text` is none of the
/// words let through by the [`Sieve`] whose bits are `sieve`. Asked of the
/// token, whose shape knows whether it is ASCII, so the word is not sliced
/// out and tested byte by byte.
fn may_hold(sieve: &[u64; 256], text: &str, t: &Token) -> bool {
    match text.as_bytes().get(t.start as usize) {
        // Lower-casing keeps an ASCII word's length and maps its first
        // byte alone; other words are left to the lookup.
        Some(&first) if t.shape.is_ascii() => {
            let len = t.range().len();
            sieve[usize::from(first.to_ascii_lowercase())] & (1 << len.min(63)) != 0
        }
        _ => true,
    }
}

/// Is `short` the tail of `long` ("van dijk" of "marieke van dijk"), or
/// every word of `short` in `long` with the same last word?
fn names_match(short: &[u32], long: &[u32]) -> bool {
    if short.is_empty() || short.len() > long.len() {
        return false;
    }
    if long.ends_with(short) {
        return true;
    }
    short.last() == long.last() && short.iter().all(|w| long.contains(w))
}

/// Numbered lists kept from one article to the next: emptied, not freed,
/// so that each list's allocation serves again.
#[derive(Debug)]
struct Lists<T> {
    lists: Vec<Vec<T>>,
    /// How many lists are in use: those after them are empty.
    len: usize,
}

impl<T> Default for Lists<T> {
    fn default() -> Self {
        Lists {
            lists: Vec::new(),
            len: 0,
        }
    }
}

impl<T> Lists<T> {
    /// Empties every list.
    fn clear(&mut self) {
        for list in &mut self.lists[..self.len] {
            list.clear();
        }
        self.len = 0;
    }

    /// How many lists are in use.
    fn len(&self) -> usize {
        self.len
    }

    /// List `i`, empty when it is not in use.
    fn get(&self, i: usize) -> &[T] {
        self.lists.get(i).map_or(&[], Vec::as_slice)
    }

    /// List `i`, put in use with every list before it.
    fn get_mut(&mut self, i: usize) -> &mut Vec<T> {
        if self.lists.len() <= i {
            self.lists.resize_with(i + 1, Vec::new);
        }
        self.len = self.len.max(i + 1);
        &mut self.lists[i]
    }
}

/// Where the person mentions of each cluster start, kept in step with the
/// mentions as they are linked, so that the latest one before a point is
/// found without scanning every mention (a long text has many). Each list
/// is sorted; mentions are mostly linked in text order, so most starts are
/// appended.
#[derive(Debug, Default)]
struct Starts(Lists<usize>);

impl Starts {
    /// Records a person mention of cluster `c` at `start`.
    fn add(&mut self, c: u32, start: usize) {
        let starts = self.0.get_mut(c as usize);
        if starts.last().is_none_or(|&l| l < start) {
            starts.push(start);
        } else if let Err(at) = starts.binary_search(&start) {
            starts.insert(at, start);
        }
    }

    /// The latest start of a mention of cluster `c` at or before `pos`.
    fn last_at_or_before(&self, c: u32, pos: usize) -> Option<usize> {
        let starts = self.0.get(c as usize);
        let after = starts.partition_point(|&s| s <= pos);
        after.checked_sub(1).map(|i| starts[i])
    }
}

/// The clusters by the last word of their names, in the order they were
/// made: every way of matching a name requires the same last word.
#[derive(Debug, Default)]
struct ByLastWord {
    /// By word number.
    all: Lists<u32>,
    /// Names of two words or more, by their last word and each other word,
    /// for when many people share a surname ("... Smith"); names of one
    /// word are there by (it, NONE). Only used past [`SHARED_SURNAME`],
    /// which few texts reach, so built from `logged` when first needed.
    pairs: FxHashMap<(u32, u32), Vec<u32>>,
    /// (last word, other word or NONE, cluster), as the names were indexed.
    logged: Vec<(u32, u32, u32)>,
    /// How much of `logged` is in `pairs`.
    indexed: usize,
}

/// Above this many clusters with one last word, a full name looks only at
/// those that share another word with it.
const SHARED_SURNAME: usize = 64;

impl ByLastWord {
    fn add(&mut self, words: &[u32], c: u32) {
        if let Some(&last) = words.last() {
            self.all.get_mut(last as usize).push(c);
            if words.len() == 1 {
                self.logged.push((last, NONE, c));
            }
            self.add_other_words(words, c);
        }
    }

    /// Forgets every cluster, keeping the room.
    fn clear(&mut self) {
        self.all.clear();
        self.pairs.clear();
        self.logged.clear();
        self.indexed = 0;
    }

    /// Is `w` the last word of a name?
    fn ends_with(&self, w: u32) -> bool {
        !self.all.get(w as usize).is_empty()
    }

    /// Indexes the words of `c` other than the last, after its name grew.
    fn add_other_words(&mut self, words: &[u32], c: u32) {
        if let Some((&last, others)) = words.split_last() {
            self.logged.extend(others.iter().map(|&w| (last, w, c)));
        }
    }

    /// The clusters whose names end with the same word as `words`.
    fn get(&self, words: &[u32]) -> &[u32] {
        words.last().map_or(&[], |&w| self.all.get(w as usize))
    }

    /// Sets `out` to the clusters that a name of two words or more can match
    /// either way (see `names_match`), and maybe a few more, in order. Either
    /// name holds all the words of the other, so one of the longer name's
    /// other words is in both, unless the name repeats its last word.
    fn for_full_name(&mut self, words: &[u32], out: &mut Vec<u32>) {
        out.clear();
        let all = self.get(words);
        let Some((last, others)) = words.split_last() else {
            return;
        };
        if all.len() <= SHARED_SURNAME || others.is_empty() || others.contains(last) {
            out.extend_from_slice(all);
            return;
        }
        for &(l, w, c) in &self.logged[self.indexed..] {
            let slot = self.pairs.entry((l, w)).or_default();
            if slot.last() != Some(&c) {
                slot.push(c);
            }
        }
        self.indexed = self.logged.len();
        // The result is sorted, so the order of the lists does not matter.
        for w in std::iter::once(NONE).chain(words.iter().copied()) {
            if let Some(found) = self.pairs.get(&(*last, w)) {
                out.extend_from_slice(found);
            }
        }
        out.sort_unstable();
        out.dedup();
    }
}

/// The cluster among `candidates` mentioned most recently before `pos`, or
/// the first one when none was.
fn most_recent(starts: &Starts, candidates: &[u32], pos: usize) -> Option<u32> {
    let mut best: Option<(usize, u32)> = None;
    for &c in candidates {
        let last = starts.last_at_or_before(c, pos);
        if let Some(last) = last
            && best.is_none_or(|(b, _)| last > b)
        {
            best = Some((last, c));
        }
    }
    best.map(|(_, c)| c).or_else(|| candidates.first().copied())
}

/// What linking keeps about the clusters while it makes them.
#[derive(Debug, Default)]
struct Linker {
    words: WordIds,
    /// Per cluster: the words of its name.
    names: Lists<u32>,
    by_last: ByLastWord,
    /// The person mentions linked so far.
    starts: Starts,
    /// The last words and first words of the names, for partial mentions.
    ends: Sieve,
}

impl Linker {
    /// Forgets the last article's clusters, keeping the room.
    fn clear(&mut self) {
        self.words.clear();
        self.names.clear();
        self.by_last.clear();
        self.starts.0.clear();
    }

    /// Makes a cluster named `name`, whose words are `words`, and indexes it.
    fn new_cluster(&mut self, ctx: &mut Ctx, name: String, words: &[u32], known: Option<u32>, first: usize) -> u32 {
        let gender = known.map(|k| ctx.gaz.people[k as usize].gender).unwrap_or_default();
        let country = known.and_then(|k| ctx.gaz.people[k as usize].country.as_deref());
        let countries = country.and_then(|c| ctx.gaz.country_index(c)).into_iter().collect();
        ctx.clusters.push(Cluster {
            name,
            known,
            gender,
            first,
            countries,
            ..Cluster::default()
        });
        let c = (ctx.clusters.len() - 1) as u32;
        self.by_last.add(words, c);
        self.names.get_mut(c as usize).extend_from_slice(words);
        c
    }
}

/// The clusters whose names have two words or more, as (first word,
/// cluster), sorted: few enough to search in halves.
#[derive(Debug, Default)]
struct FirstWords(Vec<(u32, u32)>);

impl FirstWords {
    /// Adds the clusters from `from` on.
    fn add(&mut self, names: &Lists<u32>, from: usize) {
        for c in from..names.len() {
            let words = names.get(c);
            if words.len() >= 2 {
                self.0.push((words[0], c as u32));
            }
        }
        self.0.sort_unstable();
    }

    /// The clusters whose names start with `w`, in the order they were made.
    fn get(&self, w: u32) -> &[(u32, u32)] {
        let from = self.0.partition_point(|&(f, _)| f < w);
        let to = from + self.0[from..].partition_point(|&(f, _)| f == w);
        &self.0[from..to]
    }

    /// The only cluster whose name starts with `w`.
    fn only(&self, w: u32) -> Option<u32> {
        match self.get(w) {
            &[(_, c)] => Some(c),
            _ => None,
        }
    }
}

/// What [`link_pass`] and [`attach_pass`] build for each article, kept by a
/// thread from one article to the next: tables and lists emptied for the
/// next article instead of made anew (and freed) for each.
#[derive(Debug, Default)]
pub(crate) struct LinkBuffers {
    linker: Linker,
    by_first: FirstWords,
    /// The person mentions, in the order the link pass takes them; the
    /// attach pass reuses the buffer for its own list of person mentions.
    order: Vec<usize>,
    /// The country mentions as (start, index), sorted.
    countries: Vec<(usize, usize)>,
    /// The mentions that full names leave to single words, with the range
    /// of their words in `later_words`.
    later: Vec<(usize, Range<usize>)>,
    later_words: Vec<u32>,
    words: Vec<u32>,
    candidates: Vec<u32>,
}

/// Pass 4: clusters, and partial mentions linked to them.
#[inline(never)]
pub(super) fn link_pass(ctx: &mut Ctx, bufs: &mut LinkBuffers) {
    let text = ctx.text;
    let LinkBuffers {
        linker: lk,
        by_first,
        order,
        later,
        later_words,
        words,
        candidates,
        ..
    } = bufs;
    order.clear();
    order.extend(
        (0..ctx.mentions.len())
            .filter(|&i| ctx.mentions[i].kind == EntityKind::Person && !ctx.mentions[i].rule.is_empty()),
    );
    order.sort_by_key(|&i| ctx.mentions[i].start);
    // No mention is in a cluster yet, and no cluster is made yet.
    lk.clear();
    // Names have about two words, most of them new: room made at once
    // instead of growing the table step by step.
    lk.words.short.reserve(2 * order.len());
    later.clear();
    later_words.clear();

    // Known people, and full names, in text order.
    for &mi in order.iter() {
        let m = &ctx.mentions[mi];
        let start = m.start;
        if m.target != NONE {
            let known = m.target;
            let c = match ctx.known_cluster.get(&known) {
                Some(&c) => c,
                None => {
                    let name = ctx.gaz.people[known as usize].name.clone();
                    lk.words.name(ctx.lexicon, &name, words);
                    let c = lk.new_cluster(ctx, name, words, Some(known), start);
                    ctx.known_cluster.insert(known, c);
                    c
                }
            };
            ctx.mentions[mi].cluster = c;
            lk.starts.add(c, start);
            continue;
        }
        let written = &text[m.start..m.end];
        lk.words.mention(ctx, m, words);
        if words.iter().filter(|&&w| !lk.words.particle[w as usize]).count() < 2 {
            // Its words are kept: numbering them again would find the same.
            later.push((mi, later_words.len()..later_words.len() + words.len()));
            later_words.extend_from_slice(words);
            continue;
        }
        lk.by_last.for_full_name(words, candidates);
        candidates.retain(|&c| {
            let cw = lk.names.get(c as usize);
            names_match(words, cw) || names_match(cw, words)
        });
        let c = match most_recent(&lk.starts, candidates, start) {
            Some(c) => {
                // A match has the same last word: the index stays right.
                let cl = &mut ctx.clusters[c as usize];
                if cl.known.is_none() && words.len() > lk.names.get(c as usize).len() {
                    cl.name = single_spaced(written);
                    lk.by_last.add_other_words(words, c);
                    lk.names.get_mut(c as usize).clone_from(words);
                }
                c
            }
            None => lk.new_cluster(ctx, single_spaced(written), words, None, start),
        };
        ctx.mentions[mi].cluster = c;
        lk.starts.add(c, start);
    }

    // Single-word mentions found by rules ("Mr Blair", "Smith, a lawyer").
    // The clusters made so far with names of two words or more, by their
    // first word; the clusters this loop makes (mostly of one word, but
    // "van Dijk" has two) join the index after it, not during it.
    by_first.0.clear();
    by_first.add(&lk.names, 0);
    let made = lk.names.len();
    for (mi, range) in later.iter() {
        let (mi, words) = (*mi, &later_words[range.clone()]);
        let m = &ctx.mentions[mi];
        let start = m.start;
        let written = &text[m.start..m.end];
        candidates.clear();
        candidates.extend(
            lk.by_last
                .get(words)
                .iter()
                .copied()
                .filter(|&c| names_match(words, lk.names.get(c as usize))),
        );
        // "Sir Graham" for "Sir Graham Pottinger": a first name, when only
        // one person has it.
        if candidates.is_empty()
            && words.len() == 1
            && let Some(only) = by_first.only(words[0])
        {
            candidates.push(only);
        }
        let c = match most_recent(&lk.starts, candidates, start) {
            Some(c) => c,
            None => lk.new_cluster(ctx, single_spaced(written), words, None, start),
        };
        ctx.mentions[mi].cluster = c;
        lk.starts.add(c, start);
    }

    for (mi, gender) in std::mem::take(&mut ctx.pending_gender) {
        let c = ctx.mentions[mi as usize].cluster;
        if c != NONE && gender != Gender::Unknown && ctx.clusters[c as usize].gender == Gender::Unknown {
            ctx.clusters[c as usize].gender = gender;
        }
    }

    // Mostly names of one word, but "van Dijk" has two.
    by_first.add(&lk.names, made);
    link_partial_mentions(ctx, lk, by_first, words, candidates);
    let mut first: Vec<Option<usize>> = vec![None; ctx.clusters.len()];
    for m in &ctx.mentions {
        if m.kind == EntityKind::Person
            && !m.rule.is_empty()
            && let Some(f) = first.get_mut(m.cluster as usize)
        {
            *f = Some(f.map_or(m.start, |f| f.min(m.start)));
        }
    }
    for (cl, first) in ctx.clusters.iter_mut().zip(first) {
        if let Some(first) = first {
            cl.first = first;
        }
    }
}

/// Token `t` may be part of a partial mention: a capitalised word (or any
/// word of a headline) that no mention holds, but for a one-word ambiguous
/// gazetteer name ("Jordan"). Asked of nearly every candidate token and of
/// the words after it: kept inline, the walk finds the arrays it reads once.
#[inline(always)]
fn free(ctx: &Ctx, t: usize) -> bool {
    let tok = ctx.tok(t);
    tok.kind == TokenKind::Word
        && (tok.shape.is_capitalised() || ctx.caps[t])
        && (ctx.owner[t] == NONE
            || ctx
                .owner_mention(t)
                .is_some_and(|m| m.rule == "gazetteer-ambiguous" && m.tokens.len() == 1))
}

/// Capitalised words (and runs) that repeat part of a known person's name:
/// "Wang" after "Wang Yi", "Van Dijk" after "Marieke van Dijk", an
/// ambiguous "Jordan" after "Michael Jordan". `lk` holds every cluster and
/// every person mention linked so far.
#[inline(never)]
fn link_partial_mentions(
    ctx: &mut Ctx,
    lk: &mut Linker,
    by_first: &FirstWords,
    words: &mut Vec<u32>,
    candidates: &mut Vec<u32>,
) {
    if ctx.clusters.is_empty() {
        return;
    }
    let n = ctx.seg.tokens.len();
    let ends = lk.ends.fill(
        &lk.words,
        (0..lk.names.len())
            .filter_map(|c| lk.names.get(c).last().copied())
            .chain(by_first.0.iter().map(|&(w, _)| w)),
    );
    // Every capitalised word (and word of a headline) is a candidate: the
    // rest are passed over. (Lent out while the loop adds mentions.)
    let tokens = std::mem::take(&mut ctx.candidates);
    let mut next = 0;
    for &i in &tokens {
        let i = i as usize;
        if i < next || !free(ctx, i) {
            continue;
        }
        // The longest run of free capitalised words (particles inside).
        let mut j = i + 1;
        while j < n && ctx.sentence_of[j] == ctx.sentence_of[i] {
            if free(ctx, j) {
                j += 1;
            } else if ctx.is_particle(j) && j + 1 < n && free(ctx, j + 1) {
                j += 2;
            } else {
                break;
            }
        }
        // Every tail of the run ends with its last word, so a run whose last
        // word neither ends nor starts a name links to nothing: most
        // capitalised words ("The", "Monday") are rejected here, once.
        // "films such as The Fisher King" names no "King" (the run may
        // hold "The", but a title needs a word after it).
        let title = || {
            let first = if ctx.word(i) == "The" { i + 1 } else { i };
            first < j && super::names::opens_work_title(ctx, first)
        };
        let last_known = may_hold(ends, ctx.text, ctx.tok(j - 1)) && !title() && {
            let w = lk.words.find(ctx, j - 1);
            lk.by_last.ends_with(w) || !by_first.get(w).is_empty()
        };
        if !last_known {
            next = j;
            continue;
        }
        words.clear();
        words.extend((i..j).map(|t| lk.words.find(ctx, t)));
        // Try the longest tail first: "Mr Van Dijk" → "Van Dijk".
        let mut linked_to = None;
        'starts: for s in i..j {
            let tail = &words[s - i..];
            if tail.len() == 1 && ctx.has(s, flag::NOT_NAME) {
                continue;
            }
            candidates.clear();
            candidates.extend(
                lk.by_last
                    .get(tail)
                    .iter()
                    .copied()
                    .filter(|&c| lk.names.get(c as usize).ends_with(tail)),
            );
            if let Some(c) = most_recent(&lk.starts, candidates, ctx.tok(s).start as usize) {
                linked_to = Some((s, c, "surname-link"));
                break 'starts;
            }
            if tail.len() == 1 {
                let firsts = by_first.get(tail[0]);
                let common = ctx.lex(s).first_name.is_some_and(|f| f.common_word);
                if firsts.len() == 1 && !common && !ctx.caps[s] {
                    linked_to = Some((s, firsts[0].1, "first-name-link"));
                    break 'starts;
                }
            }
        }
        if let Some((s, c, rule)) = linked_to {
            for t in s..j {
                if ctx.owner[t] != NONE {
                    let old = ctx.owner[t] as usize;
                    ctx.mentions[old].rule = "";
                    ctx.owner[t] = NONE;
                }
            }
            let gender_hint = s.checked_sub(1).and_then(|p| ctx.honorific(p));
            lk.starts.add(c, ctx.tok(s).start as usize);
            ctx.push(Mention {
                start: ctx.tok(s).start as usize,
                end: ctx.tok(j - 1).end as usize,
                tokens: s..j,
                kind: EntityKind::Person,
                target: NONE,
                cluster: c,
                rule,
                canonical: None,
                demonym: false,
            });
            if let Some(g) = gender_hint
                && g != Gender::Unknown
                && ctx.clusters[c as usize].gender == Gender::Unknown
            {
                ctx.clusters[c as usize].gender = g;
            }
        }
        next = j;
    }
    ctx.candidates = tokens;
}

/// Pass 5: offices, countries and description nouns tied to people, by
/// pre-modifiers ("Indian National Security Advisor Ajit Doval") and
/// appositives ("Nikolai Patrushev, secretary of ...").
#[inline(never)]
pub(super) fn attach_pass(ctx: &mut Ctx, bufs: &mut LinkBuffers) {
    // Country mentions as (start, index), to find those inside an office's
    // span without scanning every mention (the pass does not change them),
    // and the people, found in one walk over the mentions.
    let (countries, persons) = (&mut bufs.countries, &mut bufs.order);
    countries.clear();
    persons.clear();
    for (i, m) in ctx.mentions.iter().enumerate() {
        if m.rule.is_empty() {
            continue;
        }
        match m.kind {
            EntityKind::Country => countries.push((m.start, i)),
            EntityKind::Person if m.cluster != NONE => persons.push(i),
            _ => {}
        }
    }
    countries.sort_unstable();
    let countries = &countries[..];
    for &mi in persons.iter() {
        let (first, last, c) = {
            let m = &ctx.mentions[mi];
            (m.tokens.start, m.tokens.end - 1, m.cluster)
        };
        if ctx.clusters[c as usize].age.is_none() {
            ctx.clusters[c as usize].age = age_near(ctx, first, last);
        }
        // Pre-modifiers, right to left.
        let mut j = ctx.prev_in_sentence(first);
        let mut steps = 0;
        while let Some(t) = j {
            steps += 1;
            if steps > 10 {
                break;
            }
            // The fields used, not a clone: a mention owns a string.
            if let Some((kind, live, target, from)) = ctx
                .owner_mention(t)
                .map(|m| (m.kind, !m.rule.is_empty(), m.target, m.tokens.start))
            {
                match kind {
                    EntityKind::Office if live => {
                        attach_office(ctx, c, ctx.owner[t], countries);
                        // "Rep. Marcus Bell" is later "the congressman".
                        attach_title_nouns(ctx, c, from);
                    }
                    EntityKind::Country if live => push_unique(&mut ctx.clusters[c as usize].countries, target),
                    _ => break,
                }
                j = ctx.prev_in_sentence(from);
                continue;
            }
            let tok = *ctx.tok(t);
            if ctx.is_byte(t, b'.') && t > 0 && ctx.honorific(t - 1).is_some() {
                attach_title_nouns(ctx, c, t - 1);
                j = ctx.prev_in_sentence(t);
                continue;
            }
            if tok.kind != TokenKind::Word {
                break;
            }
            let is_honorific = ctx.honorific(t).is_some();
            if is_honorific {
                attach_title_nouns(ctx, c, t);
            }
            if ctx.is_person_noun(t) {
                attach_noun(ctx, c, t);
            } else if !(is_honorific
                || ctx.is_description_adjective(t)
                || (tok.shape.is_capitalised() && !ctx.is_function_word(t)))
            {
                break;
            }
            j = ctx.prev_in_sentence(t);
        }
        // "spokeswoman, Sanne Bakker": a title is only an appositive after a
        // comma, so most names are passed over without asking for it.
        if let Some(p) = ctx.prev_in_sentence(first)
            && ctx.is_byte(p, b',')
            && let Some(title) = title_before(ctx, first)
            && title.rule == "appositive"
            && let Some(q) = ctx.prev_in_sentence(p)
        {
            if ctx.owner_kind(q) == Some(EntityKind::Office) {
                attach_office(ctx, c, ctx.owner[q], countries);
            } else if ctx.is_person_noun(q) {
                attach_noun(ctx, c, q);
            }
        }
        // "Nikolai Patrushev, secretary of ..."
        if let Some(at) = appositive_after(ctx, last) {
            let mut end = at;
            if ctx.owner_kind(at) == Some(EntityKind::Office) {
                let mi = ctx.owner[at];
                end = ctx.mentions[mi as usize].tokens.end - 1;
                attach_office(ctx, c, mi, countries);
            } else {
                attach_noun(ctx, c, at);
            }
            // "an economist at ING", "a senator from Ohio", "head of
            // currency strategy at Bank of America in New York": countries
            // after, up to the appositive's end, another person ("Scottish
            // actor Dougray Scott, Oscar nominee Clive Owen and Australian
            // star ...") or a verb of speech ("Rice, the prime minister
            // said ... Afghanistan").
            let mut k = ctx.next_in_sentence(end);
            while let Some(t) = k {
                if ctx.is_byte(t, b',')
                    || ctx.has(t, flag::SPEECH_VERB)
                    || ctx.owner_kind(t) == Some(EntityKind::Person)
                {
                    break;
                }
                if let Some(m) = ctx.owner_mention(t)
                    && m.kind == EntityKind::Country
                    && !m.rule.is_empty()
                {
                    let country = m.target;
                    push_unique(&mut ctx.clusters[c as usize].countries, country);
                }
                k = ctx.next_in_sentence(t);
            }
        }
    }
}

/// The age given right after a name (", 52,") or right before it
/// ("52-year-old").
fn age_near(ctx: &Ctx, first: usize, last: usize) -> Option<u32> {
    let after = ctx
        .next_in_sentence(last)
        .filter(|&k| ctx.is_byte(k, b','))
        .and_then(|k| ctx.next_in_sentence(k))
        .filter(|&k| ctx.tok(k).kind == crate::segment::TokenKind::Number)
        .and_then(|k| ctx.word(k).parse::<u32>().ok());
    let before = ctx
        .prev_in_sentence(first)
        // Asked of the bytes: the word before a name is seldom an age, and
        // is not worth slicing out as text.
        .and_then(|k| ctx.bytes(k).strip_suffix(b"-year-old"))
        .and_then(|n| std::str::from_utf8(n).ok()?.parse::<u32>().ok());
    after.or(before).filter(|a| (10..=120).contains(a))
}

fn push_unique(v: &mut Vec<u32>, x: u32) {
    if !v.contains(&x) {
        v.push(x);
    }
}

/// "Sen. Murray" is later "the senator", "Rep. Bell" "the congressman".
fn attach_title_nouns(ctx: &mut Ctx, c: u32, t: usize) {
    let cl = &mut ctx.clusters[c as usize];
    for noun in super::words::title_nouns(ctx.seg.tokens[t].text(ctx.text)) {
        if !cl.nouns.iter().any(|n| n == noun) {
            cl.nouns.push((*noun).to_string());
        }
    }
}

fn attach_noun(ctx: &mut Ctx, c: u32, t: usize) {
    let noun = ctx.word(t).to_lowercase();
    let gender = ctx.noun(t).map(|n| n.gender).unwrap_or_default();
    let cl = &mut ctx.clusters[c as usize];
    if !cl.nouns.contains(&noun) {
        cl.nouns.push(noun);
    }
    if cl.gender == Gender::Unknown {
        cl.gender = gender;
    }
}

/// Ties office mention `mi` to cluster `c`. `countries` holds the country
/// mentions as (start, index), sorted.
fn attach_office(ctx: &mut Ctx, c: u32, mi: u32, countries: &[(usize, usize)]) {
    if mi == NONE {
        return;
    }
    let (start, end, head) = {
        let m: &Mention = &ctx.mentions[mi as usize];
        (m.start, m.end, m.target)
    };
    ctx.mentions[mi as usize].cluster = c;
    // The gazetteers outlive the context: the title is borrowed, not cloned.
    let gaz = ctx.gaz;
    let office = &gaz.offices[head as usize];
    let written = single_spaced(&ctx.text[start..end]);
    let (gender, title) = (office.gender, &office.title);
    let first = countries.partition_point(|&(s, _)| s < start);
    let mut inside: Vec<usize> = countries[first..]
        .iter()
        .take_while(|&&(s, _)| s < end)
        .map(|&(_, i)| i)
        .filter(|&i| ctx.mentions[i].end <= end)
        .collect();
    // In the order of the mentions, as they are attached.
    inside.sort_unstable();
    let countries: Vec<u32> = inside.into_iter().map(|i| ctx.mentions[i].target).collect();
    let cl = &mut ctx.clusters[c as usize];
    if !cl.offices.iter().any(|o| o.eq_ignore_ascii_case(&written)) {
        cl.offices.push(written);
    }
    push_unique(&mut cl.office_heads, head);
    for country in countries {
        push_unique(&mut cl.countries, country);
    }
    if cl.gender == Gender::Unknown {
        cl.gender = gender;
    }
    // "minister" from "foreign minister": the last word describes the holder.
    if let Some(noun) = title.split_whitespace().last()
        && !cl.nouns.iter().any(|n| n == noun)
    {
        cl.nouns.push(noun.to_string());
    }
}
