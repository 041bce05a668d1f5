"""Text from endpoints, models and run files made safe to print on a terminal."""

from __future__ import annotations

import re

# Whole escape sequences first, so that no "[31m" is left behind once ESC is gone: CSI (7-bit
# and C1), OSC/DCS/APC/PM/SOS strings up to their terminator, then two-character escapes.
_SEQUENCES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b[\]P^_X]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]?"
)
# C0 and C1 controls, DEL, and the Unicode controls that reorder or hide text (bidi overrides
# and isolates) or break lines.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_BREAKS = re.compile(r"[\t\n\u2028\u2029]")


def printable(text: str, *, multiline: bool = False) -> str:
    """``text`` without terminal escape sequences and control characters, safe to print.

    Every message that carries an endpoint's, a model's or a run file's text goes through
    here before it reaches the terminal: an error body full of escape codes could otherwise
    clear the screen, rewrite the window title or hide what came before.

    Args:
        text: What to print.
        multiline: Keep newlines and tabs (a block meant to span lines); otherwise they
            become spaces, so that the message stays one line.
    """
    text = _SEQUENCES.sub("", text)
    if not multiline:
        text = _BREAKS.sub(" ", text)
    else:
        text = text.replace("\r\n", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    return _CONTROLS.sub("", text)
