//! The `whosaid` command. Everything it does is in the library; this binary
//! parses arguments, reports progress and maps outcomes to exit codes.

mod cli;

fn main() {
    std::process::exit(cli::main());
}
