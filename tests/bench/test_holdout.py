"""The shadow holdout's generator: gold written from its own parameters, a committed manifest kept current."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pptx
import pypdf
import pypdfium2
import pytest
from docx.oxml.ns import qn
from docx.shared import Cm
from PIL import Image, ImageDraw
from pptx.util import Emu

from bench.holdout import build as holdout_build
from bench.holdout.boards import sideways_pdf
from bench.holdout.content import actors, plans, words
from bench.holdout.documents import DOCUMENTS
from bench.holdout.grid import Built, build, code, expand
from bench.holdout.idioms import COORD_TIMEFRAMES
from bench.holdout.layout import Layout
from bench.holdout.offices import SHORT_MONTHS
from bench.holdout.render import csv_bytes, minutes_document, write
from bench.holdout.render import document as render_document
from bench.holdout.restyle import scanned_pdf
from bench.holdout.spelling import accepted
from tools import office


def test_every_actor_key_of_every_plan_is_in_the_actor_table() -> None:
    keys = {
        key
        for plan in plans().values()
        for activity in plan.activities
        for key in f"{activity.lead} {activity.partners}".replace("+", " ").split()
        if key != "~"
    }
    assert keys <= set(actors()), keys - set(actors())


@pytest.mark.parametrize("layout", DOCUMENTS, ids=lambda layout: layout.name)
def test_one_gold_row_per_activity_with_context_only_where_the_document_shows_it(layout: Layout) -> None:
    built = build(layout)
    plan = built.plan
    texts = [" ".join([a.text, *(f"{k}. {s}" for k, s in enumerate(a.steps, 1))]) for a in plan.activities]
    assert [row["activity"] for row in built.gold] == (texts if layout.steps else [a.text for a in plan.activities])
    for row in built.gold:
        for level in ("priority", "objective", "output"):
            assert (row[level] is None) or level in plan.levels
        assert row["status"] is None or "status" in layout.cols
        named = "lead" in layout.cols or "lead_support" in layout.cols or layout.lead_band or layout.lead_in_text
        assert row["leads"] == [] or named


def test_the_manifest_is_that_of_the_documents_built(tmp_path: Path) -> None:
    """Without LibreOffice: the manifest's Office, CSV and slide rows as the generator makes them now."""
    committed = json.loads(holdout_build.MANIFEST.read_text(encoding="utf-8"))["documents"]
    rows = {row["document"]: row for row in committed}
    for layout in DOCUMENTS:
        built = build(layout)
        assert rows[layout.name] == holdout_build.manifest_row(built, layout.name, layout.extension)


def test_numbering_schemes() -> None:
    base = DOCUMENTS[0]
    assert [
        code(Layout(base.name, base.plan, base.cols, numbering=s), (2, 1, 3))
        for s in ("dotted", "alpha", "roman", "letter")
    ] == [
        "2.1.3",
        "B.1.3",
        "II.1.3",
        "2.1.c",
    ]


def test_a_csv_export_leaves_merged_cells_blank(tmp_path: Path) -> None:
    layout = next(d for d in DOCUMENTS if d.extension == "csv")
    text = csv_bytes(build(layout)).decode("utf-8-sig")
    assert "^" not in text and "<" not in text
    assert write(build(layout), tmp_path).read_bytes() == csv_bytes(build(layout))


def test_a_long_export_writes_one_row_per_activity_and_quarter_and_its_gold_holds_them_all() -> None:
    layout = next(d for d in DOCUMENTS if "period" in d.cols)
    built = build(layout)
    header, *body = built.parts[0].rows
    activity, period = header.index(layout.hdr["activity"]), header.index(layout.hdr["period"])
    for gold in built.gold:
        rows = [row for row in body if row[activity] == gold["activity"]]
        assert len(rows) == max(1, len(gold["quarters"]))
        assert sorted(int(row[period][-1]) for row in rows if row[period]) == gold["quarters"]


def test_quarter_columns_over_two_years_give_the_marked_quarters_and_the_year_of_most() -> None:
    layout = next(d for d in DOCUMENTS if "q2y" in d.cols)
    built = build(layout)
    years, quarters, *body = built.parts[0].rows
    first = next(c for c, text in enumerate(quarters) if text == "T1")
    year = [int(years[first])] * 4 + [int(years[first + 4])] * 4
    rows = [row for row in body if row[first - 3]]
    assert len(rows) == len(built.gold)
    for row, gold in zip(rows, built.gold, strict=True):
        marked = [(year[k], k % 4 + 1) for k in range(8) if row[first + k]]
        assert sorted({q for _, q in marked}) == gold["quarters"]
        per_year = {y0: sum(1 for y, _ in marked if y == y0) for y0 in set(year)}
        most = max(per_year.values())
        leaders = [y0 for y0, n in per_year.items() if n == most]
        assert gold["year"] == (built.plan.year if not marked else leaders[0] if len(leaders) == 1 else None)


def test_lead_and_partners_on_two_unlabelled_lines_give_the_first_line_as_lead() -> None:
    layout = next(d for d in DOCUMENTS if "lead_support" in d.cols and d.joint == 2 and d.extension == "csv")
    built = build(layout)
    header, _, *body = built.parts[0].rows
    cells = [row[header.index(layout.hdr["lead_support"])] for row in body]
    for cell, gold in zip(cells, built.gold, strict=True):
        lead, _, partners = cell.partition("\n")
        assert lead and "Lead" not in lead and "Apoyo" not in cell
        assert gold["leads"] and bool(gold["partners"]) <= bool(partners)


def test_a_code_written_in_the_activity_cell_is_not_in_the_gold() -> None:
    layout = next(d for d in DOCUMENTS if d.code_in_text)
    built = build(layout)
    header, _, *body = built.parts[0].rows
    texts = [row[header.index(layout.hdr["activity"])] for row in body]
    for text, gold, activity in zip(texts, built.gold, built.plan.activities, strict=True):
        assert text == f"{code(layout, activity.path)}{layout.code_in_text}{gold['activity']}"


def test_footnote_rows_and_marks_are_no_activities_and_leave_the_actors_whole() -> None:
    layout = next(d for d in DOCUMENTS if len(d.footnotes) > 1)
    built = build(layout)
    part = built.parts[0]
    assert [row[0] for row in part.rows if row[0].startswith("*")] == list(layout.footnotes)
    leads = [row[[role for role, _ in expand(layout.cols)].index("lead")] for row in part.rows]
    assert [cell for cell in leads if cell.endswith("*")] == [leads[part.header_rows]] + [
        cell for cell in leads if cell.endswith("**")
    ]
    assert len(built.gold) == len(built.plan.activities)
    assert all("*" not in name for gold in built.gold for names in gold["leads"] for name in names)


@pytest.mark.parametrize("layout", [d for d in DOCUMENTS if d.timeframe_style == "coord"], ids=lambda d: d.name)
def test_coordination_time_frames_are_worded_for_the_quarters_of_the_gold(layout: Layout) -> None:
    built = build(layout)
    c = [role for role, _ in expand(layout.cols)].index("timeframe")
    cells = [row[c] for part in built.parts for row in part.rows[part.header_rows :] if row[c] not in ("", "<")]
    assert len(cells) == len(built.gold)
    for cell, gold in zip(cells, built.gold, strict=True):
        worded = COORD_TIMEFRAMES[built.plan.lang][",".join(map(str, gold["quarters"]))]
        week = next((text for text in worded if "{wc}" in text), "{wc}").split("{wc}")[0]
        assert cell in {text.format(y=built.plan.year, wc="") for text in worded} or (
            week and cell.startswith(week) and len(gold["quarters"]) == 1
        )


def quarters_read(cell: str, lang: str) -> list[int]:
    """The quarters a mixed time frame names, read the way a person reads it (the test's own reading)."""
    quarter = {"en": "Q", "fr": "T", "es": "T", "pt": "T"}[lang]
    if cell.lower() in ("ongoing", "en continu", "continu", "permanente", "continuo", "contínuo"):
        return [1, 2, 3, 4]
    if cell[:1] in "HS" and cell[1:] in ("1", "2"):
        return [1, 2] if cell[1] == "1" else [3, 4]
    if cell.startswith(quarter) and cell[1].isdigit():
        ends = [int(part[1:]) for part in cell.split("-")]
        return list(range(ends[0], ends[-1] + 1))
    if "–" in cell:
        first, last = cell.rsplit(" ", 1)[0].split("–")
        months = SHORT_MONTHS[lang]
        return list(range(months.index(first) // 3 + 1, months.index(last) // 3 + 2))
    return []


@pytest.mark.parametrize("layout", [d for d in DOCUMENTS if d.timeframe_style == "mixed"], ids=lambda d: d.name)
def test_mixed_time_frames_read_as_the_quarters_of_the_gold(layout: Layout) -> None:
    built = build(layout)
    c = [role for role, _ in expand(layout.cols)].index("timeframe")
    cells = [row[c] for part in built.parts for row in part.rows[part.header_rows :] if row[c] not in ("", "<")]
    assert len(cells) == len(built.gold)
    for cell, gold in zip(cells, built.gold, strict=True):
        assert quarters_read(cell, built.plan.lang) == gold["quarters"], cell
    forms = {"range" if "–" in cell else "quarter" if cell[1:2].isdigit() else "word" for cell in cells}
    assert len(forms) > 1


def test_a_lead_with_a_person_s_role_gives_the_agency() -> None:
    layout = next(d for d in DOCUMENTS if d.lead_roles and d.extension == "docx")
    built = build(layout)
    c = [role for role, _ in expand(layout.cols)].index("lead")
    cells = [row[c] for row in built.parts[0].rows[built.parts[0].header_rows :] if row[c] not in ("", "<")]
    with_roles = 0
    for cell, gold in zip(cells, built.gold, strict=True):
        agency, _, role = cell.partition(" (")
        if role.rstrip(")") in layout.lead_roles:
            with_roles += 1
            assert len(gold["leads"]) == 1 and agency.upper() in {name.upper() for name in gold["leads"][0]}
    assert with_roles >= len(cells) // 2


def test_a_legend_row_ends_the_table_and_is_no_activity() -> None:
    layout = next(d for d in DOCUMENTS if d.legend)
    built = build(layout)
    rows = built.parts[-1].rows
    assert rows[-1][0] == layout.legend and set(rows[-1][1:]) == {"<"}
    assert len(built.gold) == len(built.plan.activities)
    assert all(layout.legend not in gold["activity"] for gold in built.gold)


def test_a_windows_1252_export_keeps_its_accented_words() -> None:
    layout = next(d for d in DOCUMENTS if d.encoding == "cp1252")
    data = csv_bytes(build(layout))
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    text = data.decode("cp1252")
    assert all(activity.text in text for activity in plans()[layout.plan].activities)
    assert any(ch in text for ch in "éàíóú")


def test_quarter_columns_of_due_dates_give_the_quarters_of_their_dates() -> None:
    layout = next(d for d in DOCUMENTS if d.mark == "date")
    built = build(layout)
    first_q = [role for role, _ in expand(layout.cols)].index("q")
    dated: dict[int, set[int]] = {}
    for r, c, day, _ in built.parts[0].values:
        assert isinstance(day, date) and day.year == built.plan.year
        assert c - first_q + 1 == (day.month - 1) // 3 + 1
        dated.setdefault(r, set()).add(c - first_q + 1)
    assert [sorted(q) for q in dated.values()] == [g["quarters"] for g in built.gold if g["quarters"]]


def body_rows(layout: Layout) -> tuple[list[str], list[list[str]]]:
    """A one-table document's roles by column and its rows below the header."""
    built = build(layout)
    part = built.parts[0]
    return [role for role, _ in expand(layout.cols)], part.rows[part.header_rows :]


def test_one_letter_months_under_the_year_give_the_quarters_of_the_shaded_months() -> None:
    layout = next(d for d in DOCUMENTS if d.months == "initial" and d.mark.startswith("shade:"))
    built = build(layout)
    part = built.parts[0]
    top, letters = part.rows[0], part.rows[1]
    first = top.index(str(built.plan.year))
    assert letters[first : first + 12] == list("JFMAMJJASOND") and set(top[first + 1 : first + 12]) == {"<"}
    shaded: dict[int, set[int]] = {}
    for r, c, _ in part.fills:
        if first <= c < first + 12 and r not in part.bold_rows:
            shaded.setdefault(r, set()).add((c - first) // 3 + 1)
    activity_rows = [r for r in range(2, len(part.rows)) if part.rows[r][0] and r not in part.bold_rows]
    assert len(activity_rows) == len(built.gold)
    assert [sorted(shaded.get(r, set())) for r in activity_rows] == [g["quarters"] for g in built.gold]


def test_numbered_outcome_and_output_rows_are_the_context_of_the_lettered_activities_below() -> None:
    layout = next(d for d in DOCUMENTS if d.level_dot and d.extension == "docx")
    roles, rows = body_rows(layout)
    num, text = roles.index("num"), roles.index("activity")
    outcome = output = ""
    golds = iter(build(layout).gold)
    for row in rows:
        code_text = row[num]
        if code_text.endswith(".") and code_text[:-1].isdigit():
            outcome = row[text]
        elif code_text.count(".") == 1:
            output = row[text]
        else:
            assert code_text[-1].isalpha() and code_text.count(".") == 2
            gold = next(golds)
            assert (gold["activity"], gold["objective"], gold["output"]) == (row[text], outcome, output)
    assert next(golds, None) is None


@pytest.mark.parametrize("layout", [d for d in DOCUMENTS if d.colead], ids=lambda d: d.name)
def test_a_co_lead_in_brackets_is_a_second_lead(layout: Layout) -> None:
    built = build(layout)
    c = [role for role, _ in expand(layout.cols)].index("lead")
    header = {cell for row in built.parts[0].rows[: built.parts[0].header_rows] for cell in row}
    cells = [row[c] for part in built.parts for row in part.rows[part.header_rows :]]
    cells = [cell for cell in cells if cell not in ("", "<", "^") and cell not in header]
    assert len(cells) == len(built.plan.activities)
    for cell, gold, activity in zip(cells, built.gold, built.plan.activities, strict=True):
        keys = activity.lead.split("+")
        assert [names[0] for names in gold["leads"]] == [actors()[key].names[0] for key in keys]
        if len(keys) == 2:
            first, _, rest = cell.partition(" (co-")
            second = rest.split(":", 1)[1].strip().removesuffix(")")
            for key, written in zip(keys, (first, second), strict=True):
                actor = actors()[key]
                assert written in (*actor.spelled(built.plan.lang), *actor.notes, *actor.typos), written
        else:
            assert "(co-" not in cell


def test_bulleted_partner_lines_are_each_a_partner() -> None:
    layout = next(d for d in DOCUMENTS if d.bullet_partners)
    roles, rows = body_rows(layout)
    c = roles.index("partners")
    cells = [row[c] for row in rows if row[roles.index("num")].count(".") == 2]
    gold = build(layout).gold
    assert len(cells) == len(gold)
    for cell, row in zip(cells, gold, strict=True):
        lines = cell.split("\n")
        assert all(line.startswith("• ") for line in lines)
        assert len(row["partners"]) <= len(lines)


def test_traffic_lights_read_by_their_legend_give_the_gold_status() -> None:
    layout = next(d for d in DOCUMENTS if d.status_style == "light")
    built = build(layout)
    legend = dict(pair.split(" = ") for pair in layout.legend.split(": ", 1)[1].split("; "))
    statuses = {word.lower(): key for key, texts in words()[built.plan.lang]["status"].items() for word in texts}
    roles, rows = [role for role, _ in expand(layout.cols)], built.parts[0].rows[built.parts[0].header_rows :]
    c = roles.index("status")
    cells = [row[c] for row in rows[:-1]]
    assert rows[-1][0] == layout.legend and len(cells) == len(built.gold)
    for cell, gold in zip(cells, built.gold, strict=True):
        meaning = legend.get(cell, cell).lower().split(" ou ")[0]
        read = statuses.get(meaning) if cell else None
        assert (None if read == "unclear" else read) == gold["status"], cell


def test_a_header_pasted_into_the_body_under_a_note_row_is_no_activity() -> None:
    layout = next(d for d in DOCUMENTS if d.rehead)
    built = build(layout)
    part = built.parts[0]
    header = part.rows[: part.header_rows]
    notes = [r for r, row in enumerate(part.rows) if row[0].startswith("(") and set(row[1:]) == {"<"}]
    assert len(notes) == 1 and part.rows[notes[0] + 1 : notes[0] + 1 + part.header_rows] == header
    texts = {cell for row in header for cell in row}
    assert len(built.gold) == len(built.plan.activities)
    assert not any(g["activity"] in texts or g["activity"].startswith("(") for g in built.gold)


def test_action_points_as_numbered_paragraphs_open_on_their_lead_and_hold_their_activity() -> None:
    layout = next(d for d in DOCUMENTS if d.action_paragraphs)
    built = build(layout)
    texts = [block.text for block in minutes_document(built).blocks if isinstance(block, office.Paragraph)]
    points = [text for text in texts if text[:1].isdigit()]
    assert len(points) == len(built.gold)
    roles = [role for role, _ in expand(layout.cols)]
    for n, (text, gold, row) in enumerate(zip(points, built.gold, built.parts[0].rows[1:], strict=True), start=1):
        lead = row[roles.index("lead")]
        assert text.startswith(f"{n}. {lead} {gold['activity']}")
        assert gold["quarters"] is None and gold["priority"] is None
        assert lead.split(" con ")[0].upper() in {name.upper() for name in gold["leads"][0]}


def test_a_csv_with_a_bom_keeps_its_multi_line_cells_quoted() -> None:
    layout = next(d for d in DOCUMENTS if d.bom and "csv:multi-line-cells" in d.axes)
    data = csv_bytes(build(layout))
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert len(rows) == 1 + len(build(layout).gold)
    assert sum("\n" in cell for row in rows for cell in row) >= 3


# ---------------------------------------------------------------- ninth batch: read by the test's own reading


def activity_rows(built: Built) -> list[list[str]]:
    """The rows of a document's tables that hold an activity (no header, band or note row)."""
    return [
        row
        for part in built.parts
        for r, row in enumerate(part.rows)
        if r >= part.header_rows and r not in part.bold_rows and row[1] != "<"
    ]


@pytest.mark.parametrize("layout", [d for d in DOCUMENTS if d.dates == "month"], ids=lambda d: d.name)
def test_start_and_end_months_give_the_quarters_from_the_first_to_the_last(layout: Layout) -> None:
    built = build(layout)
    roles = [role for role, _ in expand(layout.cols)]
    months = [name.lower() for name in SHORT_MONTHS[built.plan.lang]]
    rows = activity_rows(built)
    assert len(rows) == len(built.gold)
    for row, gold in zip(rows, built.gold, strict=True):
        start, end = row[roles.index("start")], ending(row, roles, months)
        if not start:
            assert gold["quarters"] == [] and not end
            continue
        (first, year), (last, _) = start.lower().split(" "), end.lower().split(" ")
        assert int(year) == built.plan.year
        assert list(range(months.index(first) // 3 + 1, months.index(last) // 3 + 2)) == gold["quarters"], start


def ending(row: list[str], roles: list[str], months: list[str]) -> str:
    """The end month of a row: its end cell, or its start month and duration in months counted on."""
    if "duration" not in roles:
        return row[roles.index("end")]
    start, duration = row[roles.index("start")], row[roles.index("duration")]
    if not start:
        return duration
    first, year = start.lower().split(" ")
    return f"{months[months.index(first) + int(duration) - 1]} {year}"


@pytest.mark.parametrize("layout", [d for d in DOCUMENTS if d.contacts], ids=lambda d: d.name)
def test_a_lead_with_its_focal_person_and_email_gives_the_organisation(layout: Layout) -> None:
    built = build(layout)
    c = [role for role, _ in expand(layout.cols)].index("lead")
    rows = activity_rows(built)
    assert len(rows) == len(built.gold)
    contacts = 0
    for row, gold, activity in zip(rows, built.gold, built.plan.activities, strict=True):
        cell = row[c]
        if "@" not in cell:
            continue
        contacts += 1
        organisation = re.split(r" – | / |\n", cell)[0]
        email = cell.replace("\n", " ").replace("(", " ").replace(")", " ").split()[-1]
        assert re.fullmatch(r"[a-z]+@[a-z]+\.org", email), email
        assert len(gold["leads"]) == 1 and organisation in (*gold["leads"][0], *actors()[activity.lead].typos), cell
    assert contacts >= 3


def status_key(key: str) -> dict[str, str | None]:
    """The status codes a key under the table spells out ("C = completed"), read as the gold's statuses."""
    meanings = {
        "completed": "completed",
        "concluído": "completed",
        "ongoing": "ongoing",
        "em curso": "ongoing",
        "not started": "planned",
        "não iniciado": "planned",
        "on hold": "on_hold",
        "suspenso": "on_hold",
        "cancelled": "cancelled",
        "anulado": "cancelled",
        "delayed": None,
        "atrasado": None,
    }
    pairs = re.search(r"\((.*)\)", key)
    assert pairs is not None
    return {code: meanings[word] for code, word in (pair.split(" = ") for pair in pairs.group(1).split(", "))}


@pytest.mark.parametrize("layout", [d for d in DOCUMENTS if d.status_style == "code"], ids=lambda d: d.name)
def test_status_codes_read_through_the_key_give_the_gold_status(layout: Layout) -> None:
    built = build(layout)
    c = [role for role, _ in expand(layout.cols)].index("status")
    codes = status_key(layout.key)
    rows = activity_rows(built)
    assert len(rows) == len(built.gold)
    for row, gold in zip(rows, built.gold, strict=True):
        assert (codes[row[c]] if row[c] else None) == gold["status"], row[c]
    document = render_document(built)
    tail = [block for block in document.blocks if isinstance(block, office.Paragraph)][-1]
    assert tail.text == layout.key and all(layout.key not in g["activity"] for g in built.gold)


# How a dated status opens, read as the gold's status (the test's own reading; "delayed" is null).
DATED_OPENINGS: dict[str, str | None] = {
    "completed": "completed",
    "done": "completed",
    "started": "ongoing",
    "in progress": "ongoing",
    "due to start": "planned",
    "on hold": "on_hold",
    "cancelled": "cancelled",
    "delayed": None,
    "réalisé": "completed",
    "terminé": "completed",
    "démarré": "ongoing",
    "en cours": "ongoing",
    "démarrage prévu": "planned",
    "suspendu": "on_hold",
    "annulé": "cancelled",
    "en retard": None,
    "finalizado": "completed",
    "completado": "completed",
    "iniciado": "ongoing",
    "en curso": "ongoing",
    "inicio previsto": "planned",
    "suspendido": "on_hold",
    "cancelado": "cancelled",
    "retrasado": None,
    "concluído": "completed",
    "realizado": "completed",
    "em curso": "ongoing",
    "início previsto": "planned",
    "suspenso": "on_hold",
    "atrasado": None,
}


@pytest.mark.parametrize("layout", [d for d in DOCUMENTS if d.status_style == "dated"], ids=lambda d: d.name)
def test_a_status_written_with_its_day_gives_the_status_of_its_words(layout: Layout) -> None:
    built = build(layout)
    c = [role for role, _ in expand(layout.cols)].index("status")
    rows = activity_rows(built)
    assert len(rows) == len(built.gold)
    for row, gold in zip(rows, built.gold, strict=True):
        if not row[c]:
            assert gold["status"] is None
            continue
        day = re.search(r"(\d\d)/(\d\d)/(\d{4})", row[c])
        assert day is not None and int(day.group(3)) == built.plan.year
        said = row[c].lower()
        (read,) = [status for opening, status in DATED_OPENINGS.items() if re.match(re.escape(opening) + r"\b", said)]
        assert read == gold["status"], row[c]


@pytest.mark.parametrize("layout", [d for d in DOCUMENTS if d.year_in_quarter], ids=lambda d: d.name)
def test_quarters_of_two_years_in_one_header_row_give_the_marked_quarters_and_the_year_of_most(
    layout: Layout,
) -> None:
    built = build(layout)
    part = built.parts[0]
    assert part.header_rows == 1
    labels = [re.fullmatch(r"T(\d)[-/](\d\d)", cell) for cell in part.rows[0]]
    columns = {c: (2000 + int(m.group(2)), int(m.group(1))) for c, m in enumerate(labels) if m}
    assert len(columns) == 8
    rows = activity_rows(built)
    assert len(rows) == len(built.gold)
    for row, gold in zip(rows, built.gold, strict=True):
        pairs = {columns[c] for c in columns if row[c]}
        years = Counter(year for year, _ in pairs).most_common()
        assert sorted({q for _, q in pairs}) == gold["quarters"]
        if len(years) == 1 or (years and years[0][1] > years[1][1]):
            assert gold["year"] == years[0][0]


@pytest.mark.parametrize("layout", [d for d in DOCUMENTS if d.workbook_extras], ids=lambda d: d.name)
def test_comments_a_summary_and_a_hidden_sheet_hold_no_activity(layout: Layout, tmp_path: Path) -> None:
    built = build(layout)
    book = openpyxl.load_workbook(write(built, tmp_path))
    first, summary, lists = book.worksheets
    assert lists.sheet_state == "hidden" and summary.sheet_state == "visible"
    commented = [cell for row in first.iter_rows() for cell in row if cell.comment]
    assert len(commented) >= 2 and all(cell.value for cell in commented)
    texts = {str(cell.value) for row in first.iter_rows() for cell in row if cell.value}
    assert all(g["activity"] in texts for g in built.gold)
    grand_total = summary.cell(summary.max_row, summary.max_column).value
    assert grand_total == sum(1 for activity in built.plan.activities if activity.lead != "~")
    summary_texts = {str(cell.value) for row in summary.iter_rows() for cell in row if cell.value}
    assert not any(g["activity"] in summary_texts for g in built.gold)


@pytest.mark.parametrize("layout", [d for d in DOCUMENTS if d.nested], ids=lambda d: d.name)
def test_tables_nested_in_a_cell_hold_the_activities_under_the_outer_row_s_labels(
    layout: Layout, tmp_path: Path
) -> None:
    built = build(layout)
    outer = docx.Document(str(write(built, tmp_path))).tables[0]
    top, second = built.plan.levels[:2]
    read: list[tuple[str, str, str]] = []
    above = ""
    for row in outer.rows[1:]:
        above = row.cells[0].text or above
        (inner,) = row.cells[2].tables
        header = [cell.text for cell in inner.rows[0].cells]
        c = header.index(layout.hdr["activity"])
        read += [(above, row.cells[1].text, inner_row.cells[c].text) for inner_row in inner.rows[1:]]
    assert read == [(g[top], g[second], g["activity"]) for g in built.gold]


@pytest.mark.parametrize("layout", [d for d in DOCUMENTS if d.text_boxes], ids=lambda d: d.name)
def test_a_grid_of_text_boxes_draws_every_activity_in_its_column(layout: Layout, tmp_path: Path) -> None:
    built = build(layout)
    deck = pptx.Presentation(str(write(built, tmp_path)))
    boxes = [shape for slide in deck.slides for shape in slide.shapes if not shape.is_placeholder]
    assert not any(shape.has_table for slide in deck.slides for shape in slide.shapes)
    activity_left = {box.left for box in boxes if box.text_frame.text == layout.hdr["activity"]}
    assert len(activity_left) == 1
    texts = [box.text_frame.text for box in boxes if box.left in activity_left and box.width < Emu(Cm(10))]
    assert [text for text in texts if text != layout.hdr["activity"]] == [g["activity"] for g in built.gold]


def test_tracked_changes_read_as_accepted_give_the_gold_text(tmp_path: Path) -> None:
    layout = next(d for d in DOCUMENTS if d.tracked)
    built = build(layout)
    table = docx.Document(str(write(built, tmp_path))).tables[0]

    def accepted(cell: Any) -> str:
        return "".join(t.text or "" for t in cell._tc.iter(qn("w:t")) if t.getparent().getparent().tag != qn("w:del"))

    def rejected(cell: Any) -> str:
        kept = [t for t in cell._tc.iter(qn("w:t"), qn("w:delText")) if t.getparent().getparent().tag != qn("w:ins")]
        return "".join(t.text or "" for t in kept)

    roles = [role for role, _ in expand(layout.cols)]
    c = roles.index("activity")
    body = [row.cells for row in table.rows[1:] if row.cells[0].text.count(".") == 2]
    assert [accepted(cells[c]) for cells in body] == [g["activity"] for g in built.gold]
    revised = [cells[c] for cells in body if accepted(cells[c]) != rejected(cells[c])]
    assert len(revised) >= 2
    assert all(" (à confirmer) " in rejected(cell) or "(à confirmer)" in rejected(cell) for cell in revised)


def test_a_key_under_a_csv_s_rows_is_no_activity() -> None:
    layout = next(d for d in DOCUMENTS if d.key and d.extension == "csv")
    built = build(layout)
    rows = list(csv.reader(io.StringIO(csv_bytes(built).decode("utf-8"), newline="")))
    assert rows[-2:] == [[], [layout.key]]
    abbreviations = [cell for cell in rows[0] if cell.endswith(".")]
    assert len(abbreviations) >= 3 and all(f"{cell} =" in layout.key for cell in abbreviations)
    assert len(rows) == 1 + len(built.gold) + 2


# ---------------------------------------------------------------- tenth batch: read by the test's own reading

TENTH = [d for d in DOCUMENTS if d.plan in ("uga_lr", "bdi_rr", "bol_sa", "cpv_san")]
# Month names and their short forms as the tenth batch's date ranges write them (the test's own table).
MONTH_WORDS = (
    (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
    ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."),
)


def levels_by_depth(built: Built, cells: list[tuple[int, str]]) -> list[tuple[str, str, str]]:
    """(objective, output, activity) from the activity column's cells and their depths (0, 1: the levels, 2: an
    activity), walked down the column."""
    above = ["", ""]
    read = []
    for depth, text in cells:
        if depth < 2:
            above[depth] = text
        else:
            read.append((above[0], above[1], text))
    return read


def gold_levels(built: Built) -> list[tuple[str, str, str]]:
    return [(g["objective"], g["output"], g["activity"]) for g in built.gold]


@pytest.mark.parametrize(
    "layout", [d for d in TENTH if "indent" in d.ctx.values() and d.extension == "xlsx"], ids=lambda d: d.name
)
def test_levels_told_only_by_an_xlsx_indent_are_the_context_of_the_activities_below(
    layout: Layout, tmp_path: Path
) -> None:
    built = build(layout)
    sheet = openpyxl.load_workbook(write(built, tmp_path)).worksheets[0]
    rows = list(sheet.iter_rows(min_row=len(built.pre) + 3))
    assert not any(cell.font.bold or cell.fill.fgColor.rgb not in ("00000000", None) for row in rows for cell in row)
    cells = [(int(row[0].alignment.indent), str(row[0].value)) for row in rows if row[0].value]
    assert {depth for depth, _ in cells} == {0, 1, 2}
    assert levels_by_depth(built, cells) == gold_levels(built)


def test_levels_told_only_by_a_word_paragraph_indent_are_the_context_of_the_activities_below(tmp_path: Path) -> None:
    layout = next(d for d in TENTH if "indent" in d.ctx.values() and d.extension == "docx")
    built = build(layout)
    table = docx.Document(str(write(built, tmp_path))).tables[0]
    cells = []
    for row in table.rows[1:]:
        paragraph = row.cells[0].paragraphs[0]
        assert not any(run.bold or run.italic for run in paragraph.runs)
        cells.append((round((paragraph.paragraph_format.left_indent or 0) / Cm(0.6)), row.cells[0].text))
    assert levels_by_depth(built, cells) == gold_levels(built)


def test_levels_told_only_by_bold_and_italic_type_are_the_context_of_the_activities_below(tmp_path: Path) -> None:
    layout = next(d for d in TENTH if "font" in d.ctx.values())
    built = build(layout)
    table = docx.Document(str(write(built, tmp_path))).tables[0]
    cells = []
    for row in table.rows[1:]:
        runs = row.cells[0].paragraphs[0].runs
        depth = 0 if all(run.bold for run in runs) else 1 if all(run.italic for run in runs) else 2
        assert all(not cell._tc.xpath(".//w:shd") for cell in row.cells)
        cells.append((depth, row.cells[0].text))
    assert levels_by_depth(built, cells) == gold_levels(built)


def written_rows(layout: Layout, built: Built, folder: Path) -> list[list[str]]:
    """A written table's rows as text (a merged band repeated across its cells in Word, once in a workbook)."""
    path = write(built, folder)
    if layout.extension == "csv":
        return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline=""), delimiter=layout.delimiter))
    if layout.extension == "docx":
        return [[cell.text for cell in row.cells] for row in docx.Document(str(path)).tables[0].rows]
    sheet = openpyxl.load_workbook(path).worksheets[0]
    return [["" if cell.value is None else str(cell.value) for cell in row] for row in sheet.iter_rows()]


@pytest.mark.parametrize("layout", [d for d in TENTH if d.lead_band], ids=lambda d: d.name)
def test_a_band_naming_an_agency_is_the_lead_of_the_activities_under_it(layout: Layout, tmp_path: Path) -> None:
    built = build(layout)
    rows = written_rows(layout, built, tmp_path)
    start = next(r for r, row in enumerate(rows) if layout.hdr["activity"] in row)
    header, body = rows[start], rows[start + 1 :]
    assert not any(text in header for text in ("Lead", "Chef de file", "Responsable"))
    c = header.index(layout.hdr["activity"])
    gold = {g["activity"]: g for g in built.gold}
    band, read = "", 0
    for row in body:
        if len(set(row)) == 1 or not any(row[1:]):  # merged across (Word repeats it) or alone in its row
            band = row[0]
            continue
        names = band.split(" / ")
        leads = gold[row[c]]["leads"]
        assert len(names) == len(leads) and all(name in accepted for name, accepted in zip(names, leads, strict=True))
        read += 1
    assert read == len(built.gold) and len({g["leads"][0][0] for g in built.gold}) >= 5


def test_a_workplan_in_prose_gives_each_activity_its_labelled_lines_under_its_headings(tmp_path: Path) -> None:
    layout = next(d for d in TENTH if d.prose)
    built = build(layout)
    document = docx.Document(str(write(built, tmp_path)))
    assert not document.tables
    heads = {"Heading 1": "objective", "Heading 2": "output"}
    above: dict[str, str] = {}
    read: list[dict[str, Any]] = []
    for paragraph in document.paragraphs[2:]:
        style = paragraph.style.name if paragraph.style else ""
        if style in heads:
            above[heads[style]] = paragraph.text
        elif all(run.bold for run in paragraph.runs):
            read.append({"activity": paragraph.text, **above})
        else:
            label, _, value = paragraph.text.partition(": ")
            read[-1][label] = value
    assert len(read) == len(built.gold)
    for row, gold, activity in zip(read, built.gold, built.plan.activities, strict=True):
        assert (row["activity"], row["objective"], row["output"]) == (
            gold["activity"],
            gold["objective"],
            gold["output"],
        )
        timeline = re.findall(r"Q(\d)", row["Timeline"])
        quarters = list(range(int(timeline[0]), int(timeline[-1]) + 1)) if timeline else []
        assert quarters == gold["quarters"], row["Timeline"]
        leads = row["Lead"].split(" with ")
        typos = {typo for key in activity.lead.split("+") for typo in actors()[key].typos}
        assert len(leads) == len(gold["leads"])
        assert all(n in accepted or n in typos for n, accepted in zip(leads, gold["leads"], strict=True)), leads
        assert ("Status" in row) == bool(activity.status)


@pytest.mark.parametrize("layout", [d for d in TENTH if d.mark in ("amount", "percent")], ids=lambda d: d.name)
def test_a_quarter_holding_an_amount_or_a_share_is_a_quarter_the_activity_runs_in(
    layout: Layout, tmp_path: Path
) -> None:
    built = build(layout)
    sheet = openpyxl.load_workbook(write(built, tmp_path)).worksheets[0]
    rows = list(sheet.iter_rows(min_row=len(built.pre) + 2, values_only=True))
    header, body = rows[0], rows[1:]
    first = next(c for c, text in enumerate(header) if "1" in str(text) and c > 0)
    activities = [row for row in body if row[1]]
    assert len(activities) == len(built.gold)
    for row, gold in zip(activities, built.gold, strict=True):
        numbers = row[first : first + 4]
        assert [q for q, value in enumerate(numbers, start=1) if value is not None] == gold["quarters"]
        assert all(isinstance(value, (int, float)) for value in numbers if value is not None)
        if layout.mark == "percent" and gold["quarters"]:
            assert sum(value for value in numbers if value is not None) == pytest.approx(1.0)


@pytest.mark.parametrize("layout", [d for d in TENTH if d.mark == "cf"], ids=lambda d: d.name)
def test_a_gantt_shaded_by_conditional_formatting_gives_the_quarters_between_start_and_end(
    layout: Layout, tmp_path: Path
) -> None:
    built = build(layout)
    sheet = openpyxl.load_workbook(write(built, tmp_path)).worksheets[0]
    top = len(built.pre) + 2
    header = [cell.value for cell in sheet[top]]
    start, end = header.index(layout.hdr["start"]), header.index(layout.hdr["end"])
    timeline = [c for c, value in enumerate(header) if c > end and value not in (layout.hdr["status"], None)]
    assert len(timeline) == (12 if layout.month_dates else 4)
    if layout.month_dates:
        assert all(sheet.cell(top, c + 1).number_format == "mmm-yy" for c in timeline)
        assert [header[c].month for c in timeline] == list(range(1, 13))
    ranges = [str(rule.sqref) for rule in sheet.conditional_formatting]
    letters = [openpyxl.utils.get_column_letter(c + 1) for c in timeline]
    assert [r.split(":")[0].rstrip("0123456789") for r in ranges] == letters
    formulas = [rule.formula[0] for cf in sheet.conditional_formatting for rule in cf.rules]
    start_letter, end_letter = (openpyxl.utils.get_column_letter(c + 1) for c in (start, end))
    assert all(f"${start_letter}" in f and f"${end_letter}" in f for f in formulas)
    rows = [
        row for row in sheet.iter_rows(min_row=top + 1, values_only=True) if row[header.index(layout.hdr["activity"])]
    ]
    assert len(rows) == len(built.gold)
    for row, gold in zip(rows, built.gold, strict=True):
        assert all(row[c] is None for c in timeline)
        first, last = row[start], row[end]
        quarters = [] if first is None else list(range((first.month - 1) // 3 + 1, (last.month - 1) // 3 + 2))
        assert quarters == gold["quarters"]


def range_quarters(cell: str, lang: str) -> list[int]:
    """The quarters from a date range's first day to its last, in figures or in words (the test's own table)."""
    if not cell:
        return []
    figures = re.findall(r"\d\d/(\d\d)/\d{4}", cell)
    if figures:
        months = [int(m) for m in figures]
    else:
        names = {w: k for table in MONTH_WORDS for k, w in enumerate(table, start=1)}
        months = [names[word] for word in cell.split() if word in names]
    assert len(months) == 2, cell
    return list(range((months[0] - 1) // 3 + 1, (months[1] - 1) // 3 + 2))


def text_table(layout: Layout, data: bytes) -> list[list[str]]:
    """A Markdown pipe table's or a Unicode text sheet's rows as cells."""
    if layout.extension == "md":
        lines = [line for line in data.decode("utf-8").splitlines() if line.startswith("|")]
        return [[cell.strip() for cell in line.strip("|").split(" | ")] for line in lines if "---" not in line]
    assert data[:2] == b"\xff\xfe"
    return [line.split("\t") for line in data[2:].decode("utf-16-le").split("\r\n")[:-1]]


@pytest.mark.parametrize("layout", [d for d in TENTH if "daterange" in d.cols], ids=lambda d: d.name)
def test_a_date_range_in_one_cell_gives_the_quarters_from_its_first_day_to_its_last(
    layout: Layout, tmp_path: Path
) -> None:
    built = build(layout)
    path = write(built, tmp_path)
    if layout.extension in ("md", "txt"):
        rows = text_table(layout, path.read_bytes())
    else:
        rows = written_rows(layout, built, tmp_path)
    start = next(r for r, row in enumerate(rows) if layout.hdr["activity"] in row)
    header = rows[start]
    a, c = header.index(layout.hdr["activity"]), header.index(layout.hdr["daterange"])
    gold = {g["activity"]: g for g in built.gold}
    read = [row for row in rows[start + 1 :] if row[a] in gold]
    assert len(read) == len(built.gold)
    for row in read:
        assert range_quarters(row[c], built.plan.lang) == gold[row[a]]["quarters"], row[c]


@pytest.mark.parametrize("layout", [d for d in TENTH if d.extension in ("md", "txt")], ids=lambda d: d.name)
def test_a_text_file_holds_its_title_and_one_row_per_activity(layout: Layout, tmp_path: Path) -> None:
    built = build(layout)
    data = write(built, tmp_path).read_bytes()
    rows = text_table(layout, data)
    if layout.extension == "md":
        assert data.decode("utf-8").startswith(f"# {built.plan.title}\n")
        assert len(rows) == 1 + len(built.gold)
    else:
        assert rows[0][0] == built.plan.title and len({len(row) for row in rows}) == 1
        assert len(rows) == len(built.pre) + 1 + 1 + len(built.gold)
    assert len({len(row) for row in rows}) == 1


@pytest.mark.parametrize("layout", [d for d in TENTH if d.slide_order], ids=lambda d: d.name)
def test_later_slides_that_reorder_or_drop_columns_state_only_what_they_show(layout: Layout, tmp_path: Path) -> None:
    built = build(layout)
    deck = pptx.Presentation(str(write(built, tmp_path)))
    tables = [shape.table for slide in deck.slides for shape in slide.shapes if shape.has_table]
    assert len(tables) >= 3
    first = [cell.text for cell in tables[0].rows[0].cells]
    gold = {g["activity"]: g for g in built.gold}
    partners_name = layout.hdr["partners"]
    later_orders = set()
    read = 0
    for n, table in enumerate(tables):
        header = [cell.text for cell in table.rows[0].cells]
        if n:
            later_orders.add(tuple(header))
        for row in list(table.rows)[1:]:
            text = row.cells[header.index(layout.hdr["activity"])].text
            if text not in gold:
                continue
            read += 1
            activity = next(a for a in built.plan.activities if a.text == text)
            keys = [key for token in activity.partners.split() if token != "~" for key in token.split("+")]
            stated = [accepted(key, built.plan.lang) for key in keys] if partners_name in header else []
            assert gold[text]["partners"] == stated
            assert gold[text]["leads"]
    assert read == len(built.gold)
    (later,) = later_orders
    assert later != tuple(first) and sorted(later) == sorted(c for c in first if c in later)


def test_a_scanner_s_copy_has_no_text_and_its_page_slightly_turned(tmp_path: Path) -> None:
    page = Image.new("L", (600, 800), 255)
    ImageDraw.Draw(page).rectangle((100, 100, 500, 140), fill=0)
    page.save(tmp_path / "printed.pdf", "PDF", resolution=72.0)
    copies = []
    for k in ("1", "2"):
        (tmp_path / k).mkdir()
        copies.append(scanned_pdf(tmp_path / "printed.pdf", tmp_path / k / "copy.pdf"))
    assert copies[0].read_bytes() == copies[1].read_bytes()
    pdf = pypdfium2.PdfDocument(str(copies[0]))
    assert len(pdf) == 1 and pdf[0].get_textpage().get_text_range() == ""
    image = pdf[0].render(scale=1).to_pil().convert("L")
    width, height = image.size
    assert width > 600 and height > 800  # turned, the page's corners reach past the original's


# ---------------------------------------------------------------- eleventh batch: read by the test's own reading

ELEVENTH = [d for d in DOCUMENTS if d.plan in ("ken_edu", "bfa_abris", "mex_prot", "moz_rec")]
# The calendar quarters of a fiscal year from July, and the year each falls in (the test's own table).
FISCAL = {1: (2027, 3), 2: (2027, 4), 3: (2028, 1), 4: (2028, 2)}


def fiscal_reading(pairs: set[tuple[int, int]]) -> tuple[list[int], int | None]:
    """(year, quarter) pairs as the gold's quarters and the year most of them are in (None on a tie)."""
    years = Counter(year for year, _ in pairs).most_common()
    year = 2027 if not years else years[0][0] if len(years) == 1 or years[0][1] > years[1][1] else None
    return sorted({q for _, q in pairs}), year


def quarters_in_words(text: str) -> list[int]:
    """ "Q2–Q3 2027" / "T1–T4 2027" as quarters; none for a text without a quarter."""
    found = [int(q) for q in re.findall(r"[QT](\d)", text)]
    return list(range(found[0], found[-1] + 1)) if found else []


def named_in(cell: str, accepted_names: list[list[str]]) -> bool:
    return all(any(name in cell for name in names) for names in accepted_names)


def test_fiscal_quarter_columns_give_their_calendar_quarters_and_the_year_of_most(tmp_path: Path) -> None:
    layout = next(d for d in ELEVENTH if "fq" in d.cols and d.extension == "xlsx")
    built = build(layout)
    sheet = openpyxl.load_workbook(write(built, tmp_path)).worksheets[0]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert "1 July 2027" in str(rows[1][0])  # the note explaining the fiscal year
    start = next(r for r, row in enumerate(rows) if "Activity" in row)
    header = rows[start]
    assert header[5:9] == ["Jul–Sep 2027", "Oct–Dec 2027", "Jan–Mar 2028", "Apr–Jun 2028"]
    body = [row for row in rows[start + 1 :] if row[2]]
    assert len(body) == len(built.gold)
    for row, gold in zip(body, built.gold, strict=True):
        pairs = {FISCAL[k] for k in range(1, 5) if row[4 + k]}
        assert fiscal_reading(pairs) == (gold["quarters"], gold["year"])
        assert re.search(r"\+\d others$", row[4]) and len(gold["partners"]) >= 1


def test_a_record_table_per_activity_gives_what_its_labels_say(tmp_path: Path) -> None:
    for layout in [d for d in ELEVENTH if d.records == "table"]:
        built = build(layout)
        document = docx.Document(str(write(built, tmp_path)))
        records = [{row.cells[0].text: row.cells[1].text for row in table.rows} for table in document.tables]
        assert len(records) == len(built.gold) and all(len(table.columns) == 2 for table in document.tables)
        for record, gold, activity in zip(records, built.gold, built.plan.activities, strict=True):
            assert record[layout.hdr["activity"]] == gold["activity"]
            timeline = next(value for label, value in record.items() if label in ("Calendrier", "Período"))
            assert quarters_in_words(timeline) == gold["quarters"]
            typos = [[typo] for key in activity.lead.split("+") for typo in actors()[key].typos]
            lead = record[layout.hdr["lead"]]
            assert named_in(lead, gold["leads"]) or any(named_in(lead, [t]) for t in typos)
            assert bool(record[layout.hdr["status"]]) == bool(activity.status)
            if "objective" in layout.cols:
                assert record[layout.hdr["objective"]] == gold["objective"]
        headings = [p.text for p in document.paragraphs if p.style is not None and p.style.name.startswith("Heading")]
        if "heading" in layout.ctx.values():
            assert {g["objective"] for g in built.gold} | {g["output"] for g in built.gold} == set(headings)


def test_a_key_value_export_gives_each_activity_its_lines_and_its_period_s_fiscal_quarters(tmp_path: Path) -> None:
    layout = next(d for d in ELEVENTH if d.records == "kv")
    built = build(layout)
    text = write(built, tmp_path).read_text(encoding="utf-8")
    blocks = [dict(line.split(": ", 1) for line in block.splitlines()) for block in text.split("\n\n")[1:] if block]
    assert len(blocks) == len(built.gold)
    months = {name: k for k, name in enumerate(SHORT_MONTHS["en"], start=1)}
    for record, gold in zip(blocks, built.gold, strict=True):
        assert (record["Activity"], record["Objective"], record["Output"]) == (
            gold["activity"],
            gold["objective"],
            gold["output"],
        )
        ends = [(int(year), months[month]) for month, year in re.findall(r"(\w{3}) (\d{4})", record["Period"])]
        pairs = set()
        if ends:
            first, last = ends
            for k in range((first[0] * 12 + first[1]), (last[0] * 12 + last[1]) + 1):
                year, month = divmod(k - 1, 12)
                pairs.add((year, month // 3 + 1))
        assert fiscal_reading(pairs) == (gold["quarters"], gold["year"]), record["Period"]


@pytest.mark.parametrize("layout", [d for d in ELEVENTH if d.kanban], ids=lambda d: d.name)
def test_a_card_on_a_status_board_has_its_column_s_status_and_its_swimlane_s_objective(
    layout: Layout, tmp_path: Path
) -> None:
    built = build(layout)
    sheet = openpyxl.load_workbook(write(built, tmp_path)).worksheets[0]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=len(built.pre) + 2)]
    header = rows[0]
    statuses = dict(zip(header, ("planned", "ongoing", "on_hold", "completed"), strict=True))
    gold = {g["activity"]: g for g in built.gold}
    lane, read = "", 0
    for row in rows[1:]:
        if row[0] and not any(row[1:]):
            lane = row[0]
            continue
        for column, card in zip(header, row, strict=True):
            if not card:
                continue
            text, second = card.split("\n")
            lead, _, timing = second.rpartition(" · ")
            g = gold[text]
            assert (g["status"], g["objective"], g["quarters"]) == (statuses[column], lane, quarters_in_words(timing))
            assert g["partners"] == [] and g["leads"]
            read += 1
    assert read == len(built.gold)


def test_tables_side_by_side_on_one_sheet_hold_the_activities_under_their_own_heading(tmp_path: Path) -> None:
    layout = next(d for d in ELEVENTH if d.side_tables)
    built = build(layout)
    sheet = openpyxl.load_workbook(write(built, tmp_path)).worksheets[0]
    top = len(built.pre) + 2
    headings = [(c, cell.value) for c, cell in enumerate(sheet[top]) if cell.value]
    assert len(headings) == 2
    width = len(expand(layout.cols))
    assert headings[1][0] - headings[0][0] == width + 2
    assert all(sheet.cell(top + 1, headings[0][0] + width + k).value is None for k in (1, 2))
    gold = {g["activity"]: g for g in built.gold}
    read = 0
    for c, heading in headings:
        for r in range(top + 2, sheet.max_row + 1):
            text = sheet.cell(r, c + 2).value
            if text:
                assert gold[text]["objective"] == heading and gold[text]["quarters"] == [
                    q for q in range(1, 5) if sheet.cell(r, c + 4 + q).value
                ]
                read += 1
    assert read == len(built.gold)


@pytest.mark.parametrize("layout", [d for d in ELEVENTH if d.gantt_shapes], ids=lambda d: d.name)
def test_bars_drawn_under_month_labels_give_the_quarters_of_the_months_they_span(
    layout: Layout, tmp_path: Path
) -> None:
    built = build(layout)
    deck = pptx.Presentation(str(write(built, tmp_path)))
    assert not any(shape.has_table for slide in deck.slides for shape in slide.shapes)
    gold = {g["activity"]: g for g in built.gold}
    read = 0
    for slide in list(deck.slides)[1:]:
        boxes = [s for s in slide.shapes if s.has_text_frame and s != slide.shapes.title and s.text_frame.text]
        narrow = [s for s in boxes if s.width < Emu(914400 // 2)]  # a month's label, under its quarter's or year's
        slots = sorted((s for s in narrow if s.top == max(n.top for n in narrow)), key=lambda s: s.left)
        assert len(slots) == 12 and all(len(s.text_frame.text) == 3 for s in slots)
        bars = [s for s in slide.shapes if s.shape_type == 1]  # auto shapes: the bars
        for box in boxes:
            if box.text_frame.text not in gold:
                continue
            g = gold[box.text_frame.text]
            mine = [b for b in bars if abs(b.top - box.top) < Emu(914400 * 0.3)]
            middles = [slot.left + slot.width // 2 for slot in slots]
            months = [k for k, x in enumerate(middles) if mine and mine[0].left < x < mine[0].left + mine[0].width]
            if "months2y" in layout.cols:
                pairs = {FISCAL[k // 3 + 1] for k in months}
                assert fiscal_reading(pairs) == (g["quarters"], g["year"])
            else:
                assert sorted({k // 3 + 1 for k in months}) == g["quarters"]
            read += 1
    assert read == len(built.gold)


@pytest.mark.parametrize("layout", [d for d in ELEVENTH if d.units], ids=lambda d: d.name)
def test_a_units_row_under_a_csv_header_is_no_activity(layout: Layout, tmp_path: Path) -> None:
    built = build(layout)
    text = write(built, tmp_path).read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=layout.delimiter))
    header, units = rows[0], rows[1]
    assert [header[c] for c, unit in enumerate(units) if unit and header[c] in layout.hdr.values()]
    assert not units[header.index(layout.hdr["activity"])]
    assert len(rows) == 2 + len(built.gold)
    assert [row[header.index(layout.hdr["activity"])] for row in rows[2:]] == [g["activity"] for g in built.gold]


def test_numbered_sub_activities_stay_in_their_activity_under_a_repeated_header(tmp_path: Path) -> None:
    layout = next(d for d in ELEVENTH if d.steps)
    built = build(layout)
    table = docx.Document(str(write(built, tmp_path))).tables[0]
    assert table.rows[0]._tr.xpath("./w:trPr/w:tblHeader")
    assert not any(row._tr.xpath("./w:trPr/w:cantSplit") for row in table.rows)
    gold = [g["activity"] for g in built.gold]
    cells = [row.cells[1].text for row in table.rows[1:] if re.match(r"\d\.\d\.\d$", row.cells[0].text)]
    assert [" ".join(cell.split()) for cell in cells] == gold
    with_steps = [cell.split("\n")[1:] for cell in cells if "\n" in cell]
    assert len(with_steps) >= 4 and all(
        line.startswith(f"{k}. ") for lines in with_steps for k, line in enumerate(lines, 1)
    )


@pytest.mark.parametrize("layout", [d for d in ELEVENTH if d.lead_person], ids=lambda d: d.name)
def test_a_lead_with_a_person_and_title_in_brackets_gives_the_agency(layout: Layout) -> None:
    built = build(layout)
    roles = [role for role, _ in expand(layout.cols)]
    cells = [row[roles.index("lead")] for part in built.parts for row in part.rows[part.header_rows :]]
    cells = [cell for cell in cells if cell]
    assert len(cells) == len(built.gold)
    with_person = [
        (cell, g) for cell, g in zip(cells, built.gold, strict=True) if re.search(r" \([^()]+, [^()]+\)$", cell)
    ]
    assert len(with_person) >= len(cells) // 2
    for cell, g in with_person:
        assert len(g["leads"]) == 1 and cell.split(" (")[0] in g["leads"][0]


def test_a_pdf_printed_sideways_is_a_portrait_page_whose_text_reads_upwards(tmp_path: Path) -> None:
    writer = pypdf.PdfWriter()
    writer.add_blank_page(842, 595)
    writer.write(tmp_path / "landscape.pdf")
    copies = []
    for k in ("1", "2"):
        (tmp_path / k).mkdir()
        copy = tmp_path / k / "page.pdf"
        copy.write_bytes((tmp_path / "landscape.pdf").read_bytes())
        copies.append(sideways_pdf(copy))
    assert copies[0].read_bytes() == copies[1].read_bytes()
    page = pypdfium2.PdfDocument(str(copies[0]))[0]
    assert [round(v) for v in page.get_size()] == [595, 842] and page.get_rotation() == 0


TWELFTH = [d for d in DOCUMENTS if d.plan in ("mwi_ops", "mrt_smsps", "slv_vtp", "ago_nut")]


def body_cells(built: Built, role: str) -> list[str]:
    """A column's cells on the activity rows of the generator's own table (level and note rows left out)."""
    roles = [r for r, _ in expand(built.layout.cols)]
    return [
        row[roles.index(role)]
        for part in built.parts
        for r, row in enumerate(part.rows)
        if r >= part.header_rows and r not in part.bold_rows and row[1] != office.LEFT
    ]


@pytest.mark.parametrize("layout", [d for d in TWELFTH if d.who], ids=lambda d: d.name)
def test_a_second_table_joined_by_code_gives_each_activity_its_lead_and_partners(
    layout: Layout, tmp_path: Path
) -> None:
    built = build(layout)
    path = write(built, tmp_path)
    code_role = "num" if "num" in layout.cols else "ref"
    if layout.extension == "docx":
        document = docx.Document(str(path))
        main, who = ([[c.text for c in row.cells] for row in t.rows] for t in document.tables)
        assert [s.orientation for s in document.sections] == [1, 0]  # landscape, then portrait
    else:
        book = openpyxl.load_workbook(path)
        main, who = ([[c.value or "" for c in row] for row in sheet.iter_rows()] for sheet in book.worksheets[:2])
        who = who[2:]  # its title and an empty row above its header
    assert layout.hdr["lead"] not in sum(main, []) and layout.hdr["partners"] not in sum(main, [])
    assert who[0][1:] == [layout.hdr["lead"], layout.hdr["partners"]]
    codes, leads, partners = body_cells(built, code_role), body_cells(built, "lead"), body_cells(built, "partners")
    joined = {row[0]: row[1:] for row in who[1:]}
    assert list(joined) == codes and len(codes) == len(built.gold)
    texts = {row[[c for c, v in enumerate(row) if v in codes][0]]: row for row in main if set(row) & set(codes)}
    for code_cell, lead, partner, g in zip(codes, leads, partners, built.gold, strict=True):
        assert joined[code_cell] == [lead, partner]
        assert g["activity"] in texts[code_cell]
        assert len(g["leads"]) == len(lead.split(words()[built.plan.lang]["with"])) or not g["leads"]


@pytest.mark.parametrize("layout", [d for d in TWELFTH if d.quarter_sheets], ids=lambda d: d.name)
def test_a_sheet_per_quarter_lists_each_activity_on_the_sheets_of_its_gold_quarters(
    layout: Layout, tmp_path: Path
) -> None:
    built = build(layout)
    book = openpyxl.load_workbook(write(built, tmp_path))
    found: dict[str, set[int]] = {g["activity"]: set() for g in built.gold}
    header = [layout.hdr[role] for role in layout.cols if role != "q"]
    for sheet in book.worksheets:
        rows = [[c.value for c in row] for row in sheet.iter_rows()]
        top = rows.index(header)
        quarter = re.match(r"T(\d) ", sheet.title)
        assert quarter or sheet.title == "Por programar" or sheet.title == "À planifier"
        for row in rows[top + 1 :]:
            found[row[header.index(layout.hdr["activity"])]] |= {int(quarter.group(1))} if quarter else set()
    assert {text: sorted(qs) for text, qs in found.items()} == {g["activity"]: g["quarters"] for g in built.gold}


@pytest.mark.parametrize("layout", [d for d in TWELFTH if d.transposed], ids=lambda d: d.name)
def test_a_turned_table_gives_each_activity_column_its_objective_lead_and_month_quarters(
    layout: Layout, tmp_path: Path
) -> None:
    built = build(layout)
    sheet = openpyxl.load_workbook(write(built, tmp_path)).active
    for span in list(sheet.merged_cells.ranges):  # a merged objective is the objective of every column under it
        value = sheet.cell(span.min_row, span.min_col).value
        sheet.unmerge_cells(str(span))
        for c in range(span.min_col, span.max_col + 1):
            sheet.cell(span.min_row, c).value = value
    labels = [row[0].value for row in sheet.iter_rows()]
    top = labels.index(layout.hdr["objective"])
    rows = [[c.value for c in row[1:]] for row in sheet.iter_rows(min_row=top + 1)]
    assert labels[top : top + 3] == [layout.hdr["objective"], layout.hdr["activity"], layout.hdr["lead"]]
    months = rows[3:15]
    assert len(months) == 12 and all(set(row) <= {layout.mark, None} for row in months)
    for k, g in enumerate(built.gold):
        assert rows[1][k] == g["activity"]
        assert rows[0][k] == g["objective"]
        assert sorted({m // 3 + 1 for m in range(12) if months[m][k]}) == g["quarters"]
        assert g["partners"] == [] and len(g["leads"]) >= 1


@pytest.mark.parametrize("layout", [d for d in TWELFTH if d.tail], ids=lambda d: d.name)
def test_a_totals_block_and_a_second_table_under_a_csv_hold_no_activity(layout: Layout, tmp_path: Path) -> None:
    built = build(layout)
    text = write(built, tmp_path).read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=layout.delimiter))
    end = rows.index([])
    header = rows[0]
    assert [row[header.index(layout.hdr["activity"])] for row in rows[1:end]] == [g["activity"] for g in built.gold]
    total = rows[end + 2]
    assert len(total) == 2 and int(total[1]) == len(built.gold)
    blocks = [k for k, row in enumerate(rows) if not row]
    assert len(blocks) == 2
    counts = rows[end + 3 : blocks[1]]
    assert sum(int(count) for _, count in counts) == len(built.gold)
    second = rows[blocks[1] + 2 :]
    assert len(second) >= 2 and all(len(row) == 3 for row in second)
    assert not {cell for row in second for cell in row} & {g["activity"] for g in built.gold}


@pytest.mark.parametrize("layout", [d for d in TWELFTH if d.status_style == "emoji"], ids=lambda d: d.name)
def test_an_emoji_status_is_what_its_legend_says(layout: Layout) -> None:
    built = build(layout)
    lang = built.plan.lang
    legend = layout.legend or layout.key
    meaning = dict(re.findall(r"(\S+) ([^·]+?)(?: ·|$)", legend.split(": ", 1)[-1]))
    vocabulary = {name: status for status, names in words()[lang]["status"].items() for name in names}
    cells = [cell for cell in body_cells(built, "status") if not cell.startswith(legend[:3])]
    assert len(cells) == len(built.gold)
    for cell, g in zip(cells, built.gold, strict=True):
        status = vocabulary[meaning[cell]] if cell else None
        assert g["status"] == (None if status == "unclear" else status)
        assert not re.search(r"[A-Za-z]", cell)


@pytest.mark.parametrize("layout", [d for d in TWELFTH if d.mark_notes], ids=lambda d: d.name)
def test_a_quarter_mark_with_a_footnote_marker_is_a_mark(layout: Layout) -> None:
    built = build(layout)
    roles = [role for role, _ in expand(layout.cols)]
    quarters = [c for c, role in enumerate(roles) if role == "q"]
    rows = [row for part in built.parts for r, row in enumerate(part.rows) if r >= part.header_rows]
    rows = [row for row in rows if row[1] != office.LEFT and any(row[c] for c in quarters)]
    noted = [row[c] for row in rows for c in quarters if row[c][1:]]
    assert noted and {cell[1:] for cell in noted} <= set(layout.mark_notes)
    assert all(marker in layout.key for marker in layout.mark_notes)
    timed = [g for g in built.gold if g["quarters"]]
    assert [[k + 1 for k, c in enumerate(quarters) if row[c]] for row in rows] == [g["quarters"] for g in timed]


@pytest.mark.parametrize("layout", [d for d in TWELFTH if d.struck], ids=lambda d: d.name)
def test_a_struck_through_row_is_a_cancelled_activity_whose_status_cell_is_empty(
    layout: Layout, tmp_path: Path
) -> None:
    built = build(layout)
    path = write(built, tmp_path)
    gold = {g["activity"]: g for g in built.gold}
    struck: dict[str, bool] = {}
    if layout.extension == "docx":
        for row in docx.Document(str(path)).tables[0].rows:
            for cell in row.cells:
                if cell.text in gold:
                    runs = [run for p in cell.paragraphs for run in p.runs]
                    struck[cell.text] = all(run.font.strike for run in runs)
                    status = row.cells[-1].text
                    assert not status or not struck[cell.text]
    else:
        for row in openpyxl.load_workbook(path).active.iter_rows():
            for cell in row:
                if cell.value in gold:
                    struck[cell.value] = bool(cell.font.strike)
                    assert not row[-1].value or not struck[cell.value]
                    assert not row[0].font.strike  # the context merged over other rows is not struck
    assert set(struck) == set(gold) and any(struck.values())
    assert all(struck[text] == (g["status"] == "cancelled") for text, g in gold.items())


@pytest.mark.parametrize("layout", [d for d in TWELFTH if d.month_quarters], ids=lambda d: d.name)
def test_months_under_merged_quarter_cells_give_the_quarters_of_their_marks(layout: Layout) -> None:
    built = build(layout)
    top, below = built.parts[0].rows[:2]
    roles = [role for role, _ in expand(layout.cols)]
    months = [c for c, role in enumerate(roles) if role == "months"]
    assert [top[c] for c in months] == [
        label if k % 3 == 0 else office.LEFT for k in range(12) for label in [top[months[k - k % 3]]]
    ]
    assert len({top[c] for c in months} - {office.LEFT}) == 4
    assert all(below[c] == office.UP for c, role in enumerate(roles) if role != "months")
    part = built.parts[0]
    shaded = {(r, c) for r, c, _ in part.fills}
    rows = [r for r in range(2, len(part.rows)) if r not in part.bold_rows and part.rows[r][1] != office.LEFT]
    assert len(built.parts) == 1 and len(rows) == len(built.gold)
    for r, g in zip(rows, built.gold, strict=True):
        marked = [k for k, c in enumerate(months) if part.rows[r][c] or (r, c) in shaded]
        assert sorted({k // 3 + 1 for k in marked}) == g["quarters"]
