"""Actor registry, cell segmentation and resolution, from real workplan cells (tests/data/mentions.csv)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.actor_resolution import read_mentions, resolve_rows, scores_by_split
from normalizers.actor_registry import ACTOR_TYPES, name_key, reviewed_decisions
from normalizers.actors import (
    NOT_ACTOR,
    Registry,
    ResolutionContext,
    action_point_lead,
    load_registry,
    resolve_cell,
    resolve_mention,
    split_mentions,
)

PRECISION_FLOOR = 0.98
RECALL_FLOOR = 0.95
MIN_ACTORS = 200


SEED_COUNTRY = "LBN"  # the seed workplans' cells are Lebanese: its ministries and sectors are in scope


def actor_ids(cell: str, registry: Registry, context: str | None = None) -> list[str | None]:
    """The actors of a cell of a Lebanese plan: registry ids, "+name" for a provisional actor, None for a
    mention left to review or unresolved; mentions naming no one left out."""
    scope = ResolutionContext(context or "", country=SEED_COUNTRY)
    return [
        f"+{ref.raw}" if ref.method == "provisional" else ref.actor_id
        for ref in resolve_cell(cell, registry, "lead", scope)
        if ref.method != "not_actor"
    ]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        # run-together cells of the LCRP Inter-Sector workplan
        ("M&E Specialist Sector Coordinators ISWG", ["me-specialist", "sector-coordinators", "iswg"]),
        (
            "IA Coordinators with OCHA & RCO Sector Coordinators",
            ["ia-coordinators", "ocha", "rco", "sector-coordinators"],
        ),
        ("Sector Coordinators IM Focal Points", ["sector-coordinators", "im-focal-points"]),
        ("ISWG Communications Specialists (from UN/NGOs)", ["iswg", "communications-specialists"]),
        ("External Expertise (to be identified) ISWG", ["external-expertise", "iswg"]),
        ("MoSA with PMO IA Coordinators with OCHA & RCO", ["mosa", "pmo", "ia-coordinators", "ocha", "rco"]),
        (
            "IA Coordination Officer Emergency Focal Points IMs Focal Points",
            ["ia-coordination-officer", "emergency-focal-points", "im-focal-points"],
        ),
        (
            "MoSA General Supervisor MoIM National Coordinator Moi and MoSA field coordinators",
            ["mosa-general-supervisor", "moim-national-coordinator", "moim", "mosa-field-coordinators"],
        ),
        # the Child Protection sector workplan: dash lists, member prefixes, typos
        ("DRC- TDH- Amel - WVI - ASMAE - JAFRA", ["drc", "tdh", "amel", "world-vision", "asmae", "jafra"]),
        ("DRC Member: Amel - ASMAE", ["drc", "amel", "asmae"]),
        (
            "MOSA, Protection, SGBV, Education, Basic Assistance etc",
            ["mosa", "protection", "sgbv", "education", "basic-assistance"],
        ),
        ("Protection and Education as needed/ applicable", ["protection", "education"]),
        (
            "UNICEF with Case Management Task Force and Protection Sub-sectoral committee",
            ["unicef", "cmtf", "protection-sub-sectoral-committee"],
        ),
        # the IASC Results Group 1 workplan
        ("OCHA Centre for Humanitaria n Data, UNHCR, IOM", ["ocha-centre-humdata", "unhcr", "iom"]),
        (
            "GPC Coordinator/Operations Cell, ProCap Support Unit, IFRC, ODI/HPG",
            ["gpc-coordinator", "gpc-operations-cell", "procap", "ifrc", "hpg"],
        ),
        (
            "Save the Children, InterSos, various field NGOs and NGO consortia",
            ["save-the-children", "intersos", "ngo-consortia"],
        ),
        ("OCHA/UNICEI/ WIF", ["ocha", "unicef", "+WIF"]),  # two letters off WFP: kept as itself, never merged
    ],
)
def test_real_cells(cell: str, expected: list[str | None], registry: Registry) -> None:
    assert actor_ids(cell, registry) == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("SECTOR COORDINATORS ISWG", ["sector-coordinators", "iswg"]),
        ("UNICEF will lead with support from WHO", ["unicef", "who"]),
        ("Core Group members", ["core-group"]),
        ("MoE, MEHE", ["moe", "mehe"]),
        ("1. UNICEF 2. WHO", ["unicef", "who"]),
        ("IOM & UNHCR (co-leads)", ["iom", "unhcr"]),
        ("Ministry of Social Affairs (MoSA)", ["mosa"]),
        ("Child Protection AoR Co- Chairs, IFRC", ["cp-aor--co-chair", "ifrc"]),  # a PDF's wrapped hyphen
        ("Save the\nChildren\nUNICEF", ["save-the-children", "unicef"]),  # a wrapped name, then a list
    ],
)
def test_cell_forms(cell: str, expected: list[str | None], registry: Registry) -> None:
    assert actor_ids(cell, registry) == expected


CELL_WORDS = [
    "UNICEF",
    "OCHA",
    "Sector Coordinators",
    "and",
    "with",
    "/",
    "&",
    "-",
    ",",
    "M&E",
    "N/A",
    "IM Focal Points",
    "Unknown Org",
    "(lead)",
    "etc",
    "\n",
    "MoE",
    "RC/HC",
    "Amel",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(CELL_WORDS), max_size=8))
def test_any_cell_resolves_each_actor_once(words: list[str]) -> None:
    refs = resolve_cell(" ".join(words), load_registry(), "partner")
    resolved = [ref.actor_id for ref in refs if ref.actor_id]
    assert len(resolved) == len(set(resolved))
    assert all(ref.raw.strip() and ref.role == "partner" for ref in refs)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("UNDP, UNEP", ["undp", "unep"]),
        ("IOM, IMC", ["iom", "imc"]),
        ("DRC, NRC", ["drc", "nrc"]),
        ("UNHRC", ["unhrc"]),
        ("UNDEP", [None]),  # one edit from UNDP and from UNEP: a human decides
        ("NRCC", [None]),  # NRC with a letter doubled: maybe NRC, maybe another body; a person decides
        ("UNICEFF", ["unicef"]),  # a long acronym with a letter doubled is that acronym
        ("RRC", ["+RRC"]),  # a short acronym a letter from IRC, DRC, NRC is another organisation
        ("Amal", [None]),  # the Amal movement is not Amel Association
        ("Danish Red Cross", ["rc-dnk"]),  # neither the Danish Refugee Council nor the ICRC
        ("Danish Red Crescent Network", ["+Danish Red Crescent Network"]),  # nor the Danish Red Cross
        ("Amel Foundation for Youth, UNICEF", ["+Amel Foundation for Youth", "unicef"]),  # not Amel
        ("Rural Health & Development Organisation", ["+Rural Health & Development Organisation"]),  # no sector
        ("Caritas DRC", ["+Caritas DRC"]),  # spaces alone never split off a registry acronym
        ("United Nations Mission in South Sudan", [None]),  # the UN's unit or a body of its own: review
        ("WFP USA", ["+WFP USA"]),  # a donor country's name makes another organisation
        ("UNICEF & Rural Health Network", ["unicef", "+Rural Health Network"]),
        ("Federal", [None]),  # a piece of a name is never an actor
        ("Development Programme", [None]),  # UNDP's name without "UN" is no misspelling of it: a person decides
        ("Sunrise Relief and Development Programme", ["+Sunrise Relief and Development Programme"]),
    ],
)
def test_never_merges_different_organisations(cell: str, expected: list[str | None], registry: Registry) -> None:
    assert actor_ids(cell, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        ("WASH Cluster Coordinator", "SYR", ["syr-wash-cluster--coordinator"]),
        ("Food Security Sector Coordinators", "YEM", ["yem-food-security-cluster--coordinator"]),
        ("IM unit of UNHCR", "SDN", ["unhcr--im-officer"]),
        ("Coordinador del Clúster de Salud", "COL", ["col-health-cluster--coordinator"]),
        ("Point focal du Cluster Santé", "HTI", ["hti-health-cluster--focal-point"]),
        ("UNICEF lead", "SYR", ["unicef"]),  # an agency's lead is the agency
        ("Coordinator", "SYR", ["coordinator"]),  # no body named: the registry's bare role
        ("Health Cluster", "YEM", ["yem-health-cluster"]),
        ("Health Cluster", "SOM", ["som-health-cluster"]),  # each country's own cluster
        ("Global Health Cluster", "SOM", ["ghc"]),  # the global one stays distinct
        ("Ministry of Public Health", "LBN", ["moph"]),
        ("Ministry of Public Health", "SYR", ["+Ministry of Public Health"]),  # Lebanon's only in Lebanon
        ("ACNUR y OIM", "COL", ["unhcr", "iom"]),
        ("wfp, unicef", "SSD", ["wfp", "unicef"]),
        ("Acción contra el Hambre", "COL", ["acf"]),
    ],
)
def test_roles_countries_and_languages(cell: str, country: str, expected: list[str], registry: Registry) -> None:
    scope = ResolutionContext(country=country)
    refs = [ref for ref in resolve_cell(cell, registry, "lead", scope) if ref.method != "not_actor"]
    assert [
        f"+{ref.raw}" if ref.actor_id and ref.actor_id.startswith("p-") else ref.actor_id for ref in refs
    ] == expected


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("UNICEI", "unicef"),
        ("UNWRA", "unrwa"),
        ("lOM", "iom"),
        ("0CHA", "ocha"),
        ("MOSA", "mosa"),
        ("Mercy C0rps Lebanon", "mercy-corps"),
        ("Lebnaese Red Cross Society", "lrc"),
        ("Unicef", "unicef"),
    ],
)
def test_typos_and_ocr(mention: str, expected: str, registry: Registry) -> None:
    assert resolve_mention(mention, registry, context=ResolutionContext(country=SEED_COUNTRY)).actor_id == expected


@pytest.mark.parametrize(
    "cell",
    [
        "N/A",
        "NA",
        "etc",
        "as needed/ applicable",
        "Same as above",
        "TBD",
        "All sectors and UN agencies involved directly",
        "various NGOs",
    ],
)
def test_non_actors_yield_no_actor(cell: str, registry: Registry) -> None:
    assert split_mentions(cell, registry) == []
    refs = resolve_cell(cell, registry, "partner")
    assert refs and all((ref.actor_id, ref.method) == (None, "not_actor") for ref in refs)


def test_unknown_organisation_is_a_provisional_actor_of_the_documents_country(registry: Registry) -> None:
    (ref,) = resolve_cell("Lebanese Youth Alliance for Change", registry, "partner", ResolutionContext(country="LBN"))
    assert (ref.raw, ref.actor_id, ref.method, ref.role) == (
        "Lebanese Youth Alliance for Change",
        "p-lebanese-youth-alliance-for-change-lbn",
        "provisional",
        "partner",
    )


@pytest.mark.parametrize(
    ("cell", "context", "expected"),
    [
        ("MoE", None, [None]),
        ("MoE", "Environment Task Force", ["moe"]),
        ("MoE", "Education sector", ["mehe"]),
        ("MoE, Education", None, ["mehe", "education"]),
    ],
)
def test_ambiguous_acronym_settled_by_context(
    cell: str, context: str | None, expected: list[str | None], registry: Registry
) -> None:
    assert actor_ids(cell, registry, context) == expected


def test_ambiguous_acronym_goes_to_review_with_suggestions(registry: Registry) -> None:
    ref = resolve_mention("MoE", registry, "lead", ResolutionContext(country=SEED_COUNTRY))
    assert (ref.actor_id, ref.method, {actor for actor, _ in ref.suggestions}) == (
        None,
        "review",
        {"moe", "mehe"},
    )


def test_reviewed_aliases_come_first(registry: Registry) -> None:
    reviewed = Registry(
        registry.actors,
        reviewed={name_key("PSS Coommittee"): "pss-committee", name_key("Referral"): NOT_ACTOR},
    )
    refs = resolve_cell("PSS Coommittee, Referral, UNICEF", reviewed, "lead")
    assert [(ref.actor_id, ref.method) for ref in refs] == [
        ("pss-committee", "reviewed"),
        (None, "not_actor"),  # a reviewer's "not an actor" stays a mention naming no one, never dropped
        ("unicef", "exact"),
    ]


def test_reviewed_aliases_file_keeps_current_decisions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, registry: Registry
) -> None:
    (tmp_path / "reviewed_aliases.csv").write_text(
        "raw,actor_id,decided_at\n"
        "UNICEI,unicef,2026-01-01T00:00:00\n"
        "Referral,__not_actor__,2026-01-01T00:00:00\n"
        "Gone Org,retired-actor-id,2026-01-01T00:00:00\n",
        encoding="utf-8",
    )
    monkeypatch.setattr("data.DATA_DIR", tmp_path)
    assert reviewed_decisions(registry.actors) == {"unicei": "unicef", "referral": NOT_ACTOR}


def test_registry_is_curated(registry: Registry) -> None:
    actors = registry.actors
    assert len(actors) >= MIN_ACTORS
    assert all(actor.actor_type in ACTOR_TYPES for actor in actors.values())
    assert all(actor.parent_id in actors for actor in actors.values() if actor.parent_id)
    assert actors["ocha-centre-humdata"].parent_id == "ocha"
    assert load_registry() is registry


# Acronyms two bodies of one country really share (Lebanon's education ministry is "MoE" to many, its environment
# ministry's acronym is MoE): the resolver sends them to review.
SHARED_ACRONYMS = {("moe", "LBN")}


def same_body_key(form: str) -> str:
    """A registry form without what does not tell two bodies apart: a bracket closing it ("(wfp)"), a closing
    "International", an opening "Global"."""
    return re.sub(r"^global | international$", "", name_key(re.sub(r"\s*\([^()]*\)$", "", form)))


def test_no_two_registry_actors_share_a_name_or_an_acronym_in_one_country(registry: Registry) -> None:
    owners: dict[tuple[str, str | None], set[str]] = {}
    for actor in registry.actors.values():
        for key in {same_body_key(form) for form in (actor.name, *actor.aliases, actor.acronym or "") if form}:
            owners.setdefault((key, actor.country), set()).add(actor.actor_id)
    shared = {key: ids for key, ids in owners.items() if len(ids) > 1 and key not in SHARED_ACRONYMS}
    assert shared == {}


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("Coordinator to share logo with group members and field coordinators.", "Coordinator"),
        ("IM to add 'high-risk cases' and 'cases closed' disaggregations to Activity Info.", "IM"),
        ("Members to consider access rights internally and decide at next meeting.", "Members"),
        ("Organizations already doing cash to inform Coordinator.", "Organizations already doing cash"),
        ("Coordinator and IM to provide further guidance as available.", "Coordinator and IM"),
        (
            "Organizations still wanting to order hard copies of CP MS to inform Coordinator asap.",
            "Organizations still wanting to order hard copies of CP MS",
        ),
        ("Follow-up on creating versions with CPiEWG wording to be used stand alone.", None),
        ("Contact information for HP TWiG chair can be requested from Coordinator.", None),
        ("Contact Carlos Bohorquez (cborohquez@unicef.org) or Coordinator to join technical group.", None),
        ("Under way", None),
    ],
)
def test_action_point_lead(text: str, lead: str | None) -> None:
    assert action_point_lead(text) == lead


def test_resolution_meets_precision_and_recall_floors() -> None:
    scores = scores_by_split(resolve_rows(read_mentions()))["all"]
    assert scores.rows >= 400
    assert scores.precision >= PRECISION_FLOOR
    assert scores.recall >= RECALL_FLOOR


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # line breaks, commas, semicolons and slashes between pieces that each read as an organisation
        ("ACBAR\nAfghanaid", "AFG", ["+ACBAR", "+Afghanaid"]),
        (
            "Direction Régionale de la Santé de Mopti\nALIMA",
            "MLI",
            ["+Direction Régionale de la Santé de Mopti", "alima"],
        ),
        ("ORDA, REST, GOAL", "ETH", ["+ORDA", "+REST", "goal"]),
        ("Alerte Santé / IRC", "TCD", ["+Alerte Santé", "irc"]),
        ("Qandil\nREACH\nCCCM Cluster", "IRQ", ["+Qandil", "reach", "irq-cccm-cluster"]),
        # "A with B" (and its French, Spanish and Portuguese words) names both
        ("HealthNet TPO with WHO", "AFG", ["+HealthNet TPO", "who"]),
        ("Fe y Alegría con UNICEF", "VEN", ["+Fe y Alegría", "unicef"]),
        (
            "Fundação para o Desenvolvimento da Comunidade com UNICEF",
            "MOZ",
            ["+Fundação para o Desenvolvimento da Comunidade", "unicef"],
        ),
        ("HI avec Solidarités International", "MLI", ["hi", "solidarites"]),
        # a unit, an office or a note on an organisation is that organisation
        ("UNHCR Protection Unit", "IRQ", ["unhcr"]),
        # a unit named by its own acronym is the organisation's; an agency's acronym there is a second body
        ("UNFPA PSEA unit", "SSD", ["unfpa"]),
        ("IOM MEAL Section", "IRQ", ["iom"]),
        ("UNICEF WHO unit", "SSD", ["unicef", "who"]),
        # a name, then a collective written in lower case after the link: the name alone
        ("Norwegian Refugee Council & relevant line ministries", "SOM", ["nrc"]),
        ("Ministry of Water & partners as relevant", "KEN", ["+Ministry of Water"]),
        ("Associação Esperança Viva e autoridades locais", "MOZ", ["+Associação Esperança Viva"]),
        ("IOM (DTM)", "ETH", ["iom"]),
        ("UNICEF (WASH Cluster Lead Agency)", "AFG", ["unicef"]),
        ("CARE Ethiopia", "ETH", ["care"]),
        ("NRC (HLP AoR)", "UKR", ["nrc"]),
        ("CNARR (Chad); IOM", "TCD", ["+CNARR", "iom"]),
        ("Logistics Cluster (WFP)", "SSD", ["ssd-logistics-cluster", "wfp"]),
        # roles: one role actor of the body, never a bare "Coordinator"
        ("WASH Cluster Coordinator with UNICEF", "AFG", ["afg-wash-cluster--coordinator", "unicef"]),
        ("Coordination Cluster Nutrition", "MLI", ["mli-nutrition-cluster--coordinator"]),
        ("Coordinación del Clúster de Salud", "VEN", ["ven-health-cluster--coordinator"]),
        ("Nutrition Cluster IMO", "MMR", ["mmr-nutrition-cluster--im-officer"]),
        # never broken, never merged
        ("Rural Health & Development Organisation", "AFG", ["+Rural Health & Development Organisation"]),
        ("Friends of Peace and Development Organization", "SSD", ["+Friends of Peace and Development Organization"]),
        (
            "Ministère de la Santé, de l'Hygiène et de la Prévention",
            "COD",
            ["+Ministère de la Santé, de l'Hygiène et de la Prévention"],
        ),
        ("RRRC, International Organization for Migration", "BGD", ["+RRRC", "iom"]),
        ("PNECHOL-MD / DPS/NK", "COD", ["+PNECHOL-MD", "+DPS/NK"]),
        ("UNICEEF, Save the Children", "ETH", ["unicef", "save-the-children"]),  # a typo within the safeguards
        ("HAC", "SDN", ["+HAC"]),  # a short acronym a letter from others is itself
        ("OHCA", "SDN", [None]),  # the letters of OCHA in another order: a person decides
        ("Community Partners International", "MMR", ["+Community Partners International"]),
        ("Implementing Parners", "SDN", []),  # a collective misspelt names no one
        # an article after a linking word belongs to neither name
        ("UNICEF avec l'ONG Tassaght", "MLI", ["unicef", "+ONG Tassaght"]),
        ("WFP and the Ministry of Agriculture", "KEN", ["wfp", "+Ministry of Agriculture"]),
        # a name holding the linking word itself: the cell is cut once, where both sides stand
        (
            "OIM et la Direction de la Protection de l'Enfance et de la Famille",
            "BFA",
            ["iom", "+Direction de la Protection de l'Enfance et de la Famille"],
        ),
        # a bracketed acronym closes a name; a body's word opens a French, Spanish or Portuguese one
        ("Rural Aid Network (RAN) and Tin Tua", "BFA", ["+Rural Aid Network (RAN)", "+Tin Tua"]),
        (
            "Fundación Tierra Viva y Cruz Roja Nicaragüense",
            "NIC",
            ["+Fundación Tierra Viva", "+Cruz Roja Nicaragüense"],
        ),
        ("Ministry of Lands and Natural Resources", "KEN", ["+Ministry of Lands and Natural Resources"]),
        ("ADESA & Protection civile", "TCD", ["+ADESA", "+Protection civile"]),  # a letter from a small body: another
        ("Instituto Migrações e Direitos Humanos (IMDH)", "BRA", ["+Instituto Migrações e Direitos Humanos (IMDH)"]),
        # labels, numbers and sectors are no actors
        ("Lead: WFP; Co-lead: FAO", "SSD", ["wfp", "fao"]),
        ("Chef de file : UNICEF", "NER", ["unicef"]),
        ("4 partenaires locaux", "NER", []),
        ("IRC – Santé & Nutrition", "NER", ["irc"]),  # the sector after an agency is its programme
        ("Coordination VBG", "GIN", ["+Coordination VBG"]),
        ("UNHCR through Windle International Uganda", "UGA", ["unhcr", "+Windle International Uganda"]),
        # "with" joining unknown bodies named whole; people and what they live with stay one name
        (
            "Kitgum District Local Government with Health TWG",
            "UGA",
            ["+Kitgum District Local Government", "+Health TWG"],
        ),
        ("ADESC com Câmara Municipal de Ribeira Brava", "CPV", ["+ADESC", "+Câmara Municipal de Ribeira Brava"]),
        ("Kenya Women with Disabilities Network", "KEN", ["+Kenya Women with Disabilities Network"]),
        (
            "Ministry of Water, Lands and Environment with UNICEF",
            "UGA",
            ["+Ministry of Water, Lands and Environment", "unicef"],
        ),
        # a person and their post in brackets: a contact
        ("PAM (Awa Diallo, chef de bureau)", "SEN", ["wfp"]),
        ("ACNUR (Rosa Quispe, jefa de oficina)", "PER", ["unhcr"]),
        ("WASH Cluster Co-Lead (ACTED)", "AFG", ["afg-wash-cluster--co-lead", "acted"]),
        # long names, commas, elided words
        (
            "Ministère de l'Agriculture, de l'Élevage, de la Pêche, de l'Eau et de l'Hydraulique des Régions",
            "BFA",
            ["+Ministère de l'Agriculture, de l'Élevage, de la Pêche, de l'Eau et de l'Hydraulique des Régions"],
        ),
        (
            "Ministério da Terra, Ambiente e Desenvolvimento Rural (MITADER)",
            "AGO",
            ["+Ministério da Terra, Ambiente e Desenvolvimento Rural (MITADER)"],
        ),
        ("Croissant-Rouge d'Algérie", "DZA", ["+Croissant-Rouge d'Algérie"]),
        ("MoE", "MWI", ["+MoE"]),  # "Mo" and capitals: a ministry
        ("MoU", "MWI", []),
        # plural kinds of body name several bodies, none in particular
        ("Village Development Committees", "NPL", []),
        ("Water User Associations, UNICEF", "UGA", ["unicef"]),
        ("Comités de gestion des points d'eau", "NER", []),
        ("Malawi Council of Churches", "MWI", ["+Malawi Council of Churches"]),
        # units, offices, places and regions of registry organisations
        ("WFP Sub-Office Gode", "ETH", ["wfp"]),
        ("UNHCR Bureau de Djibo", "BFA", ["unhcr"]),
        ("Uganda Red Cross Society Arua Branch", "UGA", ["rc-uga"]),
        ("UNICEF WASH Section, World Vision", "MWI", ["unicef", "world-vision"]),
        ("Oxfam in Malawi", "MWI", ["oxfam"]),
        ("IRC-Uganda, WFP-Arua", "UGA", ["irc", "wfp"]),
        ("Care Malawi", "MWI", ["care"]),
        ("ADRA Vanuatu", "VUT", ["adra"]),
        ("UNFPA West and Central Africa", "SEN", ["unfpa"]),
        ("UNICEF Field Office Maroua\nIntersos", "CMR", ["unicef", "intersos"]),
        ("WFP Office and Tin Tua", "BFA", ["wfp", "+Tin Tua"]),
        ("Aldeias Infantis SOS", "MOZ", ["hapi-sos-children-s-villages"]),
        # roles: a topic between the role and its body, a bare role before a comma, a registry name's prefix
        ("Coordonnateur WASH de l'UNICEF", "NER", ["unicef--coordinator"]),
        ("Point focal PSEA de l'OIM", "NER", ["iom--focal-point"]),
        ("Point focal Protection de l'Enfance du HCR", "BFA", ["unhcr--focal-point"]),
        ("IMO, Cluster Nutrition", "BFA", ["bfa-nutrition-cluster--im-officer"]),
        (
            "Co-lead du Cluster Éducation (Save the Children)",
            "BFA",
            ["bfa-education-cluster--co-lead", "save-the-children"],
        ),
        ("Dirección General de Protección Civil", "PAN", ["+Dirección General de Protección Civil"]),
    ],
)
def test_open_world_cells(cell: str, country: str, expected: list[str | None], registry: Registry) -> None:
    refs = resolve_cell(cell, registry, "lead", ResolutionContext(country=country))
    assert [
        f"+{ref.raw}" if ref.method == "provisional" else ref.actor_id for ref in refs if ref.method != "not_actor"
    ] == expected


def test_a_bare_cluster_role_is_the_documents_own_cluster(registry: Registry) -> None:
    scope = ResolutionContext(country="SYR", sector="Health")
    assert [ref.actor_id for ref in resolve_cell("Cluster Coordinator", registry, "lead", scope)] == [
        "syr-health-cluster--coordinator"
    ]


def test_no_registry_actor_names_no_one(registry: Registry) -> None:
    from normalizers.actor_pieces import is_non_actor

    assert [actor.name for actor in registry.actors.values() if is_non_actor(actor.name)] == []


def test_name_keys_drop_accents_but_keep_the_vowel_signs_of_brahmic_scripts() -> None:
    assert name_key("Médecins Sans Frontières") == name_key("MEDECINS SANS FRONTIERES")
    assert name_key("Hội Nông dân") == "hoi nong dan"
    # Devanagari "काम" (work) and "कम" (less), Thai "กิน" and "กัน": one vowel sign apart, different words
    assert name_key("काम समिति") != name_key("कम समिति")
    assert name_key("กลุ่มกิน") != name_key("กลุ่มกัน")
    assert name_key("महिला संघ।") == "महिला संघ"  # a word whole, the danda a stop
    assert " " not in name_key("संस्था")  # the virama inside a word does not cut it


def test_a_possessive_apostrophe_left_out_is_one_name() -> None:
    assert name_key("Children's Rights Forum of Mopti") == name_key("Childrens Rights Forum of Mopti")
    assert name_key("Farmers’ Union") == name_key("Farmers Union")
    assert name_key("Maison d'Accueil de l'Enfant") == "maison d accueil de l enfant"  # elisions still cut words


def test_an_unknown_organisation_with_and_without_its_apostrophe_is_one_provisional_actor(registry: Registry) -> None:
    context = ResolutionContext(country="GHA")
    with_it = resolve_cell("Kassena Children's Welfare Trust", registry, "lead", context)
    without = resolve_cell("Kassena Childrens Welfare Trust", registry, "lead", context)
    assert [ref.method for ref in with_it] == ["provisional"]
    assert [ref.actor_id for ref in with_it] == [ref.actor_id for ref in without]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("PAM (VAM) Maradi", ["wfp"]),  # a unit's acronym in brackets, then the town: the agency
        ("FAO (SFERA) Tahoua", ["fao"]),
        ("MSF (OCG) Zinder", ["hapi-msf-ch"]),  # the bracket with the name is a registry row of its own
        ("UNICEF (UNFPA)", ["unicef", "unfpa"]),  # another organisation
    ],
)
def test_a_units_acronym_in_brackets_before_a_place_is_a_note(
    registry: Registry, cell: str, expected: list[str]
) -> None:
    refs = resolve_cell(cell, registry, "lead", ResolutionContext(country="NER"))
    assert [ref.actor_id for ref in refs] == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("Shelter Cluster: all partners", []),  # the body's members: no one named
        ("Cluster Éducation – tous les membres", []),
        ("Shelter Cluster: IOM", ["ssd-shelter-cluster", "iom"]),  # a body, then an organisation
        ("UNHCR: partners", ["unhcr"]),  # an organisation's partners after a label: the organisation named
    ],
)
def test_a_bodys_members_after_a_colon_or_dash_name_no_one(registry: Registry, cell: str, expected: list[str]) -> None:
    refs = resolve_cell(cell, registry, "lead", ResolutionContext(country="SSD"))
    assert [ref.actor_id for ref in refs if ref.method != "not_actor"] == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        ("Save the Children Sud-Ouest", "CMR", ["save-the-children"]),  # a region named by the compass: a place
        ("PAM Centre-Sud", "BFA", ["wfp"]),
        ("Point focal du Cluster Protection (Centre-Est)", "BFA", ["bfa-protection-cluster--focal-point"]),  # a note
    ],
)
def test_a_region_named_by_points_of_the_compass_is_a_place(
    registry: Registry, cell: str, country: str, expected: list[str]
) -> None:
    refs = resolve_cell(cell, registry, "lead", ResolutionContext(country=country))
    assert [ref.actor_id for ref in refs] == expected


def test_a_name_with_compass_words_and_a_name_of_its_own_is_an_organisation(registry: Registry) -> None:
    refs = resolve_cell("Association Nord-Est Entraide", registry, "lead", ResolutionContext(country="BFA"))
    assert [ref.method for ref in refs] == ["provisional"]


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        ("UNHCR (CCCM)", "SOM", ["unhcr"]),  # the sector an agency works in, not that sector's cluster
        ("WFP Kismayo (Nutrition)", "SOM", ["wfp"]),
        ("UNICEF – Kismayo office (CCCM)", "SOM", ["unicef"]),  # a place before the bracket: no translated name
    ],
)
def test_a_sector_in_brackets_after_an_agency_is_a_note(
    registry: Registry, cell: str, country: str, expected: list[str]
) -> None:
    refs = resolve_cell(cell, registry, "lead", ResolutionContext(country=country))
    assert [ref.actor_id for ref in refs][:1] == expected
    assert not any(ref.actor_id and ref.actor_id.endswith("-cluster") for ref in refs)


def test_a_line_of_a_bodys_partners_after_an_organisation_is_no_wrapped_name(registry: Registry) -> None:
    refs = resolve_cell("FAO (VAM)\nsocios de la Mesa Técnica", registry, "partner", ResolutionContext(country="HND"))
    assert [ref.actor_id for ref in refs][:1] == ["fao"]
    refs = resolve_cell("UNFPA\npartenaires du Sous-cluster VBG", registry, "partner", ResolutionContext(country="MLI"))
    assert [ref.actor_id for ref in refs][:1] == ["unfpa"]


@pytest.mark.parametrize(
    "cell",
    [
        "WFP (Peter Otieno, Programme Officer)",
        "PAM (Fatou Diallo, chargée de suivi)",
        "UNFPA (Carmen Ruiz, especialista de género)",
        "UNICEF (Ana Chissano, coordenadora)",
    ],
)
def test_a_person_and_their_post_in_brackets_is_a_contact_not_an_actor(registry: Registry, cell: str) -> None:
    refs = resolve_cell(cell, registry, "lead", ResolutionContext(country="KEN"))
    assert len(refs) == 1 and refs[0].method in ("exact", "alias")


def test_two_organisations_in_brackets_stay_two(registry: Registry) -> None:
    refs = resolve_cell("FAO (Plan International, World Vision)", registry, "lead", ResolutionContext(country="KEN"))
    assert [ref.actor_id for ref in refs] == ["fao", "plan-international", "world-vision"]
