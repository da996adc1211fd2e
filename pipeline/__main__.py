"""`python -m pipeline` is the `workplans` command."""

from pipeline.cli import main

main()
