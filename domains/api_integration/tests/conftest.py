import pytest

from bench_domain_api_integration._fixtures import Fixtures, load_fixtures


@pytest.fixture(scope="session")
def data() -> Fixtures:
    return load_fixtures()
