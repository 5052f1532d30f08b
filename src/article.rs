//! The article: the unit whosaid reads, and extracts one record from.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Where an article came from: the input file and, for JSONL, the line.
///
/// `path` is the path as given on the command line (joined with the path
/// inside a directory), or `-` for standard input.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceRef {
    /// Path of the input file, or `-` for standard input.
    pub path: String,
    /// 1-based line number for JSONL input; `None` for a whole-file article.
    pub line: Option<u64>,
}

/// One news article.
///
/// Build one by hand with [`Article::new`] to use the library directly, or get
/// them from the [`input`](crate::input) readers.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Article {
    /// Identifier, unique within a run; also names the output file.
    pub id: String,
    /// Headline, when known.
    pub title: Option<String>,
    /// The full text. Every offset in the record refers to this string.
    pub text: String,
    /// Where the article was read from.
    pub source: SourceRef,
    /// Fields of a JSONL line other than id, title and text, carried into the
    /// record unchanged.
    pub meta: Option<Map<String, Value>>,
    /// Problems met while reading (invalid UTF-8, ...); copied into the
    /// record's `warnings`.
    pub warnings: Vec<String>,
}

impl Article {
    /// An article with the given id and text, no title and no source.
    ///
    /// ```
    /// let article = whosaid::Article::new("a1", "Wang said so.");
    /// assert_eq!(article.id, "a1");
    /// assert_eq!(article.title, None);
    /// ```
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Article {
        Article {
            id: id.into(),
            text: text.into(),
            ..Article::default()
        }
    }

    /// Sets the title.
    pub fn with_title(mut self, title: impl Into<String>) -> Article {
        self.title = Some(title.into());
        self
    }

    /// The first non-empty line of `text`, trimmed, as a plain-text file's
    /// title, when it is no longer than [`Article::TITLE_MAX_CHARS`]: a
    /// longer first line is prose (or the whole of a file without line
    /// breaks), and the title is then `None`. A byte-order mark is not part
    /// of a title.
    ///
    /// ```
    /// use whosaid::Article;
    /// assert_eq!(Article::first_line_title("\n Wang visits Moscow \nText."), Some("Wang visits Moscow".into()));
    /// assert_eq!(Article::first_line_title(&"word ".repeat(100)), None);
    /// ```
    pub fn first_line_title(text: &str) -> Option<String> {
        let line = text
            .lines()
            .map(|line| line.trim_start_matches('\u{feff}').trim())
            .find(|line| !line.is_empty())?;
        // Characters are counted only up to the limit: a line of 50 MB is
        // searched for its end, not decoded.
        let short = line.chars().nth(Article::TITLE_MAX_CHARS).is_none();
        short.then(|| line.to_string())
    }

    /// The longest first line [`Article::first_line_title`] takes for a
    /// title, in characters. Headlines run to a few dozen characters and
    /// rarely past 150.
    pub const TITLE_MAX_CHARS: usize = 300;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_line_title_table() {
        let at_limit = "é".repeat(Article::TITLE_MAX_CHARS);
        let past_limit = "é".repeat(Article::TITLE_MAX_CHARS + 1);
        let cases: [(String, Option<&str>); 7] = [
            ("Wang visits Moscow\n\nText.".into(), Some("Wang visits Moscow")),
            ("\u{feff}  \n\t Title \r\nText".into(), Some("Title")),
            ("".into(), None),
            (" \n \n".into(), None),
            // Characters are counted, not bytes ("é" is two bytes).
            (format!("{at_limit}\nText."), Some(at_limit.as_str())),
            (format!("{past_limit}\nText."), None),
            // A file without line breaks is not its own title.
            ("Wang said so. ".repeat(40), None),
        ];
        for (text, want) in &cases {
            assert_eq!(Article::first_line_title(text).as_deref(), *want, "{text:?}");
        }
    }
}
