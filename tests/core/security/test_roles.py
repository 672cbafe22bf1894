"""Each role tried on each protected operation: through ``require`` and through the CLI."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from core.security.guard import NotLoggedIn, PermissionDenied, require
from core.security.roles import PERMISSIONS, ROLES, allowed, permission_table
from core.security.session import SessionUser, acting_as
from tests.core.security.conftest import PASSWORDS, USER_OF, Secured

# Written out independently of core.security.roles, so that a wrong table fails here.
EXPECTED = {
    "administrator": set(PERMISSIONS),
    "prosecutor": {
        "read",
        "view_full_text",
        "annotate",
        "import",
        "analyse",
        "run_models",
        "edit_models",
        "work_clues",
        "merge_entities",
        "draft",
        "export",
    },
    "reviewer": {"read", "view_full_text", "annotate", "approve", "audit_view", "audit_export"},
}


def user(role: str | None, root: Path | None = None) -> SessionUser:
    return SessionUser(
        "某人", "某人", role, root.resolve() if root else None, "2024-01-01T00:00:00"
    )


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("permission", sorted(PERMISSIONS))
def test_require_each_role_each_permission(role: str, permission: str, secured: Secured) -> None:
    with acting_as(user(role, secured.root)):
        if permission in EXPECTED[role]:
            assert require(permission, secured.ws).role == role  # type: ignore[union-attr]
        else:
            with pytest.raises(PermissionDenied) as info:
                require(permission, secured.ws)
            assert PERMISSIONS[permission].label in info.value.message


def test_table_matches_expectation_and_displays() -> None:
    for role in ROLES:
        assert {p for p in PERMISSIONS if allowed(role, p)} == EXPECTED[role]
    rows = permission_table()
    assert len(rows) == len(PERMISSIONS) and all(r["administrator"] for r in rows)
    assert allowed("administrator", "reviewer") and not allowed("prosecutor", "reviewer")
    with pytest.raises(ValueError):
        allowed("prosecutor", "fly")


def test_open_mode_allows_everything_without_a_session(workspace: Any) -> None:
    for permission in PERMISSIONS:
        assert require(permission, workspace) is None


def test_accounts_are_enforced_once_the_first_exists(secured: Secured) -> None:
    with pytest.raises(NotLoggedIn):
        require("read", secured.ws)
    with acting_as(user(None)), pytest.raises(NotLoggedIn):  # an open-mode session is not enough
        require("read", secured.ws)


def test_a_session_of_another_workspace_is_refused(secured: Secured, tmp_path: Path) -> None:
    with acting_as(user("administrator", tmp_path / "elsewhere")), pytest.raises(NotLoggedIn):
        require("read", secured.ws)


# Command, arguments (after the workspace option), permission the command needs.
COMMANDS = [
    (["datasets"], "read"),
    (["cases", "show", "（2023）浙0782民初1号", "--text"], "view_full_text"),
    (["import", "不存在的文件.xlsx"], "import"),
    (["analyse"], "analyse"),
    (["entities", "merge", "1", "2"], "merge_entities"),
    (["run", "--model", "不存在的模型"], "run_models"),
    (["models", "export", "不存在的模型", "-o", "x.yaml"], "edit_models"),
    (["clues", "set-status", "999", "verified"], "work_clues"),
    (["clues", "annotate", "999", "批注"], "annotate"),
    (["clues", "export", "--format", "json", "-o", "线索.json"], "export"),
    (
        ["draft", "--clue", "999", "--template", "x", "--recipient", "某单位", "-o", "x.docx"],
        "draft",
    ),
    (["backup", "--list"], "backup"),
    (["restore", "不存在的备份.db"], "restore"),
    (["audit", "export", "-o", "审计.json"], "audit_export"),
    (["audit", "verify"], "read"),
    (["users", "list"], "accounts"),
    (["users", "add", "新账户", "--role", "reviewer"], "accounts"),
    (["settings", "set", "procuratorate", "示例县人民检察院"], "settings"),
    (["users", "passwd", "管理员甲"], "accounts"),  # last: the administrator's own password changes
]


@pytest.mark.parametrize("role", ROLES)
def test_each_role_on_each_cli_command(
    role: str,
    secured: Secured,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from core.cli import main

    name = USER_OF[role]
    monkeypatch.setenv("CLUEWORKS_USER", name)
    monkeypatch.setenv("CLUEWORKS_PASSWORD", PASSWORDS[name])
    monkeypatch.setenv("CLUEWORKS_NEW_PASSWORD", "Set-By-Admin-2024")
    monkeypatch.chdir(tmp_path)
    secured.ws.close()
    for args, permission in COMMANDS:
        code = main(["--workspace", str(secured.root), *args])
        err = capsys.readouterr().err
        if permission in EXPECTED[role]:
            assert code != 3, (args, err)
        else:
            assert code == 3, (args, err)
            assert "无权" in err
