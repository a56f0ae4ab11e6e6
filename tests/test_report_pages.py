"""The reports a person reads, Markdown and HTML, on a story written for these tests.

Four outlets: the Bugle repeats a caption (one row, not two), the Post and the
Herald agree on a figure the Bugle disputes (that agreement is shown beside the
dispute, never as a corroboration), and the Gazette gives a smaller toll a day later.
"""

from __future__ import annotations

import dataclasses
import re
import xml.etree.ElementTree as ET
from typing import Any

import pytest
from markdown_it import MarkdownIt

from factcheck.draft import Draft, DraftFigure
from factcheck.models import Document, Finding
from factcheck.report import formats
from factcheck.report import render as out
from factcheck.report.summary import Report
from factcheck.rules import check, load_pack
from factcheck.rules.examples import example_facts

PACK = load_pack()
BUGLE = ("Caption: two people were hurt in Lviv.\nCaption: two people were hurt in Lviv.\n"
         "At least 10 people were killed in Kherson, the governor said.\n"
         "The army said 300 drones were launched overnight.\n"
         "One person was killed in Lviv.\n")
POST = ("Three people in Lviv were injured, the mayor said.\n"
        "Some 300 drones flew towards the city overnight, the army said.\n"
        "In Lviv one person died.\n"
        "Ten people were killed in Kherson.\n")
HERALD = "Three people were injured in Lviv, officials said.\n"
GAZETTE = "Eight people were killed in Kherson, police said.\n"
BUGLE_URL = "https://bugle.example/news/lviv strike (update)"
EMOJI = re.compile("[\U0001F300-\U0001FAFF\u2600-\u27BF]")


def _fact(doc: str, text: str, figure: str, nth: int = 0, **kw) -> dict[str, Any]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(figure, start + 1)
    line = text[text.rfind("\n", 0, start) + 1: text.find("\n", start)]
    return dict(doc=doc, text=figure, start=start, end=start + len(figure), sentence=line,
                story="s", **kw)


def _facts():
    injured = dict(measure="injured", entity="person", location="Lviv", scope="event")
    killed = dict(measure="killed", entity="person", location="Kherson", scope="event")
    drones = dict(measure="launched", entity="drone", scope="event")
    lviv_dead = dict(measure="killed", entity="person", location="Lviv", scope="event")
    bugle = dict(source="Daily Bugle", date="2026-03-14")
    post = dict(source="Morning Post", date="2026-03-14")
    return example_facts([
        _fact("bugle.md", BUGLE, "two", 0, value=2, **injured, **bugle),
        _fact("bugle.md", BUGLE, "two", 1, value=2, **injured, **bugle),
        _fact("bugle.md", BUGLE, "At least 10", value=10, low=10, high=None,
              qualifier="at_least", attribution="the governor", **killed, **bugle),
        _fact("bugle.md", BUGLE, "300", value=300, **drones, **bugle),
        _fact("post.md", POST, "Three", value=3, attribution="the mayor", **injured, **post),
        _fact("post.md", POST, "300", value=300, **drones, **post),
        # both count ten dead in Kherson, the story's toll: the same moment, so 2 against 3
        # injured in Lviv is an error
        _fact("bugle.md", BUGLE, "One", value=1, **lviv_dead, **bugle),
        _fact("post.md", POST, "one", value=1, **lviv_dead, **post),
        _fact("post.md", POST, "Ten", value=10, **killed, **post),
        _fact("herald.md", HERALD, "Three", value=3, attribution="officials", source="The Herald",
              date="2026-03-14", **injured),
        _fact("gazette.md", GAZETTE, "Eight", value=8, attribution="police", source="The Gazette",
              date="2026-03-15", **killed),
    ])


@pytest.fixture(scope="module")
def report() -> Report:
    docs = [Document(id="bugle.md", text=BUGLE, source="Daily Bugle", url=BUGLE_URL, story="s"),
            Document(id="post.md", text=POST, source="Morning Post",
                     url="https://post.example/kherson", story="s"),
            Document(id="herald.md", text=HERALD, source="The Herald", url="file:///etc/passwd",
                     story="s"),
            Document(id="gazette.md", text=GAZETTE, source="The Gazette", story="s")]
    facts = _facts()
    return Report(check(facts, PACK), facts, PACK.rules, docs)


def _kind(report: Report, finding) -> str:
    return report.kind_of(finding)


def test_the_story_gives_the_findings_these_tests_are_about(report):
    got = sorted((f.rule, f.severity) for f in report.findings)
    assert ("FC001", "error") in got  # 2 vs 3 injured, 10+ vs 8 killed
    assert ("FC003", "warning") in got  # the Kherson toll fell a day later
    assert sum(1 for f in report.findings if _kind(report, f) == "corroboration") >= 2


# --- Markdown ---------------------------------------------------------------------------


def _tables(md: str) -> list[list[list[str]]]:
    """Each table as rows of cell texts, as a GFM renderer sees it."""
    tokens = MarkdownIt("commonmark").enable("table").parse(md)
    tables, row = [], None
    for t in tokens:
        if t.type == "table_open":
            tables.append([])
        elif t.type == "tr_open":
            row = []
        elif t.type == "inline" and row is not None:
            row.append(t.content)
        elif t.type == "tr_close":
            tables[-1].append(row)
            row = None
    return tables


def markdown_problems(md: str) -> list[str]:
    """What would read badly on GitHub: emoji-only meaning, ragged or repeated rows, ISO dates in cells."""
    problems = [f"emoji {m.group()!r}" for m in EMOJI.finditer(md)]
    for table in _tables(md):
        width = len(table[0])
        for r in table:
            if len(r) != width:
                problems.append(f"ragged row {r}")
        bodies = [tuple(r) for r in table[1:]]
        problems += [f"duplicate row {r}" for r in set(bodies) if bodies.count(r) > 1]
        problems += [f"breakable date in {c!r}" for r in table for c in r
                     if re.search(r"\d{4}-\d{2}-\d{2}|\d{1,2} [A-Z][a-z]{2} \d{4}",
                                  re.sub(r"\]\([^)]*\)", "]", c))]  # a link's address is not shown
    for line in md.splitlines():
        if line.startswith("### ") and "FC" in line and not re.match(
                r"### (Error|Warning|Info) · ", line):
            problems.append(f"severity not in words: {line}")
    return problems


def test_markdown_reads_cleanly(report):
    md = out.render(report, "markdown")
    assert markdown_problems(md) == []
    assert "### Error · FC001 conflicting-values" in md
    assert "### Warning · FC003 toll-fell" in md


def test_markdown_links_outlets_and_writes_figures_and_dates_as_a_reader_would(report):
    md = out.render(report, "markdown")
    assert "[Daily Bugle](https://bugle.example/news/lviv%20strike%20%28update%29)" in md
    assert "[Morning Post](https://post.example/kherson)" in md
    assert "[The Herald]" not in md  # only web addresses are links
    assert "| at\u00a0least\u00a010 |" in md and "[10, ∞)" not in md
    assert "14\u00a0Mar\u00a02026" in md


def test_markdown_shows_a_repeated_caption_once(report):
    md = out.render(report, "markdown")
    rows = [line for line in md.splitlines() if "Caption: **two** people" in line]
    assert len(rows) == 1 and "(×2)" in rows[0]


def test_markdown_never_corroborates_a_figure_in_dispute(report):
    md = out.render(report, "markdown")
    story = md[md.index("## Story"):]
    corroborated = story[story.index("### Corroborated figures"):]
    assert "injured" not in corroborated  # 3 injured is disputed by the Bugle's 2
    assert "| 300 |" in corroborated
    dispute = story[story.index("### Error · FC001"):story.index("### Corroborated figures")]
    assert "agree with each other within this dispute" in dispute


def test_markdown_leaves_out_a_column_nobody_fills(report):
    quiet = [dataclasses.replace(f, attribution=None) for f in report.facts]
    bare = Report(check(quiet, PACK), quiet, report.rules, report.documents)
    md = out.render(bare, "markdown")
    assert "said by" not in md and "| outlet | date | figure | quote |" in md


# --- HTML --------------------------------------------------------------------------------


def _page(report: Report) -> str:
    return out.render(report, "html")


def test_html_is_one_self_contained_page(report):
    page = _page(report)
    assert page.startswith("<!DOCTYPE html>") and page.count("<style>") == 1
    assert "<script" not in page and "<link" not in page and "<img" not in page
    assert not re.search(r"""(src|href)=["']?(https?:)?//(?!bugle|post)""", page)
    assert "default-src 'none'" in page  # even a stray reference would not be fetched
    assert page == _page(report)  # same report, same bytes


def test_html_shows_every_finding_and_one_chart_per_disputed_quantity(report):
    page = _page(report)
    shown = {int(i) for i in re.findall(r'data-finding="(\d+)"', page)}
    for ids in re.findall(r'data-findings="([\d ]+)"', page):
        shown |= {int(i) for i in ids.split()}
    assert shown == set(range(len(report.findings)))
    disputes = [f for f in report.findings if _kind(report, f) != "corroboration"]
    articles = page.split('<article class="finding')[1:]
    assert len(articles) == len(disputes)
    assert all(a.count('<svg class="chart"') == 1 for a in articles)


def test_html_severity_is_a_word_and_outlets_are_links(report):
    page = _page(report)
    assert '<span class="sev sev-error">Error</span>' in page
    assert '<span class="sev sev-warning">Warning</span>' in page
    assert '<a href="https://bugle.example/news/lviv strike (update)">Daily Bugle</a>' in page
    assert 'href="file:' not in page
    assert "<mark>two</mark>" in page and "<mark>Three</mark>" in page


def test_html_charts_are_valid_svg_with_a_row_per_source_and_figure(report):
    page = _page(report)
    for svg in re.findall(r'<svg class="chart".*?</svg>', page, re.S):
        root = ET.fromstring(svg)
        ns = "{http://www.w3.org/2000/svg}"
        rows = int(root.get("data-rows"))
        labels = root.findall(f"{ns}text[@class='label']")
        assert rows == len(labels) >= 2
        assert root.find(f"{ns}title").text and root.find(f"{ns}desc").text


def test_html_toll_that_changed_is_drawn_over_publication_time(report):
    page = _page(report)
    i = next(i for i, f in enumerate(report.findings) if f.rule == "FC003")
    article = page[page.index(f'data-finding="{i}"'):]
    svg = article[article.index("<svg"):article.index("</svg>")]
    assert "values over publication time" in svg
    assert svg.index("14\u00a0Mar\u00a02026") < svg.index("15\u00a0Mar\u00a02026")
    assert 'class="trend"' in svg and 'class="open-end"' in svg  # at least 10: an open end


def test_html_escapes_what_the_sources_wrote(report):
    facts = [dataclasses.replace(f, sentence=f"<b>{f.sentence}</b>", source=f"{f.source} & <i>")
             for f in report.facts]
    page = _page(Report(check(facts, PACK), facts, report.rules, report.documents))
    assert "<b>" not in page and "<i>" not in page and "Daily Bugle &amp; &lt;i&gt;" in page


def test_html_walks_a_draft_in_order_with_verdicts_linked_to_evidence(report):
    draft_text = "Four people were hurt in Lviv and 300 drones were launched; 7 tanks were seen."
    draft = example_facts([
        _fact("draft.md", draft_text, "Four", value=4, source=None),
        _fact("draft.md", draft_text, "300", value=300, source=None),
        _fact("draft.md", draft_text, "7", value=7, source=None),
    ])
    post_300 = next(f for f in report.facts if f.doc == "post.md" and f.value == 300)
    assert post_300.date
    injured = [f for f in report.facts if f.measure == "injured"]
    figures = (
        DraftFigure(draft[0], "contradicted", tuple(injured)),
        DraftFigure(draft[1], "supported", (post_300,)),
        DraftFigure(draft[2], "unsupported"),
    )
    with_draft = dataclasses.replace(report, draft=Draft("draft.md", "draft.md", figures))
    page = _page(with_draft)
    section = page[page.index('<section class="draft"'):page.index("</section>")]
    verdicts = re.findall(r'<span class="verdict">(\w+)</span>', section)
    assert verdicts == ["Contradicted", "Supported", "Unsupported"]
    assert "<mark>Four</mark>" in section and "No source states this figure." in section
    assert '<a href="https://post.example/kherson">Morning Post</a>' in section
    assert re.search(r'href="#finding-\d+">finding</a>', section)  # the dispute it is part of
    assert '<section class="draft"' not in _page(report)  # no draft, no section


def test_every_format_in_the_registry_renders_and_suffixes_choose_formats(report):
    for fmt in formats.FORMATS:
        text = fmt.render(report)
        assert text.endswith("\n")
        if fmt.machine:
            assert not text.startswith("factcheck")  # data only, no banner
    assert formats.choose("r/x.html", None).name == "html"
    assert formats.choose("r/x.HTM", None).name == "html"
    assert formats.choose("r/x.unknown", None).name == "terminal"
    with pytest.raises(ValueError, match="unknown format"):
        formats.get("pdf")


def test_a_conversion_is_drawn_on_one_axis_in_the_first_unit():
    text = "A 679-kilometre (500-mile) pipeline."
    facts = example_facts([
        {"doc": "d", "source": "A", "value": 679, "unit": "kilometer", "kind": "measure",
         "text": "679-kilometre", "start": 2, "end": 15, "converts": 1, "sentence": text},
        {"doc": "d", "source": "A", "value": 500, "unit": "mile", "kind": "measure",
         "text": "500-mile", "start": 17, "end": 25, "converts": 0, "sentence": text},
    ])
    conversion = Report(check(facts, PACK), facts, PACK.rules, [])
    assert [f.rule for f in conversion.findings] == ["FC006"]
    svg = re.search(r'<svg class="chart".*?</svg>', _page(conversion), re.S).group()
    assert ">km</text>" in svg  # the axis is in the first figure's unit
    assert "500 miles (= 804.7 km)" in svg


def test_a_findings_own_reason_is_shown_when_it_has_one(report):
    @dataclasses.dataclass
    class Explained(Finding):
        reason: str | None = None

    first = report.findings[0]
    explained = Explained(**{f.name: getattr(first, f.name) for f in dataclasses.fields(Finding)},
                          reason="both count the people hurt in one strike on Lviv")
    with_reason = Report([explained, *report.findings[1:]], report.facts, report.rules,
                         report.documents)
    why = "both count the people hurt in one strike on Lviv"
    assert f"Why compared: {why}" in out.render(with_reason, "markdown")
    assert f"<strong>Why compared:</strong> {why}" in out.render(with_reason, "html")
    assert "Why compared: same measure" in out.render(report, "markdown")  # else the key, in words
