"""How often the likeness of provisional names (normalizers/actor_likeness.py) says a right doubt, on labelled cells.

Every cell of each split is resolved as bench/actor_resolution.py resolves it; each provisional actor returned is
tied to the expected `+Name` of its cell it is (nearly) written as. Within each split and country, the likeness
test is run over the split's distinct provisional names, as the loader runs it over a batch (with `--pooled`, over
every split's names of one country at once, as a database holding them all):

- a right flag: two provisional names tied to one expected organisation (one organisation under two spellings);
- a false flag: two provisional names tied to two different expected organisations (or to none);
- a split pair: two provisional names tied to one expected organisation, whether flagged or not.

    .venv/bin/python bench/provisional_likeness.py [--file tests/data/open_world_mentions.csv] [--pooled] [--pairs]
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from actor_resolution import NEW_ACTOR, OPEN_WORLD, expected_actors, read_mentions  # noqa: E402

MIN_TIE_RATIO = 80  # a provisional name is tied to its cell's expected `+Name` this alike at least


def provisional_names(rows: list[dict[str, str]], pooled: bool) -> dict[tuple[str, str | None], dict[str, set[str]]]:
    """Per (split, country), or per ("all", country) when pooled: each provisional name returned (its key) and
    the expected names it is tied to."""
    from rapidfuzz import fuzz, process

    from normalizers.actor_provisional import provisional_actor
    from normalizers.actor_registry import name_key
    from normalizers.actors import ResolutionContext, load_registry, resolve_cell

    registry = load_registry()
    found: dict[tuple[str, str | None], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for row in rows:
        country = row.get("country") or None
        refs = resolve_cell(row["raw"], registry, "lead", ResolutionContext(row["context"] or "", country=country))
        expected = [actor[len(NEW_ACTOR) :] for actor in expected_actors(row["expected"]) if actor[0] == NEW_ACTOR]
        for ref in refs:
            if ref.method != "provisional" or not ref.actor_id or "--" in ref.actor_id:
                continue
            key = name_key(provisional_actor(ref.raw, country).name)
            tie = process.extractOne(key, expected, scorer=fuzz.ratio, score_cutoff=MIN_TIE_RATIO)
            found[("all" if pooled else row["split"], country)][key].add(tie[0] if tie else f"(none: {key})")
    return found


def main() -> None:
    from normalizers.actor_likeness import ProvisionalName, alike_names

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=OPEN_WORLD)
    parser.add_argument("--pooled", action="store_true", help="every split's names of a country together")
    parser.add_argument("--pairs", action="store_true", help="list every flagged and every split pair")
    args = parser.parse_args()
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # names, right, false, split pairs
    for (split, country), names in provisional_names(read_mentions(args.file), args.pooled).items():
        made = [ProvisionalName(key, key, country) for key in names]
        alike = alike_names(made, made)
        counts[split][0] += len(names)
        pairs = {tuple(sorted((key, other))) for key, (other, _) in alike.items()}
        for first, second in sorted(pairs):
            right = bool(names[first] & names[second])
            counts[split][1 if right else 2] += 1
            if args.pairs:
                print(f"[{split} {country}] {'right' if right else 'FALSE'}: {first!r} ~ {second!r}")
        keys = sorted(names)
        for index, first in enumerate(keys):
            for second in keys[index + 1 :]:
                if names[first] & names[second]:
                    counts[split][3] += 1
                    if args.pairs and (first, second) not in pairs:
                        print(f"[{split} {country}] missed: {first!r} ~ {second!r}")
    print(f"{'split':10} {'names':>6} {'right':>6} {'false':>6} {'split pairs':>12}")
    for split, (named, flagged, false, split_pairs) in counts.items():
        print(f"{split:10} {named:>6} {flagged:>6} {false:>6} {split_pairs:>12}")
    if not args.pooled:
        totals = [sum(values[i] for values in counts.values()) for i in range(4)]
        print(f"{'all':10} {totals[0]:>6} {totals[1]:>6} {totals[2]:>6} {totals[3]:>12}")


if __name__ == "__main__":
    main()
