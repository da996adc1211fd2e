"""Actors in an open world, end to end: the document's country, provisional actors kept as actors and
reused across documents, mentions that name no one kept apart (pipeline/sql/005_open_world_actors.sql)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pytest

from pipeline.ingest import ingest

# Two invented plans of one country naming the same unknown organisation, and generic collectives.
FIRST_PLAN = (
    "Nutrition Cluster Workplan – Yemen 2025\n\n"
    "Activity\tLead\tPartners\tQ1\tQ2\n"
    "Screen children for acute malnutrition\tUNICEF\tRural Aid Network (RAN), partners\tX\t\n"
    "Train community volunteers\twfp\tHadramout Women Development Association; TBD\t\tX\n"
)
SECOND_PLAN = (
    "Health Cluster Workplan – Yemen 2025\n\n"
    "Activity\tLead\tPartners\tQ1\n"
    "Run mobile clinics\tWHO\tRural Aid Network (RAN)\tX\n"
    "Chair the monthly meeting\tNutrition Cluster Coordinator\tUNICEF\tX\n"
)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("open-world")
    (folder / "nutrition.tsv").write_text(FIRST_PLAN, encoding="utf-8")
    (folder / "health.tsv").write_text(SECOND_PLAN, encoding="utf-8")
    path = folder / "workplans.duckdb"
    summary = ingest([folder / "nutrition.tsv", folder / "health.tsv"], path)
    assert summary.loaded == 2 and not summary.failed
    return path


def rows(database: Path, sql: str) -> list[tuple[Any, ...]]:
    with duckdb.connect(str(database), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_documents_know_their_country_and_how(database: Path) -> None:
    assert set(rows(database, "select country, country_source from documents")) == {("YEM", "title")}


def test_unknown_organisation_is_one_provisional_actor_across_documents(database: Path) -> None:
    actors = rows(
        database,
        "select actor_id, name, acronym, country, provisional from actors where name = 'Rural Aid Network'",
    )
    assert actors == [("p-rural-aid-network-yem", "Rural Aid Network", "RAN", "YEM", True)]
    documents = rows(
        database,
        "select count(distinct a.document_id) from activity_actors aa join activities a using (activity_id) "
        "where aa.actor_id = 'p-rural-aid-network-yem'",
    )
    assert documents == [(2,)]


def test_collectives_are_never_actors_but_are_counted(database: Path) -> None:
    assert rows(database, "select name from actors where lower(name) in ('partners', 'members', 'tbd')") == []
    not_actors = rows(database, "select raw, actor_id from activity_actors where method = 'not_actor' order by raw")
    assert not_actors == [("TBD", None), ("partners", None)]
    counts = rows(database, "select sum(provisional), sum(not_actor), sum(resolved) from actor_mention_counts")
    assert counts == [(3, 2, 5)]


def test_provisional_actors_wait_in_the_review_queue(database: Path) -> None:
    queued = rows(database, "select raw, method from review_queue where method = 'provisional' order by raw")
    assert ("Hadramout Women Development Association", "provisional") in queued
    assert rows(database, "select count(*) from actor_load where actor = 'partners'") == [(0,)]


def test_a_role_is_one_actor_whose_parent_is_its_body(database: Path) -> None:
    role = rows(database, "select name, actor_type, parent_id, country from actors where actor_id like '%--%'")
    assert role == [("Nutrition Cluster Coordinator", "role", "yem-nutrition-cluster", "YEM")]
    load = rows(database, "select actor, parent, led from actor_load where parent is not null")
    assert load == [("Nutrition Cluster Coordinator", "Nutrition Cluster", 1)]


# A 3W sheet: partners typed one per line inside a cell (Alt+Enter), a role of an unknown body.
LINE_BREAK_ROWS = [
    ("Activity", "Lead", "Partners", "Q1"),
    ("Rehabilitate water points", "WASH Cluster Coordinator with UNICEF", "Qandil\nREACH\nHarikar", "X"),
    ("Distribute hygiene kits", "CWG co-chairs", "Public Aid Organization (PAO) & Tearfund", "X"),
]


@pytest.fixture(scope="module")
def line_break_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from openpyxl import Workbook

    folder = tmp_path_factory.mktemp("line-breaks")
    workbook = Workbook()
    for row in LINE_BREAK_ROWS:
        workbook.active.append(row)
    workbook.save(folder / "iraq_wash_3w_2025.xlsx")
    path = folder / "workplans.duckdb"
    assert ingest([folder / "iraq_wash_3w_2025.xlsx"], path).loaded == 1
    return path


def mentions_by_activity(database: Path) -> list[tuple[Any, ...]]:
    return rows(
        database,
        "select a.activity, aa.role, aa.raw, aa.actor_id from activity_actors aa join activities a using (activity_id) "
        "order by a.activity, aa.role, aa.raw",
    )


def test_line_breaks_separate_actors_and_the_text_is_stored_clean(line_break_database: Path) -> None:
    assert rows(line_break_database, "select partners_raw from activities order by activity") == [
        ("Public Aid Organization (PAO) & Tearfund",),
        ("Qandil REACH Harikar",),  # clean text, one line
    ]
    assert mentions_by_activity(line_break_database) == [
        ("Distribute hygiene kits", "lead", "CWG co-chairs", "p-cwg-irq--co-chair"),
        ("Distribute hygiene kits", "partner", "Public Aid Organization (PAO)", "p-public-aid-organization-irq"),
        ("Distribute hygiene kits", "partner", "Tearfund", "tearfund"),
        ("Rehabilitate water points", "lead", "UNICEF", "unicef"),
        ("Rehabilitate water points", "lead", "WASH Cluster Coordinator", "irq-wash-cluster--coordinator"),
        ("Rehabilitate water points", "partner", "Harikar", "p-harikar-irq"),
        ("Rehabilitate water points", "partner", "Qandil", "p-qandil-irq"),
        ("Rehabilitate water points", "partner", "REACH", "reach"),
    ]


def test_resolve_reads_the_line_breaks_back(line_break_database: Path) -> None:
    from normalizers.actors import load_registry
    from pipeline import db
    from pipeline.review import apply_stored_decisions, resolve_database

    before = mentions_by_activity(line_break_database)
    con = db.open_db(line_break_database)
    try:
        resolve_database(con, load_registry())
        apply_stored_decisions(con)
    finally:
        con.close()
    assert mentions_by_activity(line_break_database) == before


def test_a_role_of_an_unknown_body_has_that_body_as_its_parent(line_break_database: Path) -> None:
    actors = rows(
        line_break_database,
        "select actor_id, name, actor_type, parent_id from actors where actor_id like 'p-cwg-irq%'",
    )
    assert sorted(actors) == [
        ("p-cwg-irq", "CWG", "other", None),
        ("p-cwg-irq--co-chair", "CWG co-chairs", "role", "p-cwg-irq"),
    ]


def test_provisional_actors_written_in_several_statements_are_all_kept(
    database: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    from pipeline import db, review

    copy = tmp_path / "copy.duckdb"
    shutil.copy(database, copy)
    query = "select actor_id, name, acronym, actor_type, country, parent_id from provisional_actors order by actor_id"
    kept = rows(copy, query)
    assert len(kept) >= 3
    con = db.open_db(copy)
    try:
        con.execute("delete from provisional_actors")
        monkeypatch.setattr(db, "ROWS_PER_STATEMENT", 2)  # three or more actors: two statements or more
        assert review.register_provisional_actors(con) == len(kept)
    finally:
        con.close()
    assert rows(copy, query) == kept


def test_names_typed_one_a_line_in_a_pdf_cell_are_separate_actors(tmp_path: Path) -> None:
    pdf = Path(__file__).parent.parent / "fixtures" / "pdf" / "ruled-line-breaks.pdf"
    path = tmp_path / "workplans.duckdb"
    assert ingest([pdf], path).loaded == 1
    assert ("Herders Union\nRed Crescent\nValley Vets",) in rows(path, "select text from raw_cells")
    partners = rows(
        path,
        "select aa.raw from activity_actors aa join activities a using (activity_id) "
        "where a.partners_raw = 'Herders Union Red Crescent Valley Vets' and aa.role = 'partner' order by aa.raw",
    )
    assert partners == [("Herders Union",), ("Red Crescent",), ("Valley Vets",)]


@pytest.mark.parametrize("first", ["Comité Local de Veille", "Comite local de veille"])
def test_a_provisional_actor_keeps_one_spelling_whatever_the_order_of_its_documents(
    database: Path, tmp_path: Path, first: str
) -> None:
    import shutil

    from pipeline import db
    from pipeline.frames import PROVISIONAL_ACTOR_COLUMNS, Frame

    copy = tmp_path / "copy.duckdb"
    shutil.copy(database, copy)
    spellings = [first, *({"Comité Local de Veille", "Comite local de veille"} - {first})]
    con = db.open_db(copy)
    try:
        for name in spellings:  # two write groups, one spelling each, in the order given
            db.keep_provisional_actors(
                con,
                Frame(PROVISIONAL_ACTOR_COLUMNS, [("p-comite-local-de-veille-ner", name, None, "cbo", "NER", None)]),
            )
            con.execute(db.PROVISIONAL_ACTORS_INSERT)
        kept = con.execute("select name from provisional_actors where actor_id = 'p-comite-local-de-veille-ner'")
        assert kept.fetchall() == [(min(spellings),)]
        listed = con.execute("select name from actors where actor_id = 'p-comite-local-de-veille-ner'")
        assert listed.fetchall() == [(min(spellings),)]
    finally:
        con.close()


def test_a_doubtful_reading_waits_for_review_with_its_reason(tmp_path: Path) -> None:
    plan = (
        "WASH Cluster Workplan – Malawi 2025\n\n"
        "Activity\tLead\tPartners\tQ1\n"
        "Repair boreholes\tUNICEF\tTearfund, Mangochi\tX\n"
    )
    (tmp_path / "wash.tsv").write_text(plan, encoding="utf-8")
    path = tmp_path / "workplans.duckdb"
    assert ingest([tmp_path / "wash.tsv"], path).loaded == 1
    queued = rows(path, "select raw, method, doubt from review_queue where role = 'partner'")
    assert queued == [("Mangochi", "review", "piece_beside_actor")]
    kept = rows(path, "select raw, actor_id, doubt from activity_actors where role = 'partner' order by raw")
    assert kept == [("Mangochi", None, "piece_beside_actor"), ("Tearfund", "tearfund", None)]
