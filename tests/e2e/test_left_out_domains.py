"""A bad third-party domain package is left out with a warning; the other domains still run."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from .conftest import bench_run

ACME_MODULE = textwrap.dedent(
    """
    from bench_core import Difficulty, ExpectedCall, ToolReference, ToolTask

    PROMPTS = tuple(f"look up AAPL, version {q}" for q in range(1, 11))

    class Acme:
        title = "Acme"
        preamble = "Today is 2026-04-15."

        def __init__(self, domain_id, task_ids):
            self.id = domain_id
            self._ids = task_ids

        def tools(self):
            return []

        def write_tools(self):
            return frozenset()

        def tasks(self):
            return [
                ToolTask(id=i, domain=self.id, difficulty=Difficulty.EASY, title=i,
                         prompts=PROMPTS, expected=(ExpectedCall(name="f"),))
                for i in self._ids
            ]

        def simulator(self):
            raise RuntimeError("a left-out domain never runs")

        def reference(self, task_id):
            return ToolReference(turns=(), answer="")

    def clash():
        return Acme("acme", ["E01", "AC_E02"])

    def impostor():
        return Acme("trading", ["E01"])

    def broken():
        raise RuntimeError("fixtures missing")
    """
)

CLASH = (
    "bench-run: warning: domain 'acme' from acme-clash 1.0.0 was left out: its task id 'E01' is "
    "already defined by domain 'trading' from bench-domain-trading 0.1.0, which takes precedence; "
    "task ids must be unique, uninstall one of them"
)
DUPLICATE = (
    "bench-run: warning: domain 'trading' from acme-trading 2.0.0 was left out: "
    "bench-domain-trading 0.1.0 registers the same domain id and takes precedence; uninstall one "
    "of them"
)
BROKEN = (
    "bench-run: warning: domain 'broken' from acme-broken 1.0.0 failed to load (RuntimeError: "
    "fixtures missing) and was left out; fix or uninstall acme-broken"
)


def _install(site: Path, dist: str, version: str, name: str, target: str) -> None:
    info = site / f"{dist.replace('-', '_')}-{version}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n")
    (info / "entry_points.txt").write_text(f"[bench.domains]\n{name} = {target}\n")


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """Three bad third-party packages on the path of the ``bench-run`` process."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "acme_domains.py").write_text(ACME_MODULE)
    _install(site, "acme-clash", "1.0.0", "acme", "acme_domains:clash")
    _install(site, "acme-trading", "2.0.0", "trading", "acme_domains:impostor")
    _install(site, "acme-broken", "1.0.0", "broken", "acme_domains:broken")
    return {"PYTHONPATH": str(site)}


def _warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("bench-run: warning:")]


def test_list_json_reports_the_left_out_domains_and_lists_the_others(
    tmp_path: Path, env: dict[str, str]
) -> None:
    result = bench_run("list", "--json", cwd=tmp_path, env=env)
    assert result.code == 0, result.stderr
    assert _warnings(result.stderr) == [DUPLICATE, BROKEN, CLASH]
    listing = json.loads(result.stdout)
    (trading,) = [d for d in listing["domains"] if d["id"] == "trading"]
    assert trading["distribution"] == "bench-domain-trading"
    assert trading["tasks"] == 42
    assert {d["id"] for d in listing["domains"]}.isdisjoint({"acme", "broken"})
    assert {t["domain"] for t in listing["tasks"]}.isdisjoint({"acme", "broken"})
    assert [(d["id"], d["distribution"], d["version"]) for d in listing["left_out"]] == [
        ("trading", "acme-trading", "2.0.0"),
        ("broken", "acme-broken", "1.0.0"),
        ("acme", "acme-clash", "1.0.0"),
    ]
    prefix = "bench-run: warning: "
    assert [d["reason"] for d in listing["left_out"]] == [
        line.removeprefix(prefix) for line in (DUPLICATE, BROKEN, CLASH)
    ]
    assert listing["problems"] == [d["reason"] for d in listing["left_out"]]


def test_list_tables_warn_and_show_the_other_domains(tmp_path: Path, env: dict[str, str]) -> None:
    result = bench_run("list", cwd=tmp_path, env=env)
    assert result.code == 0, result.stderr
    assert _warnings(result.stderr) == [DUPLICATE, BROKEN, CLASH]
    assert "bench-domain-trading 0.1.0" in result.stdout
    assert "acme" not in result.stdout


def test_run_warns_and_runs_the_domains_kept(tmp_path: Path, env: dict[str, str]) -> None:
    result = bench_run(
        "run",
        "--model",
        "reference",
        "--domain",
        "trading",
        "--task-id",
        "E01",
        "--max-quality",
        "1",
        cwd=tmp_path,
        env=env,
    )
    assert result.code == 0, result.stderr
    assert _warnings(result.stderr) == [DUPLICATE, BROKEN, CLASH]
    items = result.items()
    assert [(item["task_id"], item["quality"], item["score"]) for item in items] == [
        ("E01", 1, 100.0)
    ]
    assert "bench-domain-trading" in result.lines()[0]["packages"]


def test_run_of_a_left_out_domain_is_a_one_line_error_saying_why(
    tmp_path: Path, env: dict[str, str]
) -> None:
    result = bench_run("run", "--model", "reference", "--domain", "acme", cwd=tmp_path, env=env)
    assert result.code == 2
    assert result.stderr.splitlines() == [
        "bench-run: error: --domain acme: " + CLASH.removeprefix("bench-run: warning: ")
    ]
    assert not (tmp_path / "results").exists()
