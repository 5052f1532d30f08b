//! Speaker resolution: from the local source mention to a person.

use std::borrow::Cow;
use std::cell::OnceCell;

use rustc_hash::FxHashMap;

use super::phrases::{antecedent, head_person, is_pronoun, plausible_source};
use super::{Found, QCtx, Resolution};
use crate::entities::NONE;
use crate::gazetteer::{Gender, NounKind};
use crate::record::EntityKind;
use crate::segment::TokenKind;

/// Where an attribution is: its offset, its paragraph, and the speaker of
/// the quotation it is reported inside, if any.
#[derive(Clone, Copy, Debug)]
struct Place {
    at: usize,
    paragraph: usize,
    outer: Option<u32>,
}

/// A person in subject position: a candidate for later pronouns.
#[derive(Clone, Copy, Debug)]
struct Subject {
    at: usize,
    cluster: u32,
    paragraph: usize,
    /// Was the speaker of an attribution (stronger than a mere subject).
    speaker: bool,
}

/// How far, in bytes, a pronoun's quotation may start after the speaker
/// of the one before it to be read as that speaker's next words: one
/// attribution and a short quotation ('said Sung Won Sohn, chief economist
/// for Wells Fargo. "The economy is better," he added').
const NEXT_QUOTE: usize = 160;

fn pronoun_gender(word: &str) -> Option<Gender> {
    crate::text::with_ascii_lower(word, |w| match w {
        "he" | "him" | "his" => Some(Gender::Male),
        "she" | "her" | "hers" => Some(Gender::Female),
        _ => None,
    })
}

/// How many of the most recent subjects a pronoun looks back over. Articles
/// have a few per paragraph, so the paragraph window below decides; the
/// bound keeps a text of one endless paragraph linear.
const LOOKBACK: usize = 256;

/// The subject candidates: one per sentence, in text order, and the speakers
/// resolved so far, in the order they were resolved (which is text order).
struct Subjects {
    /// Gathered the first time a pronoun or a description asks: sources
    /// that name their speaker need none.
    sentences: OnceCell<Vec<Subject>>,
    speakers: Vec<Subject>,
}

impl Subjects {
    /// The subjects before byte `at`, most recent first; at one offset, the
    /// speakers (last resolved first) come before the sentence subject.
    fn before(&self, c: &QCtx, at: usize) -> impl Iterator<Item = &Subject> {
        let sentences = self.sentences.get_or_init(|| sentence_subjects(c));
        let mut i = sentences.partition_point(|s| s.at < at);
        let mut j = self.speakers.partition_point(|s| s.at < at);
        std::iter::from_fn(move || {
            let sentence = i.checked_sub(1).map(|k| &sentences[k]);
            let speaker = j.checked_sub(1).map(|k| &self.speakers[k]);
            match (sentence, speaker) {
                (Some(s), Some(p)) if s.at > p.at => {
                    i -= 1;
                    Some(s)
                }
                (_, Some(p)) => {
                    j -= 1;
                    Some(p)
                }
                (Some(s), None) => {
                    i -= 1;
                    Some(s)
                }
                (None, None) => None,
            }
        })
    }
}

/// The first person mentioned in each sentence, as a subject candidate.
fn sentence_subjects(c: &QCtx) -> Vec<Subject> {
    // Only tokens of person mentions can name a subject, and they are few:
    // collected once, each sentence finds its first by a search instead of
    // a walk over all its tokens.
    let n = c.mention_of.len();
    // About one person token per mention: most names are two tokens, and
    // about half the mentions are of people.
    let mut people: Vec<(usize, u32)> = Vec::with_capacity(c.tagged.mentions.len());
    for m in &c.tagged.mentions {
        if m.kind != EntityKind::Person || m.cluster == NONE {
            continue;
        }
        for t in m.tokens.start.min(n)..m.tokens.end.min(n) {
            if let Some(cluster) = c.person_cluster(t)
                && !c.in_quote(t)
            {
                people.push((t, cluster));
            }
        }
    }
    people.sort_unstable();
    people.dedup();
    let mut out = Vec::with_capacity(c.seg.sentences.len());
    for s in &c.seg.sentences {
        let k = people.partition_point(|&(t, _)| t < s.tokens.start);
        if let Some(&(t, cluster)) = people.get(k).filter(|&&(t, _)| t < s.tokens.end) {
            out.push(Subject {
                at: c.tok(t).start as usize,
                cluster,
                paragraph: s.paragraph,
                speaker: false,
            });
        }
    }
    out
}

/// Resolves every attribution's speaker and sets its confidence. `outer`
/// holds, for each, the first attribution whose content holds its cue.
pub(super) fn resolve(c: &QCtx, found: &mut [Found], outer_quote: &[Option<usize>]) {
    let mut subjects = Subjects {
        sentences: OnceCell::new(),
        speakers: Vec::with_capacity(found.len()),
    };
    let mut people = People::new();
    // By offset, ties in `found` order (as a stable sort keeps them).
    let mut order: Vec<(usize, usize)> = found
        .iter()
        .enumerate()
        .map(|(i, f)| (f.source.map_or(f.content.first().map_or(0, |x| x.0), |s| s.0), i))
        .collect();
    order.sort_unstable();
    let mut last_speaker: Option<(usize, u32, usize)> = None; // (at, cluster, paragraph)
    // The last organisation or document that spoke, with its paragraph:
    // what "it" says after it ("The ministry said ... It added ...").
    let mut last_group: Option<(String, usize, usize)> = None; // (name, paragraph, offset)
    // The last organisation that spoke by its name: what "the company"
    // says after it ("Yukos said ... the company said ...").
    let mut last_named_group: Option<(String, usize, usize)> = None;
    // The paragraph of each offset, found by walking the paragraphs
    // alongside the offsets (which come in order) rather than by a search
    // for each.
    let mut next_paragraph = 0;
    for (at, i) in order {
        let paragraphs = &c.seg.paragraphs;
        while paragraphs.get(next_paragraph).is_some_and(|p| p.end as usize <= at) {
            next_paragraph += 1;
        }
        let paragraph = paragraphs
            .get(next_paragraph)
            .filter(|p| p.start as usize <= at)
            .map_or(0, |_| next_paragraph);
        // Inside someone's words, a description is rarely the speaker
        // themself ("the regulator says" in the interviewer's question).
        let outer = outer_quote[i].and_then(|o| found[o].speaker);
        let f = &mut found[i];
        match (&f.source_tokens, f.how) {
            (_, Resolution::Floating) => {
                if let Some((_, cluster, p)) = last_speaker
                    && p + 2 >= paragraph
                {
                    f.speaker = Some(cluster);
                    f.confidence = 0.5;
                } else {
                    f.confidence = 0.2;
                }
            }
            (Some(src), _) => {
                let src = src.clone();
                let place = Place { at, paragraph, outer };
                resolve_source(c, f, src.clone(), place, &subjects, &mut people);
                let it = src.len() == 1 && c.bytes(src.start).eq_ignore_ascii_case(b"it") && !passive_cue(c, f);
                if it
                    && f.speaker.is_none()
                    && f.speaker_name.is_none()
                    && let Some(name) = still_current(c, &last_group, 1, paragraph, at)
                {
                    f.speaker_name = Some(name.to_owned());
                    f.how = Resolution::Group;
                    f.confidence = 0.5;
                } else if f.how == Resolution::Group
                    && f.speaker.is_none()
                    && organisation_description(c, src.clone())
                    && let Some(name) = still_current(c, &last_named_group, 2, paragraph, at)
                {
                    f.speaker_name = Some(name.to_owned());
                    f.confidence = f.confidence.min(0.6);
                } else if f.how == Resolution::Group
                    && f.speaker.is_none()
                    && f.confidence >= 0.8
                    && let Some(head) = phrase_head(c, src.clone())
                    && it_may_stand_for(c, src.clone(), head)
                    && let Some(name) = &f.speaker_name
                {
                    last_group = Some((name.clone(), paragraph, at));
                    if is_organisation_name(c, src, head) {
                        last_named_group = Some((name.clone(), paragraph, at));
                    }
                }
            }
            (None, _) => {
                f.confidence = 0.3;
            }
        }
        if f.nested {
            f.confidence *= 0.8;
        }
        if let Some(cluster) = f.speaker {
            last_speaker = Some((at, cluster, paragraph));
            // `order` is by offset, so `speakers` stays sorted.
            subjects.speakers.push(Subject {
                at,
                cluster,
                paragraph,
                speaker: true,
            });
        }
        if let Some(cluster) = f.speaker {
            f.speaker_name = c.tagged.clusters.get(cluster as usize).map(|cl| cl.name.clone());
        }
    }
}

fn resolve_source(
    c: &QCtx,
    f: &mut Found,
    src: std::ops::Range<usize>,
    place: Place,
    subjects: &Subjects,
    people: &mut People,
) {
    let Place { at, paragraph, outer } = place;
    // A name at the head of the phrase.
    if let Some(cluster) = head_person(c, src.clone()) {
        let linked = src.clone().any(|t| {
            let m = c.mention_of[t];
            m != NONE && c.tagged.mentions[m as usize].rule.ends_with("-link")
        });
        f.speaker = Some(cluster);
        f.how = Resolution::Named;
        f.confidence = if linked { 0.9 } else { 0.95 };
        return;
    }
    // "Barkley, who said": the relative pronoun's antecedent, when it names
    // a person; otherwise the antecedent is resolved as the source ("the
    // mayor, who argued", "some analysts who had expected"), a step less
    // sure.
    if src.len() == 1
        && c.bytes(src.start).eq_ignore_ascii_case(b"who")
        && let Some(a) = antecedent(c, src.start)
    {
        if let Some(cluster) = head_person(c, a.clone()) {
            f.speaker = Some(cluster);
            f.how = Resolution::Named;
            f.confidence = 0.85;
            return;
        }
        // (Never a "who" again: the recursion is one step deep, whatever
        // "..., who, who, who" an input holds.)
        if !(a.len() == 1 && c.bytes(a.start).eq_ignore_ascii_case(b"who")) {
            let a = antecedent_phrase(c, a);
            if plausible_source(c, a.clone()) {
                resolve_source(c, f, a, place, subjects, people);
                f.confidence = f.confidence.min(0.7);
                return;
            }
        }
    }
    // "The Post, which argued": the organisation before the relative
    // pronoun, kept by name.
    if src.len() == 1
        && c.bytes(src.start).eq_ignore_ascii_case(b"which")
        && let Some(organisation) = antecedent(c, src.start)
    {
        f.speaker_name = Some(phrase_text(c, &organisation));
        f.how = Resolution::Group;
        f.confidence = 0.6;
        return;
    }
    // A pronoun.
    if src.len() == 1 && is_pronoun(c.word(src.start)) {
        let w = c.word(src.start);
        match pronoun_gender(w) {
            Some(gender) => {
                let candidates: Vec<&Subject> = subjects
                    .before(c, at)
                    .take(LOOKBACK)
                    .filter(|s| s.paragraph + 3 >= paragraph)
                    .collect();
                let fits = |s: &&&Subject| {
                    let g = c.tagged.clusters[s.cluster as usize].gender;
                    g == gender
                };
                let unknown = |s: &&&Subject| c.tagged.clusters[s.cluster as usize].gender == Gender::Unknown;
                // '"...," said Sung Won Sohn. "...," he added.': right after
                // a speaker of unknown gender in the paragraph, "he" is that
                // speaker's, not an earlier man's. (Not "she": the lists
                // know women's first names well, and a speaker they leave
                // unknown was most often a man, or no person at all.)
                let last_speaker = candidates
                    .first()
                    .filter(|s| s.speaker && s.paragraph == paragraph && at.saturating_sub(s.at) <= NEXT_QUOTE)
                    .filter(|s| gender == Gender::Male && unknown(s));
                let pick = last_speaker
                    .or_else(|| candidates.iter().find(fits))
                    .or_else(|| candidates.iter().find(unknown));
                if let Some(s) = pick {
                    let most_recent_speaker = candidates.iter().find(|s| s.speaker).map(|s| s.cluster);
                    f.speaker = Some(s.cluster);
                    f.how = Resolution::Pronoun;
                    let rivals = candidates
                        .iter()
                        .filter(|o| o.cluster != s.cluster && fits(o))
                        .take_while(|o| o.paragraph + 1 >= paragraph)
                        .count();
                    f.confidence = match (most_recent_speaker == Some(s.cluster), rivals) {
                        (true, 0) => 0.85,
                        (true, _) => 0.75,
                        (false, 0) => 0.7,
                        (false, _) => 0.55,
                    };
                } else {
                    f.confidence = 0.3;
                }
            }
            None => {
                // "they", "it", "we", "who": a group or an unresolved mention.
                f.how = Resolution::Group;
                f.confidence = 0.3;
            }
        }
        return;
    }
    // A description: its head noun ("the senior diplomat", "the minister").
    // ("press reports in China": the head comes before any preposition.)
    if let Some(h) = phrase_head(c, src.clone()) {
        let word = c.word(h);
        // (Lowered without a copy: only a description of a person below
        // needs the noun itself.)
        let (entry, year_old) = crate::text::with_lower(word, |noun| {
            (c.gaz.nouns.get(noun).copied(), noun.ends_with("year-old"))
        });
        let mention = Some(c.mention_of[h])
            .filter(|&m| m != NONE)
            .map(|m| &c.tagged.mentions[m as usize]);
        let is_office = mention.is_some_and(|m| m.kind == EntityKind::Office);
        // "the 58-year-old", "the Spaniard": an age or a nationality
        // describes a person too.
        // ("the US says": a country's own name is no person.)
        let demonym = mention.is_some_and(|m| m.kind == EntityKind::Country && m.demonym);
        let age_or_nationality = year_old || demonym;
        // ("the company's top executives": a plural office is a group.)
        let plural = entry.is_some_and(|n| n.plural);
        let person_noun = entry.is_some_and(|n| n.kind == NounKind::Person && !n.plural)
            || (is_office && !plural)
            || age_or_nationality;
        let lowercase_start = c.tok(src.start).shape.is_lower_start()
            || matches!(c.bytes(src.start), b"The" | b"A" | b"An" | b"This" | b"That");
        // "A council spokesperson", "an official": an indefinite phrase
        // brings in someone new, never a person already named.
        let indefinite = matches!(
            c.bytes(src.start),
            b"a" | b"an" | b"A" | b"An" | b"one" | b"One" | b"another" | b"Another"
        );
        if person_noun && indefinite {
            f.speaker_name = Some(phrase_text(c, &src));
            f.how = Resolution::Group;
            f.confidence = 0.6;
            return;
        }
        if person_noun && lowercase_start {
            // Nearly every head is written in lower case already.
            let noun: Cow<str> = if word.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
                Cow::Borrowed(word)
            } else {
                Cow::Owned(word.to_lowercase())
            };
            let office_head = mention.filter(|_| is_office).map(|m| m.target);
            // "the 31-year-old" is whoever is 31; "the Dutchman" whoever is
            // Dutch.
            let nationality = mention.filter(|_| demonym).map(|m| m.target);
            // "the former prosecutor" is someone the article called a
            // former one ("Former President Bill Clinton"), not whoever it
            // calls a prosecutor now; failing that, the recent subject
            // below is the better guess.
            let former = (src.start..h).any(|t| is_former(c.word(t)));
            let description = Description {
                noun: noun.to_string(),
                office_head,
                nationality,
            };
            let (pick, count) = if former {
                let pick = people.described_former(c, &description, at);
                (pick, usize::from(pick.is_some()))
            } else {
                people.described(c, &description, at)
            };
            // The office in the description ("the Tory leader") is the
            // speaker's, when one is resolved.
            let office_mention = is_office.then(|| c.mention_of[h]).filter(|&m| m != NONE);
            if let Some(k) = pick {
                f.speaker = Some(k);
                f.how = Resolution::Description;
                f.confidence = if count == 1 { 0.75 } else { 0.6 };
                f.office = office_mention;
                return;
            }
            // A description that adds news ("the former prosecutor, who
            // spent 15 years ...") most often refers to the person the story
            // was just about.
            // "his lawyer", "Doherty's lawyer" speak for someone else, never
            // for the subject who owns them ("her pop star son" may well be
            // the man the story is about; "the club's manager" too); nor
            // does a spokesman of any kind ("the M&S spokesman").
            let person_noun_at = |k: usize| {
                crate::text::with_lower(c.word(k), |w| {
                    c.gaz.nouns.get(w).is_some_and(|n| n.kind == NounKind::Person)
                })
            };
            let owned_by = |cluster: u32| {
                (src.start..h).any(|t| {
                    let w = c.word(t);
                    let pronoun = matches!(w, "his" | "her" | "His" | "Her")
                        && pronoun_gender(w) == Some(c.tagged.clusters[cluster as usize].gender);
                    // "Doherty's lawyer", and "the singer's agent" where the
                    // singer is the subject.
                    let named = c.tok(t).kind == TokenKind::Possessive
                        && t > src.start
                        && (c.person_cluster(t - 1) == Some(cluster) || person_noun_at(t - 1));
                    pronoun || named
                })
            };
            // "The Tory leader" is not the subject who holds another post
            // ("prime minister"); one who holds none may be, and a title of
            // rank or courtesy ("Lord", "Dr") is no post. ("The former
            // prosecutor" holds another post now, by its very words.)
            let other_post = |cluster: u32| {
                let cl = &c.tagged.clusters[cluster as usize];
                // ("Rep. Marcus Bell" is "the congressman".)
                if cl.nouns.iter().any(|n| n == noun.as_ref()) {
                    return false;
                }
                office_head.is_some_and(|head| {
                    let heads = &cl.office_heads;
                    let holds_a_post = heads
                        .iter()
                        .any(|&h| !courtesy_title(c.gaz.offices.get(h as usize).map_or("", |o| o.title.as_str())));
                    holds_a_post && !heads.contains(&head)
                })
            };
            let gender = entry.map(|n| n.gender).unwrap_or_default();
            if !noun.starts_with("spokes")
                && let Some(s) = recent_subject(c, subjects, at, paragraph, gender, 2)
                && Some(s.cluster) != outer
                && !owned_by(s.cluster)
                && (former || !other_post(s.cluster))
            {
                f.speaker = Some(s.cluster);
                f.how = Resolution::Description;
                f.confidence = 0.5;
                f.office = office_mention;
                return;
            }
            f.speaker_name = Some(phrase_text(c, &src));
            f.how = Resolution::Group;
            f.confidence = 0.4;
            return;
        }
    }
    // An organisation, a group, a document.
    f.speaker_name = Some(phrase_text(c, &src));
    f.how = Resolution::Group;
    f.confidence = 0.8;
}

/// The phrase a relative pronoun stands for, from the one read back
/// before it: the name before an age ("Smith, 49, who"), and a name
/// right before "who" by itself, without the verb before it ("Critics
/// include Sanders, who says").
fn antecedent_phrase(c: &QCtx, read_back: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let mut a = read_back;
    if a.len() == 1
        && c.tok(a.start).kind == TokenKind::Number
        && let Some(named) = antecedent(c, a.start)
    {
        a = named;
    }
    if c.tok(a.end - 1).shape.is_capitalised()
        && let Some(verb) = (a.start..a.end).rev().find(|&t| {
            c.tok(t).shape.is_lower_start() && !matches!(c.bytes(t), b"of" | b"and" | b"the" | b"de" | b"van" | b"von")
        })
    {
        a.start = verb + 1;
    }
    a
}

/// A title of rank or courtesy, which says nothing of a person's post.
fn courtesy_title(title: &str) -> bool {
    crate::text::with_ascii_lower(title, |t| {
        matches!(
            t,
            "lord"
                | "lady"
                | "sir"
                | "dame"
                | "baron"
                | "baroness"
                | "dr"
                | "doctor"
                | "professor"
                | "prof"
                | "mr"
                | "mrs"
                | "ms"
        )
    })
}

/// "former", "ex", "onetime", "erstwhile" (any case).
fn is_former(word: &str) -> bool {
    crate::text::with_ascii_lower(word, |w| matches!(w, "former" | "ex" | "onetime" | "erstwhile"))
}

/// The most recent person in subject position before `at`, within `span`
/// paragraphs, of a compatible gender (any, when `gender` is unknown).
fn recent_subject<'s>(
    c: &QCtx,
    subjects: &'s Subjects,
    at: usize,
    paragraph: usize,
    gender: Gender,
    span: usize,
) -> Option<&'s Subject> {
    subjects
        .before(c, at)
        .take(LOOKBACK)
        .filter(|s| s.paragraph + span >= paragraph)
        .find(|s| {
            let g = c.tagged.clusters[s.cluster as usize].gender;
            gender == Gender::Unknown || g == gender || g == Gender::Unknown
        })
}

/// A description ("the minister", "the Dutchman"): its head noun, the
/// office when the head is one, the nationality when it is a demonym.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Description {
    noun: String,
    office_head: Option<u32>,
    nationality: Option<u32>,
}

/// The people a description ("the minister") can refer to, indexed so that
/// resolving one takes time logarithmic in the article's length.
struct People {
    /// Where each person (cluster) is mentioned, sorted; gathered the
    /// first time a description is resolved, which most articles never do.
    mentioned: OnceCell<Vec<Vec<usize>>>,
    /// By head noun, office and nationality: the people the description
    /// fits.
    described: FxHashMap<Description, Described>,
    /// Per person: called a former something next to a mention, once
    /// asked (see [`People::called_former`]).
    former: Option<Vec<bool>>,
}

/// The people one description fits, whenever they were first mentioned.
struct Described {
    /// Where each was first mentioned, sorted.
    firsts: Vec<usize>,
    /// Every mention of any of them, as (start, cluster), sorted.
    mentions: Vec<(usize, u32)>,
    /// The mentions above of those called former, once asked
    /// ([`People::described_former`]).
    former: Option<Vec<(usize, u32)>>,
}

impl People {
    fn new() -> People {
        People {
            mentioned: OnceCell::new(),
            described: FxHashMap::default(),
            former: None,
        }
    }

    /// Where each person is mentioned ([`People::mentioned`]).
    fn mentioned(&self, c: &QCtx) -> &[Vec<usize>] {
        self.mentioned.get_or_init(|| {
            let mut mentioned: Vec<Vec<usize>> = vec![Vec::new(); c.tagged.clusters.len()];
            for m in &c.tagged.mentions {
                if m.kind == EntityKind::Person
                    && let Some(starts) = mentioned.get_mut(m.cluster as usize)
                {
                    starts.push(m.start);
                }
            }
            mentioned.iter_mut().for_each(|starts| starts.sort_unstable());
            mentioned
        })
    }

    /// Per person: called a former something at one of their mentions
    /// ("Former President Bill Clinton", "Brenner, a former prosecutor,")?
    /// Settled in one pass over the mentions, the first time it is asked.
    fn called_former(&mut self, c: &QCtx) -> &[bool] {
        self.former.get_or_insert_with(|| {
            let mut former = vec![false; c.tagged.clusters.len()];
            let n = c.seg.tokens.len();
            for m in &c.tagged.mentions {
                if m.kind != EntityKind::Person {
                    continue;
                }
                let Some(slot) = former.get_mut(m.cluster as usize) else {
                    continue;
                };
                // "Former President Bill Clinton": "former" opens the
                // titles written before the name; "Brenner, a former
                // prosecutor,": it opens the name's appositive.
                let mut b = m.tokens.start;
                while b > 0
                    && b + 3 > m.tokens.start
                    && (c.tok(b - 1).shape.is_capitalised() || c.mention_kind(b - 1) == Some(EntityKind::Office))
                    && !is_former(c.word(b - 1))
                {
                    b -= 1;
                }
                let titled = b > 0 && is_former(c.word(b - 1));
                let e = m.tokens.end;
                let appositive = e + 1 < n
                    && c.is(e, ",")
                    && (is_former(c.word(e + 1))
                        || (e + 2 < n && matches!(c.bytes(e + 1), b"a" | b"an" | b"the") && is_former(c.word(e + 2))));
                if titled || appositive {
                    *slot = true;
                }
            }
            former
        })
    }

    /// Does description `d` fit person `k`?
    fn fits(c: &QCtx, k: u32, d: &Description) -> bool {
        let noun = d.noun.as_str();
        let cl = &c.tagged.clusters[k as usize];
        let age = noun.strip_suffix("-year-old").and_then(|n| n.parse::<u32>().ok());
        cl.nouns.iter().any(|n| n == noun)
            || (age.is_some() && cl.age == age)
            || d.nationality.is_some_and(|n| cl.countries.contains(&n))
            || d.office_head.is_some_and(|o| cl.office_heads.contains(&o))
            || cl
                .offices
                .iter()
                .any(|o| o.to_lowercase().split_whitespace().last() == Some(noun))
    }

    /// The person first mentioned before `at` that the description fits and
    /// that was mentioned last before `at`, and how many people it fits.
    fn described(&mut self, c: &QCtx, description: &Description, at: usize) -> (Option<u32>, usize) {
        self.index(c, description);
        let d = &self.described[description];
        let count = d.firsts.partition_point(|&f| f < at);
        if count == 0 {
            return (None, 0);
        }
        // The latest mention before `at` of anyone the description fits; at
        // one offset, the person made last (as a scan in order would keep).
        match d.mentions[..d.mentions.partition_point(|&(s, _)| s < at)].last() {
            Some(&(s, k)) if s > 0 => (Some(k), count),
            // Only a mention at offset 0, or people without mentions left:
            // they all rank 0, and a scan settles the tie.
            _ => (self.scan(c, description, at), count),
        }
    }

    /// [`People::described`]'s pick among the people called former
    /// ([`People::called_former`]): "the former mayor" is not the mayor.
    fn described_former(&mut self, c: &QCtx, description: &Description, at: usize) -> Option<u32> {
        self.index(c, description);
        self.called_former(c);
        let (Some(called), Some(d)) = (self.former.as_deref(), self.described.get_mut(description)) else {
            return None;
        };
        let former = d.former.get_or_insert_with(|| {
            d.mentions
                .iter()
                .copied()
                .filter(|&(_, k)| called.get(k as usize).copied().unwrap_or(false))
                .collect()
        });
        former[..former.partition_point(|&(s, _)| s < at)]
            .last()
            .map(|&(_, k)| k)
    }

    /// Gathers, once per description, the people it fits.
    fn index(&mut self, c: &QCtx, description: &Description) {
        if !self.described.contains_key(description) {
            let fit: Vec<u32> = (0..c.tagged.clusters.len() as u32)
                .filter(|&k| People::fits(c, k, description))
                .collect();
            let mut firsts: Vec<usize> = fit.iter().map(|&k| c.tagged.clusters[k as usize].first).collect();
            firsts.sort_unstable();
            let mentioned = self.mentioned(c);
            let mut mentions: Vec<(usize, u32)> = fit
                .iter()
                .flat_map(|&k| mentioned[k as usize].iter().map(move |&s| (s, k)))
                .collect();
            mentions.sort_unstable();
            let described = Described {
                firsts,
                mentions,
                former: None,
            };
            self.described.insert(description.clone(), described);
        }
    }

    /// [`People::described`]'s pick, by scanning every person.
    fn scan(&self, c: &QCtx, description: &Description, at: usize) -> Option<u32> {
        let mentioned = self.mentioned(c);
        (0..c.tagged.clusters.len() as u32)
            .filter(|&k| c.tagged.clusters[k as usize].first < at && People::fits(c, k, description))
            .max_by_key(|&k| {
                let starts = &mentioned[k as usize];
                starts[..starts.partition_point(|&s| s < at)]
                    .last()
                    .copied()
                    .unwrap_or(0)
            })
    }
}

/// Does the cue open with a form of "be" ("is expected", "was thought")?
/// Its "it" is then no one ("It is expected that ...").
fn passive_cue(c: &QCtx, f: &Found) -> bool {
    f.cue.and_then(|(s, _)| c.text.get(s..)).is_some_and(|cue| {
        ["is ", "was ", "has been ", "had been ", "will be ", "would be "]
            .iter()
            .any(|be| cue.starts_with(be))
    })
}

/// Does a sentence that starts between offsets `from` and `to` open with
/// a name other than `name`'s ("Microsoft also made announcements. It has
/// agreed ...")? Then "it" may stand for that one, which said nothing.
fn other_subject_between(c: &QCtx, name: &str, from: usize, to: usize) -> bool {
    let sentences = &c.seg.sentences;
    let first = sentences.partition_point(|s| (c.tok(s.tokens.start).start as usize) <= from);
    sentences[first..]
        .iter()
        .take_while(|s| (c.tok(s.tokens.start).start as usize) < to)
        .any(|s| {
            let Some(t) = s.tokens.clone().find(|&t| c.tok(t).kind != TokenKind::Punct) else {
                return false;
            };
            c.tok(t).kind == TokenKind::Word
                && c.tok(t).shape.is_capitalised()
                && !c.is_function_word(t)
                && c.person_cluster(t).is_none()
                && !name.contains(c.word(t))
        })
}

/// The head word of a speaker phrase: its last word before any
/// preposition or comma ("press reports in China": "reports").
fn phrase_head(c: &QCtx, src: std::ops::Range<usize>) -> Option<usize> {
    src.take_while(|&t| {
        !matches!(
            c.bytes(t),
            b"," | b"of" | b"for" | b"at" | b"from" | b"with" | b"who" | b"in" | b"on" | b"by" | b"to" | b"about"
        )
    })
    .filter(|&t| matches!(c.tok(t).kind, TokenKind::Word | TokenKind::Number))
    .last()
}

/// Can "it" stand for the organisation or document this phrase names,
/// whose head ([`phrase_head`]) is token `h`? Not for a pronoun or a
/// plural ("analysts", "Officials"); a name that ends in "s" may be one
/// ("Yukos", "The ONS").
fn it_may_stand_for(c: &QCtx, src: std::ops::Range<usize>, h: usize) -> bool {
    if src.len() == 1 && is_pronoun(c.word(src.start)) {
        return false;
    }
    let word = c.word(h);
    // (Only a noun of the lexicon is looked up for its number.)
    let listed_plural = c.is_noun(h) && crate::text::with_lower(word, |w| c.gaz.nouns.get(w).is_some_and(|n| n.plural));
    let plural_form = c.tok(h).shape.is_lower_start() && super::cues::looks_plural(word);
    !listed_plural && !plural_form
}

/// The name of `last`, a group that spoke (its name, paragraph and byte
/// offset), while a phrase at byte `at` of `paragraph` may still stand for
/// it: within `span` paragraphs after it, and past no sentence that opens
/// with another name.
fn still_current<'g>(
    c: &QCtx,
    last: &'g Option<(String, usize, usize)>,
    span: usize,
    paragraph: usize,
    at: usize,
) -> Option<&'g str> {
    let (name, p, from) = last.as_ref()?;
    (p + span >= paragraph && !other_subject_between(c, name, *from, at)).then_some(name.as_str())
}

/// Does the phrase name an organisation that "the company" may stand for
/// later? Its head is capitalised, and is no people's name ("MPs",
/// "Europeans", but "UK Coal"); a post in it makes it a person's
/// description ("chairman and chief executive officer Bill Ford"). `h` is
/// the phrase's head ([`phrase_head`]).
fn is_organisation_name(c: &QCtx, src: std::ops::Range<usize>, h: usize) -> bool {
    let word = c.bytes(h);
    let acronym_plural =
        word.len() > 2 && word.ends_with(b"s") && word[..word.len() - 1].iter().all(u8::is_ascii_uppercase);
    c.tok(h).shape.is_capitalised()
        && !acronym_plural
        && c.mention_kind(h) != Some(EntityKind::Country)
        && src.into_iter().all(|t| c.mention_kind(t) != Some(EntityKind::Office))
}

/// Is the phrase "the" and a kind of organisation that names a company, a
/// club or an agency ("the company", "The firm", "the bank"), which stands
/// for one named before? ("the government", "the ministry" stand for a
/// country's, rarely for the last body that spoke.)
fn organisation_description(c: &QCtx, src: std::ops::Range<usize>) -> bool {
    src.len() == 2
        && c.bytes(src.start).eq_ignore_ascii_case(b"the")
        && c.tok(src.start + 1).shape.is_lower_start()
        && c.is_organisation_noun(src.start + 1)
        && !super::cues::looks_plural(c.word(src.start + 1))
}

/// The words of a phrase, one space between each.
fn phrase_text(c: &QCtx, src: &std::ops::Range<usize>) -> String {
    // "Others, many of them farmers,": the name is the phrase before its
    // appositive.
    let end = src.clone().skip(1).find(|&t| c.is(t, ",")).unwrap_or(src.end);
    let (s, e) = c.span(&(src.start..end));
    crate::text::single_spaced(c.text[s..e].trim_end_matches([',', ' ']))
}
