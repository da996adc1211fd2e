"""What a cell resolves to, as the actor tests compare it: registry ids, "+name" for a provisional actor, None
for review; mentions naming no one left out."""

from __future__ import annotations

from normalizers.actors import Registry, ResolutionContext, resolve_cell


def actors(cell: str, country: str | None, registry: Registry, language: str | None = None) -> list[str | None]:
    """Registry ids, "+name" for a provisional actor, None for review; mentions naming no one left out."""
    refs = resolve_cell(cell, registry, "lead", ResolutionContext(country=country, language=language))
    return [f"+{ref.raw}" if ref.method == "provisional" else ref.actor_id for ref in refs if ref.method != "not_actor"]
