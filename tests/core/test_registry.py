from __future__ import annotations

import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench_core import BenchError, Registry

from .factories import PROMPTS

DOMAIN_MODULE = textwrap.dedent(
    """
    from bench_core import Difficulty, ExpectedCall, ToolReference, ToolTask

    LOADED = []

    class FakeDomain:
        title = "Fake"
        preamble = "Today is 2026-04-15."

        def __init__(self, domain_id, task_ids):
            self.id = domain_id
            self._ids = task_ids
            LOADED.append(domain_id)

        def tools(self):
            return []

        def write_tools(self):
            return frozenset()

        def tasks(self):
            return [
                ToolTask(id=i, domain=self.id, difficulty=Difficulty.EASY, title=i,
                         prompts={prompts!r}, expected=(ExpectedCall(name="f"),))
                for i in self._ids
            ]

        def simulator(self):
            raise RuntimeError("the registry tests never run a simulator")

        def reference(self, task_id):
            return ToolReference(turns=(), answer="")

    def alpha():
        return FakeDomain("alpha", ["AL_E01"])

    def beta():
        return FakeDomain("beta", ["BE_E01"])

    def clash():
        return FakeDomain("clash", ["AL_E01"])

    def liar():
        return FakeDomain("someone_else", [])

    def broken():
        raise RuntimeError("fixtures missing")
    """
).format(prompts=PROMPTS)


def install(site: Path, dist: str, entries: dict[str, str]) -> None:
    info = site / f"{dist.replace('-', '_')}-1.2.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 1.2.0\n")
    lines = "\n".join(f"{name} = {target}" for name, target in entries.items())
    (info / "entry_points.txt").write_text(f"[bench.domains]\n{lines}\n")


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Path]:
    (tmp_path / "fake_domains.py").write_text(DOMAIN_MODULE)
    sys.path.insert(0, str(tmp_path))
    yield tmp_path
    sys.path.remove(str(tmp_path))
    sys.modules.pop("fake_domains", None)


def test_listing_reads_metadata_without_importing(site: Path) -> None:
    install(site, "bench-domain-alpha", {"alpha": "fake_domains:alpha"})
    install(site, "bench-domain-beta", {"beta": "fake_domains:beta"})
    registry = Registry(paths=[str(site)])
    entries = registry.entries()
    assert [(e.id, e.distribution, e.version) for e in entries] == [
        ("alpha", "bench-domain-alpha", "1.2.0"),
        ("beta", "bench-domain-beta", "1.2.0"),
    ]
    assert "fake_domains" not in sys.modules


def test_loading_a_domain(site: Path) -> None:
    install(site, "bench-domain-alpha", {"alpha": "fake_domains:alpha"})
    registry = Registry(paths=[str(site)])
    domain = registry.load("alpha")
    assert domain.id == "alpha"
    assert registry.load("alpha") is domain
    with pytest.raises(BenchError, match="unknown domain 'gamma'; installed domains: alpha"):
        registry.load("gamma")


def test_broken_plugin_is_reported_and_skipped(site: Path) -> None:
    install(site, "bench-domain-alpha", {"alpha": "fake_domains:alpha"})
    install(site, "bench-domain-broken", {"broken": "fake_domains:broken"})
    install(site, "bench-domain-liar", {"liar": "fake_domains:liar"})
    install(site, "bench-domain-ghost", {"ghost": "no_such_module:factory"})
    registry = Registry(paths=[str(site)])
    assert [d.id for d in registry.load_all()] == ["alpha"]
    problems = "\n".join(registry.problems)
    assert (
        "'broken' from bench-domain-broken 1.2.0 failed to load: RuntimeError: fixtures missing"
        in problems
    )
    assert "'liar' from bench-domain-liar 1.2.0 is not a valid domain" in problems
    assert "'ghost' from bench-domain-ghost 1.2.0 failed to load: ModuleNotFoundError" in problems


def test_duplicate_domain_id_names_both_distributions(site: Path) -> None:
    install(site, "bench-domain-alpha", {"alpha": "fake_domains:alpha"})
    install(site, "acme-alpha", {"alpha": "fake_domains:beta"})
    with pytest.raises(BenchError, match="registered by both") as error:
        Registry(paths=[str(site)]).entries()
    assert "acme-alpha 1.2.0" in str(error.value)
    assert "bench-domain-alpha 1.2.0" in str(error.value)


def test_duplicate_task_id_names_both_distributions(site: Path) -> None:
    install(site, "bench-domain-alpha", {"alpha": "fake_domains:alpha"})
    install(site, "acme-clash", {"clash": "fake_domains:clash"})
    with pytest.raises(BenchError, match="task id 'AL_E01' is defined by both") as error:
        Registry(paths=[str(site)]).load_all()
    assert "bench-domain-alpha 1.2.0" in str(error.value)
    assert "acme-clash 1.2.0" in str(error.value)


def test_installed_trading_domain_is_registered() -> None:
    entries = {e.id: e for e in Registry().entries()}
    assert entries["trading"].distribution == "bench-domain-trading"
