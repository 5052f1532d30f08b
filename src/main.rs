//! The `whosaid` command. Everything it does is in the library; this binary
//! parses arguments, reports progress and maps outcomes to exit codes.

mod cli;

// The pipeline allocates many small, short-lived vectors per article on
// every worker thread; mimalloc's thread-local free lists serve them at a
// fraction of the system allocator's cost (see BENCHMARKS.md). Its
// `no_thp` feature keeps it from asking for transparent huge pages: each
// fresh 2 MB page is zeroed by the kernel at first touch, which took 3-8 %
// of a run's time and made it vary from run to run.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(cli::main());
}
