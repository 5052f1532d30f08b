//! The patterns that tie cues, sources and contents together.

use std::ops::Range;

use super::phrases::{np_after, np_before};
use super::{CueHit, Found, QCtx, Quoted, Resolution};
use crate::entities::NONE;
use crate::gazetteer::{CueType, Frames};
use crate::record::{CueClass, QuoteKind};
use crate::segment::TokenKind;

/// Cues whose object is the person spoken to: the content comes after it.
fn takes_addressee(lemma: &str) -> bool {
    matches!(
        lemma,
        "tell"
            | "ask"
            | "inform"
            | "assure"
            | "reassure"
            | "remind"
            | "warn"
            | "advise"
            | "urge"
            | "promise"
            | "caution"
            | "brief"
            | "notify"
            | "convince"
            | "persuade"
    )
}

struct State {
    out: Vec<Found>,
    used_hit: Vec<bool>,
    used_quote: Vec<bool>,
    /// Per sentence: the first and last attribution (index into `out`)
    /// whose source begins there, NONE for none; the rest are chained in
    /// `next_in_sentence`, in the order found. Looking for an earlier
    /// subject in a sentence then scans neither every attribution nor a
    /// hash map built per article.
    sentence_ends: Vec<(u32, u32)>,
    /// Per attribution: the next one whose source begins in its sentence.
    next_in_sentence: Vec<u32>,
}

impl State {
    /// Adds an attribution, its source's sentence looked up.
    fn push(&mut self, c: &QCtx, f: Found) {
        let sentence = f
            .source_tokens
            .as_ref()
            .filter(|s| s.start < c.seg.tokens.len())
            .map(|s| sentence_of(c, s.start));
        self.push_in(f, sentence);
    }

    /// Adds an attribution whose source, if it has one, begins in sentence
    /// `sentence`: the indirect patterns read no further than their cue's
    /// sentence, which they know without a search.
    fn push_in(&mut self, f: Found, sentence: Option<usize>) {
        let k = self.out.len() as u32;
        self.next_in_sentence.push(NONE);
        if f.source_tokens.is_some()
            && let Some(ends) = sentence.and_then(|s| self.sentence_ends.get_mut(s))
        {
            if ends.0 == NONE {
                ends.0 = k;
            } else {
                self.next_in_sentence[ends.1 as usize] = k;
            }
            ends.1 = k;
        }
        self.out.push(f);
    }

    /// The first-starting source among the attributions found so far whose
    /// source lies in the tokens `lo..before` (within one sentence).
    fn first_source(&self, c: &QCtx, lo: usize, before: usize) -> Option<Range<usize>> {
        if lo >= c.seg.tokens.len() {
            return None;
        }
        let mut k = self.sentence_ends.get(sentence_of(c, lo))?.0;
        let chain = std::iter::from_fn(|| {
            let here = (k != NONE).then_some(k as usize)?;
            k = self.next_in_sentence[here];
            Some(here)
        });
        // The first few attributions of a sentence hold its subject; a
        // sentence of thousands of coordinated cues ("... and says he ...")
        // must not make each of them walk all the ones before it.
        chain
            .take(FIRST_SOURCES)
            .filter_map(|i| self.out[i].source_tokens.clone())
            .filter(|s| s.start >= lo && s.end <= before)
            .min_by_key(|s| s.start)
    }
}

/// How many of a sentence's attributions [`State::first_source`] reads.
const FIRST_SOURCES: usize = 32;

/// Every attribution of the article, and for each the first (in that
/// order) whose content holds its cue, if any: the quotation it is
/// reported inside.
pub(super) fn attribute(c: &QCtx) -> (Vec<Found>, Vec<Option<usize>>) {
    let mut st = State {
        // A direct quote takes a cue and a quotation, an indirect one a
        // cue: about as many attributions as the more numerous of the two,
        // reserved up front rather than regrown as they come.
        out: Vec::with_capacity(c.hits.len().max(c.quotes.len())),
        used_hit: vec![false; c.hits.len()],
        used_quote: vec![false; c.quotes.len()],
        sentence_ends: vec![(NONE, NONE); c.seg.sentences.len().max(1)],
        next_in_sentence: Vec::new(),
    };
    direct(c, &mut st);
    indirect(c, &mut st);
    floating(c, &mut st);
    for f in &mut st.out {
        if f.kind == QuoteKind::Indirect && contains_quotation(c, &f.content) {
            f.kind = QuoteKind::Mixed;
        }
    }
    // A belief or plan reported inside someone's words ("he said he wants
    // ...") is part of what they said, not an attribution of its own.
    let held = held_cues(&st.out);
    let found = st.out.len();
    let mut keep = held.iter();
    st.out
        .retain(|f| !(keep.next().is_some_and(|h| h.nested) && f.class != CueClass::Speech));
    // When none was dropped, every cue sits where it sat: the answers stand.
    let held = if st.out.len() == found {
        held
    } else {
        held_cues(&st.out)
    };
    let outer = held
        .iter()
        .zip(&mut st.out)
        .map(|(h, f)| {
            f.nested = h.nested;
            h.outer
        })
        .collect();
    (st.out, outer)
}

/// Which attributions' content holds an attribution's cue.
struct Held {
    /// Another one's does.
    nested: bool,
    /// The first whose does (perhaps itself).
    outer: Option<usize>,
}

/// For each attribution: what holds its cue ([`Held`]), from one index of
/// the contents.
fn held_cues(all: &[Found]) -> Vec<Held> {
    let index = super::holding::ContentIndex::new(all);
    all.iter()
        .enumerate()
        .map(|(k, f)| {
            let mut held = Held {
                nested: false,
                outer: None,
            };
            if let Some((cs, ce)) = f.cue {
                for o in index.holding(cs, ce) {
                    held.nested |= o != k;
                    held.outer = Some(held.outer.map_or(o, |first| first.min(o)));
                }
            }
            held
        })
        .collect()
}

fn sentence_of(c: &QCtx, t: usize) -> usize {
    c.seg.sentence_at(c.tok(t).start as usize).unwrap_or(0)
}

/// Is token `t` in paragraph `p`? Its token range answers without the
/// search for the paragraph holding the token's offset.
fn in_paragraph(c: &QCtx, t: usize, p: usize) -> bool {
    c.seg.paragraphs.get(p).is_some_and(|p| p.tokens.contains(&t))
}

fn sentence_tokens(c: &QCtx, s: usize) -> Range<usize> {
    c.seg.sentences[s].tokens.clone()
}

fn contains_quotation(c: &QCtx, content: &[(usize, usize)]) -> bool {
    // The quotations are sorted by where they open: look only at those that
    // open inside the span.
    content.iter().any(|&(s, e)| {
        let first = c.quotes.partition_point(|q| q.open < s);
        c.quotes[first..]
            .iter()
            .take_while(|q| q.open < e)
            .any(|q| q.depth == 0 && q.close <= e)
    })
}

fn hit_span(c: &QCtx, h: &CueHit) -> (usize, usize) {
    c.span(&(h.first..h.end))
}

/// The hit whose cue span starts at token `i`.
fn hit_at(c: &QCtx, i: usize) -> Option<usize> {
    let h = *c.cue_at.get(i)?;
    (h != NONE).then_some(h as usize)
}

/// Quotation is long enough, or punctuated, to be speech rather than a
/// phrase in scare quotes.
fn speechlike(c: &QCtx, q: &Quoted) -> bool {
    let inner = c.text[q.inner_start..q.inner_end].trim();
    // (Counting stops at five: a quotation may be paragraphs long.)
    let words = inner.split_whitespace().take(5).count();
    words >= 5 || (words >= 2 && inner.ends_with(['.', ',', '!', '?', '…']))
}

fn direct(c: &QCtx, st: &mut State) {
    for qi in 0..c.quotes.len() {
        let q = &c.quotes[qi];
        // A continuing quotation is attributed with the one it continues,
        // unless the chain stopped before it.
        if q.depth != 0 || st.used_quote[qi] || q.open >= c.boilerplate {
            continue;
        }
        let (open_tok, close_tok) = (q.open_tok, q.close_tok);
        if close_tok == 0 || open_tok >= c.seg.tokens.len() || names_a_title(c, q, open_tok) {
            continue;
        }
        // 'Obama said "it gets me mad" every time ...': a few words quoted
        // right after a verb that reports a clause are part of what it
        // reports, which the indirect patterns take whole.
        let cue_before = cue_ending_at(c, open_tok, st);
        if cue_before.is_some_and(|h| reports_quoted_words(c.gaz.cues.cue(c.hits[h].cue))) && !speechlike(c, q) {
            continue;
        }
        // 'a group called "the best minds of the town"': a participle that
        // names, after the noun it describes, reports no words.
        if cue_before.is_some_and(|h| names_after_noun(c, &c.hits[h])) {
            continue;
        }
        // '"Q." Mr Morgan said he had only told Ms Hutt ...': a cue after
        // a quotation that ends its own sentence reports a clause of its
        // own too, which the indirect patterns still take (so its hit is
        // shared), and a cue before the quotation ('Lord Armstrong told
        // Newsnight: "Q."') is the better one.
        let right = right_pattern(c, q, close_tok, st).map(|(hit, source)| {
            let after = attribution_end(&c.hits[hit], &source);
            (hit, source, reports_own_clause(c, q, after))
        });
        let found = match right {
            Some((hit, source, false)) => Some((hit, source, false)),
            right => left_pattern(c, q, open_tok, st)
                .or_else(|| colon_paragraph(c, q, open_tok, st))
                .map(|(hit, source)| (hit, source, false))
                .or(right),
        };
        let Some((hit, source, shared)) = found else {
            continue;
        };
        if !shared {
            st.used_hit[hit] = true;
        }
        let h = &c.hits[hit];
        let after = attribution_end(h, &source);
        let mut content = vec![(q.open, q.close)];
        st.used_quote[qi] = true;
        follow_chain(c, qi, &mut content, st);
        // More quotations that belong to the same attribution: ', "Q2"'
        // after the cue, and quotation sentences after it in the paragraph.
        join_following(c, after, q.paragraph, &mut content, st);
        let mut cue = hit_span(c, h);
        // "said:" — a colon right after the cue belongs to it.
        if h.end < c.seg.tokens.len() && c.is(h.end, ":") && c.tok(h.end).end as usize <= q.open {
            cue.1 = c.tok(h.end).end as usize;
        }
        st.push(
            c,
            Found {
                cue: Some(cue),
                source: source.as_ref().map(|s| c.span(s)),
                source_tokens: source,
                ..Found::new(QuoteKind::Direct, h.class, content)
            },
        );
    }
    transcript(c, st);
}

/// One past the last token of a cue and its source, whichever ends later.
fn attribution_end(h: &CueHit, source: &Option<Range<usize>>) -> usize {
    source.as_ref().map_or(h.end, |s| s.end.max(h.end))
}

/// Does the attribution that ends at token `after`, after quotation `q`
/// which ends in its own sentence punctuation, run on into words of its
/// own: more than a few ("Biden asked reporters on Monday.") before its
/// sentence ends?
fn reports_own_clause(c: &QCtx, q: &Quoted, after: usize) -> bool {
    let n = c.seg.tokens.len();
    if after >= n
        || after <= q.close_tok
        || !c.text[q.inner_start..q.inner_end]
            .trim_end()
            .ends_with(['.', '?', '!', '…'])
    {
        return false;
    }
    let end = sentence_tokens(c, sentence_of(c, after - 1)).end;
    (after..end)
        .filter(|&t| matches!(c.tok(t).kind, TokenKind::Word | TokenKind::Number))
        .nth(3)
        .is_some()
}

/// Does a verb that reports a clause report the few words quoted right
/// after it ('said "it gets me mad" every time')? "call" names instead ('a
/// book called "Women Who Work"').
fn reports_quoted_words(cue: &crate::gazetteer::Cue) -> bool {
    cue.frames.has(Frames::CLAUSE) && cue.lemma != "call"
}

/// Is the cue `h` a participle of naming right after a noun in lower case
/// ("a book called", "a website named"), not a verb with its subject ("he
/// called", "Trump dubbed")?
fn names_after_noun(c: &QCtx, h: &CueHit) -> bool {
    let lemma = c.gaz.cues.cue(h.cue).lemma.as_str();
    h.first == h.head
        && h.tense == crate::gazetteer::Tense::Past
        && matches!(lemma, "call" | "name" | "dub" | "title" | "entitle" | "label")
        && h.first > 0
        && {
            let p = h.first - 1;
            c.tok(p).kind == TokenKind::Word
                && c.tok(p).shape.is_lower_start()
                && !super::phrases::is_pronoun(c.word(p))
                && !c.is_function_word(p)
        }
}

/// The unused verb cue that ends right before token `at`, with nothing
/// between ("said" in 'said "Q"').
fn cue_ending_at(c: &QCtx, at: usize, st: &State) -> Option<usize> {
    (at.saturating_sub(4)..at).rev().find_map(|k| {
        hit_at(c, k).filter(|&h| !st.used_hit[h] && c.hits[h].kind == CueType::Verb && c.hits[h].end == at)
    })
}

/// `"Q," S said` / `"Q," said S` / `"Q" S told reporters`.
fn right_pattern(c: &QCtx, q: &Quoted, close_tok: usize, st: &State) -> Option<(usize, Option<Range<usize>>)> {
    if close_tok >= c.seg.tokens.len() || close_tok == 0 {
        return None;
    }
    let s = sentence_of(c, close_tok - 1);
    let mut range = sentence_tokens(c, s);
    // '"Why?" Biden asked.': a quotation ending in its own sentence
    // punctuation ends the sentence, but the attribution that follows it in
    // the paragraph still belongs to it.
    let inner = c.text[q.inner_start..q.inner_end].trim_end();
    if range.end == close_tok
        && inner.ends_with(['?', '!', '.', '…'])
        && close_tok < c.seg.tokens.len()
        && in_paragraph(c, close_tok, q.paragraph)
    {
        range = sentence_tokens(c, sentence_of(c, close_tok));
    }
    let mut j = close_tok;
    if j < range.end && c.is(j, ",") {
        j += 1;
    }
    if j >= range.end || !in_paragraph(c, j, q.paragraph) {
        return None;
    }
    // Cue first: "said Smith", "according to CNN".
    if let Some(h) = hit_at(c, j).filter(|&h| {
        !st.used_hit[h]
            && matches!(c.hits[h].kind, CueType::Verb | CueType::Prep)
            && !noun_before_verb(c, &c.hits[h], range.end.min(j + 30), st)
    }) {
        let hit = &c.hits[h];
        if let Some(src) = np_after(c, hit.end, range.end) {
            return Some((h, Some(src)));
        }
    }
    // Source first: "Smith said", "the senior diplomat told reporters", "a
    // narrator in the Clinton ad asks".
    for k in j + 1..range.end.min(j + 30) {
        if let Some(h) = hit_at(c, k).filter(|&h| !st.used_hit[h] && c.hits[h].kind == CueType::Verb) {
            if noun_before_verb(c, &c.hits[h], range.end.min(j + 30), st) {
                continue;
            }
            // '"Q" And he heaped praise on him, saying ...': a participle
            // hangs on a clause of its own, which is no speaker's name;
            // '"Q," Smith, smiling broadly, said': one between commas is
            // an aside before the cue.
            if c.hits[h].tense == crate::gazetteer::Tense::Ing {
                if participle_aside(c, &c.hits[h], range.end) {
                    continue;
                }
                return None;
            }
            if np_before(c, k, j).is_some_and(|src| src.start == j)
                || appositive_source(c, k, j).is_some_and(|src| src.start == j)
            {
                return Some((h, Some(j..k)));
            }
            let phrase_like = (j..k).all(|t| {
                let tok = c.tok(t);
                matches!(tok.kind, TokenKind::Word | TokenKind::Possessive | TokenKind::Number)
                    && !super::cues::is_finite_aux(c.word(t))
                    || matches!(c.bytes(t), b"(" | b")" | b"," | b"." | b"-")
            });
            if phrase_like && k - j <= 12 && super::phrases::plausible_source(c, j..k) {
                return Some((h, Some(j..k)));
            }
            return None;
        }
        if c.in_quote(k) || c.opens_quote(k) {
            return None;
        }
    }
    None
}

/// A base form on its own that runs on into another noun phrase word, with
/// a finite verb cue still to come before `hi`, is a noun inside the source:
/// "Sanders campaign manager Jeff Weaver said", "campaign manager Robby Mook
/// said" (but not "heaped praise on Mr Brown, saying").
fn noun_before_verb(c: &QCtx, hit: &CueHit, hi: usize, st: &State) -> bool {
    let base = |g: &CueHit| g.tense == crate::gazetteer::Tense::Base;
    base(hit)
        && hit.first == hit.head
        && c.seg.tokens.get(hit.end).is_some_and(|t| t.kind == TokenKind::Word)
        && !c.is_function_word(hit.end)
        && (hit.end..hi)
            .take_while(|&t| c.tok(t).kind != TokenKind::Punct)
            .any(|t| {
                hit_at(c, t).is_some_and(|g| !st.used_hit[g] && c.hits[g].kind == CueType::Verb && !base(&c.hits[g]))
            })
}

/// `S said: "Q"` / `S told Fox News, "Q"` / `S said "Q"`.
fn left_pattern(c: &QCtx, q: &Quoted, open_tok: usize, st: &State) -> Option<(usize, Option<Range<usize>>)> {
    if open_tok == 0 {
        return None;
    }
    let s = sentence_of(c, open_tok);
    let range = sentence_tokens(c, s);
    let before = open_tok.checked_sub(1).filter(|&b| b >= range.start)?;
    let mark = c.word(before);
    let joined = matches!(mark, ":" | ",");
    if !joined && !speechlike(c, q) {
        return None;
    }
    let last = if joined { before } else { open_tok };
    // The cue ends right before the mark, or a few words before (an
    // addressee, "in a statement").
    let lo = last.saturating_sub(9).max(range.start);
    for k in (lo..last).rev() {
        if c.in_quote(k) {
            return None;
        }
        let Some(h) =
            hit_at(c, k).filter(|&h| !st.used_hit[h] && matches!(c.hits[h].kind, CueType::Verb | CueType::Phrase))
        else {
            continue;
        };
        let hit = &c.hits[h];
        if !joined && hit.end != open_tok {
            return None;
        }
        if hit.end < last && (!c.is(last, ":") && last - hit.end > 4) {
            return None;
        }
        // 'explained CBS moderator Nancy Cordes: "Q"': the speaker after
        // the cue, before the colon.
        let src = source_before(c, hit, range.start, st).or_else(|| {
            (c.is(last, ":") && hit.end < last)
                .then(|| np_after(c, hit.end, last))
                .flatten()
                .filter(|np| np.start == hit.end && np.end == last && super::phrases::plausible_source(c, np.clone()))
        });
        return Some((h, src));
    }
    None
}

/// The speaker phrase of a cue that comes before its quotation: the
/// subject before it, with any appositive; for a participle after a comma
/// ('..., adding: "..."'), the subject of the main clause.
fn source_before(c: &QCtx, hit: &CueHit, lo: usize, st: &State) -> Option<Range<usize>> {
    // (", asking" and "and asking" both hang on the clause's subject.)
    let after_comma = hit.first > lo && matches!(c.bytes(hit.first - 1), b"," | b"and");
    if hit.tense == crate::gazetteer::Tense::Ing && after_comma {
        return main_subject(c, lo, hit.first, st);
    }
    np_before(c, hit.first, lo).or_else(|| appositive_source(c, hit.first, lo))
}

/// The subject of the clause that a participle or a coordinated cue between
/// `lo` and `before` shares: the earliest speaker already found in the
/// sentence (the main clause comes first; a speaker reported inside its
/// content comes later), else the phrase opening the clause.
fn main_subject(c: &QCtx, lo: usize, before: usize, st: &State) -> Option<Range<usize>> {
    st.first_source(c, lo, before).or_else(|| clause_subject(c, lo, before))
}

/// `He said:` closing one paragraph, the quotation opening the next.
fn colon_paragraph(c: &QCtx, q: &Quoted, open_tok: usize, st: &State) -> Option<(usize, Option<Range<usize>>)> {
    let p = &c.seg.paragraphs[q.paragraph];
    if q.open != p.start as usize || q.paragraph == 0 {
        return None;
    }
    let prev = &c.seg.paragraphs[q.paragraph - 1];
    let colon = prev.tokens.end.checked_sub(1)?;
    if !matches!(c.bytes(colon), b":" | b".") || open_tok == 0 {
        return None;
    }
    let s = sentence_of(c, colon);
    let range = sentence_tokens(c, s);
    for k in (colon.saturating_sub(7).max(range.start)..colon).rev() {
        if let Some(h) =
            hit_at(c, k).filter(|&h| !st.used_hit[h] && matches!(c.hits[h].kind, CueType::Verb | CueType::Phrase))
        {
            let hit = &c.hits[h];
            // "Simon Rosenberg told the New Yorker." then a quotation
            // paragraph: the sentence ends in the cue and a short object or
            // adjunct, with no content of its own.
            if c.is(colon, ".")
                && !(hit.end..colon).all(|t| {
                    matches!(
                        c.tok(t).kind,
                        TokenKind::Word | TokenKind::Possessive | TokenKind::Number
                    ) && !matches!(c.bytes(t), b"that" | b"this" | b"it" | b"so")
                        && !c.is_cue_start(t)
                })
            {
                return None;
            }
            let src = source_before(c, hit, range.start, st);
            return Some((h, src));
        }
    }
    None
}

/// Is quotation `q`, which opens at token `open_tok`, the name of a show,
/// a work or a nickname rather than words spoken: a few words opening
/// with a capital, after a preposition or a possessive ('on "CBS This
/// Morning,"', 'Wednesday's "MSNBC Live,"', 'known as "Guccifer,"'), where
/// words spoken are in lower case ('Mr. Kim's "execution has been
/// challenged,"', 'promoted on "certain fringes of the internet,"')?
fn names_a_title(c: &QCtx, q: &Quoted, open_tok: usize) -> bool {
    // `open_tok` is the opening mark; the word before it decides, when it
    // is of the same sentence (looked up only for the few words that link).
    let Some(word) = open_tok.checked_sub(1) else {
        return false;
    };
    let after_link = c.tok(word).kind == TokenKind::Possessive
        || matches!(
            c.bytes(word),
            b"on" | b"in" | b"of" | b"at" | b"from" | b"for" | b"by" | b"with" | b"about" | b"into" | b"as"
        );
    if !after_link || word < sentence_tokens(c, sentence_of(c, open_tok)).start {
        return false;
    }
    title_case(&c.text[q.inner_start..q.inner_end])
}

/// The speaker phrase before the cue at `first` that ends in the title of
/// a show or a work: 'Joe Scarborough, host of MSNBC's "Morning Joe,"
/// suggested', 'the author of "The Long Road" said'.
fn source_over_title(c: &QCtx, first: usize, lo: usize) -> Option<Range<usize>> {
    let close = first.checked_sub(1).filter(|&k| k > lo && c.closes_quote(k))?;
    let q = &c.quotes[c.quote_of[close] as usize];
    let open_tok = q.open_tok;
    if open_tok <= lo + 1 || !names_a_title(c, q, open_tok) {
        return None;
    }
    // The possessive or the preposition before the title.
    let head = np_before(c, open_tok - 1, lo)?;
    let mut start = head.start;
    // ("Joe Scarborough, host of ...": the name before its title.)
    if start > lo + 1
        && c.is(start - 1, ",")
        && let Some(name) = np_before(c, start - 1, lo)
        && (name.start == lo
            || !c.tok(name.start - 1).is_word()
            || crate::text::with_ascii_lower(c.word(name.start - 1), |w| {
                matches!(
                    w,
                    "when" | "while" | "as" | "after" | "before" | "because" | "since" | "and" | "but"
                )
            }))
    {
        start = name.start;
    }
    Some(start..first)
}

/// Are the words of a quotation those of a title: at most six, every word
/// but the short and the small ones capitalised, and no pronoun first
/// ('ended with "I will be back,"')?
fn title_case(inner: &str) -> bool {
    let inner = inner.trim_end_matches([',', '.', '!', '?']);
    let mut words = inner.split_whitespace();
    let capital = |w: &str| w.starts_with(char::is_uppercase);
    let small =
        |w: &str| w.len() < 4 || matches!(w, "with" | "from" | "into" | "over" | "upon" | "than" | "that" | "this");
    // (A long quotation is not counted to its end.)
    words.clone().take(7).count() <= 6
        && words.next().is_some_and(|w| {
            capital(w)
                && !matches!(
                    w,
                    "I" | "I'm"
                        | "We"
                        | "You"
                        | "It"
                        | "He"
                        | "She"
                        | "They"
                        | "This"
                        | "That"
                        | "There"
                        | "What"
                        | "My"
                        | "Our"
                )
        })
        && words.all(|w| small(w) || capital(w))
}

/// Appends to `content` the quotations that continue quotation `qi` in the
/// following paragraphs.
fn follow_chain(c: &QCtx, qi: usize, content: &mut Vec<(usize, usize)>, st: &mut State) {
    let mut cur = qi;
    while c.quotes[cur].continues {
        let Some(next) = (cur + 1..c.quotes.len()).find(|&k| c.quotes[k].depth == 0 && c.quotes[k].continued) else {
            break;
        };
        if c.quotes[next].paragraph != c.quotes[cur].paragraph + 1 {
            break;
        }
        // '... negotiable. ¶ "Well, my friends, ...!" she said.': a
        // continuing quotation with its own cue after it is attributed
        // there. After a period the cue may open the next attribution
        // instead ('"... family." Mr Hannett added: "..."').
        if attributed_again(c, &c.quotes[next], st) {
            break;
        }
        st.used_quote[next] = true;
        content.push((c.quotes[next].open, c.quotes[next].close));
        cur = next;
    }
}

/// After an attribution ending at token `after`: `, "Q2"` in the same
/// sentence, then sentences of the same paragraph that are quotations.
fn join_following(c: &QCtx, after: usize, paragraph: usize, content: &mut Vec<(usize, usize)>, st: &mut State) {
    let n = c.seg.tokens.len();
    let mut i = after;
    // Skip a short adjunct ("in an interview", "on Monday") to the sentence end.
    let s = if i < n {
        sentence_of(c, i.saturating_sub(1))
    } else {
        return;
    };
    let end = sentence_tokens(c, s).end;
    let mut steps = 0;
    while i < end && !c.opens_quote(i) && steps < 8 {
        // A new verb cue begins another attribution; "in a statement" does
        // not, nor a participle that ends the sentence ("said, laughing.").
        if let Some(h) = hit_at(c, i)
            && c.hits[h].kind == CueType::Verb
            && !(c.hits[h].tense == crate::gazetteer::Tense::Ing
                && (c.hits[h].end >= end || matches!(c.bytes(c.hits[h].end), b"." | b"!" | b"?")))
        {
            return;
        }
        i += 1;
        steps += 1;
    }
    if i < end && !c.opens_quote(i) {
        return;
    }
    loop {
        if i >= n || !c.opens_quote(i) {
            return;
        }
        let qi = c.quote_of[i] as usize;
        let q = &c.quotes[qi];
        if q.paragraph != paragraph || st.used_quote[qi] || attributed_again(c, q, st) {
            return;
        }
        st.used_quote[qi] = true;
        content.push((q.open, q.close));
        follow_chain(c, qi, content, st);
        // The next quotation must follow with nothing but its sentence end
        // between.
        let mut j = q.close_tok;
        while j < n && c.tok(j).kind == TokenKind::Punct && !c.opens_quote(j) {
            j += 1;
        }
        i = j;
    }
}

/// Does quotation `q` have a cue of its own right after it, so that it
/// belongs to that cue and not to an attribution before it: '"...," said
/// Smith', '"...!" she said', and a cue in its sentence after its close?
/// A quotation ending in a period may be followed by the next attribution
/// instead ('"... family." Mr Hannett added: "..."').
fn attributed_again(c: &QCtx, q: &Quoted, st: &State) -> bool {
    let n = c.seg.tokens.len();
    let after = q.close_tok;
    if after >= n {
        return false;
    }
    let open = q.open_tok;
    let cue_next = sentence_of(c, after) == sentence_of(c, open.min(n - 1))
        && (c.is_cue_start(after) || (c.is(after, ",") && c.is_cue_start(after + 1)));
    cue_next
        || (c.text[q.inner_start..q.inner_end].trim_end().ends_with([',', '!', '?'])
            && right_pattern(c, q, after, st).is_some())
}

/// Transcripts: a paragraph opening with a name in capitals and a colon
/// ("PENCE: Well, look, ...").
fn transcript(c: &QCtx, st: &mut State) {
    for p in &c.seg.paragraphs {
        let toks = p.tokens.clone();
        let mut i = toks.start;
        if i < toks.end && c.opens_quote(i) {
            i += 1;
        }
        let name_start = i;
        while i < toks.end && i < name_start + 3 && c.tok(i).kind == TokenKind::Word && c.tok(i).shape.is_all_upper() {
            i += 1;
        }
        if i == name_start || i >= toks.end || !c.is(i, ":") || i + 1 >= toks.end {
            continue;
        }
        if c.tok(name_start).start as usize >= c.boilerplate {
            continue;
        }
        let (_, end) = c.span(&(i + 1..toks.end));
        let (start, _) = c.span(&(i + 1..i + 2));
        st.push(
            c,
            Found {
                cue: Some(c.span(&(i..i + 1))),
                source: Some(c.span(&(name_start..i))),
                source_tokens: Some(name_start..i),
                ..Found::new(QuoteKind::Direct, CueClass::Speech, vec![(start, end)])
            },
        );
    }
}

/// When the tokens from `first` are a discourse adverbial ("however", "for
/// instance", "in fact") followed by a comma, that comma.
fn aside_end(c: &QCtx, first: usize) -> Option<usize> {
    let n = c.seg.tokens.len();
    let one = first + 1 < n
        && crate::text::with_ascii_lower(c.word(first), |fw| {
            matches!(
                fw,
                "however" | "though" | "too" | "meanwhile" | "instead" | "moreover" | "nonetheless" | "nevertheless"
            )
        });
    if one {
        return c.is(first + 1, ",").then_some(first + 1);
    }
    let two = first + 2 < n
        && matches!(
            (c.word(first), c.word(first + 1)),
            ("for", "instance" | "example")
                | ("of", "course")
                | ("in", "fact" | "turn" | "particular" | "contrast")
                | ("by", "contrast")
        );
    if two {
        return c.is(first + 2, ",").then_some(first + 2);
    }
    let four = first + 4 < n
        && matches!(
            (c.word(first), c.word(first + 1), c.word(first + 2), c.word(first + 3)),
            ("on", "the", "other", "hand")
        );
    (four && c.is(first + 4, ",")).then_some(first + 4)
}

/// `S, APPOSITIVE, said`: the source with its appositive and trailing comma
/// (without a discourse aside next to the cue, and without its comma), or
/// the subject before a participle aside, when the token before
/// `cue_first` is a comma.
fn appositive_source(c: &QCtx, cue_first: usize, lo: usize) -> Option<Range<usize>> {
    let comma = cue_first.checked_sub(1).filter(|&k| k > lo && c.is(k, ","))?;
    let from = comma.saturating_sub(30).max(lo + 1);
    // Walk back over comma-separated appositives ("Michael Mulgrew,
    // president of the union, which represents teachers, said"): each
    // segment must start like a phrase; the source starts at the phrase
    // before the first of them.
    let mut best = None;
    // Where the source ends: after the last appositive's comma, or before
    // a discourse aside next to the cue ("Leaders, for instance, noted").
    let mut end = comma + 1;
    // The source stands before an occasion ("in July 2012"), and how many
    // phrases were read back.
    let mut after_occasion = false;
    let mut phrases_read = 0;
    // "Speaking on the programme, the spokesperson, X, said": a phrase
    // after a preposition is its object, not the subject.
    let object = |head: &Range<usize>| {
        head.start > lo
            && crate::text::with_lower(c.word(head.start - 1), |w| {
                matches!(
                    w,
                    "on" | "in" | "at" | "to" | "from" | "with" | "by" | "for" | "about" | "into"
                )
            })
    };
    let mut k = comma;
    while k > from {
        k -= 1;
        if c.in_quote(k) || c.opens_quote(k) {
            break;
        }
        if !c.is(k, ",") {
            continue;
        }
        let first = k + 1;
        // "Leaders in the state, for instance, noted": a discourse
        // adverbial between commas hides nothing, and is no part of the
        // source.
        // So is the occasion of the report, when it stands next to the
        // cue: "Judge Stranch, in her dissent, said", "Petrova, on
        // Twitter, wrote", "Clinton, at Monday's debate, cited"; but not
        // a workplace ("Pantucci, at the Royal United Services
        // Institute,", "Miller, at a consulting firm called Gavekal,"),
        // which the source keeps.
        let workplace = c.is(first, "at")
            && (first + 1..comma).any(|t| c.tok(t).shape.is_capitalised() && !super::phrases::is_day(c, t));
        let occasion = matches!(c.bytes(first), b"in" | b"on" | b"at" | b"during" | b"through")
            && !workplace
            && !(first..comma).any(|t| matches!(c.bytes(t), b"," | b"to"))
            && comma - first <= 8;
        let aside = (aside_end(c, first) == Some(comma) || occasion) && end == comma + 1;
        if aside {
            end = k;
            after_occasion = occasion;
        }
        let starts_well = aside
            || crate::text::with_ascii_lower(c.word(first), |fw| {
                matches!(
                fw,
                "a" | "an"
                    | "the"
                    | "who"
                    | "whose"
                    | "which"
                    | "his"
                    | "her"
                    | "their"
                    | "its"
                    | "now"
                    | "then"
                    | "also"
                    | "of"
                    | "from"
                    | "himself"
                    | "herself"
                    | "once"
                    | "formerly"
                    | "former"
            ) || c.tok(first).kind == TokenKind::Number
                || workplace
                // "another early supporter", "many of them Catholics".
                || c.word_class(first) & (crate::entities::flag::DETERMINER | crate::entities::flag::QUANTITY) != 0
                || c.tok(first).shape.is_capitalised()
                || c.mention_kind(first).is_some()
                || c.gaz.nouns.contains_key(fw)
            });
        // "Ms. Beaulieu, saying she would visit next week, urged", "Moya,
        // nicknamed Charly, admitted": a participle clause between the
        // subject and its verb is an aside that the source leaves out.
        let participle = c.tok(first).shape.is_lower_start()
            && c.word(first).len() > 4
            && (c.word(first).ends_with("ing") || c.word(first).ends_with("ed"))
            && !(k + 1..comma).any(|t| c.is(t, ","));
        if participle {
            if let Some(head) = np_before(c, k, lo).filter(|h| h.end == k) {
                return Some(head);
            }
            break;
        }
        if !starts_well {
            break;
        }
        if let Some(head) = np_before(c, k, lo) {
            // ("Earlier Tuesday, his campaign manager, Jeff Weaver, says": a
            // time opening the sentence.)
            let time = super::phrases::date_start(c, head.end - 1, lo).is_some();
            if object(&head) || time {
                // ("killed in Aurora, Colorado, in July 2012, said": a
                // place named inside a clause, before an occasion, is no
                // subject.)
                if after_occasion && phrases_read == 1 {
                    return None;
                }
                break;
            }
            best = Some(head.start..end);
            phrases_read += 1;
        }
    }
    best
}

/// The longest content [`content_after`] takes, in tokens: far past any
/// sentence of prose (news sentences run to a few dozen tokens), so only a
/// text without sentence breaks reaches it. Without it, each cue of such a
/// text read on to its end: a megabyte of "said said ..." took 23 seconds,
/// and the time grew with the square of the length.
const CONTENT_MAX_TOKENS: usize = 1000;

/// The content after a cue, from token `from` to the end of its clause
/// (sentence end, before a participle cue after a comma, a coordinated cue,
/// ", according to", or a semicolon), trimmed of final punctuation; at most
/// [`CONTENT_MAX_TOKENS`] long.
fn content_after(c: &QCtx, from: usize, end: usize, st: &State) -> Option<Range<usize>> {
    let end = end.min(from.saturating_add(CONTENT_MAX_TOKENS));
    let mut stop = end;
    let mut i = from;
    while i < end {
        // Only ";", ",", "and" and "but" end the content: other tokens pass
        // on their length and first byte, without their text being sliced.
        let t = c.tok(i);
        let first = c.text.as_bytes().get(t.start as usize);
        let candidate = match t.end - t.start {
            1 => matches!(first, Some(b';' | b',')),
            3 => matches!(first, Some(b'a' | b'b')),
            _ => false,
        };
        if !candidate {
            i += 1;
            continue;
        }
        let w = c.word(i);
        if w == ";" && !c.in_quote(i) {
            stop = i;
            break;
        }
        if w == "," && i + 2 < end && !c.in_quote(i) && matches!(c.bytes(i + 1), b"but" | b"while" | b"whereas") {
            // ", but Spanish media reported ...": a new attribution begins.
            if (i + 2..end.min(i + 10)).any(|k| hit_at(c, k).is_some_and(|h| c.hits[h].kind == CueType::Verb)) {
                stop = i;
                break;
            }
        }
        if w == "," && i + 1 < end && !c.in_quote(i) {
            let next = i + 1;
            if let Some(h) = hit_at(c, next)
                && !st.used_hit[h]
                && (c.hits[h].participle || c.hits[h].kind == CueType::Prep)
            {
                stop = i;
                break;
            }
        }
        if matches!(w, "and" | "but")
            && i + 1 < end
            && !c.in_quote(i)
            && let Some(h) = hit_at(c, i + 1)
            && c.hits[h].kind == CueType::Verb
            && c.hits[h].tense != crate::gazetteer::Tense::Ing
        {
            stop = i;
            break;
        }
        i += 1;
    }
    trim_content(c, from, stop)
}

/// Does a coordinator stand at token `k`, right after a cue ("TV shows and
/// PR strategies", "he refused and within three weeks ...")? It joins the
/// cue word to what follows, a noun to nouns or a verb to verbs: no clause
/// a cue reports opens with one. (After a source's comma it may: "C, S
/// said, and C2".)
fn coordinator_at(c: &QCtx, k: usize) -> bool {
    !c.in_quote(k) && matches!(c.bytes(k), b"and" | b"or" | b"nor")
}

/// The content before a cue or its source, from the clause start `lo` to
/// token `to` ("C, S said"), trimmed; at most [`CONTENT_MAX_TOKENS`] long,
/// ending at `to`. Without the bound, each of the many cues of a text
/// without sentence breaks ("he said, he said, ...") took all the text
/// before it: a record the square of the text's length.
fn content_before(c: &QCtx, lo: usize, to: usize) -> Option<Range<usize>> {
    trim_content(c, lo.max(to.saturating_sub(CONTENT_MAX_TOKENS)), to)
}

/// The "that" opening a clause after the adjunct that starts at token
/// `adjunct` ("on Twitter that ...", "in an interview with CNN that
/// ..."): within a dozen tokens, before any clause punctuation or
/// quotation, and followed by what opens a clause ("in that spot" has a
/// determiner).
fn clause_after_adjunct(c: &QCtx, adjunct: usize, end: usize) -> Option<usize> {
    let that = (adjunct + 1..end.min(adjunct + 14))
        .take_while(|&k| !matches!(c.bytes(k), b"," | b";" | b":") && !c.in_quote(k) && !c.opens_quote(k))
        .find(|&k| c.is(k, "that"))?;
    let opens = that + 1 < end
        && (c.tok(that + 1).shape.is_capitalised()
            || c.tok(that + 1).kind == TokenKind::Number
            || c.word_class(that + 1) & (crate::entities::flag::PRONOUN | crate::entities::flag::DETERMINER) != 0);
    opens.then_some(that)
}

/// Does token `at`, after "about", "of" or "on", start a topic rather than
/// an approximate count ("about 20 people", "about a dozen") or an idiom
/// ("of course")?
fn topic_follows(c: &QCtx, at: usize) -> bool {
    if c.tok(at).kind == TokenKind::Number {
        return false;
    }
    let count = |w: &str| {
        matches!(
            w,
            "one"
                | "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "eleven"
                | "twelve"
                | "fifteen"
                | "twenty"
                | "thirty"
                | "forty"
                | "fifty"
                | "sixty"
                | "seventy"
                | "eighty"
                | "ninety"
                | "hundred"
                | "hundreds"
                | "thousand"
                | "thousands"
                | "million"
                | "millions"
                | "billion"
                | "dozen"
                | "dozens"
                | "half"
                | "third"
                | "quarter"
                | "course"
                | "average"
                | "balance"
                | "record"
        )
    };
    let w = c.word(at);
    if count(w) {
        return false;
    }
    // "about a dozen", "about a third".
    !(matches!(w, "a" | "an") && at + 1 < c.seg.tokens.len() && count(c.word(at + 1)))
}

/// The comma that closes a participle aside opened by the cue `h` after a
/// comma, when a verb cue follows it: "Smith, citing weak sales, said".
fn aside_comma(c: &QCtx, h: &CueHit, end: usize) -> Option<usize> {
    (h.end..end.min(h.end + 12))
        .find(|&k| c.is(k, ",") && !c.in_quote(k))
        .filter(|&k| {
            hit_at(c, k + 1)
                .is_some_and(|g| c.hits[g].kind == CueType::Verb && c.hits[g].tense != crate::gazetteer::Tense::Ing)
        })
}

/// Is the participle cue `h` an aside between commas, before the verb cue
/// of its clause ("Smith, smiling broadly, said")?
fn participle_aside(c: &QCtx, h: &CueHit, end: usize) -> bool {
    h.first > 0 && c.is(h.first - 1, ",") && aside_comma(c, h, end).is_some()
}

/// How far back [`trim_content`] looks for the "(" of a trailing ")".
const PAREN_LOOKBACK: usize = 64;

/// Drops trailing commas and sentence-final punctuation outside quotation
/// marks, and a closing parenthesis opened before the content; keeps a
/// closing mark and the punctuation inside it.
fn trim_content(c: &QCtx, from: usize, mut to: usize) -> Option<Range<usize>> {
    while to > from {
        let t = to - 1;
        let w = c.word(t);
        let punct = c.tok(t).kind == TokenKind::Punct;
        if punct && !c.is_mark(t) && matches!(w, "." | "," | "!" | "?" | ":" | "—" | "–" | "-" | "…") {
            to -= 1;
            continue;
        }
        // "(A spokeswoman disputed their account.)": the parenthesis the
        // report sits in is not part of it. (Its opening is looked for
        // among the last few hundred tokens only, so that a run of ")"
        // costs no more than its length.)
        if w == ")" && !(from.max(t.saturating_sub(PAREN_LOOKBACK))..t).any(|k| c.is(k, "(")) {
            to -= 1;
            continue;
        }
        break;
    }
    // One word is enough: counting them all made each call as long as the
    // content.
    let has_word = (from..to).any(|t| c.tok(t).kind != TokenKind::Punct);
    (has_word && to > from).then_some(from..to)
}

/// The subject phrase of the clause starting at token `lo` (after a
/// fronted adverbial such as "On Monday,").
fn clause_subject(c: &QCtx, lo: usize, hi: usize) -> Option<Range<usize>> {
    let mut start = lo;
    // Skip an opening adverbial ending in a comma within six words.
    if let Some(k) = (lo..hi.min(lo + 7)).find(|&k| c.is(k, ","))
        && crate::text::with_ascii_lower(c.word(lo), |first| {
            matches!(
                first,
                "on" | "in"
                    | "at"
                    | "after"
                    | "before"
                    | "during"
                    | "earlier"
                    | "later"
                    | "also"
                    | "meanwhile"
                    | "speaking"
                    | "asked"
                    | "last"
                    | "yesterday"
                    | "today"
                    | "separately"
                    | "however"
                    | "but"
                    | "and"
            )
        })
    {
        start = k + 1;
    }
    // The subject runs to the main verb: an auxiliary, a cue, or any word
    // no noun phrase holds ("Wolves manager Marco Bellandi was ...").
    let mut end = start;
    while end < hi
        && !c.is_cue_start(end)
        && (c.person_cluster(end).is_some()
            || c.tok(end).shape.is_capitalised()
            || c.mention_kind(end).is_some()
            || (c.tok(end).kind == TokenKind::Word
                && crate::text::with_lower(c.word(end), |w| c.gaz.nouns.contains_key(w))
                && end > start)
            || (c.is(end, ".") && end > start && c.tok(end - 1).end == c.tok(end).start && c.is_honorific(end - 1)))
    {
        end += 1;
    }
    if end == start {
        // The clause may be empty: ", saying that X," ends the sentence.
        let pronoun = start < hi && super::phrases::is_pronoun(c.word(start));
        return pronoun.then(|| start..start + 1);
    }
    np_before(c, end, start)
}

/// More cues than this in one sentence is not prose (sentences of news
/// hold at most a handful): there, each cue's clause is taken to end at the
/// cues on either side of it, so that thousands of cues in a text without
/// sentence breaks do not each take the text around them as content.
const DENSE_CUES: usize = 32;

fn indirect(c: &QCtx, st: &mut State) {
    let dense = dense_sentences(c);
    for hi in 0..c.hits.len() {
        if st.used_hit[hi] {
            continue;
        }
        let h = c.hits[hi].clone();
        if c.tok(h.first).start as usize >= c.boilerplate || h.kind == CueType::Noun || h.kind == CueType::Phrase {
            continue;
        }
        let range = sentence_tokens(c, h.sentence);
        let (mut lo, mut end) = (range.start, range.end);
        if dense.binary_search(&h.sentence).is_ok() {
            let neighbour = |k: Option<usize>| k.and_then(|k| c.hits.get(k)).filter(|n| n.sentence == h.sentence);
            if let Some(prev) = neighbour(hi.checked_sub(1)) {
                lo = lo.max(prev.end).min(h.first);
            }
            if let Some(next) = neighbour(hi.checked_add(1)) {
                end = end.min(next.first).max(h.end);
            }
        }
        let found = match h.kind {
            CueType::Prep => prep_pattern(c, &h, lo, end, st),
            _ => verb_pattern(c, &h, lo, end, st),
        };
        if let Some(f) = found {
            // Both patterns read no further than `lo..end`, inside the cue's
            // sentence, so their sources begin there.
            debug_assert!(
                f.source_tokens
                    .as_ref()
                    .is_none_or(|s| s.start >= c.seg.tokens.len() || sentence_of(c, s.start) == h.sentence),
                "a source outside its cue's sentence"
            );
            st.used_hit[hi] = true;
            st.push_in(f, Some(h.sentence));
        }
    }
}

/// The sentences holding more than [`DENSE_CUES`] cues, in order: cues
/// come in text order, so a sentence's cues are one run.
fn dense_sentences(c: &QCtx) -> Vec<usize> {
    c.hits
        .chunk_by(|a, b| a.sentence == b.sentence)
        .filter(|run| run.len() > DENSE_CUES)
        .map(|run| run[0].sentence)
        .collect()
}

/// An indirect attribution of `content`, byte spans gathered as the
/// pattern found them (not token ranges to convert into a second vector).
fn new_found(
    c: &QCtx,
    h: &CueHit,
    cue: (usize, usize),
    content: Vec<(usize, usize)>,
    source: Option<Range<usize>>,
) -> Found {
    Found {
        cue: Some(cue),
        source: source.as_ref().map(|s| c.span(s)),
        source_tokens: source,
        ..Found::new(QuoteKind::Indirect, h.class, content)
    }
}

/// "According to S, C" / "C, according to S" / "C, citing S".
fn prep_pattern(c: &QCtx, h: &CueHit, lo: usize, end: usize, st: &State) -> Option<Found> {
    // The source ends at the first clause punctuation, not at the period of
    // an abbreviation ("According to Dr. Mei Tanaka, ...").
    let src_end = (h.end..end)
        .find(|&k| {
            matches!(c.bytes(k), b"," | b"." | b";" | b":")
                && !(c.is(k, ".") && k > h.end && c.tok(k - 1).end == c.tok(k).start && c.is_honorific(k - 1))
        })
        .unwrap_or(end);
    // "according to early returns": an adverb or adjective in -ly before
    // the phrase belongs to it.
    let source = np_after(c, h.end, src_end).or_else(|| {
        let ly = h.end < src_end && c.word(h.end).ends_with("ly");
        ly.then(|| np_after(c, h.end + 1, src_end))
            .flatten()
            .map(|s| h.end..s.end)
    });
    let mut source = source.map(|s| s.start..s.end.min(src_end))?;
    let mut src_end = src_end;
    let initial = (lo..h.first).all(|k| c.tok(k).kind == TokenKind::Punct);
    // "According to Jan de Groot, an economist at ING, each day ...": the
    // appositive belongs to the source.
    if src_end + 1 < end && c.is(src_end, ",") {
        let a = src_end + 1;
        let opens =
            matches!(c.bytes(a), b"a" | b"an" | b"the") || c.mention_kind(a) == Some(crate::record::EntityKind::Office);
        if opens && let Some(k) = (a + 1..end.min(a + 14)).find(|&k| c.is(k, ",")) {
            source = source.start..k;
            src_end = k;
        } else if opens
            && !initial
            && end - a <= 14
            && (a..end).all(|k| {
                !matches!(c.bytes(k), b";" | b":" | b",")
                    && !super::cues::is_finite_aux(c.word(k))
                    && hit_at(c, k).is_none()
            })
            && {
                // (Its last word names a person or a body.)
                let last = trim_end(c, a, end) - 1;
                c.is_noun(last) || c.mention_kind(last) == Some(crate::record::EntityKind::Office)
            }
        {
            // "Most donors were women, according to John Weaver, a
            // Republican strategist.": after the report, an appositive that
            // ends the sentence describes the source, and is no more of
            // what it reports. ("About 10 p.m., according to a timeline,
            // the guards left": a clause is.)
            src_end = end;
        }
    }
    let mut content = Vec::new();
    if initial {
        if source.end < src_end && super::phrases::opens_clause_after(c, source.end, end) {
            // "According to Ofcom there were ...": no comma.
            content.extend(content_after(c, source.end, end, st).map(|r| c.span(&r)));
        } else if src_end < end && c.is(src_end, ",") {
            content.extend(content_after(c, src_end + 1, end, st).map(|r| c.span(&r)));
        }
    } else {
        let mut before_end = h.first;
        if before_end > lo && c.is(before_end - 1, ",") {
            before_end -= 1;
        }
        content.extend(content_before(c, lo, before_end).map(|r| c.span(&r)));
        if src_end < end && c.is(src_end, ",") {
            content.extend(content_after(c, src_end + 1, end, st).map(|r| c.span(&r)));
        }
    }
    if content.is_empty() {
        return None;
    }
    let cue = hit_span(c, h);
    Some(new_found(c, h, cue, content, Some(source)))
}

fn verb_pattern(c: &QCtx, h: &CueHit, lo: usize, end: usize, st: &State) -> Option<Found> {
    let mut cue_lexeme = c.gaz.cues.cue(h.cue);
    let mut cue_end = h.end;
    let mut chained = false;
    // "went on to say that", "declined to comment on": a speech verb in the
    // infinitive carries the report, and its class; the verb before it is
    // part of the cue. Only an infinitive that opens a clause or takes its
    // particle makes the chain ("declined to comment." reports no content
    // of its own).
    if cue_end + 1 < end
        && c.is(cue_end, "to")
        && let Some((inf_end, inf)) = infinitive_cue(c, cue_end + 1, end)
        && inf_end < end
        && match c.word(inf_end) {
            "that" | "whether" | "if" => true,
            "on" => inf.frames.has(Frames::ON),
            "for" => inf.frames.has(Frames::FOR),
            "about" => inf.frames.has(Frames::NP),
            _ => false,
        }
    {
        cue_lexeme = inf;
        cue_end = inf_end;
        chained = true;
    }
    let frames = cue_lexeme.frames;
    if frames == Frames::QUOTE {
        return None;
    }
    // "people briefed on the talks said": the participle describes the
    // speakers of the cue to come.
    if h.first == h.head && super::phrases::post_modifies(c, h.head, lo) {
        return None;
    }
    // "called for", "commented on": the particle is part of the cue.
    if cue_end < end {
        let next = c.bytes(cue_end);
        // ("called on Monday for": "on" opens a time there.)
        if (frames.has(Frames::FOR) && next == b"for")
            || (frames.has(Frames::ON) && matches!(next, b"on" | b"upon") && skip_adjunct(c, cue_end, end) == cue_end)
            || (frames.has(Frames::NP) && matches!(next, b"against" | b"about" | b"of"))
        {
            cue_end += 1;
        }
    }
    // "said in a statement".
    if cue_end + 2 < end
        && c.is(cue_end, "in")
        && matches!(c.bytes(cue_end + 1), b"a" | b"an")
        && matches!(c.bytes(cue_end + 2), b"statement")
    {
        cue_end += 3;
    }
    let initial = (lo..h.first).all(|k| c.tok(k).kind == TokenKind::Punct);
    let head_word = c.bytes(h.head);
    let ing = head_word.len() >= 3 && head_word[head_word.len() - 3..].eq_ignore_ascii_case(b"ing");

    // "Asked why he had not endorsed her, Sanders said ...", "When asked
    // whether ...": a fronted passive of "ask" reports the question, and
    // no one asks it ("asked by Starnes if ...": Starnes does). "Asked
    // about X" names a topic, not a question, and reports nothing.
    if cue_lexeme.lemma == "ask" && h.tense == crate::gazetteer::Tense::Past && !chained {
        let mut words = (lo..h.first).filter(|&k| c.tok(k).kind != TokenKind::Punct);
        let fronted = match (words.next(), words.next()) {
            (None, _) => true,
            (Some(w), None) => matches!(c.bytes(w), b"When" | b"when" | b"If" | b"if" | b"Once" | b"once"),
            _ => false,
        };
        // '"We'll see," Sanders said, when asked whether ...': the same
        // clause after the main one, after a comma.
        let trailing =
            h.first >= lo + 2 && c.is(h.first - 1, "when") && (c.is(h.first - 2, ",") || c.closes_quote(h.first - 2));
        if fronted || trailing {
            let mut from = cue_end;
            let mut source = None;
            if from < end && c.is(from, "by") {
                let asker = np_after_short(c, from + 1, end)?;
                from = asker.end;
                source = Some(asker);
            }
            let is_question = |k: usize| {
                matches!(
                    c.bytes(k),
                    b"why" | b"what" | b"whether" | b"if" | b"how" | b"who" | b"whom" | b"when" | b"where" | b"which"
                )
            };
            // ("Asked in Iowa recently whether ...": a place or a time
            // before the question; "asked about how ..." names a topic.)
            from = (from..end.min(from + 5))
                .take_while(|&k| c.tok(k).kind == TokenKind::Word && !c.is(k, "about"))
                .find(|&k| is_question(k))?;
            // The clause ends at a comma, perhaps one inside the closing
            // mark of a title ('on "CBS This Morning," Sanders said'); a
            // trailing one may end with its sentence.
            let comma =
                (from..end).find(|&k| c.is(k, ",") && (!c.in_quote(k) || (k + 1 < end && c.closes_quote(k + 1))));
            let stop = match comma {
                Some(k) => k,
                None if trailing => trim_end(c, from, end),
                None => return None,
            };
            let content = trim_content(c, from, stop.min(from + CONTENT_MAX_TOKENS))?;
            let cue = c.span(&(h.first..cue_end));
            return Some(new_found(c, h, cue, vec![c.span(&content)], source));
        }
    }

    // Participles: ", saying that C" and fronted "Noting that X, S said Y".
    if h.participle && ing {
        let after_comma = h.first > lo && c.is(h.first - 1, ",");
        if initial {
            // "Noting that X, S said Y" — but not "Speaking at a rally, S ...",
            // nor a text that ends at the cue ("Saying").
            if cue_end >= end || !c.is(cue_end, "that") {
                return None;
            }
            let comma = (cue_end..end).find(|&k| c.is(k, ",") && !c.in_quote(k))?;
            let content = trim_content(c, cue_end, comma.min(cue_end + CONTENT_MAX_TOKENS))?;
            let source = clause_subject(c, comma + 1, end);
            let cue = c.span(&(h.first..cue_end));
            return Some(new_found(c, h, cue, vec![c.span(&content)], source));
        }
        if after_comma {
            // "Brent rose, adding $1.89 to $48.62": a change, no report.
            if changes_by_quantity(c, cue_lexeme, cue_end, end) {
                return None;
            }
            // "one official, requesting anonymity, said": the aside's
            // content ends at its comma.
            let end = aside_comma(c, h, end).unwrap_or(end);
            // "saying in a tweet that ...", "saying at one point, 'Q'": the
            // report comes after the adjunct; "also campaigning in
            // Wisconsin", "writing for the majority" have none.
            let mut from = cue_end;
            if cue_end < end && (starts_adjunct(c.bytes(cue_end)) || (c.is(cue_end, "for") && !frames.has(Frames::FOR)))
            {
                from = (cue_end..end.min(cue_end + 12)).find(|&k| c.is(k, "that") || c.opens_quote(k))?;
            }
            if from < end && coordinator_at(c, from) {
                return None;
            }
            let content = content_after(c, from, end, st)?;
            let source = main_subject(c, lo, h.first, st);
            let cue = c.span(&(h.first..cue_end));
            return Some(new_found(c, h, cue, vec![c.span(&content)], source));
        }
    }

    // The source: before the cue, after it (inverted), or with an appositive.
    let comma_before = h.first > lo && c.is(h.first - 1, ",");
    let mut source = if comma_before {
        None
    } else {
        // (A participle after a title hangs on the clause before it:
        // 'trashed Comey on "Morning Joe," calling it ...'.)
        let participle = h.tense == crate::gazetteer::Tense::Ing;
        np_before(c, h.first, lo).or_else(|| (!participle).then(|| source_over_title(c, h.first, lo)).flatten())
    };
    // "Clinton on Tuesday said", "a poll released Saturday found",
    // "Christie, who chairs the team, on Sunday defended": the subject
    // before the time that dates the report.
    let date = (!comma_before && h.first > lo + 1)
        .then(|| super::phrases::date_start(c, h.first - 1, lo))
        .flatten();
    if let Some(mut time) = date {
        if time > lo
            && matches!(
                c.bytes(time - 1),
                b"on" | b"in" | b"by" | b"earlier" | b"late" | b"early" | b"last" | b"this"
            )
        {
            time -= 1;
        }
        if time > lo + 1
            && c.tok(time - 1).shape.is_lower_start()
            && c.word(time - 1).ends_with("ed")
            && !c.is_function_word(time - 1)
        {
            time -= 1;
        }
        source = np_before(c, time, lo)
            .or_else(|| appositive_source(c, time, lo))
            .or(source);
    }
    let mut content: Vec<(usize, usize)> = Vec::new();
    let mut inverted = false;
    if comma_before {
        // "S, APPOSITIVE, told X ..." with S opening the clause, or "C, said
        // S." when a short phrase runs from the cue to the clause end.
        let appositive = appositive_source(c, h.first, lo).filter(|src| src.start <= lo + 3);
        if let Some(src) = appositive {
            source = Some(src);
        } else if let Some(after) = np_after(c, cue_end, end)
            && after.len() <= 14
            && (after.end + 1 >= end || c.tok(after.end).kind == TokenKind::Punct)
            && h.first - 1 > lo
            && (ing
                || c.tok(cue_end).shape.is_capitalised()
                || super::phrases::is_pronoun(c.word(cue_end))
                || c.mention_kind(cue_end).is_some())
        {
            source = Some(after);
            inverted = true;
            content.extend(content_before(c, lo, h.first - 1).map(|r| c.span(&r)));
        } else {
            source = appositive_source(c, h.first, lo);
        }
    }
    // "Murphy — after a knock-on-wood gesture — told me": the subject
    // before an aside set off by dashes.
    let dash = |k: usize| matches!(c.word(k), "—" | "–" | "--");
    if source.is_none()
        && h.first > lo + 2
        && dash(h.first - 1)
        && let Some(open) = (lo + 1..h.first - 1).rev().take(25).find(|&k| dash(k))
    {
        // The subject opens its clause ("The bill passed the Senate —
        // barely — said an aide" has its speaker after the cue).
        source = np_before(c, open, lo).filter(|s| s.start == lo || matches!(c.bytes(s.start - 1), b"," | b";"));
    }
    // Coordinated cues share the subject of the clause: "said X and called
    // for Y".
    if source.is_none() && h.first > lo && matches!(c.bytes(h.first - 1), b"and" | b"but") {
        source = main_subject(c, lo, h.first, st);
    }
    if let Some(src) = &source
        && !inverted
        && !super::phrases::plausible_source(c, src.clone())
    {
        return None;
    }
    // "The Post, which argued that ...": an organisation reports speech in
    // the active voice ("which is expected to", "which went on sale" are
    // no reports).
    if let Some(src) = &source
        && src.len() == 1
        && c.bytes(src.start).eq_ignore_ascii_case(b"which")
        && (h.class != CueClass::Speech || be_auxiliary(c, h))
    {
        return None;
    }
    // "Barkley, who said he votes Democratic, said ...": a relative clause
    // set off by commas (or dashes) ends at the next one.
    let opener = source
        .as_ref()
        .filter(|src| src.len() == 1 && src.start > lo && matches!(c.bytes(src.start), b"who" | b"which"))
        .map(|src| src.start - 1);
    let end = match opener {
        Some(o) if c.is(o, ",") => {
            // ("who said that, in her view, the strike was over, left": an
            // aside after "that" is set off by commas of its own.)
            let mut from = cue_end;
            loop {
                let comma = (from..end).find(|&k| c.is(k, ",") && !c.in_quote(k));
                match comma {
                    Some(k) if k > cue_end && c.is(k - 1, "that") => {
                        match (k + 1..end).find(|&j| c.is(j, ",") && !c.in_quote(j)) {
                            Some(close) => from = close + 1,
                            None => break comma,
                        }
                    }
                    _ => break comma,
                }
            }
        }
        Some(o) if dash(o) => (cue_end..end).find(|&k| dash(k) && !c.in_quote(k)),
        _ => None,
    }
    .unwrap_or(end);
    if !inverted {
        let mut from = skip_adjunct(c, cue_end, end);
        // "He said, however, that he hopes ...".
        if from < end
            && c.is(from, ",")
            && let Some(close) = aside_end(c, from + 1)
            && close + 1 < end
        {
            from = close + 1;
        }
        // "said in an interview with CNN that ...": a place or occasion
        // before the "that" clause is no part of the report.
        if from < end
            && matches!(
                c.bytes(from),
                b"in" | b"at" | b"during" | b"after" | b"before" | b"via" | b"through"
            )
            && (frames.has(Frames::CLAUSE) || frames.has(Frames::THAT))
            && let Some(that) = clause_after_adjunct(c, from, end)
        {
            from = that;
        }
        if takes_addressee(&cue_lexeme.lemma) {
            // "told reporters on Monday that ...": start at "that" if near.
            if let Some(that) = (cue_end..end.min(cue_end + 9)).find(|&k| c.is(k, "that")) {
                if (cue_end..that).all(|k| !matches!(c.bytes(k), b"," | b";") && !c.in_quote(k)) {
                    from = that;
                }
            } else if from < end && !matches!(c.bytes(from), b"to" | b"that" | b"," | b".") {
                // Skip the addressee phrase: "told the BBC the plan ...".
                if let Some(np) = np_after_short(c, from, end)
                    && np.end < end
                    && !matches!(c.bytes(np.end), b"," | b"." | b";")
                    && !c.is(np.end, "to")
                {
                    from = np.end;
                }
            }
        }
        let circumstance = only_circumstance(c, from, end);
        let next: &[u8] = if from < end && !circumstance {
            c.bytes(from)
        } else {
            b""
        };
        // "Daiwa added 5.3% to 740 yen", "exports declined 40 percent": a
        // verb of change before a quantity reports nothing.
        let allowed = if changes_by_quantity(c, cue_lexeme, from, end) {
            false
        } else if next == b"that" {
            frames.has(Frames::CLAUSE) || frames.has(Frames::THAT)
        } else if next == b"to" {
            frames.has(Frames::TO)
        } else if next == b"for" {
            frames.has(Frames::FOR) || frames.has(Frames::NP)
        } else if cue_end > h.end {
            // The particle joined the cue: what follows is its object.
            true
        } else if matches!(next, b"," | b"." | b"" | b":" | b"!" | b"?") {
            false
        } else if ing && next == b"by" {
            // "Additional reporting by", "writing by": a credit, not a report.
            false
        } else if !frames.has(Frames::CLAUSE) && starts_adjunct(next) {
            // An object is no prepositional phrase: "back in the day",
            // "holding back tears".
            false
        } else {
            frames.has(Frames::CLAUSE) || frames.has(Frames::NP) || frames.has(Frames::TO)
        };
        // (A quotation right after a verb that reports it, or after the
        // verb's particle, is reported here when the direct patterns left
        // it: 'said "it gets me mad" every time', 'called for "a
        // commitment"'; not after other verbs ('hails "genius" Smith'),
        // nor a title of two words or more ('a message reading "Thank you
        // Georgia"'), while one word may be said ('Cruz said "CNN" five
        // times').)
        let quotation_left = |k: usize| {
            let qi = c.quote_of[k] as usize;
            let inner = &c.text[c.quotes[qi].inner_start..c.quotes[qi].inner_end];
            let title = title_case(inner) && inner.split_whitespace().nth(1).is_some();
            (cue_end > h.end || reports_quoted_words(cue_lexeme)) && !st.used_quote[qi] && !title
        };
        if allowed && from < end && !coordinator_at(c, from) && (!c.opens_quote(from) || quotation_left(from)) {
            // "called on Monday for X": the particle after the time belongs
            // to the cue, not to X.
            let content_from = if next == b"for" && from > cue_end && frames.has(Frames::FOR) {
                from + 1
            } else {
                from
            };
            if let Some(mut r) = content_after(c, content_from, end, st) {
                // "joked about", "spoke of", "commented on": a preposition
                // right after the cue belongs to it, not to what it
                // reports ("agreed with X" keeps "with", as readers do).
                if r.start == cue_end && r.len() > 1 && matches!(c.bytes(r.start), b"about" | b"of" | b"on") {
                    // "said on Twitter that ...": the report is the clause
                    // after the adjunct.
                    let that = (r.start + 1..r.end.min(r.start + 10))
                        .take_while(|&k| !matches!(c.bytes(k), b"," | b";"))
                        .find(|&k| c.is(k, "that"));
                    if let Some(that) = that {
                        r.start = that;
                    } else if !topic_follows(c, r.start + 1) {
                        // ("said about 20 people", "said of course".)
                    } else {
                        cue_end += 1;
                        r.start += 1;
                    }
                }
                // "C1, S said, C2": the part before the source too.
                if let Some(src) = &source
                    && src.start > lo + 2
                    && c.is(src.start - 1, ",")
                    && cue_end < end
                    && c.is(cue_end, ",")
                {
                    content.extend(content_before(c, lo, src.start - 1).map(|r| c.span(&r)));
                }
                // Most reports are this one span: allocated at its size
                // rather than grown from nothing.
                if content.is_empty() {
                    content = vec![c.span(&r)];
                } else {
                    content.push(c.span(&r));
                }
            }
        } else if matches!(next, b"," | b"." | b"" | b"!" | b"?") || from >= end {
            // "C, S said." — the content comes first.
            let src_start = source.as_ref().map_or(h.first, |s| s.start);
            if src_start > lo + 1 && c.is(src_start - 1, ",") {
                content.extend(content_before(c, lo, src_start - 1).map(|r| c.span(&r)));
                // "C1, S said, C2."
                if next == b"," {
                    content.extend(content_after(c, from + 1, end, st).map(|r| c.span(&r)));
                }
            }
        }
    }
    if content.is_empty() {
        return None;
    }
    // A finite verb needs a speaker; the passive of a verb that reports
    // without one ("is expected", "was asked") does not have one.
    let passive_voice = h.tense == crate::gazetteer::Tense::Past && be_auxiliary(c, h);
    let sourceless = passive_voice
        && matches!(
            cue_lexeme.lemma.as_str(),
            "expect"
                | "ask"
                | "say"
                | "report"
                | "believe"
                | "think"
                | "estimate"
                | "rumor"
                | "understand"
                | "know"
                | "predict"
                | "project"
                | "fear"
                | "suspect"
                | "assume"
                | "expect to"
        );
    // "The minister was told that ...", "The firm is expected to ...": the
    // subject of a passive is who hears or is spoken of, not who speaks.
    if passive_voice && !inverted {
        if !sourceless {
            return None;
        }
        source = None;
    }
    if source.is_none() && !sourceless {
        return None;
    }
    let cue = c.span(&(h.first..cue_end));
    let mut found = new_found(c, h, cue, content, source);
    if chained {
        // "plans to announce that ...": the infinitive's class.
        found.class = cue_lexeme.class;
    }
    Some(found)
}

/// Is cue `cue` a verb of change ("add", "decline") whose object from
/// token `k` is a quantity ("added 5.3% to 740 yen")?
fn changes_by_quantity(c: &QCtx, cue: &crate::gazetteer::Cue, k: usize, end: usize) -> bool {
    matches!(cue.lemma.as_str(), "add" | "decline") && k < end && starts_quantity(c, k, end)
}

/// Does a change by a quantity open the tokens from `k`: a quantity ("5.3%",
/// "$1.89", "an extra 6.4%") followed by what it changed to or from, or by
/// the end of the clause? A quantity that opens a clause is followed by
/// more ("added 160 guards were on duty").
fn starts_quantity(c: &QCtx, k: usize, end: usize) -> bool {
    let mut i = k;
    let mut number = false;
    while i < end && i < k + 6 {
        let t = c.tok(i);
        let w = c.word(i);
        if t.kind == TokenKind::Number {
            number = true;
        } else if !matches!(
            w,
            "$" | "£"
                | "€"
                | "%"
                | "an"
                | "a"
                | "extra"
                | "further"
                | "another"
                | "percent"
                | "per"
                | "cent"
                | "points"
        ) {
            break;
        }
        i += 1;
    }
    number && (i == end || matches!(c.bytes(i), b"to" | b"from" | b"in" | b"at" | b"on" | b"," | b"." | b";"))
}

/// Prepositions and adverbs that open an adjunct, never an object.
fn starts_adjunct(word: &[u8]) -> bool {
    matches!(
        word,
        b"in"
            | b"at"
            | b"from"
            | b"into"
            | b"with"
            | b"by"
            | b"after"
            | b"before"
            | b"during"
            | b"since"
            | b"until"
            | b"through"
            | b"across"
            | b"back"
            | b"then"
            | b"too"
    )
}

/// The base form of a speech verb cue at token `at` ("say", "point out"),
/// ending before `end`: the token after it, and its cue.
fn infinitive_cue<'a>(c: &QCtx<'a>, at: usize, end: usize) -> Option<(usize, &'a crate::gazetteer::Cue)> {
    let forms = c.gaz.cues.forms(c.word(at))?;
    forms.iter().find_map(|(rest, form)| {
        let cue = c.gaz.cues.cue(form.cue);
        let fits = form.tense == crate::gazetteer::Tense::Base
            && cue.kind == CueType::Verb
            && cue.class == CueClass::Speech
            && at + 1 + rest.len() <= end
            && rest
                .iter()
                .enumerate()
                .all(|(k, w)| c.word(at + 1 + k).eq_ignore_ascii_case(w));
        fits.then_some((at + 1 + rest.len(), cue))
    })
}

/// A form of "be" among the cue's auxiliaries: "is expected", "was
/// asked", "has been told".
fn be_auxiliary(c: &QCtx, h: &CueHit) -> bool {
    (h.first..h.head).any(|k| {
        matches!(
            c.bytes(k),
            b"is" | b"was" | b"are" | b"were" | b"be" | b"been" | b"being"
        )
    })
}

/// The clause end without its final punctuation.
fn trim_end(c: &QCtx, from: usize, mut end: usize) -> usize {
    while end > from && matches!(c.bytes(end - 1), b"." | b"!" | b"?") {
        end -= 1;
    }
    end
}

/// After a cue, a time adjunct that belongs to neither cue nor content:
/// "said on Thursday (that) ...", "said yesterday ...".
fn skip_adjunct(c: &QCtx, at: usize, end: usize) -> usize {
    if at >= end {
        return at;
    }
    // "Monday's attack", "the Sunday Times": a time word that runs on into
    // a possessive or a name is part of a phrase, not a time.
    let runs_on = |k: usize| {
        c.seg.tokens.get(k + 1).is_some_and(|t| {
            t.kind == TokenKind::Possessive
                || (t.kind == TokenKind::Word && t.shape.is_capitalised() && super::phrases::is_day(c, k))
        })
    };
    let is_time = |k: usize| {
        k < end
            && !runs_on(k)
            && (super::phrases::is_day(c, k)
                || crate::text::with_ascii_lower(c.word(k), |t| {
                    matches!(
                        t,
                        "week" | "month" | "year" | "night" | "weekend" | "morning" | "afternoon" | "evening"
                    )
                }))
    };
    // Some(true): a time on its own; Some(false): a word that needs a time
    // after it ("on Thursday", "last week").
    let alone = crate::text::with_ascii_lower(c.word(at), |w| match w {
        "yesterday" | "today" | "tonight" | "earlier" | "recently" | "previously" | "later" | "again"
        | "afterwards" | "then" => Some(true),
        "on" | "last" | "this" => Some(false),
        // "said Tuesday that ...", as American papers write it.
        _ if super::phrases::is_day(c, at) && !runs_on(at) => Some(true),
        _ => None,
    });
    let skipped = match alone {
        Some(true) => at + 1,
        Some(false) if is_time(at + 1) => at + 2,
        _ => return at,
    };
    // "on Monday night"
    if is_time(skipped) { skipped + 1 } else { skipped }
}

/// Is the rest of the clause from `at` to `end`, its final punctuation
/// aside, only a place or circumstance ("in The Hague", "at a news
/// conference") — no content? (The punctuation is trimmed only once the
/// clause opens with a preposition, which most do not.)
fn only_circumstance(c: &QCtx, at: usize, end: usize) -> bool {
    if at >= end {
        return true;
    }
    let first = c.word(at);
    if matches!(first, "." | "!" | "?") {
        // Final punctuation alone is no content either.
        return trim_end(c, at, end) == at;
    }
    // (Lowering only ASCII letters answers as lowering all would: no other
    // character lowers to an ASCII letter of these words.)
    let preposition = crate::text::with_ascii_lower(first, |w| {
        matches!(
            w,
            "in" | "at" | "on" | "during" | "after" | "before" | "from" | "outside" | "inside" | "near"
        )
    });
    if !preposition {
        return false;
    }
    let end = trim_end(c, at, end);
    end - at <= 10
        && (at..end)
            .all(|k| !matches!(c.bytes(k), b"that" | b",") && !c.in_quote(k) && !c.opens_quote(k) && !c.is_cue_start(k))
}

/// A short addressee phrase: a pronoun, or up to five words of a name or
/// noun phrase.
fn np_after_short(c: &QCtx, start: usize, end: usize) -> Option<Range<usize>> {
    // Some(true): the whole phrase; Some(false): a determiner before it.
    let opening = crate::text::with_ascii_lower(c.word(start), |w| match w {
        "him" | "her" | "them" | "us" | "me" | "you" | "reporters" | "journalists" => Some(true),
        "the" | "a" | "an" | "his" | "their" => Some(false),
        _ => None,
    });
    if opening == Some(true) {
        return Some(start..start + 1);
    }
    let mut k = start;
    if opening == Some(false) {
        k += 1;
    }
    let first = k;
    // "BBC Radio 4's Today programme", "6 Music": a number inside a
    // name, and the outlet's kind after it.
    let part = |k: usize| {
        let t = c.tok(k);
        t.shape.is_capitalised()
            || t.kind == TokenKind::Possessive
            || (t.kind == TokenKind::Number
                && ((k > first && c.tok(k - 1).shape.is_capitalised())
                    || (k + 1 < end && c.tok(k + 1).shape.is_capitalised())))
    };
    while k < end && k < first + 7 && part(k) {
        k += 1;
    }
    if k > first
        && k < end
        && matches!(
            c.bytes(k),
            b"programme" | b"program" | b"show" | b"newspaper" | b"magazine" | b"website" | b"channel" | b"station"
        )
    {
        k += 1;
    }
    (k > first).then_some(start..k)
}

/// Paragraphs that are a quotation with no cue: the previous speaker goes
/// on ("floating" quotations). Their speaker is set by the resolver.
fn floating(c: &QCtx, st: &mut State) {
    // Where the attributions so far begin, to look for one before each
    // quotation paragraph without scanning them all: a sorted vector, as
    // few are added after it is built.
    let mut begins: Vec<usize> = st
        .out
        .iter()
        .filter_map(|f| f.content.first().map(|&(s, _)| s))
        .collect();
    begins.sort_unstable();
    begins.dedup();
    for (qi, q) in c.quotes.iter().enumerate() {
        if q.depth != 0 || st.used_quote[qi] || q.continued || q.open >= c.boilerplate {
            continue;
        }
        let p = &c.seg.paragraphs[q.paragraph];
        if q.open != p.start as usize || !speechlike(c, q) {
            continue;
        }
        // Some attribution must come before, in this or the two previous paragraphs.
        let window = c.seg.paragraphs[q.paragraph.saturating_sub(2)].start as usize;
        let range = begins.partition_point(|&s| s < window)..begins.partition_point(|&s| s < q.open);
        let previous = begins[range].iter().any(|&s| {
            c.seg
                .paragraph_at(s)
                .is_some_and(|fp| fp + 2 >= q.paragraph && fp <= q.paragraph)
        });
        if !previous {
            continue;
        }
        let mut content = vec![(q.open, q.close)];
        st.used_quote[qi] = true;
        follow_chain(c, qi, &mut content, st);
        join_following(c, q.close_tok, q.paragraph, &mut content, st);
        if let Err(at) = begins.binary_search(&q.open) {
            begins.insert(at, q.open);
        }
        st.push(
            c,
            Found {
                how: Resolution::Floating,
                ..Found::new(QuoteKind::Direct, CueClass::Speech, content)
            },
        );
    }
}
