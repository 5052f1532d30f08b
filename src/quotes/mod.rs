//! Quotes: direct, indirect and mixed reported speech, their cues, their
//! local speaker mentions, and the people behind them.
//!
//! The stage works on the segmented, entity-tagged article:
//!
//! 1. [`marks`] pairs quotation marks (curly, straight, doubled apostrophes,
//!    guillemets; quotations over several paragraphs);
//! 2. [`cues`] finds the cue lexicon's forms outside quotations;
//! 3. [`attribute`] reads the patterns that tie a cue to a source and a
//!    content: `"Q," S said`, `S said: "Q"`, `S said (that) C`, `C, S said`,
//!    `C, said S`, `According to S, C`, `..., saying (that) C`, fronted
//!    participles, coordinated cues, headlines, and quotation paragraphs with
//!    no cue that continue the previous speaker;
//! 4. [`speaker`] resolves each source to a person: a name, a pronoun (the
//!    most recent compatible subject), a description ("the senior diplomat",
//!    from the offices and nouns tied to each person), or an organisation or
//!    group kept by name only.

mod attribute;
mod cues;
mod holding;
mod marks;
mod phrases;
mod speaker;

use std::ops::Range;

use crate::entities::{NONE, Tagged, flag, refill};
use crate::gazetteer::Gazetteers;
use crate::record::{CueClass, EntityKind, QuoteKind};
use crate::segment::{Segmentation, Token};

pub(crate) use cues::CueHit;
pub(crate) use marks::Quoted;

/// One attribution, in byte offsets.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Found {
    pub kind: QuoteKind,
    pub class: CueClass,
    pub content: Vec<(usize, usize)>,
    pub cue: Option<(usize, usize)>,
    pub source: Option<(usize, usize)>,
    /// Tokens of the source phrase.
    pub source_tokens: Option<Range<usize>>,
    /// The person cluster of the speaker.
    pub speaker: Option<u32>,
    /// Name of the speaker when not a person (an organisation, a group).
    pub speaker_name: Option<String>,
    pub confidence: f64,
    /// How the speaker was found, for confidence and debugging.
    pub how: Resolution,
    /// The cue sits inside another attribution's content ("he said she
    /// told him ..."): less certain to be an attribution of its own.
    pub nested: bool,
    /// The office mention (index into the tagged mentions) that described
    /// the speaker ("the Tory leader"): the speaker holds it.
    pub office: Option<u32>,
}

impl Found {
    /// An attribution of `content` with no cue, source or speaker yet; the
    /// patterns fill in what they found with struct update syntax.
    pub(crate) fn new(kind: QuoteKind, class: CueClass, content: Vec<(usize, usize)>) -> Found {
        Found {
            kind,
            class,
            content,
            cue: None,
            source: None,
            source_tokens: None,
            speaker: None,
            speaker_name: None,
            confidence: 0.0,
            how: Resolution::None,
            nested: false,
            office: None,
        }
    }
}

/// How a speaker was resolved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Resolution {
    /// Not yet, or not at all.
    None,
    /// The source names the person.
    Named,
    /// A pronoun, to the most recent compatible subject.
    Pronoun,
    /// A description ("the senior diplomat").
    Description,
    /// A quotation paragraph with no cue, given to the previous speaker.
    Floating,
    /// An organisation or group, kept by name.
    Group,
}

/// The per-token arrays and the quotation lists of [`QuoteFinder::find`],
/// kept by a thread from one article to the next instead of allocated for
/// each.
#[derive(Debug, Default)]
pub(crate) struct QuoteBuffers {
    quote_of: Vec<u32>,
    mention_of: Vec<u32>,
    cue_at: Vec<u32>,
    quotes: Vec<Quoted>,
    marks: marks::MarkBuffers,
}

/// Everything the quote patterns read about one article.
pub(crate) struct QCtx<'a> {
    pub text: &'a str,
    pub seg: &'a Segmentation,
    pub tagged: &'a Tagged,
    pub gaz: &'a Gazetteers,
    pub quotes: Vec<Quoted>,
    /// Per token: index of the outermost quotation holding it, or NONE.
    pub quote_of: Vec<u32>,
    /// Per token: the mention covering it (index into tagged.mentions), or NONE.
    pub mention_of: Vec<u32>,
    /// Per token: a cue hit starts here (index into `hits`), or NONE.
    pub cue_at: Vec<u32>,
    pub hits: Vec<CueHit>,
    /// Byte offset where site furniture (related stories, copyright) begins.
    pub boilerplate: usize,
}

impl<'a> QCtx<'a> {
    #[inline]
    pub fn tok(&self, i: usize) -> &Token {
        &self.seg.tokens[i]
    }

    #[inline]
    pub fn word(&self, i: usize) -> &'a str {
        self.seg.tokens[i].text(self.text)
    }

    /// Token `i`'s text as bytes: sliced without the tests of character
    /// boundaries that a `str` slice makes.
    #[inline]
    pub fn bytes(&self, i: usize) -> &'a [u8] {
        self.seg.tokens[i].bytes(self.text)
    }

    /// Is token `i` the word or mark `w`? Compared as bytes, which the
    /// patterns ask far more often than they need the text itself.
    #[inline]
    pub fn is(&self, i: usize, w: &str) -> bool {
        self.bytes(i) == w.as_bytes()
    }

    /// True inside a quotation (the marks themselves excluded).
    #[inline]
    pub fn in_quote(&self, i: usize) -> bool {
        self.quote_of[i] != NONE && !self.is_mark(i)
    }

    /// The token is a quote mark.
    #[inline]
    pub fn is_mark(&self, i: usize) -> bool {
        let q = self.quote_of[i];
        if q == NONE {
            return false;
        }
        let q = &self.quotes[q as usize];
        let t = self.tok(i);
        t.start as usize == q.open || t.end as usize == q.close
    }

    /// The token opens a quotation.
    #[inline]
    pub fn opens_quote(&self, i: usize) -> bool {
        let q = self.quote_of[i];
        q != NONE && self.quotes[q as usize].open == self.tok(i).start as usize
    }

    /// The token closes a quotation.
    #[inline]
    pub fn closes_quote(&self, i: usize) -> bool {
        let q = self.quote_of[i];
        q != NONE && self.quotes[q as usize].close == self.tok(i).end as usize
    }

    /// A cue starts at token `i`.
    #[inline]
    pub fn is_cue_start(&self, i: usize) -> bool {
        self.cue_at.get(i).is_some_and(|&h| h != NONE)
    }

    /// Kind of the entity mention covering token `i`.
    #[inline]
    pub fn mention_kind(&self, i: usize) -> Option<EntityKind> {
        let m = *self.mention_of.get(i)?;
        (m != NONE).then(|| self.tagged.mentions[m as usize].kind)
    }

    /// The person cluster of the person mention covering token `i`.
    #[inline]
    pub fn person_cluster(&self, i: usize) -> Option<u32> {
        let m = *self.mention_of.get(i)?;
        if m == NONE {
            return None;
        }
        let m = &self.tagged.mentions[m as usize];
        (m.kind == EntityKind::Person && m.cluster != NONE).then_some(m.cluster)
    }

    /// True for the first word of its sentence (after opening punctuation).
    pub fn sentence_initial(&self, i: usize) -> bool {
        let Some(s) = self.seg.sentence_at(self.tok(i).start as usize) else {
            return false;
        };
        let s = &self.seg.sentences[s];
        (s.tokens.start..i).all(|k| self.seg.tokens[k].kind == crate::segment::TokenKind::Punct)
    }

    /// The closed classes ([`phrases::CLOSED`] lexicon flags) of token `i`.
    #[inline]
    pub fn word_class(&self, i: usize) -> u32 {
        match self.lexicon_flags(i) {
            Some(flags) => flags & phrases::CLOSED,
            None => phrases::closed_classes(self.word(i)),
        }
    }

    /// The lexicon flags of token `i`, when they answer for its text
    /// exactly as the word lists do ([`lexicon::flags_answer_for`]).
    /// Other tokens, or an article tagged without flags, ask the lists.
    /// Judged from the token alone, as most callers never need its text.
    ///
    /// [`lexicon::flags_answer_for`]: crate::entities::lexicon::flags_answer_for
    #[inline]
    fn lexicon_flags(&self, i: usize) -> Option<u32> {
        let flags = *self.tagged.flags.get(i)?;
        crate::entities::lexicon::flags_answer_for(self.tok(i)).then_some(flags)
    }

    /// Token `i` is a noun of the noun lexicon (any case).
    pub fn is_noun(&self, i: usize) -> bool {
        match self.lexicon_flags(i) {
            Some(flags) => flags & flag::NOUN != 0,
            None => crate::text::with_lower(self.word(i), |lw| self.gaz.nouns.contains_key(lw)),
        }
    }

    /// Token `i` is a function word.
    pub fn is_function_word(&self, i: usize) -> bool {
        self.listed(i, flag::FUNCTION, crate::entities::is_function_word)
    }

    /// Token `i` is a description adjective ("senior").
    pub fn is_description_adjective(&self, i: usize) -> bool {
        self.listed(
            i,
            flag::DESCRIPTION_ADJECTIVE,
            crate::entities::is_description_adjective,
        )
    }

    /// Token `i` is a kind of organisation ("company", "bank", "club").
    pub fn is_organisation_noun(&self, i: usize) -> bool {
        self.listed(i, flag::ORGANISATION_NOUN, crate::entities::is_organisation_noun)
    }

    /// Is token `i` in the list behind the lexicon flag `f`? The flag
    /// answers where [`QCtx::lexicon_flags`] does; other tokens ask the
    /// list.
    #[inline]
    fn listed(&self, i: usize, f: u32, list: fn(&str) -> bool) -> bool {
        match self.lexicon_flags(i) {
            Some(flags) => flags & f != 0,
            None => list(self.word(i)),
        }
    }

    /// Is token `i` an honorific ("Mr", "Sen.")? A trailing period is
    /// stripped before the list is asked, which the lexicon's key does not
    /// do: such words, like non-ASCII ones, take the list's own path.
    pub fn is_honorific(&self, i: usize) -> bool {
        let w = self.word(i);
        match self.lexicon_flags(i) {
            Some(flags) if !w.ends_with('.') => flags & flag::HONORIFIC != 0,
            _ => crate::entities::honorific(w).is_some(),
        }
    }

    /// Byte range of a token range.
    #[inline]
    pub fn span(&self, r: &Range<usize>) -> (usize, usize) {
        (self.tok(r.start).start as usize, self.tok(r.end - 1).end as usize)
    }
}

/// Finds quotes. Built once per pipeline.
#[derive(Clone, Debug)]
pub(crate) struct QuoteFinder {
    classes: Vec<CueClass>,
}

impl QuoteFinder {
    /// A finder for cues of the given classes.
    pub fn new(classes: &[CueClass]) -> QuoteFinder {
        QuoteFinder {
            classes: classes.to_vec(),
        }
    }

    /// Every attribution of one article, in text order, with per-token
    /// arrays from `bufs` (a thread's reused ones, or
    /// `QuoteBuffers::default()`).
    pub fn find(
        &self,
        text: &str,
        seg: &Segmentation,
        tagged: &Tagged,
        gaz: &Gazetteers,
        warnings: &mut Vec<String>,
        bufs: &mut QuoteBuffers,
    ) -> Vec<Found> {
        let n = seg.tokens.len();
        let mut quotes = std::mem::take(&mut bufs.quotes);
        marks::pair_quotes(text, seg, warnings, &mut quotes, &mut bufs.marks);
        let mut quote_of = refill(&mut bufs.quote_of, n, NONE);
        for (qi, q) in quotes.iter().enumerate().filter(|(_, q)| q.depth == 0) {
            for slot in &mut quote_of[q.open_tok..q.close_tok] {
                if *slot == NONE {
                    *slot = qi as u32;
                }
            }
        }
        let mut mention_of = refill(&mut bufs.mention_of, n, NONE);
        for (mi, m) in tagged.mentions.iter().enumerate() {
            for t in m.tokens.clone() {
                if t < n && (mention_of[t] == NONE || m.kind == EntityKind::Person) {
                    mention_of[t] = mi as u32;
                }
            }
        }
        let inside = |i: usize| {
            let q = quote_of[i];
            q != NONE && {
                let q = &quotes[q as usize];
                let t = &seg.tokens[i];
                t.start as usize != q.open && t.end as usize != q.close
            }
        };
        let hits = cues::find_cues(text, seg, &gaz.cues, &self.classes, &tagged.flags, inside);
        let mut cue_at = refill(&mut bufs.cue_at, n, NONE);
        for (h, hit) in hits.iter().enumerate() {
            cue_at[hit.first] = h as u32;
        }
        let ctx = QCtx {
            text,
            seg,
            tagged,
            gaz,
            boilerplate: boilerplate_start(text, seg),
            quotes,
            quote_of,
            mention_of,
            cue_at,
            hits,
        };
        let (mut found, outer) = attribute::attribute(&ctx);
        speaker::resolve(&ctx, &mut found, &outer);
        found.sort_by_key(|f| (f.content.first().map_or(0, |c| c.0), f.cue.map_or(0, |c| c.0)));
        bufs.quote_of = ctx.quote_of;
        bufs.mention_of = ctx.mention_of;
        bufs.cue_at = ctx.cue_at;
        bufs.quotes = ctx.quotes;
        found
    }
}

/// Headings that start the furniture of a web page after the article:
/// related stories, photo galleries, copyright lines.
#[rustfmt::skip]
const FURNITURE: &[&str] = &[
    "photos", "photo", "related stories", "related", "related articles", "related news", "read more",
    "more on this story", "more stories", "recommended", "you may also like", "see also", "most read", "most popular",
    "trending", "advertisement", "share this", "share", "follow us", "subscribe", "comments", "copyright",
];

/// The longest paragraph taken for furniture, in bytes: a copyright notice
/// with its conditions of use is about 150.
const FURNITURE_MAX: usize = 320;

/// Byte offset of the first furniture heading in the last part of the
/// article (or the text length when there is none).
fn boilerplate_start(text: &str, seg: &Segmentation) -> usize {
    let half = text.len() / 3;
    for p in &seg.paragraphs {
        if (p.start as usize) < half {
            continue;
        }
        let body = text[p.start as usize..p.end as usize].trim();
        // Headings and copyright lines are short; paragraphs of prose are
        // not lower-cased for nothing.
        if body.len() > FURNITURE_MAX {
            continue;
        }
        let lower = body.to_lowercase();
        if FURNITURE.contains(&lower.trim_end_matches(':'))
            || lower.starts_with("copyright ©")
            || lower.starts_with("© ")
            || lower.contains("all rights reserved")
        {
            return p.start as usize;
        }
    }
    text.len()
}

#[cfg(test)]
mod tests;
