//! Country mentions in context: a country name inside a larger name ("China
//! Daily", "American Express", "Chinese New Year") is not a mention of the
//! country, and an ambiguous form ("Jordan", "Georgia", "Chad") counts only
//! where the context says it is a place.

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
    // The country mentions by "gazetteer" (unambiguous forms) still kept, by
    // country and by country and start, so that "the same country
    // elsewhere" is a lookup, not a scan of every mention for each
    // ambiguous one. An article names few countries: sorted lists cost
    // less to build than hash maps.
    let mut kept_at: Vec<((u32, usize), usize)> = ctx
        .mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Country && m.rule == "gazetteer")
        .map(|m| ((m.target, m.start), 1))
        .collect();
    let others = kept_at.len();
    kept_at.sort_unstable_by_key(|&(key, _)| key);
    let mut kept_total: Vec<(u32, usize)> = kept_at.iter().map(|&((c, _), n)| (c, n)).collect();
    merge_counts(&mut kept_at);
    merge_counts(&mut kept_total);
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
            let same_country_elsewhere = count(&kept_total, m.target) > count(&kept_at, (m.target, m.start));
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
                uncount(&mut kept_total, m.target);
                uncount(&mut kept_at, (m.target, m.start));
            }
            ctx.drop_mention(mi);
        }
    }
}

/// Sums the counts of equal keys in a list sorted by key.
fn merge_counts<K: PartialEq>(list: &mut Vec<(K, usize)>) {
    list.dedup_by(|later, first| {
        let same = later.0 == first.0;
        if same {
            first.1 += later.1;
        }
        same
    });
}

/// The count of `key` in a merged list, 0 when absent.
fn count<K: Ord>(list: &[(K, usize)], key: K) -> usize {
    list.binary_search_by(|(k, _)| k.cmp(&key)).map_or(0, |i| list[i].1)
}

/// Takes one from the count of `key`, when it is in the list.
fn uncount<K: Ord>(list: &mut [(K, usize)], key: K) {
    if let Ok(i) = list.binary_search_by(|(k, _)| k.cmp(&key)) {
        list[i].1 -= 1;
    }
}
