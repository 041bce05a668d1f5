from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import msgspec
import pytest

from bench_core import BenchError, Item, ItemResult, Store, plan_resume, read_run, repair_torn_tail

from .factories import header, result, tool_task


def test_create_append_read(tmp_path: Path) -> None:
    path = tmp_path / "run.jsonl"
    with Store.create(path, header()) as store:
        store.append(result("E01", 1))
        store.append(result("E01", 2, score=50))
    run = read_run(path)
    assert run.header == header()
    assert [(r.task_id, r.quality, r.score) for r in run.results] == [
        ("E01", 1, 100),
        ("E01", 2, 50),
    ]
    assert not run.torn_tail


def test_create_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "run.jsonl"
    Store.create(path, header()).close()
    with pytest.raises(BenchError, match="already exists; pass it to --resume"):
        Store.create(path, header())


def test_latest_line_of_an_item_wins(tmp_path: Path) -> None:
    path = tmp_path / "run.jsonl"
    with Store.create(path, header()) as store:
        store.append(result("E01", 1, status="infra_error", score=0))
        store.append(result("E01", 2))
        store.append(result("E01", 1, score=75))
    latest = read_run(path).latest()
    assert [(r.quality, r.status, r.score) for r in latest] == [(1, "ok", 75), (2, "ok", 100)]


def test_torn_tail_is_ignored_then_repaired(tmp_path: Path) -> None:
    path = tmp_path / "run.jsonl"
    with Store.create(path, header()) as store:
        store.append(result("E01", 1))
    with path.open("ab") as handle:
        handle.write(b'{"type":"item","task_id":"E0')
    run = read_run(path)
    assert run.torn_tail
    assert len(run.results) == 1
    assert repair_torn_tail(path) == len(b'{"type":"item","task_id":"E0')
    assert path.read_bytes().endswith(b"\n")
    with Store.reopen(path) as store:
        store.append(result("E01", 2))
    assert [r.quality for r in read_run(path).results] == [1, 2]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "holds no complete line"),
        (b"hello\n", "not a Bencher run"),
        (b'{"type":"item"}\n', "not a Bencher run"),
    ],
)
def test_files_that_are_not_runs(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "x.jsonl"
    path.write_bytes(content)
    with pytest.raises(BenchError, match=message):
        read_run(path)


def test_corrupt_middle_line_is_named(tmp_path: Path) -> None:
    path = tmp_path / "run.jsonl"
    with Store.create(path, header()) as store:
        store.append(result("E01", 1))
    with path.open("ab") as handle:
        handle.write(b"garbage\n")
    with pytest.raises(BenchError, match="line 3 is not a valid run line"):
        read_run(path)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(BenchError, match="does not exist"):
        read_run(tmp_path / "nope.jsonl")
    with pytest.raises(BenchError, match="is a directory"):
        read_run(tmp_path)


def test_resume_plan_skips_finished_retries_infra_runs_missing(tmp_path: Path) -> None:
    path = tmp_path / "run.jsonl"
    task = tool_task("E01")
    with Store.create(path, header()) as store:
        store.append(result("E01", 1))
        store.append(result("E01", 2, status="model_error", score=0))
        store.append(result("E01", 3, status="infra_error", score=0))
    items = [Item(task=task, quality=q) for q in (1, 2, 3, 4)]
    plan = plan_resume(read_run(path), items)
    assert [i.quality for i in plan.done] == [1, 2]
    assert [i.quality for i in plan.retry] == [3]
    assert [i.quality for i in plan.missing] == [4]
    assert [i.quality for i in plan.pending] == [3, 4]


WRITER = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {tests!r})
    from bench_core import Store
    from core.factories import header, result
    store = Store.create({path!r}, header())
    quality = 0
    while True:
        quality += 1
        store.append(result("E01", quality))
        if quality == 50:
            print("ready", flush=True)
    """
)


def test_kill_9_loses_nothing_already_appended(tmp_path: Path) -> None:
    path = tmp_path / "run.jsonl"
    tests = str(Path(__file__).resolve().parents[1])
    script = WRITER.format(tests=tests, path=str(path))
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE)
    assert process.stdout is not None
    assert process.stdout.readline().strip() == b"ready"
    time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    process.stdout.close()
    repair_torn_tail(path)
    qualities = [r.quality for r in read_run(path).results]
    assert len(qualities) >= 50
    assert qualities == list(range(1, len(qualities) + 1))


def test_a_second_writer_of_a_run_is_refused_with_the_holders_pid(tmp_path: Path) -> None:
    path = tmp_path / "run.jsonl"
    with Store.create(path, header()) as store:
        store.append(result("E01", 1))
        before = path.read_bytes()
        assert (tmp_path / "run.jsonl.lock").read_text().strip() == str(os.getpid())
        with pytest.raises(
            BenchError, match=rf"is in use by another bench-run \(PID {os.getpid()}\)"
        ):
            Store.reopen(path)
        assert path.read_bytes() == before  # the refused one wrote nothing
        store.append(result("E01", 2))  # and the holder goes on
    assert not (tmp_path / "run.jsonl.lock").exists()
    with Store.reopen(path) as store:  # once closed, the run is free again
        store.append(result("E01", 3))
    assert [r.quality for r in read_run(path).results] == [1, 2, 3]


def test_the_lock_is_refused_to_another_process_and_freed_by_kill_9(tmp_path: Path) -> None:
    path = tmp_path / "run.jsonl"
    tests = str(Path(__file__).resolve().parents[1])
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER.format(tests=tests, path=str(path))], stdout=subprocess.PIPE
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == b"ready"
    with pytest.raises(BenchError, match=rf"\(PID {process.pid}\)"):
        Store.reopen(path)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    process.stdout.close()
    with Store.reopen(path) as store:  # the kernel let go of a killed holder's lock
        store.append(result("E02", 1))
    assert (tmp_path / "run.jsonl.lock").exists() is False


def test_every_line_the_store_appends_carries_the_run_id(tmp_path: Path) -> None:
    path = tmp_path / "run.jsonl"
    with Store.create(path, header(run_id="run-a")) as store:
        store.append(result("E01", 1))
    with Store.reopen(path) as store:
        store.append(result("E01", 2))
        with pytest.raises(ValueError, match="a line of run 'run-b' appended to run 'run-a'"):
            store.append(msgspec.structs.replace(result("E01", 3), run_id="run-b"))
    assert [r.run_id for r in read_run(path).results] == ["run-a", "run-a"]


def _append_lines(path: Path, *lines: ItemResult) -> None:
    with path.open("ab") as handle:
        for line in lines:
            handle.write(msgspec.json.encode(line) + b"\n")


def test_lines_of_another_run_appended_to_a_run_file_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "run.jsonl"
    with Store.create(path, header(run_id="run-a")) as store:
        store.append(result("E01", 1, score=10))
    _append_lines(path, msgspec.structs.replace(result("E01", 1), run_id="run-b"))
    with pytest.raises(
        BenchError, match=r"run.jsonl line 3 belongs to another run \(run id 'run-b'"
    ) as refused:
        read_run(path)
    assert "\n" not in str(refused.value)


def test_a_line_without_run_id_after_the_runs_own_lines_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "run.jsonl"
    with Store.create(path, header(run_id="run-a")) as store:
        store.append(result("E01", 1, score=10))
    _append_lines(path, result("E01", 1))  # no run id: as an older release wrote it
    with pytest.raises(BenchError, match="line 3 carries no run id, after lines of run 'run-a'"):
        read_run(path)


def test_a_file_written_before_run_ids_still_reads_and_resumes(tmp_path: Path) -> None:
    path = tmp_path / "run.jsonl"
    path.write_bytes(msgspec.json.encode(header(run_id="old")) + b"\n")
    _append_lines(path, result("E01", 1), result("E01", 2))
    assert [r.run_id for r in read_run(path).results] == ["", ""]
    with Store.reopen(path) as store:  # a newer release resumes it: its lines come after
        store.append(result("E01", 3))
    assert [r.run_id for r in read_run(path).results] == ["", "", "old"]
