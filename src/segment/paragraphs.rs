//! Paragraphs: blocks of text separated by line breaks.
//!
//! News dumps come in two styles: one paragraph per line (most web scrapes,
//! the BBC corpus) and hard-wrapped text where a paragraph spans several
//! lines. A line break ends a paragraph unless the line does not end a
//! sentence and the next line starts in lower case, which is what a soft wrap
//! looks like. A blank line always ends a paragraph. `\n`, `\r\n`, a lone `\r`
//! and U+2028/U+2029 are all line breaks.

/// A line: byte range of its content, without the terminator.
#[derive(Clone, Copy, Debug)]
struct Line {
    start: usize,
    end: usize,
}

fn lines(text: &str) -> impl Iterator<Item = Line> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        if at >= bytes.len() {
            return None;
        }
        let start = at;
        let mut i = at;
        // Lines are long (a paragraph each, often): jump between the bytes
        // that can begin a line break.
        while let Some(k) = memchr::memchr3(b'\n', b'\r', 0xE2, &bytes[i..]) {
            i += k;
            match bytes[i] {
                b'\n' => {
                    at = i + 1;
                    return Some(Line { start, end: i });
                }
                b'\r' => {
                    at = if bytes.get(i + 1) == Some(&b'\n') { i + 2 } else { i + 1 };
                    return Some(Line { start, end: i });
                }
                // U+2028 and U+2029 are E2 80 A8 / E2 80 A9.
                0xE2 if bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) => {
                    at = i + 3;
                    return Some(Line { start, end: i });
                }
                _ => i += 1,
            }
        }
        at = bytes.len();
        Some(Line {
            start,
            end: bytes.len(),
        })
    })
}

/// Byte ranges of the paragraphs of `text`, trimmed of surrounding white
/// space, in order. Blank stretches yield no paragraph.
pub fn paragraphs(text: &str, out: &mut Vec<(usize, usize)>) {
    out.clear();
    let mut current: Option<(usize, usize)> = None;
    for line in lines(text) {
        let content = &text[line.start..line.end];
        let trimmed = content.trim();
        if trimmed.is_empty() {
            if let Some(p) = current.take() {
                out.push(p);
            }
            continue;
        }
        let lead = content.len() - content.trim_start().len();
        let start = line.start + lead;
        let end = start + trimmed.len();
        match current {
            Some((p_start, p_end)) if soft_wrap(&text[p_start..p_end], trimmed) => {
                current = Some((p_start, end));
            }
            Some(p) => {
                out.push(p);
                current = Some((start, end));
            }
            None => current = Some((start, end)),
        }
    }
    if let Some(p) = current {
        out.push(p);
    }
}

/// Does `next` continue the paragraph that ends with `prev`?
fn soft_wrap(prev: &str, next: &str) -> bool {
    let ends_sentence = prev
        .chars()
        .next_back()
        .is_some_and(|c| matches!(c, '.' | '!' | '?' | ':' | '"' | '”' | '’' | ')' | '…'));
    let starts_lower = next.chars().next().is_some_and(char::is_lowercase);
    !ends_sentence && starts_lower
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        paragraphs(text, &mut out);
        out.iter().map(|&(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn paragraph_table() {
        let cases: &[(&str, &[&str])] = &[
            ("", &[]),
            ("\n\n  \n", &[]),
            (
                "Title\nFirst para.\nSecond para.",
                &["Title", "First para.", "Second para."],
            ),
            (
                "Title\n\nFirst para.\n\nSecond.\n",
                &["Title", "First para.", "Second."],
            ),
            (
                "A line that wraps\nhere and ends.\nNext one.",
                &["A line that wraps\nhere and ends.", "Next one."],
            ),
            ("Ends.\nlower start stays apart", &["Ends.", "lower start stays apart"]),
            ("crlf one.\r\ncrlf two.\r\n", &["crlf one.", "crlf two."]),
            ("lone cr one.\rlone cr two.", &["lone cr one.", "lone cr two."]),
            ("sep one.\u{2029}sep two.", &["sep one.", "sep two."]),
            ("  indented.  \n\ttabbed.", &["indented.", "tabbed."]),
        ];
        for (text, want) in cases {
            assert_eq!(paras(text), *want, "paragraphs of {text:?}");
        }
    }
}
