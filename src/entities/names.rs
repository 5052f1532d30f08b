//! Offices in context, and people no list holds.

use super::{Ctx, Mention, NONE, flag};
use crate::gazetteer::Gender;
use crate::record::EntityKind;
use crate::segment::TokenKind;

/// Titles that are also common words: kept in lower case only with an
/// extension ("head of the agency") or before a name ("general Smith").
/// Sorted, for a binary search.
#[rustfmt::skip]
const BARE_AMBIGUOUS: &[&str] = &[
    "adviser", "advisers", "advisor", "advisors", "agent", "agents", "aide", "aides", "ambassador", "ambassadors",
    "captain", "captains", "chair", "chairs", "chancellor", "chief", "chiefs", "coach", "coaches", "commander",
    "commanders", "consul", "counsel", "delegate", "delegates", "director", "directors", "emir", "envoy", "envoys",
    "executive", "executives", "founder", "founders", "general", "generals", "governor", "governors", "head", "heads",
    "judge", "judges", "justice", "king", "lawmaker", "lawmakers", "leader", "leaders", "major", "manager", "managers",
    "marshal", "mayor", "mayors", "member", "members", "minister", "ministers", "officer", "officers", "official",
    "officials", "partner", "partners", "pope", "premier", "president", "presidents", "prince", "princess",
    "principal", "queen", "representative", "representatives", "secretaries", "secretary", "senator", "senators",
    "sheikh", "speaker", "speakers", "spokesman", "spokesmen", "spokesperson", "spokeswoman", "spokeswomen", "sultan",
];

/// Words an office may be extended over after "of"/"for".
fn is_connector(word: &str) -> bool {
    matches!(
        word,
        "of" | "the" | "and" | "for" | "on" | "de" | "&" | "du" | "des" | "la" | "in"
    )
}

/// Pass 2: extend offices over `of the <Capitalised Organisation>` and drop
/// bare common words that are not titles here.
pub(super) fn office_pass(ctx: &mut Ctx) {
    for mi in 0..ctx.mentions.len() {
        if ctx.mentions[mi].kind != EntityKind::Office {
            continue;
        }
        // "Mr King", "Dr. Bishop": after an honorific a title word is the
        // surname; "spokesman Dean Smith": after a title a first name is
        // one.
        if after_honorific(ctx, ctx.mentions[mi].tokens.start) || first_name_after_title(ctx, mi) {
            ctx.drop_mention(mi);
            continue;
        }
        extend_left(ctx, mi);
        if opens_work_title(ctx, ctx.mentions[mi].tokens.start) {
            ctx.drop_mention(mi);
            continue;
        }
        let last = ctx.mentions[mi].tokens.end - 1;
        let extended_to = extension(ctx, ctx.mentions[mi].tokens.start, last);
        if let Some(end_tok) = extended_to {
            let gaz = ctx.gaz;
            let head = &gaz.offices[ctx.mentions[mi].target as usize].title;
            let start = ctx.mentions[mi].start;
            let end = ctx.tok(end_tok).end as usize;
            let extra = &ctx.text[ctx.tok(last).end as usize..end];
            ctx.mentions[mi].canonical = Some(format!("{head}{extra}"));
            ctx.mentions[mi].end = end;
            ctx.mentions[mi].tokens.end = end_tok + 1;
            for t in last + 1..=end_tok {
                ctx.owner[t] = mi as u32;
            }
            let _ = start;
            continue;
        }
        let m = &ctx.mentions[mi];
        let written = &ctx.text[m.start..m.end];
        let single = m.tokens.len() == 1;
        if single && !written.chars().any(char::is_uppercase) && BARE_AMBIGUOUS.binary_search(&written).is_ok() {
            let next_is_name = ctx
                .next_in_sentence(last)
                .is_some_and(|n| ctx.is_cap_word(n) && !ctx.caps[n]);
            let prev_modifier = m.tokens.start > 0
                && ctx.prev_in_sentence(m.tokens.start).is_some_and(|p| {
                    ctx.owner_kind(p) == Some(EntityKind::Country) || ctx.tok(p).kind == TokenKind::Possessive
                });
            if !next_is_name && !prev_modifier && !in_apposition_to_name(ctx, m.tokens.start, last) {
                ctx.drop_mention(mi);
            }
        }
    }
}

/// Does the post from token `first` to `last` stand in apposition to a
/// name ("Carla Diaz, a spokeswoman, said", "Tomas Herrera, an adviser to
/// the board,"), and not open a clause after a place or a time ("In
/// Paris, a minister said", "After meeting Smith, the minister left")?
fn in_apposition_to_name(ctx: &Ctx, first: usize, last: usize) -> bool {
    let preposition = |w: &str| matches!(w, "at" | "to" | "with" | "in" | "from" | "for" | "of" | "on");
    let closed = ctx
        .next_in_sentence(last)
        .is_some_and(|n| ctx.is_byte(n, b',') || preposition(ctx.word(n)));
    let Some(comma) = ctx
        .prev_in_sentence(first)
        .and_then(|p| {
            if matches!(ctx.word(p), "a" | "an") {
                ctx.prev_in_sentence(p)
            } else {
                Some(p)
            }
        })
        .filter(|&c| closed && ctx.is_byte(c, b','))
    else {
        return false;
    };
    ctx.prev_in_sentence(comma).is_some_and(|n| {
        ctx.is_cap_word(n)
            && !ctx
                .prev_in_sentence(n)
                .is_some_and(|p| preposition(ctx.word(p)) || ctx.word(p) == "after")
    })
}

/// Does a capital "The" inside the sentence put the capitalised word at
/// `first` in the title of a work ("films such as The Fisher King", "and
/// The Lord of the Rings")? A capital "The" after a quotation mark or a
/// colon opens a sentence instead ("said: \"The prime minister ..."), and
/// so does one opening a line after a heading without a period.
pub(super) fn opens_work_title(ctx: &Ctx, first: usize) -> bool {
    first < ctx.seg.tokens.len()
        && ctx.tok(first).shape.is_capitalised()
        && ctx.prev_in_sentence(first).is_some_and(|p| {
            ctx.word(p) == "The"
                && ctx.prev_in_sentence(p).is_some_and(|q| {
                    ctx.tok(q).kind == TokenKind::Word
                        && !ctx.text[ctx.tok(q).end as usize..ctx.tok(p).start as usize].contains('\n')
                })
        })
}

/// Is office mention `mi` one capitalised word that a list of first names
/// holds, between another title and a capitalised word ("spokesman Dean
/// Smith", where "dean" is also a post)?
fn first_name_after_title(ctx: &Ctx, mi: usize) -> bool {
    let m = &ctx.mentions[mi];
    let t = m.tokens.start;
    if m.tokens.len() != 1 || !ctx.tok(t).shape.is_capitalised() || ctx.tok(t).shape.is_all_upper() {
        return false;
    }
    if ctx.lex(t).first_name.is_none() {
        return false;
    }
    let next_is_name = ctx.next_in_sentence(t).is_some_and(|n| ctx.is_cap_word(n));
    let after_title = ctx.prev_in_sentence(t).is_some_and(|p| {
        ctx.tok(p).shape.is_lower_start()
            && (ctx.is_person_noun(p) || ctx.owner_mention(p).is_some_and(|o| o.kind == EntityKind::Office))
    });
    next_is_name && after_title
}

/// Titles used to address their holder ("Mr President", "Madame
/// Speaker"), even where a list of surnames holds them.
fn is_address_title(word: &str) -> bool {
    matches!(
        word,
        "President"
            | "Speaker"
            | "Chairman"
            | "Chairwoman"
            | "Chair"
            | "Mayor"
            | "Ambassador"
            | "Secretary"
            | "Minister"
            | "Chancellor"
            | "Justice"
            | "Commissioner"
            | "Governor"
            | "Senator"
            | "Prime"
    )
}

/// Is token `first` capitalised right after a personal honorific ("Mr
/// King", "Mrs. Bishop")?
fn after_honorific(ctx: &Ctx, first: usize) -> bool {
    if !ctx.tok(first).shape.is_capitalised() {
        return false;
    }
    let Some(p) = ctx.prev_in_sentence(first) else {
        return false;
    };
    let p = if ctx.is_byte(p, b'.') {
        match abbreviated(ctx, p) {
            Some(h) => h,
            None => return false,
        }
    } else {
        p
    };
    // (Only the honorifics that are no titles themselves: "General
    // Director X" is a post; and only before a word a name list holds:
    // "Mr President" is an address.)
    ctx.has(first, flag::SURNAME | flag::FIRST_NAME)
        && !is_address_title(ctx.word(first))
        && ctx.tok(p).shape.is_capitalised()
        && crate::text::with_ascii_lower(ctx.word(p), |w| {
            matches!(
                w,
                "mr" | "mrs"
                    | "ms"
                    | "miss"
                    | "dr"
                    | "mme"
                    | "mlle"
                    | "messrs"
                    | "herr"
                    | "frau"
                    | "monsieur"
                    | "madame"
            )
        })
}

/// Lower-case words that qualify a title: "opposition energy spokesperson",
/// "shadow chancellor", "press secretary".
/// Sorted, for a binary search.
#[rustfmt::skip]
const TITLE_MODIFIERS: &[&str] = &[
    "acting", "assistant", "associate", "campaign", "chief", "city", "communications", "county", "culture", "defence",
    "defense", "deputy", "district", "economic", "economy", "education", "energy", "environment", "environmental",
    "executive", "federal", "finance", "foreign", "general", "health", "home", "interim", "interior", "junior",
    "justice", "legal", "military", "national", "opposition", "party", "policy", "press", "principal", "provincial",
    "regional", "security", "senior", "shadow", "state", "trade", "transport", "treasury", "vice",
];

/// Extends office mention `mi` to the left over the words that qualify it:
/// capitalised ones that name no person or country ("Senate Majority
/// Leader", "Labour MP", "White House press secretary") and title
/// modifiers ("opposition energy spokesperson").
fn extend_left(ctx: &mut Ctx, mi: usize) {
    let mut first = ctx.mentions[mi].tokens.start;
    let mut taken = 0;
    while taken < 3 {
        let Some(p) = ctx.prev_in_sentence(first) else {
            break;
        };
        let w = ctx.word(p);
        let capital = ctx.is_cap_word(p)
            && !ctx.caps[p]
            && !ctx.has(p, flag::NOT_NAME | flag::CALENDAR)
            && !ctx.sentence_initial(p);
        // "Jonathan Reeve KC", "Priya Shah MP": an acronym after a name is a
        // post-nominal title, not a qualifier of the name's last word.
        let acronym = ctx.tok(ctx.mentions[mi].tokens.start).shape.is_all_upper();
        if capital && acronym && ctx.prev_in_sentence(p).is_some_and(|q| ctx.is_cap_word(q)) {
            break;
        }
        let modifier = ctx.tok(p).shape.is_lower_start() && TITLE_MODIFIERS.binary_search(&w).is_ok();
        let free = ctx.owner[p] == NONE;
        // A first name before a title is a person's ("Dave Smith, manager" is
        // not "Dave manager"), so only words no name list knows are taken,
        // or that are more often words than names ("Tory leader").
        let name_like = ctx.lex(p).first_name.is_some_and(|f| !f.common_word);
        if !(free && (modifier || (capital && !name_like))) {
            break;
        }
        first = p;
        taken += 1;
    }
    if first < ctx.mentions[mi].tokens.start {
        ctx.mentions[mi].start = ctx.tok(first).start as usize;
        for t in first..ctx.mentions[mi].tokens.start {
            ctx.owner[t] = mi as u32;
        }
        ctx.mentions[mi].tokens.start = first;
    }
}

/// The last token of "of/for (the) Capitalised ... " after token `last`.
fn extension(ctx: &Ctx, first: usize, last: usize) -> Option<usize> {
    let mut i = ctx.next_in_sentence(last)?;
    if !matches!(ctx.word(i), "of" | "for") {
        return None;
    }
    // In an appositive (", chair of the union,") the organisation may be a
    // common noun phrase: take it up to the next punctuation.
    let appositive = ctx.prev_in_sentence(first).is_some_and(|p| {
        ctx.word(p) == ","
            || (matches!(ctx.word(p), "the" | "a" | "an")
                && ctx.prev_in_sentence(p).is_some_and(|q| ctx.word(q) == ","))
    });
    if appositive && let Some(j) = ctx.next_in_sentence(i) {
        let mut k = j;
        if matches!(ctx.word(k), "the" | "a" | "an") {
            k = ctx.next_in_sentence(k)?;
        }
        let start = k;
        while k < start + 4 && ctx.tok(k).kind == TokenKind::Word && !ctx.is_cap_word(k) && !ctx.is_function_word(k) {
            match ctx.next_in_sentence(k) {
                Some(n) => k = n,
                None => return Some(k),
            }
        }
        if k > start && matches!(ctx.word(k), "," | "." | ";") {
            return Some(k - 1);
        }
    }
    let mut end = None;
    loop {
        // Connectors are taken only when a capitalised word follows them.
        let mut j = i;
        while is_connector(ctx.word(j)) {
            j = ctx.next_in_sentence(j)?;
            if j - i > 3 {
                return end;
            }
        }
        // A capitalised grammatical word opens a name when one follows it
        // ("the New Jersey State Police", "editor of The Times"; not "in
        // the New Year").
        let opens_name = |j: usize| {
            !ctx.is_function_word(j)
                || ctx
                    .next_in_sentence(j)
                    .is_some_and(|n| ctx.is_cap_word(n) && !ctx.has(n, flag::FUNCTION | flag::CALENDAR))
        };
        if !(ctx.is_cap_word(j) || ctx.tok(j).shape.is_all_upper()) || !opens_name(j) {
            return end;
        }
        let mut k = j;
        while let Some(n) = ctx.next_in_sentence(k) {
            // "Local 4120", "the Havenbond union": numbers and a closing
            // common noun of organisation belong to the name.
            let number = ctx.tok(n).kind == TokenKind::Number;
            let org_noun = !ctx.is_cap_word(n) && ctx.has(n, flag::NON_PERSON_HEAD);
            // "the New Jersey Firefighters' Retirement Trust": a plural's
            // apostrophe inside the name.
            let plural_owner = matches!(ctx.word(n), "'" | "’")
                && ctx.word(k).ends_with('s')
                && ctx.next_in_sentence(n).is_some_and(|a| ctx.is_cap_word(a));
            if ctx.is_cap_word(n) || ctx.tok(n).shape.is_all_upper() || number {
                k = n;
            } else if plural_owner {
                k = n + 1;
            } else if org_noun {
                k = n;
                break;
            } else {
                break;
            }
        }
        // "spokesman for Mr Prescott", "the former manager of Johnny
        // Cash": the name of a person a post serves is no organisation of
        // the post ("head of Morgan Stanley" keeps it).
        if end.is_none() && serves_people(ctx.word(last)) && names_a_person(ctx, j, k) {
            return None;
        }
        end = Some(k);
        match ctx.next_in_sentence(k) {
            Some(n) if is_connector(ctx.word(n)) => i = n,
            _ => return end,
        }
    }
}

/// Posts held for a person as often as for an organisation.
fn serves_people(post: &str) -> bool {
    crate::text::with_ascii_lower(post, |w| {
        matches!(
            w,
            "spokesman"
                | "spokeswoman"
                | "spokesperson"
                | "manager"
                | "adviser"
                | "advisor"
                | "aide"
                | "lawyer"
                | "agent"
                | "secretary"
        )
    })
}

/// Is the capitalised run from token `first` to `last` shaped as a
/// person's name: an honorific first, or a first name and a surname with
/// no word of an organisation?
fn names_a_person(ctx: &Ctx, first: usize, last: usize) -> bool {
    if ctx.has(first, flag::HONORIFIC) {
        return true;
    }
    let len = last + 1 - first;
    (2..=3).contains(&len)
        && ctx.lex(first).first_name.is_some_and(|f| !f.common_word)
        && ctx.has(last, flag::SURNAME)
        && !(first..=last).any(|t| ctx.has(t, flag::NON_PERSON_HEAD))
}

/// What stands before a name and marks it as a person's.
#[derive(Clone, Copy, Debug)]
pub(super) struct Title {
    pub rule: &'static str,
    pub gender: Gender,
}

/// The word that the period at token `period` abbreviates ("Mr." in "Mr.
/// King"), when the period is written onto it.
/// Is token `i` an initial: one capital letter standing alone, with its
/// period right after it ("G." of "G. Kersey"; not the "T." that ends
/// "AT&T.")?
fn is_initial(ctx: &Ctx, i: usize) -> bool {
    let w = ctx.bytes(i);
    w.len() == 1
        && w[0].is_ascii_uppercase()
        && ctx
            .prev_in_sentence(i)
            .is_none_or(|p| ctx.tok(p).end < ctx.tok(i).start)
        && ctx
            .next_in_sentence(i)
            .is_some_and(|p| ctx.is_byte(p, b'.') && ctx.tok(p).start == ctx.tok(i).end)
}

fn abbreviated(ctx: &Ctx, period: usize) -> Option<usize> {
    ctx.prev_in_sentence(period)
        .filter(|&h| ctx.tok(h).end == ctx.tok(period).start)
}

/// Is the word sequence starting at token `first` preceded by a title, an
/// honorific or a noun naming a person ("Mr", "Sen.", "Foreign Minister",
/// "coach", "spokeswoman, ")?
///
/// Rule "appositive" is given only when the token before `first` is a
/// comma: the attach pass asks for it only there (`link::attach_pass`), so
/// an appositive written any other way must be added there too.
pub(super) fn title_before(ctx: &Ctx, first: usize) -> Option<Title> {
    title_at(ctx, first, ctx.prev_in_sentence(first)?)
}

/// [`title_before`] of token `first`, whose token before it in its
/// sentence is `p`: the person pass has found that token already.
fn title_at(ctx: &Ctx, first: usize, p: usize) -> Option<Title> {
    if ctx.is_byte(p, b'.') {
        return ctx.honorific(abbreviated(ctx, p)?).map(|gender| Title {
            rule: "honorific",
            gender,
        });
    }
    if let Some(m) = ctx.owner_mention(p)
        && m.kind == EntityKind::Office
        && !m.rule.is_empty()
    {
        let gender = ctx.gaz.offices[m.target as usize].gender;
        return Some(Title { rule: "title", gender });
    }
    // In lower case only the longer honorifics ("professor", "madame"):
    // "mr" is rarely written so, and "miss" is the verb ("will miss
    // Sunday's final").
    if ctx.tok(p).kind == TokenKind::Word
        && let Some(gender) = ctx.honorific(p)
        && (ctx.tok(p).shape.is_capitalised() || (ctx.word(p).len() > 3 && ctx.word(p) != "miss"))
    {
        return Some(Title {
            rule: "honorific",
            gender,
        });
    }
    if ctx.is_person_noun(p) {
        let gender = ctx.noun(p).map(|n| n.gender).unwrap_or_default();
        return Some(Title { rule: "title", gender });
    }
    if ctx.is_byte(p, b',') {
        let q = ctx.prev_in_sentence(p)?;
        let office = ctx
            .owner_mention(q)
            .is_some_and(|m| m.kind == EntityKind::Office && !m.rule.is_empty());
        // "the spokeswoman, Sanne Bakker" — a name, not the next item of a
        // plural ("backbenchers, Labour whips").
        let plural = ctx.word(q).ends_with('s') && !ctx.word(q).ends_with("ss");
        let two_words = ctx.next_in_sentence(first).is_some_and(|n| ctx.is_cap_word(n));
        if (office || ctx.is_person_noun(q)) && !plural && two_words {
            let gender = ctx.noun(q).map(|n| n.gender).unwrap_or_default();
            return Some(Title {
                rule: "appositive",
                gender,
            });
        }
    }
    None
}

/// Is the word sequence ending at token `last` followed by an appositive
/// naming an office or a person noun ("..., secretary of ...", "..., an
/// economist at ING")?
pub(super) fn appositive_after(ctx: &Ctx, last: usize) -> Option<usize> {
    let mut c = ctx.next_in_sentence(last)?;
    if !ctx.is_byte(c, b',') {
        return None;
    }
    // "Gerald Whitcombe, 58, the former chief investment officer": the
    // appositive after an age.
    if let Some(age) = ctx
        .next_in_sentence(c)
        .filter(|&n| ctx.tok(n).kind == TokenKind::Number && ctx.word(n).len() <= 3)
        && let Some(comma) = ctx.next_in_sentence(age).filter(|&k| ctx.is_byte(k, b','))
    {
        c = comma;
    }
    let mut i = ctx.next_in_sentence(c)?;
    if crate::text::with_lower(ctx.word(i), |lw| {
        matches!(
            lw,
            "a" | "an" | "the" | "his" | "her" | "its" | "their" | "our" | "whose"
        )
    }) {
        i = ctx.next_in_sentence(i)?;
    }
    for _ in 0..5 {
        let t = ctx.tok(i);
        // "a 34-year-old bus driver": numbers are words here.
        if !matches!(t.kind, TokenKind::Word | TokenKind::Possessive | TokenKind::Number) {
            return None;
        }
        if ctx
            .owner_mention(i)
            .is_some_and(|m| m.kind == EntityKind::Office && !m.rule.is_empty())
            || ctx.is_person_noun(i)
        {
            return Some(i);
        }
        if ctx.is_function_word(i) && !ctx.word(i).eq_ignore_ascii_case("former") {
            // ", a retired postman who ...": an indefinite phrase closed by
            // "who" or a comma describes a person even when its noun is not
            // in the lexicon.
            let described = matches!(ctx.word(i), "who" | "whose")
                && i > c + 2
                && matches!(ctx.word(c + 1), "a" | "an")
                && ctx.tok(i - 1).shape.is_lower_start();
            return described.then_some(i - 1);
        }
        i = ctx.next_in_sentence(i)?;
    }
    None
}

/// Adverbs and auxiliaries that may stand between a subject and its verb.
/// Each is a function word or joins a verb cue on its left, and its lexicon
/// flags say so (a test holds the list to that).
const VERB_FILLERS: &[&str] = &[
    "also",
    "later",
    "then",
    "previously",
    "recently",
    "again",
    "earlier",
    "has",
    "had",
    "have",
    "reportedly",
    "once",
    "repeatedly",
    "publicly",
    "privately",
    "separately",
    "further",
];

/// Is `word` one of the [`VERB_FILLERS`]?
fn is_verb_filler(word: &str) -> bool {
    VERB_FILLERS.contains(&word)
}

/// Is a speech verb right after token `last` ("Smith said", "Smith also told")?
pub(super) fn speech_after(ctx: &Ctx, last: usize) -> bool {
    ctx.next_in_sentence(last).is_some_and(|i| speech_from(ctx, i))
}

/// [`speech_after`] the token before token `i`, from `i` on.
fn speech_from(ctx: &Ctx, mut i: usize) -> bool {
    // Every filler starts in lower case and has one of two lexicon flags:
    // the flags and the shape rule out nearly every word without matching
    // strings.
    if ctx.has(i, flag::FUNCTION | flag::JOINS_LEFT) && ctx.tok(i).shape.is_lower_start() && is_verb_filler(ctx.word(i))
    {
        let Some(n) = ctx.next_in_sentence(i) else {
            return false;
        };
        i = n;
    }
    is_speech_verb(ctx, i)
}

/// Is token `i` a speech verb? The lexicon flag settles most words without
/// a lookup in the cue lexicon: a word that starts no cue form is none.
#[inline]
fn is_speech_verb(ctx: &Ctx, i: usize) -> bool {
    if super::lexicon::flags_answer_for(ctx.tok(i)) {
        return ctx.has(i, flag::SPEECH_VERB);
    }
    ctx.gaz.cues.is_speech_verb(ctx.word(i))
}

/// Is a speech verb right before token `first` ("..., said Marieke van Dijk")?
pub(super) fn speech_before(ctx: &Ctx, first: usize) -> bool {
    // Only an inverted cue ('"...," said X', '..., says X') has its speaker
    // after it; after "urged" or "told" comes the person spoken to.
    ctx.prev_in_sentence(first).is_some_and(|p| {
        is_speech_verb(ctx, p)
            && ctx
                .prev_in_sentence(p)
                .is_some_and(|q| matches!(ctx.word(q), "," | "”" | "\"" | "’" | "'"))
    })
}

/// Is the sequence ending at `last` followed by `of <Organisation>` and a
/// speech verb ("Wen-Li Chou of Harbourline Capital said")?
pub(super) fn speech_after_affiliation(ctx: &Ctx, last: usize) -> bool {
    let Some(of) = ctx.next_in_sentence(last).filter(|&k| ctx.word(k) == "of") else {
        return false;
    };
    let mut k = of;
    let mut caps = 0;
    while let Some(n) = ctx.next_in_sentence(k) {
        if ctx.is_cap_word(n) || ctx.tok(n).shape.is_all_upper() || ctx.word(n) == "the" {
            caps += usize::from(ctx.word(n) != "the");
            k = n;
        } else {
            break;
        }
    }
    caps > 0 && speech_after(ctx, k)
}

/// ", 44," after a name: the person's age.
fn age_after(ctx: &Ctx, last: usize) -> bool {
    let Some(c1) = ctx.next_in_sentence(last).filter(|&k| ctx.is_byte(k, b',')) else {
        return false;
    };
    let Some(n) = ctx
        .next_in_sentence(c1)
        .filter(|&k| ctx.tok(k).kind == TokenKind::Number)
    else {
        return false;
    };
    let age = ctx.word(n).parse::<u32>().is_ok_and(|a| (14..=110).contains(&a));
    age && ctx.next_in_sentence(n).is_some_and(|k| ctx.word(k) == ",")
}

/// True when token `i` can join a name run: a capitalised word, a particle
/// between capitalised words, an initial with its period, an Arabic article
/// ("al-Assad").
#[inline]
fn run_continues(ctx: &Ctx, i: usize) -> bool {
    if !ctx.name_like[i] {
        return false;
    }
    // A form that is ambiguous as a country may be part of a name
    // ("Michael Jordan", "Chad Johnson").
    ctx.owner[i] == NONE
        || ctx
            .owner_mention(i)
            .is_some_and(|m| m.rule == "gazetteer-ambiguous" && m.tokens.len() == 1)
}

/// Is `word` a name behind an Arabic article ("al-Assad")?
pub(super) fn is_prefixed_name(word: &[u8]) -> bool {
    let Some(hyphen) = word.iter().position(|&b| b == b'-') else {
        return false;
    };
    let (prefix, rest) = (&word[..hyphen], &word[hyphen + 1..]);
    matches!(
        prefix,
        b"al" | b"el" | b"ad" | b"as" | b"ash" | b"ar" | b"an" | b"bin" | b"abu" | b"ibn"
    ) && std::str::from_utf8(rest)
        .ok()
        .and_then(|r| r.chars().next())
        .is_some_and(char::is_uppercase)
}

/// Capitalised word runs, as token index lists laid end to end, so that
/// finding them allocates nothing once the buffers have grown.
struct Runs {
    tokens: Vec<usize>,
    /// Run `k` is `tokens[spans[k]]`.
    spans: Vec<std::ops::Range<usize>>,
}

impl Runs {
    fn len(&self) -> usize {
        self.spans.len()
    }

    fn get(&self, k: usize) -> &[usize] {
        &self.tokens[self.spans[k].clone()]
    }
}

/// The capitalised word runs of one sentence, into `out` (cleared first).
/// The sentence's candidates ([`Ctx::candidates`]) start at index `from`
/// of that list; returns the index past them.
fn runs(ctx: &Ctx, sentence: usize, from: usize, out: &mut Runs) -> usize {
    out.tokens.clear();
    out.spans.clear();
    let s = &ctx.seg.sentences[sentence];
    // Every name-like token is a candidate: the rest are passed over.
    let mut next = s.tokens.start;
    let rest = ctx.candidates.get(from..).unwrap_or_default();
    for (k, &i) in rest.iter().enumerate() {
        let i = i as usize;
        if i >= s.tokens.end {
            return from + k;
        }
        if i < next || !run_continues(ctx, i) {
            continue;
        }
        let start = out.tokens.len();
        let run = &mut out.tokens;
        run.push(i);
        let mut j = i + 1;
        while j < s.tokens.end {
            if run_continues(ctx, j) {
                run.push(j);
                j += 1;
            } else if ctx.is_byte(j, b'.')
                && ctx.tok(j).start == ctx.tok(j - 1).end
                && ctx.word(j - 1).chars().count() == 1
                && j + 1 < s.tokens.end
                && run_continues(ctx, j + 1)
            {
                // "John F. Kennedy": the initial's period stays in the name.
                j += 1;
            } else if ctx.is_particle(j) && j + 1 < s.tokens.end && run_continues(ctx, j + 1) {
                run.push(j);
                j += 1;
            } else {
                break;
            }
        }
        out.spans.push(start..out.tokens.len());
        next = j;
    }
    from + rest.len()
}

/// Pass 3: people no list holds, from capitalised runs and context.
pub(super) fn person_pass(ctx: &mut Ctx) {
    // Room for the runs of a long sentence, so that the buffers are not
    // regrown in every article.
    let mut found = Runs {
        tokens: Vec::with_capacity(32),
        spans: Vec::with_capacity(16),
    };
    let organisations = organisation_names(ctx);
    let mut speakers = Speakers {
        wanted: Vec::new(),
        ends: Vec::with_capacity(ctx.candidates.len()),
    };
    // The runs are taken in text order.
    let mut hyphenated = Hyphenated::new(ctx);
    // The candidates sentence by sentence, each sentence found from its
    // first candidate: a sentence without one holds no run.
    let mut from = 0;
    while let Some(&c) = ctx.candidates.get(from) {
        let si = ctx.sentence_of[c as usize] as usize;
        let s = &ctx.seg.sentences[si];
        if ctx.caps[c as usize] {
            from += ctx.candidates[from..]
                .iter()
                .take_while(|&&t| (t as usize) < s.tokens.end)
                .count();
            continue;
        }
        from = runs(ctx, si, from, &mut found);
        for span in &found.spans {
            consider_run(
                ctx,
                &found.tokens[span.clone()],
                s.tokens.start,
                &organisations,
                &mut hyphenated,
            );
        }
        speakers.note(ctx, &s.tokens, &found.tokens);
    }
    speakers_named_elsewhere(ctx, &mut found, speakers, &organisations);
}

/// Words that never open a name, whatever a list of first names says. All
/// are function words ([`flag::FUNCTION`]), which callers test first.
pub(super) const NEVER_FIRST: &[&str] = &[
    "a", "an", "the", "in", "on", "at", "of", "by", "for", "from", "with", "to", "my", "our", "your", "his", "its",
    "their",
];

/// Is `word` one of [`NEVER_FIRST`] (in any case)?
fn never_first_word(word: &str) -> bool {
    // Every name runs through here: a length test first, no lowering.
    word.len() <= 5 && NEVER_FIRST.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// A hyphenated modifier: "London-based", "Jackson-style", "state-owned".
fn is_modifier(bytes: &[u8]) -> bool {
    // The last byte rules out most words before the hyphen is looked for.
    if !bytes.last().is_some_and(|&b| may_end_modifier(b)) {
        return false;
    }
    // The suffixes are at most six bytes: only the word's end is read.
    let tail = &bytes[bytes.len().saturating_sub(7)..];
    let Some(dash) = tail.iter().rposition(|&b| b == b'-') else {
        return false;
    };
    let after = &tail[dash + 1..];
    bytes.len() > after.len() + 1
        && MODIFIER_SUFFIXES
            .iter()
            .any(|s| s.as_bytes().eq_ignore_ascii_case(after))
}

/// [`is_modifier`] of token `t`. Only a token holding a hyphen can be one,
/// and few do: the sorted list of them rules out nearly every token
/// without reading its text.
fn is_modifier_at(ctx: &Ctx, t: usize) -> bool {
    ctx.hyphenated.binary_search(&(t as u32)).is_ok() && is_modifier(ctx.bytes(t))
}

/// A place in the list of hyphenated tokens ([`Ctx::hyphenated`]): the
/// person pass asks about its runs' words in the order they are written,
/// so the list is read forward once instead of searched for each word,
/// and a word before the next listed token needs no more than a compare.
struct Hyphenated {
    /// Index of the first listed token not before the last one asked about.
    at: usize,
    /// That token (`usize::MAX` past the end of the list).
    next: usize,
}

impl Hyphenated {
    /// At the start of `ctx`'s list.
    fn new(ctx: &Ctx) -> Hyphenated {
        Hyphenated {
            at: 0,
            next: ctx.hyphenated.first().map_or(usize::MAX, |&h| h as usize),
        }
    }

    /// [`is_modifier_at`] of token `t`, which must not come before a token
    /// asked about already.
    #[inline]
    fn modifier_at(&mut self, ctx: &Ctx, t: usize) -> bool {
        // (Inlined where asked: most words come before the next listed
        // token, and are answered without a call.)
        t >= self.next && self.listed_modifier(ctx, t)
    }

    /// [`Hyphenated::modifier_at`] of a token `t` not before the next
    /// listed token.
    #[inline(never)]
    fn listed_modifier(&mut self, ctx: &Ctx, t: usize) -> bool {
        while self.next < t {
            self.at += 1;
            self.next = ctx.hyphenated.get(self.at).map_or(usize::MAX, |&h| h as usize);
        }
        self.next == t && is_modifier(ctx.bytes(t))
    }
}

/// The words after a hyphen that make a modifier ("Paris-based",
/// "state-owned"); [`may_end_modifier`] must pass each one's last byte.
const MODIFIER_SUFFIXES: [&str; 9] = ["based", "style", "led", "owned", "backed", "born", "run", "made", "era"];

/// May a word ending in byte `b` end in one of [`MODIFIER_SUFFIXES`]?
fn may_end_modifier(b: u8) -> bool {
    matches!(b.to_ascii_lowercase(), b'a' | b'd' | b'e' | b'n')
}

/// Is the title just before token `first` one that companies take too, a
/// noun of rivalry or rank ("rival Google", "market leader Diageo"), and
/// not owned by a person ("his rival", "Labour leader")?
fn lone_word_title_is_generic(ctx: &Ctx, first: usize) -> bool {
    let Some(p) = ctx.prev_in_sentence(first) else {
        return false;
    };
    if !ctx.tok(p).shape.is_lower_start() {
        return false;
    }
    let before = ctx.prev_in_sentence(p);
    match ctx.word(p) {
        // "market leader Diageo", but "Labour leader Corbyn".
        "leader" | "leaders" => before.is_some_and(|b| {
            crate::text::with_ascii_lower(ctx.word(b), |w| matches!(w, "market" | "sector" | "industry"))
        }),
        // "rival Google", but "his rival Tsvangirai", "Erdogan's rival
        // Kilicdaroglu", "Clinton rival Sanders". The other nouns here are
        // roles of a company in a deal or a market as often as a person's
        // ("parent DaimlerChrysler", "crude producer Yukos", "business
        // advisers PricewaterhouseCoopers", "The SEC had accused Titan").
        "rival" | "rivals" | "competitor" | "owner" | "giant" | "monopoly" | "parent" | "shareholder" | "investor"
        | "producer" | "maker" | "manufacturer" | "supplier" | "vendor" | "broker" | "analyst" | "adviser"
        | "advisers" | "advisor" | "advisors" | "consultant" | "consultants" | "accused" | "bidder" | "buyer"
        | "publisher" | "broadcaster" | "distributor" | "operator" | "lender" | "creditor" | "contractor" => before
            .is_none_or(|b| {
                ctx.tok(b).kind != TokenKind::Possessive
                    && !matches!(ctx.word(b), "his" | "her" | "their" | "its" | "His" | "Her" | "Their")
                    && ctx.owner_kind(b) != Some(EntityKind::Person)
            }),
        _ => false,
    }
}

/// Is the title before token `first` an award's category: lower-case
/// words after "best" ("best actor", "best supporting actress", "best new
/// artist")?
fn award_category_before(ctx: &Ctx, first: usize) -> bool {
    let mut k = first;
    for _ in 0..4 {
        let Some(p) = ctx.prev_in_sentence(k) else {
            return false;
        };
        if !ctx.tok(p).shape.is_lower_start() {
            return false;
        }
        if ctx.word(p) == "best" {
            return k < first;
        }
        k = p;
    }
    false
}

/// Does the name written from token `first` to `last` name one of
/// `organisations`: the same words, or the same words after others that do
/// not start with a first name ("Sydney-listed Virgin Blue", but "Linda
/// Kasabian" where the band is Kasabian)?
fn names_organisation(ctx: &Ctx, first: usize, last: usize, organisations: &[&str]) -> bool {
    let name = &ctx.text[ctx.tok(first).start as usize..ctx.tok(last).end as usize];
    let more_words_ok = !ctx.has(first, flag::FIRST_NAME);
    organisations.iter().any(|&o| {
        name.strip_suffix(o)
            .is_some_and(|before| before.is_empty() || (more_words_ok && before.ends_with(char::is_whitespace)))
    })
}

/// Is token `k` a kind of organisation written before a name, in lower
/// case ("investment bank Merrill Lynch")?
fn is_organisation_noun(ctx: &Ctx, k: usize) -> bool {
    ctx.has(k, flag::ORGANISATION_NOUN) && ctx.tok(k).shape.is_lower_start()
}

/// The capitalised words written right after a kind of organisation
/// anywhere in the article ("UK-based bank Standard Chartered"): that
/// name is the organisation's wherever else it stands ("Standard
/// Chartered said ...").
fn organisation_names<'t>(ctx: &Ctx<'t>) -> Vec<&'t str> {
    let mut names: Vec<&str> = Vec::new();
    // Such nouns are rare: each block of flags gives a mask with one bit
    // per token that holds one, built without branches (the compiler
    // does several flags at a time), and only the set bits are visited.
    const BLOCK: usize = 32;
    const NOUNS: u32 = flag::ORGANISATION_NOUN | flag::HOLDING_NOUN | flag::MEMBER_NOUN;
    let nouns = ctx.flags.chunks(BLOCK).enumerate().flat_map(|(bi, b)| {
        let mask = b
            .iter()
            .enumerate()
            .fold(0u32, |m, (j, &f)| m | u32::from(f & NOUNS != 0) << j);
        // Each step clears the lowest set bit.
        let masks = std::iter::successors(Some(mask), |&m| Some(m & m.wrapping_sub(1)));
        masks
            .take_while(|&m| m != 0)
            .map(move |m| bi * BLOCK + m.trailing_zeros() as usize)
    });
    for k in nouns {
        if ctx.has(k, flag::MEMBER_NOUN) {
            if let Some(name) = member_of(ctx, k)
                && !names.contains(&name)
            {
                names.push(name);
            }
            continue;
        }
        // "Titan, a California-based company, ...", "Gazprom, the world's
        // biggest gas company": a kind of organisation in apposition.
        if let Some(comma) = apposition_comma(ctx, k)
            && let Some(name) = name_before(ctx, comma, false)
            && !names.contains(&name)
        {
            names.push(name);
        }
        // "bank Standard Chartered"; "Shares in Krispy Kreme", but not
        // "a stake in Murdoch's company".
        let (before, owned) = if ctx.has(k, flag::ORGANISATION_NOUN) {
            (Some(k).filter(|&k| is_organisation_noun(ctx, k)), false)
        } else {
            let written = ctx.tok(k).shape.is_lower_start() || ctx.sentence_initial(k);
            let of = ctx
                .next_in_sentence(k)
                .filter(|&j| written && matches!(ctx.word(j), "in" | "of"));
            (of, true)
        };
        let Some(first) = before
            .and_then(|b| ctx.next_in_sentence(b))
            .filter(|&j| ctx.is_cap_word(j))
        else {
            continue;
        };
        let mut last = first;
        while let Some(j) = ctx.next_in_sentence(last).filter(|&j| ctx.is_cap_word(j)) {
            last = j;
        }
        if owned
            && ctx
                .next_in_sentence(last)
                .is_some_and(|j| ctx.tok(j).kind == crate::segment::TokenKind::Possessive)
        {
            continue;
        }
        let name = &ctx.text[ctx.tok(first).start as usize..ctx.tok(last).end as usize];
        if !names.contains(&name) {
            names.push(name);
        }
    }
    // "Laura Ashley, which floated in 1985, ...": a subject that takes
    // "which" is no person. (Only at the head of a sentence: after "an
    // email from Mr Van de Vijver, which" the "which" is the email.)
    for s in &ctx.seg.sentences {
        let Some(first) = s.tokens.clone().find(|&i| ctx.tok(i).kind != TokenKind::Punct) else {
            continue;
        };
        if !ctx.is_cap_word(first) {
            continue;
        }
        let mut last = first;
        while last + 1 < s.tokens.end && ctx.is_cap_word(last + 1) {
            last += 1;
        }
        if last + 2 < s.tokens.end && ctx.is_byte(last + 1, b',') && ctx.word(last + 2) == "which" {
            let name = &ctx.text[ctx.tok(first).start as usize..ctx.tok(last).end as usize];
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    // "Marsh & McLennan": a firm's name of several names (but "Matt Lucas
    // & David Walliams" are two people).
    let bytes = ctx.text.as_bytes();
    for at in memchr::memchr_iter(b'&', bytes) {
        let k = ctx.seg.tokens.partition_point(|t| (t.start as usize) < at);
        if ctx.seg.tokens.get(k).is_none_or(|t| t.start as usize != at)
            || !ctx
                .next_in_sentence(k)
                .is_some_and(|j| ctx.is_cap_word(j) && !ctx.has(j, flag::FIRST_NAME))
        {
            continue;
        }
        if let Some(name) = name_before(ctx, k, true)
            && !names.contains(&name)
        {
            names.push(name);
        }
    }
    names
}

/// The comma opening the appositive whose head is the kind of
/// organisation at token `noun` ("Titan, a California-based company,",
/// "Gazprom, the world's biggest gas company that ..."). None when the
/// noun only modifies the head ("a company director", "a firm believer")
/// or owns it ("the company's founder"), nor past a grammatical word ("a
/// member of the band") or a person's noun ("the man behind the games
/// group").
fn apposition_comma(ctx: &Ctx, noun: usize) -> Option<usize> {
    if !is_organisation_noun(ctx, noun) {
        return None;
    }
    if let Some(n) = ctx.next_in_sentence(noun) {
        let w = ctx.word(n);
        let head = (ctx.tok(n).kind == TokenKind::Punct && !matches!(w, "-" | "/"))
            || (ctx.has(n, flag::FUNCTION) && ctx.tok(n).shape.is_lower_start())
            || w.ends_with("ly")
            || w.ends_with("ed");
        if !head {
            return None;
        }
    }
    let mut k = noun;
    for _ in 0..6 {
        k = ctx.prev_in_sentence(k)?;
        let word = ctx.word(k);
        if matches!(word, "a" | "an" | "the") {
            return ctx.prev_in_sentence(k).filter(|&c| ctx.is_byte(c, b','));
        }
        if ctx.tok(k).kind == TokenKind::Punct
            || ctx.is_person_noun(k)
            || (ctx.has(k, flag::FUNCTION)
                && !matches!(
                    word,
                    "new" | "former" | "first" | "second" | "last" | "latest" | "own" | "most" | "one"
                ))
        {
            return None;
        }
    }
    None
}

/// The capitalised words right before token `k` ("Marsh" before " &"),
/// without the words that open a sentence or a phrase ("The",
/// "Former"); None when there are none, or, for a name before `&`, when
/// it opens with a first name ("Matt Lucas & David Walliams").
fn name_before<'t>(ctx: &Ctx<'t>, k: usize, ampersand: bool) -> Option<&'t str> {
    let last = ctx.prev_in_sentence(k).filter(|&j| ctx.is_cap_word(j))?;
    let mut first = last;
    while let Some(j) = ctx.prev_in_sentence(first).filter(|&j| ctx.is_cap_word(j)) {
        first = j;
    }
    while first < last && ctx.has(first, flag::NOT_NAME | flag::DESCRIPTION_ADJECTIVE) {
        first += 1;
    }
    if ctx.has(first, flag::NOT_NAME | flag::DESCRIPTION_ADJECTIVE)
        || (ampersand && first < last && ctx.has(first, flag::FIRST_NAME))
    {
        return None;
    }
    Some(&ctx.text[ctx.tok(first).start as usize..ctx.tok(last).end as usize])
}

/// The name that the member noun at token `k` belongs to, written right
/// before it in capitals ("Merrill Lynch analyst", "the Vera Drake
/// star"), without the words that open a sentence or a phrase ("The",
/// "Former").
fn member_of<'t>(ctx: &Ctx<'t>, k: usize) -> Option<&'t str> {
    if !ctx.tok(k).shape.is_lower_start() {
        return None;
    }
    // "Kovacs and Reeves star in the film" (a verb), "Alan Sugar boss of
    // Amstrad", "Ivan Dobrev analyst at Zembla Bank" (a title in
    // apposition, its comma left out): the name is a person's.
    if ctx.next_in_sentence(k).is_some_and(|n| {
        matches!(
            ctx.word(n),
            "in" | "as" | "alongside" | "opposite" | "with" | "of" | "at" | "for"
        )
    }) {
        return None;
    }
    name_before(ctx, k, false)
}

/// Can token `first`, found only in capitals before a speaker's surname,
/// be the first word of that speaker's full name? Not a modifier
/// ("Paris-based Euronext"), a trade or kind ("Bookmaker Ladbrokes",
/// "Singer Sizzla"), an age ("Seventeen-year-old Stone"), nor a
/// participle or adverb opening a sentence or a headline ("Troubled
/// Marsh", "Ailing EuroDisney"), unless a list knows it as a name.
fn opens_full_name(ctx: &Ctx, first: usize) -> bool {
    if ctx.has(first, flag::FIRST_NAME) {
        return true;
    }
    let w = ctx.word(first);
    let descriptive = is_modifier_at(ctx, first)
        || w.ends_with("-old")
        || ctx.is_person_noun(first)
        || ctx.noun(first).is_some()
        || ctx.has(first, flag::ORGANISATION_NOUN | flag::MEMBER_NOUN);
    let sentence_word = ctx.sentence_initial(first)
        && !ctx.has(first, flag::SURNAME)
        && ["ed", "ing", "ly"].iter().any(|s| w.ends_with(s));
    !descriptive && !sentence_word
}

/// What [`speakers_named_elsewhere`] looks for, gathered from each
/// sentence's runs once the person rules are done with them.
struct Speakers<'t> {
    /// The surnames spoken alone ("Mulgrew said").
    wanted: Vec<&'t [u8]>,
    /// The free name-like tokens that may end a full name, in text order:
    /// only sentences holding one that spells a wanted word need their
    /// runs found again.
    ends: Vec<usize>,
}

impl<'t> Speakers<'t> {
    /// Takes the free tokens among `run_tokens`, the runs of the sentence
    /// of `sentence` (its tokens), in running text. Every name-like token
    /// that no mention holds is in a run, and the person rules change the
    /// owners of the run's tokens alone: these are the free name-like
    /// tokens of the sentence as the pass leaves it.
    fn note(&mut self, ctx: &Ctx<'t>, sentence: &std::ops::Range<usize>, run_tokens: &[usize]) {
        for &i in run_tokens {
            if !ctx.name_like[i] || ctx.owner[i] != NONE {
                continue;
            }
            if !ctx.has(i, flag::NOT_NAME | flag::NON_PERSON_HEAD | flag::CALENDAR) {
                self.ends.push(i);
            }
            // (The words on either side are those of `sentence`: found
            // without looking the sentence up again. A speech verb after
            // the word is in the sentence, and no capitalised word is.)
            if ctx.is_cap_word(i)
                && !ctx.has(i, flag::NOT_NAME | flag::NON_PERSON_HEAD)
                && i + 1 < sentence.end
                && !ctx.is_cap_word(i + 1)
                && !(i > sentence.start && ctx.is_cap_word(i - 1) && !ctx.sentence_initial(i - 1))
                && speech_from(ctx, i + 1)
                && !self.wanted.contains(&ctx.bytes(i))
            {
                self.wanted.push(ctx.bytes(i));
            }
        }
    }
}

/// A surname alone as the speaker ("Mulgrew said") names someone the
/// article introduced in full without any other clue ("Jonny Mulgrew
/// scored twice"): find that full name and make it a person.
fn speakers_named_elsewhere<'t>(ctx: &mut Ctx<'t>, found: &mut Runs, speakers: Speakers<'t>, organisations: &[&str]) {
    let Speakers { mut wanted, ends } = speakers;
    // "Mrs Okafor", "Ms Sayed" with no full name found yet.
    for m in &ctx.mentions {
        if m.kind == EntityKind::Person && m.tokens.len() == 1 && m.target == NONE && !m.rule.is_empty() {
            let w = ctx.bytes(m.tokens.start);
            if !wanted.contains(&w) {
                wanted.push(w);
            }
        }
    }
    if wanted.is_empty() {
        return;
    }
    // The names pushed below own tokens of their own sentence only, and
    // each sentence is taken once, so `ends` stays true for those to come.
    let mut done = None;
    // `ends` are in text order, so their sentences are too.
    let mut at = 0;
    for &i in &ends {
        let si = ctx.sentence_of[i] as usize;
        if done == Some(si) || !wanted.contains(&ctx.bytes(i)) {
            continue;
        }
        let Some(s) = ctx.seg.sentences.get(si).filter(|s| s.tokens.contains(&i)) else {
            continue;
        };
        done = Some(si);
        at = runs(ctx, si, ctx.candidates_in(&s.tokens, at).start, found);
        for k in 0..found.len() {
            let run = found.get(k);
            // "Boss Graeme Souness", "Unseeded Nicolas Almagro": the
            // words before the name are left out.
            let skip = run.iter().take_while(|&&t| !opens_full_name(ctx, t)).count();
            let run = &run[skip..];
            let (Some(&first), Some(&last)) = (run.first(), run.last()) else {
                continue;
            };
            if !(2..=3).contains(&run.len()) || !wanted.contains(&ctx.bytes(last)) {
                continue;
            }
            let plain = run.iter().all(|&t| {
                ctx.owner[t] == NONE
                    && !ctx.has(
                        t,
                        flag::NOT_NAME | flag::NON_PERSON_HEAD | flag::CALENDAR | flag::HONORIFIC,
                    )
            });
            if !plain || names_organisation(ctx, first, last, organisations) {
                continue;
            }
            let gender = ctx
                .gaz
                .first_names
                .get(ctx.word(first))
                .map(|f| f.gender)
                .unwrap_or_default();
            let index = ctx.push(Mention {
                start: ctx.tok(first).start as usize,
                end: ctx.tok(last).end as usize,
                tokens: first..last + 1,
                kind: EntityKind::Person,
                target: NONE,
                cluster: NONE,
                rule: "speech-subject",
                canonical: None,
                demonym: false,
            });
            ctx.pending_gender.push((index, gender));
        }
    }
}

/// Is the run's first word `first` a description of the full name after it
/// ("Goalscorer Jimmy Floyd Hasselbaink", "Blairite Alan Milburn", "Tory
/// Dominic Grieve", "Harrogate Mr Kennedy")? What follows opens with a
/// first name that is no common word (or an honorific) and goes on to at
/// least one more word; the word is a noun of a person (even one a list
/// of first names holds: "Tory"), or one no name list knows. A name's own
/// first word is nearly always one a list knows ("Will Smith", "Kim Jong
/// Un"); the short ones no list knows are given names ("Khoo Kay Peng",
/// "Hew Raymond Griffiths") or open a place ("San Diego Padres", "Los
/// Angeles Dodgers"), hence the length.
fn describes_name_after(ctx: &Ctx, first: usize, rest: &[usize]) -> bool {
    let [next, after, ..] = *rest else {
        return false;
    };
    // ("Mark Carroll", "Spike Lee": a first name that is a common word too
    // is one before a surname.)
    let first_name = ctx
        .lex(next)
        .first_name
        .is_some_and(|f| !f.common_word || ctx.has(after, flag::SURNAME));
    let name_follows = ctx.tok(next).shape.is_capitalised() && (first_name || ctx.has(next, flag::HONORIFIC));
    let listed = ctx.has(first, flag::FIRST_NAME | flag::SURNAME | flag::HONORIFIC);
    name_follows && (ctx.is_person_noun(first) || (ctx.word(first).len() >= 6 && !listed))
}

/// Makes a person of the capitalised run `run`, in the sentence whose
/// first token is `sentence_start`, when its words and their context say
/// it names one; `hyphenated` is at or before the run.
fn consider_run(
    ctx: &mut Ctx,
    run: &[usize],
    sentence_start: usize,
    organisations: &[&str],
    hyphenated: &mut Hyphenated,
) {
    // "Archbishop of Canterbury Dr Rowan Williams": an honorific alone,
    // before a name a list holds, is no name ("Mr King" keeps "King").
    if let [only] = run
        && ctx.has(*only, flag::HONORIFIC)
    {
        return;
    }
    let mut run = run;
    let mut after_trade = false;
    // Honorifics inside the run ("Mr Blair", "President Biden") are titles.
    while let Some((&first, rest)) = run.split_first() {
        let not_name = ctx.has(first, flag::NOT_NAME);
        // "Will Doyle" keeps "Will"; "The Doyle report" and a sentence
        // opening "However Doyle" lose their first word.
        // "An Assessment", "In Touch": an article, a preposition or a
        // possessive is no first name even where a list holds it, unless a
        // surname follows ("An Nguyen"); nor is a modifier ("London-based
        // Xstrata").
        let drop = (ctx.has(first, flag::HONORIFIC) && !rest.is_empty())
            || (not_name && ctx.sentence_initial(first))
            || (not_name && ctx.tok(first).range().len() <= 4 && !ctx.has(first, flag::FIRST_NAME))
            // (The flag rules out nearly every name without comparing
            // strings.)
            || (ctx.has(first, flag::FUNCTION)
                && never_first_word(ctx.word(first))
                && !(ctx.has(first, flag::FIRST_NAME)
                    && rest
                        .first()
                        .is_some_and(|&n| ctx.has(n, flag::SURNAME) && !ctx.has(n, flag::CALENDAR | flag::NOT_NAME))))
            || hyphenated.modifier_at(ctx, first)
            || describes_name_after(ctx, first, rest)
            // "Singer Pete Doherty", "Actress Sandra Dee": a trade opening
            // a sentence is capitalised for the sentence, and describes
            // the name after it as it does in lower case. A first name
            // keeps its place ("Guy Chambers"), and the rest must open
            // with a first name or end with a surname ("Celebrity Big
            // Brother", "Mother Nature" are no trade and name).
            // (A lone word has no name after it: the noun is not looked up.)
            || (!rest.is_empty()
                && !ctx.has(first, flag::FIRST_NAME)
                && ctx.is_person_noun(first)
                && (ctx.sentence_initial(first) || after_trade)
                && (rest.first().is_some_and(|&n| ctx.has(n, flag::FIRST_NAME))
                    || (rest.len() <= 2 && rest.last().is_some_and(|&n| ctx.has(n, flag::SURNAME)))
                    // ("Liberal Democrat Simon Hughes": a noun of two words.)
                    || (rest.first().is_some_and(|&n| ctx.is_person_noun(n))
                        && rest.get(1).is_some_and(|&n| ctx.has(n, flag::FIRST_NAME)))));
        if !drop {
            break;
        }
        after_trade = ctx.is_person_noun(first);
        run = rest;
    }
    // A trailing particle is not part of a name.
    while let Some((&last, rest)) = run.split_last() {
        if ctx.is_particle(last) {
            run = rest;
        } else {
            break;
        }
    }
    let (Some(&first), Some(&last)) = (run.first(), run.last()) else {
        return;
    };
    // "Freddy Vs Jason", "Janet Jackson-style": a contest or a manner, not
    // a name. (A lone word left is the first word, which the loop above
    // found no modifier.)
    if run.len() > 1 && hyphenated.modifier_at(ctx, last) {
        return;
    }
    // The run's flags together, in the walk that looks for the contest:
    // most runs hold none of the words that the tests below look for, and
    // are not walked again for each.
    let mut any = 0;
    for &t in run {
        any |= ctx.flags[t];
        // (A capital "V" is a numeral: "George V".) Every form starts
        // with a "v", which rules out nearly every word at once.
        let w = ctx.bytes(t);
        if w.first().is_some_and(|b| b.eq_ignore_ascii_case(&b'v'))
            && (w == b"v"
                || [&b"vs"[..], b"vs.", b"versus"]
                    .iter()
                    .any(|v| v.eq_ignore_ascii_case(w)))
        {
            return;
        }
    }
    let len = if any & flag::PARTICLE == 0 {
        run.len()
    } else {
        run.iter().filter(|&&t| !ctx.is_particle(t)).count()
    };
    if len > 5 {
        return;
    }
    let first_name_at = |t: usize| ctx.lex(t).first_name;
    // "Monday", "Jan. 5" — but "Theresa May" and "Jan de Groot" are names.
    let calendar = |i: usize| {
        let t = run[i];
        ctx.has(t, flag::CALENDAR)
            && first_name_at(t).is_none_or(|f| f.common_word)
            && !(i > 0 && ctx.has(run[0], flag::FIRST_NAME))
    };
    // Organisations and places end in their kind ("Port Authority",
    // "Downing Street"); a first word may be a name that is also a noun
    // ("Bill Clinton", "Grant Shapps").
    let head_word = |(i, &t): (usize, &usize)| {
        ctx.has(t, flag::NON_PERSON_HEAD) && (i > 0 || !ctx.has(t, flag::FIRST_NAME) || run.len() == 1)
    };
    if (any & flag::CALENDAR != 0 && (0..run.len()).any(calendar))
        || (any & flag::NON_PERSON_HEAD != 0 && run.iter().enumerate().any(head_word))
    {
        return;
    }
    if any & flag::NOT_NAME != 0
        && run
            .iter()
            .any(|&t| ctx.has(t, flag::NOT_NAME) && !ctx.has(t, flag::FIRST_NAME))
    {
        return;
    }
    // "the Wang Yi ..." is never a person; "the Johnson report", "The
    // Brazilian Football Confederation" rarely are. Look past country and
    // office words for the article.
    // (The token before a word in the sentence, from the sentence in hand.)
    let prev = |k: usize| (k > sentence_start).then(|| k - 1);
    let before = prev(first);
    let mut p = before;
    while let Some(k) = p
        && matches!(ctx.owner_kind(k), Some(EntityKind::Country))
    {
        p = prev(k);
    }
    // (All three are function words: the flag passes over most words
    // without reading them.)
    if let Some(k) = p
        && ctx.has(k, flag::FUNCTION)
        && matches!(ctx.bytes(k), b"the" | b"a" | b"an" | b"The" | b"A" | b"An")
    {
        return;
    }
    // "investment bank Merrill Lynch", "regulator Ofcom": the kind of
    // organisation just before the run, here or elsewhere in the article,
    // says what it names (the article's other names of organisations are
    // tested once a rule has taken the run: most runs are taken by none).
    if before.is_some_and(|k| is_organisation_noun(ctx, k)) {
        return;
    }
    // After a preposition a lone capitalised word is a place ("of
    // Washington", "in Paris"), at the start of a sentence too ("In Paris,
    // the minister said").
    let after_preposition = || {
        before.is_some_and(|k| {
            crate::text::with_ascii_lower(ctx.word(k), |w| {
                matches!(
                    w,
                    "of" | "in" | "from" | "at" | "to" | "near" | "across" | "into" | "for" | "on"
                )
            })
        })
    };
    // Name evidence: a word a name list knows.
    let known_word = any & (flag::FIRST_NAME | flag::SURNAME) != 0;
    let first_name = first_name_at(first);
    let title = before.and_then(|p| title_at(ctx, first, p));
    let mut rule: Option<&'static str> = None;
    let mut gender = Gender::Unknown;
    if let Some(t) = title {
        // "rival Google", "market leader Diageo": a lone word after a noun
        // that a company can be as well names a person only when a name
        // list knows it ("President Putin", "singer Jamelia" stay); and
        // after an award's category ("the best actress Oscar", "a best new
        // artist Grammy") a lone word is the award.
        if t.rule == "title"
            && len == 1
            && ((!known_word && lone_word_title_is_generic(ctx, first)) || award_category_before(ctx, first))
        {
            return;
        }
        rule = Some(t.rule);
        gender = t.gender;
    } else if len >= 2 && first_name.is_some_and(|f| !f.common_word) {
        rule = Some("first-name");
    } else if (len >= 2 && known_word && (speech_after(ctx, last) || speech_before(ctx, first)))
        || ((2..=3).contains(&len) && speech_after_affiliation(ctx, last))
    {
        rule = Some("speech-subject");
    } else if (2..=3).contains(&len) && age_after(ctx, last) {
        // "Carol Petrakis, 44, has worked ...": a name with an age.
        rule = Some("appositive");
    } else if (known_word || len >= 2)
        && (len >= 2
            || first_name.is_some_and(|f| !f.common_word)
            || (!ctx.sentence_initial(first) && !after_preposition()))
        && appositive_after(ctx, last).is_some()
    {
        rule = Some("appositive");
    } else if len >= 2 && first_name.is_some() && ctx.has(last, flag::SURNAME) {
        rule = Some("first-name");
    } else if len == 2 && is_initial(ctx, first) && !ctx.tok(last).shape.is_all_upper() && ctx.owner[last] == NONE {
        // "G. Kersey", "M. Atherton": an initial and a surname, as
        // scorecards, lists and bylines write names ("S. Korea" is a
        // country's).
        rule = Some("initial");
    }
    let Some(rule) = rule else {
        return;
    };
    if names_organisation(ctx, first, last, organisations) {
        return;
    }
    if gender == Gender::Unknown
        && let Some(f) = first_name
    {
        gender = f.gender;
    }
    let start = ctx.tok(first).start as usize;
    let end = ctx.tok(last).end as usize;
    // The name takes over ambiguous country forms inside it.
    for t in first..=last {
        let m = ctx.owner[t];
        if m != NONE {
            ctx.mentions[m as usize].rule = "";
            ctx.owner[t] = NONE;
        }
    }
    let index = ctx.push(Mention {
        start,
        end,
        tokens: first..last + 1,
        kind: EntityKind::Person,
        target: NONE,
        cluster: NONE,
        rule,
        canonical: None,
        demonym: false,
    });
    // The gender found here is given to the cluster when it is made.
    ctx.pending_gender.push((index, gender));
}

#[cfg(test)]
mod tests {
    #[test]
    fn word_lists_are_sorted_for_binary_search() {
        assert!(super::BARE_AMBIGUOUS.is_sorted());
        assert!(super::TITLE_MODIFIERS.is_sorted());
    }

    #[test]
    fn verb_fillers_have_the_flags_tested_first() {
        use super::super::words::{FUNCTION_WORDS, JOINS_LEFT_WORDS};
        for w in super::VERB_FILLERS {
            assert!(FUNCTION_WORDS.contains(w) || JOINS_LEFT_WORDS.contains(w), "{w}");
        }
    }

    #[test]
    fn modifier_suffixes_pass_the_early_tests() {
        for s in super::MODIFIER_SUFFIXES {
            // `is_modifier` reads only the last seven bytes: the suffix and its hyphen.
            assert!(s.len() <= 6, "{s}");
            assert!(super::may_end_modifier(s.as_bytes()[s.len() - 1]), "{s}");
            assert!(super::is_modifier(format!("x-{s}").as_bytes()), "{s}");
        }
    }
}
