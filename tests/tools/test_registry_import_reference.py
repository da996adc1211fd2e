"""tools/registry/import_reference.py: ids kept, hand edits kept, new ids apart, nothing deleted, --check."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from tools.registry import import_reference as tool

REFERENCE = tool.ROOT.parent / "shared" / "reference"
CURATED = {"actor_id": "wfp", "name": "World Food Programme", "acronym": "WFP", "actor_type": "un_agency"}
LONG = "Association for the Relief of Displaced Families"  # 40 characters in common with the next
LONG_OTHER = "Association for the Relief of Displaced Farmers of the Coast"
CRS_ROWS = [
    ("21901", "Alpha Relief Fund", "Fonds Alpha de secours"),
    ("41901", "World Food Programme", "Programme alimentaire mondial"),
]
HAPI_ROWS = [
    ("BRAVO", "Bravo Aid International", "437"),
    ("", "Charlie Centre for Peace", "437"),
    ("", LONG, "437"),
]


def write_csv(path: Path, header: list[str], rows: list[dict[str, str]] | list[tuple[str, ...]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows([row[column] for column in header] if isinstance(row, dict) else row for row in rows)


def write_reference(
    folder: Path,
    crs: list[tuple[str, str, str]],
    hapi: list[tuple[str, str, str]],
    clusters: tuple[str, ...] = ("HEA",),
) -> Path:
    write_csv(
        folder / "iati" / "CRSChannelCode.csv", ["code", "name", "name_fr", "status"], [(*r, "active") for r in crs]
    )
    hapi_rows = [(acronym, name, code, "") for acronym, name, code in hapi]
    write_csv(
        folder / "hdx-hapi" / "organisations.csv",
        ["acronym", "name", "org_type_code", "org_type_description"],
        hapi_rows,
    )
    write_csv(folder / "clusters" / "iasc_global_clusters.csv", ["code"], [(code,) for code in clusters])
    return folder


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    """A small reference folder and an actors file of one curated row."""
    actors = tmp_path / "actors.csv"
    write_csv(actors, list(tool.COLUMNS), [{**dict.fromkeys(tool.COLUMNS, ""), **CURATED, "source": "curated"}])
    return write_reference(tmp_path / "reference", CRS_ROWS, HAPI_ROWS), actors


def run(reference: Path, actors: Path, *flags: str) -> int:
    return tool.main(["--reference", str(reference), "--actors", str(actors), *flags])


def rows_by_id(actors: Path) -> dict[str, dict[str, str]]:
    return {row["actor_id"]: row for row in tool.read_rows(actors)}


def test_a_first_run_adds_the_organisations_and_a_second_changes_no_byte(files: tuple[Path, Path]) -> None:
    reference, actors = files
    assert run(reference, actors, "--check") == 1
    assert run(reference, actors) == 0
    rows, text = rows_by_id(actors), actors.read_text(encoding="utf-8")
    assert {"crs-21901", "hapi-bravo", "hapi-charlie-centre-for-peace", "global-health", "afg-health-cluster"} <= set(
        rows
    )
    assert "Programme alimentaire mondial" in rows["wfp"]["aliases"].split("|")  # a known agency gains its names
    assert "crs-41901" not in rows
    assert run(reference, actors) == 0
    assert actors.read_text(encoding="utf-8") == text
    assert run(reference, actors, "--check") == 0


def test_ids_stay_when_the_sources_spell_a_name_anew(files: tuple[Path, Path], tmp_path: Path) -> None:
    reference, actors = files
    run(reference, actors)
    ids = list(rows_by_id(actors))
    respelt_crs = [("21901", "Alpha Relief Fund Trust", "Fonds Alpha de secours"), CRS_ROWS[1]]
    respelt_hapi = [
        ("BRAVO", "Bravo Aide Internationale", "437"),
        ("", "Charlie Center for Peace", "437"),
        HAPI_ROWS[2],
    ]
    assert run(write_reference(tmp_path / "respelt", respelt_crs, respelt_hapi), actors) == 0
    rows = rows_by_id(actors)
    assert list(rows) == ids
    assert rows["crs-21901"]["name"] == "Alpha Relief Fund"  # the row's own name stays, the new one is an alias
    assert "Alpha Relief Fund Trust" in rows["crs-21901"]["aliases"].split("|")
    assert "Bravo Aide Internationale" in rows["hapi-bravo"]["aliases"].split("|")
    assert rows["hapi-charlie-centre-for-peace"]["aliases"] == ""  # the same name in the other spelling


def test_hand_aliases_and_hand_edits_stay(files: tuple[Path, Path]) -> None:
    reference, actors = files
    run(reference, actors)
    rows = rows_by_id(actors)
    rows["afg-health-cluster"]["aliases"] += "|Grupo de Salud"
    rows["hapi-bravo"].update(aliases="Bravo|Bravo Afghanistan", country="AFG", actor_type="nngo")
    rows["crs-21901"]["aliases"] = ""  # a name the source gives, taken out by hand, comes back from the source
    write_csv(actors, list(tool.COLUMNS), list(rows.values()))
    run(reference, actors)
    after = rows_by_id(actors)
    assert after["afg-health-cluster"]["aliases"].endswith("|Grupo de Salud")
    assert after["hapi-bravo"] == rows["hapi-bravo"]
    assert after["crs-21901"]["aliases"] == "Fonds Alpha de secours"


def test_a_new_organisation_gets_an_id_no_row_has(files: tuple[Path, Path], tmp_path: Path) -> None:
    reference, actors = files
    run(reference, actors)
    first = rows_by_id(actors)
    grown = write_reference(tmp_path / "grown", CRS_ROWS, [*HAPI_ROWS, ("", LONG_OTHER, "437")])
    assert run(grown, actors) == 0
    rows = rows_by_id(actors)
    added = [actor_id for actor_id in rows if actor_id not in first]
    assert tool.slug(LONG)[:40] == tool.slug(LONG_OTHER)[:40]
    assert added == [f"hapi-{tool.slug(LONG)[:40]}-2"]
    assert rows[added[0]]["name"] == LONG_OTHER
    assert list(rows)[: len(first)] == list(first)  # new rows go last, the others keep their places


def test_a_row_its_source_no_longer_gives_is_kept_and_reported(
    files: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reference, actors = files
    run(reference, actors)
    text = actors.read_text(encoding="utf-8")
    capsys.readouterr()
    shrunk = write_reference(tmp_path / "shrunk", CRS_ROWS[1:], HAPI_ROWS[1:])
    assert run(shrunk, actors, "--check") == 0
    out = capsys.readouterr().out
    assert "not in its source any more, kept: crs-21901 'Alpha Relief Fund'" in out
    assert "not in its source any more, kept: hapi-bravo" in out
    assert "up to date: 0 added, 0 changed" in out and "(2 no longer in their source, kept)" in out
    assert run(shrunk, actors) == 0
    assert actors.read_text(encoding="utf-8") == text


def test_check_writes_nothing_and_says_what_a_run_would_do(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    reference, actors = files
    text = actors.read_text(encoding="utf-8")
    assert run(reference, actors, "--check") == 1
    out = capsys.readouterr().out
    assert actors.read_text(encoding="utf-8") == text
    assert "added: hapi-bravo 'Bravo Aid International' (HDX HAPI)" in out
    assert "changed: wfp aliases + Programme alimentaire mondial" in out
    assert out.splitlines()[-1].startswith(f"{actors}: would change: ")
    assert run(reference, actors) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith(f"{actors}: written: ")


def test_the_real_registry_is_what_the_real_reference_makes_of_it(tmp_path: Path) -> None:
    if not REFERENCE.is_dir():
        pytest.skip(f"the shared reference lists are not here ({REFERENCE})")
    actors = tmp_path / "actors.csv"
    shutil.copyfile(tool.ACTORS, actors)
    assert run(REFERENCE, actors, "--check") == 0
    assert run(REFERENCE, actors) == 0
    assert actors.read_bytes() == tool.ACTORS.read_bytes()


def test_an_organisation_read_anew_as_national_keeps_its_id(files: tuple[Path, Path], tmp_path: Path) -> None:
    reference, actors = files
    run(reference, actors)
    national = [("BRAVO", "Bravo Aid Somalia", "441"), *HAPI_ROWS[1:]]
    assert run(write_reference(tmp_path / "national", CRS_ROWS, national), actors) == 0
    rows = rows_by_id(actors)
    assert [actor_id for actor_id in rows if actor_id.startswith("hapi-bravo")] == ["hapi-bravo"]
    assert rows["hapi-bravo"]["country"] == "" and "Bravo Aid Somalia" in rows["hapi-bravo"]["aliases"].split("|")
