"""Words and labels that English actors are recognised by (used by `extract/actors/`)."""

# -- entity labels -----------------------------------------------------------------------------

# NER labels of persons.
PERSON_LABELS = frozenset({"PERSON"})
# NER labels of organisations.
ORG_LABELS = frozenset({"ORG"})
# NER labels of places.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# NER labels of numbers and times: never a name.
NOT_NAMES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})

# -- dependency labels -------------------------------------------------------------------------

# Dependencies of a word that acts: subject, possessor, passive agent.
AGENT_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "agent"})
# Dependencies of a clause's subject.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Dependencies of a word that modifies the noun after it ("a Ugandan attorney", "Kyiv police").
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
# Dependencies of a clause embedded in another (climbed from a pronoun to its governing subject).
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "xcomp", "relcl", "conj", "acl", "pcomp", "parataxis"})

# -- names -------------------------------------------------------------------------------------

# Possessive endings ("Russia's", "Jesus'").
POSSESSIVE = frozenset({"'s", "’s", "‘s", "'", "’"})
# Third-person pronouns with the gender they imply.
PRONOUN_GENDER = {
    "he": "male",
    "him": "male",
    "his": "male",
    "himself": "male",
    "she": "female",
    "her": "female",
    "hers": "female",
    "herself": "female",
}
# Honorifics with the gender they imply.
HONORIFIC_GENDER = {
    "mr": "male",
    "mr.": "male",
    "sir": "male",
    "mrs": "female",
    "mrs.": "female",
    "ms": "female",
    "ms.": "female",
    "miss": "female",
    "lady": "female",
    "dame": "female",
}
# Titles and honorifics written before a name ("Chairman", "Sen.", "Dr.").
TITLE_WORDS = frozenset(
    "chairman chairwoman chair ceo sen rep gov dr prof mr mrs ms miss sir dame lord lady prince "
    "princess pope rev reverend father sister judge justice gen lt col capt sgt cpl adm maj "
    "coach deputy vice former late president-elect".split()
)
# News-style abbreviations of US states and Canadian provinces written after a town ("Dundas, Ont."),
# without their final dot, with the country they lie in.
REGION_ABBREVIATIONS: dict[str, str] = {
    **dict.fromkeys(
        "ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont neb nev "
        "n.h n.j n.m n.y n.c n.d okla ore pa r.i s.c s.d tenn vt va wash w.va wis wyo".split(),
        "USA",
    ),
    **dict.fromkeys("alta b.c man n.b n.l n.s ont p.e.i que sask".split(), "CAN"),
}
# Small words inside a title between its role noun and the name ("Minister of State for Foreign Affairs").
TITLE_LINKS = frozenset({"of", "for", "and", "the", "on", "to", "'s", "’s"})
# Military and police ranks written before a name ("Colonel Patrick Ilunga"); not "general", which
# also ends offices ("Attorney General", "Secretary General").
RANK_WORDS = frozenset(
    "colonel lieutenant major captain sergeant corporal admiral commodore brigadier "
    "commander marshal commandant inspector superintendent constable lieutenant-colonel".split()
)

# -- roles -------------------------------------------------------------------------------------

# Role nouns that can stand for a person ("the minister"), with the KB office type they imply.
ROLE_NOUNS: dict[str, str | None] = {
    "president": "head_of_state",
    "leader": None,
    "prime minister": "head_of_government",
    "premier": "head_of_government",
    "chancellor": "head_of_government",
    "foreign minister": "foreign_minister",
    "foreign secretary": "foreign_minister",
    "secretary of state": "foreign_minister",
    "top diplomat": "foreign_minister",
    "defence minister": "defence_minister",
    "defense minister": "defence_minister",
    "defence secretary": "defence_minister",
    "defense secretary": "defence_minister",
    "military chief": "military_chief",
    "army chief": "military_chief",
    "secretary-general": "org_leader",
    "secretary general": "org_leader",
    "minister": None,
    "envoy": None,
    "ambassador": None,
    "chief": None,
    "spokesman": None,
    "spokeswoman": None,
    "spokesperson": None,
    "commander": None,
    "general": None,
    "admiral": None,
    "mayor": None,
    "governor": None,
    "senator": None,
    "king": "head_of_state",
    "queen": "head_of_state",
    "monarch": "head_of_state",
    "emir": "head_of_state",
    "diplomat": None,
    "negotiator": None,
    "official": None,
    "secretary": None,
}
# KB office types whose holder "the leader" of a country means.
LEADER_TYPES = ("head_of_state", "head_of_government")
# Common nouns for a person's occupation or role (beyond the KB's agent nouns and ROLE_NOUNS).
PERSON_NOUNS = frozenset(
    """coach director commissioner counterpart spokesperson spokesman spokeswoman accountant analyst economist
    lawyer attorney professor teacher student doctor physician nurse officer executive manager founder
    owner chairman chairwoman chair mayor councillor councilor senator governor secretary ambassador
    envoy captain player golfer goaltender goalie pitcher quarterback actor actress singer author
    writer researcher scientist expert activist organizer organiser resident witness survivor farmer
    worker employee retiree veteran prosecutor judge detective investigator reporter journalist editor
    columnist historian strategist adviser advisor consultant pollster candidate leader member
    representative official entrepreneur designer engineer architect artist musician""".split()
)
# Endings of KB agent nouns that name a person ("negotiator", "analyst"), not a group.
PERSON_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "person")
# Nouns for someone who speaks for an organisation ("a State Department spokesperson").
SPOKESPERSON_NOUNS = frozenset("spokesperson spokesman spokeswoman official officials representative".split())
# Of those, the plural a country word makes a group of that state ("Ukrainian officials").
OFFICIAL_NOUNS = frozenset({"officials"})
# Nouns of a state's own bodies that, named alone ("the government said", "the authorities"), are the
# bodies of the one country the article names; of them, those that name its national government
# ("authorities" are as often a town's or a province's).
HOME_STATE_NOUNS = frozenset({"government", "authority", "administration", "regime", "cabinet"})
NATIONAL_GOVERNMENT_NOUNS = frozenset({"government", "administration", "regime", "cabinet"})
# Modifiers that keep such a body the nation's ("the country's government", "the national authorities").
NATIONAL_WORDS = frozenset({"country", "nation", "national", "federal", "central"})

# -- organisations -----------------------------------------------------------------------------

# Words that make a name an organisation's ("… High School", "… Party").
ORGANIZATION_WORDS = frozenset(
    "school university college church diocese company inc corp corporation ltd llc party committee "
    "council association hospital department ministry agency bank court police club foundation "
    "institute society union group commission board authority service services network news "
    "press times post herald journal fund trust daily gazette tribune chronicle telegraph observatory center "
    "centre coalition federation".split()
)
# Articles a name may begin with ("The Associated Press"); the mention starts after them.
ARTICLES = frozenset({"the", "a", "an"})
# Nouns that, with "the", stand for an organisation the article has named ("the ministry said").
# Diplomats: an organisation named in their phrase is where they are posted, not whom they speak for
# ("Canada's U.N. ambassador" speaks for Canada).
POSTED_ROLE_NOUNS = frozenset("ambassador envoy emissary delegate".split())
# Heads and voices of an organisation between its name and theirs: a one-word name before them is an
# organisation's ("Norvex chief Ana Lind", "Norvex spokesman Ole Dahl"), not a person's.
ORG_LEAD_NOUNS = frozenset("chief ceo chairman chairwoman director spokesman spokeswoman spokesperson boss".split())
ORG_NOUNS = frozenset(
    "agency ministry department government company firm utility organization organisation group "
    "union association board commission council committee party bank court police military army "
    "office authority service university hospital network newspaper broadcaster alliance bloc "
    "administration cabinet regime embassy secretariat coalition charity club league diocese church".split()
)
# Nouns of ORG_NOUNS that name no kind: "the company" is whichever organisation was just named.
GENERIC_ORG_NOUNS = frozenset("company firm agency utility organization organisation group".split())
# Legal suffixes left out when organisation names are compared ("Samsung Electronics Co.").
LEGAL_SUFFIXES = frozenset("co inc corp ltd llc plc ag sa nv gmbh limited incorporated".split())
# First words of organisation names that do not, alone, name one of them.
GENERIC_NAME_WORDS = frozenset(
    "national royal federal central general international united american canadian british european "
    "first new north south east west st saint university bank city state world global public".split()
)
# State institutions named by a country word and a noun: canonical name and PLOVER sector.
INSTITUTIONS: dict[str, tuple[str, str]] = {
    "foreign ministry": ("Ministry of Foreign Affairs", "GOV"),
    "foreign office": ("Ministry of Foreign Affairs", "GOV"),
    "defence ministry": ("Ministry of Defence", "GOV"),
    "defense ministry": ("Ministry of Defence", "GOV"),
    "interior ministry": ("Ministry of Internal Affairs", "GOV"),
    "finance ministry": ("Ministry of Finance", "GOV"),
    "justice ministry": ("Ministry of Justice", "GOV"),
    "health ministry": ("Ministry of Health", "GOV"),
    "economy ministry": ("Ministry of Economy", "GOV"),
    "general staff": ("General Staff", "MIL"),
    "army": ("Armed Forces", "MIL"),
    "military": ("Armed Forces", "MIL"),
    "armed forces": ("Armed Forces", "MIL"),
    "navy": ("Navy", "MIL"),
    "air force": ("Air Force", "MIL"),
    "coast guard": ("Coast Guard", "MIL"),
    "police": ("Police", "COP"),
    "parliament": ("Parliament", "LEG"),
    "congress": ("Parliament", "LEG"),
    "senate": ("Parliament", "LEG"),
    "central bank": ("Central Bank", "GOV"),
    "embassy": ("Embassy", "GOV"),
    "government": ("Government", "GOV"),
}

# -- places ------------------------------------------------------------------------------------

# Endings of country names written with "the" (the Philippines, the Maldives).
PLURAL_COUNTRY_ENDINGS = ("ines", "ands", "ives", "amas", "oros", "lles")
# First words of country names written with "the" (the United States, the Czech Republic).
THE_COUNTRY_WORDS = frozenset({"United", "Democratic", "Central", "Dominican", "Czech", "Gambia", "Holy", "Vatican"})
# Verbs after which a capital is a destination or a target, not an agent.
PLACE_VERBS = frozenset(
    {
        "visit",
        "leave",
        "reach",
        "enter",
        "tour",
        "flee",
        "attack",
        "strike",
        "bomb",
        "hit",
        "shell",
        "target",
        "bombard",
        "capture",
        "besiege",
        "evacuate",
        "fly",
    }
)
# Last words of names that are places, not persons ("… Valley", "… Street").
PLACE_WORDS = frozenset(
    "river valley street avenue road square park bay island islands county city "
    "mountain mountains lake sea strait airport station bridge".split()
)
# Compass words before "of" that make its object a place ("north of Goma").
COMPASS_WORDS = frozenset("north south east west northeast northwest southeast southwest".split())
# Prepositions whose object is a place ("in Goma", "near Goma").
PLACE_PREPOSITIONS = frozenset("in near outside inside around into across towards toward".split())

# -- places from the gazetteer and things that are no actors -----------------------------------

# Social networks and messaging platforms: where something was said, not who said it.
PLATFORMS = frozenset(
    "x twitter telegram facebook instagram youtube tiktok whatsapp threads bluesky vk vkontakte "
    "weibo wechat signal linkedin reddit snapchat".split()
    + ["truth social"]
)
# Capitalised words that are city names somewhere but, alone, mean something else.
NOT_PLACE_WORDS = frozenset("police army navy government president minister parliament congress senate".split())
# A name the NER calls a person is taken for a gazetteer city only if the city is this large.
PERSON_PLACE_POPULATION = 100_000

# -- actor coding ------------------------------------------------------------------------------

# Positions in which an unnamed role or group noun acts ("Ukrainian farmers said", "attacked by gunmen").
CODING_DEPS = frozenset({"nsubj", "nsubjpass"})
# Prepositions whose object acts ("attacked by gunmen").
AGENT_PREPOSITIONS = frozenset({"by"})
# Nouns for a collection of people: the people after "of" code it ("a group of tourists").
COLLECTIVE_NOUNS = frozenset("group team members member crowd band gang unit several dozens hundreds thousands".split())
# Words before a role noun that make it another office ("Vice President" is not the president).
ROLE_QUALIFIERS = frozenset("vice deputy former acting ex assistant under".split())
# Endings that make a region's demonym of its name ("Crimea" -> "Crimean", "Darfur" -> "Darfuri",
# "Tibet" -> "Tibetan"), and the letters a region's name keeps at least.
REGION_DEMONYM_ENDINGS = ("n", "an", "i", "ian")
MIN_REGION_NAME = 4
# Sectors of the state's own offices: a modifier the agent dictionary codes outside them makes a role
# another body's ("the opposition leader", "a rebel commander" hold no office of the state).
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})
# Words that alone name no person: a name of only these is a title ("Vice President").
TITLE_ONLY_WORDS = (
    frozenset(w for role in ROLE_NOUNS for w in role.replace("-", " ").split())
    | TITLE_WORDS
    | RANK_WORDS
    | ROLE_QUALIFIERS
    | {"prime", "foreign", "defence", "defense", "interior", "finance", "state", "secretary"}
)
# Agent-dictionary codes that mark a word as no actor (junk, none).
NO_ACTOR_SECTORS = frozenset({"JNK", "NON"})
# The sector of news media, and the words that make a medium the state's ("the official ... News
# Agency", "state-run television"): PLOVER codes state media GOV (with JRN).
MEDIA_SECTOR = "MED"
STATE_MEDIA_WORDS = frozenset({"official", "state", "government"})
# Sectors of the faithful, whose plural is capitalised ("Buddhists", "Sunnis"): a "person" so named is a group.
FAITH_SECTORS = frozenset({"REL"})
# Nouns of one who leads a body: an unnamed one "of" an organisation acts in its sector ("the
# president of the rights league" is NGO, "the chairman of the army's general staff" MIL).
BODY_LEADER_NOUNS = frozenset("president chairman chairwoman chair chairperson head leader chief director".split())
# Sector of a former office holder (PLOVER/CAMEO "elite").
FORMER_OFFICIAL_SECTOR = "ELI"
# Last words that only say what kind of body a known organisation is ("Shin Bet Security Service");
# not "party", "council" or "committee": "Congress Party" is not Congress.
ORGANIZATION_KIND_WORDS = frozenset(
    "security intelligence service services agency movement group organization organisation militia".split()
)
# Sector of a city or region that acts ("Sydney said"): its people, as NGEC codes it.
PLACE_ACTOR_SECTOR = "CVL"
# Sectors of organisations by the last noun (or two words) of their name ("Northern Fleet", "Congress Party").
ORGANIZATION_HEAD_SECTORS: dict[str, str] = {
    "security service": "SPY",
    "intelligence service": "SPY",
    "intelligence agency": "SPY",
    "news agency": "MED",
    "fleet": "MIL",
    "force": "MIL",
    "forces": "MIL",
    "army": "MIL",
    "navy": "MIL",
    "guard": "MIL",
    "guards": "MIL",
    "corps": "MIL",
    "brigade": "MIL",
    "command": "MIL",
    "regiment": "MIL",
    "division": "MIL",
    "police": "COP",
    "gendarmerie": "COP",
    "party": "PTY",
    "ministry": "GOV",
    "government": "GOV",
    "administration": "GOV",
    "parliament": "LEG",
    "assembly": "LEG",
    "senate": "LEG",
    "congress": "LEG",
    "court": "JUD",
    "tribunal": "JUD",
    "university": "EDU",
    "college": "EDU",
    "school": "EDU",
    "institute": "EDU",
    "academy": "EDU",
    "bank": "BUS",
    "company": "BUS",
    "corporation": "BUS",
    "airlines": "BUS",
    "airline": "BUS",
    "union": "LAB",
    "unions": "LAB",
    "church": "REL",
    "hospital": "MED",
    "alliance": "NGO",
    "league": "NGO",
    "foundation": "NGO",
    "cartel": "CRM",
    "service": "GOV",
    "agency": "GOV",
    "news": "MED",
    "times": "MED",
    "post": "MED",
}

# -- group actors (unnamed agents: "Hundreds of farmers", "police in Lagos") ----------------------

# Dependencies of the phrases that may be group actors besides subjects and "by" agents.
GROUP_DEPS = frozenset({"dobj", "dative", "pobj", "conj"})
# Quantifiers before a group noun that say how many, not what the group is ("several militant groups").
QUANTIFIERS = frozenset("several many few some other various numerous multiple all both most".split())
# Quantity words read through to the noun after "of" ("hundreds of protesters").
QUANTITY_HEADS = frozenset(
    "hundred hundreds thousand thousands dozen dozens million millions score scores group groups crowd crowds "
    "number numbers band bands gang gangs unit units contingent contingents member members total".split()
)
# Prepositions that say where a generic agent is from ("police in Lagos", "troops from Chad").
AGENT_ORIGIN_PREPS = frozenset({"in", "from", "of"})
# Agent dictionary sectors too vague to stand for an actor ("a man", "the group").
VAGUE_SECTORS = frozenset({"UNK", "JNK"})
# Nouns an adjective used as a noun stands with ("the displaced": "displaced people").
PEOPLE_NOUNS = ("people", "person")
# Nouns the agent dictionary lists that name places, not actors, in event roles ("Russia's borders",
# "a state of emergency").
PLACE_NOUNS = frozenset(
    "border city town village province neighborhood neighbourhood capital region district prison hospital "
    "school university camp port base state".split()
)
# Endings of a singular noun for one person ("a soldier", "the commander", "a policeman"): a
# person's role, not a group; plurals and collectives ("police", "the army") are groups.
INDIVIDUAL_SUFFIXES = ("er", "or", "ist", "ian", "man", "woman", "person")
