# ruff: noqa: B018 -- a vulture whitelist is bare expressions that name what is used
"""What vulture (`make lint`, at --min-confidence 60, its lowest: every unused name) takes for dead code but is used
from outside its sight. Each entry says who uses it; dead code is removed, never listed here."""

from vulture.whitelist_utils import Whitelist

from pipeline.cli import ExportFormat
from pipeline.cli_format import ReadableArgument

_ = Whitelist()

ExportFormat.parquet  # typer: a choice of `workplans export --format`, looked up by its value
_.show  # typer: the app callback's --version parameter; its callback show_version does the work
_.query  # typer: the `workplans query` command, registered by @app.command
ReadableArgument.display_type_rich  # click calls it to show an argument's type in --help
ReadableArgument._usage_display_name  # typer calls it to show an argument in the usage line
_.__class__  # pipeline/cli_format.py turns typer's arguments into ReadableArgument by assigning it
_.signum  # signal handlers' first parameter (extractors/pdf/document.py, tests/extractors/test_pdf.py)
_.handle_starttag  # html.parser calls it (tests/pipeline/test_report.py)
_.handle_data  # html.parser calls it (tests/pipeline/test_report.py)
# Properties of python-docx, python-pptx, openpyxl and reportlab objects that the writers set and the
# libraries read when they save (tools/office.py, tests/fixtures/*).
_.author  # core properties
_.last_modified_by  # core properties
_.created  # core properties
_.modified  # core properties
_.revision  # core properties
_.creator  # openpyxl's core properties
_.lastModifiedBy  # openpyxl's core properties
_.page_width  # a Word section's page size
_.page_height  # a Word section's page size
_.autofit  # a Word table's fixed layout
_.space_after  # a Word paragraph's spacing
_.alignment  # an openpyxl cell's alignment
_.border  # an openpyxl cell's border
_.hyperlink  # an openpyxl cell's link
_.fitToWidth  # an openpyxl sheet's page setup: printed one page wide
_.fitToHeight  # an openpyxl sheet's page setup: as many pages down as it takes
_.fitToPage  # an openpyxl sheet's page setup properties: fit to the page
_.underline  # a python-docx run's font: underlined text (tools/fixtures/layout_renders.py)
_.space_before  # a python-docx paragraph's spacing above it (tools/fixtures/layout_renders.py)
_.outlineLevel  # an openpyxl row's outline (grouping) level
_.summaryBelow  # an openpyxl sheet's outline properties: a group's summary row above it
_.invariant  # reportlab's rl_config: no dates or random ids in the PDFs
_.extraction_confidence  # pipeline/explain.py: a field of TableExplanation, written out by dataclasses.asdict (--json)
# Ray Data's DataContext reads these settings that pipeline/ray_executor.py sets.
_.max_errored_blocks
_.enable_progress_bars
_.print_on_execution_start
_.do_GET  # http.server calls it for each GET request (pipeline/reconcile.py)
_.do_POST  # http.server calls it for each POST request (pipeline/reconcile.py)
_.log_message  # http.server calls it to log a request; pipeline/reconcile.py keeps stderr for errors
_.search_command  # typer: `workplans registry search`, registered by @registry_app.command
_.import_command  # typer: `workplans registry import`, registered by @registry_app.command
_.find_spec  # the import system calls it on a finder of sys.meta_path (tests/pipeline/test_cli_faults.py)
_.norm_  # spaCy reads a token's norm in the PhraseMatcher (attr="NORM"); normalizers/actor_matcher.py sets it
_.prefix_search  # spaCy's tokenizer calls it (normalizers/actor_matcher.py: French elisions)
_.private_cache_dir  # pytest runs an autouse fixture itself (tests/conftest.py)
_.word_wrap  # python-pptx: a text frame's setting, read when the deck is saved (bench/holdout/rework.py)
_.auto_size  # python-pptx: a text frame's setting, read when the deck is saved (bench/holdout/rework.py)
_.margin_left  # python-pptx: a text frame's inset, read when the deck is saved (bench/holdout/boards.py)
_.margin_right  # python-pptx: a text frame's inset, read when the deck is saved (bench/holdout/boards.py)
