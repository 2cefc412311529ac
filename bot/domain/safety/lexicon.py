"""Word-level data for the normaliser: contractions, exercise compounds, look-alike characters."""

from __future__ import annotations

# Typed without apostrophes ("cant", "im"), these become the forms the patterns use.
# "ill" and "id" are left alone on purpose: "ill" (sick) and "id" are real words.
CONTRACTIONS: dict[str, tuple[str, ...]] = {
    "cant": ("can", "not"),
    "cannot": ("can", "not"),
    "cnt": ("can", "not"),
    "dont": ("do", "not"),
    "doesnt": ("does", "not"),
    "didnt": ("did", "not"),
    "wont": ("will", "not"),
    "wouldnt": ("would", "not"),
    "couldnt": ("could", "not"),
    "shouldnt": ("should", "not"),
    "isnt": ("is", "not"),
    "arent": ("are", "not"),
    "wasnt": ("was", "not"),
    "werent": ("were", "not"),
    "havent": ("have", "not"),
    "hasnt": ("has", "not"),
    "hadnt": ("had", "not"),
    "aint": ("is", "not"),
    "dnt": ("do", "not"),
    "im": ("i", "am"),
    "ive": ("i", "have"),
    "youre": ("you", "are"),
    "theyre": ("they", "are"),
    "theyd": ("they", "would"),
    "whats": ("what", "is"),
    "thats": ("that", "is"),
    "theres": ("there", "is"),
    "its": ("it", "is"),
    "wanna": ("want", "to"),
    "wana": ("want", "to"),
    "ded": ("dead",),
    "wnt": ("want",),
    # Nigerian Pidgin "wan" (want): "I no wan live again", "I wan die".
    "wan": ("want",),
    "gonna": ("going", "to"),
    "gotta": ("got", "to"),
    "imma": ("i", "am", "going", "to"),
    "u": ("you",),
    "ur": ("your",),
    "idk": ("i", "do", "not", "know"),
    "nobody": ("no", "one"),
    "noone": ("no", "one"),
    "anymore": ("any", "more"),
    "everyday": ("every", "day"),
    "selfharm": ("self", "harm"),
    "selfharming": ("self", "harming"),
    "heartattack": ("heart", "attack"),
    "lbs": ("pounds",),
    "kilos": ("kg",),
    "kgs": ("kg",),
}

# Nigerian Pidgin and non-native phrases, rewritten to the English the patterns use ("I no fit
# breathe" is "I can not breathe", "my leg don break" is "my leg is broken"). Longest first
# wins; a rewrite may feed one more ("no dey" then "i not feel").
PIDGIN: dict[str, str] = {
    "no dey fit": "can not",
    "no go fit": "can not",
    "no fit": "can not",
    "no dey work": "is not working",
    "no dey": "not",
    "don break": "is broken",
    "don broke": "is broken",
    "don fall": "fell",
    "don swell": "is swollen",
    "dey swell": "is swollen",
    "dey pain me": "is hurting me",
    "dey pain": "is hurting",
    "dey bust": "is bursting",
    "want burst": "is going to burst",
    "dey hot": "is hot",
    "dey shake": "is shaking",
    "dey turn": "is spinning",
    "dey commot": "is coming out",
    "dey comot": "is coming out",
    "wetin": "what",
    # Non-native English drops the "can": "I not see from one eye", "I not feel my hand".
    "i not see": "i can not see",
    "i not feel": "i can not feel",
    "i not move": "i can not move",
    "i not breathe": "i can not breathe",
    "i not walk": "i can not walk",
    "i not stand": "i can not stand",
    "i not speak": "i can not speak",
    "eye not see": "eye can not see",
    "eyes not see": "eyes can not see",
}

# Apostrophe forms, applied to the text before apostrophes are dropped.
APOSTROPHE_IS = (
    "it", "that", "what", "there", "here", "he", "she", "who", "where", "how", "life",
    "everything", "nothing", "everyone", "everybody", "nobody", "someone", "this",
)  # fmt: skip


def _words(text: str) -> frozenset[str]:
    """Space-separated words to a set."""
    return frozenset(text.split())


# Exercise names that contain a red-flag body word: "chest stretch felt good" is not chest pain.
# The two tokens are joined into one ("cheststretch"), which no pattern uses; "pain killers" is
# joined the same way so that it is not read as "pain".
COMPOUNDS: dict[str, frozenset[str]] = {
    "chest": _words(
        """stretch stretches stretching opener openers press presses fly flies exercise exercises
        workout workouts day expansion"""
    ),
    "breathing": _words(
        """exercise exercises technique techniques practice session sessions work app routine
        meditation"""
    ),
    "breath": _words("work exercise exercises practice counting"),
    "balance": _words(
        """exercise exercises exercising work training board class classes pose poses drill
        drills practice routine"""
    ),
    "heart": _words("rate rates monitor"),
    "neck": _words("stretch stretches rolls roll exercise exercises tucks"),
    "arm": _words("circles raises raise swings curls stretch stretches exercise exercises"),
    "sleep": _words("paralysis"),
    "heat": _words("stroke"),
    "back": _words("stroke"),
    "breast": _words("stroke"),
    "dead": _words("bug bugs lift lifts hang hangs"),
    "shoulder": _words("blade blades"),
    "pain": _words("killers killer"),
}

# Digits and symbols used for letters ("su1c1de", "k!ll", "s*icide"); tried only when the
# result is a known word, so "pain7" still reads as "pain 7".
LEET = str.maketrans(
    {
        "0": "o",
        "1": "i",
        "3": "e",
        "4": "a",
        "5": "s",
        "7": "t",
        "@": "a",
        "$": "s",
        "!": "i",
        "*": "",
    }
)

# Characters people (and phone keyboards) type for an apostrophe.
QUOTES_LIKE = ("’", "‘", "ʼ", "´", "`", "′", "＇", "‛", "ʹ")
