"""The chart score with browser checks: references keep 100, rendered faults cost points."""

import asyncio

import pytest

from bench_core import ChartTask
from bench_domain_trading import domain
from bench_scoring import score_chart
from bench_scoring.browser import ChartBrowser, score_chart_rendered
from bench_scoring.browser._interactions import EXERCISED

from .conftest import Session
from .support import browser_missing
from .test_interactions import SVG_WITH_TOOLTIP
from .test_rendering import chartjs

pytestmark = pytest.mark.skipif(browser_missing() is not None, reason=str(browser_missing()))

REFERENCES = [t.id for t in domain().tasks() if isinstance(t, ChartTask)]


def test_every_trading_chart_task_is_a_reference_here() -> None:
    assert len(REFERENCES) == 22


@pytest.mark.parametrize("chart_id", REFERENCES)
def test_trading_references_score_100_with_browser_checks(session: Session, chart_id: str) -> None:
    trading = domain()
    [task] = [t for t in trading.tasks() if t.id == chart_id]
    html = trading.reference(chart_id).html
    score = session.run(score_chart_rendered(html, task.spec, session.browser))
    assert score.total == 100, score.reasons
    [note] = [note for note in score.notes if note.startswith("rendered in Chromium")]
    assert "computed styles of" in note
    for kind in task.spec.interactivity:
        if kind in EXERCISED:
            assert f"{kind} passed" in note, note


def test_a_runtime_error_costs_code_validity(session: Session) -> None:
    html = chartjs().replace("</body>", "<script>null.boom();</script></body>")
    spec = {"chart_type": "bar", "labels": ["North"], "values": [120]}
    assert score_chart(html, spec).criteria["code_validity"] == 20
    score = session.run(score_chart_rendered(html, spec, session.browser))
    assert score.criteria["code_validity"] == 10
    assert any("script error on load in the browser" in reason for reason in score.reasons)


def test_a_tooltip_the_code_suggests_but_never_shows_loses_interactivity(
    session: Session,
) -> None:
    html = SVG_WITH_TOOLTIP.replace("tip.style.opacity = 1;", "")
    spec = {"interactivity": ["tooltip"]}
    assert score_chart(html, spec).criteria["interactivity"] == 10
    score = session.run(score_chart_rendered(html, spec, session.browser))
    assert score.criteria["interactivity"] == 0
    assert "tried in the browser" in score.reasons[0]


def test_data_only_drawn_by_script_counts_as_present(session: Session) -> None:
    html = """<!DOCTYPE html><html><body><svg width="300" height="100"></svg><script>
    const svg = document.querySelector('svg');
    const parts = ['No', 'rth: ', 40 * 3];
    const t = document.createElementNS('http://www.w3.org/2000/svg', 'text');
    t.setAttribute('y', 20); t.textContent = parts.join(''); svg.append(t);
    </script></body></html>"""
    spec = {"labels": ["North"], "values": [120]}
    assert score_chart(html, spec).criteria["data_presence"] < 30
    score = session.run(score_chart_rendered(html, spec, session.browser))
    assert score.criteria["data_presence"] == 30


def test_chart_type_is_read_from_the_library_instance(session: Session) -> None:
    html = chartjs().replace("type: 'bar'", "type: ['b', 'ar'].join('')")
    static = score_chart(html, {"chart_type": "bar"})
    assert static.criteria["chart_type_match"] < 10
    score = session.run(score_chart_rendered(html, {"chart_type": "bar"}, session.browser))
    assert score.criteria["chart_type_match"] == 10
    assert score.detected_types == ["bar"]


def test_an_endless_loop_loses_code_validity(session: Session) -> None:
    html = (
        "<!DOCTYPE html><html><body><svg width='10' height='10'><rect width='5' height='5'/>"
        "</svg><script>while (1) {}</script></body></html>"
    )
    score = session.run(score_chart_rendered(html, {}, session.browser))
    assert any("ran past the time limit" in reason for reason in score.reasons)


def test_a_failed_browser_falls_back_to_the_static_score() -> None:
    async def go() -> tuple[float, list[str]]:
        browser = ChartBrowser()  # never opened: every render fails
        score = await score_chart_rendered(chartjs(), {"chart_type": "bar"}, browser)
        return score.total, score.notes

    total, notes = asyncio.run(go())
    assert total == score_chart(chartjs(), {"chart_type": "bar"}).total
    assert any("browser check failed" in note and "static score only" in note for note in notes)
