"""The lines above a holdout document's table (title, subtitle, notes) and the tables beside it that hold no
activity (focal points, a budget, acronyms, a legend)."""

from __future__ import annotations

import random
from datetime import date

from bench.holdout.content import Plan, actors, words
from bench.holdout.layout import Layout
from bench.holdout.spelling import spell


def pre_lines(plan: Plan, layout: Layout, draws: random.Random) -> list[str]:
    """The lines above the header: title, subtitle, a note, the date of the last update, the layout's explanation,
    a logo line."""
    lines = []
    for kind in layout.pre:
        if kind == "title":
            lines.append(plan.title)
        elif kind == "subtitle":
            lines.append(plan.subtitle)
        elif kind == "note":
            lines.append(draws.choice(words()["notes"][plan.lang]))
        elif kind == "updated":
            day = date(plan.year, draws.randint(1, 6), draws.randint(1, 28))
            lines.append(words()["updated"][plan.lang].format(date=day.strftime("%d/%m/%Y")))
        elif kind == "explanation":
            lines.append(layout.note)
        elif kind == "logo":
            lines.append(f"{plan.sector.upper()}  |  {plan.country.upper()}")
    return lines


EXTRA_HEADERS = {
    "contacts": {
        "en": ["Name", "Organisation", "Email"],
        "fr": ["Nom", "Organisation", "Courriel"],
        "es": ["Nombre", "Organización", "Correo"],
        "pt": ["Nome", "Organização", "E-mail"],
    },
    "budget": {
        "en": ["Output", "Amount (USD)"],
        "fr": ["Produit", "Montant (USD)"],
        "es": ["Resultado", "Monto (USD)"],
        "pt": ["Resultado", "Montante (USD)"],
    },
    "acronyms": {
        "en": ["Acronym", "Meaning"],
        "fr": ["Sigle", "Signification"],
        "es": ["Sigla", "Significado"],
        "pt": ["Sigla", "Significado"],
    },
    "legend": {
        "en": ["Symbol", "Meaning"],
        "fr": ["Symbole", "Signification"],
        "es": ["Símbolo", "Significado"],
        "pt": ["Símbolo", "Significado"],
    },
}
PEOPLE = ("A. Bello", "F. Mahamat", "S. Ahmadi", "O. Kovalenko", "M. Traoré", "H. Warsame", "J. Pierre", "L. Mutola")


def extras(plan: Plan, layout: Layout, draws: random.Random) -> list[tuple[str, list[list[str]]]]:
    """Tables that hold no activity: focal points, a budget, acronyms, a legend."""
    out = []
    keys = sorted({k for a in plan.activities for k in a.lead.replace("+", " ").split() if k != "~"})
    for kind in layout.extra:
        rows = [EXTRA_HEADERS[kind][plan.lang]]
        if kind == "contacts":
            for person, key in zip(draws.sample(PEOPLE, 3), keys[:3], strict=False):
                rows.append([person, spell(key, plan.lang, layout, draws), f"{person[3:].lower()}@example.org"])
        elif kind == "budget":
            for output in dict.fromkeys(a.context[plan.levels[-1]] for a in plan.activities):
                rows.append([output, f"{draws.randrange(50000, 2000000, 10000):,}"])
        elif kind == "acronyms":
            for key in keys[:5]:
                names = actors()[key].names
                rows.append([names[1] if len(names) > 1 else names[0], names[0]])
        else:
            rows.append([layout.mark.split("|")[0] if not layout.mark.startswith("shade") else "", "planned"])
        out.append((words()["extra_titles"][plan.lang][kind], rows))
    return out
