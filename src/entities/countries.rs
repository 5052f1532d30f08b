//! Country mentions in context: a country name inside a larger name ("China
//! Daily", "American Express", "Chinese New Year") is not a mention of the
//! country, and an ambiguous form ("Jordan", "Georgia", "Chad") counts only
//! where the context says it is a place.

use rustc_hash::FxHashMap;

use super::{Ctx, NONE, flag};
use crate::record::EntityKind;

/// Words before a place name that make it one: "in Jordan", "to Georgia".
#[rustfmt::skip]
const PLACE_WORDS: &[&str] = &[
    "in", "to", "from", "of", "for", "with", "against", "across", "into", "near", "between", "toward", "towards",
    "via", "including", "visit", "visited", "visiting", "throughout", "within", "around", "and", "or", "neighbouring",
    "neighboring", "where", "than", "like", "beat", "beating", "at", "over", "on", "by", "invaded", "occupied",
];

/// A free capitalised word next to a country form, making it part of a
/// longer name.
fn free_cap(ctx: &Ctx, t: usize) -> bool {
    ctx.owner[t] == NONE && ctx.is_cap_word(t) && !(ctx.has(t, flag::FUNCTION) && ctx.sentence_initial(t))
}

/// Pass: drop country forms that are part of other names, and ambiguous forms
/// without a place context.
pub(super) fn country_pass(ctx: &mut Ctx) {
    let others: usize = ctx
        .mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Country && m.rule == "gazetteer")
        .count();
    // The country mentions by "gazetteer" (unambiguous forms) still kept, by
    // country and by start, so that "the same country elsewhere" is a
    // lookup, not a scan of every mention for each ambiguous one.
    let mut kept_total: FxHashMap<u32, usize> = FxHashMap::default();
    let mut kept_at: FxHashMap<(u32, usize), usize> = FxHashMap::default();
    for m in &ctx.mentions {
        if m.kind == EntityKind::Country && m.rule == "gazetteer" {
            *kept_total.entry(m.target).or_default() += 1;
            *kept_at.entry((m.target, m.start)).or_default() += 1;
        }
    }
    for mi in 0..ctx.mentions.len() {
        let m = &ctx.mentions[mi];
        if m.kind != EntityKind::Country || m.rule.is_empty() {
            continue;
        }
        let (first, last) = (m.tokens.start, m.tokens.end - 1);
        if ctx.caps[first] {
            continue;
        }
        let prev = ctx.prev_in_sentence(first);
        let next = ctx.next_in_sentence(last);
        let next_free = next.filter(|&n| ctx.tok(n).start == ctx.tok(last).end + 1 && free_cap(ctx, n));
        let prev_free = prev.filter(|&p| free_cap(ctx, p) && !ctx.sentence_initial(p));
        let inside_name = match next_free {
            Some(n) => m.demonym || ctx.has(n, flag::NON_PERSON_HEAD) || prev_free.is_some(),
            None => prev_free.is_some() && !m.demonym,
        };
        let mut keep = !inside_name;
        if keep && m.rule == "gazetteer-ambiguous" {
            let after_place_word =
                prev.is_some_and(|p| PLACE_WORDS.iter().any(|w| w.eq_ignore_ascii_case(ctx.word(p))));
            let same_country_elsewhere = kept_total.get(&m.target).copied().unwrap_or(0)
                > kept_at.get(&(m.target, m.start)).copied().unwrap_or(0);
            // "Turkey is ...", "Jordan's king": the form acts as a subject or owner.
            let acts = next.is_some_and(|n| {
                ctx.tok(n).kind == crate::segment::TokenKind::Possessive
                    || matches!(
                        ctx.word(n),
                        "is" | "was" | "has" | "had" | "will" | "would" | "and" | "says" | "said"
                    )
            }) && next_free.is_none();
            keep = after_place_word || same_country_elsewhere || acts || (others >= 2 && next_free.is_none());
        }
        if !keep {
            if m.rule == "gazetteer" {
                for count in [kept_total.get_mut(&m.target), kept_at.get_mut(&(m.target, m.start))]
                    .into_iter()
                    .flatten()
                {
                    *count -= 1;
                }
            }
            let tokens = ctx.mentions[mi].tokens.clone();
            for t in tokens {
                if ctx.owner[t] == mi as u32 {
                    ctx.owner[t] = NONE;
                }
            }
            ctx.mentions[mi].rule = "";
        }
    }
}
