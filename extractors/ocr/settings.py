"""Every setting of the OCR reader in one place, validated once and passed down to each stage."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class OcrSettings:
    """Resolutions in dots per inch, angles in degrees, lengths in pixels of the cleaned page unless the name says
    `_share` (of the page's width or height, 0..1); confidences as Tesseract gives them (0..100)."""

    # A PDF page whose text layer holds fewer glyphs than this is read from its image (a stamp, a page number
    # or a scanner's header line over a scan is no text layer).
    min_text_chars: int = 20
    # PDF pages are rendered at this resolution for OCR: Tesseract reads best with letters 20-30 pixels high.
    render_dpi: int = 300
    # An image that does not say its resolution is taken for a scan at this one.
    default_dpi: int = 300
    # Images below this resolution are enlarged to it before OCR (a 150-200 dpi scan's letters are too small).
    min_ocr_dpi: int = 280
    # Pages are straightened when tilted by up to this; a larger tilt is no scanning tilt but a design.
    max_skew: float = 5.0
    # ... measured to this step.
    skew_step: float = 0.1
    # Page orientation (Tesseract OSD) is acted on only above this confidence: OSD guesses on little text.
    min_osd_confidence: float = 2.0
    # Ruling lines: ink runs longer than this (points) are no letter's stroke at body sizes (an 'l' at 10 pt is
    # 7.5 pt) ...
    max_stroke_pt: float = 8.0
    # ... a run longer than this (points) is a rule on its own; a shorter one only where it meets a rule across
    # it (a header's short separators), so that a title's letters are not taken for rules ...
    long_rule_pt: float = 40.0
    # ... and a rule is at most this thick (points, blur included); thicker dark bands are shading or pictures.
    max_rule_pt: float = 3.0
    # Shading: the background this many grey levels darker than the paper is a shaded area (the lightest
    # shading office programs offer, 5% grey, is 13 levels below white) ...
    shade_step: float = 8.0
    # ... at least this many points on its shorter side (a Gantt cell of a week is about 10 points wide, once its
    # rules are taken away; the bowls of a bold heading's letters, smaller, are no shading).
    min_fill_pt: float = 8.0
    # Ink the first reading leaves is read again when a patch of it is at least this big (points: a dot mark is
    # about 2.5 points wide, a full stop at 9 pt about 1.2; specks are gone with the denoising) ...
    min_mark_pt: float = 2.0
    # ... and at most this high (a logo or a picture is no text) ...
    max_mark_pt: float = 30.0
    # ... for this many patches a page at most (in reading order); what it reads there with less confidence than
    # this is a piece of a letter or a smudge, dropped.
    max_patches: int = 400
    min_leftover_confidence: float = 50.0
    # A lone glyph read with less confidence than this is looked at again as a drawn mark (a dot read `e`, a tick
    # read `v`): an X or a letter alone in a cell is read far surer.
    mark_check_confidence: float = 75.0
    # Words Tesseract reads with less confidence than this are kept but their cells flagged (raw_cells.ocr_confidence,
    # a low_confidence warning): below 60 Tesseract's words are wrong more often than right on noisy scans.
    low_confidence: float = 60.0
    # Words read with confidence below this that hold no letter or digit are specks and rule remnants, dropped.
    min_symbol_confidence: float = 40.0
    # Seconds one Tesseract run may take before the page is given up (a huge or pathological image).
    timeout_s: float = 120.0
    # The language a page is read in before the document's language is known (Tesseract's name).
    first_language: str = "eng"

    def __post_init__(self) -> None:
        for item in fields(self):
            value = getattr(self, item.name)
            if item.name == "first_language":
                if not value or not str(value).replace("+", "").isalpha():
                    raise ValueError(f"OcrSettings.first_language must be a Tesseract language, got {value!r}")
                continue
            if not isinstance(value, int | float) or value < 0:
                raise ValueError(f"OcrSettings.{item.name} must be a number >= 0, got {value!r}")
            if item.name.endswith("_share") and value > 1:
                raise ValueError(f"OcrSettings.{item.name} is a share (0..1), got {value!r}")
        if min(self.render_dpi, self.default_dpi, self.timeout_s, self.skew_step) <= 0:
            raise ValueError("OcrSettings: resolutions, the skew step and the timeout must be above 0")


DEFAULT_OCR_SETTINGS = OcrSettings()
