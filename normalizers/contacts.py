"""Contact details in an actor cell: the focal person and e-mail address written after the organisation that
leads ("UNFPA – Lina Haddad (lhaddad@unfpa.org)", "IRC / James Okello, jokello@irc.org", or organisation, name
and address on three lines). The person and the address say who to write to, not who acts: the organisation is
the actor. The cell's whole text stays the row's lead or partners text (nothing dropped); only its actors are read
without the contact.

The person is the text between the organisation and the address: the part after a separator ("–", "/", a line
break, a comma) when it reads as a person's name (two to four words, each capitalised, none all capitals) that the
address holds (a name the address does not hold is an organisation: "World Vision, info@…"), else
(a PDF that ran the lines together) the fewest capitalised words just before the address whose initial opens its
local part and whose last word it holds ("Omar Farah ofarah@…"). A cell that is a contact alone keeps its
name (only the address goes): no organisation is guessed from an address.
"""

from __future__ import annotations

import re

from normalizers.vocab import fold

# An e-mail address, maybe in brackets; a PDF may set a space around the dot of its domain ("x@unfpa .org").
EMAIL = re.compile(r"\(?\s*(?P<local>[\w.+-]+)@[\w-]+(?:\s?\.\s?[a-z]{2,})+\s*\)?")
# What parts the organisation from its contact: a dash, a slash, a comma or a line break, with their spaces.
SEPARATOR = re.compile(r"\s+[–—-]\s+|\s*/\s*|\s*,\s*|\s*\n\s*")
# A person's name: this many words.
NAME_WORDS = range(2, 5)
# What is left of a cell's end once its contact is gone: separators and brackets.
LEFTOVER = " \t\n,;/–—-("


def without_contacts(cell: str) -> str:
    """The cell without the focal persons' names and e-mail addresses that follow its organisations."""
    for match in reversed(list(EMAIL.finditer(cell))):
        before = cell[: match.start()]
        rest = before[: len(before) - len(person_before(before, match["local"]))].rstrip(LEFTOVER)
        if rest.strip():
            cell = rest + cell[match.end() :]
    return cell


def person_before(text: str, local: str) -> str:
    """The end of `text` that names the person an address belongs to, with its separator ("" for none)."""
    trimmed = text.rstrip(LEFTOVER)
    parts = SEPARATOR.split(trimmed)
    if len(parts) > 1 and is_name(parts[-1]) and owns_address(local, parts[-1].split()):
        return text[trimmed.rindex(parts[-1]) :]
    words = trimmed.split()
    for size in NAME_WORDS:
        name = words[-size:]
        if len(words) > size and is_name(" ".join(name)) and holds_name(local, name):
            return text[trimmed.rindex(name[0]) :]
    return ""


def owns_address(local: str, name: list[str]) -> bool:
    """True when an address's local part holds one of the name's words of three letters or more ("lina.haddad",
    "haddadl"): a name that is not the address's ("World Vision, info@…") is no contact but an organisation."""
    address = fold(local).replace(" ", "")
    return any(len(word) >= 3 and word in address for word in (fold(part).replace(" ", "") for part in name))


def holds_name(local: str, name: list[str]) -> bool:
    """True when an address's local part opens with the name's initial and holds its last word ("nqassem")."""
    address, first, last = (fold(text).replace(" ", "") for text in (local, name[0], name[-1]))
    return address[:1] == first[:1] and last in address


def is_name(text: str) -> bool:
    """Two to four words, each starting with a capital and none all capitals ("Huda Al-Sharabi")."""
    words = text.split()
    return len(words) in NAME_WORDS and all(word[0].isupper() and not word.isupper() for word in words)
