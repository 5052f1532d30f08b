//! Quote marks: which characters open and close quotations, and how they
//! pair up.
//!
//! Curly marks say which way they face; straight marks (`"`, `'`, and the
//! doubled apostrophe `''` of some wire services) are read from their
//! surroundings: after a space or an opening bracket they open, before a
//! space or punctuation they close. Single marks are only quotation marks
//! inside a double quotation or when they pair within the paragraph, so
//! apostrophes ("don’t", "the Jameses’ car", "’90s") are left alone.
//!
//! A quotation may run over several paragraphs: in news style a paragraph
//! that opens a quotation without closing it is continued by the next
//! paragraph, which reopens it. A mark that pairs with nothing is reported
//! as a warning and ignored.

use crate::segment::Segmentation;

/// A pair of quote marks, in byte offsets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Quoted {
    /// Offset of the opening mark.
    pub open: usize,
    /// Offset just past the closing mark (or the paragraph end when the
    /// quotation continues in the next paragraph).
    pub close: usize,
    /// Offset just past the opening mark.
    pub inner_start: usize,
    /// Offset of the closing mark (or the paragraph end).
    pub inner_end: usize,
    /// Paragraph index.
    pub paragraph: usize,
    /// True when the quotation has no closing mark in this paragraph and
    /// goes on in the next one.
    pub continues: bool,
    /// True when this quotation continues one from the previous paragraph.
    pub continued: bool,
    /// Nesting depth: 0 for an outermost quotation.
    pub depth: u8,
    /// The first token at or after `open` (the opening mark's): found once
    /// here, as the patterns ask for it again and again.
    pub open_tok: usize,
    /// The first token at or after `close`, found once likewise.
    pub close_tok: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    Double,
    Single,
    Guillemet,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Facing {
    Open,
    Close,
    Either,
}

#[derive(Clone, Copy, Debug)]
struct Mark {
    at: usize,
    len: usize,
    family: Family,
    facing: Facing,
}

/// Characters after which a straight mark opens, as after a space
/// (a `match`, not a string search: every quote mark asks).
fn opens_after(b: char) -> bool {
    matches!(b, '(' | '[' | '{' | '—' | '–' | '-' | '/')
}

/// Characters before which a straight mark closes, as before a space.
fn closes_before(a: char) -> bool {
    matches!(a, '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '—' | '–' | '…')
}

fn classify(text: &str, at: usize, c: char) -> Option<(Family, Facing, usize)> {
    // Most straight apostrophes stand between two letters ("don't"): they
    // are settled from the bytes, without decoding the characters around.
    let bytes = text.as_bytes();
    if c == '\''
        && at.checked_sub(1).is_some_and(|b| bytes[b].is_ascii_alphanumeric())
        && bytes.get(at + 1).is_some_and(u8::is_ascii_alphanumeric)
    {
        return None;
    }
    // The characters around the mark: most are ASCII, read from one byte.
    let before = match at.checked_sub(1).map(|b| bytes[b]) {
        None => None,
        Some(b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text[..at].chars().next_back(),
    };
    let after_at = at + c.len_utf8();
    let after = match bytes.get(after_at) {
        None => None,
        Some(&a) if a.is_ascii() => Some(char::from(a)),
        Some(_) => text[after_at..].chars().next(),
    };
    let space_before = before.is_none_or(|b| b.is_whitespace() || opens_after(b));
    let space_after = after.is_none_or(|a| a.is_whitespace() || closes_before(a));
    let straight = |family| {
        let facing = match (space_before, space_after) {
            (true, false) => Facing::Open,
            (false, true) => Facing::Close,
            _ => Facing::Either,
        };
        Some((family, facing, c.len_utf8()))
    };
    match c {
        '“' | '„' => Some((Family::Double, Facing::Open, c.len_utf8())),
        '”' => Some((Family::Double, Facing::Close, c.len_utf8())),
        '«' => Some((Family::Guillemet, Facing::Open, c.len_utf8())),
        '»' => Some((Family::Guillemet, Facing::Close, c.len_utf8())),
        '"' => straight(Family::Double),
        '‘' | '‚' => {
            // "‘90s" is an elision, not a quotation.
            if after.is_some_and(|a| a.is_ascii_digit()) {
                None
            } else {
                Some((Family::Single, Facing::Open, c.len_utf8()))
            }
        }
        '’' | '\'' => {
            // Two apostrophes in a row are a double quote mark (''like this'').
            if c == '\'' && after == Some('\'') {
                let before2 = before;
                let after2 = text[after_at + 1..].chars().next();
                let sb = before2.is_none_or(|b| b.is_whitespace() || (b != '/' && opens_after(b)));
                let sa = after2.is_none_or(|a| a.is_whitespace() || closes_before(a));
                let facing = match (sb, sa) {
                    (true, false) => Facing::Open,
                    (false, true) => Facing::Close,
                    _ => Facing::Either,
                };
                return Some((Family::Double, facing, 2));
            }
            let letter_before = before.is_some_and(char::is_alphanumeric);
            let letter_after = after.is_some_and(char::is_alphanumeric);
            if letter_before && letter_after {
                return None; // don’t, O'Brien
            }
            if c == '\'' && space_before && !space_after {
                // 'quote or '90s
                if after.is_some_and(|a| a.is_ascii_digit()) {
                    return None;
                }
                return Some((Family::Single, Facing::Open, 1));
            }
            if letter_before || before.is_some_and(|b| matches!(b, '.' | ',' | '!' | '?' | ';' | ':')) {
                return Some((Family::Single, Facing::Close, c.len_utf8()));
            }
            None
        }
        _ => None,
    }
}

/// The lists [`pair_quotes`] works in, kept by a thread from one article
/// to the next instead of allocated for each.
#[derive(Debug, Default)]
pub(crate) struct MarkBuffers {
    marks: Vec<Mark>,
    paired: Paired,
}

/// Finds and pairs the quote marks of `text` into `out` (cleared first), in
/// text order. Unpaired marks are reported in `warnings` (once per
/// paragraph, with the offset of the first).
pub(crate) fn pair_quotes(
    text: &str,
    seg: &Segmentation,
    warnings: &mut Vec<String>,
    out: &mut Vec<Quoted>,
    bufs: &mut MarkBuffers,
) {
    out.clear();
    let mut carried = false;
    let mut stray_total = 0usize;
    let mut first_stray: Option<usize> = None;
    // One buffer for the article's marks, and one for each list pairing
    // them makes: most paragraphs with quotations would otherwise allocate
    // their own.
    let MarkBuffers { marks, paired } = bufs;
    find_marks(text, seg, marks);
    let mut rest = &marks[..];
    for (pi, p) in seg.paragraphs.iter().enumerate() {
        let (start, end) = (p.start as usize, p.end as usize);
        // (Most paragraphs have no marks, or a few.)
        let here = rest.iter().position(|m| m.at >= end).unwrap_or(rest.len());
        let (marks, after) = rest.split_at(here);
        rest = after;
        // The first token at or after an offset in the paragraph is found
        // among the paragraph's tokens: those before it start before the
        // paragraph, those after it after its end.
        let token_at_or_after = |at: usize| seg.token_at_or_after_in(p.tokens.clone(), at);
        let open_at_end = pair_paragraph(marks, carried, start, paired);
        let continues_next = open_at_end.is_some() && next_paragraph_opens(text, seg, pi);
        let mut implicit = paired.implicit_ends.iter().copied();
        for &(open, close, depth, continued) in &paired.pairs {
            // An implicit end is just before the next opening mark, trimmed.
            let end_at = match close {
                Some(m) => m.at + m.len,
                None => {
                    let at = implicit.next().unwrap_or(end);
                    start + text[start..at].trim_end().len()
                }
            };
            let open_at = open.map_or(start, |m| m.at);
            out.push(Quoted {
                open: open_at,
                close: end_at,
                inner_start: open.map_or(start, |m| m.at + m.len),
                inner_end: close.map_or(end_at, |m| m.at),
                paragraph: pi,
                continues: false,
                continued,
                depth,
                open_tok: token_at_or_after(open_at),
                close_tok: token_at_or_after(end_at),
            });
        }
        if let Some(open) = open_at_end {
            if continues_next {
                out.push(Quoted {
                    open: open.at,
                    close: end,
                    inner_start: open.at + open.len,
                    inner_end: end,
                    paragraph: pi,
                    continues: true,
                    continued: carried && open.at == start,
                    depth: 0,
                    open_tok: token_at_or_after(open.at),
                    close_tok: token_at_or_after(end),
                });
            } else {
                stray_total += 1;
                first_stray.get_or_insert(open.at);
            }
        }
        for &s in &paired.strays {
            stray_total += 1;
            first_stray.get_or_insert(s);
        }
        carried = continues_next;
    }
    if let Some(at) = first_stray {
        warnings.push(format!(
            "{stray_total} unbalanced quote mark{} (first at byte offset {at}); ignored",
            if stray_total == 1 { "" } else { "s" }
        ));
    }
    out.sort_by_key(|q| (q.open, std::cmp::Reverse(q.close)));
}

/// Finds the quote marks of every paragraph of `text` into `marks`
/// (cleared first), in text order.
fn find_marks(text: &str, seg: &Segmentation, marks: &mut Vec<Mark>) {
    marks.clear();
    let Some(last) = seg.paragraphs.last() else {
        return;
    };
    // Every quote mark starts with one of these bytes: '"', '\'', E2 (the
    // curly and low marks) or C2 (the guillemets). One search over the
    // whole article jumps between them, rather than one per paragraph, each
    // of which would end in a search to the paragraph's end that finds
    // nothing.
    let bytes = &text.as_bytes()[..last.end as usize];
    let mut main = memchr::memchr3_iter(b'"', b'\'', 0xE2, bytes).peekable();
    let mut c2 = memchr::memchr_iter(0xC2, bytes).peekable();
    let mut paragraphs = seg.paragraphs.iter();
    let mut p = paragraphs.next();
    // A doubled apostrophe is one mark: its second byte is passed over
    // (within the paragraph of the first).
    let mut skip_to = 0;
    loop {
        let off = match (main.peek(), c2.peek()) {
            (Some(&a), Some(&b)) if b < a => c2.next(),
            (Some(_), _) => main.next(),
            (None, _) => c2.next(),
        };
        let Some(off) = off else {
            break;
        };
        while p.is_some_and(|q| q.end as usize <= off) {
            p = paragraphs.next();
            skip_to = 0;
        }
        let Some(q) = p else {
            break;
        };
        // (Between paragraphs there is only white space and line breaks.)
        if off < q.start as usize || off < skip_to {
            continue;
        }
        let Some(c) = text.get(off..).and_then(|s| s.chars().next()) else {
            continue;
        };
        if !matches!(c, '"' | '“' | '”' | '„' | '‘' | '’' | '‚' | '\'' | '«' | '»') {
            continue;
        }
        if let Some((family, facing, len)) = classify(text, off, c) {
            marks.push(Mark {
                at: off,
                len,
                family,
                facing,
            });
            skip_to = off + len;
        }
    }
}

/// Does paragraph `pi + 1` begin with an opening double quote mark?
fn next_paragraph_opens(text: &str, seg: &Segmentation, pi: usize) -> bool {
    seg.paragraphs.get(pi + 1).is_some_and(|next| {
        let at = next.start as usize;
        text[at..]
            .chars()
            .next()
            .and_then(|c| classify(text, at, c))
            .is_some_and(|(family, facing, _)| family != Family::Single && facing != Facing::Close)
    })
}

type Pair = (Option<Mark>, Option<Mark>, u8, bool);

/// What [`pair_paragraph`] finds in one paragraph: its pairs, the offsets
/// of stray marks, and the ends of quotations closed by the next opening
/// mark.
#[derive(Debug, Default)]
struct Paired {
    pairs: Vec<Pair>,
    strays: Vec<usize>,
    implicit_ends: Vec<usize>,
    stack: Vec<Mark>,
}

/// Pairs the marks of one paragraph with a stack, into `out` (cleared
/// first). Returns an outermost double quotation left open at the end of
/// the paragraph.
fn pair_paragraph(marks: &[Mark], carried: bool, start: usize, out: &mut Paired) -> Option<Mark> {
    let Paired {
        pairs,
        strays,
        implicit_ends,
        stack,
    } = out;
    pairs.clear();
    strays.clear();
    implicit_ends.clear();
    stack.clear();
    for &m in marks {
        let top = stack.last().copied();
        let closes_top = top.is_some_and(|t| t.family == m.family) && m.facing != Facing::Open;
        if closes_top {
            let open = stack.pop();
            let depth = stack.len().min(255) as u8;
            let continued = carried && depth == 0 && open.is_some_and(|o| o.at == start);
            pairs.push((open, Some(m), depth, continued));
            continue;
        }
        // News style restarts a quotation at each sentence without closing
        // the last one ("...26 weeks. "We are going..."): an opening double
        // mark inside an open double quotation closes it.
        if m.family != Family::Single
            && m.facing == Facing::Open
            && top.is_some_and(|t| t.family == m.family)
            && stack.len() == 1
        {
            let open = stack.pop();
            pairs.push((open, None, 0, carried && open.is_some_and(|o| o.at == start)));
            implicit_ends.push(m.at);
        }
        match m.facing {
            Facing::Close => {
                // A closing single mark with no single quotation open is an
                // apostrophe ("the Jameses’ car").
                if m.family != Family::Single {
                    strays.push(m.at);
                }
            }
            Facing::Open | Facing::Either => {
                if m.family == Family::Single && m.facing == Facing::Either {
                    continue;
                }
                stack.push(m);
            }
        }
    }
    // What is left open: the outermost double quotation may continue in the
    // next paragraph; single marks left open were apostrophes.
    let mut open_at_end = None;
    for &m in stack.iter() {
        if m.family == Family::Single {
            continue;
        }
        if open_at_end.is_none() {
            open_at_end = Some(m);
        } else {
            strays.push(m.at);
        }
    }
    open_at_end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> (Vec<String>, Vec<String>) {
        let seg = Segmentation::new(text);
        let mut warnings = Vec::new();
        let mut q = Vec::new();
        pair_quotes(text, &seg, &mut warnings, &mut q, &mut MarkBuffers::default());
        (q.iter().map(|q| text[q.open..q.close].to_string()).collect(), warnings)
    }

    #[test]
    fn pairing_table() {
        let cases: &[(&str, &[&str], usize)] = &[
            ("He said “we won” today.", &["“we won”"], 0),
            ("He said \"we won\" today.", &["\"we won\""], 0),
            (
                "\"We won,\" he said. \"Now rest.\"",
                &["\"We won,\"", "\"Now rest.\""],
                0,
            ),
            (
                "It was a “new battlefield” with “digital iron curtains”.",
                &["“new battlefield”", "“digital iron curtains”"],
                0,
            ),
            (
                "“He told me ‘never again’ twice,” she said.",
                &["“He told me ‘never again’ twice,”", "‘never again’"],
                0,
            ),
            (
                "\"He told me 'never again' twice,\" she said.",
                &["\"He told me 'never again' twice,\"", "'never again'"],
                0,
            ),
            ("Don’t touch the Jameses’ car in the ’90s.", &[], 0),
            (
                "''We now live in a world,'' said Nevins.",
                &["''We now live in a world,''"],
                0,
            ),
            ("« Bonjour », dit-il.", &["« Bonjour »"], 0),
            ("He said “unfinished.", &[], 1),
            (
                "She said: \"We doubled it. \"We will go on.\"",
                &["\"We doubled it.", "\"We will go on.\""],
                0,
            ),
            ("Stray ” mark.", &[], 1),
            (
                "“First para goes on\n“and ends here.”",
                &["“First para goes on", "“and ends here.”"],
                0,
            ),
        ];
        for (text, want, warns) in cases {
            let (got, warnings) = quoted(text);
            assert_eq!(got, *want, "{text:?}");
            assert_eq!(warnings.len(), *warns, "{text:?}: {warnings:?}");
        }
    }

    #[test]
    fn continued_quotations_are_flagged() {
        let text = "“One paragraph\n“Two paragraph\n“Three.” he said.";
        let seg = Segmentation::new(text);
        let mut q = Vec::new();
        pair_quotes(text, &seg, &mut Vec::new(), &mut q, &mut MarkBuffers::default());
        let flags: Vec<(bool, bool)> = q.iter().map(|q| (q.continued, q.continues)).collect();
        assert_eq!(flags, [(false, true), (true, true), (true, false)]);
    }

    #[test]
    fn many_marks_stay_linear_and_safe() {
        let text = "\"".repeat(100_001);
        let (_, warnings) = quoted(&text);
        assert_eq!(warnings.len(), 1);
        // Each opening mark closes the quotation before it; the closing marks
        // after the first have nothing left to close.
        let text = "“".repeat(50_000) + &"”".repeat(50_000);
        let (got, warnings) = quoted(&text);
        assert_eq!(got.len(), 50_000);
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].starts_with("49999 unbalanced"), "{warnings:?}");
    }
}
