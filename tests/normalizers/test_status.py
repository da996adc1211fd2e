"""Status normalizer: tags, words, negations and future phrasing to the contract's statuses."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from normalizers.model import STATUSES
from normalizers.status import percent_to_status, text_to_status, text_to_statuses
from normalizers.vocab import LANGUAGES, vocabulary

# (cell text, every status it states in order); text_to_status is the last of them, or None.
STATUS_CASES: list[tuple[str, list[str]]] = [
    # tags, as in the IASC Results Group progress reports
    ("[COMPLETED]", ["completed"]),
    ("[ONGOING]", ["ongoing"]),
    ("[CONTINUOUS] Analysis continues to be produced with a six-month horizon.", ["ongoing"]),
    ("[DE-PRIORITIZED]", ["cancelled"]),
    ("[PLANNED]", ["planned"]),
    ("[ON HOLD]", ["on_hold"]),
    ("[CANCELLED]", ["cancelled"]),
    ("[NOT STARTED]", ["planned"]),
    (
        "[ONGOING] To be undertaken upon finalisation of the Review. [COMPLETED] The mapping was finalized "
        "in December 2019.",
        ["ongoing", "completed"],
    ),
    ("[COMPLETED] Inputs provided. [COMPLETED] Briefing held.", ["completed", "completed"]),
    ("[COMPLETED] Finalized in Q4 2020. The endorsed version will be circulated widely.", ["completed"]),
    ("[ONGOING] To be finalized by June 2021. The product is currently being formatted.", ["ongoing"]),
    (
        "[ONGOING] A draft was ready in February 2020; however, the consultation process is put on hold "
        "in light of COVID-19.",
        ["ongoing"],
    ),
    ("Upon finalisation [OPAG action point agreed on 29 October 2020].", []),
    ("[in collaboration with RG3 on Collective Advocacy]", []),
    # the action-point status column of a sector working group
    ("Shared with coordinators", ["completed"]),
    ("Under way", ["ongoing"]),
    ("Links established w other coordinators", ["completed"]),
    ("2 News removated", []),
    ("? None requested", []),
    ("To be shared in June with other guidance", ["planned"]),
    ("Not done yet – proposed meeting w Cash WG", ["planned"]),
    ("UNRWA, others?", []),
    ("Completed; all three new groups formed", ["completed"]),
    ("Any new members wanting to join should inform Coordinator", []),
    ("None received", []),
    ("To be added for July", ["planned"]),
    ("To be shared in June", ["planned"]),
    ("Agenda item for 11 June", ["planned"]),
    ("Ordered and shipped. Coordinator will email on arrival for distribution.", ["completed"]),
    ("Table to be distributed.", ["planned"]),
    ("Submitted", ["completed"]),
    ("Underway", ["ongoing"]),
    ("Workplan completed.", ["completed"]),
    # common words
    ("Completed", ["completed"]),
    ("COMPLETE", ["completed"]),
    ("Done", ["completed"]),
    ("done.", ["completed"]),
    ("Finalized", ["completed"]),
    ("finalised", ["completed"]),
    ("Achieved", ["completed"]),
    ("Delivered to all partners", ["completed"]),
    ("in progress", ["ongoing"]),
    ("Work in progress", ["ongoing"]),
    ("WIP", ["ongoing"]),
    ("On-going", ["ongoing"]),
    ("Ongoing", ["ongoing"]),
    ("Started", ["ongoing"]),
    ("Partially completed", ["ongoing"]),
    ("Currently being reviewed", ["ongoing"]),
    ("Being finalized", ["ongoing"]),
    ("Under review", ["ongoing"]),
    ("Draft under development", ["ongoing"]),
    ("In preparation", ["ongoing"]),
    ("Ongoing – 60%", ["ongoing"]),
    ("In the pipeline", ["planned"]),
    ("Under consideration", ["planned"]),
    ("Rescheduled to July", ["on_hold"]),
    ("Pending", ["planned"]),
    ("pending", ["planned"]),
    ("Planned", ["planned"]),
    ("Scheduled for July", ["planned"]),
    ("TBD", ["planned"]),
    ("Yet to start", ["planned"]),
    ("Postponed", ["on_hold"]),
    ("on hold", ["on_hold"]),
    ("Put on hold due to funding", ["on_hold"]),
    ("Delayed", ["on_hold"]),
    ("Suspended", ["on_hold"]),
    ("Deferred to 2022", ["on_hold"]),
    ("Cancelled", ["cancelled"]),
    ("canceled", ["cancelled"]),
    ("de-prioritized", ["cancelled"]),
    ("Deprioritised", ["cancelled"]),
    ("Dropped", ["cancelled"]),
    ("Discontinued", ["cancelled"]),
    ("No longer needed", ["cancelled"]),
    # negations
    ("not completed", ["planned"]),
    ("Not started", ["planned"]),
    ("not yet started", ["planned"]),
    ("Not yet", ["planned"]),
    ("has not been completed", ["planned"]),
    ("hasn't started yet", ["planned"]),
    ("Not fully completed", ["ongoing"]),
    ("not cancelled", []),
    ("None done yet", []),
    ("Will not be done", ["cancelled"]),
    ("This activity will not take place", ["cancelled"]),
    ("On track", ["ongoing"]),
    ("Partially achieved", ["ongoing"]),
    ("Not achieved", ["planned"]),
    # action-point trackers
    ("Open", ["planned"]),
    ("Closed", ["completed"]),
    ("✓", ["completed"]),
    ("✔", ["completed"]),
    # several statements: the last one stated is the status
    ("Started in May; completed in June", ["ongoing", "completed"]),
    ("Completed phase 1; phase 2 ongoing", ["completed", "ongoing"]),
    ("Was postponed, now under way", ["on_hold", "ongoing"]),
    ("Partly done; rest postponed", ["ongoing", "on_hold"]),
    # future phrasing counts only when nothing else is stated
    ("To be completed by June", ["planned"]),
    ("will be finalized soon", ["planned"]),
    ("Consultations will be held in 2021.", ["planned"]),
    ("Completed. Report will be shared next week.", ["completed"]),
    # shares done
    ("50%", ["ongoing"]),
    ("100%", ["completed"]),
    ("0%", ["planned"]),
    # French and Spanish
    ("En cours", ["ongoing"]),
    ("Terminé", ["completed"]),
    ("Réalisée", ["completed"]),
    ("Annulé", ["cancelled"]),
    ("Reporté", ["on_hold"]),
    ("Pendiente", ["planned"]),
    ("En curso", ["ongoing"]),
    # no status stated
    ("", []),
    ("N/A", []),
    ("Complete the survey with partners", []),
    ("Review responsible parties as no core group.", []),
    ("UNICEF with Core Group", []),
]


@pytest.mark.parametrize(("text", "statuses"), STATUS_CASES)
def test_text_to_statuses(text: str, statuses: list[str]) -> None:
    assert text_to_statuses(text) == statuses
    assert text_to_status(text) == (statuses[-1] if statuses else None)


@pytest.mark.parametrize(("percent", "status"), [(0, "planned"), (1, "ongoing"), (99, "ongoing"), (100, "completed")])
def test_percent_to_status(percent: int, status: str) -> None:
    assert percent_to_status(percent) == status


@settings(deadline=None)
@given(st.text())
def test_statuses_are_the_contracts_and_never_raise(text: str) -> None:
    statuses = text_to_statuses(text)
    assert set(statuses) <= set(STATUSES)
    assert text_to_status(text) == (statuses[-1] if statuses else None)


TAGS = {
    "COMPLETED": "completed",
    "ONGOING": "ongoing",
    "CONTINUOUS": "ongoing",
    "DE-PRIORITIZED": "cancelled",
}


@settings(deadline=None, max_examples=50)
@given(st.lists(st.sampled_from(sorted(TAGS)), min_size=1), st.sampled_from([" done. ", " to be shared. ", " "]))
def test_every_tag_is_read_in_order(tags: list[str], filler: str) -> None:
    text = filler.join(f"[{tag}]" for tag in tags)
    assert text_to_statuses(text) == [TAGS[tag] for tag in tags]


DONE_WORDS = ["completed", "done", "finalized", "submitted", "started", "delivered", "shared", "in progress"]


@settings(deadline=None, max_examples=50)
@given(
    st.sampled_from(["not", "not yet", "has not been", "hasn't", "never"]),
    st.sampled_from(DONE_WORDS),
    st.sampled_from(["", " yet", "."]),
)
def test_a_negated_completion_is_never_completed(negation: str, word: str, end: str) -> None:
    assert text_to_status(f"{negation} {word}{end}") == "planned"


# ---------------------------------------------------------------- French, Spanish and Portuguese cells

OTHER_LANGUAGE_CASES: list[tuple[str, str | None]] = [
    ("Réalisé", "completed"),
    ("Achevé", "completed"),
    ("En cours de réalisation", "ongoing"),
    ("Non démarré", "planned"),
    ("Pas encore démarré", "planned"),
    ("Planifié", "planned"),
    ("Prévu pour T3", "planned"),
    ("Programmé", "planned"),
    ("Suspendu faute de financement", "on_hold"),
    ("Retardé", "on_hold"),
    ("Annulé", "cancelled"),
    ("Partiellement réalisé", "ongoing"),
    ("n'a pas été réalisé", "planned"),
    ("Cumplido", "completed"),
    ("En ejecución", "ongoing"),
    ("En proceso", "ongoing"),
    ("No iniciado", "planned"),
    ("Sin iniciar", "planned"),
    ("Planificado", "planned"),
    ("En pausa", "on_hold"),
    ("Parcialmente cumplido", "ongoing"),
    ("Completad o", "completed"),  # a word cut by a narrow PDF column
    ("Concluído", "completed"),
    ("Em curso", "ongoing"),
    ("Em andamento", "ongoing"),
    ("Não iniciado", "planned"),
    ("Ainda não iniciado", "planned"),
    ("Planeado", "planned"),
    ("Previsto", "planned"),
    ("Suspenso", "on_hold"),
    ("Atrasado", "on_hold"),
    ("Cancelado", "cancelled"),
    ("Exécuté", "completed"),  # the whole cell only: "Execute the plan" states nothing
    ("En exécution", "ongoing"),
    ("Non commencé", "planned"),
    ("En suspens", "on_hold"),
    ("Alcanzado", "completed"),
    ("Congelado por falta de fondos", "on_hold"),
    ("Paralizada", "on_hold"),
    ("Encerrado", "completed"),
    ("Meta atingida", "completed"),
    ("Paralisado", "on_hold"),
    # no status stated
    ("UNICEF programme", None),
    ("Execute the plan", None),
    ("Commence work in the camps", None),
    ("Commence en mars", None),  # "commence" (starts) is no past participle here
    ("Comité de gestion", None),
    ("non suspendu", None),
]


@pytest.mark.parametrize(("text", "status"), OTHER_LANGUAGE_CASES)
def test_text_to_status_in_other_languages(text: str, status: str | None) -> None:
    assert text_to_status(text) == status


# ---------------------------------------------------------------- every word of the [statuses] tables


def status_entries(*keys: str) -> list[tuple[str, str, str]]:
    """(language, key, word) for every [statuses] word under the keys, in every language."""
    return [
        (language, key, word)
        for language in LANGUAGES
        for key in keys
        for word in vocabulary(language).get("statuses", {}).get(key, [])
    ]


def written(word: str) -> str:
    """A vocabulary phrase as a cell: "*" as a word, "$" (end of a clause) as a full stop."""
    return " ".join("shared" if token == "*" else token for token in word.removesuffix("$").split()) + (
        "." if word.endswith("$") else ""
    )


def first(language: str, key: str) -> str:
    """The first word of a [statuses] key in a language."""
    return written(vocabulary(language)["statuses"][key][0])


@pytest.mark.parametrize(("language", "status", "word"), status_entries(*STATUSES))
def test_every_status_word(language: str, status: str, word: str) -> None:
    assert text_to_status(written(word)) == status
    assert text_to_status(written(word).upper()) == status


@pytest.mark.parametrize(("language", "key", "word"), status_entries("negations", "negation_fillers"))
def test_every_negation_word(language: str, key: str, word: str) -> None:
    """A negation turns "started" into planned and "suspended" into nothing."""
    negation = word if key == "negations" else f"{first(language, 'negations')} {word}"
    assert text_to_status(f"{negation} {first(language, 'completed')}") == "planned"
    if key == "negations":  # "not being cancelled" reads "being cancelled" as under way: fillers are not checked
        assert text_to_status(f"{negation} {first(language, 'cancelled')}") is None


@pytest.mark.parametrize(("language", "key", "word"), status_entries("fully", "partly", "nothing"))
def test_every_word_of_a_part_done(language: str, key: str, word: str) -> None:
    completed = first(language, "completed")
    text = {
        "fully": f"{first(language, 'negations')} {word} {completed}",
        "partly": f"{word} {completed}",
        "nothing": f"{word} {completed}",
    }[key]
    assert text_to_status(text) == (None if key == "nothing" else "ongoing")


@pytest.mark.parametrize(("language", "key", "word"), status_entries("will_not", "future"))
def test_every_word_of_what_will_happen(language: str, key: str, word: str) -> None:
    text = f"{written(word)} discussed".replace("shared", "discussed")  # no status word of its own
    assert text_to_status(text) == ("cancelled" if key == "will_not" else "planned")


@pytest.mark.parametrize(("language", "key", "word"), status_entries("whole_completed", "whole_planned"))
def test_every_whole_cell_word(language: str, key: str, word: str) -> None:
    assert text_to_status(f" {word.capitalize()}.") == key.removeprefix("whole_")


def test_every_status_key_is_read() -> None:
    """No [statuses] key of any language is left unread by the code (nor tested above)."""
    read = {*STATUSES, "negations", "negation_fillers", "fully", "partly", "nothing", "will_not", "future"}
    read |= {"whole_completed", "whole_planned"}
    for language in LANGUAGES:
        assert set(vocabulary(language)["statuses"]) <= read, language


@settings(deadline=None, max_examples=80)
@given(st.sampled_from(status_entries(*STATUSES)), st.sampled_from(["", " ", ".", " – ", "\n"]))
def test_a_status_word_alone_states_its_status(entry: tuple[str, str, str], tail: str) -> None:
    _, status, word = entry
    assert text_to_statuses(written(word) + tail) == [status]
