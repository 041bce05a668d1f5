import pytest

from bench_domain_trading import TradingDomain, TradingSimulator, domain
from bench_domain_trading._fixtures import Fixtures, load_fixtures


@pytest.fixture(scope="session")
def trading() -> TradingDomain:
    return domain()


@pytest.fixture(scope="session")
def data() -> Fixtures:
    return load_fixtures()


@pytest.fixture
def episode(trading: TradingDomain) -> TradingSimulator:
    return trading.simulator()
