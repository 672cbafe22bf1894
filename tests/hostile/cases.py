"""What the program does with one hostile file: import it, load it as a model, check it as a template.

Each function returns a plain dict (outcome, message, rows) so that it can cross a pipe.
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path


def as_sheet(path: Path, ws_dir: Path) -> dict[str, object]:
    from core.cli import main

    err = io.StringIO()
    out = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        code = main(["--workspace", str(ws_dir), "import", str(path), "--json", "--no-analyse"])
    message = err.getvalue().strip()
    if code == 0:
        report = json.loads(out.getvalue())
        return {
            "code": code,
            "outcome": "imported",
            "message": f"导入 {report['rows_imported']} 行，隔离 {len(report['quarantined'])} 行",
            "rows": report["rows_imported"],
        }
    return {"code": code, "outcome": "refused" if code == 2 else "error", "message": message}


def as_model(path: Path, ws_dir: Path) -> dict[str, object]:
    from core.errors import UserError
    from core.supervision.catalogue import read_spec_file

    try:
        read_spec_file(path)
    except UserError as exc:
        return {"code": 2, "outcome": "refused", "message": str(exc)}
    return {"code": 0, "outcome": "accepted", "message": ""}


def as_template(path: Path, ws_dir: Path) -> dict[str, object]:
    from core.drafting.templates import check_template

    problems = check_template(path)
    if problems:
        return {"code": 2, "outcome": "refused", "message": "；".join(problems)}
    return {"code": 0, "outcome": "accepted", "message": ""}


RUNNERS = {"sheet": as_sheet, "model": as_model, "template": as_template}


def warm_up() -> None:
    """Import what the cases use, so that forked children start at once."""
    import core.cli
    import core.drafting.template_check
    import core.ingest.pipeline
    import core.supervision.catalogue  # noqa: F401
