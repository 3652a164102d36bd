"""Load the YAML data files shipped in `parkdigest/data/` (once per process)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

import yaml

from parkdigest.text import (
    BOX_MARKERS,
    NEWSPAPER_SUFFIX,
    NUMBERED_PAGE,
    OUTLET_SUFFIX,
    PAGE_UNIT,
    PICTURE_AGENCY,
    POINTERS,
)

# Names a data file may use for a definition text.py holds, so that each is written once:
# {newspaper} and {outlet} are regular expressions of how a paper's or any outlet's name ends,
# {box_markers} the characters of the box markers and arrows, {page_unit} the unit pages are numbered in,
# {numbered_page} a page number as a folio prints it (第8版, 第11页), {agencies} any picture agency.
PLACEHOLDERS = {"{newspaper}": NEWSPAPER_SUFFIX, "{outlet}": OUTLET_SUFFIX, "{box_markers}": BOX_MARKERS + POINTERS,
                "{page_unit}": PAGE_UNIT, "{numbered_page}": NUMBERED_PAGE, "{agencies}": PICTURE_AGENCY}


class Says(StrEnum):
    """What a furniture rule's lines say besides being furniture: the closed vocabulary of the
    `says:` flags in furniture.yaml. Later stages ask a line's flags, never its rule's name, so
    renaming a rule cannot silently change what is read from its lines."""

    PUBLICATION = "publication"  # the publication's name, perhaps with its page number (中国高新技术产业导报5, 火炬动态)
    NEWSPAPER_NAME = "newspaper-name"  # the shape of any newspaper's name (…日报): a folio line's name is found by it
    PUBLICATION_BEFORE_DATE = "publication-before-date"  # may print the publication's name just before the date
    PAGE_NUMBER = "page-number"  # the page number as a folio or a section prints it (第6版, 要闻2)
    PAGE_NUMBER_ALONE = "page-number-alone"  # nothing but the page number (8, — 8 —, A3版)
    ISSUE = "issue"  # a periodical's year and issue number (2022年第12期)
    PAGE_NAME = "page-name"  # the page's own name at the end of its masthead (INNOVATION 创新园区)
    FOLIO_ANCHOR = "folio-anchor"  # stands in the folio block: a short line beside it belongs to the block
    PICTURE_CREDIT = "picture-credit"  # who made a picture, or where the page's pictures come from
    PAGE_PICTURES_NOTE = "page-pictures-note"  # a note on the page's pictures as a whole (本版图片…): credits no one picture
    PRODUCTION_CREDIT = "production-credit"  # the page's production credits (editors, designers, proofreaders)
    CONTACT = "contact"  # the paper's contact details (地址, 邮编, 电话, 邮箱)


class StructuralRule(StrEnum):
    """The furniture rules the converter finds by a line's structure or place rather than by a
    pattern: named here once; furniture.yaml `structural:` gives each its label and flags, and
    loading fails when the two lists differ."""

    FOLIO = "folio"  # a date, weekday or page number with at most a name and a section (furniture.is_folio)
    ROLE_CREDITS = "role-credits"  # production credits read by the credit grammar (furniture.is_role_credits)
    FOLIO_BLOCK = "folio-block"  # a short line of the folio block, by its place (furniture.mark_folio_block)
    MASTHEAD = "masthead-lines"  # the lines above the issue or date line that opens the page (furniture._mark_masthead)
    CONTACT_HOLDER = "contact-holder"  # the name right over the page's contact lines (furniture._mark_contact_holder)
    CONTENTS = "contents"  # an entry of the page's table of contents (classify)
    BAND = "band"  # a line in the band at the top or bottom of a PDF page that no rule names (pdf/parts)


class FurnitureDataError(ValueError):
    """furniture.yaml declares a rule wrongly: the message names the rule and what to fix."""


@dataclass(frozen=True)
class RuleFacts:
    """What a furniture rule's lines are, as furniture.yaml declares it."""

    name: str
    label: str  # what a reader calls such lines, in Chinese (the source pages show it)
    says: frozenset[Says]
    why: str


@dataclass(frozen=True)
class Rule:
    """A furniture rule matched by its pattern (furniture.yaml `line:` and `group:`)."""

    facts: RuleFacts
    pattern: re.Pattern

    @property
    def name(self) -> str:
        return self.facts.name

    @property
    def says(self) -> frozenset[Says]:
        return self.facts.says


@dataclass(frozen=True)
class FurnitureRules:
    """furniture.yaml's rules, checked: the line and group rules with their patterns, and the
    facts of every rule (the structural ones included) by name."""

    line: tuple[Rule, ...]
    group: tuple[Rule, ...]
    facts: Mapping[str, RuleFacts]


def load_yaml(name: str) -> Any:
    text = resources.files("parkdigest.data").joinpath(name).read_text(encoding="utf-8")
    for placeholder, value in PLACEHOLDERS.items():
        text = text.replace(placeholder, value)
    return yaml.safe_load(text)


def read_furniture_rules(data: dict) -> FurnitureRules:
    """The rules of furniture.yaml's data, each checked: a name, a label and a why, flags from
    `Says` only, no name twice, and the structural rules exactly those of `StructuralRule`."""
    line = tuple(_pattern_rule(r) for r in data.get("line", []))
    group = tuple(_pattern_rule(r) for r in data.get("group", []))
    structural = tuple(_rule_facts(r) for r in data.get("structural", []))
    facts: dict[str, RuleFacts] = {}
    for fact in (*(r.facts for r in line + group), *structural):
        if fact.name in facts:
            raise FurnitureDataError(f"furniture.yaml: rule '{fact.name}' is declared twice")
        facts[fact.name] = fact
    declared, named = {f.name for f in structural}, {str(r) for r in StructuralRule}
    if declared != named:
        raise FurnitureDataError(
            "furniture.yaml: `structural:` must declare exactly the rules of resources.StructuralRule; "
            f"missing: {', '.join(sorted(named - declared)) or 'none'}; unknown: {', '.join(sorted(declared - named)) or 'none'}")
    return FurnitureRules(line, group, MappingProxyType(facts))


def _pattern_rule(entry: dict) -> Rule:
    facts = _rule_facts(entry)
    if not isinstance(entry.get("pattern"), str):
        raise FurnitureDataError(f"furniture.yaml: rule '{facts.name}' has no `pattern:`")
    return Rule(facts, re.compile(entry["pattern"]))


def _rule_facts(entry: dict) -> RuleFacts:
    name = entry.get("name") or "(no name)"
    for key in ("name", "label", "why"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise FurnitureDataError(f"furniture.yaml: rule '{name}' has no `{key}:`")
    flags = entry.get("says", [])
    if not isinstance(flags, list):
        raise FurnitureDataError(f"furniture.yaml: rule '{name}': `says:` must be a list of flags")
    known = {str(flag) for flag in Says}
    for flag in flags:
        if flag not in known:
            raise FurnitureDataError(f"furniture.yaml: rule '{name}' says '{flag}', which is not a flag; "
                                     f"use one of: {', '.join(sorted(known))}")
    return RuleFacts(name, entry["label"], frozenset(Says(flag) for flag in flags), entry["why"])


@cache
def furniture_data() -> FurnitureRules:
    """furniture.yaml's rules, read and checked once."""
    return read_furniture_rules(load_yaml("furniture.yaml"))


def furniture_rules() -> tuple[tuple[Rule, ...], tuple[Rule, ...]]:
    """(line rules, group rules) from furniture.yaml."""
    rules = furniture_data()
    return rules.line, rules.group


def furniture_facts() -> Mapping[str, RuleFacts]:
    """Every furniture rule's facts (label, flags) by its name, as a page report gives it."""
    return furniture_data().facts


def says_of(rule: str) -> frozenset[Says]:
    """What a furniture rule's lines say; nothing for a name no rule has (a rule of classify)."""
    facts = furniture_facts().get(rule)
    return facts.says if facts else frozenset()


@cache
def layout_words() -> dict:
    return load_yaml("layout.yaml")


@cache
def language_words() -> dict:
    """Word lists of Chinese (language.yaml): stopwords, role words, park suffixes …"""
    return load_yaml("language.yaml")
