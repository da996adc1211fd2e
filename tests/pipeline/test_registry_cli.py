"""`workplans registry import` and `search`: a user's partner list merged without overwriting the registry."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from data import read_csv_rows
from normalizers.actor_registry import Registry, overlaid_actors
from normalizers.actors import ResolutionContext, resolve_cell
from pipeline.cli import app

PARTNERS = (
    "Organisation,Acronym,Type,Country,Aliases\n"
    "Norwegian Refugee Council,NRC,INGO,,\n"  # the registry has it, with these names
    "Sudanese Organization for Research and Development,SORD,National NGO,SDN,\n"
    "World Food Programme,WFP,INGO,,\n"  # another type than the registry's
    "UNICEF,,UN Agency,,UNICEF Kassala Field Office\n"  # a new name for a registry actor
    "Al Massar Charity Organization,,Charity,SDN,\n"  # a type nobody can read
    "Implementing partners,,,,\n"  # names no one
    "Zorblax Relief Society,,,,ZRS Sudan; Zorblax\n"  # the --country of the command
    "IOM,UNHCR,,,\n"  # its names belong to two actors
)


def run(*arguments: str) -> Result:
    return CliRunner().invoke(app, ["registry", *arguments])


def outcomes(result: Result) -> dict[str, str]:
    """The outcome of each row, by the name it gives, read from the report table."""
    found = {}
    for line in result.stdout.splitlines():
        cells = [cell.strip() for cell in line.strip().split("│")[1:-1]]
        if len(cells) == 5 and cells[0].isdigit():
            found[cells[1]] = cells[2]
    return found


@pytest.fixture()
def partners(tmp_path: Path) -> Path:
    path = tmp_path / "partners.csv"
    path.write_text(PARTNERS, encoding="utf-8")
    return path


def test_a_partner_list_is_merged_row_by_row_and_nothing_is_overwritten(partners: Path, tmp_path: Path) -> None:
    into = tmp_path / "user_actors.csv"
    result = run("import", str(partners), "--country", "SDN", "--into", str(into))
    assert result.exit_code == 0, result.output
    assert outcomes(result) == {
        "Norwegian Refugee Council": "unchanged",
        "Sudanese Organization for Research and Development": "added",
        "World Food Programme": "conflicting",
        "UNICEF": "merged",
        "Al Massar Charity Organization": "skipped",
        "Implementing partners": "skipped",
        "Zorblax Relief Society": "added",
        "IOM": "conflicting",
    }
    assert "8 rows: 2 added, 1 merged, 1 unchanged, 2 conflicting, 2 skipped" in " ".join(result.stdout.split())
    with into.open(encoding="utf-8", newline="") as handle:
        rows = {row["actor_id"]: row for row in csv.DictReader(handle)}
    assert set(rows) == {"sord", "zorblax-relief-society", "unicef"}
    assert rows["unicef"]["aliases"] == "UNICEF Kassala Field Office" and not rows["unicef"]["actor_type"]
    assert rows["zorblax-relief-society"]["country"] == "SDN"


def test_imported_actors_resolve_in_later_documents(partners: Path, tmp_path: Path) -> None:
    into = tmp_path / "user_actors.csv"
    run("import", str(partners), "--country", "SDN", "--into", str(into))
    with into.open(encoding="utf-8", newline="") as handle:
        user = list(csv.DictReader(handle))
    registry = Registry(overlaid_actors(read_csv_rows("actors.csv"), user))
    refs = resolve_cell("SORD\nZRS Sudan, WFP", registry, "partner", ResolutionContext(country="SDN"))
    assert [(ref.actor_id, ref.method) for ref in refs] == [
        ("sord", "exact"),
        ("zorblax-relief-society", "alias"),
        ("wfp", "exact"),  # still the registry's UN agency
    ]
    assert registry.actors["wfp"].actor_type == "un_agency"


def test_replace_lets_the_list_win_where_it_differs(partners: Path, tmp_path: Path) -> None:
    into = tmp_path / "user_actors.csv"
    result = run("import", str(partners), "--country", "SDN", "--into", str(into), "--replace")
    assert outcomes(result)["World Food Programme"] == "replaced"
    assert outcomes(result)["IOM"] == "conflicting"  # two actors: even --replace cannot say which
    with into.open(encoding="utf-8", newline="") as handle:
        user = list(csv.DictReader(handle))
    assert Registry(overlaid_actors(read_csv_rows("actors.csv"), user)).actors["wfp"].actor_type == "ingo"


def test_an_import_round_trips(partners: Path, tmp_path: Path) -> None:
    into = tmp_path / "user_actors.csv"
    run("import", str(partners), "--country", "SDN", "--into", str(into))
    written = into.read_text(encoding="utf-8")
    again = run("import", str(partners), "--country", "SDN", "--into", str(into))
    assert set(outcomes(again).values()) == {"unchanged", "conflicting", "skipped"}
    assert into.read_text(encoding="utf-8") == written  # nothing new the second time
    copy = tmp_path / "copy.csv"
    reimported = run("import", str(into), "--into", str(copy))  # the written file reads back as a partner list
    assert reimported.exit_code == 0, reimported.output
    fresh = {row["actor_id"]: row for row in read_csv_rows("actors.csv")}
    for path in (into, copy):
        with path.open(encoding="utf-8", newline="") as handle:
            actors = overlaid_actors(list(fresh.values()), list(csv.DictReader(handle)))
        assert actors["sord"].name == "Sudanese Organization for Research and Development"
        assert "UNICEF Kassala Field Office" in actors["unicef"].aliases


@pytest.mark.parametrize(
    ("arguments", "status", "message"),
    [
        (["import", "no-such-file.csv"], 1, "no-such-file.csv"),
        (["import", "{partners}", "--country", "Sudan"], 2, "--country wants an ISO 3166 alpha-3 code"),
        (["search", "NRC", "--country", "XX"], 2, "--country wants an ISO 3166 alpha-3 code"),
    ],
)
def test_bad_input_is_one_error_line(partners: Path, arguments: list[str], status: int, message: str) -> None:
    result = run(*(argument.format(partners=partners) for argument in arguments))
    assert result.exit_code == status
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("error: ") and message in line


def test_a_list_without_a_name_column_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("Acronym,Type\nSORD,National NGO\n", encoding="utf-8")
    result = run("import", str(path), "--into", str(tmp_path / "out.csv"))
    assert result.exit_code == 1 and "no name column" in result.stderr
    assert not (tmp_path / "out.csv").exists()


def test_search_lists_candidates_with_scores_and_the_match() -> None:
    result = run("search", "Norwegian Refugee Counsel", "--limit", "3")
    assert result.exit_code == 0, result.output
    first = next(line for line in result.stdout.splitlines() if "│ nrc " in line)
    assert "Norwegian Refugee Council" in first and "True" in first
    scoped = run("search", "Health Cluster", "--country", "SDN", "--limit", "1")
    assert "sdn-health-cluster" in scoped.stdout
