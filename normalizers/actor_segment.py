"""Split a lead or partner cell into actor mentions, finding the registry's names in it token by token."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from normalizers.actor_registry import Registry, acronym_key, is_acronym_like, load_registry
from normalizers.actor_resolve import EXACT_SCORE, ContextLike, resolve_mention
from normalizers.actor_words import (
    is_complete_name,
    is_fragment,
    is_not_actor,
    organisation_type,
    reads_as_organisation,
    split_name_acronym,
)
from normalizers.country import is_operation_place
from normalizers.model import ActorRef

TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")  # a word (with inner apostrophes) or one punctuation mark
# Separators between actors whatever the words: commas, semicolons, line breaks, dashes with a space
# on one side ("DRC- TDH- Amel - WVI", "UNICEF – WHO"), never the hyphen inside "Co-leads" or "UN-Habitat".
STRONG_SEPARATORS = re.compile(r"\s*(?:[,;\n\r\t•|]|:\s|\s[-–—]+\s*|[-–—]+\s|[–—])\s*")
# Separators that may also sit inside one actor's name ("M&E", "RC/HC", "Red Cross and Red Crescent"):
# only used outside registry names.
WEAK_SEPARATORS = re.compile(r"\s*(?:[/&+]|\b(?:and|with|including|via|et|avec|y|con|com)\b)\s*", re.IGNORECASE)
# A hyphen before a space, or a line break, between two words: maybe a wrapped name, maybe a separator.
WRAPPED_BREAK = re.compile(r"(?<=\w)(?:-[ \t]*\n?[ \t]*|[ \t]*\n[ \t]*)(?=\w)")
MEMBER_WORDS = ("members", "member")
MEMBER_PREFIX = re.compile(r"\b(?:members?|partners?)\s*:", re.IGNORECASE)
# Bracketed asides that say how or from where, not who: "(to be identified)", "(from UN/NGOs)".
QUALIFIERS = re.compile(
    r"\((?:to be|tbc|tbd|from|as|if|where|when|co-?leads?|co-?chairs?|leads?|convener|chairs?)\b[^)]*\)?"
    r"|\([^()]*\b(?:co-?leads?|leads?|lead agency|co-?chairs?|chef de file|l[ií]der)\)"
    r"|\bfrom\s+UN\s*(?:/|and|&)\s*NGOs?\)?",
    re.IGNORECASE,
)
BRACKETS = re.compile(r"[()\[\]{}]")
# "(RAN)" after a capitalised word of a name: the name's acronym, kept with it.
ACRONYM_AFTER_NAME = re.compile(r"(?<=[a-zà-ÿ]) ?\((?P<acronym>[A-Z][A-Za-z&-]{1,11})\)(?=\s*(?:$|[,;\n/|]))")
# Whole mentions that name nobody (decided: they yield no ActorRef from resolve_cell).
NON_ACTOR = re.compile(
    r"^(?:n\.?\s*/?\s*a\.?|na|none|nil|tbd|tbc|to be (?:identified|determined|confirmed)|etc\.?|"
    r"same as above|as needed|as applicable|applicable|as relevant|where relevant|if needed|other|others\??|"
    r"various\s+(?:(?!\band\b)[^,;/&])*|all sectors\b.*|[\d\W]*)$",
    re.IGNORECASE,
)
# Words that are no actor on their own when they are left between two registry names.
# A "members" dropped after a name ("Core Group members") is left as such a word.
NOISE_WORDS = frozenset(
    ("and", "with", "from", "the", "of", "as", "etc", "office", "team", "other", "others", "all", "delegation")
    + ("in", "for", "to", "be", "hq", "headquarters", "mission", "country", *MEMBER_WORDS)
)
# Words that continue an organisation's name: after a registry name they make another organisation.
ORGANISATION_WORDS = frozenset(
    ("foundation", "association", "society", "council", "committee", "network", "club", "union")
    + ("institute", "centre", "center", "federation", "trust", "organization", "organisation", "fund")
)
PROSE_WORDS = 2  # lower-case words (besides "of", "for", ...) that make a leftover a sentence, not a name
EDGE_PUNCTUATION = " .,:;-–—*'\"?"
WHOLE_METHODS = ("exact", "alias", "reviewed")
MIN_RUN_TOGETHER = 2  # registry names inside a chunk that make it a list rather than one misspelt name
# ... provided they cover this share of its words (not "UN Resident and Humanitariian Coordinator").
RUN_TOGETHER_COVER = 0.6
NEAR_NAME_SCORE = 85.0  # a leftover this close to a registry name is that name misspelt: a whole mention
TYPO_SCORE = 95.0  # a whole-chunk match this close is one misspelt name, whatever names hide inside it


Token = tuple[int, int, str]  # start, end, text
NameIndex = tuple[frozenset[tuple[str, ...]], int]  # every form's token norms, and the longest form in tokens


def word_tokens(text: str) -> list[Token]:
    """The tokens of a text: runs of letters and digits (with inner apostrophes), and single punctuation marks."""
    return [(match.start(), match.end(), match.group()) for match in TOKEN.finditer(text)]


def token_norm(token: str, lower_only: bool) -> str:
    """A token compared by capitals when written as an acronym, else in lower case."""
    return acronym_key(token) if is_acronym_like(token) and not lower_only else token.lower()


@cache
def name_index(registry: Registry, lower_only: bool = False) -> NameIndex:
    """The token norms of every written form of every registry actor, on norms or on lower-case text."""
    forms = {
        tuple(token_norm(token, lower_only) for _, _, token in word_tokens(form))
        for actor in registry.actors.values()
        for form in actor.forms
    }
    forms.discard(())
    return frozenset(forms), max(map(len, forms), default=0)


def name_spans(text: str, registry: Registry) -> list[tuple[int, int]]:
    """Character spans of registry names covering most of a run-together text ("Sector Coordinators ISWG")."""
    lower_only = text.isupper()  # a cell in capitals: its words are not all acronyms
    tokens = word_tokens(text)
    norms = [token_norm(token, lower_only) for _, _, token in tokens]
    forms, longest = name_index(registry, lower_only)
    ends_at: dict[int, list[int]] = {}
    for start in range(len(norms)):
        ends = [
            end for end in range(start + 1, min(len(norms), start + longest) + 1) if tuple(norms[start:end]) in forms
        ]
        if ends:
            ends_at[start] = ends
    best = best_cover(len(tokens), ends_at)
    return [(tokens[start][0], tokens[end - 1][1]) for start, end in best]


def best_cover(n_tokens: int, ends_at: dict[int, list[int]]) -> list[tuple[int, int]]:
    """Non-overlapping matches covering the most tokens with the fewest matches (dynamic programming).

    Ties go to the shorter first match, so a trailing role keeps its words
    ("Protection" + "Sector Coordinator").
    """
    best: list[tuple[int, int, list[tuple[int, int]]]] = [(0, 0, [])] * (n_tokens + 1)
    for start in range(n_tokens - 1, -1, -1):
        covered, count, spans = best[start + 1]
        options = [(covered, -count, 0, spans)]
        for end in ends_at.get(start, []):
            after = best[end]
            options.append((after[0] + end - start, -(after[1] + 1), -(end - start), [(start, end), *after[2]]))
        top = max(options, key=lambda option: option[:3])
        best[start] = (top[0], -top[1], top[3])
    return best[0][2]


def protected_spans(text: str, registry: Registry) -> list[tuple[int, int]]:
    """Spans of registry names that contain a separator ("M&E Specialist", "RC/HC"), never split."""
    separators = re.compile(f"{STRONG_SEPARATORS.pattern}|{WEAK_SEPARATORS.pattern}", re.IGNORECASE)
    return [(start, end) for start, end in name_spans(text, registry) if separators.search(text[start:end])]


def split_outside(text: str, pattern: re.Pattern[str], protected: list[tuple[int, int]]) -> list[str]:
    """Split a text on a separator pattern, except inside protected spans."""
    parts, last = [], 0
    for match in pattern.finditer(text):
        if any(start < match.end() and match.start() < end for start, end in protected):
            continue
        parts.append(text[last : match.start()])
        last = match.end()
    parts.append(text[last:])
    return [part.strip(EDGE_PUNCTUATION) for part in parts if part.strip(EDGE_PUNCTUATION)]


def clean_cell(cell: str) -> str:
    """A cell without member prefixes, qualifying asides and brackets ("DRC Member: Amel" -> "DRC, Amel");
    an acronym in brackets right after a name stays with it ("Rural Aid Network (RAN)")."""
    text = MEMBER_PREFIX.sub(",", cell)
    text = QUALIFIERS.sub(" ", text)
    kept = ACRONYM_AFTER_NAME.sub(lambda match: f" \x00{match['acronym']}\x01", text)
    return BRACKETS.sub(" , ", kept).replace("\x00", "(").replace("\x01", ")")


def is_non_actor(mention: str) -> bool:
    """Whether a mention names nobody ("N/A", "etc", "as needed", "partners", "ONG locales", "All sectors
    and UN agencies ...")."""
    text = mention.strip(EDGE_PUNCTUATION)
    return bool(NON_ACTOR.match(text)) or is_not_actor(text)


def not_actor_chunks(cell: str) -> list[str]:
    """The parts of a cell that name no one ("partners" in "UNICEF and partners", "TBD"), as written."""
    found = []
    for chunk in STRONG_SEPARATORS.split(clean_cell(cell)):
        parts = [chunk] if is_non_actor(chunk) else WEAK_SEPARATORS.split(chunk)
        found += [part.strip(EDGE_PUNCTUATION) for part in parts if part.strip(EDGE_PUNCTUATION) and is_non_actor(part)]
    return found


def is_noise(piece: str) -> bool:
    """Whether a leftover piece between names is only linking words, a place, or names no one."""
    linking = all(word.lower() in NOISE_WORDS for word in piece.split())
    return linking or is_non_actor(piece) or is_operation_place(piece)


def is_whole_name(ref: ActorRef) -> bool:
    """Whether a chunk was found as written: a registry form, an ambiguous one, or a reviewed raw text."""
    return ref.method in WHOLE_METHODS or (ref.method == "review" and ref.score == EXACT_SCORE)


def is_run_together(chunk: str, spans: list[tuple[int, int]], whole_score: float) -> bool:
    """Whether registry names cover a chunk better than one fuzzy match of all of it does."""
    if len(spans) < MIN_RUN_TOGETHER or whole_score >= TYPO_SCORE:
        return False
    words = re.findall(r"\w+", chunk)
    covered = sum(len(re.findall(r"\w+", chunk[start:end])) for start, end in spans)
    return covered >= RUN_TOGETHER_COVER * len(words)


def is_stray_words(piece: str, registry: Registry, context: ContextLike = None) -> bool:
    """Whether a leftover piece between names is prose resembling no actor ("will lead", "The Sector will
    work"): all lower case, or with lower-case words beyond the linking ones an organisation name has."""
    prose = [word for word in piece.split() if word.islower() and word not in NOISE_WORDS]
    lower_case = piece == piece.lower() or len(prose) >= PROSE_WORDS
    return lower_case and resolve_mention(piece, registry, context=context).method == "unresolved"


def without_member_qualifiers(chunk: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The name spans less a "members" right after another name: "Core Group members" is the Core Group."""
    kept: list[tuple[int, int]] = []
    for start, end in spans:
        follows_name = bool(kept) and not chunk[kept[-1][1] : start].strip()
        if not (follows_name and chunk[start:end].lower() in MEMBER_WORDS):
            kept.append((start, end))
    return kept


def chunk_mentions(chunk: str, registry: Registry, context: ContextLike = None) -> Iterator[str]:
    """The mentions of one chunk: itself if it names one actor, else its registry names and leftovers.

    A fuzzy match of the whole chunk yields to two or more registry names inside it, so a run-together
    "M&E Specialist ISWG" is two actors, not a misspelt "M&E Specialists". A split is kept only when it
    is sound (see is_sound_split); else the chunk's parts between linking words, else the chunk whole.
    """
    ref = resolve_mention(chunk, registry, context=context)
    if is_whole_name(ref):
        yield chunk
        return
    if is_non_actor(chunk):
        return
    spans = name_spans(chunk, registry)
    if ref.actor_id and not is_run_together(chunk, spans, ref.score):
        yield chunk
        return
    pieces = merge_misspelt_names(chunk, name_and_leftover_ranges(chunk, spans, registry, context), registry, context)
    if is_sound_split(chunk, pieces, registry, context):
        yield from (chunk[start:end] for start, end, _ in pieces)
        return
    yield from linked_parts(chunk, registry, context)


def linked_parts(chunk: str, registry: Registry, context: ContextLike) -> list[str]:
    """A chunk's parts between linking words ("&", "and", "/") when each is a whole mention, else the chunk.

    "UNICEF & Rural Health Network": two mentions; "Rural Health & Development Organisation": one, as
    "Development Organisation" is no organisation alone.
    """
    parts = split_outside(chunk, WEAK_SEPARATORS, protected_spans(chunk, registry))
    named = [part for part in parts if not is_noise(part)]
    if len(parts) < 2 or not named or any(is_fragment(part) for part in named):
        return [chunk]
    known = [is_known_mention(part, registry, context) for part in named]
    if not any(known):
        return [chunk]  # unknown names linked by "and" are one name: "Union of Medical Care and Relief Organizations"
    if all(is_known or is_complete_name(part) or " " not in part for part, is_known in zip(named, known, strict=True)):
        return named  # "CRS and Caritas", "UNICEF & Rural Health Network"
    return [chunk]


def is_known_mention(piece: str, registry: Registry, context: ContextLike) -> bool:
    """Whether a piece is a registry actor of the document's scope, as written or nearly."""
    ref = resolve_mention(piece, registry, context=context)
    return ref.actor_id is not None or is_whole_name(ref) or (ref.method == "review" and ref.score >= NEAR_NAME_SCORE)


def is_whole_mention(piece: str, registry: Registry, context: ContextLike) -> bool:
    """Whether a piece stands alone as a mention: it resolves (or nearly), or is an organisation's whole name."""
    if is_fragment(piece):
        return False
    ref = resolve_mention(piece, registry, context=context)
    near = ref.method == "review" and ref.score >= NEAR_NAME_SCORE
    return ref.actor_id is not None or is_whole_name(ref) or near or is_complete_name(piece)


def is_sound_split(chunk: str, pieces: list[Piece], registry: Registry, context: ContextLike) -> bool:
    """Whether splitting a chunk into these pieces keeps every name whole.

    Unsound: a piece that is only part of a name (a sector word, "United Nations", "Federal") touching other
    words ("Rural Health ..."); a registry name touching unknown words ("Caritas DRC": spaces alone separate
    only registry names); a leftover that neither resolves nor reads as an organisation.
    """
    if len(pieces) > 1 and not any(is_known_mention(chunk[start:end], registry, context) for start, end, _ in pieces):
        return False  # unknown names only: the chunk is one name, or left to linked_parts
    for index, (start, end, is_name) in enumerate(pieces):
        text = chunk[start:end]
        if is_name and is_fragment(text) and touches_words(chunk, start, end):
            return False
        if is_name and not is_known_mention(text, registry, context):
            return False  # a registry name of another country ("Protection Working Group" in Darfur)
        if not is_name and not is_whole_mention(text, registry, context):
            return False
        neighbours = pieces[max(0, index - 1) : index] + pieces[index + 1 : index + 2]
        unknown = [other for other in neighbours if not other[2] and not resolves(chunk, other, registry, context)]
        if is_name and any(is_touching(chunk, (start, end), other) for other in unknown):
            return False
    return True


def resolves(chunk: str, piece: Piece, registry: Registry, context: ContextLike) -> bool:
    """Whether a leftover piece resolves to a registry actor on its own (a misspelt name)."""
    return resolve_mention(chunk[piece[0] : piece[1]], registry, context=context).actor_id is not None


def touches_words(chunk: str, start: int, end: int) -> bool:
    """Whether a span has a word of a name right before or after it, with only spaces between (a linking
    word or a collective, as in "Protection and SGBV" or "Protection sectors", is not part of a name)."""
    before = re.search(r"(\w[\w'’.-]*)\s*$", chunk[:start])
    after = re.match(r"\s*(\w[\w'’.-]*)", chunk[end:])
    neighbours = [match.group(1) for match in (before, after) if match]
    return any(not is_noise(word) and not WEAK_SEPARATORS.fullmatch(word) for word in neighbours)


def is_touching(chunk: str, first: tuple[int, int], second: Piece) -> bool:
    """Whether two pieces of a chunk have only spaces between them."""
    left, right = sorted((first, (second[0], second[1])))
    return not chunk[left[1] : right[0]].strip()


Piece = tuple[int, int, bool]  # start, end, whether it is a registry name as written


def name_and_leftover_ranges(
    chunk: str, spans: list[tuple[int, int]], registry: Registry, context: ContextLike = None
) -> list[Piece]:
    """The registry names of a chunk and the leftover pieces between them that may be actors, in order."""
    pieces: list[Piece] = []
    last = 0
    for start, end in [*without_member_qualifiers(chunk, spans), (len(chunk), len(chunk))]:
        for piece in split_outside(chunk[last:start], WEAK_SEPARATORS, []):
            if not is_noise(piece) and not (spans and is_stray_words(piece, registry, context)):
                offset = chunk.index(piece, last)
                pieces.append((offset, offset + len(piece), False))
        if start < end:
            pieces.append((start, end, True))
        last = max(last, end)
    return pieces


def merge_misspelt_names(
    chunk: str, pieces: list[Piece], registry: Registry, context: ContextLike = None
) -> list[Piece]:
    """Pieces where a name and the leftover right after it make one name, merged.

    "Protection Subsectoral committee": "Protection" is a registry name, but with the words after it
    it is the Protection Sub-sectoral Committee. "Amel Foundation for Youth" is another organisation
    than Amel: a leftover opening with an organisation word always joins the name before it.
    """
    merged: list[Piece] = []
    for piece in pieces:
        if merged and is_one_name(chunk, merged[-1], piece, registry, context):
            merged[-1] = (merged[-1][0], piece[1], False)
        else:
            merged.append(piece)
    return merged


def is_one_name(chunk: str, first: Piece, second: Piece, registry: Registry, context: ContextLike = None) -> bool:
    """Whether a registry name and the leftover words touching it resolve together to one actor."""
    touching = not chunk[first[1] : second[0]].strip()
    if not touching or first[2] == second[2]:
        return False
    opens_name = first[2] and chunk[second[0] : second[1]].split()[0].lower() in ORGANISATION_WORDS
    return opens_name or resolve_mention(chunk[first[0] : second[1]], registry, context=context).actor_id is not None


def join_wrapped_names(text: str, registry: Registry) -> str:
    """A cell with the line breaks and broken hyphens that fall inside a registry name joined again.

    PDF and DOCX cells wrap long names: "Child Protection AoR Co- Chairs", "Protection\nSub-sectoral
    committee". A break stays a separator unless a registry name runs across it once joined.
    """
    for match in reversed(list(WRAPPED_BREAK.finditer(text))):
        glue = "-" if "-" in match.group() else " "
        joined = text[: match.start()] + glue + text[match.end() :]
        if any(start <= match.start() < end for start, end in name_spans(joined, registry)):
            text = joined
    return text


def split_mentions(cell: str, registry: Registry | None = None, context: ContextLike = None) -> list[str]:
    """The actor mentions of a lead or partner cell, in order; non-actors ("N/A", "etc") are left out."""
    registry = registry or load_registry()
    text = join_wrapped_names(clean_cell(cell), registry)
    whole = resolve_mention(text.strip(EDGE_PUNCTUATION), registry, context=context)
    if is_whole_name(whole):
        return name_and_other_acronym(text.strip(EDGE_PUNCTUATION), registry, context)
    chunks = join_continued_names(
        text, split_outside(text, STRONG_SEPARATORS, protected_spans(text, registry)), registry, context
    )
    mentions = [mention for chunk in chunks for mention in chunk_mentions(chunk, registry, context)]
    if whole.actor_id and not all(resolve_mention(mention, registry, context=context).actor_id for mention in mentions):
        return [text.strip(EDGE_PUNCTUATION)]  # one misspelt name with commas inside ("Bureau of Population, ...")
    return [part for mention in mentions for part in name_and_other_acronym(mention, registry, context)]


def join_continued_names(text: str, chunks: list[str], registry: Registry, context: ContextLike) -> list[str]:
    """Chunks with the words after a comma inside an unknown organisation's name joined to it again:
    "Ministry of Reconstruction, Rehabilitation and Resettlement" is one name, as "Rehabilitation and
    Resettlement" names no organisation (no organisation word, no acronym, no registry name)."""
    joined: list[str] = []
    for chunk in chunks:
        if joined and after_comma(text, joined[-1], chunk) and continues_name(joined[-1], chunk, registry, context):
            joined[-1] = f"{joined[-1]}, {chunk}"
        else:
            joined.append(chunk)
    return joined


def after_comma(text: str, first: str, second: str) -> bool:
    """Whether the text has the second chunk right after the first with only a comma between."""
    return bool(re.search(re.escape(first) + r"\s*,\s*" + re.escape(second), text))


def continues_name(first: str, second: str, registry: Registry, context: ContextLike) -> bool:
    """Whether words after a comma go on with an unknown organisation's name."""
    if is_known_mention(first, registry, context) or not reads_as_organisation(first):
        return False
    if is_known_mention(second, registry, context) or is_non_actor(second) or is_acronym_like(second):
        return False
    return organisation_type(second) is None and not split_name_acronym(second)[1]


def name_and_other_acronym(mention: str, registry: Registry, context: ContextLike) -> list[str]:
    """A "Name (ACR)" mention whose acronym is another registry actor's ("Logistics Cluster (WFP)") as two
    mentions; any other mention as itself."""
    name, acronym = split_name_acronym(mention)
    if not acronym:
        return [mention]
    by_acronym = resolve_mention(acronym, registry, context=context)
    by_name = resolve_mention(name, registry, context=context)
    if by_acronym.method in WHOLE_METHODS and by_acronym.actor_id and by_acronym.actor_id != by_name.actor_id:
        return [name, acronym]
    return [mention]
