//! Output of an evaluation: the text table, the JSON metrics, the error
//! list (JSONL) and the floors of `--min`.

use std::io::{self, Write};
use std::str::FromStr;

use serde::Serialize;
use serde_json::{Map, Value, json};

use super::metrics::{Fragment, Metric, Scores};
use super::text::Text;
use crate::error::{Error, Result};

/// One false positive, false negative or violation, for `--errors`.
///
/// Written as one JSON object per line; fields that do not apply are left
/// out.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ErrorItem {
    /// `missed` (false negative), `spurious` (false positive), `violation`
    /// (a prediction the gold forbids), `unlinked` or `unfound` (a gold
    /// mention or office the record does not tie to the right person).
    pub kind: String,
    /// What was compared: `source`, `cue`, `content`, `attribution`,
    /// `person`, `country`, `people`, `countries`, `links`, `offices`,
    /// `quotes`.
    pub role: String,
    /// The article id.
    pub article: String,
    /// First code point of the span, when the item has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<usize>,
    /// One past the last code point of the span.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<usize>,
    /// The span's text, or the name or code at fault.
    pub text: String,
    /// Up to 60 code points either side of the span, the span in `[[ ]]`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
    /// For exact-match errors: whether the span overlaps one of the other
    /// side (a boundary error rather than a miss).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partial: Option<bool>,
    /// Anything else worth knowing (the source of an attribution, the
    /// person an office belongs to).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

impl ErrorItem {
    /// An item about a span of the article's text, with its text and context.
    pub(crate) fn span(kind: &str, role: &str, article: &str, text: &Text, fragment: Fragment) -> ErrorItem {
        ErrorItem {
            start: Some(fragment.start),
            end: Some(fragment.end),
            text: text.slice(fragment.start, fragment.end).to_string(),
            context: Some(text.context(fragment, super::metrics::CONTEXT)),
            ..ErrorItem::other(kind, role, article, "")
        }
    }

    /// An item with no span (a person's name, a country code).
    pub fn other(kind: &str, role: &str, article: &str, text: impl Into<String>) -> ErrorItem {
        ErrorItem {
            kind: kind.to_string(),
            role: role.to_string(),
            article: article.to_string(),
            start: None,
            end: None,
            text: text.into(),
            context: None,
            partial: None,
            detail: None,
        }
    }
}

/// Writes `items` as JSON lines, grouped by role, then kind, then article,
/// in text order within an article.
pub fn write_errors(out: &mut dyn Write, items: &[ErrorItem]) -> io::Result<()> {
    let mut sorted: Vec<&ErrorItem> = items.iter().collect();
    sorted.sort_by(|a, b| {
        (&a.role, &a.kind, &a.article, a.start, a.end).cmp(&(&b.role, &b.kind, &b.article, b.start, b.end))
    });
    for item in sorted {
        serde_json::to_writer(&mut *out, item)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// A figure as reported: a percentage with one decimal.
pub fn one_decimal(value: f64) -> f64 {
    // Parse back the printed form, so JSON and floors agree with the table.
    format!("{value:.1}").parse().unwrap_or(value)
}

/// The metrics as a table: one line per metric with P, R and F1 as
/// percentages with one decimal, and the counts behind them.
///
/// For overlap metrics `tp` counts predictions that overlap some gold span
/// and `fn` gold spans that no prediction overlaps, so `tp + fn` need not be
/// the gold count, which is given too.
pub fn render_table(scores: &Scores) -> String {
    let width = scores.iter().map(|(name, _)| name.len()).max().unwrap_or(0).max(6);
    let mut out = format!("{:<width$} {:>6} {:>6} {:>6}   counts\n", "metric", "P", "R", "F1");
    for (name, metric) in scores.iter() {
        let line = match metric {
            Metric::Prf(prf) => format!(
                "{name:<width$} {:>6.1} {:>6.1} {:>6.1}   tp {}  fp {}  fn {}  (predicted {}, gold {})",
                prf.p(),
                prf.r(),
                prf.f1(),
                prf.tp(),
                prf.fp(),
                prf.fn_(),
                prf.predicted,
                prf.gold
            ),
            Metric::Ratio(ratio) => format!(
                "{name:<width$} {:>6} {:>6.1} {:>6}   {} of {}",
                "-",
                ratio.value(),
                "-",
                ratio.hits,
                ratio.total
            ),
            Metric::Count(n) => format!("{name:<width$} {:>6} {:>6} {:>6}   {n}", "-", "-", "-"),
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// The metrics as one JSON object: a P/R/F1 metric is
/// `{"p", "r", "f1", "tp", "fp", "fn", "predicted", "gold"}`, a ratio its
/// percentage, a count its number. Percentages have one decimal.
pub fn to_json(scores: &Scores) -> Value {
    let mut map = Map::new();
    for (name, metric) in scores.iter() {
        let value = match metric {
            Metric::Prf(prf) => json!({
                "p": one_decimal(prf.p()),
                "r": one_decimal(prf.r()),
                "f1": one_decimal(prf.f1()),
                "tp": prf.tp(),
                "fp": prf.fp(),
                "fn": prf.fn_(),
                "predicted": prf.predicted,
                "gold": prf.gold,
            }),
            Metric::Ratio(ratio) => json!(one_decimal(ratio.value())),
            Metric::Count(n) => json!(n),
        };
        map.insert(name.to_string(), value);
    }
    Value::Object(map)
}

/// A floor of `--min`: figure `figure` must be at least `min`.
#[derive(Clone, Debug, PartialEq)]
pub struct Floor {
    /// A figure name, as [`Scores::value`] takes it (`content_exact.f1`).
    pub figure: String,
    /// The least acceptable value, in the figure's unit (percent for P, R,
    /// F1 and ratios).
    pub min: f64,
}

impl FromStr for Floor {
    type Err = Error;

    /// Parses `METRIC=VALUE`.
    fn from_str(s: &str) -> Result<Floor> {
        let (figure, value) = s
            .split_once('=')
            .ok_or_else(|| Error::msg(format!("{s:?} is not METRIC=VALUE")))?;
        let min: f64 = value
            .trim()
            .trim_end_matches('%')
            .parse()
            .map_err(|_| Error::msg(format!("{value:?} in {s:?} is not a number")))?;
        if !min.is_finite() {
            return Err(Error::msg(format!("{value:?} in {s:?} is not a finite number")));
        }
        Ok(Floor {
            figure: figure.trim().to_string(),
            min,
        })
    }
}

/// Checks that every floor names a figure of `scores`; the error lists the
/// figures there are.
pub fn check_floor_names(scores: &Scores, floors: &[Floor]) -> Result<()> {
    for floor in floors {
        if scores.value(&floor.figure).is_none() {
            return Err(Error::msg(format!(
                "unknown metric {:?} in --min (known: {})",
                floor.figure,
                scores.figure_names().join(", ")
            )));
        }
    }
    Ok(())
}

/// The floors not met, each as a message; figures are compared as printed
/// (one decimal). A floor naming no figure is not met.
pub fn unmet_floors(scores: &Scores, floors: &[Floor]) -> Vec<String> {
    let mut unmet = Vec::new();
    for floor in floors {
        match scores.value(&floor.figure) {
            Some(value) if one_decimal(value) >= floor.min => {}
            Some(value) => unmet.push(format!(
                "{} is {:.1}, below the floor {}",
                floor.figure, value, floor.min
            )),
            None => unmet.push(format!("{} is not a metric of this evaluation", floor.figure)),
        }
    }
    unmet
}
