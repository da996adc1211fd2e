"""The text extractor: the delimiter sniffed (tab, comma, semicolon, pipe), quoted cells kept whole; a golden
output for every delimited-text fixture, whatever its extension."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.text import extract, sniff_delimiter
from tests.extractors.office_golden import check_golden
from tests.fixture_files import TEXT

CASES = sorted(path for path in TEXT.iterdir() if path.is_file())


@pytest.mark.parametrize("path", CASES, ids=[path.name for path in CASES])
def test_golden(path: Path) -> None:
    check_golden(extract(path), "text", path.stem)


def test_every_fixture_has_a_golden_of_its_own() -> None:
    goldens = sorted(golden.stem for golden in (TEXT / "expected").glob("*.json"))
    assert goldens == sorted(path.stem for path in CASES)


def grid_of(path: Path) -> list[list[list[str]]]:
    """Each extracted table as rows of cell texts."""
    return [[list(row) for row in table.grid()] for table in extract(path).tables]


@pytest.mark.parametrize(
    ("text", "delimiter"),
    [
        ("Pilier;Activité;Responsable\nEau;Forer des puits;Agence A\n", ";"),
        ("Area,Activity,Lead\nWASH,Drill wells,Agency A\n", ","),
        ("Area|Activity|Lead\nWASH|Drill wells|Agency A\n", "|"),
        ("Area\tActivity\tLead\nWASH\tDrill wells\tAgency A\n", "\t"),
        # a semicolon file whose cells hold commas: the semicolon splits every record alike, the comma does not
        ("Eje;Acción;Socios\nSalud;Vacunar, censar y referir;Cruz Roja, ONG\nAgua;Reparar;Alcaldía\n", ";"),
        ("A note, with a comma.\nAnother line of prose.\n", None),
    ],
    ids=["semicolon", "comma", "pipe", "tab", "semicolon-with-commas-in-cells", "prose"],
)
def test_the_delimiter_is_the_one_that_splits_the_records_alike(text: str, delimiter: str | None) -> None:
    assert sniff_delimiter(text) == delimiter


def test_a_semicolon_export_with_a_quoted_line_break_reads_as_one_table(tmp_path: Path) -> None:
    path = tmp_path / "plan-2027.csv"
    text = 'Axe;Activité;Partenaires\r\nNutrition;Dépister les enfants;"ONG A\nONG B"\r\n;Former les relais;ONG C\r\n'
    path.write_bytes(text.encode())
    assert grid_of(path) == [
        [
            ["Axe", "Activité", "Partenaires"],
            ["Nutrition", "Dépister les enfants", "ONG A\nONG B"],
            ["", "Former les relais", "ONG C"],
        ]
    ]


def test_a_comma_export_keeps_its_title_line_and_a_quoted_multi_line_cell(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_text('"Plan 2027",,\nArea,Activity,Partners\nWASH,"Drill wells,\nthen test them",Agency A\n')
    document = extract(path)
    assert grid_of(path) == [
        [["Plan 2027", "", ""], ["Area", "Activity", "Partners"], ["WASH", "Drill wells,\nthen test them", "Agency A"]]
    ]
    assert document.text_blocks == ()


def test_text_lines_between_delimited_runs_are_blocks(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Workplan 2027\n\nArea\tActivity\nWASH\tDrill wells\n\nNote: draft\n")
    document = extract(path)
    assert [block.text for block in document.text_blocks] == ["Workplan 2027", "Note: draft"]
    assert document.title == "Workplan 2027"
    assert grid_of(path) == [[["Area", "Activity"], ["WASH", "Drill wells"]]]


def test_a_delimiter_stated_on_the_first_line_is_used_and_the_line_dropped(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text("sep=;\nArea;Activity, in short\nWASH;Drill, then test\n")
    document = extract(path)
    assert grid_of(path) == [[["Area", "Activity, in short"], ["WASH", "Drill, then test"]]]
    assert document.text_blocks == ()


def test_a_stray_quote_opening_a_cell_swallows_no_lines(tmp_path: Path) -> None:
    path = tmp_path / "plan.tsv"
    path.write_text('Area\tActivity\tLead\nWASH\t"Gatekeepers training\tUNICEF\nHealth\tVaccinate\tWHO\n')
    assert grid_of(path) == [
        [["Area", "Activity", "Lead"], ["WASH", '"Gatekeepers training', "UNICEF"], ["Health", "Vaccinate", "WHO"]]
    ]


def test_comment_lines_above_an_export_are_text_blocks_whatever_their_commas(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    comments = "# Exported from the tracker, all rows\n# Quarters: T1, T2, T3, T4\n"
    path.write_text(comments + "Area,Activity,Quarter\nWASH,Drill wells,T1\nHealth,Vaccinate,T2\n")
    document = extract(path)
    assert grid_of(path) == [
        [["Area", "Activity", "Quarter"], ["WASH", "Drill wells", "T1"], ["Health", "Vaccinate", "T2"]]
    ]
    assert [block.text for block in document.text_blocks] == [
        "Exported from the tracker, all rows",
        "Quarters: T1, T2, T3, T4",
    ]


def test_a_plain_text_line_opening_with_a_hash_is_kept_whole(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("# Workplan notes\nAgreed at the meeting\n")
    assert [block.text for block in extract(path).text_blocks] == ["# Workplan notes", "Agreed at the meeting"]


def test_markdown_pipe_table_reads_without_its_alignment_line_and_edge_pipes(tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_text(
        "# Shelter working group plan 2030\n\n"
        "| Activity | Lead | Partners |\n"
        "|:---|---|---:|\n"
        "| Repair roofs in the camps | NGO A | NGO B<br>NGO C |\n"
        "| Train the site committees | NGO D | |\n",
        encoding="utf-8",
    )
    assert grid_of(path) == [
        [
            ["Activity", "Lead", "Partners"],
            ["Repair roofs in the camps", "NGO A", "NGO B\nNGO C"],
            ["Train the site committees", "NGO D", ""],
        ]
    ]


def test_pipe_delimited_export_without_edge_pipes_keeps_every_field(tmp_path: Path) -> None:
    path = tmp_path / "export.txt"
    path.write_text("Activity|Lead|Status\n---|x|---\nTrain staff|NGO A|Done\n", encoding="utf-8")
    assert grid_of(path) == [[["Activity", "Lead", "Status"], ["---", "x", "---"], ["Train staff", "NGO A", "Done"]]]


def test_tables_one_under_another_are_tables_each_after_their_title_lines(tmp_path: Path) -> None:
    path = tmp_path / "tracker.csv"
    rows = "Area,Activity,Lead,Q1,Q2,Status\n" + "".join(f"WASH,Drill well {n},Agency A,X,,Ongoing\n" for n in range(4))
    path.write_text(
        f"{rows}\nSummary by status\nTotal,4\nOngoing,4\n\nFocal points\nName,Agency,Email\nA. B.,Agency A,ab@x.org\n"
    )
    assert sniff_delimiter(path.read_text()) == ","
    assert [len(table) for table in grid_of(path)] == [5, 2, 2]
    assert [block.text for block in extract(path).text_blocks] == ["Summary by status", "Focal points"]


@pytest.mark.parametrize(
    ("above", "title"),
    [("Shelter repairs tracker 2031\n\n", "Shelter repairs tracker 2031"), ("", None)],
)
def test_the_title_is_a_line_above_the_rows_never_a_block_under_them(
    tmp_path: Path, above: str, title: str | None
) -> None:
    path = tmp_path / "export.csv"
    rows = "Code,Activity,Status\n" + "".join(f"{n},Repair roof {n},Done\n" for n in range(1, 4))
    path.write_text(f"{above}{rows}\nTotals by status\nDone,3\nOpen,0\n\nNote: figures at month end\n")
    assert extract(path).title == title


def test_prose_paragraphs_with_commas_between_blank_lines_stay_text(tmp_path: Path) -> None:
    text = "First, a note.\n\nThen, another one, longer.\n\nLast, the end.\n"
    assert sniff_delimiter(text) is None
