"""Bencher's data_analysis domain: the HR analytics system of a 300-person company."""

from importlib.metadata import version as _version

from ._domain import DataAnalysisDomain, domain
from ._facts import Facts
from ._fixtures import Fixtures, load_fixtures
from ._simulator import DataAnalysisSimulator
from ._tools import TOOLS, WRITE_TOOLS

__version__ = _version("bench-domain-data-analysis")

__all__ = [
    "TOOLS",
    "WRITE_TOOLS",
    "DataAnalysisDomain",
    "DataAnalysisSimulator",
    "Facts",
    "Fixtures",
    "__version__",
    "domain",
    "load_fixtures",
]
