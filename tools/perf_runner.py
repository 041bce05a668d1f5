"""Speed of a whole ``bench-run run`` against a fake endpoint that answers in 200 ms.

    uv run python tools/perf_runner.py [--items 1500] [--workers 64] [--latency 0.2]

Starts the fake OpenAI-compatible server of the end-to-end tests in its own process, runs the
real ``bench-run`` process on one-turn items (the model answers in text at once), and prints
wall time against the ideal (items × latency ÷ workers), the harness's CPU per item, its peak
memory, and the time of ``bench-run --help``. Targets: within 1.15× the ideal, under 300 MB.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH_RUN = Path(sys.executable).parent / "bench-run"
TASKS = "E01,E02,E03,E04,E05,M01,M02,M03,M04,M05,M06,H01,H02,H03,H04,H05,X01,X02,X03,X04"


def start_server(*options: str) -> tuple[subprocess.Popen[str], int]:
    """The end-to-end tests' fake endpoint in its own process (``options`` go to it): its port."""
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "e2e" / "fake_server.py"), *options],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT / "tests" / "e2e")},
    )
    assert server.stdout is not None
    line = server.stdout.readline()
    return server, int(line.rsplit(" ", 1)[1])


def timed_run(args: list[str], cwd: str) -> tuple[float, float, float, int]:
    """Wall seconds, user+system CPU seconds, peak RSS in MB, exit code of one process."""
    started = time.perf_counter()
    process = subprocess.Popen(args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    return (
        wall,
        usage.ru_utime + usage.ru_stime,
        usage.ru_maxrss / 1024,
        os.waitstatus_to_exitcode(status),
    )


def watched_run(args: list[str], cwd: str) -> tuple[float, float, float, int, float, float]:
    """As ``timed_run``, plus when the run file appeared and when it was last written."""
    started = time.time()
    process = subprocess.Popen(args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    created = None
    while created is None and process.poll() is None:
        if any(Path(cwd).glob("*.jsonl")):
            created = time.time()
        time.sleep(0.002)
    _, status, usage = os.wait4(process.pid, 0)
    ended = time.time()
    last_write = max(p.stat().st_mtime for p in Path(cwd).glob("*.jsonl"))
    return (
        ended - started,
        usage.ru_utime + usage.ru_stime,
        usage.ru_maxrss / 1024,
        os.waitstatus_to_exitcode(status),
        (created or ended) - started,
        last_write - (created or ended),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=1500)
    parser.add_argument("--workers", type=int, default=64)
    parser.add_argument("--latency", type=float, default=0.2)
    options = parser.parse_args()
    # Whole tasks at ten qualities, repeated: 15 tasks x 10 qualities x 10 repeats = 1,500.
    repeats = 10 if options.items % 100 == 0 and options.items // 100 <= 20 else 1
    tasks = TASKS.split(",")[: max(1, options.items // (10 * repeats))]
    items = len(tasks) * 10 * repeats

    helps = [timed_run([str(BENCH_RUN), "--help"], str(ROOT))[0] for _ in range(5)]
    print(f"bench-run --help: median {statistics.median(helps):.3f} s of 5")

    server, port = start_server("--no-record")
    try:
        with tempfile.TemporaryDirectory() as folder:
            args = [
                str(BENCH_RUN),
                "run",
                "--model",
                f"fake/text?latency={options.latency}",
                "--base-url",
                f"http://127.0.0.1:{port}/v1",
                "--api-key",
                "perf",
                "--task-id",
                ",".join(tasks),
                "--repeats",
                str(repeats),
                "--workers",
                str(options.workers),
                "--output-dir",
                folder,
            ]
            wall, cpu, peak_mb, code, start_s, run_s = watched_run(args, folder)
            assert code == 0, f"bench-run exited {code}"
            lines = sum(len(p.read_bytes().splitlines()) - 1 for p in Path(folder).glob("*.jsonl"))
    finally:
        server.terminate()
        server.wait()
    ideal = items * options.latency / options.workers
    print(
        f"{items} one-turn items at --workers {options.workers}, {options.latency * 1000:.0f} ms "
        f"per response: {lines} results stored"
    )
    print(
        f"  run phase (run file created to last result) {run_s:.2f} s, ideal {ideal:.2f} s: "
        f"{run_s / ideal:.2f}× the ideal"
    )
    print(
        f"  whole process {wall:.2f} s: {wall / ideal:.2f}× the ideal (start-up {start_s:.2f} s "
        f"to the run file, then {wall - start_s - run_s:.2f} s of report after the last item)"
    )
    print(f"  harness CPU {cpu:.2f} s: {cpu / items * 1000:.2f} ms per item")
    print(f"  peak memory {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
