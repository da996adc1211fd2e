"""The glyphs of a page indexed once by where their centres lie, so that the finders ask which glyphs a box
holds by bisection instead of testing every glyph of the page against every box."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from extractors.model import BBox
from extractors.pdf.objects import Char


class CharIndex:
    """Glyphs sorted by the y of their centres (the x kept beside), answering box queries in page order."""

    def __init__(self, chars: list[Char]) -> None:
        self.chars = chars
        ys = [(c.top + c.bottom) / 2 for c in chars]
        self.positions = sorted(range(len(chars)), key=ys.__getitem__)
        self.ys = [ys[p] for p in self.positions]
        self.xs = [(chars[p].x0 + chars[p].x1) / 2 for p in self.positions]

    def positions_in(self, box: BBox) -> list[int]:
        """The positions (in the page's glyph list, ascending) of the glyphs whose centre lies in the box, its
        edges included."""
        x0, top, x1, bottom = box
        start, end = bisect_left(self.ys, top), bisect_right(self.ys, bottom)
        found = [p for x, p in zip(self.xs[start:end], self.positions[start:end], strict=True) if x0 <= x <= x1]
        found.sort()
        return found

    def centres_in(self, box: BBox) -> Iterator[tuple[float, float]]:
        """The centres (x, y) of the glyphs whose centre lies in the box (edges included), top to bottom."""
        x0, top, x1, bottom = box
        start, end = bisect_left(self.ys, top), bisect_right(self.ys, bottom)
        return ((x, y) for x, y in zip(self.xs[start:end], self.ys[start:end], strict=True) if x0 <= x <= x1)

    def inside(self, box: BBox) -> list[Char]:
        """The glyphs whose centre lies in the box (edges included), in the page's order."""
        chars = self.chars
        return [chars[p] for p in self.positions_in(box)]

    def outside(self, boxes: list[BBox]) -> list[Char]:
        """The glyphs whose centre lies in none of the boxes, in the page's order."""
        if not boxes:
            return list(self.chars)
        taken = {p for box in boxes for p in self.positions_in(box)}
        return [char for p, char in enumerate(self.chars) if p not in taken]
