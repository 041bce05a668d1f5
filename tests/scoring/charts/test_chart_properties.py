"""Properties of the chart scorer that must hold for every input."""

from __future__ import annotations

import random
import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from bench_core import CHART_CRITERIA
from bench_scoring import extract_chart, score_chart

from .conftest import ROWS, golden, spec_for

# The documents that score 100, with their specs: the reference points of the properties.
GOOD = [(row["file"], spec_for(row)) for row in ROWS if "criteria" not in row]
ANY = [(row["file"], spec_for(row)) for row in ROWS]
RAW = re.compile(r"(<(script|style)\b.*?</\2\s*>)", re.DOTALL | re.IGNORECASE)
TAG = re.compile(r"<([A-Za-z][\w:-]*)((?:\s+[\w:-]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'))?)*)\s*(/?)>")
ATTRIBUTE = re.compile(r"([\w:-]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'))?")
SHADOWS = [
    "<style>.card { box-shadow: 0 2px 8px rgba(0, 0, 0, 0.2); }</style>",
    "<style>text { text-shadow: 1px 1px 0 #000; }</style>",
    "<svg><filter id='s'><feDropShadow dx='0' dy='1'/></filter></svg>",
    "<script>ctx.shadowBlur = 4;</script>",
]

fragments = st.sampled_from(
    [
        "<svg>", "</svg>", "<rect width='5' height='9'/>", "<circle r='3'/>", "<title>Pairs",
        "<script>", "</script>", "new Chart(c, {type: 'bar'})", "<style>", "{", "}", "(", "'",
        '"', "`", "/*", "<!--", "1,234.5", "-321.4", "#1f6feb", "Momentum", "\x00", "\ufffd",
        "&amp;", "&", "<", ">", "```html\n", "```", "<html>", "</html>", "<!DOCTYPE html>",
    ]
)  # fmt: skip
mutations = st.lists(
    st.tuples(st.floats(0, 1), st.integers(0, 40), st.one_of(fragments, st.text(max_size=8))),
    max_size=6,
)


def mutate(text: str, edits: list[tuple[float, int, str]]) -> str:
    for where, cut, insert in edits:
        at = int(where * len(text))
        text = text[:at] + insert + text[at + cut :]
    return text


def check_bounds(score: Any) -> None:
    assert 0 <= score.total <= 100
    for name, most in CHART_CRITERIA.items():
        assert 0 <= score.criteria[name] <= most
    assert abs(sum(d.points for d in score.deductions) - (100 - score.total)) < 1e-3
    assert len(score.reasons) == len(score.deductions)


@settings(max_examples=60)
@given(st.sampled_from(ANY), mutations)
def test_scores_stay_in_bounds_and_deductions_add_up_for_mangled_documents(
    case: tuple[str, dict[str, Any]], edits: list[tuple[float, int, str]]
) -> None:
    name, spec = case
    check_bounds(score_chart(mutate(golden(name), edits), spec))


@settings(max_examples=40)
@given(st.one_of(st.text(max_size=300), st.binary(max_size=300)), st.sampled_from(ANY))
def test_scores_stay_in_bounds_for_arbitrary_answers(
    answer: str | bytes, case: tuple[str, dict[str, Any]]
) -> None:
    check_bounds(score_chart(answer, case[1]))


def reformat(text: str, rng: random.Random) -> str:
    """The same document with other whitespace between tags and attributes, and its
    attributes reordered; scripts and styles untouched."""
    spaces = [" ", "  ", "\n", "\n    ", "\t"]

    def retag(found: re.Match[str]) -> str:
        attributes = [m.group(0) for m in ATTRIBUTE.finditer(found.group(2))]
        rng.shuffle(attributes)
        joined = "".join(rng.choice(spaces) + a for a in attributes)
        return f"<{found.group(1)}{joined}{rng.choice(['', ' ', chr(10)])}{found.group(3)}>"

    parts = RAW.split(text)
    out = []
    for index, part in enumerate(parts):
        if index % 3 == 1:
            out.append(part)  # a script or style, as written
        elif index % 3 == 0:
            retagged = TAG.sub(retag, part)
            out.append(re.sub(r">\s*<", lambda _: ">" + rng.choice(spaces) + "<", retagged))
    return "".join(out)


def verdict(score: Any) -> tuple[Any, ...]:
    return (score.total, score.criteria, score.detected_types)


@settings(max_examples=40)
@given(st.sampled_from(ANY), st.randoms(use_true_random=False))
def test_reformatting_whitespace_or_reordering_attributes_never_changes_a_score(
    case: tuple[str, dict[str, Any]], rng: random.Random
) -> None:
    name, spec = case
    text = golden(name)
    assert verdict(score_chart(reformat(text, rng), spec)) == verdict(score_chart(text, spec))


# Data the documents show: a text element, a title, a data attribute, a number in a list.
DATA = re.compile(
    r"<text\b[^>]*>[^<]*</text>|<title>[^<]*</title>|\sdata-[\w-]+=\"[^\"]*\""
    r"|(?<=[\[,] )-?\d+(?:\.\d+)?(?=[,\]])"
)


@settings(max_examples=60)
@given(st.sampled_from(ANY), st.data())
def test_removing_a_data_value_never_raises_data_presence(
    case: tuple[str, dict[str, Any]], data: st.DataObject
) -> None:
    name, spec = case
    text = golden(name)
    spots = list(DATA.finditer(text))
    if not spots:
        return
    spot = data.draw(st.sampled_from(spots))
    fewer = text[: spot.start()] + text[spot.end() :]
    before = score_chart(text, spec).criteria["data_presence"]
    assert score_chart(fewer, spec).criteria["data_presence"] <= before


def add_inside(text: str, addition: str, before: str) -> str:
    """``text`` with ``addition`` inside its chart document, before its last ``before``."""
    document = extract_chart(text)
    assert document is not None
    at = document.rfind(before) if before in document else document.rfind("</svg>")
    return text.replace(document, document[:at] + addition + document[at:])


WITH_DOCUMENT = [case for case in ANY if extract_chart(golden(case[0])) is not None]
# Documents that draw something: one that draws nothing scores 0 throughout, and adding an
# <svg> (even one holding only a shadow filter) is then adding a drawing, not only a shadow.
DRAWN = [case for case in WITH_DOCUMENT if score_chart(golden(case[0]), case[1]).total > 0]


@settings(max_examples=60)
@given(
    st.sampled_from(DRAWN),
    st.sampled_from(SHADOWS),
    st.sampled_from(["</head>", "</body>", "</svg>"]),
)
def test_adding_a_shadow_never_raises_design_rules(
    case: tuple[str, dict[str, Any]], shadow: str, before: str
) -> None:
    name, spec = case
    text = golden(name)
    rules = score_chart(text, spec).criteria["design_rules"]
    shaded = add_inside(text, shadow, before)
    assert score_chart(shaded, spec).criteria["design_rules"] <= rules


def test_a_shadow_added_to_a_good_chart_is_found() -> None:
    for name, spec in GOOD:
        shaded = add_inside(golden(name), SHADOWS[0], "</body>")
        assert score_chart(shaded, spec).criteria["design_rules"] < 10, name
