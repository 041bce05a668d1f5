"""``bench-run judge``: verdicts appended to a finished run, resumably, apart from the score."""

from __future__ import annotations

from pathlib import Path

from .conftest import KEY, bench_run, endpoint
from .fake_server import FakeServer

ITEMS = ["--task-id", "E01,H01,C_E01", "--min-quality", "10"]


def test_judge_appends_verdicts_then_resumes_without_asking_again(
    tmp_path: Path, server: FakeServer
) -> None:
    run = bench_run("run", "--model", "reference", *ITEMS, cwd=tmp_path)
    assert run.code == 0, run.stderr
    score_before = run.report()["summary"]["overall"]

    judged = bench_run(
        "judge",
        str(run.run_file),
        "--judge-model",
        "fake/judge",
        *endpoint(server),
        "--visual",
        "--model",
        "Reference",
        cwd=tmp_path,
    )
    assert judged.code == 0, judged.stderr
    verdicts = [line for line in judged.lines() if line["type"] == "judge"]
    assert sorted((v["task_id"], v["judge"]) for v in verdicts) == [
        ("C_E01", "llm"),
        ("C_E01", "visual"),
        ("E01", "llm"),
        ("H01", "llm"),
    ]
    assert {v["status"] for v in verdicts} == {"ok"}
    assert {v["judge_model"] for v in verdicts} == {"fake/judge"}
    visual = next(v for v in verdicts if v["judge"] == "visual")
    assert visual["input_kind"] == "html"  # no screenshot was rendered
    tool = next(v for v in verdicts if v["task_id"] == "H01")
    assert tool["scores"] == {"correctness": 90, "reasoning_quality": 80, "hallucinations": 100}
    assert tool["reason"].startswith("The calls match")

    report = judged.report()
    assert report["summary"]["overall"] == score_before
    llm_tools = next(j for j in report["judges"] if j["judge"] == "llm" and j["suite"] == "tools")
    assert (llm_tools["verdicts"], llm_tools["mean_score"]) == (2, 88.0)
    assert "Judges of Reference" in judged.stdout

    asked = len(server.requests)
    again = bench_run(
        "judge",
        str(run.run_file),
        "--judge-model",
        "fake/judge",
        *endpoint(server),
        "--visual",
        cwd=tmp_path,
    )
    assert again.code == 0, again.stderr
    assert len(server.requests) == asked
    assert len([line for line in again.lines() if line["type"] == "judge"]) == 4


def test_an_unreadable_verdict_is_a_judge_infra_error_then_retried(
    tmp_path: Path, server: FakeServer
) -> None:
    run = bench_run(
        "run", "--model", "reference", "--task-id", "E01", "--min-quality", "10", cwd=tmp_path
    )
    bad = bench_run(
        "judge", str(run.run_file), "--judge-model", "fake/text", *endpoint(server), cwd=tmp_path
    )
    # Every verdict asked for failed: the command says so on one line and exits 1.
    assert bad.code == 1, bad.stderr
    [said] = [line for line in bad.stderr.splitlines() if line.startswith("bench-run: error")]
    assert "every one of the 1 verdicts ended in an infra error" in said
    assert "run the command again to retry them" in said
    assert "Traceback" not in bad.stderr
    (verdict,) = [line for line in bad.lines() if line["type"] == "judge"]
    assert (verdict["status"], verdict["score"]) == ("infra_error", None)
    good = bench_run(
        "judge", str(run.run_file), "--judge-model", "fake/judge", *endpoint(server), cwd=tmp_path
    )
    assert good.code == 0, good.stderr
    latest = [line for line in good.lines() if line["type"] == "judge"][-1]
    assert (latest["status"], latest["score"]) == ("ok", 88)
    assert KEY not in good.run_file.read_text()


def test_run_with_llm_judge_grades_as_it_finishes(tmp_path: Path, server: FakeServer) -> None:
    result = bench_run(
        "run",
        "--model",
        "fake/reference",
        *endpoint(server),
        *ITEMS,
        "--llm-judge",
        "--judge-model",
        "fake/judge",
        cwd=tmp_path,
    )
    assert result.code == 0, result.stderr
    verdicts = [line for line in result.lines() if line["type"] == "judge"]
    assert len(verdicts) == 3
    assert result.report()["judges"]


def test_llm_judge_needs_a_judge_model(tmp_path: Path) -> None:
    result = bench_run("run", "--model", "reference", "--llm-judge", cwd=tmp_path)
    assert result.code == 2
    assert "--llm-judge needs --judge-model" in result.stderr
    assert not (tmp_path / "results").exists()
