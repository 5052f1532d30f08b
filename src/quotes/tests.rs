//! Table-driven tests of the quote patterns and speaker resolution, on
//! sentences written for them.

use std::sync::OnceLock;

use crate::record::{CueClass, QuoteKind, Record};
use crate::{Article, Pipeline};

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::new().expect("bundled pipeline builds"))
}

fn extract(text: &str) -> Record {
    pipeline().extract(&Article::new("t", text))
}

/// A quote as "kind|source|cue|content fragments joined by ' // '|speaker".
fn quotes(text: &str) -> Vec<String> {
    let r = extract(text);
    r.quotes
        .iter()
        .map(|q| {
            let kind = match q.kind {
                QuoteKind::Direct => "direct",
                QuoteKind::Indirect => "indirect",
                QuoteKind::Mixed => "mixed",
            };
            let content: Vec<&str> = q.content.iter().map(|c| c.text.as_str()).collect();
            format!(
                "{kind}|{}|{}|{}|{}",
                q.source.as_ref().map_or("", |s| s.text.as_str()),
                q.cue.as_ref().map_or("", |s| s.text.as_str()),
                content.join(" // "),
                q.speaker_name.as_deref().unwrap_or("")
            )
        })
        .collect()
}

#[test]
fn pattern_table() {
    // (text, quotes that must be among those found)
    let cases: &[(&str, &[&str])] = &[
        // Direct quotations.
        ("\"We won,\" she said.", &["direct|she|said|\"We won,\"|"]),
        (
            "Olga Petrova arrived. \"We won,\" Petrova said. \"Now we rest.\"",
            &["direct|Petrova|said|\"We won,\" // \"Now we rest.\"|Olga Petrova"],
        ),
        (
            "“We won,” said Zebulon Farquhar, “and we will win again.”",
            &["direct|Zebulon Farquhar|said|“We won,” // “and we will win again.”|Zebulon Farquhar"],
        ),
        (
            "Ms Amina Yusuf said: \"We have doubled the budget.\"",
            &["direct|Ms Amina Yusuf|said:|\"We have doubled the budget.\"|Amina Yusuf"],
        ),
        // A day or a month after a preposition dates the report; after
        // "the" it names a paper.
        (
            "In October party leader Olga Petrova said costs rose. On Monday Zembla Motors said so.",
            &[
                "indirect|party leader Olga Petrova|said|costs rose|Olga Petrova",
                "indirect|Zembla Motors|said|so|Zembla Motors",
            ],
        ),
        (
            "The Sunday Times said the deal was close.",
            &["indirect|The Sunday Times|said|the deal was close|The Sunday Times"],
        ),
        // A clause after the speaker's comma is no part of the speaker,
        // whatever word opens it.
        (
            "\"I see a low risk,\" said Zembla Bank chief Olga Petrova, despite warning that costs rose.",
            &["direct|Zembla Bank chief Olga Petrova|said|\"I see a low risk,\"|Olga Petrova"],
        ),
        (
            "Incidents like this happen, said Mr Quell, because banks use old machines.",
            &["indirect|Mr Quell|said|Incidents like this happen|Quell"],
        ),
        // A quotation that ends its own sentence before a cue with words of
        // its own: the cue reports both; a cue before the quotation is
        // the better one.
        (
            "Zorvan Quell spoke. \"We will win.\" Mr Quell said the team was ready.",
            &[
                "direct|Mr Quell|said|\"We will win.\"|Zorvan Quell",
                "indirect|Mr Quell|said|the team was ready|Zorvan Quell",
            ],
        ),
        (
            "Pavel Novak told Zembla Radio: \"I agree with him.\" Olga Petrova said she thought the plan was bad.",
            &[
                "direct|Pavel Novak|told|\"I agree with him.\"|Pavel Novak",
                "indirect|Olga Petrova|said|she thought the plan was bad|Olga Petrova",
            ],
        ),
        (
            "\"Why?\" Pavel Novak asked reporters.",
            &["direct|Pavel Novak|asked|\"Why?\"|Pavel Novak"],
        ),
        // A firm's name joined by "&" is one speaker.
        (
            "M&S said profits fell. Procter & Gamble said sales rose.",
            &[
                "indirect|M&S|said|profits fell|M&S",
                "indirect|Procter & Gamble|said|sales rose|Procter & Gamble",
            ],
        ),
        // After a pronoun "'s" is "has".
        (
            "She's said that the plan will fail.",
            &["indirect|She|'s said|that the plan will fail|"],
        ),
        // A show's name after a preposition is no quotation; words in
        // lower case after a possessive are.
        (
            "Asked about it on \"Morning Report,\" Olga Petrova said she had not \"heard the plan.\"",
            &["mixed|Olga Petrova|said|she had not \"heard the plan.\"|Olga Petrova"],
        ),
        (
            "Ivan Kovac's \"plan has failed,\" Olga Petrova said.",
            &["direct|Olga Petrova|said|\"plan has failed,\"|Olga Petrova"],
        ),
        // A quantity opening a clause is reported.
        (
            "Olga Petrova added 160 guards were on duty.",
            &["indirect|Olga Petrova|added|160 guards were on duty|Olga Petrova"],
        ),
        // A fronted "asked" reports its question, asked by no one or by
        // the phrase after "by".
        (
            "Asked why the plan failed, Olga Petrova said she did not know.",
            &[
                "indirect||Asked|why the plan failed|",
                "indirect|Olga Petrova|said|she did not know|Olga Petrova",
            ],
        ),
        (
            "When asked whether the plan would work, Olga Petrova said it would.",
            &["indirect||asked|whether the plan would work|"],
        ),
        (
            "Asked in Zembla recently whether he would stand, Ivan Kovac said no.",
            &["indirect||Asked|whether he would stand|"],
        ),
        (
            "“We will see,” Olga Petrova said, when asked whether she would stand.",
            &["indirect||asked|whether she would stand|"],
        ),
        (
            "Asked by Pavel Novak if he believed it, Olga Petrova said no.",
            &["indirect|Pavel Novak|Asked|if he believed it|Pavel Novak"],
        ),
        // A quotation with its own cue after it is not joined to the
        // attribution before it, nor chained to the one it continues.
        (
            "\"Prices will rise,\" said Olga Petrova, an analyst at Zembla Bank. \"It looks grim,\" added Ivan Kovac, a union official. \"We won,\" she said. \"Now we rest.\"",
            &[
                "direct|Olga Petrova, an analyst at Zembla Bank|said|\"Prices will rise,\"|Olga Petrova",
                "direct|Ivan Kovac, a union official|added|\"It looks grim,\"|Ivan Kovac",
                "direct|she|said|\"We won,\" // \"Now we rest.\"|Olga Petrova",
            ],
        ),
        (
            "\"We need steady hands,\" Olga Petrova told the meeting. \"Not a leader who changes every day.\n\n\"Our security is not negotiable!\" she said.",
            &[
                "direct|Olga Petrova|told|\"We need steady hands,\" // \"Not a leader who changes every day.|Olga Petrova",
                "direct|she|said|\"Our security is not negotiable!\"|Olga Petrova",
            ],
        ),
        // A sentence opened by a pronoun is no show's name.
        (
            "He ended the speech with \"I will be back,\" Marta Kovacs said.",
            &["direct|Marta Kovacs|said|\"I will be back,\"|Marta Kovacs"],
        ),
        // The addressee of "told" is passed over, numbers and all.
        (
            "Pavel Novak told BBC Radio 4's Today programme the plan had failed.",
            &["indirect|Pavel Novak|told|the plan had failed|Pavel Novak"],
        ),
        (
            "Olga Petrova told 6 Music the record was nearly done.",
            &["indirect|Olga Petrova|told|the record was nearly done|Olga Petrova"],
        ),
        // Indirect speech.
        (
            "Zebulon Farquhar said that the vote was fair.",
            &["indirect|Zebulon Farquhar|said|that the vote was fair|Zebulon Farquhar"],
        ),
        (
            "The vote was fair, Zebulon Farquhar said.",
            &["indirect|Zebulon Farquhar|said|The vote was fair|Zebulon Farquhar"],
        ),
        (
            "The vote was fair, said Zebulon Farquhar.",
            &["indirect|Zebulon Farquhar|said|The vote was fair|Zebulon Farquhar"],
        ),
        (
            "According to the ministry, exports rose by a fifth.",
            &["indirect|the ministry|According to|exports rose by a fifth|the ministry"],
        ),
        (
            "Exports rose by a fifth, according to the ministry.",
            &["indirect|the ministry|according to|Exports rose by a fifth|the ministry"],
        ),
        // Without a comma, "there" or an article before a lower-case word
        // opens the clause after a name.
        (
            "According to Zembla Telecom there were four million users in April, and numbers are climbing.",
            &[
                "indirect|Zembla Telecom|According to|there were four million users in April, and numbers are climbing|Zembla Telecom",
            ],
        ),
        (
            "According to Quorvex the messages were sent from Oslo.",
            &["indirect|Quorvex|According to|the messages were sent from Oslo|Quorvex"],
        ),
        // A speaker phrase may end in the title of a show or a work.
        (
            "The talks went on. Ivan Kovac, host of Zembla TV's \"Morning Ivan,\" suggested the party was finished.",
            &["indirect|Ivan Kovac, host of Zembla TV's \"Morning Ivan,\"|suggested|the party was finished|Ivan Kovac"],
        ),
        (
            "It was the moment when Olga Petrova, author of \"The Long Road,\" said the party was finished.",
            &["indirect|Olga Petrova, author of \"The Long Road,\"|said|the party was finished|Olga Petrova"],
        ),
        // After a dashed aside a third-person or base form is the verb.
        (
            "The talks went on. Ivan Kovac — a teacher from Zembla — says he made a late decision.",
            &["indirect|Ivan Kovac|says|he made a late decision|Ivan Kovac"],
        ),
        // A name in apposition speaks for a noun no lexicon knows, when
        // the phrase opens its clause like a noun phrase.
        (
            "The talks went on. Zembla's pollster, Ivan Kovac, says his man has the money.",
            &["indirect|Zembla's pollster, Ivan Kovac,|says|his man has the money|Ivan Kovac"],
        ),
        // The time of a report between its subject and its cue, a part of
        // the day and all; "upon" is "on".
        (
            "The talks went on. Olga Petrova on Wednesday morning said the deal was dead.",
            &["indirect|Olga Petrova|said|the deal was dead|Olga Petrova"],
        ),
        (
            "The talks went on. Olga Petrova on Wednesday also called upon the council to act.",
            &["indirect|Olga Petrova|also called upon|the council to act|Olga Petrova"],
        ),
        // An appositive closing the sentence after "according to" is
        // neither source nor content.
        (
            "Most donors were women, according to Olga Petrova, a Zembla strategist.",
            &["indirect|Olga Petrova|according to|Most donors were women|Olga Petrova"],
        ),
        // A time opening the sentence is no subject before an appositive.
        (
            "Earlier Tuesday, his campaign manager, Ivan Kovac, says the vote was fair.",
            &["indirect|his campaign manager, Ivan Kovac,|says|the vote was fair|Ivan Kovac"],
        ),
        (
            "Earlier Tuesday morning, his campaign manager, Ivan Kovac, says the vote was fair.",
            &["indirect|his campaign manager, Ivan Kovac,|says|the vote was fair|Ivan Kovac"],
        ),
        // Two attributions from one subject.
        (
            "Premier Li Wei called for calm, saying that talks must go on.",
            &[
                "indirect|Premier Li Wei|called for|calm|Li Wei",
                "indirect|Premier Li Wei|saying|that talks must go on|Li Wei",
            ],
        ),
        (
            "Noting that talks had stalled, Zebulon Farquhar said both sides must return.",
            &[
                "indirect|Zebulon Farquhar|Noting|that talks had stalled|Zebulon Farquhar",
                "indirect|Zebulon Farquhar|said|both sides must return|Zebulon Farquhar",
            ],
        ),
        (
            "Zebulon Farquhar said that ties were good and called for more trade.",
            &[
                "indirect|Zebulon Farquhar|said|that ties were good|Zebulon Farquhar",
                "indirect|Zebulon Farquhar|called for|more trade|Zebulon Farquhar",
            ],
        ),
        // Scare quotes make speech mixed, not direct.
        (
            "Zebulon Farquhar said the dispute was a \"new battlefield\" for the region.",
            &["mixed|Zebulon Farquhar|said|the dispute was a \"new battlefield\" for the region|Zebulon Farquhar"],
        ),
        // After a subject, "called" reports the words it quotes.
        (
            "The talks went on. It was what he called “the beginning of a new era for all of us.”",
            &["direct|he|called|“the beginning of a new era for all of us.”|"],
        ),
        // A few words quoted right after a verb of a clause are part of
        // what it reports.
        (
            "The talks went on. Olga Petrova said “it hurts” every time she thinks of it.",
            &["mixed|Olga Petrova|said|“it hurts” every time she thinks of it|Olga Petrova"],
        ),
        (
            "The talks went on. Ivan Kovac called for “a fresh start” in the region.",
            &["mixed|Ivan Kovac|called for|“a fresh start” in the region|Ivan Kovac"],
        ),
        // Thought and intention.
        (
            "Analysts believe that prices will rise.",
            &["indirect|Analysts|believe|that prices will rise|Analysts"],
        ),
        // A base form inside the source is a noun ("campaign manager").
        (
            "“We will win,” Farquhar campaign manager Olga Petrova said.",
            &["direct|Farquhar campaign manager Olga Petrova|said|“We will win,”|Olga Petrova"],
        ),
        (
            "“We will win,” campaign manager Olga Petrova said.",
            &["direct|campaign manager Olga Petrova|said|“We will win,”|Olga Petrova"],
        ),
        // A fraction of a group, in one word.
        (
            "Even so, three-quarters of the voters said they were worried.",
            &["indirect|three-quarters of the voters|said|they were worried|three-quarters of the voters"],
        ),
        // A relative clause: "who" stands for its antecedent, and the clause
        // ends at its comma.
        (
            "The prize went to Olga Petrova, who said the jury was brave, and to two others.",
            &["indirect|who|said|the jury was brave|Olga Petrova"],
        ),
        // A noun described after it by an adjective with its preposition,
        // or by the participle of a poll, is the speaker with its
        // description.
        (
            "The talks went on. People familiar with the matter said the deal was close.",
            &["indirect|People familiar with the matter|said|the deal was close|People familiar with the matter"],
        ),
        (
            "The talks went on. A source close to Olga Petrova says she will stand.",
            &["indirect|A source close to Olga Petrova|says|she will stand|A source close to Olga Petrova"],
        ),
        (
            "The talks went on. Three people briefed on the talks said the deal was close.",
            &["indirect|Three people briefed on the talks|said|the deal was close|Three people briefed on the talks"],
        ),
        (
            "The talks went on. Those surveyed say the economy matters most.",
            &["indirect|Those surveyed|say|the economy matters most|Those surveyed"],
        ),
        (
            "The talks went on. Most of those polled said they were worried.",
            &["indirect|Most of those polled|said|they were worried|Most of those polled"],
        ),
        (
            "The talks went on. All the experts I interviewed said the plan was sound.",
            &["indirect|All the experts I interviewed|said|the plan was sound|All the experts I interviewed"],
        ),
        // The occasion of a report between the subject and the cue is no
        // part of the source; a workplace is.
        (
            "The ruling stood. Judge Olga Petrova, in her dissent, said the law was unfair.",
            &["indirect|Judge Olga Petrova|said|the law was unfair|Olga Petrova"],
        ),
        (
            "The talks went on. Ivan Kovac, on Twitter, said the deal was dead.",
            &["indirect|Ivan Kovac|said|the deal was dead|Ivan Kovac"],
        ),
        (
            "The talks went on. Ivan Kovac, by contrast, said the deal was alive.",
            &["indirect|Ivan Kovac|said|the deal was alive|Ivan Kovac"],
        ),
        (
            "The talks went on. Olga Petrova, at Monday's debate, said the figures were wrong.",
            &["indirect|Olga Petrova|said|the figures were wrong|Olga Petrova"],
        ),
        (
            "The talks went on. Olga Petrova, at the Zembla Institute, said the risk was high.",
            &["indirect|Olga Petrova, at the Zembla Institute,|said|the risk was high|Olga Petrova"],
        ),
        // A second verb of the subject, after a conjunction.
        (
            "Olga Petrova voted on Saturday and says she backed nobody.",
            &["indirect|Olga Petrova|says|she backed nobody|Olga Petrova"],
        ),
        // "one" opens a phrase like an article.
        (
            "\"We lost,\" said one adviser close to the campaign.",
            &["direct|one adviser close to the campaign|said|\"We lost,\"|one adviser close to the campaign"],
        ),
        (
            "One adviser said the campaign was lost.",
            &["indirect|One adviser|said|the campaign was lost|One adviser"],
        ),
        (
            "No one said the campaign was lost.",
            &["indirect|No one|said|the campaign was lost|No one"],
        ),
        // An adverb or adjective in -ly opens the phrase after "according to".
        (
            "Exports rose by a fifth, according to early returns.",
            &["indirect|early returns|according to|Exports rose by a fifth|early returns"],
        ),
        // The subject before an aside set off by dashes.
        (
            "Olga Petrova — after a long pause — told reporters the race was over.",
            &["indirect|Olga Petrova|told|the race was over|Olga Petrova"],
        ),
        // A bare weekday after the cue is when, not what.
        (
            "Olga Petrova said Tuesday night that the vote was fair.",
            &["indirect|Olga Petrova|said|that the vote was fair|Olga Petrova"],
        ),
        // A place after the head noun and a quantity between commas stay
        // inside the source; a discourse aside is passed over.
        (
            "Voters in Iowa said the economy mattered most.",
            &["indirect|Voters in Iowa|said|the economy mattered most|Voters in Iowa"],
        ),
        // Two phrases joined as the subject are one source; an object and
        // a new clause's subject are not.
        (
            "Dock workers and their union leaders said the strike would go on.",
            &[
                "indirect|Dock workers and their union leaders|said|the strike would go on|Dock workers and their union leaders",
            ],
        ),
        (
            "Petrova met the minister and officials said the talks went well.",
            &["indirect|officials|said|the talks went well|officials"],
        ),
        // A phrase after an opening adverbial or a conjunction joins too.
        (
            "On Tuesday, the mayor and her aides said the port would reopen.",
            &["indirect|the mayor and her aides|said|the port would reopen|the mayor and her aides"],
        ),
        (
            "But the mayor and her aides said the port would reopen.",
            &["indirect|the mayor and her aides|said|the port would reopen|the mayor and her aides"],
        ),
        // A medium ends the speaker only where it heads the phrase.
        (
            "\"It is over,\" said Olga Petrova, an expert in law, on Twitter.",
            &["direct|Olga Petrova, an expert in law|said|\"It is over,\"|Olga Petrova"],
        ),
        (
            "\"It is over,\" said Olga Petrova, a specialist in video games.",
            &["direct|Olga Petrova, a specialist in video games|said|\"It is over,\"|Olga Petrova"],
        ),
        // A place or occasion before the "that" clause is passed over.
        (
            "Olga Petrova said in an interview with the Harbour Gazette that the port would close.",
            &["indirect|Olga Petrova|said|that the port would close|Olga Petrova"],
        ),
        // A count after "of" ends a phrase whose head comes before it.
        (
            "The mother of three said she had been told nothing.",
            &["indirect|The mother of three|said|she had been told nothing|The mother of three"],
        ),
        // A report by someone is the source, with its author.
        (
            "A study by the harbour authority found that traffic fell.",
            &["indirect|A study by the harbour authority|found|that traffic fell|A study by the harbour authority"],
        ),
        // After the cue, the speaker ends before where they said it.
        (
            "\"It is over,\" said harbour master Olga Petrova in a statement.",
            &["direct|harbour master Olga Petrova|said|\"It is over,\"|Olga Petrova"],
        ),
        (
            "\"It is over,\" wrote Olga Petrova in The Harbour Gazette.",
            &["direct|Olga Petrova|wrote|\"It is over,\"|Olga Petrova"],
        ),
        // A discourse aside next to the cue is no part of the source.
        (
            "Olga Petrova, a spokeswoman, however, said the port was closed.",
            &["indirect|Olga Petrova, a spokeswoman|said|the port was closed|Olga Petrova"],
        ),
        (
            "Union leaders in Ohio, for instance, noted that the talks had failed.",
            &["indirect|Union leaders in Ohio|noted|that the talks had failed|Union leaders in Ohio"],
        ),
        (
            "Others, many of them farmers, argue that the tax is unfair.",
            &["indirect|Others, many of them farmers,|argue|that the tax is unfair|Others"],
        ),
        // A time between the subject and its verb dates the report.
        (
            "Olga Petrova on Tuesday said the vote was fair.",
            &["indirect|Olga Petrova|said|the vote was fair|Olga Petrova"],
        ),
        (
            "A poll released Saturday found that most voters were angry.",
            &["indirect|A poll|found|that most voters were angry|A poll"],
        ),
        (
            "Olga Petrova, who chairs the panel, on Sunday defended the vote.",
            &["indirect|Olga Petrova, who chairs the panel,|defended|the vote|Olga Petrova"],
        ),
        // A discourse aside between the cue and its content.
        (
            "Olga Petrova said, however, that the vote was fair.",
            &["indirect|Olga Petrova|said|that the vote was fair|Olga Petrova"],
        ),
        // Ranks and the objects of other verbs stay out of sources.
        (
            "World number one Olga Petrova has criticised the organisers over prize money.",
            &["indirect|Olga Petrova|has criticised|the organisers over prize money|Olga Petrova"],
        ),
        (
            "As he told journalists: \"We are united.\" And he heaped praise on Mr Brown, saying he did a fine job.",
            &["direct|he|told|\"We are united.\"|"],
        ),
        // A relative clause between dashes ends at the dash; a noun before
        // the cue's "who" clause is no cue.
        (
            "Olga Petrova — who had said the plan was sound — declined to comment.",
            &["indirect|who|had said|the plan was sound|Olga Petrova"],
        ),
        (
            "\"The plan is dead,\" say aides, who warned that the vote would fail.",
            &["direct|aides, who warned that the vote would fail|say|\"The plan is dead,\"|aides"],
        ),
        // "which" after a comma reports for its antecedent.
        (
            "The request came from the Daily Courier, which argued that the files were of public interest.",
            &["indirect|which|argued|that the files were of public interest|the Daily Courier"],
        ),
        // A weekday that runs on into a possessive or a name is no time.
        (
            "The minister said Monday's attack was a tragedy.",
            &["indirect|The minister|said|Monday's attack was a tragedy|The minister"],
        ),
        (
            "The spokesman said Sunday Times reporters had been barred.",
            &["indirect|The spokesman|said|Sunday Times reporters had been barred|The spokesman"],
        ),
        // A speech verb in the infinitive carries the report.
        (
            "Olga Petrova went on to say that the harbour would reopen.",
            &["indirect|Olga Petrova|went on to say|that the harbour would reopen|Olga Petrova"],
        ),
        (
            "The port authority declined to comment on the strike.",
            &["indirect|The port authority|declined to comment on|the strike|The port authority"],
        ),
        (
            "The mayor declined to comment.",
            &["indirect|The mayor|declined|to comment|The mayor"],
        ),
        // A base form agrees with plurals, quantities and plural heads
        // before a modifier; a base form that is also the past needs none.
        (
            "Residents of the harbour town say the strike is fair.",
            &["indirect|Residents of the harbour town|say|the strike is fair|Residents of the harbour town"],
        ),
        (
            "Sixty percent say the harbour should stay open.",
            &["indirect|Sixty percent|say|the harbour should stay open|Sixty percent"],
        ),
        (
            "\"The harbour is closed,\" the notice read.",
            &["direct|the notice|read|\"The harbour is closed,\"|the notice"],
        ),
        // "went on" reports a quotation.
        (
            "Petrova went on, \"We will not give up.\"",
            &["direct|Petrova|went on|\"We will not give up.\"|Petrova"],
        ),
        // Speaker phrases keep the words that open them and lose the time
        // and the clause after them.
        (
            "Former Mayor Olga Petrova said the port would reopen.",
            &["indirect|Former Mayor Olga Petrova|said|the port would reopen|Olga Petrova"],
        ),
        (
            "About three in 10 voters said the strike should go on.",
            &["indirect|About three in 10 voters|said|the strike should go on|About three in 10 voters"],
        ),
        (
            "All three unions said they would meet again.",
            &["indirect|All three unions|said|they would meet again|All three unions"],
        ),
        (
            "Surveys of dock workers late last week showed support for the strike.",
            &["indirect|Surveys of dock workers|showed|support for the strike|Surveys of dock workers"],
        ),
        (
            "\"It is over,\" said Olga Petrova, referring to the strike.",
            &["direct|Olga Petrova|said|\"It is over,\"|Olga Petrova"],
        ),
        (
            "\"It is over,\" said Olga Petrova, after meeting the dockers.",
            &["direct|Olga Petrova|said|\"It is over,\"|Olga Petrova"],
        ),
        (
            "\"It is over,\" said Pavel Novak, managing director of the port.",
            &["direct|Pavel Novak, managing director of the port|said|\"It is over,\"|Pavel Novak"],
        ),
        // A preposition after the cue belongs to it; a count after "about"
        // does not.
        (
            "Olga Petrova joked about moving the port to the mountains.",
            &["indirect|Olga Petrova|joked about|moving the port to the mountains|Olga Petrova"],
        ),
        (
            "Olga Petrova said about 20 ships were waiting.",
            &["indirect|Olga Petrova|said|about 20 ships were waiting|Olga Petrova"],
        ),
        // The parenthesis a report sits in is left out; the period of an
        // abbreviation that ends the sentence stays with it.
        (
            "The port reopened. (Olga Petrova said the strike was over.)",
            &["indirect|Olga Petrova|said|the strike was over|Olga Petrova"],
        ),
        (
            "Olga Petrova said the ships would sail to the U.S. The port is quiet.",
            &["indirect|Olga Petrova|said|the ships would sail to the U.S.|Olga Petrova"],
        ),
        // An aside after "that" does not end a relative clause; a year
        // between subject and verb dates the report.
        (
            "Olga Petrova, who said that, in her view, the strike was over, left the port.",
            &["indirect|who|said|that, in her view, the strike was over|Olga Petrova"],
        ),
        (
            "Olga Petrova in 2012 said the port would close.",
            &["indirect|Olga Petrova|said|the port would close|Olga Petrova"],
        ),
        // The speaker between a cue and a colon; a participle after "and"
        // hangs on the clause's subject.
        (
            "In other words, explained harbour master Olga Petrova: \"The port is closed.\"",
            &["direct|harbour master Olga Petrova|explained|\"The port is closed.\"|Olga Petrova"],
        ),
        (
            "Petrova was tweeting about the strike and asking, \"Who pays for this?\"",
            &["direct|Petrova|asking|\"Who pays for this?\"|Petrova"],
        ),
        // A closing mark with no punctuation before it still ends a
        // quotation at the start of its sentence.
        (
            "\"We will win\" says Olga Petrova.",
            &["direct|Olga Petrova|says|\"We will win\"|Olga Petrova"],
        ),
        // British group nouns take the plural verb.
        (
            "The club say the ground will reopen.",
            &["indirect|The club|say|the ground will reopen|The club"],
        ),
        // A participle between commas before the verb is an aside.
        (
            "\"We won,\" Olga Petrova, smiling broadly, said.",
            &["direct|Olga Petrova, smiling broadly,|said|\"We won,\"|Olga Petrova"],
        ),
        // An adjunct after the cue is passed over for its "that" clause.
        (
            "Olga Petrova said on Twitter that the port was closed.",
            &["indirect|Olga Petrova|said|that the port was closed|Olga Petrova"],
        ),
        (
            "Olga Petrova said about a dozen ships were waiting.",
            &["indirect|Olga Petrova|said|about a dozen ships were waiting|Olga Petrova"],
        ),
        // A year after a capitalised word is part of a name.
        (
            "Oslo 2030 said the games would go ahead.",
            &["indirect|Oslo 2030|said|the games would go ahead|Oslo 2030"],
        ),
        // A participle that ends the sentence does not stop the quotation
        // that follows from joining.
        (
            "\"We won,\" Olga Petrova said, laughing. \"Now we rest.\"",
            &["direct|Olga Petrova|said|\"We won,\" // \"Now we rest.\"|Olga Petrova"],
        ),
        // A participle clause between subject and verb is an aside.
        (
            "Ms. Petrova, saying she would visit the port next week, urged the owners to keep it open.",
            &["indirect|Ms. Petrova|urged|the owners to keep it open|Petrova"],
        ),
        (
            "The minister, speaking in Oslo, said the deal was close.",
            &["indirect|The minister|said|the deal was close|The minister"],
        ),
        (
            "The lawsuit, filed in Zembla County, alleges the labels were false.",
            &["indirect|The lawsuit|alleges|the labels were false|The lawsuit"],
        ),
        (
            "And Kovac, nicknamed Charly, admitted: \"The cup is my dream.\"",
            &["direct|Kovac|admitted:|\"The cup is my dream.\"|Kovac"],
        ),
        // Headlines.
        (
            "Farquhar urges calm\nAnna Farquhar spoke on Monday.",
            &["indirect|Farquhar|urges|calm|Anna Farquhar"],
        ),
    ];
    for (text, want) in cases {
        let got = quotes(text);
        for w in *want {
            assert!(got.iter().any(|g| g == w), "{text:?}\n  wanted {w}\n  got {got:#?}");
        }
    }
}

/// Sentences and a fragment that none of their quotes may hold: readings
/// the patterns must not take.
#[test]
fn absent_table() {
    let cases: &[(&str, &str)] = &[
        // A plural noun after a conjunction is no cue.
        (
            "The union's plans and calls for reform were shelved on Monday.",
            "|calls",
        ),
        // After a noun "'s" owns, and the participle after it is an
        // adjective.
        (
            "Mr Clarke's proposed amendment will be debated by the Lords on Tuesday.",
            "|'s proposed|",
        ),
        (
            "The company's planned merger was blocked by regulators.",
            "|'s planned|",
        ),
        // A participle describing the noun before it is no cue; a poll's
        // participle after a name closes a relative clause.
        (
            "Three people briefed on the talks said the deal was close.",
            "|briefed on|",
        ),
        (
            "Many of the chairs that Zembla Daily interviewed predicted a win.",
            "|Zembla Daily interviewed|",
        ),
        // A coordinator right after a cue word joins it to nouns or verbs:
        // no report opens with one.
        ("Digital TV shows and CD roms sold well.", "|shows|"),
        (
            "He refused and within three weeks was told he would be sent away.",
            "|refused|",
        ),
        ("The business leaders surveyed say or estimate the costs.", "|say|"),
        // A programme named by its day is no time of a report: the phrase
        // before "show" is read whole.
        (
            "He is one half of the Thursday night show Bethan and Huw.",
            "|half of the|",
        ),
        // Content before its speaker is no phrase in apposition to it.
        (
            "Olga Petrova felt strongly about the zembling, Ivan Kovac said.",
            "|the zembling, Ivan Kovac|",
        ),
        // "asked about" names a topic, not a question.
        (
            "When asked about how the plan failed, Olga Petrova said nothing.",
            "asked|how",
        ),
        // A participle after a title hangs on the clause before it.
        (
            "The mayor trashed the plan on \"Morning Ivan,\" calling it a disgrace.",
            "|the plan on",
        ),
        // The words after a quotation that a cue reports are no speaker.
        (
            "The talks went on. Olga Petrova said “it hurts” every time she thinks of it.",
            "|every time she|",
        ),
        // "call" and a title name, and so does a participle of naming
        // after its noun, whatever the quotation.
        (
            "The talks went on. Olga Petrova is the head of a group called “the best minds of Zembla.”",
            "|called|",
        ),
        (
            "The talks went on. Olga Petrova wrote a book called “Work Hard” last year.",
            "|called|",
        ),
        // A place named inside a clause, before an occasion, is no subject.
        (
            "The mother of Ivan Kovac, who was killed in Aurora, Colorado, in July 2012, said the police were slow.",
            "|Colorado|",
        ),
        // A relative pronoun needs an antecedent; "which" a comma and the
        // active voice.
        ("I don't know who said the economy was fine.", "|who|"),
        (
            "The election, which is widely expected to be held in May, worries the party.",
            "|which|",
        ),
        ("He chose the plan which said nothing.", "|which|"),
        // The subject before a dashed aside opens its clause.
        (
            "The bill passed the Senate — barely — said a congressional aide.",
            "the Senate|",
        ),
        // A bare base form after a singular word heads a noun: no cue.
        (
            "Olga Petrova, vice chair of the mayor's election campaign, toured the port, telling workers, “We are with you.”",
            "|campaign|",
        ),
        // A closing mark after a word ends a scare quote, not a quotation.
        (
            "They promised to fix the \"broken\" campaign finance rules.",
            "|campaign|",
        ),
        // An object is no prepositional phrase; a credit line is no report.
        (
            "Those who voted for Olga Petrova back in the spring regret it.",
            "|back|",
        ),
        ("He paused, holding back tears.", "|back|"),
        // "Asked to" and "Asked about" report no question.
        ("Asked to leave, Olga Petrova refused.", "|Asked|"),
        ("Asked about the plan, Olga Petrova laughed.", "|Asked|"),
        // A verb of change before a quantity reports nothing.
        ("Zembla Bank added 5.3% to 740 yen.", "|added|"),
        ("Brent crude rose, adding $1.89 to $48.62 at the close.", "|adding|"),
        ("Exports declined 40 percent in the first half.", "|declined|"),
        (
            "(Additional reporting by Olga Petrova; editing by Pavel Novak)",
            "|reporting|",
        ),
        // A participle aside's content ends at its comma.
        (
            "\"We won,\" one official, requesting anonymity, said.",
            "anonymity, said",
        ),
        // The last items of a list are no subject of their own.
        (
            "Prices rose in Oslo, Bergen and analysts said the trend would hold.",
            "|Bergen and analysts|",
        ),
        // After a determiner or an ordinal an -ing form is a noun.
        (
            "The bill will now go to a third reading and be debated in the Lords.",
            "|reading|",
        ),
        // The subject of a passive hears or is spoken of: no source.
        ("The minister was told that the plan had failed.", "|The minister|"),
        ("The firm is expected to report a loss.", "|The firm|"),
        // A year alone is no source.
        ("Many who voted for Farquhar back in 2010 now regret it.", "|2010|"),
        // "went on" with no quotation or infinitive reports nothing.
        ("On Sunday, Farquhar went on the offensive.", "|went on|"),
    ];
    for (text, fragment) in cases {
        let got = quotes(text);
        assert!(
            got.iter().all(|q| !q.contains(fragment)),
            "{text:?}\n  no quote may hold {fragment}\n  got {got:#?}"
        );
    }
}

#[test]
fn scare_quotes_are_not_direct_quotes() {
    let got = quotes("Zebulon Farquhar said the dispute was a \"new battlefield\" for the region.");
    assert!(got.iter().all(|q| !q.starts_with("direct")), "{got:#?}");
}

#[test]
fn resolution_table() {
    // (text, speaker names of the quotes in text order)
    let cases: &[(&str, &[&str])] = &[
        // Pronouns go to the most recent compatible subject.
        (
            "Anna Kowalski met the press. She said the plan was sound.",
            &["Anna Kowalski"],
        ),
        (
            "Anna Kowalski met Pavel Novak. Novak said the deal was close. She said it was not.",
            &["Pavel Novak", "Anna Kowalski"],
        ),
        // Descriptions go to the person they described.
        (
            "Senior diplomat Li Wei arrived in Oslo. The senior diplomat said talks would resume.",
            &["Li Wei"],
        ),
        (
            "Finance Minister Ruth Adeyemi spoke first. The minister said the budget was balanced.",
            &["Ruth Adeyemi"],
        ),
        // "The former X" is someone called a former X, or else the subject
        // the story was just about, not whoever is an X now.
        (
            "Former Mayor Olga Petrova toured the port. Pavel Novak met her there. The former mayor said the talks went well.",
            &["Olga Petrova"],
        ),
        (
            "Prosecutor Daniel Lind asked for ten years. Harold Brenner, the defence lawyer, argued for five. The former prosecutor urged the judge to be lenient.",
            &["Daniel Lind", "Harold Brenner", "Harold Brenner"],
        ),
        (
            "Mayor Ann Lee, who succeeded former mayor Bob Hart, spoke first. Ann Lee met Pavel Novak. The former mayor said the vote was fair.",
            &["Bob Hart"],
        ),
        // A joint source is a group, not its first person.
        (
            "Olga Petrova and her lawyers said the ruling was unfair.",
            &["Olga Petrova and her lawyers"],
        ),
        // Groups and organisations keep their name, with no person.
        ("Participants agreed to meet again in June.", &["Participants"]),
        // A name before a noun modifies it: the campaign, the supporters
        // or the lawyer speak, not the person named.
        (
            "Olga Petrova arrived. The Petrova campaign said the vote was fair. A Petrova lawyer said it was not.",
            &["The Petrova campaign", "A Petrova lawyer"],
        ),
        // Someone's spokesman is not the subject they speak for; a plural
        // office is a group; the head comes before a preposition.
        (
            "Olga Petrova toured the port. Her spokesman said the tour went well. The company's top executives said sales rose. Press reports in Zembla said talks failed.",
            &[
                "Her spokesman",
                "The company's top executives",
                "Press reports in Zembla",
            ],
        ),
        // A country speaks for itself, and a spokesman for someone else,
        // never for the person the story was about.
        (
            "Olga Petrova visited Zembla. The United States said the visit was useful. The spokesman said it was short.",
            &["The United States", "The spokesman"],
        ),
        // An organisation's officer may be the subject; someone's lawyer
        // is not the one he works for.
        (
            "Olga Petrova was angry after the defeat. The club's manager said the referee was wrong.",
            &["Olga Petrova"],
        ),
        (
            "Pavel Novak was arrested. His lawyer said the charge was false.",
            &["His lawyer"],
        ),
        // Right after a speaker whose gender no list knows, "he" is his.
        (
            "\"Rates will rise,\" said Pavel Novak, an economist at Zembla Bank. \"The Fed is cautious,\" said Sung Won Sohn, chief economist for Wells Fargo. \"The economy is better,\" he added.",
            &["Pavel Novak", "Sung Won Sohn", "Sung Won Sohn"],
        ),
        // A title in apposition without its comma keeps the name.
        (
            "\"HD is mandatory,\" said Dr Ivan Dobrev games director at THX.",
            &["Ivan Dobrev"],
        ),
        // A name in apposition after its titles; letters after a name.
        (
            "Its chairman, Sir Zebulon Farquhar, said profits rose. Pavel Novak MP said they fell.",
            &["Zebulon Farquhar", "Pavel Novak"],
        ),
        // "who" speaks for its antecedent, a person or not; a name after
        // a verb or before an age is the antecedent by itself.
        (
            "Shares fell as investors, who thought the offer was cheap, sold. The move angered the mayor, who argued that it was unfair.",
            &["investors", "the mayor"],
        ),
        (
            "Critics include Zorvan, who says the deal is unfair. It angered Quorvex, 49, who told reporters it was a mistake.",
            &["Zorvan", "Quorvex"],
        ),
        // A post in a description is not that of a subject who holds
        // another ("Mayor Livingstone" is not "the prime minister"); a
        // title of rank is no post, and "Rep." is a congressman.
        (
            "Mayor Ken Livingstone was angry. The prime minister said the row must end.",
            &["The prime minister"],
        ),
        (
            "Lord Goldsmith spoke. The attorney general said the war was legal. Rep. Marcus Bell spoke next. \"We agree,\" the congressman said.",
            &["Goldsmith", "Marcus Bell"],
        ),
        // "It" speaks for the organisation or document that spoke last,
        // not for a plural, nor past a sentence about another name, nor
        // as the dummy subject of "it is expected".
        (
            "The Zembla Media Council said the play would not go ahead. It said the production could proceed.",
            &["The Zembla Media Council", "The Zembla Media Council"],
        ),
        ("Analysts said sales were weak. It said nothing.", &["Analysts", ""]),
        (
            "Quorvex said sales rose. Zembla Motors also made announcements. It said prices would fall.",
            &["Quorvex", ""],
        ),
        (
            "Quorvex said sales rose. \"We all want progress by next season.\" It is expected Zembla Motors will bid.",
            &["Quorvex", "", ""],
        ),
        // "The company" speaks for the organisation that spoke last by its
        // name, not for a post's holder, people or "the government".
        (
            "Quorvex Motors said sales rose. The company said prices would fall.",
            &["Quorvex Motors", "Quorvex Motors"],
        ),
        (
            "Quorvex chairman Olga Petrova said sales rose. The company said prices would fall.",
            &["Olga Petrova", "The company"],
        ),
        (
            "MPs said the bill was flawed. The group said it would vote against it.",
            &["MPs", "The group"],
        ),
        (
            "Quorvex said sales rose. The government said prices would fall.",
            &["Quorvex", "The government"],
        ),
        (
            "Quorvex said sales rose. Zembla Motors also made announcements. The firm said prices would fall.",
            &["Quorvex", "The firm"],
        ),
        // Floating quotations continue the previous speaker.
        (
            "\"We will appeal,\" said Zebulon Farquhar.\n\"The ruling ignores the evidence and the law.\"",
            &["Zebulon Farquhar", "Zebulon Farquhar"],
        ),
    ];
    for (text, want) in cases {
        let r = extract(text);
        let got: Vec<&str> = r
            .quotes
            .iter()
            .map(|q| q.speaker_name.as_deref().unwrap_or(""))
            .collect();
        assert_eq!(got, *want, "{text:?}: {:#?}", quotes(text));
        for q in &r.quotes {
            let named = q.speaker.is_some();
            let person = r.people.iter().any(|p| Some(&p.id) == q.speaker.as_ref());
            assert_eq!(named, person, "speaker ids point into people: {text:?}");
        }
    }
}

#[test]
fn confidence_ranks_named_above_guessed() {
    let r = extract("\"We will appeal,\" said Zebulon Farquhar.\n\"The ruling ignores the evidence and the law.\"");
    assert_eq!(r.quotes.len(), 2);
    assert!(r.quotes[0].confidence > r.quotes[1].confidence, "{:?}", r.quotes);
    assert!(r.quotes.iter().all(|q| (0.0..=1.0).contains(&q.confidence)));
}

#[test]
fn multi_paragraph_quotations_are_one_quote() {
    let text = "Zebulon Farquhar said: \"We began in spring and we worked all year.\n\"Then the money ran out and the project stopped.\"";
    let r = extract(text);
    let direct: Vec<_> = r.quotes.iter().filter(|q| q.kind == QuoteKind::Direct).collect();
    assert_eq!(direct.len(), 1, "{:#?}", r.quotes);
    assert_eq!(direct[0].content.len(), 2);
}

#[test]
fn unbalanced_marks_warn_and_never_fail() {
    let r = extract("Zebulon Farquhar said \"this never ends.\nAnd then a stray ” mark.");
    assert!(
        r.warnings.iter().any(|w| w.contains("unbalanced quote mark")),
        "{:?}",
        r.warnings
    );
}

#[test]
fn cue_classes_can_be_narrowed() {
    let speech_only = Pipeline::builder().cue_classes(&[CueClass::Speech]).build().unwrap();
    let text = "Analysts believe that prices will rise. Zebulon Farquhar said that they would not.";
    let r = speech_only.extract(&Article::new("t", text));
    assert!(r.quotes.iter().all(|q| q.class == CueClass::Speech));
    assert_eq!(r.quotes.len(), 1);
    let all = extract(text);
    assert!(all.quotes.iter().any(|q| q.class == CueClass::Thought));
}

#[test]
fn boilerplate_quotes_are_ignored() {
    let text = "Zebulon Farquhar said that talks went well on Monday in the capital city.\nIt was a long day for the delegation, which flew home on Tuesday evening.\nPhotos\nRelated Stories\n- Minister says reform will come soon";
    let r = extract(text);
    assert_eq!(r.quotes.len(), 1, "{:#?}", r.quotes);
}

/// Inputs that once crashed extraction or gave an invalid record, found by
/// the fuzz targets (fuzz/) and the property tests (tests/properties.rs),
/// minimised. Each must give a record that passes `Record::validate`.
#[test]
fn crash_regressions() {
    let cases: &[(&str, &str)] = &[
        (
            ", saying that ,",
            "a participle clause ending the text left no token for its subject",
        ),
        (
            "Saying",
            "a participle cue ending the text was read past the last token",
        ),
        (
            "Noting",
            "a participle cue ending the text was read past the last token",
        ),
        (
            "The senator called on",
            "a cue and its particle ending the text were read past the last token",
        ),
        (
            "He warned against",
            "a cue and its particle ending the text were read past the last token",
        ),
    ];
    for (text, what) in cases {
        let record = extract(text);
        assert_eq!(record.validate(text), Ok(()), "{what}: {text:?}");
    }
}

/// The content of a cue stops a thousand tokens on in a sentence that does
/// not end, and between its neighbours in a sentence of cues: each cue of
/// such a text took the rest of it, in time and in the record's size the
/// square of the text's length.
#[test]
fn contents_stay_bounded_in_endless_and_cue_dense_sentences() {
    let content_chars = |text: &str| {
        let record = extract(text);
        assert_eq!(record.validate(text), Ok(()));
        let lengths: Vec<usize> = record
            .quotes
            .iter()
            .flat_map(|q| &q.content)
            .map(|c| c.end - c.start)
            .collect();
        assert!(!lengths.is_empty(), "no content in {:.40}...", text);
        lengths
    };
    let endless = format!("Wang said {}", "word ".repeat(3000));
    let longest = content_chars(&endless).into_iter().max().unwrap_or(0);
    assert!((4000..=5000).contains(&longest), "{longest} characters");
    let fronted = format!("{}, Wang said.", "word ".repeat(3000).trim_end());
    let longest = content_chars(&fronted).into_iter().max().unwrap_or(0);
    assert!((4000..=5000).contains(&longest), "{longest} characters before the cue");
    // 200 cues in one sentence: together the contents hold about the text
    // once, where each running on to the end held the rest of it.
    let dense = "Wang said ".repeat(200);
    let total: usize = content_chars(&dense).into_iter().sum();
    assert!(total <= dense.len(), "{total} characters of content in {}", dense.len());
}

/// The closed classes and speaker nouns the quote patterns read from the
/// lexicon's flags must be what the word lists say, for every token: list
/// words in any case, with curly apostrophes and accents, long words.
#[test]
fn lexicon_flags_agree_with_the_word_lists() {
    use crate::entities::{BARRIERS, DETERMINERS, PRONOUNS, QUANTITIES};

    let gaz = crate::gazetteer::Gazetteers::bundled().unwrap();
    let cased = |w: &str| {
        let mut chars = w.chars();
        let title: String = chars
            .next()
            .into_iter()
            .flat_map(char::to_uppercase)
            .chain(chars)
            .collect();
        [w.to_string(), w.to_uppercase(), title]
    };
    let mut words: Vec<String> = Vec::new();
    for w in [PRONOUNS, DETERMINERS, BARRIERS, QUANTITIES].concat() {
        words.extend(cased(w));
    }
    for n in gaz.nouns.keys() {
        words.extend(cased(n));
    }
    words.extend(
        [
            "it’s",
            "HE’S",
            "Ĳssel",
            "Kelvin\u{212a}",
            "attaché",
            "ATTACHÉ",
            "spokespersonsspokespersons",
            "x",
        ]
        .map(String::from),
    );
    let text = words.join(" ");
    with_bare_ctx(&gaz, &text, |ctx| {
        for i in 0..ctx.seg.tokens.len() {
            let w = ctx.word(i);
            let closed = super::phrases::closed_classes(w);
            assert_eq!(ctx.word_class(i), closed, "{w:?}");
            let noun = crate::text::with_lower(w, |lw| gaz.nouns.contains_key(lw));
            assert_eq!(ctx.is_noun(i), noun, "{w:?}");
        }
    });
}

/// Runs `check` on the quote context of `text`, tagged but with no quotes
/// or cues: the per-token questions the quote patterns ask, on their own.
fn with_bare_ctx(gaz: &crate::gazetteer::Gazetteers, text: &str, check: impl FnOnce(&super::QCtx)) {
    use crate::entities::{EntityTagger, NONE};
    use crate::segment::Segmentation;

    let seg = Segmentation::new(text);
    let tagger = EntityTagger::new(gaz).unwrap();
    let tagged = tagger.tag(text, &seg, gaz, &mut crate::entities::TagBuffers::default());
    let n = seg.tokens.len();
    check(&super::QCtx {
        text,
        seg: &seg,
        tagged: &tagged,
        gaz,
        quotes: Vec::new(),
        quote_of: vec![NONE; n],
        mention_of: vec![NONE; n],
        cue_at: vec![NONE; n],
        hits: Vec::new(),
        boilerplate: text.len(),
    });
}

/// Weekdays and months are read only from tokens the lexicon flags as
/// calendar words (or whose flags do not answer): every one must carry
/// the flag, in any case.
#[test]
fn weekdays_and_months_are_calendar_words() {
    use crate::entities::flag;

    let gaz = crate::gazetteer::Gazetteers::bundled().unwrap();
    let names = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let text = names
        .iter()
        .flat_map(|w| [w.to_string(), w.to_uppercase(), w[..1].to_uppercase() + &w[1..]])
        .collect::<Vec<_>>()
        .join(" ");
    with_bare_ctx(&gaz, &text, |ctx| {
        let n = ctx.seg.tokens.len();
        assert_eq!(n, names.len() * 3);
        for i in 0..n {
            assert!(ctx.listed(i, flag::CALENDAR, |_| false), "{:?}", ctx.word(i));
        }
    });
}
