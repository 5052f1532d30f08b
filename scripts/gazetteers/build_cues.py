#!/usr/bin/env python3
"""Generates gazetteers/cues.tsv, the cue lexicon, from the lists below.

The lists are written for whosaid: English reporting verbs, nouns and
phrases, each with its class (speech, thought, intention) and the
complements it takes. Regular inflections are generated; irregular ones are
spelt out. Run from the repository root:

    python3 scripts/gazetteers/build_cues.py > gazetteers/cues.tsv
"""
import re
import sys

# Irregular verbs: lemma -> (third person, past, past participle, -ing).
IRREGULAR = {
    "say": ("says", "said", "said", "saying"),
    "tell": ("tells", "told", "told", "telling"),
    "write": ("writes", "wrote", "written", "writing"),
    "think": ("thinks", "thought", "thought", "thinking"),
    "feel": ("feels", "felt", "felt", "feeling"),
    "know": ("knows", "knew", "known", "knowing"),
    "find": ("finds", "found", "found", "finding"),
    "show": ("shows", "showed", "shown", "showing"),
    "swear": ("swears", "swore", "sworn", "swearing"),
    "forecast": ("forecasts", "forecast", "forecast", "forecasting"),
    "understand": ("understands", "understood", "understood", "understanding"),
    "foresee": ("foresees", "foresaw", "foreseen", "foreseeing"),
    "mean": ("means", "meant", "meant", "meaning"),
    "hold": ("holds", "held", "held", "holding"),
    "teach": ("teaches", "taught", "taught", "teaching"),
    "speak": ("speaks", "spoke", "spoken", "speaking"),
    "put": ("puts", "put", "put", "putting"),
    "bet": ("bets", "bet", "bet", "betting"),
    "read": ("reads", "read", "read", "reading"),
    "lay": ("lays", "laid", "laid", "laying"),
    "seek": ("seeks", "sought", "sought", "seeking"),
    "choose": ("chooses", "chose", "chosen", "choosing"),
    "get": ("gets", "got", "got", "getting"),
    "go": ("goes", "went", "gone", "going"),
    "hear": ("hears", "heard", "heard", "hearing"),
    "dream": ("dreams", "dreamed", "dreamt", "dreaming"),
    "quip": ("quips", "quipped", "quipped", "quipping"),
    "admit": ("admits", "admitted", "admitted", "admitting"),
    "commit": ("commits", "committed", "committed", "committing"),
    "regret": ("regrets", "regretted", "regretted", "regretting"),
    "plan": ("plans", "planned", "planned", "planning"),
    "omit": ("omits", "omitted", "omitted", "omitting"),
    "submit": ("submits", "submitted", "submitted", "submitting"),
    "refer": ("refers", "referred", "referred", "referring"),
    "prefer": ("prefers", "preferred", "preferred", "preferring"),
    "confer": ("confers", "conferred", "conferred", "conferring"),
    "infer": ("infers", "inferred", "inferred", "inferring"),
    "aver": ("avers", "averred", "averred", "averring"),
    "rebut": ("rebuts", "rebutted", "rebutted", "rebutting"),
    "plead": ("pleads", "pleaded", "pleaded", "pleading"),
    "cry": ("cries", "cried", "cried", "crying"),
    "reply": ("replies", "replied", "replied", "replying"),
    "deny": ("denies", "denied", "denied", "denying"),
    "testify": ("testifies", "testified", "testified", "testifying"),
    "clarify": ("clarifies", "clarified", "clarified", "clarifying"),
    "certify": ("certifies", "certified", "certified", "certifying"),
    "notify": ("notifies", "notified", "notified", "notifying"),
    "signify": ("signifies", "signified", "signified", "signifying"),
    "verify": ("verifies", "verified", "verified", "verifying"),
    "worry": ("worries", "worried", "worried", "worrying"),
    "imply": ("implies", "implied", "implied", "implying"),
    "apply": ("applies", "applied", "applied", "applying"),
    "prophesy": ("prophesies", "prophesied", "prophesied", "prophesying"),
    "justify": ("justifies", "justified", "justified", "justifying"),
    "decry": ("decries", "decried", "decried", "decrying"),
}


def inflect(lemma):
    """Lemma, third person, past, past participle and -ing form."""
    if lemma in IRREGULAR:
        return (lemma,) + IRREGULAR[lemma]
    if re.fullmatch(r"[^aeiou]+[aeiou][bdgmnpt]", lemma):
        # One syllable, one vowel, one final consonant: "slam", "slammed".
        past = lemma + lemma[-1] + "ed"
        ing = lemma + lemma[-1] + "ing"
    elif lemma.endswith(("ee", "ye", "oe")):
        past = lemma + "d"
        ing = lemma + "ing"
    elif lemma.endswith("e"):
        past = lemma + "d"
        ing = lemma[:-1] + "ing"
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        past = lemma[:-1] + "ied"
        ing = lemma + "ing"
    else:
        past = lemma + "ed"
        ing = lemma + "ing"
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = lemma + "es"
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    return (lemma, third, past, past, ing)


# (lemma, frames) per class. Frames: clause = "(that) ...", that = only with
# an explicit "that", to = infinitive, for = "for ...", np = a noun phrase
# object, on = "on ...".
SPEECH = [
    ("say", "clause"), ("tell", "clause|np"), ("add", "clause"), ("note", "clause"), ("stress", "clause|np"),
    ("urge", "to|np"), ("warn", "clause|to|np"), ("insist", "clause"), ("argue", "clause|for"),
    ("claim", "clause|to|np"), ("deny", "clause|np"), ("admit", "clause|np"), ("confirm", "clause|np"),
    ("explain", "clause"), ("announce", "clause|np"), ("underline", "clause|np"), ("express", "np"),
    ("vow", "clause|to"), ("pledge", "clause|to|np"), ("call", "for|to|on"), ("report", "clause|np"),
    ("write", "clause"), ("tweet", "clause"), ("post", "clause"), ("state", "clause"), ("declare", "clause|np"),
    ("assert", "clause"), ("acknowledge", "clause|np"), ("suggest", "clause|np"), ("predict", "clause|np"),
    ("promise", "clause|to|np"), ("reply", "clause"), ("respond", "clause"), ("answer", "clause"),
    ("ask", "clause|to|for"), ("comment", "clause|on"), ("remark", "clause|on"), ("observe", "clause"),
    ("emphasize", "clause|np"), ("emphasise", "clause|np"), ("reiterate", "clause|np"), ("recall", "clause|np"),
    ("recount", "clause|np"), ("describe", "np"), ("characterize", "np"), ("characterise", "np"),
    ("testify", "clause"), ("allege", "clause"), ("accuse", "np"), ("blame", "np"), ("criticize", "np"),
    ("criticise", "np"), ("praise", "np"), ("agree", "clause|to"), ("disagree", "clause"),
    ("concede", "clause|np"), ("contend", "clause"), ("maintain", "clause"), ("mention", "clause|np"),
    ("indicate", "clause"), ("signal", "clause|np"), ("hint", "clause"), ("disclose", "clause|np"),
    ("reveal", "clause|np"), ("inform", "clause|np"), ("advise", "clause|to"), ("recommend", "clause|np"),
    ("propose", "clause|np|to"), ("demand", "clause|np"), ("request", "clause|np|to"), ("appeal", "for|to"),
    ("plead", "for|to"), ("complain", "clause"), ("lament", "clause|np"), ("boast", "clause"), ("joke", "clause"),
    ("quip", "clause"), ("shout", "clause"), ("yell", "clause"), ("scream", "clause"), ("whisper", "clause"),
    ("exclaim", "clause"), ("counter", "clause"), ("retort", "clause"), ("object", "clause"),
    ("protest", "clause"), ("caution", "clause|np"), ("threaten", "to|np"), ("assure", "clause"),
    ("reassure", "clause"), ("guarantee", "clause|np"), ("swear", "clause|to"), ("affirm", "clause|np"),
    ("proclaim", "clause|np"), ("repeat", "clause|np"), ("conclude", "clause"), ("continue", "quote"), ("start", "quote"),
    ("begin", "quote"), ("smile", "quote"), ("interject", "quote"), ("interrupt", "quote"),
    ("echo", "np"), ("dispute", "clause|np"), ("reject", "np"), ("dismiss", "np"), ("refute", "np"),
    ("decline", "to"), ("refuse", "to"), ("welcome", "np"), ("hail", "np"), ("condemn", "np"),
    ("denounce", "np"), ("slam", "np"), ("blast", "np"), ("defend", "np"), ("highlight", "clause|np"),
    ("underscore", "clause|np"), ("outline", "np"), ("detail", "np"), ("brief", "np"), ("speculate", "clause"),
    ("estimate", "clause|np"), ("forecast", "clause|np"), ("project", "clause"), ("specify", "clause"),
    ("clarify", "clause"), ("concur", "clause"), ("conclude", "clause"), ("contend", "clause"),
    ("point", "clause"), ("pose", "np"), ("question", "clause|np"), ("challenge", "np"), ("assert", "clause"),
    ("mock", "np"), ("ridicule", "np"), ("chide", "np"), ("scold", "np"), ("fault", "np"), ("thank", "np"),
    ("apologize", "for"), ("apologise", "for"), ("vouch", "for"), ("push", "for"), ("press", "for"),
    ("lobby", "for"), ("campaign", "for"), ("advocate", "for|np"), ("invite", "np"), ("encourage", "to|np"),
    ("implore", "to"), ("beg", "to"), ("tout", "np"), ("touted", "np"), ("allude", "clause"), ("confide", "clause"),
    ("preach", "clause"), ("proclaim", "clause"), ("announce", "clause"), ("predict", "clause"), ("rule", "clause"),
    ("find", "that"), ("show", "clause|np"), ("speak", "np"), ("conclude", "clause"), ("cite", "np"), ("quote", "np"),
    ("relate", "clause"), ("read", "clause"), ("narrate", "clause"), ("recite", "np"), ("shriek", "clause"), ("grumble", "clause"),
    ("mutter", "clause"), ("murmur", "clause"), ("sigh", "clause"), ("laugh", "clause"), ("snap", "clause"),
    ("bark", "clause"), ("gush", "clause"), ("rave", "clause"), ("rant", "clause"), ("muse", "clause"),
    ("wonder", "clause"), ("inquire", "clause"), ("enquire", "clause"), ("demand", "to"), ("concede", "clause"),
]
SPEECH_FORMS_EXTRA = {
    # Multi-word verbs whose particle belongs to the cue.
    "point out": ["point out", "points out", "pointed out", "pointing out"],
    "go on": ["went on", "goes on", "go on", "going on"],
    "spell out": ["spelled out", "spelt out", "spells out", "spelling out"],
    "lay out": ["laid out", "lays out", "laying out"],
    "weigh in": ["weighed in", "weighs in", "weighing in"],
    "speak out": ["spoke out", "speaks out", "speaking out"],
    "lash out": ["lashed out", "lashes out", "lashing out"],
    "hit back": ["hit back", "hits back", "hitting back"],
    "fire back": ["fired back", "fires back", "firing back"],
    "shoot back": ["shot back", "shoots back"],
    "make clear": ["made clear", "makes clear", "making clear", "made it clear", "makes it clear"],
    "put it": ["put it", "puts it"],
    "sound the alarm": ["sounded the alarm", "sounds the alarm"],
}
# Frames of the verbs above other than "clause": "went on" reports a
# quotation ("he went on, ...") or the infinitive after it ("went on to say
# that ..."), never the phrase after it ("went on the offensive").
SPEECH_EXTRA_FRAMES = {"go on": "quote"}
THOUGHT = [
    ("think", "clause"), ("believe", "clause"), ("feel", "clause"), ("hope", "clause|to|for"),
    ("expect", "clause|to"), ("fear", "clause"), ("worry", "clause"), ("doubt", "clause"),
    ("suspect", "clause"), ("know", "that"), ("understand", "that"), ("assume", "clause"),
    ("consider", "clause"), ("reckon", "clause"), ("guess", "clause"), ("suppose", "clause"),
    ("imagine", "clause"), ("realize", "that"), ("realise", "that"), ("recognize", "that"),
    ("recognise", "that"), ("bet", "clause"), ("trust", "that"), ("figure", "that"), ("conclude", "that"),
    ("sense", "that"), ("foresee", "clause"), ("presume", "clause"), ("hold", "that"), ("view", "np"),
    ("regard", "np"), ("regret", "clause"), ("dread", "clause"), ("anticipate", "clause"),
    ("envision", "clause"), ("envisage", "clause"), ("dream", "clause"), ("accept", "that"),
    # Stances: what someone supports or opposes is their position.
    ("endorse", "np"), ("support", "np"), ("oppose", "np"), ("back", "np"), ("favor", "np"), ("favour", "np"),
]
INTENTION = [
    ("want", "to|np"), ("plan", "to"), ("intend", "to"), ("aim", "to"), ("seek", "to|np"), ("wish", "to"),
    ("prepare", "to"), ("decide", "to|clause"), ("choose", "to"), ("aspire", "to"), ("mean", "to"),
    ("strive", "to"), ("try", "to"), ("attempt", "to"), ("hope", "to"), ("resolve", "to"), ("commit", "to"),
    ("vow", "to"), ("plot", "to"), ("scheme", "to"), ("endeavor", "to"), ("endeavour", "to"), ("opt", "to"),
    ("desire", "to"), ("need", "to"), ("offer", "to"), ("threaten", "to"), ("consider", "np"),
]
NOUNS = [
    ("statement", "speech"), ("remarks", "speech"), ("comments", "speech"), ("speech", "speech"),
    ("interview", "speech"), ("press conference", "speech"), ("news conference", "speech"),
    ("briefing", "speech"), ("letter", "speech"), ("tweet", "speech"), ("post", "speech"),
    ("announcement", "speech"), ("testimony", "speech"), ("memo", "speech"), ("email", "speech"),
    ("address", "speech"), ("op-ed", "speech"), ("column", "speech"), ("report", "speech"),
    ("claim", "speech"), ("warning", "speech"), ("view", "thought"), ("belief", "thought"),
    ("opinion", "thought"), ("assessment", "thought"), ("plan", "intention"), ("promise", "speech"),
    ("pledge", "speech"), ("vow", "speech"), ("call", "speech"), ("appeal", "speech"),
]
PHRASES = [
    "issued a statement", "issued the following statement", "released a statement", "put out a statement",
    "released the following statement", "issues a statement", "releases a statement", "issued a statement saying",
]
PREPS = [
    ("according to", "speech", ["according to", "According to"]),
    ("citing", "speech", ["citing"]),
    ("quoting", "speech", ["quoting"]),
    ("as quoted by", "speech", ["as quoted by"]),
    ("in the words of", "speech", ["in the words of"]),
    ("in the view of", "thought", ["in the view of"]),
    ("in the opinion of", "thought", ["in the opinion of"]),
]


# Lemmas left out: in news they report speech or thought so rarely that they
# do more harm than good ("we need to", "it means", "the plan would pose").
LEFT_OUT = {
    "need", "mean", "commit", "pose", "challenge", "advise", "invite", "appeal", "prepare", "intend", "attempt",
    "feel", "speak", "point", "choose", "rule", "maintain", "hold", "offer", "welcome", "consider",
    "view", "try", "regard",
}
# Forms that are far more often nouns than verbs: "the state", "his comments".
NOUN_FORMS = {"state", "states", "comments", "remarks", "report", "reports", "tweet", "tweets", "post", "posts",
              "plan", "claims", "calls", "questions", "answer", "answers", "request", "requests", "details"}


def main():
    out = sys.stdout
    out.write("# cues.tsv: the words and phrases that report speech, thought and intention.\n")
    out.write("# Generated by scripts/gazetteers/build_cues.py from lists written for whosaid;\n")
    out.write("# edit the script, not this file. Columns: see gazetteers/README.md.\n")
    out.write("cue\tclass\ttype\tforms\tframes\n")
    seen = set()
    for cls, table in (("speech", SPEECH), ("thought", THOUGHT), ("intention", INTENTION)):
        for lemma, frames in table:
            if (lemma, cls) in seen or lemma in LEFT_OUT:
                continue
            seen.add((lemma, cls))
            forms = []
            for f in inflect(lemma):
                if f not in forms and f not in NOUN_FORMS:
                    forms.append(f)
            out.write(f"{lemma}\t{cls}\tverb\t{'|'.join(forms)}\t{frames}\n")
    for lemma, forms in SPEECH_FORMS_EXTRA.items():
        frames = SPEECH_EXTRA_FRAMES.get(lemma, "clause")
        out.write(f"{lemma}\tspeech\tverb\t{'|'.join(forms)}\t{frames}\n")
    for noun, cls in NOUNS:
        out.write(f"{noun}\t{cls}\tnoun\t{noun}\t\n")
    for phrase in PHRASES:
        out.write(f"{phrase}\tspeech\tphrase\t{phrase}\t\n")
    for prep, cls, forms in PREPS:
        out.write(f"{prep}\t{cls}\tprep\t{'|'.join(forms)}\t\n")


if __name__ == "__main__":
    main()
