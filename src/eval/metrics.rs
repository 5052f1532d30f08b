//! The metrics: span matching, precision, recall and F1, and the
//! attribution scores of PolNeAR-style gold.
//!
//! Definitions (every figure a percentage):
//!
//! * A span is trimmed of surrounding white space using the article text and
//!   compared as fragments: a discontinuous span is several fragments.
//!   Within an article the fragments of one role form a set (a duplicate
//!   counts once), for predictions and gold alike. A span that is empty
//!   after trimming is no fragment.
//! * `<role>_exact`: P = predicted fragments equal to a gold fragment of the
//!   role in the same article / predicted fragments; R = gold fragments equal
//!   to a predicted one / gold fragments.
//! * `<role>_overlap`: the same with "sharing at least one code point" for
//!   "equal". P and R count on their own side, so the matched counts of the
//!   two sides may differ.
//! * `attribution`: a gold attribution is found when some predicted quote's
//!   content overlaps its content and either both have a source and the
//!   sources overlap, or neither has one. P is the share of predicted quotes
//!   that match some gold attribution, R the share of gold attributions found.
//!   Attributions are not deduplicated: each is one quote or one gold
//!   annotation.
//! * F1 is the harmonic mean of the unrounded P and R.

use std::collections::BTreeSet;
use std::fmt;

use serde::Serialize;

use super::report::ErrorItem;
use super::text::Text;
use crate::record::{Quote, Span};

/// How many code points of context an error item shows on each side.
pub const CONTEXT: usize = 60;

/// A contiguous stretch of an article's text, in code points, end-exclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Fragment {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

impl Fragment {
    /// The fragment `start..end`.
    pub fn new(start: usize, end: usize) -> Fragment {
        Fragment { start, end }
    }

    /// True when the two share at least one code point.
    pub fn overlaps(self, other: Fragment) -> bool {
        self.start < other.end && other.start < self.end && self.start < self.end && other.start < other.end
    }
}

/// Counts behind a precision, recall and F1.
///
/// Precision counts on the predicted side and recall on the gold side; for
/// exact matching within a set the two matched counts are equal, for overlap
/// they need not be.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Prf {
    /// Predicted items.
    pub predicted: usize,
    /// Predicted items that match some gold item.
    pub predicted_matched: usize,
    /// Gold items.
    pub gold: usize,
    /// Gold items that some predicted item matches.
    pub gold_matched: usize,
}

impl Prf {
    /// Precision, in percent (0 when nothing was predicted).
    pub fn p(&self) -> f64 {
        percent(self.predicted_matched, self.predicted)
    }

    /// Recall, in percent (0 when there is no gold item).
    pub fn r(&self) -> f64 {
        percent(self.gold_matched, self.gold)
    }

    /// F1, in percent: the harmonic mean of [`p`](Prf::p) and [`r`](Prf::r).
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.p(), self.r());
        if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 }
    }

    /// True positives: predicted items that match.
    pub fn tp(&self) -> usize {
        self.predicted_matched
    }

    /// False positives: predicted items that match nothing.
    pub fn fp(&self) -> usize {
        self.predicted.saturating_sub(self.predicted_matched)
    }

    /// False negatives: gold items that nothing matches.
    pub fn fn_(&self) -> usize {
        self.gold.saturating_sub(self.gold_matched)
    }

    /// Adds the counts of `other`.
    pub fn add(&mut self, other: Prf) {
        self.predicted += other.predicted;
        self.predicted_matched += other.predicted_matched;
        self.gold += other.gold;
        self.gold_matched += other.gold_matched;
    }
}

/// A share: `hits` of `total`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Ratio {
    /// Items that count.
    pub hits: usize,
    /// All items.
    pub total: usize,
}

impl Ratio {
    /// `hits / total` in percent (0 when `total` is 0).
    pub fn value(&self) -> f64 {
        percent(self.hits, self.total)
    }

    /// Counts one item, a hit or not.
    pub fn count(&mut self, hit: bool) {
        self.total += 1;
        self.hits += usize::from(hit);
    }
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        100.0 * part as f64 / whole as f64
    }
}

/// One metric's value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Metric {
    /// Precision, recall and F1; addressed as `name.p`, `name.r`, `name.f1`.
    Prf(Prf),
    /// A percentage of items; addressed by its name.
    Ratio(Ratio),
    /// A plain count (violations); addressed by its name.
    Count(usize),
}

/// Named metrics, in report order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scores {
    entries: Vec<(String, Metric)>,
}

impl Scores {
    /// No metrics.
    pub fn new() -> Scores {
        Scores::default()
    }

    /// Appends metric `name` (replacing one of the same name).
    pub fn push(&mut self, name: impl Into<String>, metric: Metric) {
        let name = name.into();
        match self.entries.iter_mut().find(|(n, _)| *n == name) {
            Some(entry) => entry.1 = metric,
            None => self.entries.push((name, metric)),
        }
    }

    /// The metrics in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Metric)> {
        self.entries.iter().map(|(n, m)| (n.as_str(), m))
    }

    /// The metric called `name`.
    pub fn get(&self, name: &str) -> Option<&Metric> {
        self.entries.iter().find(|(n, _)| n == name).map(|(_, m)| m)
    }

    /// The value of an addressable figure: `name.p`, `name.r` or `name.f1`
    /// of a P/R/F1 metric, or the name of a ratio or count.
    pub fn value(&self, figure: &str) -> Option<f64> {
        if let Some(metric) = self.get(figure) {
            return match metric {
                Metric::Prf(_) => None,
                Metric::Ratio(ratio) => Some(ratio.value()),
                Metric::Count(n) => Some(*n as f64),
            };
        }
        let (name, part) = figure.rsplit_once('.')?;
        match self.get(name)? {
            Metric::Prf(prf) => match part {
                "p" => Some(prf.p()),
                "r" => Some(prf.r()),
                "f1" => Some(prf.f1()),
                _ => None,
            },
            _ => None,
        }
    }

    /// Every addressable figure name, in report order.
    pub fn figure_names(&self) -> Vec<String> {
        let mut names = Vec::new();
        for (name, metric) in self.iter() {
            match metric {
                Metric::Prf(_) => names.extend(["p", "r", "f1"].map(|part| format!("{name}.{part}"))),
                _ => names.push(name.to_string()),
            }
        }
        names
    }
}

/// A role of an attribution.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    /// Who: the local mention of the speaker.
    Source,
    /// The verb or phrase that marks the attribution.
    Cue,
    /// What was said, thought or intended.
    Content,
}

impl Role {
    /// Every role, in report order.
    pub const ALL: [Role; 3] = [Role::Source, Role::Cue, Role::Content];

    /// Lower-case name, as in metric names.
    pub fn name(self) -> &'static str {
        match self {
            Role::Source => "source",
            Role::Cue => "cue",
            Role::Content => "content",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A gold attribution: source, cue and content, each zero or more fragments
/// as annotated (they are trimmed when scored).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GoldAttribution {
    /// The source's fragments; empty when the attribution has none.
    pub source: Vec<Fragment>,
    /// The cue's fragments.
    pub cue: Vec<Fragment>,
    /// The content's fragments.
    pub content: Vec<Fragment>,
}

impl GoldAttribution {
    fn role(&self, role: Role) -> &[Fragment] {
        match role {
            Role::Source => &self.source,
            Role::Cue => &self.cue,
            Role::Content => &self.content,
        }
    }

    fn trimmed(&self, text: &Text) -> GoldAttribution {
        let trim = |frags: &[Fragment]| frags.iter().filter_map(|f| text.trim(f.start, f.end)).collect();
        GoldAttribution {
            source: trim(&self.source),
            cue: trim(&self.cue),
            content: trim(&self.content),
        }
    }
}

/// A predicted quote reduced to trimmed fragments.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct PredictedQuote {
    source: Option<Fragment>,
    cue: Option<Fragment>,
    content: Vec<Fragment>,
}

impl PredictedQuote {
    fn new(text: &Text, quote: &Quote) -> PredictedQuote {
        let trim = |span: &Span| text.trim(span.start, span.end);
        PredictedQuote {
            source: quote.source.as_ref().and_then(trim),
            cue: quote.cue.as_ref().and_then(trim),
            content: quote.content.iter().filter_map(trim).collect(),
        }
    }

    fn role(&self, role: Role) -> Vec<Fragment> {
        match role {
            Role::Source => self.source.into_iter().collect(),
            Role::Cue => self.cue.into_iter().collect(),
            Role::Content => self.content.clone(),
        }
    }

    fn matches(&self, gold: &GoldAttribution) -> bool {
        let content = any_overlap(&self.content, &gold.content);
        let source = match self.source {
            None => gold.source.is_empty(),
            Some(source) => any_overlap(&[source], &gold.source),
        };
        content && source
    }
}

fn any_overlap(a: &[Fragment], b: &[Fragment]) -> bool {
    a.iter().any(|x| b.iter().any(|y| x.overlaps(*y)))
}

/// The outcome of matching one article's predicted fragments of one kind
/// against its gold fragments of that kind.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SetMatch {
    /// Counts under exact matching.
    pub exact: Prf,
    /// Counts under overlap matching.
    pub overlap: Prf,
    /// Gold fragments with no equal prediction, each with whether some
    /// prediction overlaps it.
    pub missed: Vec<(Fragment, bool)>,
    /// Predicted fragments equal to no gold fragment, each with whether it
    /// overlaps some gold fragment.
    pub spurious: Vec<(Fragment, bool)>,
}

/// Matches two sets of fragments of one article, exactly and by overlap.
pub fn match_sets(predicted: &BTreeSet<Fragment>, gold: &BTreeSet<Fragment>) -> SetMatch {
    let mut out = SetMatch {
        exact: Prf {
            predicted: predicted.len(),
            gold: gold.len(),
            ..Prf::default()
        },
        ..SetMatch::default()
    };
    out.overlap = out.exact;
    // Sets are sorted by start: only members starting before a fragment's
    // end can overlap it.
    let overlaps =
        |f: Fragment, others: &BTreeSet<Fragment>| others.range(..Fragment::new(f.end, 0)).any(|o| o.overlaps(f));
    for &p in predicted {
        let overlap = overlaps(p, gold);
        if gold.contains(&p) {
            out.exact.predicted_matched += 1;
        } else {
            out.spurious.push((p, overlap));
        }
        out.overlap.predicted_matched += usize::from(overlap);
    }
    for &g in gold {
        let overlap = overlaps(g, predicted);
        if predicted.contains(&g) {
            out.exact.gold_matched += 1;
        } else {
            out.missed.push((g, overlap));
        }
        out.overlap.gold_matched += usize::from(overlap);
    }
    out
}

/// Sums the attribution metrics over articles: `source_exact`, `cue_exact`,
/// `content_exact`, `source_overlap`, `cue_overlap`, `content_overlap` and
/// `attribution`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AttributionTally {
    exact: [Prf; 3],
    overlap: [Prf; 3],
    attribution: Prf,
}

impl AttributionTally {
    /// An empty tally.
    pub fn new() -> AttributionTally {
        AttributionTally::default()
    }

    /// Scores one article: `gold` against the predicted `quotes` (none when
    /// the article has no prediction). False positives and negatives are
    /// appended to `errors` when given.
    pub fn add_article(
        &mut self,
        article: &str,
        text: &str,
        gold: &[GoldAttribution],
        quotes: &[Quote],
        mut errors: Option<&mut Vec<ErrorItem>>,
    ) {
        let text = Text::new(text);
        let gold: Vec<GoldAttribution> = gold.iter().map(|g| g.trimmed(&text)).collect();
        let predicted: Vec<PredictedQuote> = quotes.iter().map(|q| PredictedQuote::new(&text, q)).collect();

        for (i, role) in Role::ALL.into_iter().enumerate() {
            let gold_set: BTreeSet<Fragment> = gold.iter().flat_map(|g| g.role(role).iter().copied()).collect();
            let pred_set: BTreeSet<Fragment> = predicted.iter().flat_map(|q| q.role(role)).collect();
            let m = match_sets(&pred_set, &gold_set);
            self.exact[i].add(m.exact);
            self.overlap[i].add(m.overlap);
            if let Some(errors) = errors.as_deref_mut() {
                for (kind, list) in [("missed", &m.missed), ("spurious", &m.spurious)] {
                    for &(frag, partial) in list {
                        let mut item = ErrorItem::span(kind, role.name(), article, &text, frag);
                        item.partial = Some(partial);
                        errors.push(item);
                    }
                }
            }
        }

        let mut found = vec![false; gold.len()];
        let mut counts = Prf {
            predicted: predicted.len(),
            gold: gold.len(),
            ..Prf::default()
        };
        for quote in &predicted {
            let mut matched = false;
            for (g, found) in gold.iter().zip(found.iter_mut()) {
                if quote.matches(g) {
                    matched = true;
                    *found = true;
                }
            }
            counts.predicted_matched += usize::from(matched);
            if !matched && let Some(errors) = errors.as_deref_mut() {
                errors.push(attribution_error(
                    "spurious",
                    article,
                    &text,
                    &quote.content,
                    &quote.role(Role::Source),
                ));
            }
        }
        counts.gold_matched = found.iter().filter(|&&f| f).count();
        self.attribution.add(counts);
        if let Some(errors) = errors {
            for (g, _) in gold.iter().zip(&found).filter(|(_, f)| !**f) {
                errors.push(attribution_error("missed", article, &text, &g.content, &g.source));
            }
        }
    }

    /// The metrics, in report order.
    pub fn scores(&self) -> Scores {
        let mut scores = Scores::new();
        for (i, role) in Role::ALL.into_iter().enumerate() {
            scores.push(format!("{role}_exact"), Metric::Prf(self.exact[i]));
        }
        for (i, role) in Role::ALL.into_iter().enumerate() {
            scores.push(format!("{role}_overlap"), Metric::Prf(self.overlap[i]));
        }
        scores.push("attribution", Metric::Prf(self.attribution));
        scores
    }
}

/// An error item for a whole attribution: its extent is the content's (the
/// source's when it has no content), its text the content's fragments.
fn attribution_error(kind: &str, article: &str, text: &Text, content: &[Fragment], source: &[Fragment]) -> ErrorItem {
    let spans = if content.is_empty() { source } else { content };
    let start = spans.iter().map(|f| f.start).min().unwrap_or(0);
    let end = spans.iter().map(|f| f.end).max().unwrap_or(0);
    let mut item = ErrorItem::span(kind, "attribution", article, text, Fragment::new(start, end));
    item.text = join_fragments(text, content);
    let source = join_fragments(text, source);
    item.detail = Some(if source.is_empty() {
        "no source".to_string()
    } else {
        format!("source: {source}")
    });
    item
}

fn join_fragments(text: &Text, fragments: &[Fragment]) -> String {
    let parts: Vec<&str> = fragments.iter().map(|f| text.slice(f.start, f.end)).collect();
    parts.join(" … ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::QuoteKind;

    type Spans = &'static [(usize, usize)];

    /// A gold attribution: source, cue, content.
    type G = (Spans, Spans, Spans);
    /// A predicted quote: source, cue, content.
    type P = (Option<(usize, usize)>, Option<(usize, usize)>, Spans);

    struct Case {
        name: &'static str,
        text: &'static str,
        gold: &'static [G],
        predicted: &'static [P],
        /// (metric, [predicted matched, predicted, gold matched, gold]).
        want: &'static [(&'static str, [usize; 4])],
    }

    fn frags(spans: Spans) -> Vec<Fragment> {
        spans.iter().map(|&(s, e)| Fragment::new(s, e)).collect()
    }

    fn span((start, end): (usize, usize)) -> Span {
        Span {
            start,
            end,
            text: String::new(),
        }
    }

    fn quote(&(source, cue, content): &P) -> Quote {
        Quote {
            kind: QuoteKind::Direct,
            class: Default::default(),
            content: content.iter().copied().map(span).collect(),
            cue: cue.map(span),
            source: source.map(span),
            speaker: None,
            speaker_name: None,
            confidence: 1.0,
        }
    }

    // "Sam said it was hot and dry today."
    //  0   4    9                        34
    const SAM: &str = "Sam said it was hot and dry today.";

    const CASES: &[Case] = &[
        Case {
            name: "exact match of every role",
            text: SAM,
            gold: &[(&[(0, 3)], &[(4, 8)], &[(9, 33)])],
            predicted: &[(Some((0, 3)), Some((4, 8)), &[(9, 33)])],
            want: &[
                ("source_exact", [1, 1, 1, 1]),
                ("cue_exact", [1, 1, 1, 1]),
                ("content_exact", [1, 1, 1, 1]),
                ("content_overlap", [1, 1, 1, 1]),
                ("attribution", [1, 1, 1, 1]),
            ],
        },
        Case {
            name: "overlap but not exact",
            text: SAM,
            gold: &[(&[(0, 3)], &[(4, 8)], &[(9, 33)])],
            predicted: &[(Some((0, 2)), Some((4, 8)), &[(9, 34)])],
            want: &[
                ("source_exact", [0, 1, 0, 1]),
                ("source_overlap", [1, 1, 1, 1]),
                ("content_exact", [0, 1, 0, 1]),
                ("content_overlap", [1, 1, 1, 1]),
                ("attribution", [1, 1, 1, 1]),
            ],
        },
        Case {
            name: "touching spans share no character",
            text: SAM,
            gold: &[(&[(0, 2)], &[(4, 8)], &[(9, 19)])],
            predicted: &[(Some((2, 3)), Some((8, 10)), &[(19, 33)])],
            want: &[
                ("source_overlap", [0, 1, 0, 1]),
                ("cue_overlap", [0, 1, 0, 1]),
                ("content_overlap", [0, 1, 0, 1]),
                ("attribution", [0, 1, 0, 1]),
            ],
        },
        Case {
            name: "whitespace is trimmed on both sides; all-space spans vanish",
            text: "  Sam  said:  hot  ",
            gold: &[(&[(0, 6)], &[(7, 12)], &[(12, 19)])],
            predicted: &[
                (Some((2, 5)), Some((6, 11)), &[(14, 17)]),
                (Some((0, 2)), None, &[(17, 19)]),
            ],
            want: &[
                ("source_exact", [1, 1, 1, 1]),
                ("cue_exact", [0, 1, 0, 1]),
                ("cue_overlap", [1, 1, 1, 1]),
                ("content_exact", [1, 1, 1, 1]),
                // The second quote has neither source nor content left.
                ("attribution", [1, 2, 1, 1]),
            ],
        },
        Case {
            name: "duplicates count once, on both sides",
            text: SAM,
            gold: &[(&[(0, 3)], &[(4, 8)], &[(9, 19)]), (&[(0, 3)], &[(4, 8)], &[(20, 33)])],
            predicted: &[
                (Some((0, 3)), Some((4, 8)), &[(9, 19), (9, 19)]),
                (Some((0, 3)), Some((4, 8)), &[(9, 19)]),
            ],
            want: &[
                ("source_exact", [1, 1, 1, 1]),
                ("cue_exact", [1, 1, 1, 1]),
                ("content_exact", [1, 1, 1, 2]),
                // Attributions are not deduplicated.
                ("attribution", [2, 2, 1, 2]),
            ],
        },
        Case {
            name: "a discontinuous gold span is several fragments",
            text: SAM,
            gold: &[(&[(0, 3)], &[(4, 8)], &[(9, 19), (24, 33)])],
            predicted: &[(Some((0, 3)), Some((4, 8)), &[(9, 19)])],
            want: &[
                ("content_exact", [1, 1, 1, 2]),
                ("content_overlap", [1, 1, 1, 2]),
                ("attribution", [1, 1, 1, 1]),
            ],
        },
        Case {
            name: "overlap counts on each side: one long prediction covers two gold fragments",
            text: SAM,
            gold: &[(&[], &[(4, 8)], &[(9, 19), (24, 33)])],
            predicted: &[(None, Some((4, 8)), &[(9, 33)])],
            want: &[("content_overlap", [1, 1, 2, 2]), ("content_exact", [0, 1, 0, 2])],
        },
        Case {
            name: "missing source: matches only a quote with no source",
            text: SAM,
            gold: &[(&[], &[(4, 8)], &[(9, 33)])],
            predicted: &[
                (None, Some((4, 8)), &[(9, 33)]),
                (Some((0, 3)), Some((4, 8)), &[(9, 33)]),
            ],
            want: &[
                ("source_exact", [0, 1, 0, 0]),
                ("cue_exact", [1, 1, 1, 1]),
                ("attribution", [1, 2, 1, 1]),
            ],
        },
        Case {
            name: "gold source but predicted none",
            text: SAM,
            gold: &[(&[(0, 3)], &[(4, 8)], &[(9, 33)])],
            predicted: &[(None, None, &[(9, 33)])],
            want: &[("content_exact", [1, 1, 1, 1]), ("attribution", [0, 1, 0, 1])],
        },
        Case {
            name: "source must overlap too",
            text: SAM,
            gold: &[(&[(0, 3)], &[(4, 8)], &[(9, 33)])],
            predicted: &[(Some((24, 27)), Some((4, 8)), &[(9, 19)])],
            want: &[("attribution", [0, 1, 0, 1])],
        },
        Case {
            name: "nothing predicted",
            text: SAM,
            gold: &[(&[(0, 3)], &[(4, 8)], &[(9, 33)])],
            predicted: &[],
            want: &[
                ("source_exact", [0, 0, 0, 1]),
                ("content_overlap", [0, 0, 0, 1]),
                ("attribution", [0, 0, 0, 1]),
            ],
        },
        Case {
            name: "no gold",
            text: SAM,
            gold: &[],
            predicted: &[(Some((0, 3)), None, &[(9, 33)])],
            want: &[
                ("source_exact", [0, 1, 0, 0]),
                ("cue_exact", [0, 0, 0, 0]),
                ("attribution", [0, 1, 0, 0]),
            ],
        },
        Case {
            name: "code-point offsets after non-ASCII text",
            // "Zoë “said” 王毅 felt fine." — code points, not bytes.
            text: "Zoë “said” 王毅 felt fine.",
            gold: &[(&[(11, 13)], &[(14, 18)], &[(19, 23)])],
            predicted: &[(Some((11, 13)), Some((14, 18)), &[(19, 25)])],
            want: &[
                ("source_exact", [1, 1, 1, 1]),
                ("cue_exact", [1, 1, 1, 1]),
                ("content_exact", [0, 1, 0, 1]),
                ("content_overlap", [1, 1, 1, 1]),
            ],
        },
        Case {
            name: "offsets past the end are clamped, empty and reversed spans dropped",
            text: SAM,
            gold: &[(&[(0, 3)], &[(4, 8)], &[(9, 34)])],
            predicted: &[(Some((3, 0)), Some((8, 8)), &[(9, 400)])],
            want: &[
                ("source_exact", [0, 0, 0, 1]),
                ("cue_exact", [0, 0, 0, 1]),
                ("content_exact", [1, 1, 1, 1]),
            ],
        },
    ];

    #[test]
    fn attribution_metrics_on_small_cases() {
        for case in CASES {
            let gold: Vec<GoldAttribution> = case
                .gold
                .iter()
                .map(|&(s, c, q)| GoldAttribution {
                    source: frags(s),
                    cue: frags(c),
                    content: frags(q),
                })
                .collect();
            let quotes: Vec<Quote> = case.predicted.iter().map(quote).collect();
            let mut tally = AttributionTally::new();
            let mut errors = Vec::new();
            tally.add_article("a", case.text, &gold, &quotes, Some(&mut errors));
            let scores = tally.scores();
            for &(name, [pm, p, gm, g]) in case.want {
                let want = Prf {
                    predicted_matched: pm,
                    predicted: p,
                    gold_matched: gm,
                    gold: g,
                };
                assert_eq!(scores.get(name), Some(&Metric::Prf(want)), "{}: {name}", case.name);
            }
            // Every exact miss and every unmatched attribution is listed.
            let exact_errors: usize = Role::ALL
                .iter()
                .filter_map(|r| match scores.get(&format!("{r}_exact")) {
                    Some(Metric::Prf(prf)) => Some(prf.fp() + prf.fn_()),
                    _ => None,
                })
                .sum();
            let Some(Metric::Prf(attribution)) = scores.get("attribution") else {
                panic!("no attribution metric")
            };
            let fn_attr = attribution.gold - attribution.gold_matched;
            assert_eq!(errors.len(), exact_errors + attribution.fp() + fn_attr, "{}", case.name);
        }
    }

    #[test]
    fn sums_over_articles_and_computes_percentages() {
        let mut tally = AttributionTally::new();
        let gold = [GoldAttribution {
            source: vec![],
            cue: vec![Fragment::new(4, 8)],
            content: vec![Fragment::new(9, 33)],
        }];
        let hit = quote(&(None, Some((4, 8)), &[(9, 33)]));
        let miss = quote(&(None, Some((0, 3)), &[(0, 3)]));
        tally.add_article("a", SAM, &gold, std::slice::from_ref(&hit), None);
        tally.add_article("b", SAM, &gold, &[miss.clone(), miss], None);
        tally.add_article("c", SAM, &gold, &[], None);
        let scores = tally.scores();
        // cue: predicted {a:(4,8)}, {b:(0,3)} -> 1 of 2; gold 1 of 3.
        assert_eq!(scores.value("cue_exact.p"), Some(50.0));
        assert!((scores.value("cue_exact.r").unwrap() - 100.0 / 3.0).abs() < 1e-9);
        assert!((scores.value("cue_exact.f1").unwrap() - 40.0).abs() < 1e-9);
        // Attribution: 1 of 3 quotes, 1 of 3 gold.
        assert!((scores.value("attribution.f1").unwrap() - 100.0 / 3.0).abs() < 1e-9);
        assert_eq!(scores.value("attribution"), None);
        assert_eq!(scores.value("attribution.x"), None);
        assert_eq!(scores.value("nothing.f1"), None);
    }

    #[test]
    fn prf_of_nothing_is_zero() {
        let prf = Prf::default();
        assert_eq!((prf.p(), prf.r(), prf.f1()), (0.0, 0.0, 0.0));
        assert_eq!(Ratio::default().value(), 0.0);
    }

    #[test]
    fn set_matching_reports_partial_misses() {
        let pred: BTreeSet<Fragment> = [Fragment::new(0, 5), Fragment::new(10, 12)].into();
        let gold: BTreeSet<Fragment> = [Fragment::new(2, 5), Fragment::new(20, 22)].into();
        let m = match_sets(&pred, &gold);
        assert_eq!(m.missed, [(Fragment::new(2, 5), true), (Fragment::new(20, 22), false)]);
        assert_eq!(
            m.spurious,
            [(Fragment::new(0, 5), true), (Fragment::new(10, 12), false)]
        );
        assert_eq!(m.overlap.predicted_matched, 1);
        assert_eq!(m.overlap.gold_matched, 1);
    }
}
