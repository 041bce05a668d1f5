"""Clicking a mark: a chart whose click handler changes what shows passes; one that only
hovers, or whose handler does nothing visible, fails."""

import pytest

from bench_scoring import score_chart
from bench_scoring.browser import score_chart_rendered

from .conftest import Session
from .support import browser_missing
from .test_computed_styles import echarts_page
from .test_legend_and_zoom import LEGEND_PARAM, check, vega_page
from .test_rendering import CHART_JS

pytestmark = pytest.mark.skipif(browser_missing() is not None, reason=str(browser_missing()))


def svg_page(on_click: str) -> str:
    """Bars with a hover tooltip, and ``on_click`` run when a bar is clicked."""
    return f"""<!DOCTYPE html><html><body>
<div id="tip" class="tooltip" style="position: absolute; opacity: 0"></div>
<p id="detail">Pick a bar</p>
<svg width="300" height="200">
  <rect x="20" y="40" width="50" height="160" fill="#1f77b4" data-value="120"></rect>
  <rect x="90" y="100" width="50" height="100" fill="#1f77b4" data-value="75"></rect>
</svg>
<script>
const tip = document.getElementById('tip');
for (const bar of document.querySelectorAll('rect')) {{
  bar.addEventListener('mouseover', () => {{
    tip.textContent = 'Value: ' + bar.dataset.value; tip.style.opacity = 1;
    bar.setAttribute('stroke', '#000');
  }});
  bar.addEventListener('click', () => {{ {on_click} }});
}}
</script></body></html>"""


def test_a_click_that_changes_the_text_or_the_marks_passes(session: Session) -> None:
    text = svg_page(
        "document.getElementById('detail').textContent = 'Picked ' + bar.dataset.value;"
    )
    passed, detail = check(session, text, "click")
    assert passed, detail
    assert "the text shown" in detail
    marks = svg_page("bar.setAttribute('fill', '#d62728');")
    passed, detail = check(session, marks, "click")
    assert passed, detail


def test_hover_alone_or_a_click_that_changes_nothing_visible_fails(session: Session) -> None:
    passed, detail = check(session, svg_page("console.log('clicked', bar.dataset.value);"), "click")
    assert not passed
    assert "changed nothing" in detail


def chartjs_page(on_click: str) -> str:
    return f"""<!DOCTYPE html><html><head><script src="{CHART_JS}"></script></head><body>
<h2 id="title">All strategies</h2><canvas id="c" width="600" height="300"></canvas>
<script>
const chart = new Chart(document.getElementById('c'), {{
  type: 'bar',
  data: {{ labels: ['Momentum', 'Swing'], datasets: [{{ label: 'PnL', data: [120, 75] }}] }},
  options: {{ responsive: false, onClick: (event, elements) => {{ {on_click} }} }},
}});
</script></body></html>"""


def test_chartjs_on_click_that_redraws_passes_and_one_without_fails(session: Session) -> None:
    redraw = "if (elements.length) { chart.data.datasets[0].data[1] = 200; chart.update('none'); }"
    passed, detail = check(session, chartjs_page(redraw), "click")
    assert passed, detail
    assert "canvas 0" in detail
    passed, detail = check(session, chartjs_page(""), "click")
    assert not passed, detail


def test_echarts_click_handler_passes_and_a_tooltip_alone_does_not(session: Session) -> None:
    option = """{
        tooltip: {}, xAxis: { type: 'category', data: ['a', 'b', 'c'] }, yAxis: { type: 'value' },
        series: [{ type: 'bar', data: [3, 5, 4] }],
    }"""
    handler = """
    <script>chart.on('click', (item) => chart.setOption({
      series: [{ data: [3, 5, 4].map((v, i) => i === item.dataIndex ? v * 2 : v) }] }));
    </script>"""
    plain = echarts_page(option)
    passed, detail = check(session, plain.replace("</body>", handler + "</body>"), "click")
    assert passed, detail
    passed, detail = check(session, plain, "click")
    assert not passed, detail


def test_a_vega_click_selection_passes_and_a_plain_view_fails(session: Session) -> None:
    fade = "opacity: { condition: { param: 'pick', value: 1 }, value: 0.2 }"
    clicked = vega_page(LEGEND_PARAM.replace(", bind: 'legend'", ""), fade)
    clicked = clicked.replace("mark: 'line'", "mark: 'point'")
    passed, detail = check(session, clicked, "click")
    assert passed, detail
    assert "Vega 0 signal" in detail
    plain = vega_page("").replace("mark: 'line'", "mark: 'point'")
    assert not check(session, plain, "click")[0]


def test_a_click_the_code_promises_but_never_shows_loses_interactivity(session: Session) -> None:
    html = svg_page("console.log('clicked');")
    spec = {"interactivity": ["click"]}
    assert score_chart(html, spec).criteria["interactivity"] == 10
    score = session.run(score_chart_rendered(html, spec, session.browser))
    assert score.criteria["interactivity"] == 0
    assert "click: tried in the browser" in score.reasons[0]


def test_the_chart_with_the_click_handler_is_reached_among_several(session: Session) -> None:
    html = f"""<!DOCTYPE html><html><head><script src="{CHART_JS}"></script></head><body>
<h2 id="title">All</h2>
<canvas id="busy" width="500" height="250"></canvas><canvas id="bars" width="500" height="250">
</canvas>
<script>
const data = (n) => [1, 2, 3].map((v) => v * n);
new Chart(document.getElementById('busy'), {{ type: 'line', data: {{ labels: ['a', 'b', 'c'],
  datasets: [1, 2, 3, 4].map((n) => ({{ label: 's' + n, data: data(n) }})) }},
  options: {{ responsive: false, animation: false }} }});
new Chart(document.getElementById('bars'), {{ type: 'bar',
  data: {{ labels: ['x', 'y'], datasets: [{{ label: 'PnL', data: [5, 7] }}] }},
  options: {{ responsive: false, animation: false, onClick: (event, elements) => {{
    if (elements.length) document.getElementById('title').textContent = 'Picked';
  }} }} }});
</script></body></html>"""
    passed, detail = check(session, html, "click")
    assert passed, detail
    assert "the text shown" in detail
