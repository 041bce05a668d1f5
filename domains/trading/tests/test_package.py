"""The package as a plugin: cheap to import and list, registered, documented truthfully."""

import contextlib
import io
import json
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import bench_domain_trading
from bench_core import Domain, Registry
from bench_domain_trading import TradingDomain
from bench_domain_trading._fixtures import Fixtures

README = Path(__file__).parents[1] / "README.md"

_PROBE = """
import sys
opened = []
sys.addaudithook(lambda event, args: opened.append(str(args[0])) if event == "open" else None)
import bench_domain_trading
trading = bench_domain_trading.domain()
listing = (trading.id, trading.title, trading.preamble, trading.tools(), trading.write_tools())
print([path for path in opened if "bench_domain_trading" in path and "data" in path])
"""


def test_importing_and_creating_the_domain_reads_no_fixture() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]"


def test_the_domain_is_registered_under_its_id() -> None:
    points = metadata.entry_points(group="bench.domains")
    assert "bench_domain_trading:domain" in {p.value for p in points if p.name == "trading"}
    loaded = Registry().load("trading")
    assert isinstance(loaded, TradingDomain)
    assert isinstance(loaded, Domain)


def test_the_public_names_are_sorted_and_exist() -> None:
    names = bench_domain_trading.__all__
    assert names == sorted(names)
    assert all(hasattr(bench_domain_trading, name) for name in names)
    assert bench_domain_trading.__version__ == metadata.version("bench-domain-trading")


def test_the_preamble_names_the_date_currency_instruments_and_strategies(
    trading: TradingDomain, data: Fixtures
) -> None:
    assert "Wednesday, 2026-04-15" in trading.preamble
    assert "USD" in trading.preamble
    for instrument in data.instruments:
        assert instrument.symbol in trading.preamble
    for strategy in data.strategies:
        assert strategy.name.lower() in trading.preamble.lower()


def test_tools_are_a_copy_the_caller_may_change(trading: TradingDomain) -> None:
    tools = trading.tools()
    assert len(tools) == 16
    tools[0]["function"]["name"] = "changed"
    assert trading.tools()[0]["function"]["name"] == "list_trades"
    assert trading.write_tools() <= {t["function"]["name"] for t in trading.tools()}


def test_the_readme_examples_print_what_they_say() -> None:
    examples = re.findall(r"```python\n(.*?)```", README.read_text(), re.S)
    assert len(examples) == 2
    for code in examples:
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            exec(code, {})
        promised = re.findall(r"print\(.*\)  # (.*)", code)
        assert printed.getvalue().splitlines() == promised


def test_the_readme_counts_are_the_fixtures(data: Fixtures) -> None:
    text = " ".join(README.read_text().split())
    for phrase in (
        f"{len(data.instruments)} instruments",
        f"{len(data.trades)} trades",
        f"{sum(t.status == 'open' for t in data.trades)} open",
        f"{sum(t.notes is None for t in data.trades)} without notes",
        f"{len(data.positions)} open positions",
        f"{len(data.equity_curve.points)} points",
        f"{len(data.journal)} journal entries",
        f"{len(data.alerts)} price alerts",
    ):
        assert phrase in text, phrase
    assert json.dumps(len(data.strategies)) + " strategies" in text
