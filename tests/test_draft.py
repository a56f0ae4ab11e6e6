"""Draft mode: every figure of a draft judged against its sources (tests/fixtures/draft)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from factcheck.fingerprints import finding_fingerprint
from factcheck.models import Fact, Finding

FIXTURES = Path(__file__).parent / "fixtures" / "draft"
EXPECTED = yaml.safe_load((FIXTURES / "expected.yaml").read_text(encoding="utf-8"))


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "factcheck", *args], cwd=cwd, check=False,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


@pytest.fixture(scope="module")
def desk(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("desk")
    shutil.copytree(FIXTURES, root, dirs_exist_ok=True)
    return root


@pytest.fixture(scope="module")
def verdicts(desk) -> dict:
    p = run("check", "--draft", "draft.md", "sources", "--format", "json", "--fail-on", "never",
            cwd=desk)
    assert p.returncode == 0, p.stderr
    return json.loads(p.stdout)


def _at(fact: dict) -> str:
    return f"{fact['line']}:{fact['column']}"


def test_every_figure_gets_the_verdict_the_table_gives(verdicts):
    got = [{"at": _at(f["fact"]), "text": f["fact"]["text"], "verdict": f["verdict"],
            "evidence": [f"{e['doc']}:{_at(e)}" for e in f["evidence"]]}
           for f in verdicts["draft"]["figures"]]
    assert got == EXPECTED
    assert verdicts["draft"]["doc"] == "draft.md"


def test_the_draft_is_never_a_source(verdicts):
    for finding in verdicts["findings"]:
        assert all(f["doc"] != "draft.md" for f in finding["facts"]), finding
    assert verdicts["summary"]["sources"] == 3


def test_exit_status_counts_a_contradicted_figure_as_an_error(desk):
    assert run("check", "--draft", "draft.md", "sources", cwd=desk).returncode == 1
    agree = desk / "agree.txt"
    agree.write_text("Firefighters evacuated 40 residents from neighbouring flats.\n")
    assert run("check", "--draft", "agree.txt", "sources", cwd=desk).returncode == 0


def test_terminal_and_markdown_walk_the_draft_in_order(desk):
    text = run("check", "--draft", "draft.md", "sources", cwd=desk).stdout
    walk = [line.strip() for line in text.splitlines() if line.strip().startswith("draft.md:")]
    assert walk == [f"draft.md:{row['at']}" for row in EXPECTED]
    assert "✗ CONTRADICTED 17 · injured · person" in text
    assert "no source states this figure" in text
    md = run("check", "--draft", "draft.md", "sources", "-f", "markdown", cwd=desk).stdout
    rows = [line for line in md.splitlines() if line.startswith("| `draft.md:")]
    assert [r.split("`")[1] for r in rows] == [f"draft.md:{row['at']}" for row in EXPECTED]


def test_a_draft_of_several_records_is_refused(desk):
    (desk / "two.jsonl").write_text('{"id": "a", "text": "3 boats."}\n{"id": "b", "text": "4."}\n')
    p = run("check", "--draft", "two.jsonl", "sources", cwd=desk)
    assert p.returncode == 2
    assert p.stderr.strip() == "factcheck: error: two.jsonl: a draft is one document, but this holds 2"


def test_a_one_record_jsonl_draft_points_at_its_line(desk):
    record = {"id": "d1", "source": "Desk", "date": "2026-04-02",
              "text": "Firefighters evacuated 55 residents, the council said."}
    (desk / "one.jsonl").write_text("\n" + json.dumps(record) + "\n")
    p = run("check", "--draft", "one.jsonl", "sources", "-f", "json", "--fail-on", "never",
            cwd=desk)
    (fig,) = json.loads(p.stdout)["draft"]["figures"]
    assert (fig["verdict"], fig["fact"]["doc"], _at(fig["fact"])) == ("contradicted", "d1", "2:24")


FORMATS = Path(__file__).parent / "fixtures" / "formats"


@pytest.mark.parametrize("fmt", ["concise", "junit", "github"])
def test_line_formats_match_the_expected_output(desk, fmt):
    """Regenerate after a deliberate change: cd tests/fixtures/draft && factcheck check
    --draft draft.md sources -f FMT > ../formats/draft.FMT"""
    p = run("check", "--draft", "draft.md", "sources", "-f", fmt, cwd=desk)
    assert p.returncode == 1, p.stderr
    assert p.stdout == (FORMATS / f"draft.{fmt}").read_text(encoding="utf-8")


def test_junit_is_well_formed_xml(desk):
    import xml.etree.ElementTree as ET

    root = ET.fromstring(run("check", "--draft", "draft.md", "sources", "-f", "junit",
                             cwd=desk).stdout)
    assert root.tag == "testsuites" and root.get("failures") == "3"
    assert len(root.findall(".//testcase")) == int(root.get("tests"))


def test_sarif_validates_with_fingerprints_and_line_regions(desk, shared):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((shared / "data" / "schemas" / "sarif-schema-2.1.0.json").read_text())
    data = json.loads(run("check", "--draft", "draft.md", "sources", "-f", "sarif",
                          cwd=desk).stdout)
    jsonschema.validate(data, schema)
    results = data["runs"][0]["results"]
    assert [r["ruleId"] for r in results][:3] == ["FD001", "FD002", "FD002"]
    for r in results:
        assert r["partialFingerprints"]["factcheckContent/v1"]
        region = r["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
    draft_uri = results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert draft_uri == "draft.md"


def test_a_baseline_survives_an_unrelated_edit_and_fails_on_a_new_conflict(tmp_path):
    shutil.copytree(FIXTURES, tmp_path, dirs_exist_ok=True)
    args = ("check", "--draft", "draft.md", "sources")
    assert run(*args, "--write-baseline", "base.json", cwd=tmp_path).returncode == 1
    assert run(*args, "--baseline", "base.json", cwd=tmp_path).returncode == 0
    # An edit elsewhere: new lines above every figure move all offsets and lines.
    draft = tmp_path / "draft.md"
    text = draft.read_text(encoding="utf-8")
    text = text.replace("# Bakery blast in Eastport\n",
                        "# Bakery blast in Eastport\n\nUpdated with the council's view.\n")
    draft.write_text(text, encoding="utf-8")
    source = tmp_path / "sources" / "valley-dispatch.txt"
    source.write_text("Residents gathered on the pavement.\n\n" + source.read_text())
    p = run(*args, "--baseline", "base.json", cwd=tmp_path)
    assert p.returncode == 0, p.stdout
    assert "in the baseline not shown" in p.stderr
    # A new conflict is new.
    draft.write_text(text + "\nFirefighters evacuated 55 residents from the flats.\n")
    p = run(*args, "--baseline", "base.json", "-f", "concise", cwd=tmp_path)
    assert p.returncode == 1
    assert p.stdout.splitlines() == [line for line in p.stdout.splitlines() if "55" in line]


def test_an_inline_ignore_silences_the_next_paragraph_and_an_idle_one_warns(tmp_path):
    shutil.copytree(FIXTURES, tmp_path, dirs_exist_ok=True)
    draft = tmp_path / "draft.md"
    text = draft.read_text(encoding="utf-8")
    text = text.replace("The blast damaged", "<!-- factcheck: ignore FD002 -->\nThe blast damaged")
    text = text.replace("The bakery had", "<!-- factcheck: ignore FC001 -->\n\nThe bakery had")
    draft.write_text(text, encoding="utf-8")
    p = run("check", "--draft", "draft.md", "sources", "-f", "concise", cwd=tmp_path)
    assert [line.split(": ")[0] for line in p.stdout.splitlines()] == [
        "draft.md:7:49", "draft.md:19:25", "sources/coast-courier.md:5:43",
        "sources/coast-courier.md:5:43", "sources/harbour-ledger.md:6:1"]
    assert "draft.md:17: this ignore comment silences no finding" in p.stderr
    assert "FC001" not in p.stdout.split("\n")[0]  # the comment is no figure


def test_a_plain_text_ignore_line_is_no_figure_and_silences_its_paragraph(tmp_path):
    shutil.copytree(FIXTURES, tmp_path, dirs_exist_ok=True)
    (tmp_path / "note.txt").write_text(
        "factcheck: ignore FD001 FD002\nThe blast damaged nine shops, the council said.\n\n"
        "Firefighters evacuated 40 residents from neighbouring flats.\n")
    p = run("check", "--draft", "note.txt", "sources", "-f", "json", cwd=tmp_path)
    figures = json.loads(p.stdout)["draft"]["figures"]
    assert [(f["fact"]["text"], f["verdict"]) for f in figures] == [("40", "supported")]
    assert p.returncode == 0 and p.stderr == ""


def test_figures_that_name_what_they_measure_are_judged_by_their_frame(tmp_path):
    """Ages, distances and magnitudes have no casualty role: their frame (the quantity
    rule's grouping) decides which source figures are the same quantity."""
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "a.txt").write_text(
        "A 5.8-magnitude quake shook Eastport on Monday. Its epicentre lay 40 kilometres "
        "south of the town. A falling wall injured a 9-year-old boy.\n", encoding="utf-8")
    (tmp_path / "sources" / "b.txt").write_text(
        "The magnitude 5.8 quake struck about 25 miles south of Eastport on Monday.\n",
        encoding="utf-8")
    (tmp_path / "draft.txt").write_text(
        "A 6.1-magnitude quake hit Eastport. A wall fell on an 8-year-old boy. "
        "The epicentre was 40 km south of the town.\n", encoding="utf-8")
    p = run("check", "--draft", "draft.txt", "sources", "--format", "json", "--fail-on", "never",
            cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    got = {f["fact"]["text"]: (f["verdict"], sorted(e["doc"] for e in f["evidence"]))
           for f in json.loads(p.stdout)["draft"]["figures"]}
    assert got["6.1-magnitude"] == ("contradicted", ["sources/a.txt", "sources/b.txt"])
    assert got["8-year-old"] == ("contradicted", ["sources/a.txt"])
    assert got["40 km"][0] == "supported"  # 40 km is about 25 miles


CASES = yaml.safe_load((Path(__file__).parent / "fixtures" / "draft-cases" / "cases.yaml")
                       .read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_a_draft_figure_gets_the_verdict_its_case_gives(tmp_path, case):
    (tmp_path / "sources").mkdir()
    for name, text in case["sources"].items():
        (tmp_path / "sources" / name).write_text(text + "\n", encoding="utf-8")
    (tmp_path / "draft.md").write_text(case["draft"] + "\n", encoding="utf-8")
    p = run("check", "--draft", "draft.md", "sources", "--format", "json", "--fail-on", "never",
            cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    got = {f["fact"]["text"]: [f["verdict"], sorted(Path(e["doc"]).name for e in f["evidence"])]
           for f in json.loads(p.stdout)["draft"]["figures"]}
    assert {text: got.get(text) for text in case["verdicts"]} == case["verdicts"]



def test_a_key_field_a_finding_leaves_unknown_does_not_change_its_fingerprint():
    fact = Fact(doc="a.txt", start=0, end=3, text="two", value=2, low=2, high=2,
                source="Daily Bugle", sentence="two were hurt")
    older = Finding("FC001", "conflicting-values", "error", "m", {"measure": "injured"}, [fact])
    newer = Finding("FC001", "conflicting-values", "error", "m",
                    {"measure": "injured", "day": None}, [fact])
    dated = Finding("FC001", "conflicting-values", "error", "m",
                    {"measure": "injured", "day": "monday"}, [fact])
    assert finding_fingerprint(older) == finding_fingerprint(newer)
    assert finding_fingerprint(older) != finding_fingerprint(dated)
