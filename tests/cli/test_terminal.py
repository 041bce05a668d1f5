"""Every message that carries an endpoint's, a model's or a run file's text is printed without
escape sequences or control characters."""

from __future__ import annotations

import re
import sys

import pytest

from bench_cli._terminal import printable
from bench_cli.app import main
from bench_clients import ClientError

ANSI_BODY = (
    "\x1b[2J\x1b[H\x1b[31;1mred\x1b[0m \x1b]0;window title\x07 \x1b]8;;http://evil/\x1b\\link"
    "\x1b]8;;\x1b\\ \x1bPdcs-payload\x1b\\ \x9b2Jc1 \x1bc\x1b(B\x07\x08\x0b\x0c\x7f\x85\u202e end"
)
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def test_escape_sequences_go_whole_and_the_text_stays() -> None:
    assert printable(ANSI_BODY) == "red  link  c1  end"


@pytest.mark.parametrize("char", [chr(c) for c in [*range(0x20), *range(0x7F, 0xA0)]])
def test_no_c0_or_c1_control_survives(char: str) -> None:
    assert not CONTROL.search(printable(f"a{char}b"))
    block = printable(f"a{char}b", multiline=True)
    assert not CONTROL.search(block.replace("\n", "").replace("\t", ""))


def test_one_line_unless_a_block_is_meant() -> None:
    text = "first\r\nsecond\tthird\u2028fourth"
    assert printable(text) == "first second third fourth"
    assert printable(text, multiline=True) == "first\nsecond\tthird\nfourth"


def test_plain_text_and_unicode_are_untouched() -> None:
    text = "HTTP 400 from 127.0.0.1:8080: Überlänge — 10 000 tokens > 8 192 (вход) 🙂"
    assert printable(text) == text


def test_an_error_line_from_an_endpoint_is_printed_clean(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def refuse(*args: object, **kwargs: object) -> int:
        raise ClientError(f"127.0.0.1 refused the API key (HTTP 401: {ANSI_BODY})")

    monkeypatch.setattr(sys.modules["bench_cli.app"], "app", refuse)
    assert main(["run"]) == 2
    err = capsys.readouterr().err
    assert err == ("bench-run: error: 127.0.0.1 refused the API key (HTTP 401: red link c1 end)\n")
