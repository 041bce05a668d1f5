"""Screenshots of the HTML reports, as a reader sees them in Chromium.

    uv run python tools/screenshot_reports.py [--output docs/screenshots] [--keep DIR]

Starts the fake OpenAI-compatible server of the end-to-end tests, runs the real ``bench-run``
on three fake models that solve a different share of the prompts (one with injected server
faults), renders their charts (``--render``), has a fake judge grade one run, writes that run's
HTML report (``bench-run report --html``) and the comparison of the three, then saves
``report_run.png`` (the page down to the judges), ``report_run_items.png`` (the item table
with an item opened, and the gallery's first rows) and ``report_compare.png``. Needs
Playwright and a Chromium, like the browser tests. Fails if a page logs a console error or
makes a request.
"""

from __future__ import annotations

import argparse
import asyncio
import subprocess
import tempfile
from pathlib import Path

from perf_runner import BENCH_RUN, ROOT, start_server

KEY = "sk-test-screenshots-0000"
TASKS = "E01,E02,M01,M02,H01,H03,X01,C_E01,C_E02,C_M01,C_H01,C_X01"
MODELS = {  # A's endpoint fails a few conversations for good: its report shows infra errors
    "Model A": "fake/mixed?share=0.85&fault=503&every=17",
    "Model B": "fake/mixed?share=0.6",
    "Model C": "fake/mixed?share=0.35",
}


def bench_run(*args: str, cwd: Path) -> None:
    done = subprocess.run(
        [str(BENCH_RUN), *args], cwd=cwd, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"bench-run {' '.join(args)} failed:\n{done.stderr}")


def make_runs(work: Path, port: int) -> list[Path]:
    endpoint = ["--base-url", f"http://127.0.0.1:{port}/v1", "--api-key", KEY]
    runs = []
    for name, model in MODELS.items():
        output = work / name.replace(" ", "_")
        bench_run(
            "run", "--model", model, "--task-id", TASKS, "--render", "--workers", "4",
            "--task-timeout", "15", "--output-dir", str(output), *endpoint, cwd=work,
        )  # fmt: skip
        (run,) = output.glob("incremental_*.jsonl")
        runs.append(run)
    bench_run("judge", str(runs[0]), "--judge-model", "fake/judge", *endpoint, cwd=work)
    bench_run("report", str(runs[0]), "--html", cwd=work)
    return runs


def write_comparison(runs: list[Path], path: Path) -> None:
    from bench_cli._compare import build_comparison  # noqa: PLC0415 - after the runs exist
    from bench_cli.html import render_compare_html  # noqa: PLC0415
    from bench_core import read_run  # noqa: PLC0415

    comparison = build_comparison([read_run(run) for run in runs], list(MODELS))
    path.write_text(render_compare_html(comparison), encoding="utf-8")


async def screenshot(page_path: Path, shots: dict[str, str | None], *, open_item: bool) -> None:
    """Save a PNG of each part of the page: ``{png path: from-selector}``; None: the whole
    page. A part runs from the top of ``start|end``'s first element to the bottom of its second."""
    from playwright.async_api import FloatRect, async_playwright  # noqa: PLC0415 - the extra

    from bench_scoring.browser import find_chromium  # noqa: PLC0415

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=find_chromium(),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )  # fmt: skip
        page = await browser.new_page(viewport={"width": 1280, "height": 900})
        problems: list[str] = []
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda error: problems.append(str(error)))
        page.on(
            "request",
            lambda r: problems.append(f"request {r.url}") if r.url != page_path.as_uri() else None,
        )
        await page.goto(page_path.as_uri())
        # Not wait_for_function: it evaluates a string in the page, which the page's CSP refuses.
        for _ in range(200):
            if await page.evaluate("() => document.querySelector('.js-plotly-plot') !== null"):
                break
            await page.wait_for_timeout(50)
        if open_item:  # show what a reader gets when they open a tool item that lost points
            await page.select_option("[data-filter=suite]", "tools")
            await page.select_option("[data-filter=status]", "ok")
            await page.click("#item-table th[data-key=score]")
            key = await page.locator("#item-table tr.row:not([hidden])").first.get_attribute(
                "data-key"
            )
            assert key is not None
            await page.fill("#item-table input", key.split("_Q")[0])
            await page.locator(f"#item-table tr.row[data-key='{key}']").click()
        await page.wait_for_timeout(500)
        for png, span in shots.items():
            if span is None:
                await page.screenshot(path=png, full_page=True)
                continue
            start, end = span.split("|")
            box = await page.evaluate(
                """([start, end]) => {
                    const top = document.querySelector(start).getBoundingClientRect().top;
                    const bottom = document.querySelector(end).getBoundingClientRect().bottom;
                    return [top + window.scrollY, bottom + window.scrollY];
                }""",
                [start, end],
            )
            clip = FloatRect(x=0, y=box[0], width=1280, height=box[1] - box[0] + 16)
            await page.screenshot(path=png, full_page=True, clip=clip)
        await browser.close()
        if problems:
            raise SystemExit(f"{page_path.name}: {problems}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--keep", type=Path, help="keep the runs and reports in this folder")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-screenshots-"))
    work.mkdir(parents=True, exist_ok=True)
    server, port = start_server("--key", KEY)
    try:
        runs = make_runs(work, port)
    finally:
        server.terminate()
        server.wait()
    compare_html = work / "compare.html"
    write_comparison(runs, compare_html)
    args.output.mkdir(parents=True, exist_ok=True)
    run_html = runs[0].with_suffix(".report.html")
    run_shots: dict[str, str | None] = {
        str(args.output / "report_run.png"): "body|#judges",
        str(args.output / "report_run_items.png"): "#items|.gallery figure:nth-of-type(8)",
    }
    asyncio.run(screenshot(run_html, run_shots, open_item=True))
    compare_png = str(args.output / "report_compare.png")
    asyncio.run(screenshot(compare_html, {compare_png: None}, open_item=False))
    print("\n".join([*run_shots, compare_png, f"(runs and pages in {work})"]))


if __name__ == "__main__":
    main()
