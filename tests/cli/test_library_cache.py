from __future__ import annotations

import stat
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

from bench_cli._library_cache import fill_cache, read_manifest
from bench_core import BenchError

FAKE_NPM = textwrap.dedent(
    """\
    #!{python}
    import io, json, sys, tarfile, pathlib
    args = sys.argv[1:]
    spec = args[1]
    destination = pathlib.Path(args[args.index("--pack-destination") + 1])
    log = pathlib.Path({log!r})
    log.write_text(log.read_text() + spec + "\\n" if log.exists() else spec + "\\n")
    if spec.startswith("missing"):
        sys.stderr.write("npm error 404 Not Found - GET https://registry/missing\\n")
        sys.exit(1)
    name, version = spec.rsplit("@", 1)
    filename = f"{{name}}-{{version}}.tgz"
    with tarfile.open(destination / filename, "w:gz") as tar:
        files = (("package/dist/lib.min.js", f"/* {{spec}} */"), ("package/README.md", "x"))
        for path, text in files:
            data = text.encode()
            info = tarfile.TarInfo(path)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    print(json.dumps([{{"id": spec, "filename": filename, "integrity": "sha512-abc"}}]))
    """
)


@dataclass(frozen=True)
class Lib:
    name: str
    package: str
    version: str
    file: str
    urls: tuple[str, ...]


LIBS = [
    Lib("Chart.js", "chart.js", "4.4.1", "dist/lib.min.js", ("https://cdn.example/chart.js",)),
    Lib("D3", "d3", "7.9.0", "dist/lib.min.js", ("https://cdn.example/d3",)),
]


@pytest.fixture
def npm(tmp_path: Path) -> tuple[str, Path]:
    log = tmp_path / "npm.log"
    script = tmp_path / "npm"
    script.write_text(FAKE_NPM.format(python=sys.executable, log=str(log)))
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return str(script), log


def test_fill_fetches_each_library_once_and_writes_a_manifest(
    tmp_path: Path, npm: tuple[str, Path]
) -> None:
    executable, log = npm
    cache = tmp_path / "cache"
    cached = fill_cache(LIBS, cache, npm=executable)
    assert [c.path for c in cached] == [
        "chart.js@4.4.1/dist/lib.min.js",
        "d3@7.9.0/dist/lib.min.js",
    ]
    assert (cache / "chart.js@4.4.1/dist/lib.min.js").read_text() == "/* chart.js@4.4.1 */"
    assert not (cache / "chart.js@4.4.1" / "README.md").exists()
    assert read_manifest(cache) == cached
    assert cached[0].integrity == "sha512-abc"
    assert cached[0].urls == ("https://cdn.example/chart.js",)
    fill_cache(LIBS, cache, npm=executable)
    assert log.read_text().splitlines() == ["chart.js@4.4.1", "d3@7.9.0"]


def test_npm_failure_is_one_clear_error(tmp_path: Path, npm: tuple[str, Path]) -> None:
    broken = [Lib("Missing", "missing", "1.0.0", "dist/lib.min.js", ())]
    with pytest.raises(BenchError, match=r"npm pack missing@1\.0\.0 failed: npm error 404"):
        fill_cache(broken, tmp_path / "cache", npm=npm[0])


def test_a_file_the_package_lacks_is_named(tmp_path: Path, npm: tuple[str, Path]) -> None:
    wrong = [Lib("D3", "d3", "7.9.0", "dist/other.js", ())]
    with pytest.raises(BenchError, match=r"d3@7\.9\.0 has no file dist/other\.js"):
        fill_cache(wrong, tmp_path / "cache", npm=npm[0])


def test_missing_npm_says_how_to_fix_it(tmp_path: Path) -> None:
    with pytest.raises(BenchError, match=r"install Node\.js and npm"):
        fill_cache(LIBS, tmp_path / "cache", npm="no-such-npm-here")
