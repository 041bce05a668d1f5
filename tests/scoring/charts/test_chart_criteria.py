"""One rule of each chart criterion per test, on small documents."""

from __future__ import annotations

import pytest

from bench_scoring import score_chart


def svg(body: str, head: str = "", script: str = "") -> str:
    """A page with one ``<svg>`` holding ``body``, ``head`` in its head and ``script`` after."""
    return (
        f"<!DOCTYPE html><html><head>{head}</head><body><svg viewBox='0 0 400 300'>{body}</svg>"
        f"<script>{script}</script></body></html>"
    )


def shows(text: str, value: float, **spec: object) -> bool:
    page = svg(f"<text x='1' y='1'>{text}</text>")
    return score_chart(page, {"values": [value], **spec}).criteria["data_presence"] == 30


# --- data presence ---


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1234.5", 1234.5),
        ("1,234.5", 1234.5),
        ("1 234.5", 1234.5),
        ("1\u202f234.5", 1234.5),
        ("$1,234.50", 1234.5),
        ("-1234.5", -1234.5),
        ("\u22121,234.5", -1234.5),
        ("(1,234.5)", -1234.5),
        ("-$1,234.50", -1234.5),
        ("12.3%", 12.3),
        ("€0.5", 0.5),
        ("1,234,567.89", 1234567.89),
    ],
)
def test_a_value_is_found_in_its_common_written_forms(text: str, value: float) -> None:
    assert shows(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2024", 202),
        ("2024", 24),
        ("1234.5", 234.5),
        ("12px", 12),
        ("Q1", 1),
        ("#333", 333),
        ("1234.6", 1234.5),
        ("-1234.5", 1234.5),
    ],
)
def test_a_value_is_not_found_inside_a_longer_number_or_a_word(text: str, value: float) -> None:
    assert not shows(text, value)


def test_rounding_is_allowed_to_the_spec_decimals_or_more_and_no_further() -> None:
    assert shows("$1,235", 1234.5, decimals=0)
    assert shows("1234.46", 1234.456, decimals=1)
    assert shows("1234.5", 1234.456, decimals=1)
    assert not shows("1234.4", 1234.456, decimals=1)
    assert not shows("1235", 1234.456, decimals=1)
    assert not shows("$1,235", 1234.5)  # decimals None: exactly as given


def test_compact_forms_count_only_where_the_spec_allows_them() -> None:
    assert shows("$1.2K", 1234.5, compact=True)
    assert shows("1.23M", 1_234_000, compact=True)
    assert shows("$4.5B", 4_500_000_000, compact=True)
    assert shows("1K", 1000, compact=True)
    assert not shows("1K", 1234.5, compact=True)  # one significant digit is too coarse
    assert not shows("$1.2K", 1234.5)


def test_script_data_counts_numerically_and_as_strings() -> None:
    page = svg("", script="const d = [{v: -321.4, s: '$1,234.50'}, 7e3];")
    score = score_chart(page, {"values": [-321.4, 1234.5, 7000], "labels": []})
    assert score.criteria["data_presence"] == 30


def test_geometry_attributes_do_not_show_values() -> None:
    page = svg("<rect x='10' y='20' width='40' height='120'/>")
    assert score_chart(page, {"values": [120]}).criteria["data_presence"] == 0


def test_labels_compare_case_insensitively_with_whitespace_folded() -> None:
    page = svg("<text><tspan>MEAN</tspan>\n   <tspan>reversion</tspan></text>")
    assert score_chart(page, {"labels": ["Mean Reversion"]}).criteria["data_presence"] == 30


def test_a_label_inside_a_longer_word_is_not_found() -> None:
    page = svg("<text>Q10 Pairsy</text>")
    score = score_chart(page, {"labels": ["Q1", "Pairs"]})
    assert score.criteria["data_presence"] == 0
    assert len(score.deductions) == 2


def test_labels_are_found_in_data_and_aria_attributes_and_titles() -> None:
    page = svg(
        "<rect data-symbol='AAPL' width='1' height='1'><title>MSFT</title></rect>"
        "<g aria-label='NVDA'></g><desc>TSLA</desc>"
    )
    assert score_chart(page, {"labels": ["AAPL", "MSFT", "NVDA", "TSLA"]}).total == 100


# --- design tokens ---


@pytest.mark.parametrize(
    "written",
    [
        "#2563eb",
        "#2563EB",
        "#2563ebff",
        "rgb(37, 99, 235)",
        "rgba(37,99,235,0.4)",
        "rgb(37 99 235 / 50%)",
        "hsl(221.2, 83.2%, 53.3%)",
    ],
)
def test_a_color_token_is_found_in_any_notation(written: str) -> None:
    page = svg(f"<rect width='9' height='9' fill='{written}'/>")
    assert score_chart(page, {"tokens": {"colors": ["#2563eb"]}}).total == 100


def test_named_colors_and_short_hex_are_the_same_colors() -> None:
    page = svg("", head="<style>.a { color: rebeccapurple; } .b { fill: #fff; }</style>")
    tokens = {"colors": ["#663399", "white"]}
    assert score_chart(page, {"tokens": tokens}).criteria["design_tokens"] == 20


def test_a_translucent_token_needs_its_own_opacity() -> None:
    page = svg("<rect width='9' height='9' fill='rgba(37, 99, 235, 0.9)'/>")
    assert score_chart(page, {"tokens": {"colors": ["rgba(37,99,235,0.5)"]}}).total == 80


def test_fonts_are_found_with_quotes_fallbacks_and_in_the_font_shorthand() -> None:
    head = "<style>body { font: 600 12px/1.5 'IBM Plex Sans', sans-serif; }</style>"
    script = "ctx.font = '11px Roboto Mono';"
    page = svg("<text font-family='Inter, Arial'>x</text>", head=head, script=script)
    tokens = {"fonts": ["IBM Plex Sans", "inter", '"Roboto Mono", monospace']}
    assert score_chart(page, {"tokens": tokens}).criteria["design_tokens"] == 20


def test_radii_are_found_in_css_svg_and_library_config() -> None:
    head = "<style>.card { border-top-left-radius: 0.5rem; }</style>"
    script = "const o = {itemStyle: {borderRadius: [6, 6, 0, 0]}, mark: {cornerRadius: 10}};"
    page = svg("<rect width='9' height='9' ry='3'/>", head=head, script=script)
    tokens = {"radii": ["8px", "3px", "6px", "10"]}
    assert score_chart(page, {"tokens": tokens}).criteria["design_tokens"] == 20


def test_a_pie_radius_is_not_a_corner_radius() -> None:
    page = svg("", script="chart.setOption({series: [{type: 'pie', radius: 4}]});")
    assert score_chart(page, {"tokens": {"radii": ["4px"]}}).criteria["design_tokens"] == 0


def test_the_background_must_be_used_as_a_background() -> None:
    page = svg("<rect width='9' height='9' fill='#0b1220'/>")
    assert score_chart(page, {"tokens": {"background": "#0b1220"}}).criteria["design_tokens"] == 0
    backdrop = svg("<rect width='100%' height='100%' fill='#0b1220'/>")
    assert score_chart(backdrop, {"tokens": {"background": "#0b1220"}}).total == 100
    plotly = svg("", script="Plotly.newPlot('p', [], {paper_bgcolor: '#0b1220'});")
    assert (
        score_chart(plotly, {"tokens": {"background": "#0b1220"}}).criteria["design_tokens"] == 20
    )


# --- design rules ---


@pytest.mark.parametrize(
    ("rule", "markup"),
    [
        ("no-shadows", "<style>.card { box-shadow: 0 1px 2px #000; }</style>"),
        ("no-shadows", "<style>h1 { text-shadow: 1px 1px red; }</style>"),
        ("no-shadows", "<svg><filter id='f'><feDropShadow dx='1'/></filter></svg>"),
        ("no-shadows", "<script>d3.select('#t').style('box-shadow', '0 2px 4px gray');</script>"),
        (
            "no-shadows",
            "<script>tip.innerHTML = '<div style=\"box-shadow: 0 0 4px\">x</div>';</script>",
        ),
        ("no-shadows", "<script>ctx.shadowBlur = 6;</script>"),
        ("no-gradients", "<style>body { background: linear-gradient(#fff, #eee); }</style>"),
        ("no-gradients", "<svg><radialGradient id='g'/></svg>"),
        ("no-gradients", "<script>const g = ctx.createLinearGradient(0, 0, 0, 300);</script>"),
        ("no-gradients", "<script>d3.select('defs').append('linearGradient');</script>"),
        ("no-gradients", "<script>const c = {type: 'linear', colorStops: []};</script>"),
        ("no-animation", "<style>.bar { transition: height 0.3s; }</style>"),
        ("no-animation", "<style>@keyframes grow { from { height: 0; } }</style>"),
        ("no-animation", "<svg><rect><animate attributeName='height'/></rect></svg>"),
        ("no-animation", "<script>echarts.init(el).setOption({series: []});</script>"),
        ("no-3d", "<style>.card { transform: rotateX(20deg); }</style>"),
        ("no-3d", "<script>Plotly.newPlot('p', [{type: 'surface', z: []}]);</script>"),
        (
            "no-external-fonts",
            "<link rel='stylesheet' href='https://fonts.googleapis.com/css2?family=Inter'>",
        ),
        (
            "no-external-fonts",
            "<style>@import url('https://fonts.bunny.net/css?family=inter');</style>",
        ),
        ("no-external-fonts", "<style>@font-face { font-family: X; src: url(x.woff2); }</style>"),
        ("no-images", "<img src='logo.png' alt='logo'>"),
        ("no-images", "<svg><image href='a.png'/></svg>"),
        ("no-images", "<style>.card { background-image: url('bg.png'); }</style>"),
    ],
)
def test_each_rule_is_broken_by_what_it_bans(rule: str, markup: str) -> None:
    page = f"<!DOCTYPE html><html><body><svg></svg>{markup}</body></html>"
    score = score_chart(page, {"rules": [rule]})
    assert score.criteria["design_rules"] < 10
    assert any(
        reason.startswith("design_rules") and f": {rule}: " in reason for reason in score.reasons
    )


@pytest.mark.parametrize(
    ("rule", "markup"),
    [
        ("no-shadows", "<style>.card { box-shadow: none; }</style>"),
        (
            "no-shadows",
            "<script>chart.setOption({series: [{itemStyle: {shadowBlur: 0}}]});</script>",
        ),
        ("no-animation", "<style>.bar { transition: none; }</style>"),
        (
            "no-animation",
            "<script>new Chart(c, {type: 'bar', options: {animation: false}});</script>",
        ),
        (
            "no-animation",
            "<script>new Chart(c, {type: 'bar', options: {animation: {duration: 0}}});</script>",
        ),
        (
            "no-external-fonts",
            "<style>@font-face { font-family: X; src: url(data:font/woff2;base64,AAAA); }</style>",
        ),
        ("no-gradients", "<script>const color = d3.scaleSequential(d3.interpolateBlues);</script>"),
    ],
)
def test_what_a_rule_does_not_ban_keeps_full_marks(rule: str, markup: str) -> None:
    page = f"<!DOCTYPE html><html><body><svg></svg>{markup}</body></html>"
    assert score_chart(page, {"rules": [rule]}).criteria["design_rules"] == 10


def test_each_rule_in_force_is_an_equal_share_split_among_its_findings() -> None:
    markup = "<style>.a { box-shadow: 0 0 1px red; } .b { text-shadow: 0 0 1px red; }</style>"
    score = score_chart(f"<!DOCTYPE html><svg></svg>{markup}", {"rules": ["no-3d", "no-images"]})
    shadows = [d for d in score.deductions if d.criterion == "design_rules"]
    assert [d.points for d in shadows] == [1.25, 1.25]  # 10 / 4 rules, split in two


# --- chart type ---


@pytest.mark.parametrize(
    ("wanted", "detected", "points"),
    [
        ("bar", "stacked", 10),
        ("stacked_bar", "grouped", 0),
        ("line", "filled", 5),
        ("area", "line", 0),
        ("line+bar", "combo", 10),
        ("line+pie", "combo", 5),
    ],
)
def test_requested_types_are_matched_with_their_documented_allowances(
    wanted: str, detected: str, points: float
) -> None:
    configs = {
        "stacked": (
            "{type: 'bar', data: {datasets: [{data: [1]}]}, "
            "options: {scales: {x: {stacked: true}}}}"
        ),
        "grouped": "{type: 'bar', data: {datasets: [{data: [1]}, {data: [2]}]}}",
        "filled": "{type: 'line', data: {datasets: [{data: [1, 2], fill: true}]}}",
        "line": "{type: 'line', data: {datasets: [{data: [1, 2]}]}}",
        "combo": "{type: 'bar', data: {datasets: [{data: [1]}, {type: 'line', data: [2]}]}}",
    }
    page = f"<!DOCTYPE html><canvas></canvas><script>new Chart(c, {configs[detected]});</script>"
    assert score_chart(page, {"chart_type": wanted}).criteria["chart_type_match"] == points


def test_an_echarts_axis_pointer_of_type_line_is_not_a_line_series() -> None:
    page = (
        "<!DOCTYPE html><div id=m></div><script>echarts.init(m).setOption({"
        "tooltip: {trigger: 'axis', axisPointer: {type: 'line'}},"
        "series: [{type: 'bar', data: [1, 2]}]});</script>"
    )
    assert score_chart(page, {}).detected_types == ["bar"]


def test_plotly_scatter_without_a_mode_draws_lines() -> None:
    page = (
        "<!DOCTYPE html><script>"
        "Plotly.newPlot('p', [{x: [1, 2, 3], y: [3, 1, 2], type: 'scatter'}]);</script>"
    )
    assert score_chart(page, {}).detected_types == ["line"]


def test_vega_lite_bars_split_by_color_are_stacked() -> None:
    page = (
        "<!DOCTYPE html><script>vegaEmbed('#v', {mark: 'bar', encoding: {"
        "x: {field: 'quarter'}, y: {field: 'pnl', aggregate: 'sum'}, "
        "color: {field: 'strategy'}}});</script>"
    )
    assert score_chart(page, {}).detected_types == ["stacked_bar"]


def test_svg_line_markers_are_not_a_scatter() -> None:
    points = " ".join(f"{x},{(x * 7) % 90}" for x in range(10, 200, 20))
    dots = "".join(f"<circle cx='{x}' cy='{(x * 7) % 90}' r='3'/>" for x in range(10, 200, 20))
    page = svg(f"<polyline fill='none' stroke='#000' points='{points}'/>{dots}")
    assert score_chart(page, {}).detected_types == ["line"]


def test_transparent_hit_areas_are_not_bars() -> None:
    hits = "".join(
        f"<rect x='{x}' y='0' width='40' height='300' fill='transparent'/>"
        for x in range(0, 400, 40)
    )
    page = svg(f"<path d='M0,200 L100,120 L200,160 L300,40' fill='none' stroke='red'/>{hits}")
    assert score_chart(page, {}).detected_types == ["line"]


# --- interactivity ---


@pytest.mark.parametrize(
    ("kind", "script"),
    [
        ("click", "document.querySelector('svg').addEventListener('click', () => {});"),
        ("click", "new Chart(c, {type: 'bar', options: {onClick: (e) => show(e)}});"),
        ("zoom", "d3.select('svg').call(d3.zoom().on('zoom', zoomed));"),
        ("zoom", "echarts.init(m).setOption({dataZoom: [{type: 'inside'}], series: []});"),
        ("legend_toggle", "new Chart(c, {type: 'line', data: {datasets: []}});"),
        ("legend_toggle", "echarts.init(m).setOption({legend: {}, series: []});"),
        ("hover", "d3.selectAll('rect').on('pointermove.tip', show);"),
        ("tooltip", "d3.selectAll('rect').append('title').text((d) => d.v);"),
    ],
)
def test_interaction_evidence_is_found_in_code(kind: str, script: str) -> None:
    page = f"<!DOCTYPE html><canvas></canvas><script src='x.js'></script><script>{script}</script>"
    assert score_chart(page, {"interactivity": [kind]}).criteria["interactivity"] == 10


@pytest.mark.parametrize(
    ("kind", "script"),
    [
        (
            "legend_toggle",
            "new Chart(c, {type: 'line', options: {plugins: {legend: {display: false}}}});",
        ),
        ("zoom", "echarts.init(m).setOption({series: []});"),
        ("tooltip", "echarts.init(m).setOption({series: []});"),
        (
            "tooltip",
            "d3.selectAll('rect').on('mouseover', (e) => e.target.setAttribute('opacity', 0.5));",
        ),
        ("click", "d3.selectAll('rect').on('mouseover', highlight);"),
    ],
)
def test_missing_interaction_evidence_loses_its_share(kind: str, script: str) -> None:
    page = f"<!DOCTYPE html><canvas></canvas><script>{script}</script>"
    score = score_chart(page, {"interactivity": [kind, "hover"]})
    assert score.criteria["interactivity"] == 5
    assert score.reasons[-1].startswith(f"interactivity -5.00: {kind.replace('_', ' ')}: asked for")
