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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowers_ascii_and_unicode() {
        assert_eq!(with_lower("Wang", str::to_string), "wang");
        assert_eq!(with_lower("ÉCOLE", str::to_string), "école");
        let long = "A".repeat(100);
        assert_eq!(with_lower(&long, str::len), 100);
    }
}
