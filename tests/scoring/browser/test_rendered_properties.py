"""Properties of the rendered score's style evidence, for any tokens and any rendered styles:
what the browser saw can give back token points and take rule points, never the reverse."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench_core import CHART_CRITERIA, ChartSpec
from bench_scoring import score_chart
from bench_scoring._chart_css import parse_color, same_color
from bench_scoring._chart_score import _read_spec
from bench_scoring.browser import RenderedStyles, Rendering
from bench_scoring.browser._rendered_score import _combine
from bench_scoring.browser._rendered_styles import tokens_found

PALETTE = ["#1f77b4", "#ff7f0e", "rgb(44, 160, 44)", "hsl(0, 100%, 50%)", "navy", "#ffffff"]
FONTS = ["Inter", "Roboto", "IBM Plex Sans", "Georgia"]
PLOTLY_STACK = '"Open Sans", verdana, arial, sans-serif'
RADII = ["2px", "4px", "0.5rem"]
ROUNDING = 1e-3
CHART = (
    "<!DOCTYPE html><html><head><style>svg { font-family: Roboto; }</style></head><body>"
    '<svg width="100" height="100"><rect width="40" height="60" fill="#1f77b4" rx="2"/></svg>'
    "</body></html>"
)

specs = st.fixed_dictionaries(
    {
        "tokens": st.fixed_dictionaries(
            {
                "colors": st.lists(st.sampled_from(PALETTE), unique=True, max_size=4),
                "fonts": st.lists(st.sampled_from(FONTS), unique=True, max_size=2),
                "radii": st.lists(st.sampled_from(RADII), unique=True, max_size=2),
            }
        ),
        "rules": st.sampled_from([[], ["no-animation"]]),
    }
)
styles = st.builds(
    RenderedStyles,
    elements=st.integers(0, 50),
    colors=st.lists(st.sampled_from([*PALETTE, "rgb(255, 127, 14)", "junk"]), max_size=6),
    fonts=st.lists(
        st.sampled_from([*FONTS, '"Open Sans", verdana, arial, sans-serif']), max_size=3
    ),
    shorthands=st.lists(st.sampled_from(["12px Inter", "bold 10px Georgia, serif"]), max_size=2),
    radii=st.lists(st.sampled_from([2.0, 4.0, 8.0]), max_size=3),
    backgrounds=st.lists(st.sampled_from(PALETTE), max_size=2),
    shadows=st.lists(st.just("box-shadow: 0 1px 2px #000 on <svg>"), max_size=4),
    gradients=st.lists(st.just("a canvas gradient created on <canvas>"), max_size=4),
)


def rendering(seen: RenderedStyles) -> Rendering:
    return Rendering(
        errors=[], text="", svg="", has_canvas=False, libraries=[], nodes=10, elapsed_s=0.1,
        blocked=[], served=[], dialogs=0, popups=0, timed_out=False, crashed=False,
        screenshot=None, checks=[], styles=seen,
    )  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(specs, styles)
def test_rendered_styles_only_restore_tokens_and_only_charge_rules(
    spec: dict[str, object], seen: RenderedStyles
) -> None:
    static = score_chart(CHART, spec)
    combined = _combine(static, static_spec(spec), rendering(seen), "test")
    assert 0 <= combined.total <= 100
    # Deductions come back rounded to 1e-4 and are added up again: allow that much.
    assert combined.criteria["design_tokens"] >= static.criteria["design_tokens"] - ROUNDING
    assert combined.criteria["design_rules"] <= static.criteria["design_rules"] + ROUNDING
    if not seen.shadows and not seen.gradients:
        assert combined.criteria["design_rules"] == pytest.approx(
            static.criteria["design_rules"], abs=ROUNDING
        )
    for name in ("data_presence", "code_validity", "interactivity"):
        assert combined.criteria[name] == pytest.approx(static.criteria[name], abs=ROUNDING)
    assert sum(combined.criteria.values()) == pytest.approx(combined.total, abs=ROUNDING)
    painted = [c for c in map(parse_color, seen.colors) if c is not None]
    for color in static_spec(spec).tokens.colors:
        wanted = parse_color(color)
        assert wanted is not None
        seen_it = any(same_color(wanted, used) for used in painted)
        missing = any(
            r.startswith("design_tokens") and f"color {color} " in r for r in combined.reasons
        )
        assert missing == (not seen_it and any(f"color {color} " in r for r in static.reasons))
    assert set(combined.criteria) == set(CHART_CRITERIA)


@settings(max_examples=150, deadline=None)
@given(specs, styles, styles)
def test_seeing_more_never_finds_fewer_tokens(
    spec: dict[str, object], seen: RenderedStyles, more: RenderedStyles
) -> None:
    tokens = static_spec(spec).tokens
    both = RenderedStyles(
        elements=seen.elements + more.elements,
        colors=[*seen.colors, *more.colors],
        fonts=[*seen.fonts, *more.fonts],
        shorthands=[*seen.shorthands, *more.shorthands],
        radii=[*seen.radii, *more.radii],
        backgrounds=[*seen.backgrounds, *more.backgrounds],
        shadows=[],
        gradients=[],
    )
    assert set(tokens_found(tokens, seen)) <= set(tokens_found(tokens, both))


def static_spec(spec: dict[str, object]) -> ChartSpec:
    return _read_spec(spec)
