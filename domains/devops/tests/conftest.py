import pytest

from bench_domain_devops import DevopsDomain, DevopsSimulator, domain
from bench_domain_devops._facts import Facts
from bench_domain_devops._fixtures import Fixtures, load_fixtures


@pytest.fixture(scope="session")
def data() -> Fixtures:
    return load_fixtures()


@pytest.fixture(scope="session")
def facts(data: Fixtures) -> Facts:
    return Facts(data)


@pytest.fixture
def episode(data: Fixtures) -> DevopsSimulator:
    return DevopsSimulator(data)


@pytest.fixture(scope="session")
def devops() -> DevopsDomain:
    return domain()
