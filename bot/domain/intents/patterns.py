"""The word patterns, one group per intent, and the symptoms' words (data for the reader)."""

from __future__ import annotations

import re

from bot.domain.intents.reading import Symptom
from bot.domain.intents.words import _word_set

_PAIN = (
    r"(hurt\w*|pain\w*|ache\w*|aching|achy|sore|stiff\w*|killing|spasm\w*|tight|tense|agony|"
    r"throb\w*|pound\w*|cramp\w*|burn\w*|twinge\w*|playing up|acting up|bad|awful|terrible|"
    r"rough|heavy|tips?|help|advice|crick|locked|seized|flaring|flared|screaming|tender|"
    r"tension|knots?|knotted|cricked|restless|jelly|weak|in bits|in pieces|bad way|wrecked|"
    r"done in|not good|not great|concrete|lead|rocks?|bricks?|like wood|seized up|grumbling|"
    r"grumbly|niggling|niggly|niggle|complaining|moaning)"
)
_GOOD = r"(better|fine|okay|good|great|easier|improving|improved|alright|much better|lovely)"


# Someone else's trouble: "my mum's back is bad again", "hubby's got a headache".
_OTHER_WHO = (
    r"(mums?|moms?|mams?|dads?|hubbys?|husbands?|wifes?|partners?|sons?|daughters?|kids?|"
    r"friends?|mates?|brothers?|sisters?|nans?|grandmas?|grandads?|dogs?|cats?|boss|bosses|"
    r"roommates?|flatmates?|housemates?|"
    r"colleagues?|neighbours?|neighbors?|boyfriends?|girlfriends?|bfs?|gfs?|oh|he|she|they|"
    r"everyone|everybody|the kids|the dog|the cat)"
)


def _any(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


_NOT_STOP = re.compile(
    r"\b(will not|does not|do not|can not|never|would not|not|had to|have to|needed to|need to|"
    r"made me) (stop|pause)\b|\b(brain|mind|head|thoughts)\b.{0,20}\b(switch|turn|shut) "
    r"(off|down)\b|\bpause (the|my|todays|today|this|our) (exercises?|walk|movement|session|"
    r"stretches|plan|workout|yoga)\b|"
    rf"(^|\b(my|our|his|her) ){_OTHER_WHO}( \w+)? (wants?|wanted|asked|asks|needs?|is trying|tried|"
    r"trying) to (stop|pause|mute|unsubscribe|turn off)\b"
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
    r"\b(messages|reminders|notifications|check ins?|checkins|texts|pings|nudges) to (stop|end|"
    r"pause)\b",
    r"\btoo many (messages|reminders|notifications|check ins?|checkins)\b",
    r"\bdo not (message|text|remind|bother|ping|contact|send)\b",
    r"\b(turn|switch|shut) (off|down)\b",
    r"\bleave me alone\b",
    r"\b(done|finished|fed up) with (you|this bot|the bot|this app|these messages|the messages|"
    r"the reminders|these reminders)\b",
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
    r"\b(data|account|everything|history|information|info|records?|details|profile|check ins?|"
    r"checkins) (deleted|erased|removed|wiped)\b",
    r"\bgdpr\b.{0,40}\b(delet\w*|eras\w*|remov\w*)\b|\b(delet\w*|eras\w*)\b.{0,40}\bgdpr\b",
    r"\bright to (be forgotten|erasure)\b",
)
# "I don't want to delete my account": the deletion they decline.
_NOT_DELETE = re.compile(
    r"\b(do not|not|never|will not|no need to|without) (want to |wanting to |need to |going to |"
    r"trying to |mean to )?(delete|erase|remove|wipe|lose)\b"
)
# "Already exported my data last week": done before, not asked for now.
_EXPORT_DONE = re.compile(
    r"\b(already|just) (exported|downloaded)\b|\b(exported|downloaded)\b.{0,30}\b(last|yesterday|"
    r"ago|before)\b"
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
    r"\b(take|bring|give|send|show|share|email) (my |the |all my |all the )?(data|records|history|"
    r"check ins?|checkins|numbers|scores|results|info) (to|with) (my|the|a) (doctor|gp|physio|"
    r"rheumatologist|specialist|nurse|consultant)\b",
    r"\b(can|could|how do|how can) (i|we|you) (download|export) (it|them|this|that|these)\b",
    r"\b(want|need|get|have) (a copy of )?(all )?my (data|records|history)$",
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
    r"\b(how|what) (have|has|are|were|is) (my|the) (\w+ ){0,2}(scores|ratings|numbers|levels|"
    r"readings|trends?|averages?)\b",
    r"\bhave i (actually |really |at all )?(improved|progressed|got better|gotten better|"
    r"made (any )?progress)\b",
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
    r"\b(change|move|switch|shift|set|push|bring|put) (my |the |our )?(daily |morning |evening )?"
    r"(check ins?|checkins?|reminders?|messages?|pings?|nudges?|prompts?) (to|till|until|back|"
    r"forward|earlier|later|an hour|for|at|around)\b",
    r"\b(check ins?|checkins?|reminders?|messages?|pings?|nudges?|prompts?) "
    r"(is |are |keep |keeps )?(come|comes|coming|arrive|arrives|arriving|go out|goes out|turn up|"
    r"turns up)( \w+){0,3} (early|late|earlier|later|too soon)\b",
    r"\b(change|changing|move|switch|update|adjust|shift)\b.{0,25}\b(timing|time|schedule) of "
    r"(my |the )?(reminders?|check ins?|checkins?|messages?)\b|\b(reminders?|check ins?|checkins?|"
    r"messages?) (time|timing|schedule|hour) (change|changed|moved|switch|update)\b",
    r"\bmake (the|my) (\w+ )?(messages?|reminders?|check ins?|checkins?) (come|arrive|later|"
    r"earlier)\b",
    # "just send them later": an order needs no word of asking.
    r"(^|\b(just|please|you|then)) (send|move|put|schedule) (them|it|the messages|the reminders|"
    r"the check ins?) (at|around|later|earlier|for later)\b",
    r"\bclocks? (changed|went back|went forward|have changed|go back|go forward)\b.{0,40}"
    r"\b(check ins?|checkins?|reminders?|messages?)\b",
)
# A request about when the check-in or reminders come: "can my check-in come at 7 instead?",
# "send them later, like 9pm", "reminders only on weekdays". They need a word of asking.
_SETTINGS_WHEN = _any(
    r"\b(check ins?|checkins?|reminders?|messages?|pings?|nudges?|prompts?) (only )?(come|arrive|"
    r"be sent|go out|get sent|show up|be|at|around|in the|on|after|before|every|from)\b.{0,30}"
    r"(\b\d|\b(morning|afternoon|evening|night|lunch\w*|noon|midday|breakfast|dinner|bedtime|"
    r"weekdays?|week days|weekends?|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|work|"
    r"saturdays?|sundays?|later|earlier|instead)\b)",
    r"\b(send|move|put|schedule|have|give) (me )?(the|my|your)( daily| morning| evening)? "
    r"(check ins?|checkins?|reminders?|messages?|pings?|nudges?) (at|around|later|earlier|"
    r"after|before|in the|on|only)\b",
)
_ASKING = re.compile(
    r"\b(can|could|would|will|please|instead|rather|prefer|want|possible|able|how do i|"
    r"let me|i need)\b"
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
    r"\bexplain\b.{0,30}\b(how|what|this|the app|the bot|it works|to use|me)\b|"
    r"\bexplain (me|to me)\b",
    r"\bi am new\b(?! to (?!(this|you|the app|the bot|this app|this bot|small steps)\b))|"
    r"\b(new here|first time (here|using)|just (joined|started using|signed up))\b",
    r"\bwhat (sort|sorts|kind|kinds|type|types) of (things|stuff|questions)\b.{0,25}\b(ask|say|"
    r"do|help|type)\b",
    r"\bwhat (can|could) i (ask|say|type)\b",
    r"\bwhat do i do (here|now|with this)\b",
    r"\bwhat (is|are) (the |my |this )?(check ins?|checkins|daily check ins?) (for|about)\b",
    r"\bwhat (this|the|you) (bot |app )?(can|does|could|will) (\w+ )?do\b",
    r"\bhow to use\b|\bguide me\b|\bguidance\b|\b(use|point|purpose) of (this|the) (app|bot|"
    r"chat)\b",
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
    r"\b(can we|can i|could we|could i|let us|lets|want to|going to|i will|ill|please|need to|"
    r"i would like to) pause (the|my|todays|today|this|our) (exercises?|walk|movement|session|"
    r"stretches|plan|workout|yoga)\b",
    r"\bpause (the|my|todays|today|this|our) (exercises?|walk|movement|session|stretches|plan|"
    r"workout|yoga) (for today|till tomorrow|until tomorrow|for now)\b",
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
    r"\b(push|challenge) (myself |me )?(a bit |a little |a lot )?(more|further|harder)\b",
    r"\bmore (challenging|difficult|demanding|advanced|intense|strenuous)\b",
    r"\b(a|an|something|some) (slightly |bit |little |lot |much )?(bigger|harder|tougher|longer) "
    r"(one|version|step|steps|plan|option|exercise|exercises|session|challenge|goal|target)\b",
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
    r"love this|merci|danke|gracias|thanks a million|much obliged|obliged|dhanyavaa?d|"
    r"dhanyawaa?d|shukriya|dziekuje|dzieki|asante|obrigad[oa]|grazie|arigato|mahalo|diolch|"
    r"spasibo|go raibh maith agat)\b",
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
    r"how are things|nice to meet you|how do you do|top of the morning|g day|gday|namaste|"
    r"namaskar|kia ora|salaam|salam|shalom|ciao|aloha|howzit|wagwan|how far|hiya|sannu|kedu|"
    r"e kaaro|ekaaro|kaaro|e kaasan|e kaale|habari|jambo|sawubona|morena|talofa|bula|czesc|"
    r"dzien dobry|hej|servus|ola|oi|bom dia|buenos dias|vanakkam|sat sri akal|assalamu alaikum|"
    r"salam alaikum|salaam alaikum|as salaam alaikum)\b"
)
# "No questions, just saying hello": a greeting whatever else is said.
_JUST_HELLO = re.compile(
    r"\b(just |only )?(saying|say|to say|wanted to say|popping in to say|dropping in to say|"
    r"checking in to say) (hello|hi|hey|good morning|good evening)\b|"
    r"\bjust (checking in|popping in|dropping by|stopping by)$"
)
# "Good day today!": how the day is going, not "G'day".
_GOOD_DAY = re.compile(r"^good day (today|so far|yesterday)\b")
_SMALL_TALK = _word_set(
    "hi hello hey yo there bot again you are how doing today it is going good morning evening "
    "afternoon day and i am back whats up sup all things nice to meet do of the top g gday "
    "howdy hola bonjour greetings gm hows friend buddy mate lovely to see everyone sunshine "
    "again again there hallo namaste namaskar kia ora salaam salam shalom ciao aloha howzit "
    "wagwan far o sannu kedu e kaaro ekaaro kaaro kaasan kaale habari jambo sawubona morena "
    "talofa bula czesc dzien dobry hej servus ola oi bom dia buenos dias vanakkam sat sri akal "
    "assalamu salam alaikum as sir madam maam partner folks guys yall yo"
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
        r"splitting|is killing|aches|banging|killing|pounds|throbs|is (pounding|throbbing|"
        r"splitting|sore|"
        r"banging|aching|bad|awful|killing|hurting|thumping))|sore head|tension head\w*)\b"
    ),
    "shoulders": re.compile(r"\b(shoulders|shoulder blades?|trapezius|traps)\b"),
    "back": re.compile(
        r"\b(back|backs|backache|back ache|spine|lower back|upper back|lumbar|waist)\b"
    ),
    "legs": re.compile(
        r"\b(legs|knees?|calf|calfs|calves|shins?|hamstrings?|thighs?|hips?|feet|foot|ankles?|"
        r"restless legs|jelly legs)\b"
    ),
    "fatigue": re.compile(
        r"\b(tired|exhausted|exhaustion|fatigue|fatigued|drained|wiped|knackered|shattered|"
        r"worn out|no energy|low energy|zero energy|energy is|sleepy|run down|burnt out|"
        r"burned out|zombie|spoons|spoonie|no spoons|weary|wrecked|dead on my feet|"
        r"running on empty|flat battery|batteries|tiredness|no strength|lethargic|lethargy)\b"
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
        r"widespread pain|my body|soreness|stiffness|achiness|"
        r"hands?|wrists?|fingers?|arms?|elbows?|jaw)\b"
    ),
}
# Body parts are often named without a complaint ("back from the shops", "walked on my feet").
_NEEDS_PAIN: frozenset[Symptom] = frozenset({"back", "legs", "shoulders", "neck"})
# Body parts with no symptom of their own, read as pain when a pain word is near.
_LIMBS = re.compile(r"(hands?|wrists?|fingers?|arms?|elbows?|jaw)")
# The pain words they need ("heavy bags in my arms" is no complaint).
_LIMB_PAIN = (
    r"(hurt\w*|pain|painful|ache|aches|aching|achy|sore|stiff|stiffness|cramp\w*|throb\w*|"
    r"swollen|tender|killing me|spasm\w*|seized|locked|agony)"
)
# A knock, a burn or a jab explains a sore hand (no tip for it); "fingers crossed" is no limb.
_EXPLAINED = re.compile(
    r"\b(jab|injection|vaccine|vaccination|jabbed|burnt|burned|burn|cut|bruised|stung|bitten|"
    r"blood test|trapped|slammed|fell on|fractured|broke|broken|sprained|fingers crossed)\b"
)
# Asking how to ease a symptom: "what can I do to ease it", "what helps".
_EASE = re.compile(
    r"\b(ease|relieve|soothe|help with|deal with|cope with|get rid of|for (it|this|them|that)|"
    r"what helps|anything for)\b"
)
# A trouble of the past: "used to get headaches every day".
_PAST_BEFORE = re.compile(r"\bused to( \w+){0,3}$")
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
_COPING = re.compile(
    r"\bbut (i am |still |i dey |in )?(managing|manage|coping|getting there|okay|alright|fine|"
    r"hanging in|ok|happy|positive|cheerful|smiling|(good|decent|great|high|okay|ok) (spirits|"
    r"form|mood))\b"
)
# "Emotionally wiped out": how they are, not the body's fatigue.
_EMOTIONALLY = re.compile(r"\b(emotionally|socially)\b")
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
    r"(do|go|try|push|walk)? ?(any )?(more|extra|further|longer|harder)\b|"
    r"\b(go|do|try) (it )?again (tomorrow|later|another day|next week|next time)\b"
)

# "What am I meant to be doing today?", "today's session?", "give me today's task".
_TODAY_WORD = re.compile(
    r"\b(today|todays|tonight|tonights|this afternoon|this morning|this evening)\b"
)
_TODAY_ASK = re.compile(
    r"^(what|whats|what is|what are|which|how long|how many|how much|give me|remind me|tell me|"
    r"show me|so what|so whats|any)\b|\b(what|whats|how long|how many)\b.{0,30}\b(supposed|"
    r"meant|should|doing|do|on|plan|goal|target|usual|routine|one|own)\b|"
    r"\b(tell|give|show|send) me (todays|the days|my|the|what)\b"
)
_TODAY_THING = re.compile(
    r"\b(plan|goal|target|task|session|exercise|exercises|thing|menu|on|doing|do|meant|supposed|"
    r"walk|move|movement|step|go|job|mission|challenge|mins|minutes|for|aiming|aim|usual|routine|"
    r"one|own|drill)\b"
)
# "What was I supposed to do again today": what was planned, not more of it.
# "Ready, what are we doing?": what the plan is, with no word for today.
_WHAT_WE_DO = re.compile(
    r"\bwhat (are |r )?we (doing|up to)( today| now| next| then)?$|"
    r"\b(give me|suggest|tell me) (something|anything) to do\b|"
    r"\bready for (todays|today|the|my|our) (session|exercise|exercises|walk|plan|task|one)\b"
)
_PLANNED = re.compile(r"\b(supposed|meant|planned|my plan|the plan|my goal|the goal)\b")
_TODAY_DONE = re.compile(r"\b(i|we) (did|have done|walked|managed|went|finished|had)\b")

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
        r"down in the dumps|low|frustrated|disheartened|gutted|fed up|wading through|"
        r"through (treacle|mud|concrete|glue|syrup)|heavy and (sore|achy|stiff|tired|slow))\b"
    )),
    ("same", re.compile(
        r"\b(nothing has changed|nothing changed|nothing is changed|nothings changed|"
        r"nothing new|no change|"
        r"fair to middling|can not complain|mustnt grumble|must not grumble|up and down|"
        r"rollercoaster|roller coaster|so so|same old|same as ever|much the same|about the same|"
        r"same as usual|the usual|as usual|ticking along|plodding along|getting by|managing|"
        r"coping|hanging in there|middling|okay i suppose|ok i suppose|okay i guess|"
        r"alright i suppose|not sure really|(i|we) (dey |still |can )?manage)\b"
    )),
    ("better", re.compile(
        r"\b(on the mend|looking up|turned a corner|turning a corner|loads better|lots better|"
        r"much better|bit better|a lot better|feel better|feeling better|better today|better than|"
        r"better not|better but|getting better|improving|grand|alright|not bad|good day|great day|"
        r"slept (like a log|like a baby|well|great|brilliantly|really well)|for once|"
        r"doing well|doing good|doing okay|doing fine|feeling fine|feeling good|feeling great|"
        r"felt fine|felt good|felt great|feel fine|feel good|feel great|chuffed|proud|pleased|"
        r"positive|happy|brighter|good one|great one|raring to go|not too bad|"
        r"not (too |so |that )?shabby|vibing|thriving|on top of the world)\b"
    )),
)  # fmt: skip
# "I feel a little discouraged, the progress is slow": how they are, not a request for stats.
_I_FEEL = re.compile(r"^(i feel|i am feeling|feeling|i am)\b")
_ASKS_BACK = re.compile(r"\b(yourself|and you|how about you|you)\s*\?*$")
