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
- Night pain fires only as "worse at night", pain waking the person, or night pain that does
  not ease: "hips ache at night" and "pain kept me awake" are everyday fibromyalgia sleep talk.

Safety v2 (issue 9) decisions:
- A fourth, lowest tier "check" (a light "Just checking: are you OK?"), reported only when no
  alarm fired. It gets vague despair ("i'm so done", "ugh end me", "i can't anymore", "i give
  up", "not ok", "i can't cope" with the noise) and alarms explained by their context
  (`CONTEXTS`): other people ("my dad had a stroke years ago", "my friend said she wants to
  die"), films and topics ("documentary about suicide prevention", "first aid course, how to
  spot a stroke"), jokes and idioms ("couldn't breathe for laughing", "my boss will kill me",
  "nearly had a heart attack at the bill", "the tent collapsed", "passed out / collapsed on the
  sofa" - moved from emergency), an arm gone dead from sleeping on it, long-past events ("years
  ago", "in 2019", "turned out to be nothing") and minor mishaps ("tripped on the rug but I'm
  fine" - moved from doctor to check).
- Never softened: crisis words in a sentence that also says "I", "me", "my" or "myself" ("my
  friend told me she wants to die" stays crisis; "I want someone to kill me" stays crisis);
  someone else's emergency happening now ("my husband is having chest pain") stays emergency;
  cancer history stays a doctor flag however long ago.
- A recent emergency sign that has settled ("had chest pain this morning, gone now") is a
  doctor flag, not an emergency and not a check.
- Hedges do not negate ("not sure I want to live", "don't know if I can go on"); passive wishes
  ("wouldn't mind not waking up", "wouldn't care if a bus hit me"), welcoming death,
  stockpiling or taking pills on purpose, goodbyes ("I won't be here tomorrow"), giving things
  away, plans and methods are crisis.
- Severe pain after a fall or accident, a limb that looks bent or deformed, a heard crack,
  being unable to stand or bear weight, and broken or dislocated bones are emergency.
- New or different pain, unexplained weight loss, numbness or tingling that persists or
  spreads, a hot swollen red joint, night pain that does not ease, and any pain or symptom that
  has lasted for weeks are doctor.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Tier = Literal["crisis", "emergency", "doctor", "check"]


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


_PAIN = """pain, pains, painful, hurt, hurts, hurting, ache, aches, ached, aching, achy, sore,
    soreness,
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
        not been able to, have not been able to, not able, unable,
        difficult to, trouble, difficulty, difficulties, impossible to, problems, problem"""
    ),
    "HEADACHE": _p(
        """headache, headaches, migraine, migraines, head ache, head aches, head pain,
        head hurts, head hurt, head hurting, head is hurting, head is killing me,
        head is pounding, head pounding, head throbbing, head is throbbing, pain in my head,
        pain in the head, sore head, head is sore, head sore, pounding head, throbbing head,
        bad head, head is splitting, head splitting, head is banging, banging head,
        cluster headache, head pounds, head throbs, head aching, head has been aching,
        head been aching, head started throbbing, head starts throbbing, head started pounding,
        head pound, head throb, head to hurt, aching head, temples ache, temples aching,
        pressure in my head, head started aching, throbbing in my head, head ache, hed hurts,
        hed aches, hed ache"""
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
        wrong, off, blurred, difficult, hard, gone, changed, slurry, slushy"""
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
        having a fit, nearly fainted, past out, came round, came to, come round,
        how long i was out, woke up on the ground"""
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
        """fever, fevers, thermometer, shivery, spiking, temprature, temperature 38,
        temperature 39, temperature 40, temp 38, temp 39, 38, 39, temperature up, feverish,
        high temperature, a temperature, temperature of,
        running a temperature, my temperature, temperature is high, temperature is up,
        high temp, a temp, temp of, chills, the shivers, shivering, hot and cold, burning up,
        night sweats, sweats"""
    ),
    "BACKNECK": _p(
        """back, backs, neck, spine, spinal, tailbone, coccyx, lumbar, lower back, upper back,
        kidney, kidneys, flank, mid back"""
    ),
    "BACKNECK_PAIN": _p(
        _PAIN
        + """, stiff, stiffness, spasm, spasms, spasming, locked, twinge, twinges, bad, bruised,
        sorer, throbbing, been bad"""
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
        never switches off, never switch off, 24 7, whatever position, whatever i do,
        no matter what i do, nothing i do, does not change, does not matter if i rest,
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
        recently started, started recently, most days, all the time, never used to, used to,
        started getting, started, never got, never really had, first, twice a week, this week,
        building, creeping up, every morning, first thing, for weeks, fortnight, new place,
        more days than not, a week, weeks"""
    ),
    "HEAD_TRIGGER": _p(
        """cough, coughing, coughed, coughs, sneeze, sneezing, sneezed, sneezes, strain,
        straining, strained, bend, bending, bent over, bend over, bend down, bending down,
        stand up, standing up, stood up, stand, standing, lie down, lying down, lay down,
        laying down, lie flat, lying flat, sit up, sitting up, get up, getting up,
        change position, changing position, change positions, change of position, laugh,
        laughing, exert, exertion, exerting, lift, lifting, push, pushing, toilet,
        bowel movement, move my head, moving my head, turn my head, lean forward,
        leaning forward, effort, pushed hard, push hard, opening a jar"""
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
        three times a day, day after day, constantly, continuously, regularly, every evening,
        more days than not, days a week, pretty much every day, every single morning,
        without, running out, every morning now, most mornings, for weeks, weeks, evry day"""
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
        """kill, kil, killing, killed, kills, end, ending, ended, off, offing, offed, delete,
        deleting, erase, finish, finishing, top,
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
        unalive, unaliving, unalived, un alive, end my own life, take my own life, ctb,
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
        of shock, of cuteness, with laughter, hard, happy, for a, for an, for some, for the,
        for you, for him, for her, for them, for it, for my, for this, for that, for one"""
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
        any of it, continuing, waking up, me being here, keep living, to keep living,
        keep going, stay alive, staying alive, be alive, stick around, stay, be here, go on,
        carry on, to stay alive, to be alive, to be here"""
    ),
    "WHAT_POINT": _p(
        """what is the point, what the point, why am i here, why am i still here,
        why am i alive, why should i live, why carry on, why go on, why keep going,
        why should i keep living, why should i keep going, why should i carry on,
        why should i stay, why keep living, why bother living, why do i bother,
        why do i even bother, why bother, what is even the point, what is the point of me,
        what is the use, what am i even doing"""
    ),
    "NOBODY": _p("no one, not one person, not a single person, nobody"),
    "GO_ON": _p(
        """go on, carry on, keep going, go on living, carry on living, continue,
        continue living, keep on going, keep living, keep on living, keep doing this,
        keep doing this life, stick around, keep going like this, go on like this"""
    ),
    # "can't go on my walk today" is about the walk.
    "DET": _p("a, an, the, my, our, that, this, his, her, their"),
    "ACTIVITY": _p(
        """walk, walks, walking, holiday, holidays, vacation, trip, trips, bike, bike ride,
        treadmill, ride, run, swim, course, cruise, date, break, app, internet, computer, phone,
        call, list, waiting list, medication, meds, tablets, pills, exercise bike, outing,
        journey, picnic, diet, stroll, hike, rides, the rides, rollercoaster, course, class,
        classes, pilates, yoga, tai chi, programme, program, plan, exercises, swim, swimming"""
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
        carry on living, be in this world, be on this earth, continue living, be me,
        stick around, stay alive, keep living, see another birthday, see another christmas,
        see another year, see next year, see tomorrow, be on this planet, keep doing this,
        keep doing this life, be alive any more"""
    ),
    "TIRED_OF": _p(
        """living, life, being alive, existing, everything, it all, fighting, being me,
        this life, being here, this world, myself, trying"""
    ),
    "PILLS": _p(
        """pills, pill, tablets, tablet, meds, medication, medications, medicine, medicines,
        painkillers, painkiller, paracetamol, acetaminophen, tylenol, ibuprofen, advil,
        nurofen, aspirin, codeine, cocodamol, co codamol, tramadol, opioids, opiates, oxy,
        antidepressant, sleepers, sleeping meds, ones, them all, the lot,
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
    # Things that collapse or fall over: "the tent collapsed" is not fainting.
    "THING": _p(
        """tent, souffle, cake, shelf, shelves, roof, chair, table, bridge, wall, house, market,
        building, ceiling, deal, economy, government, team, business, fence, tower, sandcastle,
        bookcase, bed frame, deckchair, umbrella, gazebo, plan, plans, picture, mirror, vase,
        branch, tree, pile, stack, jenga"""
    ),
    # Hedges do not negate: "not sure I want to live" is a crisis statement.
    "HEDGE": _p(
        """not sure, not certain, unsure, not convinced, do not know if, do not know whether,
        do not know that, do not know why, dunno if, dunno why, not know if, no longer sure,
        not sure if, not sure whether, doubt, doubting, question whether, wonder if, wondering if,
        wondering whether, do not even know if, do not really know if, not even sure,
        do not think, no longer think, not really sure, can not say, can not tell if"""
    ),
    # "wouldn't mind not waking up", "it would be fine if I didn't wake up": passive wishes.
    "ACCEPTING": _p(
        """would not mind, would not care, would not be sad, would not be upset,
        would not be bothered, would not be so bad, would not be the worst, would be fine,
        would be ok, would be okay, would be a relief, would be a blessing, would be nice,
        would be easier, would be better, would be good, would be great, would be peaceful,
        be a relief, be a blessing, be fine, be ok, be okay, be nice, be easier, be better,
        not mind, not care, a relief, a blessing, fine by me, fine with me, ok with that,
        okay with that, fine with that, at peace with, that is fine, is fine, is ok, is okay,
        honestly fine, not that bad, welcome it"""
    ),
    "NOT_WAKE": _p(
        """not wake up, not wake, not waking up, not waking, never wake up, never waking up,
        never woke up, did not wake up, do not wake up, no longer wake up, not wake up again,
        not being here, not being alive, not being around, not existing, not to exist,
        not to be here, not here any more, not around any more, died in my sleep,
        die in my sleep, dying in my sleep, slipped away, slip away, go to sleep forever,
        went to sleep forever, sleep forever, fell asleep forever, just stopped, stop existing,
        stopped existing, stop breathing, stopped breathing, not to wake up"""
    ),
    "DEATH": _p("death, dying, the end, my end, the grave, eternal sleep, heaven, oblivion"),
    "RELIEF": _p(
        """relief, blessing, release, sweet release, mercy, escape, peace, peaceful, welcome,
        welcomed, gift, kindness, rest, way out"""
    ),
    "STASH": _p(
        """saved, saving, saved up, saving up, stashed, stashing, stash, stockpiled, stockpiling,
        stockpile, hoarded, hoarding, hoard, hidden, hiding, hid, put aside, putting aside,
        put by, set aside, squirrelled, squirreled, squirrelling, squirreling, tucked away,
        built up, building up, enough, holding back, held back, keeping back, kept back,
        keep back"""
    ),
    "DELIBERATE": _p(
        """on purpose, deliberately, intentionally, purposely, purposefully, to not wake up,
        to never wake up, to not wake, to sleep forever, to end it, to end things, to die,
        so i would not wake up, so i would not wake, hoping not to wake up, hoping i would not,
        to see what would happen, to make it stop, to stop it all, to knock myself out,
        to knock me out for good, lined up, in front of me, counted out, laid out, next to me,
        for a long time, take them all, not care what happens"""
    ),
    "MANY": _p(
        """a bunch, bunch, a load, load, loads, lots, a lot, heaps, a pile, a fistful, fistful,
        fistfuls, a handful, handful, a whole lot, loads and loads, way too many, far too many,
        too many, way more, double, triple, extra, the rest of, all of, all the, everything"""
    ),
    "GIVE_AWAY_THING": _p(
        """things, stuff, belongings, possessions, everything, my cat, my dog, my pets,
        my savings, my money, my jewellery, my jewelry, my collection, prized, most precious,
        treasured, valuables, everything i own, all i own"""
    ),
    "SEVERE_PAIN": _p(
        """severe, excruciating, unbearable, agony, agonising, agonizing, screaming, horrendous,
        horrific, intense, really bad pain, really bad, so much pain, terrible pain, awful pain,
        extreme, sharp, crying, can not stand the pain, worst pain"""
    ),
    "FALL_EVENT": _p(
        """fell, fallen, fall, falling, slipped, slip, tripped, trip, tumbled, tumble, crash,
        crashed, accident, knocked down, knocked over, hit by, landed, went flying, came off,
        fell off, thrown off, collided, rolled my, twisted my, went over on"""
    ),
    "BODY_PART": _p(
        """wrist, wrists, ankle, ankles, knee, knees, hip, hips, elbow, elbows, shoulder,
        shoulders, arm, arms, leg, legs, foot, feet, hand, hands, finger, fingers, toe, toes,
        thumb, collarbone, shin, thigh, forearm, it, bone, joint, knuckle, kneecap"""
    ),
    "DEFORMED": _p(
        """bent, deformed, crooked, misshapen, wrong, the wrong way, funny angle, weird angle,
        odd angle, strange angle, wrong angle, an angle, out of place, out of shape,
        out of line, sticking out, poking out, dislocated, at a funny angle, twisted,
        a weird shape, a funny shape, a strange shape, the wrong shape, not straight, wonky,
        lopsided, a lump, a bump sticking out"""
    ),
    "BEAR_WEIGHT": _p(
        """put weight, put any weight, put my weight, bear weight, bear any weight,
        take weight, take any weight, weight bear, weight on it, weight on my, stand on it,
        stand on my, walk on it, stand up, get up, get off the floor, get up off the floor,
        stand, walk, move it, move my, bend it, straighten it, use it, use my"""
    ),
    "JOINT": _p(
        """joint, joints, knee, knees, ankle, ankles, wrist, wrists, elbow, elbows, hip, hips,
        shoulder, shoulders, knuckle, knuckles, finger, fingers, toe, toes, big toe, thumb,
        foot, hand"""
    ),
    "HOT_RED": _p("hot, warm, red, redness, burning hot, hot to touch, warm to touch, purple"),
    "SWOLLEN": _p(
        """swollen, swelling, swelled, swell, swells, puffy, puffed up, puffed, inflamed,
        ballooned, enlarged, bloated, fat, double the size, twice the size, bigger, pinkish,
        pink, shiny"""
    ),
    "PERSIST": _p(
        """constant, constantly, persistent, persists, persisting, permanent, all the time,
        will not go, will not go away, does not go away, not going away, has not gone,
        not gone away, never goes, never goes away, still there, still, for days, for weeks,
        for a week, for a month, for months, all week, for ages, days now, weeks now, since,
        spreading, spreads, spread, spreading up, spreading down, moving up, moving down,
        creeping up, creeping, travelling, traveling, getting worse, worse, worsening, every day,
        non stop, nonstop, will not stop, does not stop, keeps getting worse, more and more,
        bigger, getting bigger, moved up, moving, now up to, up to my, slowly moved, started in,
        wear off, not worn off, has not worn off, every day, fortnight, a fortnight,
        weeks, months, a month, straight, more frequent, lasting longer, not easing,
        there all the time, does not fade, will not shift, lasting, lasting into, do not go away,
        not go away"""
    ),
    "PAIN_NEW": _p(
        """new, different, unusual, unfamiliar, strange, weird, odd, unexplained, unknown,
        never felt, never had, not like my usual, not my usual, not the usual, not like usual,
        not like normal, not like the usual, not my normal, not the normal, unlike my usual,
        unlike the usual, unlike anything, unlike my normal, different from my usual,
        different to my usual, different from usual, different to usual,
        different from the usual, different from normal, not like my normal, not typical,
        not my typical, not fibro, not like fibro, not my fibro"""
    ),
    "UNEXPLAINED": _p(
        """without trying, not trying, no reason, not dieting, not on a diet, no idea why,
        not sure why, do not know why, unexplained, unintentional, unintentionally,
        for no reason, eating normally, eating the same, eating as normal, eating well,
        eating loads, without dieting, by itself, on its own, dunno why, not been trying,
        have not been trying, not even trying, mystery, not been dieting,
        have not been dieting, not on purpose, without meaning to,
        not tried, have not tried, not changed anything, have not changed anything,
        eat the same, appetite, not hungry, can not explain, not trying to, not meaning to,
        why"""
    ),
    "NOT_EASE": _p(
        """does not ease, not easing, will not ease, never eases, no relief, nothing helps,
        nothing eases, nothing touches it, nothing works, does not go, will not settle,
        does not settle, not settling, will not stop, does not stop, can not get comfortable,
        no position helps, painkillers do not help, does not help, not helping, does not let up,
        will not let up, does not calm, does not get better, does not improve, not improving,
        can not get back to sleep, no matter what, did not ease, did not settle, stayed,
        still going, could not shift, can not shift, every night, nights now, night after night,
        every night this week, most nights, five nights, three nights, for hours,
        until morning, till morning, just does not, does not go"""
    ),
    "WAKE_ME": _p(
        """wakes me, woke me, waking me, wake me, wakes me up, woke me up, waking me up,
        keeps waking me, kept waking me, woken up by, woken by, wakes me every, wakes me at,
        woken me, woken me up, waking at night, waking in the night, woke at, woke up at,
        waking up at"""
    ),
    "DURATION": _p(
        """for weeks, for months, for a month, for a fortnight, a fortnight, for ages,
        weeks now, months now, a week now, for a week, for over a week, for about a week,
        for two weeks, for three weeks, for four weeks, for 2 weeks, for 3 weeks, for 4 weeks,
        for 5 weeks, for 6 weeks, for 10 days, for ten days, for 2 months, for 3 months,
        for a few weeks, for a couple of weeks, for several weeks, couple of weeks, few weeks,
        couple of months, few months, several weeks, 2 weeks, 3 weeks, 4 weeks, 5 weeks,
        6 weeks, two weeks, three weeks, four weeks, six weeks, ten days, 10 days, 12 days,
        two months, three months, since last week, since last month, since the start of,
        over a month, over the last, over the past, past few weeks, last few weeks, a month,
        every day this week, every night this week, all month, a whole month, three weeks,
        straight for, weeks straight, days now, nights now, for days"""
    ),
    # Other people: their crisis or emergency words lead to a light check, not the alarm.
    "OTHER": _p(
        """mum, mom, mother, mam, mummy, mommy, dad, father, daddy, husband, wife, partner,
        son, daughter, brother, sister, friend, friends, aunt, auntie, uncle, grandma, grandad,
        granddad, grandpa, grandfather, grandmother, nan, nana, gran, granny, cousin, neighbour,
        neighbor, neighbours, neighbors, colleague, colleagues, coworker, coworkers, boss,
        boyfriend, girlfriend, fiance, fiancee, kid, kids,
        child, children, niece, mums, dads, nephew, stepdad, stepmum, stepmom, bestie, bff,
        flatmate,
        roommate, classmate, patient, client, he, she, they, someone, somebody, a guy, a man,
        a woman, a girl, a boy, people, a lot of people, celebrity, character, actor, singer,
        dog, cat, pet, in laws, father in law, mother in law, sister in law, brother in law,
        ex, teacher, doctor, nurse, vet, pal, mate, buddy, man, woman, lady, guy, cousins"""
    ),
    "MEDIA": _p(
        """documentary, documentaries, film, films, movie, movies, show, tv show, tv, series,
        episode, book, books, novel, article, articles, podcast, podcasts, news, story, stories,
        lecture, training, course, talk, talks, song, songs, video, videos, post, posts, thread,
        programme, program, research, study, studies, essay, report, paper, play, drama, game,
        charity, fundraiser, fundraising, awareness, campaign, webinar, seminar, class,
        episode of, poem, poems, reading, podcast episode, youtube, tiktok, reddit, netflix,
        quiz, leaflet, poster, storyline, soap, soaps, website, page, advert, ad, module"""
    ),
    "TOPIC": _p(
        """prevention, awareness, hotline, hotlines, helpline, helplines, line, lines, charity,
        charities, walk, rates, rate, statistics, stats, research, training, first aid, course,
        month, week, day, survivor, survivors, support group, squad, risk, risks, bomber,
        bombers, bombing, mission, missions, attempt statistics, watch, symptoms, signs,
        warning signs"""
    ),
}

# Symptom first gets the longer window: "pain in the middle of my chest".
_CHEST = (
    "@CHEST ~6 @CHEST_SYMPTOM || @CHEST_SYMPTOM ~6 @CHEST",
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
    "breathing ~2 really|so|very bad|awful|terrible",
    "@UNABLE ~1 finish ~1 a? sentence|sentences",
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
    "head|skull ~2 @SUDDEN",
    "burst|bursting|popped|exploded|explode ~3 in my? head",
    "@HEADACHE ~8 worse than any|anything|ever|i_have_ever",
    "head ~4 worse than anything|any|ever",
    "@HEADACHE ~6 like a bang|thunderclap|being_hit",
    "came|comes on ~2 like a? bang|explosion|thunderclap",
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
    "@LIMB ~4 will_not|would_not|does_not|do_not|is_not|are_not|not work|working|respond|"
    "responding ~1 properly|right",
    "that|one side ~4 will_not|would_not|does_not|not work|working",
    "half of? my|the? body|face",
)

_STIFF_NECK = (
    *near("neck|nek", "stiff|stiffness|rigid|locked", 3),
    "@UNABLE ~2 bend|move|turn|tilt|lower ~2 neck|head|chin",
)

_BACK_PAIN = (
    *near("@BACKNECK", "@BACKNECK_PAIN", 5),
    "backache|neckache|sciatica|lumbago|bad_back|slipped_disc|herniated|whiplash",
)

_NECK_PAIN = (*near("neck|nek", "@PAIN|stiff|stiffness|rigid", 3), "neckache")

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
    "at|age|aged|my_age #AGE",
)

_FALL = (
    "<face|heart|jaw|spirits|shelf|leaves|prices|it|temperature|rain|snow|night|darkness|"
    "silence|tree|branch|picture|frame|vase|book|books|box|boxes fell|fallen !@FALL_NOT",
    "<this|last|next|free|water|rain|snow|night|pit|in_the|leaves|prices|temperature|"
    "temperatures|stars|hair|tears fall|falls|falling !@FALL_NOT",
    "slipped|tripped|tumbled|stumbled !up|through|away|my_mind|into|out",
    "tumble",
    "car|road|bike|cycling|traffic|motorbike|motorcycle crash|accident|collision",
    "crashed my car|bike",
    "knocked over|down",
    "went flying",
    "lost my footing",
    "slid|slipped down",
    "went down ~1 on|hard",
    "fell out of bed|of_my_bed|of_the_bed",
    "after a trip|fall|tumble",
    "went over on ~1 my? ankle|foot",
    "rear ended",
    "hit by a car|bike|bus|truck|lorry|van ~3 on|while|when",
    "minor|bad|nasty|little fall",
    "came|fell off ~1 my|the|a bike|horse|ladder|chair|stool|wall|bed|step|steps",
    # "feel like I've been hit by a bus" is tiredness.
    "<been hit by a car|bike|bus|truck|lorry|van",
)

# Broken or dislocated, or looking it: emergency whether or not a fall is mentioned.
_LIMB_BONE = """wrist|wrists|ankle|ankles|knee|knees|hip|hips|elbow|elbows|shoulder|shoulders|arm|
    arms|leg|legs|foot|feet|hand|hands|finger|fingers|toe|toes|thumb|collarbone|shin|thigh|
    forearm|bone|bones|joint|knuckle|kneecap""".replace("\n", "").replace(" ", "")

_INJURY = (
    f"{_LIMB_BONE} ~3 looks|look|looked|is|was|going|sticking|pointing|gone|went|seems|at ~2 "
    "@DEFORMED",
    f"{_LIMB_BONE} ~2 bent|deformed|misshapen|dislocated ~1 back|backwards|sideways|the_wrong_way",
    "bone|bones ~3 sticking|poking|through|out_of|showing",
    "@UNABLE ~3 put|bear|take ~1 any? weight ~3 on",
    "@UNABLE ~2 weight bear|bearing",
    "@UNABLE ~2 stand|walk|step on it|my_ankle|my_foot|my_leg|my_knee",
    f"broke|broken|fractured|fracture|snapped|shattered|dislocated|dislocation ~2 my|a|the? "
    f"{_LIMB_BONE}",
    "heard|felt ~2 a? crack|snap|pop ~3 @PAIN|@SEVERE_PAIN|fell|fall|went_over",
)

_AFTER_FALL = (
    "@SEVERE_PAIN",
    "@UNABLE ~3 @BEAR_WEIGHT",
    "stuck on the floor",
    "still on the floor",
    "lying on the floor",
    "bleeding|blood ~3 lot|loads|everywhere|will_not_stop|wont_stop|not_stopping|heavily|badly",
    "hit|banged|smacked|cracked ~1 my head",
    "knocked out",
    "really|very|so|extremely|incredibly painful|sore",
    "killing me",
    "heard|felt ~2 a? crack|snap|pop",
    "purple|black|swollen ~4 @UNABLE",
    "@UNABLE ~2 move",
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
            "kill|unalive me",
            # "walked 3 kms" is kilometres.
            "<#NUM <few|couple|several|many|some|the|those|more|extra|two|three|four|five|ten kms",
            "kys",
        ),
    ),
    Rule(
        "crisis.want_to_die",
        "crisis",
        (
            "@WISH ~3 die !@DIE_NOT !{ for $ }",
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
            "@WISH i? could|would|can? just? to? just? disappear|vanish !under|into|for|until|till|"
            "to|from",
            "@WISH ~5 not|never|no_longer wake up",
            "@WISH ~3 not|never|no_longer|stop|cease ~1 "
            "exist|existing|to_exist|be_here|be_alive|be_around",
            "@WISH ~4 sleep forever|and_never",
            "to|2 die !@DIE_NOT !{ for $ }",
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
            "@UNABLE ~2 @GO_ON !{ with? @DET? ~1 @ACTIVITY|@EXERCISE_NOUN }",
            "@UNABLE ~2 @ENDURE !@TAKE_IT_NOT !{ with the? noise|crowds|heat|cold|people|kids }",
            "@UNABLE ~1 @DO_THIS !{ @EXERCISE_NOUN } ~1 @MORE",
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
            "cut|cutting|burn|burned|burnt|hit|hitting|punched|punching|banged|banging|scratched|"
            "scratching|hurt|bit|biting|bruised|starved|starving ~5 on_purpose|deliberately|"
            "intentionally",
            "@WISH ~1 to? cut|cutting $",
            "@WISH ~1 to? cut|cutting again|tonight|myself|me",
            "fresh|new|deep cuts|scars|wounds ~3 arm|arms|legs|leg|wrist|wrists|thigh|thighs|on_my",
            "sh ~1 again|would|urges|urge|relapse|scars|cuts|clean|last_night",
            "on|from|of|to sh $",
            "on|from|of|to sh again|last|tonight",
            "relapsed on sh",
        ),
    ),
    Rule(
        "crisis.method",
        "crisis",
        (
            "jump|jumping|jumped|throw|throwing|threw ~4 off|from ~2 @HIGH_PLACE",
            "jump|jumping ~3 off|from ~1 something|somewhere high|tall",
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
    Rule(
        "crisis.hedged_or_passive",
        "crisis",
        (
            # Hedges do not negate: "not sure I want to live", "don't know if I want to go on".
            "@HEDGE ~3 want|wanna|wish|wanting ~1 to? @NOLIVE",
            "@HEDGE ~3 want|wanna|wish|wanting ~1 to? @GO_ON !{ @DET? @ACTIVITY }",
            "@HEDGE ~3 worth living|it|going_on|carrying_on|staying|being_alive|being_here",
            "@HEDGE ~4 @UNABLE ~1 @GO_ON|@ENDURE",
            "@HEDGE ~3 how_much_longer|how_long ~2 i? can|could ~3 @GO_ON|@ENDURE|@DO_THIS",
            "if i ~2 @NOT_WAKE",
            "@ACCEPTING ~3 @NOT_WAKE",
            "@NOT_WAKE ~5 @ACCEPTING",
            "@ACCEPTING ~3 if i ~3 died|die|dead|gone|did_not_wake|do_not_wake|never_woke"
            "|never_wake"
            "|was_not_here|were_not_here|was_gone|were_gone|disappeared|stopped_breathing",
            "@WISH ~3 @NOT_WAKE",
            "death ~3 @RELIEF",
            "dying|being_dead|to_die|not_being_here|not_existing|not_waking_up ~1 would|will|could|"
            "might|is|sounds|seems ~2 a? @RELIEF|nice|easier|better|good|peaceful|fine",
            "welcome|welcoming|embrace|embracing|await|awaiting|ready_for|longing_for|look_forward_to|"
            "looking_forward_to|waiting_for ~2 death|dying|the_end|my_end",
            "can not wait to die|be_dead|be_gone|go",
            "not|never care|mind|bothered ~3 if|whether ~1 i ~2 live|die|living|dying|wake|make_it|"
            "survive|am_alive|am_here",
            "not|never|no_longer deserve ~1 to? ~1 live|be_alive|be_here|exist|life|to_be_alive",
            "waste of space|oxygen|skin|a_life|air",
            "dark|bad|suicidal|morbid|scary thoughts|thought",
            "thoughts ~2 of|about ~2 ending|death|dying|not_being_here|not_existing|killing",
            "ready to go ~2 now|to_the_other_side|for_good|forever|home_to",
            "take me ~1 now|already|away",
            "@HEDGE ~2 i? can|could ~2 @GO_ON|@ENDURE|keep_living|do_this_much_longer",
            "@UNABLE ~1 do|face|survive|take|bear|handle|stand another day|week|month|year|winter|"
            "christmas|birthday|decade|night",
            "@HEDGE|not|never|no_longer ~3 want|wish|expect|plan ~1 to? see|make_it_to|reach "
            "another|next birthday|christmas|year|summer|spring|winter",
            "@WISH ~3 this|it ~1 is|will_be|would_be my last",
            "@UNABLE|not ~2 see|imagine|picture ~3 being_alive|alive|still_here|myself_here|"
            "a_future|myself_alive|myself_being_alive|myself_still|being_here|me_being_here",
            "time i|to stopped|stop existing|living|breathing",
            "@WISH ~2 ending|finishing it|things|everything|my_life !early|for|on|with",
            "ending it ~1 tonight|today|soon|tomorrow|all|al|now|for_good",
            "@WISH ~4 hit|kill|kills|take|takes|run_over|end ~1 me",
            "@WISH ~4 get|got|be hit|run_over|killed",
            "@ACCEPTING ~4 hit|kill|kills|killed|took|take|run_me_over|ran_me_over ~1 me",
            "hit|kill|kills|killed|take|took|ran_over me ~6 @ACCEPTING",
            "hope|hoping ~3 car|bus|truck|lorry|train|it ~3 not|never stop|stops|hits|hit",
            "if ~8 i? would_not mind|care|fight_it $",
            "not fight it ~2 if",
            "terminal|cancer|illness|diagnosis ~5 relieved|relief",
            "looking forward to it|dying|being_dead|death",
            "at peace with ~2 dying|death|dying|the_idea_of_dying|going",
            "death ~6 peaceful|sounds_nice|sounds_good|sounds_peaceful|appealing",
            "envy|jealous ~3 dead|died|the_dead",
            "wish|wishing i ~2 had_not|did_not|had_never|never|was_not ~1 woken|woke|wake|born",
            "wake|woke|waking up ~3 wishing|wish ~2 i had_not|did_not|had_never|was_not",
            "quits ~2 life|living|everything|on_life",
            "check|checking out ~1 for_good|permanently|early|of_life|of_this_life",
            "end of the road|line ~3 with_life|for_me|life",
            "end|stop the pain ~1 permanently|for_good|forever",
            "@UNABLE ~2 live with that|it|this",
            "not ~2 want ~1 it|this|life|this_life any_more",
            "this|the|whole living|life thing",
            "not ~1 see ~1 the|any|a point !{ of|in ~3 @EXERCISE_NOUN|@ACTIVITY|stretching|walking|"
            "exercising|going|doing }",
            "@WISH ~3 in the ground|grave",
            "@WISH ~3 six|6 feet under",
            "out of this life|world",
            "sleep|sleeping ~1 permanently|for_good",
            "happier|better|easier|simpler|kinder|freer|free|relief|fine|relieved ~5 if i ~2 "
            "died|die|was_dead|were_dead|was_gone|were_gone|disappeared|was_not_here|were_not_here|"
            "was_not_around|were_not_around|did_not_exist|stopped_existing|was_not_alive",
            "happier|better|easier ~1 dead|gone",
            "everyone|everybody ~3 better_off|happier $",
            "nothing|anything ~2 left? to ~1 live|stay_alive|be_here|keep_going|carry_on|stay "
            "~1 for",
            "why i should ~1 keep_living|live|go_on|carry_on|stay_alive|bother|stay",
            "@ACCEPTING ~3 if i ~2 got|get|was|were hit|killed|run_over|knocked_down",
            "@WISH ~7 @NOT_WAKE",
            "death|dying ~3 not scare|frighten|scares|frightens me",
            "thank you ~6 at the end",
            "no light at the end of ~1 the|this? tunnel",
            "enough ~3 saved|stashed|stockpiled ~4 to ~1 end|do_it|kill|die",
            "enough ~3 to end it|things|my_life",
            "no|any|a|single|one reason|point|purpose ~2 @LIVING",
            "not|never trust myself",
            "what i ~2 do to myself",
            "do|doing|done something ~1 to|stupid myself",
            "use|do|try it|something|this on myself",
            "not|never feel? safe ~3 myself|right_now|tonight|now|alone",
            "i am not safe",
            "thinking|thought|think|thoughts|tempted|urge|want|wanted|considered ~3 about|of? "
            "jumping|throwing_myself|driving_into|stepping_in_front|walking_into",
            "throw|throwing|threw myself in|off|under|into|in_front",
            "not ~2 care what happens|if_i_wake|if_i_die|if_i_live",
            "have|got|made ~1 a plan $",
            "have|got|made ~1 a plan and|for_friday|for_tonight|to_do_it",
            "picked|chosen|set|got|choose|pick ~1 a|the date|day ~2 to? do_it|for_it",
            "plan|plans|planned|planning and a date",
            "know|worked_out|figured_out|decided|planned|planning ~1 how|when|where ~4 do it",
            "going to|gonna do it tonight|tomorrow|soon",
        ),
    ),
    Rule(
        "crisis.pills",
        "crisis",
        (
            # Stockpiling, or taking pills on purpose.
            "@STASH ~3 @PILLS !@PILL_OK",
            "@PILLS ~4 saved|stashed|hidden|hoarded|stockpiled|squirrelled|squirreled|put_aside|"
            "set_aside|tucked_away|put_by|in_a_drawer|to_do_it|to_end_it|to_end_things|aside|"
            "holding_back|held_back|saving|saving_up|keeping_back|kept_back",
            "enough|plenty ~3 @PILLS ~2 saved|stashed|hidden|hoarded|stockpiled|to_do_it|to_end|"
            "to_kill|to_not|to_never|to_die|to_overdose|to_finish|to_take_me",
            "@PILLS ~5 @DELIBERATE",
            "@DELIBERATE ~4 @PILLS",
            "took|take|taken|taking|swallowed|swallow|downed|necked ~2 a_bunch|a_fistful|fistful|"
            "fistfuls|way_too_many|far_too_many|the_rest ~2 of? my? @PILLS",
            "how many ~3 @PILLS ~5 kill|lethal|fatal|die|dead|od|overdose|enough|to_end",
            "lethal|fatal|deadly dose|doses|amount|amounts",
            "dose|doses|amount ~3 lethal|fatal|deadly|kill",
            "how many ~3 @PILLS ~3 take|it_would_take",
            "looking|looked|look|researching|researched|googling|googled|searching|searched ~2 "
            "up? ~2 methods|ways|how_many|lethal|fatal|painless|what_dose",
            "took|swallowed|downed ~1 the|a whole|entire bottle|packet|box|pack|lot",
            "over dosed|dose|dosing|dosed",
            "to|too many ~2 @PILLS",
            "take|swallow ~2 them|it|those|these all ~2 at_once|in_one_go|together|tonight",
            "saving|saved|stashing|stockpiling|hoarding them|these|those up",
            "mix|mixing|mixed|combine|combining|combined ~3 @PILLS ~3 with ~2 alcohol|vodka|wine|"
            "whisky|whiskey|booze|drink",
        ),
    ),
    Rule(
        "crisis.farewell",
        "crisis",
        (
            "want|wanted|wanting|needed|need|just_wanted|came|come|time ~1 to say ~1 goodbye|"
            "goodbyes|my_goodbyes|bye",
            "saying|said|say my goodbyes",
            "goodbye|bye ~2 everyone|everybody|all|world|for_good|forever|for_ever|my_friend",
            *near("goodbye", "sorry|thank|thanks|love_you", 4),
            "last|final check_in|checkin|message|mesage|entry ~1 ever|goodbye",
            "this is|will_be|may_be|might_be|is_probably ~1 my|the last|final ~1 check_in|checkin|"
            "message|time|entry|note|post|day|christmas",
            "will not need|be_needing ~3 after tonight|any_more|after_today|much_longer|them",
            "will|would not be here|around !{ for|at|on|because|until|till|this|next }",
            "last time ~3 hear|talk|speak|see ~2 from? me|you",
            "something to remember me",
            "remember me by",
            "this is my last|final message|note|goodbye|entry|post|words|check_in|checkin|letter",
            "will|would not|never be ~1 here|around ~2 much_longer|for_long|for_much_longer|"
            "after_tonight|by_morning|after_today|to_see",
            "you|anyone will|would never? not? hear|hearing from me ~1 again|after|any_more",
            "by the time ~2 read|see|get|find this",
            "when|once|after i am ~1 gone|not_here|not_around|dead",
            "who will|would|should|could|to ~4 look_after|take_care_of|care_for|feed|have|take ~3 "
            "my ~1 cat|dog|kids|children|pets|plants|babies|animals ~3 when|after|if|once",
            "look after|take_care_of ~3 my ~1 cat|dog|kids|children|pets|family ~2 for me",
            "affairs in order",
            "wrote|written|writing|write|left|leaving ~2 letters|notes|a_letter|a_note ~3 "
            "to|for ~2 "
            "everyone|my_family|my_kids|the_kids|people|my_husband|my_wife|my_partner",
            "giving|give|gave|given away ~3 @GIVE_AWAY_THING",
            "giving|give|gave|given ~3 @GIVE_AWAY_THING|clothes|jewellery|jewelry|ring|rings ~3 "
            "away|to_friends|to_family|to_my",
            "wrote|written|writing|left ~2 a? note|notes|letter|letters ~3 for|to ~3 find|read",
            "giving|give|gave|given ~2 my|all ~2 things|stuff|belongings|possessions|cat|dog|pets "
            "~1 away",
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
    Rule(
        "emergency.legs_weak",
        "emergency",
        (
            *near("leg|legs", "@LEG_WEAK", 3),
            "@UNABLE ~2 lift|move|feel ~3 either|both ~2 of? my? legs|leg",
        ),
    ),
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
            "not|stopped making sense",
            "making no sense",
            "feel|feeling|felt|am|so ~2 muddled",
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
            "everything|things|it ~3 doubled|double",
            "seeing dubble",
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
            "balance ~2 went|gone ~1 completely",
            "veering|veer|veers|veered ~3 to? one|the side",
            "staggering|staggered|stagger ~3 like|drunk",
            "@UNABLE ~2 balance|walk_straight|stand_straight|stand_up_straight|stay_upright|"
            "keep_upright|stay_on_my_feet|keep_my_feet|stay_balanced|walk_in_a_straight_line",
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
            "@UNABLE ~3 control|hold|feel|empty|stop ~5 @TOILET",
            "lost|losing|lose|loss|no ~2 control ~3 @TOILET",
            "bladder|bowel|bowels ~3 control|accident|accidents|leaking|leak|gave_way|let_go|numb",
            "@UNABLE ~2 pee|wee|urinate|piss",
            "leak|leaking|leaked|leaks ~2 urine|pee|wee",
        ),
    ),
    Rule(
        "emergency.saddle_numbness",
        "emergency",
        (
            "@NUMBISH ~4 @SADDLE !of || @SADDLE !of ~4 @NUMBISH",
            "wipe|wiping ~4 @UNABLE ~1 feel",
            "wipe|wiping ~4 numb|no_feeling",
        ),
    ),
    Rule(
        "emergency.feel_like_dying",
        "emergency",
        ("feel|feeling|felt like i am|was dying !to|for",),
    ),
    Rule("emergency.injury", "emergency", _INJURY),
    Rule(
        "emergency.rash",
        "emergency",
        (
            "rash|spots ~6 glass|not_fade|does_not_fade|will_not_fade|not_fading",
            "glass test",
            "non blanching",
        ),
    ),
    Rule(
        "emergency.rash_fever",
        "emergency",
        ("purple|purplish|dark_red ~2 spots|rash|blotches",),
        (("@FEVER",),),
    ),
    Rule("emergency.fall_severe", "emergency", _AFTER_FALL, (_FALL,)),
    # --- See a doctor soon --------------------------------------------------------------
    Rule("doctor.back_pain_fever", "doctor", _BACK_PAIN, (("@FEVER",),)),
    Rule("doctor.back_pain_cancer", "doctor", _BACK_PAIN, (("@CANCER",),)),
    Rule("doctor.back_pain_weight_loss", "doctor", _BACK_PAIN, (_WEIGHT_LOSS,)),
    Rule("doctor.fall", "doctor", _FALL),
    Rule(
        "doctor.constant_pain",
        "doctor",
        near("@PAIN|@HEADACHE", "@CONSTANT", 7),
    ),
    Rule(
        "doctor.night_pain",
        "doctor",
        (
            # "Worse at night" or waking with pain: plain "hips ache at night" is everyday
            # fibromyalgia and stays quiet.
            *near("worse|worst", "@NIGHT_WIDE", 3),
            "@PAIN|@HEADACHE ~3 wakes|woke|waking|wake me ~1 up",
            *near("worse|worst|ramps_up|ramping_up", "@NIGHT_WIDE|as_soon_as_i_lie", 8),
            "@PAIN|hurts|hurt ~3 more ~2 @NIGHT_WIDE",
            "nights are bad|worse|awful",
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
            "creeping|crept|ramping|ramps|ramped|climbing|climbed|building|going|gone|keeps_building"
            " ~2 up|higher|worse",
            "higher|worse every ~1 single? week|month|day",
            "worse than the last",
            "upward|up_a_notch",
            "gone from ~4 to constant|to_worse",
        ),
    ),
    Rule("doctor.headache_new", "doctor", near("@HEADACHE", "@NEWISH", 4)),
    Rule("doctor.headache_trigger", "doctor", near("@HEADACHE", "@HEAD_TRIGGER", 8)),
    Rule("doctor.headache_pregnancy", "doctor", ("@HEADACHE",), (("@PREGNANT",),)),
    Rule("doctor.headache_over_50", "doctor", ("@HEADACHE|head",), (_AGE,)),
    Rule(
        "doctor.headache_painkillers",
        "doctor",
        near("@PAINKILLER|something", "@DAILY", 6),
        (("@HEADACHE|head|migraine|hed",),),
    ),
    Rule(
        "doctor.medication_headache",
        "doctor",
        (
            "rebound headache|headaches",
            "medication|overuse headache|headaches",
            "medication overuse",
            "headache|migraine tablets|pills|painkillers ~6 @DAILY|running_out|every|not_had_a_day",
            "not had a day without ~1 headache|migraine|painkillers",
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
            "blurrier|blurring|blur|blurs",
            "words|letters ~2 swim|swimming|move|moving|jump|jumping",
            "eyes|eyesight ~3 different|worse|changed",
            "@UNABLE ~1 judge ~1 steps|distances|kerbs",
            "harder to read",
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
            "unsteady|unstedy|staggering|stumbling|vertigo",
            "wobbly ~3 stairs|steps",
            "tripping more",
            "feet do not go where",
            "stair rail every",
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
            "repeating myself",
            "clumsy|clumsier",
            "handwriting ~3 messy|worse|changed|shaky|gone",
            "lost in conversations",
            "fog ~4 different|worse|not_lifting|does_not_lift|not_my_normal",
            "concentration ~4 dropping|worse|going|declining|gone",
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
    Rule(
        "doctor.new_pain",
        "doctor",
        (
            "@PAIN_NEW ~1 kind|type|sort|sorts|kinds|types|sensation of? @PAIN",
            "new|different|unusual|unfamiliar @PAIN",
            "@PAIN ~3 is|feels|feel|felt|seems|seem|was|that_is|that_feels|are ~2 new|different|"
            "unusual|unfamiliar|strange|weird|odd|unlike|wrong",
            "not|unlike|different ~3 usual|normal|typical|regular ~2 fibro|flare|flares|"
            "aches|pains|"
            "@PAIN|kind|type|sort|symptoms|fibromyalgia",
            "@PAIN ~6 not|unlike|different|never ~3 usual|normal|typical|regular|"
            "fibro|fibromyalgia|"
            "before",
            "never ~3 felt|had|experienced|known ~3 @PAIN|anything ~4 like_this|like_that|like_it|"
            "before",
            "@PAIN ~3 never ~3 felt|had|experienced ~2 before",
            "not ~2 fibro|fibromyalgia ~2 @PAIN|this_time|i_think|i_do_not_think",
            "found|noticed|feel|felt|have|got ~2 a|new? lump|lumps",
            "not|never ~3 like|recognise|recognize|feel_like ~3 fibro|flare|flares|my_usual|"
            "my_normal|anything|a_flare",
            "@PAIN ~3 than ~1 my? fibro|usual|normal",
            "this is not it",
            "@PAIN ~5 new place|spot|area|one",
            "in a new place|spot",
            "@PAIN ~3 changed",
            *near(
                "@PAIN|lumpy|lump",
                "new_one|this_new_one|that_is_new|it_is_new|is_new|which_is_new|that_is_different",
                10,
            ),
            "@PAIN ~8 not like anything|anything_i_have_had",
            "pulled muscle ~6 not|have_not done",
            "do not|did_not recognise|recognize",
        ),
    ),
    Rule(
        "doctor.weight_loss",
        "doctor",
        _WEIGHT_LOSS,
        (("@UNEXPLAINED",),),
    ),
    Rule(
        "doctor.weight_loss_marked",
        "doctor",
        (
            "unexplained|unintentional|unintended|sudden|rapid|unexpected weight loss",
            "lost|losing|dropped|dropping|lose ~2 so_much|a_lot_of|loads_of|lots_of|a_ton_of|"
            "tons_of|too_much|heaps_of|a_load_of|a_bunch_of weight",
            "weight ~3 dropping|falling|melting|dropped|dropped_off|falling_off|coming_off|"
            "keeps_dropping ~1 off|away|fast|quickly|and? without",
            "clothes|trousers|jeans|rings|belt|dress|dresses ~3 hanging|falling_off|baggy|loose ~3 "
            "lost|weight|not_trying|without",
            "keep|keeps|been|still|kept losing ~1 weight|pounds|kg",
            "weight ~4 gone_down|going_down|keeps_going_down|down_by|dropping|droping",
            "down|dropped|lost ~3 pounds|kg|stone|lbs|dress_sizes|sizes|a_stone|half_a_stone ~8 "
            "@UNEXPLAINED",
            "clothes|trousers|jeans|rings|belt|dress|face ~3 hanging_off|loose|thin|new_hole",
            "new hole in my belt",
            "weight loss ~2 i? can_not_explain|cannot_explain|unexplained",
        ),
    ),
    Rule(
        "doctor.numbness_persisting",
        "doctor",
        (
            *near("@NUMBISH|@TINGLE|numb|buzzing|cotton_wool", "@PERSIST|@DURATION", 12),
            "numb|numbness ~2 patch|area|bit|spot",
        ),
    ),
    Rule(
        "doctor.lasting",
        "doctor",
        # A pain or symptom that has lasted for weeks: persistent symptoms get checked.
        (
            *near(
                "@PAIN|@HEADACHE|numb|tingling|tingly|lump|lumpy|swollen|blurry|blurrier",
                "@DURATION",
                8,
            ),
        ),
    ),
    Rule(
        "doctor.hot_joint",
        "doctor",
        near("@HOT_RED", "@SWOLLEN", 4),
        (("@JOINT",),),
    ),
    Rule(
        "doctor.night_pain_not_easing",
        "doctor",
        (
            *near("@PAIN|@HEADACHE|@BACKNECK|@JOINT", "@WAKE_ME", 4),
            *near("@NOT_EASE", "@NIGHT_WIDE|@WAKE_ME|woke|wake|waking|woken", 12),
        ),
        (("@PAIN|@HEADACHE|@WAKE_ME|@BACKNECK|@JOINT|throbbing|pain",),),
    ),
    # --- Check: ambiguous, a light "are you OK?" (only when nothing more urgent fired) -----
    Rule(
        "check.despair",
        "check",
        (
            "can|could not any_more|any_longer",
            "so|just|literally|completely|totally|utterly|fully done",
            "i am finished|broken|a_lost_cause|empty|worn_out|spent",
            "lost cause",
            "pointless|hopeless|hopelessness",
            "feel ~1 empty|hollow|numb_inside",
            "out of my misery",
            "can not even|evn $",
            "over it_all|everything|life",
            "@WHAT_POINT",
            "what is the point",
            "disappear|vanish",
            "tired|sick ~1 of ~1 all|everything|it_all",
            "nothing left in me",
            "better off",
            "no point !stretching|walking|exercising|going|doing|in|asking|rushing|worrying",
            "not ~1 see ~1 a|any way out",
            "how much longer ~3 can|could",
            "here forever",
            "be over $",
            "let it ~1 be_over|end|stop",
            "@UNABLE ~1 do this !@EXERCISE_NOUN",
            "@UNABLE ~1 cope",
            "i am done $",
            "done with everything|everyone|it_all|all_of_this|all_of_it|people|this_life",
            "end|delete|erase me",
            "kill|shoot|end me now",
            "i give up $",
            "giving up $",
            "end of my tether|rope",
            "breaking point",
            "falling apart",
            "i am not|not_really ok|okay|alright|all_right|coping",
            "not ok|okay $",
            "i need help",
            "^ help|help_me",
            "please help",
            "too much ~1 to? bear|handle|take|cope",
            "all too much",
            "everything is too much",
            "dark place",
            "dead inside",
            "empty inside",
            "so|really|very|completely|totally alone|lonely",
            "i am drowning",
            "losing my mind|it",
            "@UNABLE ~1 do this $",
            "what is the use",
            "no way to live",
            "no end in sight",
            "trapped",
            "relapsed|relapse",
            "hurting myself|self",
            "thank you for everything",
            "making|made|write|writing|wrote|update|updating|updated|sort|sorting|sorted my will",
            "will not be here tomorrow",
            "took|take|taken|swallowed|downed ~2 loads|lots|heaps|a_lot|a_load|way_more|"
            "extra|double"
            " ~2 of? my? @PILLS",
            "too many ~2 @PILLS",
        ),
    ),
)


Scope = Literal["match", "after", "clause", "sentence"]


@dataclass(frozen=True, slots=True)
class Context:
    """Words that explain a red flag away: another person, a film, a joke, a long-past event.

    A red flag whose words all lie inside a context's span (`scope`: the match itself, the match
    and the words after it up to a sentence break or a first-person word, or the whole
    sentence) softens from one of `softens` to `to`. Crisis words about the person themselves
    are never inside such a span: spans stop at "I", "me", "my", "myself".
    """

    id: str
    patterns: tuple[str, ...]
    softens: tuple[Tier, ...]
    to: Tier = "check"
    scope: Scope = "match"
    # Words that keep the alarm: in an "after" span, or elsewhere in a "sentence" span.
    blocked_by: frozenset[str] = frozenset()


# Words that mean the person is talking about themselves: an "after" span stops there.
FIRST_PERSON: frozenset[str] = frozenset(
    ("i", "me", "my", "myself", "mine", "meself", "we", "us", "our", "ourselves")
)
# Words that make a sentence about now, not the past: a long-past context is not applied.
PRESENT: frozenset[str] = frozenset(
    [
        "now",
        "today",
        "tonight",
        "again",
        "still",
        "currently",
        "lately",
        "recently",
        "since",
        "keep",
        "keeps",
        "keeping",
        "started",
        "starting",
        "getting",
        "this",
        "right",
    ]
)
# Someone else's emergency happening now ("my husband is having chest pain") keeps the alarm:
# the emergency reply (call the number now) is what they need.
IMMEDIATE: frozenset[str] = frozenset(
    [
        "now",
        "right",
        "currently",
        "tonight",
        "today",
        "is",
        "are",
        "am",
        "having",
        "has",
        "just",
        "can",
        "not",
        "cannot",
        "will",
        "suddenly",
        "still",
    ]
)
_STILL: frozenset[str] = frozenset(
    ["still", "again", "keep", "keeps", "getting", "worse", "worsening", "back"]
)

_ALL: tuple[Tier, ...] = ("crisis", "emergency", "doctor")
_BODY: tuple[Tier, ...] = ("emergency", "doctor")

# "they" and "everyone" are left out: "the thoughts are back and they're loud", "everyone
# would be better off" are about the person.
_OTHER = (
    "my|our|his|her|their|a|the|your|this|that @OTHER",
    "he|she|someone|somebody",
)

# For crisis words, the other person must be doing something: "she said", "my dad tried".
_OTHER_DOING = tuple(
    f"{anchor} ~1 is|was|has|had|said|says|told|tried|tries|attempted|died|killed|wants|wanted|"
    "took|takes|thinks|thought|feels|felt|keeps|kept|committed|talks|talked|posted|texted|wrote|"
    "writes|is_having|lost|passed|overdosed|self_harms|cuts|cut|would|will|could|might|did|does|"
    "admitted|confided|mentioned|threatened|survived|struggles|struggled"
    for anchor in _OTHER
)

CONTEXTS: tuple[Context, ...] = (
    # Crisis words: only in a sentence with no "I", "me", "myself" at all.
    Context("other_person", _OTHER_DOING, ("crisis",), scope="clause"),
    Context("other_person_doctor", _OTHER, ("doctor",), scope="after"),
    Context("other_person_past", _OTHER, ("emergency",), scope="after", blocked_by=IMMEDIATE),
    Context(
        "media",
        (
            "@MEDIA ~2 about|on|regarding|covering|discussing|called|named|re|featuring|"
            "where|with|in_which|that|said|says|explained|mentioned|showed|recommends|suggests|"
            "had",
            "watched|watching|watch|reading|read|saw|heard|hearing|listening|listened|learned|"
            "learning|learnt|studying|studied|writing|wrote|researching|researched|teaching|taught"
            " ~1 about",
            "in|on ~1 the? news|film|movie|show|documentary|book|tv|telly|radio|podcast|series",
        ),
        _ALL,
        scope="after",
    ),
    Context(
        "topic",
        (
            "@SUICIDE_WORDS|stroke|heart_attack|first_aid|chest_pain @TOPIC",
            "how to ~1 spot|recognise|recognize|treat|help|deal_with",
            "spot|recognise|recognize|recognising|recognizing|spotting|signs_of|symptoms_of ~2 a? "
            "stroke|heart_attack|@SUICIDE_WORDS|chest_pain",
        ),
        _ALL,
    ),
    Context(
        "idiom",
        (
            "@OTHER|they|he|she|you will|would|is_going_to|are_going_to|gonna|going_to kill me",
            "kill|shoot me now",
            "to die for !weeks|months|days|years|ages|a|so|the_last|over|ever",
            "nearly|almost|practically had|have|gave_me|give_me a? heart_attack|stroke|coronary",
            "price|prices|bill|bills|cost|costs ~8 fainted|heart_attack|died|collapsed",
            "can|could|should|go|may|might jump off a cliff|bridge",
            "overdose|overdosed|overdosing|od|oded on ~2 chocolate|sugar|cake|caffeine|coffee|"
            "sweets|carbs|tv|netflix|sun|sunshine|christmas|telly|crisps|biscuits|cheese|chocolates|"
            "love|kindness|tea|cuteness",
            "gasped|gasp|gasping ~3 and? laughed|laughing|then_laughed",
            "@THING collapsed|collapsing|collapses|fell|fell_over|fell_down|fell_off",
            "legs|leg|arms|arm ~3 dead|jelly|like_jelly ~3 after|from|on|at ~3 @EXERCISE_NOUN|"
            "@ACTIVITY|dance|dancing|class|gym|rollercoaster|ride|rides|walk|hike|session",
            "legs|leg went to jelly",
            "fog|foggy|fibro_fog|brain_fog|flare ~6 @UNABLE ~1 think || @UNABLE ~1 think ~6 "
            "fog|foggy|fibro_fog|brain_fog|flare",
            "blind spot|spots ~3 car|mirror|mirrors|driving",
            "@SADDLE|@LIMB ~4 @WEAK|@TINGLE|asleep ~6 sitting|sat|chairs|chair|hours|waiting_room|"
            "too_long",
        ),
        _ALL,
    ),
    Context(
        "tipsy",
        (
            "glass|glasses|pints|bottle ~2 of? wine|beer|prosecco|gin|cocktails|drinks",
            "hungover|hangover|tipsy|rollercoaster|fairground|waltzer",
        ),
        _BODY,
        scope="sentence",
    ),
    Context(
        "minor",
        (
            "no problem|harm|damage",
            "all fine",
            "it is fine",
            "i am fine",
            "little|only|just_a|tiny|small bump",
            "no one|nobody hurt",
            "did not fall",
            "caught myself",
            "my own fault",
            "plaster on",
        ),
        ("doctor",),
        scope="sentence",
        blocked_by=_STILL,
    ),
    Context(
        "laughing",
        (
            "@UNABLE ~2 @BREATH ~3 for|from|with|because|cause|cos|coz|of ~2 laughing|laughter|"
            "laugh|laughs|giggling|giggles|crying_laughing",
            "laugh|laughed|laughing|laughter|giggling|giggled|cracking_up|cracked_up|in_stitches|"
            "hysterics ~8 @UNABLE ~2 @BREATH",
            "gave|give|giving|nearly_gave|almost_gave|near_gave me|him|her|us|you a heart attack",
            "stroke|strokes of luck|genius|brilliance|midnight|inspiration|fate|the_pen|insight",
            "heart attack on a plate",
            "choked|choking|choke ~1 on ~3 my? tea|coffee|water|drink|food|crumb|crumbs|toast|"
            "crisps|chips|sandwich|cake|biscuit|pill|tablet|spit|saliva|popcorn|laugh|laughter",
            "passed_out|collapsed|crashed|flopped ~3 on|onto|into|in ~2 the|my? sofa|couch|bed|"
            "settee|armchair|chair",
            "breath of fresh air",
            "take|took|takes|taking my breath away",
            "breathtaking|breath_taking",
            "dead tired|beat|on_my_feet",
        ),
        _ALL,
    ),
    Context(
        "slept_on_it",
        (
            "@LIMB|it|them ~4 @WEAK|@TINGLE|asleep ~5 from|after|because|cause|cos ~2 sleeping|"
            "slept|lying|laying|lay|sitting|sat|leaning|leant|kneeling|knelt|crossing|crossed",
            "slept|sleeping|lying|laying|lay|sat|sitting|leaning|leant|knelt|kneeling on ~2 "
            "@LIMB|it|them ~6 @WEAK|@TINGLE|asleep",
            "@LIMB fell asleep",
        ),
        _BODY,
    ),
    Context(
        "long_past",
        (
            "years|months|decades|yrs ago",
            "in|since 1990|1995|2000|2005|2010|2011|2012|2013|2014|2015|2016|2017|2018|2019|2020|"
            "2021|2022|2023",
            "last winter|summer|spring|autumn|christmas",
            "long gone",
            "a few|couple years|months",
            "as a child|kid|teenager|teen|baby|student",
            "when i was ~1 young|little|small|a_child|a_kid|younger|pregnant|a_teenager|at_school",
            "back in ~1 the? day|19|20|school",
            "last year",
            "turned out ~2 to_be|it_was|nothing|fine",
            "all clear",
            "was diagnosed|nothing ~2 serious|wrong",
            "doctor|doctors|gp|hospital|a_and_e|er|cardiologist|tests ~3 said|says|checked|"
            "cleared|ruled_out|found_nothing ~3 fine|nothing|ok|okay|normal|clear|anxiety|"
            "indigestion|muscular|costochondritis|fibro",
            "in ~1 remission",
            "recovered",
            "fully recovered",
        ),
        _BODY,
        scope="sentence",
        # Cancer history is a red flag however long ago ("back pain, had cancer years ago").
        blocked_by=PRESENT | frozenset(w for w in CLASSES["CANCER"] if " " not in w),
    ),
    Context(
        "settled_now",
        ("fine|ok|okay|better|gone|settled|passed|normal|alright|good now", "went away"),
        ("emergency",),
        to="doctor",
        scope="sentence",
        blocked_by=_STILL,
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
    forgetful, memory, hopelessness, paralysis, numbed, tingly, stroke, tingling, swollen,
    deformed, dislocated, fractured, stockpiling, deliberately, intentionally, cutting, harmed,
    harming, reason, better, hurting, message, saving, temperature, double, stiff, wrist,
    neighbour, knuckle, knuckles, shoulder, explain, normally, checking,
    goodbye, goodbyes, unexplained, spreading, persistent, breathing"""
)

# Short key words also recognised with two neighbouring letters swapped ("pian", "nubm").
SWAP_WORDS: tuple[str, ...] = _p(
    """pain, pains, hurt, hurts, sore, numb, weak, dead, kill, legs, arms, head, back, neck, chest,
    ache, aches, die, dying, life, want, being, point, weight, neighbour, neighbor"""
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
