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

    def clash_many():
        return FakeDomain("clash_many", ["AL_E01", "BE_E01", "CM_E01"])

    def delta():
        return FakeDomain("delta", ["DE_E01"])

    def wide():
        return FakeDomain("wide", ["WI_E01", "WI_E02", "WI_E03", "WI_E04", "WI_E05"])

    def wide_copy():
        return FakeDomain("wide_copy", ["WI_E01", "WI_E02", "WI_E03", "WI_E04", "WI_E05"])

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
    assert registry.problems == [
        "domain 'broken' from bench-domain-broken 1.2.0 failed to load (RuntimeError: fixtures "
        "missing) and was left out; fix or uninstall bench-domain-broken",
        "domain 'ghost' from bench-domain-ghost 1.2.0 failed to load (ModuleNotFoundError: No "
        "module named 'no_such_module') and was left out; fix or uninstall bench-domain-ghost",
        "domain 'liar' from bench-domain-liar 1.2.0 is not a valid domain and was left out: its "
        "factory fake_domains:liar must return a Domain whose id is 'liar'",
    ]
    assert [(entry.id, reason) for entry, reason in registry.left_out()] == [
        ("broken", registry.problems[0]),
        ("ghost", registry.problems[1]),
        ("liar", registry.problems[2]),
    ]


def test_loading_a_left_out_domain_says_why(site: Path) -> None:
    install(site, "bench-domain-broken", {"broken": "fake_domains:broken"})
    registry = Registry(paths=[str(site)])
    for _ in range(2):  # the second time from what the registry remembers
        with pytest.raises(BenchError) as error:
            registry.load("broken")
        assert str(error.value) == (
            "domain 'broken' from bench-domain-broken 1.2.0 failed to load (RuntimeError: "
            "fixtures missing) and was left out; fix or uninstall bench-domain-broken"
        )
    assert len(registry.problems) == 1


def test_duplicate_domain_id_keeps_the_built_in_one_and_names_both(site: Path) -> None:
    # acme-alpha sorts before bench-domain-alpha by name: the built-in one still wins.
    install(site, "acme-alpha", {"alpha": "fake_domains:beta"})
    install(site, "bench-domain-alpha", {"alpha": "fake_domains:alpha"})
    install(site, "bench-domain-delta", {"delta": "fake_domains:delta"})
    registry = Registry(paths=[str(site)])
    entries = registry.entries()
    assert [(e.id, e.distribution) for e in entries] == [
        ("alpha", "bench-domain-alpha"),
        ("delta", "bench-domain-delta"),
    ]
    problem = (
        "domain 'alpha' from acme-alpha 1.2.0 was left out: bench-domain-alpha 1.2.0 registers "
        "the same domain id and takes precedence; uninstall one of them"
    )
    assert registry.problems == [problem]
    assert [d.id for d in registry.load_all()] == ["alpha", "delta"]
    assert [t.id for t in registry.load("alpha").tasks()] == ["AL_E01"]
    assert [(e.distribution, reason) for e, reason in registry.left_out()] == [
        ("acme-alpha", problem)
    ]
    assert registry.problems == [problem]


def test_duplicate_domain_id_between_third_parties_keeps_the_first_by_name(site: Path) -> None:
    install(site, "zeta-alpha", {"alpha": "fake_domains:alpha"})
    install(site, "acme-alpha", {"alpha": "fake_domains:beta"})
    registry = Registry(paths=[str(site)])
    assert [e.distribution for e in registry.entries()] == ["acme-alpha"]
    assert registry.problems == [
        "domain 'alpha' from zeta-alpha 1.2.0 was left out: acme-alpha 1.2.0 registers the same "
        "domain id and takes precedence; uninstall one of them"
    ]


def test_task_id_clash_leaves_the_third_party_domain_out_and_runs_the_rest(site: Path) -> None:
    # "acme-clash" sorts before "bench-domain-alpha", and "clash" is loaded alone first:
    # neither install order, name order nor load order decides, the built-in one is kept.
    install(site, "acme-clash", {"clash": "fake_domains:clash"})
    install(site, "bench-domain-alpha", {"alpha": "fake_domains:alpha"})
    install(site, "bench-domain-beta", {"beta": "fake_domains:beta"})
    registry = Registry(paths=[str(site)])
    problem = (
        "domain 'clash' from acme-clash 1.2.0 was left out: its task id 'AL_E01' is already "
        "defined by domain 'alpha' from bench-domain-alpha 1.2.0, which takes precedence; task "
        "ids must be unique, uninstall one of them"
    )
    with pytest.raises(BenchError) as error:
        registry.load("clash")
    assert str(error.value) == problem
    domains = registry.load_all()
    assert [d.id for d in domains] == ["alpha", "beta"]
    assert [t.id for t in registry.tasks(domains)] == ["AL_E01", "BE_E01"]
    assert registry.problems == [problem]
    assert [(e.id, e.distribution) for e, _ in registry.left_out()] == [("clash", "acme-clash")]


def test_a_clash_with_several_domains_names_each_of_them(site: Path) -> None:
    install(site, "bench-domain-alpha", {"alpha": "fake_domains:alpha"})
    install(site, "bench-domain-beta", {"beta": "fake_domains:beta"})
    install(site, "acme-many", {"clash_many": "fake_domains:clash_many"})
    install(site, "acme-dup", {"clash": "fake_domains:clash"})
    registry = Registry(paths=[str(site)])
    assert [d.id for d in registry.load_all()] == ["alpha", "beta"]
    # acme-dup comes before acme-many by name; each clashes only with built-in domains.
    assert [e.distribution for e, _ in registry.left_out()] == ["acme-dup", "acme-many"]
    assert registry.problems[1] == (
        "domain 'clash_many' from acme-many 1.2.0 was left out: its task ids are already defined "
        "by domains that take precedence: 'AL_E01' by domain 'alpha' from bench-domain-alpha "
        "1.2.0 and 'BE_E01' by domain 'beta' from bench-domain-beta 1.2.0; task ids must be "
        "unique, uninstall one of them"
    )
    assert all("\n" not in problem for problem in registry.problems)


def test_a_clash_line_names_a_few_ids_and_counts_the_rest(site: Path) -> None:
    install(site, "bench-domain-wide", {"wide": "fake_domains:wide"})
    install(site, "acme-wide", {"wide_copy": "fake_domains:wide_copy"})
    registry = Registry(paths=[str(site)])
    assert [d.id for d in registry.load_all()] == ["wide"]
    assert registry.problems == [
        "domain 'wide_copy' from acme-wide 1.2.0 was left out: its task ids 'WI_E01', 'WI_E02', "
        "'WI_E03' and 2 more are already defined by domain 'wide' from bench-domain-wide 1.2.0, "
        "which takes precedence; task ids must be unique, uninstall one of them"
    ]


def test_tasks_of_domains_gathered_by_hand_still_refuse_a_clash(site: Path) -> None:
    install(site, "bench-domain-alpha", {"alpha": "fake_domains:alpha"})
    install(site, "acme-clash", {"clash": "fake_domains:clash"})
    registry = Registry(paths=[str(site)])
    module = __import__("fake_domains")
    with pytest.raises(BenchError, match="task id 'AL_E01' is defined by both") as error:
        registry.tasks([module.alpha(), module.clash()])
    assert "bench-domain-alpha 1.2.0" in str(error.value)
    assert "acme-clash 1.2.0" in str(error.value)


def test_installed_trading_domain_is_registered() -> None:
    entries = {e.id: e for e in Registry().entries()}
    assert entries["trading"].distribution == "bench-domain-trading"
