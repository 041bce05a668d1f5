"""Two processes on one run file: the second is refused, and no item runs twice."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import msgspec

from .conftest import BENCH_RUN, KEY
from .fake_server import FakeServer

SLOW = "fake/reference?latency=0.25"
ITEMS = ["--task-id", "E01,E02,M02,H01", "--min-quality", "7", "--workers", "1"]


def _start(args: list[str], cwd: Path) -> subprocess.Popen[str]:
    environment = {k: v for k, v in os.environ.items() if k != "LLM_API_KEY"}
    environment["COLUMNS"] = "200"
    return subprocess.Popen(
        [str(BENCH_RUN), *args],
        cwd=cwd,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_second_resume_of_a_run_in_progress_is_refused_with_the_holders_pid(
    tmp_path: Path, server: FakeServer
) -> None:
    endpoint = ["--base-url", f"http://127.0.0.1:{server.port}/v1", "--api-key", KEY]
    first = _start(["run", "--model", SLOW, *endpoint, *ITEMS], tmp_path)
    deadline = time.monotonic() + 60
    run_file = None
    while time.monotonic() < deadline and run_file is None:
        files = list((tmp_path / "results").glob("*.jsonl"))
        if files and len(files[0].read_bytes().splitlines()) >= 2:
            run_file = files[0]
        time.sleep(0.02)
    os.kill(first.pid, signal.SIGKILL)
    first.communicate()
    assert run_file is not None

    resume = ["run", "--model", SLOW, *endpoint, "--resume", str(run_file)]
    one, two = _start(resume, tmp_path), _start(resume, tmp_path)
    outputs = {process.pid: process.communicate(timeout=120) for process in (one, two)}
    codes = {process.pid: process.returncode for process in (one, two)}
    assert sorted(codes.values()) == [0, 2], outputs
    loser = next(pid for pid, code in codes.items() if code == 2)
    winner = next(pid for pid, code in codes.items() if code == 0)
    stdout, stderr = outputs[loser]
    assert stdout == ""
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert f"is in use by another bench-run (PID {winner})" in lines[0]
    assert str(run_file) in lines[0]

    items = [msgspec.json.decode(line) for line in run_file.read_bytes().splitlines()[1:]]
    keys = [(item["task_id"], item["quality"]) for item in items]
    assert len(keys) == len(set(keys)) == 16  # every item once: none ran twice
    assert not run_file.with_name(run_file.name + ".lock").exists()
