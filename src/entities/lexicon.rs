//! The per-token lexicon: everything the entity rules ask about a word, in
//! one lookup.
//!
//! Every word class the passes test (function word, calendar word, first
//! name, surname, speaker noun, honorific, gazetteer start, ...) is merged
//! into one hash map keyed by the lower-cased word. Each article's tokens
//! are looked up once, and the passes then test bits instead of hashing the
//! same words again and again.

use rustc_hash::FxHashMap;

use super::words;
use crate::gazetteer::{FirstName, Gazetteers, Gender, Noun};
use crate::segment::{Segmentation, Token};
use crate::text::pack_ascii_lower;

/// Bits of [`LexEntry::flags`].
pub(crate) mod flag {
    /// A grammatical word ("the", "however").
    pub const FUNCTION: u32 = 1;
    /// Never a name: function words and nouns that open sentences in
    /// capitals ("Participants", "Photos").
    pub const NOT_NAME: u32 = 1 << 1;
    /// A month, weekday, holiday or season.
    pub const CALENDAR: u32 = 1 << 2;
    /// Ends organisation and place names ("Ministry", "Street").
    pub const NON_PERSON_HEAD: u32 = 1 << 3;
    /// A name particle ("van", "de"), when written in lower case.
    pub const PARTICLE: u32 = 1 << 4;
    /// An adjective before a description noun ("senior").
    pub const DESCRIPTION_ADJECTIVE: u32 = 1 << 5;
    /// A title written before names ("Mr", "Sen").
    pub const HONORIFIC: u32 = 1 << 6;
    /// In the surname list.
    pub const SURNAME: u32 = 1 << 7;
    /// In the first-name list.
    pub const FIRST_NAME: u32 = 1 << 8;
    /// May start a gazetteer form: worth walking the matcher.
    pub const GAZETTEER_START: u32 = 1 << 9;
    /// The first word of some cue form: worth looking up in the cue lexicon.
    pub const CUE_START: u32 = 1 << 10;
    /// The quote stage's closed classes ([`words::PRONOUNS`] and the
    /// rest), for words that are short ASCII, as that stage keys them.
    ///
    /// [`words::PRONOUNS`]: super::words::PRONOUNS
    pub const PRONOUN: u32 = 1 << 11;
    /// A determiner ([`super::words::DETERMINERS`]).
    pub const DETERMINER: u32 = 1 << 12;
    /// A word never inside a speaker phrase ([`super::words::BARRIERS`]).
    pub const BARRIER: u32 = 1 << 13;
    /// A word of quantity ([`super::words::QUANTITIES`]).
    pub const QUANTITY: u32 = 1 << 14;
    /// A speaker noun ("diplomat", "ministry") whose form is ASCII.
    pub const NOUN: u32 = 1 << 15;
    /// A speech verb of one word ("said"), for an ASCII first word of cue
    /// forms.
    pub const SPEECH_VERB: u32 = 1 << 16;
    /// A kind of organisation written before its name ("bank", "regulator":
    /// [`super::words::ORGANISATION_NOUNS`]).
    pub const ORGANISATION_NOUN: u32 = 1 << 17;
    /// What one holds of a company ("shares", "stake":
    /// [`super::words::HOLDING_NOUNS`]), before "in" or "of" and its name.
    pub const HOLDING_NOUN: u32 = 1 << 18;
    /// Who or what belongs to an organisation or a work, written after
    /// its name ("analyst", "star": [`super::words::MEMBER_NOUNS`]).
    pub const MEMBER_NOUN: u32 = 1 << 19;
    /// An auxiliary or adverb that joins a verb cue on its left ("has",
    /// "also": [`super::words::JOINS_LEFT_WORDS`]), for short ASCII words.
    pub const JOINS_LEFT: u32 = 1 << 20;
    /// The bits from here up hold one more than the number of the word's
    /// cue forms ([`crate::gazetteer::CueLexicon::forms_at`]), for ASCII
    /// first words, or 0; see [`super::cue_forms_of`].
    pub const CUE_SHIFT: u32 = 21;
}

/// The number of the cue forms whose first word is the token's, from the
/// token's lexicon flags, when the flags answer for the word
/// ([`flags_answer_for`]) and the lexicon could note it.
pub(crate) fn cue_forms_of(flags: u32) -> Option<u32> {
    (flags >> flag::CUE_SHIFT).checked_sub(1)
}

/// What the lexicon knows about one word.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct LexEntry {
    pub flags: u32,
    pub first_name: Option<FirstName>,
    pub noun: Option<Noun>,
    /// The gender an honorific implies.
    pub honorific: Gender,
    /// The word's id in the gazetteer forms (0: in none).
    pub word: u32,
}

impl LexEntry {
    #[cfg(test)]
    pub fn has(&self, f: u32) -> bool {
        self.flags & f != 0
    }
}

/// The merged lexicon, built once per pipeline.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    index: Index,
    entries: Vec<LexEntry>,
}

/// Longest key held inline: one byte of a `u128` is left for the length.
const INLINE: usize = 15;

/// Word → entry index. Nearly every word fits in 15 bytes; those keys are
/// packed into a `u128`, so a lookup hashes two integers and compares one,
/// with no pointer to chase to a heap-allocated key. This lookup runs once
/// per token, and was the largest single cost of tagging with boxed keys.
#[derive(Debug)]
struct Index {
    short: FxHashMap<u128, u32>,
    long: FxHashMap<Box<[u8]>, u32>,
    /// `short` again, laid out for lookups once the lexicon is complete.
    table: Table,
    /// The entries and flags of one-byte words, mostly punctuation: a sixth
    /// of all tokens, found without hashing. Indexed by any byte, so the
    /// lookup needs no bounds check; non-ASCII bytes hold the empty entry.
    byte: Box<[Found; 256]>,
}

// By hand: arrays of 256 have no derived `Default`.
impl Default for Index {
    fn default() -> Index {
        Index {
            short: FxHashMap::default(),
            long: FxHashMap::default(),
            table: Table::default(),
            byte: Box::new([Found::default(); 256]),
        }
    }
}

/// An entry index with that entry's flags and gazetteer word id: the
/// per-token lookup returns all three, so neither needs a second, scattered
/// read of the entries. The default is what a word the lexicon does not
/// hold gets: the empty entry [`NO_ENTRY`], which no word class marks.
#[derive(Debug, Default, Clone, Copy)]
struct Found {
    /// The entry in the low half, the word id in the high half: one
    /// integer from the table to [`Lexicon::annotate`]'s store, where a pair
    /// of fields was split and joined again token by token.
    ids: u64,
    flags: u32,
}

impl Found {
    /// What a lookup gives for entry `entry` of `entries`.
    fn of(entry: u32, entries: &[LexEntry]) -> Found {
        let e = entries.get(entry as usize);
        Found {
            ids: u64::from(entry) | u64::from(e.map_or(0, |e| e.word)) << 32,
            flags: e.map_or(0, |e| e.flags),
        }
    }

    /// The entry index.
    fn entry(&self) -> u32 {
        self.ids as u32
    }
}

/// A slot of [`Table`]: the key beside what it maps to, so a hit reads the
/// key and the answer together. It holds 28 bytes, padded to 32 (a
/// constant assertion below keeps it there); a big gazetteer makes millions
/// of slots, so it should not grow. (The key is held as two `u64`s: a
/// `u128` field would not make it smaller but would ask for 16-byte
/// alignment.)
#[derive(Debug, Default, Clone, Copy)]
struct Slot {
    lo: u64,
    hi: u64,
    found: Found,
}

const _: () = assert!(std::mem::size_of::<Slot>() == 32);

/// An open-addressing table of packed keys, for the per-token lookup.
///
/// Most tokens of a text are either very common words, which stay in the
/// cache, or words the lexicon does not hold, whose lookups land on random
/// slots. Each slot has a one-byte tag (7 bits of the key's hash plus one,
/// so never 0; 0 marks an empty slot) in an array of its own: for the bundled lexicon
/// that array is 64 KB, which stays in a core's cache, and a missing word is
/// nearly always settled there, without reading any key.
#[derive(Debug, Default)]
struct Table {
    tags: Vec<u8>,
    slots: Vec<Slot>,
    mask: usize,
}

impl Table {
    /// One widening multiply, its halves folded: both halves of the product
    /// depend on every input bit between them. The two key halves are
    /// XORed first; keys that collide there only lengthen a probe.
    fn hash(key: u128) -> u64 {
        let x = (key as u64) ^ ((key >> 64) as u64);
        let p = u128::from(x) * 0x9E37_79B9_7F4A_7C15;
        (p as u64) ^ ((p >> 64) as u64)
    }

    /// The slot to start probing at in a table of `mask + 1` slots, and the
    /// tag: the hash's top 7 bits plus one, never 0 (an empty slot). An add
    /// where clamping 8 bits away from 0 takes a compare and a move; a false
    /// tag match only costs one key comparison.
    #[inline]
    fn place(key: u128, mask: usize) -> (usize, u8) {
        let h = Table::hash(key);
        (h as usize & mask, (h >> 57) as u8 + 1)
    }

    fn build(map: &FxHashMap<u128, u32>, entries: &[LexEntry]) -> Table {
        // At most half full, so probe sequences stay short.
        let size = (map.len() * 2).next_power_of_two().max(16);
        let mut t = Table {
            tags: vec![0; size],
            slots: vec![Slot::default(); size],
            mask: size - 1,
        };
        for (&key, &entry) in map {
            let (mut i, tag) = Table::place(key, t.mask);
            while t.tags[i] != 0 {
                i = (i + 1) & t.mask;
            }
            t.tags[i] = tag;
            t.slots[i] = Slot {
                lo: key as u64,
                hi: (key >> 64) as u64,
                found: Found::of(entry, entries),
            };
        }
        t
    }

    #[inline]
    fn get(&self, key: u128) -> Option<Found> {
        self.probe().get(key)
    }

    /// The table cut for a run of lookups.
    #[inline]
    fn probe(&self) -> Probe<'_> {
        // Built the same length; cut to one length, the test of a tag's
        // index answers for its slot too.
        let n = self.tags.len().min(self.slots.len());
        Probe {
            tags: &self.tags[..n],
            slots: &self.slots[..n],
            mask: self.mask,
        }
    }
}

/// A [`Table`]'s arrays cut to one length: made once for an article's
/// lookups, where the cut would otherwise be made token by token.
struct Probe<'t> {
    tags: &'t [u8],
    slots: &'t [Slot],
    mask: usize,
}

impl Probe<'_> {
    #[inline]
    fn get(&self, key: u128) -> Option<Found> {
        let (mut i, tag) = Table::place(key, self.mask);
        let (lo, hi) = (key as u64, (key >> 64) as u64);
        loop {
            // An empty table (mask 0) has no slot 0: `None` at once.
            // Both cut to one length: the compiler makes one test of the two.
            let (&t, s) = (self.tags.get(i)?, self.slots.get(i)?);
            if t == tag {
                if s.lo == lo && s.hi == hi {
                    return Some(s.found);
                }
            } else if t == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }
}

/// `key`'s bytes and length in one integer, if it is short enough: the
/// layout of [`pack_ascii_lower`], which lookups of ASCII words use, so the
/// two must stay in step.
fn pack(key: &[u8]) -> Option<u128> {
    if key.len() > INLINE {
        return None;
    }
    let mut buf = [0u8; 16];
    buf[..key.len()].copy_from_slice(key);
    buf[INLINE] = key.len() as u8;
    Some(u128::from_le_bytes(buf))
}

/// `LOW_BYTES_64[n]` keeps the low `n` bytes of a `u64`, for the short path.
const LOW_BYTES_64: [u64; 9] = {
    let mut masks = [0u64; 9];
    let mut n = 0;
    while n < 8 {
        masks[n] = (1u64 << (8 * n)) - 1;
        n += 1;
    }
    masks[8] = u64::MAX;
    masks
};

/// `LOW_BYTES[n]` keeps the low `n` bytes of a `u128`: a load from a table
/// costs less than a shift of a 128-bit integer by a variable amount.
const LOW_BYTES: [u128; INLINE + 1] = {
    let mut masks = [0u128; INLINE + 1];
    let mut n = 0;
    while n <= INLINE {
        masks[n] = (1u128 << (8 * n)) - 1;
        n += 1;
    }
    masks
};

/// [`pack_ascii_lower`] of `text[start..end]` in a few word operations: one
/// 8- or 16-byte load, a mask, and a lower-casing of all bytes at once. `None`
/// when the word is not short ASCII or too near the end of the text for
/// the load (the byte-wise path handles those).
#[inline]
fn pack_ascii_lower_fast(text: &[u8], start: usize, end: usize) -> Option<u128> {
    const ONES: u128 = u128::MAX / 255;
    // `start > end` wraps to a length no branch below takes.
    let len = end.wrapping_sub(start);
    if len <= 8 {
        // Most words: the same in 64-bit arithmetic, half the instructions.
        // A range of fixed length is one bounds check, where a tail of
        // unknown length and a chunk of it are two.
        const ONES64: u64 = u64::MAX / 255;
        let x = u64::from_le_bytes(*text.get(start..start.checked_add(8)?)?.first_chunk::<8>()?) & LOW_BYTES_64[len];
        if x & (ONES64 * 0x80) != 0 {
            return None;
        }
        let upper = (x + ONES64 * 0x3F) & !(x + ONES64 * 0x25) & (ONES64 * 0x80);
        return Some(u128::from(x | (upper >> 2)) | ((len as u128) << (8 * INLINE)));
    }
    if len > INLINE {
        return None;
    }
    let x = u128::from_le_bytes(*text.get(start..start.checked_add(16)?)?.first_chunk::<16>()?) & LOW_BYTES[len];
    if x & (ONES * 0x80) != 0 {
        return None;
    }
    // Per byte c < 0x80: c + 0x3F sets the high bit iff c >= 'A', c + 0x25
    // iff c > 'Z'; neither sum carries into the next byte.
    let upper = (x + ONES * 0x3F) & !(x + ONES * 0x25) & (ONES * 0x80);
    Some((x | (upper >> 2)) | ((len as u128) << (8 * INLINE)))
}

impl Index {
    fn get(&self, key: &[u8]) -> Option<u32> {
        match pack(key) {
            Some(k) => self.table.get(k).map(|f| f.entry()),
            None => self.long.get(key).copied(),
        }
    }

    /// Lays the short keys out for lookups, dropping the build-time map;
    /// call once, after the last insert and the last change of `entries`.
    fn freeze(&mut self, entries: &[LexEntry]) {
        let found = |entry: u32| Found::of(entry, entries);
        let mut byte = Box::new([Found::default(); 256]);
        for (b, slot) in (0..128u8).zip(byte.iter_mut()) {
            *slot = found(self.get_short(&[b.to_ascii_lowercase()]).unwrap_or(NO_ENTRY));
        }
        self.byte = byte;
        self.table = Table::build(&std::mem::take(&mut self.short), entries);
    }

    fn get_short(&self, key: &[u8]) -> Option<u32> {
        self.short.get(&pack(key)?).copied()
    }

    fn get_or_insert(&mut self, key: &[u8], next: u32) -> u32 {
        match pack(key) {
            Some(k) => *self.short.entry(k).or_insert(next),
            None => *self.long.entry(key.into()).or_insert(next),
        }
    }

    /// Every key, in no particular order.
    fn keys(&self) -> impl Iterator<Item = (Vec<u8>, u32)> + '_ {
        let short = self.short.iter().map(|(&k, &i)| {
            let bytes = k.to_le_bytes();
            (bytes[..bytes[INLINE] as usize].to_vec(), i)
        });
        short.chain(self.long.iter().map(|(k, &i)| (k.to_vec(), i)))
    }
}

/// The lexicon's key for a word: lower case, with curly apostrophes made
/// straight ("People’s" and "People's" are one word).
fn normalise(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == '’' { '\'' } else { c })
        .collect()
}

/// Tokens longer than this many bytes are not looked up: they get no
/// entry and no flags.
pub(crate) const LONGEST_LOOKUP: usize = 40;

/// Do token `t`'s flags say what the word lists say of its text? They do
/// for ASCII words the lexicon looks up: it keys those by their ASCII lower
/// case, as the lists' words (all lower-case ASCII) are keyed. A non-ASCII
/// token may fold into a listed word here without being one. Asked of the
/// token alone, whose shape knows whether it is ASCII, so the text is not
/// read again.
#[inline]
pub(crate) fn flags_answer_for(t: &Token) -> bool {
    t.shape.is_ascii() && t.range().len() <= LONGEST_LOOKUP
}

/// Index of "no entry" in per-token lookups.
pub(crate) const NO_ENTRY: u32 = 0;

impl Lexicon {
    /// Merges the closed word classes, the name and noun lists and every
    /// word of every gazetteer form, and builds the matcher over those words.
    pub fn build(gaz: &Gazetteers) -> (Lexicon, super::Matcher) {
        let mut lex = Lexicon::new(gaz);
        let mut words = 0u32;
        let matcher = super::Matcher::new(gaz, &mut |w: &str| {
            let e = lex.entry(w);
            if e.word == 0 {
                words += 1;
                e.word = words;
            }
            e.word
        });
        // "U.S." is also written "U.S" before a hyphen ("U.S-led").
        let mut dotted: Vec<(Vec<u8>, u32)> = lex
            .index
            .keys()
            .filter(|(k, i)| k.len() > 2 && k.ends_with(b".") && lex.entries[*i as usize].word != 0)
            .map(|(mut k, i)| {
                k.pop();
                (k, lex.entries[i as usize].word)
            })
            .collect();
        // Word ids must not depend on hash order.
        dotted.sort();
        for (bare, word) in dotted {
            if let Ok(bare) = std::str::from_utf8(&bare) {
                let e = lex.entry(bare);
                if e.word == 0 {
                    e.word = word;
                }
            }
        }
        for e in &mut lex.entries {
            if matcher.starts_with(e.word) {
                e.flags |= flag::GAZETTEER_START;
            }
        }
        lex.index.freeze(&lex.entries);
        (lex, matcher)
    }

    /// Merges the closed word classes and the name and noun lists.
    fn new(gaz: &Gazetteers) -> Lexicon {
        let mut lex = Lexicon {
            index: Index::default(),
            // Entry 0 is the empty entry: tokens the lexicon does not know.
            entries: vec![LexEntry::default()],
        };
        let lists: [(&[&str], u32); 9] = [
            (words::FUNCTION_WORDS, flag::FUNCTION | flag::NOT_NAME),
            (words::NOT_NAMES, flag::NOT_NAME),
            (words::CALENDAR, flag::CALENDAR),
            (words::NON_PERSON_HEADS, flag::NON_PERSON_HEAD),
            (words::PARTICLES, flag::PARTICLE),
            (words::DESCRIPTION_ADJECTIVES, flag::DESCRIPTION_ADJECTIVE),
            (words::ORGANISATION_NOUNS, flag::ORGANISATION_NOUN),
            (words::HOLDING_NOUNS, flag::HOLDING_NOUN),
            (words::MEMBER_NOUNS, flag::MEMBER_NOUN),
        ];
        for (list, f) in lists {
            for w in list {
                lex.entry(w).flags |= f;
            }
        }
        for &(h, gender) in words::HONORIFICS {
            let e = lex.entry(h);
            e.flags |= flag::HONORIFIC;
            e.honorific = gender;
        }
        for (name, first) in &gaz.first_names {
            let e = lex.entry(name);
            e.flags |= flag::FIRST_NAME;
            e.first_name = Some(*first);
        }
        for name in gaz.surnames.keys() {
            lex.entry(name).flags |= flag::SURNAME;
        }
        for (noun, entry) in &gaz.nouns {
            let e = lex.entry(noun);
            e.noun = Some(*entry);
            // Non-ASCII nouns keep their own path in the quote stage, which
            // keys them without the lexicon's apostrophe folding.
            if noun.is_ascii() {
                e.flags |= flag::NOUN;
            }
        }
        let closed: [(&[&str], u32); 5] = [
            (words::PRONOUNS, flag::PRONOUN),
            (words::DETERMINERS, flag::DETERMINER),
            (words::BARRIERS, flag::BARRIER),
            (words::QUANTITIES, flag::QUANTITY),
            (words::JOINS_LEFT_WORDS, flag::JOINS_LEFT),
        ];
        for (list, f) in closed {
            // The quote stage reads these flags only for ASCII tokens
            // (`flags_answer_for`), and asks its own lists for the rest;
            // only words that can be keys get an entry.
            for w in list.iter().filter(|w| pack_ascii_lower(w.as_bytes()).is_some()) {
                lex.entry(w).flags |= f;
            }
        }
        for first in gaz.cues.by_first_word.keys() {
            lex.entry(first).flags |= flag::CUE_START;
        }
        // An ASCII token is keyed by its ASCII lower case, as the cue
        // lexicon keys it; other first words may share an entry with one
        // of these ("people’s", "people's") and are left to the lookup.
        for (i, (first, forms)) in gaz.cues.ascii_first_words().iter().enumerate() {
            let speech = gaz.cues.has_speech_verb(forms);
            let e = lex.entry(first);
            if speech {
                e.flags |= flag::SPEECH_VERB;
            }
            // More numbers than the bits hold: those words are looked up.
            if let Some(n) = u32::try_from(i + 1).ok().filter(|&n| n < 1 << (32 - flag::CUE_SHIFT)) {
                e.flags |= n << flag::CUE_SHIFT;
            }
        }
        lex
    }

    fn entry(&mut self, word: &str) -> &mut LexEntry {
        let next = self.entries.len() as u32;
        // Building a big list interns millions of words: short ASCII ones
        // are packed without a String in between.
        let i = match pack_ascii_lower(word.as_bytes()) {
            Some(k) => *self.index.short.entry(k).or_insert(next),
            None => self.index.get_or_insert(normalise(word).as_bytes(), next),
        };
        if i == next {
            self.entries.push(LexEntry::default());
        }
        &mut self.entries[i as usize]
    }

    /// The entry index of each token of `seg` (words only; others get
    /// [`NO_ENTRY`]) and its gazetteer word id into `ids`, and that entry's
    /// flags into `flags`: the passes test flags token by token, and the
    /// matcher walks word ids, and dense per-article arrays keep those reads
    /// out of the lexicon's cache lines.
    #[inline(never)]
    pub fn annotate(&self, text: &str, seg: &Segmentation, ids: &mut Vec<[u32; 2]>, flags: &mut Vec<u32>) {
        let n = seg.tokens.len();
        // The loop writes every element: an article's arrays keep the last
        // one's values instead of being filled with zeros first, and only a
        // longer article's new tail is filled.
        ids.resize(n, [NO_ENTRY, 0]);
        flags.resize(n, 0);
        let table = self.index.table.probe();
        for (t, (id, f)) in seg.tokens.iter().zip(ids.iter_mut().zip(flags.iter_mut())) {
            let found = self.lookup(text, t, &table);
            *id = [found.ids as u32, (found.ids >> 32) as u32];
            *f = found.flags;
        }
    }

    #[inline]
    fn lookup(&self, text: &str, t: &Token, table: &Probe) -> Found {
        // Every token, punctuation and possessives included: forms hold
        // them too ("People's Republic", "Trinidad & Tobago").
        let bytes = text.as_bytes();
        let (start, end) = (t.start as usize, t.end as usize);
        if end == start + 1 {
            let b = bytes.get(start).copied().unwrap_or(0);
            return self.index.byte[usize::from(b)];
        }
        if let Some(k) = pack_ascii_lower_fast(bytes, start, end) {
            return table.get(k).unwrap_or_default();
        }
        // The entry comes back in a register: a `Found` returned from a
        // call out of line would pass every token's answer through memory.
        Found::of(self.lookup_slow(text, t), &self.entries)
    }

    /// The entry index [`Lexicon::lookup`] finds for the few tokens that are
    /// long, non-ASCII or at the very end of the text ([`NO_ENTRY`] for
    /// none), kept out of line so the common path stays small.
    #[inline(never)]
    fn lookup_slow(&self, text: &str, t: &Token) -> u32 {
        let bytes = text.as_bytes();
        let Some(word) = bytes.get(t.start as usize..t.end as usize) else {
            return NO_ENTRY;
        };
        if word.len() > LONGEST_LOOKUP {
            return NO_ENTRY;
        }
        let entry = if !word.is_ascii() {
            self.index.get(normalise(t.text(text)).as_bytes())
        } else if let Some(k) = pack_ascii_lower(word) {
            self.index.table.get(k).map(|f| f.entry())
        } else {
            let mut buf = [0u8; LONGEST_LOOKUP];
            let lower = &mut buf[..word.len()];
            for (d, s) in lower.iter_mut().zip(word) {
                *d = s.to_ascii_lowercase();
            }
            self.index.long.get(&*lower).copied()
        };
        entry.unwrap_or(NO_ENTRY)
    }

    /// The entry of `word` (any case).
    #[inline(always)]
    pub fn get(&self, word: &str) -> &LexEntry {
        // For ASCII the key is the ASCII lower case: packed without a String.
        let found = match pack_ascii_lower(word.as_bytes()) {
            Some(k) => self.index.table.get(k).map(|f| f.entry()),
            None => self.index.get(normalise(word).as_bytes()),
        };
        let i = found.unwrap_or(NO_ENTRY);
        &self.entries[i as usize]
    }

    /// The entry with index `i`.
    pub fn at(&self, i: u32) -> &LexEntry {
        &self.entries[i as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_packing_agrees_with_bytewise() {
        let text = "Wang ZOË said: “U.S.-led” AT&T, o'neill McDONALD abcdefghijklmno abcdefghijklmnop [@`{] x";
        let mut padded = text.as_bytes().to_vec();
        padded.extend_from_slice(&[b' '; 16]);
        let seg = Segmentation::new(text);
        for t in &seg.tokens {
            let (s, e) = (t.start as usize, t.end as usize);
            let word = &text.as_bytes()[s..e];
            let want = pack_ascii_lower(word);
            assert_eq!(pack_ascii_lower_fast(&padded, s, e), want, "{:?}", t.text(text));
        }
        // Too near the end for a load: left to the byte-wise path.
        assert_eq!(pack_ascii_lower_fast(b"Wang", 0, 4), None);
        assert_eq!(pack_ascii_lower_fast(b"Wang said", 0, 4), pack_ascii_lower(b"Wang"));
        assert_eq!(pack_ascii_lower_fast(b"McDONALD", 0, 8), pack_ascii_lower(b"McDONALD"));
        assert_eq!(pack_ascii_lower_fast(b"Lindqvist said", 0, 9), None);
    }

    #[test]
    fn noted_cue_forms_are_those_the_cue_lexicon_finds() {
        let mut g = Gazetteers::bundled().unwrap();
        // A first word that is not ASCII, and one that folds into the same
        // entry as an ASCII one: both are left to the lookup.
        g.add_text(
            "cues.tsv",
            "cue\tclass\ttype\tforms\nsagte\tspeech\tverb\tsagte|äußerte\nowns\tspeech\tverb\tpeople’s view\n",
        )
        .unwrap();
        let (lex, _) = Lexicon::build(&g);
        let firsts: Vec<String> = g.cues.by_first_word.keys().cloned().collect();
        let others = ["the", "economy", "Wang", "people's", "people’s"];
        let mut noted = 0;
        for word in firsts.iter().map(String::as_str).chain(others) {
            let title: String = word
                .chars()
                .take(1)
                .flat_map(char::to_uppercase)
                .chain(word.chars().skip(1))
                .collect();
            for w in [word.to_string(), title, word.to_uppercase()] {
                let flags = lex.get(&w).flags;
                // (What `flags_answer_for` asks of a token with this text.)
                if !(w.is_ascii() && w.len() <= LONGEST_LOOKUP) {
                    continue;
                }
                let found = cue_forms_of(flags).and_then(|n| g.cues.forms_at(n));
                noted += usize::from(found.is_some());
                assert_eq!(found, g.cues.forms(&w), "{w:?}");
                assert_eq!(flags & flag::SPEECH_VERB != 0, g.cues.is_speech_verb(&w), "{w:?}");
            }
        }
        assert!(noted > 100, "only {noted} words noted");
        assert!(lex.get("äußerte").flags & flag::CUE_START != 0);
        assert_eq!(cue_forms_of(lex.get("äußerte").flags), None);
    }

    #[test]
    fn flags_table() {
        let mut g = Gazetteers::default();
        g.add_text("f.tsv", "name\tgender\tweight\tcommon_word\nWill\tm\t0.2\t1\n")
            .unwrap();
        g.add_text("s.tsv", "name\trank\nDoval\t9000\n").unwrap();
        g.add_text("c.tsv", "code\tname\taliases\nUS\tUnited States\tU.S.\n")
            .unwrap();
        g.add_text(
            "n.tsv",
            "noun\tplural\tkind\tgender\ndiplomat\tdiplomats\tperson\t\nattaché\tattachés\tperson\t\n",
        )
        .unwrap();
        let (lex, _) = Lexicon::build(&g);
        let text = "Participants The Monday Ministry Doval Will United U.S U.S. senior Mr van WANG \
                    He said half Diplomat attaché analyst aide";
        let seg = Segmentation::new(text);
        let (mut out, mut flags) = (Vec::new(), Vec::new());
        lex.annotate(text, &seg, &mut out, &mut flags);
        let has = |word: &str, f: u32| {
            let i = seg.tokens.iter().position(|t| t.text(text) == word).unwrap();
            assert_eq!(flags[i] & f != 0, lex.at(out[i][0]).has(f), "{word}");
            lex.at(out[i][0]).has(f)
        };
        let cases: &[(&str, u32, bool)] = &[
            ("Participants", flag::NOT_NAME, true),
            ("Participants", flag::FUNCTION, false),
            ("The", flag::FUNCTION, true),
            ("Monday", flag::CALENDAR, true),
            ("Ministry", flag::NON_PERSON_HEAD, true),
            ("Doval", flag::NON_PERSON_HEAD, false),
            ("Doval", flag::SURNAME, true),
            ("Will", flag::FIRST_NAME, true),
            ("Will", flag::NOT_NAME, true),
            ("United", flag::GAZETTEER_START, true),
            ("U.S", flag::GAZETTEER_START, true),
            ("U.S.", flag::GAZETTEER_START, true),
            ("senior", flag::DESCRIPTION_ADJECTIVE, true),
            ("Mr", flag::HONORIFIC, true),
            ("van", flag::PARTICLE, true),
            ("WANG", flag::FIRST_NAME, false),
            ("He", flag::PRONOUN, true),
            ("The", flag::DETERMINER, true),
            ("The", flag::PRONOUN, false),
            ("said", flag::BARRIER, true),
            ("half", flag::QUANTITY, true),
            ("analyst", flag::MEMBER_NOUN, true),
            ("aide", flag::MEMBER_NOUN, false),
            ("half", flag::PRONOUN, true),
            ("Diplomat", flag::NOUN, true),
            ("Doval", flag::NOUN, false),
            // Non-ASCII nouns are left to the quote stage's own lookup.
            ("attaché", flag::NOUN, false),
        ];
        for (word, f, want) in cases {
            assert_eq!(has(word, *f), *want, "{word} flag {f}");
        }
        let will = seg.tokens.iter().position(|t| t.text(text) == "Will").unwrap();
        assert!(lex.at(out[will][0]).first_name.is_some_and(|f| f.common_word));
    }
}
