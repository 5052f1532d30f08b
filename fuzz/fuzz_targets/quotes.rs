//! The quote-mark pairer and the quote patterns, through the pipeline, on
//! texts made mostly of quote marks: curly, straight, doubled, single,
//! guillemets, low-9 marks, with a few words, cues, spaces, line breaks and
//! punctuation between them. Besides the record checks, a warning about
//! unbalanced marks must point at a quote mark.

#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use whosaid::Article;
use whosaid_fuzz::{extract_and_check, pipeline};

#[derive(Arbitrary, Debug)]
enum Piece {
    Mark(Mark),
    Marks(Vec<Mark>),
    Word(Word),
    Space,
    Newline,
    Paragraph,
    Punct(Punct),
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Mark {
    Straight,
    Apostrophe,
    Doubled,
    LeftDouble,
    RightDouble,
    LowDouble,
    LeftSingle,
    RightSingle,
    LowSingle,
    LeftGuillemet,
    RightGuillemet,
    SingleGuillemet,
    Corner,
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Word {
    Wang,
    WangYi,
    He,
    She,
    Said,
    Told,
    AccordingTo,
    The,
    Minister,
    Dont,
    Nineties,
    Letter,
    Emoji,
    Combining,
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Punct {
    Comma,
    Period,
    Colon,
    Question,
    Dash,
    OpenParen,
    CloseParen,
    Ellipsis,
    Tab,
    CarriageReturn,
}

impl Mark {
    fn text(self) -> &'static str {
        match self {
            Mark::Straight => "\"",
            Mark::Apostrophe => "'",
            Mark::Doubled => "''",
            Mark::LeftDouble => "“",
            Mark::RightDouble => "”",
            Mark::LowDouble => "„",
            Mark::LeftSingle => "‘",
            Mark::RightSingle => "’",
            Mark::LowSingle => "‚",
            Mark::LeftGuillemet => "«",
            Mark::RightGuillemet => "»",
            Mark::SingleGuillemet => "‹",
            Mark::Corner => "「",
        }
    }
}

impl Word {
    fn text(self) -> &'static str {
        match self {
            Word::Wang => "Wang",
            Word::WangYi => "Wang Yi",
            Word::He => "he",
            Word::She => "She",
            Word::Said => "said",
            Word::Told => "told reporters",
            Word::AccordingTo => "according to",
            Word::The => "the",
            Word::Minister => "Foreign Minister",
            Word::Dont => "don’t",
            Word::Nineties => "’90s",
            Word::Letter => "x",
            Word::Emoji => "🙂",
            Word::Combining => "e\u{301}",
        }
    }
}

impl Punct {
    fn text(self) -> &'static str {
        match self {
            Punct::Comma => ",",
            Punct::Period => ".",
            Punct::Colon => ":",
            Punct::Question => "?",
            Punct::Dash => "—",
            Punct::OpenParen => "(",
            Punct::CloseParen => ")",
            Punct::Ellipsis => "…",
            Punct::Tab => "\t",
            Punct::CarriageReturn => "\r",
        }
    }
}

/// The quote marks the pairer reads, as the warning's offset may point at.
const MARKS: &[char] = &['"', '\'', '“', '”', '„', '‘', '’', '‚', '«', '»'];

fuzz_target!(|pieces: Vec<Piece>| {
    let mut text = String::new();
    for piece in &pieces {
        match piece {
            Piece::Mark(m) => text.push_str(m.text()),
            Piece::Marks(ms) => ms.iter().for_each(|m| text.push_str(m.text())),
            Piece::Word(w) => text.push_str(w.text()),
            Piece::Space => text.push(' '),
            Piece::Newline => text.push('\n'),
            Piece::Paragraph => text.push_str("\n\n"),
            Piece::Punct(p) => text.push_str(p.text()),
        }
    }
    let record = extract_and_check(pipeline(), &Article::new("quotes", text.as_str()));
    for w in &record.warnings {
        if let Some(rest) = w.split("first at byte offset ").nth(1) {
            let at: usize = rest
                .split(')')
                .next()
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| panic!("a readable offset in {w:?}"));
            let mark = text.get(at..).and_then(|s| s.chars().next());
            assert!(
                mark.is_some_and(|c| MARKS.contains(&c)),
                "{w:?} points at {mark:?} in {text:?}"
            );
        }
    }
});
