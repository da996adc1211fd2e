"""`python -m pipeline`, and the `workplans` command (pyproject's entry point): Ctrl-C while the command line is
still being imported ends it as Ctrl-C does later, one line and exit status 130, not a traceback."""

import sys

# pipeline.cli_errors.EXIT_INTERRUPTED, which cannot be imported yet: importing it is what Ctrl-C may stop.
EXIT_INTERRUPTED = 130


def main() -> None:
    """Start the workers' fork server when the command will read documents (see pipeline.early_start), import the
    command line, then run it."""
    try:
        from pipeline.early_start import start_early

        start_early(sys.argv[1:])
        from pipeline.cli import main as run_command
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        sys.exit(EXIT_INTERRUPTED)
    run_command()


if __name__ == "__main__":
    main()
