"""Which models take part in "run all": switched off per workspace, audited.

Kept in the workspace (not in one user's desktop settings) so that every account on the
secure-room PC, and the command line, runs the same set.
"""

from __future__ import annotations

import json

from core import audit
from core.settings import get_setting, store_setting
from core.workspace import Workspace

KEY = "models.disabled"


def disabled_models(ws: Workspace | None) -> set[str]:
    """Return the ids of the models switched off in this workspace."""
    if ws is None:
        return set()
    try:
        value = json.loads(get_setting(ws, KEY) or "[]")
    except ValueError:
        return set()
    return {str(v) for v in value} if isinstance(value, list) else set()


def set_model_enabled(ws: Workspace, model_id: str, enabled: bool, actor: str | None = None) -> bool:
    """Switch a model on or off for "run all"; return whether anything changed."""
    from core.security.guard import require
    from core.supervision.catalogue import catalogue

    require("run_models", ws)
    catalogue(ws).get(model_id)  # refuses an unknown id, naming the known ones
    off = disabled_models(ws)
    if (model_id not in off) == enabled:
        return False
    off = off - {model_id} if enabled else off | {model_id}
    with ws.write() as conn:
        store_setting(conn, KEY, json.dumps(sorted(off), ensure_ascii=False))
        audit.append(conn, "model_enabled" if enabled else "model_disabled", {"model": model_id},
                     actor=actor or audit.current_actor())
    return True
