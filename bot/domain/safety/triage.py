"""The triage net: body alarm words that no rule explained.

When a message names something alarming about the person's own body (blood, numb, swollen,
wheezing, a rash, a fever, fainting, vomiting...) and no rule fired and no model was sure, the
bot asks one short question ("Is this new, severe, or getting worse?") instead of staying silent.

The net is kept narrow, because ordinary notes use these words all the time: "chest", "heart"
and "breathing" are left to the rules ("did my breathing", "my heart sank"); each word has the
everyday company that makes it harmless ("hay fever", "a faint smell", "a blood test", "numb
from the cold"); a denial just before it ("no fever"), someone else's body ("my mum's ankle is
swollen"), a screen, a joke, or a sign that has already settled ("fine after a minute") do not
count.
"""

from __future__ import annotations

from bot.domain.safety.normalize import BREAK, Normalised
from bot.domain.safety.patterns import CLASSES, FIRST_PERSON

# Each alarm word, with words that make it ordinary when they are in the same clause.
BODY_ALARM: dict[str, frozenset[str]] = {
    word: frozenset(company.split())
    for words, company in (
        ("blood bleeding bleed bleeds bled",
         "boil boils boiling test tests pressure sugar sugars donation donor donate donated type "
         "work results clot orange moon brother brothers sister sisters line relative"),
        ("swollen swelling swelled",
         "river rivers head ego gone down going settled pride"),
        ("wheeze wheezing wheezy", "laughing laughed laugh"),
        ("vomit vomiting vomited puking", "cat dog baby kids kid son daughter"),
        ("rash rashes hives", "decision decisions nappy"),
        ("lump lumps", "sum throat sugar cheese clay"),
        ("palpitations seizure lightheaded", "football match film"),
        ("dizzy dizziness",
         "spinning spin heights ride rides rollercoaster fun stood standing bath spell spells "
         "moment"),
        ("faint fainted fainting",
         "smell sound hope idea trace glow light memory noise taste hint chance hearted outline "
         "voice praise"),
        ("numb numbness", "cold sitting sat brain mind news emotionally feelings inside"),
        ("fever feverish", "hay cabin spring football gold election"),
        ("blurred blurry", "photo photos picture pictures lines line screen"),
        ("jaundice jaundiced choking", "baby cat dog"),
    )
    for word in words.split()
}  # fmt: skip
# A sign that has already settled, a joke, or something on a screen: no question needed.
_SETTLED = frozenset(
    [
        "fine",
        "passed",
        "settled",
        "sorted",
        "ago",
        "gone",
        "usual",
        "always",
        "normal",
        "lol",
        "haha",
        "lmao",
        "engaged",
    ]
)
_SCREEN = frozenset(CLASSES["MEDIA"]) | {"watched", "watching", "doco", "scenes", "reading"}
_DENIAL = frozenset(["no", "not", "without", "never", "zero", "nothing"])
_OTHERS = frozenset(CLASSES["OTHER"]) - FIRST_PERSON - {"they", "people"}
_SELF = frozenset(["i", "me", "im", "myself"])


def body_alarm(norm: Normalised) -> bool:
    """Whether the text names an alarming body sign of the person's own, in no ordinary use."""
    words = norm.words
    if words.isdisjoint(BODY_ALARM) or not words.isdisjoint(_SETTLED | _SCREEN):
        return False
    tokens = norm.text[1:-1].split(" ")
    for i, token in enumerate(tokens):
        company = BODY_ALARM.get(token)
        if company is None:
            continue
        start, end = i, i + 1
        while start > 0 and tokens[start - 1] != BREAK:
            start -= 1
        while end < len(tokens) and tokens[end] != BREAK:
            end += 1
        clause = tokens[start:end]
        if not company.isdisjoint(clause):
            continue
        # A denial up to three words before: "no fever", "not having any dizziness".
        before = tokens[max(start, i - 3) : i]
        if not _DENIAL.isdisjoint(before):
            continue
        # Someone else's: "my mum's ankle is swollen", "he was dizzy" (no "I" said); a clause
        # with no subject of its own belongs to the sentence before ("my son cut his knee,
        # bled everywhere").
        lead = tokens[start:i]
        if _SELF.isdisjoint(clause) and _OTHERS.isdisjoint(lead) and start > 0:
            back = start - 1
            while back > 0 and tokens[back - 1] != BREAK:
                back -= 1
            lead = tokens[back : start - 1]
            if not _SELF.isdisjoint(lead):
                return True
        if not _OTHERS.isdisjoint(lead) and _SELF.isdisjoint(clause):
            continue
        return True
    return False
