"""Score the readers on a blind set, the way the bot routes a message.

    python -m tests.unit.blind.report DIR [--misses]

DIR holds everyday.tsv (label<TAB>text), crisis.txt, emergency.txt, doctor.txt, benign.txt and
answers.tsv (question<TAB>expected<TAB>text); '#' lines are comments, a missing file is skipped.

Every message is routed as a private message with no dialogue open: the red-flag scan first (a
full alarm answers it; a light check or the triage question is sent and the message is still
read), then the intent reader. Typed answers go to the parser of their question. Only the
readers' public functions are used here, so the figures say what a person would get, whatever
the rules inside look like.
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bot import modeldata
from bot.domain import checkin
from bot.domain.intents import Reading, read
from bot.domain.parsing import parse_minutes
from bot.domain.safety import scan

FULL_ALARMS = frozenset(("crisis", "emergency", "doctor"))
# The triage question ("Is this new, severe, or getting worse?") leads to a tier's reply.
TRIAGE = "triage"
# Ratings said in words: which band each expected word means.
BANDS = {"low": range(0, 4), "mid": range(4, 7), "high": range(7, 11)}
# The smallest plan on offer at the bad-day minutes question ("not much").
SMALLEST_MINUTES = 1


def lines(path: Path) -> list[str]:
    """The non-comment, non-blank lines of a file (none if it is missing)."""
    if not path.exists():
        return []
    found = (line.rstrip("\n") for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in found if line.strip() and not line.startswith("#")]


def tier_of(text: str) -> str:
    """What the safety screen gives a message: a tier, "triage", "check" or "none"."""
    flag = scan(text)
    return flag.tier if flag is not None else "none"


def offered(reading: Reading) -> tuple[str, ...]:
    """The intents a reading acts on or offers (a clarification offers several)."""
    options = getattr(reading, "options", ())
    return (reading.intent, *options)


def reads_as(reading: Reading, label: str) -> bool:
    """Whether a reading is right for a label ("symptom:neck" needs the symptom too)."""
    intent, _, detail = label.partition(":")
    if reading.intent == "symptom" and intent == "symptom" and detail:
        return reading.detail == detail
    return intent in offered(reading)


@dataclass
class Tally:
    """Counts for one set, and what missed."""

    count: int = 0
    hits: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    misses: list[str] = field(default_factory=list)

    def pct(self, key: str) -> str:
        """A count as 'n/N = p%'."""
        n = self.hits[key]
        share = 100.0 * n / self.count if self.count else 0.0
        return f"{n}/{self.count} = {share:.1f}%"


def safety_set(texts: Iterable[str], kind: str) -> Tally:
    """Tiers for one of the safety sets, counted the way the targets are written."""
    tally = Tally()
    for text in texts:
        tier = tier_of(text)
        tally.count += 1
        tally.hits[tier] += 1
        full = tier in FULL_ALARMS
        if kind == "crisis":
            ok = tier == "crisis"
            tally.hits["crisis_or_check"] += tier in ("crisis", "check")
        elif kind == "emergency":
            ok = tier in ("emergency", "doctor", TRIAGE)
            tally.hits["routed"] += ok
        elif kind == "doctor":
            ok = full or tier == TRIAGE
            tally.hits["routed"] += ok
        else:  # benign
            ok = not full
            tally.hits["full"] += full
        if not ok or (kind in ("emergency", "doctor") and tier != kind):
            tally.misses.append(f"[{tier}] {text}")
    return tally


@dataclass
class Everyday:
    """The everyday set: alarms, checks and right readings, overall and per label."""

    total: Tally = field(default_factory=Tally)
    per_label: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))


def everyday_set(rows: Iterable[tuple[str, str]]) -> Everyday:
    """Route each everyday message: scan, then (unless fully answered) the intent reader."""
    result = Everyday()
    tally = result.total
    for label, text in rows:
        tally.count += 1
        tier = tier_of(text)
        counts = result.per_label[label.split(":")[0]]
        counts[1] += 1
        tally.hits[tier] += 1
        if tier in FULL_ALARMS:
            tally.hits["full"] += 1
            tally.misses.append(f"{label:<18} [{tier}] {text}")
            continue
        reading = read(text)
        if reads_as(reading, label):
            tally.hits["right"] += 1
            counts[0] += 1
        else:
            got = reading.intent + (f":{reading.detail}" if reading.detail else "")
            options = getattr(reading, "options", ())
            if options:
                got += f" {list(options)}"
            tally.misses.append(f"{label:<18} got {got:<22} {text}")
    return result


def answer_right(question: str, expected: str, text: str) -> tuple[bool, str]:
    """Whether the parser of a question reads a typed answer as expected, and what it read."""
    if question == "minutes":
        got = parse_minutes(text, smallest=SMALLEST_MINUTES)
        low, _, high = expected.partition("-")
        ok = got is not None and int(low) <= got <= int(high or low)
        return ok, str(got)
    parsed = checkin.parse(question, text)  # type: ignore[arg-type]
    value = parsed.value
    if expected in BANDS:
        return isinstance(value, int) and value in BANDS[expected], str(value)
    if expected.isdigit():
        return value == int(expected), str(value)
    return value == expected, str(value)


def answers_set(rows: Iterable[tuple[str, str, str]]) -> Tally:
    """Typed answers, each through the parser of its question."""
    tally = Tally()
    for question, expected, text in rows:
        tally.count += 1
        ok, got = answer_right(question, expected, text)
        tally.hits["right"] += ok
        tally.hits[f"{question}.total"] += 1
        tally.hits[f"{question}.right"] += ok
        if not ok:
            tally.misses.append(f"{question:<9} want {expected:<6} got {got:<6} {text}")
    return tally


def report(folder: Path, show_misses: bool) -> str:
    """The figures the targets use, as text."""
    out: list[str] = [f"blind set: {folder.name}"]
    sets: list[tuple[str, Tally]] = []
    for kind in ("crisis", "emergency", "doctor", "benign"):
        texts = lines(folder / f"{kind}.txt")
        if not texts:
            continue
        t = safety_set(texts, kind)
        sets.append((kind, t))
        if kind == "crisis":
            out.append(
                f"crisis     crisis reply {t.pct('crisis')}   "
                f"crisis or light check {t.pct('crisis_or_check')}"
            )
        elif kind == "emergency":
            out.append(
                f"emergency  emergency/doctor/triage {t.pct('routed')}   "
                f"emergency reply {t.pct('emergency')}   nothing {t.pct('none')}"
            )
        elif kind == "doctor":
            out.append(
                f"doctor     some tier or triage {t.pct('routed')}   "
                f"doctor reply {t.pct('doctor')}   nothing {t.pct('none')}"
            )
        else:
            out.append(
                f"benign     full alarm {t.pct('full')}   light check {t.pct('check')}   "
                f"triage {t.pct(TRIAGE)}"
            )
    rows = [tuple(line.split("\t", 1)) for line in lines(folder / "everyday.tsv")]
    if rows:
        every = everyday_set((r[0], r[1]) for r in rows if len(r) == 2)
        t = every.total
        out.append(
            f"everyday   full alarm {t.pct('full')}   crisis {t.pct('crisis')}   "
            f"light check {t.pct('check')}   triage {t.pct(TRIAGE)}"
        )
        out.append(f"everyday   read right {t.pct('right')}")
        per = "  ".join(f"{k} {v[0]}/{v[1]}" for k, v in sorted(every.per_label.items()))
        out.append(f"  per label: {per}")
        sets.append(("everyday", t))
    answers = [tuple(line.split("\t", 2)) for line in lines(folder / "answers.tsv")]
    if answers:
        t = answers_set((a[0], a[1], a[2]) for a in answers if len(a) == 3)
        out.append(f"answers    read right {t.pct('right')}")
        questions = sorted({k.split(".")[0] for k in t.hits if "." in k})
        per = "  ".join(f"{q} {t.hits[f'{q}.right']}/{t.hits[f'{q}.total']}" for q in questions)
        out.append(f"  per question: {per}")
        sets.append(("answers", t))
    if show_misses:
        for kind, t in sets:
            if t.misses:
                out.append(f"\n# {kind}: {len(t.misses)}")
                out += [f"  {m}" for m in t.misses]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> None:
    """Print the figures (and, if asked, every message that missed)."""
    parser = argparse.ArgumentParser(prog="python -m tests.unit.blind.report")
    parser.add_argument("folder", type=Path, help="a folder holding a blind set")
    parser.add_argument("--misses", action="store_true", help="list what missed")
    args = parser.parse_args(argv)
    modeldata.load()
    print(report(args.folder, args.misses))


if __name__ == "__main__":
    main()
