"""Load the YAML data files shipped in `parkdigest/data/` (once per process)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from parkdigest.text import BOX_MARKERS, NEWSPAPER_SUFFIX, OUTLET_SUFFIX, POINTERS

# Names a data file may use for a definition text.py holds, so that each is written once:
# {newspaper} and {outlet} are regular expressions of how a paper's or any outlet's name ends,
# {box_markers} the characters of the box markers and arrows.
PLACEHOLDERS = {"{newspaper}": NEWSPAPER_SUFFIX, "{outlet}": OUTLET_SUFFIX, "{box_markers}": BOX_MARKERS + POINTERS}


@dataclass(frozen=True)
class Rule:
    name: str
    why: str
    pattern: re.Pattern


def load_yaml(name: str) -> Any:
    text = resources.files("parkdigest.data").joinpath(name).read_text(encoding="utf-8")
    for placeholder, value in PLACEHOLDERS.items():
        text = text.replace(placeholder, value)
    return yaml.safe_load(text)


@cache
def furniture_rules() -> tuple[tuple[Rule, ...], tuple[Rule, ...]]:
    """(line rules, group rules) from furniture.yaml."""
    data = load_yaml("furniture.yaml")

    def rules(key: str) -> tuple[Rule, ...]:
        return tuple(Rule(r["name"], r.get("why", ""), re.compile(r["pattern"])) for r in data.get(key, []))

    return rules("line"), rules("group")


@cache
def layout_words() -> dict:
    return load_yaml("layout.yaml")


@cache
def language_words() -> dict:
    """Word lists of Chinese (language.yaml): stopwords, role words, park suffixes …"""
    return load_yaml("language.yaml")
