"""Bencher's devops domain: a platform team's monitoring and incident system."""

from ._fixtures import Fixtures, load_fixtures
from ._simulator import DevopsSimulator
from ._tools import TOOLS, WRITE_TOOLS

__all__ = ["TOOLS", "WRITE_TOOLS", "DevopsSimulator", "Fixtures", "load_fixtures"]
