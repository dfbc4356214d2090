"""Words and labels that English events are read by (used by `extract/events/`)."""

# -- triggers ----------------------------------------------------------------------------------

# Parts of speech a lexicon trigger may have.
TRIGGER_POS = frozenset({"VERB", "NOUN"})
# Dependencies of a verb's or noun's complement clause ("refused to attend", "said that ...").
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp"})
# Dependencies of a prepositional phrase, the passive agent ("by X") among them.
PREP_DEPS = frozenset({"prep", "agent"})
# Pre-modifiers that restrict a noun ("peace talks", "military aid").
NOUN_MODIFIER_DEPS = frozenset({"compound", "amod"})
# Dependencies of what a verb acts on, its passive subject included.
VERB_OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "dative"})
# Dependencies of what a rejection rejects, when that is another event ("ruled out sending troops").
REJECTED_DEPS = frozenset({"dobj", "xcomp", "ccomp", "pcomp"})

# -- classifier features -----------------------------------------------------------------------

# Parts of speech of the sentence's content words.
CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "ADV"})
# Dependencies read as a trigger's object.
FEATURE_OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd", "dative"})
# Speech verbs whose clausal complement holds the reported event ("X said it would send troops").
REPORTING_VERBS = frozenset("say tell add state announce claim report".split())

# -- roles -------------------------------------------------------------------------------------

# Dependencies of a clause's subject.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Dependencies climbed from a verb to the clause whose subject it shares.
ROLE_CLIMB_DEPS = frozenset(
    {
        "conj",
        "xcomp",
        "advcl",
        "pcomp",
        "prep",
        "acl",
        "ccomp",
        "relcl",
        "pobj",
        "dobj",
        "attr",
        "acomp",
        "oprd",
        "appos",
    }
)
# Pre-modifiers of a noun phrase head that may name an actor ("Kyiv's leadership", "NATO chiefs").
ACTOR_MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod"})
# "the island", "the country": a definite description of the country named just before.
COUNTRY_NOUNS = frozenset("country nation island kingdom republic".split())
COUNTRY_LOOKBACK = 120  # tokens searched back for the country such a description means
# Heads whose national modifier means the state: "Belarusian officials" -> Government of Belarus.
STATE_NOUNS = frozenset(
    "official government authority leader minister ministry regime entity diplomat "
    "leadership envoy delegation negotiator administration state ambassador".split()
)
# Prepositions whose object is an event's target ("sanctions against X").
TARGET_PREPS = frozenset(
    {"with", "against", "to", "toward", "towards", "on", "into", "at", "from", "for", "over", "upon", "through"}
)
# Prepositions of where a state noun's people come from ("delegations from X", "envoys of X").
ORIGIN_PREPS = frozenset({"from", "of"})
# Prepositions of who put forward what a verb acts on ("rejected a demand from X").
OWNER_PREPS = frozenset({"by", "from"})
# Prepositions whose object takes part in a noun event ("talks with X", "a visit to X").
PARTICIPANT_PREPS = frozenset({"with", "between", "among", "to", "of"})
# Prepositions listing every side of a noun event ("talks between X and Y").
ALL_SIDES_PREPS = frozenset({"between", "among"})
# Verbs whose object is the subject of their infinitive ("urged X to meet Y").
OBJECT_CONTROL = frozenset(
    "urge ask invite press persuade force call tell encourage pressure "
    "push allow order leave suggest propose want expect help let".split()
)
# Verbs of getting hold of someone: an act done for their purpose is done to their object
# ("summoned the ambassador to protest").
ADDRESSING_VERBS = frozenset("summon call phone telephone ring contact meet receive visit".split())
# Verbs whose object or complement subject is invited to the event ("X invited Y to talks").
PROPOSERS = frozenset("suggest propose invite urge offer want call ask".split())
# Nouns a meeting may hang under while its clause's subject stays a participant ("open to the
# idea of talks with X"); any other noun between ("his call for talks", "prospects for a
# meeting") makes the subject a bystander.
WILLINGNESS_NOUNS = frozenset("idea possibility option notion".split())
# Measures of an event a noun between it and its clause may be ("concluded two days of talks").
MEASURE_NOUNS = frozenset("day week month hour round series session kind sort type".split())
# Verbs whose subject comments on a meeting rather than attends it ("criticized the summit").
BYSTANDER_VERBS = frozenset(
    "criticize criticise condemn denounce welcome praise hail applaud slam boycott "
    "mock disrupt report cover dismiss question doubt".split()
)
# Verbs too general to be read as an event by the model on their own ("took charge", "made the
# same argument", "put the number at"): the event, if any, is in what they take or make.
GENERAL_VERBS = frozenset("take make reach put show have get ask become seem expect hope see find".split())
# Verbs whose subject performs the event a noun object names ("lodged a protest").
LIGHT_VERBS = frozenset(
    "lodge file launch carry conduct stage make issue impose hold mount order announce "
    "declare reach begin start wage deliver send provide give offer extend grant level "
    "express voice hurl slap unleash step have".split()
)
# Verbs whose subject watches, undergoes, reports or judges the event a noun object names rather
# than performs it ("faced sanctions", "witnessed the attack", "described the talks").
UNDERGOING_VERBS = frozenset(
    "see watch witness hear investigate probe examine review monitor follow discuss debate expect fear "
    "predict survive suffer face receive get endure undergo escape avoid resist blame deny confirm".split()
)
# Verbs of a journey, whose destination is visited ("heading to Washington for talks").
TRAVEL = frozenset("head travel go fly come arrive return visit journey".split())
# Relative pronouns, which stand for the noun their clause modifies.
RELATIVE = frozenset({"who", "which", "that", "whom"})
# First-person words, which inside a quotation name its speaker.
FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})
# Pronouns an event party may be that stand for a group or several actors ("they said").
PLURAL_PRONOUNS = frozenset({"they"})
# What a rejection may reject for its target to be whoever put it forward ("rejected the demand").
REPLY_OBJECTS = frozenset(
    "demand request proposal offer plan idea condition precondition call appeal ultimatum "
    "accusation charge allegation claim protest criticism suggestion invitation "
    "initiative move measure decision".split()
)

# -- status ------------------------------------------------------------------------------------

# Governors that negate the event below them ("refused to meet", "no talks").
NEGATING = frozenset(
    "refuse decline deny cancel scrap abandon fail reject postpone shelve avoid nothing none nobody".split()
)
# Verb + particle pairs that negate the event below them ("ruled out", "called off", "turned down").
NEGATING_PARTICLE = {"rule": "out", "call": "off", "turn": "down"}
# Determiners that negate their noun ("no talks") or its clause ("no country sent troops").
NEGATIVE_DETERMINERS = frozenset({"no", "neither"})
# Decisions and agreements make the act they are about planned ("agreed to resign", "voted to
# impose sanctions": the act is still to come); announcements perform a policy ("announced
# sanctions") but schedule a meeting or an agreed act ("announced talks", "announced a swap").
DECIDING = frozenset("agree decide vote approve resolve".split())
ANNOUNCING = frozenset({"announce"})
# Governors that make the event below them a proposal ("hopes for a summit", "open to talks").
PROPOSING = frozenset(
    "suggest propose offer urge ask request demand seek push press invite want hope wish favour favor "
    "consider insist appeal mull explore float advocate back support welcome pursue try attempt "
    "hope call idea prospect possibility chance proposal suggestion invitation bid request demand "
    "push plea appeal".split()
)
# Adjectives of readiness that make the event below them a proposal ("open to talks"); the verb
# "opened an investigation" proposes nothing.
READINESS = frozenset("open ready willing eager keen".split())
# Governors that make the event below them planned ("scheduled for a meeting", "due to meet").
PLANNING = frozenset(
    "plan schedule expect due set arrange intend aim prepare pledge promise vow commit timetable agenda about".split()
)
# Governors that leave the event conditional: threats, warnings, likelihood.
CONDITIONAL = frozenset("threaten warn threat ultimatum likely unlikely".split())
# Governors that make the event below them ongoing ("continues to label").
CONTINUING = frozenset("continue keep".split())
# Lemmas of meetings, which a collective decision schedules rather than performs.
MEETING_WORDS = frozenset(
    "meet talk negotiate discuss visit host meeting summit talks negotiation discussion "
    "visit trip conference consultation".split()
)
# Acts an agreement schedules ("agreed to a prisoner swap"): planned, like an agreed meeting.
AGREED_ACTS = frozenset("exchange swap ceasefire truce release withdrawal handover".split())
# Verbs of acts done together, whatever their type: "X and Y signed a pact" is X with Y.
JOINT_VERBS = frozenset("sign ink seal conclude clinch".split())
# Mutual acts: "X and Y exchanged prisoners" is X releasing to Y and Y releasing to X (PLOVER RETREAT).
MUTUAL_ACTS = frozenset({"exchange", "swap"})
# Subordinators of a condition ("if", "unless").
CONDITION_MARKS = frozenset({"if", "unless", "whether"})
# Auxiliaries of the future ("will meet").
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "would", "’ll"})
# Modals of possibility, which make an event hypothetical ("could provide aid").
UNCERTAIN_AUX = frozenset({"could", "might", "may"})
# Adverbs that make a present perfect ongoing ("has long accused").
HABITUAL_ADVERBS = frozenset({"long", "repeatedly", "still", "routinely", "regularly", "often", "always"})
# Adjectives that give a noun event its status ("a proposed summit", "upcoming talks").
PROSPECT_MODIFIERS = {
    "proposed": "proposed",
    "possible": "proposed",
    "potential": "proposed",
    "mooted": "proposed",
    "planned": "planned",
    "upcoming": "planned",
    "scheduled": "planned",
    "forthcoming": "planned",
}
# Tags of a finite verb, whose tense decides the status.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
# Dependencies climbed from a trigger to the clauses that govern it.
STATUS_CLIMB_DEPS = frozenset(
    {
        "xcomp",
        "ccomp",
        "pobj",
        "prep",
        "dobj",
        "nsubj",
        "nsubjpass",
        "acl",
        "conj",
        "pcomp",
        "attr",
        "appos",
        "compound",
        "advcl",
        "oprd",
        "acomp",
        "dative",
        "npadvmod",
    }
)
# A governor reached through one of these prepositions frames the event, it does not embed it
# ("agreed to a ceasefire at talks in Luanda": the talks are not what was agreed).
ADJUNCT_PREPS = frozenset(
    "at in during after before since until near outside inside amid despite following throughout within across".split()
)

# -- when and where ----------------------------------------------------------------------------

# Dependencies climbed from a time expression to the word it dates ("on Monday", "last week").
TIME_CLIMB = frozenset({"pobj", "prep", "npadvmod", "tmod", "nummod", "compound", "appos", "amod", "nmod"})
# Prepositions that place an event ("met in Geneva").
LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside"})
# Entity labels of places.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

# -- generic agents ------------------------------------------------------------------------------


# -- words that are no act ---------------------------------------------------------------------

# Verbs of saying, posting and repeating: a report of an act, never an act themselves.
NOT_ACT_VERBS = frozenset(
    "say tell write post tweet add note state remark comment insist repeat reiterate explain mention "
    "describe quote recall reply respond answer mark".split()
)
# Verbs of putting out a communication ("released a statement"), no act when that is their object.
PUBLISHING_VERBS = frozenset("release publish issue post air broadcast circulate distribute show".split())
# What a publishing verb puts out.
COMMUNICATION_NOUNS = frozenset(
    "statement footage video image photo photograph picture recording report transcript document "
    "communique communiqué letter figure data list clip audio tape message text readout".split()
)
# Texts a body adopts or files, whose words are its act ("passed a resolution condemning X").
ADOPTED_TEXTS = frozenset("resolution bill motion decree lawsuit petition declaration".split())
# Verbs whose object is an act their subject carries on ("continued their attacks on X").
CARRYING_ON_VERBS = frozenset("continue begin start resume intensify escalate step launch pursue expand renew".split())
# Weapons and craft whose owner acts through them ("Russian jets bombed X": Russia).
WEAPON_NOUNS = frozenset(
    "jet warplane aircraft plane helicopter drone missile rocket tank warship ship vessel submarine "
    "gunboat bomber artillery".split()
)
# Participles after a hyphen that name a backer, not the performer ("a Russia-backed offensive").
BACKING_PARTICIPLES = frozenset("backed funded sponsored supported armed trained allied aligned brokered".split())
# Verbs that are an act only with what they ask for ("asked X to leave", "asked for aid"), not as
# a question ("was asked about", "asked whether").
QUESTION_VERBS = frozenset({"ask", "question"})
# Verbs of assent that say nothing on their own ("he agreed", "she offered").
ASSENTING_VERBS = frozenset("agree offer accept commit consent".split())
# Denials of a statement ("denied the report", "denied that ..."): a statement, not a rejection.
DENYING_VERBS = frozenset({"deny", "dismiss", "dispute", "contest"})
CLAIM_NOUNS = frozenset(
    "report allegation claim charge accusation involvement responsibility wrongdoing suggestion rumor rumour "
    "story account".split()
)
# Speaking to the media is an interview, not a consultation ("spoke to the AP", "told a TV channel").
INTERVIEW_VERBS = frozenset({"speak", "talk"})
MEDIA_NOUNS = frozenset(
    "reporter journalist press media channel network newspaper paper agency television tv radio broadcaster "
    "station outlet magazine website interviewer correspondent".split()
)
MEDIA_SECTORS = frozenset({"MED", "JRN"})
# Refusals that only withhold a comment ("declined to comment").
REFUSING_VERBS = frozenset("decline refuse".split())
COMMENT_VERBS = frozenset("comment say elaborate speak confirm discuss identify answer respond detail".split())
# Verbs of giving whose object may only be a comment ("did not offer comment", "gave no details").
GIVING_VERBS = frozenset("offer give provide make issue".split())
COMMENT_NOUNS = frozenset("comment detail explanation response reaction reply statement answer".split())
# Verbs whose complement is only aimed at ("to ensure X does not attack", "to prevent a war").
PURPOSE_VERBS = frozenset("ensure prevent avoid guarantee stop deter discourage".split())
# Modals and semi-modals of obligation: "X must withdraw" is a demand, not a withdrawal.
OBLIGATION_AUX = frozenset({"must", "should", "ought"})
OBLIGATION_VERBS = frozenset({"have", "need"})
# Clause dependencies a purpose verb reaches down to its content.
CONTENT_DEPS = frozenset({"xcomp", "ccomp", "dobj", "pcomp", "pobj", "prep", "advcl", "acl"})
# Clause dependencies a demand reaches down to the demanded act ("urged X to Y", "asked that X Y").
DEMANDED_DEPS = frozenset({"xcomp", "ccomp", "advcl"})
# Verbs whose subject is not the one performing the event a noun object names.
NOT_PERFORMING = BYSTANDER_VERBS | UNDERGOING_VERBS | NOT_ACT_VERBS
# Verbs of a deployment's purpose whose object it is aimed at ("sent troops to fight X").
CONFRONTING_VERBS = frozenset("fight battle combat counter attack confront deter defeat repel crush tackle".split())
# Verbs of sending people or goods: their object is what is sent, not whom it goes to.
SENDING_VERBS = frozenset("send deploy dispatch fly airlift ship".split())
# PLOVER types whose object is what the source moves, not whom it acts on ("deployed troops").
DEPLOYING = frozenset({"MOBILIZE"})
# PLOVER types that are done to someone: accusing, asking, helping, rejecting, coercing... an
# event of one of these whose target the text leaves unknown says too little to code.
DIRECTED = frozenset({"ACCUSE", "AID", "CONCEDE", "COOPERATE", "REQUEST", "SANCTION", "SUPPORT"})
# Acts that, naming no target, are done to the country they take place in ("suspended aid in X").
PLACE_TARGET_TYPES = frozenset({"ACCUSE", "AID", "ASSAULT", "COERCE", "CONCEDE", "COOPERATE", "MOBILIZE", "SANCTION"})
# Entity labels of phrases that are no target of an act ("on Monday", "by 20 percent").
NOT_TARGET_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"})
# What an act is done to: an object, or the object of one of these prepositions ("fired on X").
UNDERGOER_DEPS = frozenset({"dobj", "dative", "nsubjpass", "nsubj"})
UNDERGOER_PREPS = frozenset({"against", "on", "into", "upon", "with", "to", "toward", "towards", "of"})
# Acts of forces and crowds that need no target ("troops remained on alert", "workers marched"),
# and the sectors of those who do them.
CROWD_ACTS = frozenset({"MOBILIZE", "PROTEST"})
CROWD_SECTORS = frozenset({"MIL", "COP", "REB", "UAF", "OPP", "CVL", "LAB", "EDU"})
# Sectors of a source's own forces.
FORCE_SECTORS = frozenset({"MIL", "COP", "UAF", "REB", "SPY"})
# Reciprocal objects: "X and Y accuse each other" is X against Y and Y against X.
RECIPROCALS = frozenset({"each other", "one another"})
# Speech-act verbs that perform the act in the first person present ("we urge", "I condemn").
PERFORMATIVE_VERBS = frozenset(
    "urge call demand ask appeal condemn reject deny accuse welcome support thank praise warn promise pledge "
    "agree accept refuse apologize apologise propose invite request insist".split()
)
# Verbs of accepting: refusing to accept is a rejection ("does not accept the proposal").
ACCEPTING = frozenset("accept agree approve endorse recognize recognise sign".split())
# Participles that give a phrase's name ("the coalition known as X", "a group called X").
NAMING_VERBS = frozenset({"know", "call", "name", "dub"})
# Prepositions (and heads of "X of") before an event still to come: "before a summit", "ahead of
# the talks", "in the run-up to the vote".
AWAITING_PREPS = frozenset({"before", "until", "pending"})
AWAITING_HEADS = frozenset({"ahead", "advance", "run-up", "eve"})
# Violence by demonstrators is a PROTEST riot (CAMEO 145): the types and the demonstrators' nouns.
VIOLENT = frozenset({"ASSAULT", "COERCE"})
PROTESTERS = frozenset("protester protestor demonstrator rioter crowd marcher mob".split())
RIOT_CAMEO = "145"
# Verbs whose present progressive is an arrangement ("is sending troops", "is flying to X").
ARRANGED = frozenset("send deploy dispatch head travel go fly come arrive return visit".split())
# Nouns naming the act of a lexicon verb, read with that verb's entries ("announced a suspension
# of aid" as "suspended aid"): noun -> verb.
NOMINALIZATIONS = {
    "abduction": "abduct",
    "assassination": "assassinate",
    "bombardment": "bombard",
    "capture": "capture",
    "confiscation": "confiscate",
    "conviction": "convict",
    "delivery": "deliver",
    "demolition": "demolish",
    "destruction": "destroy",
    "disarmament": "disarm",
    "expulsion": "expel",
    "extradition": "extradite",
    "freeze": "freeze",
    "imposition": "impose",
    "imprisonment": "imprison",
    "indictment": "indict",
    "kidnapping": "kidnap",
    "lifting": "lift",
    "murder": "murder",
    "pledge": "pledge",
    "prosecution": "prosecute",
    "recognition": "recognize",
    "rescue": "rescue",
    "resignation": "resign",
    "shipment": "ship",
    "surrender": "surrender",
    "suspension": "suspend",
    "torture": "torture",
}
# Lexicon constraints only a verb can meet: a noun read with a verb's entries skips those entries.
VERB_ONLY_RULES = frozenset({"prt", "xcomp", "xcomp_not", "oprd"})
# Modifiers that name what an unnamed agent is ("the Punjab government", "a Turkish prosecutor").
AGENT_NAME_DEPS = frozenset({"compound", "amod", "nmod"})
# Agent nouns an event party is not made of: whoever speaks for someone else is that one's voice.
UNCODED_AGENT_NOUNS = frozenset({"spokesperson", "spokesman", "spokeswoman", "spokespeople"})
# Verbs of an agreement made to someone: without a partner, no agreement ("offered to host talks").
OFFERING_VERBS = frozenset({"offer", "propose"})
