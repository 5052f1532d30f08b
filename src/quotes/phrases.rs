//! Noun phrases around cues: the speaker mention before a verb ("The senior
//! diplomat said"), after it ("said David Nevins, the chief executive of
//! Showtime"), or after "according to".
//!
//! There is no parser: a phrase is read word by word from the cue outwards,
//! taking what can belong to a noun phrase (names, titles, nouns,
//! adjectives, possessives, "of"/"for" links) and stopping at what cannot
//! (verbs, prepositions, clause words, punctuation).

use std::ops::Range;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::QCtx;
use crate::entities::{BARRIERS, DETERMINERS, PRONOUNS, QUANTITIES, flag};
use crate::record::EntityKind;
use crate::segment::TokenKind;
use crate::text::pack_ascii_lower;

/// The lexicon flags of the closed classes the patterns ask about.
pub(crate) const CLOSED: u32 = flag::PRONOUN | flag::DETERMINER | flag::BARRIER | flag::QUANTITY;

/// The closed classes of a word, any case, as lexicon flags ([`CLOSED`]).
/// Tokens read them from the lexicon's flags; this lookup answers for
/// words the lexicon's flags do not (non-ASCII ones) and for words outside
/// any article.
pub(crate) fn closed_classes(word: &str) -> u32 {
    static TABLE: OnceLock<FxHashMap<u128, u32>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t: FxHashMap<u128, u32> = FxHashMap::default();
        let lists = [
            (PRONOUNS, flag::PRONOUN),
            (DETERMINERS, flag::DETERMINER),
            (BARRIERS, flag::BARRIER),
            (QUANTITIES, flag::QUANTITY),
        ];
        for (list, bit) in lists {
            for w in list {
                if let Some(k) = pack_ascii_lower(w.as_bytes()) {
                    *t.entry(k).or_default() |= bit;
                }
            }
        }
        t
    });
    // No closed-class word is longer than 15 bytes or other than ASCII.
    let key = if word.is_ascii() {
        pack_ascii_lower(word.as_bytes())
    } else {
        crate::text::with_lower(word, |lw| pack_ascii_lower(lw.as_bytes()))
    };
    key.and_then(|k| table.get(&k).copied()).unwrap_or(0)
}

/// Personal and relative pronouns that can be a whole speaker mention.
pub(crate) fn is_pronoun(word: &str) -> bool {
    closed_classes(word) & flag::PRONOUN != 0
}

/// Is token `i` a word of the closed class `bit` (one of [`CLOSED`])?
fn at(c: &QCtx, i: usize, bit: u32) -> bool {
    c.word_class(i) & bit != 0
}

/// Is token `i` a word that can be part of a noun phrase?
fn np_word(c: &QCtx, i: usize) -> bool {
    let t = c.tok(i);
    if t.kind == TokenKind::Possessive {
        return true;
    }
    if !matches!(t.kind, TokenKind::Word | TokenKind::Number) {
        return false;
    }
    if c.mention_kind(i).is_some() {
        return true;
    }
    let w = c.word(i);
    if c.in_quote(i) || w.ends_with("n't") || w.ends_with("n’t") {
        return false;
    }
    // The token's classes, looked up once for the several questions below.
    let class = c.word_class(i);
    // "Will Doyle", "May": a capital inside a sentence makes a name part.
    if class & flag::BARRIER != 0 && (!t.shape.is_capitalised() || c.sentence_initial(i)) {
        return false;
    }
    if t.shape.is_capitalised() || t.shape.is_all_upper() || t.kind == TokenKind::Number {
        // "the New York businessman": a capital inside a sentence is a name
        // part even when the word is a common one.
        // ("Former Gov. Rick Perry": a title's adjective opens a sentence too.)
        return !c.is_function_word(i)
            || class & flag::DETERMINER != 0
            || !c.sentence_initial(i)
            || c.is_description_adjective(i);
    }
    // Lower-case: nouns and adjectives the lexicons know, and hyphenated
    // modifiers ("vice-presidential").
    c.is_noun(i)
        || c.is_description_adjective(i)
        || (w.contains('-') && !w.ends_with("-"))
        || (!c.is_function_word(i) && !looks_verbal(w))
}

/// Lower-case words that are probably verbs or adverbs, not nouns.
fn looks_verbal(w: &str) -> bool {
    w.ends_with("ly") || w.ends_with("ed") || w.ends_with("ing") || c_is_cue_like(w)
}

fn c_is_cue_like(w: &str) -> bool {
    matches!(w, "added" | "noted" | "argued" | "claimed" | "insisted" | "explained")
}

/// The speaker phrase ending just before token `end` (exclusive), not
/// reaching before `lo`.
pub(crate) fn np_before(c: &QCtx, end: usize, lo: usize) -> Option<Range<usize>> {
    np_before_joined(c, end, lo, 0)
}

/// [`np_before`] with `joined` phrases already joined by "and" after it:
/// a list joins at most [`MAX_JOINED`] of them, so a text of a thousand
/// "and"s is not read back a thousand times.
fn np_before_joined(c: &QCtx, end: usize, lo: usize, joined: u8) -> Option<Range<usize>> {
    if end <= lo {
        return None;
    }
    let mut head = end - 1;
    // (The head's text, sliced once for the tests below, and again only
    // when the head moves.)
    let mut hw = c.word(head);
    // "voters overall said", "Richards and Menendez both stressed": an
    // adverb or a floating quantifier closing the phrase.
    if head > lo
        && matches!(
            hw,
            "overall" | "alone" | "themselves" | "himself" | "herself" | "both" | "all" | "each"
        )
        && (c.tok(head - 1).shape.is_capitalised() || c.is_noun(head - 1))
    {
        head -= 1;
        hw = c.word(head);
    }
    // "those surveyed said", "Republicans polled said": the participle
    // closes the phrase of the people it describes.
    // (Each step back spends one of the joins that bound the reading
    // back, so "of those polled of those polled ..." ends.)
    if head > lo && is_polled(hw.as_bytes()) {
        if joined >= MAX_JOINED {
            return None;
        }
        let joined = joined + 1;
        let before = head - 1;
        // ("those" is no phrase alone: "most of those polled".)
        if c.bytes(before).eq_ignore_ascii_case(b"those") {
            if before >= lo + 2 && c.is(before - 1, "of") {
                return np_before_joined(c, before - 1, lo, joined).map(|share| share.start..end);
            }
            return Some(before..end);
        }
        // "all the experts I interviewed said": a relative clause after the
        // speakers' noun.
        if before > lo && at(c, before, flag::PRONOUN) {
            return np_before_joined(c, before, lo, joined).map(|inner| inner.start..end);
        }
        // A plural group ("the chairs that POLITICO interviewed predicted"
        // has its speaker before the relative clause).
        if super::cues::takes_base_form(c.word(before))
            && (c.tok(before).shape.is_lower_start() || c.word(before).ends_with('s'))
        {
            return np_before_joined(c, head, lo, joined).map(|inner| inner.start..end);
        }
    }
    // "Sen. Claire McCaskill (D-Mo.) said": a parenthesis after the name.
    if hw == ")"
        && let Some(open) = (lo..head).rev().take(10).find(|&k| c.is(k, "("))
        && open > lo
    {
        head = open - 1;
        hw = c.word(head);
    }
    // (Looked up once: the tests below ask it three times.)
    let head_class = c.word_class(head);
    if head_class & flag::PRONOUN != 0 && c.tok(head).kind == TokenKind::Word {
        // "she", "who", but not "that" after a noun ("the report that said").
        // ("The Post, which argued that ...": after a comma, "which" stands
        // for the organisation before it.)
        let relative_which = hw.eq_ignore_ascii_case("which") && head > lo && c.is(head - 1, ",");
        if hw.eq_ignore_ascii_case("that") || hw.eq_ignore_ascii_case("which") && !relative_which {
            return None;
        }
        // "No one said": the negation is the phrase.
        if hw.eq_ignore_ascii_case("one") && head > lo && c.bytes(head - 1).eq_ignore_ascii_case(b"no") {
            return Some(head - 1..end);
        }
        return Some(head..end);
    }
    // "The mother of three said", "one of two": a count after "of" ends a
    // phrase whose head comes before it.
    if head_class & flag::DETERMINER != 0 && head >= lo + 2 && c.is(head - 1, "of") {
        return np_before_joined(c, head - 1, lo, joined).map(|inner| inner.start..end);
    }
    if !np_word(c, head) || c.tok(head).kind == TokenKind::Possessive || head_class & flag::DETERMINER != 0 {
        return None;
    }
    let mut start = head;
    let mut links = 0;
    loop {
        if start <= lo {
            break;
        }
        let j = start - 1;
        let w = c.word(j);
        // "the operators’ spokeswoman": a plural possessive.
        let plural_possessive = matches!(w, "'" | "’")
            && j > lo
            && c.tok(j - 1).end == c.tok(j).start
            && c.word(j - 1).ends_with(['s', 'S']);
        if c.tok(j).kind == TokenKind::Possessive || plural_possessive {
            if j > lo && np_word(c, j - 1) {
                start = j - 1;
                continue;
            }
            break;
        }
        // "One adviser said": "one" opens the phrase as an article does.
        // ("World number one Lindsay Davenport" is a rank, not a phrase.)
        let one = w.eq_ignore_ascii_case("one")
            && c.tok(start).kind == TokenKind::Word
            && !(j > lo && matches!(c.bytes(j - 1), b"number" | b"Number" | b"No" | b"no"));
        if (at(c, j, flag::DETERMINER) || one) && c.tok(j).kind == TokenKind::Word {
            start = j;
            // "a member of the family": a determiner may follow "of".
            let link = j >= lo + 2 && links_to_noun(c, j - 1, c.word(j - 1));
            if link && links < 2 {
                links += 1;
                start = j - 2;
                continue;
            }
            if let Some(noun) = post_modified_from(c, start, lo).filter(|_| links < 2) {
                links += 1;
                start = noun;
                continue;
            }
            if let Some(left) = coordinated(c, start, lo, joined) {
                start = left;
            }
            break;
        }
        // "Mr. Obama", "Michael R. Bloomberg": the period of an abbreviation.
        if w == "." && j > lo && c.tok(j - 1).end == c.tok(j).start && {
            c.is_honorific(j - 1) || (c.word(j - 1).chars().count() == 1 && c.tok(j - 1).shape.is_capitalised())
        } {
            start = j - 1;
            continue;
        }
        // "six in 10": a ratio of numbers.
        if w == "in" && j > lo && is_quantity(c, j - 1) && c.tok(start).kind == TokenKind::Number {
            start = j - 1;
            continue;
        }
        if j > lo && links_to_noun(c, j, w) && links < 2 {
            links += 1;
            start = j - 1;
            continue;
        }
        if let Some(noun) = post_modified_from(c, start, lo).filter(|_| links < 2) {
            links += 1;
            start = noun;
            continue;
        }
        if w == "and" && j > lo && c.tok(start).shape.is_capitalised() && c.tok(j - 1).shape.is_capitalised() {
            start = j - 1;
            continue;
        }
        // "M&S said", "AT&T said", "Procter & Gamble said": a firm's name
        // joined by "&".
        if w == "&" && j > lo && c.tok(start).shape.is_capitalised() && c.tok(j - 1).shape.is_capitalised() {
            start = j - 1;
            continue;
        }
        // (Only an "and" before the phrase coordinates.)
        if w == "and"
            && let Some(left) = coordinated(c, start, lo, joined)
        {
            start = left;
            break;
        }
        // "In October Tory leader Michael Howard said", "On Monday Labour
        // said": a day or a month after a preposition dates the report
        // ("the Sunday Times", "by Sunday Telegraph journalist X" name a
        // paper; a person named May has been tagged as one).
        if is_day_or_month(c, j)
            && c.mention_kind(j) != Some(EntityKind::Person)
            && j > 0
            && crate::text::with_ascii_lower(c.word(j - 1), |w| {
                matches!(
                    w,
                    "on" | "in" | "last" | "this" | "next" | "since" | "until" | "early" | "late"
                )
            })
        {
            break;
        }
        if np_word(c, j) {
            start = j;
            continue;
        }
        break;
    }
    // "All three candidates", "About three in 10 voters", "Nearly half of
    // them": a word that bounds a count or determiner comes before it.
    if start > lo
        && (at(c, start, flag::DETERMINER) || is_quantity(c, start))
        && crate::text::with_ascii_lower(c.word(start - 1), |w| {
            matches!(
                w,
                "all" | "both" | "about" | "nearly" | "almost" | "roughly" | "around" | "only" | "just" | "some"
            )
        })
        && !(start - 1 > lo && c.tok(start - 2).kind == TokenKind::Word && !at(c, start - 2, flag::DETERMINER))
    {
        start -= 1;
    }
    // "surveys of voters late last week showed": the time that dates the
    // report is not part of its source.
    let mut end = end;
    if end - start > 2 && is_period(c, end - 1) {
        let mut cut = end - 1;
        while cut > start + 1 && is_time_modifier(c, cut - 1) {
            cut -= 1;
        }
        // ("The last week showed": a determiner alone is no source.)
        let rest_names = (start..cut).any(|t| !at(c, t, flag::DETERMINER) && c.tok(t).kind == TokenKind::Word);
        if cut < end - 1 && rest_names {
            end = cut;
        }
    }
    // A phrase made only of lower-case words that no lexicon knows is not
    // a speaker ("the results showed" is, "prices rose" is not reached).
    Some(start..end)
}

/// Does `word`, the word at token `p` (not the first), tie what follows to
/// the phrase word before it: "a member of the family", "leaders in North
/// Carolina", "partisans on both sides", "a study by Vanderbilt
/// University"? (The callers have sliced the word out already.)
fn links_to_noun(c: &QCtx, p: usize, word: &str) -> bool {
    match word {
        "of" | "for" => np_word(c, p - 1),
        "in" | "on" | "from" | "across" => c.is_noun(p - 1),
        "by" => is_report(c, p - 1) && c.is_noun(p - 1),
        _ => false,
    }
}

/// Adjectives and participles that follow the noun they describe with a
/// preposition of their own: "people familiar with the matter", "a
/// source close to the campaign", "officials briefed on the talks".
fn post_modifier(adjective: &[u8], preposition: &[u8]) -> bool {
    match preposition {
        b"with" => matches!(
            adjective,
            b"familiar" | b"involved" | b"allied" | b"aligned" | b"connected"
        ),
        b"to" => matches!(
            adjective,
            b"close" | b"privy" | b"loyal" | b"sympathetic" | b"connected" | b"opposed" | b"linked" | b"tied"
        ),
        b"on" => adjective == b"briefed",
        b"in" => adjective == b"involved",
        b"about" | b"of" => matches!(adjective, b"knowledgeable" | b"aware"),
        _ => false,
    }
}

/// The noun that the post-modifier at token `adjective` (with its
/// preposition after it) describes, right before it: "people" in "people
/// familiar with", not before `lo`.
fn post_modified_noun(c: &QCtx, adjective: usize, lo: usize) -> Option<usize> {
    let noun = adjective.checked_sub(1).filter(|&n| n >= lo)?;
    (adjective + 1 < c.seg.tokens.len()
        && c.tok(adjective).shape.is_lower_start()
        && post_modifier(c.bytes(adjective), c.bytes(adjective + 1))
        && np_word(c, noun)
        && !at(c, noun, flag::DETERMINER))
    .then_some(noun)
}

/// Does the participle at token `t` describe the noun right before it
/// ("people briefed on the talks said"), rather than report as a verb
/// ("Trump briefed on the talks", "he briefed on")?
pub(crate) fn post_modifies(c: &QCtx, t: usize, lo: usize) -> bool {
    post_modified_noun(c, t, lo).is_some_and(|n| c.tok(n).shape.is_lower_start() && !at(c, n, flag::PRONOUN))
}

/// Participles that describe the people a poll asked, after their noun:
/// "those surveyed", "Republicans polled".
pub(crate) fn is_polled(word: &[u8]) -> bool {
    matches!(
        word,
        b"surveyed" | b"polled" | b"questioned" | b"interviewed" | b"sampled"
    )
}

/// Where the phrase begins when the phrase from `start` is the object of a
/// post-modifier ("[people familiar with] the matter"): at the noun the
/// modifier describes, which the caller reads on from.
fn post_modified_from(c: &QCtx, start: usize, lo: usize) -> Option<usize> {
    post_modified_noun(c, start.checked_sub(2)?, lo)
}

/// A noun for a report that has an author ("a study by ...").
fn is_report(c: &QCtx, t: usize) -> bool {
    matches!(
        c.bytes(t),
        b"study"
            | b"report"
            | b"review"
            | b"survey"
            | b"poll"
            | b"analysis"
            | b"statement"
            | b"letter"
            | b"estimate"
            | b"story"
            | b"article"
            | b"audit"
            | b"investigation"
            | b"assessment"
            | b"memo"
            | b"paper"
            | b"book"
    )
}

/// A word that names a period of time ("week", "Tuesday").
fn is_period(c: &QCtx, t: usize) -> bool {
    is_day(c, t) || crate::text::with_ascii_lower(c.word(t), |w| matches!(w, "week" | "month" | "year" | "weekend"))
}

/// A word that places a period in time: "last week", "late this month".
fn is_time_modifier(c: &QCtx, t: usize) -> bool {
    crate::text::with_ascii_lower(c.word(t), |w| {
        matches!(w, "last" | "this" | "next" | "late" | "early" | "earlier" | "later")
    })
}

/// How many "and"s [`coordinated`] reads back over: a subject of more
/// phrases than one more than this is not joined at all (its last phrase
/// stands alone), so a text of a thousand "and"s is read back only a few
/// times.
const MAX_JOINED: u8 = 3;

/// Where a phrase joined by "and" before the phrase starting at `start`
/// begins, when the two together are the subject of the clause: "RNC
/// members and officials said", "The State Department and the Department
/// of Homeland Security said". ("He met the minister and officials said"
/// joins two clauses: its first phrase is an object.)
fn coordinated(c: &QCtx, start: usize, lo: usize, joined: u8) -> Option<usize> {
    if joined >= MAX_JOINED {
        return None;
    }
    let and = start.checked_sub(1).filter(|&a| a > lo && c.is(a, "and"))?;
    if !(c.is_noun(and - 1) || c.tok(and - 1).shape.is_capitalised()) {
        return None;
    }
    let left = np_before_joined(c, and, lo, joined + 1)?;
    let before = left.start.checked_sub(1).filter(|&b| b >= lo);
    // A comma ends an opening adverbial ("On Tuesday, the minister and
    // officials said") but also an item of a list ("Voters, analysts and
    // officials said", "rose in Paris, Berlin and analysts said"): after a
    // noun or a name the phrase is no subject of its own.
    let opens_clause = match before {
        None => true,
        Some(b) => match c.word(b) {
            ";" | ":" | "(" | "—" | "–" => true,
            "," => b > lo && !(c.is_noun(b - 1) || c.tok(b - 1).shape.is_capitalised()) || b > lo && is_day(c, b - 1),
            w => matches!(w, "But" | "And" | "So" | "Yet" | "but" | "that"),
        },
    };
    opens_clause.then_some(left.start)
}

/// The speaker phrase starting at token `start` and running to the end of
/// the clause, or to where the speaker spoke: "said [David Nevins, the
/// chief executive of Showtime].", "said [Robby Mook] in a statement".
pub(crate) fn np_after(c: &QCtx, start: usize, hi: usize) -> Option<Range<usize>> {
    if start >= hi {
        return None;
    }
    // "said one New Hampshire Democrat": "one" before a noun phrase counts
    // like an article.
    let one_of_a_phrase = c.bytes(start).eq_ignore_ascii_case(b"one")
        && start + 1 < hi
        && (np_word(c, start + 1) || c.is(start + 1, "of"));
    if at(c, start, flag::PRONOUN) && c.tok(start).kind == TokenKind::Word && !one_of_a_phrase {
        return Some(start..start + 1);
    }
    if !np_word(c, start) && !at(c, start, flag::DETERMINER) && !one_of_a_phrase {
        return None;
    }
    let mut end = start;
    let mut relative = false;
    while end < hi {
        let t = c.tok(end);
        let w = c.word(end);
        if c.in_quote(end) || c.opens_quote(end) {
            break;
        }
        // "said Robby Mook in a statement", "wrote Ben Jacobs in The
        // Guardian": the speaker, not where they said it (but a relative
        // clause keeps its own places: "who attended an event in Reno").
        if matches!(w, "who" | "which" | "whose" | "that") {
            relative = true;
        }
        if end > start && !relative && said_in_or_on(c, end, hi) {
            break;
        }
        if end > start && !relative && opens_clause_after(c, end, hi) {
            break;
        }
        if t.kind == TokenKind::Punct {
            // "Rep. Jim Clyburn", "Michael R. Bloomberg": an abbreviation's period.
            let abbreviation = w == "."
                && end > start
                && c.tok(end - 1).end == t.start
                && (c.is_honorific(end - 1)
                    || (c.word(end - 1).chars().count() == 1 && c.tok(end - 1).shape.is_capitalised()))
                && end + 1 < hi;
            if matches!(w, "." | "!" | "?" | ";" | ":" | "—" | "–") && !abbreviation {
                break;
            }
            if w == "," {
                // Stop before a new clause: ", adding", ", who", ', "'.
                let next = end + 1;
                if next >= hi
                    || c.opens_quote(next)
                    || c.is_cue_start(next)
                    || matches!(
                        c.bytes(next),
                        b"and"
                            | b"but"
                            | b"while"
                            | b"as"
                            | b"according"
                            | b"in"
                            | b"on"
                            | b"at"
                            | b"about"
                            | b"after"
                            | b"before"
                            | b"during"
                            | b"when"
                            | b"despite"
                            | b"although"
                            | b"though"
                            | b"because"
                            | b"since"
                            | b"amid"
                            | b"with"
                            | b"without"
                            | b"if"
                            | b"unless"
                            | b"until"
                    )
                    || (next + 1 < hi
                        && c.tok(next).shape.is_lower_start()
                        && c.word(next).ends_with("ing")
                        && c.is_function_word(next + 1))
                {
                    // (", referring to", ", speaking on condition of
                    // anonymity": a participle opens a clause; "managing
                    // director" does not.)
                    break;
                }
            }
        }
        end += 1;
    }
    // Trailing punctuation is not part of the phrase.
    while end > start && c.tok(end - 1).kind == TokenKind::Punct && !matches!(c.word(end - 1), ")" | "]") {
        end -= 1;
    }
    (end > start).then_some(start..end)
}

/// Does token `k` open a clause right after a phrase, with no comma
/// between ("according to Ofcom there were ...", "according to Microsoft
/// the messages were ...")? "there" does after a word that can end a
/// phrase, and so does an article before a lower-case word after a name
/// ("analysts the Radicati Group" is one phrase).
pub(crate) fn opens_clause_after(c: &QCtx, k: usize, hi: usize) -> bool {
    k > 0
        && c.tok(k - 1).kind == TokenKind::Word
        && !c.is_function_word(k - 1)
        && (c.bytes(k).eq_ignore_ascii_case(b"there")
            || (at(c, k, flag::DETERMINER)
                && c.tok(k - 1).shape.is_capitalised()
                && k + 1 < hi
                && c.tok(k + 1).shape.is_lower_start()))
}

/// Does "in" or "on" at token `at` open where the phrase before it spoke:
/// a medium ("in a statement", "on Twitter", "in his speech"), or, right
/// after a person's name, a capitalised place, publication or programme
/// ("in The Guardian", "in Moscow")?
fn said_in_or_on(c: &QCtx, at: usize, hi: usize) -> bool {
    if !matches!(c.bytes(at), b"in" | b"on") || at + 1 >= hi {
        return false;
    }
    let after_person = c.mention_kind(at - 1) == Some(EntityKind::Person);
    if after_person && c.tok(at + 1).shape.is_capitalised() {
        return true;
    }
    // The medium heads the phrase after "in"/"on": it ends it, within a few
    // words ("in a telephone interview", not "in video games" or "in the
    // School of Broadcast Journalism").
    (at + 1..hi.min(at + 5))
        .take_while(|&k| c.tok(k).kind != TokenKind::Punct && !matches!(c.bytes(k), b"of" | b"for"))
        .any(|k| {
            let ends = k + 1 >= hi || c.tok(k + 1).kind == TokenKind::Punct || c.is_function_word(k + 1);
            ends && is_medium(c, k)
        })
}

/// A lower-case word for where words are published ("statement",
/// "interview"), or "Twitter".
fn is_medium(c: &QCtx, k: usize) -> bool {
    let w = c.word(k);
    if w == "Twitter" {
        return true;
    }
    c.tok(k).shape.is_lower_start()
        && matches!(
            w,
            "statement"
                | "interview"
                | "speech"
                | "tweet"
                | "email"
                | "letter"
                | "filing"
                | "release"
                | "appearance"
                | "video"
                | "broadcast"
                | "op-ed"
                | "column"
                | "article"
                | "editorial"
                | "memo"
                | "message"
                | "briefing"
                | "remarks"
                | "testimony"
                | "podcast"
                | "blog"
        )
}

/// Can the phrase speak? Its head is a pronoun, a name, a title, a
/// capitalised word, or a noun the lexicon knows as a person, group,
/// organisation or publication ("the plan would add" is not speech).
pub(crate) fn plausible_source(c: &QCtx, phrase: Range<usize>) -> bool {
    // (Each word is sliced out of the text once, as bytes: it is the next
    // word of the one before.)
    let head_before = |from: usize| {
        let mut head = None;
        let mut next = (from < phrase.end).then(|| c.bytes(from));
        for t in from..phrase.end {
            let w = next.unwrap_or_default();
            next = (t + 1 < phrase.end).then(|| c.bytes(t + 1));
            let link = matches!(w, b"," | b"of" | b"for" | b"at" | b"from" | b"with" | b"who" | b"(");
            // ("people familiar with ...": the noun before the modifier.)
            if link || next.is_some_and(|n| post_modifier(w, n)) {
                break;
            }
            if matches!(c.tok(t).kind, TokenKind::Word | TokenKind::Number) && !is_polled(w) {
                head = Some(t);
            }
        }
        head
    };
    // "Barkley, who said ...": a relative pronoun stands for the phrase
    // before it.
    // ("I don't know who said" has no antecedent: a verb comes before.)
    if phrase.len() == 1 && c.bytes(phrase.start).eq_ignore_ascii_case(b"which") {
        return phrase.start > 0 && c.is(phrase.start - 1, ",");
    }
    if phrase.len() == 1 && c.bytes(phrase.start).eq_ignore_ascii_case(b"who") {
        return phrase.start > 0
            && (matches!(c.word(phrase.start - 1), "," | "—" | "–" | "--" | ")")
                || c.tok(phrase.start - 1).shape.is_capitalised()
                || c.is_noun(phrase.start - 1));
    }
    let Some(h) = head_before(phrase.start) else {
        return false;
    };
    // A year alone dates a report ("voters in 2010 now regret it").
    if phrase.len() == 1 && c.tok(h).kind == TokenKind::Number && is_year(c.word(h)) {
        return false;
    }
    // "half of GOP primary voters", "58 percent of voters", "six in 10":
    // a share of people, as polls report.
    if is_quantity(c, h) {
        return true;
    }
    let can_speak = |h: usize| {
        at(c, h, flag::PRONOUN)
            || c.word(h).ends_with("year-old")
            || c.mention_kind(h).is_some()
            || c.tok(h).shape.is_capitalised()
            || c.tok(h).shape.is_all_upper()
            || c.is_noun(h)
    };
    // (Not a quantity: that returned above.) "The pollster, Douglas
    // Schoen,", "Bloomberg's pollster, Douglas Schoen,": a name in
    // apposition to a short phrase that opens like a noun phrase speaks
    // for a noun no lexicon knows ("climate change, Axelrod said" is
    // content before its speaker; "Last month, the Independent" a time).
    let appositive_name = || {
        let comma = phrase.clone().take(5).find(|&t| c.is(t, ","))?;
        // (It opens its clause: "On the other side, Sen. Ted Cruz" is an
        // adverbial.)
        let opens_clause = phrase.start == 0 || !c.tok(phrase.start - 1).is_word();
        let opens = at(c, phrase.start, flag::DETERMINER)
            || (phrase.start..comma).any(|t| c.tok(t).kind == TokenKind::Possessive);
        let a = head_before(comma + 1)?;
        (opens_clause && opens && !is_period(c, h) && c.tok(a).shape.is_capitalised() && can_speak(a)).then_some(a)
    };
    can_speak(h) || appositive_name().is_some()
}

/// The phrase that the relative pronoun at token `at` stands for
/// ("Barkley" in "Barkley, who said"), across the comma or dash that sets
/// its clause off.
pub(crate) fn antecedent(c: &QCtx, at: usize) -> Option<Range<usize>> {
    let before = at
        .checked_sub(1)
        .filter(|&k| matches!(c.word(k), "," | "—" | "–" | "--"))
        .unwrap_or(at);
    np_before(c, before, before.saturating_sub(12))
}

/// Can token `t` be a weekday or a month? Each is a calendar word of the
/// lexicon, so the token's flags rule out nearly every other word before
/// its text is lowered and compared; tokens the flags do not answer for
/// go on to the comparison.
fn maybe_calendar(c: &QCtx, t: usize) -> bool {
    c.listed(t, flag::CALENDAR, |_| true)
}

/// A weekday, which dates a report rather than naming its source.
pub(crate) fn is_day(c: &QCtx, t: usize) -> bool {
    maybe_calendar(c, t) && crate::text::with_ascii_lower(c.word(t), day_name)
}

/// Is token `t` a weekday or the name of a month?
fn is_day_or_month(c: &QCtx, t: usize) -> bool {
    maybe_calendar(c, t) && crate::text::with_ascii_lower(c.word(t), |w| day_name(w) || month_name(w))
}

/// A weekday's name, in lower case.
fn day_name(w: &str) -> bool {
    matches!(
        w,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

/// A month's name, in lower case.
fn month_name(w: &str) -> bool {
    matches!(
        w,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
    )
}

/// Where a date that ends at token `t` begins, not before `lo`: a weekday,
/// a part of one ("Clinton on Tuesday said", "Sanders on Wednesday
/// morning said") or a year ("an ad in 2008 questioned"), which date a
/// report.
pub(crate) fn date_start(c: &QCtx, t: usize, lo: usize) -> Option<usize> {
    if is_day(c, t) {
        return Some(t);
    }
    // ("Tokyo 2020 said": a year after a capitalised word names something.)
    if c.tok(t).kind == TokenKind::Number && is_year(c.word(t)) && t > 0 && c.tok(t - 1).shape.is_lower_start() {
        return Some(t);
    }
    // ("the Thursday night show" names a programme.)
    let day_part = t > lo + 2
        && matches!(c.bytes(t), b"morning" | b"afternoon" | b"evening" | b"night")
        && is_day(c, t - 1)
        && c.tok(t - 2).kind == TokenKind::Word
        && !at(c, t - 2, flag::DETERMINER);
    // (`then`, not `then_some`: at token 0 there is no day before.)
    day_part.then(|| t - 1)
}

/// A number written as a year of the last two centuries or this one.
fn is_year(word: &str) -> bool {
    word.len() == 4 && word.parse::<u16>().is_ok_and(|y| (1800..2200).contains(&y))
}

/// A word that counts or measures a group: "half", "percent", "majority".
fn is_quantity(c: &QCtx, t: usize) -> bool {
    c.tok(t).kind == TokenKind::Number || at(c, t, flag::QUANTITY) || {
        // "three-quarters", "two-thirds": a fraction written as one word.
        // (A byte search: "-" is ASCII, and most words hold none.)
        let w = c.word(t);
        w.bytes()
            .rposition(|b| b == b'-')
            .is_some_and(|k| closed_classes(&w[k + 1..]) & flag::QUANTITY != 0)
    }
}

/// A word that links the head of a speaker phrase to what follows it ("a
/// spokesman for X", "an economist at Y"): a name after it is someone
/// else's.
fn ends_name_head(word: &[u8]) -> bool {
    matches!(word, b"of" | b"for" | b"from" | b"at" | b"with")
}

/// True when the phrase holds a person mention at its head: the phrase is a
/// name with its titles ("Chinese Foreign Minister Wang Yi"), not a phrase
/// about one ("a spokesman for Hillary Clinton") nor one joining others
/// ("Wang Yi and his aides").
pub(crate) fn head_person(c: &QCtx, phrase: Range<usize>) -> Option<u32> {
    let mut found = None;
    // "a Jackson lawyer", "the Clinton campaign": a name before a noun
    // modifies it, and the noun is the head.
    let mut modifier = false;
    // (Each word is sliced out of the text once, as bytes: it is the next
    // word of the one before.)
    let mut next = (phrase.start < phrase.end).then(|| c.bytes(phrase.start));
    // Where the walk stopped: no comma comes before it.
    let mut stop = phrase.end;
    for i in phrase.clone() {
        let w = next.unwrap_or_default();
        next = (i + 1 < phrase.end).then(|| c.bytes(i + 1));
        // ("on the BBC site" ends the head, but "Council on Foreign
        // Relations" goes on.)
        let place = found.is_some()
            && matches!(w, b"on" | b"in" | b"to")
            && i + 1 < phrase.end
            && !c.tok(i + 1).shape.is_capitalised();
        // ("a source close to Olga Petrova": the person is the source's
        // object.)
        let described = next.is_some_and(|n| post_modifier(w, n));
        if place || described || ends_name_head(w) || w == b"," {
            // The head came before the link; a person after it is not the speaker.
            stop = i;
            break;
        }
        // "Olga Petrova and her lawyers said": a joint source is a group,
        // not its first person.
        if w == b"and" {
            return None;
        }
        if let Some(cluster) = c.person_cluster(i) {
            // "Whitcombe's lawyer": the owner is not the head.
            let possessor = i + 1 < phrase.end
                && c.person_cluster(i + 1) != Some(cluster)
                && (c.tok(i + 1).kind == TokenKind::Possessive || matches!(c.word(i + 1), "'" | "’"));
            found = if possessor { None } else { Some(cluster) };
            modifier = false;
        } else if found.is_some()
            && !c.tok(i).shape.is_all_upper()
            && (c.is_noun(i) || c.mention_kind(i) == Some(EntityKind::Office))
            && !(i + 1..phrase.end)
                .take_while(|&k| !c.is(k, ","))
                .any(|k| ends_name_head(c.bytes(k)))
        {
            // (Letters after a name are its own: "Paul Boateng MP"; so is
            // a title with its organisation, its comma left out: "Dr Ivan
            // Dobrev games director at THX".)
            found = None;
            modifier = true;
        }
    }
    // "The operators' spokeswoman, Sanne Bakker,", "its chairman, Sir
    // Anthony Greener": a name in apposition, after its titles.
    if found.is_none()
        && let Some(comma) = (stop..phrase.end).find(|&i| c.is(i, ","))
    {
        for i in comma + 1..phrase.end {
            // ("national treasurer for Ronald Reagan's campaign": the name
            // after a link is someone else.)
            if ends_name_head(c.bytes(i)) || matches!(c.bytes(i), b"to" | b"in" | b"on") {
                break;
            }
            if let Some(cluster) = c.person_cluster(i) {
                return Some(cluster);
            }
            // ("its founder, banker Ivan Dobrev": a trade is a title too.)
            let title = c.tok(i).shape.is_capitalised()
                || c.mention_kind(i) == Some(EntityKind::Office)
                || c.is_description_adjective(i)
                || c.is_noun(i);
            if !title {
                break;
            }
        }
    }
    if modifier {
        return None;
    }
    found.or_else(|| {
        // "Mr. Wang" may have its honorific outside the mention.
        phrase
            .clone()
            .find_map(|i| {
                (c.mention_kind(i) == Some(EntityKind::Person))
                    .then(|| c.person_cluster(i))
                    .flatten()
            })
            .filter(|_| phrase.len() <= 2)
    })
}
