//! Code-point views of an article's text, for scorers: trimming spans,
//! slicing their text and showing them in context.

use crate::offsets::CharIndex;

use super::Fragment;

/// An article's text indexed by code point.
#[derive(Clone, Debug)]
pub(crate) struct Text<'a> {
    index: CharIndex<'a>,
}

impl<'a> Text<'a> {
    /// Indexes `text`.
    pub(crate) fn new(text: &'a str) -> Text<'a> {
        Text {
            index: CharIndex::new(text),
        }
    }

    /// Length in code points.
    pub(crate) fn len(&self) -> usize {
        self.index.char_len()
    }

    /// The text of code points `start..end` (clamped to the text; empty when
    /// `start >= end`).
    pub(crate) fn slice(&self, start: usize, end: usize) -> &'a str {
        let text = self.index.text();
        if start >= end {
            return "";
        }
        &text[self.index.byte_offset(start)..self.index.byte_offset(end)]
    }

    /// `start..end` clamped to the text and with surrounding white space
    /// removed; `None` when nothing is left.
    pub(crate) fn trim(&self, start: usize, end: usize) -> Option<Fragment> {
        let end = end.min(self.len());
        if start >= end {
            return None;
        }
        let span = self.slice(start, end);
        let lead = span.chars().take_while(|c| c.is_whitespace()).count();
        let trail = span.chars().rev().take_while(|c| c.is_whitespace()).count();
        let (start, end) = (start + lead, end.saturating_sub(trail));
        (start < end).then_some(Fragment { start, end })
    }

    /// `fragment` with up to `width` code points on each side, the fragment
    /// itself between `[[` and `]]`, line breaks shown as spaces.
    pub(crate) fn context(&self, fragment: Fragment, width: usize) -> String {
        let before = self.slice(fragment.start.saturating_sub(width), fragment.start);
        let inside = self.slice(fragment.start, fragment.end);
        let after = self.slice(fragment.end, fragment.end.saturating_add(width).min(self.len()));
        let joined = format!("{before}[[{inside}]]{after}");
        joined.replace(['\r', '\n'], " ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(start: usize, end: usize) -> Option<Fragment> {
        Some(Fragment { start, end })
    }

    #[test]
    fn trims_by_code_point() {
        // (text, start, end, expected)
        let cases: &[(&str, usize, usize, Option<Fragment>)] = &[
            ("ab cd", 0, 5, f(0, 5)),
            (" ab ", 0, 4, f(1, 3)),
            ("\n\tab\u{a0}", 0, 5, f(2, 4)),
            ("   ", 0, 3, None),
            ("abc", 2, 1, None),
            ("abc", 1, 99, f(1, 3)),
            ("ëë said ", 2, 9, f(3, 7)),
            ("王毅 说 ", 2, 5, f(3, 4)),
        ];
        for (i, &(text, start, end, want)) in cases.iter().enumerate() {
            assert_eq!(Text::new(text).trim(start, end), want, "case {i}: {text:?}");
        }
    }

    #[test]
    fn slices_and_contexts_by_code_point() {
        let text = Text::new("Zoë said\n“hi” to 王毅");
        assert_eq!(text.slice(4, 8), "said");
        assert_eq!(text.slice(17, 19), "王毅");
        assert_eq!(text.slice(5, 2), "");
        let frag = Fragment { start: 4, end: 8 };
        assert_eq!(text.context(frag, 3), "oë [[said]] “h");
        assert_eq!(
            text.context(Fragment { start: 17, end: 19 }, 100),
            "Zoë said “hi” to [[王毅]]"
        );
    }
}
