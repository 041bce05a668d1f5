"""Charts render repeatably, with their libraries served from the local cache."""

from pathlib import Path

import pytest

from bench_scoring.browser import ChartBrowser

from .conftest import Session
from .support import browser_missing

pytestmark = pytest.mark.skipif(browser_missing() is not None, reason=str(browser_missing()))

CHART_JS = "https://cdn.jsdelivr.net/npm/chart.js@4.4.1/dist/chart.umd.min.js"


def chartjs(options: str = "{}") -> str:
    return f"""<!DOCTYPE html><html><head><script src="{CHART_JS}"></script></head><body>
<canvas id="c" width="600" height="300"></canvas>
<script>
new Chart(document.getElementById('c'), {{
  type: 'bar',
  data: {{ labels: ['North', 'South', 'East'],
          datasets: [{{ label: 'Sales', data: [120, 75, 98] }},
                     {{ label: 'Costs', data: [60, 40, 51] }}] }},
  options: Object.assign({{ animation: false, responsive: false }}, {options}),
}});
</script></body></html>"""


SVG_CHART = """<!DOCTYPE html><html><body>
<svg width="300" height="200" role="img" aria-label="Sales">
  <g class="bars"><rect x="20" y="40" width="50" height="160" fill="#1f6feb"></rect>
  <rect x="90" y="100" width="50" height="100" fill="#1f6feb"></rect></g>
</svg>
<script>
const svg = document.querySelector('svg');
const t = document.createElementNS('http://www.w3.org/2000/svg', 'text');
t.setAttribute('x', 20); t.setAttribute('y', 20); t.textContent = 'North 120';
svg.append(t);
</script></body></html>"""


def test_a_chartjs_chart_renders_from_the_cache_with_a_screenshot(
    session: Session, tmp_path: Path
) -> None:
    shot = tmp_path / "chart.png"
    rendering = session.run(session.browser.render(chartjs(), screenshot=shot))
    assert rendering.errors == []
    assert rendering.served == [CHART_JS]
    assert rendering.blocked == []
    assert rendering.has_canvas
    [instance] = rendering.libraries
    assert instance.library == "Chart.js"
    assert instance.types == ["bar"]
    assert instance.labels == ["North", "South", "East"]
    assert instance.series == ["Sales", "Costs"]
    assert instance.values == [120, 75, 98, 60, 40, 51]
    assert shot.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert rendering.screenshot == str(shot)


def test_a_plain_svg_chart_renders_with_its_script_drawn_text(
    session: Session, tmp_path: Path
) -> None:
    shot = tmp_path / "svg.png"
    rendering = session.run(session.browser.render(SVG_CHART, screenshot=shot))
    assert rendering.errors == []
    assert "North 120" in rendering.text
    assert rendering.svg.count("<rect") == 2
    assert "<text" in rendering.svg
    assert not rendering.has_canvas
    assert rendering.libraries == []
    assert shot.stat().st_size > 1000


def test_screenshots_repeat(session: Session, tmp_path: Path) -> None:
    shots = [tmp_path / "a.png", tmp_path / "b.png"]
    for shot in shots:
        session.run(session.browser.render(chartjs(), screenshot=shot))
    assert shots[0].read_bytes() == shots[1].read_bytes()


def test_a_library_missing_from_the_cache_is_blocked(tmp_path: Path) -> None:
    import asyncio

    from bench_scoring.browser import BrowserSettings

    async def go() -> tuple[list[str], list[str]]:
        settings = BrowserSettings(cache_dir=str(tmp_path))
        async with ChartBrowser(settings) as browser:
            rendering = await browser.render(chartjs())
        return rendering.blocked, rendering.errors

    blocked, errors = asyncio.run(go())
    assert blocked == [CHART_JS]
    assert any("Chart is not defined" in error for error in errors)


def test_script_errors_on_load_are_recorded(session: Session) -> None:
    html = (
        "<svg></svg><script>undefinedFunction();</script><script>console.error('bad data')</script>"
    )
    rendering = session.run(session.browser.render(html))
    assert any("undefinedFunction" in error for error in rendering.errors)
    assert "bad data" in rendering.errors


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[16:24]
    return int.from_bytes(header[:4], "big"), int.from_bytes(header[4:], "big")


def test_a_screenshot_is_cut_to_the_content_and_a_full_page_keeps_the_viewport(
    session: Session, tmp_path: Path
) -> None:
    small, full = tmp_path / "small.png", tmp_path / "full.png"
    session.run(session.browser.render(SVG_CHART, screenshot=small))
    width, height = png_size(small)
    assert 300 <= width <= 330
    assert 200 <= height <= 230
    large = '<svg width="1100" height="800"><rect width="50" height="50"/></svg>'
    session.run(session.browser.render(large, screenshot=full))
    assert png_size(full) == (1100, 800)
