"""Check the labels of one split of tests/data/open_world_mentions.csv against data/actors.csv only.

Written for a blind held-out split: it reads the registry file and the labelled sets, never the resolver.

- every expected registry id exists;
- every role is `<body>--<role>` with a registry body (a country body of the row's country) and a known role,
  never a role the registry holds as a row of its own under that body (`gpc-coordinator`, not `gpc--coordinator`);
- no `+Name` equals a registry name, acronym or alias as a name key (lower case, accents and punctuation
  removed), with or without its spaces;
- no cell and no `+Name` of the split repeats one of any other split (or a cell of tests/data/mentions.csv),
  and no cell repeats within the split;
- countries are ISO 3166 alpha-3 (or empty for a global cell).

`--review` also lists each `+Name` that holds a whole registry name of two words or more (to read again: it
may be that organisation's office, or another organisation).

    .venv/bin/python bench/check_labels.py --split heldout6 [--review]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REGISTRY = ROOT / "data" / "actors.csv"
OPEN_WORLD = ROOT / "tests" / "data" / "open_world_mentions.csv"
MENTIONS = ROOT / "tests" / "data" / "mentions.csv"
ROLES = {"coordinator", "co-coordinator", "deputy-coordinator", "co-lead", "lead", "im-officer", "focal-point"}
COUNTRY = re.compile(r"[A-Z]{3}")


def name_key(text: str) -> str:
    """Lower case, accents and punctuation removed, spaces collapsed."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]", " ", bare).split())


def registry_keys(registry: dict[str, dict[str, str]]) -> dict[str, str]:
    """Every name, acronym and alias of the registry as a name key (and without spaces) -> its actor id."""
    keys: dict[str, str] = {}
    for actor_id, row in registry.items():
        forms = [row["name"], row["acronym"], *row["aliases"].split("|")]
        for form in filter(None, (name_key(f) for f in forms)):
            keys.setdefault(form, actor_id)
            keys.setdefault(form.replace(" ", ""), actor_id)
    return keys


def role_problem(label: str, country: str, registry: dict[str, dict[str, str]]) -> str | None:
    body, role = label.split("--", 1)
    if role not in ROLES:
        return f"unknown role {role!r}"
    if body not in registry:
        return f"role of an unknown body {body!r}"
    body_country = registry[body]["country"]
    if body_country and body_country != country:
        return f"role of {body!r} ({body_country}) in a {country or 'global'} cell"
    held = [
        actor_id
        for actor_id, row in registry.items()
        if row["actor_type"] == "role"
        and row["parent_id"] == body
        and name_key(row["name"]).endswith(name_key(role.replace("-", " ")))
    ]
    if held:
        return f"the registry holds this role as its own row {held[0]!r}: one role, one id"
    return None


def label_problems(row: dict[str, str], registry: dict[str, dict[str, str]], keys: dict[str, str]) -> list[str]:
    problems = []
    if row["country"] and not COUNTRY.fullmatch(row["country"]):
        problems.append(f"country {row['country']!r} is not ISO alpha-3")
    for label in filter(None, row["expected"].split("|")):
        if label != label.strip() or not label.strip("+"):
            problems.append(f"malformed label {label!r}")
        elif label.startswith("+"):
            key = name_key(label[1:])
            hit = keys.get(key) or keys.get(key.replace(" ", ""))
            if hit:
                problems.append(f"{label!r} is the registry's {hit!r}")
            if re.search(r"\(([^)]*)\)\s*$", label):
                problems.append(f"{label!r} keeps its bracketed acronym")
        elif "--" in label:
            problem = role_problem(label, row["country"], registry)
            if problem:
                problems.append(problem)
        elif label not in registry:
            problems.append(f"unknown id {label!r}")
    return problems


def review_notes(rows: list[dict[str, str]], registry: dict[str, dict[str, str]]) -> list[str]:
    """+Names that hold a whole registry name of two words or more, to read again."""
    names = {name_key(r["name"]): a for a, r in registry.items() if len(name_key(r["name"]).split()) >= 2}
    notes = []
    for row in rows:
        for label in row["expected"].split("|"):
            if label.startswith("+"):
                padded = f" {name_key(label[1:])} "
                held = [a for key, a in names.items() if f" {key} " in padded]
                if held:
                    notes.append(f"review {label!r} ({row['country']}): holds {', '.join(held)}")
    return notes


def summary(rows: list[dict[str, str]]) -> str:
    """Counts of one split: cells, mentions, unknown share, roles, registry ids, empty and multi-actor cells."""
    labels = [e for r in rows for e in r["expected"].split("|") if e]
    unknown = sum(e.startswith("+") for e in labels)
    roles = sum("--" in e for e in labels)
    countries = {r["country"] for r in rows if r["country"]}
    return (
        f"{len(rows)} cells, {len(labels)} mentions, {unknown} unknown ({unknown / max(len(labels), 1):.0%}),"
        f" {roles} roles, {len(labels) - unknown - roles} registry ids,"
        f" {sum(not r['expected'] for r in rows)} cells naming no one,"
        f" {sum('|' in r['expected'] for r in rows)} cells naming two or more,"
        f" {len(countries)} countries, {sum(not r['country'] for r in rows)} global cells"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", required=True)
    parser.add_argument("--review", action="store_true", help="list +Names holding a registry name")
    args = parser.parse_args(argv)
    with REGISTRY.open(encoding="utf-8") as handle:
        registry = {r["actor_id"]: r for r in csv.DictReader(handle)}
    with OPEN_WORLD.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    with MENTIONS.open(encoding="utf-8") as handle:
        earlier_cells = {name_key(r["raw"]) for r in csv.DictReader(handle)}
    mine = [r for r in rows if r["split"] == args.split]
    earlier = [r for r in rows if r["split"] != args.split]
    earlier_cells |= {name_key(r["raw"]) for r in earlier}
    earlier_names = {name_key(e[1:]) for r in earlier for e in r["expected"].split("|") if e.startswith("+")}
    keys = registry_keys(registry)
    problems = []
    seen: Counter[str] = Counter()
    for row in mine:
        cell = name_key(row["raw"])
        seen[cell] += 1
        found = label_problems(row, registry, keys)
        if cell in earlier_cells:
            found.append("cell of an earlier split or of mentions.csv")
        if seen[cell] == 2:
            found.append("cell repeated within the split")
        found += [
            f"{e!r} is an earlier split's"
            for e in row["expected"].split("|")
            if name_key(e[1:]) in earlier_names and e.startswith("+")
        ]
        problems += [f"{row['raw']!r} ({row['country']}): {p}" for p in found]
    for problem in problems:
        print(problem)
    if args.review:
        print("\n".join(review_notes(mine, registry)))
    print(f"{args.split}: {summary(mine)}; {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
