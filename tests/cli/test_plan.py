from __future__ import annotations

import pytest

from bench_cli._plan import endpoint_host, model_slug, public_base_url


@pytest.mark.parametrize(
    ("url", "public"),
    [
        ("https://openrouter.ai/api/v1", "https://openrouter.ai/api/v1"),
        (
            "https://user:sk-secret@host.example:8443/v1/?key=sk-secret#x",
            "https://host.example:8443/v1",
        ),
        ("http://127.0.0.1:8000/v1/", "http://127.0.0.1:8000/v1"),
    ],
)
def test_public_base_url_drops_credentials_query_and_fragment(url: str, public: str) -> None:
    assert public_base_url(url) == public


def test_endpoint_host() -> None:
    assert endpoint_host("reference", "https://openrouter.ai/api/v1") == "offline"
    assert endpoint_host("x/y", "https://k:secret@api.example.com/v1?key=1") == "api.example.com"


@pytest.mark.parametrize(
    ("model", "slug"),
    [
        ("google/gemma-4-31b-it", "google_gemma-4-31b-it"),
        ("llama3:8b", "llama3_8b"),
        ("../../etc/passwd", ".._.._etc_passwd"),
        ("///", "model"),
    ],
)
def test_model_slug_is_a_safe_file_name_part(model: str, slug: str) -> None:
    assert model_slug(model) == slug
    assert "/" not in model_slug(model)
