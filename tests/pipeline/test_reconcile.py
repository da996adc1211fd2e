"""`workplans reconcile`: real HTTP requests to the service on 127.0.0.1, the answers validated against the
JSON schemas of the Reconciliation Service API v0.2 (tests/data/reconciliation, from the specification)."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import Request, urlopen

import pytest
from jsonschema import Draft7Validator
from referencing import Registry as SchemaRegistry
from referencing.jsonschema import DRAFT7

from normalizers.actors import load_registry
from pipeline.reconcile import make_server, server_url

SCHEMAS = Path(__file__).resolve().parent.parent / "data" / "reconciliation"
SCHEMA_BASE = "https://reconciliation-api.github.io/specs/0.2/schemas/"


def validator(name: str) -> Draft7Validator:
    """A validator of one of the specification's schemas, its references to the others resolved locally."""
    schemas = {path.name: json.loads(path.read_text(encoding="utf-8")) for path in SCHEMAS.glob("*.json")}
    # "$schema": "http://json-schema.org/schema#" (the latest draft, as the specification writes) read as draft 7
    resources = [(SCHEMA_BASE + file, DRAFT7.create_resource(schema)) for file, schema in schemas.items()]
    return Draft7Validator(schemas[name], registry=SchemaRegistry().with_resources(resources))


def valid(instance: Any, schema: str) -> Any:
    errors = [error.message for error in validator(schema).iter_errors(instance)]
    assert errors == [], errors
    return instance


@pytest.fixture(scope="module")
def service() -> Iterator[str]:
    server = make_server(load_registry(), "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"{server_url(server)}/reconcile"
    server.shutdown()
    server.server_close()


def get(url: str, **params: str) -> Any:
    with urlopen(f"{url}?{urlencode(params)}" if params else url) as response:
        return json.loads(response.read().decode("utf-8"))


def post(url: str, queries: dict[str, Any]) -> Any:
    body = urlencode({"queries": json.dumps(queries)}).encode("utf-8")
    request = Request(url, data=body, headers={"Content-Type": "application/x-www-form-urlencoded"})
    with urlopen(request) as response:
        return json.loads(response.read().decode("utf-8"))


def test_the_manifest_is_a_valid_v0_2_manifest(service: str) -> None:
    manifest = valid(get(service), "manifest.json")
    assert manifest["versions"] == ["0.2"]
    assert {"id": "ingo", "name": "International NGO"} in manifest["defaultTypes"]
    assert manifest["preview"]["url"].endswith("/preview?id={{id}}")


def test_a_query_batch_as_openrefine_sends_it(service: str) -> None:
    queries = {
        "q0": {"query": "Norwegian Refugee Counsel", "type": "ingo", "limit": 3, "type_strict": "should"},
        "q1": {"query": "Health Cluster", "properties": [{"pid": "country", "v": "Sudan"}]},
        "q2": {"query": "unicef", "type": ["un_agency", "donor"]},
        "q3": {"query": "Zorblax Relief Society"},
        "q4": {"query": "DRC", "properties": [{"pid": "acronym", "v": "DRC"}], "limit": 1},
    }
    valid(queries, "reconciliation-query-batch.json")
    results = valid(post(service, queries), "reconciliation-result-batch.json")
    assert set(results) == set(queries)
    best = {key: answer["result"][0] for key, answer in results.items() if answer["result"]}
    assert (best["q0"]["id"], best["q0"]["match"]) == ("nrc", True)
    assert len(results["q0"]["result"]) <= 3 and all(c["type"][0]["id"] == "ingo" for c in results["q0"]["result"])
    assert (best["q1"]["id"], best["q1"]["match"]) == ("sdn-health-cluster", True)  # the country's own cluster
    assert not any(c["id"].startswith("syr-") for c in results["q1"]["result"])
    assert best["q2"]["id"] == "unicef"
    assert not any(candidate["match"] for candidate in results["q3"]["result"])  # an unknown name: no match
    assert [c["id"] for c in results["q4"]["result"]] == ["drc"]
    assert all(0 <= c["score"] <= 100 for answer in results.values() for c in answer["result"])


def test_queries_by_get_and_jsonp(service: str) -> None:
    results = valid(get(service, queries=json.dumps({"q": {"query": "WFP"}})), "reconciliation-result-batch.json")
    assert results["q"]["result"][0]["id"] == "wfp"
    with urlopen(f"{service}?{urlencode({'callback': 'jsonp123'})}") as response:
        text = response.read().decode("utf-8")
    assert text.startswith("jsonp123(") and text.endswith(")")
    valid(json.loads(text[len("jsonp123(") : -1]), "manifest.json")


def test_suggest_entity_and_preview(service: str) -> None:
    base = service.removesuffix("/reconcile")
    manifest = get(service)
    suggest = manifest["suggest"]["entity"]
    suggestions = valid(
        get(suggest["service_url"] + suggest["service_path"], prefix="Norweg"), "suggest-entities-response.json"
    )
    assert "nrc" in [item["id"] for item in suggestions["result"]]
    with urlopen(manifest["preview"]["url"].replace("{{id}}", "nrc")) as response:
        assert response.headers.get_content_type() == "text/html"
        page = response.read().decode("utf-8")
    assert "Norwegian Refugee Council" in page and "<strong>" in page
    assert valid(get(f"{base}/suggest/entity", prefix=""), "suggest-entities-response.json") == {"result": []}


@pytest.mark.parametrize(
    ("path", "params", "status"),
    [
        ("/reconcile", {"queries": "{not json"}, 400),
        ("/reconcile", {"queries": json.dumps({"q": {"limit": 3}})}, 400),
        ("/preview", {"id": "no-such-actor"}, 400),
        ("/no-such-path", {}, 404),
    ],
)
def test_bad_requests_are_answered_not_crashed(service: str, path: str, params: dict[str, str], status: int) -> None:
    url = service.removesuffix("/reconcile") + path
    with pytest.raises(HTTPError) as raised:
        urlopen(f"{url}?{urlencode(params)}")
    assert raised.value.code == status
    assert "error" in json.loads(raised.value.read().decode("utf-8"))
    assert get(service)["versions"] == ["0.2"]  # still serving


def test_the_command_serves_until_stopped() -> None:
    command = [sys.executable, "-m", "pipeline", "reconcile", "--port", "0"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as process:
        try:
            assert process.stdout is not None
            first_line = process.stdout.readline()  # printed once the server listens
            url = first_line.split(": ", 1)[0]
            assert url.startswith("http://127.0.0.1:") and url.endswith("/reconcile")
            valid(get(url), "manifest.json")
            results = post(url, {"q0": {"query": "OCHA"}})
            assert results["q0"]["result"][0]["id"] == "ocha"
        finally:
            process.terminate()


@pytest.mark.parametrize(
    ("instance", "schema"),
    [
        ({"versions": ["0.2"], "name": "x", "schemaSpace": "s"}, "manifest.json"),  # no identifierSpace
        ({"versions": ["0.1"], "name": "x", "identifierSpace": "i", "schemaSpace": "s"}, "manifest.json"),
        ({"q0": {"result": [{"id": "nrc", "name": "NRC"}]}}, "reconciliation-result-batch.json"),  # no score
        ({"q0": {"query": "NRC", "country": "SDN"}}, "reconciliation-query-batch.json"),  # not a query field
        ({"result": [{"name": "NRC"}]}, "suggest-entities-response.json"),  # no id
    ],
)
def test_the_schemas_refuse_what_the_specification_refuses(instance: Any, schema: str) -> None:
    assert list(validator(schema).iter_errors(instance))
