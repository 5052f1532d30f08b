//! Table-driven tests of the entity rules, on sentences written for them.

use std::sync::OnceLock;

use super::*;
use crate::gazetteer::Gazetteers;

fn setup() -> &'static (Gazetteers, EntityTagger) {
    static SETUP: OnceLock<(Gazetteers, EntityTagger)> = OnceLock::new();
    SETUP.get_or_init(|| {
        let g = Gazetteers::bundled().expect("bundled gazetteers load");
        let t = EntityTagger::new(&g).expect("automaton builds");
        (g, t)
    })
}

/// Mentions as "kind:text" and people as "name[offices][countries]".
fn tag(text: &str) -> (Vec<String>, Vec<String>) {
    let (g, tagger) = setup();
    let seg = Segmentation::new(text);
    let tagged = tagger.tag(text, &seg, g, &mut super::TagBuffers::default());
    let mentions = tagged
        .mentions
        .iter()
        .map(|m| {
            let kind = match m.kind {
                EntityKind::Person => "person",
                EntityKind::Office => "office",
                EntityKind::Country => "country",
            };
            format!("{kind}:{}", &text[m.start..m.end])
        })
        .collect();
    let people = tagged
        .clusters
        .iter()
        .filter(|c| {
            let i = tagged.clusters.iter().position(|x| std::ptr::eq(x, *c)).unwrap_or(0) as u32;
            tagged
                .mentions
                .iter()
                .any(|m| m.kind == EntityKind::Person && m.cluster == i)
        })
        .map(|c| {
            let countries: Vec<&str> = c
                .countries
                .iter()
                .map(|&i| g.countries[i as usize].code.as_str())
                .collect();
            format!("{}[{}][{}]", c.name, c.offices.join("|"), countries.join("|"))
        })
        .collect();
    (mentions, people)
}

/// (sentence, mentions that must be found, mentions that must not be)
type Case = (&'static str, &'static [&'static str], &'static [&'static str]);

#[test]
fn mention_table() {
    let cases: &[Case] = &[
        // Titles and offices before a name.
        (
            "Foreign Minister Qin Gang met reporters.",
            &["office:Foreign Minister", "person:Qin Gang"],
            &[],
        ),
        (
            "Indian National Security Advisor Ajit Doval arrived late.",
            &[
                "country:Indian",
                "office:National Security Advisor",
                "person:Ajit Doval",
            ],
            &[],
        ),
        // A word no list knows, before a first name and more, describes the
        // person; a place's first word, a short given name or a particle
        // stays ("Khoo Kay Peng", "bin Talal").
        (
            "Goalscorer Jimmy Floyd Hasselbaink was delighted. Blairite Alan Milburn agreed.",
            &["person:Jimmy Floyd Hasselbaink", "person:Alan Milburn"],
            &[
                "person:Goalscorer Jimmy Floyd Hasselbaink",
                "person:Blairite Alan Milburn",
            ],
        ),
        (
            "The plan was attacked by Tory Dominic Grieve, by Star Christina Applegate and by Corkman Mark Carroll.",
            &[
                "person:Dominic Grieve",
                "person:Christina Applegate",
                "person:Mark Carroll",
            ],
            &[
                "person:Tory Dominic Grieve",
                "person:Star Christina Applegate",
                "person:Corkman Mark Carroll",
            ],
        ),
        (
            "Harrogate Mr Kennedy said so.",
            &["person:Kennedy"],
            &["person:Harrogate Mr Kennedy", "person:Mr Kennedy"],
        ),
        (
            "The San Diego Padres beat the Los Angeles Dodgers. Khoo Kay Peng said so.",
            &["person:Khoo Kay Peng"],
            &["person:Diego Padres", "person:Angeles Dodgers", "person:Kay Peng"],
        ),
        ("Prince Alwaleed bin Talal said so.", &[], &["person:Talal"]),
        // Events close with their kind: "Song" is a given name too.
        (
            "Viewers of the Eurovision Song Contest and of the Asia Earthquake Appeal voted.",
            &[],
            &["person:Song Contest", "person:Asia Earthquake"],
        ),
        // An initial and a surname, as lists and scorecards write names;
        // not a country's initial, nor the letter that ends "AT&T.".
        (
            "England 326 ( G. Kersey 63 , J. Ratcliffe 63 ) . N. Korea urges S. Korea to act . MCI trails AT&T. Consolidation goes on.",
            &["person:G. Kersey", "person:J. Ratcliffe"],
            &["person:N. Korea", "person:S. Korea", "person:T. Consolidation"],
        ),
        // A place after a preposition, one that opens the sentence too.
        (
            "In Houston, bankruptcy Judge Letitia Clark will rule. In Paris, the minister said so.",
            &["person:Letitia Clark"],
            &["person:Houston", "person:Paris"],
        ),
        // Charities, postal services and police headquarters speak too.
        (
            "Christian Aid said so. Royal Mail and Scotland Yard declined to comment.",
            &[],
            &["person:Christian Aid", "person:Royal Mail", "person:Scotland Yard"],
        ),
        // A company's kind closing a name makes it no person's.
        (
            "Grant Financial said profits rose. Madison Capital Management agreed.",
            &[],
            &["person:Grant Financial", "person:Madison Capital Management"],
        ),
        // An honorific alone before a name is no name of its own; after
        // another honorific it is a surname.
        (
            "The Archbishop of Canterbury Dr Rowan Williams spoke. He met Mr King.",
            &["person:Rowan Williams", "person:King"],
            &["person:Dr"],
        ),
        // A lone unknown word after a noun a company can be is no person;
        // after a post or an occupation it is.
        (
            "Sales rose while rival Zembla Motors slipped and market leader Quorvex grew.",
            &[],
            &["person:Quorvex"],
        ),
        ("The album by singer Quorvex sold well.", &["person:Quorvex"], &[]),
        // So are the roles a company plays in a deal or a market, unless
        // someone owns them.
        (
            "Sales fell at parent Zorvexa. The SEC had accused Quorvan of fraud. Investors backed crude producer Yukorna.",
            &[],
            &["person:Zorvexa", "person:Quorvan", "person:Yukorna"],
        ),
        ("She thanked her adviser Zorvan for the plan.", &["person:Zorvan"], &[]),
        // A kind of organisation in apposition names an organisation,
        // wherever else the name stands; a person's noun before it does
        // not ("the man behind the games group").
        (
            "Laura Ashley, a British fashion retailer, reported a loss. Laura Ashley said sales fell.",
            &[],
            &["person:Laura Ashley"],
        ),
        (
            "Jez Sanor, the man behind the games group which collapsed, spoke. Sanor said it was sad.",
            &["person:Jez Sanor"],
            &[],
        ),
        ("Bob Smith, a company director, said no.", &["person:Bob Smith"], &[]),
        // Names joined by "&" are a firm's, unless they are two people's.
        (
            "The world's biggest insurance broker Marsh & McLennan cut jobs. Marsh said it was co-operating.",
            &[],
            &["person:Marsh"],
        ),
        (
            "Matt Lucas & David Walliams won the award.",
            &["person:Matt Lucas", "person:David Walliams"],
            &[],
        ),
        // A speaker's full name found elsewhere leaves out a modifier, a
        // trade or a participle before it, and is no name without them.
        (
            "Paris-based Euronext will bid. Euronext said the offer was fair.",
            &[],
            &["person:Paris-based Euronext", "person:Euronext"],
        ),
        (
            "Boss Graeme Sounor was upset. Sounor said the team played badly.",
            &["person:Graeme Sounor"],
            &["person:Boss Graeme Sounor"],
        ),
        (
            "Troubled Marsh under scrutiny. Marsh said it would cut jobs.",
            &[],
            &["person:Troubled Marsh", "person:Marsh"],
        ),
        // A trade opening a sentence is no part of the name after it,
        // when that is a name: a first name first or a surname last.
        (
            "Actress Sandra Dee has died. Singer Knight left. Actor Zorvan Reeves won.",
            &["person:Sandra Dee", "person:Knight", "person:Zorvan Reeves"],
            &[
                "person:Actress Sandra Dee",
                "person:Singer Knight",
                "person:Actor Zorvan Reeves",
            ],
        ),
        // A name that has analysts, stars or a singer is an organisation
        // or a work, there and wherever else it stands; one with aides
        // or strategists may be a person.
        (
            "The Vera Drake star Imelda Staunton won. Vera Drake opens today. Merrill Lynch analyst Bob Smith agreed.",
            &["person:Imelda Staunton", "person:Bob Smith"],
            &["person:Vera Drake", "person:Merrill Lynch"],
        ),
        (
            "Zorvan Reeves and Marta Kovacs star in the film. Alan Sugar boss of Amstrad said profits fell.",
            &["person:Marta Kovacs", "person:Alan Sugar"],
            &[],
        ),
        (
            "Liberal Democrat Simon Hughes said the vote was fair.",
            &["person:Simon Hughes"],
            &["person:Democrat Simon Hughes", "person:Liberal Democrat Simon Hughes"],
        ),
        // After an award's category a lone word is the award; a name of
        // two words after it is still a person.
        (
            "Marta Kovacs won the best actress Oscar. Olga Petrova won a best new artist Grammy.",
            &["person:Marta Kovacs", "person:Olga Petrova"],
            &["person:Oscar", "person:Grammy"],
        ),
        (
            "The best director nominee Olga Petrova spoke.",
            &["person:Olga Petrova"],
            &[],
        ),
        // A title needs a word after "The": the text may end there.
        ("Tony Blair spoke to The", &["person:Tony Blair"], &[]),
        (
            "Walter Mondale gave a speech. Mondale strategist Bob Smith agreed. Josh Brolin stars as a spy.",
            &["person:Walter Mondale", "person:Mondale", "person:Josh Brolin"],
            &[],
        ),
        // A capital "The" inside a sentence opens the title of a work:
        // no office, and no part of a person's name, in it.
        (
            "He made films such as The Fisher King and The Lord of the Rings. Stephen King wrote it.",
            &["person:Stephen King"],
            &["office:Fisher King", "office:Lord of the Rings", "person:King"],
        ),
        (
            "Cheers, Ms. Yellen\nThe Federal Reserve chairwoman, Janet Yellen, spoke. He said: \"The prime minister agrees.\"",
            &["office:Federal Reserve chairwoman", "office:prime minister"],
            &[],
        ),
        // A subject that takes "which" is no person; a name before a
        // "which" that belongs to another noun still is.
        (
            "Laura Zembla, which floated in 1985, lost money. An email from Marta Kovacs, which said little, leaked.",
            &["person:Marta Kovacs"],
            &["person:Laura Zembla"],
        ),
        (
            "Guy Chambers wrote it. Celebrity Big Brother returns.",
            &["person:Guy Chambers"],
            &["person:Chambers", "person:Big Brother"],
        ),
        // A leader of people, a rival owned by someone: persons.
        (
            "Labour leader Quorvex spoke. Her rival Zanetti left.",
            &["person:Quorvex", "person:Zanetti"],
            &[],
        ),
        // After a personal honorific a title word is a surname; after a
        // military one it is a post.
        (
            "Mr King said the port would reopen.",
            &["person:King"],
            &["office:King", "office:Mr King"],
        ),
        (
            "Mr President, the port is closed. Madame Speaker said the vote was over.",
            &["office:President", "office:Speaker"],
            &["person:President", "person:Speaker"],
        ),
        (
            "Airport General Director Ivo Markov said flights resumed.",
            &["person:Ivo Markov"],
            &["person:Director Ivo Markov"],
        ),
        // A day before a title dates it.
        (
            "But on Wednesday Prime Minister Olga Petrova said the plan stood.",
            &["office:Prime Minister", "person:Olga Petrova"],
            &["office:Wednesday Prime Minister"],
        ),
        // After a title, a first name that is also a post is a first name.
        (
            "Club spokesman Dean Smith said the match was off.",
            &["office:spokesman", "person:Dean Smith"],
            &["office:Dean"],
        ),
        // A given name that is also a function word, before a surname.
        (
            "The coach, An Nguyen, said the team was ready.",
            &["person:An Nguyen"],
            &[],
        ),
        // Titles of works and contests, modifiers and places are no people.
        (
            "Viewers loved My Summer Holiday and Freddy Vs Jason this year.",
            &[],
            &[
                "person:My Summer Holiday",
                "person:Summer Holiday",
                "person:Freddy Vs Jason",
            ],
        ),
        (
            "London-based Xantho Securities hired Gemma Rowe near Sydney Harbour.",
            &["person:Gemma Rowe"],
            &[
                "person:London-based Xantho Securities",
                "person:Xantho Securities",
                "person:Sydney Harbour",
            ],
        ),
        ("The coin shows King George V.", &["person:George V"], &[]),
        // An event or a team after a title or a first name is no person.
        (
            "The Tories would act after the General Election, General Sir Mike Jackson said.",
            &["person:Mike Jackson"],
            &["person:Election", "person:General Election"],
        ),
        (
            "Man Utd fans protested on Friday.",
            &[],
            &["person:Man Utd", "person:Utd"],
        ),
        // A kind of organisation before a name: the name is the
        // organisation's; a trade before it still makes a person.
        (
            "Investment bank Merrill Lynch and regulator Ofcom met manufacturer Ron Johnson.",
            &["person:Ron Johnson"],
            &["person:Merrill Lynch", "person:Ofcom"],
        ),
        // ... and the organisation's wherever else it stands in the
        // article, alone or after other words, but not after a first name.
        (
            "Standard Chartered said profits rose. The UK lender said Sydney-listed Virgin Blue \
             would fly. UK-based bank Standard Chartered and the airline Virgin Blue agreed.",
            &[],
            &[
                "person:Standard Chartered",
                "person:Virgin Blue",
                "person:Sydney-listed Virgin Blue",
            ],
        ),
        // Months and days are words before they are names; "miss" in
        // lower case is the verb.
        (
            "In January, a former vice president of the firm said Jo Pavey will miss Sunday's final.",
            &["person:Jo Pavey"],
            &["person:January", "person:Sunday"],
        ),
        // What is held in a company names it, but not its owner.
        (
            "Krispy Kreme said sales fell. Shares in Krispy Kreme sank, and Mr Murdoch kept \
             a stake in Murdoch's papers.",
            &["person:Murdoch"],
            &["person:Krispy Kreme"],
        ),
        (
            "The band Kasabian took its name from Linda Kasabian, the witness said.",
            &["person:Linda Kasabian"],
            &[],
        ),
        (
            "Warner Bros said the Lib Dems had won the Six Nations.",
            &[],
            &[
                "person:Warner Bros",
                "person:Lib Dems",
                "person:Lib",
                "person:Six Nations",
            ],
        ),
        (
            "Atletico coach Diego Simeone was guarded.",
            &["person:Diego Simeone"],
            &["person:Atletico"],
        ),
        // Honorifics are not part of the name.
        ("Mr Blair said he would stay.", &["person:Blair"], &["person:Mr Blair"]),
        ("Sen. Patty Murray spoke first.", &["person:Patty Murray"], &[]),
        ("Dr. Amara Nwosu runs the clinic.", &["person:Amara Nwosu"], &[]),
        // Appositives and speech verbs.
        (
            "Jan de Groot, an economist at ING, disagreed.",
            &["person:Jan de Groot"],
            &["person:ING"],
        ),
        (
            "Zebulon Farquhar said the vote was fair.",
            &["person:Zebulon Farquhar"],
            &[],
        ),
        (
            "\"It was fair,\" said Zebulon Farquhar.",
            &["person:Zebulon Farquhar"],
            &[],
        ),
        // An office extended over its organisation.
        (
            "Nikolai Patrushev, secretary of the Security Council of the Russian Federation, arrived.",
            &[
                "person:Nikolai Patrushev",
                "office:secretary of the Security Council of the Russian Federation",
                "country:Russian Federation",
            ],
            &[],
        ),
        // Case rules for countries.
        (
            "She bought china plates and a turkey.",
            &[],
            &["country:china", "country:turkey"],
        ),
        ("Turkey is a member of NATO.", &["country:Turkey"], &[]),
        (
            "SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .",
            &["country:JAPAN", "country:CHINA"],
            &[],
        ),
        (
            "Trade with the U.S. and the UK grew.",
            &["country:U.S.", "country:UK"],
            &[],
        ),
        // Country words inside other names.
        ("Chinese New Year starts on Monday.", &[], &["country:Chinese"]),
        (
            "She flew British Airways to Chinese officials' delight.",
            &["country:Chinese"],
            &["country:British"],
        ),
        // Ambiguous forms.
        (
            "Michael Jordan scored 40 points. Jordan smiled.",
            &["person:Michael Jordan", "person:Jordan"],
            &["country:Jordan"],
        ),
        (
            "The envoy flew from Syria to Jordan on Tuesday.",
            &["country:Jordan", "country:Syria"],
            &[],
        ),
        // Not people.
        ("Participants agreed to meet again.", &[], &["person:Participants"]),
        (
            "On Monday, Parliament voted.",
            &[],
            &["person:Parliament", "person:On Monday"],
        ),
        (
            "The Ministry of Defence said the drill went well.",
            &[],
            &["person:Ministry of Defence", "person:Defence"],
        ),
        (
            "Photos\nRelated Stories\n- Highlights of the week",
            &[],
            &["person:Photos", "person:Related Stories"],
        ),
    ];
    for (text, must, must_not) in cases {
        let (mentions, _) = tag(text);
        for m in *must {
            assert!(
                mentions.iter().any(|x| x == m),
                "{text:?}: {m} missing from {mentions:?}"
            );
        }
        for m in *must_not {
            assert!(!mentions.iter().any(|x| x == m), "{text:?}: {m} found in {mentions:?}");
        }
    }
}

#[test]
fn linking_table() {
    // (text, people as "name[offices][countries]")
    let cases: &[(&str, &[&str])] = &[
        (
            "Lucas Moreira signed on Monday. Moreira said he was happy. Later, Mr Moreira trained.",
            &["Lucas Moreira[][]"],
        ),
        (
            "Marieke van Dijk, chair of the union, spoke. Van Dijk said the strike would go on.",
            &["Marieke van Dijk[chair of the union][]"],
        ),
        (
            "Wang urges calm\nSenior Chinese diplomat Wang Yi spoke. Wang, director of the Office of the Foreign Affairs Commission, left.",
            &["Wang Yi[director of the Office of the Foreign Affairs Commission][CN]"],
        ),
        (
            "Bill Clinton and Hillary Clinton arrived. Hillary Clinton spoke first.",
            &["Bill Clinton[][US]", "Hillary Clinton[][US]"],
        ),
        // A bare post in apposition is the person's, and so are the
        // countries after it, up to another person.
        (
            "Carla Diaz, a spokeswoman, said the case was complex. Tomas Herrera, an adviser to the board, agreed.",
            &["Carla Diaz[spokeswoman][]", "Tomas Herrera[adviser][]"],
        ),
        (
            "Robert Sinche, head of currency strategy at Zembla Bank in Germany, said so.",
            &["Robert Sinche[head][DE]"],
        ),
        (
            "It hit Pavel Novak, the referee criticised by coach Matt Williams after the defeat against France.",
            &["Pavel Novak[][]", "Matt Williams[coach][]"],
        ),
        // A name in a post may open with a capitalised grammatical word,
        // and hold a plural's apostrophe.
        (
            "Gerald Whitcombe, 58, the former chief investment officer of the New Jersey Firefighters' Retirement Trust, pleaded guilty.",
            &["Gerald Whitcombe[chief investment officer of the New Jersey Firefighters' Retirement Trust][]"],
        ),
        (
            "Carla Diaz, a spokeswoman for the New Jersey State Police, said so. Jon Smithers, editor of The Times, agreed.",
            &[
                "Carla Diaz[spokeswoman for the New Jersey State Police][]",
                "Jon Smithers[editor of The Times][]",
            ],
        ),
        // A manager is a post; the person a post serves is no
        // organisation of it, but a firm named like a person after "head
        // of" is.
        (
            "Castlebridge manager Gary Pendle was less impressed.",
            &["Gary Pendle[manager][]"],
        ),
        (
            "Jon Smithers, a spokesman for Tony Blair, said so. Ann Lee, head of Morgan Stanley, agreed.",
            &[
                "Jon Smithers[spokesman][]",
                "Tony Blair[][GB]",
                "Ann Lee[head of Morgan Stanley][]",
            ],
        ),
        // A party before a post is part of it, even where it is also a
        // first name.
        (
            "In the Commons, Tory leader Edward Thorne said the plan was bad.",
            &["Edward Thorne[Tory leader][]"],
        ),
        // An appositive after an age.
        (
            "Gerald Whitcombe, 58, the former chief investment officer of the fund, was sentenced.",
            &["Gerald Whitcombe[chief investment officer][]"],
        ),
    ];
    for (text, want) in cases {
        let (_, mut got) = tag(text);
        got.sort();
        let mut want: Vec<String> = want.iter().map(|s| s.to_string()).collect();
        want.sort();
        assert_eq!(got, want, "{text:?}");
    }
}

#[test]
fn partial_mentions_link_to_the_full_name() {
    let (mentions, people) = tag("Ajit Doval met the press. Doval declined to comment. Later Doval left.");
    assert_eq!(people.len(), 1, "{people:?}");
    assert_eq!(
        mentions.iter().filter(|m| *m == "person:Doval").count(),
        2,
        "{mentions:?}"
    );
}

#[test]
fn words_that_never_open_a_name_are_function_words() {
    // The person rules test the function-word flag before these words.
    for w in names::NEVER_FIRST {
        assert!(is_function_word(w), "{w}");
    }
}
