//! The TSV format shared by every gazetteer file.
//!
//! UTF-8 text; lines starting with `#` and blank lines are ignored; the first
//! other line is the header naming the columns; fields are separated by tabs;
//! multi-valued fields separate values with `|`. Rows may omit trailing empty
//! fields but may not have more fields than the header.

use crate::error::{Error, Result};

/// A parsed TSV file.
#[derive(Debug)]
pub(crate) struct Table<'a> {
    /// The file's name, for messages, shared by every alias loaded from it.
    pub name: std::sync::Arc<str>,
    header: Vec<&'a str>,
    rows: Vec<Row<'a>>,
}

/// Tabs of a row whose offsets are kept; later fields are found by
/// splitting the line again (gazetteer files have six columns or fewer).
const KEPT_TABS: usize = 7;

/// One data row.
///
/// It keeps its line and where the line's first tabs are, rather than a
/// vector of fields: a big list has a million rows, and one allocation per
/// row was a good part of reading it.
#[derive(Debug)]
pub(crate) struct Row<'a> {
    /// 1-based line number in the file.
    pub line: usize,
    raw: &'a str,
    /// Tabs in `raw`: the row has `tabs + 1` fields.
    tabs: usize,
    /// Byte offsets in `raw` of its first tabs; valid when `raw` is short
    /// enough for `u16` offsets.
    at: [u16; KEPT_TABS],
}

/// Is `raw` a blank line or a comment (skipped by the parser)?
fn skipped(raw: &str) -> bool {
    match raw.as_bytes().first() {
        None | Some(b'#') => true,
        // Most lines start with a letter: no Unicode trim needed.
        Some(b) if b.is_ascii_graphic() => false,
        Some(_) => raw.trim().is_empty(),
    }
}

/// `str::trim`, without its per-character walk when both ends are plainly
/// not white space (nearly every field).
fn trim(s: &str) -> &str {
    match (s.as_bytes().first(), s.as_bytes().last()) {
        (Some(a), Some(b)) if !(a.is_ascii_graphic() && b.is_ascii_graphic()) => s.trim(),
        _ => s,
    }
}

impl<'a> Table<'a> {
    /// Parses `text`, the content of the file called `name`.
    pub fn parse(name: &str, text: &'a str) -> Result<Table<'a>> {
        let mut header: Option<Vec<&str>> = None;
        let mut rows = Vec::new();
        let bytes = text.as_bytes();
        // One vectorised scan finds every tab and line end of the file.
        let mut hits = memchr::memchr2_iter(b'\t', b'\n', bytes);
        let mut tabs: Vec<usize> = Vec::new();
        let mut start = 0;
        let mut i = 0;
        while start < text.len() {
            tabs.clear();
            let newline = loop {
                match hits.next() {
                    Some(k) if bytes[k] == b'\t' => tabs.push(k),
                    end => break end,
                }
            };
            // The same lines as `str::lines`: split at '\n', one '\r' before
            // it dropped, no empty line after a final '\n'.
            let (mut raw, next) = match newline {
                Some(k) => {
                    let r = &text[start..k];
                    (r.strip_suffix('\r').unwrap_or(r), k + 1)
                }
                None => (&text[start..], text.len()),
            };
            let mut base = start;
            start = next;
            let line = i + 1;
            raw = raw.strip_suffix('\r').unwrap_or(raw);
            if i == 0 {
                let bare = raw.trim_start_matches('\u{feff}');
                base += raw.len() - bare.len();
                raw = bare;
            }
            i += 1;
            if skipped(raw) {
                continue;
            }
            match &header {
                None => {
                    let fields: Vec<&str> = raw.split('\t').map(str::trim).collect();
                    if let Some(dup) = fields.iter().enumerate().find(|(j, f)| fields[..*j].contains(f)) {
                        return Err(Error::data(
                            name,
                            Some(line),
                            format!("header repeats column {:?}", dup.1),
                        ));
                    }
                    header = Some(fields);
                }
                Some(h) => {
                    if tabs.len() + 1 > h.len() {
                        return Err(Error::data(
                            name,
                            Some(line),
                            format!(
                                "{} fields but the header has {} columns (is there a stray tab?)",
                                tabs.len() + 1,
                                h.len()
                            ),
                        ));
                    }
                    let mut at = [0u16; KEPT_TABS];
                    for (slot, &k) in at.iter_mut().zip(&tabs) {
                        *slot = u16::try_from(k - base).unwrap_or(u16::MAX);
                    }
                    rows.push(Row {
                        line,
                        raw,
                        tabs: tabs.len(),
                        at,
                    });
                }
            }
        }
        let header = header.ok_or_else(|| Error::data(name, None, "no header line (the file is empty)"))?;
        Ok(Table {
            name: name.into(),
            header,
            rows,
        })
    }

    /// True when the header has every one of `columns`.
    pub fn has_columns(&self, columns: &[&str]) -> bool {
        columns.iter().all(|c| self.header.contains(c))
    }

    /// The header's columns.
    pub fn header(&self) -> &[&'a str] {
        &self.header
    }

    /// Index of `column`, or an error naming the file and the columns found.
    pub fn column(&self, column: &str) -> Result<Col> {
        self.header.iter().position(|c| *c == column).map(Col).ok_or_else(|| {
            Error::data(
                &*self.name,
                None,
                format!(
                    "the header has no column {column:?} (it has: {})",
                    self.header.join(", ")
                ),
            )
        })
    }

    /// Index of `column` when present.
    pub fn optional_column(&self, column: &str) -> Option<Col> {
        self.header.iter().position(|c| *c == column).map(Col)
    }

    /// The data rows.
    pub fn rows(&self) -> &[Row<'a>] {
        &self.rows
    }

    /// An error about `row`'s field in `column`.
    pub fn fault(&self, row: &Row, column: &str, message: impl std::fmt::Display) -> Error {
        Error::data(&*self.name, Some(row.line), format!("field {column:?}: {message}"))
    }

    /// The field of `row` in column `col` (`column` names it for errors); an
    /// error when it is empty.
    pub fn required(&self, row: &Row<'a>, col: Col, column: &str) -> Result<&'a str> {
        let value = row.get(col);
        if value.is_empty() {
            return Err(self.fault(row, column, "must not be empty"));
        }
        Ok(value)
    }
}

/// A column index.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Col(usize);

impl<'a> Row<'a> {
    /// The field in `col`, empty when the row stops before it.
    pub fn get(&self, col: Col) -> &'a str {
        let c = col.0;
        if c > self.tabs {
            return "";
        }
        if c >= KEPT_TABS || self.raw.len() > usize::from(u16::MAX) {
            return self.raw.split('\t').nth(c).map_or("", trim);
        }
        let from = if c == 0 { 0 } else { usize::from(self.at[c - 1]) + 1 };
        let to = if c == self.tabs {
            self.raw.len()
        } else {
            usize::from(self.at[c])
        };
        self.raw.get(from..to).map_or("", trim)
    }

    /// The `|`-separated values of the field in `col`, without empty ones.
    pub fn list(&self, col: Col) -> impl Iterator<Item = &'a str> {
        self.get(col).split('|').map(trim).filter(|v| !v.is_empty())
    }

    /// The field in `col` when `col` is present and the field is not empty.
    pub fn opt(&self, col: Option<Col>) -> Option<&'a str> {
        col.map(|c| self.get(c)).filter(|v| !v.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_comments_header_and_short_rows() {
        let text = "\u{feff}# a comment\n\nname\taliases\tgender\nWang Yi\tWang Yi (diplomat)|王毅\tm\r\nQin Gang\n";
        let t = Table::parse("people.tsv", text).unwrap();
        assert_eq!(t.header(), ["name", "aliases", "gender"]);
        assert_eq!(t.rows().len(), 2);
        let aliases = t.column("aliases").unwrap();
        let row = &t.rows()[0];
        assert_eq!(row.line, 4);
        assert_eq!(row.list(aliases).collect::<Vec<_>>(), ["Wang Yi (diplomat)", "王毅"]);
        assert_eq!(t.rows()[1].get(t.column("gender").unwrap()), "");
    }

    #[test]
    fn faults_name_file_line_and_field() {
        let cases: &[(&str, &str)] = &[
            ("", "x.tsv: no header line"),
            ("# only comments\n", "x.tsv: no header line"),
            ("a\tb\n1\t2\t3\n", "x.tsv:2: 3 fields but the header has 2 columns"),
            ("a\ta\n", "x.tsv:1: header repeats column \"a\""),
        ];
        for (text, want) in cases {
            let err = Table::parse("x.tsv", text).unwrap_err().to_string();
            assert!(err.starts_with(want), "{text:?}: {err}");
        }
        let t = Table::parse("x.tsv", "a\tb\n\tz\n").unwrap();
        let err = t.column("c").unwrap_err().to_string();
        assert_eq!(err, "x.tsv: the header has no column \"c\" (it has: a, b)");
        let a = t.column("a").unwrap();
        let err = t.required(&t.rows()[0], a, "a").unwrap_err().to_string();
        assert_eq!(err, "x.tsv:2: field \"a\": must not be empty");
    }
}
