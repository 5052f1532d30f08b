//! Quality floors on the project's own gold articles (fixtures/gold): people,
//! quotes and their speakers. These run everywhere, with or without
//! ../shared, so a change that loses accuracy fails CI.

use crate::util::{run, shared, stderr, stdout};

/// A figure of `eval --json`: a top-level number ("quotes.found") or a
/// field of a scored metric ("people.f1").
fn metric(json: &serde_json::Value, name: &str) -> f64 {
    json[name]
        .as_f64()
        .or_else(|| {
            let (head, field) = name.rsplit_once('.')?;
            json[head][field].as_f64()
        })
        .unwrap_or_else(|| panic!("no metric {name} in {json}"))
}

#[test]
fn fixture_gold_articles_meet_their_floors() {
    let out = run(&["eval", "--gold", "fixtures/gold", "--format", "gold", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("eval --json prints JSON");
    // (metric, floor): measured values sit a few points above these.
    let floors = [
        ("people.f1", 95.0),
        ("links.recall", 95.0),
        ("quotes.found", 95.0),
        ("quotes.attributed", 92.0),
        ("offices.recall", 60.0),
    ];
    for (name, floor) in floors {
        let got = metric(&json, name);
        assert!(got >= floor, "{name} is {got}, below {floor}");
    }
}

#[test]
fn the_seed_article_is_right() {
    let Some(shared) = shared() else { return };
    let gold = shared.join("seed/wang-cyberspace.gold.json");
    let out = run(&["eval", "--gold", gold.to_str().unwrap(), "--format", "gold", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    for name in [
        "people.f1",
        "countries.f1",
        "links.recall",
        "offices.recall",
        "quotes.found",
        "quotes.attributed",
    ] {
        assert_eq!(metric(&json, name), 100.0, "{name}: {json}");
    }
    assert_eq!(json["violations"].as_f64(), Some(0.0), "{json}");
}
