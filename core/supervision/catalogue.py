"""The model catalogue: bundled specs in resources/models, user copies in <workspace>/models.

A user never edits a bundled file: saving a changed bundled model writes a copy with the
same id into the workspace, which then takes its place (``reset_model`` removes the copy).
"""

from __future__ import annotations

import functools
import importlib.resources
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from core import audit
from core.errors import UserError
from core.supervision.spec import (
    ModelSpec,
    ResolvedModel,
    load_resolved,
    parameter_values,
    parse_spec,
    spec_data,
)
from core.supervision.spec_errors import SpecError
from core.workspace import Workspace

BUNDLED = "内置"
BUNDLED_EDITED = "内置（已修改）"
USER = "自建"


@dataclass(frozen=True)
class ModelInfo:
    """One model as the catalogue lists it."""

    spec: ModelSpec
    origin: str  # 内置 | 内置（已修改） | 自建
    path: str  # the file it was read from
    bundled_version: int | None

    @property
    def id(self) -> str:
        return self.spec.id

    def to_json(self) -> dict[str, Any]:
        from core.supervision.describe import rule_text

        s = self.spec
        return {
            "id": s.id,
            "version": s.version,
            "name": s.name,
            "category": s.category,
            "kind": s.kind,
            "summary": s.summary,
            "origin": self.origin,
            "path": self.path,
            "preset": s.preset,
            "rule_text": rule_text(load_resolved(s, self.path)),
        }


@dataclass(frozen=True)
class BrokenModel:
    """A user model file that could not be read; listed so the user can fix or delete it."""

    path: str
    message: str


@dataclass(frozen=True)
class Catalogue:
    models: tuple[ModelInfo, ...]
    broken: tuple[BrokenModel, ...]

    def get(self, model_id: str) -> ModelInfo:
        for m in self.models:
            if m.id == model_id:
                return m
        known = "、".join(m.id for m in self.models)
        raise UserError(f"没有编号为“{model_id}”的模型。", f"可用的模型：{known}")


# A model file is a few kilobytes of YAML; a megabyte is not a model (and PyYAML's pure
# Python loader takes seconds over it). The C loader is used when PyYAML has one.
MAX_MODEL_BYTES = 256 * 1024
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """Return the data in YAML ``text`` (safe loading only)."""
    return yaml.load(text, Loader=_LOADER)


def read_model_text(path: Path) -> str:
    """Return the text of a model file; refuse unreadable and implausibly large files."""
    try:
        size = path.stat().st_size
        if size > MAX_MODEL_BYTES:
            raise UserError(
                f"“{path.name}”有 {size / 1024:,.0f} KB，模型文件不会这么大（上限 "
                f"{MAX_MODEL_BYTES // 1024} KB），已拒绝读取。",
                "模型文件通常只有几 KB；请确认选择的是本程序导出的模型文件。",
            )
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"无法读取模型文件“{path.name}”：{exc}") from exc


def parse_spec_text(text: str, source: str) -> ModelSpec:
    """Return the spec in YAML ``text``; problems raise a SpecError naming ``source``."""
    try:
        data = load_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"第 {mark.line + 1} 行第 {mark.column + 1} 列" if mark is not None else ""
        raise SpecError(
            source, [("", f"YAML 格式错误{where}：{getattr(exc, 'problem', exc)}")]
        ) from None
    return parse_spec(data, source)


def read_spec_file(path: Path) -> ModelSpec:
    """Return the spec in a model file (YAML)."""
    return parse_spec_text(read_model_text(path), path.name)


@functools.cache
def bundled_specs() -> dict[str, tuple[ModelSpec, str]]:
    """Return the bundled specs by id, with their file names."""
    folder = importlib.resources.files("resources") / "models"
    out: dict[str, tuple[ModelSpec, str]] = {}
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".yaml"):
            spec = parse_spec_text(entry.read_text(encoding="utf-8"), entry.name)
            out[spec.id] = (spec, f"resources/models/{entry.name}")
    return out


def user_dir(ws: Workspace) -> Path:
    return ws.root / "models"


def _user_path(ws: Workspace, model_id: str) -> Path:
    return user_dir(ws) / f"{model_id}.yaml"


def catalogue(ws: Workspace | None) -> Catalogue:
    """Return every model: bundled ones, replaced by a user copy where one exists."""
    bundled = bundled_specs()
    models: dict[str, ModelInfo] = {
        mid: ModelInfo(spec, BUNDLED, path, spec.version) for mid, (spec, path) in bundled.items()
    }
    broken: list[BrokenModel] = []
    folder = user_dir(ws) if ws is not None else None
    if folder is not None and folder.is_dir():
        for path in sorted(folder.glob("*.yaml")):
            try:
                spec = read_spec_file(path)
            except UserError as exc:
                broken.append(BrokenModel(str(path), str(exc)))
                continue
            base = bundled.get(spec.id)
            origin = BUNDLED_EDITED if base else USER
            models[spec.id] = ModelInfo(spec, origin, str(path), base[0].version if base else None)
    order = sorted(models.values(), key=lambda m: (m.origin == USER, m.spec.category, m.id))
    return Catalogue(tuple(order), tuple(broken))


def get_model(ws: Workspace | None, model_id: str) -> ModelInfo:
    """Return the model the workspace runs under ``model_id`` (a user copy if there is one)."""
    return catalogue(ws).get(model_id)


def resolved(
    ws: Workspace | None,
    model_id: str,
    overrides: Mapping[str, Any] | None = None,
    preset: str | None = None,
) -> ResolvedModel:
    """Return the model ready to run, with optional parameter overrides or another preset."""
    info = get_model(ws, model_id)
    return load_resolved(info.spec, info.path, overrides, preset)


def dump_yaml(spec: ModelSpec) -> str:
    return yaml.safe_dump(spec_data(spec), allow_unicode=True, sort_keys=False, width=100)


def save_user_model(ws: Workspace, spec: ModelSpec | Mapping[str, Any]) -> ModelInfo:
    """Validate and save a spec as the workspace's copy; bump the version when it changed."""
    data = spec_data(spec) if isinstance(spec, ModelSpec) else dict(spec)
    source = f"{data.get('id', '新模型')}.yaml"
    checked = parse_spec(data, source)
    current = catalogue(ws).models
    before = next((m for m in current if m.id == checked.id), None)
    changed = before is not None and spec_data(before.spec) != spec_data(checked)
    if before is not None and changed and checked.version <= before.spec.version:
        checked = checked.model_copy(update={"version": before.spec.version + 1})
    if before is not None and before.origin == BUNDLED and not checked.based_on:
        checked = checked.model_copy(
            update={"based_on": f"内置模型 {before.id} 第{before.spec.version}版"}
        )
    checked = parse_spec(spec_data(checked), source)
    folder = user_dir(ws)
    folder.mkdir(parents=True, exist_ok=True)
    path = _user_path(ws, checked.id)
    tmp = path.with_suffix(".yaml.tmp")
    tmp.write_text(dump_yaml(checked), encoding="utf-8")
    tmp.replace(path)
    with ws.write() as conn:
        audit.append(
            conn, "model_save", {"model": checked.id, "version": checked.version, "path": str(path)}
        )
    return get_model(ws, checked.id)


def copy_model(ws: Workspace, model_id: str, new_id: str, name: str | None = None) -> ModelInfo:
    """Save a copy of a model under a new id (a new user model based on it)."""
    info = get_model(ws, model_id)
    if any(m.id == new_id for m in catalogue(ws).models):
        raise UserError(f"已有编号为“{new_id}”的模型，请换一个编号。")
    data = spec_data(info.spec)
    data.update(
        id=new_id,
        version=1,
        name=name or f"{info.spec.name}（副本）",
        based_on=f"{info.origin}模型 {info.id} 第{info.spec.version}版",
    )
    return save_user_model(ws, data)


def set_parameters(
    ws: Workspace, model_id: str, values: Mapping[str, Any], preset: str | None = None
) -> ModelInfo:
    """Save new parameter values (after a preset's, when one is named) into the workspace copy."""
    info = get_model(ws, model_id)
    spec = info.spec
    merged = parameter_values(spec, values, preset, info.path)
    params = {
        name: p.model_copy(update={"default": merged[name]}) for name, p in spec.parameters.items()
    }
    label = preset if preset is not None else spec.preset
    if label is not None:
        # the preset name stays only while the values still are the preset's
        wanted = spec.presets[label].values
        if any(merged.get(k) != v for k, v in wanted.items()):
            label = None
    return save_user_model(ws, spec.model_copy(update={"parameters": params, "preset": label}))


def reset_model(ws: Workspace, model_id: str) -> None:
    """Delete the workspace's copy of a model (a bundled model returns to its shipped form)."""
    path = _user_path(ws, model_id)
    if not path.exists():
        raise UserError(f"模型“{model_id}”没有本工作区的副本，无需恢复。")
    path.unlink()
    with ws.write() as conn:
        audit.append(conn, "model_reset", {"model": model_id, "path": str(path)})
