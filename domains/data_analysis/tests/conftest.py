import pytest

from bench_domain_data_analysis import DataAnalysisDomain, domain
from bench_domain_data_analysis._fixtures import Fixtures, load_fixtures
from bench_domain_data_analysis._simulator import DataAnalysisSimulator


@pytest.fixture(scope="session")
def data() -> Fixtures:
    return load_fixtures()


@pytest.fixture
def episode(data: Fixtures) -> DataAnalysisSimulator:
    return DataAnalysisSimulator(data)


@pytest.fixture(scope="session")
def hr() -> DataAnalysisDomain:
    return domain()
