"""The table finders, registered by name (camelot's PARSERS): a page runs those its settings name, in the
order of `extractors.pdf.settings.FINDER_NAMES` (ruled grids first, which claim their glyphs)."""

from __future__ import annotations

from extractors.pdf.finders.base import PageInput, TableFinder
from extractors.pdf.finders.borderless import BorderlessFinder
from extractors.pdf.finders.ruled import RuledFinder

FINDERS: dict[str, type[TableFinder[object]]] = {
    "ruled": RuledFinder,  # type: ignore[dict-item]
    "borderless": BorderlessFinder,  # type: ignore[dict-item]
}

__all__ = ["FINDERS", "PageInput", "TableFinder"]
