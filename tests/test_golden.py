"""The converter's output on every seed and dev page equals its reviewed golden record
(tests/golden/). After a change that moves an article on purpose, run `make golden` and
review the diff of tests/golden/ in the commit."""

from __future__ import annotations

import difflib

import pytest

from golden_outputs import GOLDEN, convert_all


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    return convert_all(tmp_path_factory.mktemp("golden"))


def test_every_page_has_a_golden_record(fresh):
    assert sorted(fresh) == sorted(p.name for p in GOLDEN.glob("*.yaml")), "run `make golden`"


@pytest.mark.parametrize("name", sorted(p.name for p in GOLDEN.glob("*.yaml")))
def test_output_equals_the_golden_record(fresh, name):
    want = (GOLDEN / name).read_text(encoding="utf-8")
    got = fresh.get(name, "")
    diff = "".join(difflib.unified_diff(want.splitlines(True), got.splitlines(True), f"golden/{name}", "now"))
    assert got == want, f"{name} changed — if on purpose, run `make golden` and review:\n{diff[:4000]}"
