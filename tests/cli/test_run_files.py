"""One confinement rule for every path read from a run file: inside the run's own chart folder,
a regular file, no symlink out, no absolute path, no ``..``."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bench_cli._judging import _chart_html, _screenshot
from bench_cli._run_files import chart_path, charts_folder, screenshot_path
from bench_core import ItemResult

from .html_fixtures import item

STEM = "incremental_acme_20261128_000000"


@pytest.fixture
def run_path(tmp_path: Path) -> Path:
    """A run file with one chart and its screenshot in its own folder, and secrets around."""
    path = tmp_path / "results" / f"{STEM}.jsonl"
    folder = charts_folder(path)
    folder.mkdir(parents=True)
    path.write_text("{}\n")
    (folder / "C_E01_Q1.html").write_text("<svg>chart</svg>")
    (folder / "C_E01_Q1.png").write_bytes(b"\x89PNG chart")
    (tmp_path / "secret.html").write_text("secret")
    (tmp_path / "secret.png").write_bytes(b"\x89PNG secret")
    other = tmp_path / "results" / "incremental_other_20261128_000000_charts"
    other.mkdir()
    (other / "C_E01_Q1.html").write_text("another run's chart")
    return path


def test_the_runs_own_chart_and_screenshot_are_found(run_path: Path) -> None:
    name = f"{STEM}_charts/C_E01_Q1.html"
    assert chart_path(run_path, name) == (charts_folder(run_path) / "C_E01_Q1.html").resolve()
    assert screenshot_path(run_path, name) == (charts_folder(run_path) / "C_E01_Q1.png").resolve()


@pytest.mark.parametrize(
    "name",
    [
        None,
        "",
        "/proc/self/environ",
        "/etc/passwd",
        "../secret.html",
        "../../secret.html",
        f"{STEM}_charts/../../secret.html",
        f"{STEM}_charts/./../../secret.html",
        "incremental_other_20261128_000000_charts/C_E01_Q1.html",  # another run's folder
        f"{STEM}.jsonl",  # the run file itself, outside the chart folder
        f"{STEM}_charts",  # the folder, not a file
        f"{STEM}_charts/",
        f"{STEM}_charts/missing.html",
        f"{STEM}_charts\\..\\..\\secret.html",
        f"C:/{STEM}_charts/C_E01_Q1.html",
        f"{STEM}_charts/C_E01_Q1.html\x00.png",
    ],
)
def test_a_name_outside_the_rule_is_refused(run_path: Path, name: str | None) -> None:
    assert chart_path(run_path, name) is None


def test_the_proc_environ_of_this_process_is_refused_however_it_is_reached(
    run_path: Path,
) -> None:
    depth = len(run_path.resolve().parent.parts)
    climb = "/".join([".."] * depth)
    assert chart_path(run_path, f"{STEM}_charts/{climb}/proc/self/environ") is None
    (charts_folder(run_path) / "environ.html").symlink_to("/proc/self/environ")
    assert chart_path(run_path, f"{STEM}_charts/environ.html") is None


def test_a_symlink_out_of_the_folder_is_refused(run_path: Path) -> None:
    folder = charts_folder(run_path)
    (folder / "out.html").symlink_to(run_path.parent.parent / "secret.html")
    (folder / "out.png").symlink_to(run_path.parent.parent / "secret.png")
    assert chart_path(run_path, f"{STEM}_charts/out.html") is None
    assert screenshot_path(run_path, f"{STEM}_charts/out.html") is None


def test_a_symlink_within_the_folder_is_followed(run_path: Path) -> None:
    folder = charts_folder(run_path)
    (folder / "again.html").symlink_to("C_E01_Q1.html")
    assert chart_path(run_path, f"{STEM}_charts/again.html") == (folder / "C_E01_Q1.html").resolve()


def test_a_chart_folder_that_is_itself_a_symlink_is_refused(tmp_path: Path) -> None:
    elsewhere = tmp_path / "home" / ".ssh"
    elsewhere.mkdir(parents=True)
    (elsewhere / "id_ed25519.html").write_text("PRIVATE KEY")
    path = tmp_path / f"{STEM}.jsonl"
    path.write_text("{}\n")
    charts_folder(path).symlink_to(elsewhere)
    assert chart_path(path, f"{STEM}_charts/id_ed25519.html") is None


def test_a_screenshot_that_is_a_symlink_out_is_refused_beside_a_sound_chart(
    run_path: Path,
) -> None:
    folder = charts_folder(run_path)
    (folder / "C_E01_Q1.png").unlink()
    (folder / "C_E01_Q1.png").symlink_to(run_path.parent.parent / "secret.png")
    name = f"{STEM}_charts/C_E01_Q1.html"
    assert chart_path(run_path, name) is not None
    assert screenshot_path(run_path, name) is None


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_not_a_regular_file(run_path: Path) -> None:
    os.mkfifo(charts_folder(run_path) / "pipe.html")  # reading it would block the judge
    assert chart_path(run_path, f"{STEM}_charts/pipe.html") is None


@pytest.mark.parametrize(
    "name", ["/proc/self/environ", "../secret.html", "../../secret.html", "/etc/hostname"]
)
def test_the_judge_reads_nothing_a_hostile_run_file_names(run_path: Path, name: str) -> None:
    result: ItemResult = item("C_E01", 1, 100.0, chart_file=name)
    assert _chart_html(result, run_path) is None
    assert _screenshot(result, run_path) is None


def test_the_judge_reads_the_runs_own_chart(run_path: Path) -> None:
    result: ItemResult = item("C_E01", 1, 100.0, chart_file=f"{STEM}_charts/C_E01_Q1.html")
    assert _chart_html(result, run_path) == "<svg>chart</svg>"
    assert _screenshot(result, run_path) == b"\x89PNG chart"
