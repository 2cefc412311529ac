"""The red-flag patterns: word classes and rules, per docs/rules.md#red-flags.

Data only; `dsl.py` says how a pattern string reads and `scanner.py` runs them. The rule is
fail safe: a false positive is acceptable, a miss is not. Negation never silences a match: a
sign denied right before it ("no chest pain", "not suicidal") is a light check, and a denial
that runs on ("no chest pain but...", "until", "like this") still fires. The few exclusions
below are for very common, clearly unrelated uses (exercise names, idioms such as "fell asleep"
or "dying to try"), each says why, and none reaches across a sentence break.

Decisions on ambiguous phrasings (tests/unit/safety/cases.py pins them):
- Quiet: "this weather / my back is killing me" (everyday chronic-pain talk; "kill me" and
  "my chest is killing me" still fire), "dying to try", "could kill for a coffee", "dead tired",
  "fell asleep", "heavy legs", "brain fog", "took all my meds this morning", "I hurt myself
  doing yoga", "walked 3 kms", "confused about the plan", and exercise names ("chest stretch",
  "breathing exercise", "balance exercises", "heart rate", "breast stroke").
- Firing on purpose: any fall ("tripped on the rug", doctor), "out of breath" and "collapsed on
  the sofa" (emergency), "confused" alone (emergency), "my legs are weak" (emergency), "balance
  is off" and "constant pain" (doctor, as docs/rules.md lists them), "I'm a burden", "I hate
  myself", "I can't cope", "I just want it to stop", "I want to sleep forever", "what's the point?",
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

Generalisation pass (concepts found missing on an independent development set):
- Crisis, by concept rather than phrase: not planning to be around ("won't be here next
  month", "last check-in", "don't send the nudge"), intent (a date picked, "tonight's the
  night", a plan, rehearsing, "thinking about how I would", "if I had the guts"), preparations
  (the will, affairs in order, a pet rehomed, who gets what, belongings or money given away,
  debts paid off, goodbyes without them knowing, a note, "make it look like an accident",
  collecting or putting pills by), methods and places (bridge or water, railway, swerving into
  a lorry, slipping under in the bath, a knife in hand, everything in the medicine cupboard,
  "least painful way to go", "how many is enough" with a medicine in the text), passive wishes
  (the op going wrong, the pain finishing me off, the body giving up, stopping meds or food to
  speed things up, relief picturing my funeral), being alive itself ("stop being", "fed up of
  living", "shouldn't be alive", "no future with me in it"), fear of oneself, self-harm beyond
  cutting ("till it bled", "deserved it", "to feel something"). Accepted false positives:
  "I won't be here next week" (holidays), "picked a date", "who gets what", "sorting my will".
- "I feel like I'm going to die" is emergency (panic, chest pain), not crisis; other wishes
  to die stay crisis.
- Emergency: anaphylaxis (lips or tongue swelling, throat closing), asthma attack or an
  inhaler not working, pronator drift, words that will not come or come out wrong, sudden
  inability to understand speech, a curtain over or half of the vision, found on the floor
  not remembering, could not be woken, a limb popped out, crooked or "dinner fork" shaped, not
  able to put a foot down. Stroke signs that passed in minutes ("speech went funny for a few
  minutes, ok now": a TIA) are never softened by "fine now" (`Context.spares`).
- Numbness, one-sided weakness, vision or balance change that has lasted weeks ("for a
  fortnight", "hasn't gone away", "2 weeks ago") is doctor, not emergency (`lasting`); a
  headache pattern that began "out of the blue" weeks ago is doctor (`gradual`), unless it is
  the worst ever or sudden today.
- Softened to a check: resolved past crisis ("5 years since my attempt", "used to self harm
  as a teen") unless that sentence or the next says it is back (`crisis_long_past`, which
  looks one sentence ahead); someone else's past ("she'd been self harming", "mum had a
  stroke"); idioms ("the death of me", "that class tried to kill me", "hit by a truck",
  "thought I'd die laughing"); breathlessness after effort with the breath back or a plain
  reason ("got my breath back", "just unfit": "out of breath after the hill" alone still
  fires); a usual ache or migraine that went ("it went", "gone now": `resolved`, doctor to
  check only, kept if new, different, lasting or worse); fibro fog with "can't think".
- A bare "he" or "she" only explains a symptom away with a verb ("he had chest pain"): "he
  crushing chest pain" stays emergency.

Round 3 (concepts behind misses on a second fresh set):
- Crisis (`crisis.concepts`, `crisis.burden_self`, `crisis.hopeless`): doubting one can keep
  living ("how much longer can I..."), never having been born, hoping not to make it or
  survive, "the end for me" / "over for me", farewell thanks ("goodbye, thanks for trying"),
  "nothing left for me", lingering at or going back to a high place, hitting one's head against
  a wall, making the pain stop "myself" or "for good", a note left or written, leaving nothing
  behind, bills in order "before I go", everything ready or "all planned out now", a date set
  for a time rather than an event, cancelling care because there is "no point", "the last one,
  I've decided", painkillers bought in several shops, "better off without a mum like me" (the
  person named by their role: another person in the sentence does not soften it). Accepted
  false positives: "before I go." at a sentence end, "it's all ready.", "nothing left to lose".
- Vague frustration ("fed up with it all", "sick of everything") is a check; "had enough of it
  all" stays crisis. "Hopeless" or "worthless" that has already lifted ("...but a bath helped")
  is a check (`lifted`); other crisis words never soften that way.
- Emergency: a limb's shape whoever the subject is ("a bend in it", "pointing sideways", "the
  wrong shape": `DEFORM_SHAPE` with a limb or a fall), a road collision put as a verb ("went
  into the back of us"), missed steps and jarred backs as falls, half the visual field gone
  without the word vision, a face part that will not move, speech that sounds drunk, "control
  of my bladder", the chin-to-chest test and light hurting the eyes with headache and fever.
  "since I woke up" keeps numbness an emergency; "gradually", "lately", "used to come and go",
  "lasted weeks" make it doctor (`lasting`). Fever with a stiff neck but "no headache" or
  "can still touch my chin to my chest" is doctor (`neck_moves`); a fall with ordinary
  soreness while "walking fine" is doctor (`walking_ok`). A context span cut short by "us"
  ("someone went into the back of us") is about the person and does not soften.
- Doctor: pain "I haven't had before" or "brand new", a symptom "there a week", headaches that
  "feel totally different" or that someone who never gets them now gets, a cough making the
  head feel it will explode, slowly dimming sight, something (not only pain) waking the person
  and not easing, a joint "blown up like a balloon".
- Checks, not alarms: a usual ache with a plain cause or "same as always" (`as_usual`),
  breathless from laughing, someone else already in hospital (`other_cared_for`), healed
  injuries and "three winters ago" (`long_past`), a will sorted with a solicitor for a house or
  a wedding (`will_admin`), a numb bum from a long sit.
- Typos: "lost" and "weak" are fuzzy; "hoping", "thank", "high", "control", "choking", "bend"
  are recognised with two letters swapped ("choking" no longer takes "choping" or "cheking").

Round 4 (concepts behind misses on a third fresh set):
- Crisis (`crisis.indirect`): a high place, water or a means that "calls" or "pulls" the person,
  letters to the family "just in case" or kept with the will, insurance paid out "if I'm gone",
  hoping the car or bus crashes or hits, exhaust fumes in a garage, hidden self-harm ("what I
  do to my arms", hiding cuts), and Nigerian Pidgin ("I no wan live again", "make God just
  carry me", "I don tire for this life"; "wan" reads as "want").
- Emergency: someone else's overdose now (`emergency.overdose_other`) leads with the emergency
  reply unless the person wants the same; "like someone is sitting on it" is a simile, not a
  posture (`slept_on_it` no longer softens it).
- Doctor: a lump on the neck, jaw, breast, armpit or groin; a mole that changes; bleeding after
  the menopause; a cough, hoarseness or dizziness that has lasted weeks; new dizziness; blood
  when going to the toilet; weight "dey drop"; a single "night sweat".
- Checks, not alarms: a denied sign (`negated`: "no chest pain, no headache", "I'm not having
  chest pain", "not suicidal", "no thoughts of harming myself"; the crisis model may not turn
  such a check back into the crisis reply), breathlessness right beside laughter ("can't breathe
  lol", the laughing emojis read as "lol"), "this wahala wan kill me", "going to lose my mind",
  jelly legs with nothing else (`jelly_legs`).
- Pidgin and non-native English: the normaliser rewrites whole phrases to the English the
  patterns use (`lexicon.PIDGIN`: "no fit" is "can not", "no dey" is "not", "don break" is
  "is broken", "I not see" is "I can not see"), so every rule reads them; crisis forms of
  their own ("make God carry me", "comot for this world", "for what I live", "finish my
  life"). A fever said as "body is hot", a headache as "head is bursting".
- Denials in other forms: "I have not chest pain", "I no get chest pain", a checklist
  ("Chest pain: none", "any chest pain? no" at the end). Not a denial: a time without relief
  ("not had a day without headache tablets"), a habit broken ("no headaches before and now").
- Someone else's overdose told in the past tense needs a sign of now ("an hour ago", "just
  told me", "drowsy"); "has overdosed" and a whole box or bottle do not.
- Pins and needles or pain spreading over weeks (`lasting`) is doctor, not emergency.
- Long past and fine now said plainly ("one year ago in hospital for chest pain, now is
  good": `past_and_fine_now`) is a check; cancer history is never softened by the past, even
  named in another clause.
- The crisis model turns a softened check into the crisis reply at its usual margin only when
  crisis or despair words raised it; a body rule's check (an idiom: "going to lose my mind if
  it rains again") needs the model far surer.
- Decisions changed: "i'm not suicidal" and "no chest pain today" were accepted full alarms;
  they are now light checks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Tier = Literal["crisis", "emergency", "doctor", "triage", "check"]


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
    discomfort, cramp, cramping, stinging, acheing, achin"""

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
        constriction, clenched, clamped, band, vice, elephant, elefant, sitting,
        on top, funny, weird, strange, odd, wrong"""
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
        head starts pounding, head starts aching, head starts hurting, head starts banging,
        head goes pounding, head gets pounding, head gets sore, head hurts more,
        hed aches, hed ache, head is bursting, head bursting, head is going to burst,
        head is paining, head paining"""
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
        having a fit, nearly fainted, past out,
        how long i was out, woke up on the ground"""
    ),
    # "a faint smell" is not fainting.
    "FAINT_NOUN": _p(
        """smell, sound, ache, pain, hope, idea, line, lines, trace, glow, light, memory, noise,
        taste, hint, chance, twinge, tingle, outline, voice, mark, marks, praise"""
    ),
    "NUMBISH": _p(
        """numb, numbness, tingling, tingly, no feeling, pins and needles, can not feel,
        lost feeling, lost sensation, no sensation, anaesthesia, anesthesia, losing feeling,
        losing sensation, lose feeling, less feeling, reduced feeling, going numb"""
    ),
    "SADDLE": _p(
        """groin, genitals, genital, bum, buttocks, buttock, bottom, saddle, inner thighs,
        inner thigh, privates, private parts, crotch, perineum, anus, back passage,
        between my legs, down below, down there, vagina, penis, bum cheeks, backside, butt,
        butt cheeks, arse, ass, between them, between my thighs, top of my legs,
        tops of my legs, top of my thighs, upper thighs, where i sit, where you sit, my bits,
        nether regions, undercarriage"""
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
        night sweats, sweats, body is hot, body hot, body is very hot, hot body,
        body is burning, body is on fire"""
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
        more days than not, a week, weeks, lasting longer, longer each time, longer and longer,
        getting longer, last longer, more frequent, more and more often"""
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
        hopeing, hopin, kinda hoping, half hoping, secretly hoping,
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
    # Hoping, in the passive wishes: narrower than WISH ("going", "thinking" are not hopes).
    "HOPE": _p(
        """hope, hoping, hoped, hopes, hopeing, hopin, wish, wishing, wished, pray, praying,
        prayed, want, wanting, would not mind, would like, longing, half hoping"""
    ),
    "FUTURE_WHEN": _p(
        """next, after, much longer, any longer, for long, for much longer, by, for christmas,
        for my birthday, for the next, to see, in a, this time next, tomorrow, come, when,
        past, beyond, at christmas, at the end of, soon, long"""
    ),
    "TIME_UNIT": _p(
        """day, days, week, weeks, month, months, year, years, weekend, end of the week,
        end of the month, end of the year"""
    ),
    "OCCASION": _p(
        """christmas, xmas, birthday, my birthday, summer, spring, autumn, winter, new year,
        next year, easter, the new year, the summer, the end of the year, another year,
        next month, the weekend, friday, monday, tomorrow"""
    ),
    # The person as a family member: "better off without a mum like me".
    # High places, water and means that can "call" a person: "the bridge keeps calling me".
    "DROP_PLACE": _p(
        """bridge, bridges, railway, railway line, tracks, train tracks, train line, rail line,
        cliff, cliffs, cliff edge, ledge, edge, rooftop, roof, balcony, canal, river, motorway,
        overpass, viaduct, quarry, pills, tablets, knife, blade, blades, razor, rope,
        level crossing, platform, footbridge, flyover, lake, reservoir, pier, multi storey,
        car park roof"""
    ),
    # Saying a sign is absent: "no chest pain", "I'm not having chest pain", "without fever".
    # Only these leads, right before the sign: "not sure but chest pain" and "chest pain, no
    # idea why" are not denials.
    "NEG_LEAD": _p(
        """no, without, nor, zero, not having, not getting, not experiencing, not feeling,
        not got, not had, not had any, have not got, have not had, has not had, did not have,
        do not have, does not have, not noticed, have not noticed, no sign of, no signs of,
        did not,
        free of, free from, never had any, no real, no actual, have not, has not, no get,
        no feel, not feel, not get, not have"""
    ),
    # The signs such a lead may deny; a chest sign is matched as "chest" and its symptom.
    "NEGATABLE": _p(
        """headache, headaches, migraine, fever, temperature, a temperature, high temperature,
        numbness, tingling, dizziness, shortness of breath, breathlessness, trouble breathing,
        difficulty breathing, problems breathing, breathing problems, breathing trouble,
        wheezing, palpitations, fainting, blackouts, confusion, weakness, vomiting,
        stiff neck, neck stiffness, slurred speech, vision problems, blurred vision,
        double vision, swelling, rash, bleeding, faint, pass out, black out, collapse,
        breathless, dizzy, sweating, sweats, short of breath, shortness of breath"""
    ),
    # After a denied sign, words that say it is there after all.
    "NEG_KEEPS": _p(
        """but, until, till, before, except, like, since, yet, anymore, any more, now, apart,
        other than, besides, then, exactly, as such, per se, technically, as in, so much,
        i think, i guess, really, tablets, tablet, pills, meds, medication, medicine,
        painkillers, relief, free, and now, and today, and suddenly, and this, and lately,
        and recently, and then, in years, in ages, for years, for ages, ever, in my life"""
    ),
    # "not had a day without headache": a span of time before the denial makes it a sign.
    # (Looked behind from after the lead, so that the check runs only where a lead matched.)
    "NEG_SPAN": _p(
        """day without, days without, night without, nights without, week without,
        weeks without, morning without, mornings without, hour without, hours without,
        minute without, minutes without, month without, months without, moment without"""
    ),
    # Laughter typed ("laughemoji" is the normaliser's token for the laughing emojis).
    "LAUGHS": _p("lol, lolol, lool, lmao, lmfao, rofl, haha, hahaha, hehe, lolz, laughemoji"),
    # Signs that someone else's overdose is happening now.
    "OVERDOSE_NOW": _p(
        """hour, hours, minutes, mins, just, tonight, earlier, this morning, right now, drowsy,
        sleepy, asleep, awake, unconscious, unresponsive, breathing, sick, vomiting, throwing up,
        ambulance, told me, what do i do, what should i do, help, woozy, confused, slurring,
        collapsed, passed out"""
    ),
    "ROLE": _p(
        """mum, mom, mother, mam, mummy, dad, father, daddy, wife, husband, partner, parent,
        daughter, son, sister, brother, friend, girlfriend, boyfriend, grandma, grandad, nan,
        gran, person, me, someone like me, burden, wreck, invalid, mess"""
    ),
    "FAMILY": _p(
        """kids, children, family, husband, wife, partner, mum, mom, dad, son, daughter, sons,
        daughters, parents, sister, brother, friends, boys, girls, grandkids, grandchildren,
        cat, dog, everyone"""
    ),
    # Ways to die, as someone thinking of one would put it (a verb in -ing or bare).
    "METHOD_ACT": _p(
        """swerving, swerve, crashing, crash, crashing the car, veering, steering, driving off,
        drive off, driving into, drive into, stepping out, step out, stepping off, step off,
        jumping, jump, slipping under, going under, slip under, drowning, drown,
        walking into, walk into, letting go, let go, throwing myself, throw myself,
        stepping in front, step in front, not coming back, never coming back, disappearing,
        walking out to sea, walking into the sea, hanging, overdosing, taking everything,
        taking them all, taking all, ending it, ending things, ending my life, how i would,
        how to do it, doing it, going over, go over, falling off, the train, the bridge,
        the tracks, the river, the cliff, the edge"""
    ),
    "HARM_ACT": _p(
        """cut, cutting, cuts, scratch, scratched, scratching, punch, punched, punching, bang,
        banged, banging, hit, hitting, burn, burnt, burned, burning, bit, biting, pinch,
        pinched, pinching, head against, the wall, hurt myself, hurting myself, harm myself,
        harming myself, slapped myself, slapping myself, starve, starving, starved"""
    ),
    "TIRED_OF": _p(
        """living, life, being alive, existing, fighting, being me,
        this life, being here, this world, myself, trying"""
    ),
    "PILLS": _p(
        """pills, pill, tablets, tablet, meds, medication, medications, medicine, medicines,
        painkillers, painkiller, paracetamol, acetaminophen, tylenol, ibuprofen, advil,
        nurofen, aspirin, codeine, cocodamol, co codamol, tramadol, opioids, opiates, oxy,
        antidepressant, sleepers, sleeping meds, ones, them all, the lot,
        oxycodone, oxycontin, morphine, fentanyl, amitriptyline, pregabalin, lyrica,
        gabapentin, duloxetine, cymbalta, sertraline, antidepressants, sleeping pills,
        sleeping tablets, insulin, diazepam, valium, zopiclone, benzos, prescription,
        quetiapine, mirtazapine, citalopram, fluoxetine, venlafaxine, nortriptyline,
        propranolol, zolpidem, lorazepam, clonazepam, temazepam, xanax, alprazolam,
        dihydrocodeine, hydrocodone, vicodin, percocet, buprenorphine, methadone, naproxen,
        lithium, tapentadol, baclofen, tizanidine, cyclobenzaprine, trazodone, paroxetine,
        escitalopram, sumatriptan, triptans, nytol, sleeping pills, painkillers, pain meds,
        pain pills, opioid, opiate, oramorph, butrans, co dydramol, dihydrocodeine, prozac,
        zoloft, seroquel, ambien, klonopin, ativan, tramadol, nurofen plus, codeine"""
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
        do not think, no longer think, not really sure, can not say, can not tell if,
        do not see how, can not see how, no idea how, can not imagine how"""
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
        extreme, sharp, crying, can not stand the pain, worst pain, unreal, insane,
        off the charts, off the scale, through the roof, ten out of ten, 10 out of 10"""
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
        lopsided, a lump, a bump sticking out, dinner fork, fork shaped, s shaped, z shaped,
        all bent, clearly broken, definitely broken, obviously broken, broken, popped out,
        sitting wrong, not sitting right, out of its socket, out of joint, pointing the wrong way,
        facing the wrong way"""
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
    # A limb that looks broken, strong enough without naming the limb ("it looks crooked").
    "DEFORMED_STRONG": _p(
        """bent, deformed, crooked, misshapen, dinner fork, fork shaped, funny angle,
        weird angle, odd angle, strange angle, wrong angle, an angle, the wrong way,
        sticking out, all bent, clearly broken, definitely broken, obviously broken,
        popped out, out of its socket, out of joint, sitting wrong, not sitting right, wonky,
        out of place, pointing the wrong way, facing the wrong way"""
    ),
    # A limb's shape after an injury, whoever's subject it is: "a bend in it that shouldn't be".
    "DEFORM_SHAPE": _p(
        """the wrong shape, a weird shape, a funny shape, a strange shape, an odd shape,
        wrong shape, weird shape, funny shape, strange shape, odd shape, a bend in it,
        bend in it, bend in my, kink in it, kink in my, bend that should not be there,
        should not be there, should not bend, bends where it should not, pointing sideways,
        pointing backwards, sticking out sideways, bent sideways, bent backwards, bent back,
        facing sideways, facing backwards, turned sideways, at a right angle, at an angle,
        at a weird angle, at a funny angle, at an odd angle, a step in, a dent in,
        a lump where, pointing the wrong way, facing the wrong way, going the wrong way"""
    ),
    "HOT_RED": _p("hot, warm, red, redness, burning hot, hot to touch, warm to touch, purple"),
    "SWOLLEN": _p(
        """swollen, swelling, swelled, swell, swells, puffy, puffed up, puffed, inflamed,
        ballooned, enlarged, bloated, fat, double the size, twice the size, bigger, pinkish,
        pink, shiny, blown up, like a balloon, ballooning, balloon, puffed out"""
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
        ex, teacher, doctor, nurse, vet, pal, mate, buddy, man, woman, lady, guy, cousins,
        freind, freinds, collegue, collegues, colleage, granddaughter, grandson, grandkids,
        grandchildren, grandchild, teenager, teenagers, teen, stepdaughter, stepson,
        best friend, workmate, workmates, classmates"""
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
        """storyline, storylines, episode, scene, scenes, plot, arc,
        prevention, awareness, hotline, hotlines, helpline, helplines, line, lines, charity,
        charities, walk, rates, rate, statistics, stats, research, training, first aid, course,
        month, week, day, survivor, survivors, support group, squad, risk, risks, bomber,
        bombers, bombing, mission, missions, attempt statistics, watch, symptoms, signs,
        warning signs, test, tests, scan, scans, appointment, appointments, clinic, checks,
        investigation, investigations, results, check up, checkup, monitor, monitoring"""
    ),
}

CLASSES["TOPIC_WORDS"] = tuple(
    p
    for p in CLASSES["SUICIDE_WORDS"]
    if p not in ("suicidal", "overdosed", "overdosing", "oded", "oding", "unalived", "unaliving")
    and not p.startswith(("self harmed", "self harming", "self injuring", "kill", "take", "took"))
)
# Medicines by name: "collected my prescription" is a trip to the pharmacy.
CLASSES["PILL_NAMES"] = tuple(
    p for p in CLASSES["PILLS"] if p not in ("prescription", "ones", "them all", "the lot")
)

# Symptom first gets the longer window: "pain in the middle of my chest".
_CHEST = (
    "@CHEST ~6 @CHEST_SYMPTOM || @CHEST_SYMPTOM ~6 @CHEST",
    "heart attack",
    "elephant|elefant|weight|something|someone|ton|tonne|bricks|brick|anvil ~4 on my? chest",
    "cardiac arrest",
    "angina",
)

_BREATHING = (
    "@UNABLE ~3 @BREATH",
    "short|shortness of breath|breathe|breathing",
    "out of breath|breathe",
    "breathless|breathlessness|winded|suffocating|suffocate|suffocated|suffercating|"
    "sufercating|suffocatin|smothering",
    "breathing|breath ~2 getting|got|gets ~1 harder|worse|difficult|shallower",
    "asthma attack|attacks",
    "inhaler|inhalers|reliever|nebuliser|nebulizer|ventolin|salbutamol|puffer ~3 not|is_not|"
    "does_not|not_working|no_help|not_helping|useless|nothing|no_difference|not_touching",
    "gasping|gasp|gasped|gasps",
    "choking|choke|choked|chokes !up",
    "struggling|fighting|battling|gasping ~1 for ~1 breath|air",
    "breathing|breath ~2 hard|difficult|laboured|labored|shallow|fast|rapid|tight|painful|raspy|"
    "ragged|strange|weird|funny|noisy|short|shorter",
    "@PAIN ~1 to|when|if|as i? breathe|breathing|inhale|inhaling",
    "breathing ~2 really|so|very bad|awful|terrible",
    "@UNABLE ~1 finish ~1 a? sentence|sentences",
    # "can't seem to catch my breath", "struggling to get enough air in".
    "@UNABLE ~4 catch|get|take|draw|pull ~2 my|a|enough|any|deep? breath|breaths|air",
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
    # "head is bursting, it's going to burst, worst one": the worst said further on.
    "@HEADACHE ~10 worst one|ever|of_my_life|in_my_life|i_have_ever|i_have_had|i_ever",
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
    "left|right|one|half side ~6 heavy|heaviness|tingly|tingling|numb|weak|dead",
    "@LIMB|side|arm|leg|hand|it ~3 will_not|would_not|does_not|do_not|is_not|are_not ~1 do "
    "what i ~1 tell|want|ask",
    *near("arm|arms|one|hand|hands", "drifting|drifts|drifted|drift|sinking|sinks|sank", 5),
)

_STIFF_NECK = (
    *near("neck|nek", "stiff|stiffness|rigid|locked", 3),
    "@UNABLE ~2 bend|move|turn|tilt|lower ~2 neck|head|chin",
    # The chin-to-chest test, however it is put: "can't get my chin to my chest".
    "@UNABLE ~3 put|touch|get|bring|tuck|move|bend|lower|reach ~3 chin ~3 chest",
)

# Light hurting the eyes (photophobia): with a headache and fever, a sign of meningitis.
_LIGHT_HURTS = (
    "light|lights|brightness|sunlight|daylight|the_light|bright_light|bright_lights ~3 "
    "hurts|hurt|hurting|painful|unbearable|bothers|bothering|kills|stings ~2 my? eyes|eye",
    "@UNABLE ~3 stand|bear|cope_with|tolerate|look_at|face ~2 the? light|lights|brightness|"
    "daylight|sunlight|bright",
    "photophobia",
    "curtains|blinds ~4 closed|shut|drawn ~6 light|bright|eyes",
)

_BACK_PAIN = (
    *near("@BACKNECK", "@BACKNECK_PAIN", 5),
    "backache|neckache|sciatica|lumbago|bad_back|slipped_disc|herniated|whiplash",
)

_NECK_PAIN = (*near("neck|nek", "@PAIN|stiff|stiffness|rigid", 3), "neckache")

_WEIGHT_LOSS = (
    *near(
        "lost|losing|lose|loss|dropped|droped|dropping|shed|shedding",
        "weight|pounds|kg|stone|stones",
        2,
    ),
    "weight ~2 dropping|falling|dropped|droped|fell|falling_off",
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
    "knocked|pushed|thrown|blown|bowled ~1 off my? feet",
    "went flying",
    "lost my footing",
    "slid|slipped down",
    "went down ~1 on|hard",
    "fell out of bed|of_my_bed|of_the_bed",
    "after a trip|fall|tumble",
    "went over on ~1 my? ankle|foot",
    "rear ended",
    # A road collision put as a verb: "the car in front braked and we went into it".
    "car|bus|van|lorry|truck|driver|taxi|cyclist|someone|somebody|they ~6 braked|hit_us|hit_me|"
    "ran_into_us|went_into_us|drove_into_us|smashed_into_us|ploughed_into_us|pulled_out_on|"
    "went_into_the_back|shunted|went_into_it",
    "we|i|he|she ~1 went|drove|ran|crashed|smashed|ploughed|slammed|skidded into ~2 it|them|"
    "the_back|the_car|a_car|a_wall|a_tree|a_lamppost|a_post|the_wall|the_tree|another_car|"
    "a_van|a_ditch",
    "shunted|rear_ended|t_boned|sideswiped",
    "missed ~1 a|the|the_last|the_bottom|my|one ~1 step|stair|footing|kerb|curb",
    "jarred|jolted|wrenched ~1 my back|neck|spine|hip",
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
    f"{_LIMB_BONE} ~3 popped|popping|pops|came|comes|slipped|slips out|out_of_place|"
    "out_of_its_socket|out_of_joint",
    f"{_LIMB_BONE} ~3 broken|fractured|snapped|shattered|dislocated",
    "@UNABLE ~2 put ~1 my|any? foot|leg|heel|weight down|on_the_floor|on_the_ground|on_it|"
    "to_the_floor",
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
            "<like_i_am|like_i_was|feel_i_am|thought_i_was @WISH ~3 die !@DIE_NOT !{ for $ }",
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
            "<like_i_am_going|like_i_was_going|feel_i_am_going|thought_i_was_going to|2 die "
            "!@DIE_NOT !{ for $ }",
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
            "had enough of everything|it_all",
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
            "give|giving|gave|given up ~8 being_alive|on_living|on_life|on_existing",
        ),
    ),
    Rule(
        "crisis.burden",
        "crisis",
        (
            "better|happier|easier|fine ~3 without_me|@GONE_ME",
            "burden|burdens !of",
            "they|everyone|everybody|family|people|kids ~3 be|feel relieved|better_off "
            "!to|that|when|about|because|at|with|for|by|after|once|if",
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
            "hate|hating|hated|loathe|despise ~1 myself|my_life|being_alive|living|life|being_me",
        ),
    ),
    Rule(
        "crisis.hopeless",
        "crisis",
        (
            "i_am|feel|feeling|felt|so|completely|totally|utterly|just|everything ~2 hopeless !at",
            "hopelessness|worthless|worthlessness",
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
            # A habit, not a mishap: "I've been hitting myself when the pain gets too much".
            "been|keep|keeps|kept|started|start|always|sometimes ~1 hitting|punching|hurting|"
            "harming|cutting|burning|scratching|biting|bruising ~1 myself|meself",
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
            "all|entire ~3 @PILLS !@PILL_OK",
            # "a whole tablet" is one tablet, unbroken; "the whole lot" is not.
            "take|taking|took|taken|swallow|swallowing|swallowed|down|downing|downed ~1 "
            "<a whole ~3 @PILLS !@PILL_OK",
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
    Rule(
        "crisis.not_around",
        "crisis",
        (
            # Not planning to be here: "won't be here next month", "not sticking around".
            "not|never|no_longer ~4 be|being|stick|sticking|stay|staying here|around ~2 "
            "@FUTURE_WHEN",
            "not|never|no_longer ~4 be|being here|around .",
            "not|never ~2 sticking|stick|staying|stay around|here ~2 to_find_out|to_see|for_long",
            "not|never ~2 be|being ~1 logging|checking|messaging|using|replying|talking|posting "
            "~3 after|past|beyond|again|much_longer|any_more|any_longer|for_long",
            "not|never ~2 need|needing ~4 where i am going",
            "where i am going ~2 not|never|will_not|do_not ~1 need",
            "not|never ~1 send|bother_with ~3 nudge|nudges|reminder|reminders ~8 not|never ~3 "
            "be|being here|around",
            "probably|might|may|will|going_to|could|should ~2 be ~1 my|the last|final ~1 "
            "check_in|checkin|check|message|entry|note|post|time|day|goodbye",
            "not|never ~2 make it ~1 to|till|until|through|past ~3 @TIME_UNIT|@OCCASION",
            "@HEDGE|not|never ~3 see|reach|survive|last_till|last_until|make_it_to ~1 another|next|"
            "this? @OCCASION",
        ),
    ),
    Rule(
        "crisis.intent",
        "crisis",
        (
            # A date, a time, a plan, being ready, rehearsing.
            "picked|chosen|set|choose|pick|decided_on|fixed ~1 a|the|my date|day|time "
            "!for|to|with|of|at|on|when|in|off|out|that|we",
            "tonight|tonights|today|todays|tomorrow|tomorrows is? the night|day "
            "!for|of|we|when|that|to|out|off|at",
            "i am|i_feel|i_think_i_am ready now ~1 .",
            "i am|feel ready ~1 to go|to_do_it|for_it|to_die|for_the_end .",
            "have|got|made|found ~1 a|the plan ~1 now|already|worked_out|sorted|ready|in_place "
            "!for|to|with|on|about|at",
            "rehearse|rehearsing|rehearsed|practise|practising|practising|practice|practiced|"
            "practised|going_over|go_over|run_through|running_through ~2 it|how|the_whole_thing "
            "~4 in_my_head|step_by_step|over_and_over|again_and_again|the_whole_thing",
            "think|thinking|thought|wonder|wondering|worked_out|figured_out|planning|planned|know|"
            "knew|decided ~2 how|when|where i would|could|will|might|would_do_it|would_go .",
            "think|thinking|thought|wonder|wondering|planning|planned ~2 how|when|where|"
            "the_best_way "
            "~2 i would|i_could|i_will|i_might|to ~1 do it",
            "if i had ~2 guts|nerve|courage|balls|bottle ~4 end|do_it|kill|go_through|jump",
            "@WISH|not|lack|lacking ~3 guts|nerve|courage|balls|bottle|bravery ~3 to ~1 end|do_it|"
            "kill|go_through|jump",
            "guts|nerve|courage|balls|bottle ~6 end it|things|everything|myself|my_life",
            "if ~2 not|never for ~5 done it|gone|dead|not_be_here|end_it|ended_it|ended_things|"
            "killed_myself|given_up_on_life",
            "have|would|id|already ~2 done it ~1 already|by_now|years_ago .",
            "only ~2 thing|things|one|person|reason ~3 keeping|keeps|kept|stopping|stops ~1 me "
            "~1 here|alive|going|around|from_doing_it|from_it",
            "scared|afraid|frightened|terrified|worried|scares_me|frightens_me ~2 of? what i "
            "might|could|would|will|am_going_to|may|d ~1 do",
            "scared|afraid|frightened|terrified|worried|scares_me|frightens_me ~2 of? what "
            "ill|i_will|id|i_would|i_might|i_could|i_may ~1 do ~1 to ~1 myself|me",
            "scared|afraid|frightened|terrified of myself|being_alone_with_myself|my_own_thoughts",
            "not|never want|wish|wanna ~1 to? be? rescued|saved|resuscitated|revived|found "
            "!out|guilty|wanting",
            *near(
                "lied|lie|lying|pretended|pretend|pretending",
                "safe|suicidal|hurting_myself|hurt_myself|my_thoughts|ending_it",
                8,
            ),
            "how long ~6 someone|somebody|anyone|anybody|people|they ~2 find|found|notice|"
            "noticed|miss|missed ~1 me|i_was_gone|i_am_gone|i_had_gone|my_body",
            "whoever ~2 finds|find|found ~1 me|my_body",
            "sorry to|for whoever|whomever|anyone|anybody ~2 reads|finds|sees|gets this|me",
            "attempted|attempt|attempts|tried|try ~10 feel|feeling|felt ~2 like|how|the_same ~2 "
            "i_did|then|back_then|that_time|last_time|before",
            "attempted|tried ~1 before|twice|once|last_time ~10 frightens|frightened|scares|"
            "scared|again|feel_like|feeling_like|same",
            "feel|feeling|felt ~1 like|how ~1 i did ~1 back then|before_i|when_i_tried|"
            "when_i_attempted|last_time",
            "know|found ~2 one|a|the way ~4 make ~1 it|this|the_pain|everything stop|end ~1 "
            "for_good|forever|permanently",
            "make|made ~1 it|this|the_pain|everything ~1 stop|end|go_away ~1 for_good|forever|"
            "permanently",
            "want|wish|need ~1 it|everything|this|life|it_all all? over !with|by|so|before|and",
            "cry for help",
        ),
    ),
    Rule(
        "crisis.preparations",
        "crisis",
        (
            # Putting things in order: the will, pets, debts, belongings, goodbyes, a note.
            "sort|sorting|sorted|made|make|making|write|wrote|written|writing|update|updated|"
            "updating|finish|finished|finishing|do|did|done|redo|redid|change|changed ~2 my|the "
            "will",
            "will is|was|all|now|has_been ~1 sorted|done|written|signed|updated|in_order|ready|"
            "finished",
            "put|putting|puts|got|get|getting|sort|sorting|sorted ~2 my|all_my affair|affairs|life|"
            "things|everything ~1 in order",
            "affair|affairs in order",
            "rehome|rehomed|rehoming|rehomes|rehome ~3 my|the cat|dog|dogs|cats|pets|pet|animals|"
            "rabbit|bird|budgie|horse",
            "my|the cat|dog|dogs|cats|pets|pet|animals|rabbit|bird|budgie|horse ~3 rehomed|"
            "is_rehomed|has_been_rehomed|has_a_new_home|have_a_new_home",
            "new|good|forever|loving home ~1 for my ~1 cat|dog|dogs|cats|pets|pet|animals|rabbit|"
            "bird",
            "gave|give|giving|given ~2 my|the cat|dog|dogs|cats|pets|pet|animals|rabbit|bird ~1 to",
            "who gets|will_get|should_get|is_getting|would_get|can_have what|my|the",
            "leaving|leave|left ~2 my ~1 things|stuff|belongings|possessions|savings|money|"
            "jewellery|jewelry|everything|house|flat|car ~3 to",
            "can|could|should|will|may have my ~1 laptop|car|house|flat|jewellery|jewelry|ring|"
            "rings|things|stuff|phone|records|books|collection|savings|money|watch|guitar|bike|"
            "clothes",
            "sold|selling|sell ~3 car|house|flat|things|stuff|belongings|jewellery|jewelry ~6 "
            "gave|give|giving|given ~3 money|cash|proceeds",
            "gave|give|giving|given ~2 away ~2 my|all_my ~1 money|savings|cash",
            "paid|paying|pay|cleared|clearing|settled|settling ~1 off|up? ~2 what_i_owe|"
            "everything_i_owe|all_my_debts|my_debts|debts|my_debt|what_i_owed|everyone_i_owe",
            "goodbye|goodbyes|bye ~10 without|not ~3 knowing|know|realising|realizing|noticing|"
            "knew|realised|realized",
            "proper|real|final|last|quiet|secret|little goodbye|goodbyes",
            "my goodbye|goodbyes ~1 done|said|are_done|is_done|over",
            "that is|there_is|there|was|is my goodbye|goodbyes !to|for",
            "tell|please_tell|can_you_tell|let ~1 my|the ~1 @FAMILY ~2 i_am|that_i_am|i_was|"
            "that_i_was|i|that_i ~1 sorry|sory|love_them|loved_them",
            "told|tell|telling|said ~3 i_am|i_was sorry|sory ~3 goodbye|that_is_it|my_goodbye|"
            "for_everything .",
            "writing|wrote|written|write|finished|finish|finishing|left|leave|leaving|started "
            "~1 my "
            "note|letters|last_letter|final_letter !to|for|about|on|from|in|at|up",
            "look|looks|seem|seems ~1 like an? accident",
            "saving|saved|hoarding|hoarded|stockpiling|stashing|stashed|putting_by|put_by|"
            "squirrelling|holding_onto ~5 @PILLS !@PILL_OK",
            "collecting|collected|keeping|kept ~5 @PILL_NAMES !{ ~4 @PILL_OK|from|at|pharmacy|"
            "chemist|"
            "chemists|for_the_month|for_the_week|in_the_fridge|in_the_kitchen|sorted }",
            "enough ~3 put_by|saved|stashed|set_aside|aside|squirrelled|hidden|hoarded|stockpiled|"
            "saved_up|collected|kept|in_the_drawer|in_the_cupboard",
        ),
    ),
    Rule(
        "crisis.how_many",
        "crisis",
        (
            "how many|much ~4 is|would_be|it_would_take|would_it_take|do_i_need|to_take|it_takes "
            "~1 enough|fatal|lethal|to_die|to_kill|to_do_it",
        ),
        (("@PILLS|box|bottle|packet|packets|strip|strips|dose|doses",),),
    ),
    Rule(
        "crisis.method_more",
        "crisis",
        (
            # Methods and places, however they are put.
            "think|thinking|thought|tempted|urge|urges|want|wanted|wanting|imagine|imagining|"
            "imagined|picture|picturing|pictured|fantasise|fantasize|fantasising|considered|"
            "considering|wondered|wondering|dream|dreaming ~4 about|of? just? @METHOD_ACT",
            "part of me ~3 wanted|wants|want|wanting ~2 to? @METHOD_ACT|go_over|let_go|fall|stay",
            "stared|staring|stare|looked|looking|gazing|gazed|peering ~1 down|over ~3 at? the? "
            "water|river|drop|edge|tracks|rails|traffic ~3 for_ages|for_a_long_time|wanted|"
            "part_of_me|thinking",
            "railway|railways|train_line|train_tracks|tracks|level_crossing|rails|railway_line "
            "~6 slowing|slow|linger|lingering|stopping_at|stop_at|edge|walk_onto|walking_onto|"
            "step_onto|stepping_onto|jump|jumping|in_front",
            "train|trains|bus times|timetable|timetables ~8 not|was_not|is_not ~1 for ~1 "
            "travelling|traveling|travel|a_journey|going_anywhere|a_trip|getting_anywhere",
            "not|was_not|is_not for travelling|traveling|getting_anywhere|going_anywhere",
            "swerve|swerving|swerved|veer|veering|steer|steering|drive|driving|drove ~3 into|"
            "under|off ~3 a|the|oncoming? lorry|truck|tree|wall|traffic|bus|bridge|river|cliff|"
            "oncoming",
            "slip|slipping|slipped|slid|slide|sliding|going|go|went|stay|staying|sink|sinking ~1 "
            "under ~4 stay|staying|stayed|not_come|never_come|not_coming|never_coming|for_good|"
            "forever|and_not",
            "under the water ~3 stay|staying|not_come|never_come",
            "knife|knives|blade|blades|razor|razors ~4 in ~1 my hand|hands",
            "hold|holding|held|sat_with|sitting_with|sit_with ~3 a|the|all_the|all_my|my? "
            "knife|blade|razor|pills|tablets|rope ~4 in my hand|hands|think|thinking|for_ages",
            "take|taking|took|swallow|swallowing|down|downing ~1 everything|all|the_lot ~4 "
            "medicine_cupboard|medicine_cabinet|medicine_box|i_have|i_have_got|i_have_left|"
            "in_the_cupboard|in_the_cabinet|in_the_house|in_the_drawer|at_once|in_one_go",
            "take|taking|took|swallow|swallowing ~1 everything|all ~3 and ~2 go|going|sleep|"
            "not_wake|never_wake|be_done|be_gone",
            "everything|all|the_lot in the medicine cupboard|cabinet|box",
            "least|most|less painful|painless|peaceful|quickest|quick|easiest|surest|best|gentlest|"
            "quietest|cleanest|kindest way|ways|method|methods to go|die|do_it|end_it|end_things|"
            "go_out|kill_myself|end_my_life !to|into|for|about|round|around|out|back|home|with|on|"
            "there|through|shopping|up|down|over|in|via|by|from|the|a|and",
            "painless|least_painful|quick_and_painless way|ways|death|method|methods|exit",
            "took|swallowed|downed|taken|necked|had ~2 @MANY ~3 @PILLS ~5 ago|hour|hours|minutes|"
            "mins|last_night|just_now|earlier|tonight|on_purpose|and_now|and_i",
        ),
    ),
    Rule(
        "crisis.self_harm_more",
        "crisis",
        (
            # Self-harm beyond cutting: scratching, punching, banging, burning, with a reason.
            "until|till|til|till_i|until_i|til_i ~2 bled|bleed|bleeds|bleeding|bruised|bruise|"
            "bruises|split|splits|broke_the_skin|raw|marked|blistered",
            *near(
                "@HARM_ACT",
                "deserve|deserved|deserves|deserving|to_feel_something|to_feel_anything|"
                "feel_something|feel_anything|punish|punishing|punishment|feel_real|feel_alive|"
                "so_nobody|so_no_one|nobody_would_see|no_one_would_see|to_cope|hide_it|hiding_it",
                10,
            ),
            "end|ended|ending|ends ~1 up cutting|hurting_myself|harming_myself|scratching|"
            "burning_myself|hitting_myself",
            "cut|cutting ~2 my ~1 thighs|thigh|wrists|wrist|stomach|skin|forearms|forearm|hips",
            "burned|burnt ~2 my ~1 thighs|thigh|wrists|wrist|stomach|forearms|forearm ~1 with|on_"
            "purpose|again|deliberately",
            "hide|hiding|hid|cover|covering|covered ~3 the? cuts|scars|marks|burns|bruises ~3 "
            "sleeves|long_sleeves|from|so",
            "relapsed|relapse|relapsing ~6 cut|cutting|hurt|harm|harming|burn|burned|scratch|"
            "scratching|sh",
        ),
    ),
    Rule(
        "crisis.passive_wish",
        "crisis",
        (
            # Hoping something else ends it: an accident, the operation, the pain, the body.
            "@HOPE ~6 finish|finishes|finished|take|takes|do ~1 me ~1 off|out|in|away",
            "@HOPE ~4 op|operation|surgery|anaesthetic|anesthetic|procedure ~3 goes|go|going|"
            "went|will_go ~1 wrong|badly",
            "@HOPE ~5 not|never|do_not|did_not|will_not|do_not_ever ~1 come|coming ~1 round|"
            "around|back|to|out_of_it",
            "@HOPE ~4 body|heart|lungs|organs|kidneys|liver ~4 give|gives|giving|gave|pack|packs|"
            "packing ~1 up|out|in",
            "@HOPE ~4 body|heart|lungs|organs ~3 stop|stops|stopping|fail|fails|shut|shuts ~1 "
            "down?",
            "@HOPE ~3 speed|speeds|hurry|hurries|hasten|hastens|quicken|quickens|bring|brings ~2 "
            "things|it|the_end|it_along|things_along|up|on_the_end|forward",
            "not|stopped|stop|stopping|quit|refusing|refuse|refused ~1 eating|drinking|taking ~5 "
            "on_purpose|deliberately|intentionally|to_speed|hoping|so_i_can_die|so_it_ends|"
            "what_is_the_point|whats_the_point|cos_what_is_the_point|no_point",
            "picture|picturing|pictured|imagine|imagining|imagined|planning|planned|plan|"
            "think_about|thinking_about|dream_of|dreaming_of|dreaming_about ~2 my|own funeral",
            *near(
                "my|own funeral",
                "relieved|relief|peace|peaceful|calm|comfort|comforting|comforted|happy|nice",
                8,
            ),
            "waiting|wait ~1 for my? body|heart ~2 to? catch_up|give_up|give_out|stop|fail|follow",
            "i am|feel|like|i_feel|i_was already gone|dead|a_ghost|a_corpse !{ ~1 out|to|home|for|"
            "by|from|when|before|past|at|in }",
            "if i ~2 just? not|stopped|never ~1 exist|existed|existing|here|around|alive|lived",
            "not exist|existing any more|any_longer|at_all",
        ),
    ),
    Rule(
        "crisis.being_alive",
        "crisis",
        (
            # Being alive itself: "stop being", "fed up of living", "shouldn't be alive".
            "stop|cease|quit|end being .",
            "@WISH ~3 stop|cease|quit|end|not ~1 being_alive|being_here|living|breathing|"
            "being_around|being_me|to_exist|to_be_alive|being .",
            "@WISH ~3 stop|cease ~1 being alive|here|around|me",
            *near(
                "done|fed_up|finished|over|had_enough|sick|tired",
                "with|of living|existing|being_alive|being_here|life|this_life .",
                8,
            ),
            "fed up ~1 of|with @TIRED_OF",
            "want|wanted|wanting|need|needs|wish out ~1 of life|living|this_life|this_world|it_all|"
            "existence|this_existence",
            "care|caring|cares|bothered|mind ~4 if|whether ~1 i ~2 live|die|living|dying|wake|"
            "make_it|survive|am_alive|am_here",
            "live or die",
            "should not|never|shouldnt ~1 be ~1 still? alive|living|born|breathing|still_here",
            "why ~2 i am|am_i|i_bother|i_keep ~1 still|even ~1 alive|here|living|around|breathing|"
            "going",
            "why ~1 i am|am_i alive|living|breathing",
            "not|never|no_longer belong ~2 here|anywhere ~1 any_more|any_longer",
            "not|never|no_longer belong ~2 in_this_world|in_the_world|on_this_earth|on_earth|"
            "among_the_living|alive",
            "not|never|can_not|no|any ~2 see|imagine|picture|have|there_is ~1 a|any? future ~4 "
            "me|i_am|with_me|for_me|where_i|in_it|myself|i",
            "not|never|can_not ~2 see|imagine|picture ~1 myself|me ~2 living|alive|here|around|"
            "surviving|making_it|lasting|growing_old|getting_old|old|in_a_year|next_year",
            "no|not|never|any|see_the|see_a|there_is_no light ~2 at the end",
            "@HEDGE|not|never|no_longer ~3 want|wanna|wish ~1 to? stay|stick_around "
            "!at|in|with|for|over|up|late|on|home|until|till|overnight|another|awake|indoors|"
            "inside|put|positive|quiet|still|calm|the|a|longer|away|out|off|active|busy|fit|well|"
            "strong|sane|sober|healthy|focused|motivated|warm|cool|dry|hydrated",
            "@UNABLE|rather_not|not_want_to|will_not|not ~1 do|face|survive|take|bear|handle|"
            "stand|live|endure another|more ~1 #N ~1 days|weeks|months|years|decades",
        ),
    ),
    Rule(
        "crisis.concepts",
        "crisis",
        (
            # Doubting one can keep living: "how much longer can I keep going like this".
            "how much|many? longer|long|more ~5 @GO_ON|survive|last|live|living|endure|"
            "take_this|take_it|take_much|bear_this|bear_it|stand_this|stand_it "
            "!{ with? @DET? ~1 @ACTIVITY|@EXERCISE_NOUN }",
            "supposed|meant|expected|expect_me to ~1 live|go_on|carry_on|keep_going|keep_living "
            "~2 like this|with_this|this_way",
            # Never been born, however the wish is put.
            "wish|wished|wishing|wishes ~4 never|not ~2 been? born|existed|had_me|have_had_me",
            "i|id|i_had|i_would ~3 never|not have? been born",
            "mistake|regret|regretting ~3 born|being_born|i_was_born",
            "never asked to be born",
            # Hoping not to survive: "hoping I don't make it through the night".
            "@HOPE ~4 not|never|not_to ~1 make it !worse|any_worse|better|bad|harder|awkward",
            "@HOPE ~4 not|never|not_to ~1 survive|pull_through|come_through|last_the_night|"
            "last_the_week|last_much_longer|see_the_morning|see_morning|see_tomorrow|"
            "see_another_day|see_the_weekend",
            "@ACCEPTING ~3 if? i ~1 did_not|do_not|never|did_not_ever ~1 make_it|survive|"
            "pull_through|come_through",
            # The person's own end: "this is the end for me", "it's over for me".
            "is|was the end ~1 for|of me .",
            "this|it is|was the end ~1 for|of me",
            "this|it|everything is|was over for me",
            "this is it for me",
            "my time is up",
            "sorry for everything .",
            "sorry|forgive_me for everything ~6 goodbye|bye|the_end|love|last|thank|thanks",
            "this is|it_is goodbye",
            # Farewell thanks: "goodbye, thank you for trying".
            "thank|thanks ~2 for ~1 trying|all_you_tried|everything_you_tried ~8 goodbye|"
            "farewell|the_end|any_more|not_your_fault|it_is_not_your_fault|too_late",
            "goodbye|farewell ~8 thank|thanks|sorry|forgive|love|trying|take_care",
            # Nothing left: "nothing left for me", "nothing left to live for".
            "nothing|nobody|no_one|no_one_and_nothing left for me|to_look_forward_to|to_hope_for|"
            "to_fight_for|to_live_for|worth_living_for|in_my_life|in_life|to_lose",
            "nothing ~1 here for me",
            # Being at a high place for a long time, or going back to it.
            "stood|standing|stand|sat|sitting|sit|lingered|lingering|waited|waiting|stared|"
            "staring ~4 @HIGH_PLACE|edge|platform|railway|tracks|river|cliff_edge ~4 for_ages|"
            "for_hours|for_a_long_time|for_a_while|again|thinking|wondering|looking_down|"
            "staring_down",
            "went|go|going|been|drove|walked|keep_going|kept_going|ended_up|found_myself ~1 "
            "back? to|up_to|onto|at|on ~1 the|a @HIGH_PLACE|cliffs|cliff_edge|railway|tracks|"
            "platform_edge ~4 again|and_just|just_stood|just_sat|stood|sat|stared|for_ages|"
            "for_hours|edge|looked_down",
            "@HIGH_PLACE|edge|cliff|platform|river ~4 again ~3 just? stood|sat|stared|standing|"
            "sitting|staring",
            # Self-harm by hitting: "I keep banging my head against the wall".
            "hitting|banging|slamming|smashing|bashing|headbutting|punching|hit|bang|slam|smash|"
            "bash ~1 my head|face|fists|fist ~1 against|on|into ~2 wall|walls|floor|door|doors "
            "!{ ~2 with|trying|over|about }",
            "keep|kept|keeps|started|start|always ~1 hitting|punching|slapping|scratching|"
            "pinching|biting|bruising|burning ~1 myself|my_legs|my_arms|my_head|my_face|"
            "my_thighs",
            # Making it stop oneself: "I'm going to make it stop myself".
            "make|making|made ~1 it|this|the_pain|everything|it_all ~1 stop|end|go_away ~2 "
            "myself|my_way|my_own_way|for_good|forever",
            "going to|gonna|will|am_going_to make ~1 it|this|the_pain|everything|it_all ~1 "
            "stop|end .",
            "take|taking|took matters|things into my own hands",
            # A note: "wrote a note and left it on the table".
            "wrote|written|writing|write|penned|finished ~1 a|my|the|goodbye|suicide|final|last "
            "note|letter|letters !to|for|about|on|from|in|at|up|of|with|asking|saying|"
            "reminding|explaining|down|back|home|list|pad",
            "left|leave|leaving|put ~1 a|my note|letter|letters ~3 on|by|next_to|under ~2 the|my "
            "~1 table|kitchen_table|bed|pillow|desk|side|mantelpiece|dresser|door",
            "note|letter|letters|notes ~4 for them|everyone|my_family|the_kids|my_kids ~2 to "
            "find|read",
            # Leaving nothing behind; putting the bills in order "before I go".
            "leave|leaving|left nothing|no_trace|no_mess|no_traces ~1 behind",
            *near(
                "delete|deleted|deleting|wipe|wiped|wiping|erase|erased|erasing|cleared|clearing",
                "leave|leaving|left ~2 anything|nothing|a_mess|traces|a_trace ~1 behind",
                12,
            ),
            "before i go|leave|die|am_gone|check_out|pass|depart .",
            "before i go|leave|am_gone for_good|forever|for_ever",
            "bills|debts|finances|accounts|paperwork ~4 paid|sorted|settled|cleared|in_order ~3 "
            "before|so_nobody|so_no_one|for_when|for_after|when_i",
            # Everything ready: "I have everything I need now", "it's all planned out".
            "everything|all|what i need|needed ~1 now? .",
            "everything|all|what i need|needed to do_it|for_it|to_end",
            "all|everything|it_all ~1 planned|planned_out|worked_out|arranged|in_place|ready ~1 "
            "now .",
            "got|have|had it|everything all? planned|planned_out|worked_out ~1 now? .",
            "it is all|everything_is ready .",
            # A date for no named event: "set the date for the end of the month".
            "picked|chosen|chose|set|choose|pick|decided_on|fixed ~1 a|the|my date|day . ~2 "
            "it_will_be|it_is|going_to_be|it_will_happen ~2 @OCCASION|@TIME_UNIT|next|this|"
            "tomorrow|tonight",
            "picked|chosen|chose|set|choose|pick|decided_on|fixed ~1 a|the|my date|day ~1 for|as "
            "~1 "
            "the? end_of_the_month|end_of_the_week|next_week|next_month|this_week|this_month|"
            "this_weekend|@OCCASION|@TIME_UNIT",
            # Cancelling the future: "cancelled all my appointments, no point".
            *near(
                "cancel|cancelled|canceled|cancelling|canceling",
                "no_point|no_point_now|will_not_need|will_not_be_needing|not_going_to_need|"
                "no_longer_need|not_be_needing|not_need_them|not_need_it|not_needed_now|"
                "pointless|what_is_the_point",
                10,
            ),
            # The last one: "this is the last one, I've decided".
            "this|that|it is|will_be|was my|the last|final one|time|message|entry|note|log|"
            "check_in|checkin ~6 decided|goodbye|bye|ever|for_good|sorry|forever|you_will_hear",
            "no point now|left|at_all .",
            # Buying painkillers in several places: "bought paracetamol from three shops".
            "bought|buying|buy|got|getting|picked_up|collected ~4 @PILL_NAMES|pills|tablets|"
            "boxes|packets|packs ~5 different|several|three|four|five|multiple|every|each|"
            "various|lots_of ~1 shops|chemists|pharmacies|stores|supermarkets|places|shop|"
            "chemist|pharmacy",
            "@PILL_NAMES|pills|tablets ~8 you know why|what_for|what_they_are_for",
        ),
    ),
    Rule(
        "crisis.burden_self",
        "crisis",
        (
            # Better off without someone like me: the person names themselves by their role
            # ("the kids would be better off without a mum like me"), so another person in the
            # sentence does not soften it.
            "better|happier|easier ~3 without|with_someone_else_than ~1 a|an|such_a ~2 @ROLE",
            "better|happier|easier ~3 with|have ~1 a|an different|new|better|healthy|healthier|"
            "proper|normal @ROLE",
            "deserve|deserves|deserved ~1 a? better @ROLE|than_me|than_this",
        ),
    ),
    Rule(
        "crisis.indirect",
        "crisis",
        (
            # A place or a means that "calls": "the railway line keeps calling me".
            "@DROP_PLACE ~6 calling|calls|call|pulling|pulls|beckoning|beckons|whispering|"
            "drawing|draws|tempting ~1 me|to_me|my_name",
            # Letters to the family "just in case", or kept with the will.
            "wrote|written|writing|write|left|leaving|leave a|some|the|my? letters|letter|cards|"
            "card ~4 @OTHER|family|"
            "girls|boys|kids|children|loved_ones|everyone|each_of ~8 just_in_case|in_case|"
            "goodbye|goodbyes|the_will|my_will|for_when|for_after|when_i_am_gone|"
            "after_i_am_gone|if_anything_happens",
            # Worth more gone: "they'll get the insurance money if I'm gone".
            "insurance|payout|pay_out|life_cover|death_in_service ~8 i_am_gone|i_was_gone|"
            "i_were_gone|i_am_dead|i_was_dead|i_were_dead|i_am_not_here|i_was_not_here|"
            "i_am_not_around|i_was_not_around",
            "i_am_gone|i_was_gone|i_were_gone|i_am_dead|i_was_dead|i_were_dead ~8 insurance|"
            "payout|pay_out|life_cover|death_in_service",
            "would|will|could|at_least ~2 get|have|receive|collect ~2 my|the life_insurance|"
            "life_cover|death_in_service|insurance_money !{ ~3 car|house|home|flood|roof|van }",
            # Looking at a high place and thinking how easy it would be.
            *near(
                "@DROP_PLACE|traffic|lorries|trains",
                "how_easy_it_would_be|how_simple_it_would_be|how_quick_it_would_be|"
                "how_easy_it_would_have_been|one_step|one_little_step",
                10,
            ),
            # Hoping for a crash: "hope the car hits a tree and saves me the bother".
            "hope|hoping|wish|wishing|pray|praying ~2 a|the|my? car|bus|lorry|truck|van|train|"
            "plane|taxi|cab|coach|tram|motorbike ~1 hits|hit|crashes|crash|ploughs|plows|smashes|"
            "spins|runs_me|takes_me|"
            "goes_down|went_down|falls|goes_off_the_road|comes_off_the_road !{ traffic }",
            "hope|hoping|wish|wishing|pray|praying i ~1 crash|crashed|get_hit|got_hit|get_run_over",
            # Hoping an illness is the end: "secretly hoping the results show something that
            # will kill me".
            "hope|hoping|wish|wishing|pray|praying ~8 something|cancer|it|this|one ~2 will|would|"
            "might|could|that_will|that_would|that_might kill|finish|end me",
            "hope|hoping|wish|wishing|pray|praying ~8 and i ~1 go|drive|crash|plough|slam|swerve "
            "into|under",
            # Exhaust fumes: "sat in the car in the garage with the engine running".
            "sat|sitting|sit|lay|lying|locked ~8 garage ~8 car|engine|motor|exhaust ~1 running|on "
            "!{ ~3 warm|warming|defrost|defrosting|charge|charging }",
            "garage ~8 with|and the? engine|motor|exhaust running|on "
            "!{ ~3 warm|warming|defrost|defrosting|charge|charging }",
            "with the? car|engine|motor running ~6 garage|door_shut|doors_shut|door_closed|"
            "doors_closed !{ ~3 warm|warming|defrost|defrosting|charge|charging }",
            "engine|exhaust|motor ~2 running|on ~6 garage|door_shut|doors_shut|door_closed|"
            "doors_closed !{ ~3 warm|warming|defrost|defrosting|charge|charging }",
            "hose|hosepipe|tube ~6 exhaust",
            # Hidden self-harm: "can't tell her what I do to my arms".
            "what i do|did|have_done|keep_doing to my|myself ~1 arms|arm|wrists|wrist|thighs|"
            "thigh|skin|legs|body",
            "hide|hiding|hid|cover|covering|covered|hidden ~4 the|my? cuts|scars|burns|fresh_cuts",
            "cuts|scars|burns ~1 covered|hidden|hid|under_wraps",
            *near(
                "do|did|doing|done it to myself",
                "arms|arm|wrists|wrist|thighs|plasters|scars|cuts|sleeves|blade",
                10,
            ),
            "no_one|nobody|noone|they|she|he|mum|people ~1 sees|see|notices|notice|can_see|"
            "will_see ~2 my|the cuts|scars|marks|burns|wrists",
            "doing|do|did|done things|stuff to my|myself ~1 arms|arm|wrists|wrist|thighs|thigh|"
            "skin|body",
            # Pidgin: "I no wan live again", "make God just take me", "I go kill myself".
            "i no|not|never|do_not want|fit to? live|dey_live|stay_alive|be_alive|"
            "continue_living again|any_more|at_all",
            "i don|done|have|am tire|tired|taya ~2 for? this? life|living|to_live|to_dey_live",
            "this life|world don|done|has tire|taya me",
            "make|mek|let god|death|jesus|heaven ~1 just? take|carry|collect me",
            "make|mek i ~1 just? die",
            "life|living no|not|do_not get|have|hold meaning|value|sense|point again|any_more",
            "i no|not|do_not want|fit to? dey again|any_more|for_this_world|in_this_world",
            "i no|not|do_not want|fit to? dey ~1 this|dis life|world",
            "make|mek|let i|me ~2 sleep ~2 no|not|never wake",
            # "I no fit live again" reads as "I can not live again".
            "i can not live|dey|dey_live again|any_more|at_all",
            "want|going|go|ready|fit|will|plan|planning ~2 comot|leave|exit|depart from|for? "
            "this|dis world|earth !of|wide|cup|tour|behind",
            "for what i live|am_living|should_live|continue|dey_live|am_alive",
            # "I have no more power to live" (non-native: no strength left to live).
            "no|no_more|lost|lost_the|not_any|have_no ~1 power|strength|will|courage|force ~1 "
            "to|for live|living|continue_living|stay_alive "
            "!room|rooms|arrangements|costs|cost|wage|standards|situation|space|area",
            "no|no_more|lost|lost_the|not_any|have_no|nothing ~1 strength|power|will|courage|"
            "energy|fight ~1 left? to|for go_on|carry_on|keep_going|continue|keep_living "
            "!a|an|the|my|with|holiday|holidays|walk|walks|about|at|to|in|and|that|this|it|"
            "shopping|trips|outings|any|more|today|tonight",
            "want|wan|going|will|plan|planning|think|thinking|decided ~2 finish|finishing "
            "my_life|my_own_life|myself|with_life|with_my_life",
            "i go|fit|want|must kill|end myself|my_life|my_self",
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
    Rule(
        "emergency.face_droop",
        "emergency",
        (
            *near("@FACE", "@DROOP", 3),
            # A part of the face that will not move: "my mouth won't move on one side".
            "@FACE|mouth|eyebrow|eye|jaw ~3 will_not|would_not|does_not|can_not|is_not|not|stopped|"
            "refuses_to|has_stopped ~1 move|moving|work|working|close|closing|lift|lifting|smile|"
            "respond",
            "@UNABLE ~2 move|lift|close|smile_with|control ~3 my? @FACE|mouth|eyebrow|eyelid|jaw",
            "@FACE|mouth|smile ~4 only ~2 on|one one|left|right|side",
            # "one side of her face don fall" (Pidgin: has dropped).
            "side|half of ~1 my|his|her|their|the? face ~1 fell|fallen|has_fallen|dropped",
        ),
    ),
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
            *near(
                "words|say|speak|talk|speech|sentence|sentences|talking",
                "come|comes|came|"
                "coming out ~1 wrong|jumbled|garbled|muddled|slurred|funny|weird|as_nonsense|"
                "backwards|all_wrong|mixed_up|scrambled",
                8,
            ),
            "words will_not|would_not|do_not|did_not|can_not|are_not ~1 come|coming out",
            "@UNABLE ~1 make|get my? words|mouth|tongue ~1 work|working",
            "@SUDDEN ~3 @UNABLE ~1 understand",
            "@UNABLE ~1 understand ~6 foreign|gibberish|nonsense",
            "@UNABLE ~1 understand ~3 anyone|anybody|people|what_people|what_anyone|words|speech",
            "like|sounds|sound a? foreign language",
            # Speech that sounds drunk without a drink.
            "speech|voice|talking|talk|words|speaking|i|sound|sounds|sounded ~4 drunk|"
            "like_i_am_drunk|like_i_was_drunk|like_i_had_been_drinking|sloshed|tipsy|"
            "like_a_drunk",
        ),
    ),
    Rule(
        "emergency.confusion",
        "emergency",
        (
            # "confused about the plan" is about the bot; "confused" alone is not.
            # "im confused how do i use this": the bot is the puzzle.
            "confused !{ about|by|with ~3 @BOT_NOUN } !{ ~2 how|what|where|which ~3 "
            "use|work|works|do|change|set|start|tap|press|bot|app|this|it }",
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
            # "granddaughter came round for tea" is a visit.
            "<@OTHER|they|we|friends|you came|come|coming round|around|to "
            "!for|to|with|and_we|and_did|and_had|yesterday|today|tonight|this|last|later|earlier|"
            "visit|see|help|tea|dinner|coffee|lunch|the|a|my|our|your|his|her|their|again|over|"
            "back|here|home|stay|spend|play|live|sleep",
            "<a|the faint !@FAINT_NOUN",
            "found|find|finds ~1 me ~4 on_the_floor|on_the_ground|floor|ground|"
            "collapsed|unconscious|passed_out|out_cold|slumped",
            "not|do_not|can_not|did_not ~1 remember|recall ~3 falling|fainting|what_happened|"
            "how_i_got|going_down|hitting_the_floor|hitting_the_ground|passing_out|blacking_out|"
            "collapsing !asleep|over_the",
            "@UNABLE|tried_to|trying_to ~3 wake|rouse|revive ~1 me|him|her|them !{ up? for|in ~1 "
            "my|work|school|breakfast|the|time|dinner|lunch|his|her }",
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
            "@UNABLE see ~1 from|with|in ~2 one|left|right|my|the ~1 eye|eyes",
            "@UNABLE see anything? $",
            "curtain|shadow ~3 eye|eyes|vision",
            "curtain|shadow|blind ~5 over|across|in ~4 vision|eye|eyes|sight",
            "everything|vision|eyes|sight|eye|eyesight|world ~2 @SUDDEN? ~1 went|gone|"
            "turned ~1 blurry|blurred|dim|double|black|dark|grey|gray|blank|white",
            "@SUDDEN ~2 blurry|blurred|double|blind",
            "blurry|blurred|dark|black|blind|dim|grey ~3 on|in|out_of ~1 my? left|right|one "
            "side|eye",
            "half|part|side|bits|chunk|corner ~3 vision|sight|eye|eyesight ~3 missing|gone|black|"
            "dark|blank|lost|blocked|disappeared",
            # Half the field gone, without the word "vision": "can't see the left half of things".
            "@UNABLE see ~3 left|right|one|half|bottom|top|lower|upper ~1 half|side|part ~2 of? "
            "things|everything|anything|the_page|the_screen|the_room|my_view|it",
            "see|seeing|seen only|just half|one_side ~2 of? things|everything|the_page|the_screen|"
            "faces|the_room|it",
            "everything|things|stuff ~3 on ~1 that|one|the_left|the_right|my_left|my_right side "
            "~4 not there|gone|missing|blank|black|disappeared|vanished|invisible",
            "vision|sight|eyesight ~5 on|in ~1 one|left|right|the_left|the_right side|eye ~3 "
            "gone|went|dark|black|grey|blank|dim|missing|blurry|blurred",
            "vision|sight|eyesight ~5 gone|went|going|turned ~1 dark|black|grey|blank|dim",
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
        "emergency.headache_fever_light",
        "emergency",
        ("@HEADACHE",),
        (("@FEVER",), _LIGHT_HURTS),
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
            "control ~2 of|over my? @TOILET",
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
        (
            "feel|feeling|felt like i am|was dying !to|for",
            "feel|feeling|felt|thought like? i am|was going|about to die|pass_out .",
        ),
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
    Rule(
        "emergency.deformed",
        "emergency",
        (
            "it|its|that|this ~2 looks|look|is|looked|seems|went|gone|sitting|sits ~2 "
            "@DEFORMED_STRONG",
        ),
        (
            (
                f"{_LIMB_BONE}|fell|fall|fallen|tumble|accident|crash|crashed|doored|knocked|injury|"
                "injured|@SEVERE_PAIN",
            ),
        ),
    ),
    Rule(
        "emergency.deformed_shape",
        "emergency",
        ("@DEFORM_SHAPE",),
        (
            (
                f"{_LIMB_BONE}|fell|fall|fallen|tumble|tripped|slipped|landed|accident|crash|"
                "crashed|knocked|injury|injured|@SEVERE_PAIN",
            ),
        ),
    ),
    Rule(
        "emergency.allergic",
        "emergency",
        (
            *near(
                "lips|lip|tongue",
                "swelling|swollen|swelled|swell|swells|puffing|puffed|puffy|thick|tingling",
                4,
            ),
            *near(
                "throat", "closing|closing_up|tightening|swelling_shut|swelling_up|swelled_up", 4
            ),
            "face ~4 swelling|swollen|swelling_up|puffing_up ~8 breath|breathing|breathe|"
            "throat|lips|tongue|hives|allergic|reaction|sting|stung|peanut|nuts",
            "anaphylaxis|anaphylactic|epipen|epi_pen",
        ),
    ),
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
            "creeping|crept|ramping|ramps|ramped|climbing|climbed|building|keeps_building"
            " ~2 up|higher|worse",
            # "knees ache going up stairs" is the stairs, not the pain.
            "@PAIN|it|level|levels|score|scores|scale ~3 going|gone|goes|went|keeps_going ~1 up|"
            "higher|worse !stairs|the_stairs|steps|the_steps|hill|hills|the_hill|a_hill|"
            "the_ladder|a_ladder|and_down|a_flight",
            "higher|worse every ~1 single? week|month|day",
            "worse than the last",
            "upward|up_a_notch",
            "gone from ~4 to constant|to_worse",
        ),
    ),
    Rule(
        "doctor.headache_new",
        "doctor",
        (
            *near("@HEADACHE", "@NEWISH", 4),
            # A changed pattern: "they feel totally different", "never get headaches but now".
            *near(
                "@HEADACHE|aura|auras",
                "feel|feels|felt|are|is|seem|seems|been|becoming|become totally|completely|"
                "really|very|quite|so|a_lot? different|changed|new|longer|stronger|weirder",
                12,
            ),
            "never|rarely|hardly_ever|seldom|do_not|did_not|used_to_never ~1 get|had|suffer|"
            "suffered ~3 @HEADACHE ~8 now|lately|recently|suddenly|but|these_days|every|most",
            "new|different|weird|strange|longer ~2 aura|auras",
        ),
    ),
    Rule(
        "doctor.headache_trigger",
        "doctor",
        (
            *near("@HEADACHE", "@HEAD_TRIGGER", 8),
            # "coughing makes my head feel like it's going to explode".
            "@HEAD_TRIGGER ~3 makes|made|make|gives|sets_off|brings_on ~2 my? head|skull ~6 "
            "explode|exploding|burst|bursting|split|splitting|pound|pounding|throb|throbbing|"
            "hurt|hurts|ache|aches|kill|killing|pressure|bang|banging",
        ),
    ),
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
            *near(
                "triptan|triptans|sumatriptan|rizatriptan|zolmitriptan|naratriptan|eletriptan|"
                "almotriptan|imigran|maxalt|migraine_tablets|migraine_meds|migraine_pills",
                "@DAILY|almost_daily|nearly_every_day|every_other_day|most_days|days_a_week",
                6,
            ),
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
            # A slow dimming: "vision in one eye has gradually gone a bit dim".
            *near(
                "vision|eyesight|sight|eye|eyes",
                "dim|dimmer|dimming|darker|dull|duller|faded|fading|cloudy|misty|hazy|blurrier|"
                "blurry|greyer|washed_out",
                8,
            ),
            "eyesight|vision|sight|eyes ~4 getting|gotten|got|going|gone|slowly|gradually ~1 "
            "worse|blurry|blurrier|blurryer|downhill|fuzzy|fuzzier|dim|dimmer|weaker",
            "@UNABLE ~1 see|read ~3 tv|subtitles|subtitels|screen|signs|print|small_print|words|"
            "board|faces|road_signs|phone|labels|text|numbers|menu",
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
            *near(
                "foot|feet|toes|toe",
                "catches|catching|drags|dragging|scuffing|scuffs|slaps|slapping|flops|floppy|drop",
                6,
            ),
            "keep|keeps|kept|been|always ~1 tripping|catching_my_foot|catching_my_toes",
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
            "fog ~4 different|not_lifting|does_not_lift|not_my_normal|worse_than_usual|"
            "worse_than_normal|way_worse|getting_worse|much_worse|lot_worse",
            "concentration ~4 dropping|worse|going|declining|gone",
            "beyond|worse_than|more_than|not_just|not_like|way_beyond ~2 fibro_fog|brain_fog|fog|"
            "the_fog|my_usual_fog|normal_fog|my_fog|my_normal_fog",
            "memory|thinking|brain|mind ~4 downhill|gone_downhill",
            "lost ~5 familiar|know_well|i_know|places_i|way_home|route_home|own_street|own_road|"
            "own_neighbourhood|own_town|local_shop",
            "forgot|forgotten|forget|forgetting ~2 the way|how_to_get ~2 home|to",
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
            "not|unlike|different|nothing_like ~3 usual|normal|typical|regular ~2 fibro|flare|"
            "flares|"
            "aches|pains|"
            "@PAIN|kind|type|sort|symptoms|fibromyalgia",
            "@PAIN ~6 not|unlike|different|never|nothing_like ~3 usual|normal|typical|regular|"
            "fibro|fibromyalgia|"
            "before",
            "never ~3 felt|had|experienced|known ~3 @PAIN|anything ~4 like_this|like_that|like_it|"
            "before",
            "@PAIN ~3 never ~3 felt|had|experienced ~2 before",
            "not ~2 fibro|fibromyalgia ~2 @PAIN|this_time|i_think|i_do_not_think",
            "found|noticed|feel|felt|have|got ~2 a|new? lump|lumps",
            "not|never ~3 like|recognise|recognize|feel_like ~3 fibro|flare|flares|my_usual|"
            "my_normal|anything|a_flare",
            # "hurts a bit more than usual" is a rough day, not a new pain.
            "@PAIN ~3 <more|worse|higher|better|less|lot|bit than ~1 my? fibro|usual|normal",
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
            # "a pain I haven't had before", "brand new and sharp".
            "@PAIN ~8 not|never ~2 had|felt|experienced|known ~2 before|until_now|till_now",
            *near(
                "@PAIN|@JOINT",
                "brand_new|totally_new|completely_new|entirely_new|all_new|something_new",
                10,
            ),
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
            # Pidgin and non-native: "my weight dey drop", "weight is reducing".
            "weight dey|don|is|has|keeps|keep drop|dropped|reduce|reduced|reducing|fall|falling|"
            "go_down|going_down|come_down|coming_down",
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
                "@PAIN|@HEADACHE|numb|tingling|tingly|lump|lumpy|swollen|blurry|blurrier|cough|"
                "coughing|hoarse|hoarseness|dizzy|dizziness|vertigo",
                "@DURATION",
                8,
            ),
            # "a lump on my neck under my jaw that's been there a month".
            "lump|lumps|mole|swelling ~10 been ~2 there ~1 a|over_a|about_a|nearly_a|almost_a|"
            "more_than_a week|fortnight|month",
            "@PAIN|@HEADACHE|it ~6 been ~2 there|going_on|around|with_me ~1 a|over_a|about_a|"
            "nearly_a|almost_a|more_than_a week|fortnight|month",
            "@PAIN|@HEADACHE|numbness|tingling ~4 lasted|lasting|has_lasted|gone_on|going_on ~2 "
            "weeks|months|a_week|a_month|a_fortnight",
        ),
    ),
    Rule(
        "doctor.hot_joint",
        "doctor",
        (
            *near(
                "@HOT_RED !bath|water|water_bottle|shower|pad|weather|day|tea|drink|today|yoga|"
                "tub|compress|towel|flush|flushes|flash|flashes",
                "@SWOLLEN",
                12,
            ),
            *near("hot|warm|burning_hot", "red|redness|purple", 4),
        ),
        (("@JOINT",),),
    ),
    Rule(
        "doctor.night_pain_not_easing",
        "doctor",
        (
            *near("@PAIN|@HEADACHE|@BACKNECK|@JOINT", "@WAKE_ME", 4),
            *near("@NOT_EASE", "@NIGHT_WIDE|@WAKE_ME|woke|wake|waking|woken", 12),
            "awake|up_at_night|keeps_me_up|keeping_me_up|kept_me_up|wakes|waking|woke ~8 even|"
            "despite|regardless ~3 @PILLS|@PAINKILLER|meds|usual_meds|tablets",
        ),
        (("@PAIN|@HEADACHE|@BACKNECK|@JOINT|@LIMB|throbbing|pain|something|sensation|feeling",),),
    ),
    # --- The NHS lists (docs/rules.md#sources): "call 999 or go to A&E now" ----------------
    Rule(
        "emergency.heavy_bleeding",
        "emergency",
        (
            "bleeding|bleed|bleeds|blood ~8 will_not|would_not|does_not|not|can_not|no_sign_of "
            "~1 stop|stopping|slow|slowing|ease|easing",
            "pouring|gushing|spurting|spraying|streaming|pumping|squirting|flowing ~2 blood",
            "blood ~3 pouring|gushing|spurting|spraying|everywhere|all_over_the_floor|puddle",
            "soaked|soaking|soaked_through|bled_through|bleeding_through ~4 towel|towels|tea_towel|"
            "tea_towels|bandage|bandages|dressing|dressings|pads|pad",
            "losing|lost a lot|loads|lots of blood",
            "heavy|heavily|badly|severe|massive bleeding|bleed|haemorrhage|hemorrhage",
            "bleeding heavily|badly|a_lot|loads|lots|heaps|like_mad|everywhere",
        ),
    ),
    Rule(
        "emergency.blood_up",
        "emergency",
        (
            "cough|coughing|coughed|coughs|hacking|hacked|spitting|spat|brought|bringing ~2 up? "
            "~3 blood|bloody|blood_clots",
            "vomit|vomiting|vomited|vommed|vomming|threw_up|throwing_up|throw_up|sick|puke|puked|"
            "puking|retching ~8 blood|bloody|coffee_grounds|dark_red|bright_red",
            "blood ~3 in|when ~2 vomit|sick|phlegm|sputum|spit|mucus|cough",
            "full of blood",
        ),
    ),
    Rule(
        "emergency.anaphylaxis",
        "emergency",
        (
            *near(
                "hives|welts|rash|swelling|swollen|swelled|sting|stung|wasp|bee|allergic|"
                "allergy|reaction|peanut|nuts|shellfish",
                "wheeze|wheezing|wheezy|wheezed|breathe|breathing|breath|throat|tongue|lips|"
                "faint|dizzy|lightheaded|swallow",
                12,
            ),
        ),
    ),
    # Someone else's overdose, now: the emergency reply (call the number) leads; see
    # scanner.OVERDOSE_OTHER.
    Rule(
        "emergency.overdose_other",
        "emergency",
        (
            # A whole box or bottle of pills, a handful or too many (not "a whole bottle of
            # vodka", "a whole tablet", or "all his tablets" taken as usual).
            "@OTHER|flatmate|housemate|roommate ~3 swallowed|took|taken|has_taken|had|downed|"
            "necked ~2 whole|entire|full box|boxes|packet|packets|bottle|bottles|strip|strips|"
            "tub|pot|blister_pack of ~2 @PILL_NAMES|tablets|pills|meds|medication|painkillers",
            "@OTHER|flatmate|housemate|roommate ~3 swallowed|took|taken|has_taken|had|downed|"
            "necked ~1 too_many|way_too_many|a_handful_of|handfuls_of|loads_of|lots_of|"
            "a_load_of|dozens_of|all_of ~2 @PILL_NAMES|tablets|pills|meds|medication|painkillers",
            "@OTHER|flatmate|housemate|roommate ~3 swallowed|took|taken|has_taken|had|downed|"
            "necked ~1 all ~2 @PILL_NAMES|tablets|pills|meds|medication|painkillers ~2 at_once|"
            "in_one_go|at_the_same_time|together",
            "@OTHER|flatmate|housemate|roommate ~3 has_overdosed|has_just_overdosed|"
            "is_overdosing|has_taken_an_overdose|has_just_taken_an_overdose",
            # Told in the past tense, it needs a sign of now ("an hour ago", "just told me",
            # "drowsy"): a story from a festival or years ago is someone else's past.
            "@OTHER|flatmate|housemate|roommate ~3 overdosed|od|oded|took_an_overdose|"
            "taken_an_overdose ~10 @OVERDOSE_NOW",
            "@OVERDOSE_NOW ~10 @OTHER|flatmate|housemate|roommate ~3 overdosed|od|oded|"
            "took_an_overdose|taken_an_overdose",
        ),
    ),
    Rule(
        "emergency.overdose_taken",
        "emergency",
        (
            "taken|took|had|swallowed|necked|downed ~2 an? overdose|od",
            "i|have|just|already overdosed",
            "taken|took|had|swallowed|necked|downed ~3 double|triple|too_many|too_much|"
            "way_too_many|way_too_much|extra|twice|two_lots|2_lots|3_doses|three_doses|two_doses|2_doses|"
            "the_whole|all_of ~4 @PILLS|tablets|pills|doses|dose|meds|medication|"
            "medicine|painkillers|lot|packet|box|bottle",
            # "a whole packet" is many; "a whole tablet" is one, swallowed unbroken.
            "taken|took|had|swallowed|necked|downed ~3 a_whole ~2 packet|packets|box|boxes|bottle|"
            "bottles|strip|strips|pack|packs|lot|load|blister",
            "double|doubled|triple|tripled ~3 dosed|dose|doses|@PILLS|tablets|pills|meds|"
            "medication|medicine|painkillers",
            "took|taken|had|swallowed ~4 @PILLS|tablets|pills|meds|medication|medicine|dose|doses "
            "~2 twice|again_by_mistake|two_times|three_times|by_mistake",
        ),
        (
            (
                "drowsy|sleepy|awake|woozy|weird|strange|funny|breathing|breath|sick|dizzy|"
                "confused|unconscious|wake|eyes_open|slow|slurring|shallow|out_of_it|by_mistake|"
                "accidentally|accident|mistake|overdose|od|overdosed|overdosing|help|whole|packet|"
                "box|bottle|strip|ago|hour|hours",
            ),
        ),
    ),
    Rule(
        "emergency.cannot_stay_awake",
        "emergency",
        (
            "@UNABLE ~1 stay|keep ~1 awake|conscious|my_eyes_open",
            "@UNABLE ~2 wake ~1 him|her|them|up",
        ),
    ),
    Rule(
        "emergency.abdomen",
        "emergency",
        (
            "@SUDDEN|@SEVERE|agony|worst ~4 stomach|belly|abdomen|abdominal|tummy|gut",
            "stomach|belly|abdomen|tummy ~4 hard_as|rigid|rock_hard|like_a_board|board_hard|"
            "hard_as_a_rock|solid_as",
            "stomach|belly|abdomen|abdominal|tummy|gut ~4 pain|ache|cramp|cramps|hurts ~3 @SUDDEN|"
            "agony|unbearable|excruciating|worst|doubled_up|doubled_over|can_not_move|screaming",
        ),
    ),
    Rule(
        "emergency.head_injury",
        "emergency",
        (
            "banged|bumped|hit|smacked|whacked|cracked|knocked|bashed ~3 head|skull",
            "head injury|head_injury|concussion|concussed",
        ),
        (
            (
                "drowsy|sleepy|sick|vomit|vomiting|vomited|throwing_up|threw_up|confused|"
                "confusion|knocked_out|blacked_out|unconscious|passed_out|blurred|blurry|"
                "double|fit|seizure|bleeding|blood|clear_fluid|can_not_remember|forgot|"
                "headache|dizzy|slurring|slurred",
            ),
        ),
    ),
    # --- "Ask for an urgent GP appointment or get help from NHS 111" -----------------------
    Rule(
        "doctor.palpitations",
        "doctor",
        (
            "palpitations|palpitation|arrhythmia|afib|heart_flutters|heart_fluttering|"
            "fluttery_heartbeat|fluttery_heartbeats|fluttering_heartbeat|missed_beats|"
            "skipped_beats|skipping_beats|irregular_heartbeat|irregular_heart_beat",
            "heart|heartbeat|heart_beat|pulse ~3 skips|skipping|skipped|flutters|fluttering|"
            "flutter|fluttery|flipping|flips|flip_flops|irregular|all_over_the_place|misses|"
            "missing|jumping|stutters|stuttering",
            *near(
                "heart|heartbeat|pulse ~2 racing|races|raced|pounding|pounds|thumping|hammering|"
                "banging|going_like_the_clappers|going_mad",
                "no_reason|on_and_off|out_of_nowhere|keeps|kept|lately|every_day|a_few_times|"
                "at_rest|resting|sitting_still|lying|in_bed|at_night|this_week|again|since|"
                "randomly|for_hours|won_t_settle|will_not_settle|not_settling",
                8,
            ),
        ),
    ),
    Rule(
        "doctor.rectal_bleeding",
        "doctor",
        (
            "blood|bleeding|bloody|bled ~5 toilet_paper|loo_roll|loo_paper|poo|poos|stool|stools|"
            "bum|bottom|back_passage|rectum|wiping|wipe|when_i_wipe|in_the_toilet|in_the_loo|"
            "in_the_pan|bowel|bowels|motions|number_two|toilet|loo",
            "black|tarry|tar ~2 poo|poos|stool|stools",
        ),
    ),
    Rule(
        "doctor.swollen_calf",
        "doctor",
        (
            *near(
                "calf|calves|shin|lower_leg|back_of_my_leg|back_of_the_leg|one_leg|my_leg|leg",
                "swollen|swelling|swelled|puffy|puffed_up|fat|bigger|blown_up",
                5,
            ),
        ),
        (
            (
                "warm|hot|red|redness|tender|sore|painful|pain|aches|aching|throbbing|cramping|"
                "hard|tight|one|only|other_one|left|right",
            ),
        ),
    ),
    Rule(
        "doctor.rash_joints",
        "doctor",
        (*near("rash|rashes|spots|blotches|hives", "@JOINT|joints|knuckles|fingers|wrists", 12),),
        (("swelling|swollen|swelled|swell|swells|puffy|puffed|painful|achy|aching|stiff",),),
    ),
    Rule(
        "doctor.thirst",
        "doctor",
        (
            *near(
                "thirsty|thirst|parched|drinking_loads|drinking_so_much|drinking_gallons|dry_mouth",
                "wee|weeing|pee|peeing|urinating|urinate|toilet|loo|bathroom|the_toilet",
                12,
            ),
            "always|constantly|so|really|very|unquenchable|insatiable|excessive|extreme|"
            "raging thirsty|thirst",
        ),
    ),
    Rule(
        "doctor.side_effects",
        "doctor",
        (
            "side effect|effects",
            "reaction to ~2 @PILLS|tablets|pills|meds|medication|medicine|jab|injection",
            *near(
                "since|after|because_of|ever_since|from|make_me|making_me|made_me|giving_me "
                "~3 new|started|starting|upped|increased|changed|switched|higher|different|these|"
                "the_new ~3 @PILLS|tablets|pills|meds|medication|medicine|dose|prescription|"
                "@PILL_NAMES",
                "dizzy|dizziness|sick|nauseous|nausea|lightheaded|light_headed|rash|shaky|shaking|"
                "palpitations|heart|drowsy|swelling|swollen|itchy|itching|headaches|confused|"
                "vomiting|diarrhoea|diarrhea|blurred|tremor|sweating|faint|sweats|sweaty|"
                "agitated|restless|jittery|twitchy|strange|weird|off",
                10,
            ),
            *near(
                "new|these|the ~1 @PILLS|tablets|pills|meds|medication|medicine",
                "make|making|made|give|giving|gave ~1 me ~3 dizzy|sick|nauseous|lightheaded|"
                "light_headed|rash|shaky|drowsy|itchy|headaches|confused|faint",
                4,
            ),
        ),
    ),
    # "Out of puff on the stairs lately, which is new for me": breathless on effort, building up.
    Rule(
        "doctor.breathless_lately",
        "doctor",
        (
            *near(
                "out_of_puff|puffed_out|breathless|out_of_breath|short_of_breath|winded",
                "lately|recently|these_days|new_for_me|which_is_new|never_used_to|"
                "more_than_before|for_weeks|for_months|than_i_used_to",
                10,
            ),
        ),
    ),
    # New numbness that came on slowly: a GP soon; sudden or one-sided stays an emergency.
    Rule(
        "doctor.new_numbness",
        "doctor",
        (
            "new|recent|newish|started|starting|developed|developing ~3 numbness|numb|tingling|"
            "tingly|pins_and_needles",
        ),
    ),
    Rule(
        "doctor.night_sweats",
        "doctor",
        (
            "drenched|soaked|soaking|dripping|wringing_wet ~3 in|with ~1 sweat",
            "night sweats|sweat|sweating",
            "sweating ~4 every|most|all ~1 night|nights",
            "waking|woke|wake_up|waking_up ~1 up? drenched|soaked|soaking|dripping|sopping",
        ),
    ),
    Rule(
        "doctor.new_lump",
        "doctor",
        (
            *near(
                "lump|lumps|bump|swelling|growth|mass",
                "new|not_there_before|was_not_there|wasnt_there|appeared|noticed|found|growing|"
                "getting_bigger|never_had|hard",
                8,
            ),
        ),
    ),
    Rule(
        "doctor.lump_place",
        "doctor",
        # A lump where glands or breasts are ("lump in my throat" is a feeling, left out).
        (
            "lump|lumps|swelling|growth|knot ~3 on|in|under|behind|near ~1 my|the? neck|breast|"
            "breasts|boob|boobs|armpit|armpits|groin|testicle|testicles|balls|jaw|collarbone|"
            "nipple",
        ),
    ),
    Rule(
        "doctor.mole_change",
        "doctor",
        (
            *near(
                "mole|moles|freckle|birthmark",
                "bigger|darker|changed|changing|growing|grown|bleeding|bleeds|bled|itchy|itching|"
                "itches|crusty|crusting|irregular|raised|spreading|new|oozing",
                8,
            ),
        ),
    ),
    Rule(
        "doctor.bleeding_after_menopause",
        "doctor",
        (
            "period|periods|bleeding|bleed|spotting|blood ~10 past|after|post|since|through|"
            "finished|gone_through|went_through|been_through ~1 the|my? menopause|change",
            "postmenopausal|post_menopausal ~4 bleeding|bleed|spotting|period|periods|blood",
            "period|periods ~3 come|came|started|starting|coming back|again ~12 menopause|"
            "menopausal",
        ),
    ),
    Rule(
        "doctor.dizzy_new",
        "doctor",
        (
            *near(
                "dizzy|dizziness|vertigo|dizzy_spells|lightheaded|light_headed|room_spinning",
                "new_thing|is_new|which_is_new|new_for_me|something_new|new_symptom|"
                "started_recently|recently|recent|getting_worse|worsening|every_day|more_often|"
                "never_used_to",
                12,
            ),
        ),
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
            # Vague frustration ("fed up with it all"): a light check, not the crisis reply.
            "tired|sick|weary|exhausted|done|fed_up ~2 of|with everything|it_all|any_of_it",
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
            # A bare "help" is a request for the bot's help; "help me" alone gets the check.
            "^ help_me $",
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
            # At a high place now, said and nothing more ("I'm standing on the bridge now"):
            # a tourist gets a light question too, which costs little against a silent miss.
            "standing|stood|sitting|sat|i_am|am ~4 bridge|cliff|cliffs|cliff_edge|ledge|roof|"
            "rooftop|railway|tracks|train_tracks|railway_line|level_crossing|viaduct|overpass|"
            "flyover ~2 now|right_now|rn|tonight|alone",
            "on|at the? edge of ~2 the? bridge|cliff|ledge|roof|rooftop|platform|tracks",
            "at|on the? railway|tracks|train_tracks|railway_line|level_crossing ~1 now|"
            "right_now|rn|tonight",
            "sitting|standing|sat|stood|climbed on|onto|at the? ledge|parapet|railing|railings",
            # "no energy to go on" (but "to go on a walk" is a walk).
            "no|not_enough|zero energy|strength|will|reason ~1 to go_on|carry_on|"
            "keep_going|continue !a|an|the|my|walks|walk|holiday|with",
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
    # If given, only these rules (by id) can be softened by this context.
    only: frozenset[str] = frozenset()
    # Rules (by id) this context never softens.
    spares: frozenset[str] = frozenset()
    # For a "sentence" scope: blocked_by words in the next sentence keep the alarm too
    # ("tried years ago. Those thoughts are coming back").
    look_ahead: bool = False

    def applies_to(self, rule_id: str) -> bool:
        """Whether this context may soften the rule."""
        return (not self.only or rule_id in self.only) and rule_id not in self.spares


# An overdose already taken (emergency.overdose_taken) leads with the emergency reply when it
# reads as a mistake or as danger in the body now; said on purpose, or said bare ("I've taken an
# overdose"), the crisis reply leads (it gives the emergency number too).
OVERDOSE_ON_PURPOSE: frozenset[str] = frozenset(
    ["purpose", "deliberately", "intentionally", "hoping", "hope", "meant", "wanted", "want"]
)
OVERDOSE_NOW: frozenset[str] = frozenset(
    ["mistake", "accidentally", "accident", "accidental", "forgot", "drowsy", "sleepy", "woozy",
     "ago", "hour", "hours", "earlier",
     "weird", "strange", "funny", "breathing", "breath", "awake", "unconscious", "dizzy",
     "confused", "sick", "slurring", "shallow"]
)  # fmt: skip


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
_STROKE_SIGNS = frozenset(
    [
        "emergency.speech",
        "emergency.face_droop",
        "emergency.one_sided_weakness",
        "emergency.stroke",
        "emergency.vision",
    ]
)
_BODY: tuple[Tier, ...] = ("emergency", "doctor")

# Crisis words now: a long-past event in the same sentence does not explain them away.
_CRISIS_NOW: frozenset[str] = frozenset(
    [
        *("again", "still", "currently", "lately", "recently", "tonight", "want", "wanna"),
        *("wish", "thinking", "think", "urge", "urges", "tempted", "plan", "planning"),
        *("scared", "afraid", "starting", "started", "back", "keep", "keeps", "every"),
        *("relapse", "relapsed", "miss", "missing", "same"),
    ]
)

# "they" and "everyone" are left out: "the thoughts are back and they're loud", "everyone
# would be better off" are about the person.
_OTHER_WHO = (
    "my|our|his|her|their|a|the|your|this|that @OTHER",
    "he|she|someone|somebody",
)
# A bare "he" or "she" only with a verb: "he crushing chest pain" is not about someone else.
_OTHER = (
    _OTHER_WHO[0],
    # Kin named without "my" at the start of a clause: "grandma had a fall last year".
    "he|she|someone|somebody|mum|mom|mam|dad|grandma|grandad|granddad|grandpa|nan|nana|gran|"
    "granny|hubby|husband|wife|partner|brother|sister|son|daughter|auntie|uncle "
    "had|was|felt|feels|got|gets|said|says|went|goes|suffered|"
    "thinks|thought|keeps|kept|would|did|does|fainted|collapsed|passed|fell|tripped|broke|"
    "hurt|took|used|might|could|told|mentioned|complained|reckons|needs|needed|started|"
    "starts|woke|wakes|lost|died|survived|ended|nearly|almost|once|also|too",
)

# For crisis words, the other person must be doing something: "she said", "my dad tried".
# Someone else's past: "mum had a stroke", "my colleague fainted at work".
_OTHER_PAST = (
    *_OTHER,
    "@OTHER of mine|ours",
    "@OTHER had|has_had|suffered|survived|once_had|died_of|died_from|fainted|collapsed|passed_out",
)

_OTHER_DOING = tuple(
    f"{anchor} ~1 is|was|has|had|said|says|told|tried|tries|attempted|died|killed|wants|wanted|"
    "took|takes|thinks|thought|feels|felt|keeps|kept|committed|talks|talked|posted|texted|wrote|"
    "writes|is_having|lost|passed|overdosed|self_harms|cuts|cut|would|will|could|might|did|does|"
    "admitted|confided|mentioned|threatened|survived|struggles|struggled"
    for anchor in _OTHER_WHO
)

CONTEXTS: tuple[Context, ...] = (
    # Crisis words: only in a sentence with no "I", "me", "myself" at all.
    Context(
        "other_person",
        _OTHER_DOING,
        ("crisis",),
        scope="clause",
        spares=frozenset(["crisis.burden_self"]),
    ),
    # "since the doctor increased my duloxetine I have sweats": the side effects are the person's.
    Context(
        "other_person_doctor",
        _OTHER,
        ("doctor",),
        scope="after",
        spares=frozenset(["doctor.side_effects"]),
    ),
    # Someone else's overdose is an emergency now however it is told; "years ago" or "last
    # year" still softens it (`long_past`).
    Context(
        "other_person_past",
        _OTHER_PAST,
        ("emergency",),
        scope="after",
        blocked_by=IMMEDIATE,
        spares=frozenset(["emergency.overdose_other"]),
    ),
    # "my teenager told me she'd been self harming": someone else's past, not the person's.
    Context(
        "other_person_crisis_past",
        (
            "he|she|they would|had|has|have been",
            "he|she|they used to",
            "@OTHER of mine|ours",
        ),
        ("crisis",),
        scope="after",
        blocked_by=frozenset(["again", "still", "now", "currently", "tonight", "today"]),
    ),
    # Resolved past crisis: "5 years since my suicide attempt and today I feel happy".
    Context(
        "crisis_long_past",
        (
            "years|months|decades|yrs ago",
            "#N years|yrs|decades since",
            "used to",
            "as a child|kid|teenager|teen|student|youngster",
            "when i was ~1 #N",
            "when i was ~1 young|little|a_child|a_kid|younger|a_teenager|at_school|at_uni|"
            "in_school|in_my_teens",
            "long time ago",
            "in|since 1990|1995|2000|2005|2010|2011|2012|2013|2014|2015|2016|2017|2018|2019|2020|"
            "2021|2022|2023",
            "back in ~1 the? day|19|20|school",
        ),
        ("crisis",),
        scope="sentence",
        blocked_by=_CRISIS_NOW,
        look_ahead=True,
    ),
    Context(
        "exertion",
        (
            # Only with the breath back or a plain reason: "out of breath after the hill"
            # alone still fires.
            "breathless|breath|puffed|winded|puffing|panting ~14 got|get|getting|caught|catching "
            "~1 my? breath",
            "breathless|breath|puffed|winded|puffing|panting ~10 nothing_odd|nothing_unusual|"
            "just_unfit|unfit|out_of_shape|out_of_condition|back_to_normal|settled_quickly|"
            "passed_quickly",
        ),
        ("emergency",),
        to="check",
        scope="sentence",
        # Breathless after effort, and got the breath back: not an emergency.
        blocked_by=frozenset(
            [
                "still",
                "worse",
                "resting",
                "rest",
                "lying",
                "sitting",
                "blue",
                "lips",
                "chest",
                "tight",
                "pain",
                "not",
                "can",
                "hours",
                "gasping",
            ]
        ),
        only=frozenset(["emergency.breathing"]),
    ),
    # Breathless on effort, building up over weeks: see a doctor, not an ambulance ("out of
    # breath on the stairs lately, never used to"). At rest, with chest pain or blue lips it
    # stays an emergency.
    Context(
        "exertion_lately",
        (
            "breathless|breath|puffed|puff|winded|puffing|panting ~8 stairs|hill|hills|walking|"
            "climbing|exercise|effort|walk ~8 lately|recently|these_days|for_weeks|for_months|"
            "never_used_to|used_to_be_fine|more_than_before|getting_worse|than_i_used_to|"
            "new_for_me|which_is_new|is_new",
            "lately|recently|these_days|for_weeks|for_months ~8 breathless|out_of_breath|puffed|"
            "out_of_puff|winded ~6 stairs|hill|hills|walking|climbing|exercise|effort",
        ),
        ("emergency",),
        to="doctor",
        scope="sentence",
        look_ahead=True,
        blocked_by=frozenset(
            [
                "resting",
                "rest",
                "lying",
                "sitting",
                "blue",
                "lips",
                "chest",
                "tight",
                "pain",
                "gasping",
                "sudden",
                "suddenly",
                "cough",
                "coughing",
                "blood",
            ]
        ),
        only=frozenset(["emergency.breathing"]),
    ),
    Context(
        "resolved",
        (
            "it went|went_away|eased|eased_off|passed|settled|loosened_up|wore_off|cleared",
            "gone|better|fine|ok|okay|alright|good now",
            "all gone",
            "stretched it out",
            "loosened up",
        ),
        ("doctor",),
        scope="sentence",
        # A usual ache or migraine that went: a light check at most.
        blocked_by=_STILL
        | frozenset(
            [
                "every",
                "nights",
                "weeks",
                "months",
                "keeps",
                "new",
                "different",
                "not",
                "never",
                "lump",
                "fever",
                "weight",
                "numb",
                "tingling",
                "swollen",
                "fell",
                "fall",
                "cancer",
                "worse",
                "again",
                "daily",
                "started",
                "cough",
                "coughing",
                "since",
            ]
        ),
    ),
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
            # A topic's name is a noun ("suicide prevention walk"): "suicidal" or "overdosed" is
            # about someone, never a topic.
            "@TOPIC_WORDS|stroke|heart_attack|first_aid|chest_pain @TOPIC",
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
            "legs|leg|arms|arm|knees ~3 jelly|like_jelly|dead ~4 doing|after|from|on|at|climbing|"
            "walking|during ~4 @EXERCISE_NOUN|@ACTIVITY|stairs|steps|hill|hills|gym|dance|dancing|"
            "class|concert|stadium|session",
            "will|would|going_to|gonna|is_going_to|could be the death of me",
            # Pidgin: "this wahala wan kill me", "NEPA go kill me" (want, go: is going to).
            "wahala|palava|yawa|gbege|stress|work|traffic|light|nepa|heat|sun|hunger|noise|boss|"
            "pikin|children|kids|this|dis|that|these|dem|una ~2 want|go|don kill|finish me",
            # "I'm going to lose my mind before half term": a threat of it, not a change now.
            "going_to|gonna|will|about_to|could|might|would lose my mind|the_plot",
            # "my heart skipped a beat when i saw the bill", "the match gave me palpitations".
            "heart skipped a beat",
            "gave|give|giving|gives me ~1 heart? palpitations|palps",
            # "that quiz show was so bad i wanted to die", "so embarrassing i could have died".
            "so|too|really|that bad|boring|awkward|embarrassing|embarrassed|cringe|cringey|cringy|"
            "mortified|dull|tedious|funny ~3 i ~2 wanted|want|could|could_have|nearly|almost|"
            "thought_i_would ~1 to? die|died|dead",
            # "watching grey's anatomy. someone just had a stroke": on the screen, not in the room.
            "watching|watched|binging|bingeing|streaming ~6 someone|somebody|he|she|a_guy|a_man|"
            "a_woman|the_guy|the_man|the_woman|character|patient ~4 stroke|heart_attack|seizure|"
            "fit|collapsed|fainted|died|overdosed|overdose|cardiac_arrest|arrest",
            "like ~3 hit|run_over|flattened|knocked_down by a? truck|bus|lorry|train|car|"
            "steamroller|ton_of_bricks|tank",
            "@EXERCISE_NOUN|@ACTIVITY|class|workout|session|stairs|hill|gym|physio|instructor|heat|"
            "weather|kids|boss|job|commute|spin|spinning ~1 tried_to|"
            "trying_to|nearly|almost|is_trying_to|is_going_to|will|going_to|does_not|will_not|"
            "would_not|better_not kill|killed|finish|"
            "finished me",
            "fog|foggy|fibro_fog|brain_fog|flare|cotton_wool|mush|mushy|treacle|porridge ~12 "
            "@UNABLE ~1 think || @UNABLE ~1 think ~12 "
            "fog|foggy|fibro_fog|brain_fog|flare|cotton_wool|mush|mushy|treacle|porridge",
            # Fibro fog: "my head is in the cotton today, I cannot find my words".
            "fog|foggy|fibro_fog|brain_fog|cotton|cotton_wool|mush|mushy|treacle|porridge ~12 "
            "@UNABLE ~1 find ~2 words || @UNABLE ~1 find ~2 words ~12 "
            "fog|foggy|fibro_fog|brain_fog|cotton|cotton_wool|mush|mushy|treacle|porridge",
            "blind spot|spots ~3 car|mirror|mirrors|driving",
            "@SADDLE|@LIMB ~4 @WEAK|@TINGLE|asleep ~6 sitting|sat|chairs|chair|hours|waiting_room|"
            "too_long",
            # "numb bum from a three hour film", "two hours on those chairs, bum is numb".
            "@NUMBISH|numb ~2 @SADDLE ~8 sitting|sat|sit|chair|chairs|seat|seats|hours|film|flight|"
            "drive|journey|concert|train|cinema|bench|stool|waiting|too_long",
            "sitting|sat|chair|chairs|seat|seats|hours|flight|drive|journey|cinema|bench|stool|"
            "waiting_room|too_long ~10 @SADDLE ~3 is|was|are|went|gone|goes? @NUMBISH|numb|asleep",
        ),
        _ALL,
    ),
    # A sign said to be absent ("no chest pain, no headache", "I'm not having chest pain",
    # "not suicidal", "no thoughts of harming myself"): a light check, never silence. Only a
    # denial right before the sign counts, and not one followed by "but", "until", "like" or
    # "before" ("no chest pain until this morning", "never had chest pain like this").
    Context(
        "negated",
        (
            "@NEG_LEAD <@NEG_SPAN any? @CHEST ~1 @CHEST_SYMPTOM !@NEG_KEEPS",
            "@NEG_LEAD <@NEG_SPAN any? @PAIN|pressure|tightness|heaviness in|on my|the? chest "
            "!@NEG_KEEPS",
            "@NEG_LEAD <@NEG_SPAN any? @NEGATABLE !@NEG_KEEPS",
            # A list under one denial: "no chest pain or breathlessness", "no headache or chest
            # pain".
            "@NEG_LEAD any? @CHEST ~1 @CHEST_SYMPTOM or|nor|and|and_no|or_any|no @NEGATABLE "
            "!@NEG_KEEPS",
            "@NEG_LEAD any? @NEGATABLE or|nor|and_no|or_any|no @CHEST ~1 @CHEST_SYMPTOM "
            "!@NEG_KEEPS",
            # Asked and answered: "the nurse asked if I had chest pain, I said no".
            "asked|asking|asks|checked|checking ~3 if|whether|about ~4 @CHEST ~1 @CHEST_SYMPTOM ~4 "
            "said|say|says|told_her|told_him|told_them|answered no|nope|not|none",
            "asked|asking|asks|checked|checking ~3 if|whether|about ~4 @NEGATABLE ~4 "
            "said|say|says|told_her|told_him|told_them|answered no|nope|not|none",
            # A checklist: "Chest pain: none. Headache: nil.", "any chest pain? no". The sign
            # opens its line: "crushing chest pain none" describes a pain, it is no checklist.
            "^. any? @CHEST ~1 @CHEST_SYMPTOM ~1 none|nil|nope|nah|negative .",
            "^. any? @NEGATABLE ~1 none|nil|nope|nah|negative .",
            "^. any? @CHEST ~1 @CHEST_SYMPTOM ~1 no $",
            "^. any? @NEGATABLE ~1 no $",
            "not|no_longer|never am? feeling? suicidal !@NEG_KEEPS",
            "@NEG_LEAD <@NEG_SPAN any? suicidal|self_harm|selfharm|dark ~1 thoughts|thought|"
            "feelings|"
            "ideation|urges|ideas|plans !@NEG_KEEPS",
            "@NEG_LEAD <@NEG_SPAN any? thoughts|thought|feelings|urges|ideas|plans|intention "
            "of|about ~1 "
            "suicide|self_harm|harming|hurting|killing|ending|cutting|harm|hurt|kill|end ~1 "
            "myself|my_life|my_own_life|it_all !@NEG_KEEPS",
            "no|not|never self_harm|self_harming|selfharm|selfharming !@NEG_KEEPS",
            "not|never ~1 short|out of breath !@NEG_KEEPS",
        ),
        _ALL,
    ),
    # "legs are jelly" alone is everyday tiredness after effort: a light check. Legs that gave
    # way, went numb or came on suddenly stay an emergency.
    Context(
        "jelly_legs",
        ("legs|leg|knees ~3 jelly|like_jelly|jellied",),
        ("emergency",),
        scope="sentence",
        only=frozenset(["emergency.legs_weak"]),
        blocked_by=frozenset(
            [
                *("sudden", "suddenly", "both", "can", "not", "cannot", "stand", "standing"),
                *("walk", "walking", "give", "gave", "giving", "way", "buckled", "buckling"),
                *("collapsed", "fell", "floor", "numb", "numbness", "bladder", "bowel", "back"),
                *("weak", "weakness", "dead", "paralysed", "paralyzed", "woke", "unable"),
                *("move", "feel", "feeling", "tingling", "groin", "worse", "still"),
            ]
        ),
    ),
    # Someone else already being cared for: "my friend's dad is in hospital after a stroke".
    Context(
        "other_cared_for",
        (
            "@OTHER ~6 in|into|at|out_of|home_from|discharged_from ~1 the? hospital|icu|a_and_e|"
            "intensive_care|rehab|ward|hospice|care_home|hdu",
        ),
        _BODY,
        scope="after",
        blocked_by=frozenset(["now", "right", "just", "suddenly", "can", "cannot", "not"]),
    ),
    # A will written for a plain reason: "sorting my will with a solicitor, we bought a house".
    Context(
        "will_admin",
        (
            "solicitor|solicitors|lawyer|lawyers|notary|mortgage|bought|buying|new_house|wedding|"
            "married|marriage|new_baby|baby|grandchild|grandbaby|retirement|retiring|insurance|"
            "probate|power_of_attorney|adulting|estate_planning|pension|inheritance_tax",
        ),
        ("crisis",),
        scope="sentence",
        only=frozenset(["crisis.preparations"]),
        blocked_by=_CRISIS_NOW | frozenset(["goodbye", "gone", "pills", "die", "dead", "end"]),
    ),
    # Despair that has already lifted: "felt hopeless this morning but a bath helped".
    Context(
        "lifted",
        (
            "helped|helps ~1 a_lot|loads|a_bit|heaps|massively|so_much|me|lots|a_little",
            "feel|feeling|felt|am better|brighter|lighter|calmer|more_human|more_like_myself",
            "cheered|perked|picked me up",
            "passed|lifted|eased|shifted|went_away",
        ),
        ("crisis",),
        scope="sentence",
        only=frozenset(["crisis.hopeless"]),
        blocked_by=frozenset(["still", "again", "worse", "tonight", "want", "die", "end"]),
    ),
    # A usual ache with a plain cause or "same as always": a light check at most.
    Context(
        "as_usual",
        (
            "same|usual as always|usual|ever|normal|before",
            "as usual|always|expected|normal",
            "nothing new|unusual|different|out_of_the_ordinary",
            "i? expected that|it|this",
            "think|probably|must_be|guess|blame|because_of|thanks_to ~2 it_is|its? the? "
            "cold|weather|rain|damp|humidity|gardening|hoovering|housework|shopping|overdoing|"
            "overdid|did_too_much|stairs|walk|storm|frost|heat|period",
            "the? rain|weather|cold|damp|humidity|storm|frost|winter|heatwave|pressure_change ~2 "
            "makes|made|make|gives|brings|always_makes",
        ),
        ("doctor",),
        scope="sentence",
        look_ahead=True,
        blocked_by=frozenset(
            [
                "new",
                "different",
                "never",
                "fever",
                "temperature",
                "weight",
                "lump",
                "numb",
                "numbness",
                "tingling",
                "swollen",
                "hot",
                "red",
                "fell",
                "fall",
                "cancer",
                "night",
                "weeks",
                "months",
                "worse",
                "worsening",
                "spreading",
                "constant",
                "wakes",
                "woke",
                "eat",
                "eating",
                "dropped",
                "lost",
                "losing",
                "sizes",
            ]
        ),
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
            "laughed|laughing|laugh|giggled|giggling ~6 thought ~2 die|died|dying",
            # Right beside: "I want to die. Laughing at me, all of them." is no joke.
            "die|died|dying laughing|of_laughter|laughin|from_laughing|with_laughter",
            "take|took|takes|taking my breath away",
            "breathtaking|breath_taking",
            "breathless|winded|wheezing|wheezy|out_of_breath|gasping|puffed|puffing ~3 from|with|"
            "because|cause|cos|after|of|at ~2 laughing|laughter|laugh|giggling|giggles|"
            "crying_laughing|cackling",
            "dead tired|beat|on_my_feet",
            # "my chest hurts from laughing": the laugh explains it.
            "@CHEST ~2 @CHEST_SYMPTOM ~3 from|with|because|cause|cos|after|of ~2 laughing|"
            "laughter|laugh|giggling|giggles|crying_laughing",
            # "I can't breathe lol", "lmao can't breathe": laughing, not choking.
            "@UNABLE ~2 @BREATH ~1 @LAUGHS",
            "@LAUGHS ~1 i? @UNABLE ~2 @BREATH",
        ),
        _ALL,
    ),
    Context(
        "slept_on_it",
        (
            "@LIMB|it|them ~4 @WEAK|@TINGLE|asleep ~5 from|after|because|cause|cos ~2 sleeping|"
            "slept|lying|laying|lay|sitting|sat|leaning|leant|kneeling|knelt|crossing|crossed",
            # "chest feels like someone is sitting on it" is a simile, not the person's posture.
            "<someone_is|somebody_is|something_is|elephant_is|someone_was|somebody_was|"
            "something_was|elephant_was|someone|somebody|something|elephant|like "
            "slept|sleeping|lying|laying|lay|sat|sitting|leaning|leant|knelt|kneeling on ~2 "
            "@LIMB|it|them ~6 @WEAK|@TINGLE|asleep",
            "@LIMB fell asleep",
        ),
        _BODY,
    ),
    Context(
        "long_past",
        (
            "years|months|decades|yrs|winters|summers|springs|autumns|christmases ago",
            "a|one|1|over_a|about_a|more_than_a year ago",
            "fully|completely|long|all ~1 healed|healed_up|mended",
            "past|old|previous injuries|injury|fractures",
            "in|since 1990|1995|2000|2005|2010|2011|2012|2013|2014|2015|2016|2017|2018|2019|2020|"
            "2021|2022|2023",
            "last winter|summer|spring|autumn|christmas",
            "long gone",
            "a few|couple years|months",
            "as a child|kid|teenager|teen|baby|student|youngster",
            "when i was ~1 #N",
            "when i was ~1 in_my_teens|in_my_twenties|at_uni|at_college|in_school",
            "at the age of #N",
            "aged|age #N",
            "#N years|yrs|decades since",
            "long time ago",
            "when i was ~1 young|little|small|a_child|a_kid|younger|pregnant|a_teenager|at_school",
            "when he|she|they was|were ~1 young|little|small|a_child|a_kid|younger|a_teenager|"
            "at_school|at_uni|in_her_teens|in_his_teens|in_their_teens",
            "back in ~1 the? day|19|20|school",
            "last year",
            "turned out ~2 to_be|it_was|nothing|fine",
            "all clear",
            "was diagnosed|nothing ~2 serious|wrong",
            "doctor|doctors|gp|hospital|a_and_e|er|cardiologist|tests ~3 said|says|checked|"
            "cleared|ruled_out|found_nothing ~3 fine|nothing|ok|okay|normal|clear|anxiety|"
            "indigestion|muscular|costochondritis|fibro",
            "in ~1 remission",
            # "recovered" said of the person or the past, not glued to a present sign.
            "i|have|had|has|he|she|they|fully|completely|long|since|now recovered",
            "recovered fully|completely|now|since|well|ages_ago",
            "used to have|get|suffer|suffer_from",
            "none|not_one|not_had_one|not_had_any|no_more ~2 in|for ~1 two|three|four|five|"
            "a_few|several|many years|months",
            "none|not_one|not_had_one|not_had_any|no_more ~2 in|for #N years|months",
        ),
        _BODY,
        scope="sentence",
        # Cancer history is a red flag however long ago ("back pain, had cancer years ago").
        blocked_by=PRESENT | frozenset(w for w in CLASSES["CANCER"] if " " not in w),
        # ...even when the cancer is named in another clause ("..., the cancer is in remission").
        spares=frozenset(["doctor.back_pain_cancer"]),
    ),
    # Long past and fine now, said plainly: "I was one year ago in hospital for chest pain,
    # now is good" ("now" alone keeps `long_past` from softening: "...and now it is back").
    Context(
        "past_and_fine_now",
        (
            "year|years|yrs|months|decades ago|back ~12 now is|it_is|i_am|all|everything good|"
            "fine|ok|okay|well|better|alright|normal",
        ),
        _BODY,
        scope="sentence",
        blocked_by=_STILL
        | frozenset(["today", "tonight", "started", "since", "but", "new", "different", "hours"])
        | frozenset(w for w in CLASSES["CANCER"] if " " not in w),
        look_ahead=True,
        # Cancer history is a red flag however long ago, wherever it is said.
        spares=frozenset(["doctor.back_pain_cancer"]),
    ),
    Context(
        "settled_now",
        ("fine|ok|okay|better|gone|settled|passed|normal|alright|good now", "went away"),
        ("emergency",),
        to="doctor",
        scope="sentence",
        blocked_by=_STILL,
        # Stroke signs that passed in minutes may be a TIA: still an emergency.
        spares=_STROKE_SIGNS,
    ),
    Context(
        "lasting",
        (
            "@DURATION",
            "#N weeks|months|wks ~1 ago|now",
            "since ~1 christmas|new_year|last_week|last_month|the_start_of|the_summer|january|"
            "february|march|april|may|june|july|august|september|october|november|december|"
            "i_first_noticed|i_noticed",
            "has_not|have_not|not|never ~1 gone_away|going_away|shifted|shifting|cleared|"
            "cleared_up",
            "for ~1 a|the? few|couple|several|last|past ~1 weeks|months",
            # A slow change, not a sudden one: "getting worse gradually", "confused lately".
            "gradually|gradual|slowly|progressively|bit_by_bit|over_time|lately|these_days|"
            "more_than_i_used_to|than_i_used_to|over_the_last|over_the_past|for_a_while|"
            "for_some_time|for_ages",
            "all the time now",
            "used to come and go",
            "every day now",
            "lasted|lasting|has_lasted|gone_on|going_on ~2 weeks|months|a_week|a_month|a_fortnight",
        ),
        ("emergency",),
        to="doctor",
        scope="sentence",
        # Numbness, weakness, vision or balance that has lasted weeks: see a doctor soon.
        blocked_by=frozenset(
            [
                "suddenly",
                "sudden",
                "worst",
                "minutes",
                "hour",
                "hours",
                "today",
                "tonight",
                "collapsed",
                "fainted",
                "morning",
                "yesterday",
                "woke",
                "waking",
                "woken",
                "earlier",
                "lunch",
                "breakfast",
            ]
        ),
        only=frozenset(
            [
                "emergency.one_sided_weakness",
                "emergency.legs_weak",
                "emergency.vision",
                "emergency.balance",
                "emergency.confusion",
                "emergency.saddle_numbness",
                # Pins and needles creeping up an arm over a fortnight: see a doctor soon.
                "emergency.pain_spreading",
            ]
        ),
    ),
    # Fever and a sore neck but "no headache" or "can still touch my chin to my chest": see a
    # doctor soon, not meningitis now.
    Context(
        "neck_moves",
        (
            "no|not_a|without|without_a|never_had_a headache|headaches",
            "can|could still? touch|put|get|bring|tuck|move|bend|turn ~3 chin|neck|head|it",
            "still? moving|move|turning|turn it|my_neck|my_head ~1 fine|ok|okay|normally|alright",
        ),
        ("emergency",),
        to="doctor",
        only=frozenset(["emergency.fever_stiff_neck", "emergency.headache_fever_neck"]),
        scope="sentence",
        blocked_by=frozenset(
            ["light", "rash", "confused", "drowsy", "vomiting", "purple", "spots", "worst", "not"]
        ),
    ),
    # A fall with ordinary soreness while walking fine: see a doctor soon, not an emergency.
    Context(
        "walking_ok",
        (
            "can|could still? walk|stand|move|bear_weight|weight_bear",
            "walking|walked|walk|moving|standing|got_home|got_up ~1 ok|okay|fine|alright|normally",
            "everything works|moves",
            "walked home|back",
        ),
        ("emergency",),
        to="doctor",
        only=frozenset(["emergency.fall_severe"]),
        scope="sentence",
        look_ahead=True,
        blocked_by=frozenset(
            [
                "agony",
                "excruciating",
                "unbearable",
                "screaming",
                "worst",
                "crack",
                "snap",
                "bent",
                "deformed",
                "bone",
                "broken",
                "head",
                "blood",
                "bleeding",
                "barely",
                "hardly",
                "unable",
                "not",
                "floor",
            ]
        ),
    ),
    Context(
        "gradual",
        (
            "this|last|past|over_the_last|over_the_past|the_last|the_past month|months|weeks|"
            "fortnight|few_weeks|couple_of_weeks",
            "@DURATION",
            "started|start|been|keep|keeps ~1 getting ~3 @HEADACHE",
        ),
        ("emergency",),
        to="doctor",
        scope="sentence",
        # A headache pattern that began "out of the blue" weeks ago is not a thunderclap.
        blocked_by=frozenset(
            [
                "worst",
                "thunderclap",
                "exploding",
                "explosive",
                "seconds",
                "instantly",
                "bang",
                "ever",
                "life",
                "today",
                "tonight",
                "hour",
                "minutes",
                "now",
                "fever",
                "stiff",
            ]
        ),
        only=frozenset(["emergency.severe_headache"]),
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
    sternum, whiplash, concussion, seizure, seizures, dying, lost, weak, living, alive, pills,
    tablets,
    wrists, excruciating, unbearable, constant, constantly, consciousness, eyesight, sciatica,
    groin, genitals, suffocating, clammy, heaviness, worsening, deteriorating,
    forgetful, memory, hopelessness, paralysis, numbed, tingly, stroke, tingling, swollen,
    deformed, dislocated, fractured, stockpiling, deliberately, intentionally, cutting, harmed,
    harming, reason, better, hurting, message, saving, temperature, double, stiff, wrist,
    neighbour, knuckle, knuckles, shoulder, explain, normally, checking,
    goodbye, goodbyes, unexplained, spreading, persistent, breathing, future, affairs,
    different, needles, curtain, floor, frequent, friend, colleague"""
)

# Short key words also recognised with two neighbouring letters swapped ("pian", "nubm").
SWAP_WORDS: tuple[str, ...] = _p(
    """pain, pains, hurt, hurts, sore, numb, weak, dead, kill, legs, arms, head, back, neck, chest,
    ache, aches, die, dying, life, want, being, point, weight, neighbour, neighbor, hoping,
    thank, high, control, choking, lost, bend"""
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
