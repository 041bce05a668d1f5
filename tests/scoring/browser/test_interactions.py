"""Hover and legend checks pass on charts that have them and fail on charts that do not."""

import pytest

from .conftest import Session
from .support import browser_missing
from .test_rendering import SVG_CHART, chartjs

pytestmark = pytest.mark.skipif(browser_missing() is not None, reason=str(browser_missing()))

ALL = ("tooltip", "hover", "legend_toggle")

SVG_WITH_TOOLTIP = """<!DOCTYPE html><html><body>
<div id="tip" style="position:absolute; opacity:0"></div>
<svg width="300" height="200">
  <rect x="20" y="40" width="50" height="160" data-value="120"></rect>
  <rect x="90" y="100" width="50" height="100" data-value="75"></rect>
</svg>
<script>
const tip = document.getElementById('tip');
for (const bar of document.querySelectorAll('rect')) {
  bar.addEventListener('mouseover', () => {
    tip.textContent = 'Value: ' + bar.dataset.value; tip.style.opacity = 1;
  });
}
</script></body></html>"""


def checks(session: Session, html: str, kinds: tuple[str, ...] = ALL) -> dict[str, bool]:
    rendering = session.run(session.browser.render(html, interactions=kinds))
    return {check.kind: check.passed for check in rendering.checks}


def test_chartjs_tooltip_hover_and_legend_toggle_work(session: Session) -> None:
    assert checks(session, chartjs()) == dict.fromkeys(ALL, True)


def test_chartjs_without_tooltip_or_legend_fails_them(session: Session) -> None:
    options = "{ events: [], plugins: { tooltip: { enabled: false }, legend: { display: false } } }"
    assert checks(session, chartjs(options)) == dict.fromkeys(ALL, False)


def test_chartjs_legend_that_does_not_toggle_fails(session: Session) -> None:
    options = "{ plugins: { legend: { onClick: () => {} } } }"
    assert checks(session, chartjs(options), ("legend_toggle",)) == {"legend_toggle": False}


def test_svg_tooltip_that_shows_its_value_passes(session: Session) -> None:
    assert checks(session, SVG_WITH_TOOLTIP, ("tooltip", "hover")) == {
        "tooltip": True,
        "hover": True,
    }


def test_svg_chart_without_tooltip_fails(session: Session) -> None:
    assert checks(session, SVG_CHART, ("tooltip", "hover", "legend_toggle")) == dict.fromkeys(
        ALL, False
    )


def test_native_title_tooltip_passes(session: Session) -> None:
    html = (
        '<svg width="200" height="200"><rect width="80" height="80"><title>Q1: 42</title>'
        "</rect></svg>"
    )
    assert checks(session, html, ("tooltip",)) == {"tooltip": True}
