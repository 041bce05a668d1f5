"""Speed of ``bench-run compare`` on three full runs (420 items each) of three fake models.

    uv run python tools/perf_compare.py [--rounds 5] [--html]

Makes the runs once against the fake endpoint of the end-to-end tests (the reference, the
reference on 80% of prompts, on 50%), then times the whole ``bench-run compare`` process and,
in-process, reading the three files and building the comparison (1,000 bootstrap resamples for
every interval: 3 summaries and 3 pairs x 8 scopes).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from perf_runner import BENCH_RUN, start_server

from bench_cli._compare import build_comparison, run_labels
from bench_core import read_run

MODELS = ("fake/reference", "fake/mixed?share=0.8", "fake/mixed?share=0.5")


def make_runs(folder: Path) -> list[Path]:
    server, port = start_server("--no-record")
    try:
        files: list[Path] = []
        for model in MODELS:
            out = folder / str(len(files))
            subprocess.run(
                [
                    str(BENCH_RUN),
                    "run",
                    "--model",
                    model,
                    "--workers",
                    "16",
                    "--api-key",
                    "x",
                    "--base-url",
                    f"http://127.0.0.1:{port}/v1",
                    "--output-dir",
                    str(out),
                ],
                check=True,
                capture_output=True,
            )
            files.append(next(out.glob("incremental_*.jsonl")))
        return files
    finally:
        server.terminate()
        server.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--html", action="store_true", help="also write the HTML comparison")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        files = make_runs(folder)
        sizes = sum(path.stat().st_size for path in files) / 1e6
        print(f"3 runs, {sizes:.1f} MB of JSONL: {', '.join(MODELS)}")
        command = [str(BENCH_RUN), "compare", *map(str, files), "--json"]
        if options.html:
            command += ["--html", str(folder / "compare.html")]
        process, building = [], []
        for _ in range(options.rounds):
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            process.append(time.perf_counter() - start)
            start = time.perf_counter()
            runs = [read_run(path) for path in files]
            build_comparison(runs, run_labels(runs, None))
            building.append(time.perf_counter() - start)
        print(
            f"bench-run compare (whole process{', with --html' if options.html else ''}): "
            f"median {statistics.median(process):.2f} s, min {min(process):.2f} s "
            f"over {options.rounds} rounds"
        )
        print(
            f"read + build_comparison in-process: median {statistics.median(building):.2f} s, "
            f"min {min(building):.2f} s"
        )
        if options.html:
            size = (folder / "compare.html").stat().st_size / 1e6
            print(f"compare.html: {size:.1f} MB")


if __name__ == "__main__":
    main()
