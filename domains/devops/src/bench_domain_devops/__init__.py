"""Bencher's devops domain: a platform team's monitoring and incident system."""

from importlib.metadata import version as _version

from ._domain import DevopsDomain, domain
from ._fixtures import Fixtures, load_fixtures
from ._simulator import DevopsSimulator
from ._tools import TOOLS, WRITE_TOOLS

__version__ = _version("bench-domain-devops")

__all__ = [
    "TOOLS",
    "WRITE_TOOLS",
    "DevopsDomain",
    "DevopsSimulator",
    "Fixtures",
    "__version__",
    "domain",
    "load_fixtures",
]
