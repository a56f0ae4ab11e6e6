"""The reports of real stories: the bundled example, the seeds and a real news cluster.

The HTML page is loaded in headless Chromium (tools/headless.py; `make test`
installs Debian's chromium as root when it is missing): it must load without a
console error or a request off the machine, show every finding and draw one
chart per disputed quantity. The Markdown must read cleanly on GitHub.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from test_report_pages import _tables, markdown_problems

from factcheck.corpus import read_documents
from factcheck.extract import extract_facts
from factcheck.report import render as out
from factcheck.report.quotes import key_text
from factcheck.report.summary import Report
from factcheck.rules import check, load_pack

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import headless  # noqa: E402  (a stdlib-only tool beside the project, not a package)

CLUSTER = "g5-068"  # the Nice attack: a conflict, a toll that fell, corroborations


def _report(paths: list[str]) -> Report:
    pack = load_pack()
    docs = read_documents(paths)
    facts = extract_facts(docs)
    return Report(check(facts, pack), facts, pack.rules, docs)


@pytest.fixture(scope="module")
def example() -> Report:
    return _report([str(ROOT / "examples" / "strike")])


@pytest.fixture(scope="module")
def seeds(shared: Path) -> Report:
    return _report([str(shared / "seeds")])


@pytest.fixture(scope="module")
def cluster(shared: Path, tmp_path_factory) -> Report:
    corpus = tmp_path_factory.mktemp("cluster") / f"{CLUSTER}.jsonl"
    subprocess.run([sys.executable, str(ROOT / "tools" / "clusters_to_jsonl.py"), str(corpus),
                    "--cluster", CLUSTER], check=True, capture_output=True, timeout=120)
    return _report([str(corpus)])


def _disputes(report: Report) -> list[int]:
    return [i for i, f in enumerate(report.findings) if report.kind_of(f) != "corroboration"]


# --- Markdown, as GitHub shows it ----------------------------------------------------------


@pytest.mark.parametrize("name", ["example", "seeds", "cluster"])
def test_markdown_of_real_stories_reads_cleanly(name, request):
    report: Report = request.getfixturevalue(name)
    md = out.render(report, "markdown")
    assert markdown_problems(md) == []
    web = {d.source for d in report.documents if d.url and d.url.startswith("http")}
    for table in _tables(md):
        if table[0][0] != "outlet":
            continue
        for row in table[1:]:
            name_or_link = row[0]
            bare = name_or_link.split(" (×")[0]
            assert bare.startswith("[") or bare not in web, f"outlet not linked: {row[0]}"
    _no_disputed_corroboration(report, md)


def _no_disputed_corroboration(report: Report, md: str) -> None:
    """No row of a story's corroborated table is about a quantity an error or warning disputes."""
    for part in md.split("\n## Story: ")[1:]:
        story = part.splitlines()[0].replace("\\_", "_")
        disputed = {key_text(f.key) for f in report.findings
                    if (f.story or "") == story and f.severity != "info"
                    and report.kind_of(f) != "corroboration"}
        if "### Corroborated figures" not in part:
            continue
        table = _tables(part[part.index("### Corroborated figures"):])[0]
        listed = {row[0].replace("\\_", "_") for row in table[1:]}
        assert not listed & disputed, f"{story}: corroborated and disputed: {listed & disputed}"


def test_the_real_cluster_has_what_the_markdown_checks_are_about(cluster):
    """Guard: the cluster still gives a dispute and corroborations of the disputed toll."""
    kinds = {cluster.kind_of(f) for f in cluster.findings}
    assert {"conflict", "corroboration"} <= kinds
    disputed = {key_text(f.key) for f in cluster.findings if f.severity != "info"}
    assert any(key_text(f.key) in disputed for f in cluster.findings
               if cluster.kind_of(f) == "corroboration")


# --- HTML, in a browser ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> str:
    path = headless.find_browser()
    if path is None:
        pytest.skip("Chromium is not installed (make test installs Debian's chromium when "
                    "run as root); the HTML report is not checked in a browser")
    return path


@pytest.mark.parametrize("name", ["example", "seeds"])
def test_html_report_in_a_browser(name, request, browser, tmp_path):
    report: Report = request.getfixturevalue(name)
    page = tmp_path / f"{name}.html"
    page.write_text(out.render(report, "html"), encoding="utf-8")
    seen = headless.inspect(page, executable=browser)
    assert seen["errors"] == [] and seen["requests"] == []
    probe = seen["probe"]
    assert probe["findings"] == list(range(len(report.findings)))  # every finding shown
    disputes = _disputes(report)
    assert disputes, "the story should hold at least one disputed quantity"
    assert probe["articles"] == len(disputes)
    assert probe["charts_per_article"] == [1] * len(disputes)  # one chart per disputed quantity
    assert all(rows >= 2 for rows in probe["chart_rows"])
    assert all(marks >= 1 for marks in probe["chart_marks"])
    assert all(w > 300 and h > 60 for w, h in probe["chart_sizes"])  # drawn, not collapsed
