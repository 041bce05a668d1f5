"""Design tokens and rules read from computed styles: what scripts set counts, and is caught."""

from typing import Any

import pytest

from bench_scoring import ChartScore, score_chart
from bench_scoring.browser import score_chart_rendered

from .conftest import Session
from .support import browser_missing
from .test_rendering import CHART_JS

pytestmark = pytest.mark.skipif(browser_missing() is not None, reason=str(browser_missing()))

D3 = "https://cdn.jsdelivr.net/npm/d3@7.9.0/dist/d3.min.js"
ECHARTS = "https://cdn.jsdelivr.net/npm/echarts@5.5.0/dist/echarts.min.js"


def both(session: Session, html: str, spec: dict[str, Any]) -> tuple[ChartScore, ChartScore]:
    """The static score and the rendered one."""
    return score_chart(html, spec), session.run(score_chart_rendered(html, spec, session.browser))


def svg_page(script: str, head: str = "") -> str:
    return f"""<!DOCTYPE html><html><head>{head}</head><body>
<svg id="chart" width="300" height="200">
  <rect class="bar" x="20" y="40" width="50" height="160"></rect>
  <rect class="bar" x="90" y="100" width="50" height="100"></rect>
  <text x="20" y="20">North 120</text>
</svg>
<script>
const bars = [...document.querySelectorAll('.bar')];
{script}
</script></body></html>"""


def test_colors_fonts_radii_and_background_set_only_by_script_count(session: Session) -> None:
    html = svg_page(
        """
        const hex = (n) => '#' + n.toString(16).padStart(6, '0');
        bars[0].style.fill = hex(0x1f77b4);
        bars[1].style.fill = `rgb(${214}, ${39}, ${40})`;
        bars.forEach((b) => b.setAttribute('rx', 2 * 3));
        document.getElementById('chart').style.fontFamily = ['In', 'ter'].join('');
        document.body.style.backgroundColor = hex(0xfafafa);
        """
    )
    spec = {
        "tokens": {
            "colors": ["#1f77b4", "#d62728"],
            "fonts": ["Inter"],
            "radii": ["6px"],
            "background": "#fafafa",
        }
    }
    static, rendered = both(session, html, spec)
    assert static.criteria["design_tokens"] == 0
    assert rendered.criteria["design_tokens"] == 20, rendered.reasons
    assert any("computed styles of" in note for note in rendered.notes)


def test_a_d3_scheme_color_counts_where_the_page_never_writes_it(session: Session) -> None:
    html = svg_page(
        "d3.selectAll('.bar').attr('fill', (_, i) => d3.schemeCategory10[i]);",
        head=f'<script src="{D3}"></script>',
    )
    spec = {"tokens": {"colors": ["#1f77b4", "#ff7f0e"]}}
    static, rendered = both(session, html, spec)
    assert static.criteria["design_tokens"] == 0
    assert rendered.criteria["design_tokens"] == 20, rendered.reasons


def test_a_token_the_chart_does_not_paint_is_still_missing(session: Session) -> None:
    html = svg_page("bars.forEach((b) => { b.style.fill = 'rgb(31, 119, 180)'; });")
    spec = {"tokens": {"colors": ["#1f77b4", "#d62728"], "fonts": ["Inter"], "radii": ["4px"]}}
    _, rendered = both(session, html, spec)
    missing = [r for r in rendered.reasons if r.startswith("design_tokens")]
    assert len(missing) == 3, rendered.reasons
    assert not any("#1f77b4" in r for r in missing)


def test_browser_defaults_are_not_counted_as_tokens(session: Session) -> None:
    html = svg_page("")  # black fill and text, the default font, no background
    spec = {"tokens": {"colors": ["#000000"], "fonts": ["Times New Roman"], "background": "#fff"}}
    static, rendered = both(session, html, spec)
    assert static.criteria["design_tokens"] == 0
    assert rendered.criteria["design_tokens"] == 0, rendered.reasons


def test_a_page_that_fakes_computed_styles_gains_nothing(session: Session) -> None:
    html = svg_page(
        """
        const fake = () => ['#1f', '77b4'].join('');
        CSSStyleDeclaration.prototype.getPropertyValue = fake;
        window.getComputedStyle = () => ({ getPropertyValue: fake, fill: fake() });
        """
    )
    _, rendered = both(session, html, {"tokens": {"colors": ["#1f77b4"]}})
    assert rendered.criteria["design_tokens"] == 0, rendered.reasons


def test_chartjs_colors_and_font_built_at_runtime_count(session: Session) -> None:
    html = f"""<!DOCTYPE html><html><head><script src="{CHART_JS}"></script></head><body>
<canvas id="c" width="600" height="300"></canvas>
<script>
const shade = (r, g, b) => `rgb(${{r}}, ${{g}}, ${{b}})`;
Chart.defaults.font.family = ['Nu', 'nito'].join('');
new Chart(document.getElementById('c'), {{
  type: 'bar',
  data: {{ labels: ['North', 'South'],
          datasets: [{{ label: 'Sales', data: [120, 75], backgroundColor: shade(16, 185, 129),
                       borderRadius: 3 * 2 }}] }},
  options: {{ animation: false, responsive: false }},
}});
</script></body></html>"""
    spec = {"tokens": {"colors": ["#10b981"], "fonts": ["Nunito"], "radii": ["6px"]}}
    static, rendered = both(session, html, spec)
    assert static.criteria["design_tokens"] < 20
    assert rendered.criteria["design_tokens"] == 20, rendered.reasons


def test_chartjs_default_font_is_not_the_pages_choice(session: Session) -> None:
    html = f"""<!DOCTYPE html><html><head><script src="{CHART_JS}"></script></head><body>
<canvas id="c" width="600" height="300"></canvas>
<script>new Chart(document.getElementById('c'), {{ type: 'bar',
  data: {{ labels: ['A'], datasets: [{{ label: 'S', data: [1] }}] }},
  options: {{ animation: false, responsive: false }} }});</script></body></html>"""
    _, rendered = both(session, html, {"tokens": {"fonts": ["Helvetica Neue"]}})
    assert rendered.criteria["design_tokens"] == 0, rendered.reasons


def echarts_page(option: str) -> str:
    return f"""<!DOCTYPE html><html><head><script src="{ECHARTS}"></script></head><body>
<div id="c" style="width: 600px; height: 400px"></div>
<script>
const chart = echarts.init(document.getElementById('c'));
chart.setOption(Object.assign({{ animation: false }}, {option}));
</script></body></html>"""


def test_echarts_option_colors_fonts_and_radii_built_at_runtime_count(session: Session) -> None:
    html = echarts_page(
        """{
        color: [['#88', 'c0d0'].join('')],
        textStyle: { fontFamily: ['Fira', 'Sans'].join(' ') },
        xAxis: { type: 'category', data: ['Mon', 'Tue'] }, yAxis: { type: 'value' },
        series: [{ type: 'bar', data: [5, 7], itemStyle: { borderRadius: 2 + 2 } }],
        }"""
    )
    spec = {"tokens": {"colors": ["#88c0d0"], "fonts": ["Fira Sans"], "radii": ["4px"]}}
    static, rendered = both(session, html, spec)
    assert static.criteria["design_tokens"] < 20
    assert rendered.criteria["design_tokens"] == 20, rendered.reasons


def test_shadows_added_by_script_are_caught(session: Session) -> None:
    css_shadow = svg_page(
        """
        document.getElementById('chart').style.setProperty('box-' + 'shadow', '0 2px 8px #0004');
        """
    )
    text_shadow = svg_page("document.body.style['text' + 'Shadow'] = '1px 1px 2px gray';")
    svg_filter = svg_page(
        """
        const ns = 'http://www.w3.org/2000/svg';
        const filter = document.createElementNS(ns, 'filter');
        filter.id = 'soft';
        filter.append(document.createElementNS(ns, 'feDrop' + 'Shadow'));
        document.getElementById('chart').append(filter);
        bars[0].setAttribute('filter', 'url(#soft)');
        """
    )
    for html in (css_shadow, text_shadow, svg_filter):
        static, rendered = both(session, html, {})
        assert static.criteria["design_rules"] == 10
        assert rendered.criteria["design_rules"] == 5, rendered.reasons
        assert rendered.reasons[0].startswith("design_rules -5.00: no-shadows:"), rendered.reasons


def test_a_canvas_shadow_set_under_a_computed_name_is_caught(session: Session) -> None:
    html = """<!DOCTYPE html><html><body><canvas id="c" width="300" height="200"></canvas>
<script>
const ctx = document.getElementById('c').getContext('2d');
ctx['shadow' + 'Color'] = 'rgba(0, 0, 0, 0.5)';
ctx['shadow' + 'Blur'] = 8;
ctx.fillRect(20, 20, 50, 150);
</script></body></html>"""
    static, rendered = both(session, html, {})
    assert static.criteria["design_rules"] == 10
    assert rendered.criteria["design_rules"] == 5, rendered.reasons
    assert "canvas shadow" in rendered.reasons[0]


def test_a_transparent_canvas_shadow_is_no_shadow(session: Session) -> None:
    html = """<!DOCTYPE html><html><body><canvas id="c" width="300" height="200"></canvas>
<script>
const ctx = document.getElementById('c').getContext('2d');
ctx['shadow' + 'Blur'] = 8;
ctx.fillRect(20, 20, 50, 150);
</script></body></html>"""
    _, rendered = both(session, html, {})
    assert rendered.criteria["design_rules"] == 10, rendered.reasons


def test_gradients_added_by_script_are_caught(session: Session) -> None:
    css = svg_page("document.body.style.backgroundImage = 'linear-' + 'gradient(#fff, #eee)';")
    svg = svg_page(
        """
        const ns = 'http://www.w3.org/2000/svg';
        const g = document.createElementNS(ns, 'linear' + 'Gradient');
        g.id = 'fade';
        document.getElementById('chart').append(g);
        bars[1].style.fill = 'url(#fade)';
        """
    )
    canvas = """<!DOCTYPE html><html><body><canvas id="c" width="300" height="200"></canvas>
<script>
const ctx = document.getElementById('c').getContext('2d');
ctx.fillStyle = ctx['createLinear' + 'Gradient'](0, 0, 0, 200);
ctx.fillRect(20, 20, 50, 150);
</script></body></html>"""
    for html in (css, svg, canvas):
        static, rendered = both(session, html, {})
        assert static.criteria["design_rules"] == 10
        assert rendered.criteria["design_rules"] == 5, rendered.reasons
        assert rendered.reasons[0].startswith("design_rules -5.00: no-gradients:"), rendered.reasons


def test_an_echarts_gradient_is_caught_but_a_continuous_visual_map_is_not(
    session: Session,
) -> None:
    heatmap = """{
        xAxis: { type: 'category', data: ['a', 'b'] }, yAxis: { type: 'category', data: ['x'] },
        visualMap: { min: 0, max: 10, calculable: true },
        series: [{ type: 'heatmap', data: [[0, 0, 3], [1, 0, 8]] }],
    }"""
    _, rendered = both(session, echarts_page(heatmap), {})
    assert rendered.criteria["design_rules"] == 10, rendered.reasons
    faded = """{
        xAxis: { type: 'category', data: ['a', 'b'] }, yAxis: { type: 'value' },
        series: [{ type: 'bar', data: [3, 8], itemStyle: { color: new echarts.graphic['Linear'
          + 'Gradient'](0, 0, 0, 1, [{ offset: 0, color: '#fff' }, { offset: 1, color: '#00f' }])
        } }],
    }"""
    static, rendered = both(session, echarts_page(faded), {})
    assert static.criteria["design_rules"] == 10
    assert rendered.criteria["design_rules"] == 5, rendered.reasons
    assert "gradient" in rendered.reasons[0]


def test_rules_the_code_already_broke_are_not_charged_twice(session: Session) -> None:
    html = svg_page(
        "document.body.style.setProperty('box-' + 'shadow', '0 0 4px red');",
        head="<style>svg { box-shadow: 0 1px 2px #000; }</style>",
    )
    static, rendered = both(session, html, {})
    assert static.criteria["design_rules"] == 5
    assert rendered.criteria["design_rules"] == 5, rendered.reasons
