"""What a document says about itself: title, plan year(s), sector and plan name."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePath

from data import read_csv_rows
from extractors.model import Document, TextBlock
from normalizers.abbreviations import read_key
from normalizers.country import country_fields
from normalizers.language import detect_language
from normalizers.text import clean_text
from normalizers.timeline import years_in_text

# Plan names coordination offices use, e.g. "LCRP 2023", "HRP", "3RP", "RRP6".
PLAN_RE = re.compile(r"\b(LCRP|HRP|3RP|RRP\s?\d*|RMRP|HNO|CERF|ERP|IASC)\b")
# Text blocks before the first table that may state the plan's year; later ones are narrative.
MAX_LEAD_BLOCKS = 8
# Longer blocks are narrative paragraphs: their years are history, not the plan's year.
MAX_HEADING_CHARS = 200


@dataclass(frozen=True)
class DocumentMeta:
    """Document-level facts the rows inherit."""

    title: str | None
    years: tuple[int, ...]
    sector: str | None
    plan: str | None
    country: str | None = None  # ISO 3166 alpha-3 of the country the plan covers, None when not told
    language: str | None = None  # en | fr | es | pt: the language of the document's words, None when not told
    country_source: str | None = None  # how the country was found (normalizers/country.py COUNTRY_SOURCES)

    @property
    def year(self) -> int | None:
        """The plan's first year."""
        return self.years[0] if self.years else None


@lru_cache(maxsize=1)
def sector_names() -> tuple[tuple[str, str], ...]:
    """(name form, canonical sector name), longest forms first so "Child Protection" beats "Protection"."""
    forms = [
        (form, row["name"])
        for row in read_csv_rows("sectors.csv")
        for form in (row["name"], *filter(None, row.get("aliases", "").split("|")))
    ]
    return tuple(sorted(forms, key=lambda pair: -len(pair[0])))


@lru_cache(maxsize=1)
def sector_keys() -> frozenset[str]:
    """Every name form of every sector, case-folded."""
    return frozenset(form.casefold() for form, _ in sector_names())


def is_sector_name(text: str) -> bool:
    """True when the whole text is a sector's name or alias ("WASH", "Food Security")."""
    return clean_text(text).casefold() in sector_keys()


def lead_texts(document: Document) -> list[str]:
    """The title and the text blocks before the first table (or the first few, with no table)."""
    first_table = min((table.order for table in document.tables), default=None)
    blocks: list[TextBlock] = [
        block for block in document.text_blocks if first_table is None or block.order < first_table
    ]
    texts = [document.title or ""] + [block.text for block in blocks[:MAX_LEAD_BLOCKS]]
    return [clean_text(text) for text in texts if text and len(text) <= MAX_HEADING_CHARS]


def find_sector(texts: list[str]) -> str | None:
    """The first sector named in the texts, as a whole word."""
    for text in texts:
        for form, name in sector_names():
            if re.search(rf"\b{re.escape(form)}\b", text, re.IGNORECASE if len(form) > 4 else 0):
                return name
    return None


def document_texts(document: Document) -> list[str]:
    """Every text of a document: its title, text blocks and table cells (for telling its language)."""
    cells = [cell.text for table in document.tables for cell in table.cells]
    return [document.title or "", *(block.text for block in document.text_blocks), *cells]


def file_name_years(path: str) -> list[int]:
    """The years a file's name states ("health_workplan_2025.csv"): the last place a plan's year can be read."""
    return years_in_text(PurePath(path).stem.replace("_", " "))


def document_meta(
    document: Document, header_texts: Sequence[str] = (), preamble_texts: Sequence[str] = ()
) -> DocumentMeta:
    """Title, years, sector, plan and language from the title, the lead text, the preamble rows above the
    tables' headers and the header texts; the file name's year when none of them says one."""
    texts = lead_texts(document) + [clean_text(text) for text in preamble_texts if len(text) <= MAX_HEADING_CHARS]
    years = tuple(dict.fromkeys(y for text in [*texts, *header_texts] for y in years_in_text(text)))
    plan_match = next((m for m in map(PLAN_RE.search, texts) if m), None)
    title = document.title or (texts[0] if texts else None)
    if title and read_key([title]):  # a key of abbreviations under the table, the only text of a CSV: no title
        title = next((text for text in texts[1:] if text and not read_key([text])), None)
    return DocumentMeta(
        title=title,
        years=years or tuple(file_name_years(document.path)),
        sector=find_sector(texts),
        plan=plan_match.group(1) if plan_match else None,
        language=detect_language([*header_texts, *document_texts(document)]),
        **country_fields(document, texts),
    )
