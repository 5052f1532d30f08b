//! Integration tests: the built `whosaid` binary on real and hand-made data.

mod eval;
