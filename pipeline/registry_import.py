"""`workplans registry import`: a user's own partner list merged into the registry, never overwriting it.

The list is a CSV with a `name` column and, where known, `acronym`, `type`, `country` (ISO 3166 alpha-3) and
`aliases` (separated by `|` or `;`). Each row is compared with the registry (data/actors.csv with the user's
earlier imports, data/user_actors.csv) by its name, acronym and aliases, within its country:

- `added`: no registry actor has any of its names: a new actor (its id from its acronym or name);
- `merged`: one registry actor has one of its names: its other names become aliases of that actor;
- `unchanged`: that actor already has all its names;
- `conflicting`: its names belong to different actors, one of its names is another actor's, or it gives the
  actor another type or country. Nothing of it is written, unless `replace` (then its type and country
  replace the registry's, and its names not taken by another actor are added);
- `skipped`: no name, or a type or country that cannot be read.

The merged rows are written to data/user_actors.csv, which load_registry lays over data/actors.csv.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from normalizers.actor_pieces import is_non_actor
from normalizers.actor_provisional import provisional_type
from normalizers.actor_registry import (
    ACTOR_COLUMNS,
    ACTOR_TYPES,
    ALIAS_SEPARATOR,
    ISO3,
    Actor,
    Registry,
    acronym_key,
    is_acronym_like,
    name_key,
    overlaid_actors,
)
from normalizers.actor_resolve import in_scope
from normalizers.vocab import section

# The columns a partner list may name each field with (compared as name keys).
COLUMN_NAMES = {
    "name": ("name", "organisation", "organization", "organisation name", "organization name", "partner", "nom"),
    "acronym": ("acronym", "abbreviation", "short name", "acronyme", "sigla", "sigle"),
    "type": ("type", "actor type", "actor_type", "organisation type", "organization type", "tipo"),
    "country": ("country", "iso3", "country code", "pays", "pais"),
    "aliases": ("aliases", "alias", "other names", "also known as"),
    "actor_id": ("actor id", "actor_id", "id"),
}
LIST_SEPARATORS = re.compile(r"\s*[|;]\s*")
IMPORT_SOURCE = "user import"
OUTCOMES = ("added", "merged", "replaced", "unchanged", "conflicting", "skipped")


class PartnerListError(Exception):
    """A partner list that cannot be read: no such file, not a CSV, or no name column."""


@dataclass(frozen=True)
class PartnerRow:
    """One row of a user's partner list."""

    line: int
    name: str
    acronym: str | None = None
    actor_type: str | None = None
    country: str | None = None
    aliases: tuple[str, ...] = ()
    actor_id: str | None = None  # a registry id the row adds names to (a user_actors.csv read back)

    @property
    def forms(self) -> tuple[str, ...]:
        """Every name the row gives the organisation."""
        return tuple(dict.fromkeys(form for form in (self.name, self.acronym, *self.aliases) if form))


@dataclass(frozen=True)
class RowOutcome:
    """What became of one row: its outcome (OUTCOMES), the actor it is, and why."""

    line: int
    name: str
    outcome: str
    actor_id: str | None = None
    detail: str = ""


@dataclass
class ImportResult:
    """The outcome of every row, and the user rows to write."""

    outcomes: list[RowOutcome] = field(default_factory=list)
    user_rows: dict[str, dict[str, str]] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        """How many rows had each outcome."""
        return {kind: sum(outcome.outcome == kind for outcome in self.outcomes) for kind in OUTCOMES}


def read_partner_list(path: Path, country: str | None) -> tuple[list[PartnerRow], list[RowOutcome]]:
    """The rows of a partner list (`country` for rows that give none), and the rows skipped, with why."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            records = list(csv.reader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise PartnerListError(f"{path}: {error.__class__.__name__}: {error}") from error
    if not records:
        raise PartnerListError(f"{path}: empty file")
    columns = column_indexes(records[0])
    if "name" not in columns and "actor_id" not in columns:
        raise PartnerListError(f"{path}: no name column (columns: {', '.join(records[0])})")
    rows, skipped = [], []
    for line, record in enumerate(records[1:], start=2):
        values = {key: record[index].strip() if index < len(record) else "" for key, index in columns.items()}
        problem = row_problem(values)
        if problem:
            skipped.append(RowOutcome(line, values.get("name", ""), "skipped", detail=problem))
        elif any(values.values()):
            rows.append(partner_row(line, values, country))
    return rows, skipped


def column_indexes(header: list[str]) -> dict[str, int]:
    """Which column holds each field, from the header's names."""
    indexes: dict[str, int] = {}
    for index, label in enumerate(header):
        for key, names in COLUMN_NAMES.items():
            if name_key(label) in names and key not in indexes:
                indexes[key] = index
    return indexes


def row_problem(values: dict[str, str]) -> str | None:
    """Why a row cannot be imported, or None."""
    if not values.get("name") and not values.get("actor_id") and any(values.values()):
        return "no name"
    if values.get("name") and is_non_actor(values["name"]):
        return "names no one in particular (a collective or a placeholder), not an organisation"
    if values.get("type") and actor_type_of(values["type"]) is None:
        return f"unknown type {values['type']!r} (one of {', '.join(ACTOR_TYPES)}, or a label such as 'National NGO')"
    if values.get("country") and not ISO3.fullmatch(values["country"].upper()):
        return f"country {values['country']!r} is not ISO 3166 alpha-3"
    return None


def partner_row(line: int, values: dict[str, str], country: str | None) -> PartnerRow:
    """One readable row of a partner list."""
    aliases = tuple(alias for alias in LIST_SEPARATORS.split(values.get("aliases", "")) if alias)
    return PartnerRow(
        line=line,
        name=values.get("name", ""),
        acronym=values.get("acronym") or None,
        actor_type=actor_type_of(values["type"]) if values.get("type") else None,
        country=(values.get("country") or "").upper() or country,
        aliases=aliases,
        actor_id=values.get("actor_id") or None,
    )


def actor_type_of(label: str) -> str | None:
    """The actor type a label means ("National NGO" -> nngo, "un_agency" -> un_agency), or None."""
    key = name_key(label)
    if key.replace(" ", "_") in ACTOR_TYPES:
        return key.replace(" ", "_")
    return next((actor_type for actor_type, labels in type_labels() if key in labels), None)


def type_labels() -> list[tuple[str, frozenset[str]]]:
    """The labels of each actor type in the four languages ([actor_types] of data/vocab)."""
    return [(actor_type, frozenset(map(name_key, labels))) for actor_type, labels in section("actor_types").items()]


def merge_partner_list(
    rows: Iterable[PartnerRow],
    base: list[dict[str, str]],
    user_rows: list[dict[str, str]],
    replace: bool = False,
) -> ImportResult:
    """Merge rows into the user's rows, against the registry they overlay; each row's outcome."""
    result = ImportResult(user_rows={row["actor_id"]: dict(row) for row in user_rows})
    for row in rows:
        registry = Registry(overlaid_actors(base, list(result.user_rows.values())))
        result.outcomes.append(merge_row(row, registry, result.user_rows, replace))
    return result


def merge_row(row: PartnerRow, registry: Registry, user_rows: dict[str, dict[str, str]], replace: bool) -> RowOutcome:
    """Merge one row: a new actor, new names of one actor, or a conflict left as it is (see the module)."""
    owners = {form: form_owners(form, registry, row.country) for form in row.forms}
    found = set().union(*owners.values())
    if row.actor_id in registry.actors:
        found |= {row.actor_id}
    if not found and row.name:
        actor_id = row.actor_id or new_actor_id(row, registry)
        user_rows[actor_id] = new_actor_row(actor_id, row)
        return RowOutcome(row.line, row.name, "added", actor_id)
    if len(found) != 1:
        why = f"its names belong to {', '.join(sorted(found))}" if found else f"no actor {row.actor_id!r}"
        return RowOutcome(row.line, row.name, "conflicting" if found else "skipped", None, why)
    actor = registry.actors[found.pop()]
    new_forms = [form for form, actors in owners.items() if not actors and not is_form_of(form, actor)]
    differences = field_differences(row, actor)
    if differences and not replace:
        return RowOutcome(row.line, row.name, "conflicting", actor.actor_id, "; ".join(differences))
    if not new_forms and not differences:
        return RowOutcome(row.line, row.name, "unchanged", actor.actor_id)
    user_row = user_rows.setdefault(actor.actor_id, {"actor_id": actor.actor_id})
    aliases = [*filter(None, user_row.get("aliases", "").split(ALIAS_SEPARATOR)), *new_forms]
    user_row["aliases"] = ALIAS_SEPARATOR.join(dict.fromkeys(aliases))
    if differences:
        user_row.update({"actor_type": row.actor_type or "", "country": row.country or ""})
        return RowOutcome(row.line, row.name, "replaced", actor.actor_id, "; ".join(differences))
    return RowOutcome(row.line, row.name, "merged", actor.actor_id, f"new names: {', '.join(new_forms)}")


def form_owners(form: str, registry: Registry, country: str | None) -> set[str]:
    """The registry actors a written form names, among those a plan of the row's country may name."""
    index, key = (registry.acronyms, acronym_key(form)) if is_acronym_like(form) else (registry.names, name_key(form))
    return in_scope(set(index.get(key, set())), registry, country)


def is_form_of(form: str, actor: Actor) -> bool:
    """Whether a form is already one of the actor's names (compared as keys)."""
    return name_key(form) in {name_key(existing) for existing in actor.forms}


def field_differences(row: PartnerRow, actor: Actor) -> list[str]:
    """Where a row says otherwise than the registry: another type, another country."""
    differences = []
    if row.actor_type and row.actor_type != actor.actor_type:
        differences.append(f"type {row.actor_type} where the registry has {actor.actor_type}")
    if row.country and actor.country and row.country != actor.country:
        differences.append(f"country {row.country} where the registry has {actor.country}")
    return differences


def new_actor_id(row: PartnerRow, registry: Registry) -> str:
    """A new actor's id: its acronym or name as a slug, with its country and a number where taken."""
    base = re.sub(r"[^a-z0-9]+", "-", name_key(row.acronym or row.name)).strip("-") or "actor"
    candidates = [base, f"{base}-{(row.country or 'xx').lower()}"]
    candidates += [f"{candidates[-1]}-{number}" for number in range(2, len(registry.actors) + 2)]
    return next(candidate for candidate in candidates if candidate not in registry.actors)


def new_actor_row(actor_id: str, row: PartnerRow) -> dict[str, str]:
    """The user row of a new actor."""
    actor_type = row.actor_type or provisional_type(row.name, row.acronym)
    values = (actor_id, row.name, row.acronym, actor_type, row.country, ALIAS_SEPARATOR.join(row.aliases))
    return dict(zip(ACTOR_COLUMNS, (*(value or "" for value in values), "", "", IMPORT_SOURCE), strict=True))


def write_user_rows(path: Path, rows: dict[str, dict[str, str]]) -> None:
    """Write the user's rows (data/user_actors.csv), sorted by id."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=ACTOR_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        writer.writerows({column: row.get(column, "") for column in ACTOR_COLUMNS} for _, row in sorted(rows.items()))
