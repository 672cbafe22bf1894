"""Each role tried on the protected service functions themselves (not only the CLI)."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.security.guard import NotLoggedIn, PermissionDenied
from core.security.login import logout
from tests.conftest import write_xlsx
from tests.core.ingest.casedata import HEADERS_A, case_rows
from tests.core.security.conftest import Secured, as_role


def _import(secured: Secured, folder: Path) -> object:
    from core.ingest.pipeline import import_file

    return import_file(secured.ws, write_xlsx(folder / "a.xlsx", HEADERS_A, case_rows(5)))


def _setting(secured: Secured, folder: Path) -> object:
    from core.settings import set_setting

    return set_setting(secured.ws, "procuratorate", "示例县人民检察院")


def _run(secured: Secured, folder: Path) -> object:
    from core.supervision.runner import run_models

    return run_models(secured.ws, ["lending.false_litigation"])


def _merge(secured: Secured, folder: Path) -> object:
    from core.parties.service import merge_entities

    return merge_entities(secured.ws, [1, 2])


OPERATIONS = {"import": _import, "settings": _setting, "run_models": _run, "merge_entities": _merge}
ALLOWED = {
    "administrator": {"import", "settings", "run_models", "merge_entities"},
    "prosecutor": {"import", "run_models", "merge_entities"},
    "reviewer": set(),
}


@pytest.mark.parametrize("role", sorted(ALLOWED))
@pytest.mark.parametrize("operation", sorted(OPERATIONS))
def test_role_on_service(role: str, operation: str, secured: Secured, tmp_path: Path) -> None:
    as_role(secured, role)
    try:
        if operation in ALLOWED[role]:
            try:
                OPERATIONS[operation](secured, tmp_path)
            except (PermissionDenied, NotLoggedIn):  # pragma: no cover - the assertion below
                pytest.fail(f"{role} should be allowed to {operation}")
            except Exception as exc:  # a refusal for another reason (e.g. no such entity) is fine
                assert not isinstance(exc, PermissionDenied)
        else:
            with pytest.raises(PermissionDenied):
                OPERATIONS[operation](secured, tmp_path)
    finally:
        logout(secured.ws)


def test_no_session_with_accounts_is_refused(secured: Secured, tmp_path: Path) -> None:
    with pytest.raises(NotLoggedIn):
        _import(secured, tmp_path)
