//! Integration tests, gathered in one binary so they link once.

mod cli;
mod golden;
mod util;
