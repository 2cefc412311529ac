"""The content library: loads, validates, and every template renders."""

from pathlib import Path

import pytest

from bot.domain.rules.selection import daily_tip
from bot.usecases.planning import catalogue
from bot.views.content import SAMPLE, ContentError, load_content

LIB = load_content()


def test_library_loads_in_english() -> None:
    assert {loc for loc, _ in LIB.items} == {"en"}


@pytest.mark.parametrize("key", sorted({k for _, k in LIB.items}))
def test_every_template_renders_with_sample_data(key: str) -> None:
    text = LIB.render(key, "en", **SAMPLE) if LIB.has(key, "en") else ""
    assert text.strip() or not LIB.has(key, "en")
    assert len(text) <= 4096


def test_locale_falls_back_to_english() -> None:
    assert LIB.item("checkin.ask.pain", "en-GB").locale == "en"
    assert LIB.item("safety.crisis", "en-GB").locale == "en"


def write(tmp_path: Path, front: str, body: str = "Hello") -> Path:
    folder = tmp_path / "en" / "x"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "m.j2"
    path.write_text(f"---\n{front}\n---\n{body}\n")
    return path


@pytest.mark.parametrize(
    ("front", "body", "problem"),
    [
        ("key: a\nkind: interface\ncategory: interface\ncolour: red", "Hi", "unknown field colour"),
        ("key: a\nkind: interface\ncategory: gossip", "Hi", "unknown category gossip"),
        ("key: a\nkind: memo\ncategory: interface", "Hi", "unknown kind memo"),
        (
            "key: a\nkind: interface\ncategory: interface",
            "Hi {{ nickname }}",
            "unknown variable nickname",
        ),
        (
            "key: a\nkind: interface\ncategory: interface",
            "Hi {{ name.first.x }}",
            "does not render",
        ),
        ("key: a\nkind: interface\ncategory: interface", "Hi {% if %}", "does not parse"),
        ("key: a\nkind: tip\ncategory: pacing", "Hi", "source is required"),
        ("key: a\nkind: safety\ncategory: safety\nsource: brief", "Hi", "must be locked"),
        (
            "key: a\nkind: tip\ncategory: pacing\nsource: s\ntags: [zumba]",
            "Hi",
            "unknown tags zumba",
        ),
        (
            "key: a\nkind: tip\ncategory: pacing\nsource: s\nday_types: [meh]",
            "Hi",
            "unknown day_types",
        ),
        ("key: a\nkind: interface\ncategory: interface", "Tea & toast", "instead of '&'"),
        ("key: a\nkind: interface\ncategory: interface", "<h1>Hi</h1>", "tag <h1>"),
        ("key: a\nkind: interface\ncategory: interface", "<b>Hi", "never closed"),
        ("kind: interface\ncategory: interface", "Hi", "key is required"),
    ],
)
def test_broken_content_stops_the_start_naming_the_file(
    tmp_path: Path, front: str, body: str, problem: str
) -> None:
    path = write(tmp_path, front, body)
    with pytest.raises(ContentError) as raised:
        load_content(tmp_path)
    message = str(raised.value)
    assert str(path) in message
    assert problem in message
    assert "\n" not in message


def test_duplicate_keys_are_refused(tmp_path: Path) -> None:
    write(tmp_path, "key: a\nkind: interface\ncategory: interface")
    other = tmp_path / "en" / "y.j2"
    other.write_text("---\nkey: a\nkind: interface\ncategory: interface\n---\nHi\n")
    with pytest.raises(ContentError, match="already used"):
        load_content(tmp_path)


def test_variables_are_escaped() -> None:
    assert "&lt;script&gt;" in LIB.render("unknown.command", "en", command="<script>")


def test_variants_are_found_through_the_locale_fallback() -> None:
    import random

    key = LIB.pick("weekly.reflection", random.Random(1), "en-US")
    assert key.startswith("weekly.reflection.") and LIB.has(key, "en-US")


# Issue 10, point 4: content that fits the moment.
MY_FOLDERS = ("movement", "toolkit", "pacing", "encouragement", "education", "headache_neck",
              "sleep_stress", "social", "professional", "reason")  # fmt: skip


@pytest.mark.parametrize("activity", ["walking", "bike", "yoga", "water", "stretching", "taichi"])
@pytest.mark.parametrize("level", ["very_gentle", "gentle", "building"])
def test_at_least_three_descriptions_per_activity_and_level(activity: str, level: str) -> None:
    found = LIB.select("movement", tags=(activity, level))
    assert len(found) >= 3, [i.key for i in found]
    assert len({i.template.render(**SAMPLE) for i in found}) == len(found)


def test_every_library_text_has_category_day_types_tags_and_a_source() -> None:
    for (_, key), item in LIB.items.items():
        if item.path.parent.name in MY_FOLDERS:
            assert item.category and item.day_types and item.source, key
            assert item.tags or item.kind in ("reason", "encouragement", "education"), key


def test_flare_day_options_have_short_titles_for_their_buttons() -> None:
    for item in LIB.select("tip", day_type="flare"):
        if "see_doctor" not in item.tags and item.category != "professional":
            assert 0 < len(item.title) <= 32, item.key


def test_times_of_day_default_to_all_and_are_checked(tmp_path: Path) -> None:
    assert LIB.item("tip.sleep.move_earlier").times == frozenset({"morning"})
    assert LIB.item("tip.flare.heat").times == frozenset({"morning", "afternoon", "evening",
                                                          "late"})  # fmt: skip
    write(tmp_path, "key: a\nkind: tip\ncategory: pacing\nsource: seed 000\ntimes: [noon]")
    with pytest.raises(ContentError, match="unknown times noon"):
        load_content(tmp_path)


def test_every_tip_a_flare_day_may_offer_has_a_button_title() -> None:
    """Flare-day options are buttons labelled with the tip's title (planning.option_label):
    every tip a flare day may offer (fit_content: a flare-day tip that may be a daily tip)
    has one."""
    offered = [
        item for item in catalogue(LIB)
        if item.kind == "tip" and "flare" in item.day_types and daily_tip(item)
    ]  # fmt: skip
    assert offered
    assert [i.key for i in offered if not LIB.item(i.key).title.strip()] == []
