"""The newer commands (show, explain, registry, review, resolve, load, query --lake) attacked with bad input: each
mistake is one `error:` (or `warning:`) line and the README's exit status, never a traceback, and nothing is
written that the user did not ask for."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import duckdb
import pytest
from click.testing import Result

from pipeline.ingest import ingest
from tests.pipeline.test_cli_faults import GOOD, SMALL, error_lines, invoke

WIDE = "Organisation for the Rehabilitation and Development of the Rural Communities of the Northern Region"


def one_error(result: Result, status: int) -> str:
    """The one error line of a command that stopped with `status`."""
    assert result.exit_code == status, result.output + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert "Errno" not in lines[0] and "Error:" not in lines[0], lines[0]  # words, not an exception's repr
    return lines[0]


@pytest.mark.parametrize(
    "arguments",
    [
        ["reconcile", "--port", "99999"],
        ["query", "select 1", "--format", "xml"],
        ["ingest"],
        ["ingest", str(GOOD), "--frobnicate"],
        ["registry", "search"],
        ["registry", "search", "  "],
        ["explain", str(GOOD), "--rows", "-1"],
        ["review", "--limit", "-5"],
        ["no-such-command"],
    ],
)
def test_a_usage_mistake_is_one_error_line_naming_the_help(arguments: list[str]) -> None:
    line = one_error(invoke(*arguments), 2)
    assert line.endswith("-h`)")


@pytest.fixture()
def loaded(tmp_path: Path) -> tuple[Path, Path]:
    """A database with one plan loaded from a path relative to the working folder, and that folder."""
    work = tmp_path / "work"
    work.mkdir()
    shutil.copy(GOOD, work / "plan.tsv")
    cwd = Path.cwd()
    os.chdir(work)
    try:
        ingest([Path("plan.tsv")], work / "w.duckdb")
    finally:
        os.chdir(cwd)
    return work, work / "w.duckdb"


def test_show_finds_a_file_by_its_bytes_wherever_it_was_loaded_from(loaded: tuple[Path, Path]) -> None:
    work, db_path = loaded
    shown = invoke("show", work / "plan.tsv", "--db", db_path)  # loaded as plan.tsv, asked by its full path
    assert shown.exit_code == 0 and shown.stdout.startswith("plan.tsv (text")


def test_show_says_which_versions_a_path_loaded(loaded: tuple[Path, Path]) -> None:
    work, db_path = loaded
    (work / "plan.tsv").write_text(GOOD.read_text(encoding="utf-8") + "Print the leaflets\tUNICEF\t\n", "utf-8")
    cwd = Path.cwd()
    os.chdir(work)
    try:
        ingest([Path("plan.tsv")], db_path)
        current = invoke("show", "plan.tsv", "--db", db_path, "--json")  # the file's bytes say which version
        (work / "plan.tsv").unlink()
        gone = invoke("show", "plan.tsv", "--db", db_path)
    finally:
        os.chdir(cwd)
    with duckdb.connect(str(db_path), read_only=True) as con:
        (newest,) = con.execute("select document_id from documents order by ingested_at desc limit 1").fetchone()
    assert current.exit_code == 0 and f'"document_id": "{newest}"' in current.stdout
    line = one_error(gone, 1)
    assert line.startswith("error: 2 loaded documents are 'plan.tsv': ") and newest in line


def test_show_of_a_document_that_failed_says_why(tmp_path: Path) -> None:
    empty, db_path = tmp_path / "empty.txt", tmp_path / "w.duckdb"
    empty.write_bytes(b"")
    ingest([empty, GOOD], db_path)
    assert one_error(invoke("show", empty, "--db", db_path), 1) == f"error: {empty} did not load: empty_file: " + (
        "the file is empty"
    )


def registry_import(tmp_path: Path, content: bytes, *arguments: object) -> tuple[Result, Path]:
    listed, into = tmp_path / "partners.csv", tmp_path / "user_actors.csv"
    listed.write_bytes(content)
    return invoke("registry", "import", listed, "--into", into, *arguments), into


@pytest.mark.parametrize(
    "content",
    [
        "name;acronym;country\nSoci\xe9t\xe9 Rurale Agir;SRA;NER\n".encode("cp1252"),  # Excel, French locale
        "sep=;\nname;acronym;country\nSociété Rurale Agir;SRA;NER\n".encode(),  # Excel's stated separator
        "name\tacronym\tcountry\nSociété Rurale Agir\tSRA\tNER\n".encode("utf-16"),  # "Unicode text"
    ],
)
def test_registry_import_reads_a_list_as_a_spreadsheet_saves_it(tmp_path: Path, content: bytes) -> None:
    result, into = registry_import(tmp_path, content)
    assert result.exit_code == 0, result.stderr
    assert "Société Rurale Agir" in into.read_text(encoding="utf-8")
    assert "1 row: 1 added" in result.stdout


def test_registry_import_refuses_a_list_naming_a_column_twice(tmp_path: Path) -> None:
    result, into = registry_import(tmp_path, b"name,acronym,name\nRural Aid,RA,Aid\n")
    assert one_error(result, 1).endswith("two columns are named 'name'; keep one") and not into.exists()


def test_registry_import_of_a_folder_or_a_missing_file_says_so(tmp_path: Path) -> None:
    into = tmp_path / "user_actors.csv"
    assert one_error(invoke("registry", "import", tmp_path, "--into", into), 1).endswith("a folder, not a CSV file")
    missing = tmp_path / "partners.csv"
    assert one_error(invoke("registry", "import", missing, "--into", into), 1) == f"error: {missing}: no such file"


def test_registry_import_into_a_folder_or_another_csv_writes_nothing(tmp_path: Path) -> None:
    other = tmp_path / "notes.csv"
    other.write_bytes(b"\xff\xfetitle,text\n")
    for target in (tmp_path, other):
        result = registry_import(tmp_path, b"name\nRural Aid\n", "--into", target)[0]  # the last --into wins
        assert one_error(result, 2).startswith(f"error: --into {target}: ")
    assert other.read_bytes() == b"\xff\xfetitle,text\n"


def test_commands_that_read_never_create_a_database(tmp_path: Path) -> None:
    missing, out = tmp_path / "typo.duckdb", tmp_path / "out"
    for command in (
        ["review", "--list"],
        ["resolve"],
        ["review", "--accept", "UNICEI=unicef"],
        ["export", "--format", "csv", "--out", out],
        ["report", "--out", out],
        ["query", "select 1"],
        ["show", "1"],
    ):
        assert one_error(invoke(*command, "--db", missing), 1).startswith(f"error: no database at {missing}")
    assert not missing.exists() and not out.exists()


@pytest.fixture()
def queue(tmp_path: Path) -> Path:
    """A database with a long unknown organisation waiting for review."""
    plan, db_path = tmp_path / "plan.tsv", tmp_path / "w.duckdb"
    plan.write_text(f"Activity\tLead\tQ1\nTrain the staff\t{WIDE}\tX\n", encoding="utf-8")
    ingest([plan], db_path)
    return db_path


def test_review_export_is_checked_before_any_decision(queue: Path, tmp_path: Path) -> None:
    notes = tmp_path / "notes.csv"
    notes.write_text("title,text\nmeeting,notes\n", encoding="utf-8")
    for target, why in ((tmp_path, "a folder is in the way"), (notes, "not a decisions CSV")):
        result = invoke("review", "--db", queue, "--accept", f"{WIDE}=-", "--export", target)
        assert why in one_error(result, 2)
    assert notes.read_text(encoding="utf-8") == "title,text\nmeeting,notes\n"
    with duckdb.connect(str(queue), read_only=True) as con:
        assert con.execute("select count(*) from review_decisions").fetchone() == (0,)


def test_a_review_session_ends_with_its_input(queue: Path) -> None:
    session = invoke("review", "--db", queue, input="")  # no terminal, nothing typed: as `q`
    assert session.exit_code == 0
    assert "decided: nothing; skipped 0. Still waiting: 1 mention texts" in " ".join(session.stdout.split())


def test_a_decision_on_a_text_no_mention_reads_is_a_warning(queue: Path) -> None:
    result = invoke("review", "--db", queue, "--accept", "UNICEI=unicef")
    assert result.exit_code == 0
    assert result.stderr.startswith("warning: no mention reads 'UNICEI'")


def test_review_and_resolve_print_whole_lines_in_a_pipe(queue: Path) -> None:
    listed = invoke("review", "--db", queue, "--list")
    assert WIDE in listed.stdout  # one cell, not folded at 80 columns
    resolved = invoke("resolve", "--db", queue)
    assert len(resolved.stdout.strip().splitlines()) == 1


@pytest.fixture()
def lake(tmp_path: Path) -> Path:
    """A lake of two documents."""
    folder = tmp_path / "lake"
    assert invoke("ingest", GOOD, SMALL, "--lake", folder).exit_code == 0
    return folder


def test_a_lake_file_cut_short_fails_its_document_alone(lake: Path, tmp_path: Path) -> None:
    db_path = tmp_path / "w.duckdb"
    (broken,) = [path for path in lake.glob("activities/*/*.parquet")]  # the agenda has no activities
    broken.write_bytes(broken.read_bytes()[:100])
    loaded = invoke("load", "--lake", lake, "--db", db_path)
    assert loaded.exit_code == 1
    assert error_lines(loaded) == [line for line in error_lines(loaded) if "load_failed" in line] != []
    with duckdb.connect(str(db_path), read_only=True) as con:
        assert con.execute("select path from documents").fetchall() == [(str(SMALL),)]
        assert con.execute("select path, error from ingest_errors").fetchall() == [(str(GOOD), "load_failed")]
    queried = invoke("query", "select count(*) from activities", "--lake", lake)
    assert str(broken.name) in one_error(queried, 1)


def test_a_folder_that_is_no_lake_is_one_line(tmp_path: Path) -> None:
    missing = tmp_path / "lake"
    assert "(no such folder)" in one_error(invoke("load", "--lake", missing, "--db", tmp_path / "w.duckdb"), 1)
    assert "(no such folder)" in one_error(invoke("query", "select 1", "--lake", missing), 1)


def test_a_lake_that_cannot_be_made_is_bad_usage(tmp_path: Path) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("keep me")
    line = one_error(invoke("ingest", GOOD, "--lake", a_file / "lake"), 2)
    assert line == f"error: --lake {a_file / 'lake'}: cannot create it (a file stands where a folder should)"
    assert one_error(invoke("ingest", GOOD, "--ray-address", "auto", "--db", tmp_path / "w.duckdb"), 2)
    assert not (tmp_path / "w.duckdb").exists()


def test_tables_and_explain_name_a_folder_or_a_missing_file_in_words(tmp_path: Path) -> None:
    missing = tmp_path / "plan.docx"
    assert one_error(invoke("tables", missing), 1) == f"error: {missing}: no such file"
    assert one_error(invoke("explain", missing), 1) == f"error: {missing}: no such file"
    assert one_error(invoke("tables", tmp_path), 1).startswith(f"error: {tmp_path}: a folder; tables reads one")
    assert invoke("tables", GOOD).stdout.startswith("table 0\n")  # a text file has no page to name
    (tmp_path / "workplans.toml").write_text("[[document]\n")  # explain reads no folder, nor its mappings
    assert one_error(invoke("explain", tmp_path), 1).startswith(f"error: {tmp_path}: a folder; explain reads one")
    assert one_error(invoke("explain", GOOD, "--write-mapping", tmp_path), 2).startswith("error: --write-mapping")
    assert one_error(invoke("ingest", GOOD, "--mapping", tmp_path), 2).endswith("a folder, not a mapping file")


def test_explain_keeps_long_cells_whole_in_a_pipe(tmp_path: Path) -> None:
    plan = tmp_path / "plan.tsv"
    plan.write_text(f"Activity\tLead\tQ1\nTrain the staff of every {WIDE}\tUNICEF\tX\n", encoding="utf-8")
    result = invoke("explain", plan)
    assert result.exit_code == 0 and "…" not in result.stdout
    assert WIDE.split()[-1] in result.stdout


@pytest.mark.parametrize("sql", ["", " ; -- nothing"])
def test_query_without_a_statement_is_bad_usage(database: Path, sql: str) -> None:
    assert one_error(invoke("query", sql, "--db", database), 2).startswith("error: no SQL statement to run")


def test_query_json_is_json_even_for_nan_and_infinities(database: Path) -> None:
    sql = "select 'nan'::double as a, [1.0, 'inf'::double] as b, {'x': -'inf'::double} as c, 2.5 as d"
    result = invoke("query", sql, "--db", database, "--format", "json")

    def refuse(constant: str) -> None:
        raise AssertionError(f"{constant} is no JSON")

    assert json.loads(result.stdout, parse_constant=refuse) == [
        {"a": None, "b": [1.0, None], "c": {"x": None}, "d": 2.5}
    ]


@pytest.mark.parametrize("form", ["table", "csv"])
def test_query_text_tells_nan_from_null_and_writes_intervals_as_duckdb_does(database: Path, form: str) -> None:
    sql = (
        "select 'nan'::double as a, NULL::double as b, interval 3 day + interval 2 hour as c, "
        "interval 1500 millisecond as d, interval 1 day as e"
    )
    said = invoke("query", sql, "--db", database, "--format", form).stdout
    cells = said.splitlines()[1].split(",") if form == "csv" else said.splitlines()[3].split("│")[1:-1]
    assert [cell.strip() for cell in cells] == ["NaN", "", "3 days 02:00:00", "00:00:01.5", "1 day"], said


def test_the_column_number_explain_shows_is_the_one_a_mapping_names(tmp_path: Path) -> None:
    plan, mapping = tmp_path / "plan.tsv", tmp_path / "fix.toml"
    plan.write_text("Activity\tLead\tSupport\tQ1\nTrain the staff\tUNICEF\tWHO\tX\n", encoding="utf-8")
    shown = invoke("explain", plan).stdout
    (number,) = re.findall(r"│\s*(\d+)\s*│ Support\s*│", shown)
    mapping.write_text(
        f'[[document]]\n[[document.table]]\nindex = 0\n[document.table.columns]\n"column {number}" = "partners"\n'
    )
    explained = json.loads(invoke("explain", plan, "--mapping", mapping, "--json").stdout)
    roles = {column["header"]: column["role"] for column in explained["tables"][0]["columns"]}
    assert roles["Support"] == "partners" and roles["Lead"] == "lead"


def test_ctrl_c_in_a_review_session_says_what_was_decided(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plan, db_path = tmp_path / "plan.tsv", tmp_path / "w.duckdb"
    plan.write_text("Activity\tLead\tQ1\nTrain\tZorblax Relief Society\tX\nPrint\tQuuxian Aid Network\tX\n", "utf-8")
    ingest([plan], db_path)
    answers = iter(["n"])

    def ask(*_: object, **__: object) -> str:
        for answer in answers:
            return answer
        raise KeyboardInterrupt  # the second question: Ctrl-C

    monkeypatch.setattr("rich.prompt.Prompt.ask", ask)
    result = invoke("review", "--db", db_path)
    assert result.exit_code == 130
    assert "decided: 1 not an actor; skipped 0. Still waiting: 1 mention texts" in " ".join(result.stdout.split())
    with duckdb.connect(str(db_path), read_only=True) as con:
        assert con.execute("select count(*) from review_decisions").fetchone() == (1,)


def test_a_cell_longer_than_the_csv_modules_limit_loads_whole(tmp_path: Path) -> None:
    plan, db_path = tmp_path / "plan.csv", tmp_path / "w.duckdb"
    long_cell = "Distribute kits " * 20_000  # 320,000 characters: past csv's 131,072 default
    plan.write_text(f'Activity,Lead,Q1\n"{long_cell}",UNICEF,X\nTrain teachers,WHO,X\n', "utf-8")
    result = invoke("ingest", plan, "--db", db_path)
    assert result.exit_code == 0, result.stderr
    with duckdb.connect(str(db_path), read_only=True) as con:
        activities = sorted(row[0] for row in con.execute("select activity from activities").fetchall())
        longest = con.execute("select max(length(text)) from raw_cells").fetchone()
    assert activities == sorted([long_cell.strip(), "Train teachers"]) and longest == (len(long_cell.strip()),)


def test_a_password_protected_office_file_is_encrypted_not_a_legacy_binary(tmp_path: Path) -> None:
    protected = tmp_path / "plan.xlsx"
    shutil.copy(Path(__file__).parents[1] / "fixtures" / "bad" / "password-protected.xlsx", protected)
    legacy = tmp_path / "old.xls"  # the same compound file, its stream named as an Excel 97 workbook's
    name = "EncryptedPackage\0".encode("utf-16-le")
    workbook = "Workbook\0".encode("utf-16-le").ljust(len(name), b"\0")
    data = protected.read_bytes()
    entry = data.index(name)
    legacy.write_bytes(data[:entry] + workbook + data[entry + len(name) : entry + 64] + b"\x12\0" + data[entry + 66 :])
    db_path = tmp_path / "w.duckdb"
    result = invoke("ingest", protected, legacy, SMALL, "--db", db_path)
    assert result.exit_code == 1
    assert error_lines(result) == [
        f"error: {protected}: encrypted: a password-protected Office file: save it without a password",
        f"error: {legacy}: unsupported_format: legacy Office binary (.doc/.xls/.ppt): save it as DOCX/XLSX/PPTX",
    ]
    with duckdb.connect(str(db_path), read_only=True) as con:
        errors = con.execute("select path, error from ingest_errors order by path").fetchall()
        loaded = con.execute("select count(*) from documents").fetchone()
    assert errors == [(str(legacy), "unsupported_format"), (str(protected), "encrypted")] and loaded == (1,)


def test_markup_and_terminal_commands_in_a_document_are_printed_as_text(tmp_path: Path) -> None:
    plan, db_path = tmp_path / "plan [bold].tsv", tmp_path / "w.duckdb"
    retitle, recolour = "\x1b]0;owned\x07", "\x1b[31m"
    activity = f"Train [/bold] staff [red]now :warning: {recolour}{retitle}"
    rows = [f"{activity}\tZorblax [red]\tX", *(f"Print leaflet batch {n} for the district\tWHO\tX" for n in range(30))]
    plan.write_text("\n".join(["Activity\tLead\tQ1", *rows]) + "\n", "utf-8")
    shown = "Train [/bold] staff [red]now :warning: \\x1b[31m\\x1b]0;owned\\x07"  # as typed, ESC as \x1b
    assert invoke("ingest", plan, "--db", db_path).exit_code == 0
    outputs = [
        invoke("query", 'select activity as "[b]activity" from activities', "--db", db_path),
        invoke("show", plan, "--db", db_path),
        invoke("tables", plan),
        invoke("explain", plan),
        invoke("review", "--list", "--db", db_path),
    ]
    for result in outputs:
        assert result.exit_code == 0 and "\x1b" not in result.stdout + result.stderr
    query, show, tables, explain, review = (result.stdout for result in outputs)
    assert shown in query and "[b]activity" in query and shown in tables and str(plan) in show
    assert "Train [/bold] staff [red]now :warning:" in explain and "\\x1b[31m\\x1b]0;owned\\x07" in explain
    assert "Train [/bold] staff" in review  # the example of the mention waiting
    missing = invoke("show", tmp_path / "gone\x1b[2J.tsv", "--db", db_path)
    assert missing.stderr.startswith(f"error: no loaded document is '{tmp_path}/gone\\x1b[2J.tsv'")


def test_a_duckdb_database_of_something_else_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    other = tmp_path / "sales.duckdb"
    with duckdb.connect(str(other)) as con:
        con.execute("create table documents (invoice integer)")
        con.execute("insert into documents values (42)")
    commands = [
        ["ingest", GOOD],
        ["query", "select * from documents"],
        ["report", "--out", tmp_path / "report.html"],
        ["export", "--format", "csv", "--out", tmp_path / "export"],
        ["review", "--list"],
        ["resolve"],
        ["show", "1"],
    ]
    for command in commands:
        line = one_error(invoke(*command, "--db", other), 2)
        assert line == f"error: --db: {other} is a DuckDB database of something else (no workplans tables in it)"
    with duckdb.connect(str(other), read_only=True) as con:
        assert con.execute("select table_name from duckdb_tables()").fetchall() == [("documents",)]
        assert con.execute("select * from documents").fetchall() == [(42,)]


def test_files_a_command_writes_get_their_folders(tmp_path: Path) -> None:
    db_path, out = tmp_path / "w.duckdb", tmp_path / "new" / "folder"
    ingest([GOOD], db_path)
    assert invoke("review", "--list", "--db", db_path, "--export", out / "decisions.csv").exit_code == 0
    assert invoke("explain", GOOD, "--write-mapping", out / "fix.toml").exit_code == 0
    assert invoke("report", "--db", db_path, "--out", out / "report.html").exit_code == 0
    assert sorted(path.name for path in out.iterdir()) == ["decisions.csv", "fix.toml", "report.html"]
