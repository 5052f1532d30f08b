//! Tokens: words, numbers and punctuation, with byte offsets.
//!
//! The tokenizer is a single pass over the text. Its choices serve the later
//! stages: a possessive `’s` is a token of its own so "Clinton’s" still shows
//! "Clinton"; hyphenated words ("Jean-Claude", "vice-presidential") and
//! apostrophes inside words ("O'Brien", "don’t") stay whole; dotted
//! abbreviations ("U.S.", "a.m.") keep their periods; numbers keep their
//! decimal points and thousands separators ("1,400", "3.5").

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters (and digits) that start with a letter.
    Word,
    /// Starts with a digit.
    Number,
    /// A possessive `'s` or `’s`.
    Possessive,
    /// Any other single character that is not white space.
    Punct,
}

/// Bit flags describing a token's letter case, whether it is ASCII and
/// whether its last byte may end a sentence.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Shape(u8);

impl Shape {
    const CAPITALISED: u8 = 1;
    const ALL_UPPER: u8 = 2;
    const LOWER_START: u8 = 4;
    const ASCII: u8 = 8;
    const TERMINAL_END: u8 = 16;

    /// The first character is an upper-case (or title-case) letter.
    pub fn is_capitalised(self) -> bool {
        self.0 & Shape::CAPITALISED != 0
    }

    /// Every letter is upper case and there are at least two ("NATO", "U.S.").
    pub fn is_all_upper(self) -> bool {
        self.0 & Shape::ALL_UPPER != 0
    }

    /// The first character is a lower-case letter.
    pub fn is_lower_start(self) -> bool {
        self.0 & Shape::LOWER_START != 0
    }

    /// Every byte of the token is ASCII. The tokenizer knows it for free;
    /// later stages would otherwise slice the text and test it again.
    pub fn is_ascii(self) -> bool {
        self.0 & Shape::ASCII != 0
    }

    /// The last byte is `.`, `!`, `?` or the last of `…`: only such a token
    /// can end a sentence. The tokenizer lists these tokens for sentence
    /// splitting, and the bit spares the splitter a read of the text for
    /// the tokens it visits.
    pub fn ends_in_terminal_byte(self) -> bool {
        self.0 & Shape::TERMINAL_END != 0
    }

    /// The flag for a token whose last byte is `last`.
    fn terminal_end(last: u8) -> u8 {
        if matches!(last, b'.' | b'!' | b'?' | 0xA6) {
            Shape::TERMINAL_END
        } else {
            0
        }
    }

    /// A lower-case ASCII word, most tokens of English text.
    const LOWER_ASCII: Shape = Shape(Shape::LOWER_START | Shape::ASCII);

    /// An ASCII token that is not a word: a number, `'s` or punctuation.
    const OTHER_ASCII: Shape = Shape(Shape::ASCII);

    /// The shape of an ASCII word.
    fn of_ascii(bytes: &[u8]) -> Shape {
        let mut flags = Shape::ASCII
            | match bytes.first() {
                Some(b) if b.is_ascii_uppercase() => Shape::CAPITALISED,
                Some(b) if b.is_ascii_lowercase() => Shape::LOWER_START,
                _ => 0,
            };
        let mut letters = 0;
        for b in bytes {
            if b.is_ascii_lowercase() {
                return Shape(flags);
            }
            letters += usize::from(b.is_ascii_uppercase());
        }
        if letters >= 2 {
            flags |= Shape::ALL_UPPER;
        }
        Shape(flags)
    }

    fn of(word: &str) -> Shape {
        if word.is_ascii() {
            return Shape::of_ascii(word.as_bytes());
        }
        let mut flags = 0;
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            if first.is_uppercase() {
                flags |= Shape::CAPITALISED;
            } else if first.is_lowercase() {
                flags |= Shape::LOWER_START;
            }
        }
        let mut letters = 0;
        let mut all_upper = true;
        for c in word.chars() {
            if c.is_alphabetic() {
                letters += 1;
                if c.is_lowercase() {
                    all_upper = false;
                }
            }
        }
        if all_upper && letters >= 2 {
            flags |= Shape::ALL_UPPER;
        }
        Shape(flags)
    }
}

/// One token. Offsets are end-exclusive, into the whole article text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
    /// What the token is.
    pub kind: TokenKind,
    /// Letter case.
    pub shape: Shape,
}

impl Token {
    /// The token's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start as usize..self.end as usize]
    }

    /// The token's bytes in `text`: sliced without the tests of character
    /// boundaries that [`Token::text`] makes, for tests of ASCII bytes.
    pub fn bytes<'t>(&self, text: &'t str) -> &'t [u8] {
        &text.as_bytes()[self.range()]
    }

    /// The byte range.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    /// True for a word or number.
    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokenKind::Word | TokenKind::Number)
    }

    /// True when this is a punctuation token for `c`.
    pub fn is_punct(&self, text: &str, c: char) -> bool {
        self.kind == TokenKind::Punct && text[self.range()].starts_with(c)
    }
}

/// Characters that continue a word: letters, digits and combining marks.
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining(c)
}

/// Combining diacritical marks (the common blocks), which belong to the
/// preceding letter: "e\u{301}" is one letter to a reader.
fn is_combining(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F
        | 0x200D /* zero-width joiner */)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// The class of each byte, for the ASCII fast paths.
mod class {
    /// ASCII white space.
    pub const SPACE: u8 = 0;
    pub const UPPER: u8 = 1;
    pub const LOWER: u8 = 2;
    pub const DIGIT: u8 = 3;
    /// Any other ASCII character: punctuation and controls.
    pub const OTHER: u8 = 4;
    /// A byte of a multi-byte character.
    pub const HIGH: u8 = 5;

    pub static OF: [u8; 256] = {
        let mut t = [HIGH; 256];
        let mut b = 0;
        while b < 128 {
            t[b] = match b as u8 {
                b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => SPACE,
                b'A'..=b'Z' => UPPER,
                b'a'..=b'z' => LOWER,
                b'0'..=b'9' => DIGIT,
                _ => OTHER,
            };
            b += 1;
        }
        t
    };
}

/// Length of the run of ASCII letters and digits that starts `bytes`.
fn ascii_alnum_len(bytes: &[u8]) -> usize {
    // Eight bytes at a time: most words fit in one step.
    let mut n = 0;
    while let Some(chunk) = bytes.get(n..).and_then(<[u8]>::first_chunk::<8>) {
        let stops = not_alnum(u64::from_le_bytes(*chunk));
        if stops != 0 {
            return n + (stops.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    let rest = bytes.get(n..).unwrap_or_default();
    n + rest
        .iter()
        .position(|&b| !b.is_ascii_alphanumeric())
        .unwrap_or(rest.len())
}

/// The high bit of the first byte of `w` (in memory order) that is not an
/// ASCII letter or digit; the bits above it are unspecified.
fn not_alnum(w: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    // The sums for an ASCII byte stay within it. A byte with its high bit
    // set is rejected at the end, and its carry only spoils the bytes after
    // it, whose bits no caller reads: only the lowest one counts. Not
    // clearing the high bits first spares a constant that would be loaded
    // again for every word.
    let folded = w | (ONES * 0x20);
    let letter = folded.wrapping_add(ONES * (0x80 - b'a' as u64)) & !folded.wrapping_add(ONES * (0x7f - b'z' as u64));
    let digit = w.wrapping_add(ONES * (0x80 - b'0' as u64)) & !w.wrapping_add(ONES * (0x7f - b'9' as u64));
    !((letter | digit) & !w) & HIGH
}

/// True when a word that has run up to `end` ends there: the next byte cannot
/// continue it, or it is a joiner (`'`, `-`, `.`, `,`) with no letter or
/// digit after it.
fn ends_word(bytes: &[u8], end: usize) -> bool {
    match bytes.get(end) {
        None => true,
        Some(&b) if b >= 0x80 => false,
        Some(b'\'' | b'-' | b'.' | b',') => !bytes
            .get(end + 1)
            .is_some_and(|&n| n >= 0x80 || n.is_ascii_alphanumeric()),
        Some(_) => true,
    }
}

/// The token for the run of ASCII letters and digits `bytes[start..end]`,
/// whose first byte is of `class`.
fn ascii_word(bytes: &[u8], start: usize, end: usize, class: u8) -> Token {
    let (kind, shape) = match class {
        class::LOWER => (TokenKind::Word, Shape::LOWER_ASCII),
        class::UPPER => (TokenKind::Word, Shape::of_ascii(&bytes[start..end])),
        _ => (TokenKind::Number, Shape::OTHER_ASCII),
    };
    Token {
        start: start as u32,
        end: end as u32,
        kind,
        shape,
    }
}

/// Where an ASCII word or number whose run of letters and digits stops at
/// `end` ends, when ASCII runs joined to it as the general path joins them
/// follow: by hyphens ("vice-president", "58-year-old"), by apostrophes
/// inside words ("don't", "O'Brien") and by decimal points and thousands
/// separators inside numbers ("3.5", "1,400"). `None` leaves the token to
/// the general path, which also settles the rarer cases.
fn joined_end(bytes: &[u8], mut end: usize, class: u8) -> Option<usize> {
    let number = class == class::DIGIT;
    while let (Some(&joiner), Some(&after)) = (bytes.get(end), bytes.get(end + 1)) {
        let joins = match joiner {
            // A number takes a hyphen only before a letter ("2-1" is three tokens).
            b'-' if number => after.is_ascii_alphabetic(),
            b'-' => after.is_ascii_alphanumeric(),
            b'.' | b',' => number && bytes[end - 1].is_ascii_digit() && after.is_ascii_digit(),
            b'\'' if number => false,
            // A possessive `'s` ends the word; what follows it decides.
            b'\'' if matches!(after, b's' | b'S') => {
                if bytes
                    .get(end + 2)
                    .is_none_or(|&b| b >= 0x80 || !b.is_ascii_alphanumeric())
                {
                    return None;
                }
                true
            }
            b'\'' => after.is_ascii_alphanumeric(),
            _ => false,
        };
        if !joins {
            break;
        }
        end += 1 + ascii_alnum_len(&bytes[end + 1..]);
    }
    ends_word(bytes, end).then_some(end)
}

/// True when the apostrophe at `at` starts a possessive `'s` followed by an
/// ASCII byte that cannot continue a word, or by the end of the text. (A
/// multi-byte character after it is left to the general path.)
fn ascii_possessive_at(bytes: &[u8], at: usize) -> bool {
    matches!(bytes.get(at + 1), Some(b's' | b'S'))
        && bytes
            .get(at + 2)
            .is_none_or(|&b| b < 0x80 && !b.is_ascii_alphanumeric())
}

/// Appends the tokens of `text` to `out`. `out` is cleared first, so a buffer
/// can be reused across articles.
pub fn tokenize(text: &str, out: &mut Vec<Token>) {
    tokenize_noting_ends(text, out, None);
}

/// [`tokenize`], also pushing to `ends` (when given) the index of each token
/// whose last byte may end a sentence, in order. Only one token in a dozen
/// or so is one: sentence splitting visits those instead of every token.
pub(super) fn tokenize_noting_ends(text: &str, out: &mut Vec<Token>, mut ends: Option<&mut Vec<u32>>) {
    out.clear();
    // English prose has a token every five or six bytes; text dense with
    // numbers and punctuation has more, and regrowing copies the vector.
    out.reserve(text.len() / 4 + 16);
    let bytes = text.as_bytes();
    // The loop handles white space, plain ASCII words and numbers and
    // one-byte punctuation, which are nearly all tokens of English text;
    // `other_token` does the rest, away from the loop's registers, and the
    // last few bytes of the text. The eight bytes at a token tell whether it
    // is an ASCII word or number and, for most words, where it ends and what
    // byte follows, with no further read of the text.
    let mut at = 0;
    while let Some(chunk) = bytes.get(at..at + 8).and_then(|c| <[u8; 8]>::try_from(c).ok()) {
        let w = u64::from_le_bytes(chunk);
        let stops = not_alnum(w);
        let first = w as u8;
        if stops & 0x80 == 0 {
            let tz = stops.trailing_zeros();
            let (end, next) = if tz < 64 {
                // The flag is the high bit of the first byte after the run.
                (at + (tz / 8) as usize, (w >> (tz & 56)) as u8)
            } else {
                let end = at + 8 + ascii_alnum_len(&bytes[at + 8..]);
                // At the end of the text, a NUL stands for the missing byte:
                // it ends a word as the end does.
                (end, bytes.get(end).copied().unwrap_or(0))
            };
            if next == b' ' || ends_word(bytes, end) {
                // `first` is a letter or digit: comparing it says which.
                // (What `ascii_word` makes, written here: called here, even
                // inlined, it cost the loop 0.65 M instructions on 2 MB in
                // spilled registers.)
                let (kind, shape) = if first >= b'a' {
                    (TokenKind::Word, Shape::LOWER_ASCII)
                } else if first >= b'A' {
                    (TokenKind::Word, Shape::of_ascii(&bytes[at..end]))
                } else {
                    (TokenKind::Number, Shape::OTHER_ASCII)
                };
                out.push(Token {
                    start: at as u32,
                    end: end as u32,
                    kind,
                    shape,
                });
                at = end + usize::from(next == b' ');
                continue;
            }
            let class = class::OF[first as usize];
            if next == b'\'' && ascii_possessive_at(bytes, end) {
                // The general path would end the word at the apostrophe too,
                // then scan the `'s` on its own.
                out.push(ascii_word(bytes, at, end, class));
                out.push(Token {
                    start: end as u32,
                    end: end as u32 + 2,
                    kind: TokenKind::Possessive,
                    shape: Shape::OTHER_ASCII,
                });
                at = end + 2 + usize::from(bytes.get(end + 2) == Some(&b' '));
            } else if let Some(end) = joined_end(bytes, end, class) {
                out.push(ascii_word(bytes, at, end, class));
                at = end + usize::from(bytes.get(end) == Some(&b' '));
            } else {
                at = other_token(text, at, class, out, ends.as_deref_mut());
            }
            continue;
        }
        let class = class::OF[first as usize];
        if class == class::SPACE {
            at += 1;
            continue;
        }
        if class != class::OTHER || first == b'\'' {
            at = other_token(text, at, class, out, ends.as_deref_mut());
            continue;
        }
        let terminal = Shape::terminal_end(first);
        if terminal != 0
            && let Some(ends) = ends.as_deref_mut()
        {
            ends.push(out.len() as u32);
        }
        out.push(Token {
            start: at as u32,
            end: at as u32 + 1,
            kind: TokenKind::Punct,
            shape: Shape(Shape::ASCII | terminal),
        });
        // Most tokens are followed by one space: stepping over it here
        // saves a turn of the loop for nearly every token.
        at += 1 + usize::from(bytes.get(at + 1) == Some(&b' '));
    }
    while let Some(&b) = bytes.get(at) {
        at = other_token(text, at, class::OF[b as usize], out, ends.as_deref_mut());
    }
}

/// Scans the token (or white space) at `start`, whose first byte is of
/// `class`, pushing it to `out` (and its index to `ends` when it may end a
/// sentence); returns where the next one may start.
#[inline(never)]
fn other_token(text: &str, start: usize, class: u8, out: &mut Vec<Token>, ends: Option<&mut Vec<u32>>) -> usize {
    let mut scan = Scanner {
        text,
        at: start,
        ascii: true,
    };
    let bytes = text.as_bytes();
    let b = bytes[start];
    let kind = match class {
        class::UPPER | class::LOWER | class::DIGIT => scan.word(b as char),
        class::OTHER => {
            if b == b'\'' && scan.possessive_follows() {
                scan.possessive()
            } else {
                scan.at += 1;
                TokenKind::Punct
            }
        }
        _ => {
            let Some(c) = text[start..].chars().next() else {
                return bytes.len();
            };
            if c.is_whitespace() || c == '\u{feff}' {
                return start + c.len_utf8();
            }
            if is_word_char(c) {
                scan.word(c)
            } else if c == '’' && scan.possessive_follows() {
                scan.possessive()
            } else {
                scan.bump(c);
                TokenKind::Punct
            }
        }
    };
    let shape = match kind {
        // A lower-case first letter settles an ASCII word's shape; a
        // capitalised one is usually settled by its second letter.
        TokenKind::Word if scan.ascii && class == class::LOWER => Shape::LOWER_ASCII,
        TokenKind::Word if scan.ascii => Shape::of_ascii(&bytes[start..scan.at]),
        TokenKind::Word => Shape::of(&text[start..scan.at]),
        _ if scan.ascii => Shape::OTHER_ASCII,
        _ => Shape::default(),
    };
    // Words and numbers end in a letter or digit, bar the closing period of
    // "U.S."; the fast paths above never end in anything else.
    let last = bytes.get(scan.at.wrapping_sub(1)).copied().unwrap_or(0);
    let terminal = Shape::terminal_end(last);
    if terminal != 0
        && let Some(ends) = ends
    {
        ends.push(out.len() as u32);
    }
    let shape = Shape(shape.0 | terminal);
    out.push(Token {
        start: start as u32,
        end: scan.at as u32,
        kind,
        shape,
    });
    scan.at
}

struct Scanner<'t> {
    text: &'t str,
    at: usize,

    /// Every character of the token so far is ASCII.
    ascii: bool,
}

impl Scanner<'_> {
    fn peek2(&self) -> (Option<char>, Option<char>) {
        let bytes = self.text.as_bytes();
        match (bytes.get(self.at), bytes.get(self.at + 1)) {
            (Some(&a), Some(&b)) if a < 0x80 && b < 0x80 => (Some(a as char), Some(b as char)),
            (Some(&a), None) if a < 0x80 => (Some(a as char), None),
            _ => {
                let mut it = self.text[self.at..].chars();
                (it.next(), it.next())
            }
        }
    }

    /// Skips a run of ASCII letters and digits; returns how many bytes it
    /// skipped.
    fn ascii_alnum_run(&mut self) -> usize {
        let run = ascii_alnum_len(&self.text.as_bytes()[self.at..]);
        self.at += run;
        run
    }

    fn bump(&mut self, c: char) {
        self.at += c.len_utf8();
        if !c.is_ascii() {
            self.ascii = false;
        }
    }

    /// At an apostrophe: is it a possessive `’s` (followed by `s` and then a
    /// non-word character)?
    fn possessive_follows(&self) -> bool {
        let mut it = self.text[self.at..].chars();
        it.next();
        matches!(it.next(), Some('s' | 'S')) && !it.next().is_some_and(is_word_char)
    }

    /// Consumes the apostrophe and `s` that [`Scanner::possessive_follows`]
    /// found.
    fn possessive(&mut self) -> TokenKind {
        let mut it = self.text[self.at..].chars();
        for c in it.by_ref().take(2) {
            self.bump(c);
        }
        TokenKind::Possessive
    }

    /// Scans a word or number starting with `first`.
    fn word(&mut self, first: char) -> TokenKind {
        self.ascii = true;
        let number = first.is_ascii_digit();
        // A dotted abbreviation is single letters joined by periods.
        let mut dotted = true;
        let mut segment_len = 0usize;
        let mut has_dot = false;
        let mut prev = first;
        if first.is_ascii() {
            // The run below counts the first letter too.
            segment_len = self.ascii_alnum_run();
            // Most words end at a byte that can never continue one: only
            // letters, digits, apostrophes, hyphens, periods, a comma in a
            // number and multi-byte characters can.
            match self.text.as_bytes().get(self.at) {
                None => return if number { TokenKind::Number } else { TokenKind::Word },
                Some(&b) if b < 0x80 && !matches!(b, b'\'' | b'-' | b'.' | b',') => {
                    return if number { TokenKind::Number } else { TokenKind::Word };
                }
                _ => {}
            }
            if segment_len > 1 {
                dotted = false;
            }
            prev = self.text.as_bytes()[self.at - 1] as char;
        } else {
            self.bump(first);
            segment_len += 1;
        }
        loop {
            let run = self.ascii_alnum_run();
            if run > 0 {
                segment_len += run;
                if segment_len > 1 {
                    dotted = false;
                }
                prev = self.text.as_bytes()[self.at - 1] as char;
            }
            let (Some(c), next) = self.peek2() else {
                break;
            };
            if c.is_ascii() && class::OF[c as usize] == class::SPACE {
                break;
            }
            if is_word_char(c) {
                self.bump(c);
                if !is_combining(c) {
                    segment_len += 1;
                }
                if segment_len > 1 {
                    dotted = false;
                }
                prev = c;
                continue;
            }
            let next_is_word = next.is_some_and(is_word_char);
            if is_apostrophe(c) && next_is_word && !number {
                if self.possessive_follows() {
                    break;
                }
                self.bump(c);
                dotted = false;
                prev = c;
                continue;
            }
            // "vice-president", and "52-year-old" (a number joined to words).
            if is_hyphen(c) && next_is_word && (!number || next.is_some_and(char::is_alphabetic)) {
                self.bump(c);
                dotted = false;
                prev = c;
                continue;
            }
            if number && matches!(c, '.' | ',') && prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()) {
                self.bump(c);
                prev = c;
                continue;
            }
            if c == '.' && !number && dotted && segment_len == 1 && next.is_some_and(char::is_alphabetic) {
                self.bump(c);
                has_dot = true;
                segment_len = 0;
                prev = c;
                continue;
            }
            if c == '.' && has_dot && dotted && segment_len == 1 {
                // The closing period of "U.S." belongs to the abbreviation.
                self.bump(c);
            }
            break;
        }
        if number { TokenKind::Number } else { TokenKind::Word }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokenize(text, &mut out);
        out.iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn token_table() {
        let cases: &[(&str, &[&str])] = &[
            ("Wang said so.", &["Wang", "said", "so", "."]),
            ("Clinton’s team", &["Clinton", "’s", "team"]),
            ("Clinton's team", &["Clinton", "'s", "team"]),
            ("the 1990's BBC's", &["the", "1990", "'s", "BBC", "'s"]),
            ("the Jameses’ car", &["the", "Jameses", "’", "car"]),
            ("don’t O'Brien", &["don’t", "O'Brien"]),
            ("Jean-Claude vice-presidential", &["Jean-Claude", "vice-presidential"]),
            ("the U.S. economy", &["the", "U.S.", "economy"]),
            ("in the U.S.", &["in", "the", "U.S."]),
            ("at 9 a.m. sharp", &["at", "9", "a.m.", "sharp"]),
            ("John F. Kennedy", &["John", "F", ".", "Kennedy"]),
            ("Mr. Blair", &["Mr", ".", "Blair"]),
            (
                "£1,400 and 3.5% in 2007.",
                &["£", "1,400", "and", "3.5", "%", "in", "2007", "."],
            ),
            ("“new battlefield”", &["“", "new", "battlefield", "”"]),
            ("a - b", &["a", "-", "b"]),
            (
                "The 58-year-old won 2-1.",
                &["The", "58-year-old", "won", "2", "-", "1", "."],
            ),
            ("China-CEEC", &["China-CEEC"]),
            ("e\u{301}te\u{301}", &["e\u{301}te\u{301}"]),
            ("王毅说", &["王毅说"]),
            ("\u{feff}Title", &["Title"]),
            ("end.\"Next", &["end", ".", "\"", "Next"]),
            ("", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(toks(text), *want, "tokenizing {text:?}");
        }
    }

    #[test]
    fn short_words_cut_the_same_near_the_end_of_the_text() {
        // A word within eight bytes of the end has its run found a byte at a
        // time; the same word with more text after it, eight bytes at a time.
        let words = [
            "Said",
            "Said.",
            "NATO",
            "NATO's",
            "U.S.",
            "A.m.",
            "O'Brien",
            "Jean-Claude",
            "Abcdefgh",
            "ABCDEFGHIJ",
            "Zo\u{eb}",
            "X2",
            "2007",
            "2007.",
            "3.5",
            "1,400",
            "2-1",
            "58-year",
            "12345678",
            "said",
            "said.",
            "said,",
            "said.x",
            "a,b",
            "don't",
            "it's",
            "it’s",
            "Blair's",
            "Blair'S",
            "BLAIR'S",
            "1990's",
            "Blair'sx",
            "Blair's2",
            "Blair's\u{e9}",
            "Blair's\u{301}",
            "Blair''s",
            "Blair's's",
            "Blair'st",
            "well-known",
            "co-op",
            "u.s.",
            "a.m.",
            "e\u{301}t\u{e9}",
            "abcdefg",
            "abcdefgh",
            "abcdefg.",
            "abc-",
            "abc'",
            "x2",
            "ab\"",
            "ab)",
            "ab’",
            "abc\u{a0}d",
            "ab\n",
            "ab\t",
        ];
        for w in words {
            for tail in [" ", "", ". ", ", ", "-", "'s "] {
                let short = format!("{w}{tail}");
                let long = format!("{short} padding words after it");
                let (mut a, mut b) = (Vec::new(), Vec::new());
                tokenize(&short, &mut a);
                tokenize(&long, &mut b);
                assert_eq!(a[..], b[..a.len()], "{short:?}");
            }
        }
    }

    #[test]
    fn fast_paths_cut_as_the_general_path_does() {
        // The general path alone: every token scanned by `other_token`.
        fn general(text: &str) -> Vec<Token> {
            let mut out = Vec::new();
            let mut at = 0;
            while let Some(&b) = text.as_bytes().get(at) {
                at = other_token(text, at, class::OF[b as usize], &mut out, None);
            }
            out
        }
        let text = "Blair's book, the BBC's 1990's Blair'S BLAIR'S it's Blair'sx Blair's2 \
            Blair's\u{e9} Blair's\u{301} Blair''s Blair's's Blair'st don't O'Brien U.S. a.m. 3.5 1,400 \
            58-year-old vice-president 2-1 58-1 co-op- x-\u{e9} a-b.c 58-a1.5 well-known's A-B-C. \
            Jean-Claude's Abcdefgh-ijklmnop-q end- don't O'Brien's rock'n'roll 1,400.50 1,400, 3.5. \
            2.5-fold x's't y'S\u{e9} z's\u{201d} 10,000-strong a'b.c 1990's. 5'1 ab'c'd' NATO iPhone Wang said. x2 abcdefghijk ABCDEFGHIJK Zoë end's";
        for end in 0..=text.len() {
            let Some(text) = text.get(..end) else { continue };
            let mut out = Vec::new();
            tokenize(text, &mut out);
            assert_eq!(out, general(text), "{text:?}");
        }
    }

    #[test]
    fn alnum_runs_match_a_byte_loop() {
        let all: Vec<u8> = (0..=255).collect();
        let mut texts: Vec<Vec<u8>> = all
            .iter()
            .map(|&b| [b"abcdefg".as_slice(), &[b], b"xyz12345"].concat())
            .collect();
        texts.push(b"Z09azAZ".repeat(5));
        texts.push("a\u{e9}1\u{fc}\u{20ac}z\u{ff}9".repeat(4).into_bytes());
        texts.push(Vec::new());
        for text in &texts {
            for from in 0..text.len() {
                let want = text[from..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
                assert_eq!(ascii_alnum_len(&text[from..]), want, "{text:?} from {from}");
            }
        }
    }

    #[test]
    fn offsets_are_bytes() {
        let text = "Zoë met “Wang”";
        let mut out = Vec::new();
        tokenize(text, &mut out);
        let wang = out.iter().find(|t| t.text(text) == "Wang").unwrap();
        assert_eq!(wang.start as usize, text.find("Wang").unwrap());
        // "ë" and "“" take 2 and 3 bytes.
        assert_eq!((wang.start, wang.end), (12, 16));
    }

    #[test]
    fn the_ascii_and_terminal_bits_describe_the_text() {
        let text = "Zoë met “Wang” at 9 a.m. in the U.S. Clinton’s and Clinton's £1,400 \
            e\u{301}te\u{301} 王毅说 don’t O'Brien Jean-Claude 3.5% ‘x’ … ab\u{a0}cd NATO ÉLYSÉE \
            x2 58-year-old Straße naïve said. Wow! Why? Wait… ¦ a.m. No.5 3.5. \"Yes.\" (No!)";
        for end in 0..=text.len() {
            let Some(text) = text.get(..end) else { continue };
            let (mut out, mut ends) = (Vec::new(), Vec::new());
            tokenize_noting_ends(text, &mut out, Some(&mut ends));
            let terminals: Vec<u32> = (0..out.len() as u32)
                .filter(|&k| out[k as usize].shape.ends_in_terminal_byte())
                .collect();
            assert_eq!(ends, terminals, "{text:?}");
            for t in &out {
                let word = t.text(text);
                assert_eq!(t.shape.is_ascii(), word.is_ascii(), "{word:?} in {text:?}");
                let terminal = matches!(word.as_bytes().last(), Some(b'.' | b'!' | b'?' | 0xA6));
                assert_eq!(t.shape.ends_in_terminal_byte(), terminal, "{word:?} in {text:?}");
            }
        }
    }

    #[test]
    fn shapes() {
        let text = "Wang NATO iPhone the U.S. A";
        let mut out = Vec::new();
        tokenize(text, &mut out);
        let shape = |w: &str| out.iter().find(|t| t.text(text) == w).unwrap().shape;
        assert!(shape("Wang").is_capitalised() && !shape("Wang").is_all_upper());
        assert!(shape("NATO").is_all_upper());
        assert!(shape("iPhone").is_lower_start());
        assert!(shape("the").is_lower_start());
        assert!(shape("U.S.").is_all_upper());
        assert!(shape("A").is_capitalised() && !shape("A").is_all_upper());
    }
}
