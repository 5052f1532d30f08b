//! Input readers: files, directories and standard input, as articles.
//!
//! Reading is split in two so that the expensive half runs in parallel:
//! [`Reader`] walks the inputs in order and yields [`RawItem`]s (a whole text
//! file, or one JSONL line, as bytes), and [`RawItem::into_article`] decodes
//! and parses one item on a worker thread.
//!
//! Every input unit becomes exactly one item: what cannot be read becomes a
//! [`RawBody::Failed`] item, which becomes an error record, never a silent
//! loss.

mod decode;
mod jsonl;

use std::fs::File;
use std::io::{self, BufRead, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use decode::Line;

use crate::article::{Article, SourceRef};
use crate::error::{Error, Result};
use crate::record::ErrorRecord;

/// How to read an input.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// By file extension; for standard input and unknown extensions, by
    /// content (a first character `{` means JSONL).
    #[default]
    Auto,
    /// The whole input is one article.
    Text,
    /// One JSON object per line, each an article.
    Jsonl,
}

impl std::str::FromStr for Format {
    type Err = Error;

    fn from_str(s: &str) -> Result<Format> {
        match s {
            "auto" => Ok(Format::Auto),
            "text" | "txt" => Ok(Format::Text),
            "jsonl" | "ndjson" => Ok(Format::Jsonl),
            _ => Err(Error::msg(format!(
                "unknown input format {s:?} (expected text, jsonl or auto)"
            ))),
        }
    }
}

/// Options for reading and parsing input.
#[derive(Clone, Debug)]
pub struct ReadOptions {
    /// Format of standard input (`Auto` sniffs; the CLI defaults to JSONL).
    pub stdin_format: Format,
    /// Format of files whose extension does not say.
    pub file_format: Format,
    /// JSONL field holding the id.
    pub id_field: String,
    /// JSONL field holding the text.
    pub text_field: String,
    /// JSONL field holding the title.
    pub title_field: String,
    /// Longest article (text file or JSONL line) read, in bytes; longer ones
    /// become error records instead of exhausting memory. Values above
    /// [`MAX_ARTICLE_BYTES`] mean [`MAX_ARTICLE_BYTES`].
    pub max_article_bytes: usize,
    /// Skip files and directories whose names start with `.`.
    pub skip_hidden: bool,
}

/// The longest article whosaid extracts, in bytes (4 GiB less one): offsets
/// inside an article are 32-bit. Longer input becomes an error record when
/// read, and a record with a warning and nothing found when given to
/// [`Pipeline::extract`](crate::Pipeline::extract) directly.
pub const MAX_ARTICLE_BYTES: usize = u32::MAX as usize;

impl ReadOptions {
    /// The article size limit in force: [`ReadOptions::max_article_bytes`],
    /// at most [`MAX_ARTICLE_BYTES`].
    fn article_limit(&self) -> usize {
        self.max_article_bytes.min(MAX_ARTICLE_BYTES)
    }
}

impl Default for ReadOptions {
    fn default() -> ReadOptions {
        ReadOptions {
            stdin_format: Format::Jsonl,
            file_format: Format::Auto,
            id_field: "id".into(),
            text_field: "text".into(),
            title_field: "title".into(),
            max_article_bytes: 256 << 20,
            skip_hidden: true,
        }
    }
}

/// One unit of input, read but not yet decoded.
#[derive(Debug)]
pub struct RawItem {
    /// Where it was read.
    pub source: SourceRef,
    /// Its content.
    pub body: RawBody,
}

/// The content of a [`RawItem`].
#[derive(Debug)]
pub enum RawBody {
    /// A whole text file.
    Text {
        /// The article id (path without extension).
        id: String,
        /// The file's bytes, decompressed.
        bytes: Vec<u8>,
    },
    /// One line of a JSONL file.
    JsonLine {
        /// The id to use when the line has none (`<stem>:<line>`).
        default_id: String,
        /// The line's bytes, without the line break.
        bytes: Vec<u8>,
    },
    /// A unit that could not be read.
    Failed {
        /// The id it would have had.
        id: String,
        /// What went wrong.
        error: String,
    },
}

impl RawItem {
    /// Bytes of article data in this item.
    pub fn len(&self) -> usize {
        match &self.body {
            RawBody::Text { bytes, .. } | RawBody::JsonLine { bytes, .. } => bytes.len(),
            RawBody::Failed { .. } => 0,
        }
    }

    /// True when the item holds no article data.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The id the item has before parsing (for a JSONL line, the default id).
    pub fn provisional_id(&self) -> &str {
        match &self.body {
            RawBody::Text { id, .. } | RawBody::Failed { id, .. } => id,
            RawBody::JsonLine { default_id, .. } => default_id,
        }
    }

    /// Decodes and parses the item into an article, or the error record that
    /// stands in for it.
    pub fn into_article(self, opts: &ReadOptions) -> std::result::Result<Article, ErrorRecord> {
        match self.body {
            RawBody::Text { id, bytes } => {
                let (text, warning) = decode::lossy_utf8(bytes);
                let mut article = Article {
                    title: Article::first_line_title(&text),
                    id,
                    text,
                    source: self.source,
                    meta: None,
                    warnings: Vec::new(),
                };
                article.warnings.extend(warning);
                Ok(article)
            }
            RawBody::JsonLine { default_id, bytes } => jsonl::parse_line(bytes, default_id, self.source, opts),
            RawBody::Failed { id, error } => Err(ErrorRecord::new(id, self.source, error)),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Text,
    Jsonl,
    /// Decide from the first byte of content.
    Sniff,
}

/// One input file found by discovery.
#[derive(Debug)]
struct InputFile {
    /// `None` for standard input.
    path: Option<PathBuf>,
    /// The path as shown in records and messages.
    display: String,
    /// Id of the article when the file is text.
    text_id: String,
    /// Stem for default JSONL ids.
    stem: String,
    kind: Kind,
    /// A problem found during discovery; the file becomes an error record.
    problem: Option<String>,
}

/// The files to read, in order, found from the command-line inputs.
#[derive(Debug)]
pub struct Inputs {
    files: Vec<InputFile>,
    total_bytes: u64,
}

/// Extensions (after the last `/`) of files taken from directories, with the
/// kind they imply.
const EXTENSIONS: &[(&str, Kind)] = &[
    (".jsonl.gz", Kind::Jsonl),
    (".jsonl.zst", Kind::Jsonl),
    (".jsonl", Kind::Jsonl),
    (".ndjson", Kind::Jsonl),
    (".txt.gz", Kind::Text),
    (".txt.zst", Kind::Text),
    (".txt", Kind::Text),
];

fn split_extension(name: &str) -> Option<(&str, Kind)> {
    EXTENSIONS
        .iter()
        .find(|(ext, _)| name.len() > ext.len() && name.ends_with(ext))
        .map(|&(ext, kind)| (&name[..name.len() - ext.len()], kind))
}

impl Inputs {
    /// Finds the files named by `inputs`: files, directories (walked
    /// recursively in sorted order, for the extensions whosaid reads) and `-`
    /// for standard input. A path that does not exist is an error; problems
    /// inside a directory (unreadable entries, symlinks leading out of it)
    /// become error records when read.
    pub fn discover(inputs: &[PathBuf], opts: &ReadOptions) -> Result<Inputs> {
        let mut files = Vec::new();
        let mut total_bytes = 0u64;
        for input in inputs {
            if input.as_os_str() == "-" {
                let kind = match opts.stdin_format {
                    Format::Text => Kind::Text,
                    Format::Jsonl => Kind::Jsonl,
                    Format::Auto => Kind::Sniff,
                };
                files.push(InputFile {
                    path: None,
                    display: "-".into(),
                    text_id: "stdin".into(),
                    stem: "stdin".into(),
                    kind,
                    problem: None,
                });
                continue;
            }
            let meta = std::fs::metadata(input).map_err(|e| Error::io("cannot read input", Some(input), e))?;
            if meta.is_dir() {
                walk(input, opts, &mut files, &mut total_bytes);
            } else {
                total_bytes += meta.len();
                let name = input
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let (stem, kind) = match split_extension(&name) {
                    Some((stem, kind)) => (stem.to_string(), kind),
                    None => {
                        let stem = input
                            .file_stem()
                            .map(|n| n.to_string_lossy().into_owned())
                            .unwrap_or_default();
                        let kind = match opts.file_format {
                            Format::Text => Kind::Text,
                            Format::Jsonl => Kind::Jsonl,
                            Format::Auto => Kind::Sniff,
                        };
                        (stem, kind)
                    }
                };
                let kind = match opts.file_format {
                    Format::Text => Kind::Text,
                    Format::Jsonl => Kind::Jsonl,
                    Format::Auto => kind,
                };
                files.push(InputFile {
                    path: Some(input.clone()),
                    display: input.display().to_string(),
                    text_id: stem.clone(),
                    stem,
                    kind,
                    problem: None,
                });
            }
        }
        Ok(Inputs { files, total_bytes })
    }

    /// Total size in bytes of the input files (compressed, as stored); zero
    /// for standard input.
    pub fn total_bytes(&self) -> u64 {
        self.total_bytes
    }

    /// Number of files found.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// True when no file was found.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// A reader over every article of every file, in order.
    pub fn reader(self, opts: ReadOptions) -> Reader {
        Reader {
            files: self.files.into_iter(),
            opts,
            current: None,
            consumed: Arc::new(AtomicU64::new(0)),
            scratch: Vec::new(),
        }
    }
}

fn walk(root: &Path, opts: &ReadOptions, files: &mut Vec<InputFile>, total_bytes: &mut u64) {
    let canonical_root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let walker = walkdir::WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !(opts.skip_hidden && e.file_name().to_string_lossy().starts_with('.')));
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let path = e.path().map(Path::to_path_buf).unwrap_or_else(|| root.to_path_buf());
                let rel = relative_id(root, &path);
                let cause = e.io_error().map(|e| e.to_string()).unwrap_or_else(|| e.to_string());
                files.push(unreadable(path, rel.clone(), rel, format!("cannot read: {cause}")));
                continue;
            }
        };
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some((_, kind)) = split_extension(&name) else {
            // A symlinked directory is not followed, whatever its name: one
            // leading out of the input directory is reported like a
            // symlinked file, so that its articles are not missed silently.
            if let Some(problem) = symlinked_dir_outside(&entry, &canonical_root) {
                let path = entry.path().to_path_buf();
                let rel = relative_id(root, &path);
                files.push(unreadable(path, rel, name, problem));
            }
            continue;
        };
        let path = entry.path().to_path_buf();
        let rel = relative_id(root, &path);
        let (text_id, stem) = {
            let rel_stem = split_extension(&rel)
                .map(|(s, _)| s.to_string())
                .unwrap_or_else(|| rel.clone());
            let stem = split_extension(&name).map(|(s, _)| s.to_string()).unwrap_or_default();
            (rel_stem, stem)
        };
        let mut problem = None;
        if entry.file_type().is_symlink() {
            match std::fs::canonicalize(&path) {
                Ok(target) if !target.starts_with(&canonical_root) => problem = Some(leads_outside(&target)),
                Ok(target) if target.is_dir() => continue,
                Ok(_) => {}
                Err(e) => problem = Some(format!("broken symlink: {e}")),
            }
        } else if !entry.file_type().is_file() {
            continue;
        }
        if problem.is_none() {
            *total_bytes += entry.metadata().map(|m| m.len()).unwrap_or(0);
        }
        files.push(InputFile {
            display: path.display().to_string(),
            path: Some(path),
            text_id,
            stem,
            kind,
            problem,
        });
    }
}

/// Why `entry` is reported when it is a symlink to a directory outside
/// `canonical_root`; `None` for anything else.
fn symlinked_dir_outside(entry: &walkdir::DirEntry, canonical_root: &Path) -> Option<String> {
    if !entry.file_type().is_symlink() {
        return None;
    }
    let target = std::fs::canonicalize(entry.path()).ok()?;
    (target.is_dir() && !target.starts_with(canonical_root)).then(|| leads_outside(&target))
}

/// Why a symlink to `target`, outside the input directory, is not read.
fn leads_outside(target: &Path) -> String {
    format!("symlink leads outside the input directory, to {}", target.display())
}

/// The entry for a path found in a walk that yields no article but an
/// error record, for `problem`.
fn unreadable(path: PathBuf, text_id: String, stem: String, problem: String) -> InputFile {
    InputFile {
        display: path.display().to_string(),
        path: Some(path),
        text_id,
        stem,
        kind: Kind::Text,
        problem: Some(problem),
    }
}

/// `path` relative to `root`, with `/` separators.
fn relative_id(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

/// Counts bytes read from the underlying file, for progress.
struct Counting<R> {
    inner: R,
    consumed: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.consumed.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// The open JSONL file being read.
struct OpenJsonl {
    reader: Box<dyn BufRead + Send>,
    display: String,
    stem: String,
    line: u64,
}

/// Yields every article of every input, in order, as [`RawItem`]s.
pub struct Reader {
    files: std::vec::IntoIter<InputFile>,
    opts: ReadOptions,
    current: Option<OpenJsonl>,
    consumed: Arc<AtomicU64>,
    /// Gathers the lines that run across the end of the read buffer.
    scratch: Vec<u8>,
}

impl Reader {
    /// A counter of the input bytes read so far (compressed, as stored),
    /// shared with the reader so progress can be shown from another thread.
    pub fn consumed(&self) -> Arc<AtomicU64> {
        Arc::clone(&self.consumed)
    }

    fn open(&self, file: &InputFile) -> io::Result<Box<dyn BufRead + Send>> {
        let (raw, size): (Box<dyn Read + Send>, _) = match &file.path {
            None => {
                let raw = Counting {
                    inner: io::stdin(),
                    consumed: Arc::clone(&self.consumed),
                };
                (Box::new(raw), None)
            }
            Some(path) => {
                let inner = File::open(path)?;
                // Only a regular file's size says how much there is to read.
                let size = inner.metadata().ok().filter(|m| m.is_file()).map(|m| m.len());
                let raw = Counting {
                    inner,
                    consumed: Arc::clone(&self.consumed),
                };
                (Box::new(raw), size)
            }
        };
        decode::decompressing(raw, size)
    }

    /// Reads a whole text article, up to the size limit.
    fn read_text(&self, reader: Box<dyn BufRead + Send>, file: &InputFile) -> RawBody {
        let limit = self.opts.article_limit();
        let mut bytes = Vec::new();
        match reader.take(limit as u64 + 1).read_to_end(&mut bytes) {
            Ok(_) if bytes.len() > limit => RawBody::Failed {
                id: file.text_id.clone(),
                error: format!("article is larger than the limit of {limit} bytes"),
            },
            Ok(_) => RawBody::Text {
                id: file.text_id.clone(),
                bytes,
            },
            Err(e) => RawBody::Failed {
                id: file.text_id.clone(),
                error: format!("cannot read {}: {e}", file.display),
            },
        }
    }

    /// The next line of the open JSONL file, if any.
    fn next_line(&mut self) -> Option<RawItem> {
        let limit = self.opts.article_limit();
        let open = self.current.as_mut()?;
        let line = loop {
            match decode::read_line(&mut *open.reader, &mut self.scratch, limit) {
                Ok(None) => {
                    self.current = None;
                    return None;
                }
                Ok(Some(Line::Bytes(bytes))) if bytes.iter().all(u8::is_ascii_whitespace) => open.line += 1,
                Ok(Some(line)) => break Ok(line),
                Err(e) => break Err(e),
            }
        };
        open.line += 1;
        let line_no = open.line;
        let source = SourceRef {
            path: open.display.clone(),
            line: Some(line_no),
        };
        let id = format!("{}:{line_no}", open.stem);
        let body = match line {
            Ok(Line::Bytes(bytes)) => RawBody::JsonLine { default_id: id, bytes },
            Ok(Line::TooLong) => RawBody::Failed {
                id,
                error: format!("line {line_no}: longer than the limit of {limit} bytes"),
            },
            Err(e) => {
                let error = format!(
                    "cannot read {} at line {line_no}: {e}; the rest of the file is skipped",
                    open.display
                );
                self.current = None;
                RawBody::Failed { id, error }
            }
        };
        Some(RawItem { source, body })
    }
}

impl Iterator for Reader {
    type Item = RawItem;

    fn next(&mut self) -> Option<RawItem> {
        loop {
            if self.current.is_some() {
                if let Some(item) = self.next_line() {
                    return Some(item);
                }
                continue;
            }
            let file = self.files.next()?;
            let source = SourceRef {
                path: file.display.clone(),
                line: None,
            };
            if let Some(problem) = &file.problem {
                return Some(RawItem {
                    source,
                    body: RawBody::Failed {
                        id: file.text_id.clone(),
                        error: format!("{}: {problem}", file.display),
                    },
                });
            }
            let mut reader = match self.open(&file) {
                Ok(reader) => reader,
                Err(e) => {
                    return Some(RawItem {
                        source,
                        body: RawBody::Failed {
                            id: file.text_id.clone(),
                            error: format!("cannot open {}: {e}", file.display),
                        },
                    });
                }
            };
            let kind = match file.kind {
                Kind::Sniff => sniff(&mut *reader),
                kind => kind,
            };
            match kind {
                Kind::Jsonl => {
                    self.current = Some(OpenJsonl {
                        reader,
                        display: file.display,
                        stem: file.stem,
                        line: 0,
                    });
                }
                _ => {
                    let body = self.read_text(reader, &file);
                    return Some(RawItem { source, body });
                }
            }
        }
    }
}

/// JSONL when the first non-blank byte (after a byte-order mark) is `{`,
/// text otherwise.
fn sniff(reader: &mut dyn BufRead) -> Kind {
    match reader.fill_buf() {
        Ok(head) => match head
            .strip_prefix(b"\xef\xbb\xbf")
            .unwrap_or(head)
            .iter()
            .find(|b| !b.is_ascii_whitespace())
        {
            Some(b'{') => Kind::Jsonl,
            _ => Kind::Text,
        },
        Err(_) => Kind::Text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_split() {
        assert_eq!(split_extension("001.txt"), Some(("001", Kind::Text)));
        assert_eq!(split_extension("dump.jsonl.gz"), Some(("dump", Kind::Jsonl)));
        assert_eq!(split_extension("a.b.txt.zst"), Some(("a.b", Kind::Text)));
        assert_eq!(split_extension(".txt"), None);
        assert_eq!(split_extension("notes.md"), None);
    }

    #[test]
    fn sniff_table() {
        let cases: &[(&[u8], Kind)] = &[
            (b"{\"id\":1}", Kind::Jsonl),
            (b"\n  \r\n{\"id\":1}", Kind::Jsonl),
            (b"\xef\xbb\xbf{\"id\":1}", Kind::Jsonl),
            (b"\xef\xbb\xbf\n{\"id\":1}", Kind::Jsonl),
            (b"Title\n{\"id\":1}", Kind::Text),
            (b"\xef\xbb\xbfTitle", Kind::Text),
            (b"", Kind::Text),
        ];
        for (head, want) in cases {
            let mut r: &[u8] = head;
            assert_eq!(sniff(&mut r), *want, "{head:?}");
        }
    }
}
