//! Integration tests, gathered in one binary so they link once: the built
//! `whosaid` binary on real and hand-made data.

mod adversarial;
mod cli;
mod driver;
mod eval;
#[cfg(unix)]
mod failures;
mod golden;
mod properties;
mod quality;
#[cfg(unix)]
mod resume;
mod util;
