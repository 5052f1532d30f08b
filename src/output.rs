//! Output sinks: a JSONL stream, or one JSON file per article in a directory.

use std::fs::{self, File};
use std::io::{self, BufWriter, IoSlice, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::article::SourceRef;
use crate::error::{Error, Result};
use crate::record::ErrorRecord;

/// One processed article, serialized, on its way to a sink.
#[derive(Debug)]
pub struct Processed {
    /// The article id.
    pub id: String,
    /// Where it was read.
    pub source: SourceRef,
    /// The record as JSON (pretty or compact, as the sink asked), without a
    /// trailing newline.
    pub json: Vec<u8>,
    /// The error, when the record is an error record.
    pub error: Option<String>,
    /// Article bytes read.
    pub bytes: usize,
    /// Entity mentions in the record.
    pub entities: usize,
    /// Quotes in the record.
    pub quotes: usize,
    /// Not extracted because the sink already holds its record
    /// ([`Sink::prior_records`]); `json` is empty and `error` is that of the
    /// record on disk.
    pub prior: bool,
}

/// What a sink already holds for an article id, looked up before the
/// article is extracted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prior {
    /// The error of the record held, when it is an error record.
    pub error: Option<String>,
}

/// Looks up the record a sink already holds for an id.
pub type PriorFn = dyn Fn(&str) -> Option<Prior> + Send + Sync;

/// A [`PriorFn`] shared by the worker threads.
pub type PriorLookup = Arc<PriorFn>;

/// What became of one article at the sink.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Written where it belongs.
    Written,
    /// Not written where it belongs, for the given reason (an id that cannot
    /// name a file, a duplicate id); an error record was written instead.
    Rejected(String),
    /// Skipped because its output already exists (`--resume`).
    Skipped,
}

/// Where records go.
pub trait Sink {
    /// Whether records should be pretty-printed for this sink.
    fn pretty(&self) -> bool;

    /// Writes a batch of records, in order, and says what became of each.
    /// Sinks that can write in parallel use `pool`.
    fn write_batch(&mut self, batch: &[Processed], pool: &rayon::ThreadPool) -> Result<Vec<Outcome>>;

    /// Flushes everything written.
    fn finish(&mut self) -> Result<()>;

    /// When the sink resumes a run, how to find the records it already
    /// holds, so that their articles are not extracted again. Items whose
    /// [`Processed::prior`] is set reach [`write_batch`](Sink::write_batch)
    /// without a record.
    fn prior_records(&self) -> Option<PriorLookup> {
        None
    }
}

/// Streams one compact record per line.
pub struct JsonlSink<W: Write> {
    out: BufWriter<W>,
}

impl<W: Write> JsonlSink<W> {
    /// A sink writing to `out`.
    pub fn new(out: W) -> JsonlSink<W> {
        JsonlSink {
            out: BufWriter::with_capacity(1 << 20, out),
        }
    }
}

impl<W: Write> Sink for JsonlSink<W> {
    fn pretty(&self) -> bool {
        false
    }

    fn write_batch(&mut self, batch: &[Processed], _pool: &rayon::ThreadPool) -> Result<Vec<Outcome>> {
        // A batch is megabytes of records: handed over in vectored writes,
        // which the buffer passes straight through, they are not copied
        // into it first.
        let mut slices: Vec<IoSlice> = batch
            .iter()
            .flat_map(|item| [IoSlice::new(&item.json), IoSlice::new(b"\n")])
            .collect();
        write_all_vectored(&mut self.out, &mut slices).map_err(|e| Error::io("writing output", None, e))?;
        Ok(vec![Outcome::Written; batch.len()])
    }

    fn finish(&mut self) -> Result<()> {
        self.out.flush().map_err(|e| Error::io("writing output", None, e))
    }
}

/// Writes every byte of `slices`, as `Write::write_all` does for one
/// buffer: a short write resumes where it stopped.
fn write_all_vectored(out: &mut impl Write, mut slices: &mut [IoSlice]) -> io::Result<()> {
    // Past the system's limit on buffers per call, a call would fail or
    // write only the first ones; 1024 is the usual limit.
    const MAX_SLICES: usize = 1024;
    IoSlice::advance_slices(&mut slices, 0);
    while !slices.is_empty() {
        let take = slices.len().min(MAX_SLICES);
        match out.write_vectored(&slices[..take]) {
            Ok(0) => return Err(io::Error::new(io::ErrorKind::WriteZero, "failed to write whole buffer")),
            Ok(n) => IoSlice::advance_slices(&mut slices, n),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// The file in the output directory that receives the error records of
/// articles that could not be written under their own id.
pub const REJECTED_FILE: &str = "_rejected.jsonl";

/// Suffix of temporary files; a file is renamed into place only when whole.
pub const TEMP_SUFFIX: &str = ".whosaid-tmp";

/// Writes one pretty JSON file per article at `DIR/<id>.json`.
pub struct DirSink {
    root: PathBuf,
    /// Ids written in this run, with the source that wrote them.
    seen: FxHashMap<String, SourceRef>,
    rejected: Option<BufWriter<File>>,
    resume: bool,
}

impl DirSink {
    /// A sink writing under `root`, which is created if needed.
    pub fn new(root: impl Into<PathBuf>) -> Result<DirSink> {
        let root = root.into();
        fs::create_dir_all(&root).map_err(|e| Error::io("cannot create output directory", Some(&root), e))?;
        Ok(DirSink {
            root,
            seen: FxHashMap::default(),
            rejected: None,
            resume: false,
        })
    }

    /// Skips articles whose output file already exists and parses as a
    /// record, so an interrupted run can be resumed.
    pub fn resume(mut self, yes: bool) -> DirSink {
        self.resume = yes;
        self
    }

    /// The output path of `id`, or why `id` cannot name a file under the root.
    pub fn path_for(&self, id: &str) -> std::result::Result<PathBuf, String> {
        id_to_relative_path(id).map(|rel| self.root.join(rel))
    }

    fn reject(&mut self, item: &Processed, reason: &str) -> Result<()> {
        if self.rejected.is_none() {
            let path = self.root.join(REJECTED_FILE);
            let file = File::create(&path).map_err(|e| Error::io("cannot create", Some(&path), e))?;
            self.rejected = Some(BufWriter::new(file));
        }
        let record = ErrorRecord::new(item.id.clone(), item.source.clone(), reason.to_string());
        let line = serde_json::to_string(&record).map_err(|e| Error::msg(format!("serializing error record: {e}")))?;
        if let Some(out) = self.rejected.as_mut() {
            writeln!(out, "{line}").map_err(|e| Error::io("writing", Some(&self.root.join(REJECTED_FILE)), e))?;
        }
        Ok(())
    }
}

impl Sink for DirSink {
    fn pretty(&self) -> bool {
        true
    }

    fn write_batch(&mut self, batch: &[Processed], pool: &rayon::ThreadPool) -> Result<Vec<Outcome>> {
        // Decide in order (so duplicates resolve the same way every run),
        // then write in parallel.
        let mut plan: Vec<std::result::Result<PathBuf, Outcome>> = Vec::with_capacity(batch.len());
        for item in batch {
            let decided = match self.path_for(&item.id) {
                Err(why) => Err(Outcome::Rejected(format!(
                    "id {:?} cannot be used as a file name: {why}",
                    item.id
                ))),
                Ok(path) => match self.seen.get(&item.id) {
                    Some(first) => Err(Outcome::Rejected(format!(
                        "duplicate id {:?}: already written from {}{}",
                        item.id,
                        first.path,
                        first.line.map(|l| format!(":{l}")).unwrap_or_default()
                    ))),
                    None => {
                        self.seen.insert(item.id.clone(), item.source.clone());
                        if self.resume && (item.prior || is_complete_record(&path)) {
                            // A run killed while writing this id's file again
                            // left its temporary file behind.
                            remove_stale_temp(&path);
                            Err(Outcome::Skipped)
                        } else {
                            Ok(path)
                        }
                    }
                },
            };
            if let Err(Outcome::Rejected(reason)) = &decided {
                self.reject(item, reason)?;
            }
            plan.push(decided);
        }
        let written: Vec<Result<()>> = pool.install(|| {
            batch
                .par_iter()
                .zip(plan.par_iter())
                .map(|(item, planned)| match planned {
                    Ok(path) => write_atomically(path, &item.json),
                    Err(_) => Ok(()),
                })
                .collect()
        });
        let mut outcomes = Vec::with_capacity(batch.len());
        for (planned, result) in plan.into_iter().zip(written) {
            result?;
            outcomes.push(match planned {
                Ok(_) => Outcome::Written,
                Err(outcome) => outcome,
            });
        }
        Ok(outcomes)
    }

    fn prior_records(&self) -> Option<PriorLookup> {
        if !self.resume {
            return None;
        }
        let root = self.root.clone();
        Some(Arc::new(move |id: &str| {
            let path = root.join(id_to_relative_path(id).ok()?);
            prior_record(&path)
        }))
    }

    fn finish(&mut self) -> Result<()> {
        if let Some(out) = self.rejected.as_mut() {
            out.flush()
                .map_err(|e| Error::io("writing", Some(&self.root.join(REJECTED_FILE)), e))?;
        }
        Ok(())
    }
}

/// Does `path` hold a whole record (it exists and parses as JSON)?
fn is_complete_record(path: &Path) -> bool {
    prior_record(path).is_some()
}

/// The record at `path`, if it is whole (it exists and parses as a JSON
/// object), and its error when it is an error record.
fn prior_record(path: &Path) -> Option<Prior> {
    #[derive(serde::Deserialize)]
    struct Held {
        error: Option<String>,
    }
    let bytes = fs::read(path).ok()?;
    let held: Held = serde_json::from_slice(&bytes).ok()?;
    Some(Prior { error: held.error })
}

/// The temporary file through which `path` is written.
fn temp_path(path: &Path) -> PathBuf {
    let mut tmp_name = path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    tmp_name.push(TEMP_SUFFIX);
    path.with_file_name(tmp_name)
}

/// Removes the temporary file of `path` that a killed run may have left. It
/// is never output; writing `path` again would replace it anyway.
fn remove_stale_temp(path: &Path) {
    let _ = fs::remove_file(temp_path(path));
}

/// Writes `json` (plus a final newline) to `path` through a temporary file in
/// the same directory, renamed into place, so a reader or a killed run never
/// sees half a file. A temporary file left by a killed run is overwritten.
fn write_atomically(path: &Path, json: &[u8]) -> Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| Error::io("cannot create directory", Some(parent), e))?;
    }
    let tmp = temp_path(path);
    let result = (|| -> io::Result<()> {
        let mut file = File::create(&tmp)?;
        file.write_all(json)?;
        file.write_all(b"\n")?;
        fs::rename(&tmp, path)
    })();
    result.map_err(|e| {
        let _ = fs::remove_file(&tmp);
        Error::io("cannot write", Some(path), e)
    })
}

/// Longest id component, in bytes: file systems allow 255 for a name, and
/// the extension and temporary suffix need room.
const MAX_COMPONENT: usize = 200;

/// The relative path `<id>.json`, or why the id cannot be one.
///
/// `/` in an id makes sub-directories. An id that is empty, absolute, has an
/// empty, `.` or `..` component, a backslash, or a NUL or other control
/// character is refused: it could write outside the output directory or make
/// a file nobody can name.
pub fn id_to_relative_path(id: &str) -> std::result::Result<PathBuf, String> {
    if id.is_empty() {
        return Err("it is empty".into());
    }
    if let Some(c) = id.chars().find(|c| c.is_control()) {
        return Err(format!("it holds the control character U+{:04X}", c as u32));
    }
    if id.contains('\\') {
        return Err("it holds a backslash".into());
    }
    if id.starts_with('/') {
        return Err("it is an absolute path".into());
    }
    let mut rel = PathBuf::new();
    let parts: Vec<&str> = id.split('/').collect();
    for (i, part) in parts.iter().enumerate() {
        match *part {
            "" => return Err("it has an empty path component".into()),
            "." | ".." => return Err(format!("it has a {part:?} path component")),
            _ if part.len() > MAX_COMPONENT => {
                return Err(format!("a path component is longer than {MAX_COMPONENT} bytes"));
            }
            _ if i + 1 == parts.len() => rel.push(format!("{part}.json")),
            _ => rel.push(part),
        }
    }
    Ok(rel)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Takes at most `step` bytes per call, and fails every third call as
    /// interrupted by a signal.
    struct Trickle {
        got: Vec<u8>,
        step: usize,
        calls: usize,
    }

    impl Write for Trickle {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.calls += 1;
            if self.calls.is_multiple_of(3) {
                return Err(io::ErrorKind::Interrupted.into());
            }
            let n = buf.len().min(self.step);
            self.got.extend_from_slice(&buf[..n]);
            Ok(n)
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn vectored_writes_resume_after_short_and_interrupted_writes() {
        let parts: Vec<Vec<u8>> = (0..3000).map(|i| format!("{{\"n\":{i}}}").into_bytes()).collect();
        let mut with_empty = parts.clone();
        with_empty.insert(0, Vec::new());
        with_empty.insert(1500, Vec::new());
        for step in [1, 7, 4096, usize::MAX] {
            let mut slices: Vec<IoSlice> = with_empty.iter().map(|p| IoSlice::new(p)).collect();
            let mut out = Trickle {
                got: Vec::new(),
                step,
                calls: 0,
            };
            write_all_vectored(&mut out, &mut slices).unwrap();
            assert_eq!(out.got, parts.concat(), "step {step}");
        }
    }

    #[test]
    fn a_writer_that_takes_nothing_is_an_error() {
        struct Full;
        impl Write for Full {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                Ok(0)
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let mut slices = [IoSlice::new(b"x")];
        let err = write_all_vectored(&mut Full, &mut slices).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::WriteZero);
    }

    #[test]
    fn id_path_table() {
        let ok: &[(&str, &str)] = &[
            ("business/001", "business/001.json"),
            ("a", "a.json"),
            ("dump:12", "dump:12.json"),
            ("x.y", "x.y.json"),
            ("..a/b..", "..a/b...json"),
            ("王毅", "王毅.json"),
        ];
        for (id, want) in ok {
            assert_eq!(id_to_relative_path(id), Ok(PathBuf::from(want)), "{id:?}");
        }
        let bad: &[(&str, &str)] = &[
            ("", "empty"),
            ("../../etc/x", "\"..\""),
            ("a/../../b", "\"..\""),
            ("/etc/passwd", "absolute"),
            ("a//b", "empty path component"),
            ("a/./b", "\".\""),
            ("a/", "empty path component"),
            ("nul\0byte", "U+0000"),
            ("line\nbreak", "U+000A"),
            ("back\\slash", "backslash"),
        ];
        for (id, fragment) in bad {
            let err = id_to_relative_path(id).unwrap_err();
            assert!(err.contains(fragment), "{id:?}: {err}");
        }
        assert!(id_to_relative_path(&"x".repeat(10_000)).is_err());
    }

    fn pool() -> rayon::ThreadPool {
        rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap()
    }

    fn processed(id: &str, json: &str) -> Processed {
        Processed {
            id: id.into(),
            source: SourceRef {
                path: "in.jsonl".into(),
                line: Some(1),
            },
            json: json.as_bytes().to_vec(),
            error: None,
            prior: false,
            bytes: 0,
            entities: 0,
            quotes: 0,
        }
    }

    #[test]
    fn dir_sink_writes_rejects_and_dedupes() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let mut sink = DirSink::new(&out).unwrap();
        let batch = [
            processed("a/b", "{\"n\":1}"),
            processed("../../escape", "{\"n\":2}"),
            processed("a/b", "{\"n\":3}"),
        ];
        let outcomes = sink.write_batch(&batch, &pool()).unwrap();
        sink.finish().unwrap();
        assert_eq!(outcomes[0], Outcome::Written);
        assert!(matches!(&outcomes[1], Outcome::Rejected(r) if r.contains("cannot be used")));
        assert!(matches!(&outcomes[2], Outcome::Rejected(r) if r.contains("duplicate")));
        assert_eq!(fs::read_to_string(out.join("a/b.json")).unwrap(), "{\"n\":1}\n");
        let rejected = fs::read_to_string(out.join(REJECTED_FILE)).unwrap();
        assert_eq!(rejected.lines().count(), 2);
        assert!(!dir.path().join("escape.json").exists());
        let leftovers: Vec<_> = walkdir::WalkDir::new(&out)
            .into_iter()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().ends_with(TEMP_SUFFIX))
            .collect();
        assert!(leftovers.is_empty());
    }

    #[test]
    fn resume_skips_complete_files_only() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("done.json"), "{\"ok\":true}\n").unwrap();
        fs::write(dir.path().join("half.json"), "{\"ok\":").unwrap();
        // Temporary files of a killed run, for an id skipped and one written.
        fs::write(dir.path().join("done.json.whosaid-tmp"), "{\"o").unwrap();
        fs::write(dir.path().join("half.json.whosaid-tmp"), "{\"o").unwrap();
        let mut sink = DirSink::new(dir.path()).unwrap().resume(true);
        let outcomes = sink
            .write_batch(
                &[processed("done", "{\"new\":1}"), processed("half", "{\"new\":2}")],
                &pool(),
            )
            .unwrap();
        assert_eq!(outcomes, vec![Outcome::Skipped, Outcome::Written]);
        assert_eq!(
            fs::read_to_string(dir.path().join("done.json")).unwrap(),
            "{\"ok\":true}\n"
        );
        assert_eq!(
            fs::read_to_string(dir.path().join("half.json")).unwrap(),
            "{\"new\":2}\n"
        );
        let mut left: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, ["done.json", "half.json"], "no temporary file is left");
    }
}
