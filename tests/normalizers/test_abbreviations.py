"""Keys that spell out abbreviated headers and status codes (normalizers/abbreviations.py), and contact details
set apart from the organisation in an actor cell (normalizers/contacts.py)."""

import pytest

from normalizers.abbreviations import read_key, spelt_out, status_codes
from normalizers.contacts import without_contacts


def test_key_pairs_abbreviations_with_their_meaning_nested_codes_included() -> None:
    key = read_key(
        ["Legenda: Resp. = entidade responsável; Parc.: parceiros; Est. = estado (C = concluído, EC = em curso)."]
    )
    assert key == {
        "resp": "entidade responsável",
        "parc": "parceiros",
        "est": "estado",
        "c": "concluído",
        "ec": "em curso",
    }


@pytest.mark.parametrize(
    "text",
    ["Note: the plan was agreed in March.", "Ratio = 1 volunteer per 20 households", "The targets are revised yearly"],
)
def test_one_pair_or_none_is_no_key(text: str) -> None:
    assert read_key([text]) == {}


def test_a_header_is_spelt_out_only_where_it_names_no_role_and_its_meaning_does() -> None:
    key = read_key(["Key: Supp. = supporting partners; No. = reference number; Cat. = category of work"])
    assert spelt_out("Supp.", key) == "Supp. (supporting partners)"
    assert spelt_out("No.", key) == "No."  # names its role already
    assert spelt_out("Cat.", key) == "Cat."  # its meaning names no role
    assert spelt_out("Lead", key) == "Lead"


def test_status_codes_state_what_their_meaning_states() -> None:
    key = read_key(["St. = status (D = done, NYS = not yet started, H = on hold, R = regional)"])
    assert status_codes(key) == {"d": "completed", "nys": "planned", "h": "on_hold"}  # "status", "regional": none


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("UNHCR – Ana Costa (acosta@unhcr.org)", "UNHCR"),
        ("Save the Children / Tom Reed, treed@savethechildren.org", "Save the Children"),
        ("Caritas\nMaria Bianchi\nmbianchi@caritas.org", "Caritas"),
        ("World Vision Maria Bianchi mbianchi@wvi .org", "World Vision"),
        ("UNICEF (info@unicef.org), WHO", "UNICEF, WHO"),
        ("Maria Bianchi (mbianchi@caritas.org)", "Maria Bianchi"),
        ("Save the Children / Plan International", "Save the Children / Plan International"),
        ("International Medical Corps Ana Costa acosta@imc.org", "International Medical Corps"),
        ("UNICEF / World Vision, info@wvi.org", "UNICEF / World Vision"),  # no person: both organisations stay
        ("Mercy Corps, Action Aid, jdoe@example.org", "Mercy Corps, Action Aid"),
        ("IRC / Jane Mwangi, mwangij@rescue.org", "IRC"),
    ],
)
def test_contact_details_are_set_apart_from_the_organisation(cell: str, expected: str) -> None:
    assert without_contacts(cell) == expected
