"""Read a seed plan (tools/samples/seeds/*.json) into the descriptions tools.office writes.

A seed file holds `about` (where its text comes from) and `documents`, by file name:
- a Word document: `title`, `page` ({"landscape", "margin_cm"}), `font`, `font_pt`, and `blocks`, each one of
  {"paragraph": text, "bold": bool}, {"heading": text, "level": n}, {"section": "landscape" | "portrait"},
  {"table": {"rows": [[text, ...], ...], "header_rows": n, "widths_cm": [...]}};
- a deck: `title`, `lists` (named bullet lists) and `slides`, each {"title", "bullets"} (a list of
  [level, text], or the name of a list) or {"title", "table"};
- a workbook: `sheets`, each {"name", "tables_of": a Word document of the same seed}: that document's title
  in A1 and its tables one under the other.
`"pdf": true` on a document asks for its PDF rendering too. In table rows "^" continues the merged cell
above and "<" the cell to the left (tools.office.UP and LEFT).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tools import office

SEEDS = Path(__file__).parent / "seeds"


@dataclass(frozen=True)
class Sample:
    """One file to write into data/samples/, and whether it is rendered to PDF too."""

    name: str
    description: office.Description
    pdf: bool


def read_seeds(folder: Path = SEEDS) -> list[Sample]:
    """Every sample of every seed plan, in the order of the seed files."""
    return [sample for path in sorted(folder.glob("*.json")) for sample in seed_samples(path)]


def seed_samples(path: Path) -> list[Sample]:
    """The samples of one seed file."""
    documents: dict[str, dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["documents"]
    samples: list[Sample] = []
    for name, spec in documents.items():
        kind = Path(name).suffix
        if kind == ".docx":
            description: office.Description = to_document(spec)
        elif kind == ".pptx":
            description = to_deck(spec)
        elif kind == ".xlsx":
            description = to_workbook(spec, {s.name: s.description for s in samples})
        else:
            raise ValueError(f"{path.name}: {name} is no .docx, .pptx or .xlsx")
        samples.append(Sample(name, description, bool(spec.get("pdf"))))
    return samples


def to_table(spec: dict[str, Any]) -> office.Table:
    """A table from its seed entry."""
    return office.Table(
        rows=tuple(tuple(row) for row in spec["rows"]),
        header_rows=spec.get("header_rows", 1),
        widths_cm=tuple(spec.get("widths_cm", ())),
        font_pt=spec.get("font_pt"),
    )


def to_block(spec: dict[str, Any]) -> office.Block:
    """A block of a Word document from its seed entry."""
    if "paragraph" in spec:
        return office.Paragraph(spec["paragraph"], bold=spec.get("bold", False))
    if "heading" in spec:
        return office.Heading(spec["heading"], level=spec.get("level", 1))
    if "section" in spec:
        return office.NewSection(landscape=spec["section"] == "landscape")
    return to_table(spec["table"])


def to_document(spec: dict[str, Any]) -> office.Document:
    """A Word document from its seed entry."""
    page = spec.get("page")
    return office.Document(
        title=spec["title"],
        blocks=tuple(to_block(block) for block in spec["blocks"]),
        page=office.Page(**page) if page else None,
        font=spec.get("font"),
        font_pt=spec.get("font_pt"),
    )


def to_deck(spec: dict[str, Any]) -> office.Deck:
    """A deck from its seed entry; a slide's bullets may name one of the seed's lists."""
    lists = spec.get("lists", {})
    slides = []
    for slide in spec["slides"]:
        bullets = slide.get("bullets", ())
        bullets = lists[bullets] if isinstance(bullets, str) else bullets
        table = to_table(slide["table"]) if "table" in slide else None
        slides.append(office.Slide(slide.get("title", ""), tuple((lvl, text) for lvl, text in bullets), table))
    return office.Deck(spec["title"], tuple(slides))


def to_workbook(spec: dict[str, Any], documents: dict[str, office.Description]) -> office.Workbook:
    """A workbook whose sheets hold the tables of Word documents of the same seed, one under the other."""
    sheets = []
    for sheet in spec["sheets"]:
        source = documents[sheet["tables_of"]]
        assert isinstance(source, office.Document), f"{sheet['tables_of']} is no Word document of this seed"
        tables = [block for block in source.blocks if isinstance(block, office.Table)]
        joined = office.Table(
            rows=tuple(row for table in tables for row in table.rows),
            header_rows=tables[0].header_rows,
            widths_cm=tables[0].widths_cm,
        )
        sheets.append(office.Sheet(sheet["name"], source.title, joined))
    return office.Workbook(tuple(sheets))
