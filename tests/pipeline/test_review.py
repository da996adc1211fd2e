"""The review queue: decisions kept, applied to every same mention, exported and reused."""

import csv
from pathlib import Path

import duckdb
import pytest
from click.testing import Result
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.ingest import ingest
from pipeline.review import NOT_ACTOR, decide, export_decisions, pending_mentions, resolve_database

PLAN = (
    "Activity\tLead\tPartners\tQ1\n"
    "Train staff on case management\tZorblax Relief Society\tUNICEF\tX\n"
    "Roll out the toolbox\tZorblax Relief Society\tN/A list\tX\n"
)


@pytest.fixture()
def db_path(tmp_path: Path) -> Path:
    plan = tmp_path / "plan.tsv"
    plan.write_text(PLAN, encoding="utf-8")
    path = tmp_path / "review.duckdb"
    ingest([plan], path)
    return path


def mentions(con: duckdb.DuckDBPyConnection, raw: str) -> list[tuple]:
    return con.execute("select actor_id, method from activity_actors where raw = ? order by all", [raw]).fetchall()


def test_unknown_actor_waits_in_the_queue(db_path: Path) -> None:
    with duckdb.connect(str(db_path)) as con:
        queue = {item.raw: item for item in pending_mentions(con)}
    assert queue["Zorblax Relief Society"].occurrences == 2


def test_a_decision_applies_to_every_same_mention_and_survives_resolve(db_path: Path) -> None:
    with duckdb.connect(str(db_path)) as con:
        assert decide(con, "Zorblax Relief Society", "unicef") == 2
        assert mentions(con, "Zorblax Relief Society") == [("unicef", "reviewed")] * 2
        from normalizers.actors import load_registry
        from pipeline.review import apply_stored_decisions

        resolve_database(con, load_registry())
        apply_stored_decisions(con)
        assert mentions(con, "Zorblax Relief Society") == [("unicef", "reviewed")] * 2
        assert "Zorblax Relief Society" not in {item.raw for item in pending_mentions(con)}


def test_not_an_actor_leaves_the_queue_and_is_exported(db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "reviewed_aliases.csv"
    with duckdb.connect(str(db_path)) as con:
        decide(con, "N/A list", None)
        assert mentions(con, "N/A list") == [(None, "not_actor")]  # kept, as naming no one
        assert export_decisions(con, out) == 1
    with out.open(encoding="utf-8") as handle:
        assert [(row["raw"], row["actor_id"]) for row in csv.DictReader(handle)] == [("N/A list", NOT_ACTOR)]


def test_review_command_accepts_without_prompting(db_path: Path) -> None:
    result = CliRunner().invoke(app, ["review", "--db", str(db_path), "--accept", "Zorblax Relief Society=unicef"])
    assert result.exit_code == 0, result.output
    with duckdb.connect(str(db_path)) as con:
        assert mentions(con, "Zorblax Relief Society") == [("unicef", "reviewed")] * 2


def test_decisions_are_reused_by_a_later_ingest_and_created_actors_survive(db_path: Path, tmp_path: Path) -> None:
    from pipeline.review import create_actor

    with duckdb.connect(str(db_path)) as con:
        actor_id = create_actor(con, "Zorblax Relief Society", "ZRS", "nngo")
        decide(con, "Zorblax Relief Society", actor_id)
    plan = tmp_path / "plan.tsv"
    ingest([plan], db_path, force=True)
    with duckdb.connect(str(db_path)) as con:
        assert mentions(con, "Zorblax Relief Society") == [(actor_id, "reviewed")] * 2
        assert con.execute("select name from actors where actor_id = ?", [actor_id]).fetchone() == (
            "Zorblax Relief Society",
        )


def test_a_decision_resolves_the_same_mention_in_another_document(db_path: Path, tmp_path: Path) -> None:
    with duckdb.connect(str(db_path)) as con:
        decide(con, "Zorblax Relief Society", "unicef")
    other = tmp_path / "other-plan.tsv"
    other.write_text("Activity\tLead\tQ2\nRun the referral hotline\tZorblax Relief Society\tX\n", encoding="utf-8")
    ingest([other], db_path)
    with duckdb.connect(str(db_path)) as con:
        rows = con.execute(
            "select a.activity, aa.actor_id, aa.method from activity_actors aa join activities a using (activity_id) "
            "where aa.raw = 'Zorblax Relief Society' and a.activity like 'Run the referral%'"
        ).fetchall()
    assert rows == [("Run the referral hotline", "unicef", "reviewed")]


def test_one_number_of_mentions_to_review_everywhere(db_path: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["review", "--db", str(db_path), "--accept", "Zorblax Relief Society=-"]).exit_code == 0
    plan = tmp_path / "second.tsv"
    plan.write_text(PLAN.replace("Roll out", "Print").replace("N/A list", "Quuxian Aid Network"), encoding="utf-8")
    ingested = runner.invoke(app, ["ingest", str(plan), "--db", str(db_path)])
    with duckdb.connect(str(db_path), read_only=True) as con:
        (queued,) = con.execute("select count(*) from review_queue").fetchone()
        (texts,) = con.execute("select count(distinct raw) from review_queue").fetchone()
        (of_plan,) = con.execute("select count(*) from review_queue where path = ?", [str(plan)]).fetchone()
    assert queued > of_plan > 0 and texts > 1
    assert f"{of_plan} actor mentions to review" in " ".join(ingested.stderr.split())
    resolved = runner.invoke(app, ["resolve", "--db", str(db_path)])
    assert f"{queued} to review" in resolved.stdout
    listed = runner.invoke(app, ["review", "--db", str(db_path), "--list", "--limit", "1"])
    assert f"1 of {texts} mention texts waiting for review ({queued} mentions)" in listed.stdout


def review(db_path: Path, *arguments: str, answers: str | None = None) -> Result:
    return CliRunner().invoke(app, ["review", "--db", str(db_path), *arguments], input=answers)


def test_an_unknown_id_is_refused_with_the_registrys_closest_actors(db_path: Path) -> None:
    result = review(db_path, "--accept", "Zorblax Relief Society=unicf")
    assert result.exit_code == 2
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("error: no actor 'unicf'; closest: unicef (United Nations Children's Fund")
    assert "workplans registry search" in line
    with duckdb.connect(str(db_path)) as con:
        assert {method for _, method in mentions(con, "Zorblax Relief Society")} == {"provisional"}
        assert con.execute("select count(*) from review_decisions").fetchone() == (0,)


@pytest.mark.parametrize("accept", ["Zorblax Relief Society", "=unicef", "Zorblax Relief Society=", " = "])
def test_a_malformed_accept_is_refused(db_path: Path, accept: str) -> None:
    result = review(db_path, "--accept", accept)
    assert result.exit_code == 2
    assert result.stderr.startswith("error: --accept wants RAW=ACTOR_ID")


def test_no_decision_is_applied_when_one_of_several_is_refused(db_path: Path) -> None:
    result = review(db_path, "--accept", "N/A list=-", "--accept", "Zorblax Relief Society=no-such-actor")
    assert result.exit_code == 2
    with duckdb.connect(str(db_path)) as con:
        assert con.execute("select count(*) from review_decisions").fetchone() == (0,)


def test_each_decision_is_confirmed_and_the_last_one_undone(db_path: Path) -> None:
    with duckdb.connect(str(db_path)) as con:
        before = mentions(con, "Zorblax Relief Society")
    accepted = review(db_path, "--accept", "Zorblax Relief Society=unicef")
    assert "'Zorblax Relief Society' -> unicef (United Nations Children's Fund): 2 mentions" in accepted.stdout
    redecided = review(db_path, "--accept", "Zorblax Relief Society=who")
    assert redecided.exit_code == 0
    with duckdb.connect(str(db_path)) as con:
        assert mentions(con, "Zorblax Relief Society") == [("who", "reviewed")] * 2
    undone = review(db_path, "--undo")
    assert "undone: the decision on 'Zorblax Relief Society'" in undone.stdout
    with duckdb.connect(str(db_path)) as con:
        assert mentions(con, "Zorblax Relief Society") == [("unicef", "reviewed")] * 2
    review(db_path, "--undo")
    with duckdb.connect(str(db_path)) as con:
        assert mentions(con, "Zorblax Relief Society") == before
        assert con.execute("select count(*) from review_decisions").fetchone() == (0,)
    assert "nothing to undo" in review(db_path, "--undo").stdout


def test_an_interactive_session_confirms_undoes_and_summarises(db_path: Path) -> None:
    result = review(db_path, answers="i\nunicf\ni\nunicef\nu\nn\nq\n")
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    assert (
        "no actor 'unicf'; closest: unicef (United Nations Children's Fund" in text
    )  # refused, the mention asked about again later
    assert "-> unicef (United Nations Children's Fund): 2 mentions" in text
    assert "undone: the decision on 'Zorblax Relief Society'" in text
    assert "decided: 1 actor, 1 not an actor, 1 undone; skipped 0." in text
    with duckdb.connect(str(db_path)) as con:
        decisions = con.execute("select raw, actor_id, not_actor from review_decisions").fetchall()
    assert decisions == [("Zorblax Relief Society", None, True)]


def test_a_created_actor_goes_with_the_undone_decision(db_path: Path) -> None:
    result = review(db_path, answers="c\nZorblax Relief Society\nZRS\nnngo\nu\nq\n")
    assert result.exit_code == 0, result.output
    with duckdb.connect(str(db_path)) as con:
        assert con.execute("select count(*) from reviewed_actors").fetchone() == (0,)
        assert con.execute(
            "select count(*) from actors where name = 'Zorblax Relief Society' and not provisional"
        ).fetchone() == (0,)
