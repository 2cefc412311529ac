"""Signs said to be absent, laughter, and someone else's overdose: each rule at its edges."""

from __future__ import annotations

import pytest

from bot.domain.safety import models
from bot.domain.safety.normalize import LAUGH
from bot.domain.safety.scanner import (
    BODY_CHECK_UPGRADE_MARGIN,
    CHECK_UPGRADE_MARGIN,
    NORMALISER,
    looks_like_denial,
    scan,
    scan_all,
)


def _tier(text: str) -> str:
    flag = scan(text)
    return flag.tier if flag is not None else "none"


# A denial right before the sign: a light check (never silence, never the full alarm).
@pytest.mark.parametrize(
    "text",
    [
        "no chest pain",
        "No chest pain, no headache",
        "I'm not having chest pain",
        "without any chest tightness",
        "no pain in my chest",
        "not suicidal",
        "i am not feeling suicidal",
        "no thoughts of harming myself",
        "no suicidal thoughts",
        "never self harm",
    ],
)
def test_a_denied_sign_is_a_light_check(text: str) -> None:
    assert _tier(text) == "check", scan_all(text)


# The same words that are no denial: the sign first, a hedge, or a denial that runs on.
@pytest.mark.parametrize(
    ("text", "tier"),
    [
        ("chest pain, no idea why", "emergency"),
        ("not sure but chest pain", "emergency"),
        ("no, chest pain", "emergency"),
        ("no chest pain until an hour ago", "emergency"),
        ("no chest pain but my left arm feels heavy", "emergency"),
        ("never had chest pain like this", "emergency"),
        ("not suicidal exactly, I just want it all to end", "crisis"),
        ("not suicidal yet", "crisis"),
        ("im not suicidal but i think about dying a lot", "crisis"),
        ("no thoughts of anything but killing myself", "crisis"),
        ("not sure I want to live", "crisis"),
        ("no reason to live", "crisis"),
    ],
)
def test_a_sign_that_is_not_denied_keeps_its_alarm(text: str, tier: str) -> None:
    assert _tier(text) == tier, scan_all(text)


def test_a_denied_sign_next_to_a_real_one_keeps_the_real_alarm() -> None:
    assert _tier("no chest pain, but I can't breathe properly") == "emergency"
    assert _tier("not suicidal, I just don't want to be alive") == "crisis"


def test_the_crisis_model_does_not_turn_a_denial_back_into_the_crisis_reply() -> None:
    text = "no thoughts of ending my life, I just want to sleep all day again"
    # The model alone reads this as crisis; the denial keeps it a light check.
    assert models.get("crisis").fires(text, 5.0)
    assert _tier(text) == "check"


def test_laughing_emojis_are_a_laugh_token_and_other_emojis_a_break() -> None:
    assert f" {LAUGH} . " in NORMALISER.normalise("ha 😂😂 ok").text
    assert f" {LAUGH} " in NORMALISER.normalise("🤣").text
    assert NORMALISER.normalise("ok 😭 fine").text == " ok . fine "


def test_a_laughing_emoji_is_not_read_as_a_denial() -> None:
    # "lol" is "only joking" to a crisis conversation; an emoji alone stays unclear.
    assert looks_like_denial("lol")
    assert not looks_like_denial("😂")


@pytest.mark.parametrize(
    ("text", "tier"),
    [
        ("I can't breathe 😂", "check"),
        ("cant breathe lmao", "check"),
        ("lol i can't breathe", "check"),
        ("I can't breathe 😭", "emergency"),
        ("I can't breathe", "emergency"),
        # The laughter must be right beside it: a joke earlier does not explain it away.
        ("lol that film. now my chest is tight and I can't breathe", "emergency"),
    ],
)
def test_laughter_right_beside_breathlessness_softens_it(text: str, tier: str) -> None:
    assert _tier(text) == tier, scan_all(text)


@pytest.mark.parametrize(
    ("text", "tier"),
    [
        ("my flatmate necked a whole bottle of her pills", "emergency"),
        ("my brother has overdosed on his meds", "emergency"),
        # The person wants the same: the crisis reply leads.
        ("my friend took a whole box of pills and I want to do the same", "crisis"),
        ("I swallowed a whole box of pills", "crisis"),
        # Long ago: a check.
        ("my cousin overdosed years ago", "check"),
    ],
)
def test_someone_elses_overdose_now_leads_with_the_emergency_reply(text: str, tier: str) -> None:
    assert _tier(text) == tier, scan_all(text)


@pytest.mark.parametrize(
    ("text", "tier"),
    [
        ("my legs are jelly", "check"),
        ("legs like jelly after the hill", "check"),
        ("my legs are jelly and gave way twice", "emergency"),
        ("suddenly both legs are jelly", "emergency"),
        ("my legs are weak", "emergency"),
    ],
)
def test_jelly_legs_alone_are_a_check(text: str, tier: str) -> None:
    assert _tier(text) == tier, scan_all(text)


@pytest.mark.parametrize(
    ("text", "tier"),
    [
        ("this wahala wan kill me", "check"),
        ("traffic go kill me today", "check"),
        ("I wan kill myself", "crisis"),
        ("I no wan live again", "crisis"),
        ("I don't want to live any more", "crisis"),
        ("gonna lose my mind with this rain", "check"),
        # Losing it now, with a change in thinking: still the doctor flag.
        ("I'm losing my mind, forgetting words more and more lately", "doctor"),
    ],
)
def test_pidgin_and_idioms(text: str, tier: str) -> None:
    assert _tier(text) == tier, scan_all(text)


@pytest.mark.parametrize(
    ("text", "tier"),
    [
        ("the canal keeps calling me", "crisis"),
        ("my sister keeps calling me", "none"),
        ("wrote letters to my kids in case something happens", "crisis"),
        ("wrote a letter to the council about the bins", "none"),
        ("they'd get the insurance money if I was dead", "crisis"),
        ("sorted the car insurance today", "none"),
        ("I hope the bus hits me", "crisis"),
        ("hope the bus hits traffic so I can finish my podcast", "none"),
        ("car in the garage, engine running, door shut", "crisis"),
    ],
)
def test_indirect_crisis_at_its_edges(text: str, tier: str) -> None:
    assert _tier(text) == tier, scan_all(text)


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("I no fit breathe", " i can not breathe "),
        ("my leg don break", " my leg is broken "),
        # One rewrite may feed the next: "no dey" is "not", then "eye not see" is "can not see".
        ("my eye no dey see", " my eye can not see "),
        ("suddenly I not see from one eye", " suddenly i can not see from one eye "),
        # Only whole phrases: "Don" the name, and "no" before other words, stay as they are.
        ("Don fell off his bike", " don fell off his bike "),
        ("no fitness class today", " no fitness class today "),
    ],
)
def test_pidgin_and_dropped_cans_are_read_as_the_english_the_patterns_use(
    text: str, tokens: str
) -> None:
    assert NORMALISER.normalise(text).text == tokens


@pytest.mark.parametrize(
    ("text", "tier"),
    [
        ("I no fit breathe well at all", "emergency"),
        ("my knee don swell, e dey hot and red", "doctor"),
        ("body dey hot, neck stiff, head dey pain", "emergency"),
        ("I no dey feel my right leg since morning", "emergency"),
        ("I not see from my left eye since one hour", "emergency"),
        ("head is bursting like it will burst, worst one ever", "emergency"),
        ("I wan comot for this world", "crisis"),
        ("make God just carry me, I don tire", "crisis"),
        ("for what I live, tell me", "crisis"),
        ("I want to finish my life", "crisis"),
        ("going to leave this world of social media for a week", "none"),
    ],
)
def test_pidgin_and_non_native_forms(text: str, tier: str) -> None:
    assert _tier(text) == tier, scan_all(text)


@pytest.mark.parametrize(
    ("text", "tier"),
    [
        # Non-native and Pidgin denials, and checklists.
        ("I have not chest pain", "check"),
        ("I no get chest pain o", "check"),
        ("Chest pain: none. Dizziness: nil.", "check"),
        ("any chest pain? no", "check"),
        ("chest pain? no idea why", "emergency"),
        ("Chest pain? No. Breathless? Yes", "emergency"),
        # A denial that is a habit broken, or a time without relief, is no denial.
        ("not had a day without chest pain this week", "emergency"),
        ("I haven't had headaches before and now every morning", "doctor"),
        ("not had a day without headache tablets in three weeks", "doctor"),
        ("no chest pain in years and then this morning it was crushing", "emergency"),
    ],
)
def test_denials_in_other_forms_and_their_limits(text: str, tier: str) -> None:
    assert _tier(text) == tier, scan_all(text)


@pytest.mark.parametrize(
    ("text", "tier"),
    [
        ("my friend overdosed at a festival last summer, she's fine", "check"),
        ("my flatmate took an overdose, she just told me", "emergency"),
        ("pins and needles creeping up my arm for a fortnight", "doctor"),
    ],
)
def test_time_decides_between_the_tiers(text: str, tier: str) -> None:
    assert _tier(text) == tier, scan_all(text)


def test_a_body_rules_check_needs_a_surer_model_to_become_the_crisis_reply() -> None:
    # A doctor rule softened in an idiom: the model's liking for "again" is not enough...
    idiom = "I am going to lose my mind if this pain keeps going again"
    assert models.get("crisis").fires(idiom, CHECK_UPGRADE_MARGIN)
    assert not models.get("crisis").fires(idiom, BODY_CHECK_UPGRADE_MARGIN)
    assert _tier(idiom) == "check"
    # ...unless it is surer still ("I want it all to go away").
    despair = "I'm going to lose my mind, I want it all to go away again"
    assert models.get("crisis").fires(despair, BODY_CHECK_UPGRADE_MARGIN)
    assert _tier(despair) == "crisis"
    # Vague despair the model is sure of gets the crisis reply at the ordinary margin.
    vague = "i sort of want to disappear for good"
    assert not models.get("crisis").fires(vague, BODY_CHECK_UPGRADE_MARGIN)
    assert _tier(vague) == "crisis"


@pytest.mark.parametrize(
    ("text", "tier"),
    [
        # More of the indirect families, each beside an everyday sentence with the same words.
        ("staring at the bridge thinking how easy it would be", "crisis"),
        ("the bread recipe, how easy it was with water", "none"),
        ("at least they'd get my life insurance", "crisis"),
        ("at least we'd get the insurance money for the car", "none"),
        ("half hoping the plane goes down", "crisis"),
        ("sat in the garage with the car running", "crisis"),
        ("car running in the garage to warm it up", "none"),
        ("the garage said the car is running fine now", "none"),
        ("so nobody sees my scars", "crisis"),
        ("doing things to my wrists I can't tell anyone about", "crisis"),
        ("I did stretches for my arms", "none"),
        ("make I sleep and never wake", "crisis"),
        # Someone else's pills: only an amount that is an overdose.
        ("my mate took a whole bottle of vodka lol", "check"),
        ("my dad took all his tablets this morning as usual", "none"),
        ("she took all her pills at once", "emergency"),
        ("my son took a handful of my sleeping pills", "emergency"),
        # New dizziness, and dizziness that has gone.
        ("dizzy every time I bend down, which is new for me", "doctor"),
        ("not dizzy anymore, the new tablets helped", "none"),
        ("didn't faint, just felt a bit woozy", "check"),
        ("I didn't faint but I nearly did", "emergency"),
    ],
)
def test_more_families_at_their_edges(text: str, tier: str) -> None:
    assert _tier(text) == tier, scan_all(text)


@pytest.mark.parametrize(
    ("text", "tier"),
    [
        ("I was one year ago in hospital for chest pain, now is good", "check"),
        ("chest pain two years ago, all good now", "check"),
        ("had chest pain a year ago and now it is back", "emergency"),
        ("I had a stroke a year ago and now I'm fine but today my arm went numb", "emergency"),
        ("I had a stroke a year ago and now I'm fine. Today my arm went numb.", "emergency"),
        ("back pain a year ago, fine now, the cancer is in remission", "doctor"),
    ],
)
def test_long_past_and_fine_now(text: str, tier: str) -> None:
    assert _tier(text) == tier, scan_all(text)


@pytest.mark.parametrize(
    ("text", "tier"),
    [
        # A list under one denial, and a question asked and answered no.
        ("no chest pain or breathlessness on the walk", "check"),
        ("no headache or chest pain today", "check"),
        ("no headache or chest pain but I can't breathe", "emergency"),
        ("the nurse asked if I had chest pain, I said no", "check"),
        ("they asked if I had chest pain and I said yes, crushing", "emergency"),
        # Hoping for an illness that kills: crisis; an idiom about a class: a check.
        ("secretly hoping the scan finds something that will kill me", "crisis"),
        ("I hope this class doesn't kill me lol", "check"),
        # Someone else's overdose leads unless a crisis of the person's own is beside it.
        ("my son took a handful of my co-codamol twenty minutes ago", "emergency"),
        ("my son took a handful of my pills an hour ago and I want to die", "crisis"),
    ],
)
def test_lists_answers_and_what_stands_beside_an_overdose(text: str, tier: str) -> None:
    assert _tier(text) == tier, scan_all(text)


@pytest.mark.parametrize(
    ("text", "tier"),
    [
        ("I have no more power to live", "crisis"),
        ("I have no strength to go on", "crisis"),
        ("no strength left to carry on like this", "crisis"),
        ("no energy for living room tidying today", "none"),
        ("no energy to go on the walk today", "none"),
        ("no energy to go on holiday", "none"),
        ("my chest hurts from laughing 😂", "check"),
        ("chest hurts after laughing, now it's crushing and spreading to my arm", "emergency"),
    ],
)
def test_no_strength_to_live_and_a_laughing_chest(text: str, tier: str) -> None:
    assert _tier(text) == tier, scan_all(text)


# A checklist denial needs the sign to open its line; a described pain is no checklist.
@pytest.mark.parametrize(
    ("text", "tier"),
    [
        ("Chest pain: none.", "check"),
        ("Slept ok. Chest pain: none.", "check"),
        ("Fever: none, chest pain: none", "check"),
        ("any chest pain? no", "check"),
        ("crushing chest pain none", "emergency"),
        ("crushing chest pain, none of the tablets help", "emergency"),
    ],
)
def test_a_checklist_denial_opens_its_line(text: str, tier: str) -> None:
    assert _tier(text) == tier


# "die laughing" is an idiom only with the laugh right beside it, never across a sentence.
@pytest.mark.parametrize(
    ("text", "tier"),
    [
        ("I nearly died laughing at the dog", "none"),
        ("i was dying of laughter", "none"),
        ("I want to die. Laughing at me, all of them.", "crisis"),
        ("I want to die\nlaughing", "crisis"),
    ],
)
def test_dying_of_laughter_is_an_idiom_only_side_by_side(text: str, tier: str) -> None:
    assert _tier(text) == tier
