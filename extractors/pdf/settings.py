"""Every tolerance of the PDF reader in one place, validated once and passed down to each stage."""

from __future__ import annotations

from dataclasses import dataclass, fields

# Table finders a reading may use, in the order a page runs them (see extractors.pdf.finders.FINDERS).
FINDER_NAMES = ("ruled", "borderless")
# Sources of page objects (see extractors.pdf.objects): PDFium (pdfium_source), or pdfminer through pdfplumber
# (pdfminer_source), the reference, also the fallback for a file PDFium cannot open. PDFium is the default: its
# table scores equal the reference's within 0.005 on every suite (bench/PDFIUM_RESULTS.md).
ENGINES = ("pdfium", "pdfplumber")
DEFAULT_ENGINE = "pdfium"


@dataclass(frozen=True)
class PdfSettings:
    """Tolerances in points unless the name says `_share` (of a length or area, 0..1) or `_em` (of the
    font size). The defaults are measured on the ICDAR-2013 and camelot suites and the fixtures."""

    finders: tuple[str, ...] = FINDER_NAMES
    engine: str = DEFAULT_ENGINE
    # Seconds one page may take before it is skipped: a dense page parses in well under 2 s; a page that
    # takes this long is pathological (a huge vector drawing) and would stall a whole ingest.
    page_time_limit_s: float = 20.0
    # Lines starting in the top or bottom this share of the page may be running headers/footers ...
    furniture_band_share: float = 0.08
    # ... and are furniture when they repeat on at least this share of the pages (and on two at least).
    furniture_repeat_share: float = 0.3
    # The parts of a table continued on the next page line up: left and right edges within this.
    continued_edge_tolerance: float = 12.0
    # Page objects: a stroke or box thinner than this is a ruling line, not a filled area ...
    max_rule_thickness: float = 3.0
    # ... a path shorter than this is a tick or a glyph part, not a ruling ...
    min_rule_length: float = 4.0
    # ... and a box covering more than this share of the page is a background, not a cell fill.
    max_fill_page_share: float = 0.5
    # Words: two glyphs on a line are one word unless the gap exceeds this (a space is about 0.25 em).
    word_gap_em: float = 0.18
    # A glyph belongs to the current line when its baseline is within this of the line's.
    baseline_tolerance_em: float = 0.45
    # Word gaps wider than this split a line into phrases (the cells of a borderless row).
    phrase_gap_em: float = 0.9
    # Ruled tables: rules closer than this are one rule (double lines, anti-aliasing offsets) ...
    snap_tolerance: float = 3.0
    # ... collinear pieces with a gap up to this are one rule (dashed or split strokes) ...
    join_tolerance: float = 3.0
    # ... a rule touches another when it reaches within this ...
    touch_tolerance: float = 2.0
    # ... a cell side is ruled when rules cover this share of it ...
    ruled_side_share: float = 0.5
    # ... grid lines closer than this make no row or column (too thin to hold text) ...
    min_cell_extent: float = 4.0
    # ... and a page with more rules than this is a drawing (chart, map), not a table grid.
    max_segments: int = 4000
    # Shading: a cell is shaded when coloured fills cover this share of it ...
    shaded_share: float = 0.5
    # ... and a fill this share of its table's width or wider is row banding, not a Gantt mark.
    banding_share: float = 0.9
    # Borderless tables: a wrapped line opens a new row unless it follows within this ...
    wrap_gap_em: float = 0.8
    # ... a blank band this high ends the table ...
    max_row_gap_em: float = 2.6
    # ... a pitch this much wider than the wrapped lines' is a row's padding (LibreOffice's default cell
    # margins make 0.1 em; rounding jitter stays below 0.005 em) ...
    row_pitch_step_em: float = 0.05
    # ... cells of a column line up within this ...
    align_tolerance: float = 2.0
    # ... and below this share of aligned cells a region's "columns" are chance gaps in prose.
    min_aligned_share: float = 0.5

    def __post_init__(self) -> None:
        unknown = [name for name in self.finders if name not in FINDER_NAMES]
        if unknown or not self.finders:
            raise ValueError(f"finders must be some of {FINDER_NAMES}, got {self.finders}")
        if self.engine not in ENGINES:
            raise ValueError(f"engine must be one of {ENGINES}, got {self.engine!r}")
        for item in fields(self):
            value = getattr(self, item.name)
            if item.name in ("finders", "engine"):
                continue
            if not isinstance(value, int | float) or value < 0:
                raise ValueError(f"PdfSettings.{item.name} must be a number >= 0, got {value!r}")
            if item.name.endswith("_share") and value > 1:
                raise ValueError(f"PdfSettings.{item.name} is a share (0..1), got {value!r}")
        if self.page_time_limit_s <= 0:
            raise ValueError("PdfSettings.page_time_limit_s must be above 0")


DEFAULT_SETTINGS = PdfSettings()
