//! The `whosaid` command. Everything it does is in the library; this binary
//! parses arguments, reports progress and maps outcomes to exit codes.

mod cli;

// The pipeline allocates many small, short-lived vectors per article on
// every worker thread; mimalloc's thread-local free lists serve them at a
// fraction of the system allocator's cost (see BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(cli::main());
}
