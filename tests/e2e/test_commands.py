"""``bench-run list``, ``report`` and ``--help`` as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .conftest import BENCH_RUN, bench_run


def test_help_lists_the_commands_without_loading_heavy_packages() -> None:
    code = (
        "import sys\n"
        "from bench_cli.app import main\n"
        "try:\n"
        "    main(['--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = [m for m in ('httpx', 'bench_domain_trading', 'bench_scoring', 'playwright')\n"
        "         if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "HEAVY []" in done.stdout
    for command in ("run", "list", "report", "compare", "judge", "setup"):
        assert command in done.stdout


def test_run_help_documents_every_flag(tmp_path: Path) -> None:
    done = subprocess.run(
        [str(BENCH_RUN), "run", "--help"],
        capture_output=True,
        text=True,
        check=False,
        env={"COLUMNS": "200", "PATH": ""},
    )
    assert done.returncode == 0
    for flag in (
        "--model",
        "--suite",
        "--domain",
        "--task-id",
        "--mode",
        "--seed",
        "--min-quality",
        "--max-quality",
        "--min-difficulty",
        "--max-difficulty",
        "--temperature",
        "--top-p",
        "--max-tokens",
        "--workers",
        "--task-timeout",
        "--resume",
        "--repeats",
        "--provider-sort",
        "--provider-order",
        "--provider-no-fallback",
        "--api-key",
        "--base-url",
        "--output-dir",
    ):
        assert flag in done.stdout, flag


def test_list_json_names_the_trading_domain_and_its_tasks(tmp_path: Path) -> None:
    result = bench_run("list", "--json", cwd=tmp_path)
    assert result.code == 0, result.stderr
    listing = json.loads(result.stdout)
    (trading,) = [d for d in listing["domains"] if d["id"] == "trading"]
    assert trading["distribution"] == "bench-domain-trading"
    ids = {t["id"] for t in listing["tasks"] if t["domain"] == "trading" and t["suite"] == "tools"}
    assert ids == {f"E0{i}" for i in range(1, 6)} | {f"M0{i}" for i in range(1, 7)} | {
        f"H0{i}" for i in range(1, 6)
    } | {f"X0{i}" for i in range(1, 5)}


def test_list_tables(tmp_path: Path) -> None:
    result = bench_run("list", cwd=tmp_path)
    assert result.code == 0, result.stderr
    assert "trading" in result.stdout
    assert "X04" in result.stdout


def test_report_rebuilds_the_same_report_from_the_jsonl(tmp_path: Path) -> None:
    run = bench_run(
        "run", "--model", "reference", "--task-id", "E01,H02", "--repeats", "2", cwd=tmp_path
    )
    assert run.code == 0, run.stderr
    written = run.report()
    run.run_file.with_suffix(".report.json").unlink()
    rebuilt = bench_run("report", str(run.run_file), "--json", cwd=tmp_path)
    assert rebuilt.code == 0, rebuilt.stderr
    assert json.loads(rebuilt.stdout) == written
    assert written["consistency"]["pass^2"] == 1.0
    tables = bench_run("report", str(run.run_file), cwd=tmp_path)
    assert "By difficulty" in tables.stdout


def test_report_of_a_file_that_is_not_a_run(tmp_path: Path) -> None:
    (tmp_path / "x.jsonl").write_text("hello\n")
    result = bench_run("report", "x.jsonl", cwd=tmp_path)
    assert result.code == 2
    assert (
        result.stderr.strip()
        == "bench-run: error: x.jsonl is not a Bencher run (line 1 is not a run header)"
    )
