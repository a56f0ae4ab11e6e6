"""The findings renderers: one Report, five formats, stable bytes, readable at 80 columns."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest
from rich.console import Console

from factcheck.models import FACT_FIELDS, Document
from factcheck.report import render as out
from factcheck.report.rule_docs import rules_markdown
from factcheck.report.summary import Report
from factcheck.rules import check, load_pack
from factcheck.rules.examples import example_facts

ROOT = Path(__file__).resolve().parents[1]
PACK = load_pack()

# Two outlets, written for these tests; figures placed by offset into each text.
BUGLE = ("A drone hit a school in Lviv overnight. In Lviv two people were hurt when debris | fell, "
         "the governor said.\nThe army said 300 drones were launched overnight.\n")
POST = ("Three people in Lviv were injured, the mayor said.\n"
        "Some 300 drones flew towards the city overnight, the army said.\n")


def _fact(doc, text, figure, **kw):
    start = text.index(figure)
    line = next(s for s in text.split("\n") if figure in s)
    row, col = text.count("\n", 0, start) + 1, start - text.rfind("\n", 0, start)
    return dict(doc=doc, text=figure, start=start, end=start + len(figure), sentence=line,
                line=row, column=col, **kw)


@pytest.fixture()
def report(tmp_path, monkeypatch) -> Report:
    monkeypatch.chdir(tmp_path)
    Path("bugle.txt").write_text(BUGLE, encoding="utf-8")
    Path("post.txt").write_text(POST, encoding="utf-8")
    docs = [Document(id="bugle.txt", text=BUGLE, source="Daily Bugle", path="bugle.txt", story="s"),
            Document(id="post.txt", text=POST, source="Morning Post", path="post.txt", story="s")]
    facts = example_facts([
        _fact("bugle.txt", BUGLE, "two", source="Daily Bugle", value=2, measure="injured",
              entity="person", location="Lviv", attribution="the governor", story="s"),
        _fact("post.txt", POST, "Three", source="Morning Post", value=3, measure="injured",
              entity="person", location="Lviv", attribution="the mayor", story="s"),
        _fact("bugle.txt", BUGLE, "300", source="Daily Bugle", value=300, measure="launched",
              entity="drone", story="s"),
        _fact("post.txt", POST, "300", source="Morning Post", value=300, measure="launched",
              entity="drone", story="s"),
    ])
    return Report(check(facts, PACK, monotonic=frozenset()), facts, PACK.rules, docs)


@pytest.mark.parametrize("fmt", out.FORMATS)
def test_same_report_same_bytes(report, fmt):
    assert out.render(report, fmt) == out.render(report, fmt)


def test_terminal_fits_80_columns_and_shows_the_evidence(report):
    text = out.render(report, "terminal")
    assert max(len(line) for line in text.splitlines()) <= 80
    assert all(line == line.rstrip() for line in text.splitlines())
    assert "\x1b[" not in text  # no colour off a TTY
    first = text.splitlines()[0]
    assert first == "1 story · 2 sources · 4 facts · 8 rules · 1 error · 0 warnings · 1 info"
    flat = " ".join(text.split())
    assert "injured · person · Lviv: sources disagree: 2 (Daily Bugle) vs 3 (Morning Post)" in flat
    assert "key: injured · person · Lviv · scope not stated" in text
    assert "In Lviv [two] people were hurt" in text  # the figure marked in its sentence
    assert "[Three] people in Lviv" in text
    assert "says the governor" in text
    assert text.index("ERROR") < text.index("INFO")


def test_terminal_on_a_tty_highlights_the_figure_in_colour(report):
    console = Console(record=True, width=80, force_terminal=True, color_system="standard")
    from factcheck.report.terminal import render

    render(report, console)
    ansi = console.export_text(styles=True)
    assert "\x1b[" in ansi and "[two]" not in ansi


def test_no_findings_says_so(report):
    quiet = Report([], report.facts, report.rules, report.documents)
    assert "No findings" in out.render(quiet, "terminal")
    assert "No findings" in out.render(quiet, "markdown")
    assert "No findings" in out.render(quiet, "html")


def test_markdown_has_summary_findings_with_sources_and_corroborations(report):
    md = out.render(report, "markdown")
    assert "| stories | sources | facts | rules | errors | warnings | info |" in md
    assert "| 1 | 2 | 4 | 8 | 1 | 0 | 1 |" in md
    assert "### Error · FC001 conflicting-values" in md
    assert "| Daily Bugle | 2 | the governor |" in md
    assert "In Lviv **two** people were hurt when debris \\| fell" in md  # pipes escaped
    corroborated = md[md.index("## Corroborated figures"):]
    assert "launched · drone" in corroborated and "Daily Bugle, Morning Post" in corroborated
    assert "FC007" not in md[: md.index("## Corroborated figures")]


def test_json_follows_the_contract(report):
    data = json.loads(out.render(report, "json"))
    assert data["summary"] == {"stories": 1, "sources": 2, "facts": 4, "rules": 8,
                               "findings": {"error": 1, "warning": 0, "info": 1}}
    first = data["findings"][0]
    assert {"rule", "severity", "message", "key", "facts"} <= first.keys()
    assert first["rule"] == "FC001" and first["severity"] == "error"
    assert first["key"]["location"] == "Lviv"
    for fact in first["facts"]:
        assert set(FACT_FIELDS) <= fact.keys()
    assert [f["value"] for f in first["facts"]] == [2, 3]


def test_sarif_structure_and_locations(report):
    data = json.loads(out.render(report, "sarif"))
    assert data["version"] == "2.1.0"
    run = data["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == [r.code for r in PACK]
    result = run["results"][0]
    assert result["ruleId"] == "FC001" and result["level"] == "error"
    region = result["locations"][0]["physicalLocation"]["region"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "bugle.txt"
    assert (region["startLine"], region["startColumn"]) == (1, BUGLE.index("two") + 1)
    related = result["relatedLocations"][0]["physicalLocation"]
    assert related["artifactLocation"]["uri"] == "post.txt"
    assert run["results"][1]["level"] == "note"


def test_sarif_validates_against_the_schema(report, shared):
    if importlib.util.find_spec("jsonschema") is None:
        pytest.skip("jsonschema is not installed")
    import jsonschema

    schema = json.loads((shared / "data" / "schemas" / "sarif-schema-2.1.0.json").read_text())
    jsonschema.validate(json.loads(out.render(report, "sarif")), schema)


def test_github_annotations(report):
    lines = out.render(report, "github").splitlines()
    assert len(lines) == 2
    col = BUGLE.index("two") + 1
    assert lines[0].startswith(
        f"::error file=bugle.txt,line=1,col={col},endColumn={col + 3},"
        "title=FC001 conflicting-values::injured · person · Lviv: sources disagree")
    assert lines[1].startswith("::notice ")
    assert all(re.match(r"^::(error|warning|notice) [^\n]*::", line) for line in lines)


def test_github_escapes_newlines_and_property_separators(report):
    finding = report.findings[0]
    finding.message = "a: b,\nc 100%"
    finding.name = "x,y:z"
    line = out.render(report, "github").splitlines()[0]
    assert line.endswith("::a: b,%0Ac 100%25 [Daily Bugle: two; Morning Post: Three]")
    assert "title=FC001 x%2Cy%3Az::" in line


@pytest.mark.parametrize(("name", "data", "where"), [
    ("a.md", "---\nsource: A\n---\nIntro line.\nIn Lviv two people were hurt.\n", (5, 9)),
    ("crlf.txt", "Intro line.\r\nIn Lviv two people were hurt.\r\n", (2, 9)),
    ("bom.txt", "\ufeffIn Lviv two people were hurt.\n", (1, 9)),
    ("wrapped.md", "In Lviv\n> quoted: and\n> two people\n", (3, 3)),
    ("recs.jsonl", '{"id": "r1", "text": "x"}\n{"id": "r2", "text": "In Lviv\\ntwo hurt."}\n', (2, 9)),
])
def test_facts_know_their_line_and_column(tmp_path, monkeypatch, name, data, where):
    """1-based, in characters, in the file: after front matter, a BOM, CRLF; for a JSONL
    record, the record's line and the place in its text value."""
    from factcheck.corpus import read_documents
    from factcheck.extract import extract_facts
    from factcheck.report.locate import Locator

    monkeypatch.chdir(tmp_path)
    Path(name).write_bytes(data.encode("utf-8"))
    docs = read_documents([name])
    fact = next(f for f in extract_facts(docs) if f.text == "two")
    assert (fact.line, fact.column) == where
    assert str(Locator(docs).place(fact)) == f"{name}:{where[0]}:{where[1]}"


def test_write_atomic_creates_the_folder_and_leaves_no_temp_file(tmp_path):
    target = tmp_path / "reports" / "deep" / "r.md"
    out.write_atomic(target, "# hello\n")
    out.write_atomic(target, "# again\n")
    assert target.read_text() == "# again\n"
    assert [p.name for p in target.parent.iterdir()] == ["r.md"]


def test_format_follows_the_output_suffix():
    assert out.format_for("reports/x.md", None) == "markdown"
    assert out.format_for("x.sarif", None) == "sarif"
    assert out.format_for("x.md", "json") == "json"
    assert out.format_for(None, None) == "terminal"


def test_rules_docs_are_current():
    """docs/rules.md is generated: `factcheck rules --format markdown --output docs/rules.md`."""
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == rules_markdown(PACK.rules), \
        "docs/rules.md is stale: run factcheck rules --format markdown --output docs/rules.md"
