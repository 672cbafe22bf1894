"""Switching models off for "run all": kept in the workspace, audited, honoured by run."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from sqlalchemy import text

from core.errors import UserError
from core.supervision.catalogue import catalogue
from core.supervision.runner import run_models
from core.supervision.switches import disabled_models, set_model_enabled
from core.workspace import Workspace


def test_switched_off_models_are_skipped_by_run_all(planted: Workspace) -> None:
    everything = [m.id for m in catalogue(planted).models]
    keep = "traffic.repeat_claimant"
    for model_id in everything:
        if model_id != keep:
            assert set_model_enabled(planted, model_id, False, actor="张检察官")
    assert set_model_enabled(planted, everything[0], False) is False  # already off
    report = run_models(planted)
    assert [o.model_id for o in report.outcomes] == [keep]
    named = run_models(planted, [everything[0]])  # naming a model still runs it
    assert [o.model_id for o in named.outcomes] == [everything[0]]
    set_model_enabled(planted, everything[0], True)
    assert everything[0] not in disabled_models(planted)
    with planted.read() as conn:
        actions = [r[0] for r in conn.execute(text("SELECT action FROM audit_log"))]
    assert actions.count("model_disabled") == len(everything) - 1 and "model_enabled" in actions


def test_unknown_model_is_refused(planted: Workspace) -> None:
    with pytest.raises(UserError, match="没有编号为"):
        set_model_enabled(planted, "no.such.model", False)
    assert disabled_models(planted) == set()


def test_cli_disable_and_list(planted: Workspace) -> None:
    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "core.cli", "--workspace", str(planted.root), *args],
            capture_output=True, text=True, check=False,
        )

    done = cli("models", "disable", "traffic.repeat_claimant")
    assert done.returncode == 0 and "已停用" in done.stdout
    listed = json.loads(cli("models", "list", "--json").stdout)
    state = {m["id"]: m["enabled"] for m in listed if "id" in m}
    assert state["traffic.repeat_claimant"] is False and sum(state.values()) == len(state) - 1
