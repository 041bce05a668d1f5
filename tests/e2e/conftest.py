from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import msgspec
import pytest

from .fake_server import FakeServer, running

BENCH_RUN = Path(sys.executable).parent / "bench-run"
KEY = "sk-test-Secret-4f9c1d2e8b7a"


@pytest.fixture(scope="module")
def server() -> Iterator[FakeServer]:
    with running(key=KEY) as fake:
        yield fake


@pytest.fixture
def fresh_server() -> Iterator[FakeServer]:
    with running(key=KEY) as fake:
        yield fake


class Result:
    def __init__(self, done: subprocess.CompletedProcess[str], output: Path) -> None:
        self.code = done.returncode
        self.stdout = done.stdout
        self.stderr = done.stderr
        self.output = output

    @property
    def run_file(self) -> Path:
        files = sorted(self.output.glob("incremental_*.jsonl"))
        assert len(files) == 1, files
        return files[0]

    def lines(self) -> list[dict[str, Any]]:
        return [msgspec.json.decode(line) for line in self.run_file.read_bytes().splitlines()]

    def items(self) -> list[dict[str, Any]]:
        latest: dict[tuple[str, int, int], dict[str, Any]] = {}
        for line in self.lines()[1:]:
            latest[(line["task_id"], line["quality"], line.get("repeat", 0))] = line
        return list(latest.values())

    def report(self) -> dict[str, Any]:
        return msgspec.json.decode(self.run_file.with_suffix(".report.json").read_bytes())


def bench_run(
    *args: str,
    cwd: Path,
    env: dict[str, str] | None = None,
    timeout: float = 120,
) -> Result:
    environment = {k: v for k, v in os.environ.items() if k != "LLM_API_KEY"}
    environment.update(env or {})
    environment["COLUMNS"] = "200"
    done = subprocess.run(
        [str(BENCH_RUN), *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    return Result(done, cwd / "results")


def endpoint(server: FakeServer) -> list[str]:
    return ["--base-url", f"http://127.0.0.1:{server.port}/v1", "--api-key", KEY]
