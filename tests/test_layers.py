"""The package's layers, read from its source with ast: the article-file contract and the
reference data sit below the converter and the site; a later stage never imports an earlier
one; no module imports itself back through others (no import cycle, lazy imports included)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "scripts" / "parkdigest"

# What each part of the package may import from the package, besides itself. A part is a
# subpackage (articles, convert …) or a top-level module (cli, problems …).
BASE = {"__init__", "problems", "text", "resources"}  # leaves: the version, the error type, the Han range, data
MAY_IMPORT = {
    # resources fills text.py's definitions into the data files' placeholders ({outlet} …)
    "problems": set(), "text": set(), "resources": {"text"}, "data": set(),
    "reference": BASE,
    "articles": BASE | {"reference"},  # the output contract
    "convert": BASE | {"reference", "articles"},
    "site": BASE | {"reference", "articles"},  # the site reads articles, never the converter
    "quality": BASE | {"reference", "articles"},  # the scorer reads articles as the site does
    "bench": BASE | {"reference", "articles", "convert", "site"},
    "cli": BASE | {"reference", "articles", "convert", "bench"},
    "__main__": {"cli"},
    "__init__": set(),
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def package_modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports_of(path: Path, modules: dict[str, Path]) -> set[str]:
    """The package's modules that a file imports, at its top or inside a function."""
    name = module_name(path)
    is_package = path.name == "__init__.py"
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: from its own package up
                base = name.split(".")[: len(name.split(".")) - node.level + (1 if is_package else 0)]
                stem = ".".join(base + ([node.module] if node.module else []))
            else:
                stem = node.module or ""
            # `from parkdigest.convert import model` imports the module parkdigest.convert.model
            found |= {f"{stem}.{alias.name}" if f"{stem}.{alias.name}" in modules else stem for alias in node.names}
    return {m for m in found if m in modules and m != name}


def part_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def import_graph() -> dict[str, set[str]]:
    modules = package_modules()
    return {name: imports_of(path, modules) for name, path in modules.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle as a path that comes back to its start, or [] (depth-first search)."""
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return path[path.index(target):] + [target]
            if target not in state and (cycle := visit(target)):
                return cycle
        path.pop()
        state[node] = 2
        return []

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return []


def test_the_walk_sees_the_package():
    graph = import_graph()
    assert {"parkdigest.articles.files", "parkdigest.convert.pipeline", "parkdigest.site.hooks",
            "parkdigest.cli", "parkdigest.problems"} <= set(graph)
    assert "parkdigest.articles.files" in graph["parkdigest.convert.pipeline"]
    assert "parkdigest.convert.pipeline" in graph["parkdigest.cli"]  # a lazy import, inside a function
    assert {part_of(m) for m in graph} <= set(MAY_IMPORT), "a new part of the package: give it its layer"


def test_each_part_imports_only_the_layers_below_it():
    wrong = sorted(f"{module} imports {target}" for module, targets in import_graph().items() for target in targets
                   if part_of(target) != part_of(module) and part_of(target) not in MAY_IMPORT[part_of(module)])
    assert not wrong, "\n".join(wrong)


def test_the_contract_and_the_reference_data_import_no_converter_site_bench_or_cli():
    below = {"articles", "reference"} | BASE
    above = {"convert", "site", "bench", "quality", "cli", "__main__"}
    wrong = sorted(f"{module} imports {target}" for module, targets in import_graph().items() for target in targets
                   if part_of(module) in below and part_of(target) in above)
    assert not wrong, "\n".join(wrong)


def test_there_is_no_import_cycle():
    cycle = find_cycle(import_graph())
    assert not cycle, " imports ".join(cycle)


def test_find_cycle_finds_one():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set(), "c": {"b", "a"}}) == []


# A classify rule asked about by name as a string literal (block.rule == "box-heading"): the
# rules later stages ask about are `LineRule` members, so renaming one cannot leave a stale
# string behind. Furniture rules are named in data/furniture.yaml and read from the report.
_RULE_AS_STRING = re.compile(r"\brule\s*(==|!=|\bin\b|\bnot in\b)\s*\(?\s*[\"']")


def rule_compared_as_string(source: str) -> list[int]:
    return [n for n, line in enumerate(source.splitlines(), 1) if _RULE_AS_STRING.search(line)]


def test_the_converter_and_the_site_ask_about_rules_by_enum_not_by_string():
    paths = sorted([*(PACKAGE / "convert").rglob("*.py"), *(PACKAGE / "site").rglob("*.py")])
    offenders = {str(path.relative_to(PACKAGE)): lines for path in paths
                 if (lines := rule_compared_as_string(path.read_text(encoding="utf-8")))}
    assert offenders == {}


# A furniture rule's name written in the converter or the site ("publication-name" in a set, a
# comparison, a return): what its lines say is asked by its flags (resources.Says), and a rule
# found in code is named by resources.StructuralRule, so renaming a rule in furniture.yaml
# cannot leave a stale name behind. A name used as a YAML section's key (data["folio"]) is no
# rule. The exceptions left, each with its reason:
RULE_NAME_EXCEPTIONS = {
    ("convert/model.py", "contents"),  # Kind.CONTENTS, a block kind that shares the word
}


def furniture_rule_names_in(source: str, names: set[str]) -> list[tuple[int, str]]:
    """(line, name) of each string literal that is a furniture rule's name, but a subscript's key."""
    tree = ast.parse(source)
    keys = {id(node.slice) for node in ast.walk(tree) if isinstance(node, ast.Subscript)}
    return sorted((node.lineno, node.value) for node in ast.walk(tree)
                  if isinstance(node, ast.Constant) and node.value in names and id(node) not in keys)


def test_no_furniture_rule_is_named_by_a_string_in_the_converter_or_the_site():
    from parkdigest.resources import furniture_facts

    names = set(furniture_facts())
    paths = sorted([*(PACKAGE / "convert").rglob("*.py"), *(PACKAGE / "site").rglob("*.py")])
    found = {(str(path.relative_to(PACKAGE)), name): line for path in paths
             for line, name in furniture_rule_names_in(path.read_text(encoding="utf-8"), names)}
    assert sorted(set(found) - RULE_NAME_EXCEPTIONS) == []
    assert RULE_NAME_EXCEPTIONS <= set(found), "an exception no longer needed: remove it"


def test_a_furniture_rule_named_by_a_string_is_found():
    names = {"folio", "publication-name"}
    assert furniture_rule_names_in('ANCHORS = frozenset({"publication-name"})', names) == [(1, "publication-name")]
    assert furniture_rule_names_in('return "folio"', names) == [(1, "folio")]
    assert furniture_rule_names_in('count = data["folio"]["count_words"]', names) == []
    assert furniture_rule_names_in("return StructuralRule.FOLIO.value", names) == []


def test_a_rule_compared_as_a_string_is_found():
    assert rule_compared_as_string('if block.rule == "box-heading":\n    pass') == [1]
    assert rule_compared_as_string("if b.rule in ('headline', 'x'):") == [1]
    assert rule_compared_as_string("if block.rule == LineRule.BOX_HEADING:") == []
