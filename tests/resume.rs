//! Interrupted runs: `whosaid extract -o DIR` killed mid-run (SIGKILL, or
//! SIGTERM, which stops it after the batch in hand) and run again with
//! `--resume` must leave DIR byte for byte as an uninterrupted run does,
//! with no temporary file left. Unix only: signals.

use std::fs;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::util::{files_under, run, stderr, whosaid};

/// Articles in the dump: more than two batches of the driver (2,048).
const ARTICLES: usize = 3_000;

/// A JSONL dump of small articles in sub-directories, with repeated ids,
/// lines that are not JSON and an id that cannot name a file: the
/// rejections must come out the same after a resume.
fn dump() -> String {
    let mut out = String::new();
    for i in 0..ARTICLES {
        let line = match i {
            _ if i % 997 == 500 => format!("{{\"id\":\"broken-{i}\",\"text\":\"unclosed"),
            _ if i % 1009 == 700 => format!(
                "{{\"id\":\"part{}/{:05}\",\"text\":\"Repeated id.\"}}",
                (i - 1) % 7,
                i - 1
            ),
            2_222 => "{\"id\":\"../escape\",\"text\":\"An id that leaves the directory.\"}".to_string(),
            _ => serde_json::json!({
                "id": format!("part{}/{i:05}", i % 7),
                "text": format!(
                    "Chinese Foreign Minister Wang Yi said on day {i} that \"the talks went well\", \
                     according to the ministry. He added: “We will never give up.”"
                ),
            })
            .to_string(),
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

fn json_files(dir: &Path) -> usize {
    files_under(dir).iter().filter(|f| f.ends_with(".json")).count()
}

fn assert_same_tree(got: &Path, want: &Path, what: &str) {
    let (got_files, want_files) = (files_under(got), files_under(want));
    let temps: Vec<&String> = got_files.iter().filter(|f| f.ends_with(".whosaid-tmp")).collect();
    assert!(temps.is_empty(), "{what}: temporary files left: {temps:?}");
    assert_eq!(got_files.len(), want_files.len(), "{what}: number of files");
    assert_eq!(got_files, want_files, "{what}: file names");
    for f in &want_files {
        assert!(
            fs::read(got.join(f)).unwrap() == fs::read(want.join(f)).unwrap(),
            "{what}: {f} differs"
        );
    }
}

/// Starts a run into `out`, and sends `signal` once its first files are
/// written, so that it stops part way.
fn interrupted_run(input: &Path, out: &Path, signal: libc::c_int) -> std::process::Output {
    let child = whosaid()
        .args(["extract", input.to_str().unwrap(), "-o", out.to_str().unwrap(), "-j2"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("whosaid starts");
    let deadline = Instant::now() + Duration::from_secs(120);
    while json_files(out) == 0 {
        assert!(Instant::now() < deadline, "no output after two minutes");
        std::thread::sleep(Duration::from_millis(2));
    }
    let pid = libc::pid_t::try_from(child.id()).expect("a pid");
    // SAFETY: kill(2) on the pid of our own child, which has not been waited for.
    assert_eq!(unsafe { libc::kill(pid, signal) }, 0, "signal sent");
    child.wait_with_output().expect("whosaid ends")
}

#[test]
fn killed_and_resumed_runs_write_what_an_uninterrupted_run_writes() {
    use std::os::unix::process::ExitStatusExt;

    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("dump.jsonl");
    fs::write(&input, dump()).unwrap();
    let input_arg = input.to_str().unwrap();

    let reference = tmp.path().join("reference");
    let whole = run(&["extract", input_arg, "-o", reference.to_str().unwrap(), "--quiet"]);
    assert_eq!(whole.status.code(), Some(1), "broken lines fail: {}", stderr(&whole));
    let rejected = fs::read_to_string(reference.join("_rejected.jsonl")).unwrap();
    assert_eq!(rejected.lines().count(), 4, "three repeated ids and one escaping id");

    for (signal, name) in [(libc::SIGKILL, "SIGKILL"), (libc::SIGTERM, "SIGTERM")] {
        let out = tmp.path().join(name);
        let stopped = interrupted_run(&input, &out, signal);
        let err = String::from_utf8_lossy(&stopped.stderr);
        if signal == libc::SIGKILL {
            assert_eq!(stopped.status.signal(), Some(libc::SIGKILL), "{name}: {err}");
        } else {
            assert_eq!(stopped.status.code(), Some(2), "{name}: {err}");
            assert!(err.contains("interrupted after"), "{name}: {err}");
        }
        let written = json_files(&out);
        assert!(
            written < json_files(&reference),
            "{name}: stopped part way ({written} files)"
        );
        // What a kill during a write leaves: the temporary file of an id
        // already written (skipped on resume) and of one not yet written.
        fs::create_dir_all(out.join("part1")).unwrap();
        fs::create_dir_all(out.join("part3")).unwrap();
        fs::write(out.join("part1/00001.json.whosaid-tmp"), "{\"schema\":").unwrap();
        fs::write(out.join("part3/02999.json.whosaid-tmp"), "{\"sch").unwrap();

        let resumed = run(&["extract", input_arg, "-o", out.to_str().unwrap(), "--resume"]);
        let err = stderr(&resumed);
        assert_eq!(resumed.status.code(), Some(1), "{name}: the same failures: {err}");
        assert!(err.contains("skipped (already written)"), "{name}: {err}");
        assert!(!err.contains("duplicate id \"part1/00001\""), "{name}: {err}");
        assert_same_tree(&out, &reference, name);
    }

    // Resuming a finished run changes nothing, and rejects what it rejected.
    let again = run(&[
        "extract",
        input_arg,
        "-o",
        reference.to_str().unwrap(),
        "--resume",
        "--quiet",
    ]);
    assert_eq!(again.status.code(), Some(1), "{}", stderr(&again));
    assert_eq!(fs::read_to_string(reference.join("_rejected.jsonl")).unwrap(), rejected);

    // ...and extracts nothing again: a resumed dump costs the articles left.
    let summary = run(&["extract", input_arg, "-o", reference.to_str().unwrap(), "--resume"]);
    let err = stderr(&summary);
    assert_eq!(summary.status.code(), Some(1), "{err}");
    assert!(err.contains("; 0 entities, 0 quotes"), "nothing extracted: {err}");
    assert!(err.contains("skipped (already written)"), "{err}");
}
