"""Grow data/actors.csv from the open reference lists of ../shared/reference (a maintainer's tool, not shipped).

    .venv/bin/python -m tools.registry.import_reference [--reference DIR] [--actors FILE] [--check]

Every row of the file stays, with its id, in its place: an actor id is a public key (users' databases, review
decisions and `registry import` files name it), so it never changes once published. A reference row is the file's
row of its id (a CRS code; a cluster's country and code; a HAPI id, made from an acronym or a name, when that row
has the acronym or the name), else the row holding one of its names or its acronym; its names the row lacks are
added as aliases and nothing else of the row is touched (hand edits and hand-added aliases stay). Only an
organisation no row holds gets a new row, at the end, with a new id no row has. A row of a source that the source
no longer gives is kept and reported. On the files it was made from the tool changes no byte; `--check` reports
what a run would add or change, writes nothing and exits 1 when the file would change. The sources:
- IATI CRSChannelCode (CC BY 4.0, "IATI Standard (http://iatistandard.org/)"): multilateral agencies (4xxxx),
  international NGOs and networks (2xxxx), public-private partnerships and networks (3xxxx), research
  institutes (5xxxx); English and French names. Category rows (codes ending in 00) and withdrawn codes are
  left out.
- HDX HAPI's organisation table (MIT, "OCHA Centre for Humanitarian Data, HDX HAPI"): acronym, name, type.
  A national organisation's country comes from the country or places its name names (normalizers/country.py);
  a government body whose country its name does not say is left out, and a national NGO's acronym shorter
  than MIN_UNSCOPED_ACRONYM is dropped when its country is unknown (it would resolve in every document).
- IASC clusters and areas of responsibility (clusters/iasc_global_clusters.csv): one global body each, and one
  country body each in the countries of CLUSTER_COUNTRIES, with their names in English, French, Spanish and
  Portuguese (this project's own naming, data/vocab style).
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, process

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from normalizers.actor_registry import UNDECOMPOSED, acronym_key, is_acronym_like, name_key  # noqa: E402
from normalizers.actor_words import CONNECTORS, is_not_actor, is_place, vocab_words  # noqa: E402
from normalizers.country import countries_named  # noqa: E402

ACTORS = ROOT / "data" / "actors.csv"
CRS = "IATI CRSChannelCode"
HAPI = "HDX HAPI"
CLUSTERS = "IASC clusters"
SOURCES = (CRS, HAPI, CLUSTERS)
MIN_UNSCOPED_ACRONYM = 5  # a short acronym of a national NGO of unknown country collides across countries
ROMAN = re.compile(r"[ivx]+")
INTERNATIONAL = re.compile(r" international$")
MIN_NEAR_NAME = 16  # shorter names differ by a letter from other real names
NEAR_NAME_SCORE = 94.0  # one or two typos in a name of 16 characters or more
MAX_ACRONYM_CHARS = 12  # HAPI's acronym column sometimes holds a truncated name
# Countries with activated IASC clusters (or sectors led the same way) in recent years; Lebanon's sectors are
# curated rows of their own.
CLUSTER_COUNTRIES = (
    "AFG",
    "BFA",
    "BGD",
    "CAF",
    "CMR",
    "COD",
    "COL",
    "ETH",
    "HTI",
    "IRQ",
    "LBY",
    "MLI",
    "MMR",
    "MOZ",
) + ("NER", "NGA", "PAK", "PHL", "PSE", "SDN", "SOM", "SSD", "SYR", "TCD", "UKR", "VEN", "YEM")
RED_CROSS = "445"
HAPI_TYPES = {
    "437": ("ingo", "21"),
    "441": ("nngo", "22"),
    "447": ("un_agency", "40"),
    "435": ("government", "10"),
    "445": ("ingo", "21"),
    "443": ("other", "90"),
}
NAME_ACRONYM = re.compile(r"^(?P<name>.*\S)\s*\((?P<acronym>[^()]{2,12})\)\s*$")
PARENTHETICAL = re.compile(r"\s*\((?:[^()]*\s[^()]*)\)\s*$")  # "(Contributions to ... only)": not a name
COLUMNS = ("actor_id", "name", "acronym", "actor_type", "country", "aliases", "parent_id", "iati_org_type", "source")

# Per cluster code: the theme's short name, its acronym, and its names in the four languages ("{}" is the
# body word: Cluster, Sector, ...). Areas of responsibility belong to the country's Protection cluster.
THEMES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "CCM": ("CCCM", "", ("CCCM {}", "Camp Coordination and Camp Management {}", "{} CCCM", "Clúster CCCM")),
    "ERY": ("Early Recovery", "", ("Early Recovery {}", "{} Relèvement précoce", "Clúster de Recuperación Temprana")),
    "EDU": (
        "Education",
        "",
        ("Education {}", "{} Éducation", "{} Education", "Clúster de Educación", "{} de Educação"),
    ),
    "SHL": (
        "Shelter",
        "",
        (
            "Shelter {}",
            "Shelter/NFI {}",
            "Shelter and NFI {}",
            "Shelter & NFI {}",
            "Emergency Shelter and NFI {}",
            "ES/NFI {}",
            "{} Abris",
            "{} Abris/AME",
            "{} Abris et AME",
            "{} Abris-AME",
            "Clúster de Alojamiento",
            "Clúster de Albergue",
            "{} de Abrigo",
        ),
    ),
    "TEL": ("Emergency Telecommunications", "", ("Emergency Telecommunications {}", "{} Télécommunications d'urgence")),
    "FSC": (
        "Food Security",
        "",
        (
            "Food Security {}",
            "Food Security and Livelihoods {}",
            "Food Security and Agriculture {}",
            "FSL {}",
            "FSC",
            "{} Sécurité alimentaire",
            "Clúster de Seguridad Alimentaria",
            "{} de Segurança Alimentar",
        ),
    ),
    "HEA": ("Health", "", ("Health {}", "{} Santé", "{} Sante", "Clúster de Salud", "{} de Salud", "{} de Saúde")),
    "LOG": (
        "Logistics",
        "",
        (
            "Logistics {}",
            "{} Logistique",
            "Clúster de Logística",
            "{} de Logística",
            "{} Logístico",
            "Clúster Logístico",
        ),
    ),
    "NUT": ("Nutrition", "", ("Nutrition {}", "{} Nutrition", "Clúster de Nutrición", "{} de Nutrição")),
    "PRO": (
        "Protection",
        "",
        ("Protection {}", "{} Protection", "Clúster de Protección", "{} de Protecção", "{} de Proteção"),
    ),
    "WSH": (
        "WASH",
        "",
        (
            "WASH {}",
            "Water, Sanitation and Hygiene {}",
            "{} WASH",
            "{} EHA",
            "{} Eau, Hygiène et Assainissement",
            "Clúster WASH",
            "{} de Água, Saneamento e Higiene",
            "{} de Agua, Saneamiento e Higiene",
        ),
    ),
}
AORS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "PRO-CPN": (
        "Child Protection",
        "CP AoR",
        (
            "Child Protection AoR",
            "Child Protection Area of Responsibility",
            "Child Protection Sub-Cluster",
            "Child Protection Sub-Sector",
            "CP Sub-Cluster",
            "AoR Protection de l'Enfance",
            "Domaine de Responsabilité Protection de l'Enfance",
            "Sous-cluster Protection de l'Enfance",
            "Área de Responsabilidad de Protección de la Niñez",
            "Subgrupo de Protección de la Niñez",
            "Área de Responsabilidade de Protecção da Criança",
        ),
    ),
    "PRO-GBV": (
        "Gender-Based Violence",
        "GBV AoR",
        (
            "GBV Area of Responsibility",
            "Gender-Based Violence AoR",
            "GBV Sub-Cluster",
            "GBV Sub-Sector",
            "AoR VBG",
            "Sous-cluster VBG",
            "Domaine de Responsabilité VBG",
            "Subclúster de VBG",
            "Subgrupo de VBG",
            "Área de Responsabilidad de VBG",
            "Subgrupo VBG",
        ),
    ),
    "PRO-HLP": (
        "Housing, Land and Property",
        "HLP AoR",
        (
            "HLP Area of Responsibility",
            "HLP Sub-Cluster",
            "Housing, Land and Property Sub-Cluster",
            "AoR LTB",
            "Logement, Terre et Biens",
            "Vivienda, Tierra y Propiedad",
        ),
    ),
    "PRO-MIN": (
        "Mine Action",
        "MA AoR",
        ("Mine Action AoR", "Mine Action Area of Responsibility", "Mine Action Sub-Cluster", "AoR Lutte antimines"),
    ),
}
BODY_WORDS = ("Cluster", "Sector")  # English body words; French/Spanish/Portuguese forms carry their own


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def slug(text: str) -> str:
    """A name as an id's words: lower case, accents gone, spelt as written (never as the name key folds it:
    "Centre" stays "centre", so a new id reads as its name)."""
    plain = unicodedata.normalize("NFKD", text.translate(UNDECOMPOSED))
    plain = "".join(char for char in plain if not unicodedata.combining(char))
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


class Registry:
    """The rows being built and the indexes that tell whether a name or acronym is already known."""

    def __init__(self, rows: list[dict[str, str]]) -> None:
        self.rows: dict[str, dict[str, str]] = {}
        self.names: dict[tuple[str, str], str] = {}  # (name key, country) -> actor id
        self.acronyms: dict[tuple[str, str], str] = {}
        self.given: set[str] = set()  # the rows a reference row gave or named
        for row in rows:
            self.add(row)

    def add(self, row: dict[str, str]) -> None:
        self.rows[row["actor_id"]] = row
        for form in [row["name"], *row["aliases"].split("|")]:
            if form:
                self.names.setdefault((name_key(form), row["country"]), row["actor_id"])
        for form in [row["acronym"], *row["aliases"].split("|"), row["name"]]:
            if form and is_acronym_like(form):
                self.acronyms.setdefault((same_acronym(form), row["country"]), row["actor_id"])

    def row_of(self, row: dict[str, str], names: list[str], same_as: tuple[str, ...]) -> str | None:
        """The row a reference row is: the row of its code (a CRS channel code, a cluster's country and code), else
        the row with one of its names or of `same_as` or its acronym, else the row of its HAPI id (made from an
        acronym or a name, which other organisations may share) when that row has the acronym or one of the names:
        a name spelt anew, or a country read anew from it, does not make it another organisation."""
        by_id = self.rows.get(row["actor_id"])
        if by_id and not by_id["source"].startswith(row["source"]):
            by_id = None
        if by_id and row["source"] != HAPI:
            return by_id["actor_id"]
        known = self.known([*names, *same_as], row["acronym"], row["country"])
        if known or not by_id or not self.has_form(by_id, names, row["acronym"]):
            return known
        return by_id["actor_id"]

    @staticmethod
    def has_form(row: dict[str, str], names: list[str], acronym: str) -> bool:
        """Whether a row has one of these names or this acronym (as its name, acronym or an alias)."""
        forms = [row["name"], row["acronym"], *row["aliases"].split("|")]
        keys = {name_key(form) for form in forms if form}
        return any(name_key(name) in keys for name in [*names, acronym] if name)

    def known(self, names: list[str], acronym: str, country: str) -> str | None:
        """The existing row with one of these names (with or without a closing "International": "Mercy Corps
        International" is Mercy Corps), or this acronym, or a name one or two typos away (the reference lists
        carry misspellings: "Solidarities International"), in this scope."""
        for name in names:
            for key in name_variants(name_key(name)):
                found = self.names.get((key, country))
                if found:
                    return found
        if acronym and (same_acronym(acronym), country) in self.acronyms:
            return self.acronyms[(same_acronym(acronym), country)]
        return self.near_name(names, country)

    def near_name(self, names: list[str], country: str) -> str | None:
        """The existing row whose name is a near spelling of one of these (long names only)."""
        keys = [key for key, scope in self.names if scope == country]
        for name in names:
            key = name_key(name)
            if len(key) < MIN_NEAR_NAME:
                continue
            match = process.extractOne(key, keys, scorer=fuzz.ratio, score_cutoff=NEAR_NAME_SCORE)
            if match and not tells_apart(key, match[0]):
                print(f"near name: {name!r} -> {self.names[(match[0], country)]} ({match[0]!r})", file=sys.stderr)
                return self.names[(match[0], country)]
        return None

    def merge_aliases(self, actor_id: str, names: list[str]) -> None:
        row = self.rows[actor_id]
        forms = {name_key(form) for form in [row["name"], *row["aliases"].split("|")] if form}
        new = [name for name in names if name and name_key(name) not in forms]
        row["aliases"] = "|".join(filter(None, [row["aliases"], *dict.fromkeys(new)]))
        for name in new:
            self.names.setdefault((name_key(name), row["country"]), actor_id)

    def offer(self, row: dict[str, str], names: list[str], same_as: tuple[str, ...] = ()) -> None:
        """Add an imported row, or its names to the row it is: the row of its id, else the row that has one of its
        names or of `same_as` (names that tell an existing row is this one, not given to a new row: the curated
        "Logistics Cluster" without a country is the global one)."""
        existing = self.row_of(row, names, same_as)
        if existing:
            self.given.add(existing)
            self.merge_aliases(existing, names)
            return
        self.given.add(self.mint(row, names))

    def mint(self, row: dict[str, str], names: list[str]) -> str:
        """Add a new organisation's row under an id no row has; its id."""
        base, n = row["actor_id"], 2
        while row["actor_id"] in self.rows:
            row["actor_id"], n = f"{base}-{n}", n + 1
        row["aliases"] = "|".join(name for name in dict.fromkeys(names[1:]) if name_key(name) != name_key(row["name"]))
        self.add(row)
        return row["actor_id"]


def same_acronym(text: str) -> str:
    """An acronym reduced as the resolver reduces it, and without slashes ("HEKS/EPER" is "HEKS-EPER")."""
    return acronym_key(text).replace("/", "")


def name_variants(key: str) -> tuple[str, ...]:
    """A name key, then the same without a closing "international" (or with it, when it has none)."""
    bare = INTERNATIONAL.sub("", key)
    return (key, bare) if bare != key else (key, f"{key} international")


def tells_apart(first: str, second: str) -> bool:
    """Whether two near names differ by a number or a place ("Fund II", "Somalia" / "Somaliland")."""
    differing = set(first.split()) ^ set(second.split())
    return any(word.isdigit() or ROMAN.fullmatch(word) or is_place(word) for word in differing)


def new_row(actor_id: str, name: str, acronym: str, actor_type: str, source: str, **extra: str) -> dict[str, str]:
    row = dict.fromkeys(COLUMNS, "")
    row.update(actor_id=actor_id, name=name, acronym=acronym, actor_type=actor_type, source=source, **extra)
    return row


def crs_rows(reference: Path) -> Iterator[tuple[dict[str, str], list[str]]]:
    """Agencies and organisations of the CRS channel list, with their English and French names."""
    for row in read_rows(reference / "iati" / "CRSChannelCode.csv"):
        code, name = row["code"], PARENTHETICAL.sub("", row["name"]).strip()
        if row["status"] != "active" or code.endswith("00") or code[0] not in "2345" or "core contributions" in name:
            continue
        actor_type, iati = ("un_agency", "40") if code.startswith("41") else ("other", "40")
        if code[0] == "2":
            actor_type, iati = "ingo", "21"
        elif code[0] == "5":
            actor_type, iati = "other", "80"
        french = PARENTHETICAL.sub("", row.get("name_fr") or "").strip()
        yield new_row(f"crs-{code}", name, "", actor_type, CRS, iati_org_type=iati), [name, french]


def hapi_rows(reference: Path) -> Iterator[tuple[dict[str, str], list[str]]]:
    """HAPI's organisations: name and acronym cleaned, national ones given the country their name says."""
    table = read_rows(reference / "hdx-hapi" / "organisations.csv")
    first_words = Counter(name_key(row["name"]).split()[0] for row in table if name_key(row["name"]))
    for row in table:
        key = name_key(row["name"])
        if row["org_type_code"] not in HAPI_TYPES or (" " not in key and first_words[key] > 1):
            continue  # one word opening several names ("Caritas") is a family of organisations, not one
        if is_not_actor(row["name"]):
            continue  # "Other": a label of the table, no organisation
        name, acronym = split_acronym(row["name"], row["acronym"])
        actor_type, iati = HAPI_TYPES[row["org_type_code"]]
        national = actor_type in ("nngo", "government") or row["org_type_code"] == RED_CROSS
        country = national_country(name) if national else ""
        if row["org_type_code"] == RED_CROSS and country:
            actor_type, iati = "nngo", "24"  # a national society
        if actor_type == "nngo" and not country and is_generic_name(name):
            continue  # "Association pour le développement communautaire": many organisations bear the name
        if actor_type == "government" and not country:
            continue  # a ministry of an unknown country would resolve in every country's documents
        if actor_type == "nngo" and not country and len(acronym_key(acronym)) < MIN_UNSCOPED_ACRONYM:
            acronym = ""
        yield (
            new_row(
                f"hapi-{slug(acronym or name)[:40]}",
                name,
                acronym,
                actor_type,
                HAPI,
                country=country,
                iati_org_type=iati,
            ),
            [name],
        )


def split_acronym(name: str, acronym: str) -> tuple[str, str]:
    """A HAPI name without its "(ACR)" and the acronym (the column's, when it is one, else the bracket's)."""
    match = NAME_ACRONYM.match(name.strip())
    if match and name_key(match["acronym"]) == name_key(match["name"]):  # "Trocaire (Trocaire)"
        return match["name"], ""
    bracket = match["acronym"] if match and is_bracket_acronym(match["name"], match["acronym"]) else ""
    clean = match["name"] if match and bracket else name.strip()
    column = acronym.strip() if is_acronym_like(acronym.strip()) and len(acronym.strip()) <= MAX_ACRONYM_CHARS else ""
    chosen = bracket.upper() if bracket.islower() else bracket or column
    return clean, "" if name_key(chosen) == name_key(clean) else chosen


def is_bracket_acronym(name: str, bracket: str) -> bool:
    """Whether a bracket after a name is its acronym: written as one, or the name's initials in lower case
    ("World Food Programme (wfp)")."""
    initials = "".join(word[0] for word in name_key(name).split())
    return is_acronym_like(bracket) or (bracket.isalpha() and bracket.lower() == initials)


def is_generic_name(name: str) -> bool:
    """Whether every word of a name is a common word of organisation names (vocab fragments, organisation and
    sector words, connectors), so the name tells no organisation apart."""
    common = set(CONNECTORS)
    for table, keys in (("not_actors", ("fragments", "sector_words", "qualifiers")), ("organisation_words", None)):
        for key in keys or ("government", "coordination_body", "other"):
            common |= {word for phrase in vocab_words(table, key) for word in phrase.split()}
    return all(word in common for word in name_key(name).split())


def national_country(name: str) -> str:
    """The one country a national organisation's name names (by country name, adjective or place), else ""."""
    named = countries_named([name]) or countries_named([name], kind=1)
    return next(iter(named)) if len(named) == 1 else ""


def cluster_rows(reference: Path) -> Iterator[tuple[dict[str, str], list[str], tuple[str, ...]]]:
    """The global clusters and AoRs (a curated global body of the theme's name, when there is one, is that
    body), then each cluster country's own."""
    codes = [row["code"] for row in read_rows(reference / "clusters" / "iasc_global_clusters.csv")]
    for code in codes:
        theme, acronym, forms = THEMES.get(code) or AORS[code]
        name = f"Global {theme} Cluster" if code in THEMES else f"Global {acronym}"
        same_as = (f"{theme} Cluster",) if code in THEMES else (f"{theme} AoR", f"{theme} Area of Responsibility")
        yield new_row(f"global-{slug(theme)}", name, "", "coordination_body", CLUSTERS), [name], same_as
    for country in CLUSTER_COUNTRIES:
        for code in codes:
            yield (*country_body(country, code), ())


def country_body(country: str, code: str) -> tuple[dict[str, str], list[str]]:
    """One country's cluster or area of responsibility, with its names in the four languages."""
    iso = country.lower()
    if code in THEMES:
        theme, _, forms = THEMES[code]
        names = [form.format(word) for form in forms for word in (BODY_WORDS if "{}" in form else ("",))]
        names = [name for name in dict.fromkeys(names) if name]
        row = new_row(
            f"{iso}-{slug(theme)}-cluster", f"{theme} Cluster", "", "coordination_body", CLUSTERS, country=country
        )
        return row, [row["name"], *names]
    theme, acronym, forms = AORS[code]
    row = new_row(
        f"{iso}-{slug(acronym)}",
        f"{theme} AoR",
        acronym,
        "coordination_body",
        CLUSTERS,
        country=country,
        parent_id=f"{iso}-protection-cluster",
    )
    return row, [row["name"], *forms]


@dataclass(frozen=True)
class Outcome:
    """What a run makes of the file: its rows after the run, and the ids added, changed and no longer given."""

    rows: list[dict[str, str]]
    added: list[str]
    changed: list[str]
    vanished: list[str]  # rows of a source that the source no longer gives (kept)


def grow(reference: Path, rows: list[dict[str, str]]) -> Outcome:
    """The file's rows, each with the names its reference rows add, then every organisation no row holds."""
    before = {row["actor_id"]: {**dict.fromkeys(COLUMNS, ""), **row} for row in rows}
    registry = Registry([dict(row) for row in before.values()])
    for row, names, same_as in cluster_rows(reference):
        registry.offer(row, names, same_as)
    for imported in (crs_rows(reference), hapi_rows(reference)):
        for row, names in imported:
            registry.offer(row, [name for name in names if name])
    after = list(registry.rows.values())
    return Outcome(
        after,
        added=[row["actor_id"] for row in after if row["actor_id"] not in before],
        changed=[row["actor_id"] for row in after if row["actor_id"] in before and before[row["actor_id"]] != row],
        vanished=[
            actor_id
            for actor_id, row in before.items()
            if row["source"].startswith(SOURCES) and actor_id not in registry.given
        ],
    )


def csv_text(rows: list[dict[str, str]]) -> str:
    """The registry file's text for these rows."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def report(outcome: Outcome, before: dict[str, dict[str, str]]) -> None:
    """One line per actor added, changed (the aliases it gains) or no longer in its source."""
    rows = {row["actor_id"]: row for row in outcome.rows}
    for actor_id in outcome.added:
        print(f"added: {actor_id} {rows[actor_id]['name']!r} ({rows[actor_id]['source']})")
    for actor_id in outcome.changed:
        new = set(rows[actor_id]["aliases"].split("|")) - set(before[actor_id]["aliases"].split("|"))
        print(f"changed: {actor_id} aliases + {' | '.join(sorted(new))}")
    for actor_id in outcome.vanished:
        print(f"not in its source any more, kept: {actor_id} {rows[actor_id]['name']!r} ({rows[actor_id]['source']})")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, default=ROOT.parent / "shared" / "reference")
    parser.add_argument("--actors", type=Path, default=ACTORS, help="the registry file to grow (data/actors.csv)")
    parser.add_argument(
        "--check",
        action="store_true",
        help="report what a run would do, write nothing, exit 1 if it would change the file",
    )
    args = parser.parse_args(argv)
    before = {row["actor_id"]: row for row in read_rows(args.actors)}
    outcome = grow(args.reference, list(before.values()))
    text = csv_text(outcome.rows).encode("utf-8")
    differs = text != args.actors.read_bytes()
    report(outcome, before)
    unchanged = len(before) - len(outcome.changed)
    counts = f"{len(outcome.added)} added, {len(outcome.changed)} changed, {unchanged} unchanged"
    counts += f" ({len(outcome.vanished)} no longer in their source, kept); {len(outcome.rows)} actors"
    if args.check:
        print(f"{args.actors}: {'would change' if differs else 'up to date'}: {counts}")
        return int(differs)
    if differs:
        args.actors.write_bytes(text)
    print(f"{args.actors}: {'written' if differs else 'unchanged'}: {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
