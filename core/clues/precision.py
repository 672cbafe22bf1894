"""Per-model precision from the prosecutors' decisions: confirmed vs dismissed, and why."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select

from core.clues.lifecycle import CONFIRMED_LIKE, DISMISSED, DISMISSED_LIKE
from core.store.clue_models import table
from core.workspace import Workspace

CLUES = table("clues")
HITS = table("clue_hits")
EVENTS = table("clue_events")


@dataclass(frozen=True)
class ModelPrecision:
    """How one model's clues were judged; ``precision`` is None until something was decided."""

    model_id: str
    model_name: str
    clues: int
    confirmed: int
    dismissed: int
    open: int
    dismissal_reasons: dict[str, int] = field(default_factory=dict)

    @property
    def precision(self) -> float | None:
        decided = self.confirmed + self.dismissed
        return self.confirmed / decided if decided else None


def model_precision(ws: Workspace) -> list[ModelPrecision]:
    """Return, per model, its clues confirmed, dismissed and open, with dismissal reasons."""
    with ws.read() as conn:
        rows = conn.execute(
            select(HITS.c.model_id, HITS.c.model_name, CLUES.c.id, CLUES.c.status).join(
                CLUES, CLUES.c.id == HITS.c.clue_id
            )
        ).all()
        reasons = {}
        q = (
            select(EVENTS.c.clue_id, EVENTS.c.reason)
            .where(EVENTS.c.action == "status", EVENTS.c.to_value == DISMISSED)
            .order_by(EVENTS.c.id)
        )
        for clue_id, reason in conn.execute(q):
            reasons[clue_id] = (reason or "（未写理由）").strip()  # the latest dismissal counts
    names: dict[str, str] = {}
    stats: dict[str, Counter[str]] = defaultdict(Counter)
    why: dict[str, Counter[str]] = defaultdict(Counter)
    for model_id, model_name, clue_id, status in rows:
        names[model_id] = model_name
        s = stats[model_id]
        s["clues"] += 1
        if status in CONFIRMED_LIKE:
            s["confirmed"] += 1
        elif status in DISMISSED_LIKE:
            s["dismissed"] += 1
            why[model_id][reasons.get(clue_id, "（未写理由）")] += 1
        else:
            s["open"] += 1
    return [
        ModelPrecision(
            m,
            names[m],
            s["clues"],
            s["confirmed"],
            s["dismissed"],
            s["open"],
            dict(why[m].most_common()),
        )
        for m, s in sorted(stats.items())
    ]
