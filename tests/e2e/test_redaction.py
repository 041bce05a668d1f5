"""The API key, and credentials in --base-url, reach no file and no output, whatever form a
hostile endpoint echoes them in."""

from __future__ import annotations

import re
from pathlib import Path

from .conftest import KEY, bench_run
from .fake_server import FakeServer

# Whitespace and its JSON escapes, as the redaction sets them aside.
_GAPS = re.compile(r"(?:\s|\\[nrt])+")


def _leaks(text: str, secret: str) -> list[str]:
    """Every 12-character run of ``secret`` found in ``text``, case and whitespace aside."""
    compact = _GAPS.sub("", text).lower()
    folded = secret.lower()
    return [folded[i : i + 12] for i in range(len(folded) - 11) if folded[i : i + 12] in compact]


def test_a_key_echoed_in_a_200_answer_reaches_no_file_and_no_output(
    tmp_path: Path, server: FakeServer
) -> None:
    (tmp_path / ".env").write_text(f"LLM_API_KEY={KEY}\n")
    result = bench_run(
        "run",
        "--model",
        "fake/echo_key",
        "--base-url",
        f"http://127.0.0.1:{server.port}/v1",
        "--task-id",
        "E01,M02,C_E01",
        "--min-quality",
        "10",
        cwd=tmp_path,
    )
    assert result.code == 0, result.stderr
    assert not _leaks(result.stdout + result.stderr, KEY)
    files = [path for path in (tmp_path / "results").rglob("*") if path.is_file()]
    assert any(path.suffix == ".html" and "_charts" in str(path) for path in files)
    for path in files:
        assert not _leaks(path.read_bytes().decode("utf-8", "replace"), KEY), path
    stored = result.run_file.read_text()
    assert stored.count("***") >= 4  # the answers were kept, the key masked in them
    # The endpoint did echo it: what it sent back carried the key in every form.
    assert server.headers[-1]["authorization"] == f"Bearer {KEY}"


def test_credentials_in_the_base_url_are_masked_in_cannot_reach(tmp_path: Path) -> None:
    password = "Pa55word-0f-the-proxy"
    query_key = "QueryKey-9f8e7d6c5b4a"
    result = bench_run(
        "run",
        "--model",
        "x/y",
        "--base-url",
        f"http://user:{password}@127.0.0.1:9/v1?key={query_key}&api_key={query_key}",
        "--api-key",
        KEY,
        cwd=tmp_path,
    )
    assert result.code == 2
    assert "cannot reach" in result.stderr
    assert "http://***@127.0.0.1:9/v1?key=***&api_key=***: " in result.stderr
    for secret in (password, query_key, KEY):
        assert not _leaks(result.stdout + result.stderr, secret), result.stderr
    assert not (tmp_path / "results").exists()
