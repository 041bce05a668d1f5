"""``bench-run compare`` on runs made by the real process against the fake endpoint."""

from __future__ import annotations

import shutil
from pathlib import Path

import msgspec
import pytest

from .conftest import bench_run, endpoint
from .fake_server import FakeServer

ITEMS = ["--task-id", "E01,E02,M01,H01,X01,C_E01,C_M01,C_H01", "--min-quality", "7"]
MODELS = ("fake/reference", "fake/mixed?share=0.5", "fake/text")


@pytest.fixture(scope="module")
def runs(server: FakeServer, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Three runs of the same 32 items by three fake models: right, half right, all wrong."""
    folder = tmp_path_factory.mktemp("compare")
    files = []
    for model in MODELS:
        cwd = folder / model.replace("/", "_").replace("?", "_")
        cwd.mkdir()
        result = bench_run("run", "--model", model, *endpoint(server), *ITEMS, cwd=cwd)
        assert result.code == 0, result.stderr
        files.append(result.run_file)
    return files


def test_compare_prints_each_model_and_each_pair(runs: list[Path], tmp_path: Path) -> None:
    result = bench_run("compare", *map(str, runs), "--models", "Right,Half,Wrong", cwd=tmp_path)
    assert result.code == 0, result.stderr
    text = result.stdout
    assert "over the 32 items (8 tasks) every run shares" in text
    for column in ("Right − Half", "Right − Wrong", "Half − Wrong"):
        assert column in text
    assert "100.0%  [100.0–100.0]" in text
    for table in ("By suite", "By difficulty", "By domain", "By prompt quality", "Criteria"):
        assert table in text
    assert not list(tmp_path.iterdir())  # without --html, compare writes nothing


def test_compare_json_orders_the_models_by_their_real_scores(
    runs: list[Path], tmp_path: Path
) -> None:
    result = bench_run("compare", *map(str, runs), "--json", cwd=tmp_path)
    assert result.code == 0, result.stderr
    comparison = msgspec.json.decode(result.stdout)
    labels = [run["label"] for run in comparison["runs"]]
    assert labels == list(MODELS)
    scores = [comparison["summaries"][label]["overall"]["value"] for label in labels]
    assert scores[0] == 100.0
    assert scores[0] > scores[1] > scores[2]
    # The JSON reports agree with each run's own report on the same items.
    for label, path in zip(labels, runs, strict=True):
        own = msgspec.json.decode(path.with_suffix(".report.json").read_bytes())
        assert comparison["summaries"][label]["overall"] == own["summary"]["overall"]
    overall = {(p["a"], p["b"]): p for p in comparison["pairs"] if p["scope"] == "overall"}
    assert overall[(labels[0], labels[2])]["verdict"] == "a"
    assert overall[(labels[0], labels[2])]["difference"] == pytest.approx(scores[0] - scores[2])


def test_a_run_compared_with_its_copy_is_tied(runs: list[Path], tmp_path: Path) -> None:
    copy = tmp_path / "copy.jsonl"
    shutil.copy(runs[1], copy)
    result = bench_run("compare", str(runs[1]), str(copy), "--json", cwd=tmp_path)
    assert result.code == 0, result.stderr
    pairs = msgspec.json.decode(result.stdout)["pairs"]
    assert {pair["verdict"] for pair in pairs} == {"tied"}
    labels = [run["label"] for run in msgspec.json.decode(result.stdout)["runs"]]
    assert labels[0] != labels[1]  # the same model id twice is told apart by the run ids


def test_compare_over_different_selections_says_what_it_left_out(
    server: FakeServer, runs: list[Path], tmp_path: Path
) -> None:
    other = bench_run(
        "run",
        "--model",
        "fake/reference",
        *endpoint(server),
        "--task-id",
        "E01,E03",
        "--min-quality",
        "9",
        cwd=tmp_path,
    )
    assert other.code == 0, other.stderr
    result = bench_run(
        "compare", str(runs[0]), str(other.run_file), "--models", "A,B", cwd=tmp_path
    )
    assert result.code == 0, result.stderr
    assert "over the 2 items (1 task) every run shares" in result.stdout
    assert "Left out of A: 30 items, not in every run being compared." in result.stdout
    assert "Left out of B: 2 items, not in every run being compared." in result.stdout
    assert "task sets differ" in result.stdout


@pytest.mark.parametrize(
    ("files", "extra", "message"),
    [
        (["only"], [], "compare needs at least two run files, got 1"),
        (["only", "text"], [], "text.jsonl is not a Bencher run"),
        (["only", "empty"], [], "empty.jsonl holds no complete line"),
        (["only", "header"], [], "header.jsonl has a header but no results"),
        (["only", "missing"], [], "missing.jsonl does not exist"),
        (["only", "only"], ["--models", "A"], "--models gives 1 name(s) for 2 runs"),
        (["only", "only"], ["--html", "out.txt"], "--html takes a path ending in .html"),
    ],
)
def test_bad_input_gets_one_line_and_writes_nothing(
    runs: list[Path], tmp_path: Path, files: list[str], extra: list[str], message: str
) -> None:
    (tmp_path / "text.jsonl").write_text("hello\n")
    (tmp_path / "empty.jsonl").write_text("")
    (tmp_path / "header.jsonl").write_bytes(runs[0].read_bytes().splitlines(keepends=True)[0])
    shutil.copy(runs[0], tmp_path / "only.jsonl")
    before = sorted(p.name for p in tmp_path.iterdir())
    result = bench_run("compare", *(f"{name}.jsonl" for name in files), *extra, cwd=tmp_path)
    assert result.code == 2
    assert result.stderr.count("\n") == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_compare_html_holds_the_same_numbers_as_the_json(runs: list[Path], tmp_path: Path) -> None:
    page = tmp_path / "out" / "compare.html"
    result = bench_run(
        "compare",
        *map(str, runs),
        "--models",
        "Right,Half,Wrong",
        "--html",
        str(page),
        cwd=tmp_path,
    )
    assert result.code == 0, result.stderr
    assert f"HTML report: {page}" in result.stdout
    text = page.read_text()
    assert "Content-Security-Policy" in text
    start = text.index('<script type="application/json" id="bench-data">')
    blob = text[text.index(">", start) + 1 : text.index("</script>", start)]
    embedded = msgspec.json.decode(blob)
    as_json = bench_run(
        "compare", *map(str, runs), "--models", "Right,Half,Wrong", "--json", cwd=tmp_path
    )
    comparison = msgspec.json.decode(as_json.stdout)
    suites = embedded["figures"]["suite"]["data"]
    assert [trace["name"] for trace in suites] == ["Right", "Half", "Wrong"]
    for trace in suites:
        scores = comparison["summaries"][trace["name"]]["by_suite"]
        assert trace["y"] == [scores[suite]["value"] for suite in trace["x"]]
