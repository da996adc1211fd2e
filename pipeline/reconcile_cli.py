"""The `reconcile` command: the actor registry served for OpenRefine (pipeline/reconcile.py, imported only when
the command runs: the registry's search is no cost of the other commands)."""

from __future__ import annotations

import typer

from pipeline.cli_errors import EXIT_USAGE, fail

DEFAULT_PORT = 8765
DEFAULT_HOST = "127.0.0.1"  # this machine only: the registry is no public service


def reconcile_command(
    port: int = typer.Option(DEFAULT_PORT, "--port", min=0, max=65535, help="The port to serve on (0: any free one)."),
    host: str = typer.Option(DEFAULT_HOST, "--host", metavar="ADDR", help="The address to serve on."),
) -> None:
    """Serve the actor registry as a reconciliation service (W3C Reconciliation API v0.2) for OpenRefine.

    In OpenRefine: Reconcile > Start reconciling > Add standard service, and give the address printed here
    (http://127.0.0.1:PORT/reconcile). Candidates come with a score (0-100) and `match` where the resolver
    would link the name itself; a `country` property (ISO3 or name) keeps the actors of that country's plans.
    Ctrl-C stops the service.

    Exit status: 0 stopped by Ctrl-C, 2 the address cannot be served (the port in use, an unknown host).

    Example: workplans reconcile --port 8765
    """
    from normalizers.actors import load_registry
    from pipeline.reconcile import make_server, server_url

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
