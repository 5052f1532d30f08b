//! Entity tagging: people, offices and countries, and the people they belong
//! to.
//!
//! The stage runs in passes over the segmented article:
//!
//! 1. [`matcher`]: gazetteer forms at word starts, with case rules;
//! 2. offices are extended by "of the `<Capitalised Organisation>`" and kept
//!    only where a bare common word ("general", "head") is clearly a title;
//! 3. [`names`]: capitalised sequences become people when a rule says so
//!    (a title or honorific before, a known first name, an appositive, a
//!    speech verb);
//! 4. [`link`]: mentions of one person ("Wang Yi", "Wang", "Mr Wang") are
//!    gathered, ambiguous country names are settled by context, and offices,
//!    countries and descriptions are tied to the people they belong to.
//!
//! Everything is in byte offsets; the record stage converts to code points.

mod countries;
pub(crate) mod lexicon;
mod link;
mod matcher;
mod names;
mod words;

use std::ops::Range;

pub(crate) use lexicon::flag;
pub(crate) use matcher::Matcher;
pub(crate) use words::{
    BARRIERS, DETERMINERS, JOINS_LEFT_WORDS, PRONOUNS, QUANTITIES, honorific, is_description_adjective,
    is_function_word, is_organisation_noun, is_title_word,
};

use rustc_hash::FxHashMap;

use crate::error::Result;
use crate::gazetteer::{Gazetteers, Gender, NounKind, Target};
use crate::record::EntityKind;
use crate::segment::{Segmentation, Token, TokenKind};

/// No cluster, no target.
pub(crate) const NONE: u32 = u32::MAX;

/// One mention, in byte offsets.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Mention {
    pub start: usize,
    pub end: usize,
    /// Tokens covered.
    pub tokens: Range<usize>,
    pub kind: EntityKind,
    /// Country index, office index (of the head title), or known-person
    /// index; [`NONE`] for a person no list holds.
    pub target: u32,
    /// The person cluster this mention names (person) or belongs to (office).
    pub cluster: u32,
    /// What produced it.
    pub rule: &'static str,
    /// For an office: the canonical form (head title plus any extension).
    pub canonical: Option<String>,
    /// For a country: the form is a demonym ("Chinese").
    pub demonym: bool,
}

/// One person, all mentions merged.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Cluster {
    /// The fullest name written in the article (or the list's canonical).
    pub name: String,
    /// Index into the people list, when known.
    pub known: Option<u32>,
    pub gender: Gender,
    /// Byte offset of the first mention.
    pub first: usize,
    /// Offices held, as written, in order of mention.
    pub offices: Vec<String>,
    /// Office indexes of the heads of those offices (for "the minister").
    pub office_heads: Vec<u32>,
    /// Country indexes tied to the person.
    pub countries: Vec<u32>,
    /// Description nouns, lower case ("diplomat", "economist").
    pub nouns: Vec<String>,
    /// Age, when the article gives it ("Lindqvist, 52," or "the 52-year-old
    /// Lindqvist").
    pub age: Option<u32>,
}

/// The result of tagging one article.
#[derive(Clone, Debug, Default)]
pub(crate) struct Tagged {
    /// Mentions, sorted by start (longer first on ties).
    pub mentions: Vec<Mention>,
    /// People.
    pub clusters: Vec<Cluster>,
    /// Each token's lexicon flags, for the stages after this one.
    pub flags: Vec<u32>,
}

/// The per-token arrays of [`EntityTagger::tag`], kept by a thread
/// from one article to the next: filled anew for each article, they would
/// otherwise be allocated (and their memory first touched) seven times per
/// article.
#[derive(Debug, Default)]
pub(crate) struct TagBuffers {
    caps: Vec<bool>,
    cap_word: Vec<bool>,
    name_like: Vec<bool>,
    candidates: Vec<u32>,
    hyphenated: Vec<u32>,
    sentence_of: Vec<u32>,
    owner: Vec<u32>,
    lex: Vec<[u32; 2]>,
    /// Lent to [`Tagged::flags`]; [`TagBuffers::recycle`] takes it back.
    flags: Vec<u32>,
    link: link::LinkBuffers,
}

/// `buf`'s allocation, cleared and filled with `n` copies of `value`: a
/// per-token array for the next article.
pub(crate) fn refill<T: Clone>(buf: &mut Vec<T>, n: usize, value: T) -> Vec<T> {
    buf.clear();
    reuse(buf, n, value)
}

/// `buf`'s allocation at length `n`, for a per-token array its caller then
/// writes in full: the last article's values are left to be overwritten
/// rather than cleared first, and only a longer article's new tail is
/// filled (with `value`).
fn reuse<T: Clone>(buf: &mut Vec<T>, n: usize, value: T) -> Vec<T> {
    let mut v = std::mem::take(buf);
    v.resize(n, value);
    v
}

impl TagBuffers {
    /// Takes back the flags lent to `tagged` once the stages after tagging
    /// are done with them.
    pub fn recycle(&mut self, tagged: &mut Tagged) {
        self.flags = std::mem::take(&mut tagged.flags);
    }
}

/// Finds people, offices and countries. Built once per pipeline.
#[derive(Debug)]
pub(crate) struct EntityTagger {
    matcher: Matcher,
    lexicon: lexicon::Lexicon,
}

/// Everything a pass needs about one article.
pub(crate) struct Ctx<'a> {
    pub text: &'a str,
    pub seg: &'a Segmentation,
    pub gaz: &'a Gazetteers,
    /// Per token: its sentence is in capitals throughout (a headline).
    pub caps: Vec<bool>,
    /// Per token: [`Ctx::is_cap_word`].
    pub cap_word: Vec<bool>,
    /// Per token: a capitalised word or a prefixed name ("al-Assad"), which
    /// may be part of a name.
    pub name_like: Vec<bool>,
    /// The tokens that are name-like or capitalised words (any word of a
    /// headline), in order: about one token in six. The passes that look
    /// for names walk these instead of testing every token.
    pub candidates: Vec<u32>,
    /// The tokens holding a hyphen, in order: the text has one every
    /// eighty tokens or so.
    pub hyphenated: Vec<u32>,
    /// Per token: index of its sentence.
    pub sentence_of: Vec<u32>,
    /// Per token: index of the mention covering it, or NONE.
    pub owner: Vec<u32>,
    pub mentions: Vec<Mention>,
    pub clusters: Vec<Cluster>,
    /// Clusters by known-person index.
    pub known_cluster: FxHashMap<u32, u32>,
    /// Genders found by the person rules, for the clusters made later.
    pub pending_gender: Vec<(u32, Gender)>,
    /// The merged lexicon, and each token's entry in it with its gazetteer
    /// word id (0: in no form).
    pub lexicon: &'a lexicon::Lexicon,
    pub lex: Vec<[u32; 2]>,
    /// Each token's lexicon flags.
    pub flags: Vec<u32>,
}

impl<'a> Ctx<'a> {
    pub fn tok(&self, i: usize) -> &Token {
        &self.seg.tokens[i]
    }

    pub fn word(&self, i: usize) -> &'a str {
        self.seg.tokens[i].text(self.text)
    }

    /// Token `i`'s text as bytes: sliced without the tests of character
    /// boundaries that a `str` slice makes, for the tests of ASCII letters.
    pub fn bytes(&self, i: usize) -> &'a [u8] {
        self.seg.tokens[i].bytes(self.text)
    }

    /// What the lexicon knows about token `i`.
    pub fn lex(&self, i: usize) -> &'a lexicon::LexEntry {
        self.lexicon.at(self.lex.get(i).map_or(lexicon::NO_ENTRY, |ids| ids[0]))
    }

    /// Token `i` has lexicon flag `f`.
    pub fn has(&self, i: usize, f: u32) -> bool {
        self.flags.get(i).is_some_and(|&flags| flags & f != 0)
    }

    /// [`honorific`] of token `i`'s text. The lexicon settles most words
    /// without the lookup: every honorific is in the lexicon under its
    /// lower-case ASCII spelling, with its gender, and that is the key such
    /// a token gets; only a word with its period attached ("Sen.") or one
    /// the flags do not answer for needs the full test.
    pub fn honorific(&self, i: usize) -> Option<Gender> {
        let t = self.tok(i);
        let last = (t.end as usize).checked_sub(1);
        let dotted = last.and_then(|k| self.text.as_bytes().get(k)) == Some(&b'.');
        if !dotted && lexicon::flags_answer_for(t) {
            return self.has(i, flag::HONORIFIC).then(|| self.lex(i).honorific);
        }
        if !dotted && !self.has(i, flag::HONORIFIC) {
            return None;
        }
        honorific(self.word(i))
    }

    /// [`is_function_word`] of token `i`'s text, from its lexicon flag
    /// instead of a hash of the word. The lexicon keys the list's words, all
    /// lower-case ASCII, as it keys any ASCII token; a non-ASCII token may
    /// fold into one of them there, but the word list never holds it.
    pub fn is_function_word(&self, i: usize) -> bool {
        self.has(i, flag::FUNCTION) && lexicon::flags_answer_for(self.tok(i))
    }

    /// [`is_description_adjective`] of token `i`'s text, as
    /// [`Ctx::is_function_word`].
    pub fn is_description_adjective(&self, i: usize) -> bool {
        self.has(i, flag::DESCRIPTION_ADJECTIVE) && lexicon::flags_answer_for(self.tok(i))
    }

    /// Token `i` is the one byte `b` (an ASCII character): tested without
    /// slicing the text.
    pub fn is_byte(&self, i: usize, b: u8) -> bool {
        let t = self.tok(i);
        t.end == t.start + 1 && self.text.as_bytes().get(t.start as usize) == Some(&b)
    }

    /// Token `i` is a lower-case name particle ("van", "de").
    pub fn is_particle(&self, i: usize) -> bool {
        self.has(i, flag::PARTICLE) && self.tok(i).shape.is_lower_start()
    }

    /// True for the first word of its sentence (after opening quotes and
    /// brackets, dashes and bullets).
    pub fn sentence_initial(&self, i: usize) -> bool {
        let s = &self.seg.sentences[self.sentence_of[i] as usize];
        let mut j = s.tokens.start;
        while j < i && self.seg.tokens[j].kind == TokenKind::Punct {
            j += 1;
        }
        j == i
    }

    /// A capitalised word that may be part of a name: capitalised and not
    /// an acronym, or anything in capitals inside a shouted headline.
    pub fn is_cap_word(&self, i: usize) -> bool {
        self.cap_word[i]
    }

    /// Where the [`Ctx::candidates`] among `tokens` are in that list,
    /// looked for from index `from` on: passes take sentences in order, and
    /// each search carries on from where the last one ended.
    pub fn candidates_in(&self, tokens: &Range<usize>, from: usize) -> Range<usize> {
        let rest = self.candidates.get(from..).unwrap_or_default();
        let before = rest.iter().take_while(|&&t| (t as usize) < tokens.start).count();
        let inside = rest[before..]
            .iter()
            .take_while(|&&t| (t as usize) < tokens.end)
            .count();
        from + before..from + before + inside
    }

    /// Index of the token after `i` within the same sentence.
    pub fn next_in_sentence(&self, i: usize) -> Option<usize> {
        let s = &self.seg.sentences[self.sentence_of[i] as usize];
        (i + 1 < s.tokens.end).then_some(i + 1)
    }

    /// Index of the token before `i` within the same sentence.
    pub fn prev_in_sentence(&self, i: usize) -> Option<usize> {
        let s = &self.seg.sentences[self.sentence_of[i] as usize];
        (i > s.tokens.start).then(|| i - 1)
    }

    /// The noun-lexicon entry of token `i`, lower-cased.
    pub fn noun(&self, i: usize) -> Option<crate::gazetteer::Noun> {
        self.lex(i).noun
    }

    /// True when token `i` is a noun naming one person ("diplomat").
    pub fn is_person_noun(&self, i: usize) -> bool {
        self.noun(i).is_some_and(|n| n.kind == NounKind::Person && !n.plural)
    }

    /// Adds a mention and marks its tokens as owned.
    pub fn push(&mut self, m: Mention) -> u32 {
        let index = self.mentions.len() as u32;
        for t in m.tokens.clone() {
            if self.owner[t] == NONE {
                self.owner[t] = index;
            }
        }
        self.mentions.push(m);
        index
    }

    /// Drops mention `mi`: its rule is emptied (so it is not written) and
    /// the tokens it owns are freed.
    pub fn drop_mention(&mut self, mi: usize) {
        let tokens = self.mentions[mi].tokens.clone();
        for t in tokens {
            if self.owner[t] == mi as u32 {
                self.owner[t] = NONE;
            }
        }
        self.mentions[mi].rule = "";
    }

    /// The kind of the mention owning token `i`.
    pub fn owner_kind(&self, i: usize) -> Option<EntityKind> {
        let m = *self.owner.get(i)?;
        (m != NONE).then(|| self.mentions[m as usize].kind)
    }

    /// The mention owning token `i`.
    pub fn owner_mention(&self, i: usize) -> Option<&Mention> {
        let m = *self.owner.get(i)?;
        (m != NONE).then(|| &self.mentions[m as usize])
    }
}

impl EntityTagger {
    /// Compiles the automaton over every gazetteer form.
    pub fn new(gaz: &Gazetteers) -> Result<EntityTagger> {
        let (lexicon, matcher) = lexicon::Lexicon::build(gaz);
        Ok(EntityTagger { matcher, lexicon })
    }

    /// Tags one article, with per-token arrays from `bufs` (a thread's
    /// reused ones, or `TagBuffers::default()`).
    pub fn tag(&self, text: &str, seg: &Segmentation, gaz: &Gazetteers, bufs: &mut TagBuffers) -> Tagged {
        let n = seg.tokens.len();
        let mut sentence_of = reuse(&mut bufs.sentence_of, n, 0);
        let mut caps = reuse(&mut bufs.caps, n, false);
        let mut cap_word = reuse(&mut bufs.cap_word, n, false);
        let mut candidates = std::mem::take(&mut bufs.candidates);
        candidates.clear();
        // One walk sets every per-token array that depends on the token's
        // sentence; the sentences hold every token (see `Segmentation`).
        for (si, s) in seg.sentences.iter().enumerate() {
            let range = s.tokens.clone();
            let tokens = &seg.tokens[range.clone()];
            sentence_of[range.clone()].fill(si as u32);
            let cap_word = &mut cap_word[range.clone()];
            // Shouted headlines are rare: the words are first taken as
            // running text, in the walk that counts what `is_shouted` needs,
            // and taken again in the few sentences that are shouted.
            let listed = candidates.len();
            let counts = word_flags(tokens, range.start, false, cap_word, &mut candidates);
            let shouted = is_shouted(text, tokens, counts);
            if shouted {
                candidates.truncate(listed);
                word_flags(tokens, range.start, true, cap_word, &mut candidates);
            }
            caps[range].fill(shouted);
        }
        // `reuse` left the last article's values in these arrays: the
        // walk above overwrote them only if the sentences hold every token.
        debug_assert!(
            seg.sentences.first().is_none_or(|s| s.tokens.start == 0)
                && seg.sentences.windows(2).all(|w| w[0].tokens.end == w[1].tokens.start)
                && seg.sentences.last().map_or(n == 0, |s| s.tokens.end == n),
            "the sentences must hold every token"
        );
        let mut name_like = reuse(&mut bufs.name_like, n, false);
        name_like.copy_from_slice(&cap_word);
        let mut hyphenated = std::mem::take(&mut bufs.hyphenated);
        hyphenated.clear();
        // The tokens holding a hyphen, found from the text's hyphens rather
        // than by a look at every token. The other name-like words are
        // prefixed names ("al-Assad"), which are among them.
        let mut from = 0;
        for at in memchr::memchr_iter(b'-', text.as_bytes()) {
            let k = from + seg.tokens[from..].partition_point(|t| (t.end as usize) <= at);
            let Some(t) = seg.tokens.get(k).filter(|t| t.start as usize <= at) else {
                continue;
            };
            from = k;
            if hyphenated.last() == Some(&(k as u32)) {
                continue;
            }
            hyphenated.push(k as u32);
            let prefixed = || names::is_prefixed_name(&text.as_bytes()[t.range()]);
            if t.kind == TokenKind::Word && t.shape.is_lower_start() && prefixed() {
                name_like[k] = true;
                if let Err(at) = candidates.binary_search(&(k as u32)) {
                    candidates.insert(at, k as u32);
                }
            }
        }
        let mut ctx = Ctx {
            text,
            seg,
            gaz,
            caps,
            cap_word,
            name_like,
            candidates,
            hyphenated,
            sentence_of,
            owner: refill(&mut bufs.owner, n, NONE),
            // News text has a mention every thirty-odd tokens: one allocation
            // instead of a vector regrown (and copied) as it fills.
            mentions: Vec::with_capacity(n / 24 + 8),
            clusters: Vec::new(),
            known_cluster: FxHashMap::default(),
            pending_gender: Vec::new(),
            lexicon: &self.lexicon,
            lex: std::mem::take(&mut bufs.lex),
            flags: std::mem::take(&mut bufs.flags),
        };
        self.lexicon.annotate(text, seg, &mut ctx.lex, &mut ctx.flags);
        self.gazetteer_pass(&mut ctx);
        names::office_pass(&mut ctx);
        names::person_pass(&mut ctx);
        link::link_pass(&mut ctx, &mut bufs.link);
        countries::country_pass(&mut ctx);
        link::attach_pass(&mut ctx, &mut bufs.link);

        *bufs = TagBuffers {
            caps: ctx.caps,
            cap_word: ctx.cap_word,
            name_like: ctx.name_like,
            candidates: ctx.candidates,
            hyphenated: ctx.hyphenated,
            sentence_of: ctx.sentence_of,
            owner: ctx.owner,
            lex: ctx.lex,
            flags: Vec::new(),
            link: std::mem::take(&mut bufs.link),
        };
        let Ctx {
            mut mentions,
            clusters,
            flags,
            ..
        } = ctx;
        mentions.retain(|m| !m.rule.is_empty());
        mentions.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)).then(a.kind.cmp(&b.kind)));
        Tagged {
            mentions,
            clusters,
            flags,
        }
    }

    /// Pass 1: gazetteer forms at every token start, longest first, and the
    /// pieces of hyphenated words ("US-listed", "Sino-US").
    #[inline(never)]
    fn gazetteer_pass(&self, ctx: &mut Ctx) {
        let text = ctx.text;
        let seg = ctx.seg;
        // Lent out while the pass adds mentions.
        let hyphenated = std::mem::take(&mut ctx.hyphenated);
        let lex = std::mem::take(&mut ctx.lex);
        let all_flags = std::mem::take(&mut ctx.flags);
        // The first of `hyphenated` not before the current token.
        let mut h = 0;
        for p in &seg.paragraphs {
            let end = p.tokens.end;
            let ids = lex.get(..end).unwrap_or_default();
            let flags = all_flags.get(..end).unwrap_or_default();
            // Most starts ("the", "said") are followed by a word in no form
            // and are no form by themselves: nothing to walk. Tested in the
            // sweep, such a start costs a turn of it and not of this loop.
            let may_start = |k: usize, f: u32| {
                f & flag::GAZETTEER_START != 0
                    && self.matcher.may_match_at(
                        ids.get(k).map_or(0, |pair| pair[1]),
                        ids.get(k + 1).map_or(0, |pair| pair[1]),
                    )
            };
            let mut i = p.tokens.start;
            while i < end {
                // Most tokens start no form and hold no hyphen: passed over
                // in one sweep of the flags, up to the next token that may
                // start one or holds a hyphen.
                while hyphenated.get(h).is_some_and(|&k| (k as usize) < i) {
                    h += 1;
                }
                let hyphen = hyphenated.get(h).map_or(usize::MAX, |&k| k as usize);
                let stop = hyphen.min(end);
                // Bounded by the slice's length, the sweep indexes it without
                // a test and keeps one counter.
                let sweep = flags.get(..stop).unwrap_or_default();
                let mut k = i;
                while k < sweep.len() && !may_start(k, sweep[k]) {
                    k += 1;
                }
                if k < sweep.len() {
                    i = k;
                } else if stop < end {
                    i = stop;
                } else {
                    break;
                }
                let tok = seg.tokens[i];
                if !matcher::can_start(&tok) {
                    i += 1;
                    continue;
                }
                let mut matched_to = None;
                if flags.get(i).is_some_and(|f| f & flag::GAZETTEER_START != 0) {
                    matched_to = self
                        .matcher
                        .longest_at(i, end, |k| lex[k][1])
                        .and_then(|(after, entries)| {
                            let bytes = (tok.start as usize, seg.tokens[after - 1].end as usize);
                            self.add_match(ctx, i..after, bytes, entries, true)
                        });
                }
                if matched_to.is_none() && tok.kind != TokenKind::Punct && hyphen == i {
                    let word = tok.text(text);
                    let mut at = 0;
                    for piece in word.split('-') {
                        let start = tok.start as usize + at;
                        at += piece.len() + 1;
                        let id = self.lexicon.get(piece).word;
                        if let Some((_, entries)) = self.matcher.longest_at(0, 1, |_| id) {
                            let found = self.add_match(
                                ctx,
                                i..i + 1,
                                (start, start + piece.len()),
                                entries,
                                at == piece.len() + 1,
                            );
                            if found.is_some() {
                                matched_to = Some(i + 1);
                                break;
                            }
                        }
                    }
                }
                i = matched_to.unwrap_or(i + 1).max(i + 1);
            }
        }
        ctx.hyphenated = hyphenated;
        ctx.lex = lex;
        ctx.flags = all_flags;
    }

    /// Adds the mention of a matched form when an entry's case rules fit;
    /// returns one past its last token. `at_start` is false for a piece
    /// after a hyphen, where only countries count ("Sino-US", not
    /// "ex-minister").
    fn add_match(
        &self,
        ctx: &mut Ctx,
        tokens: Range<usize>,
        (start, end): (usize, usize),
        entries: &[matcher::Entry],
        at_start: bool,
    ) -> Option<usize> {
        let matched = &ctx.text[start..end];
        let caps = ctx.caps[tokens.start];
        // A person form wins over a country or office form it shares
        // ("Jordan" the person in a list of people): settled in linking.
        // Otherwise the first entry whose case fits.
        let mut first = None;
        for e in entries {
            if !matcher::case_ok(e.form(ctx.gaz), matched, e.target, caps) {
                continue;
            }
            if matches!(e.target, Target::Person { .. }) {
                first = Some(e.target);
                break;
            }
            first = first.or(Some(e.target));
        }
        let (kind, target, rule, demonym) = match first? {
            Target::Country {
                index,
                ambiguous,
                demonym,
            } => (
                EntityKind::Country,
                index,
                if ambiguous { "gazetteer-ambiguous" } else { "gazetteer" },
                demonym,
            ),
            Target::Person { index } => (EntityKind::Person, index, "gazetteer", false),
            Target::Office { index, .. } => (EntityKind::Office, index, "gazetteer", false),
        };
        if kind != EntityKind::Country && !at_start {
            return None;
        }
        let last = tokens.end;
        ctx.push(Mention {
            start,
            end,
            tokens,
            kind,
            target,
            cluster: NONE,
            rule,
            canonical: None,
            demonym,
        });
        Some(last)
    }
}

/// Sets [`Ctx::cap_word`] of one sentence's `tokens` (`first` is the index
/// of the first), written in capitals throughout or not, and lists its
/// capitalised [`Ctx::candidates`]. Returns the counts [`is_shouted`] takes:
/// the words in capitals, and those starting in lower case.
// Out of line: inlined into the tagging, its loop kept pointers on the stack.
#[inline(never)]
fn word_flags(
    tokens: &[Token],
    first: usize,
    shouted: bool,
    cap_word: &mut [bool],
    candidates: &mut Vec<u32>,
) -> (usize, usize) {
    let mut counts = 0u64;
    let classes = &CLASSES[usize::from(shouted)];
    for ((t, cap), i) in tokens.iter().zip(cap_word).zip(first..) {
        let class = classes[class_index(t)];
        counts += class.counts;
        *cap = class.cap;
        if class.candidate {
            candidates.push(i as u32);
        }
    }
    // (Token offsets are `u32`: neither count can reach the other's half.)
    ((counts & u64::from(u32::MAX)) as usize, (counts >> 32) as usize)
}

/// What [`word_flags`] makes of a token from its kind and shape alone.
#[derive(Clone, Copy)]
struct Class {
    /// One for a word in capitals ("NATO"), and one in the upper half for
    /// a word starting in lower case: both counts are kept in one sum.
    counts: u64,
    /// [`Ctx::is_cap_word`].
    cap: bool,
    /// In [`Ctx::candidates`].
    candidate: bool,
}

/// The kinds of token: [`CLASSES`] has a block of rows for each.
const KINDS: usize = 4;

// `Punct` is the last kind: a kind added after it needs rows too.
const _: () = assert!(TokenKind::Punct as usize == KINDS - 1);

/// A token's row in [`CLASSES`]: its kind, and its shape.
fn class_index(t: &Token) -> usize {
    let shape = t.shape;
    // Put together in a byte, the three shape bits are seen to be the
    // shape's own low bits and taken with one mask; in a `usize` each was
    // masked, shifted and added on its own.
    let bits =
        u8::from(shape.is_lower_start()) << 2 | u8::from(shape.is_all_upper()) << 1 | u8::from(shape.is_capitalised());
    // The kind as it is, where a test for words took a compare and a set.
    (t.kind as usize) << 3 | usize::from(bits)
}

/// [`Class`] by [`class_index`], in running text and in a shouted headline:
/// one load per token where the tests were a dozen operations, and every
/// token of an article is taken.
const CLASSES: [[Class; 8 * KINDS]; 2] = {
    let mut table = [[Class {
        counts: 0,
        cap: false,
        candidate: false,
    }; 8 * KINDS]; 2];
    let mut shouted = 0;
    while shouted < 2 {
        let mut i = 0;
        while i < 8 * KINDS {
            let word = i >> 3 == TokenKind::Word as usize;
            let (lower, all_upper, capitalised) = (i & 4 != 0, i & 2 != 0, i & 1 != 0);
            let cap = word && capitalised && (!all_upper || shouted == 1);
            table[shouted][i] = Class {
                counts: (word && all_upper) as u64 | ((word && lower) as u64) << 32,
                cap,
                candidate: word && (capitalised || shouted == 1),
            };
            i += 1;
        }
        shouted += 1;
    }
    table
};

/// Is this sentence written in capitals (a shouted headline)? At least two
/// words, and no word with lower-case letters except short function words.
/// Most words start in lower case, which the shape says without decoding:
/// `upper` and `lower_start` count the sentence's words in capitals and
/// those starting in lower case ([`word_flags`]).
fn is_shouted(text: &str, tokens: &[Token], (upper, lower_start): (usize, usize)) -> bool {
    // Words starting in lower case are a lower bound of the words with
    // lower-case letters: counted without branches, they settle nearly
    // every sentence. (No word is both all capitals and lower-case first,
    // so the two counts never hold the same word.)
    if upper < 2 || upper < 4 * lower_start {
        return false;
    }
    let lower = tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word && !t.shape.is_all_upper())
        .filter(|t| t.shape.is_lower_start() || t.text(text).chars().any(char::is_lowercase))
        .count();
    upper >= 4 * lower
}

#[cfg(test)]
mod tests;
