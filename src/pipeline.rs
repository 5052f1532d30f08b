//! The pipeline: one article in, one record out.

use std::collections::BTreeMap;
use std::path::PathBuf;

use rustc_hash::FxHashMap;

use crate::article::Article;
use crate::entities::{EntityTagger, NONE, Tagged};
use crate::error::Result;
use crate::gazetteer::{Gazetteers, Target};
use crate::offsets::CharIndex;
use crate::quotes::{Found, QuoteFinder};
use crate::record::{CountryCount, CueClass, Entity, EntityKind, Person, Quote, Record, SCHEMA, Span};
use crate::segment::Segmentation;
use crate::text::single_spaced;

/// Configuration for a [`Pipeline`], validated by [`PipelineBuilder::build`].
#[derive(Clone, Debug, Default)]
pub struct PipelineBuilder {
    gazetteer_dir: Option<PathBuf>,
    extra_gazetteers: Vec<PathBuf>,
    cue_classes: Option<Vec<CueClass>>,
}

impl PipelineBuilder {
    /// Replaces the bundled gazetteers with the `*.tsv` files in `dir`.
    pub fn gazetteer_dir(mut self, dir: impl Into<PathBuf>) -> PipelineBuilder {
        self.gazetteer_dir = Some(dir.into());
        self
    }

    /// Adds one gazetteer file (of any kind, told by its header).
    pub fn add_gazetteer(mut self, file: impl Into<PathBuf>) -> PipelineBuilder {
        self.extra_gazetteers.push(file.into());
        self
    }

    /// Extracts only attributions whose cue is of these classes (default:
    /// all of speech, thought and intention).
    pub fn cue_classes(mut self, classes: &[CueClass]) -> PipelineBuilder {
        self.cue_classes = Some(classes.to_vec());
        self
    }

    /// Loads and compiles everything; errors name the file, line and field
    /// at fault.
    pub fn build(self) -> Result<Pipeline> {
        let mut gaz = match &self.gazetteer_dir {
            Some(dir) => Gazetteers::from_dir(dir)?,
            None => Gazetteers::bundled()?,
        };
        for file in &self.extra_gazetteers {
            gaz.add_file(file)?;
        }
        let mut pipeline = Pipeline::from_gazetteers(gaz)?;
        if let Some(classes) = &self.cue_classes {
            if classes.is_empty() {
                return Err(crate::Error::msg(
                    "no cue class selected (choose from speech, thought, intention)",
                ));
            }
            pipeline.quotes = QuoteFinder::new(classes);
        }
        Ok(pipeline)
    }
}

/// Extracts records from articles. Build it once and share it: it is `Sync`,
/// and [`extract`](Pipeline::extract) takes `&self`.
///
/// ```
/// use whosaid::{Article, Pipeline};
///
/// let pipeline = Pipeline::new()?;
/// let record = pipeline.extract(&Article::new("a1", "Chinese Foreign Minister Wang Yi met Ajit Doval."));
/// assert_eq!(record.people.len(), 2);
/// assert_eq!(record.people[0].name, "Wang Yi");
/// assert_eq!(record.countries[0].code, "CN");
/// # Ok::<(), whosaid::Error>(())
/// ```
#[derive(Debug)]
pub struct Pipeline {
    gazetteers: Gazetteers,
    tagger: EntityTagger,
    quotes: QuoteFinder,
    country_forms: FxHashMap<String, u32>,
}

impl Pipeline {
    /// A pipeline with the bundled defaults.
    pub fn new() -> Result<Pipeline> {
        Pipeline::builder().build()
    }

    /// A builder to configure a pipeline.
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// A pipeline over lists already loaded.
    pub fn from_gazetteers(gazetteers: Gazetteers) -> Result<Pipeline> {
        let tagger = EntityTagger::new(&gazetteers)?;
        let mut country_forms = FxHashMap::default();
        for alias in &gazetteers.aliases {
            if let Target::Country { index, .. } = alias.target {
                country_forms.entry(alias.form.clone()).or_insert(index);
            }
        }
        Ok(Pipeline {
            gazetteers,
            tagger,
            quotes: QuoteFinder::new(&[CueClass::Speech, CueClass::Thought, CueClass::Intention]),
            country_forms,
        })
    }

    /// The lists in use.
    pub fn gazetteers(&self) -> &Gazetteers {
        &self.gazetteers
    }

    /// The ISO 3166 alpha-2 code of the country that `name` (a name, short
    /// form or demonym, as written; a leading "the" is ignored) denotes in
    /// the gazetteers in use.
    pub fn country_code(&self, name: &str) -> Option<&str> {
        let name = name.trim();
        let name = name.strip_prefix("the ").unwrap_or(name);
        let index = self.country_forms.get(name).or_else(|| {
            // Headlines write "CHINA": try the form in title case.
            let titled = title_case(name);
            self.country_forms.get(&titled)
        })?;
        Some(self.gazetteers.countries[*index as usize].code.as_str())
    }

    /// Extracts the record of one article. Never fails: problems with the
    /// text become warnings in the record.
    pub fn extract(&self, article: &Article) -> Record {
        let text = article.text.as_str();
        let mut warnings = article.warnings.clone();
        if text.trim().is_empty() {
            warnings.push("empty text".to_string());
        }
        let chars = CharIndex::new(text);
        let seg = Segmentation::new(text);
        let tagged = self.tagger.tag(text, &seg, &self.gazetteers);
        let found = self.quotes.find(text, &seg, &tagged, &self.gazetteers, &mut warnings);
        let (entities, people, countries, pid) = self.entity_records(text, &chars, &tagged, &found);
        let quotes = found.iter().map(|f| quote_record(text, &chars, f, &pid)).collect();
        Record {
            schema: SCHEMA.to_string(),
            id: article.id.clone(),
            source: article.source.clone(),
            title: article.title.clone(),
            meta: article.meta.clone(),
            entities,
            people,
            countries,
            quotes,
            warnings,
        }
    }

    /// Runs the stages up to `stage` on `text` and returns a count of what
    /// the last one produced, for benchmarks that time each stage.
    #[doc(hidden)]
    pub fn run_stages(&self, text: &str, stage: Stage) -> usize {
        let seg = Segmentation::new(text);
        if stage == Stage::Segment {
            return seg.tokens.len();
        }
        let tagged = self.tagger.tag(text, &seg, &self.gazetteers);
        if stage == Stage::Entities {
            return tagged.mentions.len();
        }
        let found = self.quotes.find(text, &seg, &tagged, &self.gazetteers, &mut Vec::new());
        found.len()
    }

    /// Entities, people and country counts of the record.
    fn entity_records(
        &self,
        text: &str,
        chars: &CharIndex,
        tagged: &Tagged,
        found: &[Found],
    ) -> (Vec<Entity>, Vec<Person>, Vec<CountryCount>, Vec<Option<String>>) {
        // Offices learned from the quotes: "the Tory leader said" resolved to
        // a person gives that person the office.
        // Ordered by mention, so a person's offices come out in text order.
        let mut office_holder: BTreeMap<usize, u32> = BTreeMap::new();
        for f in found {
            if let (Some(m), Some(c)) = (f.office, f.speaker) {
                office_holder.entry(m as usize).or_insert(c);
            }
        }
        let g = &self.gazetteers;
        // People in order of first mention, only those still mentioned.
        let mut mentioned = vec![false; tagged.clusters.len()];
        for m in &tagged.mentions {
            if m.kind == EntityKind::Person
                && let Some(yes) = mentioned.get_mut(m.cluster as usize)
            {
                *yes = true;
            }
        }
        let mut order: Vec<usize> = (0..tagged.clusters.len()).filter(|&c| mentioned[c]).collect();
        order.sort_by_key(|&c| (tagged.clusters[c].first, c));
        let mut pid = vec![None; tagged.clusters.len()];
        let mut people = Vec::with_capacity(order.len());
        for (n, &c) in order.iter().enumerate() {
            let id = nth_person_id(n + 1);
            pid[c] = Some(id.clone());
            let cl = &tagged.clusters[c];
            people.push(Person {
                id,
                name: cl.name.clone(),
                reference: cl.known.and_then(|k| g.people[k as usize].reference.clone()),
                offices: {
                    let mut offices = cl.offices.clone();
                    for (&m, &holder) in &office_holder {
                        let mention = &tagged.mentions[m];
                        if holder as usize != c || mention.cluster != NONE {
                            continue;
                        }
                        let written = single_spaced(&text[mention.start..mention.end]);
                        if !offices.iter().any(|o| o.eq_ignore_ascii_case(&written)) {
                            offices.push(written);
                        }
                    }
                    offices
                },
                countries: cl
                    .countries
                    .iter()
                    .map(|&i| g.countries[i as usize].code.clone())
                    .collect(),
            });
        }
        let person_id = |cluster: u32| -> Option<String> {
            (cluster != NONE)
                .then(|| pid.get(cluster as usize).cloned().flatten())
                .flatten()
        };
        let mut counts: FxHashMap<u32, usize> = FxHashMap::default();
        let mut entities = Vec::with_capacity(tagged.mentions.len());
        for (index, m) in tagged.mentions.iter().enumerate() {
            let (canonical, reference, person) = match m.kind {
                EntityKind::Person => {
                    let name = tagged
                        .clusters
                        .get(m.cluster as usize)
                        .map(|c| c.name.clone())
                        .unwrap_or_else(|| text[m.start..m.end].to_string());
                    let reference = tagged
                        .clusters
                        .get(m.cluster as usize)
                        .and_then(|c| c.known)
                        .and_then(|k| g.people[k as usize].reference.clone());
                    (name, reference, person_id(m.cluster))
                }
                EntityKind::Office => {
                    let canonical = m
                        .canonical
                        .clone()
                        .unwrap_or_else(|| g.offices[m.target as usize].title.clone());
                    let holder = if m.cluster != NONE {
                        m.cluster
                    } else {
                        office_holder.get(&index).copied().unwrap_or(NONE)
                    };
                    (canonical, None, person_id(holder))
                }
                EntityKind::Country => {
                    *counts.entry(m.target).or_default() += 1;
                    let c = &g.countries[m.target as usize];
                    (c.name.clone(), Some(c.code.clone()), None)
                }
            };
            let (start, end) = chars.char_range(m.start, m.end);
            entities.push(Entity {
                kind: m.kind,
                start,
                end,
                text: text[m.start..m.end].to_string(),
                canonical,
                reference,
                person,
                rule: m.rule.to_string(),
            });
        }
        let mut countries: Vec<CountryCount> = counts
            .into_iter()
            .map(|(i, mentions)| {
                let c = &g.countries[i as usize];
                CountryCount {
                    code: c.code.clone(),
                    name: c.name.clone(),
                    mentions,
                }
            })
            .collect();
        countries.sort_by(|a, b| b.mentions.cmp(&a.mentions).then_with(|| a.code.cmp(&b.code)));
        (entities, people, countries, pid)
    }
}

/// The stages [`Pipeline::run_stages`] can stop after.
#[doc(hidden)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Paragraphs, sentences and tokens.
    Segment,
    /// ... and people, offices and countries.
    Entities,
    /// ... and quotes.
    Quotes,
}

/// `p1`, `p2`, ...: the id of the `n`th person. Built by hand, as going
/// through `format!` costs several times the allocation itself.
fn nth_person_id(n: usize) -> String {
    let mut buffer = itoa::Buffer::new();
    let digits = buffer.format(n);
    let mut id = String::with_capacity(1 + digits.len());
    id.push('p');
    id.push_str(digits);
    id
}

/// A span of the record, in code points.
fn span(text: &str, chars: &CharIndex, (start, end): (usize, usize)) -> Span {
    let (s, e) = chars.char_range(start, end);
    Span {
        start: s,
        end: e,
        text: text[start..end].to_string(),
    }
}

fn quote_record(text: &str, chars: &CharIndex, f: &Found, pid: &[Option<String>]) -> Quote {
    Quote {
        kind: f.kind,
        class: f.class,
        content: f.content.iter().map(|&r| span(text, chars, r)).collect(),
        cue: f.cue.map(|r| span(text, chars, r)),
        source: f.source.map(|r| span(text, chars, r)),
        speaker: f.speaker.and_then(|c| pid.get(c as usize).cloned().flatten()),
        speaker_name: f.speaker_name.clone(),
        confidence: (f.confidence * 100.0).round() / 100.0,
    }
}

fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(f) => f.to_uppercase().chain(cs.flat_map(char::to_lowercase)).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}
