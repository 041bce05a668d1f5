"""The one redaction: the key in any form an echo gives it, and credentials in URLs."""

from __future__ import annotations

import json

import pytest

from bench_clients import ClientConfig
from bench_clients._redact import Redactor, redact

KEY = (
    "sk-or-v1-" + "4f9c1d2e8b7a6c5d3e2f1a0b"
)  # a made-up key, split so no scanner takes it for one


@pytest.mark.parametrize(
    "echo",
    [
        KEY,
        f"{KEY[:14]}\n{KEY[14:]}",
        f"{KEY[:5]}\r\n  {KEY[5:20]}\t{KEY[20:]}",
        KEY.upper(),
        KEY[:-1],
        KEY[1:],
        KEY[7:19],
        KEY[10:30].upper(),
        json.dumps({"note": f"{KEY[:14]}\n{KEY[14:]}"}),  # the newline as JSON writes it
    ],
    ids=[
        "exact",
        "split-by-newline",
        "split-by-whitespace",
        "upper-case",
        "one-short-at-the-end",
        "one-short-at-the-start",
        "a-12-character-run",
        "a-run-in-upper-case",
        "split-inside-json",
    ],
)
def test_every_form_of_an_echoed_key_is_masked(echo: str) -> None:
    masked = redact(f"the key is <{echo}> here", [KEY])
    assert masked.startswith("the key is <")
    assert masked.endswith("> here")
    assert "***" in masked
    compact = "".join(masked.replace("\\n", " ").split()).lower()
    assert not any(KEY[i : i + 12].lower() in compact for i in range(len(KEY) - 11))


def test_text_around_the_key_is_kept_and_other_text_untouched() -> None:
    redactor = Redactor([KEY])
    assert redactor(f"a {KEY} b {KEY.upper()} c") == "a *** b *** c"
    assert redactor("sk-or-v1-4f plus eleven") == "sk-or-v1-4f plus eleven"  # 11: not a run
    assert redactor("nothing secret here") == "nothing secret here"


def test_a_short_key_is_masked_only_as_it_is() -> None:
    # "EMPTY" or "none" for a local server: no secret, and ordinary words must stay.
    assert redact("my key: abc123, ABC123 or abc12", ["abc123"]) == "my key: ***, ABC123 or abc12"
    assert redact("the queue is empty", ["EMPTY"]) == "the queue is empty"


def test_the_user_name_of_a_base_url_is_no_secret_but_its_password_is() -> None:
    config = ClientConfig(model="m", base_url="http://user:pw-of-the-proxy@h:1/v1")
    assert config.redactor("user pw-of-the-proxy") == "user ***"


def test_the_url_encoded_key_is_masked() -> None:
    key = "k3y+with/slash=and=padding"
    assert redact("sent ?x=k3y%2Bwith%2Fslash%3Dand%3Dpadding", [key]) == "sent ?x=***"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("cannot reach http://bob:hunter2@10.0.0.1:8/v1", "cannot reach http://***@10.0.0.1:8/v1"),
        ("at https://tok@host/v1/chat", "at https://***@host/v1/chat"),
        ("GET https://h/v1?key=abc123&x=1", "GET https://h/v1?key=***&x=1"),
        ("GET https://h/v1?x=1&api_key=abc#f", "GET https://h/v1?x=1&api_key=***#f"),
        ("GET https://h/v1?TOKEN=abc def", "GET https://h/v1?TOKEN=*** def"),
        ("GET https://h/v1?access_token=abc", "GET https://h/v1?access_token=***"),
        ("cannot reach http://h/v1?key=abc: refused", "cannot reach http://h/v1?key=***: refused"),
    ],
)
def test_credentials_written_into_urls_are_masked(text: str, expected: str) -> None:
    assert redact(text, []) == expected


def test_code_that_looks_like_a_query_is_left_alone() -> None:
    script = "const key=d.label; const ok = a ? key=1 : 2; url = 'https://cdn/x.js?v=3'"
    assert redact(script, []) == script


def test_walk_masks_every_string_of_a_decoded_body() -> None:
    body = {"choices": [{"message": {"content": KEY.upper(), "tool_calls": [{"a": [KEY[2:]]}]}}]}
    walked = Redactor([KEY]).walk(body)
    assert KEY.lower()[2:14] not in json.dumps(walked).lower()
    assert walked["choices"][0]["message"]["content"] == "***"


def test_the_config_masks_the_key_and_the_base_urls_credentials() -> None:
    config = ClientConfig(
        model="m", base_url="http://u:pw-of-the-proxy@h:1/v1?api_key=QueryKey987", api_key=KEY
    )
    said = f"{KEY.upper()} pw-of-the-proxy QueryKey987"
    assert config.redactor(said) == "*** *** ***"


def test_a_bad_base_url_with_credentials_is_refused_without_them() -> None:
    with pytest.raises(Exception, match="--base-url") as refused:
        ClientConfig(model="m", base_url="ftp://u:pw-of-the-proxy@h/v1", api_key=KEY)
    assert "pw-of-the-proxy" not in str(refused.value)
