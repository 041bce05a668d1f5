"""Legend toggles and zoom, exercised with the mouse: a chart that does it passes, one that
only looks as if it might fails."""

import pytest

from bench_scoring import score_chart
from bench_scoring.browser import score_chart_rendered

from .conftest import Session
from .support import browser_missing
from .test_computed_styles import D3, echarts_page
from .test_rendering import CHART_JS

pytestmark = pytest.mark.skipif(browser_missing() is not None, reason=str(browser_missing()))

PLOTLY = "https://cdn.jsdelivr.net/npm/plotly.js-dist-min@2.35.2/plotly.min.js"
VEGA = (
    "https://cdn.jsdelivr.net/npm/vega@5.30.0",
    "https://cdn.jsdelivr.net/npm/vega-lite@5.21.0",
    "https://cdn.jsdelivr.net/npm/vega-embed@6.26.0",
)


def check(session: Session, html: str, kind: str) -> tuple[bool, str]:
    rendering = session.run(session.browser.render(html, interactions=(kind,)))
    [result] = [c for c in rendering.checks if c.kind == kind]
    return result.passed, result.detail


def svg_legend(on_click: str) -> str:
    """Two series of bars (blue and orange) and a legend whose entries run ``on_click``."""
    return f"""<!DOCTYPE html><html><body>
<svg width="400" height="240">
  <g class="marks">
    <rect class="s0" x="20" y="40" width="30" height="160" fill="#1f77b4"></rect>
    <rect class="s0" x="90" y="80" width="30" height="120" fill="#1f77b4"></rect>
    <rect class="s1" x="55" y="60" width="30" height="140" fill="#ff7f0e"></rect>
    <rect class="s1" x="125" y="100" width="30" height="100" fill="#ff7f0e"></rect>
  </g>
  <g class="legend" transform="translate(300, 20)">
    <g class="entry" data-series="s0"><rect width="12" height="12" fill="#1f77b4"></rect>
      <text x="16" y="10">Stocks</text></g>
    <g class="entry" data-series="s1" transform="translate(0, 20)">
      <rect width="12" height="12" fill="#ff7f0e"></rect><text x="16" y="10">Crypto</text></g>
  </g>
</svg>
<script>
for (const entry of document.querySelectorAll('.entry')) {{
  entry.addEventListener('click', () => {{ const series = entry.dataset.series; {on_click} }});
}}
</script></body></html>"""


def test_an_svg_legend_that_hides_its_series_passes(session: Session) -> None:
    html = svg_legend(
        "document.querySelectorAll('.marks .' + series).forEach((m) => m.style.opacity = 0);"
    )
    passed, detail = check(session, html, "legend_toggle")
    assert passed, detail
    assert "swatch rgb(31, 119, 180)" in detail


def test_an_svg_legend_that_hides_another_series_fails(session: Session) -> None:
    html = svg_legend(
        "const other = series === 's0' ? 's1' : 's0';"
        "document.querySelectorAll('.marks .' + other).forEach((m) => m.remove());"
    )
    passed, detail = check(session, html, "legend_toggle")
    assert not passed, detail


def test_an_svg_legend_whose_click_does_nothing_fails(session: Session) -> None:
    passed, detail = check(session, svg_legend("void series;"), "legend_toggle")
    assert not passed
    assert detail.endswith("hid nothing")


def test_echarts_legend_toggles_unless_its_selection_is_off(session: Session) -> None:
    option = """{
        legend: {%s}, xAxis: { type: 'category', data: ['a', 'b'] }, yAxis: { type: 'value' },
        series: [{ name: 'Long', type: 'bar', data: [3, 5] },
                 { name: 'Short', type: 'bar', data: [2, 4] }],
    }"""
    assert check(session, echarts_page(option % ""), "legend_toggle")[0]
    assert not check(session, echarts_page(option % "selectedMode: false"), "legend_toggle")[0]


def plotly_page(layout: str = "{}", config: str = "{}") -> str:
    return f"""<!DOCTYPE html><html><head><script src="{PLOTLY}"></script></head><body>
<div id="g" style="width: 700px; height: 420px"></div>
<script>
Plotly.newPlot('g', [
  {{ name: 'Long', x: [1, 2, 3, 4], y: [3, 1, 4, 2], type: 'scatter', mode: 'lines' }},
  {{ name: 'Short', x: [1, 2, 3, 4], y: [1, 2, 2, 3], type: 'scatter', mode: 'lines' }},
], {layout}, {config});
</script></body></html>"""


def test_plotly_legend_toggles_unless_item_clicks_are_off(session: Session) -> None:
    assert check(session, plotly_page(), "legend_toggle")[0]
    assert not check(session, plotly_page("{ legend: { itemclick: false } }"), "legend_toggle")[0]


def vega_page(params: str, encoding: str = "") -> str:
    scripts = "".join(f'<script src="{url}"></script>' for url in VEGA)
    return f"""<!DOCTYPE html><html><head>{scripts}</head><body><div id="v"></div>
<script>
vegaEmbed('#v', {{
  $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
  width: 400, height: 240,
  data: {{ values: [
    {{ day: 'Mon', side: 'Long', pnl: 3 }}, {{ day: 'Mon', side: 'Short', pnl: 2 }},
    {{ day: 'Tue', side: 'Long', pnl: 5 }}, {{ day: 'Tue', side: 'Short', pnl: 1 }} ] }},
  params: [{params}],
  mark: 'line',
  encoding: {{
    x: {{ field: 'day', type: 'ordinal' }}, y: {{ field: 'pnl', type: 'quantitative' }},
    color: {{ field: 'side', type: 'nominal' }}, {encoding}
  }},
}}, {{ renderer: 'canvas', actions: false }});
</script></body></html>"""


LEGEND_PARAM = "{ name: 'pick', select: { type: 'point', fields: ['side'] }, bind: 'legend' }"
FADE = "opacity: { condition: { param: 'pick', value: 1 }, value: 0.1 }"


def test_a_vega_legend_binding_fades_the_other_series_on_a_canvas(session: Session) -> None:
    passed, detail = check(session, vega_page(LEGEND_PARAM, FADE), "legend_toggle")
    assert passed, detail
    assert "Vega legend entry" in detail


def test_a_vega_legend_without_a_binding_does_nothing(session: Session) -> None:
    passed, _ = check(session, vega_page(""), "legend_toggle")
    assert not passed


def test_a_vega_chart_is_read_through_its_view(session: Session) -> None:
    rendering = session.run(session.browser.render(vega_page("")))
    [instance] = rendering.libraries
    assert instance.library == "Vega"
    assert instance.types == ["line"]
    assert {"Mon", "Tue", "Long", "Short"} <= set(instance.labels)
    assert {3, 2, 5, 1} <= set(instance.values)


def test_echarts_zooms_with_a_data_zoom_and_not_without(session: Session) -> None:
    option = """{
        %s xAxis: { type: 'category', data: [...Array(40).keys()].map(String) },
        yAxis: { type: 'value' },
        series: [{ type: 'line', data: [...Array(40).keys()].map((i) => i * i) }],
    }"""
    inside = echarts_page(option % "dataZoom: [{ type: 'inside' }],")
    passed, detail = check(session, inside, "zoom")
    assert passed, detail
    assert "dataZoom" in detail
    assert not check(session, echarts_page(option % ""), "zoom")[0]


def test_an_echarts_slider_alone_zooms_by_dragging(session: Session) -> None:
    option = """{
        dataZoom: [{ type: 'slider' }],
        xAxis: { type: 'category', data: [...Array(40).keys()].map(String) },
        yAxis: { type: 'value' },
        series: [{ type: 'line', data: [...Array(40).keys()].map((i) => i * i) }],
    }"""
    passed, detail = check(session, echarts_page(option), "zoom")
    assert passed, detail


def test_plotly_zooms_by_dragging_unless_its_axes_are_fixed(session: Session) -> None:
    passed, detail = check(session, plotly_page(), "zoom")
    assert passed, detail
    assert "Plotly 0 xaxis" in detail
    fixed = plotly_page("{ xaxis: { fixedrange: true }, yaxis: { fixedrange: true } }")
    assert not check(session, fixed, "zoom")[0]


def chartjs_page(extra: str = "") -> str:
    return f"""<!DOCTYPE html><html><head><script src="{CHART_JS}"></script></head><body>
<canvas id="c" width="600" height="300"></canvas>
<script>
const chart = new Chart(document.getElementById('c'), {{
  type: 'line',
  data: {{ labels: [1, 2, 3, 4, 5, 6], datasets: [{{ label: 'PnL', data: [3, 1, 4, 1, 5, 9] }}] }},
  options: {{ animation: false, responsive: false, scales: {{ y: {{ min: 0, max: 10 }} }} }},
}});
{extra}
</script></body></html>"""


def test_chartjs_zoom_written_by_hand_is_exercised(session: Session) -> None:
    wheel = """chart.canvas.addEventListener('wheel', (e) => {
        e.preventDefault();
        chart.options.scales.y.max = chart.scales.y.max * (e.deltaY < 0 ? 0.8 : 1.25);
        chart.update('none');
    });"""
    passed, detail = check(session, chartjs_page(wheel), "zoom")
    assert passed, detail
    assert "Chart.js 0 y" in detail
    assert not check(session, chartjs_page(), "zoom")[0]


def d3_page(zoom: bool) -> str:
    attach = "svg.call(zoom);" if zoom else ""
    return f"""<!DOCTYPE html><html><head><script src="{D3}"></script></head><body>
<svg width="500" height="300"></svg>
<script>
const svg = d3.select('svg');
const x = d3.scaleLinear().domain([0, 10]).range([40, 480]);
const axis = svg.append('g').attr('class', 'x').attr('transform', 'translate(0, 280)');
axis.call(d3.axisBottom(x));
const dots = svg.append('g').selectAll('circle').data([1, 3, 5, 7, 9]).join('circle')
  .attr('cx', (d) => x(d)).attr('cy', 150).attr('r', 6);
const zoom = d3.zoom().on('zoom', (event) => {{
  const zx = event.transform.rescaleX(x);
  axis.call(d3.axisBottom(zx));
  dots.attr('cx', (d) => zx(d));
}});
{attach}
</script></body></html>"""


def test_d3_zoom_is_exercised_and_a_zoom_never_attached_fails(session: Session) -> None:
    passed, detail = check(session, d3_page(zoom=True), "zoom")
    assert passed, detail
    assert "d3.zoom" in detail
    assert not check(session, d3_page(zoom=False), "zoom")[0]


def test_vega_scales_bound_to_the_view_zoom(session: Session) -> None:
    bound = "{ name: 'grid', select: 'interval', bind: 'scales' }"
    html = vega_page(bound).replace("type: 'ordinal'", "type: 'quantitative'")
    html = html.replace("day: 'Mon'", "day: 1").replace("day: 'Tue'", "day: 2")
    passed, detail = check(session, html, "zoom")
    assert passed, detail
    assert "Vega 0 scale" in detail
    assert not check(session, vega_page(""), "zoom")[0]


def test_a_zoom_the_code_promises_but_never_attaches_loses_interactivity(
    session: Session,
) -> None:
    html = d3_page(zoom=False)
    spec = {"interactivity": ["zoom"]}
    assert score_chart(html, spec).criteria["interactivity"] == 10
    score = session.run(score_chart_rendered(html, spec, session.browser))
    assert score.criteria["interactivity"] == 0
    assert score.reasons[0].startswith("interactivity -10.00: zoom: tried in the browser")
