"""What an everyday message means: greetings, rest, symptoms, "can I do more?", stop, help.

Pure functions over text, run after the safety scan and before any fallback. Matching is by
word patterns on a normalised form of the message (lower case, no apostrophes, common
misspellings mended), so "cant sleeep!!" and "Can't sleep" read the same.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

Intent = Literal[
    "stop", "delete", "export", "progress", "settings", "help", "rest", "more", "today",
    "symptom", "feeling", "thanks", "greeting", "clarify", "none",
]  # fmt: skip
Symptom = Literal[
    "neck", "headache", "back", "shoulders", "legs", "fatigue", "sleep", "stress", "brain_fog",
    "pain",
]  # fmt: skip
INTENTS: tuple[Intent, ...] = (
    "stop", "delete", "export", "progress", "settings", "help", "rest", "more", "today",
    "symptom", "feeling", "thanks", "greeting", "clarify", "none",
)  # fmt: skip
SYMPTOMS: tuple[Symptom, ...] = (
    "neck", "headache", "back", "shoulders", "legs", "fatigue", "sleep", "stress", "brain_fog",
    "pain",
)  # fmt: skip


@dataclass(frozen=True)
class Reading:
    """What a message means; `detail` names the symptom, the feeling or the kind of thanks.

    A "clarify" reading is a message that could be two things: `options` are the intents to
    offer as buttons ("none" is "Just telling you"), best guess first.
    """

    intent: Intent
    detail: str = ""
    options: tuple[Intent, ...] = ()


NONE = Reading("none")

# --- "what should I do today?" (kept as it was: the plan handler relies on it) -------------

# Canonical ways of asking; typed text is compared with these word by word.
TODAY_PHRASES = (
    "what should i do today",
    "what should i do",
    "what do i do today",
    "what can i do today",
    "what now",
    "what next",
    "whats next",
    "whats my plan",
    "whats the plan",
    "what is my plan",
    "my plan",
    "plan for today",
    "todays plan",
    "any ideas for today",
    "any ideas",
    "ideas for today",
    "give me a plan",
    "what should i try",
    "suggest something",
    "any suggestions",
    "what exercise today",
    "what movement today",
    "what should i do now",
    "help me move today",
    "goal",
    "my goal",
    "whats my goal",
    "target",
    "todays goal",
)
# A single word that, misspelt by a letter or two, still means the question.
_WORD_FIXES = {
    "shoud": "should", "shuold": "should", "shold": "should", "sould": "should", "shoudl": "should",
    "waht": "what", "wat": "what", "wht": "what", "whta": "what", "wut": "what",
    "tody": "today", "todya": "today", "2day": "today", "tdy": "today", "toady": "today",
    "pln": "plan", "paln": "plan", "idea": "ideas", "suggestion": "suggestions",
}  # fmt: skip
_MAX_WORDS = 10  # longer messages are notes or questions about something else
_MATCH = 0.84


def _words(text: str) -> list[str]:
    """Lower-case words without punctuation, with common misspellings mended."""
    cleaned = re.sub(r"[’']", "", text.lower())
    words = re.findall(r"[a-z0-9]+", cleaned)
    return [_WORD_FIXES.get(w, w) for w in words]


def asks_for_today(text: str) -> bool:
    """True when the text asks what to do today (or means the same)."""
    words = _words(text)
    if not words or len(words) > _MAX_WORDS:
        return False
    joined = " ".join(words)
    if joined in TODAY_PHRASES:
        return True
    if difflib.get_close_matches(joined, TODAY_PHRASES, n=1, cutoff=_MATCH):
        return True
    # Looser shapes: "what ... do ... today", "plan ... today", "ideas ... today".
    has = set(words)
    if "what" in has and ("do" in has or "plan" in has) and ("today" in has or "now" in has):
        return True
    return bool(has & {"plan", "ideas", "suggestions"} and "today" in has)


# --- Normalising --------------------------------------------------------------------------

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
    "session sessions should shouldnt wouldnt couldnt"
)


def normalise(text: str) -> str:
    """Lower-case words, apostrophes dropped, emojis as words, misspellings mended."""
    value = text.lower().replace("’", "'").replace("‘", "'")
    for emoji, word in _EMOJI.items():
        value = value.replace(emoji, word)
    value = re.sub(r"'", "", value)
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


# --- Patterns, one group per intent -------------------------------------------------------

_PAIN = (
    r"(hurt\w*|pain\w*|ache\w*|aching|achy|sore|stiff\w*|killing|spasm\w*|tight|tense|agony|"
    r"throb\w*|pound\w*|cramp\w*|burn\w*|twinge\w*|playing up|acting up|bad|awful|terrible|"
    r"rough|heavy|tips?|help|advice|crick|locked|seized|flaring|flared|screaming|tender|"
    r"tension|knots?|knotted|cricked|restless|jelly|weak|in bits|in pieces|bad way|wrecked|"
    r"done in|not good|not great|concrete|lead|rocks?|bricks?|like wood|seized up|grumbling|"
    r"grumbly|niggling|niggly|niggle|complaining|moaning)"
)
_GOOD = r"(better|fine|okay|good|great|easier|improving|improved|alright|much better|lovely)"


def _any(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


_NOT_STOP = re.compile(
    r"\b(will not|does not|do not|can not|never|would not|not|had to|have to|needed to|need to|"
    r"made me) (stop|pause)\b|\b(brain|mind|head|thoughts)\b.{0,20}\b(switch|turn|shut) "
    r"(off|down)\b|\bpause (the|my|todays) (exercises?|walk|movement|session|stretches|plan) "
    r"for today\b"
)
_STOP_WHOLE = re.compile(
    r"^(please |okay |just |can you |could you |bot )*(stop|stop it|stop now|stop please|pause|"
    r"mute|unsubscribe|quiet|be quiet|enough|no more|shut up|go away|leave me alone|cancel|"
    r"silence|stop stop|end|quit|pause please|mute please|off)( please| now| thanks)*$"
)
_STOP = _any(
    r"\b(stop|quit|cease)\b.{0,30}\b(messag\w*|texting|text|sending|send|remind\w*|notif\w*|"
    r"ping\w*|bugging|bother\w*|nagging|asking|check ins?|checkins?|prompts?|spam\w*|"
    r"contact\w*)\b",
    r"\b(stop|quit) (it|this|that|now|please|the bot|talking)\b",
    r"\b(pause|mute|snooze|silence)\b(?! (halfway|for (breath|a (breather|rest|sit|moment|minute|"
    r"second|bit|drink))|to |and|every|in between|"
    r"between|after|mid))",
    r"\b(no|fewer|less) (more )?(messages|reminders|notifications|check ins?|checkins|prompts)\b",
    r"\btoo many (messages|reminders|notifications|check ins?|checkins)\b",
    r"\bdo not (message|text|remind|bother|ping|contact|send)\b",
    r"\b(turn|switch|shut) (off|down)\b",
    r"\bleave me alone\b",
    r"\bunsubscribe\b",
    r"\bopt out\b",
    r"\bgo away\b",
    r"\b(break|rest|time off) from (you|this|the bot|check ins?|checkins|messages|the messages|"
    r"reminders|notifications)\b",
    r"\b(do not|no longer) want (these|the|your|any)( daily| morning| evening)? (messages|"
    r"reminders|notifications|texts|pings|nudges|check ins?|checkins)\b",
)
_DELETE = _any(
    r"\b(delete|erase|remove|wipe|destroy|clear)\b.{0,30}\b(data|account|everything|history|"
    r"info|information|profile|records?|details|check ins?|checkins|me from)\b",
    r"\bforget (me|about me|everything|my)\b",
    r"\b(close|cancel) my account\b",
    r"\bhow (do|can) i (delete|erase|remove|wipe)\b",
    r"^(delete|delete everything|delete all|erase everything|wipe everything)$",
    r"\b(data|account|everything|history|information) (deleted|erased|removed|wiped)\b",
)
_EXPORT = _any(
    r"\bexport\w*\b",
    r"\bdownload\w*\b.{0,30}\b(data|history|check ins?|checkins|records?|everything|all|"
    r"progress|report|stats)\b",
    r"\b(copy|csv|pdf|spreadsheet|excel|file)\b.{0,30}\b(data|history|check ins?|checkins|"
    r"records?|progress|doctor|gp|physio|rheumatologist|specialist|nurse|consultant)\b",
    r"\b(send|give|email|share|show) (me |my )?(my |a )?(data|records|history)\b",
    r"\b(share|show|print|bring)\b.{0,25}\b(doctor|gp|physio|rheumatologist|specialist|"
    r"nurse|consultant)\b",
    r"\b(data|check ins?|checkins|history|records)\b.{0,30}\b(spreadsheet|csv|pdf|excel|file)\b",
    r"\b(take|bring|give|send|show) (to|for) (my|the) (doctor|gp|physio|rheumatologist|"
    r"specialist|nurse|consultant)\b",
    r"\b(report|summary) for (my |the )?(doctor|gp|physio|rheumatologist|specialist|nurse|"
    r"consultant|appointment)\b",
    r"\b(everything|all|what) (that )?(you|youve|you have) (stored|saved|kept|got|hold|"
    r"collected|know) (about|on) me\b",
)
_PROGRESS = _any(
    r"\bprogress\b",
    r"\b(stats|statistics|chart|charts|graph|graphs|streak|streaks)\b",
    r"\bhow (am i|have i been|im|i am|i have been) doing\b",
    r"\bhow (many|much) (days|minutes|times)\b.{0,30}\b(have i|did i|i have|i did)\b",
    r"\b(see|show|view|check|look at|track) (me )?(my|how i|how much|how many)\b.{0,20}"
    r"\b(week|weeks|month|days|minutes|history|moved|done|doing|improved|improving)\b",
    r"\bmy (week|month|weekly summary|weekly report)\b",
    r"\bam i (improving|getting better)\b",
    r"\bhow (many|much) (check ins?|checkins|sessions|walks|days)\b.{0,20}\b(have i|did i|i have|"
    r"i did|done|so far)\b",
    r"\bam i (actually |really )?(getting anywhere|making progress|getting somewhere|any better|"
    r"getting any better|getting better)\b",
)
# Changing when or where the bot writes: the settings, not a generic help text.
_SETTINGS = _any(
    r"\b(change|changing|move|moving|switch|update|set|reset|fix|adjust|edit|alter)\b.{0,25}"
    r"\b(reminders?|check in time|checkin time|time zone|timezone|time|notifications?|pings?|"
    r"nudges?|settings|schedule|when you (message|text|ping|remind))\b",
    r"\b(remind|ping|message|text|nudge|prompt) me (at|later|earlier|in the|after|before|around|"
    r"from now on|every)\b",
    r"\b(can|could) (you|u) (remind|ping|message|text|nudge|prompt) me (at|later|earlier|in the|"
    r"after|before|around)\b",
    r"\b(wrong|different|new) (time zone|timezone|time)\b",
    r"\b(moved|moving|living|live|am|now) (to|in)\b.{0,25}\b(time zone|timezone)\b",
    r"\b(time zone|timezone)\b.{0,20}\b(wrong|changed|different|moved)\b",
    r"^settings$",
    r"\b(later|earlier) (in the day|in the evening|in the morning|reminder|check in)\b",
    r"\bwrong time zone\b",
    r"\b(reminders?|check ins?|checkins|messages?|pings?|prompts?) (come|comes|arrive|arrives|are|"
    r"is) (way |much |a bit |too |so )*(early|late|early for me|late for me)\b",
    r"\bmake (it|them|the reminders?) (later|earlier)\b",
)
_HELP_WHOLE = re.compile(
    r"^(help|help me|help please|please help|helpp|menu|commands|the commands|options|info|"
    r"instructions|how does this work|how does it work|how do you work|what can you do|"
    r"what do you do|what is this|what is this bot|who are you|what are you|how do i use this|"
    r"how do i use you|i am confused|i am lost|confused|lost|huh|what|sos|start|settings|"
    r"what are the commands|list commands|show commands|what can i say|what can i ask|"
    r"what can i ask you|how do i start|where do i start|i need help|need help|can you help|"
    r"can you help me|help me please)$"
)
_HELP = _any(
    r"\bwhat (can|do|could) you (do|help)\b",
    r"\bhow (does|do) [a-z ]{0,20}\b(work|works)\b",
    r"\bwhat (can|does|do) (this|the|you)\b[a-z ]{0,15}\bdo\b",
    r"\bhow (does|do|can) (this|it|you|the bot|this bot|this app|small steps) (work|help)\b",
    r"\bhow do i (use|start|change|set|turn)\b",
    r"\b(i am|feeling|bit|so|a little) (confused|lost)\b",
    r"\b(what are|list|show me) (the |your |all )?(commands|options|buttons)\b",
    r"\bwhat (is|are) (this|you)\b",
    r"\b(change|set) my (check in|checkin|time|timezone|time zone|reminder|activities|"
    r"settings)\b",
    r"\bhelp\b",
    r"\bwhat (commands|options|buttons)\b",
    r"\b(understand|know|figure out|work out|get) how (to|this|it|you) (use|works?)\b",
    r"\bwhat (do|can|should) i (do|say|type) (with|to) (this|you|the bot|this bot|this app)\b",
)
_REST = _any(
    r"\bskip\w* (today|it|this|the (walk|exercise|session|movement|plan|workout|stretches)|"
    r"my (walk|exercise|session|movement|plan|workout|stretches|yoga|swim)|exercise|movement|"
    r"walking|todays|tonight|for today|a day|the day|out|moving)\b",
    r"\b(can|could|may|should|shall|would it be okay if|is it okay if|is it okay to|okay to) "
    r"(i )?skip\b",
    r"\bskipping\b(?! (the |this |that )?questions?)",
    r"^skip( please| pls)?$",
    r"\b(mark|log|put|count|record) (today|it|this)( down)? as (a )?rest\b",
    r"\b(leave|save) (the |my )?(proper )?(exercises?|walk|movement|session|stretches) "
    r"(for|till|until) (another|tomorrow|next)\b",
    r"\bfeet up\b",
    r"\bquiet day\b",
    r"\bwithout (the|my|any) (walk|exercise|exercises|movement|session|stretches)\b",
    r"\b(must|should|will|ill|shall|ought to) (just )?rest\b",
    r"\bpause (the|my|todays) (exercises?|walk|movement|session|stretches|plan) for today\b",
    r"\brest day\b",
    r"\bday off\b",
    r"\bdays off\b",
    r"\bduvet day\b",
    r"\bsofa day\b",
    r"\b(need|take|taking|have|having|want|needing|earned|deserve) (a |some |the )?"
    r"(rest|break|breather|day of rest|lie down|nap|day in bed)\b",
    r"\btoo (tired|exhausted|sore|wiped|knackered|drained|achy|painful|much pain|fatigued|"
    r"shattered|weak|wrecked|worn out|sick|unwell|ill)\b",
    r"\bnot (today|up to it|up for it|feeling up to|up to anything|going to manage|"
    r"going to happen|doing it today|moving today|exercising today)\b",
    r"\b(can not|unable to|not able to|will not be able to|could not) (do|manage|face|move|"
    r"exercise|walk|get up|make it|do anything|do it|do my)\b",
    r"\bno energy (for|to)\b",
    r"\bgiv\w* (\w+ ){1,3}a miss\b",
    r"\b(have|take|taking|having|get) (today|the day|tomorrow|a day) off\b",
    r"\b(do not|not) feel\w* up to\b",
    r"\b(need|needs|want|going|have|got) to rest\b",
    r"\btake (today|the day|tomorrow) off\b",
    r"\b(rest|resting|restday|lie in|staying in bed|stay in bed) (today|instead|for today)\b",
    r"\bjust (rest|resting|want to rest|going to rest|lie down)\b",
    r"\bsit (this|today|it)( one)? out\b",
    r"\bpass on (the|my|todays|today|this)\b",
    r"\b(have|having|going to have) a lazy (one|day)\b",
    r"\blazy day\b",
    r"\b(pyjama|pajama|pj|pjs|duvet|couch|sofa|bed|recovery|recharge) day\b",
    r"\b(couch|sofa|bed) all day\b",
    r"\bno (stretches|exercise|exercises|movement|walk|walking|yoga) (for me|today)\b",
    r"\bnot doing (any|my|the) (movement|exercise|exercises|stretches|walk)\b",
    r"\brecharge\b",
    r"\b(should|shall|can|could) i (just )?(rest|have a rest|take a rest|have a day off)\b",
    r"\bpass (today|on today)\b",
    r"\b(take|taking) (it|things) easy today\b",
    r"\bno (movement|exercise|walk|walking|yoga) today\b",
    r"\b(bed|sofa|couch) (day|today)\b",
    r"\b(is it ok|is it okay|okay|ok|alright|fine) (to|if i) (rest|not move|not exercise|do "
    r"nothing|stay in bed|take it easy)\b",
)
_MORE = _any(
    r"\b(do|doing|go|walk|walking|add|try|exercise|move|swim|cycle|ride|stretch|train) (a "
    r"(bit|little|lot) |some |any |a few |the )?(more|longer|extra|further|harder|faster|"
    r"farther|double|twice|again|minutes more)\b",
    r"\bmore (today|minutes|exercise|movement|than (that|this|the plan|my plan|planned)|"
    r"time)\b",
    r"\bdouble (session|walk|workout|dose of)\b",
    r"\b(increase|raise|bump|push) (it|my|the|plan|goal|minutes|level)\b",
    r"\bup (my|the) (goal|minutes|plan|level|time)\b",
    r"\b(a )?(longer|bigger|extra|second) (walk|session|swim|ride|stretch|workout|go)\b",
    r"\bextra\b(?! (tired|sore|achy|painful|bad|stiff|pain|exhausted|careful|gentle|rest|"
    r"sleep))",
    r"\bbonus\b",
    r"\b(too easy|not enough|too short|too little|only \d+ minutes|is that all|that is all)\b",
    r"\b(step|level|scale|ramp) (it )?up\b",
    r"\b(can|could|should|may) i (do|go|walk|add|try) (more|longer|further|extra|harder|"
    r"another)\b",
    r"\b(want|like|fancy|ready|able) (to )?(do |go |try )?(more|longer|further|extra|a "
    r"challenge|harder|another)\b",
    r"\b(keep|carry on|continue) (going|walking|moving)\b",
    r"\banother (walk|round|session|set|go)\b",
    r"\b(go|walk|do|exercise|move|swim|cycle|ride|go out) for (longer|more|a bit longer|a "
    r"little longer)\b",
    r"\badd (a few|some|more|extra|a couple|a couple of|\d+) (more )?(minutes|mins|more)\b",
    r"\bmore please\b",
    r"\bsomething (a bit |a little |a lot )?(harder|tougher|longer|more challenging)\b",
    r"\b(two|2|second|another) (sessions|session|walks|walk)\b",
    r"\bmore than (\d+|my|the|that) ?(mins|minutes|plan|goal)?\b",
    r"^more\b",
)
_FEELING_WORSE = _any(
    r"\b(worse|awful|terrible|horrible|rough|rubbish|crap|crappy|lousy|dreadful|miserable|"
    r"struggling|not great|not good|not well|not so good|not too good|bad day|grim)\b",
)
# "bad", "low", "down" say how someone is only next to "feeling", "so", "today" and the like.
_FEELING_WEAK_WORSE = re.compile(r"\b(bad|low|down|poorly|unwell|sad)\b")
_FEELING_SAME = _any(
    r"\b(same|the same|no change|not much change|about the same|meh|so so|sort of okay|"
    r"nothing new|same old|as usual|usual|no different|unchanged)\b",
)
_FEELING_BETTER = _any(
    r"\b(better|good|great|fine|okay|well|brilliant|fab|fabulous|fantastic|amazing|wonderful|"
    r"excellent|lovely|happy|not bad|pretty good|much better|a bit better|improving|improved|"
    r"super|awesome|positive|cheerful|decent)\b",
)
_FEELING_CONTEXT = re.compile(
    r"\b(feel|feeling|feels|felt|i am|doing|today|day|been|things are|it is|pretty|a bit|much|"
    r"bit|little|lot|so|much|really)\b"
)
# Good words are in notes too ("good walk today"): they need a word about the person.
_BETTER_CONTEXT = re.compile(
    r"\b(feel|feeling|feels|felt|i am|doing|been|pretty|a bit|much|bit|lot|little|things are)\b"
)
_THANKS = _any(
    r"\b(thanks|thanking|grateful|appreciate\w*|appreciated|you are a star|you are the best|"
    r"much appreciated|lifesaver|life saver|that helps|that helped|that is helpful|very helpful|"
    r"so helpful|really helpful|kind of you|bless you|you are kind|you are lovely|love you|"
    r"love this|merci|danke|gracias)\b",
)
_ACK = re.compile(
    r"^(okay|okay then|okay thanks|alright|all right|sure|cool|got it|noted|will do|understood|"
    r"right|fine|great|perfect|nice|lovely|good|brilliant|sounds good|sounds great|okay cool|"
    r"yep okay|okay will do|great thanks|perfect thanks|okay okay|good to know|ah okay|oh okay|"
    r"fair enough|makes sense|nice one|good stuff|awesome|super)( you)?$"
)
_GREETING = re.compile(
    r"^(hi|hello|hey|yo|howdy|morning|good morning|good afternoon|good evening|good day|"
    r"evening|afternoon|greetings|sup|whats up|hows it going|how are you|hi there|hello there|"
    r"hey there|gm|hola|bonjour|hallo|hello again|hi again|hey again|im back|i am back|"
    r"back again|hello bot|hi bot|hey bot|morning all|evening all|how are you doing|"
    r"how are things|nice to meet you|how do you do|top of the morning|g day|gday)\b"
)
# "Good day today!": how the day is going, not "G'day".
_GOOD_DAY = re.compile(r"^good day (today|so far|yesterday)\b")
_SMALL_TALK = _word_set(
    "hi hello hey yo there bot again you are how doing today it is going good morning evening "
    "afternoon day and i am back whats up sup all things nice to meet do of the top g gday "
    "howdy hola bonjour greetings gm hows friend buddy mate lovely to see everyone sunshine "
    "again again there hallo"
)

# Thanks with nothing else said ("ok thanks", "great, thank you so much x").
_THANKS_ONLY = _word_set(
    "thanks thank you so much very a lot okay great good cool perfect lovely brilliant x xx xxx "
    "that is really many again for everything all of it the help oh ah right"
)

# Symptoms: each is found by its words; the body-part ones want a word of pain nearby.
_SYMPTOM_WORDS: dict[Symptom, re.Pattern[str]] = {
    "neck": re.compile(r"\b(neck|necks|crick)\b"),
    "headache": re.compile(
        r"\b(headache\w*|head ache\w*|migraine\w*|heads? (hurts|pain|pounding|throbbing|"
        r"splitting|is killing|aches|banging|killing|is (pounding|throbbing|splitting|sore|"
        r"banging|aching|bad|awful|killing|hurting|thumping))|sore head|tension head\w*)\b"
    ),
    "shoulders": re.compile(r"\b(shoulders|shoulder blades?|trapezius|traps)\b"),
    "back": re.compile(r"\b(back|backs|backache|back ache|spine|lower back|upper back|lumbar)\b"),
    "legs": re.compile(
        r"\b(legs|knees?|calf|calves|thighs?|hips?|feet|foot|ankles?|restless legs|jelly legs)\b"
    ),
    "fatigue": re.compile(
        r"\b(tired|exhausted|exhaustion|fatigue|fatigued|drained|wiped|knackered|shattered|"
        r"worn out|no energy|low energy|zero energy|energy is|sleepy|run down|burnt out|"
        r"burned out|zombie|spoons|spoonie|no spoons|weary|wrecked|dead on my feet|"
        r"running on empty|flat battery|batteries)\b"
    ),
    "sleep": re.compile(
        r"\b(sleep\w*|slept|insomnia|sleepless|awake|woke|waking|wake up|nights?|bedtime|"
        r"nightmares?|tossing|restless night)\b"
    ),
    "stress": re.compile(
        r"\b(stress\w*|anxious|anxiety|overwhelm\w*|worried|worrying|panick\w*|panic|"
        r"on edge|frazzled|nervous|uptight|wound up|tense|frustrated|cannot relax|can not relax)\b"
    ),
    "brain_fog": re.compile(
        r"\b(brain fog|fibro fog|fog|foggy|fuzzy|cotton wool|can not think|can not concentrate|"
        r"can not focus|concentrate|concentration|focus|forgetful|forgetting|forgot|memory|"
        r"muddled|spaced out|spacey|scatterbrained|brain is mush|mushy|cannot think|"
        r"words wrong|losing words|lose my words|cotton|find my words|find the words)\b"
    ),
    "pain": re.compile(
        r"\b(everything hurts|everything aches|all over|whole body|in agony|in pain|so much pain|"
        r"hurting everywhere|aching everywhere|pains? (is )?(bad|awful|terrible|high|worse|"
        r"killing|horrendous|through the roof|up)|up a notch|"
        r"pain is|my pain|pain today|flare|flaring|flare up|flared|hurts everywhere|"
        r"aching everywhere|sore everywhere|achy|aching all|body hurts|body aches|"
        r"widespread pain|my body)\b"
    ),
}
# Body parts are often named without a complaint ("back from the shops", "walked on my feet").
_NEEDS_PAIN: frozenset[Symptom] = frozenset({"back", "legs", "shoulders", "neck"})
_BODY: frozenset[Symptom] = frozenset({"back", "legs", "shoulders", "neck", "headache"})
# Sleep is mentioned in notes ("slept well"): it is a complaint only with a word of trouble or
# a request for tips.
_SLEEP_TROUBLE = re.compile(
    r"\b(can not|could not|not|no|barely|hardly|trouble|struggl\w*|problems?|issues?|poor|"
    r"poorly|bad|badly|terrible|terribly|awful|rubbish|broken|restless|insomnia|sleepless|"
    r"awake|woke|waking|tips?|help|advice|improve|better sleep|how|tossing|nightmares?|"
    r"never|lack|light|rough|horrible|little|only|hours?|up all night|all night)\b"
)
_STRESS_OK = re.compile(r"\b(not|no|less|without) (stressed|anxious|worried|stress)\b")


# "A bit overwhelmed but managing": how they are, not a request for a tip.
_COPING = re.compile(r"\bbut (managing|coping|getting there|okay|alright|fine|hanging in|ok)\b")
# "Not skipping today", "didn't need a rest day after all": the rest they deny.
_NOT_REST = re.compile(
    r"\b(not|never|no|did not|didnt|do not|dont|will not|wont) (need (a |to )?|want (a |to )?|"
    r"going to |planning (on |to )?)?(skip\w*|rest\w*|day off|break|sit\w* (it|this) out)\b"
)
# A rest said in jest: "cat's asleep on my feet so i can't move haha".
_JOKE = re.compile(r"\b(haha+|hehe+|lol|lmao|rofl)\b|😂|🤣")
_WEAK_REST = re.compile(
    r"\b(can not|unable to|not able to|will not be able to|could not) (do|manage|face|move|"
    r"exercise|walk|get up|make it|do anything|do it|do my)\b"
)
# "I don't want to do more": the more they decline.
_NOT_MORE = re.compile(
    r"\b(do not|dont|not|never|no need to|will not|wont) (want to |going to |need to |feel like )?"
    r"(do|go|try|push|walk)? ?(any )?(more|extra|further|longer|harder)\b"
)


def _rest(value: str) -> Reading | None:
    """Rest today; a clarification when it may be a joke; None when not about resting."""
    if not _REST.search(value) or _NOT_REST.search(value):
        return None
    if _JOKE.search(value) and _WEAK_REST.search(value):
        # "cat's asleep on my feet so i can't move haha": most likely a joke; ask, don't act.
        return Reading("clarify", options=("none", "rest", "today"))
    return Reading("rest")


def _symptom_and_negation(text: str) -> tuple[Symptom | None, bool]:
    """The symptom named first (if a complaint of the person's own), and whether one was denied
    ("no headache today", "not tired at all") or belonged to someone else."""
    found: list[tuple[bool, int, Symptom]] = []
    negated = False
    for symptom, pattern in _SYMPTOM_WORDS.items():
        for match in pattern.finditer(text):
            before = text[: match.start()].rstrip()
            clause = re.split(r"\b(but|and|so|because|though|although)\b", before)[-1].strip()
            if _OTHER_BEFORE.search(clause) and not _OTHER_FIRST.search(clause):
                continue  # someone else's: "my mum's back is bad again"
            # "Didn't sleep a wink" is the complaint itself: sleep reads its own negation.
            if symptom != "sleep" and (
                _NEGATED_BEFORE.search(before)
                or _NEGATED_AFTER.search(text[match.start() :])
                or _SETTLED.search(text[match.end() :])
            ):
                negated = True
                continue
            if _complaint(symptom, text, match.start(), match.end()):
                # A named body part says more than tiredness or a bad night around it.
                found.append((symptom not in _BODY, match.start(), symptom))
                break
    if not found:
        return None, negated
    return min(found)[2], False


def _symptom(text: str) -> Symptom | None:
    """The symptom named first in the text, if any is a complaint."""
    found: list[tuple[bool, int, Symptom]] = []
    for symptom, pattern in _SYMPTOM_WORDS.items():
        for match in pattern.finditer(text):
            if _complaint(symptom, text, match.start(), match.end()):
                # A named body part says more than tiredness or a bad night around it.
                found.append((symptom not in _BODY, match.start(), symptom))
                break
    if not found:
        return None
    return min(found)[2]


def _complaint(symptom: Symptom, text: str, start: int, end: int) -> bool:
    """Whether a symptom word at start:end is a complaint (or a request for tips)."""
    around = text[max(0, start - 40) : end + 40]
    if symptom in _NEEDS_PAIN and "ache" not in text[start:end]:
        if symptom == "back" and re.search(r"\b(back (from|home|to|again|in|at|on)|(get|got|"
                                           r"come|came|go|went|going|coming|be|am|i am|were|"
                                           r"was|is) back)\b", text):  # fmt: skip
            return bool(re.search(rf"\b(my|lower|upper) back\b.{{0,25}}\b{_PAIN}", text))
        after = text[start : end + 40]
        if re.search(rf"^\w+( \w+){{0,4}} (is|are|feels?|feel|seems?) (a lot |much |so |"
                     rf"way |heaps )?{_GOOD}\b", after):  # fmt: skip
            return False
        return bool(re.search(rf"\b{_PAIN}", around))
    if symptom == "sleep":
        return bool(_SLEEP_TROUBLE.search(around))
    if symptom == "stress":
        return not _STRESS_OK.search(around)
    if symptom == "brain_fog" and text[start:end] in ("focus", "concentrate", "memory", "forgot"):
        return bool(re.search(r"\b(can not|could not|no|struggl\w*|hard|trouble|poor|bad|"
                              r"terrible|awful|foggy|fog)\b", around))  # fmt: skip
    return True


def _feeling(text: str) -> str | None:
    """Better, same or worse, for short answers to "how are you doing?"."""
    words = text.split()
    if not words or len(words) > 9:
        return None
    # "great" alone is an acknowledgement, "feeling great" a feeling; longer texts need a word
    # like "feel" or "today" to be about how the person is.
    context = bool(_FEELING_CONTEXT.search(text))
    if not context and len(words) > 4:
        return None
    not_bad = re.search(r"\bnot (too |that |so )?bad\b", text)
    if not not_bad and (
        _FEELING_WORSE.search(text) or (context and _FEELING_WEAK_WORSE.search(text))
    ):
        return "worse"
    if _FEELING_SAME.search(text):
        return "same"
    if _FEELING_BETTER.search(text) and (_BETTER_CONTEXT.search(text) or len(words) <= 2):
        return None if len(words) == 1 and words[0] not in ("better", "improving") else "better"
    return None


# "What am I meant to be doing today?", "today's session?", "give me today's task".
_TODAY_WORD = re.compile(
    r"\b(today|todays|tonight|tonights|this afternoon|this morning|this evening)\b"
)
_TODAY_ASK = re.compile(
    r"^(what|whats|what is|what are|which|how long|how many|how much|give me|remind me|tell me|"
    r"show me|so what|so whats|any)\b|\b(what|whats|how long|how many)\b.{0,30}\b(supposed|"
    r"meant|should|doing|do|on|plan|goal|target)\b"
)
_TODAY_THING = re.compile(
    r"\b(plan|goal|target|task|session|exercise|exercises|thing|menu|on|doing|do|meant|supposed|"
    r"walk|move|movement|step|go|job|mission|challenge|mins|minutes|for|aiming|aim)\b"
)
# "What was I supposed to do again today": what was planned, not more of it.
_PLANNED = re.compile(r"\b(supposed|meant|planned|my plan|the plan|my goal|the goal)\b")
_TODAY_DONE = re.compile(r"\b(i|we) (did|have done|walked|managed|went|finished|had)\b")

# Someone else's trouble: "my mum's back is bad again", "hubby's got a headache".
_OTHER_WHO = (
    r"(mums?|moms?|mams?|dads?|hubbys?|husbands?|wifes?|partners?|sons?|daughters?|kids?|"
    r"friends?|mates?|brothers?|sisters?|nans?|grandmas?|grandads?|dogs?|cats?|boss|bosses|"
    r"roommates?|flatmates?|housemates?|"
    r"colleagues?|neighbours?|neighbors?|boyfriends?|girlfriends?|bfs?|gfs?|oh|he|she|they|"
    r"everyone|everybody|the kids|the dog|the cat)"
)
_OTHER_BEFORE = re.compile(rf"(^|\b(my|our|the|his|her) ){_OTHER_WHO}( \w+){{0,4}}$")
_OTHER_FIRST = re.compile(r"\b(i|im|i am|me|my back|my neck|my head|my legs|my shoulders)\b")
# A symptom word negated just before it: "not tired at all", "no headache today".
_NEGATED_BEFORE = re.compile(
    r"\b(not|no|isnt|is not|wasnt|was not|without|free of|less|hardly|barely)( \w+)?$"
)
_NEGATED_AFTER = re.compile(
    r"^\w+( \w+)? (is not|isnt|was not|wasnt|are not|arent|not) (hurting|sore|bad|as bad|"
    r"aching|playing up|too bad|that bad|stiff)|^\w+( \w+)? (is|are|feels?) (fine|okay|good|"
    r"great|better|alright)"
)
# A trouble that has passed: "my neck was sore last week but it's fine now".
_SETTLED = re.compile(
    r"^( \w+){0,4} (last week|yesterday|last night|earlier)\b.{0,20}\b(fine|better|gone|okay|"
    r"ok|alright) now\b|^.{0,30}\bbut (it is|its|they are|theyre|it has|its been) (fine|better|"
    r"gone|okay|ok|alright)( now)?\b"
)
# On a screen or in a book: "watched a documentary about insomnia".
_SCREEN = re.compile(
    r"\b(watched|watching|reading|read|listened to|listening to|saw) (a |an |the |this |that )?"
    r"(\w+ )?(documentary|film|movie|show|programme|program|podcast|article|book|video|series)\b"
)
# Sarcasm: a good word with a rolling eye, or thanks that mean the opposite.
_SARCASM = re.compile(
    r"\b(thanks for nothing|thanks a bunch|cheers for nothing|just great|just perfect|just what "
    r"i needed|oh great|oh joy|loving life|loving it|living the dream|brilliant just brilliant|"
    r"fantastic just fantastic|said no \w+( \w+)? ever)\b|"
    r"^oh (aye |yeah |yes )?(great|brilliant|marvellous|fantastic|wonderful|lovely|perfect|"
    r"super)\b"
)
_EYE_ROLL = re.compile(r"🙄|😒")
# "Thank god", "thank goodness": relief, not thanks.
_RELIEF = re.compile(r"\bthanks? (god|goodness|heavens|christ)\b")
# How someone is, in phrases that need no "feel" or "today" to be about them.
_FEELING_PHRASES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("worse", re.compile(
        r"\b(going downhill|gone downhill|write off|written off|not a good day|not a great day|"
        r"not good|not great|could be better|seen better days|ugh|urgh|meh|struggling|rough|"
        r"rubbish|awful|terrible|horrible|worse|getting worse|flat|discouraged|fed up|"
        r"down in the dumps|low|frustrated|disheartened|gutted|fed up)\b"
    )),
    ("same", re.compile(
        r"\b(nothing has changed|nothing changed|nothing is changed|nothings changed|"
        r"nothing new|no change|"
        r"fair to middling|can not complain|mustnt grumble|must not grumble|up and down|"
        r"rollercoaster|roller coaster|so so|same old|same as ever|much the same|about the same|"
        r"same as usual|the usual|as usual|ticking along|plodding along|getting by|managing|"
        r"coping|hanging in there|middling|okay i suppose|ok i suppose|okay i guess|"
        r"alright i suppose|not sure really)\b"
    )),
    ("better", re.compile(
        r"\b(on the mend|looking up|turned a corner|turning a corner|loads better|lots better|"
        r"much better|bit better|a lot better|feel better|feeling better|better today|better than|"
        r"better not|better but|getting better|improving|grand|alright|not bad|good day|great day|"
        r"slept (like a log|like a baby|well|great|brilliantly|really well)|for once|"
        r"doing well|doing good|doing okay|doing fine|feeling fine|feeling good|feeling great|"
        r"felt fine|felt good|felt great|feel fine|feel good|feel great|chuffed|proud|pleased|"
        r"positive|happy|brighter|good one|great one|raring to go|not too bad)\b"
    )),
)  # fmt: skip
# "I feel a little discouraged, the progress is slow": how they are, not a request for stats.
_I_FEEL = re.compile(r"^(i feel|i am feeling|feeling|i am)\b")
_ASKS_BACK = re.compile(r"\b(yourself|and you|how about you|you)\s*\?*$")


def _feeling_phrase(value: str) -> str | None:
    """How someone is, from a phrase that says it whatever the context (short messages)."""
    if len(value.split()) > 20:
        return None
    found: list[tuple[int, str]] = []
    for detail, pattern in _FEELING_PHRASES:
        match = pattern.search(value)
        if match:
            found.append((match.start(), detail))
    # "not bad" is better, "not good" worse: the phrase said first counts.
    return min(found)[1] if found else None


def _today_question(value: str, text: str) -> bool:
    """Asking what today's plan is, in other words than the canonical ones."""
    if not _TODAY_WORD.search(value) or len(value.split()) > 14 or _TODAY_DONE.search(value):
        return False
    asked = text.strip().endswith("?") or _TODAY_ASK.search(value) is not None
    return asked and _TODAY_THING.search(value) is not None


def read(text: str) -> Reading:
    """What an everyday message means, in order of what matters most to the person."""
    value = normalise(text)
    if not value:
        return Reading("help") if set(text.strip()) == {"?"} else NONE
    question = text.strip().endswith("?")
    if _STOP_WHOLE.match(value) or (_STOP.search(value) and not _NOT_STOP.search(value)):
        return Reading("stop")
    for intent, pattern in (("delete", _DELETE), ("export", _EXPORT), ("progress", _PROGRESS)):
        if pattern.search(value):
            if intent == "progress" and _I_FEEL.match(value) and _feeling_phrase(value):
                return Reading("feeling", _feeling_phrase(value) or "same")
            return Reading(intent)  # type: ignore[arg-type]
    if _SETTINGS.search(value):
        return Reading("settings")
    if _HELP_WHOLE.match(value):
        return Reading("help", "direct")
    if _SARCASM.search(value):
        return Reading("feeling", "worse")
    value = _RELIEF.sub("phew", value)
    rest = _rest(value)
    more = _MORE.search(value) is not None and not _NOT_MORE.search(value)
    if rest is not None and rest.intent == "rest" and more:
        # "Can I do more today, or should I rest?": two things; the person picks.
        return Reading("clarify", options=("rest", "more", "today"))
    if rest is not None:
        return rest
    if more and not _PLANNED.search(value):
        return Reading("more")
    if asks_for_today(text) or _today_question(value, text):
        return Reading("today")
    if more:
        return Reading("more")
    symptom, negated = _symptom_and_negation(value)
    if symptom is not None and _SCREEN.search(value):
        return NONE  # a film or a book about it
    if symptom is None and _EYE_ROLL.search(text):
        return Reading("feeling", "worse")  # a good word with a rolling eye
    if symptom is not None and _COPING.search(value):
        return Reading("feeling", "same")  # "a bit overwhelmed but managing"
    if symptom is not None:
        return Reading("symptom", symptom)
    if negated:
        return Reading("feeling", "better")
    if _HELP.search(value):
        return Reading("help")
    words = set(value.split())
    if _THANKS.search(value) and words <= _THANKS_ONLY:
        return Reading("thanks", "thanks")
    if _ACK.match(value):
        return Reading("thanks", "ack")
    if _GREETING.match(value) and words <= _SMALL_TALK and not _GOOD_DAY.search(value):
        return Reading("greeting")
    asks_back = question and _ASKS_BACK.search(text.lower()) is not None
    feeling = _feeling(value) or _feeling_phrase(value)
    if feeling is not None and (not question or asks_back):
        return Reading("feeling", feeling)
    if _THANKS.search(value):
        return Reading("thanks", "thanks")
    return NONE


# --- In a dialogue ------------------------------------------------------------------------

# Check-in questions whose answers are short values (not the free-text note).
_VALUE_QUESTIONS = frozenset({"pain", "flare", "interference", "energy", "sleep", "movement"})
# While a set-up step is open: what is clearly not an answer to "which time zone?" and the like.
_SETUP_BREAKS: frozenset[Intent] = frozenset(
    {"stop", "delete", "export", "progress", "help", "symptom", "thanks", "greeting"}
)
# The note takes any text: only requests about the bot itself interrupt it.
_NOTE_BREAKS: frozenset[Intent] = frozenset({"stop", "delete", "export", "progress"})


def interrupts_checkin(reading: Reading, question: str, *, answered: bool, asked: bool) -> bool:
    """Whether a message typed at an open check-in question is handled instead of stored.

    `answered`: the text reads as a valid answer; `asked`: the text is a question. A valid
    answer always counts, except that the free-text note gives way to requests about the bot.
    """
    if question == "note":
        return reading.intent in _NOTE_BREAKS or reading == Reading("help", "direct")
    if answered or question not in _VALUE_QUESTIONS:
        return False
    return reading.intent != "none" or asked


def interrupts_setup(reading: Reading, step: str) -> bool:
    """Whether a message typed at a set-up step is clearly not its answer."""
    if reading.intent == "symptom" and step == "sym":
        return False  # naming symptoms is the answer there
    return reading.intent in _SETUP_BREAKS


def interrupts_cue(reading: Reading) -> bool:
    """Whether a message typed when asked for an if-then cue is clearly not one."""
    return reading.intent in _NOTE_BREAKS or reading.intent == "help"


# --- What to offer --------------------------------------------------------------------------

# Tip tags per symptom: an item qualifies when it has every tag of one of the sets.
SYMPTOM_TAGS: dict[Symptom, tuple[tuple[str, ...], ...]] = {
    "neck": (("neck",),),
    "headache": (("headache",),),
    "back": (("upper_back",), ("heat",)),
    "shoulders": (("upper_back",), ("massage",)),
    "legs": (("heat",),),
    "fatigue": (("rest",),),
    "sleep": (("sleep",),),
    "stress": (("stress",), ("relaxation",), ("breathing",)),
    "brain_fog": (("planning", "rest"),),
    "pain": (("heat",), ("relaxation",), ("massage",)),
}
# Categories a symptom's tip may come from (None: any).
SYMPTOM_CATEGORIES: dict[Symptom, frozenset[str] | None] = {
    "legs": frozenset({"flare_toolkit"}),
    "pain": frozenset({"flare_toolkit"}),
}
# Never as a self-care tip: see-a-doctor texts, and notes about yesterday's session.
EXCLUDED_TAGS = frozenset({"see_doctor", "boom_bust"})


@dataclass(frozen=True)
class TipItem:
    """The part of a content item a symptom tip is chosen by."""

    key: str
    tags: Collection[str]
    category: str
    day_types: Collection[str] = ()


def tip_candidates(
    items: Iterable[TipItem], symptom: Symptom, day_type: str | None = None
) -> list[str]:
    """Keys of tips that fit a symptom (and the day, when known), in a stable order."""
    sets = SYMPTOM_TAGS.get(symptom, ())
    categories = SYMPTOM_CATEGORIES.get(symptom)
    fitting = sorted(
        item.key
        for item in items
        if any(all(tag in item.tags for tag in wanted) for wanted in sets)
        and not EXCLUDED_TAGS & set(item.tags)
        and (categories is None or item.category in categories)
        and (day_type is None or not item.day_types or day_type in item.day_types)
    )
    if fitting or day_type is None:
        return fitting
    return tip_candidates(items, symptom)


def tip_order(candidates: Sequence[str], seed: int, avoid: Collection[str] = ()) -> list[str]:
    """Candidates in the order to try: varying by `seed` (person and day), unseen ones first."""
    if not candidates:
        return []
    start = seed % len(candidates)
    turned = [*candidates[start:], *candidates[:start]]
    return [k for k in turned if k not in avoid] + [k for k in turned if k in avoid]


def choose_tip(candidates: Sequence[str], seed: int, avoid: Collection[str] = ()) -> str | None:
    """The first tip to try, or None when there is none."""
    order = tip_order(candidates, seed, avoid)
    return order[0] if order else None


def extra_minutes(day_type: str | None, goal_kind: str | None, goal_minutes: int) -> int:
    """Optional minutes on top of today's goal: a weekly step's worth on steady or good days.

    Never more than the plan on flare or tough days, rest or toolkit plans: pacing, not pushing.
    The step is the progression's own (+10% or 1 minute, at most 5), well below a boom-bust.
    """
    if day_type not in ("steady", "good") or goal_kind != "session" or goal_minutes <= 0:
        return 0
    return min(5, max(1, (goal_minutes * 10 + 50) // 100))
