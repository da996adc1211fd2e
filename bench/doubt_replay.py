"""What the shape-doubt signals (normalizers/actor_shapes.py) catch and cost, per signal and per split.

Two measures (bench/ACTOR_RESULTS.md, "Doubt said out loud"):

- `replay DUMP...`: a blind split's first run, reconstructed (the refs its resolver returned, dumped by `dump`
  from a checkout of the commit that first ran it), with this checkout's shape signals applied to them: for each
  signal, the wrong links of that first run it sends to review and the right ones it costs;
- `current`: every split of tests/data/open_world_mentions.csv resolved by this checkout with the shape signals
  left out, then with them: the wrong links each signal sends to review and the right ones it costs, per split.

    git worktree add --detach /tmp/h13 <commit>   # the commit that first ran the split
    .venv/bin/python bench/doubt_replay.py dump --root /tmp/h13 --split heldout13 --out /tmp/dump13.json
    .venv/bin/python bench/doubt_replay.py replay /tmp/dump13.json
    .venv/bin/python bench/doubt_replay.py current
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
LABELS = Path("tests") / "data" / "open_world_mentions.csv"
NEW_ACTOR = "+"
SHOW = "--show" in sys.argv  # list every link a signal removes, wrong or right


def dump(root: Path, split: str, out: Path) -> None:
    """Every ref a checkout's resolver returns for the cells of one split, as JSON (run with that checkout's code)."""
    sys.path.insert(0, str(root))
    from normalizers.actors import ResolutionContext, load_registry, resolve_cell

    registry = load_registry()
    with (root / LABELS).open(encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row["split"] == split]
    cells = []
    for row in rows:
        country = row.get("country") or None
        refs = resolve_cell(row["raw"], registry, "lead", ResolutionContext(row["context"] or "", country=country))
        fields = ("raw", "actor_id", "method", "score", "role")
        cells.append({**row, "refs": [{field: getattr(ref, field) for field in fields} for ref in refs]})
    out.write_text(json.dumps(cells, ensure_ascii=False, indent=0), encoding="utf-8")


def link(ref: Any, country: str | None) -> str | None:
    """A ref's link as the bench counts it: its id, or "+name key" for a provisional actor; None for no link."""
    from normalizers.actor_provisional import provisional_actor
    from normalizers.actor_registry import name_key

    if not ref.actor_id:
        return None
    return (
        NEW_ACTOR + name_key(provisional_actor(ref.raw, country).name) if ref.method == "provisional" else ref.actor_id
    )


def expected_links(text: str) -> Counter[str]:
    from normalizers.actor_registry import name_key

    return Counter(
        NEW_ACTOR + name_key(item[1:]) if item.startswith(NEW_ACTOR) else item for item in text.split("|") if item
    )


def tally(cell: dict[str, Any], refs: list[Any], totals: dict[str, Counter[str]], split: str) -> None:
    """The wrong links the shape signals send to review in one cell, and the right ones they cost, by signal."""
    from normalizers.actor_shapes import shape_reasons
    from normalizers.actors import ResolutionContext, load_registry

    country = cell.get("country") or None
    scope = ResolutionContext(cell["context"] or "", country=country)
    expected = expected_links(cell["expected"])
    links = [link(ref, country) for ref in refs]
    before = Counter(item for item in links if item)
    wrong = before - expected
    totals[split]["expected"] += sum(expected.values())
    totals[split]["links"] += sum(before.values())
    totals[split]["wrong"] += sum(wrong.values())
    reasons = shape_reasons(refs, cell["raw"], load_registry(), scope)
    removed = [(item, reason) for item, reason in zip(links, reasons, strict=True) if item and reason]
    for item, reason in removed:
        verdict = "wrong" if wrong[item] > 0 else "right"
        wrong[item] -= verdict == "wrong"
        totals[split][f"{reason} {verdict}"] += 1
        totals[split][f"all {verdict}"] += 1
        if SHOW:
            print(f"[{split}] {reason} {verdict}: {cell['raw']!r} -> {item}")


def print_totals(totals: dict[str, Counter[str]]) -> None:
    """Per split: links, wrong links, what each signal removes (wrong/right), precision and recall without the
    signals and with them."""
    names = {key.rsplit(" ", 1)[0] for counts in totals.values() for key in counts if " " in key} - {"all"}
    signals = [*sorted(names), "all"]
    print("split       links  wrong  " + "  ".join(f"{name} (wrong/right)" for name in signals) + "  precision  recall")
    for split, counts in totals.items():
        cells = "  ".join(f"{counts[name + ' wrong']:>3}/{counts[name + ' right']:<3}" for name in signals)
        correct = counts["links"] - counts["wrong"]
        kept = counts["links"] - counts["all wrong"] - counts["all right"]
        precision = f"{correct / counts['links']:.3f} -> {(correct - counts['all right']) / kept:.3f}"
        recall = f"{correct / counts['expected']:.3f} -> {(correct - counts['all right']) / counts['expected']:.3f}"
        print(f"{split:10} {counts['links']:>6} {counts['wrong']:>6}  {cells}  {precision}  {recall}")


def as_refs(items: list[dict[str, Any]]) -> list[Any]:
    from normalizers.model import ActorRef

    return [ActorRef(**item) for item in items]


def replay(paths: list[Path]) -> None:
    sys.path.insert(0, str(ROOT))
    totals: dict[str, Counter[str]] = defaultdict(Counter)
    for path in paths:
        for cell in json.loads(path.read_text(encoding="utf-8")):
            tally(cell, as_refs(cell["refs"]), totals, cell["split"])
    print_totals(totals)


def current() -> None:
    sys.path.insert(0, str(ROOT))
    from normalizers import actor_doubt
    from normalizers.actors import ResolutionContext, load_registry, resolve_cell

    actor_doubt.with_shape_doubt = lambda refs, *_: refs  # the refs as they are before the shape signals
    registry = load_registry()
    totals: dict[str, Counter[str]] = defaultdict(Counter)
    with (ROOT / LABELS).open(encoding="utf-8", newline="") as handle:
        for cell in csv.DictReader(handle):
            country = cell.get("country") or None
            refs = resolve_cell(
                cell["raw"], registry, "lead", ResolutionContext(cell["context"] or "", country=country)
            )
            tally(cell, refs, totals, cell["split"])
    print_totals(totals)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    made = commands.add_parser("dump", help="dump a checkout's refs for one split")
    made.add_argument("--root", type=Path, required=True)
    made.add_argument("--split", required=True)
    made.add_argument("--out", type=Path, required=True)
    replayed = commands.add_parser("replay", help="the shape signals applied to dumped first runs")
    replayed.add_argument("dumps", type=Path, nargs="+")
    commands.add_parser("current", help="the shape signals on every split of the current labels")
    parser.add_argument("--show", action="store_true", help="list every link a signal removes")
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.root, args.split, args.out)
    elif args.command == "replay":
        replay(args.dumps)
    else:
        current()


if __name__ == "__main__":
    main()
