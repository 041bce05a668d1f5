"""The package as a user meets it: its exports and the README's example."""

import re
from pathlib import Path

import bench_domain_devops

README = Path(__file__).parents[1] / "README.md"


def test_the_exports_are_exactly_the_public_names() -> None:
    names = bench_domain_devops.__all__  # ruff's RUF022 keeps the order
    public = {n for n in vars(bench_domain_devops) if not n.startswith("_")}
    assert set(names) == public | {"__version__"}
    assert len(set(names)) == len(names)


def test_the_readme_example_runs_and_shows_what_it_says() -> None:
    block = re.search(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert block is not None
    namespace: dict[str, object] = {}
    exec(block.group(1), namespace)
    api = namespace["api"]
    assert isinstance(api, bench_domain_devops.DevopsSimulator)
    assert [e.target for e in api.effects()] == ["DEP-4388"]
    assert "'omar.haddad'" in block.group(1)


def test_the_readme_counts_match_the_data() -> None:
    data = bench_domain_devops.load_fixtures()
    text = README.read_text(encoding="utf-8")
    assert f"{len(data.deployments)} over 90 days" in text
    assert f"{sum(d.status == 'failed' for d in data.deployments)} failed" in text
    assert f"{len(data.logs):,} retained" in text
