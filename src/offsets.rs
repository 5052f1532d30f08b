//! Conversion between byte offsets and Unicode code-point offsets.
//!
//! Inside the pipeline every span is a byte range into the article's text,
//! because that is what slicing a `&str` and the automata need. Records give
//! offsets in code points, end-exclusive, so that `text[start:end]` in Python
//! (and most JSON consumers) yields the span. [`CharIndex`] does the
//! conversion in O(1) per offset after one pass over the text.

/// How many bytes one block of the index covers. Conversion scans at most this
/// many bytes, so it is a trade between index size (4 bytes per block) and
/// per-lookup work.
const BLOCK: usize = 64;

/// Converts byte offsets of one text to code-point offsets and back.
///
/// ```
/// use whosaid::offsets::CharIndex;
///
/// let text = "Zoë said hi";
/// let index = CharIndex::new(text);
/// let byte = text.find("said").unwrap();
/// assert_eq!(byte, 5);
/// assert_eq!(index.char_offset(byte), 4);
/// assert_eq!(index.byte_offset(4), 5);
/// ```
#[derive(Clone, Debug)]
pub struct CharIndex<'a> {
    text: &'a str,
    /// Code points before the start of each block; empty for ASCII text,
    /// where byte and code-point offsets coincide.
    blocks: Vec<u32>,
}

impl<'a> CharIndex<'a> {
    /// Indexes `text`.
    pub fn new(text: &'a str) -> CharIndex<'a> {
        if text.is_ascii() {
            return CharIndex {
                text,
                blocks: Vec::new(),
            };
        }
        let bytes = text.as_bytes();
        let mut blocks = Vec::with_capacity(bytes.len() / BLOCK + 2);
        let mut count = 0u32;
        // Whole blocks, whose length the count loop then knows, filled in
        // one `extend` that checks the capacity once.
        let whole = bytes.chunks_exact(BLOCK);
        let tail = whole.remainder();
        blocks.extend(whole.map(|block| {
            let before = count;
            count += u32::from(char_starts(block));
            before
        }));
        if !tail.is_empty() {
            blocks.push(count);
            count += u32::from(char_starts(tail));
        }
        blocks.push(count);
        CharIndex { text, blocks }
    }

    /// The text this index was built over.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Number of code points in the text.
    pub fn char_len(&self) -> usize {
        match self.blocks.last() {
            None => self.text.len(),
            Some(&n) => n as usize,
        }
    }

    /// The code-point offset of byte offset `byte`.
    ///
    /// An offset inside a multi-byte character counts that character as
    /// already begun; offsets past the end are clamped to the length.
    pub fn char_offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        if self.blocks.is_empty() {
            return byte;
        }
        let block = byte / BLOCK;
        let base = self.blocks[block] as usize;
        let from = block * BLOCK;
        // A block with as many characters starting in it as it has bytes
        // holds no continuation byte, so every byte before `byte` in it
        // starts one. Nearly every block of a text that is not all ASCII is
        // such a block: one or two accents or currency signs make it so.
        if let Some(&next) = self.blocks.get(block + 1)
            && next as usize - base == (self.text.len() - from).min(BLOCK)
        {
            return base + (byte - from);
        }
        base + usize::from(char_starts(&self.text.as_bytes()[from..byte]))
    }

    /// The byte offset of code-point offset `ch`, clamped to the text's end.
    pub fn byte_offset(&self, ch: usize) -> usize {
        if self.blocks.is_empty() {
            return ch.min(self.text.len());
        }
        if ch >= self.char_len() {
            return self.text.len();
        }
        // The last block whose first code point is at or before `ch`.
        let block = self.blocks.partition_point(|&n| n as usize <= ch) - 1;
        let mut seen = self.blocks[block] as usize;
        let bytes = self.text.as_bytes();
        let mut at = block * BLOCK;
        // Step to the first character boundary of the block, then walk.
        while at < bytes.len() && is_continuation(bytes[at]) {
            at += 1;
        }
        while at < bytes.len() {
            if !is_continuation(bytes[at]) {
                if seen == ch {
                    return at;
                }
                seen += 1;
            }
            at += 1;
        }
        bytes.len()
    }

    /// Converts a byte range to a code-point range. Inlined: a record
    /// converts every entity's and span's offsets.
    #[inline]
    pub fn char_range(&self, start: usize, end: usize) -> (usize, usize) {
        (self.char_offset(start), self.char_offset(end))
    }
}

/// How many characters start in `bytes`, at most one block long. Counting in
/// a byte lets the loop run on whole vectors of bytes at once.
fn char_starts(bytes: &[u8]) -> u8 {
    debug_assert!(bytes.len() <= BLOCK);
    bytes
        .iter()
        .fold(0u8, |n, &b| n.wrapping_add(u8::from(!is_continuation(b))))
}

fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Code-point offsets as Python would compute them.
    fn python_offsets(text: &str) -> Vec<(usize, usize)> {
        text.char_indices().enumerate().map(|(ci, (bi, _))| (bi, ci)).collect()
    }

    #[test]
    fn round_trips_on_many_scripts() {
        let texts = [
            "",
            "plain ascii only",
            "Zoë said “hello” to 王毅 in Jöhannesburg",
            "🙂🙂🙂 emoji before every entity: 🙂China 🙂Wang",
            &"é".repeat(300),
            &format!("{}x{}", "a".repeat(63), "ü".repeat(200)),
            "e\u{301}\u{301}combining and \u{202e}bidi\u{202c} marks",
        ];
        for text in texts {
            let index = CharIndex::new(text);
            assert_eq!(index.char_len(), text.chars().count(), "{text:?}");
            for (byte, ch) in python_offsets(text) {
                assert_eq!(index.char_offset(byte), ch, "{text:?} byte {byte}");
                assert_eq!(index.byte_offset(ch), byte, "{text:?} char {ch}");
            }
            assert_eq!(index.char_offset(text.len()), text.chars().count());
            assert_eq!(index.byte_offset(text.chars().count()), text.len());
        }
    }

    #[test]
    fn every_byte_offset_counts_the_characters_begun_before_it() {
        let a = |n| "a".repeat(n);
        let texts = [
            format!("{}é{}", a(63), a(100)),
            format!("{}€{}", a(62), a(64)),
            format!("{}£{}£", a(64), a(190)),
            format!("{}🙂", a(125)),
            format!("é{}", a(127)),
            format!("{}ü", a(126)),
            "Zoë said “hello” to 王毅".repeat(9),
        ];
        for text in &texts {
            let index = CharIndex::new(text);
            for byte in 0..=text.len() + 1 {
                let begun = text.bytes().take(byte).filter(|&b| !is_continuation(b)).count();
                assert_eq!(index.char_offset(byte), begun, "{text:?} byte {byte}");
            }
        }
    }

    #[test]
    fn clamps_past_the_end() {
        let index = CharIndex::new("ab€");
        assert_eq!(index.char_offset(100), 3);
        assert_eq!(index.byte_offset(100), 5);
        let ascii = CharIndex::new("abc");
        assert_eq!(ascii.char_offset(10), 3);
        assert_eq!(ascii.byte_offset(10), 3);
    }
}
