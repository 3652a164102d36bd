"""Shared fixtures: the five seeds converted once, the site built once."""

from __future__ import annotations

import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))
# Debian's chromium, driven by Playwright: no browser is downloaded by a tool. Without the
# background-networking flags it tries hosts this machine cannot reach.
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@cache
def page_articles(path: Path) -> tuple:
    """The articles of a page (text or PDF), converted once per test process."""
    from parkdigest.convert.model import PageResult
    from parkdigest.convert.pipeline import convert_page

    result = convert_page(path)
    assert isinstance(result, PageResult), result
    return result.articles


def article_titled(path: Path, title_part: str):
    """The article of a page (text or PDF, converted once per test process) whose title holds `title_part`."""
    return next(a for a in page_articles(path) if title_part in a.meta["title"])


@pytest.fixture(scope="module")
def browser():
    """Chromium for the browser tests of one module (test_browser, test_search)."""
    from playwright.sync_api import sync_playwright  # only the browser tests need it

    assert CHROMIUM.is_file(), "Debian's chromium is missing: run `make test` (it installs it with apt)"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def converted(tmp_path_factory):
    """(docs dir, RunResult) of converting the five seeds into a fresh docs tree."""
    from parkdigest.convert.pipeline import run

    docs = tmp_path_factory.mktemp("docs")
    result = run([SEEDS], docs / "articles", jobs=1)
    return docs, result


@pytest.fixture(scope="session")
def pages(converted):
    """{seed name: PageResult}"""
    _, result = converted
    return {page.source: page for page in result.pages}


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, converted):
    """Build the real site (mkdocs build --strict) from a copy of docs/ with fresh articles."""
    docs_src, _ = converted
    site, proc = build_site(tmp_path_factory.mktemp("sitebuild"), docs_src)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return site, proc


def build_site(work: Path, docs_src: Path, *, strict: bool = True, site_url: str | None = None):
    """Build the project's site in `work` from the project's docs/ with the articles (and page
    reports, if any) of `docs_src`, published at `site_url` (SITE_URL; none by default);
    return (site dir, completed mkdocs process)."""
    shutil.copytree(ROOT / "docs", work / "docs", ignore=shutil.ignore_patterns("articles", "sources"))
    shutil.copytree(docs_src / "articles", work / "docs" / "articles")
    if (docs_src / "sources").is_dir():
        shutil.copytree(docs_src / "sources", work / "docs" / "sources")
    shutil.copytree(ROOT / "overrides", work / "overrides")
    (work / "scripts" / "parkdigest" / "site").mkdir(parents=True)
    for module in sorted((ROOT / "scripts" / "parkdigest" / "site").glob("*.py")):  # the hooks and their modules
        shutil.copy(module, work / "scripts" / "parkdigest" / "site")
    shutil.copy(ROOT / "mkdocs.yml", work / "mkdocs.yml")
    site = work / "site"
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)] + (["--strict"] if strict else [])
    proc = subprocess.run(command, cwd=work, capture_output=True, text=True, env=_env(site_url))
    return site, proc


def _env(site_url: str | None):
    """The build's environment: SITE_URL as given, whatever the shell has."""
    import os

    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("SITE_URL", None)
    if site_url:
        env["SITE_URL"] = site_url
    return env
