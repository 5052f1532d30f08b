#!/usr/bin/env bash
# A profile-guided build of whosaid, trained on a sample of your own input.
#
#   bash benches/pgo.sh SAMPLE... [-- EXTRACT-OPTIONS...]
#
# SAMPLE is what you would give `whosaid extract` (files, directories,
# JSONL dumps), ideally some tens of megabytes like the dumps you will run;
# EXTRACT-OPTIONS are passed on (for example `--add-gazetteer people.tsv`,
# so the profile sees your lists too). The result is target/pgo/whosaid,
# which writes the same records as the plain release build. RUSTFLAGS set
# when it runs are kept (`RUSTFLAGS="-C target-cpu=native"` for a build
# for this machine only); CARGO_ENCODED_RUSTFLAGS, if set, overrides them
# and the profile flags with them, and `build.rustflags` in a cargo config
# file is ignored.
#
# Needs the LLVM tools of your Rust toolchain: `rustup component add
# llvm-tools`. On BBC-like news the build was about 4 % faster than the
# plain release build; trained on the project's small fixtures it was not
# faster at all, so train on real text (see BENCHMARKS.md).
set -euo pipefail
# The sample and the options are read from where the script was run; only
# the builds run in the repository.
root=$(cd "$(dirname "$0")/.." && pwd)

samples=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
    samples+=("$1")
    shift
done
[ $# -gt 0 ] && shift
if [ ${#samples[@]} -eq 0 ]; then
    sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
fi

sysroot=$(cd "$root" && rustc --print sysroot)
host=$(cd "$root" && rustc -vV | sed -n 's/^host: //p')
profdata="$sysroot/lib/rustlib/$host/bin/llvm-profdata"
if [ ! -x "$profdata" ]; then
    echo "pgo.sh: no llvm-profdata in $sysroot; run: rustup component add llvm-tools" >&2
    exit 2
fi

work="$root/target/pgo-work"
rm -rf "$work/profiles"
mkdir -p "$work/profiles" "$root/target/pgo"

echo "pgo.sh: building the instrumented binary" >&2
(cd "$root" && RUSTFLAGS="${RUSTFLAGS:-} -Cprofile-generate=$work/profiles" \
    cargo build --release -q --target-dir "$work/generate")

echo "pgo.sh: running it on the sample" >&2
"$work/generate/release/whosaid" extract "${samples[@]}" --jsonl --quiet "$@" > /dev/null

"$profdata" merge -o "$work/merged.profdata" "$work/profiles"

echo "pgo.sh: building with the profile" >&2
(cd "$root" && RUSTFLAGS="${RUSTFLAGS:-} -Cprofile-use=$work/merged.profdata" \
    cargo build --release -q --target-dir "$work/use")
cp "$work/use/release/whosaid" "$root/target/pgo/whosaid"
echo "pgo.sh: wrote $root/target/pgo/whosaid" >&2
