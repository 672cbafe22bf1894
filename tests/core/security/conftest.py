"""Fixtures for the security tests: a workspace with one account per role."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

PASSWORDS = {
    "管理员甲": "Admin-管理员-2024",
    "检察官乙": "Pros-检察官-2024",
    "审核人丙": "Review-审核人-2024",
}
ROLE_OF = {"管理员甲": "administrator", "检察官乙": "prosecutor", "审核人丙": "reviewer"}
USER_OF = {role: user for user, role in ROLE_OF.items()}


@dataclass(frozen=True)
class Secured:
    ws: Any
    root: Path


@pytest.fixture(autouse=True)
def _no_session_leaks() -> Iterator[None]:
    from core.security.session import end_session

    end_session()
    yield
    end_session()


@pytest.fixture(autouse=True)
def _cheap_hashing(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Hash with tiny Argon2id parameters (same code path) unless a test asks for real_argon2."""
    if "real_argon2" in request.fixturenames:
        return
    from argon2 import PasswordHasher, Type

    from core.security import passwords

    cheap = PasswordHasher(time_cost=1, memory_cost=64, parallelism=1, type=Type.ID)
    monkeypatch.setattr(passwords, "_hasher", lambda: cheap)
    monkeypatch.setattr(passwords, "_DUMMY", [])


@pytest.fixture
def real_argon2() -> None:
    """Request this to hash with the production Argon2id parameters."""


def make_accounts(ws: Any) -> None:
    """Create the administrator (first), then a prosecutor and a reviewer."""
    from core.security.accounts import create_account, create_first_administrator
    from core.security.login import login, logout

    create_first_administrator(ws, "管理员甲", PASSWORDS["管理员甲"])
    login(ws, "管理员甲", PASSWORDS["管理员甲"])
    create_account(ws, "检察官乙", PASSWORDS["检察官乙"], "prosecutor")
    create_account(ws, "审核人丙", PASSWORDS["审核人丙"], "reviewer")
    logout(ws)


@pytest.fixture
def secured(tmp_path: Path) -> Iterator[Secured]:
    from core.workspace import open_workspace

    ws = open_workspace(tmp_path / "ws")
    make_accounts(ws)
    yield Secured(ws, ws.root)
    ws.close()


def as_role(secured: Secured, role: str) -> Any:
    """Log in as the account holding ``role``; return the session user."""
    from core.security.login import login

    user = USER_OF[role]
    return login(secured.ws, user, PASSWORDS[user])
