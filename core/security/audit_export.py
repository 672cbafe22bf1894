"""Exporting the audit log with its chain, for an inspector (JSON with a summary, or CSV)."""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import text

from core import audit
from core.errors import UserError
from core.security.guard import require
from core.workspace import Workspace

FORMATS = ("json", "csv")
COLUMNS = ("id", "at", "actor", "action", "details", "prev_hash", "hash")
ALGORITHM = (
    "每条记录的校验值 = HMAC-SHA256(工作区审计密钥, 规范化 JSON[前一条校验值, 编号, 时间, 操作人, "
    "操作, 详情])；启用密钥之前的记录为 SHA-256(同一编码)。规范化 JSON：键排序、不转义中文、"
    "无多余空格。"
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


@dataclass(frozen=True)
class AuditExport:
    path: Path
    entries: int
    report: audit.ChainReport


def _safe_cell(value: Any) -> Any:
    # A spreadsheet must show an entry's text, never run it as a formula (OWASP CSV injection).
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def export_log(ws: Workspace, target: Path | None = None, fmt: str = "json") -> AuditExport:
    """Write every entry with its chain to ``target`` and record the export in the log."""
    require("audit_export", ws)
    if fmt not in FORMATS:
        raise UserError(f"不支持的格式：{fmt}", "可选：json、csv")
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    path = Path(target) if target else ws.exports_dir / f"审计日志-{stamp}.{fmt}"
    path.parent.mkdir(parents=True, exist_ok=True)
    with ws.read() as conn:
        report = audit.check_chain(conn)
        rows = [
            dict(zip(COLUMNS, r, strict=True))
            for r in conn.execute(text(f"SELECT {', '.join(COLUMNS)} FROM audit_log ORDER BY id"))
        ]
    tmp = path.with_name(path.name + ".partial")
    if fmt == "json":
        doc = {
            "format": "clueworks-audit-export",
            "workspace": str(ws.root),
            "exported_at": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            "exported_by": audit.current_actor(),
            "algorithm": ALGORITHM,
            "verification": report.to_json(),
            "entries": rows,
        }
        tmp.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    else:
        with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(COLUMNS)
            for row in rows:
                writer.writerow([_safe_cell(row[c]) for c in COLUMNS])
    os.replace(tmp, path)
    with ws.write() as conn:
        audit.append(
            conn,
            "audit_export",
            {
                "file": str(path),
                "format": fmt,
                "entries": len(rows),
                "last_id": report.last_id,
                "last_hash": report.last_hash,
                "verified": report.ok,
            },
        )
    return AuditExport(path, len(rows), report)
