//! The pipeline: one article in, one record out.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::path::PathBuf;

use rustc_hash::FxHashMap;

use crate::article::Article;
use crate::entities::{EntityTagger, NONE, TagBuffers, Tagged};
use crate::error::Result;
use crate::gazetteer::{Gazetteers, Target};
use crate::input::MAX_ARTICLE_BYTES;
use crate::offsets::CharIndex;
use crate::quotes::{Found, QuoteBuffers, QuoteFinder};
use crate::record::{
    CountryRef, CueClass, EntityKind, EntityRef, PersonRef, QuoteRef, Record, RecordRef, SCHEMA, SpanRef,
};
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
        let x = self.find(article);
        let laid = self.lay_out(&x);
        let entities = self
            .entity_refs(&x, &laid)
            .into_iter()
            .map(EntityRef::to_entity)
            .collect();
        let quotes = quote_refs(&x, &laid).iter().map(QuoteRef::to_quote).collect();
        let people = laid.people.into_iter().map(PersonRef::into_person).collect();
        let countries = laid.countries.into_iter().map(CountryRef::to_country).collect();
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
            warnings: x.warnings,
        }
    }

    /// Extracts the record of one article and appends it to `out` as compact
    /// JSON: the bytes [`Record::write_json`] writes for
    /// [`Pipeline::extract`]'s record, written straight from what extraction
    /// found, without copying its strings into a [`Record`] first (the
    /// fastest way to JSONL, and how `whosaid extract --jsonl` writes).
    /// Returns the number of entities and quotes. Fails only where
    /// [`Record::write_json`] would.
    ///
    /// ```
    /// let pipeline = whosaid::Pipeline::new()?;
    /// let article = whosaid::Article::new("a1", "\"We agree,\" Wang Yi said.");
    /// let mut line = Vec::new();
    /// let (entities, quotes) = pipeline.extract_json(&article, &mut line)?;
    /// assert_eq!(line, serde_json::to_vec(&pipeline.extract(&article))?);
    /// assert_eq!(quotes, 1);
    /// # let _ = entities;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn extract_json(&self, article: &Article, out: &mut Vec<u8>) -> serde_json::Result<(usize, usize)> {
        let x = self.find(article);
        let laid = self.lay_out(&x);
        let entities = self.entity_refs(&x, &laid);
        let quotes = quote_refs(&x, &laid);
        RecordRef {
            schema: SCHEMA,
            id: &article.id,
            source: &article.source,
            title: article.title.as_deref(),
            meta: article.meta.as_ref(),
            entities: &entities,
            people: &laid.people,
            countries: &laid.countries,
            quotes: &quotes,
            warnings: &x.warnings,
        }
        .write_json(out)?;
        Ok((entities.len(), quotes.len()))
    }

    /// Runs the stages on one article.
    fn find<'a>(&self, article: &'a Article) -> Extracted<'a> {
        let mut text = article.text.as_str();
        let mut warnings = article.warnings.clone();
        if text.len() > MAX_ARTICLE_BYTES {
            // Offsets inside an article are 32-bit; the readers never hand
            // over such a text, but a library caller may.
            warnings.push(format!(
                "text of {} bytes is over the limit of {MAX_ARTICLE_BYTES}; nothing was extracted",
                text.len()
            ));
            text = "";
        } else if text.trim().is_empty() {
            warnings.push("empty text".to_string());
        }
        let chars = CharIndex::new(text);
        let (tagged, found) = Scratch::with(|s| {
            s.seg.fill(text);
            self.tag_and_find(text, s, &mut warnings)
        });
        Extracted {
            text,
            chars,
            tagged,
            found,
            warnings,
        }
    }

    /// Runs the stages up to `stage` on `text` and returns a count of what
    /// the last one produced, for benchmarks that time each stage.
    #[doc(hidden)]
    pub fn run_stages(&self, text: &str, stage: Stage) -> usize {
        // With the thread's reused buffers, as extraction runs.
        Scratch::with(|s| {
            s.seg.fill(text);
            if stage == Stage::Segment {
                return s.seg.tokens.len();
            }
            if stage == Stage::Entities {
                let mut tagged = self.tagger.tag(text, &s.seg, &self.gazetteers, &mut s.tag);
                s.tag.recycle(&mut tagged);
                return tagged.mentions.len();
            }
            self.tag_and_find(text, s, &mut Vec::new()).1.len()
        })
    }

    /// The entity and quote stages over `text`, segmented into `s.seg`,
    /// with the per-token arrays of `s`. The tagged flags go back to `s`
    /// once the quotes are found: the result's are empty.
    fn tag_and_find(&self, text: &str, s: &mut Scratch, warnings: &mut Vec<String>) -> (Tagged, Vec<Found>) {
        let mut tagged = self.tagger.tag(text, &s.seg, &self.gazetteers, &mut s.tag);
        let found = self
            .quotes
            .find(text, &s.seg, &tagged, &self.gazetteers, warnings, &mut s.quotes);
        s.tag.recycle(&mut tagged);
        (tagged, found)
    }

    /// The record's people (with their ids) and country counts, borrowing
    /// their strings from the extraction and the gazetteers.
    fn lay_out<'b>(&'b self, x: &'b Extracted) -> LaidOut<'b> {
        let (text, tagged) = (x.text, &x.tagged);
        // Offices learned from the quotes: "the Tory leader said" resolved to
        // a person gives that person the office.
        // Ordered by mention, so a person's offices come out in text order.
        let mut office_holder: BTreeMap<usize, u32> = BTreeMap::new();
        for f in &x.found {
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
        let mut person_of = vec![NONE; tagged.clusters.len()];
        let mut people = Vec::with_capacity(order.len());
        for (n, &c) in order.iter().enumerate() {
            person_of[c] = n as u32;
            let cl = &tagged.clusters[c];
            people.push(PersonRef {
                id: nth_person_id(n + 1),
                name: &cl.name,
                reference: cl.known.and_then(|k| g.people[k as usize].reference.as_deref()),
                offices: {
                    let mut offices: Vec<Cow<str>> = cl.offices.iter().map(|o| Cow::Borrowed(o.as_str())).collect();
                    for (&m, &holder) in &office_holder {
                        let mention = &tagged.mentions[m];
                        if holder as usize != c || mention.cluster != NONE {
                            continue;
                        }
                        let written = single_spaced(&text[mention.start..mention.end]);
                        if !offices.iter().any(|o| o.eq_ignore_ascii_case(&written)) {
                            offices.push(Cow::Owned(written));
                        }
                    }
                    offices
                },
                countries: cl
                    .countries
                    .iter()
                    .map(|&i| g.countries[i as usize].code.as_str())
                    .collect(),
            });
        }
        // Mentions of each country named: an article names few, so a list
        // searched costs less than a map.
        let mut counts: Vec<(u32, usize)> = Vec::new();
        for m in tagged.mentions.iter().filter(|m| m.kind == EntityKind::Country) {
            match counts.iter_mut().find(|(i, _)| *i == m.target) {
                Some((_, n)) => *n += 1,
                None => counts.push((m.target, 1)),
            }
        }
        let mut countries: Vec<CountryRef> = counts
            .into_iter()
            .map(|(i, mentions)| {
                let c = &g.countries[i as usize];
                CountryRef {
                    code: &c.code,
                    name: &c.name,
                    mentions,
                }
            })
            .collect();
        countries.sort_by(|a, b| b.mentions.cmp(&a.mentions).then_with(|| a.code.cmp(b.code)));
        LaidOut {
            people,
            countries,
            person_of,
            office_holder,
        }
    }

    /// The record's entities, borrowing their strings from the article,
    /// the extraction and the gazetteers.
    fn entity_refs<'b>(&'b self, x: &'b Extracted, laid: &'b LaidOut) -> Vec<EntityRef<'b>> {
        let (text, tagged, g) = (x.text, &x.tagged, &self.gazetteers);
        let mut entities = Vec::with_capacity(tagged.mentions.len());
        for (index, m) in tagged.mentions.iter().enumerate() {
            let written = &text[m.start..m.end];
            let (canonical, reference, person) = match m.kind {
                EntityKind::Person => {
                    let cluster = tagged.clusters.get(m.cluster as usize);
                    let name = cluster.map_or(written, |c| c.name.as_str());
                    let reference = cluster
                        .and_then(|c| c.known)
                        .and_then(|k| g.people[k as usize].reference.as_deref());
                    (name, reference, laid.person_id(m.cluster))
                }
                EntityKind::Office => {
                    let canonical = m
                        .canonical
                        .as_deref()
                        .unwrap_or_else(|| g.offices[m.target as usize].title.as_str());
                    let holder = if m.cluster != NONE {
                        m.cluster
                    } else {
                        laid.office_holder.get(&index).copied().unwrap_or(NONE)
                    };
                    (canonical, None, laid.person_id(holder))
                }
                EntityKind::Country => {
                    let c = &g.countries[m.target as usize];
                    (c.name.as_str(), Some(c.code.as_str()), None)
                }
            };
            let (start, end) = x.chars.char_range(m.start, m.end);
            entities.push(EntityRef {
                kind: m.kind,
                start,
                end,
                text: written,
                canonical,
                reference,
                person,
                rule: m.rule,
            });
        }
        entities
    }
}

/// Buffers a thread reuses from one article to the next: the segmentation
/// and the per-token arrays of the stages. Each article fills them anew;
/// keeping them saves allocating, and first touching, a dozen arrays the
/// size of the article per article.
#[derive(Default)]
struct Scratch {
    seg: Segmentation,
    tag: TagBuffers,
    quotes: QuoteBuffers,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// Above this many tokens, an article's buffers are let go after it rather
/// than kept for the next: one huge article must not hold its memory for the
/// rest of the run. News articles have a few thousand tokens.
const KEEP_TOKENS: usize = 1 << 16;

impl Scratch {
    /// Runs `f` with this thread's buffers (fresh ones should the thread's
    /// be in use further up the stack).
    fn with<R>(f: impl FnOnce(&mut Scratch) -> R) -> R {
        SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut s) => {
                let r = f(&mut s);
                if s.seg.tokens.capacity() > KEEP_TOKENS {
                    *s = Scratch::default();
                }
                r
            }
            Err(_) => f(&mut Scratch::default()),
        })
    }
}

/// What the stages found in one article.
struct Extracted<'a> {
    text: &'a str,
    chars: CharIndex<'a>,
    tagged: Tagged,
    found: Vec<Found>,
    warnings: Vec<String>,
}

/// The people and countries of a record, and how its entities and quotes
/// refer to the people.
struct LaidOut<'a> {
    people: Vec<PersonRef<'a>>,
    countries: Vec<CountryRef<'a>>,
    /// Per cluster: its index in `people`, or [`NONE`] when not mentioned.
    person_of: Vec<u32>,
    /// Office mentions whose holder a quote revealed, by mention index.
    office_holder: BTreeMap<usize, u32>,
}

impl LaidOut<'_> {
    /// The id (`p1`, ...) of the person `cluster` names, if any.
    fn person_id(&self, cluster: u32) -> Option<&str> {
        let n = *self.person_of.get(cluster as usize)?;
        self.people.get(n as usize).map(|p| p.id.as_ref())
    }
}

/// The record's quotes, borrowing their strings from the article and the
/// extraction.
fn quote_refs<'b>(x: &'b Extracted, laid: &'b LaidOut) -> Vec<QuoteRef<'b>> {
    let span = |(start, end): (usize, usize)| {
        let (s, e) = x.chars.char_range(start, end);
        SpanRef {
            start: s,
            end: e,
            text: &x.text[start..end],
        }
    };
    x.found
        .iter()
        .map(|f| QuoteRef {
            kind: f.kind,
            class: f.class,
            content: f.content.iter().map(|&r| span(r)).collect(),
            cue: f.cue.map(span),
            source: f.source.map(span),
            speaker: f.speaker.and_then(|c| laid.person_id(c)),
            speaker_name: f.speaker_name.as_deref(),
            confidence: (f.confidence * 100.0).round() / 100.0,
        })
        .collect()
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

/// `p1`, `p2`, ...: the id of the `n`th person (counting from 1). The
/// first few, which cover nearly every article, are borrowed from a table
/// rather than made per person. The others are built by hand, as going
/// through `format!` costs several times the allocation itself.
fn nth_person_id(n: usize) -> Cow<'static, str> {
    const IDS: [&str; 32] = [
        "p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "p9", "p10", "p11", "p12", "p13", "p14", "p15", "p16", "p17",
        "p18", "p19", "p20", "p21", "p22", "p23", "p24", "p25", "p26", "p27", "p28", "p29", "p30", "p31", "p32",
    ];
    if let Some(id) = n.checked_sub(1).and_then(|i| IDS.get(i)) {
        return Cow::Borrowed(id);
    }
    let mut buffer = itoa::Buffer::new();
    let digits = buffer.format(n);
    let mut id = String::with_capacity(1 + digits.len());
    id.push('p');
    id.push_str(digits);
    Cow::Owned(id)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn person_ids_from_the_table_and_beyond() {
        for n in 1..=100 {
            assert_eq!(nth_person_id(n), format!("p{n}"));
        }
    }
}
