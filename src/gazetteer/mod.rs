//! Gazetteers: the lists of countries, people, offices, speaker nouns and
//! names that the entity and quote stages match against.
//!
//! Every list is a TSV file (format in `gazetteers/README.md`); the kind of a
//! file is told by its header, so a user's file of any kind can be added with
//! [`Gazetteers::add_file`]. The bundled files are compiled into the binary.
//! Loading validates every row and names the file, line and field at fault.

mod cues;
mod tsv;

pub use cues::{Cue, CueForm, CueForms, CueLexicon, CueType, Frames, Tense};

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;
use std::path::Path;

use crate::error::{Error, Result};
use tsv::Table;

/// Grammatical gender, where a list knows it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Gender {
    /// Not known, or either.
    #[default]
    Unknown,
    /// Male ("he").
    Male,
    /// Female ("she").
    Female,
}

impl Gender {
    fn parse(value: &str) -> Option<Gender> {
        match value {
            "" | "u" | "U" => Some(Gender::Unknown),
            "m" | "M" => Some(Gender::Male),
            "f" | "F" => Some(Gender::Female),
            _ => None,
        }
    }
}

/// A country.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code.
    pub code: String,
    /// Common English name.
    pub name: String,
}

/// A person from a people list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KnownPerson {
    /// Canonical full name.
    pub name: String,
    /// Gender, when known.
    pub gender: Gender,
    /// ISO code of the person's country.
    pub country: Option<String>,
    /// Free-text description.
    pub description: String,
    /// External identifier (Wikidata QID).
    pub reference: Option<String>,
}

/// An office or title.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Office {
    /// Canonical form, lower case ("foreign minister").
    pub title: String,
    /// Category ("minister", "head_of_state", ...).
    pub category: String,
    /// Gender the title implies ("spokeswoman").
    pub gender: Gender,
}

/// What a speaker noun denotes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NounKind {
    /// One person ("diplomat", "spokesman").
    Person,
    /// People taken together ("crowd", "delegation").
    Group,
    /// An organisation ("ministry", "company").
    Organisation,
    /// A publication or document ("newspaper", "report", "poll").
    Media,
}

/// A speaker noun, singular or plural.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Noun {
    /// What it denotes.
    pub kind: NounKind,
    /// Gender it implies.
    pub gender: Gender,
    /// True for the plural form.
    pub plural: bool,
}

/// A first name.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FirstName {
    /// Gender most holders have.
    pub gender: Gender,
    /// Frequency weight (percent of the population holding it).
    pub weight: f32,
    /// Also a common English word ("Will", "May"): weak evidence alone.
    pub common_word: bool,
}

/// What a gazetteer surface form points to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    /// A country, by index into [`Gazetteers::countries`].
    Country {
        /// Index of the country.
        index: u32,
        /// The form is a demonym or adjective ("Chinese").
        demonym: bool,
        /// The form often means something else ("Jordan", "Georgia").
        ambiguous: bool,
    },
    /// A person, by index into [`Gazetteers::people`].
    Person {
        /// Index of the person.
        index: u32,
    },
    /// An office, by index into [`Gazetteers::offices`].
    Office {
        /// Index of the office.
        index: u32,
        /// The form is an acronym that must match case exactly ("FM").
        acronym: bool,
    },
}

/// One surface form and what it names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alias {
    /// The form as written in the list.
    pub form: String,
    /// What it names.
    pub target: Target,
    /// Where it was defined: file name and line, for collision reports.
    pub origin: (std::sync::Arc<str>, usize),
}

/// All lists in use.
#[derive(Clone, Debug, Default)]
pub struct Gazetteers {
    /// Countries.
    pub countries: Vec<Country>,
    /// Known people. Add them through the lists ([`Gazetteers::add_text`],
    /// [`Gazetteers::add_file`]): the index that merges a repeated name
    /// with its earlier row reads the names here, so a person renamed or
    /// removed by hand is not found by the lists added after.
    pub people: Vec<KnownPerson>,
    /// Offices.
    pub offices: Vec<Office>,
    /// Every surface form of a country, person or office.
    pub aliases: Vec<Alias>,
    /// Speaker nouns, by lower-case form.
    pub nouns: FxHashMap<String, Noun>,
    /// First names, by form as written (Title case).
    pub first_names: FxHashMap<String, FirstName>,
    /// Surnames with their frequency rank (1 = most common).
    pub surnames: FxHashMap<String, u32>,
    /// The cue lexicon.
    pub cues: CueLexicon,
    /// Files loaded, in order.
    pub files: Vec<String>,
    country_by_code: FxHashMap<String, u32>,
    /// Index into `people` by name, hashed with [`name_hash`]: the names
    /// are not copied (a big list has half a million of them).
    person_by_name: hashbrown::HashTable<u32>,
    office_by_title: FxHashMap<String, u32>,
}

/// The kinds of gazetteer file, told apart by their headers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// `code name aliases demonyms ambiguous`
    Countries,
    /// `name aliases gender country description ref`
    People,
    /// `title aliases category gender`
    Offices,
    /// `noun plural kind gender`
    Nouns,
    /// `name gender weight common_word`
    FirstNames,
    /// `name rank`
    Surnames,
    /// `cue class type forms frames`
    Cues,
}

impl FileKind {
    fn of(table: &Table) -> Option<FileKind> {
        let h = |cols: &[&str]| table.has_columns(cols);
        if h(&["code", "name"]) {
            Some(FileKind::Countries)
        } else if h(&["title"]) {
            Some(FileKind::Offices)
        } else if h(&["noun", "kind"]) {
            Some(FileKind::Nouns)
        } else if h(&["cue"]) {
            Some(FileKind::Cues)
        } else if h(&["name", "weight"]) {
            Some(FileKind::FirstNames)
        } else if h(&["name", "rank"]) {
            Some(FileKind::Surnames)
        } else if h(&["name"]) {
            Some(FileKind::People)
        } else {
            None
        }
    }
}

/// The bundled files, in load order (countries before the lists that refer
/// to country codes).
const BUNDLED: &[(&str, &str)] = &[
    ("countries.tsv", include_str!("../../gazetteers/countries.tsv")),
    ("people.tsv", include_str!("../../gazetteers/people.tsv")),
    ("offices.tsv", include_str!("../../gazetteers/offices.tsv")),
    ("nouns.tsv", include_str!("../../gazetteers/nouns.tsv")),
    ("first_names.tsv", include_str!("../../gazetteers/first_names.tsv")),
    ("surnames.tsv", include_str!("../../gazetteers/surnames.tsv")),
    ("cues.tsv", include_str!("../../gazetteers/cues.tsv")),
];

impl Gazetteers {
    /// The lists bundled with whosaid.
    pub fn bundled() -> Result<Gazetteers> {
        let mut g = Gazetteers::default();
        for (name, text) in BUNDLED {
            g.add_text(name, text)?;
        }
        Ok(g)
    }

    /// Every `*.tsv` file in `dir`, countries first, then in name order.
    pub fn from_dir(dir: &Path) -> Result<Gazetteers> {
        let entries = std::fs::read_dir(dir).map_err(|e| Error::io("cannot read gazetteer directory", Some(dir), e))?;
        let mut files = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|e| Error::io("cannot read gazetteer directory", Some(dir), e))?;
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "tsv") && path.is_file() {
                files.push(path);
            }
        }
        if files.is_empty() {
            return Err(Error::msg(format!("{}: no .tsv gazetteer files", dir.display())));
        }
        let mut texts = Vec::new();
        for path in files {
            let text = std::fs::read_to_string(&path).map_err(|e| Error::io("cannot read", Some(&path), e))?;
            let kind = FileKind::of(&Table::parse(&path.display().to_string(), &text)?);
            texts.push((kind != Some(FileKind::Countries), path, text));
        }
        texts.sort();
        let mut g = Gazetteers::default();
        for (_, path, text) in texts {
            g.add_text(&path.display().to_string(), &text)?;
        }
        Ok(g)
    }

    /// Adds one file of any kind.
    pub fn add_file(&mut self, path: &Path) -> Result<FileKind> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io("cannot read", Some(path), e))?;
        self.add_text(&path.display().to_string(), &text)
    }

    /// Adds the content of one file called `name`, of any kind.
    pub fn add_text(&mut self, name: &str, text: &str) -> Result<FileKind> {
        let table = Table::parse(name, text)?;
        let kind = FileKind::of(&table).ok_or_else(|| {
            Error::data(
                name,
                None,
                format!(
                    "cannot tell what kind of gazetteer this is from its header ({}); see gazetteers/README.md",
                    table.header().join(", ")
                ),
            )
        })?;
        match kind {
            FileKind::Countries => self.load_countries(&table)?,
            FileKind::People => self.load_people(&table)?,
            FileKind::Offices => self.load_offices(&table)?,
            FileKind::Nouns => self.load_nouns(&table)?,
            FileKind::FirstNames => self.load_first_names(&table)?,
            FileKind::Surnames => self.load_surnames(&table)?,
            FileKind::Cues => self.cues.load(&table)?,
        }
        self.files.push(name.to_string());
        Ok(kind)
    }

    fn push_alias(&mut self, table: &Table, line: usize, form: &str, target: Target) {
        self.aliases.push(Alias {
            form: form.to_string(),
            target,
            origin: (table.name.clone(), line),
        });
    }

    fn load_countries(&mut self, t: &Table) -> Result<()> {
        let code = t.column("code")?;
        let name = t.column("name")?;
        let aliases = t.optional_column("aliases");
        let demonyms = t.optional_column("demonyms");
        let ambiguous = t.optional_column("ambiguous");
        for row in t.rows() {
            let c = t.required(row, code, "code")?;
            if c.len() != 2 || !c.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(t.fault(
                    row,
                    "code",
                    format!("{c:?} is not an ISO 3166 alpha-2 code (two capital letters)"),
                ));
            }
            let n = t.required(row, name, "name")?;
            if self.country_by_code.contains_key(c) {
                return Err(t.fault(row, "code", format!("{c} is listed twice")));
            }
            let index = self.countries.len() as u32;
            self.countries.push(Country {
                code: c.to_string(),
                name: n.to_string(),
            });
            self.country_by_code.insert(c.to_string(), index);
            let flagged: Vec<&str> = ambiguous.map(|col| row.list(col).collect()).unwrap_or_default();
            let mut forms: Vec<(&str, bool)> = vec![(n, false)];
            forms.extend(aliases.into_iter().flat_map(|col| row.list(col)).map(|a| (a, false)));
            forms.extend(demonyms.into_iter().flat_map(|col| row.list(col)).map(|d| (d, true)));
            for flag in &flagged {
                if !forms.iter().any(|(f, _)| f == flag) {
                    return Err(t.fault(row, "ambiguous", format!("{flag:?} is not one of this row's names")));
                }
            }
            for (form, demonym) in forms {
                let target = Target::Country {
                    index,
                    demonym,
                    ambiguous: flagged.contains(&form),
                };
                self.push_alias(t, row.line, form, target);
            }
        }
        Ok(())
    }

    fn load_people(&mut self, t: &Table) -> Result<()> {
        let name = t.column("name")?;
        let aliases = t.optional_column("aliases");
        let gender = t.optional_column("gender");
        let country = t.optional_column("country");
        let description = t.optional_column("description");
        let reference = t.optional_column("ref");
        // Room for every row up front: a list of a million forms otherwise
        // regrows (and rehashes) these about twenty times each.
        let rows = t.rows().len();
        self.people.reserve(rows);
        let people = &self.people;
        self.person_by_name.reserve(rows, |&i| person_hash(people, i));
        self.aliases.reserve(rows * if aliases.is_some() { 2 } else { 1 });
        for row in t.rows() {
            let n = t.required(row, name, "name")?;
            let g = Gender::parse(row.opt(gender).unwrap_or(""))
                .ok_or_else(|| t.fault(row, "gender", format!("{:?} is not m, f or empty", row.opt(gender))))?;
            let c = row.opt(country);
            if let Some(c) = c
                && !self.country_by_code.contains_key(c)
            {
                return Err(t.fault(row, "country", format!("{c:?} is not a code in the countries list")));
            }
            if let Some(r) = row.opt(reference)
                && !is_qid(r)
            {
                return Err(t.fault(row, "ref", format!("{r:?} is not a Wikidata id such as Q7747")));
            }
            let hash = name_hash(n);
            let people = &self.people;
            let index = match self
                .person_by_name
                .find(hash, |&i| people.get(i as usize).is_some_and(|p| p.name == n))
                .copied()
            {
                // A user's list may repeat a bundled person to add aliases.
                Some(index) => index,
                None => {
                    let index = self.people.len() as u32;
                    self.people.push(KnownPerson {
                        name: n.to_string(),
                        gender: g,
                        country: c.map(str::to_string),
                        description: row.opt(description).unwrap_or("").to_string(),
                        reference: row.opt(reference).map(str::to_string),
                    });
                    let people = &self.people;
                    self.person_by_name
                        .insert_unique(hash, index, |&i| person_hash(people, i));
                    self.push_alias(t, row.line, n, Target::Person { index });
                    index
                }
            };
            for alias in aliases.into_iter().flat_map(|col| row.list(col)) {
                self.push_alias(t, row.line, alias, Target::Person { index });
            }
        }
        Ok(())
    }

    fn load_offices(&mut self, t: &Table) -> Result<()> {
        let title = t.column("title")?;
        let aliases = t.optional_column("aliases");
        let category = t.optional_column("category");
        let gender = t.optional_column("gender");
        for row in t.rows() {
            let ti = t.required(row, title, "title")?;
            let g = Gender::parse(row.opt(gender).unwrap_or(""))
                .ok_or_else(|| t.fault(row, "gender", format!("{:?} is not m, f or empty", row.opt(gender))))?;
            let index = match self.office_by_title.get(ti) {
                Some(&index) => index,
                None => {
                    let index = self.offices.len() as u32;
                    self.offices.push(Office {
                        title: ti.to_string(),
                        category: row.opt(category).unwrap_or("other").to_string(),
                        gender: g,
                    });
                    self.office_by_title.insert(ti.to_string(), index);
                    self.push_alias(t, row.line, ti, Target::Office { index, acronym: false });
                    index
                }
            };
            for alias in aliases.into_iter().flat_map(|col| row.list(col)) {
                let acronym = alias.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
                    || alias.chars().any(char::is_uppercase) && alias.len() <= 5;
                self.push_alias(t, row.line, alias, Target::Office { index, acronym });
            }
        }
        Ok(())
    }

    fn load_nouns(&mut self, t: &Table) -> Result<()> {
        let noun = t.column("noun")?;
        let kind = t.column("kind")?;
        let plural = t.optional_column("plural");
        let gender = t.optional_column("gender");
        for row in t.rows() {
            let n = t.required(row, noun, "noun")?;
            let k = match t.required(row, kind, "kind")? {
                "person" => NounKind::Person,
                "group" => NounKind::Group,
                "organisation" | "organization" => NounKind::Organisation,
                "media" => NounKind::Media,
                other => {
                    return Err(t.fault(
                        row,
                        "kind",
                        format!("{other:?} is not person, group, organisation or media"),
                    ));
                }
            };
            let g = Gender::parse(row.opt(gender).unwrap_or(""))
                .ok_or_else(|| t.fault(row, "gender", format!("{:?} is not m, f or empty", row.opt(gender))))?;
            self.nouns.insert(
                n.to_lowercase(),
                Noun {
                    kind: k,
                    gender: g,
                    plural: false,
                },
            );
            if let Some(p) = row.opt(plural) {
                // The plural of a person noun names several people: a group.
                let plural_kind = if k == NounKind::Person { NounKind::Group } else { k };
                self.nouns.entry(p.to_lowercase()).or_insert(Noun {
                    kind: plural_kind,
                    gender: g,
                    plural: true,
                });
            }
        }
        Ok(())
    }

    fn load_first_names(&mut self, t: &Table) -> Result<()> {
        let name = t.column("name")?;
        let gender = t.optional_column("gender");
        let weight = t.optional_column("weight");
        let common = t.optional_column("common_word");
        for row in t.rows() {
            let n = t.required(row, name, "name")?;
            let g = Gender::parse(row.opt(gender).unwrap_or(""))
                .ok_or_else(|| t.fault(row, "gender", format!("{:?} is not m, f, u or empty", row.opt(gender))))?;
            let w = match row.opt(weight) {
                None => 0.0,
                Some(w) => w
                    .parse::<f32>()
                    .map_err(|_| t.fault(row, "weight", format!("{w:?} is not a number")))?,
            };
            let common_word = match row.opt(common) {
                None | Some("0") => false,
                Some("1") => true,
                Some(other) => return Err(t.fault(row, "common_word", format!("{other:?} is not 0 or 1"))),
            };
            self.first_names.insert(
                n.to_string(),
                FirstName {
                    gender: g,
                    weight: w,
                    common_word,
                },
            );
        }
        Ok(())
    }

    fn load_surnames(&mut self, t: &Table) -> Result<()> {
        let name = t.column("name")?;
        let rank = t.column("rank")?;
        for row in t.rows() {
            let n = t.required(row, name, "name")?;
            let r = t.required(row, rank, "rank")?;
            let r = r
                .parse::<u32>()
                .map_err(|_| t.fault(row, "rank", format!("{r:?} is not a whole number")))?;
            self.surnames.insert(n.to_string(), r);
        }
        Ok(())
    }

    /// Index of the country with ISO code `code`.
    pub fn country_index(&self, code: &str) -> Option<u32> {
        self.country_by_code.get(code).copied()
    }

    /// The country with ISO code `code`.
    pub fn country(&self, code: &str) -> Option<&Country> {
        self.country_by_code.get(code).map(|&i| &self.countries[i as usize])
    }

    /// Counts per kind and the surface forms that name more than one thing.
    pub fn check(&self) -> CheckReport {
        let mut by_form: BTreeMap<&str, Vec<&Alias>> = BTreeMap::new();
        for alias in &self.aliases {
            by_form.entry(alias.form.as_str()).or_default().push(alias);
        }
        let mut collisions = Vec::new();
        for (form, aliases) in by_form {
            let mut targets: Vec<Target> = aliases.iter().map(|a| strip_flags(a.target)).collect();
            targets.sort();
            targets.dedup();
            if targets.len() > 1 {
                let names = aliases
                    .iter()
                    .map(|a| format!("{} ({}:{})", self.describe(a.target), a.origin.0, a.origin.1))
                    .collect();
                collisions.push((form.to_string(), names));
            }
        }
        CheckReport {
            countries: self.countries.len(),
            people: self.people.len(),
            offices: self.offices.len(),
            aliases: self.aliases.len(),
            nouns: self.nouns.len(),
            first_names: self.first_names.len(),
            surnames: self.surnames.len(),
            collisions,
        }
    }

    /// A short description of what `target` names, for messages.
    pub fn describe(&self, target: Target) -> String {
        match target {
            Target::Country { index, demonym, .. } => {
                let c = &self.countries[index as usize];
                format!(
                    "country {} {}{}",
                    c.code,
                    c.name,
                    if demonym { " (demonym)" } else { "" }
                )
            }
            Target::Person { index } => format!("person {}", self.people[index as usize].name),
            Target::Office { index, .. } => format!("office {}", self.offices[index as usize].title),
        }
    }
}

fn strip_flags(target: Target) -> Target {
    match target {
        Target::Country { index, .. } => Target::Country {
            index,
            demonym: false,
            ambiguous: false,
        },
        Target::Office { index, .. } => Target::Office { index, acronym: false },
        t => t,
    }
}

/// The hash of a person's name in `person_by_name`.
fn name_hash(name: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(name)
}

/// [`name_hash`] of the person numbered `i`. The index holds numbers into
/// the public `people`, which a caller may have cut short: a number past
/// its end hashes to 0 (and matches no name) rather than panicking.
fn person_hash(people: &[KnownPerson], i: u32) -> u64 {
    people.get(i as usize).map_or(0, |p| name_hash(&p.name))
}

fn is_qid(s: &str) -> bool {
    s.len() > 1 && s.starts_with('Q') && s[1..].bytes().all(|b| b.is_ascii_digit())
}

/// What `whosaid gazetteer check` reports.
#[derive(Clone, Debug, Default)]
pub struct CheckReport {
    /// Countries loaded.
    pub countries: usize,
    /// People loaded.
    pub people: usize,
    /// Offices loaded.
    pub offices: usize,
    /// Surface forms of countries, people and offices.
    pub aliases: usize,
    /// Speaker nouns (singular and plural forms).
    pub nouns: usize,
    /// First names.
    pub first_names: usize,
    /// Surnames.
    pub surnames: usize,
    /// Forms naming more than one thing: the form, and each thing with the
    /// file and line defining it.
    pub collisions: Vec<(String, Vec<String>)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Files that once crashed the loader, found by the `gazetteer` fuzz
    /// target (fuzz/), minimised. Each must load or be refused, not panic.
    #[test]
    fn crash_regressions() {
        let cases: &[(&str, &str)] = &[(
            "cue\tclass\ttype\tforms\nsay\u{e9}\tspeech\tverb\tsays\n",
            "a verb lemma ending in a multi-byte character: its stem was cut inside it",
        )];
        for (text, what) in cases {
            let mut g = Gazetteers::default();
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| g.add_text("fuzz.tsv", text)));
            assert!(result.is_ok(), "{what}: {text:?} panicked");
        }
    }

    /// A repeated name adds aliases to the person already listed, through
    /// the name index; people cut from the public field by hand are not
    /// found again, and do not crash the next load.
    #[test]
    fn repeated_names_merge_and_a_cut_list_still_loads() {
        let mut g = Gazetteers::default();
        g.add_text("a.tsv", "name\taliases\nWang Yi\t\nQin Gang\t\n").unwrap();
        g.add_text("b.tsv", "name\taliases\nQin Gang\tMr Qin\nLi Qiang\t\n")
            .unwrap();
        let names: Vec<&str> = g.people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Wang Yi", "Qin Gang", "Li Qiang"]);
        let qin = g.aliases.iter().find(|a| a.form == "Mr Qin").map(|a| a.target);
        assert_eq!(qin, Some(Target::Person { index: 1 }));

        g.people.truncate(1);
        g.add_text("c.tsv", "name\taliases\nQin Gang\tQ. Gang\nWang Yi\tMr Wang\n")
            .unwrap();
        let names: Vec<&str> = g.people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Wang Yi", "Qin Gang"]);
        let wang = g.aliases.iter().find(|a| a.form == "Mr Wang").map(|a| a.target);
        assert_eq!(wang, Some(Target::Person { index: 0 }));
    }

    fn load(files: &[(&str, &str)]) -> Result<Gazetteers> {
        let mut g = Gazetteers::default();
        for (name, text) in files {
            g.add_text(name, text)?;
        }
        Ok(g)
    }

    const COUNTRIES: &str = "code\tname\taliases\tdemonyms\tambiguous\nCN\tChina\tPeople's Republic of China|PRC\tChinese\t\nJO\tJordan\tHashemite Kingdom of Jordan\tJordanian|Jordanians\tJordan\n";

    #[test]
    fn kinds_are_told_by_header() {
        let g = load(&[
            ("c.tsv", COUNTRIES),
            ("p.tsv", "name\taliases\tgender\tcountry\nWang Yi\t\tm\tCN\n"),
            (
                "o.tsv",
                "title\taliases\tcategory\tgender\nforeign minister\tFM|FMs\tminister\t\n",
            ),
            (
                "n.tsv",
                "noun\tplural\tkind\tgender\ndiplomat\tdiplomats\tperson\t\nministry\tministries\torganisation\t\n",
            ),
            (
                "f.tsv",
                "name\tgender\tweight\tcommon_word\nAjit\tm\t0.001\t0\nWill\tm\t0.2\t1\n",
            ),
            ("s.tsv", "name\trank\nSmith\t1\n"),
        ])
        .unwrap();
        assert_eq!(g.countries.len(), 2);
        assert_eq!(g.people[0].country.as_deref(), Some("CN"));
        assert_eq!(g.nouns["diplomats"].kind, NounKind::Group);
        assert_eq!(g.nouns["ministry"].kind, NounKind::Organisation);
        assert!(g.first_names["Will"].common_word);
        assert_eq!(g.surnames["Smith"], 1);
        let fm = g.aliases.iter().find(|a| a.form == "FM").unwrap();
        assert!(matches!(fm.target, Target::Office { acronym: true, .. }));
        let jordan = g.aliases.iter().find(|a| a.form == "Jordan").unwrap();
        assert!(matches!(jordan.target, Target::Country { ambiguous: true, .. }));
        let chinese = g.aliases.iter().find(|a| a.form == "Chinese").unwrap();
        assert!(matches!(
            chinese.target,
            Target::Country {
                demonym: true,
                ambiguous: false,
                ..
            }
        ));
    }

    #[test]
    fn faults_name_file_line_and_field() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "c.tsv",
                "code\tname\nChina\tChina\n",
                "c.tsv:2: field \"code\": \"China\" is not an ISO 3166",
            ),
            (
                "c.tsv",
                "code\tname\nXA\tAa\nXA\tBb\n",
                "c.tsv:3: field \"code\": XA is listed twice",
            ),
            (
                "c.tsv",
                "code\tname\tambiguous\nXB\tGeorgia\tGeorgie\n",
                "c.tsv:2: field \"ambiguous\": \"Georgie\"",
            ),
            ("p.tsv", "name\tgender\nWang Yi\tx\n", "p.tsv:2: field \"gender\""),
            (
                "p.tsv",
                "name\tcountry\nWang Yi\tZZ\n",
                "p.tsv:2: field \"country\": \"ZZ\" is not a code",
            ),
            ("p.tsv", "name\tref\nWang Yi\t12\n", "p.tsv:2: field \"ref\""),
            (
                "p.tsv",
                "name\tgender\n\tm\n",
                "p.tsv:2: field \"name\": must not be empty",
            ),
            ("n.tsv", "noun\tkind\nfoo\tbar\n", "n.tsv:2: field \"kind\""),
            ("f.tsv", "name\tweight\nAl\theavy\n", "f.tsv:2: field \"weight\""),
            ("s.tsv", "name\trank\nSmith\tfirst\n", "s.tsv:2: field \"rank\""),
            ("x.tsv", "foo\tbar\n1\t2\n", "x.tsv: cannot tell what kind"),
        ];
        for (name, text, want) in cases {
            let err = load(&[("countries.tsv", COUNTRIES), (name, text)])
                .unwrap_err()
                .to_string();
            assert!(err.starts_with(want), "{name} {text:?}: {err}");
        }
    }

    #[test]
    fn collisions_are_reported_with_origins() {
        let g = load(&[("c.tsv", COUNTRIES), ("p.tsv", "name\taliases\nJordan Peele\tJordan\n")]).unwrap();
        let report = g.check();
        assert_eq!(report.collisions.len(), 1);
        let (form, what) = &report.collisions[0];
        assert_eq!(form, "Jordan");
        assert!(what[0].contains("country JO Jordan (c.tsv:3)"), "{what:?}");
        assert!(what[1].contains("person Jordan Peele (p.tsv:2)"), "{what:?}");
    }

    #[test]
    fn bundled_lists_load_and_hold_the_basics() {
        let g = Gazetteers::bundled().unwrap();
        assert!(g.countries.len() >= 197, "{} countries", g.countries.len());
        for form in [
            "China",
            "Chinese",
            "Russian Federation",
            "U.S.",
            "UK",
            "Emirati",
            "Afghan",
            "Netherlands",
        ] {
            assert!(g.aliases.iter().any(|a| a.form == form), "{form} is missing");
        }
        assert!(g.people.iter().any(|p| p.name == "Wang Yi"));
    }
}
