"""One unknown organisation under two spellings, end to end: the loader routes the mentions of a provisional name
like another of its country to review (a misspelt word of its own; a misspelt common word is corrected, below),
says why (activity_actors.doubt) and suggests the alike actor; it never joins them, and names that merely share
organisation words, or are of another country, are left alone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pytest

from normalizers.actor_likeness import LIKENESS_DOUBT
from normalizers.actor_spelling import SPELLING_DOUBT
from pipeline.ingest import ingest
from pipeline.review import decide, say_alike_provisional_names

FIRST_PLAN = (
    "Livelihoods Sector Workplan – Tanzania 2025\n\n"
    "Activity\tLead\tPartners\tQ1\n"
    "Restock fishing boats\tFAO\tTanganyika Fishermen Cooperative Society\tX\n"
    "Train women's groups\tFAO\tAssociation des Femmes de Kabalo\tX\n"
)
SECOND_PLAN = (
    "Food Security Sector Workplan – Tanzania 2025\n\n"
    "Activity\tLead\tPartners\tQ1\n"
    "Distribute nets\tWFP\tTanganika Fishermen Cooperative Society\tX\n"
    "Run savings groups\tWFP\tAssociation des Femmes de Kalemie\tX\n"
)
OTHER_COUNTRY_PLAN = (
    "Livelihoods Sector Workplan – Zambia 2025\n\n"
    "Activity\tLead\tPartners\tQ1\n"
    "Restock fishing boats\tFAO\tTanganyika Fishermen Cooperative Societe\tX\n"
)
ZAMBIAN = "p-tanganyika-fishermen-cooperative-societe-zmb"


def rows(path: Path, sql: str) -> list[tuple[Any, ...]]:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(sql).fetchall()


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("likeness")
    for name, text in (("first.tsv", FIRST_PLAN), ("second.tsv", SECOND_PLAN), ("zambia.tsv", OTHER_COUNTRY_PLAN)):
        (folder / name).write_text(text, encoding="utf-8")
    path = folder / "workplans.duckdb"
    summary = ingest([folder / "first.tsv", folder / "second.tsv", folder / "zambia.tsv"], path)
    assert summary.loaded == 3 and not summary.failed
    return path


def test_two_spellings_of_one_batch_wait_for_review_each_suggesting_the_other(database: Path) -> None:
    queued = rows(
        database,
        "select raw, method, doubt, provisional_id, best_suggestion_id from review_queue "
        "where raw like 'Tangan%' order by raw",
    )
    assert queued == [
        (
            "Tanganika Fishermen Cooperative Society",
            "review",
            LIKENESS_DOUBT,
            "p-tanganika-fishermen-cooperative-society-tza",
            "p-tanganyika-fishermen-cooperative-society-tza",
        ),
        # the Zambian plan's spelling is another country's organisation: kept, no doubt
        ("Tanganyika Fishermen Cooperative Societe", "provisional", None, ZAMBIAN, None),
        (
            "Tanganyika Fishermen Cooperative Society",
            "review",
            LIKENESS_DOUBT,
            "p-tanganyika-fishermen-cooperative-society-tza",
            "p-tanganika-fishermen-cooperative-society-tza",
        ),
    ]


def test_the_two_spellings_stay_two_actors_in_actor_load(database: Path) -> None:
    load = rows(database, "select actor_id from actor_load where actor like 'Tangan%' and country = 'TZA'")
    assert sorted(load) == [
        ("p-tanganika-fishermen-cooperative-society-tza",),
        ("p-tanganyika-fishermen-cooperative-society-tza",),
    ]


def test_names_sharing_organisation_words_stay_provisional(database: Path) -> None:
    kept = rows(database, "select raw, method, doubt from activity_actors where raw like 'Association%' order by raw")
    assert kept == [
        ("Association des Femmes de Kabalo", "provisional", None),
        ("Association des Femmes de Kalemie", "provisional", None),
    ]


def test_a_later_ingest_is_compared_with_the_database_and_a_decision_settles_it(tmp_path: Path) -> None:
    (tmp_path / "first.tsv").write_text(FIRST_PLAN, encoding="utf-8")
    (tmp_path / "second.tsv").write_text(SECOND_PLAN, encoding="utf-8")
    path = tmp_path / "workplans.duckdb"
    assert ingest([tmp_path / "first.tsv"], path).loaded == 1
    assert rows(path, "select count(*) from activity_actors where doubt is not null") == [(0,)]
    assert ingest([tmp_path / "second.tsv"], path).loaded == 1
    later = rows(path, "select raw, method, doubt from activity_actors where doubt is not null")
    assert later == [("Tanganika Fishermen Cooperative Society", "review", LIKENESS_DOUBT)]  # the first stays as loaded
    with duckdb.connect(str(path)) as con:
        decide(con, "Tanganika Fishermen Cooperative Society", "p-tanganyika-fishermen-cooperative-society-tza")
        assert say_alike_provisional_names(con) == 0  # a decided mention is no provisional mention any more
    decided = rows(path, "select actor_id, method from activity_actors where raw like 'Tanganika%'")
    assert decided == [("p-tanganyika-fishermen-cooperative-society-tza", "reviewed")]


def test_a_misspelt_common_word_is_corrected_into_one_actor_said_out_loud(tmp_path: Path) -> None:
    (tmp_path / "typo.tsv").write_text(SECOND_PLAN.replace("Tanganika", "Tanganyika").replace("Society", "Socety"))
    path = tmp_path / "workplans.duckdb"
    assert ingest([tmp_path / "typo.tsv"], path).loaded == 1
    queued = rows(path, "select raw, method, doubt, provisional_id from review_queue where raw like 'Tanganyika%'")
    assert queued == [
        (
            "Tanganyika Fishermen Cooperative Socety",
            "provisional",
            SPELLING_DOUBT,
            "p-tanganyika-fishermen-cooperative-society-tza",  # the key of the name written right
        )
    ]
    actors = rows(path, "select name from actors where actor_id = 'p-tanganyika-fishermen-cooperative-society-tza'")
    assert actors == [("Tanganyika Fishermen Cooperative Society",)]
