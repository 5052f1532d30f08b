//! Which attributions' content holds a given span: a quote reported inside
//! someone else's words ("he said the regulator says ...").

use super::Found;

/// The content spans of a list of attributions, indexed so that the spans
/// holding a point are found without scanning every span: a text with many
/// quotations stays linear.
pub(super) struct ContentIndex {
    /// (start, end, attribution), sorted.
    spans: Vec<(usize, usize, usize)>,
    /// The largest end among `spans[..=k]`.
    max_end: Vec<usize>,
}

impl ContentIndex {
    pub fn new(found: &[Found]) -> ContentIndex {
        // Sized up front: a flattening iterator gives `collect` no useful
        // size hint, and the vector grew step by step.
        let mut spans = Vec::with_capacity(found.iter().map(|f| f.content.len()).sum());
        for (k, f) in found.iter().enumerate() {
            spans.extend(f.content.iter().map(|&(s, e)| (s, e, k)));
        }
        spans.sort_unstable();
        let mut max_end = Vec::with_capacity(spans.len());
        let mut m = 0;
        for &(_, e, _) in &spans {
            m = m.max(e);
            max_end.push(m);
        }
        ContentIndex { spans, max_end }
    }

    /// The attributions (by index, in no particular order, possibly
    /// repeated) with a content span holding `start..end`.
    pub fn holding(&self, start: usize, end: usize) -> impl Iterator<Item = usize> + '_ {
        let mut k = self.spans.partition_point(|&(s, _, _)| s <= start);
        std::iter::from_fn(move || {
            // Spans before `k` start at or before `start`; once none of them
            // reaches `end`, none holds the span.
            while k > 0 && self.max_end[k - 1] >= end {
                k -= 1;
                let (_, e, q) = self.spans[k];
                if end <= e {
                    return Some(q);
                }
            }
            None
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holding_matches_a_scan() {
        let contents: &[&[(usize, usize)]] = &[&[(0, 100)], &[(10, 20), (30, 40)], &[(15, 18)], &[], &[(35, 90)]];
        let found: Vec<Found> = contents
            .iter()
            .map(|c| {
                Found::new(
                    crate::record::QuoteKind::Direct,
                    crate::record::CueClass::Speech,
                    c.to_vec(),
                )
            })
            .collect();
        let index = ContentIndex::new(&found);
        for start in 0..101 {
            for end in start..102 {
                let mut got: Vec<usize> = index.holding(start, end).collect();
                got.sort_unstable();
                got.dedup();
                let want: Vec<usize> = (0..found.len())
                    .filter(|&k| found[k].content.iter().any(|&(s, e)| s <= start && end <= e))
                    .collect();
                assert_eq!(got, want, "{start}..{end}");
            }
        }
    }
}
