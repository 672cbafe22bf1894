"""User copies of models in the workspace, and sharing models as hashed files."""

from __future__ import annotations

import hashlib
import importlib.resources
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy import text

from core.errors import UserError
from core.supervision.catalogue import (
    BUNDLED,
    BUNDLED_EDITED,
    USER,
    catalogue,
    copy_model,
    get_model,
    reset_model,
    save_user_model,
    set_parameters,
)
from core.supervision.exchange import export_model, import_model, read_export
from core.supervision.spec import spec_data
from core.workspace import Workspace, open_workspace


def _bundled_hashes() -> dict[str, str]:
    folder = importlib.resources.files("resources") / "models"
    return {
        e.name: hashlib.sha256(e.read_bytes()).hexdigest()
        for e in folder.iterdir()
        if e.name.endswith(".yaml")
    }


def _audit(ws: Workspace, action: str) -> int:
    with ws.read() as conn:
        return int(
            conn.execute(
                text("SELECT COUNT(*) FROM audit_log WHERE action = :a"), {"a": action}
            ).scalar_one()
        )


def test_editing_a_bundled_model_writes_a_workspace_copy(workspace: Workspace) -> None:
    before = _bundled_hashes()
    info = set_parameters(workspace, "lending.false_litigation", {"threshold": 5})
    assert info.origin == BUNDLED_EDITED
    assert Path(info.path).parent == workspace.root / "models"
    assert info.spec.version == 2 and info.spec.parameters["threshold"].default == 5
    assert "内置模型 lending.false_litigation 第1版" in (info.spec.based_on or "")
    assert _bundled_hashes() == before  # the shipped file is never touched
    assert (
        get_model(workspace, "lending.false_litigation").spec.parameters["threshold"].default == 5
    )
    assert get_model(None, "lending.false_litigation").spec.parameters["threshold"].default == 4
    assert _audit(workspace, "model_save") == 1
    reset_model(workspace, "lending.false_litigation")
    assert get_model(workspace, "lending.false_litigation").origin == BUNDLED
    with pytest.raises(UserError, match="没有本工作区的副本"):
        reset_model(workspace, "lending.false_litigation")


def test_out_of_range_values_are_refused_and_nothing_saved(workspace: Workspace) -> None:
    with pytest.raises(UserError, match="不能大于 30"):
        set_parameters(workspace, "lending.false_litigation", {"threshold": 100})
    assert not (workspace.root / "models").exists() or not any(
        (workspace.root / "models").iterdir()
    )


def test_choosing_a_preset_saves_its_values(workspace: Workspace) -> None:
    info = set_parameters(workspace, "lending.professional_lender", {}, preset="jiangsu_2019")
    params = info.spec.parameters
    assert info.spec.preset == "jiangsu_2019"
    assert params["js_year"].default is True and params["use_general"].default is False
    info = set_parameters(workspace, "lending.professional_lender", {"js_year_cases": 6})
    assert info.spec.preset is None  # no longer the preset's values


def test_copy_under_new_id_and_saving_unchanged_keeps_version(workspace: Workspace) -> None:
    info = copy_model(workspace, "traffic.repeat_claimant", "user.traffic_strict", "严格版")
    assert info.origin == USER and info.spec.version == 1 and info.spec.name == "严格版"
    again = save_user_model(workspace, info.spec)
    assert again.spec.version == 1
    with pytest.raises(UserError, match="已有编号"):
        copy_model(workspace, "traffic.repeat_claimant", "user.traffic_strict")


def test_a_broken_user_file_is_listed_not_fatal(workspace: Workspace) -> None:
    folder = workspace.root / "models"
    folder.mkdir()
    (folder / "坏的.yaml").write_text("id: x\nversion: [\n", encoding="utf-8")
    cat = catalogue(workspace)
    assert len(cat.models) == 8
    assert len(cat.broken) == 1 and "坏的.yaml" in cat.broken[0].message


def test_export_import_round_trip(workspace: Workspace, tmp_path: Path) -> None:
    set_parameters(workspace, "lending.false_litigation", {"short_days": 20})
    path = export_model(workspace, "lending.false_litigation", tmp_path / "out" / "模型.yaml")
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert doc["format"] == "clueworks-model/1" and len(doc["sha256"]) == 64
    other = open_workspace(tmp_path / "other")
    try:
        info = import_model(other, path)
        assert info.spec.parameters["short_days"].default == 20
        assert (
            spec_data(info.spec)["rule"]
            == spec_data(get_model(workspace, "lending.false_litigation").spec)["rule"]
        )
        assert _audit(other, "model_import") == 1
    finally:
        other.close()


def _tamper(path: Path, change: Any) -> None:
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(doc)
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["model"]["parameters"]["threshold"].update(default=1),
        lambda d: d["model"].update(name="改过的名字"),
        lambda d: d.update(sha256="0" * 64),
        lambda d: d.pop("sha256"),
    ],
)
def test_tampered_file_is_refused(workspace: Workspace, tmp_path: Path, change: Any) -> None:
    path = export_model(workspace, "lending.false_litigation", tmp_path / "模型.yaml")
    _tamper(path, change)
    with pytest.raises(UserError, match="校验值不符"):
        import_model(workspace, path)
    assert not (workspace.root / "models").exists() or not any(
        (workspace.root / "models").iterdir()
    )


def test_layout_changes_keep_the_hash_valid(tmp_path: Path) -> None:
    path = export_model(None, "family.divorce_debt", tmp_path / "m.yaml")
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    path.write_text(
        yaml.safe_dump(doc, allow_unicode=True, sort_keys=True, indent=4), encoding="utf-8"
    )
    assert read_export(path).id == "family.divorce_debt"


def test_not_an_export_file(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("a: 1\n", encoding="utf-8")
    with pytest.raises(UserError, match="不是本程序导出的模型交换文件"):
        read_export(path)


def test_import_over_a_user_model_needs_replace(workspace: Workspace, tmp_path: Path) -> None:
    copy_model(workspace, "family.divorce_debt", "user.divorce")
    path = export_model(workspace, "user.divorce", tmp_path / "m.yaml")
    with pytest.raises(UserError, match="--replace"):
        import_model(workspace, path)
    info = import_model(workspace, path, replace=True)
    assert info.spec.version == 2


def test_an_oversized_model_file_is_refused_before_parsing(workspace: Workspace, tmp_path: Path) -> None:
    path = export_model(workspace, "family.divorce_debt", tmp_path / "m.yaml")
    padded = path.read_text(encoding="utf-8") + "#" + "填" * 300_000 + "\n"
    big = tmp_path / "big.yaml"
    big.write_text(padded, encoding="utf-8")
    with pytest.raises(UserError) as refused:
        read_export(big)
    assert "模型文件不会这么大" in refused.value.message
    with pytest.raises(UserError):
        import_model(workspace, big)
    assert read_export(path).id == "family.divorce_debt"  # a normal export still reads
