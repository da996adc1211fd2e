"""`workplans reconcile`: the actor registry as a W3C Reconciliation Service (API v0.2), for OpenRefine.

An analyst adds http://127.0.0.1:PORT/reconcile as a reconciliation service in OpenRefine and reconciles a
column of organisation names against the registry (data/actors.csv with data/user_actors.csv):

- GET  /reconcile                       the service manifest (JSONP with `callback`);
- GET or POST /reconcile?queries={...}  a batch of queries: `query`, `type` (an actor type, or "actor" for
  any), `limit`, `properties` (`country`: ISO3 or a country name, keeps the actors a plan of that country may
  name; `acronym`: raises a candidate with that acronym), `type_strict`; each answered with candidates (`id`,
  `name`, `score` 0-100, `match` when the project's resolver links the text to it without a person,
  `type`, `description`);
- GET  /preview?id=ID, /view?id=ID      an HTML card of an actor;
- GET  /suggest/entity?prefix=TEXT      actors whose names start with (or resemble) the text.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import typer

from normalizers.actor_registry import ACTOR_TYPES, Actor, Registry, acronym_key, name_key
from normalizers.actor_search import Candidate, search

API_VERSION = "0.2"
SERVICE_NAME = "workplans actor registry"
IDENTIFIER_SPACE = "https://github.com/workplans/actors"  # the registry's ids (data/actors.csv actor_id)
SCHEMA_SPACE = "https://github.com/workplans/actor-types"  # the actor types of the contract
ANY_ACTOR = "actor"  # the default type: every actor of the registry
TYPE_NAMES = {
    ANY_ACTOR: "Actor (any type)",
    "un_agency": "UN agency",
    "ingo": "International NGO",
    "nngo": "National NGO",
    "government": "Government body",
    "coordination_body": "Coordination body (cluster, sector, working group)",
    "role": "Role of a body",
    "donor": "Donor",
    "other": "Other organisation",
}
DEFAULT_PORT = 8765
DEFAULT_HOST = "127.0.0.1"  # this machine only: the registry is no public service
DEFAULT_LIMIT = 5
MAX_LIMIT = 50
SUGGEST_LIMIT = 10
PREVIEW_WIDTH, PREVIEW_HEIGHT = 400, 120  # OpenRefine's preview frame
ACRONYM_BONUS = 10.0  # a candidate whose acronym is the one the row gives
PREVIEW_PAGE = (
    '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="font: 13px sans-serif">{body}</body></html>'
)


class BadRequest(Exception):
    """A request the service cannot answer: malformed queries, an unknown id."""


@dataclass(frozen=True)
class Query:
    """One reconciliation query, read from the batch."""

    text: str
    types: tuple[str, ...]
    limit: int
    country: str | None
    acronym: str | None


class ReconciliationService:
    """The answers of the service, as JSON-ready data (the HTTP layer is ReconcileHandler)."""

    def __init__(self, registry: Registry, base_url: str) -> None:
        self.registry = registry
        self.base_url = base_url.rstrip("/")

    def manifest(self) -> dict[str, Any]:
        """The service manifest."""
        return {
            "versions": [API_VERSION],
            "name": SERVICE_NAME,
            "identifierSpace": IDENTIFIER_SPACE,
            "schemaSpace": SCHEMA_SPACE,
            "defaultTypes": [{"id": type_id, "name": name} for type_id, name in TYPE_NAMES.items()],
            "view": {"url": f"{self.base_url}/view?id={{{{id}}}}"},
            "preview": {
                "url": f"{self.base_url}/preview?id={{{{id}}}}",
                "width": PREVIEW_WIDTH,
                "height": PREVIEW_HEIGHT,
            },
            "suggest": {"entity": {"service_url": self.base_url, "service_path": "/suggest/entity"}},
        }

    def reconcile(self, batch: dict[str, Any]) -> dict[str, Any]:
        """The candidates of every query of a batch, under the query's key."""
        if not isinstance(batch, dict):
            raise BadRequest("queries must be a JSON object of queries")
        return {
            key: {"result": [self.candidate_json(c) for c in self.candidates(read_query(query))]}
            for key, query in batch.items()
        }

    def candidates(self, query: Query) -> list[Candidate]:
        """A query's candidates, best first; a given acronym raises the actors that have it."""
        found = search(query.text, self.registry, query.country, MAX_LIMIT, query.types)
        if query.acronym:
            found = [with_acronym_bonus(candidate, query.acronym) for candidate in found]
        return sorted(found, key=lambda candidate: (-candidate.score, candidate.actor.name))[: query.limit]

    def candidate_json(self, candidate: Candidate) -> dict[str, Any]:
        """One candidate as the API writes it."""
        actor = candidate.actor
        return {
            "id": actor.actor_id,
            "name": actor.name,
            "score": candidate.score,
            "match": candidate.match,
            "type": [{"id": actor.actor_type, "name": TYPE_NAMES[actor.actor_type]}],
            "description": describe(actor),
        }

    def suggest(self, prefix: str, cursor: int = 0) -> dict[str, Any]:
        """Actors whose names start with the prefix first, then those that resemble it."""
        if not name_key(prefix):
            return {"result": []}
        starting = [actor for actor in self.registry.actors.values() if starts_with(actor, prefix)]
        resembling = [candidate.actor for candidate in search(prefix, self.registry, limit=SUGGEST_LIMIT)]
        actors = list({actor.actor_id: actor for actor in sorted(starting, key=lambda a: a.name) + resembling}.values())
        return {
            "result": [
                {
                    "id": actor.actor_id,
                    "name": actor.name,
                    "description": describe(actor),
                    "notable": [{"id": actor.actor_type, "name": TYPE_NAMES[actor.actor_type]}],
                }
                for actor in actors[cursor : cursor + SUGGEST_LIMIT]
            ]
        }

    def preview(self, actor_id: str) -> str:
        """An HTML card of one actor."""
        actor = self.registry.actors.get(actor_id)
        if actor is None:
            raise BadRequest(f"no actor {actor_id!r}")
        parent = self.registry.actors.get(actor.parent_id or "")
        lines = [
            f"<strong>{html.escape(actor.name)}</strong>"
            + (f" ({html.escape(actor.acronym)})" if actor.acronym else ""),
            html.escape(describe(actor)),
            f"part of {html.escape(parent.name)}" if parent else "",
            f"also: {html.escape('; '.join(actor.aliases[:8]))}" if actor.aliases else "",
        ]
        body = "<br>".join(line for line in lines if line)
        return PREVIEW_PAGE.format(body=body)


def read_query(query: Any) -> Query:
    """A query of a batch, checked; a malformed one raises BadRequest."""
    if not isinstance(query, dict) or not (isinstance(query.get("query"), str) or query.get("properties")):
        raise BadRequest("each query must be an object with a 'query' string (or properties)")
    types = query.get("type") or ()
    types = (types,) if isinstance(types, str) else tuple(types)
    limit = query.get("limit", DEFAULT_LIMIT)
    if not isinstance(limit, int | float) or limit < 1:
        raise BadRequest("limit must be a positive number")
    values = property_values(query.get("properties") or [])
    text = query.get("query") or values.get("acronym") or ""
    return Query(
        text=str(text),
        types=tuple(type_id for type_id in types if type_id != ANY_ACTOR and type_id in ACTOR_TYPES),
        limit=min(int(limit), MAX_LIMIT),
        country=country_code(values.get("country")),
        acronym=values.get("acronym"),
    )


def property_values(properties: Iterable[Any]) -> dict[str, str]:
    """The first value of each property of a query, as text ({"id": ...} values by their id)."""
    values: dict[str, str] = {}
    for item in properties:
        if not isinstance(item, dict) or "pid" not in item or "v" not in item:
            raise BadRequest("each property must be an object with 'pid' and 'v'")
        value = item["v"][0] if isinstance(item["v"], list) and item["v"] else item["v"]
        value = value.get("id", "") if isinstance(value, dict) else value
        values.setdefault(str(item["pid"]), str(value))
    return values


def country_code(value: str | None) -> str | None:
    """A country property as ISO 3166 alpha-3: a code, or a country's name or adjective."""
    from normalizers.country import country_forms

    if not value:
        return None
    if len(value) == 3 and value.isalpha():
        return value.upper()
    return country_forms()[0].get(name_key(value))


def with_acronym_bonus(candidate: Candidate, acronym: str) -> Candidate:
    """A candidate raised when it has the acronym the query gives."""
    if candidate.actor.acronym and acronym_key(candidate.actor.acronym) == acronym_key(acronym):
        return Candidate(candidate.actor, min(100.0, candidate.score + ACRONYM_BONUS), candidate.match)
    return candidate


def starts_with(actor: Actor, prefix: str) -> bool:
    """Whether one of an actor's names starts with the prefix (compared as keys)."""
    key = name_key(prefix)
    return bool(key) and any(name_key(form).startswith(key) for form in actor.forms)


def describe(actor: Actor) -> str:
    """One line about an actor: its type and where it works."""
    where = actor.country or "global"
    acronym = f"{actor.acronym} · " if actor.acronym else ""
    return f"{acronym}{TYPE_NAMES[actor.actor_type]} · {where}"


class ReconcileHandler(BaseHTTPRequestHandler):
    """The HTTP side of the service: routes, query strings and form bodies, JSON(P) and HTML answers."""

    service: ReconciliationService  # set on the class made for each server (make_server)

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        url = urlsplit(self.path)
        self.answer(url.path, parse_qs(url.query))

    def do_POST(self) -> None:  # noqa: N802
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8")
        url = urlsplit(self.path)
        self.answer(url.path, {**parse_qs(url.query), **parse_qs(body)})

    def answer(self, path: str, params: dict[str, list[str]]) -> None:
        """Route one request and send its answer; a bad request is a 400 with a JSON error."""
        routes: dict[str, Callable[[dict[str, list[str]]], tuple[str, object]]] = {
            "/reconcile": self.reconcile,
            "/": self.reconcile,
            "/preview": self.preview,
            "/view": self.preview,
            "/suggest/entity": self.suggest,
        }
        route = routes.get(path.rstrip("/") or "/")
        if route is None:
            self.send(404, "application/json", {"error": f"no such path {path!r}"}, params)
            return
        try:
            kind, payload = route(params)
        except BadRequest as error:
            self.send(400, "application/json", {"error": str(error)}, params)
            return
        self.send(200, kind, payload, params)

    def reconcile(self, params: dict[str, list[str]]) -> tuple[str, object]:
        if "queries" not in params:
            return "application/json", self.service.manifest()
        try:
            batch = json.loads(params["queries"][0])
        except json.JSONDecodeError as error:
            raise BadRequest(f"queries is not JSON: {error}") from error
        return "application/json", self.service.reconcile(batch)

    def preview(self, params: dict[str, list[str]]) -> tuple[str, object]:
        return "text/html; charset=utf-8", self.service.preview(first(params, "id"))

    def suggest(self, params: dict[str, list[str]]) -> tuple[str, object]:
        cursor = first(params, "cursor") or "0"
        if not cursor.isdigit():
            raise BadRequest("cursor must be a number")
        return "application/json", self.service.suggest(first(params, "prefix"), int(cursor))

    def send(self, status: int, kind: str, payload: object, params: dict[str, list[str]]) -> None:
        """Send a JSON (JSONP when a callback is asked for) or HTML answer."""
        callback = first(params, "callback")
        if isinstance(payload, str):
            body = payload
        else:
            body = json.dumps(payload, ensure_ascii=False)
            if callback and callback.replace("_", "").replace(".", "").isalnum():
                body, kind = f"{callback}({body})", "application/javascript"
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", kind if "charset" in kind else f"{kind}; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (http.server's signature)
        """Requests are not logged to stderr, which stays for errors."""


def first(params: dict[str, list[str]], name: str) -> str:
    """The first value of a request parameter, or ""."""
    return (params.get(name) or [""])[0]


def make_server(registry: Registry, host: str, port: int) -> ThreadingHTTPServer:
    """A server of the registry on host:port (port 0: a free one), not yet serving."""
    handler: type[ReconcileHandler] = type("Handler", (ReconcileHandler,), {})
    server = ThreadingHTTPServer((host, port), handler)
    handler.service = ReconciliationService(registry, server_url(server))
    return server


def reconcile_command(
    port: int = typer.Option(DEFAULT_PORT, "--port", min=0, max=65535, help="The port to serve on (0: any free one)."),
    host: str = typer.Option(DEFAULT_HOST, "--host", help="The address to serve on."),
) -> None:
    """Serve the actor registry as a reconciliation service (W3C Reconciliation API v0.2) for OpenRefine.

    In OpenRefine: Reconcile > Start reconciling > Add standard service, and give the address printed here
    (http://127.0.0.1:PORT/reconcile). Candidates come with a score (0-100) and `match` where the resolver
    would link the name itself; a `country` property (ISO3 or name) keeps the actors of that country's plans.
    Ctrl-C stops the service.

    Example: workplans reconcile --port 8765
    """
    from normalizers.actors import load_registry
    from pipeline.cli_errors import EXIT_USAGE, fail

    registry = load_registry()
    try:
        server = make_server(registry, host, port)
    except OSError as error:
        fail(f"cannot serve on {host}:{port}: {error.strerror or error}", EXIT_USAGE)
    print(f"{server_url(server)}/reconcile: {len(registry.actors)} actors (Ctrl-C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("stopped", flush=True)
    finally:
        server.server_close()


def server_url(server: ThreadingHTTPServer) -> str:
    """The base address of a server."""
    host, port = server.server_address[:2]
    return f"http://{host!s}:{port}"
