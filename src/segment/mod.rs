//! Segmentation: paragraphs, sentences and tokens, with offsets.
//!
//! Every later stage works on a [`Segmentation`] of the article text. Offsets
//! are byte offsets into the text (tokens also carry code-point offsets);
//! token ranges index [`Segmentation::tokens`].

mod paragraphs;
mod sentences;
mod tokens;

use std::ops::Range;

#[allow(unused_imports)]
pub(crate) use tokens::is_word_char;
pub(crate) use tokens::tokenize as tokenize_into;
pub use tokens::{Shape, Token, TokenKind};

/// A paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// First byte (after leading white space).
    pub start: u32,
    /// One past the last byte (before trailing white space).
    pub end: u32,
    /// Its tokens, as indexes into [`Segmentation::tokens`].
    pub tokens: Range<usize>,
    /// Its sentences, as indexes into [`Segmentation::sentences`].
    pub sentences: Range<usize>,
}

/// A sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// First byte of its first token.
    pub start: u32,
    /// One past the last byte of its last token.
    pub end: u32,
    /// Its tokens, as indexes into [`Segmentation::tokens`].
    pub tokens: Range<usize>,
    /// Index of its paragraph.
    pub paragraph: usize,
}

/// The paragraphs, sentences and tokens of one text.
///
/// Every token is in exactly one sentence and every sentence in one
/// paragraph: the sentences' token ranges follow one another from the
/// first token to the last, and so do the paragraphs'. The later stages
/// rely on it.
///
/// ```
/// use whosaid::segment::Segmentation;
///
/// let text = "Wang urges calm\nMr. Wang said so. He left.";
/// let seg = Segmentation::new(text);
/// assert_eq!(seg.paragraphs.len(), 2);
/// let sentences: Vec<&str> = seg.sentences.iter()
///     .map(|s| &text[s.start as usize..s.end as usize])
///     .collect();
/// assert_eq!(sentences, ["Wang urges calm", "Mr. Wang said so.", "He left."]);
/// ```
#[derive(Clone, Debug, Default)]
pub struct Segmentation {
    /// Every token, in order.
    pub tokens: Vec<Token>,
    /// Every sentence, in order.
    pub sentences: Vec<Sentence>,
    /// Every paragraph, in order.
    pub paragraphs: Vec<Paragraph>,
    /// Indexes into [`Segmentation::tokens`] of the tokens that may end a
    /// sentence (their last byte is `.`, `!`, `?` or that of `…`), in
    /// order: the sentence splitter visits only these.
    pub sentence_end_candidates: Vec<u32>,
}

impl Segmentation {
    /// Segments `text`.
    pub fn new(text: &str) -> Segmentation {
        let mut seg = Segmentation::default();
        seg.fill(text);
        seg
    }

    /// Segments `text`, reusing this value's buffers.
    pub fn fill(&mut self, text: &str) {
        let candidates = &mut self.sentence_end_candidates;
        candidates.clear();
        tokens::tokenize_noting_ends(text, &mut self.tokens, Some(candidates));
        self.sentences.clear();
        self.paragraphs.clear();
        let mut ranges = Vec::with_capacity(text.len() / 128 + 4);
        paragraphs::paragraphs(text, &mut ranges);
        // News sentences run to a hundred-odd bytes; reserving for shorter
        // ones saves regrowing (and copying) the vector as it fills.
        self.sentences.reserve(text.len() / 64 + 1);
        self.paragraphs.reserve(ranges.len());
        let mut ends = Vec::with_capacity(16);
        let (tokens, candidates) = (&self.tokens, &self.sentence_end_candidates);
        let mut c = 0;
        let mut last = 0;
        for (p, &(start, end)) in ranges.iter().enumerate() {
            // Paragraphs come in order and only white space, which has no
            // tokens, lies between two: this paragraph's first token is found
            // by walking on from the last one's end, nearly always no step at
            // all, instead of by a search of every token.
            let mut first = last;
            while tokens.get(first).is_some_and(|t| (t.start as usize) < start) {
                first += 1;
            }
            // Candidates are in order, as paragraphs are: each paragraph's
            // follow those of the one before.
            while candidates.get(c).is_some_and(|&k| (k as usize) < first) {
                c += 1;
            }
            let c_first = c;
            while candidates
                .get(c)
                .is_some_and(|&k| (tokens[k as usize].start as usize) < end)
            {
                c += 1;
            }
            let inside = &candidates[c_first..c];
            // A paragraph nearly always ends with a full stop, its last
            // candidate: only when one does not are its tokens searched for
            // its last.
            last = match inside.last() {
                Some(&k) if tokens[k as usize].end as usize == end => k as usize + 1,
                _ => first + tokens[first..].partition_point(|t| (t.start as usize) < end),
            };
            ends.clear();
            let inside = inside.iter().map(|&k| k as usize - first);
            sentences::split(text, &tokens[first..last], inside, &mut ends);
            let s_first = self.sentences.len();
            let mut from = first;
            for &e in &ends {
                let to = first + e;
                self.sentences.push(Sentence {
                    start: tokens[from].start,
                    end: tokens[to - 1].end,
                    tokens: from..to,
                    paragraph: p,
                });
                from = to;
            }
            self.paragraphs.push(Paragraph {
                start: start as u32,
                end: end as u32,
                tokens: first..last,
                sentences: s_first..self.sentences.len(),
            });
        }
    }

    /// Index of the sentence holding byte offset `at`, if any.
    pub fn sentence_at(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| (s.end as usize) <= at);
        (i < self.sentences.len() && self.sentences[i].start as usize <= at).then_some(i)
    }

    /// Index of the paragraph holding byte offset `at`, if any.
    pub fn paragraph_at(&self, at: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|p| (p.end as usize) <= at);
        (i < self.paragraphs.len() && self.paragraphs[i].start as usize <= at).then_some(i)
    }

    /// Index of the first token starting at or after byte offset `at`.
    pub fn token_at_or_after(&self, at: usize) -> usize {
        self.token_at_or_after_in(0..self.tokens.len(), at)
    }

    /// [`Segmentation::token_at_or_after`], searching only the tokens
    /// `within` (a paragraph's or a sentence's, say): the same answer when
    /// the tokens before them start before `at` and those after them at or
    /// after it, in fewer steps.
    pub fn token_at_or_after_in(&self, within: std::ops::Range<usize>, at: usize) -> usize {
        within.start + self.tokens[within].partition_point(|t| (t.start as usize) < at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_token_is_in_one_sentence_and_paragraph() {
        let text = "Headline here\n\nFirst. Second one!\r\nThird para “quoted.” Fourth\n";
        let seg = Segmentation::new(text);
        let mut covered = 0;
        for (i, s) in seg.sentences.iter().enumerate() {
            assert_eq!(s.tokens.start, covered, "sentence {i} starts where the last ended");
            covered = s.tokens.end;
            let p = &seg.paragraphs[s.paragraph];
            assert!(p.sentences.contains(&i));
            assert!(p.tokens.start <= s.tokens.start && s.tokens.end <= p.tokens.end);
        }
        assert_eq!(covered, seg.tokens.len());
        assert_eq!(seg.paragraphs.len(), 3);
        assert_eq!(seg.sentences.len(), 5);
        let at = text.find("Second").unwrap();
        assert_eq!(seg.sentence_at(at), Some(2));
        assert_eq!(seg.paragraph_at(at), Some(1));
        assert_eq!(seg.sentence_at(text.find("\n\n").unwrap()), None);
    }

    #[test]
    fn empty_and_blank_texts() {
        for text in ["", "   \n\n\t", "\u{feff}"] {
            let seg = Segmentation::new(text);
            assert!(seg.tokens.is_empty() && seg.sentences.is_empty(), "{text:?}");
        }
    }
}
