"""Words and labels that English reported speech is recognised by (used by `extract/quotes/`)."""

# Lemmas of verbs that report speech ("said", "warned", "tweeted").
SPEECH_VERBS = frozenset(
    """say tell add warn state admit insist suggest argue claim note stress deny announce write
    tweet post explain declare confirm acknowledge reply respond answer ask urge call describe
    recall predict promise vow pledge threaten caution assert emphasise emphasize underline
    underscore reiterate repeat concede complain criticise criticize accuse praise express voice
    echo comment observe remark mention testify allege contend maintain indicate signal hint
    propose recommend demand joke quip boast lament estimate forecast inform assure reassure
    disclose reveal counter retort shout tout brief charge agree dismiss label advise remind implore
    instruct report""".split()
)
# Verb + particle pairs that report speech only together ("ruled out", "pointed out", "went on").
PHRASAL_CUES = frozenset({("rule", "out"), ("point", "out"), ("go", "on")})
# The verbs of PHRASAL_CUES, to look for their particle.
PHRASAL_LEMMAS = frozenset(lemma for lemma, _particle in PHRASAL_CUES)
# Inflected cue forms that the tagger sometimes reads as nouns right next to a quotation ("Sinclair states").
CUE_FORMS = frozenset(
    "says said states stated adds added notes noted writes wrote tells told explains explained "
    "insists insisted argues argued warns warned recalls recalled continues continued".split()
)
# Heads of speaker phrases that speak for whoever is named inside them ("a statement from the EU").
VOICE_NOUNS = frozenset(
    "statement spokesperson spokesman spokeswoman representative official release letter "
    "report memo email post tweet source sources officials".split()
)
# Cue verbs that a thing can do too ("the data suggest", "the move signals"): they report speech only
# when their subject can speak.
EVIDENCE_CUES = frozenset("suggest signal indicate hint underline underscore".split())
# Writings whose words can be reported ("the report says", "the lawsuit alleges").
REPORT_NOUNS = frozenset("report study survey poll lawsuit suit complaint document letter filing ruling".split())
# Documents that speak for whoever issued them ("a statement said" → the organisation).
DOCUMENT_NOUNS = frozenset("statement release memo email post tweet".split())
# Cue verbs whose object is the hearer ("told reporters", "warned residents").
ADDRESSEE_VERBS = frozenset("tell inform brief assure reassure warn ask urge remind advise".split())
# Verbs reporting advice or requests with an infinitive ("urged residents to stay indoors").
ADVICE_VERBS = frozenset("ask urge advise remind encourage tell warn order instruct implore caution".split())
# Verbs naming or describing something with an object predicate ("called it a mistake").
NAMING_VERBS = frozenset("call describe label dub term".split())
# Words opening an embedded question, not a statement ("asked what …"); "said if/when …" still states.
WH_WORDS = frozenset("what why how whether who whom whose which".split())
# Words that may open a reported clause without being part of it ("said that …").
LEADING_MARKS = frozenset({"that"})
# Heads of partitive subjects, whose phrase runs on to its "of" noun ("one of the players").
PARTITIVES = frozenset("one some many most several each none all few both either neither two three".split())
# Quotation mark characters, kept at the edges of a quote's span.
QUOTE_MARKS = frozenset({"“", "”", '"', "‘", "’", "«", "»"})

# Dependency labels of a cue's reported clause.
CONTENT_DEPS = frozenset({"ccomp"})
# Conjunctions that start another clause, not another part of one subject ("…, but some allies said").
CONTRAST_CONJUNCTIONS = frozenset("but yet".split())
# Subordinators of a clause that sets a second speaker against the first (", while Y said …").
CONTRAST_MARKS = frozenset("while whereas although though".split())
# Dependency labels of a clause's subject.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Dependency labels through which a cue without a subject climbs to a governing clause for one.
CLIMB_DEPS = frozenset({"conj", "advcl", "xcomp", "ccomp", "pcomp", "acl", "relcl"})
# Tags of relative and interrogative pronouns ("critics, who say …").
WH_TAGS = frozenset({"WP", "WDT"})
