//! The compact JSON of a [`Record`], written by hand.
//!
//! A record is mostly short strings (mentions, names, rule names, ids) and
//! small integers, so serializing one through serde costs per value, not per
//! byte: a dispatch per field and several writes per string. This writer
//! knows the schema, so keys and punctuation are literals and a string is
//! copied in one piece when it needs no escape, which is nearly always.
//!
//! The bytes are exactly those `serde_json::to_writer` writes for the same
//! record: the same field order, `null` for `None`, the same escapes and the
//! same number formats. Pretty output still goes through serde, and records
//! are read back with serde, so the two must never drift apart; the tests
//! below compare them on hand-made, random and real records.

use std::borrow::Cow;

use serde_json::{Map, Value};

use super::{CountryCount, CueClass, Entity, EntityKind, Person, Quote, QuoteKind, Record, Span};
use crate::article::SourceRef;

/// A record's fields, borrowed: what the writer reads. The pipeline lays out
/// its findings as these views straight from the article's text and its
/// gazetteers, so a record written as JSON never copies its strings into a
/// [`Record`] first; a [`Record`] is these views made owned.
pub(crate) struct RecordRef<'a> {
    pub schema: &'a str,
    pub id: &'a str,
    pub source: &'a SourceRef,
    pub title: Option<&'a str>,
    pub meta: Option<&'a Map<String, Value>>,
    pub entities: &'a [EntityRef<'a>],
    pub people: &'a [PersonRef<'a>],
    pub countries: &'a [CountryRef<'a>],
    pub quotes: &'a [QuoteRef<'a>],
    pub warnings: &'a [String],
}

/// An [`Entity`], borrowed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct EntityRef<'a> {
    pub kind: EntityKind,
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub canonical: &'a str,
    pub reference: Option<&'a str>,
    pub person: Option<&'a str>,
    pub rule: &'a str,
}

/// A [`Person`], borrowed. The pipeline makes the id, and the offices
/// that quotes reveal, for the record: those are owned there.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct PersonRef<'a> {
    pub id: Cow<'a, str>,
    pub name: &'a str,
    pub reference: Option<&'a str>,
    pub offices: Vec<Cow<'a, str>>,
    pub countries: Vec<&'a str>,
}

/// A [`CountryCount`], borrowed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct CountryRef<'a> {
    pub code: &'a str,
    pub name: &'a str,
    pub mentions: usize,
}

/// A [`Span`], borrowed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct SpanRef<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

/// A [`Quote`], borrowed.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct QuoteRef<'a> {
    pub kind: QuoteKind,
    pub class: CueClass,
    pub content: Vec<SpanRef<'a>>,
    pub cue: Option<SpanRef<'a>>,
    pub source: Option<SpanRef<'a>>,
    pub speaker: Option<&'a str>,
    pub speaker_name: Option<&'a str>,
    pub confidence: f64,
}

impl<'a> EntityRef<'a> {
    /// The view of an owned entity.
    pub fn of(e: &'a Entity) -> EntityRef<'a> {
        EntityRef {
            kind: e.kind,
            start: e.start,
            end: e.end,
            text: &e.text,
            canonical: &e.canonical,
            reference: e.reference.as_deref(),
            person: e.person.as_deref(),
            rule: &e.rule,
        }
    }

    /// The owned entity.
    pub fn to_entity(self) -> Entity {
        Entity {
            kind: self.kind,
            start: self.start,
            end: self.end,
            text: self.text.to_string(),
            canonical: self.canonical.to_string(),
            reference: self.reference.map(str::to_string),
            person: self.person.map(str::to_string),
            rule: self.rule.to_string(),
        }
    }
}

impl<'a> PersonRef<'a> {
    fn of(p: &'a Person) -> PersonRef<'a> {
        PersonRef {
            id: Cow::Borrowed(&p.id),
            name: &p.name,
            reference: p.reference.as_deref(),
            offices: p.offices.iter().map(|o| Cow::Borrowed(o.as_str())).collect(),
            countries: p.countries.iter().map(String::as_str).collect(),
        }
    }

    /// The owned person.
    pub fn into_person(self) -> Person {
        Person {
            id: self.id.into_owned(),
            name: self.name.to_string(),
            reference: self.reference.map(str::to_string),
            offices: self.offices.into_iter().map(Cow::into_owned).collect(),
            countries: self.countries.into_iter().map(str::to_string).collect(),
        }
    }
}

impl<'a> CountryRef<'a> {
    fn of(c: &'a CountryCount) -> CountryRef<'a> {
        CountryRef {
            code: &c.code,
            name: &c.name,
            mentions: c.mentions,
        }
    }

    /// The owned country count.
    pub fn to_country(self) -> CountryCount {
        CountryCount {
            code: self.code.to_string(),
            name: self.name.to_string(),
            mentions: self.mentions,
        }
    }
}

impl<'a> SpanRef<'a> {
    fn of(s: &'a Span) -> SpanRef<'a> {
        SpanRef {
            start: s.start,
            end: s.end,
            text: &s.text,
        }
    }

    fn to_span(self) -> Span {
        Span {
            start: self.start,
            end: self.end,
            text: self.text.to_string(),
        }
    }
}

impl<'a> QuoteRef<'a> {
    /// The view of an owned quote.
    pub fn of(q: &'a Quote) -> QuoteRef<'a> {
        QuoteRef {
            kind: q.kind,
            class: q.class,
            content: q.content.iter().map(SpanRef::of).collect(),
            cue: q.cue.as_ref().map(SpanRef::of),
            source: q.source.as_ref().map(SpanRef::of),
            speaker: q.speaker.as_deref(),
            speaker_name: q.speaker_name.as_deref(),
            confidence: q.confidence,
        }
    }

    /// The owned quote.
    pub fn to_quote(&self) -> Quote {
        Quote {
            kind: self.kind,
            class: self.class,
            content: self.content.iter().map(|s| s.to_span()).collect(),
            cue: self.cue.map(SpanRef::to_span),
            source: self.source.map(SpanRef::to_span),
            speaker: self.speaker.map(str::to_string),
            speaker_name: self.speaker_name.map(str::to_string),
            confidence: self.confidence,
        }
    }
}

impl Record {
    /// Appends the record to `out` as compact JSON, byte for byte what
    /// `serde_json::to_writer` writes for it, in well under half the time.
    /// This is how `whosaid extract --jsonl` writes its lines.
    ///
    /// Fails only where serde_json would fail, in the values it is left to
    /// write (`meta`, and the confidence, whose float formatting is
    /// serde_json's own); into a `Vec` neither can fail in practice.
    ///
    /// ```
    /// let record = whosaid::Record::empty("a1");
    /// let mut out = Vec::new();
    /// record.write_json(&mut out).unwrap();
    /// assert_eq!(out, serde_json::to_vec(&record).unwrap());
    /// ```
    pub fn write_json(&self, out: &mut Vec<u8>) -> serde_json::Result<()> {
        self.view(|r| r.write_json(out))
    }

    /// Calls `f` with the record borrowed as a [`RecordRef`].
    fn view<R>(&self, f: impl FnOnce(&RecordRef) -> R) -> R {
        let entities: Vec<EntityRef> = self.entities.iter().map(EntityRef::of).collect();
        let quotes: Vec<QuoteRef> = self.quotes.iter().map(QuoteRef::of).collect();
        let people: Vec<PersonRef> = self.people.iter().map(PersonRef::of).collect();
        let countries: Vec<CountryRef> = self.countries.iter().map(CountryRef::of).collect();
        f(&RecordRef {
            schema: &self.schema,
            id: &self.id,
            source: &self.source,
            title: self.title.as_deref(),
            meta: self.meta.as_ref(),
            entities: &entities,
            people: &people,
            countries: &countries,
            quotes: &quotes,
            warnings: &self.warnings,
        })
    }
}

/// Digits allowed for each offset or count in [`RecordRef::size_estimate`]:
/// offsets of up to 100 million characters.
const DIGITS: usize = 8;

impl RecordRef<'_> {
    /// About how many bytes [`RecordRef::write_json`] writes: the lengths
    /// of the strings, the keys and punctuation around them, and room for
    /// numbers; a few percent over for news. Escaped characters (a control
    /// character takes six bytes), `meta` and offsets of 10^8 or more can
    /// make a record longer than this, and its buffer then grows by
    /// doubling.
    ///
    /// Reserving it first matters for a huge article: its record, built by
    /// doubling the buffer, held the old buffer and the new one at once
    /// (a 50 MB article of dense dialogue writes a 500 MB record).
    pub fn size_estimate(&self) -> usize {
        // `{"start":0,"end":0,"text":""},` without the numbers and text.
        let span = |s: &SpanRef| 28 + 2 * DIGITS + s.text.len();
        let opt = |s: Option<&str>| s.map_or(4, |s| s.len() + 2);
        let entities: usize = self
            .entities
            .iter()
            .map(|e| {
                87 + 2 * DIGITS + e.text.len() + e.canonical.len() + e.rule.len() + opt(e.reference) + opt(e.person)
            })
            .sum();
        let quotes: usize = self
            .quotes
            .iter()
            .map(|q| {
                // Keys and punctuation (94), the longest kind and class
                // (17), any confidence serde_json writes (up to 24).
                135 + q.content.iter().map(span).sum::<usize>()
                    + q.cue.as_ref().map_or(4, span)
                    + q.source.as_ref().map_or(4, span)
                    + opt(q.speaker)
                    + opt(q.speaker_name)
            })
            .sum();
        let people: usize = self
            .people
            .iter()
            .map(|p| {
                60 + p.id.len()
                    + p.name.len()
                    + opt(p.reference)
                    + p.offices.iter().map(|o| o.len() + 3).sum::<usize>()
                    + 5 * p.countries.len()
            })
            .sum();
        let countries: usize = self.countries.iter().map(|c| 40 + DIGITS + c.name.len()).sum();
        let warnings: usize = self.warnings.iter().map(|w| w.len() + 3).sum();
        // Keys and punctuation of the record and its source (130 with a
        // null title), and the line.
        140 + DIGITS
            + self.schema.len()
            + self.id.len()
            + self.title.map_or(0, |t| t.len() + 2)
            + self.source.path.len()
            + entities
            + quotes
            + people
            + countries
            + warnings
    }

    /// Appends the record to `out` as compact JSON: see
    /// [`Record::write_json`].
    pub fn write_json(&self, out: &mut Vec<u8>) -> serde_json::Result<()> {
        out.reserve(self.size_estimate());
        out.extend_from_slice(b"{\"schema\":");
        string(out, self.schema);
        out.extend_from_slice(b",\"id\":");
        string(out, self.id);
        out.extend_from_slice(b",\"source\":");
        source(out, self.source);
        out.extend_from_slice(b",\"title\":");
        optional_string(out, self.title);
        if let Some(meta) = self.meta {
            out.extend_from_slice(b",\"meta\":");
            map(out, meta)?;
        }
        out.extend_from_slice(b",\"entities\":");
        array(out, self.entities, entity);
        out.extend_from_slice(b",\"people\":");
        array(out, self.people, person);
        out.extend_from_slice(b",\"countries\":");
        array(out, self.countries, country);
        out.extend_from_slice(b",\"quotes\":[");
        for (i, q) in self.quotes.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            quote(out, q)?;
        }
        out.extend_from_slice(b"],\"warnings\":");
        array(out, self.warnings, |out, w| string(out, w));
        out.push(b'}');
        Ok(())
    }
}

fn source(out: &mut Vec<u8>, source: &SourceRef) {
    out.extend_from_slice(b"{\"path\":");
    string(out, &source.path);
    out.extend_from_slice(b",\"line\":");
    match source.line {
        Some(line) => integer(out, line),
        None => null(out),
    }
    out.push(b'}');
}

/// Extra input fields are arbitrary JSON and rare in bulk runs, so serde_json
/// writes them.
fn map(out: &mut Vec<u8>, map: &Map<String, Value>) -> serde_json::Result<()> {
    serde_json::to_writer(&mut *out, map)
}

/// An entity. Here and in [`span`] the quotes around a string are written
/// with the keys and punctuation beside them: every write checks the
/// buffer's room, and an entity is a few dozen bytes.
fn entity(out: &mut Vec<u8>, e: &EntityRef) {
    let open: &[u8] = match e.kind {
        EntityKind::Person => b"{\"kind\":\"person\",\"start\":",
        EntityKind::Office => b"{\"kind\":\"office\",\"start\":",
        EntityKind::Country => b"{\"kind\":\"country\",\"start\":",
    };
    out.extend_from_slice(open);
    integer(out, e.start as u64);
    out.extend_from_slice(b",\"end\":");
    integer(out, e.end as u64);
    out.extend_from_slice(b",\"text\":\"");
    string_body(out, e.text);
    out.extend_from_slice(b"\",\"canonical\":\"");
    string_body(out, e.canonical);
    out.extend_from_slice(b"\",\"ref\":");
    optional_string(out, e.reference);
    out.extend_from_slice(b",\"person\":");
    optional_string(out, e.person);
    out.extend_from_slice(b",\"rule\":\"");
    string_body(out, e.rule);
    out.extend_from_slice(b"\"}");
}

fn person(out: &mut Vec<u8>, p: &PersonRef) {
    out.extend_from_slice(b"{\"id\":");
    string(out, &p.id);
    out.extend_from_slice(b",\"name\":");
    string(out, p.name);
    out.extend_from_slice(b",\"ref\":");
    optional_string(out, p.reference);
    out.extend_from_slice(b",\"offices\":");
    array(out, &p.offices, |out, o| string(out, o));
    out.extend_from_slice(b",\"countries\":");
    array(out, &p.countries, |out, c| string(out, c));
    out.push(b'}');
}

fn country(out: &mut Vec<u8>, c: &CountryRef) {
    out.extend_from_slice(b"{\"code\":");
    string(out, c.code);
    out.extend_from_slice(b",\"name\":");
    string(out, c.name);
    out.extend_from_slice(b",\"mentions\":");
    integer(out, c.mentions as u64);
    out.push(b'}');
}

fn quote(out: &mut Vec<u8>, q: &QuoteRef) -> serde_json::Result<()> {
    let open: &[u8] = match q.kind {
        QuoteKind::Direct => b"{\"kind\":\"direct\",\"class\":",
        QuoteKind::Indirect => b"{\"kind\":\"indirect\",\"class\":",
        QuoteKind::Mixed => b"{\"kind\":\"mixed\",\"class\":",
    };
    out.extend_from_slice(open);
    let class: &[u8] = match q.class {
        CueClass::Speech => b"\"speech\",\"content\":",
        CueClass::Thought => b"\"thought\",\"content\":",
        CueClass::Intention => b"\"intention\",\"content\":",
    };
    out.extend_from_slice(class);
    array(out, &q.content, span);
    out.extend_from_slice(b",\"cue\":");
    optional_span(out, q.cue.as_ref());
    out.extend_from_slice(b",\"source\":");
    optional_span(out, q.source.as_ref());
    out.extend_from_slice(b",\"speaker\":");
    optional_string(out, q.speaker);
    out.extend_from_slice(b",\"speaker_name\":");
    optional_string(out, q.speaker_name);
    out.extend_from_slice(b",\"confidence\":");
    confidence(out, q.confidence)?;
    out.push(b'}');
    Ok(())
}

/// A quote's confidence. The pipeline rounds confidences to hundredths
/// between 0 and 1, whose shortest decimal form is two digits at most
/// (`0.85`, `0.5`, `1.0`): those are written here, as serde_json writes
/// them, without formatting a float. Any other value is left to
/// serde_json, which also writes `null` for NaN and infinities.
fn confidence(out: &mut Vec<u8>, value: f64) -> serde_json::Result<()> {
    let hundredths = (value * 100.0).round();
    if (0.0..=100.0).contains(&hundredths) {
        let k = hundredths as u8;
        // Bit for bit, so that -0.0 and values between hundredths go to
        // serde_json.
        if (f64::from(k) / 100.0).to_bits() == value.to_bits() {
            let (tens, units) = (b'0' + k / 10, b'0' + k % 10);
            match k {
                100 => out.extend_from_slice(b"1.0"),
                _ if units == b'0' => out.extend_from_slice(&[b'0', b'.', tens]),
                _ => out.extend_from_slice(&[b'0', b'.', tens, units]),
            }
            return Ok(());
        }
    }
    serde_json::to_writer(&mut *out, &value)
}

fn span(out: &mut Vec<u8>, s: &SpanRef) {
    out.extend_from_slice(b"{\"start\":");
    integer(out, s.start as u64);
    out.extend_from_slice(b",\"end\":");
    integer(out, s.end as u64);
    out.extend_from_slice(b",\"text\":\"");
    string_body(out, s.text);
    out.extend_from_slice(b"\"}");
}

fn optional_span(out: &mut Vec<u8>, s: Option<&SpanRef>) {
    match s {
        Some(s) => span(out, s),
        None => null(out),
    }
}

/// `[a,b,c]`, each item written by `write`.
fn array<T>(out: &mut Vec<u8>, items: &[T], mut write: impl FnMut(&mut Vec<u8>, &T)) {
    out.push(b'[');
    if let Some((first, rest)) = items.split_first() {
        write(out, first);
        for item in rest {
            out.push(b',');
            write(out, item);
        }
    }
    out.push(b']');
}

fn null(out: &mut Vec<u8>) {
    out.extend_from_slice(b"null");
}

/// A non-negative integer. Offsets and counts are nearly always under
/// 10,000: their digits are made at once in one word and written as four
/// bytes, the leading zeros then cut off, which costs a fraction of
/// formatting them and copying a slice of varying length. Inlined, as a
/// call would cost as much again.
#[inline(always)]
fn integer(out: &mut Vec<u8>, n: u64) {
    match u32::try_from(n) {
        Ok(small) if small < 10_000 => {
            let digits = four_digits(small);
            // The leading zeros are the word's low zero bytes; "0" keeps one.
            let zeros = (digits.trailing_zeros() / 8).min(3);
            let ascii = (digits + u32::from_ne_bytes([b'0'; 4])) >> (8 * zeros);
            let len = out.len() + 4 - zeros as usize;
            out.extend_from_slice(&ascii.to_le_bytes());
            out.truncate(len);
        }
        _ => long_integer(out, n),
    }
}

/// An integer of five digits or more.
#[cold]
fn long_integer(out: &mut Vec<u8>, n: u64) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

/// The four decimal digits of `n` (under 10,000, leading zeros included),
/// one per byte as values 0 to 9, the first in the low byte. The two pairs
/// of digits are split by ten in one multiply and shift over both lanes of
/// the word, exact for values under 100.
fn four_digits(n: u32) -> u32 {
    let pairs = (n / 100) | ((n % 100) << 16);
    let tens = ((pairs * 103) >> 10) & 0x000f_000f;
    tens | ((pairs - 10 * tens) << 8)
}

// Inlined, as is `string`: a record is mostly short strings, and the call
// (saving and restoring registers around it) cost about a fifth of writing
// one.
#[inline(always)]
fn optional_string(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => string(out, s),
        None => null(out),
    }
}

/// How serde_json escapes each byte: 0 for not at all, else the letter after
/// the backslash, `u` meaning `\u00XX`. Only `"`, `\` and the control bytes
/// below 0x20 are escaped; `/`, DEL and non-ASCII are written as they are.
static ESCAPE: [u8; 256] = {
    let mut table = [0; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = b'u';
        byte += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0a] = b'n';
    table[0x0c] = b'f';
    table[0x0d] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

/// A JSON string. Inlined: see [`optional_string`].
#[inline(always)]
fn string(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    string_body(out, s);
    out.push(b'"');
}

/// A JSON string without its quotes. Nearly every string needs no escape
/// and is copied whole.
#[inline(always)]
fn string_body(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    if is_clean(bytes) {
        out.extend_from_slice(bytes);
    } else {
        escape_into(out, bytes);
    }
}

/// Whether no byte of `bytes` needs an escape, tested eight bytes at a
/// time: record strings are short, and a byte at a time was most of the
/// cost of writing them.
fn is_clean(bytes: &[u8]) -> bool {
    if let Some(last) = bytes.last_chunk::<8>() {
        // The last word overlaps the whole ones unless the length is a
        // multiple of 8; testing a byte twice does no harm. Every word is
        // tested, with no early exit, so that the loop runs on vectors of
        // words: a string that needs an escape is rare.
        let (words, _) = bytes.as_chunks::<8>();
        let escapes = words
            .iter()
            .fold(escape_bits(u64::from_ne_bytes(*last)), |escapes, word| {
                escapes | escape_bits(u64::from_ne_bytes(*word))
            });
        return escapes == 0;
    }
    let word = match (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
        // 4 to 7 bytes: the first four and the last four cover them all.
        (Some(first), Some(last)) => u64::from(u32::from_ne_bytes(*first)) | u64::from(u32::from_ne_bytes(*last)) << 32,
        // Under 4: the bytes, shifted in over padding that needs no escape.
        _ => bytes
            .iter()
            .fold(u64::from_ne_bytes(*b"________"), |word, &b| word << 8 | u64::from(b)),
    };
    !needs_escape(word)
}

/// The string's bytes, escaped; out of line, since few strings need it.
#[cold]
fn escape_into(out: &mut Vec<u8>, mut rest: &[u8]) {
    loop {
        let clean = clean_len(rest);
        out.extend_from_slice(&rest[..clean]);
        let Some((&byte, tail)) = rest[clean..].split_first() else {
            return;
        };
        escaped(out, byte);
        rest = tail;
    }
}

/// The length of the longest prefix of `bytes` that needs no escape.
fn clean_len(bytes: &[u8]) -> usize {
    let (words, _) = bytes.as_chunks::<8>();
    let mut clean = 0;
    for word in words {
        if needs_escape(u64::from_ne_bytes(*word)) {
            break;
        }
        clean += 8;
    }
    let tail = &bytes[clean..];
    clean
        + tail
            .iter()
            .position(|&b| ESCAPE[usize::from(b)] != 0)
            .unwrap_or(tail.len())
}

/// Whether any of the eight bytes of `word` is a control byte, `"` or `\`.
///
/// `(x - n * 0x0101..) & !x & 0x8080..` is non-zero exactly when some byte
/// of `x` is below `n` (up to 0x80): a borrow can only start at such a
/// byte, and with no borrow no byte of `x` under 0x80 comes out with its
/// high bit set. Control bytes are those below 0x20; the quote and the
/// backslash are the bytes below 1 of `word` XOR a repeated `"` or `\`.
fn needs_escape(word: u64) -> bool {
    escape_bits(word) != 0
}

/// Non-zero exactly when [`needs_escape`] is true of `word`.
fn escape_bits(word: u64) -> u64 {
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    const HIGH: u64 = ONES * 0x80;
    let below = |x: u64, n: u8| x.wrapping_sub(ONES * u64::from(n)) & !x;
    let control = below(word, 0x20);
    let quote = below(word ^ (ONES * u64::from(b'"')), 1);
    let backslash = below(word ^ (ONES * u64::from(b'\\')), 1);
    (control | quote | backslash) & HIGH
}

/// The escape of one byte.
fn escaped(out: &mut Vec<u8>, byte: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    match ESCAPE[usize::from(byte)] {
        b'u' => out.extend_from_slice(&[
            b'\\',
            b'u',
            b'0',
            b'0',
            HEX[usize::from(byte >> 4)],
            HEX[usize::from(byte & 0xf)],
        ]),
        letter => out.extend_from_slice(&[b'\\', letter]),
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use proptest::prelude::*;

    use super::*;
    use crate::input::{Inputs, ReadOptions};
    use crate::record::SCHEMA;

    /// `write_json` of the record, beside serde_json's bytes for it.
    fn both(record: &Record) -> (String, String) {
        let mut ours = Vec::new();
        record.write_json(&mut ours).expect("writing into a Vec succeeds");
        let theirs = serde_json::to_vec(record).expect("serde_json writes every record");
        (
            String::from_utf8(ours).expect("the writer writes UTF-8"),
            String::from_utf8(theirs).expect("serde_json writes UTF-8"),
        )
    }

    fn assert_same(record: &Record) {
        let (ours, theirs) = both(record);
        assert_eq!(ours, theirs);
    }

    fn span(start: usize, end: usize, s: &str) -> Span {
        Span {
            start,
            end,
            text: s.into(),
        }
    }

    /// A record with every field present and every string `s`.
    fn full(s: &str) -> Record {
        let mut meta = Map::new();
        meta.insert(s.into(), Value::String(s.into()));
        meta.insert("n".into(), serde_json::json!([1, -2, 0.5, null, true, {"k": s}]));
        let entity = |kind| Entity {
            kind,
            start: 3,
            end: 17,
            text: s.into(),
            canonical: s.into(),
            reference: Some(s.into()),
            person: Some(s.into()),
            rule: s.into(),
        };
        let quote = |kind, class| Quote {
            kind,
            class,
            content: vec![span(0, 1, s), span(usize::MAX, 0, s)],
            cue: Some(span(2, 3, s)),
            source: Some(span(4, 5, s)),
            speaker: Some(s.into()),
            speaker_name: Some(s.into()),
            confidence: 0.95,
        };
        Record {
            schema: s.into(),
            id: s.into(),
            source: SourceRef {
                path: s.into(),
                line: Some(u64::MAX),
            },
            title: Some(s.into()),
            meta: Some(meta),
            entities: vec![
                entity(EntityKind::Person),
                entity(EntityKind::Office),
                entity(EntityKind::Country),
            ],
            people: vec![Person {
                id: s.into(),
                name: s.into(),
                reference: Some(s.into()),
                offices: vec![s.into(), s.into()],
                countries: vec![s.into()],
            }],
            countries: vec![CountryCount {
                code: s.into(),
                name: s.into(),
                mentions: 12,
            }],
            quotes: vec![
                quote(QuoteKind::Direct, CueClass::Speech),
                quote(QuoteKind::Indirect, CueClass::Thought),
                quote(QuoteKind::Mixed, CueClass::Intention),
            ],
            warnings: vec![s.into(), s.into()],
        }
    }

    /// Every option `None`, every vector empty.
    fn sparse(record: &mut Record) {
        record.source.line = None;
        record.title = None;
        record.meta = None;
        for e in &mut record.entities {
            e.reference = None;
            e.person = None;
        }
        for p in &mut record.people {
            p.reference = None;
            p.offices.clear();
            p.countries.clear();
        }
        for q in &mut record.quotes {
            q.content.clear();
            q.cue = None;
            q.source = None;
            q.speaker = None;
            q.speaker_name = None;
        }
        record.warnings.clear();
    }

    /// The estimate of a record's size is what `write_json` reserves: over
    /// by a little for news text (a buffer reserved once), never under
    /// (which would grow it to twice the estimate).
    #[test]
    fn size_estimates_of_news_records_are_close_above() {
        let pipeline = crate::Pipeline::new().expect("the bundled lists load");
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/articles");
        let mut checked = 0;
        for entry in std::fs::read_dir(&dir).expect("fixtures/articles") {
            let path = entry.expect("a directory entry").path();
            let text = std::fs::read_to_string(&path).expect("a fixture article");
            let record = pipeline.extract(&crate::Article::new("a", &text));
            let mut out = Vec::new();
            record.write_json(&mut out).expect("a record writes");
            let estimate = record.view(|r| r.size_estimate());
            assert!(
                record.quotes.len() + record.entities.len() > 5,
                "{path:?} is a real article"
            );
            assert!(
                out.len() <= estimate && estimate <= out.len() * 6 / 5,
                "{path:?}: wrote {} bytes, estimated {estimate}",
                out.len()
            );
            checked += 1;
        }
        assert!(checked >= 3);
    }

    /// Records with every field, none, quotes without cue or source, long
    /// offsets and the longest confidences: what nothing needs escaping in
    /// is never longer than its estimate.
    #[test]
    fn size_estimates_are_never_under_without_escapes() {
        let mut record = full("Wang Yi");
        record.meta = None;
        record.source.line = Some(99_999_999);
        for q in &mut record.quotes {
            q.content = vec![span(12_345_678, 99_999_999, "We agree"), span(0, 1, "")];
            q.confidence = 0.1 + 0.2;
        }
        let mut records = vec![record.clone()];
        for q in &mut record.quotes {
            q.cue = None;
            q.source = None;
            q.speaker = None;
            q.speaker_name = None;
        }
        records.push(record.clone());
        sparse(&mut record);
        records.push(record);
        records.push(Record::empty("a1"));
        for record in &records {
            let mut out = Vec::new();
            record.write_json(&mut out).expect("a record writes");
            let estimate = record.view(|r| r.size_estimate());
            assert!(out.len() <= estimate, "wrote {} bytes, estimated {estimate}", out.len());
        }
    }

    #[test]
    fn tricky_strings_match_serde_json() {
        let every_control: String = (0u8..0x20).map(char::from).collect();
        let strings = [
            "",
            "Wang Yi",
            "\"",
            "\\",
            "\\\"",
            "say \"hi\" \\ bye",
            "\"\"\"",
            "a/b</script>",
            "\u{7f}",
            "\u{80}\u{9f}\u{a0}",
            &every_control,
            "tab\there\r\nnew\u{0b}line\u{0c}\u{08}",
            "\u{0}",
            "end\u{1f}",
            "Zoë Ångström",
            "“quoted” ‘words’ — dash",
            "🙂👩‍👩‍👧🇨🇳",
            "\u{feff}\u{200f}\u{2028}\u{2029}",
            "\u{fffd}",
            "\u{10ffff}",
        ];
        for s in strings {
            let mut record = full(s);
            assert_same(&record);
            sparse(&mut record);
            assert_same(&record);
        }
    }

    #[test]
    fn every_ascii_byte_at_every_offset_escapes_like_serde_json() {
        let background = "abcdefghijklmnopqrstuvwx";
        for byte in 0u8..0x80 {
            for at in 0..background.len() {
                for len in [at + 1, background.len()] {
                    let mut s = background[..len].to_string();
                    s.replace_range(at..at + 1, char::from(byte).encode_utf8(&mut [0; 4]));
                    let mut ours = Vec::new();
                    string(&mut ours, &s);
                    let theirs = serde_json::to_vec(&s).expect("serde_json writes every string");
                    assert_eq!(ours, theirs, "byte {byte:#04x} at {at} of {len}");
                }
            }
        }
    }

    #[test]
    fn needs_escape_finds_any_byte_serde_json_escapes() {
        // Every pair of bytes at every pair of places, so that a borrow out
        // of one byte cannot hide, or fake, the other.
        for a in 0..=255u8 {
            for b in 0..=255u8 {
                for (i, j) in [(0, 1), (3, 4), (6, 7), (0, 7), (2, 5)] {
                    let mut word = *b"ABCDEFGH";
                    word[i] = a;
                    word[j] = b;
                    let want = ESCAPE[usize::from(a)] != 0 || ESCAPE[usize::from(b)] != 0;
                    assert_eq!(needs_escape(u64::from_ne_bytes(word)), want, "{word:?}");
                }
            }
        }
    }

    #[test]
    fn options_and_empty_vectors_match_serde_json() {
        assert_same(&Record::empty("a1"));
        let mut record = Record::empty("a1");
        record.meta = Some(Map::new());
        assert_same(&record);
        record.schema = SCHEMA.into();
        record.source.line = Some(0);
        record.title = Some(String::new());
        assert_same(&record);
        let mut record = full("x");
        sparse(&mut record);
        assert_same(&record);
        record.entities.clear();
        record.people.clear();
        record.countries.clear();
        record.quotes.clear();
        assert_same(&record);
    }

    #[test]
    fn confidences_match_serde_json() {
        let values = [
            0.0,
            -0.0,
            0.3,
            0.95,
            1.0,
            0.1 + 0.2,
            0.123456789,
            1e-7,
            1e21,
            123456789.0,
            f64::MIN_POSITIVE,
            5e-324,
            f64::MAX,
            -1.5,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        for confidence in values {
            let mut record = full("x");
            for q in &mut record.quotes {
                q.confidence = confidence;
            }
            let (ours, theirs) = both(&record);
            assert_eq!(ours, theirs, "confidence {confidence:?}");
        }
    }

    #[test]
    fn every_hundredth_matches_serde_json() {
        for k in 0..=100u8 {
            let value = (f64::from(k) / 100.0 * 100.0).round() / 100.0;
            let mut ours = Vec::new();
            confidence(&mut ours, value).expect("writing into a Vec succeeds");
            let theirs = serde_json::to_vec(&value).expect("serde_json writes every float");
            assert_eq!(String::from_utf8_lossy(&ours), String::from_utf8_lossy(&theirs), "{k}");
        }
    }

    #[test]
    fn integers_match_serde_json() {
        for n in [0, 1, 9, 10, 99, 100, 12345, u32::MAX as usize, usize::MAX] {
            let mut record = full("x");
            record.entities[0].start = n;
            record.countries[0].mentions = n;
            record.quotes[0].content[0].end = n;
            record.source.line = Some(n as u64);
            assert_same(&record);
        }
    }

    #[test]
    fn integers_are_written_as_itoa_writes_them() {
        let edges = (0..20).flat_map(|k| {
            // 10^19 is the largest power in a u64; its multiples saturate.
            let p = 10u64.pow(k);
            [p - 1, p, p + 1, p.saturating_mul(2), p.saturating_mul(5) - 1]
        });
        let small = (0..1_000_000).chain((0..1 << 20).map(|k| k * 97 + 1_000_000));
        for n in small
            .chain(edges)
            .chain([99_999_999, 100_000_000, u32::MAX.into(), u64::MAX])
        {
            let mut out = b"x".to_vec();
            integer(&mut out, n);
            assert_eq!(&out[1..], itoa::Buffer::new().format(n).as_bytes(), "{n}");
        }
    }

    /// Strings heavy in the bytes that need escaping, and in multi-byte
    /// characters next to them.
    fn text() -> impl Strategy<Value = String> {
        let c = prop_oneof![
            3 => (0u8..0x80).prop_map(char::from),
            1 => Just('"'),
            1 => Just('\\'),
            1 => any::<char>(),
        ];
        prop::collection::vec(c, 0..24).prop_map(String::from_iter)
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            failure_persistence: None,
            ..ProptestConfig::with_cases(256)
        })]

        #[test]
        fn random_records_match_serde_json(
            a in text(),
            b in text(),
            title in prop::option::of(text()),
            reference in prop::option::of(text()),
            confidence in prop::num::f64::ANY,
            start in any::<usize>(),
            with_meta in any::<bool>(),
        ) {
            let mut record = full(&a);
            record.title = title;
            record.entities[1].text = b.clone();
            record.entities[1].reference = reference;
            record.entities[2].start = start;
            record.people[0].offices.push(b.clone());
            record.quotes[1].content.push(span(start, 0, &b));
            record.quotes[2].confidence = confidence;
            if !with_meta {
                record.meta = None;
            }
            let (ours, theirs) = both(&record);
            prop_assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn fixture_records_match_serde_json() {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let dirs = ["articles", "adversarial", "gold", "bad"].map(|d| root.join(d));
        let opts = ReadOptions::default();
        let inputs = Inputs::discover(&dirs, &opts).expect("the fixture directories exist");
        let pipeline = crate::Pipeline::new().expect("the bundled gazetteers load");
        let mut checked = 0;
        for item in inputs.reader(opts.clone()) {
            let Ok(article) = item.into_article(&opts) else {
                continue;
            };
            let record = pipeline.extract(&article);
            let (ours, theirs) = both(&record);
            assert_eq!(ours, theirs, "article {}", article.id);
            // The command line writes records without building them: the
            // same bytes, and the same counts.
            let mut direct = Vec::new();
            let counts = pipeline.extract_json(&article, &mut direct).expect("writes");
            assert_eq!(
                String::from_utf8_lossy(&direct),
                theirs,
                "article {}, written directly",
                article.id
            );
            assert_eq!(counts, (record.entities.len(), record.quotes.len()));
            checked += 1;
        }
        assert!(checked >= 20, "only {checked} fixture articles were read");
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            failure_persistence: None,
            ..ProptestConfig::with_cases(64)
        })]

        /// Writing a record straight from the extraction gives the bytes of
        /// the record built and written by serde, whatever the text.
        #[test]
        fn records_written_directly_match_built_ones(
            words in prop::collection::vec(prop_oneof![
                Just("Wang Yi"), Just("said"), Just("\u{201c}We agree,\u{201d}"), Just("he"),
                Just("China"), Just("the Foreign Minister"), Just("Mr Doval"), Just("told"),
                Just("."), Just(","), Just("\n\n"), Just("\"quoted\""), Just("caf\u{e9}"),
            ], 0..60),
            warnings in prop::collection::vec(text(), 0..2),
        ) {
            static PIPELINE: std::sync::OnceLock<crate::Pipeline> = std::sync::OnceLock::new();
            let pipeline = PIPELINE.get_or_init(|| crate::Pipeline::new().expect("the bundled gazetteers load"));
            let mut article = crate::Article::new("p", words.join(" "));
            article.warnings = warnings;
            let record = pipeline.extract(&article);
            let mut direct = Vec::new();
            pipeline.extract_json(&article, &mut direct).expect("writes");
            prop_assert_eq!(direct, serde_json::to_vec(&record).expect("serializes"));
        }
    }
}
