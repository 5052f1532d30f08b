//! Command-line front end: argument parsing, commands, exit codes.
//!
//! Exit codes: 0 when every article succeeded, 1 when some articles failed
//! (their error records were written), 2 for usage errors and fatal errors.
//! Messages go to standard error prefixed `whosaid:`. A closed output pipe
//! ends the run quietly with the code it would have had.

mod args;
mod eval;
mod extract;
mod gazetteer;

use clap::Parser;

pub use args::{Args, Command};

/// Exit code: every article succeeded.
pub const EXIT_OK: i32 = 0;
/// Exit code: some articles failed.
pub const EXIT_SOME_FAILED: i32 = 1;
/// Exit code: usage error or fatal error.
pub const EXIT_FATAL: i32 = 2;

/// Runs the command line and returns the exit code.
pub fn main() -> i32 {
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_FATAL } else { EXIT_OK };
            let _ = e.print();
            return code;
        }
    };
    let result = match args.command {
        Command::Extract(cmd) => extract::run(cmd),
        Command::Eval(cmd) => eval::run(cmd),
        Command::Gazetteer(cmd) => gazetteer::run(cmd),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            if is_broken_pipe(&e) {
                return EXIT_OK;
            }
            eprintln!("whosaid: {}", chain(&e));
            EXIT_FATAL
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<whosaid::Error>()
            .is_some_and(whosaid::Error::is_broken_pipe)
            || cause
                .downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// The error and its causes, as one line: "a: b: c".
fn chain(e: &anyhow::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    for cause in e.chain() {
        let s = cause.to_string();
        if !parts.last().is_some_and(|last| last.contains(&s)) {
            parts.push(s);
        }
    }
    parts.join(": ")
}
