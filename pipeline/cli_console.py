"""The consoles the command line prints on: what a document holds is printed as text, never read as rich markup
(a cell "[/bold]" would stop the command, "[red]" recolour the rest), emoji codes or terminal commands (an escape
sequence in a cell or a file name could recolour, retitle or clear the terminal of whoever reads it)."""

from __future__ import annotations

import re
from typing import Any

from rich.console import Console
from rich.text import Text

# Control characters, C0 and C1, but the tab and the line break: what a terminal takes as a command.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    r"""Text with its control characters written as \xNN (ESC as \x1b), tabs and line breaks kept."""
    return CONTROL.sub(lambda found: f"\\x{ord(found.group()):02x}", text)


class PlainConsole(Console):
    """A rich console that prints every string as text: no markup, no emoji codes, control characters visible;
    styles come from Text objects and `style=`."""

    def __init__(self, **options: Any) -> None:
        options.setdefault("markup", False)
        options.setdefault("emoji", False)
        super().__init__(**options)

    def render_str(self, text: str, **options: Any) -> Text:
        return super().render_str(visible(text), **options)
