"""Lines of another run appended to a run file are refused, not silently mixed in."""

from __future__ import annotations

from pathlib import Path

import msgspec
import pytest

from .conftest import bench_run

ONE = ["--task-id", "E01,C_E01", "--min-quality", "10"]


@pytest.mark.parametrize("command", ["report", "resume"])
def test_lines_of_another_run_are_refused_by_report_and_resume(
    tmp_path: Path, command: str
) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = bench_run("run", "--model", "reference", *ONE, cwd=tmp_path / "a")
    other = bench_run("run", "--model", "reference", *ONE, cwd=tmp_path / "b")
    assert first.code == other.code == 0, first.stderr + other.stderr
    run_file = first.run_file
    lines = run_file.read_bytes().splitlines()
    assert {msgspec.json.decode(line)["run_id"] for line in lines[1:]} == {run_file.stem}
    foreign = other.run_file.read_bytes().splitlines()[1]
    with run_file.open("ab") as handle:
        handle.write(foreign + b"\n")
    before = sorted(path.name for path in run_file.parent.rglob("*"))
    content = run_file.read_bytes()

    if command == "report":
        result = bench_run("report", str(run_file), cwd=tmp_path / "a")
    else:
        args = ["run", "--model", "reference", "--resume", str(run_file)]
        result = bench_run(*args, cwd=tmp_path / "a")

    assert result.code == 2, result.stdout + result.stderr
    said = result.stderr.strip().splitlines()
    assert len(said) == 1, result.stderr
    assert f"line {len(lines) + 1} belongs to another run" in said[0]
    assert repr(other.run_file.stem) in said[0]
    assert "Traceback" not in result.stderr
    assert run_file.read_bytes() == content  # nothing written
    assert sorted(path.name for path in run_file.parent.rglob("*")) == before
