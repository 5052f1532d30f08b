//! Closed word classes the entity rules rely on: honorifics, name particles,
//! function words, calendar words and the words that mark a capitalised
//! sequence as an organisation or a place rather than a person.
//!
//! These are grammar, not gazetteers: short, stable lists of English words
//! that users have no reason to change. Lookups are case-insensitive on ASCII.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use crate::gazetteer::Gender;

/// A set of lower-case ASCII words, looked up case-insensitively without
/// allocating: the hot paths ask it about every token.
pub(crate) struct WordSet {
    words: FxHashSet<&'static [u8]>,
    longest: usize,
}

impl WordSet {
    fn new(list: &[&'static str]) -> WordSet {
        WordSet {
            words: list.iter().map(|w| w.as_bytes()).collect(),
            longest: list.iter().map(|w| w.len()).max().unwrap_or(0),
        }
    }

    /// True when `word`, lower-cased, is in the set.
    pub(crate) fn contains(&self, word: &str) -> bool {
        let bytes = word.as_bytes();
        if bytes.len() > self.longest || !bytes.is_ascii() {
            return false;
        }
        let mut buf = [0u8; 32];
        let Some(lower) = buf.get_mut(..bytes.len()) else {
            return false;
        };
        for (d, s) in lower.iter_mut().zip(bytes) {
            *d = s.to_ascii_lowercase();
        }
        self.words.contains(&*lower)
    }
}

/// A lazily built [`WordSet`] over a constant list.
macro_rules! word_set {
    ($name:ident, $list:expr) => {
        fn $name() -> &'static WordSet {
            static SET: OnceLock<WordSet> = OnceLock::new();
            SET.get_or_init(|| WordSet::new($list))
        }
    };
}

/// Titles written before a name ("Mr Blair", "Sen. Murray", "Sheikh Hasina"),
/// with the gender they imply.
pub(super) const HONORIFICS: &[(&str, Gender)] = &[
    ("mr", Gender::Male),
    ("mister", Gender::Male),
    ("messrs", Gender::Unknown),
    ("mrs", Gender::Female),
    ("ms", Gender::Female),
    ("miss", Gender::Female),
    ("mme", Gender::Female),
    ("madame", Gender::Female),
    ("dr", Gender::Unknown),
    ("prof", Gender::Unknown),
    ("professor", Gender::Unknown),
    ("sir", Gender::Male),
    ("dame", Gender::Female),
    ("lord", Gender::Male),
    ("lady", Gender::Female),
    ("baroness", Gender::Female),
    ("baron", Gender::Male),
    ("sheikh", Gender::Male),
    ("sheik", Gender::Male),
    ("sheikha", Gender::Female),
    ("rev", Gender::Unknown),
    ("reverend", Gender::Unknown),
    ("fr", Gender::Male),
    ("father", Gender::Male),
    ("sister", Gender::Female),
    ("brother", Gender::Male),
    ("sen", Gender::Unknown),
    ("rep", Gender::Unknown),
    ("gov", Gender::Unknown),
    ("gen", Gender::Unknown),
    ("lt", Gender::Unknown),
    ("col", Gender::Unknown),
    ("capt", Gender::Unknown),
    ("cpt", Gender::Unknown),
    ("maj", Gender::Unknown),
    ("sgt", Gender::Unknown),
    ("adm", Gender::Unknown),
    ("cmdr", Gender::Unknown),
    ("brig", Gender::Unknown),
    ("atty", Gender::Unknown),
    ("hon", Gender::Unknown),
    ("pres", Gender::Unknown),
    ("king", Gender::Male),
    ("queen", Gender::Female),
    ("prince", Gender::Male),
    ("princess", Gender::Female),
    ("emir", Gender::Male),
    ("sultan", Gender::Male),
    ("pope", Gender::Male),
    ("ayatollah", Gender::Male),
    ("imam", Gender::Male),
    ("rabbi", Gender::Unknown),
    ("cardinal", Gender::Male),
    ("bishop", Gender::Unknown),
    ("archbishop", Gender::Unknown),
    ("mullah", Gender::Male),
    ("president", Gender::Unknown),
    ("senator", Gender::Unknown),
    ("governor", Gender::Unknown),
    ("premier", Gender::Unknown),
    ("chancellor", Gender::Unknown),
    ("judge", Gender::Unknown),
    ("justice", Gender::Unknown),
    ("mayor", Gender::Unknown),
    ("cllr", Gender::Unknown),
    ("councillor", Gender::Unknown),
    ("ds", Gender::Unknown),
    ("dc", Gender::Unknown),
    ("di", Gender::Unknown),
    ("dci", Gender::Unknown),
    ("dsi", Gender::Unknown),
    ("pc", Gender::Unknown),
    ("deputy", Gender::Unknown),
    ("minister", Gender::Unknown),
    ("ambassador", Gender::Unknown),
    ("secretary", Gender::Unknown),
    ("congressman", Gender::Male),
    ("congresswoman", Gender::Female),
    ("chairman", Gender::Male),
    ("chairwoman", Gender::Female),
    ("coach", Gender::Unknown),
    ("general", Gender::Unknown),
    ("colonel", Gender::Unknown),
    ("captain", Gender::Unknown),
    ("sergeant", Gender::Unknown),
    ("lieutenant", Gender::Unknown),
    ("admiral", Gender::Unknown),
    ("commander", Gender::Unknown),
    ("inspector", Gender::Unknown),
    ("detective", Gender::Unknown),
];

/// The gender an honorific implies, when `word` is one.
pub(crate) fn honorific(word: &str) -> Option<Gender> {
    static SET: OnceLock<WordSet> = OnceLock::new();
    let word = word.strip_suffix('.').unwrap_or(word);
    let set = SET.get_or_init(|| WordSet::new(&HONORIFICS.iter().map(|(h, _)| *h).collect::<Vec<_>>()));
    if !set.contains(word) {
        return None;
    }
    HONORIFICS
        .iter()
        .find(|(h, _)| h.eq_ignore_ascii_case(word))
        .map(|&(_, g)| g)
}

/// True for a title word written before a name that is not an honorific
/// proper: a capitalised office word such as "President" or "Gen.".
pub(crate) fn is_title_word(word: &str) -> bool {
    let bare = word.strip_suffix('.').unwrap_or(word);
    !bare.is_empty() && bare.chars().next().is_some_and(char::is_uppercase) && !title_nouns(word).is_empty()
}

/// The description nouns an abbreviated title stands for: "Sen. Murray" is
/// later "the senator".
pub(crate) fn title_nouns(word: &str) -> &'static [&'static str] {
    let word = word.strip_suffix('.').unwrap_or(word);
    match word.to_ascii_lowercase().as_str() {
        "sen" | "senator" => &["senator", "lawmaker", "legislator"],
        "rep" | "representative" | "congressman" | "congresswoman" => &[
            "congressman",
            "congresswoman",
            "representative",
            "lawmaker",
            "legislator",
        ],
        "gov" | "governor" => &["governor"],
        "gen" | "general" => &["general"],
        "pres" | "president" => &["president"],
        "dr" => &["doctor"],
        "prof" | "professor" => &["professor", "academic"],
        "lt" | "col" | "capt" | "maj" | "sgt" | "adm" | "cmdr" => &["officer", "commander"],
        "rev" | "reverend" | "fr" | "father" => &["priest", "cleric"],
        "judge" | "justice" => &["judge"],
        "mayor" => &["mayor"],
        "deputy" => &["deputy", "lawmaker"],
        "king" | "queen" | "prince" | "princess" | "emir" | "sultan" => &["monarch", "royal"],
        _ => &[],
    }
}

/// Lower-case particles inside names: "Ludwig van Beethoven", "Jan de Groot".
#[rustfmt::skip]
pub(super) const PARTICLES: &[&str] = &[
    "van", "von", "de", "der", "den", "da", "das", "dos", "do", "del", "della", "di", "du", "la", "le", "bin", "ibn",
    "ben", "al", "el", "y", "ter", "zu", "af", "bint", "abu",
];

word_set!(function_words, FUNCTION_WORDS);
word_set!(description_adjectives, DESCRIPTION_ADJECTIVES);

/// Function words and other words that start sentences in capitals but are
/// never names.
#[rustfmt::skip]
pub(super) const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "above", "according", "across", "after", "afterwards", "again", "against", "ago", "all", "almost",
    "along", "already", "also", "although", "always", "among", "amid", "an", "and", "another", "any", "anyone",
    "anything", "are", "around", "as", "at", "back", "be", "because", "been", "before", "behind", "being", "below",
    "beside", "besides", "between", "beyond", "both", "but", "by", "can", "could", "despite", "did", "do", "does",
    "down", "during", "each", "earlier", "either", "else", "elsewhere", "even", "ever", "every", "everyone",
    "everything", "few", "first", "following", "for", "former", "from", "further", "had", "has", "have", "having",
    "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "however", "i", "if", "in", "including",
    "indeed", "inside", "instead", "into", "is", "it", "its", "itself", "just", "last", "later", "latest", "least",
    "less", "let", "like", "many", "may", "meanwhile", "might", "more", "moreover", "most", "much", "must", "my",
    "near", "nearly", "neither", "never", "nevertheless", "new", "next", "no", "nobody", "none", "nor", "not",
    "nothing", "now", "of", "off", "often", "on", "once", "one", "only", "or", "other", "others", "otherwise", "our",
    "out", "outside", "over", "own", "past", "per", "perhaps", "please", "rather", "regardless", "same", "second",
    "several", "shall", "she", "should", "since", "so", "some", "someone", "something", "sometimes", "soon", "still",
    "such", "than", "that", "the", "their", "them", "themselves", "then", "there", "therefore", "these", "they",
    "this", "those", "though", "through", "throughout", "thus", "to", "today", "together", "tomorrow", "too",
    "toward", "towards", "under", "unless", "unlike", "until", "up", "upon", "us", "very", "via", "was", "we", "well",
    "were", "what", "whatever", "when", "whenever", "where", "whereas", "whether", "which", "while", "whilst", "who", "whoever",
    "whom", "whose", "why", "will", "with", "within", "without", "would", "yes", "yesterday", "yet", "you", "your",
    "yours", "asked", "overall", "tonight", "currently", "recently", "finally", "initially", "separately",
    "similarly", "additionally", "unfortunately", "fortunately", "clearly", "obviously", "apparently", "certainly",
    "dear", "hello", "thanks", "thank", "okay", "ok", "oh", "sure", "yeah",
];

/// True for a function word (case-insensitive).
pub(crate) fn is_function_word(word: &str) -> bool {
    function_words().contains(word)
}

/// Common nouns and page furniture that open sentences or headings in
/// capitals but are never names.
#[rustfmt::skip]
pub(super) const NOT_NAMES: &[&str] = &[
    "sources", "officials", "police", "critics", "analysts", "experts", "observers", "residents", "witnesses",
    "participants", "delegates", "voters", "supporters", "opponents", "insiders", "reports", "related", "photos",
    "photo", "video", "videos", "highlights", "read", "more", "share", "copyright", "advertisement", "subscribe",
    "follow", "click", "see", "watch", "listen", "update", "updated", "breaking", "exclusive", "analysis", "opinion",
    "comment", "editorial", "feature", "interview", "story", "stories", "news", "top", "home", "page", "menu",
    "search", "login", "sign", "register", "contact", "terms", "privacy", "cookies",
];

#[rustfmt::skip]
pub(super) const CALENDAR: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thur",
    "thurs", "fri", "sat", "sun", "christmas", "easter", "ramadan", "eid", "diwali", "hanukkah", "thanksgiving",
    "spring", "summer", "autumn", "winter", "year", "gmt", "utc", "est", "edt", "pst", "pdt", "bst", "cet",
];

/// Words that make a capitalised sequence an organisation, event, work or
/// place ("Communist Party", "Port of Rotterdam Authority", "Downing Street").
#[rustfmt::skip]
pub(super) const NON_PERSON_HEADS: &[&str] = &[
    "academy", "administration", "agency", "airline", "airlines", "airport", "airways", "alliance", "army",
    "assembly", "association", "authority", "avenue", "award", "awards", "bank", "bay", "board", "boulevard",
    "bridge", "brigade", "bureau", "cabinet", "canal", "cathedral", "center", "centre", "championship",
    "championships", "channel", "chapel", "church", "circuit", "city", "club", "coalition", "college", "command",
    "commission", "committee", "confederation", "conference", "consortium", "ministries", "communications", "company",
    "congress", "corp", "corporation", "council", "county", "court", "cup", "daily", "department", "desert",
    "district", "division", "electric", "energy", "enterprises", "exchange", "express", "fc", "federation",
    "festival", "force", "forces", "forum", "foundation", "front", "fund", "gallery", "games", "gazette", "group",
    "guard", "hall", "herald", "highway", "holdings", "hospital", "hotel", "house", "inc", "index", "industries",
    "initiative", "institute", "institution", "insurance", "international", "island", "islands", "journal", "kingdom",
    "lake", "league", "limited", "lines", "ltd", "mall", "media", "ministry", "monitor", "motors", "mountain",
    "mountains", "movement", "museum", "network", "news", "observatory", "ocean", "office", "olympics", "open",
    "orchestra", "organisation", "organization", "palace", "park", "parliament", "partners", "party", "petroleum",
    "pharmaceuticals", "plaza", "police", "port", "post", "prize", "program", "programme", "project", "province",
    "railway", "railways", "region", "republic", "reserve", "review", "river", "road", "school", "sea", "senate",
    "series", "service", "services", "society", "square", "stadium", "state", "station", "stock", "street", "studio",
    "studios", "summit", "systems", "technologies", "technology", "telegraph", "television", "temple", "theatre",
    "theater", "times", "tour", "tournament", "tower", "treaty", "tribunal", "trophy", "trust", "tv", "union",
    "united", "university", "valley", "village", "wall", "war", "ward", "week", "works", "world", "co", "ag", "sa",
    "plc", "llc", "gmbh", "nv", "bv", "spa", "fm", "am", "pm", "online", "magazine", "radio", "agreement", "act",
    "bill", "law", "accord", "declaration", "convention", "charter", "constitution", "plan", "strategy", "report",
    "budget", "day", "night", "era", "age", "revolution", "crisis", "affair", "scandal", "election", "elections",
    "referendum", "utd", "nations", "bros", "dems", "dam", "harbour", "harbor", "tunnel", "motorway", "arena",
    "zoo", "securities", "investments", "brewery", "foods", "pictures", "productions", "entertainment", "gorges",
    "financial", "capital", "telecom", "telecommunications", "pharma", "resources", "mining", "chemicals",
    "logistics", "software", "records", "publishing", "stores", "bancorp", "contest", "earthquake",
    "mail", "aid", "yard", "broadcasting", "societies",
];

/// Adjectives that may stand between a determiner and a description noun:
/// "the senior diplomat", "a former official", "the top aide".
#[rustfmt::skip]
pub(super) const DESCRIPTION_ADJECTIVES: &[&str] = &[
    "senior", "former", "top", "chief", "veteran", "acting", "deputy", "leading", "prominent", "longtime",
    "long-time", "retired", "outgoing", "incoming", "new", "then", "current", "young", "elderly", "old", "local",
    "foreign", "federal", "regional", "national", "international", "military", "political", "diplomatic", "economic",
    "independent", "defeated", "embattled", "beleaguered", "controversial", "influential", "powerful", "popular",
    "fellow", "assistant", "associate", "executive", "special", "vice", "high-ranking", "ranking", "junior",
    "interim", "presumptive", "republican", "democratic", "conservative", "liberal", "labour", "tory", "socialist",
    "communist", "nationalist", "opposition", "ruling", "centrist", "moderate", "hardline", "unnamed", "anonymous",
    "second", "third", "first", "last", "eldest", "youngest", "star", "head", "lead", "team", "club", "party",
    "campaign", "government", "state", "city", "company", "white", "house",
];

/// Kinds of organisation that stand before an organisation's name, in
/// lower case: "investment bank Merrill Lynch", "regulator Ofcom", "band
/// Franz Ferdinand". Nouns that also name a person's trade ("film maker
/// Theo van Gogh", "manufacturer Ron Johnson", "broadcaster Cyril
/// Fletcher", "publisher") are left out.
#[rustfmt::skip]
pub(super) const ORGANISATION_NOUNS: &[&str] = &[
    "company", "firm", "bank", "group", "regulator", "watchdog", "retailer", "supermarket", "chain", "carrier",
    "airline", "network", "insurer", "lender", "bookmaker", "newspaper", "tabloid", "magazine",
    "label", "studio", "studios", "club", "band", "brand", "conglomerate", "giant", "carmaker", "automaker",
    "exchange", "agency", "charity", "utility", "telecom", "telco", "franchise",
];

/// What one holds of a company, before "in" or "of" and its name: "shares
/// in Krispy Kreme", "shareholders of Deutsche Boerse".
pub(super) const HOLDING_NOUNS: &[&str] = &["shares", "stake", "stakes", "shareholders", "stockholders"];

/// Who or what belongs to an organisation or a work, written in lower case
/// right after its name: "Merrill Lynch analyst", "Vera Drake star
/// Imelda Staunton", "Franz Ferdinand singer". People have aides,
/// spokesmen, strategists and fans ("Blair aide", "Sanders strategist",
/// "Former Reagan chief of staff"), but none of these; "stars" is left out
/// for its verb ("Josh Brolin stars as ...").
#[rustfmt::skip]
pub(super) const MEMBER_NOUNS: &[&str] = &[
    "analyst", "analysts", "economist", "economists", "chairman", "chairwoman", "boss", "bosses", "executives",
    "star", "singer", "frontman", "guitarist", "drummer", "bassist", "sequel", "franchise",
];

/// True for a kind of organisation ([`ORGANISATION_NOUNS`]), in lower case.
pub(crate) fn is_organisation_noun(word: &str) -> bool {
    ORGANISATION_NOUNS.contains(&word)
}

/// True for an adjective that can precede a description noun.
pub(crate) fn is_description_adjective(word: &str) -> bool {
    description_adjectives().contains(word)
}

/// The words that join a verb cue on its left ("has said", "also
/// called for"): the quote stage's cue finder asks them of each word before
/// a cue. Kept here with the other closed classes, as the lexicon flags
/// them ([`super::flag::JOINS_LEFT`]).
#[rustfmt::skip]
pub(crate) const JOINS_LEFT_WORDS: &[&str] = &[
    "has", "have", "had", "also", "later", "then", "will", "would", "could", "can", "may", "might", "should",
    "must", "did", "does", "do", "reportedly", "previously", "recently", "again", "once", "repeatedly", "publicly",
    "privately", "separately", "quickly", "further", "now", "often", "frequently", "always", "never", "not", "n't",
    "already", "still", "even", "initially", "originally", "first", "subsequently", "eventually", "finally",
    "flatly", "strongly", "openly", "explicitly", "specifically", "recently,", "just", "is", "was", "are", "were",
    "been", "be", "being", "'s", "has been", "widely", "long", "privately,", "emphatically", "firmly", "clearly",
    "bluntly", "angrily", "simply", "immediately", "’s",
];

/// Personal and relative pronouns that can be a whole speaker mention (the
/// quote stage's closed classes: the lexicon flags them, so the quote
/// patterns read a bit instead of looking words up).
#[rustfmt::skip]
pub(crate) const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "we", "i", "you", "who", "which", "that", "one", "both", "others", "many", "some",
    "most", "all", "none", "everyone", "everybody", "someone", "somebody", "nobody", "few", "several", "half",
];

/// Words that end a noun phrase read leftwards and belong to it.
#[rustfmt::skip]
pub(crate) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "these", "those", "his", "her", "its", "their", "our", "my", "your", "some", "many",
    "several", "most", "all", "both", "each", "every", "no", "other", "another", "two", "three", "four", "five",
    "six", "seven", "eight", "nine", "ten", "dozens", "hundreds", "thousands", "millions", "few", "any", "whose",
];

/// Words that can never be inside a speaker phrase.
#[rustfmt::skip]
pub(crate) const BARRIERS: &[&str] = &[
    "is", "was", "are", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "will", "would",
    "could", "can", "may", "might", "should", "must", "in", "on", "at", "by", "with", "from", "to", "into", "after",
    "before", "during", "since", "under", "over", "about", "against", "among", "between", "through", "without",
    "when", "while", "because", "if", "as", "than", "then", "but", "or", "so", "yet", "not", "also", "there",
    "here", "where", "what", "how", "why", "whether", "although", "though", "until", "unless", "like", "via", "per",
    "said", "says", "say", "told", "tells",
];

/// Words that count or measure a group: "half", "percent", "majority".
#[rustfmt::skip]
pub(crate) const QUANTITIES: &[&str] = &[
    "half", "percent", "per", "majority", "minority", "plurality", "third", "thirds", "quarter", "quarters",
    "fifth", "fifths", "most", "many", "some", "all", "none", "few", "share", "number", "dozens", "hundreds",
    "thousands", "millions", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "several", "each", "both", "rest",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_class_table() {
        type Case = (&'static str, fn(&str) -> bool, bool);
        let cases: &[Case] = &[
            ("Mr", |w| honorific(w).is_some(), true),
            ("Mr.", |w| honorific(w).is_some(), true),
            ("Sen.", |w| honorific(w).is_some(), true),
            ("Wang", |w| honorific(w).is_some(), false),
            ("The", is_function_word, true),
            ("However", is_function_word, true),
            ("Participants", is_function_word, false),
            ("Wang", is_function_word, false),
            ("senior", is_description_adjective, true),
        ];
        for (word, test, want) in cases {
            assert_eq!(test(word), *want, "{word}");
        }
        assert_eq!(honorific("Ms"), Some(Gender::Female));
        assert_eq!(honorific("Mr"), Some(Gender::Male));
    }
}
