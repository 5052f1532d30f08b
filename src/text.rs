//! Small text helpers for the hot paths.

/// Calls `f` with `word` in lower case, without allocating for the short
/// ASCII words that make up nearly all of running text.
pub(crate) fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let bytes = word.as_bytes();
    if bytes.len() <= 48 && bytes.is_ascii() {
        // Most words of running text are lower case already: they need no
        // copy, nor the UTF-8 check the copy costs.
        if !bytes.iter().any(u8::is_ascii_uppercase) {
            return f(word);
        }
        let mut buf = [0u8; 48];
        let lower = &mut buf[..bytes.len()];
        for (d, s) in lower.iter_mut().zip(bytes) {
            *d = s.to_ascii_lowercase();
        }
        // ASCII stays valid UTF-8 when lower-cased.
        match std::str::from_utf8(lower) {
            Ok(w) => f(w),
            Err(_) => f(&word.to_lowercase()),
        }
    } else {
        f(&word.to_lowercase())
    }
}

/// Calls `f` with `word` as [`str::to_ascii_lowercase`] has it (only ASCII
/// letters lowered), without allocating for words of up to 48 bytes.
pub(crate) fn with_ascii_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let bytes = word.as_bytes();
    if !bytes.iter().any(u8::is_ascii_uppercase) {
        return f(word);
    }
    let mut buf = [0u8; 48];
    if let Some(lower) = buf.get_mut(..bytes.len()) {
        lower.copy_from_slice(bytes);
        lower.make_ascii_lowercase();
        // Lowering ASCII letters keeps UTF-8 valid.
        if let Ok(w) = std::str::from_utf8(lower) {
            return f(w);
        }
    }
    f(&word.to_ascii_lowercase())
}

/// Is `b` an ASCII byte that `str::split_whitespace` splits at (tab, line
/// feed, vertical tab, form feed, carriage return, space)?
#[inline]
pub(crate) fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// The words of `s` with one space between each, as names and phrases are
/// shown in records.
pub(crate) fn single_spaced(s: &str) -> String {
    // Most names are written with single spaces between ASCII words already:
    // those are copied as they are.
    let mut prev = b' ';
    let mut plain = true;
    for &b in s.as_bytes() {
        if !b.is_ascii() || matches!(b, b'\t'..=b'\r') || (b == b' ' && prev == b' ') {
            plain = false;
            break;
        }
        prev = b;
    }
    if plain && prev != b' ' {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// An ASCII word of up to 15 bytes, lower-cased, with its length, in one
/// integer: a hash key with no heap behind it, compared in one go. `None`
/// for a longer word or one with any non-ASCII byte.
/// (A `const fn`, so that word lists can be keyed at compile time.)
#[inline]
pub(crate) const fn pack_ascii_lower(word: &[u8]) -> Option<u128> {
    const ONES: u128 = u128::MAX / 255;
    const HIGH: u128 = ONES * 0x80;
    if word.len() > 15 {
        return None;
    }
    let mut buf = [0u8; 16];
    buf.split_at_mut(word.len()).0.copy_from_slice(word);
    let x = u128::from_le_bytes(buf);
    if x & HIGH != 0 {
        return None;
    }
    // All bytes at once: with every byte below 0x80, adding 0x80 - b'A'
    // sets a byte's top bit when it is at least 'A', adding 0x80 - b'Z' - 1
    // when it is past 'Z', and no sum carries into the next byte.
    let upper = (x + ONES * (0x80 - b'A' as u128)) & !(x + ONES * (0x80 - b'Z' as u128 - 1)) & HIGH;
    Some((x | upper >> 2) | (word.len() as u128) << 120)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_space_is_char_white_space_in_ascii() {
        for b in 0..128u8 {
            assert_eq!(is_ascii_space(b), char::from(b).is_whitespace(), "{b:#x}");
        }
    }

    #[test]
    fn single_spaced_table() {
        let cases = [
            ("Wang Yi", "Wang Yi"),
            ("Wang  Yi", "Wang Yi"),
            (" Wang Yi", "Wang Yi"),
            ("Wang Yi ", "Wang Yi"),
            ("Wang\nYi", "Wang Yi"),
            ("Wang\u{a0}Yi", "Wang Yi"),
            ("Zoë  de\tGroot", "Zoë de Groot"),
            ("", ""),
            ("   ", ""),
        ];
        for (input, want) in cases {
            assert_eq!(single_spaced(input), want, "{input:?}");
        }
    }

    #[test]
    fn lowers_ascii_and_unicode() {
        assert_eq!(with_lower("Wang", str::to_string), "wang");
        assert_eq!(with_lower("ÉCOLE", str::to_string), "école");
        let long = "A".repeat(100);
        assert_eq!(with_lower(&long, str::len), 100);
    }

    #[test]
    fn lowers_ascii_letters_only() {
        for word in ["said", "Said", "ÉCOLE", "\u{212A}ey", "Today", &"Ab".repeat(40)] {
            assert_eq!(with_ascii_lower(word, str::to_string), word.to_ascii_lowercase());
        }
    }

    #[test]
    fn packs_short_ascii_words_only() {
        assert_eq!(pack_ascii_lower(b"Said"), pack_ascii_lower(b"said"));
        assert_ne!(pack_ascii_lower(b"said"), pack_ascii_lower(b"said\0"));
        assert_eq!(pack_ascii_lower("\u{212A}ey".as_bytes()), None);
        assert!(pack_ascii_lower(b"fifteen-letters").is_some());
        assert_eq!(pack_ascii_lower(b"sixteen-letters!"), None);
        for b in 0..0x80u8 {
            let word = [b'x', b, b'Y'];
            let mut want = [0u8; 16];
            want[..3].copy_from_slice(&word.to_ascii_lowercase());
            want[15] = 3;
            assert_eq!(pack_ascii_lower(&word), Some(u128::from_le_bytes(want)), "{b}");
        }
    }
}
