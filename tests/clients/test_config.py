"""Settings, their one-line errors and warnings, and where the API key comes from."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import SecretStr

import bench_clients
from bench_clients import (
    OPENROUTER_BASE_URL,
    ClientConfig,
    ClientError,
    parse_dotenv,
    resolve_api_key,
)
from bench_core import BenchError

# --- the config --------------------------------------------------------------------------


def test_defaults_point_at_openrouter_with_temperature_zero() -> None:
    config = ClientConfig(model="google/gemma-3-27b-it")
    assert config.base_url == OPENROUTER_BASE_URL
    assert config.is_openrouter
    assert (config.temperature, config.top_p, config.max_tokens) == (0.0, None, None)
    assert (config.concurrency, config.request_timeout_s) == (4, 120.0)
    assert config.api_key is None


def test_the_config_is_frozen() -> None:
    config = ClientConfig(model="a/b")
    with pytest.raises(Exception, match="frozen"):
        config.model = "c/d"


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        (
            {"temperature": 3},
            "invalid --temperature: Input should be less than or equal to 2 (got 3)",
        ),
        ({"top_p": 0}, "invalid --top-p: Input should be greater than 0 (got 0)"),
        (
            {"max_tokens": 0},
            "invalid --max-tokens: Input should be greater than or equal to 1 (got 0)",
        ),
        (
            {"provider_sort": "cheapest"},
            "invalid --provider-sort: Input should be 'price', 'throughput' or 'latency' "
            "(got 'cheapest')",
        ),
        (
            {"concurrency": 0},
            "invalid --workers: Input should be greater than or equal to 1 (got 0)",
        ),
        ({"model": ""}, "invalid --model: the model id is empty (got '')"),
        (
            {"base_url": "ftp://example.com"},
            "invalid --base-url: use an http:// or https:// URL, e.g. http://127.0.0.1:8000/v1 "
            "(got 'ftp://example.com')",
        ),
        ({"colour": "red"}, "invalid colour: unknown setting"),
    ],
)
def test_bad_settings_raise_one_clear_line(settings: dict[str, Any], message: str) -> None:
    values: dict[str, Any] = {"model": "a/b", **settings}
    with pytest.raises(ClientError) as caught:
        ClientConfig(**values)
    assert str(caught.value) == message


def test_several_bad_settings_are_listed_on_the_same_line() -> None:
    with pytest.raises(ClientError) as caught:
        ClientConfig(model="a/b", temperature=-1, top_p=2)
    assert "\n" not in str(caught.value)
    assert "--temperature" in str(caught.value)
    assert "--top-p" in str(caught.value)


def test_a_validation_error_never_shows_the_key() -> None:
    key = "sk-KEYSECRET-0123456789"
    with pytest.raises(ClientError) as caught:
        ClientConfig(model="a/b", api_key=key, base_url=f"ftp://host/{key}")
    assert "KEYSECRET" not in str(caught.value)


def test_client_errors_are_bench_errors_so_the_cli_prints_them_as_one_line() -> None:
    assert issubclass(ClientError, BenchError)


def test_base_url_loses_its_trailing_slash_and_gives_a_host() -> None:
    config = ClientConfig(model="m", base_url="http://127.0.0.1:8000/v1/")
    assert config.base_url == "http://127.0.0.1:8000/v1"
    assert config.host == "127.0.0.1:8000"
    assert not config.is_openrouter


def test_provider_order_accepts_a_comma_list() -> None:
    config = ClientConfig(model="m", provider_order="deepinfra, together,,fireworks ")
    assert config.provider_order == ("deepinfra", "together", "fireworks")


def test_routing_flags_for_another_endpoint_give_one_warning_line() -> None:
    config = ClientConfig(
        model="gpt-4o", base_url="https://api.openai.com/v1", provider_sort="price"
    )
    assert config.warnings() == [
        "--provider-sort is for OpenRouter only; ignored for api.openai.com"
    ]
    config = ClientConfig(
        model="m",
        base_url="http://localhost:11434/v1",
        provider_order=("a",),
        provider_no_fallback=True,
    )
    assert config.warnings() == [
        "--provider-order, --provider-no-fallback are for OpenRouter only; ignored for "
        "localhost:11434"
    ]


def test_routing_flags_on_openrouter_give_no_warning() -> None:
    config = ClientConfig(
        model="m", provider_sort="latency", provider_order=("a",), provider_no_fallback=True
    )
    assert config.warnings() == []
    assert config.routing() == {"sort": "latency", "order": ["a"], "allow_fallbacks": False}
    assert ClientConfig(model="m", base_url="https://api.openai.com/v1").warnings() == []


# --- the API key -------------------------------------------------------------------------


def secret(value: SecretStr | None) -> str | None:
    return None if value is None else value.get_secret_value()


def test_the_flag_wins_over_the_environment_and_dotenv(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("LLM_API_KEY=from-dotenv\n")
    environ = {"LLM_API_KEY": "from-env"}
    assert secret(resolve_api_key("from-flag", environ=environ, cwd=tmp_path)) == "from-flag"
    assert secret(resolve_api_key(None, environ=environ, cwd=tmp_path)) == "from-env"
    assert secret(resolve_api_key(None, environ={}, cwd=tmp_path)) == "from-dotenv"


def test_empty_values_fall_through_to_the_next_source(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("LLM_API_KEY=from-dotenv\n")
    assert secret(resolve_api_key("", environ={"LLM_API_KEY": " "}, cwd=tmp_path)) == "from-dotenv"


def test_no_key_anywhere_is_none(tmp_path: Path) -> None:
    assert resolve_api_key(None, environ={}, cwd=tmp_path) is None
    (tmp_path / ".env").write_text("OTHER=1\nLLM_API_KEY=\n")
    assert resolve_api_key(None, environ={}, cwd=tmp_path) is None


def test_a_dotenv_directory_is_no_key(tmp_path: Path) -> None:
    (tmp_path / ".env").mkdir()
    assert resolve_api_key(None, environ={}, cwd=tmp_path) is None


def test_the_key_is_a_secret_and_accepts_a_secret() -> None:
    key = resolve_api_key(SecretStr(" abc "), environ={})
    assert isinstance(key, SecretStr)
    assert secret(key) == "abc"
    assert "abc" not in repr(key)


def test_defaults_read_the_process_environment_and_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LLM_API_KEY", raising=False)
    (tmp_path / ".env").write_text("export LLM_API_KEY='from-cwd'\n")
    assert secret(resolve_api_key()) == "from-cwd"
    monkeypatch.setenv("LLM_API_KEY", "from-process")
    assert secret(resolve_api_key()) == "from-process"


def test_dotenv_parsing_understands_the_usual_forms() -> None:
    text = "\n".join(
        [
            "# a comment",
            "",
            "PLAIN=value",
            "SPACED = spaced value  ",
            "export EXPORTED=yes",
            "SINGLE='keeps # and \\n as they are'",
            'DOUBLE="line\\nbreak and \\"quotes\\"" # trailing comment',
            "INLINE=abc # comment",
            "HASH=abc#def",
            "not an entry",
            "=no name",
            "UNCLOSED='open",
            "PLAIN=later wins",
        ]
    )
    assert parse_dotenv(text) == {
        "PLAIN": "later wins",
        "SPACED": "spaced value",
        "EXPORTED": "yes",
        "SINGLE": "keeps # and \\n as they are",
        "DOUBLE": 'line\nbreak and "quotes"',
        "INLINE": "abc",
        "HASH": "abc#def",
        "UNCLOSED": "open",
    }


# --- the package -------------------------------------------------------------------------


def test_public_api_lists_every_public_name_once_and_sorted() -> None:
    names = bench_clients.__all__
    assert len(set(names)) == len(names)
    for name in names:
        assert hasattr(bench_clients, name), name
    public = {n for n in vars(bench_clients) if not n.startswith("_")}
    assert public == set(names) - {"__version__"}
    assert bench_clients.__version__ == "0.1.0"


@pytest.mark.parametrize(
    "key", ["sk-tést-0123456789", "sk-“quoted”-0123", "sk-abc\u00a0def", "sk\nkey"]
)
def test_a_key_that_is_not_ascii_is_one_clear_line_that_never_shows_it(key: str) -> None:
    with pytest.raises(ClientError) as caught:
        ClientConfig(model="vendor/model", api_key=SecretStr(key))
    message = str(caught.value)
    assert message.startswith("invalid --api-key: the API key must be ASCII")
    assert "\n" not in message
    assert key not in message
    assert key[:5] not in message
