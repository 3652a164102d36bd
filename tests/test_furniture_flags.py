"""What a furniture line says is declared with its rule in data/furniture.yaml (`label:`,
`says:`) and checked when the file loads: the converter and the site ask a rule's flags, never
its name, so renaming a rule cannot silently change what is read from its lines."""

from __future__ import annotations

import copy

import pytest

from parkdigest import resources
from parkdigest.convert.furniture import furniture_rule, is_folio_anchor, is_photo_credit
from parkdigest.resources import (
    FurnitureDataError,
    Says,
    StructuralRule,
    furniture_facts,
    load_yaml,
    read_furniture_rules,
)
from parkdigest.site.sources import OTHER_FURNITURE, furniture_label, identify_page

# The furniture of a newspaper page and of a newsletter's, as a page report lists it.
REPORT = {"furniture": [
    {"rule": "masthead", "text": "INNOVATION 创新园区"},
    {"rule": "publication-name", "text": "中国高新技术产业导报5"},
    {"rule": "issue-line", "text": "2022年第12期（总第541期）2022年7月31日"},
    {"rule": "photo-credit", "text": "戚盛博/摄"},
]}
FOLIO = {"furniture": [{"rule": "folio", "text": "科技日报2026年1月6日  星期二  第14版  生态"}]}
SECTION = {"furniture": [{"rule": "section-page", "text": "要闻  第08版"}]}
PAGE_NUMBER = {"furniture": [{"rule": "page-number", "text": "— 8 —"}]}


def _renamed(data: dict, names: dict[str, str]) -> dict:
    """A copy of furniture.yaml's data with line and group rules renamed."""
    data = copy.deepcopy(data)
    for key in ("line", "group"):
        for rule in data[key]:
            rule["name"] = names.get(rule["name"], rule["name"])
    return data


def _with_report_renamed(report: dict, names: dict[str, str]) -> dict:
    return {"furniture": [{**item, "rule": names.get(item["rule"], item["rule"])} for item in report["furniture"]]}


def test_every_rule_has_a_label_a_why_and_known_flags():
    facts = furniture_facts()
    data = load_yaml("furniture.yaml")
    named = {r["name"] for key in ("line", "group", "structural") for r in data[key]}
    assert set(facts) == named
    assert {str(rule) for rule in StructuralRule} <= set(facts)
    for name, fact in facts.items():
        assert fact.label.strip() and fact.why.strip(), name
        assert all(isinstance(flag, Says) for flag in fact.says), name
    # the rules the converter finds by structure are declared too
    assert furniture_rule("人民日报  2026年3月30日  星期一  第 6 版  要闻") in facts
    assert furniture_rule("■ 责编：杨帆  美编：孙浩") in facts
    assert furniture_label("no-such-rule") == OTHER_FURNITURE


def test_each_flag_of_the_vocabulary_is_said_by_some_rule():
    said = {flag for fact in furniture_facts().values() for flag in fact.says}
    assert said == set(Says)


def test_renamed_rules_are_read_as_before(monkeypatch):
    """Every line and group rule renamed in a copy of the YAML: the page is identified and
    its credits and folio anchors are told as before — the flags, not the names, drive them."""
    data = load_yaml("furniture.yaml")
    names = {r["name"]: f"renamed-{r['name']}" for key in ("line", "group") for r in data[key]}
    before = [identify_page(report) for report in (REPORT, FOLIO, SECTION, PAGE_NUMBER)]
    assert before[0].publication == "中国高新技术产业导报" and before[0].page == "第5版"
    assert before[0].issue == "2022年第12期" and before[0].page_name == "创新园区"
    assert [b.page for b in before[1:]] == ["第14版", "第8版", "第8版"] and before[1].publication == "科技日报"

    renamed = read_furniture_rules(_renamed(data, names))
    monkeypatch.setattr(resources, "furniture_data", lambda: renamed)
    after = [identify_page(_with_report_renamed(report, names)) for report in (REPORT, FOLIO, SECTION, PAGE_NUMBER)]
    assert after == before
    assert furniture_label("renamed-masthead") == "版头"
    assert is_photo_credit("renamed-photo-credit") and not is_photo_credit("photo-credit")
    assert is_folio_anchor("renamed-page-number") and not is_folio_anchor("page-number")


def test_two_rules_trading_names_trade_what_is_read_from_them(monkeypatch):
    """The names alone mean nothing: with masthead and issue-line swapped in the YAML, the line
    reported under "masthead" is read as the issue."""
    swap = {"masthead": "issue-line", "issue-line": "masthead"}
    monkeypatch.setattr(resources, "furniture_data", lambda: read_furniture_rules(_renamed(load_yaml("furniture.yaml"), swap)))
    who = identify_page({"furniture": [{"rule": "masthead", "text": "2022年第12期（总第541期）2022年7月31日"},
                                       {"rule": "issue-line", "text": "INNOVATION 创新园区"}]})
    assert (who.issue, who.page_name) == ("2022年第12期", "创新园区")


def _load_error(data: dict) -> str:
    with pytest.raises(FurnitureDataError) as raised:
        read_furniture_rules(data)
    return str(raised.value)


def test_an_unknown_flag_fails_loading_and_names_the_rule():
    data = load_yaml("furniture.yaml")
    masthead = next(r for r in data["line"] if r["name"] == "masthead")
    masthead["says"] = ["page-title"]
    assert _load_error(data) == (
        "furniture.yaml: rule 'masthead' says 'page-title', which is not a flag; use one of: contact, folio-anchor, issue, "
        "newspaper-name, page-name, page-number, page-number-alone, page-pictures-note, picture-credit, production-credit, "
        "publication, "
        "publication-before-date")


@pytest.mark.parametrize("key", ["label", "why"])
def test_a_rule_without_a_label_or_a_why_fails_loading(key):
    data = load_yaml("furniture.yaml")
    del data["group"][0][key]
    assert _load_error(data) == f"furniture.yaml: rule 'qr-footer' has no `{key}:`"


def test_a_rule_declared_twice_or_a_structural_rule_renamed_fails_loading():
    data = load_yaml("furniture.yaml")
    data["line"][1]["name"] = data["line"][0]["name"]
    assert _load_error(data) == "furniture.yaml: rule 'masthead-latin' is declared twice"
    data = load_yaml("furniture.yaml")
    next(r for r in data["structural"] if r["name"] == "folio")["name"] = "folio-line"
    assert _load_error(data) == ("furniture.yaml: `structural:` must declare exactly the rules of "
                                 "resources.StructuralRule; missing: folio; unknown: folio-line")
