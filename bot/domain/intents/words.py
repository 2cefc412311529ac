"""Normalising a message: lower case, no apostrophes, emojis as words, misspellings mended."""

from __future__ import annotations

import difflib
import re
import unicodedata

from bot.domain.intents.today import _WORD_FIXES

# Emojis people use as words.
_EMOJI = {
    "👋": " hi ", "🙏": " thanks ", "🛑": " stop ", "🔇": " mute ", "😴": " tired ",
    "🥱": " tired ", "🤕": " headache ", "❤": " thanks ", "💕": " thanks ", "👍": " ok ",
}  # fmt: skip
# Misspellings and shorthand seen in real messages (after apostrophes are dropped).
_FIXES = {
    **_WORD_FIXES,
    "u": "you", "ur": "your", "r": "are", "pls": "please", "plz": "please", "plez": "please",
    "thx": "thanks", "thnx": "thanks", "thanx": "thanks", "tnx": "thanks", "ty": "thanks",
    "tq": "thanks", "thank": "thanks", "thnks": "thanks", "thks": "thanks", "tks": "thanks",
    "ta": "thanks", "cheers": "thanks", "thankyou": "thanks", "thanku": "thanks",
    "hii": "hi", "hiii": "hi", "hai": "hi", "helo": "hello", "hallo": "hello", "hullo": "hello",
    "heya": "hey", "hiya": "hi", "heyy": "hey", "heyyy": "hey", "mornin": "morning",
    "im": "i am", "youre": "you are", "thats": "that is", "theres": "there is",
    "ive": "i have", "id": "i would", "cant": "can not", "cannot": "can not",
    "dont": "do not", "didnt": "did not", "wont": "will not", "doesnt": "does not",
    "isnt": "is not", "couldnt": "could not", "havent": "have not", "aint": "is not",
    "wanna": "want to", "gonna": "going to", "gotta": "have to", "kinda": "kind of",
    "hed": "head", "hedache": "headache", "headach": "headache", "headake": "headache",
    "hedake": "headache", "migrane": "migraine", "migrain": "migraine", "nek": "neck",
    "neckk": "neck", "bak": "back", "shoulder": "shoulders", "sholders": "shoulders",
    "shoulds": "shoulders", "sholder": "shoulders", "shouldr": "shoulders", "leg": "legs",
    "slep": "sleep", "sleap": "sleep", "sleepp": "sleep", "sleeep": "sleep", "slpt": "slept",
    "tird": "tired", "tierd": "tired", "tiered": "tired", "tiredd": "tired",
    "exausted": "exhausted",
    "exhasted": "exhausted", "exhuasted": "exhausted", "exhausterd": "exhausted",
    "knackerd": "knackered", "stresed": "stressed", "stressd": "stressed", "streesed": "stressed",
    "anxius": "anxious", "axious": "anxious", "progres": "progress", "progess": "progress",
    "prgress": "progress", "porgress": "progress", "exprot": "export", "delet": "delete",
    "deleet": "delete", "hlep": "help", "hepl": "help", "halp": "help", "helpp": "help",
    "stopp": "stop", "sotp": "stop", "stpo": "stop", "skp": "skip", "skiip": "skip",
    "tmrw": "tomorrow", "tmr": "tomorrow", "2morrow": "tomorrow", "nite": "night",
    "tonite": "tonight", "b4": "before", "abt": "about", "bc": "because", "cuz": "because",
    "coz": "because", "rn": "right now", "tho": "though", "sooo": "so", "soooo": "so",
    "reallly": "really", "realy": "really", "moer": "more", "mroe": "more", "extr": "extra",
    "excercise": "exercise", "exersize": "exercise", "exercize": "exercise", "ok": "okay",
    "k": "okay", "kk": "okay", "okk": "okay", "okey": "okay", "oki": "okay", "okie": "okay",
    "fogy": "foggy", "foggey": "foggy", "brainfog": "brain fog", "fibrofog": "fibro fog",
    "achey": "achy", "acheing": "aching", "hurst": "hurts", "hurtin": "hurting",
    "killin": "killing", "stif": "stiff", "streching": "stretching", "sore": "sore",
    "msg": "message", "msgs": "messages", "msging": "messaging", "msgin": "messaging",
    "mesage": "message", "mesages": "messages", "txt": "text",
    "txts": "texts", "txting": "texting", "calfs": "calves", "abeg": "please",
}  # fmt: skip
# Longer keywords a typo of a letter or two still reaches (compared by similarity).
_KEYWORDS = (
    "headache", "migraine", "shoulders", "exhausted", "exhaustion", "fatigue", "fatigued",
    "knackered", "shattered", "insomnia", "stressed", "anxious", "anxiety", "overwhelmed",
    "progress", "export", "delete", "unsubscribe", "notifications", "reminders", "messages",
    "thanks", "hello", "morning", "evening", "afternoon", "sleep", "sleeping", "tired", "skip",
    "today", "tomorrow", "help", "stop", "pause", "extra", "longer", "concentrate", "forgetful",
    "foggy", "stiff", "aching", "killing", "spasms", "statistics", "download", "everything",
    "account", "exercise", "stretching", "walking", "tonight", "please", "really", "feeling",
)  # fmt: skip


def _word_set(text: str) -> frozenset[str]:
    """The words of a text, as a set (for long word lists)."""
    return frozenset(text.split())


# Everyday words never "corrected" into a keyword.
_KEEP = _word_set(
    "tried tries trying stoop store stool skin skim ship shop help hello held hell heal toady "
    "todays paused pauses extract export expert sleepy sleeps sleeve slept steep sheep deep "
    "walked walker talking stocking stretched stretches thank thinks things morning mourning "
    "evenings evening hello hellos please pleased pleasure really realise realize feelings "
    "tiredness exercises exercised killing billing filling willing delete deleted helps helped "
    "helping helpful helper massages massage peeling reeling moaning talking balking stopped "
    "message messaged waking wakes forget forgets forgetting walker walked "
    "stopping skipped skipping thinking thanked caused causes remind reminded reminding "
    "session sessions should shouldnt wouldnt couldnt exported exporting downloaded downloading"
)


def normalise(text: str) -> str:
    """Lower-case words, apostrophes dropped, emojis as words, misspellings mended."""
    value = text.lower().replace("’", "'").replace("‘", "'")
    # Namaste with folded hands is a greeting, not thanks.
    value = re.sub(r"\b(namaste|namaskar|vanakkam)\W*🙏", r"\1", value)
    for emoji, word in _EMOJI.items():
        value = value.replace(emoji, word)
    value = re.sub(r"'", "", value)
    # Accents off ("dziękuję", "ẹ káàárọ̀"): the patterns are written in plain letters.
    value = "".join(c for c in unicodedata.normalize("NFKD", value) if not unicodedata.combining(c))
    # Pidgin "my waist dey pain me": it hurts.
    value = re.sub(r"\bdey (pain|hurt|pound|worry|scatter)\w* me\b", r"\1s me", value)
    words: list[str] = []
    for word in re.findall(r"[a-z0-9]+", value):
        word = re.sub(r"(.)\1{2,}", r"\1\1", word)  # "sooooo" -> "soo"
        fixed = _FIXES.get(word)
        if fixed is None and len(word) >= 6 and word not in _KEEP and word not in _KEYWORDS:
            close = difflib.get_close_matches(word, _KEYWORDS, n=1, cutoff=0.8)
            fixed = close[0] if close else None
        words.append(fixed or word)
    return " ".join(words)


def is_question(text: str) -> bool:
    """A question by its mark or its first word (three words or more)."""
    if text.strip().endswith("?"):
        return True
    words = normalise(text).split()
    starts = {"what", "why", "how", "when", "where", "who", "which", "can", "could", "should",
              "is", "are", "do", "does", "will", "would"}  # fmt: skip
    return len(words) >= 3 and words[0] in starts
