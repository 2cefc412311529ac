"""Dependency floors stay above the releases with known advisories, and what is installed
satisfies what pyproject.toml asks for (a floor raised on paper but not in the environment
would protect nothing)."""

from __future__ import annotations

import tomllib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"
# The first release that fixes the newest advisory known for each package we depend on.
FIXED_IN = {
    "aiohttp": "3.12.14",  # request smuggling in the HTTP parser (also 3.10.11)
    "jinja2": "3.1.6",  # sandbox escape through |attr
    "pillow": "10.3.0",  # buffer overflow in _imagingcms (also 10.2.0, arbitrary code in ImageMath)
    "setuptools": "78.1.1",  # path traversal in PackageIndex (build only)
}


def requirements(*, build: bool = True) -> list[Requirement]:
    """What the package needs to run (and, with `build`, to be built)."""
    data = tomllib.loads(PYPROJECT.read_text())
    listed = data["project"]["dependencies"] + (data["build-system"]["requires"] if build else [])
    return [Requirement(line) for line in listed]


def floor(requirement: Requirement) -> Version | None:
    """The lowest version the requirement admits (its >= bound), if it has one."""
    bounds = [Version(s.version) for s in requirement.specifier if s.operator in (">=", "==")]
    return max(bounds) if bounds else None


@pytest.mark.parametrize(("name", "fixed"), sorted(FIXED_IN.items()))
def test_each_floor_is_past_its_known_advisories(name: str, fixed: str) -> None:
    [requirement] = [r for r in requirements() if r.name.lower() == name]
    lowest = floor(requirement)
    assert lowest is not None and lowest >= Version(fixed), str(requirement)


# The build's own requirements live in pip's isolated build environment, not in this one.
@pytest.mark.parametrize("requirement", requirements(build=False), ids=str)
def test_what_is_installed_satisfies_the_floors(requirement: Requirement) -> None:
    try:
        installed = version(requirement.name)
    except PackageNotFoundError:
        pytest.fail(f"{requirement.name} is not installed")
    assert requirement.specifier.contains(installed, prereleases=True), (requirement, installed)
