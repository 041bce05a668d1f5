"""Bencher's client for OpenAI-compatible chat endpoints: OpenRouter routing, pooling,
retries, the split of failures into the user's and the infrastructure's, normalised answers."""

from importlib.metadata import version as _version

from ._client import APP_URL, ChatClient
from ._completion import Completion, read_usage
from ._config import OPENROUTER_BASE_URL, ClientConfig, ProviderSort
from ._errors import ClientError, InfraError, InfraKind, ModelError, ModelErrorKind
from ._keys import API_KEY_ENV, parse_dotenv, resolve_api_key
from ._normalize import normalize_message
from ._retry import RetryPolicy
from ._structured import ResponseFormat, StructuredOutput

__version__ = _version("bench-clients")

__all__ = [
    "API_KEY_ENV",
    "APP_URL",
    "OPENROUTER_BASE_URL",
    "ChatClient",
    "ClientConfig",
    "ClientError",
    "Completion",
    "InfraError",
    "InfraKind",
    "ModelError",
    "ModelErrorKind",
    "ProviderSort",
    "ResponseFormat",
    "RetryPolicy",
    "StructuredOutput",
    "__version__",
    "normalize_message",
    "parse_dotenv",
    "read_usage",
    "resolve_api_key",
]
