"""Bencher's trading domain: a prop desk's trading journal, its API and its tool tasks."""

from importlib.metadata import version as _version

from ._domain import TradingDomain, domain
from ._simulator import TradingSimulator

__version__ = _version("bench-domain-trading")

__all__ = ["TradingDomain", "TradingSimulator", "__version__", "domain"]
