"""Statuses written as a symbol alone: the symbol of a cell, the legends that say what symbols mean, their usual
meaning without one."""

import pytest

from normalizers.symbols import status_symbol, symbol_legend, symbol_status


@pytest.mark.parametrize(
    ("text", "symbol"),
    [("✅", "✅"), (" ⏸️ ", "⏸"), ("🟢", "🟢"), ("✅ Done", None), ("X", None), ("", None), (None, None)],
)
def test_status_symbol_is_a_whole_cell(text: str | None, symbol: str | None) -> None:
    assert status_symbol(text) == symbol


@pytest.mark.parametrize(
    ("text", "legend"),
    [
        ("✅ Terminé · 🔄 En cours · ⏸️ En pause", {"✅": "completed", "🔄": "ongoing", "⏸": "on_hold"}),
        ("Key: 🟢 = done; 🔴 = dropped", {"🟢": "completed", "🔴": "cancelled"}),
        ("Estado: ✅ Finalizado | ❌ Cancelado | ❔ Sin datos", {"✅": "completed", "❌": "cancelled", "❔": None}),
        ("✅ Done", {}),  # one pair: a status cell, no legend
        ("🟢 green 🟡 yellow", {}),  # symbols named, no status said
        ("● ● ●", {}),
    ],
)
def test_symbol_legend(text: str, legend: dict[str, str | None]) -> None:
    assert symbol_legend([text]) == legend


@pytest.mark.parametrize(
    ("symbol", "status"),
    [("✅", "completed"), ("🔄", "ongoing"), ("⏸", "on_hold"), ("❌", "cancelled"), ("🕒", "planned"), ("🟢", None)],
)
def test_usual_meaning_without_legend(symbol: str, status: str | None) -> None:
    assert symbol_status(symbol, {}) == status


def test_the_legend_comes_before_the_usual_meaning() -> None:
    assert symbol_status("❌", {"❌": "on_hold", "✅": "completed"}) == "on_hold"
    assert symbol_status("🟢", {"🟢": "completed", "🔴": "cancelled"}) == "completed"
