//! Inputs and outputs that fail: symlinks out of the input tree, unreadable
//! files and directories, a missing input, a full disk, standard output on
//! /dev/full. Each gives a clear `whosaid:` message and the right exit code,
//! never a panic. Unix only: permissions, symlinks, mounts.

use std::fs;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::Path;
use std::process::{Command, Output, Stdio};

use crate::util::{files_under, jsonl, run, stderr, whosaid};

const STORY: &str = "Wang urges calm\nChinese Foreign Minister Wang Yi said the talks went well.\n";

fn is_root() -> bool {
    // SAFETY: geteuid(2) cannot fail and touches no memory.
    unsafe { libc::geteuid() == 0 }
}

/// What a case must give: exit code, fragments of standard error, and per
/// record (in order) `Ok` or a fragment of its error.
struct Want {
    exit: i32,
    stderr: &'static [&'static str],
    records: &'static [Result<&'static str, &'static str>],
}

fn check(name: &str, out: &Output, want: &Want) {
    let err = stderr(out);
    assert!(!err.contains("panicked"), "{name}: {err}");
    assert_eq!(out.status.code(), Some(want.exit), "{name}: {err}");
    for fragment in want.stderr {
        assert!(err.contains(fragment), "{name}: {fragment:?} not in {err}");
    }
    let records = jsonl(out);
    assert_eq!(records.len(), want.records.len(), "{name}: {records:?}");
    for (record, want) in records.iter().zip(want.records) {
        match want {
            Ok(id) => {
                assert_eq!(record["id"], *id, "{name}");
                assert!(record.get("error").is_none(), "{name}: {record}");
            }
            Err(fragment) => {
                let error = record["error"].as_str().unwrap_or_else(|| panic!("{name}: {record}"));
                assert!(error.contains(fragment), "{name}: {error}");
            }
        }
    }
}

#[test]
fn symlinks_out_of_the_input_tree_are_reported_not_followed() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    fs::write(corpus.join("a.txt"), STORY).unwrap();
    fs::write(tmp.path().join("secret.txt"), "Secret outside the tree").unwrap();
    symlink(tmp.path().join("secret.txt"), corpus.join("b-out.txt")).unwrap();
    symlink(corpus.join("a.txt"), corpus.join("c-in.txt")).unwrap();
    symlink(tmp.path().join("nowhere.txt"), corpus.join("d-dangling.txt")).unwrap();
    symlink(tmp.path(), corpus.join("e-outdir.txt")).unwrap();
    // Directories under names without an input extension: one outside the
    // tree (reported), one inside it (walked once, under its own name).
    fs::create_dir(tmp.path().join("elsewhere")).unwrap();
    fs::write(tmp.path().join("elsewhere/x.txt"), "Secret in a directory outside").unwrap();
    symlink(tmp.path().join("elsewhere"), corpus.join("f-outdir")).unwrap();
    fs::create_dir(corpus.join("h")).unwrap();
    fs::write(corpus.join("h/x.txt"), STORY).unwrap();
    symlink(corpus.join("h"), corpus.join("g-indir")).unwrap();
    let out = run(&["extract", corpus.to_str().unwrap(), "--jsonl"]);
    check(
        "symlinks",
        &out,
        &Want {
            exit: 1,
            stderr: &["whosaid: ", "symlink leads outside the input directory"],
            records: &[
                Ok("a"),
                Err("symlink leads outside the input directory"),
                Ok("c-in"),
                Err("broken symlink"),
                Err("symlink leads outside the input directory"),
                Err("symlink leads outside the input directory"),
                Ok("h/x"),
            ],
        },
    );
    // Error records too are named by their path under the input directory.
    let ids: Vec<String> = jsonl(&out)
        .iter()
        .map(|r| r["id"].as_str().unwrap_or("").to_string())
        .collect();
    assert_eq!(ids, ["a", "b-out", "c-in", "d-dangling", "e-outdir", "f-outdir", "h/x"]);
    assert!(!String::from_utf8_lossy(&out.stdout).contains("Secret"));
}

/// Runs whosaid as a user that permissions apply to: this user, or, for
/// root (whom chmod 000 does not stop), `nobody` through setpriv. `None`
/// when neither can be had.
fn unprivileged_whosaid() -> Option<Command> {
    if !is_root() {
        return Some(whosaid());
    }
    let as_nobody = || {
        let mut cmd = Command::new("setpriv");
        cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(env!("CARGO_BIN_EXE_whosaid"))
            .current_dir(crate::util::root());
        cmd
    };
    let works = as_nobody()
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    works.then(as_nobody)
}

#[test]
fn unreadable_files_and_directories_become_error_records() {
    let Some(mut cmd) = unprivileged_whosaid() else {
        eprintln!("note: root, where chmod 000 does not stop reads, and no setpriv to drop it; skipping");
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    fs::set_permissions(tmp.path(), fs::Permissions::from_mode(0o755)).unwrap();
    let corpus = tmp.path().join("corpus");
    fs::create_dir_all(corpus.join("b-locked")).unwrap();
    fs::write(corpus.join("a.txt"), STORY).unwrap();
    fs::write(corpus.join("b-locked/x.txt"), STORY).unwrap();
    fs::write(corpus.join("c.txt"), STORY).unwrap();
    fs::write(corpus.join("d.jsonl"), "{\"id\":\"d1\",\"text\":\"T\"}\n").unwrap();
    for locked in ["b-locked", "c.txt", "d.jsonl"] {
        fs::set_permissions(corpus.join(locked), fs::Permissions::from_mode(0o000)).unwrap();
    }
    let out = cmd
        .args(["extract", corpus.to_str().unwrap(), "--jsonl"])
        .stdin(Stdio::null())
        .output()
        .expect("whosaid runs");
    for locked in ["b-locked", "c.txt", "d.jsonl"] {
        fs::set_permissions(corpus.join(locked), fs::Permissions::from_mode(0o755)).unwrap();
    }
    check(
        "unreadable",
        &out,
        &Want {
            exit: 1,
            stderr: &["whosaid: ", "Permission denied"],
            records: &[
                Ok("a"),
                Err("Permission denied"),
                Err("Permission denied"),
                Err("Permission denied"),
            ],
        },
    );
}

#[test]
fn fatal_errors_exit_2_with_a_clear_message() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("a.txt");
    fs::write(&input, STORY).unwrap();
    let file_as_dir = tmp.path().join("not-a-dir");
    fs::write(&file_as_dir, "").unwrap();
    let input = input.to_str().unwrap();
    let cases: &[(&str, Vec<&str>, &[&str])] = &[
        (
            "an input that does not exist",
            vec!["extract", "no/such/input.txt"],
            &["whosaid: cannot read input no/such/input.txt: No such file"],
        ),
        (
            "an output directory that is a file",
            vec!["extract", input, "-o", file_as_dir.to_str().unwrap()],
            &["whosaid: cannot create output directory", "not-a-dir"],
        ),
        (
            "an output directory on a device",
            vec!["extract", input, "-o", "/dev/full"],
            &["whosaid: cannot create output directory /dev/full"],
        ),
    ];
    for (name, args, fragments) in cases {
        let out = run(args);
        check(
            name,
            &out,
            &Want {
                exit: 2,
                stderr: fragments,
                records: &[],
            },
        );
    }
}

#[test]
fn standard_output_on_a_full_device_exits_2() {
    let Ok(full) = fs::OpenOptions::new().write(true).open("/dev/full") else {
        eprintln!("note: no /dev/full here; skipping");
        return;
    };
    let out = whosaid()
        .args(["extract", "fixtures/articles", "--jsonl"])
        .stdin(Stdio::null())
        .stdout(Stdio::from(full))
        .stderr(Stdio::piped())
        .output()
        .expect("whosaid runs");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.starts_with("whosaid: writing output: "), "{err}");
    assert!(err.contains("No space left on device"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

/// A tmpfs mounted for the length of a test, unmounted when dropped.
struct Mount<'a>(&'a Path);

impl Drop for Mount<'_> {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.0).status();
    }
}

#[test]
fn a_full_disk_stops_the_run_with_exit_2_and_no_temporary_files() {
    let tmp = tempfile::tempdir().unwrap();
    let disk = tmp.path().join("disk");
    fs::create_dir(&disk).unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=16k", "tmpfs"])
        .arg(&disk)
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!("note: cannot mount a tmpfs here (not root, or no mount); skipping the full-disk test");
        return;
    }
    let _unmount = Mount(&disk);
    let out_dir = disk.join("out");
    let out = run(&["extract", "fixtures/articles", "-o", out_dir.to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.starts_with("whosaid: cannot write "), "{err}");
    assert!(err.contains("No space left on device"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let files = files_under(&out_dir);
    assert!(
        files.iter().all(|f| f.ends_with(".json")),
        "whole records only: {files:?}"
    );
    assert!(files.len() < 4, "the disk filled part way: {files:?}");
}
