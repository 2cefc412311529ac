"""The intent reader's later word families, each pinned at its edge (the reading it must not
give next to the one it gives)."""

from __future__ import annotations

import pytest

from bot.domain.intents import read

CASES = [
    # Settings in words: when the check-in or reminders come, asked for.
    ("could the check in arrive at 6 in the evening instead?", "settings", ""),
    ("i would like my reminders after dinner please", "settings", ""),
    ("can you send my reminders on saturdays only", "settings", ""),
    ("move my reminder to half 8", "settings", ""),
    ("my check ins keep arriving way too late, could you sort it", "settings", ""),
    ("please send them later, around 10", "settings", ""),
    ("keep them coming but just send them later, about 8pm", "settings", ""),
    ("i will send them later", "none", ""),  # not an order to the bot
    ("my reminders at 9 suit me fine", "none", ""),  # no asking: not a request
    ("check in timing change pls", "settings", ""),
    ("make my reminders come later", "settings", ""),
    ("the reminder came at 8 while i was out", "none", ""),
    # Pausing an activity is a rest, not an end to the messages; someone else's stop is theirs.
    ("could we pause the stretches till tomorrow", "rest", ""),
    ("pause the reminders", "stop", ""),
    ("had to pause the walk halfway for breath", "none", ""),
    ("my dad wants to stop the reminders on his phone", "none", ""),
    ("i want these texts to stop now", "stop", ""),
    ("txt me less, stop msgs pls", "stop", ""),
    # Deleting: declined, or asked for in legal words.
    ("i do not want to delete anything, just stop the reminders", "stop", ""),
    ("please have my details erased under gdpr", "delete", ""),
    # Exporting: done before is not a request.
    ("i'd like to send my records to the physio", "export", ""),
    ("already downloaded my data, cheers", "thanks", ""),
    # Progress: scores over time.
    ("what have my energy ratings been like", "progress", ""),
    ("have i actually improved?", "progress", ""),
    # Help in more words.
    ("could you explain how the reminders work", "help", ""),
    ("i am new here, where do i begin", "help", ""),
    ("i am new to fibro, diagnosed in june", "none", ""),  # new to something else
    ("what kinds of questions can i ask", "help", ""),
    ("what is the daily check in about?", "help", ""),
    ("how to use??", "help", ""),
    ("what's the point of this bot", "help", ""),
    ("the point of the stick is balance", "none", ""),
    # Greetings from more places; hello said among other words.
    ("kia ora!", "greeting", ""),
    ("namaste 🙏", "greeting", ""),
    ("how far o", "greeting", ""),
    ("how far did i walk last week", "none", ""),
    ("no news, just wanted to say hi", "greeting", ""),
    ("sannu", "greeting", ""),  # Hausa
    ("Ẹ kaàsán", "greeting", ""),  # Yoruba, accents and all
    ("czesc!", "greeting", ""),
    ("good afternoon madam", "greeting", ""),
    # Thanks in more languages.
    ("shukriya", "thanks", "thanks"),
    ("dzięki!", "thanks", "thanks"),
    # Today's plan in more words.
    ("right, ready. what are we doing?", "today", ""),
    ("what are we doing about the flare", "symptom", "pain"),
    ("morning! kindly send me today's task", "today", ""),
    ("wetin be the plan today", "today", ""),
    ("what's the usual routine today", "today", ""),
    # More: a harder version asked for.
    ("is there a more advanced version of the stretches", "more", ""),
    ("i fancy a slightly longer one", "more", ""),
    ("the longer one was yesterday", "none", ""),
    ("i'll rest now and go again tomorrow", "rest", ""),
    ("energy is up, i want to push myself a bit harder", "more", ""),
    ("give me something to do", "today", ""),
    # Symptoms: more words, limbs with a pain word, asking how to ease one.
    ("my calfs are cramping again", "symptom", "legs"),
    ("this tiredness is too much, any tips", "symptom", "fatigue"),
    ("the stiffness in the mornings is awful", "symptom", "pain"),
    ("my fingers are so stiff and sore", "symptom", "pain"),
    ("carried the heavy shopping in both arms", "none", ""),
    ("booster jab yesterday so my arm is sore", "none", ""),  # explained by the jab
    ("off to the pain clinic now, fingers crossed", "none", ""),
    ("sore wrists again", "symptom", "pain"),
    ("my back aches today, what can i do to relieve it", "symptom", "back"),
    ("my knee dey pain me", "symptom", "legs"),  # Pidgin: it hurts me
    ("my waist is aching", "symptom", "back"),
    ("i live near the waist-high fence", "none", ""),
    # Feeling, not a symptom: coping, idioms of heaviness, tiredness of the heart.
    ("exhausted but in good spirits", "feeling", "same"),
    ("feel like i'm walking through mud today", "feeling", "worse"),
    ("emotionally drained after the funeral", "feeling", "worse"),
    ("drained after the funeral", "symptom", "fatigue"),
    # A trouble of the past, and thanks for it.
    ("used to get migraines weekly, none now, thanks so much", "thanks", "thanks"),
    ("used to get migraines, now my neck is killing me", "symptom", "neck"),
    ("not too shabby today", "feeling", "better"),
    # Stop and export in other words.
    ("honestly i'm done with this bot", "stop", ""),
    ("i need all my records", "export", ""),
    # Someone else's rest day is theirs.
    ("my sister is having a duvet day, lucky her", "none", ""),
]


@pytest.mark.parametrize(("text", "intent", "detail"), CASES)
def test_reads(text: str, intent: str, detail: str) -> None:
    reading = read(text)
    assert (reading.intent, reading.detail if detail else "") == (intent, detail), reading
