"""Bencher's api_integration domain: an API gateway's endpoints, keys, logs and webhooks."""

from importlib.metadata import version as _version

from ._domain import ApiIntegrationDomain, domain
from ._simulator import ApiGatewaySimulator

__version__ = _version("bench-domain-api-integration")

__all__ = ["ApiGatewaySimulator", "ApiIntegrationDomain", "__version__", "domain"]
