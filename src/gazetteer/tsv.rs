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

/// One data row.
#[derive(Debug)]
pub(crate) struct Row<'a> {
    /// 1-based line number in the file.
    pub line: usize,
    fields: Vec<&'a str>,
}

impl<'a> Table<'a> {
    /// Parses `text`, the content of the file called `name`.
    pub fn parse(name: &str, text: &'a str) -> Result<Table<'a>> {
        let mut header: Option<Vec<&str>> = None;
        let mut rows = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let raw = raw.strip_suffix('\r').unwrap_or(raw);
            let raw = if i == 0 {
                raw.trim_start_matches('\u{feff}')
            } else {
                raw
            };
            if raw.trim().is_empty() || raw.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = raw.split('\t').map(str::trim).collect();
            match &header {
                None => {
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
                    if fields.len() > h.len() {
                        return Err(Error::data(
                            name,
                            Some(line),
                            format!(
                                "{} fields but the header has {} columns (is there a stray tab?)",
                                fields.len(),
                                h.len()
                            ),
                        ));
                    }
                    rows.push(Row { line, fields });
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
        self.fields.get(col.0).copied().unwrap_or("")
    }

    /// The `|`-separated values of the field in `col`, without empty ones.
    pub fn list(&self, col: Col) -> impl Iterator<Item = &'a str> {
        self.get(col).split('|').map(str::trim).filter(|v| !v.is_empty())
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
