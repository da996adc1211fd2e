"""What the command line shows: conventions a person expects (--version, -h, listed choices, readable
metavars, tables at full width in a pipe), the per-document summary of an ingest, and `make demo`."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from importlib.metadata import version
from pathlib import Path

import duckdb
import pytest

from pipeline.cli import ExportFormat
from pipeline.export import FORMATS
from pipeline.query_cli import QueryFormat
from tests.pipeline.test_cli_faults import GOOD, SMALL, invoke

ROOT = Path(__file__).resolve().parents[2]
IMAGE_ONLY = ROOT / "tests" / "fixtures" / "bad" / "image-only.pdf"
# Wider than the 80 columns rich gives output that is no terminal.
WIDE_TEXT = "a cell far wider than eighty columns " * 4


def test_version_and_short_help() -> None:
    assert invoke("--version").stdout.strip() == f"workplans {version('workplans')}"
    assert invoke("-h").exit_code == 0 and "ingest" in invoke("-h").stdout
    assert re.search(r"Usage: \S+ query", invoke("query", "-h").stdout)


def test_help_names_arguments_as_a_person_reads_them_and_lists_the_choices() -> None:
    ingest_help, query_help = invoke("ingest", "--help").stdout, invoke("query", "--help").stdout
    assert re.search(r"Usage: \S+ ingest \[OPTIONS\] PATH\.\.\.", ingest_help)
    assert not re.search(r"\{paths\}|<list\[|<path>|<bool>\s+Re-load", ingest_help)
    assert "<table|csv|json>" in query_help
    assert all(view in " ".join(query_help.split()) for view in ("activity_timeline", "cross_sector", "review_queue"))
    assert [member.value for member in QueryFormat] == ["table", "csv", "json"]
    assert tuple(member.value for member in ExportFormat) == FORMATS


# Every command and sub-command, as a person types it.
COMMANDS = [
    [],
    ["ingest"],
    ["query"],
    ["tables"],
    ["export"],
    ["report"],
    ["explain"],
    ["show"],
    ["review"],
    ["resolve"],
    ["registry"],
    ["registry", "search"],
    ["registry", "import"],
    ["reconcile"],
    ["load"],
]
# What an option's value is shown as when nobody chose a name for it: its own name in capitals.
UNCHOSEN_METAVAR = re.compile(r"--(db|limit|accept|export|host|country)\s+(DB|LIMIT|ACCEPT|EXPORT|HOST)\b")


@pytest.mark.parametrize("command", COMMANDS, ids=lambda command: " ".join(command) or "workplans")
def test_help_teaches_by_example_with_values_a_person_reads(command: list[str]) -> None:
    text = invoke(*command, "-h").stdout
    assert not re.search(r"<(?:bool|int|float|path|text)>", text)
    assert not UNCHOSEN_METAVAR.search(text)
    assert re.search(r"Example: workplans", text)
    if command not in ([], ["registry"]):  # a command, not a group of them
        assert "Exit status:" in " ".join(text.split())


def test_help_names_the_values_of_review(database: Path) -> None:
    text = " ".join(invoke("review", "-h").stdout.split())
    for shown in ("--db FILE", "--limit N", "--accept RAW=ACTOR_ID", "--export FILE.csv"):
        assert shown in text


def test_query_and_export_list_every_view_and_export_writes_each(database: Path, tmp_path: Path) -> None:
    with duckdb.connect(str(database), read_only=True) as con:
        views = {name for (name,) in con.execute("select view_name from duckdb_views() where not internal").fetchall()}
    assert {"plans", "actor_mention_counts"} <= views
    for command in (["query"], ["export"]):
        text = " ".join(invoke(*command, "-h").stdout.split())
        assert all(view in text for view in views), command
    invoke("export", "--db", database, "--format", "csv", "--out", tmp_path)
    assert {path.name for path in tmp_path.iterdir()} >= {f"{view}.csv" for view in views}


def test_the_commands_are_listed_in_the_order_of_the_work() -> None:
    listed = re.findall(r"^│ (\w+) ", invoke("-h").stdout, re.M)
    assert listed[:3] == ["ingest", "tables", "query"] and listed.index("show") < listed.index("load")


def test_an_unknown_format_is_bad_usage(database: Path) -> None:
    assert invoke("query", "select 1", "--db", database, "--format", "xml").exit_code == 2


def test_a_table_in_a_pipe_is_not_cut_at_80_columns(database: Path) -> None:
    result = invoke("query", f"select '{WIDE_TEXT.strip()}' as wide, 1 as n", "--db", database)
    assert WIDE_TEXT.strip() in result.stdout


def test_ingest_shows_each_document_with_its_warnings(tmp_path: Path) -> None:
    shutil.copy(GOOD, tmp_path / GOOD.name)
    shutil.copy(SMALL, tmp_path / SMALL.name)
    shutil.copy(IMAGE_ONLY, tmp_path / IMAGE_ONLY.name)
    result = invoke("ingest", tmp_path, "--db", tmp_path / "w.duckdb")
    header = next(line for line in result.stdout.splitlines() if "document" in line)
    assert re.findall(r"\w[\w ]*\w", header) == [
        "document",
        "format",
        "pages",
        "tables",
        "activities",
        "pending",
        "provisional",
        "not actor",
        "warnings",
        "copy of",
    ]
    rows = {line.split("│")[1].strip(): line for line in result.stdout.splitlines() if "│" in line}
    assert "no_text_layer" in rows[str(tmp_path / IMAGE_ONLY.name)]
    assert str(tmp_path / GOOD.name) in rows and "3 loaded" in result.stderr


def test_ingest_json_tells_the_fate_of_every_file(tmp_path: Path) -> None:
    shutil.copy(GOOD, tmp_path / "a.tsv")
    shutil.copy(GOOD, tmp_path / "b.tsv")
    (tmp_path / "empty.txt").write_text("")
    result = invoke("ingest", tmp_path, "--db", tmp_path / "w.duckdb", "--json")
    fates = {Path(item["path"]).name: item for item in json.loads(result.stdout)}
    assert {name: item["state"] for name, item in fates.items()} == {
        "a.tsv": "loaded",
        "b.tsv": "duplicate",
        "empty.txt": "failed",
    }
    assert fates["a.tsv"]["activities"] == 5 and fates["empty.txt"]["error"] == "empty_file"
    assert fates["b.tsv"]["message"] == f"duplicate of {tmp_path / 'a.tsv'}"


def test_files_the_readme_examples_write_are_ignored_by_git() -> None:
    examples = "\n".join(re.findall(r"```sh\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S))
    written = set(
        re.findall(r"--out (\S+)|> (\S+\.csv)|--db (\S+\.duckdb)|--lake (\S+)|--write-mapping (\S+)", examples)
    )
    paths = {path for match in written for path in match if path and not path.startswith(("/", "~", "$"))}
    assert {"summary.html", "exports/csv", "cross_sector.csv", "plans.duckdb", "lake/", "my_partners.csv"} <= paths
    ignored = subprocess.run(["git", "check-ignore", *sorted(paths)], cwd=ROOT, capture_output=True, text=True)
    assert sorted(ignored.stdout.split()) == sorted(paths)


def make_demo(tmp_path: Path, samples: Path, db_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["make", "--no-print-directory", "demo", f"SAMPLES={samples}", f"DB={db_path}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )


def test_make_demo_fails_when_ingest_fails_but_not_for_a_document(tmp_path: Path) -> None:
    samples = tmp_path / "samples"
    samples.mkdir()
    shutil.copy(GOOD, samples / GOOD.name)
    (samples / "empty.txt").write_text("")  # a document-level error: the demo still finishes
    finished = make_demo(tmp_path, samples, tmp_path / "demo.duckdb")
    assert finished.returncode == 0, finished.stderr
    assert "error:" in finished.stderr and "documents" in finished.stdout
    (tmp_path / "a-folder.duckdb").mkdir()
    stopped = make_demo(tmp_path, samples, tmp_path / "a-folder.duckdb")  # the ingest itself fails
    assert stopped.returncode != 0
