"""The committed fixtures: one folder per format (delimited text, whatever its extension, in text/), bad inputs
in bad/, and the sets of files the pipeline tests ingest by name."""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TEXT = FIXTURES / "text"
BAD = FIXTURES / "bad"
# Three small text plans that every one load: a tab-separated child protection plan, a plan whose cells hold
# markup and quotes, and a plan of quarters with no year. The pipeline tests' shared database holds these.
TEXT_PLANS = (
    TEXT / "child-protection-2020.txt",
    TEXT / "hostile-cells.tsv",
    TEXT / "inter-sector-quarters-without-year.txt",
)
# Two tab-separated files: a health workplan and a meeting agenda that is no workplan.
TSV_PAIR = (TEXT / "agenda-not-a-workplan.tsv", TEXT / "health-workplan-2022.tsv")
