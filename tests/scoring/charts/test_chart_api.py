"""The chart scorer's public API: extraction, encodings, spec handling, records, libraries."""

from __future__ import annotations

import re

import pytest

from bench_core import CHART_CRITERIA, ChartSpec, DesignTokens
from bench_scoring import CHART_LIBRARIES, ChartScore, extract_chart, score_chart

from .conftest import golden

PAGE = golden("svg_bar_good.html")
BAR = {"chart_type": "bar"}


def test_extract_chart_prefers_a_fenced_html_block_holding_a_chart() -> None:
    answer = "Setup:\n```html\n<p>note</p>\n```\nChart:\n```HTML\n<svg><rect/></svg>\n```\nDone."
    assert extract_chart(answer) == "<svg><rect/></svg>\n"


def test_extract_chart_takes_the_first_fenced_block_when_none_holds_a_chart() -> None:
    assert extract_chart("```html\n<p>a</p>\n```\n```html\n<p>b</p>\n```") == "<p>a</p>\n"


def test_extract_chart_takes_an_unclosed_fence_to_the_end_as_a_truncated_answer() -> None:
    assert extract_chart("Here:\n```html\n<svg><rect") == "<svg><rect"


def test_extract_chart_takes_a_bare_html_document_with_its_doctype() -> None:
    answer = "Sure.\n<!DOCTYPE html>\n<html><body><svg></svg></body></html>\nEnjoy!"
    assert extract_chart(answer) == "<!DOCTYPE html>\n<html><body><svg></svg></body></html>"


def test_extract_chart_takes_a_page_that_starts_at_its_doctype_without_an_html_tag() -> None:
    answer = "Here:\n<!doctype html><title>x</title><canvas></canvas><svg></svg>"
    assert extract_chart(answer) == "<!doctype html><title>x</title><canvas></canvas><svg></svg>"


def test_extract_chart_takes_the_outermost_svg_with_its_nested_svgs() -> None:
    answer = "A chart: <svg id='a'><svg id='b'></svg><rect/></svg> and <svg id='c'></svg>"
    assert extract_chart(answer) == "<svg id='a'><svg id='b'></svg><rect/></svg>"


def test_extract_chart_returns_none_when_the_answer_has_no_document() -> None:
    assert extract_chart("I cannot draw charts, sorry.") is None
    assert extract_chart("") is None
    assert extract_chart("an <svgfoo> tag is not an svg") is None


def test_a_spec_as_a_dict_scores_like_the_chart_spec_record() -> None:
    as_dict = {
        "chart_type": "bar",
        "labels": ["Momentum"],
        "values": [1234.5],
        "decimals": 0,
        "tokens": {"colors": ["#1f6feb"], "fonts": ["Inter"], "radii": ["4px"]},
        "rules": ["no-animation"],
        "interactivity": ["tooltip"],
    }
    record = ChartSpec(
        chart_type="bar",
        labels=("Momentum",),
        values=(1234.5,),
        decimals=0,
        tokens=DesignTokens(colors=("#1f6feb",), fonts=("Inter",), radii=("4px",)),
        rules=("no-animation",),
        interactivity=("tooltip",),
    )
    assert score_chart(PAGE, as_dict) == score_chart(PAGE, record)


def test_an_empty_spec_gives_full_marks_where_nothing_is_asked_and_says_so() -> None:
    score = score_chart(PAGE, {})
    assert score.total == 100
    assert "no chart type requested" in score.notes
    assert "no labels or values requested: data presence not checked" in score.notes
    assert "no design tokens requested" in score.notes
    assert "no interactivity requested" in score.notes
    assert "static check only: script errors and hover are checked in a browser" in score.notes


def test_a_spec_with_only_a_chart_type_scores_only_the_type_and_the_defaults() -> None:
    score = score_chart(golden("chartjs_wrong_type.html"), {"chart_type": "pie"})
    assert score.criteria["chart_type_match"] == 0
    assert score.total == 90
    assert score.detected_type == "bar"


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ({"chart_type": "donut"}, "unknown chart type 'donut': use one of bar, stacked_bar"),
        ({"chart_type": "line+radar"}, "unknown chart type 'line+radar'"),
        ({"rules": ["no-glow"]}, "unknown design rule 'no-glow': use any of no-shadows, "),
        ({"interactivity": ["drag"]}, "unknown interaction 'drag': use any of tooltip, hover"),
        ({"colour": "red"}, "chart spec: unknown key colour; allowed: chart_type"),
        ({"tokens": {"colours": ["red"]}}, "tokens: unknown key colours"),
        ({"tokens": {"colors": ["blurple"]}}, "design token 'blurple' is not a CSS color"),
        ({"tokens": {"radii": ["round"]}}, "design token 'round' is not a length"),
        ({"values": ["a lot"]}, "chart spec: Expected `float`, got `str`"),
    ],
)
def test_a_malformed_spec_is_refused_with_what_is_allowed(
    spec: dict[str, object], message: str
) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        score_chart(PAGE, spec)


def test_every_rule_id_of_the_vocabulary_is_accepted() -> None:
    rules = [
        "no-shadows",
        "no-gradients",
        "no-animation",
        "no-3d",
        "no-external-fonts",
        "no-images",
    ]
    assert score_chart(PAGE, {"rules": rules}).total == 100


def test_a_missing_document_scores_zero_on_every_criterion_with_one_reason() -> None:
    score = score_chart("No chart here.", BAR)
    assert score.total == 0
    assert score.criteria == dict.fromkeys(CHART_CRITERIA, 0.0)
    assert len({d.message for d in score.deductions}) == 1
    assert score.detected_type is None


def test_an_empty_document_scores_zero_and_says_it_is_empty() -> None:
    score = score_chart("```html\n   \n```", BAR)
    assert score.total == 0
    assert "the chart document is empty" in score.reasons[0]


def test_an_answer_over_the_size_limit_is_refused_without_being_read() -> None:
    score = score_chart("<svg>" + " " * 5_000_001, BAR)
    assert score.total == 0
    assert "over the 5,000,000 limit: not scored" in score.reasons[0]


def test_bytes_are_decoded_by_their_meta_charset() -> None:
    page = '<!DOCTYPE html><meta charset="windows-1252"><svg><rect width="9" height="9"/>'
    page += "<text>Café € 1,234</text></svg>"
    score = score_chart(page.encode("cp1252"), {"labels": ["Café €"], "values": [1234]})
    assert score.criteria["data_presence"] == 30
    assert "decoded as cp1252, as its meta charset declares" in score.notes


def test_bytes_with_a_utf16_bom_are_decoded_by_it() -> None:
    data = "<svg><text>Momentum</text></svg>".encode("utf-16")
    assert score_chart(data, {"labels": ["Momentum"]}).criteria["data_presence"] == 30


def test_invalid_utf8_bytes_are_replaced_and_noted() -> None:
    score = score_chart(b"<svg><text>Pairs \xff\xfe</text></svg>", {"labels": ["Pairs"]})
    assert score.criteria["data_presence"] == 30
    assert "bytes that are not valid utf-8 were replaced" in score.notes


def test_a_document_without_svg_or_canvas_but_with_a_drawing_library_is_valid() -> None:
    page = golden("d3_line_good.html")
    assert "<svg" not in page
    assert score_chart(page, BAR).criteria["code_validity"] == 20


def test_a_script_that_creates_the_svg_itself_counts_as_a_chart() -> None:
    page = (
        "<!DOCTYPE html><div id=c></div><script>"
        "const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');"
        "document.getElementById('c').appendChild(svg);</script>"
    )
    assert score_chart(page, {}).criteria["code_validity"] == 20


def test_html_parse_errors_deduct_two_points_each_up_to_five() -> None:
    page = "<!DOCTYPE html><svg></svg>" + "</p></div></span>" * 10
    score = score_chart(page, {})
    assert score.criteria["code_validity"] == 10
    assert "more parse errors" in score.reasons[-1]


def test_html_entities_and_a_bare_ampersand_in_inline_svg_are_not_xml_errors() -> None:
    page = "<!DOCTYPE html><svg><text>P&L&nbsp;by month</text><text>R&amp;D</text></svg>"
    assert score_chart(page, {}).criteria["code_validity"] == 20


def test_a_library_loaded_from_an_unpinned_url_is_noted_not_deducted() -> None:
    page = golden("chartjs_bar_good.html").replace("chart.js@4.4.1", "chart.js@3.9.1")
    score = score_chart(page, BAR)
    assert score.total == 100
    assert any("is not one of the pinned chart libraries" in note for note in score.notes)


def test_chart_score_is_a_frozen_record() -> None:
    score = score_chart(PAGE, BAR)
    assert isinstance(score, ChartScore)
    with pytest.raises(AttributeError):
        score.total = 0  # type: ignore[misc]


def test_chart_libraries_pin_the_versions_the_prompt_allows() -> None:
    pins = {lib.package: lib.version for lib in CHART_LIBRARIES}
    assert pins == {
        "chart.js": "4.4.1",
        "d3": "7.9.0",
        "echarts": "5.5.0",
        "plotly.js-dist-min": "2.35.2",
        "vega": "5.30.0",
        "vega-lite": "5.21.0",
        "vega-embed": "6.26.0",
    }
    for library in CHART_LIBRARIES:
        hosts = {url.split("/")[2] for url in library.urls}
        assert {"cdn.jsdelivr.net", "unpkg.com", "cdnjs.cloudflare.com"} <= hosts
        assert all(library.matches(url) for url in library.urls)
        assert f"@{library.version}/{library.file}" in library.urls[0]


@pytest.mark.parametrize(
    ("url", "package"),
    [
        ("https://cdn.jsdelivr.net/npm/chart.js", "chart.js"),
        ("https://cdn.jsdelivr.net/npm/chart.js@4/dist/chart.umd.min.js", "chart.js"),
        ("//unpkg.com/d3@7.9.0", "d3"),
        ("https://d3js.org/d3.v7.min.js", "d3"),
        ("https://cdn.jsdelivr.net/npm/echarts@5.5/dist/echarts.min.js?v=1", "echarts"),
        ("https://cdn.plot.ly/plotly-2.35.2.min.js", "plotly.js-dist-min"),
        ("https://cdn.jsdelivr.net/npm/vega-lite@5", "vega-lite"),
        (
            "https://cdnjs.cloudflare.com/ajax/libs/vega-embed/6.26.0/vega-embed.min.js",
            "vega-embed",
        ),
    ],
)
def test_a_library_is_recognised_by_its_cdn_forms(url: str, package: str) -> None:
    matching = [lib.package for lib in CHART_LIBRARIES if lib.matches(url)]
    assert matching == [package]


@pytest.mark.parametrize(
    "url",
    [
        "https://cdn.jsdelivr.net/npm/chart.js@3.9.1/dist/chart.min.js",
        "https://cdn.jsdelivr.net/npm/chartjs-plugin-zoom",
        "https://example.com/d3.min.js",
    ],
)
def test_other_versions_and_plugins_are_not_the_pinned_libraries(url: str) -> None:
    assert not any(lib.matches(url) for lib in CHART_LIBRARIES)


def test_deductions_name_their_subject_so_later_evidence_can_take_them_back() -> None:
    page = (
        "<svg width='200' height='100' style='filter: drop-shadow(1px 1px 2px #000)'>"
        "<rect x='0' y='0' width='20' height='50' fill='#123456'/><text>Jan</text></svg>"
    )
    spec = ChartSpec(
        chart_type="bar",
        labels=("Jan", "Feb"),
        values=(10.0, 2.5),
        tokens=DesignTokens(colors=("#123456", "#abcdef"), fonts=("Inter",)),
        interactivity=("tooltip",),
    )
    score = score_chart(page, spec)
    subjects = {d.subject for d in score.deductions}
    assert {
        "label:Feb",
        "value:10",
        "value:2.5",
        "color:#abcdef",
        "font:Inter",
        "rule:no-shadows",
        "interaction:tooltip",
    } <= subjects
    assert "label:Jan" not in subjects
    assert "color:#123456" not in subjects
    by_subject = {d.subject: d for d in score.deductions}
    assert by_subject["label:Feb"].criterion == "data_presence"
    assert by_subject["font:Inter"].criterion == "design_tokens"
