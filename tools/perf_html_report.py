"""Time and size of a run's HTML report.

    uv run python tools/perf_html_report.py [RUN.jsonl] [--repeats 5]

Without a run file, makes the full offline reference run (420 items) in a temporary folder
first (add --render to ``bench-run run`` yourself for one with screenshots). Prints the
median time to build the JSON report, to render the page and to write it, and the page's
size split into plotly.js, the embedded data (of which screenshots) and the rest.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import msgspec

from bench_cli._report import build_report
from bench_cli.html import installed_prompts, render_run_html
from bench_cli.html._page import plotly_js
from bench_core import Registry, read_run

BENCH_RUN = Path(sys.executable).parent / "bench-run"


def reference_run(folder: Path) -> Path:
    subprocess.run(
        [str(BENCH_RUN), "run", "--model", "reference", "--output-dir", str(folder)],
        check=True,
        capture_output=True,
    )
    (run,) = folder.glob("incremental_*.jsonl")
    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("run", type=Path, nargs="?")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    path = args.run or reference_run(Path(tempfile.mkdtemp(prefix="bench-html-")))
    domains = Registry().load_all()
    plotly_js()  # read once per process, as a run or a report command does
    timings: dict[str, list[float]] = {"read + JSON report": [], "render": [], "write": []}
    page = ""
    for _ in range(args.repeats):
        started = time.perf_counter()
        run = read_run(path)
        report = msgspec.json.decode(msgspec.json.encode(build_report(run)))
        built = time.perf_counter()
        prompts, note = installed_prompts(run, domains)
        page = render_run_html(report, run, path, prompts, prompts_note=note)
        rendered = time.perf_counter()
        out = path.with_suffix(".report.html")
        out.write_text(page, encoding="utf-8")
        written = time.perf_counter()
        timings["read + JSON report"].append(built - started)
        timings["render"].append(rendered - built)
        timings["write"].append(written - rendered)
    size = len(page.encode())
    start = page.index('id="bench-data">') + len('id="bench-data">')
    data = page[start : page.index("</script>", start)]
    images = msgspec.json.decode(data)["images"]
    image_bytes = sum(len(uri) for uri in images.values())
    print(f"{path.name}: {len(read_run(path).latest())} items, {len(images)} screenshots")
    for name, values in timings.items():
        print(f"  {name:<20} median {statistics.median(values) * 1000:7.1f} ms")
    print(
        f"  page {size / 1e6:.2f} MB: plotly.js {len(plotly_js()) / 1e6:.2f} MB, "
        f"data {len(data) / 1e6:.2f} MB (screenshots {image_bytes / 1e6:.2f} MB), "
        f"markup and style {(size - len(plotly_js()) - len(data)) / 1e6:.2f} MB"
    )


if __name__ == "__main__":
    main()
