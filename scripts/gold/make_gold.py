#!/usr/bin/env python3
"""Build <name>.gold.json for every article in SPECS from a compact hand-written spec.

Span markers: a string that occurs in the article, with the span itself in {braces};
text outside the braces is context that makes the match unique.  Inside the braces
"~~" means "skip to": {A~~B} starts at A and ends at the first B(+right context) after it.
A leading "@N:" picks the N-th (0-based) occurrence instead of demanding a unique match.
Every located span is asserted to equal text[start:end].
"""
import json, os, re, sys

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "fixtures", "gold")
OFFSETS = "Unicode code points, end-exclusive (Python str slicing)"


def locate(text, marker):
    occ = None
    m = re.match(r"@(\d+):", marker)
    if m:
        occ = int(m.group(1)); marker = marker[m.end():]
    assert marker.count("{") == 1 and marker.count("}") == 1, marker
    pre, rest = marker.split("{", 1)
    inner, post = rest.split("}", 1)
    if "~~" in inner:
        a, b = inner.split("~~")
        key = pre + a
    else:
        a, b = inner, None
        key = pre + inner + post
    idxs = [m.start() for m in re.finditer(re.escape(key), text)]
    if occ is None:
        assert len(idxs) == 1, f"marker not unique/absent ({len(idxs)}): {marker!r}"
        i = idxs[0]
    else:
        i = idxs[occ]
    start = i + len(pre)
    if b is None:
        end = start + len(inner)
    else:
        j = text.find(b + post, start + len(a))
        assert j >= 0, f"gap end not found: {marker!r}"
        end = j + len(b)
    s = text[start:end]
    if b is None:
        assert s == inner, (s, inner)
    return {"start": start, "end": end, "text": s}


def P(name, country, surface_forms, offices=(), descriptions=()):
    return {"name": name, "country": country, "surface_forms": list(surface_forms),
            "offices": list(offices), "descriptions": list(descriptions)}


def Q(speaker, kind, required, source, cue, content):
    return dict(speaker=speaker, kind=kind, required=required, source=source, cue=cue, content=content)


T, F = True, False
SPECS = {}

# ---------------------------------------------------------------- 1 wire
VL, KR, DR, VO, BO = "Joost van Leeuwen", "Annelies Kramer", "Pieter Draaisma", "Katrin Vogel", "Rik Boersma"
SPECS["wire-port-strike"] = dict(
    people=[
        P(VL, "NL", ["Joost van Leeuwen", "Van Leeuwen"], ["chairman of the Havenbond union"]),
        P(KR, "NL", ["Annelies Kramer", "Kramer"], ["chief executive of Maasvlakte Terminal Group"]),
        P(DR, "NL", ["Pieter Draaisma", "Draaisma"], ["Economy Minister"]),
        P(VO, "DE", ["Katrin Vogel", "Vogel"], ["head of the Rhine-Ruhr Freight Association"]),
        P(BO, "NL", ["Rik Boersma"], ["spokesman for the port authority"]),
    ],
    not_people=["ROTTERDAM", "Rotterdam", "Europe", "Havenbond", "Maasvlakte Terminal Group", "Antwerp",
                "Hamburg", "The Hague", "Analysts", "Rhine-Ruhr Freight Association", "Duisburg", "Dortmund",
                "Antwerp-Bruges", "Talks"],
    countries={"NL": ["Dutch"], "BE": ["Belgium"], "DE": ["Germany"]},
    offices=["chairman of the Havenbond union", "chief executive of Maasvlakte Terminal Group", "Economy Minister",
             "head of the Rhine-Ruhr Freight Association", "spokesman for the port authority"],
    boilerplate=None,
    quotes=[
        Q(None, "indirect", T, "{union leaders} said on", "union leaders {said} on", "{Dockworkers at Europe's~~without agreement},"),
        Q(VL, "direct", T, "said {Joost van Leeuwen}", "door,\" {said} Joost", "\"{We came to the table with a serious offer and we were shown the door},\""),
        Q(VL, "direct", T, "said {Joost van Leeuwen}", "door,\" {said} Joost", "\"{The operators want robots on the quay and our members on the street.}\""),
        Q(VL, "indirect", T, "{Van Leeuwen}, 61", "61, {said} the union", "said {the union would not return~~by 2027}."),
        Q(KR, "indirect", T, "{Annelies Kramer}, chief", "operators, {denied} that", "denied {that the company intended to cut jobs}."),
        Q(KR, "mixed", T, "{She} told reporters in Rotterdam", "She {told} reporters in Rotterdam", "Rotterdam {that automation was~~would be dismissed}."),
        Q(KR, "direct", T, "\" {Kramer} said", "Kramer {said}. \"But", "\"{Nobody loses a contract because of a crane},\""),
        Q(KR, "direct", T, "\" {Kramer} said", "Kramer {said}. \"But", "\"{But if we stand still~~everybody loses.}\""),
        Q(None, "indirect", T, "according to {the economy ministry}", "{according to} the economy ministry", "{The strike is costing~~a day}, according"),
        Q(None, "indirect", F, "ministry, {which} said", "which {said} it was", "which said {it was monitoring supplies of medicines and fresh food}."),
        Q(DR, "indirect", T, "{Economy Minister Pieter Draaisma}", "Draaisma {urged}", "urged {both sides to accept mediation}."),
        Q(DR, "direct", T, "\" {he} said in a statement", "he {said} in a statement", "\"{This is not a fight that anybody wins by waiting},\""),
        Q(DR, "direct", T, "\" {he} said in a statement", "he {said} in a statement", "\"{I expect the parties back at the table before the weekend.}\""),
        Q(DR, "indirect", T, "{Draaisma} said later", "Draaisma {said} later", "{Talks could resume~~is appointed}, Draaisma"),
        Q(None, "indirect", T, "{Analysts} said the disruption", "Analysts {said} the disruption", "said {the disruption could~~heavily on Rotterdam}."),
        Q(VO, "indirect", T, "{Katrin Vogel}", "Association, {said} her", "said {her members were already~~per container}."),
        Q(VO, "direct", T, "\" {Vogel} said", "Vogel {said}.", "\"{Every day this goes on~~Dortmund},\""),
        Q(BO, "indirect", T, "said {Rik Boersma}", "weekend, {said} Rik", "{Around 20 vessels~~since the weekend}, said"),
        Q(BO, "mixed", T, "{He} said the backlog", "He {said} the backlog", "said {the backlog would take~~work resumed}."),
        Q(VL, "mixed", T, "{Van Leeuwen} said the union's", "Van Leeuwen {said} the union's", "said {the union's strike fund~~\"many weeks\"}, adding"),
        Q(VL, "direct", T, "{Van Leeuwen} said the union's", "{adding}: \"We", "adding: \"{We are not in a hurry. They are.}\""),
    ])

# ---------------------------------------------------------------- 2 UK politics
TH, MA, FA, SH, OK = "Edward Thorne", "Helen Marsh", "Giles Fairbairn", "Priya Shah", "Daisy Okafor"
SPECS["uk-childcare-row"] = dict(
    people=[
        P(TH, "GB", ["Edward Thorne", "Thorne"], ["Tory leader"], ["the Tory leader"]),
        P(MA, "GB", ["Helen Marsh", "Marsh"], ["chancellor"], ["the chancellor"]),
        P(FA, "GB", ["Giles Fairbairn", "Fairbairn"], ["shadow chancellor"], ["the shadow chancellor"]),
        P(SH, "GB", ["Priya Shah", "Shah"], ["Labour MP for Keighley West", "Labour MP"], ["the Labour MP"]),
        P(OK, "GB", ["Daisy Okafor"], ["Liberal Democrat Treasury spokeswoman"], ["The Liberal Democrat Treasury spokeswoman"]),
    ],
    not_people=["Tory", "Labour", "Commons", "Parliament", "NHS", "Leeds", "Conservatives", "Treasury",
                "Keighley West", "Downing Street", "Liberal Democrat", "House", "MPs", "Parents"],
    countries={"GB": ["British"]},
    offices=["Tory leader", "chancellor", "shadow chancellor", "Labour MP for Keighley West", "Labour MP",
             "Labour MPs", "ministers", "Downing Street spokesman", "prime minister",
             "Liberal Democrat Treasury spokeswoman", "Labour whips", "MPs"],
    boilerplate=None,
    quotes=[
        Q(TH, "mixed", F, "{Tory leader} accuses", "Tory leader {accuses}", "accuses {chancellor of ‘raiding’ childcare fund} as"),
        Q(TH, "mixed", T, "{Edward Thorne} has", "has {accused} the", "accused {the chancellor of “quietly raiding”~~childcare places},"),
        Q(TH, "indirect", T, "Wednesday, {the Tory leader} said", "the Tory leader {said} Helen", "said {Helen Marsh had moved~~telling Parliament}."),
        Q(TH, "direct", T, "” {Mr Thorne} told", "Mr Thorne {told} MPs", "“{Parents were promised 30 hours. What they are getting is a shell game},”"),
        Q(TH, "direct", T, "” {Mr Thorne} told", "Mr Thorne {told} MPs", "“{The chancellor should come~~money has gone.}”"),
        Q(MA, "indirect", T, "{Ms Marsh} denied", "Ms Marsh {denied}", "denied {that any funding had been cut}."),
        Q(MA, "mixed", T, "Leeds, {she} said", "Leeds, she {said} the money", "she said {the money had been “reprofiled”~~the scheme next year}."),
        Q(MA, "direct", T, "{She} said: “Not", "She {said}: “Not", "said: “{Not a single British family~~finishing the job.}”"),
        Q(FA, "indirect", T, "But {the shadow chancellor, Giles Fairbairn}", "Fairbairn, {said} the Treasury", "said {the Treasury’s own figures showed the opposite}."),
        Q(FA, "mixed", T, "{Mr Fairbairn} said", "Mr Fairbairn {said}", "Mr Fairbairn said {the chancellor had “been caught~~piggy bank”}."),
        Q(SH, "mixed", T, "{Priya Shah}, the", "West, {said} she had", "said {she had received “hundreds” of emails from worried parents},"),
        Q(SH, "indirect", T, "{Priya Shah}, the", "and {called} for the Treasury", "called for {the Treasury to publish~~next month’s vote}."),
        Q(SH, "direct", T, "” {the Labour MP} said", "the Labour MP {said}. “I am", "“{I was elected on a promise to make childcare affordable},”"),
        Q(SH, "direct", T, "” {the Labour MP} said", "the Labour MP {said}. “I am", "“{I am not going to walk~~my constituents.}”"),
        Q(SH, "direct", T, None, None, "“{Parents in my constituency~~place in September.}”"),
        Q(None, "mixed", F, "signed {a letter} urging", "a letter {urging}", "urging {ministers to “pause and rethink” the changes}."),
        Q(None, "mixed", T, "{A Downing Street spokesman}", "spokesman {said} the prime", "spokesman said {the prime minister had~~would not change}."),
        Q(None, "direct", T, "themselves,” {he} said", "themselves,” he {said}", "“{The numbers speak for themselves},”"),
        Q(OK, "mixed", T, "{The Liberal Democrat Treasury spokeswoman, Daisy Okafor}", "Okafor, {said} both", "said {both main parties had “failed parents”} and"),
        Q(OK, "indirect", T, "{The Liberal Democrat Treasury spokeswoman, Daisy Okafor}", "and {urged} the government to set", "urged {the government to set up an independent review of nursery funding}."),
        Q(None, "indirect", F, "{Labour whips}", "privately {acknowledged}", "{The row is the most serious~~own backbenchers}, Labour whips"),
        Q(TH, "direct", T, "rebellion, {the Tory leader} said", "rebellion, the Tory leader {said}", "said: “{If Labour MPs want to vote for parents, our door is open.}”"),
    ])

# ---------------------------------------------------------------- 3 US politics
WF, CS, HE, BE, WL, RU = "Laura Whitfield", "Tom Castellano", "Dale Henning", "Marcus Bell", "Dana Whitlock", "Elena Ruiz"
SPECS["us-great-lakes-bill"] = dict(
    people=[
        P(WF, "US", ["Laura Whitfield", "Whitfield"], ["Sen."], ["a Democrat from Ohio who wrote the measure", "a senator from Cleveland"]),
        P(CS, "US", ["Tom Castellano", "Castellano"], ["Sen."], ["a Republican from Wisconsin"]),
        P(HE, "US", ["Dale Henning", "Henning"], ["Gov."], ["who leads a group of Midwestern Republican governors"]),
        P(BE, "US", ["Marcus Bell", "Bell"], ["Rep."], ["the congressman"]),
        P(WL, "US", ["Dana Whitlock"], ["Press secretary"]),
        P(RU, "US", ["Elena Ruiz"], ["Rep."], ["a Democrat from Arizona"]),
    ],
    not_people=["Senate", "Democrats", "GOP", "Great Lakes", "WASHINGTON", "West", "Republican", "Democrat",
                "Ohio", "Capitol", "Wisconsin", "Environment and Public Works Committee", "Indiana", "Midwestern",
                "Washington", "Hoosiers", "Cleveland", "R-Mich.", "Lake Huron", "White House", "Arizona",
                "Phoenix", "Lake Michigan", "August"],
    countries={"US": ["Americans", "U.S."], "CA": ["Canadian"]},
    offices=["Sen.", "Gov.", "Rep.", "Press secretary", "congressman", "senator", "Republican governors", "governors"],
    boilerplate=None,
    quotes=[
        Q(None, "indirect", T, "{Republican governors} warned", "governors {warned}", "warned {it would trample on states' rights}."),
        Q(WF, "mixed", T, "{Sen. Laura Whitfield}", "measure, {said} it was", "said {it was needed to protect~~in the desert}."),
        Q(WF, "direct", T, "\" {Whitfield} told", "Whitfield {told}", "\"{This is not about politics.~~next to them},\""),
        Q(CS, "indirect", T, "{Castellano} said the legislation", "Castellano {said} the legislation", "said {the legislation simply~~signed in 2005}."),
        Q(CS, "direct", T, "war,\" {he} said", "war,\" he {said}", "\"{We're closing a loophole, not starting a war},\""),
        Q(CS, "indirect", T, "floor, {Castellano} said", "floor, Castellano {said}", "{The measure is likely~~Senate floor}, Castellano"),
        Q(HE, "indirect", T, "{Gov. Dale Henning}", "governors, {said} the bill", "said {the bill would hand~~state capitals}."),
        Q(HE, "direct", T, "\" {Henning} said", "Henning {said} in a statement", "\"{Hoosiers don't need~~their own water},\""),
        Q(HE, "direct", T, "\" {Henning} said", "Henning {said} in a statement", "\"{Indiana will go to court if we have to.}\""),
        Q(BE, "indirect", T, "{Rep. Marcus Bell}", "Huron, {said} he", "said {he supported the bill but wanted an exemption for farmers}."),
        Q(BE, "indirect", T, "According to {Bell}", "{According to} Bell", "Bell, {roughly a third~~feeds the lakes}."),
        Q(BE, "direct", T, "\" {the congressman} said", "the congressman {said}", "\"{I'm for the lakes and I'm for the farmers},\""),
        Q(WL, "mixed", T, "{Press secretary Dana Whitlock}", "Whitlock {told}", "told reporters {the administration was~~from both parties}."),
        Q(None, "indirect", T, "{Arizona officials}", "have long {denied}", "denied {any plans to pipe water from the Great Lakes}."),
        Q(RU, "direct", T, "said {Rep. Elena Ruiz}", "Michigan,\" {said} Rep.", "\"{Nobody in Phoenix is building a pipeline to Lake Michigan},\""),
        Q(RU, "direct", T, "said {Rep. Elena Ruiz}", "Michigan,\" {said} Rep.", "\"{This bill is a solution in search of a problem.}\""),
        Q(WF, "indirect", T, "{Whitfield} said she", "Whitfield {said} she", "said {she expected a committee vote before the August recess},"),
        Q(WF, "mixed", T, "{Whitfield} said she", "{calling} the bill", "calling {the bill \"the most important~~for the region}."),
    ])

# ---------------------------------------------------------------- 4 business
LQ, ME, HR, CH = "Rebecca Lindqvist", "Arjun Mehta", "Tomás Herrera", "Wen-Li Chou"
SPECS["biz-norvance-earnings"] = dict(
    people=[
        P(LQ, "SE", ["Rebecca Lindqvist", "Lindqvist"], ["CEO", "Chief executive"], ["The 49-year-old Swede"]),
        P(ME, None, ["Arjun Mehta", "Mehta"], ["chief financial officer"]),
        P(HR, None, ["Tomás Herrera"], ["analyst"], ["an analyst at Castlegate Securities"]),
        P(CH, None, ["Wen-Li Chou", "Chou"], [], []),
    ],
    not_people=["Norvance", "Norvance Semiconductor", "Arizona", "Hsinchu", "Castlegate Securities",
                "Harbourline Capital", "Analysts", "Others", "Rivals", "Related stories", "Chipmakers", "AI",
                "Advertisement", "The Market Ledger", "First-quarter"],
    countries={"US": ["US"], "SE": ["Swede"], "TW": ["Taiwan"], "KR": ["South Korea"]},
    offices=["CEO", "Chief executive", "chief financial officer", "analyst"],
    boilerplate=dict(marker="{Related stories}",
                     note="from 'Related stories' on: related-story headlines (two with 'says'/'say' cues, which are not quotes), advert slot and copyright line"),
    quotes=[
        Q(LQ, "mixed", F, "{CEO} warns", "CEO {warns}", "warns {of ‘digestion’ year}"),
        Q(None, "indirect", F, "after {the chipmaker} forecast", "the chipmaker {forecast}", "forecast {weaker-than-expected revenue for the current quarter},"),
        Q(None, "indirect", T, "after {the chipmaker} forecast", "quarter, {saying}", "saying {that customers building~~glut of inventory}."),
        Q(None, "indirect", T, "{The company} said it expected", "The company {said}", "The company said {it expected revenue~~analysts had expected}."),
        Q(LQ, "indirect", T, "{Chief executive Rebecca Lindqvist}", "Lindqvist {told}", "call {that the slowdown was temporary}."),
        Q(LQ, "direct", T, "downturn,” {she} said", "downturn,” she {said}", "“{What we are seeing is a digestion year, not a downturn},”"),
        Q(LQ, "direct", T, "downturn,” {she} said", "downturn,” she {said}", "“{Our customers bought~~capacity to work.}”"),
        Q(LQ, "direct", T, "{Ms Lindqvist}", "Ms Lindqvist {added}", "“{We have been here before},”"),
        Q(LQ, "indirect", T, "{The 49-year-old Swede}", "division, {said} Norvance", "said {Norvance would keep spending~~the softer outlook}."),
        Q(ME, "indirect", T, "said {Arjun Mehta}", "held up, {said} Arjun", "{The weakness was concentrated~~held up}, said"),
        Q(ME, "indirect", T, "{He} said gross", "He {said} gross", "He said {gross margins would~~below capacity}."),
        Q(ME, "indirect", T, "{Mr Mehta} denied", "Mr Mehta {denied}", "denied {that the company was considering layoffs},"),
        Q(ME, "mixed", T, "{Mr Mehta} denied", "but {said} hiring", "but said {hiring would be “very selective” for the rest of the year}."),
        Q(None, "indirect", T, "{Analysts} said the guidance", "Analysts {said} the guidance", "said {the guidance confirmed~~a slower phase}."),
        Q(HR, "direct", T, "said {Tomás Herrera}", "happening,” {said}", "“{The bull case assumed~~clearly not happening},”"),
        Q(CH, "mixed", T, "{Wen-Li Chou}", "Capital {said}", "Capital said {the sell-off was “overdone”} and"),
        Q(CH, "indirect", T, "{Wen-Li Chou}", "and {noted}", "noted {that Norvance had beaten~~six straight quarters}."),
        Q(CH, "indirect", T, "According to {Chou}", "{According to} Chou", "Chou, {the company’s order backlog~~of sales}."),
        Q(None, "indirect", F, "{Rivals in South Korea}", "have {reported}", "reported {a similar slowdown in recent weeks}."),
        Q(None, "indirect", T, "\n\n{Norvance}, which employs", "worldwide, {said}", "said {it would buy back a further $1bn of its shares}."),
    ])

# ---------------------------------------------------------------- 5 sport
MU, RE, PE, AD = "Jonny Mulgrew", "Luis Reyes", "Gary Pendle", "Tom Adeyemi"
SPECS["sport-wexley-semifinal"] = dict(
    people=[
        P(MU, None, ["Jonny Mulgrew", "Mulgrew"], [], ["the striker", "The striker", "The 24-year-old"]),
        P(RE, "ES", ["Luis Reyes", "Reyes"], ["head coach"], ["The Spaniard", "the gaffer"]),
        P(PE, None, ["Gary Pendle", "Pendle"], ["manager", "boss"]),
        P(AD, "GB", ["Tom Adeyemi"], ["captain"], ["a former England under-21 midfielder"]),
        P("Danny Ford", None, ["Danny Ford"]),
    ],
    not_people=["Wexley", "Wexley Athletic", "Castlebridge", "Dundalk Harbour", "Wembley", "Northam City",
                "More on this story", "Share this article", "Related Topics", "Football"],
    countries={"ES": ["Spaniard"], "IE": ["Irish"], "GB": ["England"]},
    offices=["head coach", "manager", "captain", "boss"],
    boilerplate=dict(marker="{More on this story}",
                     note="from 'More on this story' on: related links (one is a headline quote 'Pendle: ...', not gold), share/topic furniture"),
    quotes=[
        Q(RE, "mixed", F, "as {Reyes} hails", "Reyes {hails}", "hails {'special' night}"),
        Q(RE, "mixed", T, "{Wexley head coach Luis Reyes}", "Reyes {admitted}", "admitted {his side had been \"second best for an hour\"}."),
        Q(RE, "direct", T, "\" {Reyes} said", "Reyes {said}. \"The", "\"{At half-time I told them we had nothing to lose},\""),
        Q(RE, "direct", T, "\" {Reyes} said", "Reyes {said}. \"The", "\"{The crowd did the rest.~~of my career.}\""),
        Q(RE, "indirect", T, "{The Spaniard}", "47, {said}", "said {he had considered substituting Mulgrew before the striker's first goal},"),
        Q(MU, "direct", T, "\" {Mulgrew} said, laughing", "Mulgrew {said}, laughing", "\"{I honestly thought the gaffer was going to take me off},\""),
        Q(MU, "direct", T, "\" {Mulgrew} said, laughing", "Mulgrew {said}, laughing", "\"{I'd barely touched the ball.~~I got two.}\""),
        Q(MU, "direct", T, None, None, "\"{Every kid in this town~~mum and dad.}\""),
        Q(MU, "indirect", T, "{The 24-year-old}", "summer, {said}", "said {he would dedicate the goals to his late grandfather}."),
        Q(PE, "mixed", T, "{He} told reporters", "He {told} reporters", "told reporters {his players had \"switched off\" at set pieces} and"),
        Q(PE, "mixed", T, "{He} told reporters", "and {called} the defeat", "called {the defeat \"the most painful\" of his three seasons in charge}."),
        Q(PE, "indirect", T, "{Pendle} also denied", "Pendle also {denied}", "denied {that he had lost~~in five games}."),
        Q(PE, "direct", T, "other,\" {he} said", "other,\" he {said}", "\"{I've got a group of lads who run through walls for each other},\""),
        Q(AD, "mixed", T, "{Wexley captain Tom Adeyemi}", "midfielder, {urged}", "urged {supporters to~~on May 18},"),
        Q(None, "indirect", T, "According to {the club}", "{According to} the club", "the club, {more than 9,000~~final whistle}."),
    ])

# ---------------------------------------------------------------- 6 diplomacy
NU, YU, AS, DA, KA = "Aigerim Nurlanova", "Rustam Yusupov", "Emil Asanov", "Henrik Dahlgaard", "Dilnoza Karimova"
SPECS["dipl-syr-darya-talks"] = dict(
    people=[
        P(NU, "KZ", ["Aigerim Nurlanova"], ["Foreign Minister"], ["The minister"]),
        P(YU, "UZ", ["Rustam Yusupov", "Yusupov"], ["Foreign Minister"]),
        P(AS, "KG", ["Emil Asanov"], ["Deputy Foreign Minister"]),
        P(DA, None, ["Henrik Dahlgaard", "Dahlgaard"], ["special envoy for Central Asia"], ["the senior diplomat"]),
        P(KA, "UZ", ["Dilnoza Karimova"], ["foreign ministry spokeswoman"]),
    ],
    not_people=["GENEVA", "Geneva", "European Union", "Palais des Nations", "Syr Darya", "Tian Shan", "Toktogul",
                "Central Asia", "Central Asian", "Tashkent", "Fergana Valley", "Samarkand", "Others", "Nobody"],
    countries={"KZ": ["Kazakhstan", "Kazakh"], "UZ": ["Uzbekistan", "Uzbek"], "KG": ["Kyrgyzstan", "Kyrgyz"],
               "RU": ["Russia"], "CN": ["China"]},
    offices=["Foreign ministers", "Foreign Minister", "Deputy Foreign Minister", "special envoy for Central Asia",
             "foreign ministry spokeswoman", "foreign ministers"],
    boilerplate=None,
    quotes=[
        Q(None, "indirect", F, "{Foreign ministers from Kazakhstan, Uzbekistan and Kyrgyzstan}", "Kyrgyzstan {agreed}", "Friday {to restart negotiations~~Syr Darya river},"),
        Q(None, "mixed", F, "which {the three governments}", "governments {pledged}", "pledged {to “refrain~~planting season}."),
        Q(NU, "mixed", T, "{Kazakh Foreign Minister Aigerim Nurlanova}", "Nurlanova {called}", "called {the agreement “a first step, not a final destination”}."),
        Q(NU, "direct", T, "promises,” {she} told", "she {told}", "“{Our farmers in the south cannot plan a harvest on promises},”"),
        Q(NU, "direct", T, "promises,” {she} told", "she {told}", "“{We need numbers~~written down.}”"),
        Q(NU, "indirect", T, "{The minister} said", "The minister {said}", "said {Kazakhstan would propose~~on the river},"),
        Q(NU, "indirect", T, "{The minister} said", "and {urged} donors", "urged {donors to help pay for new measuring stations}."),
        Q(YU, "indirect", T, "{Mr Yusupov} said any", "{Noting} that", "Noting {that Uzbekistan’s cotton~~their irrigation},"),
        Q(YU, "indirect", T, "{Mr Yusupov} said any", "Mr Yusupov {said} any", "said {any new arrangement must guarantee minimum summer flows}."),
        Q(YU, "direct", T, "everything,” {he} said", "everything,” he {said}", "“{We are ready to talk about everything},”"),
        Q(AS, "indirect", T, "{He} denied", "He {denied}", "denied {that the Toktogul~~last winter},"),
        Q(AS, "mixed", T, "{He} denied", "winter, {calling}", "calling {such claims “a political invention”}."),
        Q(None, "mixed", T, "{the Kyrgyz foreign ministry}", "ministry {said} it was", "ministry said {it was “open~~for its neighbours}."),
        Q(DA, "mixed", T, "{The European Union’s special envoy for Central Asia, Henrik Dahlgaard}", "meeting, {said} the three", "said {the three sides had “moved~~past two years”}."),
        Q(DA, "direct", T, "” {the senior diplomat}", "the senior diplomat {told}", "“{Nobody walked out~~counts as progress},”"),
        Q(DA, "indirect", T, "{He} said technical", "He {said} technical", "said {technical teams would meet in Tashkent in April}."),
        Q(DA, "direct", T, "{Mr Dahlgaard} said", "Mr Dahlgaard {said}", "said: “{This is a process~~to support it.}”"),
        Q(KA, "mixed", T, "{Uzbekistan’s foreign ministry spokeswoman, Dilnoza Karimova}", "Karimova, {said}", "said later {that Tashkent would host the technical talks “with pleasure”},"),
        Q(KA, "indirect", T, "{Uzbekistan’s foreign ministry spokeswoman, Dilnoza Karimova}", "”, {adding}", "adding {that Mr Yusupov~~Fergana Valley}."),
        Q(None, "indirect", T, "{The ministry} said", "The ministry {said}", "The ministry said {the three foreign ministers~~in Samarkand}."),
    ])

# ---------------------------------------------------------------- 7 court
WC, OW, LI, BR, HO, DI = "Gerald Whitcombe", "Ruth Okonkwo", "David Lin", "Harold Brenner", "Brenda Hollis", "Carla Diaz"
SPECS["court-pension-fraud"] = dict(
    people=[
        P(WC, "US", ["Gerald Whitcombe", "Whitcombe"], ["chief investment officer"], ["Former pension fund boss", "A former executive", "The 58-year-old"]),
        P(OW, "US", ["Ruth Okonkwo"], ["U.S. District Judge"], ["the judge"]),
        P(LI, "US", ["David Lin", "Lin"], ["Assistant U.S. Attorney"]),
        P(BR, "US", ["Harold Brenner", "Brenner"], [], ["Whitcombe's lawyer", "The former prosecutor"]),
        P(HO, "US", ["Brenda Hollis", "Hollis"]),
        P(DI, "US", ["Carla Diaz"], ["Lt.", "spokeswoman for the New Jersey State Police"]),
    ],
    not_people=["NEWARK", "N.J.", "New Jersey Firefighters' Retirement Trust", "Prosecutors", "Justice Department",
                "Among", "Paterson Fire Department", "State police", "New Jersey State Police", "Atlantic City"],
    countries={"US": ["U.S."], "KY": ["Cayman Islands"], "MO": ["Macau"]},
    offices=["chief investment officer", "U.S. District Judge", "Assistant U.S. Attorney", "Prosecutors", "prosecutor",
             "judge", "Lt.", "spokeswoman for the New Jersey State Police"],
    boilerplate=None,
    quotes=[
        Q(OW, "direct", T, "{U.S. District Judge Ruth Okonkwo}", "Okonkwo {told}", "\"{You didn't steal~~burning buildings},\""),
        Q(OW, "direct", T, "{U.S. District Judge Ruth Okonkwo}", "Okonkwo {told}", "\"{Their trust was~~you spent it.}\""),
        Q(None, "indirect", F, "{Prosecutors} had asked", "had {asked} for", "asked for {12 years}."),
        Q(LI, "mixed", T, "{Assistant U.S. Attorney David Lin}", "Lin {said} Whitcombe", "said {Whitcombe had forged~~cover his tracks}."),
        Q(LI, "direct", T, "\" {Lin} said in court", "Lin {said} in court", "\"{This was not a moment of weakness. It was a business model},\""),
        Q(BR, "indirect", T, "{Whitcombe's lawyer, Harold Brenner}", "Brenner, {argued}", "argued {that his client~~with investigators}."),
        Q(BR, "mixed", T, "{The former prosecutor}", "practice, {urged}", "urged {the judge to~~five years}."),
        Q(WC, "mixed", T, "{The 58-year-old}", "breaking, {said}", "breaking, said {he had \"no excuses\" to offer}."),
        Q(WC, "direct", T, "{He} said: \"I am", "He {said}: \"I am", "\"{I am ashamed.~~repay them.}\""),
        Q(HO, "indirect", T, "{She} said she had been forced", "She {said} she had been forced", "She said {she had been forced~~was audited}."),
        Q(HO, "direct", T, "\" {Hollis} said", "Hollis {said}", "\"{Nine years is nothing},\""),
        Q(HO, "direct", T, "\" {Hollis} said", "Hollis {said}", "\"{My husband gave that city his lungs.}\""),
        Q(None, "indirect", T, "{State police}", "State police {said}", "State police said {the investigation began~~Cayman Islands}."),
        Q(DI, "mixed", T, "{Lt. Carla Diaz}", "Police, {told}", "told reporters {the case was~~three countries}."),
        Q(None, "indirect", F, "According to {court filings}", "{According to} court", "filings, {Whitcombe used~~and Macau}."),
        Q(BR, "indirect", T, "{Brenner} said after", "Brenner {said} after", "hearing {that his client accepted the sentence and would not appeal}."),
    ])

# ---------------------------------------------------------------- 8 health/science
OS, BG, SZ = "Hannah Osei", "Lars Bergström", "Miguel Sanz"
SPECS["health-school-start"] = dict(
    people=[
        P(OS, "GB", ["Hannah Osei", "Osei"], [], ["a sleep researcher at the University of Bristol who led the work"]),
        P(BG, "SE", ["Lars Bergström"], ["Professor"], ["Co-author"]),
        P(SZ, "GB", ["Miguel Sanz"], [], ["a paediatric psychiatrist at King’s College London who was not involved in the research"]),
    ],
    not_people=["University of Bristol", "Adolescent Sleep Research", "Karolinska Institute", "Stockholm",
                "King’s College London", "Department for Education", "Researchers", "Teenagers", "Phones",
                "Thirty-four"],
    countries={"GB": ["England", "English"], "SE": ["Sweden", "Swedish"]},
    offices=["Professor", "headteachers"],
    boilerplate=None,
    quotes=[
        Q(None, "indirect", F, "{study} finds", "study {finds}", "{Later school start linked to better teen mental health}, study"),
        Q(None, "indirect", F, "{a large study of pupils in England and Sweden}", "{according to} a large", "{Teenagers whose schools~~start earlier}, according"),
        Q(None, "indirect", F, "{The study} found", "The study {found}", "found {that pupils at later-starting~~low mood}."),
        Q(OS, "direct", T, "said {Dr Hannah Osei}", "enormous,” {said}", "“{Thirty-four minutes~~it is enormous},”"),
        Q(OS, "direct", T, "said {Dr Hannah Osei}", "enormous,” {said}", "“{It’s the difference~~starting it rested.}”"),
        Q(OS, "indirect", T, "{Dr Osei} said the effect", "Dr Osei {said} the effect", "said {the effect held~~from school}."),
        Q(BG, "mixed", T, "{Co-author Professor Lars Bergström}", "Stockholm, {said}", "said {the Swedish data~~“a natural experiment”}."),
        Q(BG, "direct", T, "field,” {he} said", "field,” he {said}", "“{We could compare~~in this field},”"),
        Q(BG, "indirect", T, "{He} cautioned", "He {cautioned}", "however, {that the study showed~~cause and effect}."),
        Q(SZ, "mixed", T, "{Dr Miguel Sanz}", "research, {said}", "said {the results were “consistent~~body clock”}."),
        Q(SZ, "direct", T, "up,” {he} added", "he {added}", "“{But schools are not the only thing keeping teenagers up},”"),
        Q(SZ, "direct", T, "up,” {he} added", "he {added}", "“{Phones, part-time jobs~~fix those.}”"),
        Q(None, "indirect", T, "{The Department for Education}", "Education {said}", "said {it had no plans to set national start times},"),
        Q(None, "mixed", T, "{The Department for Education}", "times, {adding}", "adding {that headteachers~~their pupils”}."),
        Q(OS, "indirect", T, "{Dr Osei} called", "Dr Osei {called}", "called for {a pilot scheme in at least 100 English secondary schools}."),
        Q(OS, "direct", T, "will,” {she} said", "will,” she {said}", "“{We have the evidence. What we need now is the will},”"),
    ])

# ---------------------------------------------------------------- 9 interview transcript
DO, BN, KI = "Ciarán Doyle", "Aoife Brennan", "Sinéad Kilbride"
SPECS["interview-energy-minister"] = dict(
    people=[
        P(DO, "IE", ["Ciarán Doyle", "CIARÁN DOYLE", "Doyle", "DOYLE"], ["Minister for Energy", "Energy minister", "Minister"], ["the minister"]),
        P(BN, "IE", ["Aoife Brennan", "AOIFE BRENNAN", "BRENNAN", "Brennan"], ["presenter"]),
        P(KI, "IE", ["Sinéad Kilbride", "Kilbride"], ["opposition energy spokesperson", "Deputy"], ["the opposition energy spokesperson"]),
    ],
    not_people=["Transcript", "The Week in Politics", "Cork", "Department of the Environment, Climate and Communications",
                "Dáil", "Nobody"],
    countries={"IE": ["Ireland"], "GB": ["Britain"], "NO": ["Norwegian"]},
    offices=["Energy minister", "Minister for Energy", "presenter", "opposition energy spokesperson", "Minister",
             "Deputy", "Taoiseach", "spokesman", "minister"],
    boilerplate=None,
    quotes=[
        Q(DO, "indirect", F, "{Energy minister} says", "minister {says}", "says {no gas rationing this winter}"),
        Q(KI, "mixed", T, "{the opposition energy spokesperson, Sinéad Kilbride}", "had {said} the government", "had said {the government was \"sleepwalking into a winter crisis\"}."),
        Q(BN, "direct", F, "{AOIFE BRENNAN}", None, "AOIFE BRENNAN: {Minister, the regulator~~face rationing?}"),
        Q(None, "indirect", T, "Minister, {the regulator} says", "the regulator {says}", "says {gas storage is at its lowest level in five years}."),
        Q(DO, "direct", F, "{CIARÁN DOYLE}", None, "CIARÁN DOYLE: {I can, yes.~~this government made.}"),
        Q(BN, "direct", F, "\n\n{BRENNAN}: Sinéad", None, "BRENNAN: {Sinéad Kilbride told~~say to that?}"),
        Q(KI, "mixed", T, "BRENNAN: {Sinéad Kilbride}", "Kilbride {told} this", "ago {that you were \"sleepwalking into a winter crisis\"}."),
        Q(DO, "direct", F, "\n\n{DOYLE}: Deputy", None, "DOYLE: {Deputy Kilbride said~~the headlines.}"),
        Q(KI, "indirect", F, "{Deputy Kilbride}", "Deputy Kilbride {said}", "Kilbride said {the same thing} last"),
        Q(BN, "direct", F, "\n\n{BRENNAN}: The regulator", None, "BRENNAN: {The regulator also warned~~Is that right?}"),
        Q(None, "indirect", T, "{The regulator} also warned", "also {warned}", "Friday {that prices could rise by up to 15 per cent in January}."),
        Q(DO, "direct", F, "\n\n{DOYLE}: What", None, "DOYLE: {What the regulator said~~who need it.}"),
        Q(None, "indirect", F, "What {the regulator} said", "What the regulator {said}", "said is {that prices could rise if wholesale markets move against us}."),
        Q(BN, "direct", F, "\n\n{BRENNAN}: Will", None, "BRENNAN: {Will you extend the energy credit?}"),
        Q(DO, "direct", F, "\n\n{DOYLE}: I'm not", None, "DOYLE: {I'm not going to~~households behind.}"),
        Q(BN, "indirect", T, "programme, {Brennan} told", "Brennan {told} listeners", "listeners {that the regulator had been invited to take part but had declined}."),
        Q(DO, "direct", T, "broadcast, {Doyle} said", "Doyle {said}", "said: \"{I'm confident. I wouldn't say it if I wasn't.}\""),
        Q(None, "mixed", T, "{A spokesman for the Department of the Environment, Climate and Communications}", "Communications {said}", "said {the floating storage contract would be signed \"within weeks\"}."),
        Q(KI, "mixed", T, "{Kilbride}, responding", "media, {said}", "said {the minister had offered \"warm words and no detail\"} and"),
        Q(KI, "indirect", T, "{Kilbride}, responding", "and {called} for", "called for {an emergency Dáil debate on energy security}."),
    ])

# ---------------------------------------------------------------- 10 multi-paragraph feature
MO, PT, VA, DL, BU = "Dave Morrissey", "Carol Petrakis", "Neha Varadarajan", "Frank Dolan", "Claire Beaulieu"
SPECS["feature-steel-closure"] = dict(
    people=[
        P(MO, "CA", ["Dave Morrissey", "Morrissey"], ["president of Local 4120 of the Steel and Metalworkers Union"]),
        P(PT, "CA", ["Carol Petrakis"], [], ["The mother of three"]),
        P(VA, None, ["Neha Varadarajan", "Varadarajan"], ["spokeswoman"], ["Bharat Ferro spokeswoman"]),
        P(DL, "CA", ["Frank Dolan"], ["Mayor"]),
        P(BU, "CA", ["Claire Beaulieu", "Beaulieu"], ["Industry Minister"]),
    ],
    not_people=["Workers", "Kessel Works", "FORT KESSEL", "Fort Kessel", "Ont.", "Bharat Ferro Industries", "Bharat Ferro",
                "Mumbai", "Southeast Asia", "Local 4120", "Steel and Metalworkers Union", "Tim Hortons", "Ottawa",
                "Monday", "Federal"],
    countries={"CA": ["Canada"], "IN": ["Indian"], "CN": ["China"]},
    offices=["president of Local 4120 of the Steel and Metalworkers Union", "executive", "spokeswoman", "Mayor",
             "Industry Minister"],
    boilerplate=None,
    quotes=[
        Q(MO, "direct", F, None, None, "‘{This town was built on steel}’"),
        Q(None, "indirect", F, "{Kessel Works} confirms", "Kessel Works {confirms}", "confirms {closure}"),
        Q(None, "indirect", T, "{The owner of the Kessel Works steel mill}", "mill {confirmed}", "Monday {that the 112-year-old plant will close by the end of the year},"),
        Q(None, "indirect", T, "{Bharat Ferro Industries}", "2015, {said} in a statement", "statement {that it had lost~~in five years},"),
        Q(None, "mixed", T, "{Bharat Ferro Industries}", "and {blamed}", "blamed {“a flood of subsidized imports” from China and Southeast Asia}."),
        Q(MO, "direct", T, "” {Mr. Morrissey} said. “These", "Mr. Morrissey {said}. “These", "“{They told us on a Monday morning~~in the eye},”"),
        Q(MO, "direct", T, "” {Mr. Morrissey} said. “These", "Mr. Morrissey {said}. “These", "said. “{These are men and women~~in this room.}”"),
        Q(MO, "indirect", T, "{Mr. Morrissey} said the union", "Mr. Morrissey {said} the union", "said {the union would ask~~find a buyer},"),
        Q(MO, "indirect", T, "{Mr. Morrissey} said the union", "and {called} for an emergency federal", "called for {an emergency federal tariff on imported steel}."),
        Q(PT, "indirect", T, "{The mother of three}", "three {said}", "said {she had been told~~a year’s wages}."),
        Q(PT, "direct", T, "what?” {she} said", "what?” she {said}", "“{People keep saying we should retrain. Retrain for what?}”"),
        Q(PT, "direct", T, "what?” {she} said", "what?” she {said}", "“{There’s a Tim Hortons~~the job market.}”"),
        Q(PT, "direct", T, None, None, "“{I love this town.~~in January.}”"),
        Q(VA, "mixed", T, "{Bharat Ferro spokeswoman Neha Varadarajan}", "Varadarajan {said} the company", "said {the company would offer “enhanced” severance packages and job-placement support},"),
        Q(VA, "indirect", T, "{Bharat Ferro spokeswoman Neha Varadarajan}", "and {denied}", "denied {that the decision~~contract talks}."),
        Q(VA, "direct", T, "” {Ms. Varadarajan}", "Ms. Varadarajan {said}", "“{This was a painful decision, and it was not taken lightly},”"),
        Q(VA, "direct", T, "” {Ms. Varadarajan}", "Ms. Varadarajan {said}", "“{We have explored every option~~18 months.}”"),
        Q(DL, "indirect", T, "{Mayor Frank Dolan}", "Dolan {said}", "said {the closure would blow~~property tax base}."),
        Q(DL, "direct", T, "this,” {he} said", "this,” he {said}", "“{We will survive this},”"),
        Q(BU, "mixed", T, "{Federal Industry Minister Claire Beaulieu}", "Beaulieu {said} Ottawa", "said {Ottawa was “in close contact” with the province and the company}."),
        Q(BU, "indirect", T, "{Ms. Beaulieu}", "{saying} she would", "saying {she would visit Fort Kessel next week},"),
        Q(BU, "indirect", T, "{Ms. Beaulieu}", "week, {urged}", "urged {Bharat Ferro to keep~~was sought}."),
        Q(MO, "direct", T, "before,” {he} said", "before,” he {said}", "“{We’ve been written off before},”"),
        Q(MO, "direct", T, "before,” {he} said", "before,” he {said}", "said. “{They closed the coke ovens~~is a footnote.}”"),
    ])


# ---------------------------------------------------------------- build
PRONOUNS = {"he", "she", "they", "it", "which", "who"}
HONORIFICS = ("Mr ", "Ms ", "Mrs ", "Dr ", "Mr. ", "Ms. ", "Mrs. ", "Dr. ")


def via(q, people, title_end):
    """How the quote's speaker is referred to (for the report only, not written to JSON)."""
    if q["source"] is None:
        return "headline-nocue" if q["content"]["start"] < title_end else "floating"
    if q["cue"] is None:
        return "transcript-label"
    if q["speaker"] is None:
        return "group"
    s = q["source"]["text"]
    if s.lower() in PRONOUNS:
        return "pronoun"
    p = people[q["speaker"]]
    full = p["name"]
    if full in s or full.upper() in s:
        return "full-name"
    if s.startswith(HONORIFICS):
        return "honorific+surname"
    if s in p["surface_forms"] or any(s.endswith(" " + f) for f in p["surface_forms"]):
        return "surname"
    return "description"


def build(name, spec):
    with open(os.path.join(HERE, name + ".txt"), encoding="utf-8") as f:
        text = f.read()
    people = spec["people"]
    byname = {p["name"]: p for p in people}
    quotes, vias = [], []
    title_end = text.index("\n")
    for qs in spec["quotes"]:
        assert qs["speaker"] is None or qs["speaker"] in byname, qs["speaker"]
        q = {"speaker": qs["speaker"], "kind": qs["kind"], "required": qs["required"],
             "source": locate(text, qs["source"]) if qs["source"] else None,
             "cue": locate(text, qs["cue"]) if qs["cue"] else None,
             "content": locate(text, qs["content"])}
        quotes.append(q)
        vias.append(via(q, byname, title_end))
    if spec["boilerplate"]:
        bp = {"start": locate(text, spec["boilerplate"]["marker"])["start"], "note": spec["boilerplate"]["note"]}
    else:
        bp = {"start": len(text), "note": "no site furniture: the article runs to the end of the file"}
    gold = {"id": name, "text_file": name + ".txt", "offsets": OFFSETS, "people": people,
            "not_people": spec["not_people"], "countries": spec["countries"], "offices": spec["offices"],
            "boilerplate": bp, "quotes": quotes}
    with open(os.path.join(HERE, name + ".gold.json"), "w", encoding="utf-8") as f:
        json.dump(gold, f, ensure_ascii=False, indent=1)
        f.write("\n")
    return quotes, vias


def main():
    from collections import Counter
    tot = Counter(); vtot = Counter(); ktot = Counter()
    for name, spec in SPECS.items():
        quotes, vias = build(name, spec)
        req = sum(q["required"] for q in quotes)
        vc = Counter(vias); kc = Counter(q["kind"] for q in quotes)
        vreq = Counter(v for v, q in zip(vias, quotes) if q["required"])
        tot["all"] += len(quotes); tot["req"] += req
        vtot.update(vias); ktot.update(kc)
        for v, q in zip(vias, quotes):
            if q["required"]:
                vtot["req:" + v] += 1
        print(f"{name:28s} quotes={len(quotes):3d} required={req:3d} not_required={len(quotes)-req:3d} "
              f"kinds={dict(kc)} via={dict(vc)}")
    print(f"TOTAL quotes={tot['all']} required={tot['req']} not_required={tot['all']-tot['req']}")
    print("kinds:", dict(ktot))
    print("via (all):", {k: v for k, v in vtot.items() if not k.startswith("req:")})
    print("via (required):", {k[4:]: v for k, v in vtot.items() if k.startswith("req:")})


if __name__ == "__main__":
    main()
