"""Sharing a model between procuratorates: one file carrying the spec and its content hash."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Any

import yaml

from core import audit
from core.audit import canonical_json
from core.errors import UserError
from core.supervision.catalogue import (
    ModelInfo,
    catalogue,
    get_model,
    load_yaml,
    read_model_text,
    save_user_model,
)
from core.supervision.spec import ModelSpec, parse_spec, spec_data
from core.supervision.spec_errors import SpecError
from core.workspace import Workspace

FORMAT = "clueworks-model/1"


def content_hash(data: Any) -> str:
    """Return the SHA-256 of a spec's canonical JSON (key order and layout do not matter)."""
    return hashlib.sha256(canonical_json(data).encode("utf-8")).hexdigest()


def export_model(ws: Workspace | None, model_id: str, target: Path) -> Path:
    """Write the model as one shareable file with its content hash; return the path."""
    info = get_model(ws, model_id)
    data = spec_data(info.spec)
    doc = {
        "format": FORMAT,
        "sha256": content_hash(data),
        "exported_at": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "exported_by": audit.current_actor(),
        "model": data,
    }
    text = "# 检察监督模型交换文件。请勿手工修改：修改后校验值不符，将被拒绝导入。\n"
    text += yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=100)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UserError(f"无法写入文件“{target}”：{exc}") from exc
    if ws is not None:
        with ws.write() as conn:
            audit.append(
                conn,
                "model_export",
                {
                    "model": model_id,
                    "version": info.spec.version,
                    "sha256": doc["sha256"],
                    "file": str(target),
                },
            )
    return target


def read_export(path: Path) -> ModelSpec:
    """Return the spec in an exchange file after checking its hash; refuse a changed file."""
    name = path.name
    text = read_model_text(path)
    try:
        doc = load_yaml(text)
    except yaml.YAMLError as exc:
        raise SpecError(name, [("", f"YAML 格式错误：{getattr(exc, 'problem', exc)}")]) from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT or "model" not in doc:
        raise SpecError(name, [("format", "不是本程序导出的模型交换文件")])
    expected = doc.get("sha256")
    if not isinstance(expected, str) or content_hash(doc["model"]) != expected:
        raise UserError(
            f"模型文件“{name}”的校验值不符，文件内容可能被改动或已损坏，已拒绝导入。",
            "请向对方重新索取原始导出文件。",
        )
    return parse_spec(doc["model"], name)


def import_model(ws: Workspace, path: Path, *, replace: bool = False) -> ModelInfo:
    """Check and save an exchange file's model into the workspace; return it as listed."""
    spec = read_export(path)
    existing = next((m for m in catalogue(ws).models if m.id == spec.id), None)
    if existing is not None and existing.origin != "内置" and not replace:
        raise UserError(
            f"本工作区已有编号为“{spec.id}”的模型（第{existing.spec.version}版）。",
            "如要以导入的模型替换它，请加 --replace（界面中选“替换”）。",
        )
    data = spec_data(spec)
    data["based_on"] = data.get("based_on") or f"导入自 {path.name}"
    if existing is not None and existing.spec.version >= spec.version:
        data["version"] = existing.spec.version + 1
    info = save_user_model(ws, data)
    with ws.write() as conn:
        audit.append(
            conn,
            "model_import",
            {"model": spec.id, "version": info.spec.version, "file": str(path)},
        )
    return info
