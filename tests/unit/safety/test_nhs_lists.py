"""The emergency and doctor tiers cover the NHS lists (docs/rules.md#sources), whose body and
when soften them, and an overdose taken by mistake leads with the emergency reply."""

from __future__ import annotations

import pytest

from bot.domain.safety import scan, scan_all

# "Call 999 or go to A&E now": every item the lists name, in people's words.
EMERGENCY = [
    "coughing up blood",
    "just coughed up a load of blood",
    "threw up and it was full of blood",
    "the bleeding won't stop",
    "nose has been pouring blood for 40 mins",
    "soaked through 3 towels, cut my hand",
    "got stung by a wasp, hives everywhere and wheezing",
    "hives all over and i'm wheezing since i took that new medication",
    "my lips are swelling up",
    "one side of my face and my hand went numb all of a sudden",
    "took double my tablets by mistake and my breathing is really slow",
    "accidentally had 3 doses of my tramadol and cant stay awake",
    "sudden severe stomach pain and my belly is rigid",
    "sudden agony in my stomach, belly is hard as a rock",
    "i think i had a seizure",
    "suddenly really confused, dont know what day it is",
    "banged my head on the cupboard, really drowsy and being sick",
    "crushing chest pain",
    "cant breathe properly",
    "calf swollen and now i'm short of breath with chest pain",
]
# "Ask for an urgent GP appointment or get help from NHS 111".
DOCTOR = [
    "heart keeps racing on and off for no reason this week",
    "getting fluttery heartbeats a few times a day lately",
    "palpitations again today",
    "noticed blood on the toilet paper a couple of times",
    "theres been some blood in my poo",
    # A swollen, warm calf (a possible clot): the NHS says an urgent GP appointment or 111;
    # with breathlessness or chest pain it is an emergency (above).
    "my calf is swollen and warm",
    "left calf swollen, red and hot",
    "lost a stone without trying",
    "got a new rash and my knuckles and knees are swelling up",
    "always thirsty lately and up weeing all night",
    "ever since starting the new tablets ive been really dizzy",
    "the new pills make me feel sick and lightheaded every morning",
    "new numbness in my foot",
    "been getting out of breath on the stairs lately, never used to",
    "waking up drenched in sweat most nights",
    "theres a lump on my neck that wasnt there before",
]
# Whose body and when: someone else, the past, the screen, idioms. At most a light check.
SOFTENED = [
    "watching grey's anatomy, someone just had a stroke",
    "grandma had a fall last year but she's walking fine now",
    "that quiz show was so bad i wanted to die",
    "kill me now, my mother-in-law is coming",
    "I'm going to kill my brother, he ate my leftovers",
    "my heart skipped a beat when i saw the gas bill",
    "the match gave me heart palpitations, what a finish!",
    "doubled up on my vitamins by mistake, pharmacist said no harm done",
]
# ...but never the person's own present red flag.
KEPT = [
    ("i am watching tv and my face just went numb on one side", "emergency"),
    ("grandma had a fall and now i have crushing chest pain", "emergency"),
    ("so bad i want to die", "crisis"),
    ("my heart keeps skipping beats", "doctor"),
]


@pytest.mark.parametrize("text", EMERGENCY)
def test_the_emergency_list(text: str) -> None:
    flag = scan(text)
    assert flag is not None and flag.tier == "emergency", (text, scan_all(text))


@pytest.mark.parametrize("text", DOCTOR)
def test_the_urgent_gp_list(text: str) -> None:
    flag = scan(text)
    assert flag is not None and flag.tier == "doctor", (text, scan_all(text))


@pytest.mark.parametrize("text", SOFTENED)
def test_other_people_the_past_the_screen_and_idioms_soften(text: str) -> None:
    flag = scan(text)
    assert flag is None or flag.tier == "check", (text, scan_all(text))


@pytest.mark.parametrize(("text", "tier"), KEPT)
def test_the_persons_own_present_red_flag_is_kept(text: str, tier: str) -> None:
    flag = scan(text)
    assert flag is not None and flag.tier == tier, (text, scan_all(text))


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("i took way too many of my pain pills, so drowsy and feel weird", "emergency"),
        ("took double my tablets by mistake", "emergency"),
        ("took a whole strip of co-codamol earlier, wasnt an accident", "crisis"),
        ("took double my tramadol on purpose hoping i wouldn't wake up", "crisis"),
        ("I've taken an overdose", "crisis"),  # said bare: the crisis reply (it gives 999 too)
    ],
)
def test_an_overdose_taken_leads_with_emergency_only_by_mistake_or_in_danger(
    text: str, first: str
) -> None:
    flags = scan_all(text)
    assert [f.tier for f in flags[:1]] == [first], flags
    assert {"crisis", "emergency"} <= {f.tier for f in flags} or first == "emergency", flags


def test_a_bare_help_is_no_alarm_and_help_me_is_a_check() -> None:
    assert scan("help") is None
    flag = scan("help me")
    assert flag is not None and flag.tier == "check"
