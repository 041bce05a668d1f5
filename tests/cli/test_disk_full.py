"""A full disk while a run appends: one line saying so and how to continue, exit status 2, no
traceback; and ``--resume`` then finishes the run with nothing lost."""

from __future__ import annotations

import errno
import os
import types
from pathlib import Path
from typing import Any

import msgspec
import pytest

import bench_core._store
from bench_cli._errors import disk_full_message, is_disk_full
from bench_cli.app import main
from bench_core import Store, read_run

ITEMS = ["--task-id", "E01,C_E01", "--min-quality", "8"]  # 6 items


def run(tmp_path: Path, *extra: str) -> int:
    return main(["run", "--model", "reference", *ITEMS, "--workers", "1", *extra])


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("bench-run: error")]


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LLM_API_KEY", raising=False)


def fill_disk_after(monkeypatch: pytest.MonkeyPatch, lines: int, error: OSError) -> None:
    """Store.append takes ``lines`` lines, then the disk is full."""
    taken = [0]
    append = Store.append

    def full(self: Store, line: Any) -> None:
        if taken[0] >= lines:
            raise error
        taken[0] += 1
        append(self, line)

    monkeypatch.setattr(Store, "append", full)


def only_run_file(tmp_path: Path) -> Path:
    [path] = (tmp_path / "results").glob("incremental_*.jsonl")
    return path


def test_disk_full_while_appending_is_one_line_exit_2_and_resume_continues(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    fill_disk_after(monkeypatch, 2, OSError(errno.ENOSPC, "No space left on device"))
    assert run(tmp_path) == 2
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    [line] = error_lines(captured.err)
    path = only_run_file(tmp_path)
    assert line.startswith("bench-run: error: the disk is full: every finished item is saved;")
    assert f"bench-run run --model reference --resume {path.relative_to(tmp_path)}" in line
    assert "The run stopped" not in captured.err  # one line, not two messages
    assert len(read_run(path).results) == 2

    monkeypatch.undo()
    monkeypatch.chdir(tmp_path)
    assert main(["run", "--model", "reference", "--resume", str(path)]) == 0
    results = read_run(path).results
    assert len(results) == 6
    assert len({r.key for r in results}) == 6


def test_a_short_write_is_a_full_disk_too_and_the_torn_line_is_repaired(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    written = [0]

    def short_write(fd: int, data: bytes) -> int:
        written[0] += 1
        if written[0] <= 3:  # the header and two items
            return os.write(fd, data)
        return os.write(fd, data[: len(data) // 2])  # the disk filled up mid-line

    fake_os = types.SimpleNamespace(
        **{k: getattr(os, k) for k in dir(os) if not k.startswith("__")}
    )
    fake_os.write = short_write
    monkeypatch.setattr(bench_core._store, "os", fake_os)
    assert run(tmp_path) == 2
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    [line] = error_lines(captured.err)
    assert line.startswith("bench-run: error: the disk is full:")
    assert "--resume" in line

    monkeypatch.undo()
    monkeypatch.chdir(tmp_path)
    path = only_run_file(tmp_path)
    assert read_run(path).torn_tail
    assert main(["run", "--model", "reference", "--resume", str(path)]) == 0
    assert len({r.key for r in read_run(path).results}) == 6
    for raw in path.read_bytes().splitlines():
        msgspec.json.decode(raw)  # every line whole


def test_a_full_disk_before_the_run_starts_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def full(cls: type[Store], path: Any, header: Any) -> Store:
        Path(path).write_bytes(b"")  # created, then the header did not fit
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Store, "create", classmethod(full))
    assert run(tmp_path) == 2
    captured = capsys.readouterr()
    [line] = captured.err.strip().splitlines()
    assert line == (
        "bench-run: error: the disk is full: nothing was written; free some space, then start "
        "the run again"
    )
    assert list((tmp_path / "results").iterdir()) == []


@pytest.mark.parametrize(
    ("error", "full"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), True),
        (OSError(errno.EDQUOT, "Disk quota exceeded"), True),
        (OSError("short write to results/x.jsonl: 10 of 20 bytes"), True),
        (OSError(errno.EACCES, "Permission denied"), False),
        (ValueError("short write"), False),
    ],
)
def test_what_counts_as_a_full_disk(error: BaseException, full: bool) -> None:
    assert is_disk_full(error) is full
    assert (disk_full_message(error) is not None) is full


def test_a_full_disk_anywhere_else_is_one_line_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(tmp_path) == 0
    path = only_run_file(tmp_path)
    capsys.readouterr()

    def full(self: Path, data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device", str(self))

    monkeypatch.setattr(Path, "write_bytes", full)
    assert main(["report", str(path)]) == 2
    [line] = capsys.readouterr().err.strip().splitlines()
    assert line.startswith("bench-run: error: the disk is full (")
    assert line.endswith("): free some space, then run the command again")
