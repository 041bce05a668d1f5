"""Whole runs against endpoints that answer as real servers do at their limits, or as hostile
ones would: context overflow, error bodies full of escape codes, every item failing, odd input."""

from __future__ import annotations

import re
from pathlib import Path

import msgspec

from .conftest import KEY, bench_run, endpoint
from .fake_server import FakeServer

ONE = ["--task-id", "E01,H01,C_E01", "--min-quality", "10"]
# What a terminal would obey: escape sequences, C0 and C1 controls but newline.
CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def test_context_overflow_is_a_model_error_scored_0_counted_and_kept_on_resume(
    tmp_path: Path, fresh_server: FakeServer
) -> None:
    model = "fake/reference?fault=context"
    first = bench_run("run", "--model", model, *endpoint(fresh_server), *ONE, cwd=tmp_path)
    assert first.code == 0, first.stderr
    items = first.items()
    assert {(i["status"], i["error_class"], i["score"]) for i in items} == {
        ("model_error", "context_length", 0)
    }
    assert {i["attempts"] for i in items} == {1}  # never retried
    assert len(fresh_server.requests) == 3
    message = items[0]["error_message"]
    assert message.startswith("the conversation is longer than the model's context window")
    assert "exceeds the available context size" in message
    report = first.report()
    assert (report["items"]["model_errors"], report["items"]["infra_errors"]) == (3, 0)
    assert report["summary"]["overall"]["value"] == 0.0  # counted, not left out
    assert report["summary"]["errors"]["model_error"] == {"context_length": 3}

    again = bench_run(
        "run", "--model", model, *endpoint(fresh_server), "--resume", str(first.run_file),
        cwd=tmp_path,
    )  # fmt: skip
    assert again.code == 0, again.stderr
    assert len(fresh_server.requests) == 3  # kept: nothing asked again
    assert [i["status"] for i in again.items()] == ["model_error"] * 3
    assert len(again.lines()) == 4


def test_a_run_where_every_item_is_an_infra_error_exits_1_with_one_line(
    tmp_path: Path, server: FakeServer
) -> None:
    result = bench_run(
        "run", "--model", "fake/reference?fault=400", *endpoint(server), *ONE, cwd=tmp_path
    )
    assert result.code == 1, result.stderr
    [line] = [line for line in result.stderr.splitlines() if line.startswith("bench-run: error")]
    assert "every one of the 3 items ended in an infra error" in line
    model = "'fake/reference?fault=400'"
    assert f"retry them with: bench-run run --model {model} --resume results/" in line
    assert "Traceback" not in result.stderr
    assert result.report()["items"]["infra_errors"] == 3  # the report is still written


def test_a_run_with_one_item_scored_exits_0(tmp_path: Path, server: FakeServer) -> None:
    model = "fake/reference?fault=400&every=2"  # the first conversation fails, the second not
    result = bench_run(
        "run", "--model", model, *endpoint(server), "--task-id", "E01,M01", "--min-quality",
        "10", cwd=tmp_path,
    )  # fmt: skip
    assert result.code == 0, result.stderr
    assert sorted(i["status"] for i in result.items()) == ["infra_error", "ok"]


def test_escape_codes_in_an_error_body_never_reach_the_terminal(
    tmp_path: Path, server: FakeServer
) -> None:
    result = bench_run(
        "run", "--model", "fake/reference?fault=ansi", *endpoint(server), *ONE, cwd=tmp_path
    )
    assert result.code == 1, result.stderr
    assert not CONTROL.search(result.stderr + result.stdout), repr(result.stderr)
    assert "owned" not in result.stderr  # the window title's text went with its sequence
    assert "bad request" in result.stderr or "bad  request" in result.stderr
    # The run file keeps what the endpoint said, as JSON escapes it.
    assert "\\u001b" in result.run_file.read_text()


def test_escape_codes_and_markup_in_a_run_file_never_reach_the_terminal(tmp_path: Path) -> None:
    run = bench_run("run", "--model", "reference", "--task-id", "E01", cwd=tmp_path)
    assert run.code == 0, run.stderr
    hostile = "acme/\x1b]0;pwned\x07\x1b[2Jmodel[/][red]x\u202e"
    lines = run.run_file.read_bytes().splitlines()
    header = msgspec.json.decode(lines[0])
    header["model"] = hostile
    items = [msgspec.json.decode(line) for line in lines[1:]]
    items[0] |= {"status": "model_error", "error_class": "\x1b[31mcontext\x9b2J", "score": 0}
    encoded = [msgspec.json.encode(line) for line in (header, *items)]
    run.run_file.write_bytes(b"\n".join(encoded) + b"\n")

    report = bench_run("report", str(run.run_file), cwd=tmp_path)
    assert report.code == 0, report.stderr
    assert not CONTROL.search(report.stdout + report.stderr), repr(report.stdout)
    assert "\u202e" not in report.stdout
    assert "acme/model[/][red]x" in report.stdout  # shown as text, not read as markup
    assert "context" in report.stdout


def test_a_300_character_model_id_gets_a_short_file_name_and_keeps_the_whole_id(
    tmp_path: Path, server: FakeServer
) -> None:
    model = "fake/reference?pad=" + "x" * 281
    assert len(model) == 300
    result = bench_run(
        "run", "--model", model, *endpoint(server), "--task-id", "E01,C_E01", "--min-quality",
        "10", cwd=tmp_path,
    )  # fmt: skip
    assert result.code == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "nothing is lost" in result.stderr
    assert len(result.run_file.name) < 120
    header = result.lines()[0]
    assert header["model"] == model
    assert {i["status"] for i in result.items()} == {"ok"}
    assert all(len(p.name) < 255 for p in (tmp_path / "results").rglob("*"))


def test_a_non_ascii_key_is_one_line_saying_it_must_be_ascii(
    tmp_path: Path, server: FakeServer
) -> None:
    key = "sk-tést-“0123456789”"
    for source in (["--api-key", key], []):
        result = bench_run(
            "run", "--model", "fake/reference", "--base-url",
            f"http://127.0.0.1:{server.port}/v1", *source, cwd=tmp_path,
            env={"LLM_API_KEY": key},
        )  # fmt: skip
        assert result.code == 2, result.stderr
        [line] = result.stderr.strip().splitlines()
        assert line.startswith("bench-run: error: invalid --api-key: the API key must be ASCII")
        assert "tést" not in line
        assert not (tmp_path / "results").exists()


def test_the_judge_sends_no_file_a_hostile_run_file_names(
    tmp_path: Path, fresh_server: FakeServer
) -> None:
    run = bench_run("run", "--model", "reference", "--task-id", "C_E01,C_M01", cwd=tmp_path)
    assert run.code == 0, run.stderr
    secret = tmp_path / "secret.html"
    secret.write_text("TOP-SECRET-FILE")
    outside = tmp_path / "results" / f"{run.run_file.stem}_charts" / "link.html"
    outside.symlink_to(secret)
    names = iter(
        ["/proc/self/environ", "../secret.html", f"{run.run_file.stem}_charts/link.html"]
        + [f"{run.run_file.stem}_charts/../../secret.html"] * 100
    )
    lines = []
    for raw in run.run_file.read_bytes().splitlines():
        line = msgspec.json.decode(raw)
        if line.get("chart_file"):
            line["chart_file"] = next(names)
        lines.append(msgspec.json.encode(line))
    run.run_file.write_bytes(b"\n".join(lines) + b"\n")

    judged = bench_run(
        "judge", str(run.run_file), "--judge-model", "fake/judge", *endpoint(fresh_server),
        "--visual", cwd=tmp_path, env={"BENCH_CANARY": "ENV-CANARY-VALUE"},
    )  # fmt: skip
    assert judged.code == 0, judged.stderr
    sent = msgspec.json.encode(fresh_server.requests).decode()
    assert fresh_server.requests
    for leaked in ("TOP-SECRET-FILE", "ENV-CANARY-VALUE", "BENCH_CANARY", KEY):
        assert leaked not in sent
