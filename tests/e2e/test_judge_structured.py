"""``bench-run judge`` asks for the verdict's schema as a response format, falls back once where
the endpoint refuses it, and records on each verdict whether the schema was enforced."""

from __future__ import annotations

from pathlib import Path

import msgspec

from .conftest import KEY, bench_run, endpoint
from .fake_server import FakeServer

ITEMS = ["--task-id", "E01,H01,C_E01", "--min-quality", "10"]


def judge(run_file: Path, model: str, server: FakeServer, cwd: Path) -> list[dict[str, object]]:
    judged = bench_run(
        "judge",
        str(run_file),
        "--judge-model",
        model,
        *endpoint(server),
        "--visual",
        "--workers",
        "1",
        cwd=cwd,
    )
    assert judged.code == 0, judged.stderr
    return [line for line in judged.lines() if line["type"] == "judge"]


def test_judge_requests_carry_the_schema_and_verdicts_say_it_was_taken(
    tmp_path: Path, fresh_server: FakeServer
) -> None:
    run = bench_run("run", "--model", "reference", *ITEMS, cwd=tmp_path)
    assert run.code == 0, run.stderr
    verdicts = judge(run.run_file, "fake/judge", fresh_server, tmp_path)
    assert [(v["status"], v["structured_output"]) for v in verdicts] == [("ok", "json_schema")] * 4
    names = sorted(r["response_format"]["json_schema"]["name"] for r in fresh_server.requests)
    assert names == ["ChartVerdict", "ToolVerdict", "ToolVerdict", "VisualVerdict"]
    for request in fresh_server.requests:
        schema = request["response_format"]["json_schema"]
        assert schema["strict"] is True
        assert schema["schema"]["additionalProperties"] is False
        assert schema["schema"]["required"] == list(schema["schema"]["properties"])


def test_a_judge_endpoint_that_refuses_the_schema_costs_one_request_per_run(
    tmp_path: Path, fresh_server: FakeServer
) -> None:
    run = bench_run("run", "--model", "reference", *ITEMS, cwd=tmp_path)
    assert run.code == 0, run.stderr
    verdicts = judge(run.run_file, "fake/judge?refuse=json_schema", fresh_server, tmp_path)
    assert [(v["status"], v["score"], v["structured_output"]) for v in verdicts] == [
        ("ok", 88, "json_object")
    ] * 4
    kinds = [r["response_format"]["type"] for r in fresh_server.requests]
    assert kinds == ["json_schema"] + ["json_object"] * 4
    assert KEY not in run.run_file.read_text()
    report = bench_run("report", str(run.run_file), cwd=tmp_path)
    assert report.code == 0, report.stderr
    assert "llm (schema json_object 2)" in report.stdout  # the tool items' verdicts
    summary = msgspec.json.decode(run.run_file.with_suffix(".report.json").read_bytes())["judges"]
    assert sum(entry["structured_output"]["json_object"] for entry in summary) == 4


def test_a_judge_endpoint_that_refuses_any_format_is_judged_on_the_prompt(
    tmp_path: Path, fresh_server: FakeServer
) -> None:
    run = bench_run("run", "--model", "reference", *ITEMS, cwd=tmp_path)
    assert run.code == 0, run.stderr
    verdicts = judge(run.run_file, "fake/judge?refuse=response_format", fresh_server, tmp_path)
    assert {(v["status"], v["structured_output"]) for v in verdicts} == {("ok", "none")}
    kinds = [r.get("response_format", {}).get("type") for r in fresh_server.requests]
    assert kinds == ["json_schema", "json_object", None, None, None, None]


def test_a_judge_endpoint_that_refuses_the_schema_as_llama_cpp_python_does_steps_down_at_once(
    tmp_path: Path, fresh_server: FakeServer
) -> None:
    # llama-cpp-python's server: HTTP 500, a validation error that names response_format.
    run = bench_run("run", "--model", "reference", *ITEMS, cwd=tmp_path)
    assert run.code == 0, run.stderr
    model = "fake/judge?refuse=json_schema&refuse_status=500"
    verdicts = judge(run.run_file, model, fresh_server, tmp_path)
    assert [(v["status"], v["score"], v["structured_output"]) for v in verdicts] == [
        ("ok", 88, "json_object")
    ] * 4
    kinds = [r["response_format"]["type"] for r in fresh_server.requests]
    assert kinds == ["json_schema"] + ["json_object"] * 4  # no retry of the refused schema


def test_a_judge_endpoint_that_refuses_any_format_with_500s_is_judged_on_the_prompt(
    tmp_path: Path, fresh_server: FakeServer
) -> None:
    run = bench_run("run", "--model", "reference", *ITEMS, cwd=tmp_path)
    assert run.code == 0, run.stderr
    model = "fake/judge?refuse=response_format&refuse_status=500"
    verdicts = judge(run.run_file, model, fresh_server, tmp_path)
    assert {(v["status"], v["structured_output"]) for v in verdicts} == {("ok", "none")}
    kinds = [r.get("response_format", {}).get("type") for r in fresh_server.requests]
    assert kinds == ["json_schema", "json_object", None, None, None, None]
