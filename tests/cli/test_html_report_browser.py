"""The HTML reports opened in headless Chromium: no console error, no request, and the charts
that Plotly drew hold the report's numbers."""

from __future__ import annotations

import http.server
import importlib.util
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from bench_cli.html import render_compare_html, render_run_html

from .html_fixtures import (
    CHARTS_DIR,
    HOSTILE,
    RUN_STEM,
    comparison,
    hostile_report,
    hostile_run,
    prompts,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page


def _browser_missing() -> str | None:
    if importlib.util.find_spec("playwright") is None:
        return "playwright is not installed: pip install 'bench-scoring[browser]'"
    from bench_scoring.browser import find_chromium

    try:
        find_chromium()
    except FileNotFoundError as error:
        return str(error)
    return None


pytestmark = pytest.mark.skipif(_browser_missing() is not None, reason=str(_browser_missing()))

# Chromium calls home unless told not to; as root it needs --no-sandbox (see NOTES.md).
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DRAWN = """() => {
    const figures = Array.from(document.querySelectorAll('[data-figure]'));
    return figures.length > 0 && figures.every(n => n.classList.contains('js-plotly-plot'));
}"""
TRACES = """id => Array.from(document.getElementById(id).data, t => ({
    name: t.name, x: t.x, y: t.y,
    above: t.error_y ? t.error_y.array : null, below: t.error_y ? t.error_y.arrayminus : null}))"""


@dataclass
class Visit:
    """An opened report and what it did: console errors and every request it made."""

    page: Page
    url: str
    problems: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def traces(self, figure: str) -> list[dict[str, Any]]:
        traces: list[dict[str, Any]] = self.page.evaluate(TRACES, f"fig-{figure}")
        return traces

    def count(self) -> str:
        return str(self.page.locator("#item-table .count").text_content())


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    from bench_scoring.browser import find_chromium

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=find_chromium(), args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def visit(chromium: Browser) -> Iterator[Any]:
    contexts = []

    def open_page(path: Path) -> Visit:
        context = chromium.new_context(viewport={"width": 1280, "height": 900})
        contexts.append(context)
        page = context.new_page()
        seen = Visit(page=page, url=path.as_uri())
        page.on("console", lambda m: seen.problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda error: seen.problems.append(str(error)))
        page.on("request", lambda request: seen.requests.append(request.url))
        page.goto(seen.url)
        # Polled from here: wait_for_function evaluates strings in the page, which its CSP
        # rightly refuses.
        deadline = time.monotonic() + 20
        while not page.evaluate(DRAWN):
            assert time.monotonic() < deadline, "the figures were not drawn"
            page.wait_for_timeout(50)
        return seen

    yield open_page
    for context in contexts:
        context.close()


def test_run_report_draws_the_reports_numbers_without_errors_or_requests(
    tmp_path: Path, visit: Any
) -> None:
    run, run_path = hostile_run(tmp_path)
    report = hostile_report(run)
    page_path = tmp_path / "report.html"
    page_path.write_text(render_run_html(report, run, run_path, prompts), encoding="utf-8")
    seen: Visit = visit(page_path)
    summary = report["summary"]

    (difficulty,) = seen.traces("difficulty")
    assert difficulty["x"] == ["easy", "medium", "hard", "expert"]
    assert difficulty["y"] == [summary["by_difficulty"][d]["value"] for d in difficulty["x"]]
    assert difficulty["above"] == pytest.approx(
        [
            summary["by_difficulty"][d]["high"] - summary["by_difficulty"][d]["value"]
            for d in difficulty["x"]
        ]
    )
    (suites,) = seen.traces("suite")
    assert suites["y"] == [summary["by_suite"][s]["value"] for s in ("tools", "charts")]
    (curve,) = seen.traces("quality")
    assert curve["y"] == [summary["quality_curve"]["points"][str(q)] for q in curve["x"]]
    (cost,) = seen.traces("cost")
    assert (cost["x"], cost["y"]) == ([report["usage"]["cost"]], [summary["overall"]["value"]])
    (latency,) = seen.traces("latency")
    assert latency["y"][0] == report["latency_s"]["p50"]
    (errors,) = seen.traces("errors")
    assert errors["y"] == [1, 1]
    # Plotly drew a bar for each difficulty, and the domain named in markup shows as text.
    assert seen.page.locator("#fig-difficulty g.point").count() == 4
    ticks = seen.page.locator("#fig-domain .xtick text").all_text_contents()
    assert "ops<i>&</i>" in ticks
    assert seen.page.locator(".headline .big").text_content() == (
        f"{summary['overall']['value']:.1f}%"
    )

    assert seen.problems == []
    assert seen.requests == [seen.url]
    assert seen.page.evaluate("window.__pwned") is None
    assert seen.page.locator("img[onerror]").count() == 0
    assert seen.page.locator("script").count() == 3  # the data, plotly.js, the page's own


def test_item_table_filters_and_opens_items_as_text(tmp_path: Path, visit: Any) -> None:
    run, run_path = hostile_run(tmp_path)
    report = hostile_report(run)
    page_path = tmp_path / "report.html"
    page_path.write_text(render_run_html(report, run, run_path, prompts), encoding="utf-8")
    seen: Visit = visit(page_path)
    page = seen.page
    total = len(run.latest())
    assert seen.count() == f"{total} of {total} items"

    page.fill("#item-table input", "C_H01")
    assert seen.count() == f"3 of {total} items"
    page.fill("#item-table input", "")
    page.select_option("[data-filter=status]", "model_error")
    assert seen.count() == f"1 of {total} items"
    page.select_option("[data-filter=status]", "")
    page.select_option("[data-filter=suite]", "charts")
    page.select_option("[data-filter=difficulty]", "hard")
    assert seen.count() == f"3 of {total} items"
    page.select_option("[data-filter=suite]", "")
    page.select_option("[data-filter=difficulty]", "")

    page.locator("#item-table tr.row", has_text="ZZ_E01").click()
    assert "prompt not available" in str(page.locator("tr.detail").last.text_content())

    page.fill("#item-table input", "E01")
    page.locator("#item-table tr.row[data-key=E01_Q1]").click()
    detail = page.locator("tr.detail").last
    texts = detail.locator("pre").all_text_contents()
    assert f"Prompt of E01 at quality 1: {HOSTILE}" in texts
    assert f"Done. {HOSTILE}" in texts
    assert 'get_trades({"note": "</script>"})' in texts
    assert f"Fine. {HOSTILE}" in texts  # the judge's verdict
    assert "correctness 90" in str(detail.text_content())

    page.locator("#item-table tr.row[data-key=E01_Q2]").click()
    reasons = page.locator("tr.detail").last.locator("li").all_text_contents()
    assert f"missing required argument {HOSTILE}" in reasons

    page.fill("#item-table input", "")
    page.click("#item-table th[data-key=score]")
    scores = page.locator("#item-table tr.row td:last-child").all_text_contents()
    assert scores.count("—") == 1  # the infra error: left out of the score, not a 0
    shown = [0.0 if s == "—" else float(s) for s in scores]
    assert shown == sorted(r.score for r in run.latest())

    assert seen.problems == []
    assert seen.requests == [seen.url]
    assert page.evaluate("window.__pwned") is None
    assert page.locator("img[onerror]").count() == 0
    assert page.locator("script").count() == 3


def test_gallery_shows_each_screenshot_with_its_score_and_link(tmp_path: Path, visit: Any) -> None:
    run, run_path = hostile_run(tmp_path)
    report = hostile_report(run)
    page_path = tmp_path / "report.html"
    page_path.write_text(render_run_html(report, run, run_path, prompts), encoding="utf-8")
    seen: Visit = visit(page_path)
    cards = seen.page.locator("#gallery-cards figure")
    assert cards.count() == 4  # C_E01 Q1–Q3 and C_H01 Q1
    widths = seen.page.eval_on_selector_all(
        "#gallery-cards img", "images => images.map(i => i.complete && i.naturalWidth)"
    )
    assert widths == [4, 4, 4, 5]
    first = cards.first
    assert first.get_attribute("id") == "shot-C_E01_Q1"
    assert first.locator("a").get_attribute("href") == f"{RUN_STEM}.report_sandboxed/C_E01_Q1.html"
    assert first.locator(".score").text_content() == "100.0"
    assert seen.problems == []
    assert seen.requests == [seen.url]


def test_compare_report_draws_one_series_per_model(tmp_path: Path, visit: Any) -> None:
    compared = comparison()
    page_path = tmp_path / "compare.html"
    page_path.write_text(render_compare_html(compared), encoding="utf-8")
    seen: Visit = visit(page_path)
    labels = [run["label"] for run in compared["runs"]]
    for figure, key in (("difficulty", "by_difficulty"), ("suite", "by_suite")):
        traces = seen.traces(figure)
        assert len(traces) == len(labels)
        for trace, label in zip(traces, labels, strict=True):
            scores = compared["summaries"][label][key]
            assert trace["y"] == [scores[x]["value"] for x in trace["x"]]
    quality = seen.traces("quality")
    for trace, label in zip(quality, labels, strict=True):
        points = compared["summaries"][label]["quality_curve"]["points"]
        assert trace["y"] == [points[q] for q in trace["x"]]
    (differences,) = seen.traces("differences")
    assert differences["x"] == [42.5, 5.0]
    # A label is shown as written: Plotly does not read it as markup.
    legend = seen.page.locator("#fig-suite .legendtext").all_text_contents()
    assert legend == ["Model A", "<b>Model B</b>"]
    rows = seen.page.locator("#differences tbody tr")
    assert rows.nth(1).locator("td").last.text_content() == "tied"
    assert seen.problems == []
    assert seen.requests == [seen.url]


def test_the_sandboxed_chart_runs_its_script_but_reaches_nothing(
    tmp_path: Path, chromium: Browser
) -> None:
    from bench_cli.html import write_run_html
    from bench_cli.html._sandbox import sandbox_path

    hits: list[str] = []

    class Canary(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Canary)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    run, run_path = hostile_run(tmp_path)
    chart = tmp_path / CHARTS_DIR / "C_E01_Q1.html"
    canary = f"http://127.0.0.1:{server.server_address[1]}"
    chart.write_text(
        f'<meta http-equiv="refresh" content="1;url={canary}/refresh">'
        f'<svg><text id="t">drawn</text></svg><img src="{canary}/img">'
        '<script>document.getElementById("t").textContent = "scripted";'
        f'fetch("{canary}/fetch").catch(() => 0); window.open("{canary}/open");'
        f'try {{ top.location = "{canary}/top"; }} catch (e) {{}}'
        "try { window.__parent = parent.document.title; }"
        " catch (e) { window.__parent = 'refused'; }"
        "</script>"
    )
    html_path = tmp_path / "report.html"
    write_run_html(hostile_report(run), run, run_path, html_path, [])
    wrapper = sandbox_path(html_path, chart)
    context = chromium.new_context()
    page = context.new_page()
    page.goto(wrapper.as_uri())
    (frame,) = [f for f in page.frames if f.url == "about:srcdoc"]
    assert frame.evaluate("document.getElementById('t').textContent") == "scripted"
    assert frame.evaluate("window.__parent") == "refused"  # an opaque origin: not the wrapper's
    page.wait_for_timeout(2000)  # the refresh is due after 1 s
    assert page.url == wrapper.as_uri()
    context.close()
    server.shutdown()
    server.server_close()
    assert hits == []  # no image, fetch, pop-up, refresh or navigation reached the canary


def test_the_sandboxed_chart_gets_its_library_from_the_local_cache(
    tmp_path: Path, chromium: Browser
) -> None:
    from bench_cli._library_cache import default_cache_dir, read_manifest
    from bench_cli.html import write_run_html
    from bench_cli.html._sandbox import LIBRARIES_FILE, sandbox_path

    if not any(entry.package == "chart.js" for entry in read_manifest(default_cache_dir())):
        pytest.skip("Chart.js is not in the library cache: run `bench-run setup`")
    run, run_path = hostile_run(tmp_path)
    chart = tmp_path / CHARTS_DIR / "C_E01_Q1.html"
    chart.write_text(
        '<canvas id="c" width="300" height="200"></canvas>'
        '<script src="https://cdn.jsdelivr.net/npm/chart.js@4"></script>'
        "<script>new Chart(document.getElementById('c'), {type: 'bar', options: {animation:"
        " false}, data: {labels: ['a', 'b'], datasets: [{data: [3, 5]}]}});"
        "window.__drawn = typeof Chart;</script>"
    )
    html_path = tmp_path / "report.html"
    write_run_html(hostile_report(run), run, run_path, html_path, [])
    wrapper = sandbox_path(html_path, chart)
    assert (wrapper.parent / LIBRARIES_FILE).is_file()
    assert "cdn.jsdelivr.net" not in wrapper.read_text(encoding="utf-8")
    context = chromium.new_context()
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.goto(wrapper.as_uri())
    deadline = time.monotonic() + 10
    while not [f for f in page.frames if f.url == "about:srcdoc"]:
        assert time.monotonic() < deadline, "the chart was not given to its frame"
        page.wait_for_timeout(50)
    (frame,) = [f for f in page.frames if f.url == "about:srcdoc"]
    frame.wait_for_load_state()
    assert frame.evaluate("window.__drawn") == "function"
    assert [url for url in requests if not url.startswith(("file:", "about:", "data:"))] == []
    context.close()
