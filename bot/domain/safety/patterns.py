"""The red-flag patterns: word classes and rules, per CONTENT_BRIEF.md "Red flags".

Data only; `dsl.py` says how a pattern string reads and `scanner.py` runs them. The rule is
fail safe: a false positive is acceptable, a miss is not. Negation never suppresses a match
("no chest pain but..." still fires). The few exclusions below are for very common, clearly
unrelated uses (exercise names, idioms such as "fell asleep" or "dying to try"), each says why,
and none reaches across a sentence break.

Decisions on ambiguous phrasings (tests/unit/safety/cases.py pins them):
- Quiet: "this weather / my back is killing me" (everyday chronic-pain talk; "kill me" and
  "my chest is killing me" still fire), "dying to try", "could kill for a coffee", "dead tired",
  "fell asleep", "heavy legs", "brain fog", "took all my meds this morning", "I hurt myself
  doing yoga", "walked 3 kms", "confused about the plan", and exercise names ("chest stretch",
  "breathing exercise", "balance exercises", "heart rate", "breast stroke").
- Firing on purpose: any fall ("tripped on the rug", doctor), "out of breath" and "collapsed on
  the sofa" (emergency), "confused" alone (emergency), "my legs are weak" (emergency), "balance
  is off" and "constant pain" (doctor, as the brief lists them), "I'm a burden", "I hate myself",
  "I can't cope", "I just want it to stop", "I want to sleep forever", "what's the point?",
  "plants started to die" and "I'd rather die than..." (crisis: the crisis reply is a gentle
  question, a miss is not acceptable).
- Night pain fires only as "worse at night" or pain waking the person: "hips ache at night"
  and "pain kept me awake" are everyday fibromyalgia sleep talk.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Tier = Literal["crisis", "emergency", "doctor"]


@dataclass(frozen=True, slots=True)
class Rule:
    """A named red flag: fires if any pattern of `any_of` and of every group in `also` matches."""

    id: str
    tier: Tier
    any_of: tuple[str, ...]
    also: tuple[tuple[str, ...], ...] = ()


def _p(phrases: str) -> tuple[str, ...]:
    """Comma-separated phrases to a tuple."""
    return tuple(p.strip() for p in phrases.split(",") if p.strip())


def near(a: str, b: str, gap: int) -> tuple[str]:
    """Two items in either order with at most `gap` tokens between them (one pattern)."""
    return (f"{a} ~{gap} {b} || {b} ~{gap} {a}",)


_PAIN = """pain, pains, painful, hurt, hurts, hurting, ache, aches, aching, achy, sore, soreness,
    throbbing, throbs, agony, agonising, agonizing, killing, stabbing, sharp, burning, tender,
    discomfort, cramp, cramping, stinging"""

_WEAK = """weak, weakness, weaker, numb, numbness, numbed, dead, limp, paralysed, paralyzed,
    paralysis, floppy, gave way, giving way, buckled, buckling, jelly, no strength, no feeling,
    lost feeling, lost strength, not working, stopped working"""

CLASSES: dict[str, tuple[str, ...]] = {
    # Body and symptoms
    "PAIN": _p(_PAIN),
    "CHEST": _p("chest, chests, breastbone, sternum, heart, lungs, lung"),
    "CHEST_SYMPTOM": _p(
        _PAIN
        + """, tight, tightness, tightening, tighter, pressure, pressing, heavy, heaviness,
        squeezing, squeeze, squeezed, crushing, crushed, crush, weight, constricted,
        constriction, clenched, clamped, band, vice, elephant, sitting, funny, weird, strange, odd,
        wrong"""
    ),
    "BREATH": _p("breathe, breath, breathing, breaths, air, oxygen, inhale, inhaling"),
    "UNABLE": _p(
        """can not, could not, can no longer, could no longer, unable to, not able to, barely,
        hardly, struggling to, struggle to, struggled to, struggles to, struggling, hard to,
        difficult to, trouble, difficulty, difficulties, impossible to, problems, problem"""
    ),
    "HEADACHE": _p(
        """headache, headaches, migraine, migraines, head ache, head aches, head pain,
        head hurts, head hurt, head hurting, head is hurting, head is killing me,
        head is pounding, head pounding, head throbbing, head is throbbing, pain in my head,
        pain in the head, sore head, head is sore, head sore, pounding head, throbbing head,
        bad head, head is splitting, head splitting, head is banging, banging head,
        cluster headache"""
    ),
    "SUDDEN": _p(
        """sudden, suddenly, abrupt, abruptly, out of nowhere, out of the blue, all of a sudden,
        instantly, came on fast, came on quickly, in seconds, within seconds, explosive,
        exploding, like a thunderclap"""
    ),
    "SEVERE": _p(
        """severe, excruciating, blinding, unbearable, agonising, agonizing, horrendous, horrific,
        splitting, crushing, intense, debilitating, crippling, violent, screaming"""
    ),
    "WEAK": _p(_WEAK),
    "TINGLE": _p("tingling, tingly, tingles, pins and needles, prickling"),
    "LEG_WEAK": _p(
        _WEAK
        + """, gave out, giving out, buckle, collapsed, will not hold, will not work,
        would not hold, would not work, will not move, would not move"""
    ),
    "LIMB": _p(
        """arm, arms, leg, legs, hand, hands, foot, feet, face, side, fingers, toes, body,
        left side, right side"""
    ),
    # "right now", "right away": "right" is only a side before a body word. A tingling hand or
    # foot is everyday fibromyalgia (and cold weather); a weak or numb one still counts.
    "SIDE_PART": _p("side, arm, arms, leg, face, cheek, eye, of, my, half"),
    "SIDE_SMALL": _p("hand, foot, fingers, toes"),
    "FACE": _p("face, mouth, smile, lip, lips, eyelid, cheek"),
    "DROOP": _p(
        """droop, drooping, droops, drooped, droopy, sagging, saggy, sagged, lopsided, crooked,
        uneven, fallen, dropped, dropping, numb, numbness, paralysed, paralyzed, frozen, slack,
        funny, weird, strange, heavy, different"""
    ),
    "SPEECH_BAD": _p(
        """slurred, slurring, weird, strange, funny, garbled, jumbled, muddled, thick, slow,
        wrong, off, blurred, difficult, hard, gone, changed"""
    ),
    "BOT_NOUN": _p(
        """app, bot, question, questions, button, buttons, plan, plans, menu, instructions,
        message, messages, settings, form, checkin, check in, exercise, exercises, stretch,
        stretches, steps, step, schedule, reminder, reminders, goal, goals, score, scores,
        scale, numbers, number, rating, ratings, chart, video, link"""
    ),
    "FAINT_WORDS": _p(
        """fainted, fainting, faints, passed out, pass out, passing out, passes out,
        blacked out, blacking out, blacks out, collapsed, collapse, collapsing, collapses,
        unconscious, lost consciousness, losing consciousness, lose consciousness,
        loss of consciousness, keeled over, came to on the floor, woke up on the floor,
        syncope, swooned, seizure, seizures, convulsion, convulsions, convulsing, had a fit,
        having a fit, nearly fainted"""
    ),
    # "a faint smell" is not fainting.
    "FAINT_NOUN": _p(
        """smell, sound, ache, pain, hope, idea, line, lines, trace, glow, light, memory, noise,
        taste, hint, chance, twinge, tingle, outline, voice, mark, marks, praise"""
    ),
    "NUMBISH": _p(
        """numb, numbness, tingling, tingly, no feeling, pins and needles, can not feel,
        lost feeling, lost sensation, no sensation, anaesthesia, anesthesia"""
    ),
    "SADDLE": _p(
        """groin, genitals, genital, bum, buttocks, buttock, bottom, saddle, inner thighs,
        inner thigh, privates, private parts, crotch, perineum, anus, back passage,
        between my legs, down below, down there, vagina, penis, bum cheeks, backside, butt,
        butt cheeks, arse, ass"""
    ),
    "TOILET": _p(
        """bladder, bowel, bowels, pee, wee, urine, poo, poop, peeing, weeing, toilet, urinate,
        urinating"""
    ),
    "FEVER": _p(
        """fever, fevers, feverish, high temperature, a temperature, temperature of,
        running a temperature, my temperature, temperature is high, temperature is up,
        high temp, a temp, temp of, chills, the shivers, shivering, hot and cold, burning up,
        night sweats, sweats"""
    ),
    "BACKNECK": _p("back, neck, spine, spinal, tailbone, coccyx, lumbar, lower back, upper back"),
    "BACKNECK_PAIN": _p(
        _PAIN + ", stiff, stiffness, spasm, spasms, spasming, locked, twinge, twinges"
    ),
    "CANCER": _p(
        """cancer, cancers, tumour, tumours, tumor, tumors, chemo, chemotherapy, radiotherapy,
        radiation therapy, oncology, oncologist, malignant, metastatic, metastases, lymphoma,
        leukaemia, leukemia, myeloma, melanoma, carcinoma, sarcoma, mastectomy"""
    ),
    "CONSTANT": _p(
        """constant, constantly, nonstop, non stop, unrelenting, relentless, continuous,
        continuously, permanent, permanently, persistent, all the time, all day every day,
        never stops, never goes away, never eases, never lets up, never leaves, never ends,
        will not go away, will not stop, does not stop, does not go away, does not ease,
        is not going away, not going away, not easing, no relief, no let up, every second,
        day and night, night and day, round the clock, around the clock, 24 7, never a break"""
    ),
    "NIGHT": _p(
        """at night, in the night, overnight, nighttime, night time, at nighttime,
        through the night, all night, at bedtime"""
    ),
    "NIGHT_WIDE": _p(
        """at night, in the night, overnight, nighttime, night time, at nighttime,
        through the night, all night, at bedtime, in bed, lying down, lie down, lying flat,
        when i lie, when i lay"""
    ),
    "NEWISH": _p(
        """new, different, changed, change, changing, unusual, unfamiliar, strange, weird,
        never had, not my usual, not the usual, not like my usual, not like normal,
        first time, first ever, more often, more frequent, more frequently, every day, daily,
        recently started, started recently"""
    ),
    "HEAD_TRIGGER": _p(
        """cough, coughing, coughed, coughs, sneeze, sneezing, sneezed, sneezes, strain,
        straining, strained, bend, bending, bent over, bend over, bend down, bending down,
        stand up, standing up, stood up, stand, standing, lie down, lying down, lay down,
        laying down, lie flat, lying flat, sit up, sitting up, get up, getting up,
        change position, changing position, change positions, change of position, laugh,
        laughing, exert, exertion, exerting, lift, lifting, push, pushing, toilet,
        bowel movement, move my head, moving my head, turn my head, lean forward,
        leaning forward"""
    ),
    "PREGNANT": _p(
        """pregnant, pregnancy, expecting a baby, weeks pregnant, trimester, expecting twins,
        postpartum, post partum, just had a baby, gave birth"""
    ),
    "PAINKILLER": _p(
        """painkillers, painkiller, paracetamol, acetaminophen, tylenol, ibuprofen, advil,
        nurofen, motrin, aspirin, naproxen, aleve, codeine, cocodamol, co codamol, tramadol,
        excedrin, triptan, triptans, sumatriptan, rizatriptan, migraleve, solpadeine, anadin,
        pills, tablets, meds, medication, pain relief"""
    ),
    "DAILY": _p(
        """daily, every day, each day, every morning, every night, every single day, most days,
        all the time, every few hours, round the clock, several times a day, twice a day,
        three times a day, day after day, constantly, continuously, regularly, every evening"""
    ),
    "FALL_NOT": _p(
        """asleep, behind, apart, through, short, for, in love, off the wagon, off track,
        off my radar, into place, in line, back into, back on, out, ill, sick, pregnant,
        silent, quiet, flat, victim, prey, into bed, into a routine, into a habit,
        into the habit, into a pattern, into old habits, to pieces, to bits, on my feet,
        on deaf ears, under"""
    ),
    # Crisis
    "SELF": _p("myself, my self, meself, my own self"),
    "SELF_VERB": _p(
        """kill, kil, killing, killed, kills, end, ending, ended, off, offing, offed, top,
        topping, topped, hang, hanging, hanged, hung, shoot, shooting, shot, drown, drowning,
        drowned, poison, poisoning, poisoned, unalive, unaliving, unalived, strangle,
        strangling, suffocate, suffocating, stab, stabbing, starve, starving, slit, gas"""
    ),
    "HARM_VERB": _p(
        """hurt, hurting, harm, harming, harmed, cut, cutting, punish, punishing, punished,
        hit, hitting, bruise, bruising"""
    ),
    # "I hurt myself doing yoga" is an injury, not self-harm.
    "ACCIDENT": _p(
        """doing, while, during, when, stretching, walking, lifting, exercising, running,
        cleaning, gardening, falling, tripping, slipping, playing, working, training, cooking,
        shaving, chopping, trying, moving, carrying, reaching, bending, twisting, turning,
        on the stairs, on the ice, on the walk, on the bike, on the treadmill, on the step,
        on the steps, on my walk, on my bike, on my run, at the gym, at work, at yoga,
        at the pool, by accident, accidentally, in the garden, in the gym, yoga, pilates,
        tai chi, with the band, with the weights, on paper"""
    ),
    # "I burnt myself on the oven" is a kitchen accident.
    "BURN_ACCIDENT": _p(
        """oven, stove, hob, kettle, iron, ironing, pan, heat pad, hot water bottle, bath,
        shower, tea, coffee, soup, sun, cooking, baking, candle, toaster, grill, steam, water"""
    ),
    "GONE_ME": _p(
        """if i was gone, if i were gone, if i was dead, if i were dead, if i died,
        if i disappeared, if i was not here, if i were not here, if i was not around,
        if i were not around, if i was never born, if i did not exist, with me gone,
        with me dead, when i am gone, when i am dead, if i left this world"""
    ),
    "SUICIDE_WORDS": _p(
        """suicide, suicides, suicidal, suicidality, sewerslide, sewer slide, self harm,
        self harming, self harmed, self harms, self injury, self injure, self injuring,
        self mutilation, overdose, overdosed, overdosing, overdoses, od, o d, oding, oded,
        unalive, unaliving, unalived, un alive, end my own life, take my own life,
        taking my own life, took my own life, kill myself"""
    ),
    "WISH": _p(
        """want, wanting, wants, wanted, wish, wishing, wished, wishes, hope, hoping, hoped,
        ready, rather, prefer, going to, going, plan, planning, planned, plans, thinking,
        think, thought, thoughts, deserve, deserves, deserved, pray, praying, prayed,
        longing, long to, would like, tempted, considering, contemplating, intend, intending,
        urge, urges, need to, trying to, tried to, try to, about to, decided, decide,
        should just, might as well, may as well, dream of, dreaming of, fantasise, fantasize,
        fantasising, fantasizing, welcome, will just, could just"""
    ),
    # "dying to try tai chi", "the pain will die down", "dead tired": not about dying.
    "DIE_NOT": _p(
        """down, off, out, laughing, of laughter, of embarrassment, of boredom, of shame,
        of shock, of cuteness, with laughter, hard, happy, for"""
    ),
    "DEAD_NOT": _p(
        """tired, beat, set, serious, on, end, easy, lift, lifts, bug, bugs, battery, phone,
        leaves, skin, ahead, stop, last, heavy, bored, boring, sore, good, slow, quiet, right,
        zone, weight, stiff, nervous, worried, excited, keen, proud, lucky, funny, cute,
        centre, center, wrong, simple, certain, sure, still, straight, silent, ringer, cert,
        loss, batteries, inside, exhausted, asleep"""
    ),
    "LIVING": _p(
        """living, live, life, to live, being alive, alive, going on, carrying on, carry on,
        go on, existing, exist, keep going, keeping going, being here, anything, it all,
        any of it, continuing, waking up, me being here"""
    ),
    "WHAT_POINT": _p(
        """what is the point, what the point, why am i here, why am i still here,
        why am i alive, why should i live, why carry on, why go on, why keep going"""
    ),
    "NOBODY": _p("no one, not one person, not a single person, nobody"),
    "GO_ON": _p(
        """go on, carry on, keep going, go on living, carry on living, continue,
        continue living, keep on going, keep living"""
    ),
    # "can't go on my walk today" is about the walk.
    "DET": _p("a, an, the, my, our, that, this, his, her, their"),
    "ACTIVITY": _p(
        """walk, walks, walking, holiday, holidays, vacation, trip, trips, bike, bike ride,
        treadmill, ride, run, swim, course, cruise, date, break, app, internet, computer, phone,
        call, list, waiting list, medication, meds, tablets, pills, exercise bike, outing,
        journey, picnic, diet, stroll, hike"""
    ),
    "ENDURE": _p(
        """cope, bear it, bear this, bear the pain, bear any more, stand it, stand this,
        stand the pain, stand living, stand being, live like this, live with this,
        live this way, live with the pain, live with it, handle it, handle this, handle life,
        handle the pain, handle any more, face another day, face tomorrow, face life,
        face anything, face the day, survive this, survive another, be here, keep fighting,
        fight any more, fight this, fight it, do life, take any more, take much more,
        take no more, take the pain, take this pain, take living, take life, take it,
        take this"""
    ),
    # "I can't take it easy", "take it slow": pacing talk, not despair.
    "TAKE_IT_NOT": _p(
        """easy, slow, slowly, steady, personally, seriously, literally, medicine, medication,
        tablet, tablets, pill, pills, further, into account, home, off"""
    ),
    "DO_THIS": _p(
        """do this, do it, do that, do life, do any of this, do any of it, do everything,
        handle this, handle it, handle life, deal with this, deal with it, deal with life,
        deal with everything, cope with this, cope with it, cope with life,
        cope with everything, face this, face it, face life, take this, take it,
        live like this, keep doing this, keep going, go on, carry on, keep trying, be here,
        fight this, fight it, fight, keep fighting, pretend"""
    ),
    "MORE": _p("any more, any longer, much longer, no more, forever, like this"),
    # "I can't do this stretch any more" is feedback on the plan.
    "EXERCISE_NOUN": _p(
        """stretch, stretches, exercise, exercises, walk, walks, routine, plan, workout, pose,
        poses, class, session, move, moves, movement, yoga, programme, program, app, band,
        position, one, bit, step, steps, week, job"""
    ),
    "NOLIVE": _p(
        """live, be alive, be here, exist, wake up, be around, keep living, go on living,
        carry on living, be in this world, be on this earth, continue living, be me"""
    ),
    "TIRED_OF": _p(
        """living, life, being alive, existing, everything, it all, fighting, being me,
        this life, being here, this world, myself, trying"""
    ),
    "PILLS": _p(
        """pills, pill, tablets, tablet, meds, medication, medications, medicine, medicines,
        painkillers, painkiller, paracetamol, acetaminophen, tylenol, ibuprofen, advil,
        nurofen, aspirin, codeine, cocodamol, co codamol, tramadol, opioids, opiates, oxy,
        oxycodone, oxycontin, morphine, fentanyl, amitriptyline, pregabalin, lyrica,
        gabapentin, duloxetine, cymbalta, sertraline, antidepressants, sleeping pills,
        sleeping tablets, insulin, diazepam, valium, zopiclone, benzos, prescription"""
    ),
    # "took all my meds this morning" is adherence, not an overdose.
    "PILL_OK": _p(
        """today, this morning, on time, as prescribed, with food, with breakfast, with lunch,
        with dinner, with my, with water, for today, for the day, like a good girl,
        like a good boy, on schedule, before bed, at bedtime"""
    ),
    "HIGH_PLACE": _p(
        """bridge, building, roof, cliff, balcony, tower, car park, window, ledge, multi storey,
        motorway bridge"""
    ),
    "VEHICLE": _p("train, bus, car, lorry, truck, traffic, tube, tram, van"),
}

# Symptom first gets the longer window: "pain in the middle of my chest".
_CHEST = (
    "@CHEST ~4 @CHEST_SYMPTOM || @CHEST_SYMPTOM ~6 @CHEST",
    "heart attack",
    "cardiac arrest",
    "angina",
)

_BREATHING = (
    "@UNABLE ~3 @BREATH",
    "short|shortness of breath|breathe|breathing",
    "out of breath|breathe",
    "breathless|breathlessness|winded|suffocating|suffocate|suffocated",
    "gasping|gasp|gasped|gasps",
    "choking|choke|choked|chokes !up",
    "struggling|fighting|battling|gasping ~1 for ~1 breath|air",
    "breathing|breath ~2 hard|difficult|laboured|labored|shallow|fast|rapid|tight|painful|raspy|"
    "ragged|strange|weird|funny|noisy|short|shorter",
    "@PAIN ~1 to|when|if|as i? breathe|breathing|inhale|inhaling",
    "breathe|breathing|inhale|inhaling ~1 hurts|hurt|painful|hurting|sore|aches",
)

_SPREADING = (
    "spreading|spreads|spread|radiating|radiates|radiate|radiated|shooting|shoots|travelling|"
    "traveling|travels|travelled|traveled ~4 arm|arms|jaw|teeth|elbow",
    "going|goes|went|gone|moving|moves|moved|runs|running|ran ~1 down|into|to|up|through|along "
    "~2 arm|arms|jaw|teeth",
    *near("jaw", "arm|arms", 4),
    *near(
        "left arm",
        "@PAIN|heavy|heaviness|tingling|tingly|numb|numbness|weak|weakness|dead",
        3,
    ),
)

_HEADACHE_EMERGENCY = (
    "thunderclap",
    "worst ~2 @HEADACHE",
    "@HEADACHE ~4 worst",
    "@SUDDEN ~3 @HEADACHE",
    "@HEADACHE ~4 @SUDDEN",
    "worst pain ~3 life|ever",
    "head|skull ~2 exploding|explode|explosion",
    "exploding|explosive ~2 head|headache",
    "like ~2 hit|struck|smashed|whacked|kicked ~3 head",
)

_ONE_SIDED = (
    "left|one|half @SIDE_PART ~4 @WEAK|@TINGLE",
    "left|right|one|half @SIDE_SMALL ~4 @WEAK",
    "@WEAK ~4 left|right|one|half @SIDE_SMALL",
    # One arm or the face: one-sided by nature.
    *near("arm|face", "weak|weakness|numb|numbness|dead|limp|floppy|useless", 2),
    "right @SIDE_PART ~4 @WEAK|@TINGLE",
    "@WEAK|@TINGLE ~4 left|right|one|half @SIDE_PART",
    "@WEAK|@TINGLE ~4 on|down|in ~2 left|right",
    "@UNABLE ~1 move|lift|feel|use|raise|grip|control ~2 @LIMB",
    "one side of my|the? body|face",
    "half of? my|the? body|face",
)

_STIFF_NECK = (
    *near("neck", "stiff|stiffness|rigid|locked", 3),
    "@UNABLE ~2 bend|move|turn|tilt|lower ~2 neck|head|chin",
)

_BACK_PAIN = (
    *near("@BACKNECK", "@BACKNECK_PAIN", 3),
    "backache|neckache|sciatica|lumbago|bad_back|slipped_disc|herniated|whiplash",
)

_NECK_PAIN = (*near("neck", "@PAIN|stiff|stiffness|rigid", 3), "neckache")

_WEIGHT_LOSS = (
    *near(
        "lost|losing|lose|loss|dropped|dropping|shed|shedding", "weight|pounds|kg|stone|stones", 2
    ),
    "weight ~2 dropping|falling|dropped|fell|falling_off",
)

_AGE = (
    "i am|aged|age|turned|turning|turn #AGE",
    "#AGE years|yrs|year|yr ~1 old|of age",
    "#AGE yo",
    "#AGE y o",
    "over|past|older_than 50|fifty|55|60|sixty|65|70|seventy|75|80|eighty",
    "in my fifties|sixties|seventies|eighties|nineties",
    "in my 50|60|70|80|90 s",
)

RULES: tuple[Rule, ...] = (
    # --- Crisis -------------------------------------------------------------------------
    Rule("crisis.suicide_words", "crisis", ("@SUICIDE_WORDS",)),
    Rule(
        "crisis.kill_self",
        "crisis",
        (
            # "shot myself in the foot" is an idiom.
            "@SELF_VERB ~1 @SELF !{ in the foot }",
            # "burning myself out" is burnout.
            "burn|burning|burnt|burned ~1 @SELF !out !{ ~3 @BURN_ACCIDENT }",
            "kill|end|unalive me",
            # "walked 3 kms" is kilometres.
            "<#NUM <few|couple|several|many|some|the|those|more|extra|two|three|four|five|ten kms",
            "kys",
        ),
    ),
    Rule(
        "crisis.want_to_die",
        "crisis",
        (
            "@WISH ~3 die !@DIE_NOT",
            "@WISH ~3 dying !to|for|down|of",
            "@WISH ~3 dead !@DEAD_NOT",
            "@WISH ~3 death !metal",
            "better ~3 dead",
            "feel|feeling|felt like i? am|was? dying !to|for",
            "let ~1 me ~1 die",
            "@GONE_ME",
            "better off ~1 gone|dead|not_here|not_alive|not_being_here|not_being_alive|not_around|"
            "not_existing",
            "wish i ~2 not|never ~1 been? born|here|alive|existed|exist",
            "@WISH i? could|would|can? just? to? just? disappear|vanish",
            "@WISH ~5 not|never|no_longer wake up",
            "@WISH ~3 not|never|no_longer|stop|cease ~1 "
            "exist|existing|to_exist|be_here|be_alive|be_around",
            "@WISH ~4 sleep forever|and_never",
            "to|2 die !@DIE_NOT",
            "bought|buy|buying|got|ordered ~1 a? rope|noose|gun",
        ),
    ),
    Rule(
        "crisis.end_life",
        "crisis",
        (
            "end|ending|ended|ends|take|taking|took my own? life",
            "end|ending|ended it all",
            "end|ending|ended everything|things",
            "@WISH ~2 end|finish it !early|for|on|with|there|here",
            "just|finally|should|could|would|will|might ~1 end|ended|ending it "
            "!early|for|on|with|there|here|at",
            "make it all stop|end",
            "want|wish|need ~1 it|everything|this all? to end|stop|be_over",
        ),
    ),
    Rule(
        "crisis.no_reason_to_live",
        "crisis",
        (
            "no|any reason|point|purpose ~2 @LIVING",
            "no point any_more|any_longer",
            "no point $",
            "had enough of @TIRED_OF",
            "i have had enough $",
            "way|ways|how|method|methods to die|kill_myself|end_it|end_my_life|overdose",
            "point in|of @LIVING",
            "nothing|no_one|nothing_left ~1 to live for",
            "@WHAT_POINT ~3 @LIVING|any_more|of_anything|in_anything|in_life",
            "@WHAT_POINT $",
            "@WHAT_POINT any more",
            "what ~3 point ~1 any_more|of_it_all|of_anything|in_anything|of_life|in_life",
            "what ~3 point $",
            "life ~2 not_worth|pointless|meaningless|hopeless|over|empty",
            "not worth living|being_alive",
            "will to live",
            "no way out",
            "nothing matters !more|as|except|but|so|quite|like|less|much",
            "no|lost|losing|without hope|future $",
            "no hope|future left|for_me|any_more|at_all|of_getting_better|of_things_getting_better",
            "lost|losing all hope",
            "no ~1 way forward",
            "@UNABLE see ~1 a|any way|future",
            "i want out $",
            "give|giving|gave|given up on ~1 life|living|everything|myself|me",
        ),
    ),
    Rule(
        "crisis.burden",
        "crisis",
        (
            "better|happier|easier|fine ~3 without_me|@GONE_ME",
            "burden|burdens !of",
            "@NOBODY ~2 miss_me|notice|care_if_i|care_whether_i|care_when_i|care_about_me|"
            "would_care|will_care|cares|care",
        ),
    ),
    Rule(
        "crisis.cant_go_on",
        "crisis",
        (
            "@UNABLE ~2 @GO_ON !{ @DET? @ACTIVITY }",
            "@UNABLE ~2 @ENDURE !@TAKE_IT_NOT",
            "@UNABLE ~1 @DO_THIS !{ @EXERCISE_NOUN } ~1 @MORE",
            "can|could not any_more|any_longer",
            "not|longer|never ~1 want|wanna|wish to? ~1 @NOLIVE",
            "not|longer|never ~1 want|wish to? @GO_ON !{ @DET? @ACTIVITY }",
            "not|longer|never ~1 want|wish to? ~1 @DO_THIS !{ @EXERCISE_NOUN } ~1 @MORE",
            "tired|sick|weary|exhausted|done ~2 of|with @TIRED_OF",
            "i_am|feel|feeling|felt|so|completely|totally|utterly|just|everything ~2 hopeless !at",
            "hopelessness|worthless|worthlessness",
            "hate|hating|hated|loathe|despise ~1 myself|my_life|being_alive|living|life|being_me",
        ),
    ),
    Rule(
        "crisis.self_harm",
        "crisis",
        (
            "<accidentally|nearly|almost @HARM_VERB ~1 @SELF !{ ~1 @ACCIDENT }",
            "cutting|cut again",
            "make|made|making myself bleed",
            "until|till|til i|it ~1 bled|bleed|bleeds",
            "started|been|keep|back_to ~1 cutting !down|back|out|off|up|carbs|sugar|corners",
            "urge|urges|urged|tempted ~2 cut|harm|hurt|burn !down|back|out|off|up",
        ),
    ),
    Rule(
        "crisis.method",
        "crisis",
        (
            "jump|jumping|jumped|throw|throwing|threw ~4 off|from ~2 @HIGH_PLACE",
            "jump|jumping|jumped|step|stepping|stepped|walk|walking|walked|throw|throwing|lie|"
            "lying ~3 in_front_of|under ~2 @VEHICLE",
            "walk|walking|walked|drive|driving|drove|step|stepping ~2 into ~1 "
            "traffic|sea|river|lake",
            "drive|driving|drove|crash|crashing ~3 into ~2 wall|tree|lorry|truck|traffic",
            "noose",
            "rope ~3 neck",
            "slit|slash|slashing|slashed|slice|slicing|cut|cutting ~2 wrist|wrists|throat|veins",
            "pull|pulling ~2 trigger",
            "gun ~3 head|mouth",
            "shoot|shooting ~2 me|my_head|my_brains",
        ),
    ),
    Rule(
        "crisis.overdose",
        "crisis",
        (
            "take|taking|took|taken|swallow|swallowing|swallowed|down|downing|downed ~1 "
            "all|whole|entire ~3 @PILLS !@PILL_OK",
            "too many ~2 @PILLS",
            "take|taking|took|taken|swallow|swallowing|swallowed #MANY ~2 @PILLS",
            "handful|handfuls of ~1 @PILLS",
            "@PILLS ~3 all_at_once|in_one_go|at_the_same_time",
            "stockpiling|stockpile|stockpiled|hoarding|hoard|saving|saved|collecting ~2 up? @PILLS",
            "whole|entire|full bottle|packet|box|pack|strip|packets|bottles ~2 of? @PILLS",
        ),
    ),
    Rule(
        "crisis.goodbye",
        "crisis",
        (
            "this is goodbye",
            "goodbye forever|cruel_world|world",
            "final|last goodbye|goodbyes",
            "goodbye|farewell letter|letters|note|notes",
            "giving|give|gave away ~1 my|all ~1 my? things|stuff|belongings|possessions",
        ),
    ),
    # --- Emergency ----------------------------------------------------------------------
    Rule("emergency.chest", "emergency", _CHEST),
    Rule("emergency.breathing", "emergency", _BREATHING),
    Rule("emergency.pain_spreading", "emergency", _SPREADING),
    Rule(
        "emergency.cold_sweat",
        "emergency",
        ("cold|cool sweat|sweats|sweaty|sweating|sweated", "clammy"),
    ),
    Rule("emergency.severe_headache", "emergency", _HEADACHE_EMERGENCY),
    Rule("emergency.one_sided_weakness", "emergency", _ONE_SIDED),
    Rule("emergency.legs_weak", "emergency", near("leg|legs", "@LEG_WEAK", 3)),
    Rule(
        "emergency.stroke",
        "emergency",
        (
            "paralysed|paralyzed|paralysis",
            # "stroke the cat" is not a stroke; "heat stroke" is joined in lexicon.COMPOUNDS.
            "stroke|strokes !my|the|his|her|a|our|it|him|them|your|their|its",
        ),
    ),
    Rule("emergency.face_droop", "emergency", near("@FACE", "@DROOP", 3)),
    Rule(
        "emergency.speech",
        "emergency",
        (
            "slurred|slurring",
            "speech ~3 @SPEECH_BAD",
            "words ~4 slurred|jumbled|garbled|muddled|wrong|mixed|scrambled|weird",
            "@UNABLE ~1 speak|talk properly|clearly|right|normally|straight",
            "@UNABLE ~1 get ~2 words out",
            "@UNABLE ~1 form ~1 words|sentences",
            "trouble|difficulty|problems|struggling ~1 speaking|talking",
        ),
    ),
    Rule(
        "emergency.confusion",
        "emergency",
        (
            # "confused about the plan" is about the bot; "confused" alone is not.
            "confused !{ about|by|with ~3 @BOT_NOUN }",
            "confusion|disoriented|disorientated|delirious|incoherent",
            "@UNABLE ~1 think straight|clearly|properly",
            "not|forgot|forgotten|unsure|lost ~2 where i am|was",
            "not ~2 what day|year|month it is|was",
        ),
    ),
    Rule(
        "emergency.fainting",
        "emergency",
        (
            "@FAINT_WORDS",
            "<a|the faint !@FAINT_NOUN",
            # Blackout blinds are sleep hygiene, not fainting.
            "blackout|blackouts|black out !curtains|curtain|blinds|blind|mask|masks",
        ),
    ),
    Rule(
        "emergency.vision",
        "emergency",
        (
            "lost|losing|lose|loss ~2 vision|eyesight",
            "lost|losing|lose|loss ~2 sight !of",
            "vision|sight|eyesight ~3 gone|went|blacked|black|dark|darkened|disappeared|lost|"
            "greyed|grey|grayed|blank|doubled|double|blacking",
            "went|gone|going|go|suddenly|half blind",
            "blind ~2 one|left|right eye",
            "double|doubled ~2 vision|sight",
            "seeing double",
            "seeing|see two of everything|things|you",
            "@UNABLE see ~1 out_of|properly|clearly|straight|at_all",
            "@UNABLE see anything? $",
            "curtain|shadow ~3 eye|eyes|vision",
        ),
    ),
    Rule(
        "emergency.balance",
        "emergency",
        (
            "lost|losing|lose|loss ~2 balance",
            "@UNABLE ~2 balance|walk_straight|stand_straight|stand_up_straight|stay_upright|"
            "keep_upright|stay_on_my_feet|keep_my_feet|stay_balanced",
            "keep|kept|keeps|been|started|keep_on ~1 falling|stumbling|toppling !@FALL_NOT",
        ),
    ),
    Rule(
        "emergency.fever_stiff_neck",
        "emergency",
        _STIFF_NECK,
        (("@FEVER",),),
    ),
    Rule(
        "emergency.headache_fever_neck",
        "emergency",
        ("@HEADACHE",),
        (("@FEVER",), _NECK_PAIN),
    ),
    Rule(
        "emergency.bladder_bowel",
        "emergency",
        (
            "wet|wetting|wetted|peed|peeing|pissed|pissing|soiled|soiling|pooed|pooped|pooing|"
            "shat|shit|messed ~1 myself|my_pants|my_trousers|the_bed|my_bed",
            "incontinent|incontinence",
            "@UNABLE ~3 control|hold|feel|empty|stop ~3 @TOILET",
            "lost|losing|lose|loss|no ~2 control ~3 @TOILET",
            "bladder|bowel|bowels ~3 control|accident|accidents|leaking|leak|gave_way|let_go|numb",
            "@UNABLE ~2 pee|wee|urinate|piss",
            "leak|leaking|leaked|leaks ~2 urine|pee|wee",
        ),
    ),
    Rule(
        "emergency.saddle_numbness",
        "emergency",
        ("@NUMBISH ~4 @SADDLE !of || @SADDLE !of ~4 @NUMBISH",),
    ),
    Rule(
        "emergency.feel_like_dying",
        "emergency",
        ("feel|feeling|felt like i am|was dying !to|for",),
    ),
    # --- See a doctor soon --------------------------------------------------------------
    Rule("doctor.back_pain_fever", "doctor", _BACK_PAIN, (("@FEVER",),)),
    Rule("doctor.back_pain_cancer", "doctor", _BACK_PAIN, (("@CANCER",),)),
    Rule("doctor.back_pain_weight_loss", "doctor", _BACK_PAIN, (_WEIGHT_LOSS,)),
    Rule(
        "doctor.fall",
        "doctor",
        (
            "fell|fallen !@FALL_NOT",
            "<this|last|next|free|water|rain|snow|night|pit|in_the fall|falls|falling !@FALL_NOT",
            "slipped|tripped|tumbled|stumbled !up|through|away|my_mind|into|out",
            "tumble",
            "car|road|bike|cycling crash|accident",
            "crashed my car|bike",
            "knocked over|down",
            # "feel like I've been hit by a bus" is tiredness.
            "<been hit by a car|bike|bus|truck|lorry|van",
        ),
    ),
    Rule(
        "doctor.constant_pain",
        "doctor",
        near("@PAIN|@HEADACHE", "@CONSTANT", 4),
    ),
    Rule(
        "doctor.night_pain",
        "doctor",
        (
            # "Worse at night" or waking with pain: plain "hips ache at night" is everyday
            # fibromyalgia and stays quiet.
            *near("worse|worst", "@NIGHT_WIDE", 3),
            "@PAIN|@HEADACHE ~3 wakes|woke|waking|wake me ~1 up",
            "woken|woke ~2 by ~2 @PAIN|@HEADACHE",
            "night pain|pains",
        ),
    ),
    Rule(
        "doctor.worsening",
        "doctor",
        (
            "getting|get|gets|got|gotten|growing|grown worse",
            "worse and worse",
            "worse every|each day|week|morning",
            "worse by the day",
            "worsening|worsened|worsens|deteriorating|deteriorated",
            "steadily|progressively|gradually|slowly ~1 worse",
            "more and more @PAIN",
            "worse than ever",
        ),
    ),
    Rule("doctor.headache_new", "doctor", near("@HEADACHE", "@NEWISH", 4)),
    Rule("doctor.headache_trigger", "doctor", near("@HEADACHE", "@HEAD_TRIGGER", 5)),
    Rule("doctor.headache_pregnancy", "doctor", ("@HEADACHE",), (("@PREGNANT",),)),
    Rule("doctor.headache_over_50", "doctor", ("@HEADACHE",), (_AGE,)),
    Rule(
        "doctor.headache_painkillers",
        "doctor",
        near("@PAINKILLER", "@DAILY", 5),
        (("@HEADACHE",),),
    ),
    Rule(
        "doctor.medication_headache",
        "doctor",
        (
            "rebound headache|headaches",
            "medication|overuse headache|headaches",
            "medication overuse",
        ),
    ),
    Rule("doctor.severe_headache", "doctor", ("@SEVERE ~2 @HEADACHE",)),
    Rule(
        "doctor.vision_change",
        "doctor",
        (
            "blurry|blurred|fuzzy|cloudy|hazy|foggy|double|dim|dimmed|distorted|wavy|patchy ~2 "
            "vision|eyesight|sight",
            "vision|eyesight|sight ~3 blurry|blurred|fuzzy|cloudy|hazy|worse|changed|changing|"
            "weird|funny|strange|off|dim|distorted|wavy|patchy|going|deteriorating",
            "blurry|blurred|blurriness",
            "flashes|floaters|zigzag|zigzags|halos",
            "flashing lights",
            "zig zag|zags",
            "seeing spots|stars",
            "spots in my vision|eyes",
            "blind spot|spots",
            "@UNABLE ~1 see ~1 properly|clearly|well|straight",
        ),
    ),
    Rule(
        "doctor.balance_change",
        "doctor",
        (
            *near(
                "balance",
                "worse|off|bad|poor|changed|changing|gone|going|terrible|awful|shaky|wobbly|"
                "problem|problems|issue|issues|rubbish|unsteady",
                3,
            ),
            "unsteady|staggering|stumbling|vertigo",
            "off kilter",
            "wobbly ~2 on_my_feet|legs|walking",
            "room|world|everything ~3 spinning|spins|spun|tilting",
        ),
    ),
    Rule(
        "doctor.thinking_change",
        "doctor",
        (
            *near(
                "memory|thinking|concentration|brain|mind|cognition",
                "worse|worsening|changed|changing|declining|slipping|going|failing|"
                "deteriorating|different|shot|slower|slowed|slowing",
                3,
            ),
            "@UNABLE ~1 find ~2 words",
            "more|increasingly|getting ~1 forgetful",
            "forgetting ~2 more",
            "@UNABLE ~1 remember ~2 anything|things|names|words|simple",
        ),
    ),
    Rule(
        "doctor.head_injury",
        "doctor",
        (
            "hit|banged|bumped|knocked|smacked|whacked|bashed|cracked ~1 my head",
            "head injury|injuries|wound",
            "concussion|concussed",
        ),
    ),
)

# Key words long enough that a one-letter typo is unlikely to make another common word;
# `protected.py` lists the real words that must never be "corrected" into them.
FUZZY_WORDS: tuple[str, ...] = _p(
    """chest, breathe, breath, breathing, breathless, breathlessness, suicide, suicidal,
    numbness, fever, feverish, slurred, slurring, speech, headache, headaches, migraine,
    migraines, fainted, fainting, collapsed, unconscious, confused, confusion, disoriented,
    disorientated, vision, blurry, blurred, balance, bladder, bowels, bowel, incontinent,
    incontinence, tightness, pressure, pregnant, pregnancy, cancer, painkillers, paracetamol,
    ibuprofen, overdose, overdosed, overdosing, myself, weakness, paralysed, paralyzed,
    spreading, radiating, shortness, gasping, sweating, thunderclap, drooping, droopy, unalive,
    disappear, worthless, hopeless, burden, killing, stiffness, squeezing, crushing, tingling,
    sternum, whiplash, concussion, seizure, seizures, dying, living, alive, pills, tablets,
    wrists, excruciating, unbearable, constant, constantly, consciousness, eyesight, sciatica,
    groin, genitals, suffocating, choking, clammy, heaviness, worsening, deteriorating,
    forgetful, memory, hopelessness, paralysis, numbed, tingly, stroke"""
)

# Replies that push back on a safety message ("no", "I'm fine", "you misunderstood"), used to
# keep a crisis conversation open gently; see `looks_like_denial`.
DENIAL_PATTERNS: tuple[str, ...] = (
    "^ no|nope|nah|naw|nop|wrong|fine|never|incorrect|negative|nothing",
    "^ not really|at_all|like_that|exactly|quite",
    "^ of course not",
    "^ definitely|absolutely|certainly|god|hell not|no",
    "i am fine|ok|okay|alright|all_right|good|safe|grand|well|totally_fine|perfectly_fine",
    "all good|fine|ok|okay",
    "it is|it was|that is|that was fine|ok|okay|nothing|alright|all_right|a_joke|not_it",
    "everything is fine|ok|okay|alright|all_right",
    "you ~3 misunderstood|misread|misunderstand|misunderstanding|misinterpreted|wrong",
    "misunderstood|misunderstanding|misread|misinterpreted",
    "not what i meant|mean|said|was_saying|am_saying",
    "did not mean it|that|to|anything",
    "i only|just? meant",
    "<not|no joking|kidding|joke|jest",
    "jk|lol|lmao|haha|hahaha|lmfao|rofl",
    "exaggerating|exaggeration|hyperbole|figuratively",
    "being dramatic",
    "false alarm",
    "figure of speech",
    "just an expression|a_saying|a_phrase",
    "manner of speaking",
    "not literally|seriously|serious",
    "not like that",
    "not in that way",
    "ignore that|it|me|this|the",
    "never mind",
    "nevermind",
    "forget it|that|i_said",
    "leave me alone",
    "^ stop",
    "no thanks|thank",
    "do not worry",
    "no worries|need",
    "do not need help|you|that",
    "not true",
    "that is wrong",
)
