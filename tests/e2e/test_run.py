"""Whole runs of the real ``bench-run`` process, offline and against a real local server."""

from __future__ import annotations

import os
import shlex
import signal
import subprocess
import time
from pathlib import Path

import pytest

from .conftest import BENCH_RUN, KEY, bench_run, endpoint
from .fake_server import FakeServer

SOME = ["--task-id", "E01,M02,H01,X01", "--min-quality", "9"]


def test_reference_model_runs_every_task_offline_and_scores_100(tmp_path: Path) -> None:
    result = bench_run("run", "--model", "reference", "--domain", "trading", cwd=tmp_path)
    assert result.code == 0, result.stderr
    items = result.items()
    assert len(items) == 420
    assert {item["score"] for item in items} == {100.0}
    assert {item["status"] for item in items} == {"ok"}
    tools = [item for item in items if item["suite"] == "tools"]
    assert all(item["outcome"]["success"] for item in tools), [
        (i["task_id"], i["outcome"]) for i in tools if not i["outcome"]["success"]
    ]
    report = result.report()
    assert report["summary"]["overall"]["value"] == 100.0
    assert report["summary"]["success"]["overall"]["value"] == 100.0
    assert "Task success" in result.stdout
    assert set(report["summary"]["by_suite"]) == {"tools", "charts"}
    assert report["run"]["endpoint"] == "offline"
    assert "Bencher — reference" in result.stdout
    assert "100.0%" in result.stdout
    charts = [item for item in items if item["suite"] == "charts"]
    assert len(charts) == 220
    folder = result.run_file.parent / f"{result.run_file.stem}_charts"
    assert {item["chart_file"] for item in charts} == {
        f"{folder.name}/{item['task_id']}_Q{item['quality']}.html" for item in charts
    }
    assert len(list(folder.glob("C_*_Q*.html"))) == 220


def test_chart_answers_over_http_are_saved_and_scored(tmp_path: Path, server: FakeServer) -> None:
    charts = ["--task-id", "C_E01,C_H01,C_X01", "--min-quality", "10"]
    result = bench_run("run", "--model", "fake/reference", *endpoint(server), *charts, cwd=tmp_path)
    assert result.code == 0, result.stderr
    items = result.items()
    assert [item["score"] for item in items] == [100.0, 100.0, 100.0]
    request = next(r for r in server.requests if "Data (" in r["messages"][1]["content"])
    assert "tools" not in request
    for item in items:
        saved = (result.run_file.parent / item["chart_file"]).read_text()
        assert "<" in saved
        assert "```" not in saved


def test_a_chart_answer_without_a_document_is_a_model_error(
    tmp_path: Path, server: FakeServer
) -> None:
    result = bench_run(
        "run",
        "--model",
        "fake/text",
        *endpoint(server),
        "--task-id",
        "C_E01",
        "--min-quality",
        "10",
        cwd=tmp_path,
    )
    assert result.code == 0, result.stderr
    (item,) = result.items()
    assert (item["status"], item["error_class"], item["score"]) == ("model_error", "no_chart", 0)
    assert item["chart_file"] is None


def test_reference_solutions_over_http_score_100(tmp_path: Path, server: FakeServer) -> None:
    result = bench_run("run", "--model", "fake/reference", *endpoint(server), *SOME, cwd=tmp_path)
    assert result.code == 0, result.stderr
    items = result.items()
    assert len(items) == 8
    assert all(item["score"] == 100.0 for item in items), [i["reasons"] for i in items]
    hard = next(i for i in items if i["task_id"] == "H01")
    tool_messages = [m for m in hard["trajectory"] if m["role"] == "tool"]
    assert tool_messages
    assert all(m["tool_call_id"].startswith("call_") for m in tool_messages)
    assert hard["usage"]["cost"] > 0
    assert hard["providers"] == ["FakeProvider"]


def test_a_made_up_answer_without_calls_never_succeeds(tmp_path: Path, server: FakeServer) -> None:
    args = ["--suite", "tools", "--min-quality", "10", "--domain", "trading"]
    result = bench_run("run", "--model", "fake/madeup", *endpoint(server), *args, cwd=tmp_path)
    assert result.code == 0, result.stderr
    items = result.items()
    assert len(items) == 20
    assert not [i["task_id"] for i in items if i["outcome"]["success"]]
    assert result.report()["summary"]["success"]["overall"]["value"] == 0.0


def test_right_calls_with_wrong_numbers_fail_the_items_that_state_numbers(
    tmp_path: Path, server: FakeServer
) -> None:
    args = ["--suite", "tools", "--min-quality", "10", "--domain", "trading"]
    model = "fake/wrong_number"
    result = bench_run("run", "--model", model, *endpoint(server), *args, cwd=tmp_path)
    assert result.code == 0, result.stderr
    items = result.items()
    # Every digit of the reference answers is changed: ids and amounts alike.
    failed = [item for item in items if not item["outcome"]["success"]]
    assert len(failed) >= 15, [i["task_id"] for i in items if i["outcome"]["success"]]
    for item in failed:
        assert item["outcome"]["facts_missing"], item["task_id"]
        assert item["score"] <= 75, (item["task_id"], item["score"])
        assert any("the job was not done" in r for r in item["reasons"]), item["reasons"]


def test_tool_calls_written_in_content_are_read_and_noted(
    tmp_path: Path, server: FakeServer
) -> None:
    result = bench_run("run", "--model", "fake/content", *endpoint(server), *SOME, cwd=tmp_path)
    assert result.code == 0, result.stderr
    items = result.items()
    assert all(item["score"] == 100.0 for item in items)
    assert all(any("tool_call" in note for note in item["normalized"]) for item in items)
    # Ids generated for each message (call_1, ...) are made distinct across the turns, so the
    # conversation never repeats a tool call id (providers refuse one that does).
    longest = max(
        (r for r in server.requests if r["model"] == "fake/content"),
        key=lambda r: len(r["messages"]),
    )
    made = [c["id"] for m in longest["messages"] for c in m.get("tool_calls", [])]
    answered = [m["tool_call_id"] for m in longest["messages"] if m["role"] == "tool"]
    assert len(made) >= 2
    assert len(set(made)) == len(made)
    assert answered == made
    assert any("used in an earlier turn" in n for item in items for n in item["normalized"])


@pytest.mark.parametrize(
    ("script", "status", "reason"),
    [
        ("wrong_tool", "ok", "was not made"),  # the other tool is a free lookup or a write
        ("malformed", "ok", "could not be read"),
        ("text", "ok", "was not made"),
        ("empty", "model_error", None),
    ],
)
def test_bad_answers_are_scored_with_reasons(
    tmp_path: Path, server: FakeServer, script: str, status: str, reason: str | None
) -> None:
    result = bench_run("run", "--model", f"fake/{script}", *endpoint(server), *SOME, cwd=tmp_path)
    assert result.code == 0, result.stderr
    items = result.items()
    assert {item["status"] for item in items} == {status}
    assert all(item["score"] < 100 for item in items)
    if reason:
        assert all(item["reasons"] for item in items)
        assert any(reason in r for item in items for r in item["reasons"])


def test_transient_faults_are_retried_until_they_pass(tmp_path: Path, server: FakeServer) -> None:
    for fault in ("503", "html", "badjson", "drop"):
        folder = tmp_path / fault
        folder.mkdir()
        model = f"fake/reference?fault={fault}&times=1"
        result = bench_run(
            "run",
            "--model",
            model,
            *endpoint(server),
            "--task-id",
            "E01",
            "--min-quality",
            "10",
            cwd=folder,
        )
        assert result.code == 0, result.stderr
        (item,) = result.items()
        assert item["status"] == "ok", (fault, item)
        assert item["score"] == 100
        assert item["attempts"] >= 2


def test_rate_limit_honours_retry_after(tmp_path: Path, server: FakeServer) -> None:
    model = "fake/reference?fault=429&times=1&retry_after=1"
    started = time.monotonic()
    result = bench_run(
        "run",
        "--model",
        model,
        *endpoint(server),
        "--task-id",
        "E01",
        "--min-quality",
        "10",
        cwd=tmp_path,
    )
    assert result.code == 0, result.stderr
    assert time.monotonic() - started >= 1.0
    (item,) = result.items()
    assert (item["status"], item["score"]) == ("ok", 100)


def test_exhausted_faults_become_infra_errors_that_resume_retries(
    tmp_path: Path, fresh_server: FakeServer
) -> None:
    model = "fake/reference?fault=503&every=3"
    first = bench_run(
        "run", "--model", model, *endpoint(fresh_server), *SOME, "--task-timeout", "3", cwd=tmp_path
    )
    assert first.code == 0, first.stderr
    statuses = [item["status"] for item in first.items()]
    assert "infra_error" in statuses
    assert "ok" in statuses
    assert first.report()["items"]["infra_errors"] == statuses.count("infra_error")
    fresh_server.healthy = True
    again = bench_run(
        "run",
        "--model",
        model,
        *endpoint(fresh_server),
        "--resume",
        str(first.run_file),
        cwd=tmp_path,
    )
    assert again.code == 0, again.stderr
    assert {item["status"] for item in again.items()} == {"ok"}
    assert again.report()["summary"]["overall"]["value"] == 100.0


def test_model_errors_are_kept_on_resume(tmp_path: Path, server: FakeServer) -> None:
    first = bench_run(
        "run",
        "--model",
        "fake/empty",
        *endpoint(server),
        "--task-id",
        "E01",
        "--min-quality",
        "10",
        cwd=tmp_path,
    )
    requests = len(server.requests)
    again = bench_run(
        "run",
        "--model",
        "fake/empty",
        *endpoint(server),
        "--resume",
        str(first.run_file),
        cwd=tmp_path,
    )
    assert again.code == 0, again.stderr
    assert len(server.requests) == requests
    assert [item["status"] for item in again.items()] == ["model_error"]


def test_hang_past_the_task_timeout_is_an_infra_error(tmp_path: Path, server: FakeServer) -> None:
    result = bench_run(
        "run",
        "--model",
        "fake/reference?fault=hang",
        *endpoint(server),
        "--task-id",
        "E01",
        "--min-quality",
        "10",
        "--task-timeout",
        "1.5",
        cwd=tmp_path,
    )
    assert result.code == 1, result.stderr  # nothing was scored: the only item failed
    assert "every one of the 1 items ended in an infra error" in result.stderr
    (item,) = result.items()
    assert item["status"] == "infra_error"
    assert item["error_class"] in ("task_timeout", "timeout", "deadline")


def test_kill_9_then_resume_loses_and_duplicates_nothing(
    tmp_path: Path, server: FakeServer
) -> None:
    selection = ["--task-id", "E01,M01,H01,X01", "--min-quality", "6", "--workers", "2"]
    model = "fake/reference?latency=0.05"
    whole = tmp_path / "whole"
    whole.mkdir()
    uninterrupted = bench_run("run", "--model", model, *endpoint(server), *selection, cwd=whole)
    assert uninterrupted.code == 0, uninterrupted.stderr

    broken = tmp_path / "broken"
    broken.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "LLM_API_KEY"}
    process = subprocess.Popen(
        [str(BENCH_RUN), "run", "--model", model, *endpoint(server), *selection],
        cwd=broken,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    run_file = None
    while time.monotonic() < deadline:
        files = list((broken / "results").glob("*.jsonl"))
        if files and len(files[0].read_bytes().splitlines()) > 6:
            run_file = files[0]
            break
        time.sleep(0.02)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert run_file is not None
    kept = len(run_file.read_bytes().splitlines()) - 1
    assert 0 < kept < 20

    resumed = bench_run(
        "run", "--model", model, *endpoint(server), "--resume", str(run_file), cwd=broken
    )
    assert resumed.code == 0, resumed.stderr
    lines = resumed.lines()[1:]
    keys = [(line["task_id"], line["quality"]) for line in lines]
    assert len(keys) == len(set(keys)) == 20
    assert resumed.report()["summary"] == uninterrupted.report()["summary"]


def test_bad_key_stops_at_once_with_one_line_and_writes_nothing(
    tmp_path: Path, server: FakeServer
) -> None:
    wrong = "sk-wrong-Key-0000111122223333"
    result = bench_run(
        "run",
        "--model",
        "fake/reference",
        "--base-url",
        f"http://127.0.0.1:{server.port}/v1",
        "--api-key",
        wrong,
        cwd=tmp_path,
    )
    assert result.code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert wrong not in result.stderr + result.stdout
    assert not (tmp_path / "results").exists()


def test_the_key_appears_in_no_output_and_no_file(tmp_path: Path, server: FakeServer) -> None:
    (tmp_path / ".env").write_text(f"LLM_API_KEY={KEY}\n")
    result = bench_run(
        "run",
        "--model",
        "fake/reference?fault=503&times=1",
        "--base-url",
        f"http://127.0.0.1:{server.port}/v1",
        *SOME,
        cwd=tmp_path,
    )
    assert result.code == 0, result.stderr
    assert KEY not in result.stdout + result.stderr
    for path in (tmp_path / "results").rglob("*"):
        assert KEY.encode() not in path.read_bytes(), path
    assert server.headers[-1]["authorization"] == f"Bearer {KEY}"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--domain", "hr"], "unknown domain 'hr'; installed domains: "),
        (["--task-id", "E99"], "unknown task id 'E99'"),
        (["--min-quality", "8", "--max-quality", "3"], "--min-quality 8 is above --max-quality 3"),
        (["--min-quality", "0"], "--min-quality must be a whole number from 1 to 10"),
        (["--suite", "everything"], "suite"),
        (["--min-difficulty", "brutal"], "difficulty"),
        (["--workers", "0"], "--workers must be 1 or more"),
        (["--resume", "nope.jsonl"], "nope.jsonl does not exist"),
        (["--frobnicate"], "frobnicate"),
    ],
)
def test_bad_input_gets_one_line_exit_2_and_writes_nothing(
    tmp_path: Path, args: list[str], message: str
) -> None:
    result = bench_run("run", "--model", "reference", *args, cwd=tmp_path)
    assert result.code == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert message in lines[0]
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "results").exists()


def test_missing_key_for_openrouter_is_a_clear_error(tmp_path: Path) -> None:
    result = bench_run("run", "--model", "google/gemma-4-31b-it", cwd=tmp_path)
    assert result.code == 2
    assert "LLM_API_KEY" in result.stderr
    assert not (tmp_path / "results").exists()


def test_unreachable_endpoint_is_a_clear_error(tmp_path: Path) -> None:
    result = bench_run(
        "run",
        "--model",
        "x/y",
        "--base-url",
        "http://127.0.0.1:9/v1",
        "--api-key",
        KEY,
        cwd=tmp_path,
    )
    assert result.code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert KEY not in result.stderr
    assert not (tmp_path / "results").exists()


def test_resume_refuses_different_settings(tmp_path: Path) -> None:
    first = bench_run("run", "--model", "reference", "--task-id", "E01", cwd=tmp_path)
    assert first.code == 0, first.stderr
    result = bench_run(
        "run",
        "--model",
        "reference",
        "--resume",
        str(first.run_file),
        "--temperature",
        "0.7",
        "--task-id",
        "E02",
        cwd=tmp_path,
    )
    assert result.code == 2
    assert "--temperature 0.7 (the run's: 0.0)" in result.stderr
    assert "--task-id E02 (the run's: E01)" in result.stderr


def test_ctrl_c_stops_cleanly_and_prints_the_resume_command(
    tmp_path: Path, server: FakeServer
) -> None:
    model = "fake/reference?latency=0.2"
    env = {k: v for k, v in os.environ.items() if k != "LLM_API_KEY"}
    process = subprocess.Popen(
        [str(BENCH_RUN), "run", "--model", model, *endpoint(server), "--workers", "2"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        files = list((tmp_path / "results").glob("*.jsonl"))
        if files and len(files[0].read_bytes().splitlines()) > 2:
            break
        time.sleep(0.02)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 130, stderr
    (run_file,) = (tmp_path / "results").glob("*.jsonl")
    command = shlex.join(
        ["bench-run", "run", "--model", model, "--resume", f"results/{run_file.name}"]
    )
    assert command in stderr.splitlines()[-1]
    assert "Traceback" not in stderr
    assert KEY not in stderr
    lines = run_file.read_bytes().splitlines()
    assert all(line.endswith(b"}") for line in lines)


def test_render_checks_charts_in_chromium_and_saves_screenshots(tmp_path: Path) -> None:
    pytest.importorskip("playwright", reason="the browser extra is not installed")
    from bench_scoring.browser import find_chromium

    try:
        find_chromium()
    except FileNotFoundError as missing:
        pytest.skip(str(missing))
    result = bench_run(
        "run",
        "--model",
        "reference",
        "--task-id",
        "C_E01,C_M01",
        "--max-quality",
        "1",
        "--render",
        cwd=tmp_path,
        timeout=300,
    )
    assert result.code == 0, result.stderr
    items = result.items()
    assert [item["score"] for item in items] == [100.0, 100.0]
    for item in items:
        assert any(note.startswith("rendered in Chromium") for note in item["notes"]), item
        png = (result.run_file.parent / item["chart_file"]).with_suffix(".png")
        assert png.read_bytes().startswith(b"\x89PNG")
