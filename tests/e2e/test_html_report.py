"""The HTML report as the real ``bench-run`` writes it: at the end of a run, and again from the
JSONL alone with ``bench-run report --html``."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from .conftest import bench_run, endpoint
from .fake_server import FakeServer

SOME = ["--task-id", "E01,H01,C_E01,C_H01", "--min-quality", "7"]


def embedded(page: str) -> dict[str, Any]:
    found = re.search(r'<script type="application/json" id="bench-data">(.*?)</script>', page, re.S)
    assert found is not None
    data: dict[str, Any] = json.loads(found.group(1))
    return data


def test_run_writes_the_html_report_and_report_rebuilds_it(
    tmp_path: Path, server: FakeServer
) -> None:
    result = bench_run(
        "run", "--model", "fake/mixed?share=0.5", *endpoint(server), *SOME, cwd=tmp_path
    )
    assert result.code == 0, result.stderr
    html_path = result.run_file.with_suffix(".report.html")
    assert f"HTML:    results/{html_path.name}" in result.stdout
    page = html_path.read_text(encoding="utf-8")
    assert 'http-equiv="Content-Security-Policy"' in page
    data = embedded(page)
    report = result.report()
    by_difficulty = report["summary"]["by_difficulty"]
    (trace,) = data["figures"]["difficulty"]["data"]
    assert trace["y"] == [by_difficulty[name]["value"] for name in trace["x"]]
    assert any(item["score"] < 100 for item in result.items())  # a mixed run
    items = {item["key"]: item for item in data["items"]}
    assert len(items) == len(result.items()) == 16
    for line in result.items():
        shown = items[f"{line['task_id']}_Q{line['quality']}"]
        assert (shown["score"], shown["status"]) == (line["score"], line["status"])
        assert shown["prompt"] is not None  # the trading domain is installed
    assert data["prompts_note"] is None
    chart = items["C_E01_Q7"]
    assert (html_path.parent / chart["chart_href"]).is_file()

    html_path.unlink()
    again = bench_run("report", str(result.run_file), "--html", cwd=tmp_path)
    assert again.code == 0, again.stderr
    assert html_path.read_text(encoding="utf-8") == page  # every figure from the JSONL alone

    elsewhere = bench_run(
        "report", str(result.run_file), "--html", "out/run.html", "--json", cwd=tmp_path
    )
    assert elsewhere.code == 0, elsewhere.stderr
    assert json.loads(elsewhere.stdout) == report
    moved = embedded((tmp_path / "out" / "run.html").read_text(encoding="utf-8"))
    href = {item["key"]: item for item in moved["items"]}["C_E01_Q7"]["chart_href"]
    assert href == "run_sandboxed/C_E01_Q7.html"  # the chart's sandboxed wrapper, beside it
    assert (tmp_path / "out" / href).is_file()


def test_reference_run_offline_writes_the_html_report(tmp_path: Path) -> None:
    result = bench_run(
        "run", "--model", "reference", "--task-id", "E01,C_E01", "--max-quality", "2", cwd=tmp_path
    )
    assert result.code == 0, result.stderr
    data = embedded(result.run_file.with_suffix(".report.html").read_text(encoding="utf-8"))
    assert [item["score"] for item in data["items"]] == [100.0] * 4
    assert data["figures"]["suite"]["data"][0]["y"] == [100.0, 100.0]


def test_report_without_html_writes_no_page(tmp_path: Path) -> None:
    result = bench_run("run", "--model", "reference", "--task-id", "E01", "--max-quality", "1",
                       cwd=tmp_path)  # fmt: skip
    assert result.code == 0, result.stderr
    page = result.run_file.with_suffix(".report.html")
    page.unlink()
    tables = bench_run("report", str(result.run_file), cwd=tmp_path)
    assert tables.code == 0, tables.stderr
    assert not page.exists()


def test_judge_keeps_the_html_report_in_step(tmp_path: Path, server: FakeServer) -> None:
    result = bench_run("run", "--model", "reference", "--task-id", "E01", "--max-quality", "2",
                       cwd=tmp_path)  # fmt: skip
    assert result.code == 0, result.stderr
    page = result.run_file.with_suffix(".report.html")
    assert all(item["judges"] == [] for item in embedded(page.read_text())["items"])
    judged = bench_run(
        "judge", str(result.run_file), "--judge-model", "fake/judge", *endpoint(server),
        cwd=tmp_path,
    )  # fmt: skip
    assert judged.code == 0, judged.stderr
    data = embedded(page.read_text(encoding="utf-8"))
    verdicts = [item["judges"] for item in data["items"]]
    assert [[(v["judge"], v["score"]) for v in found] for found in verdicts] == [
        [("llm", 88.0)],
        [("llm", 88.0)],
    ]
    assert "fake/judge" in page.read_text(encoding="utf-8")  # the judges' table
