"""Bundled and user templates: listing, metadata, lookup and checking."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import docx
import pytest

from core.drafting.templates import (
    TemplateInfo,
    bundled_dir,
    check_template,
    find_template,
    list_templates,
)
from core.errors import UserError
from tools import make_templates

BUNDLED = {
    "社会治理检察建议书": ("social_governance", 2, "民建"),
    "再审检察建议书": ("retrial", 3, "民监"),
    "纠正违法检察建议书": ("correction", 1, "民违监"),
    "线索移送函": ("transfer", 2, "民移"),
}


def write_docx(path: Path, paragraphs: list[str], *, category: str | None = None) -> Path:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if category:
        document.core_properties.category = category
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def by_name(templates: list[TemplateInfo]) -> dict[str, TemplateInfo]:
    return {t.name: t for t in templates}


def test_bundled_templates_and_their_defaults() -> None:
    found = by_name(list_templates(None))
    assert set(found) == set(BUNDLED)
    for name, (kind, months, code) in BUNDLED.items():
        info = found[name]
        assert (info.kind, info.reply_months, info.doc_code) == (kind, months, code)
        assert info.bundled and info.path.is_file() and not info.problems
    assert "第二百一十九条" in found["再审检察建议书"].legal_basis
    assert found["线索移送函"].legal_basis == ""


def test_user_templates_join_and_override(tmp_path: Path) -> None:
    own = tmp_path / "templates"
    own.mkdir()
    shutil.copy(bundled_dir() / "再审检察建议书.docx", own / "再审检察建议书.docx")
    (own / "再审检察建议书.yaml").write_text("name: 再审检察建议书\nreply_months: 2\n", "utf-8")
    write_docx(own / "关于纠正送达违法的建议.docx", ["{{ recipient }}"])
    write_docx(own / "~$临时.docx", ["lock file"])
    (own / "说明.txt").write_text("not a template", "utf-8")

    found = by_name(list_templates(tmp_path))
    assert len(found) == 5
    retrial = found["再审检察建议书"]
    # Kind comes from the copied file's embedded category; the sidecar changes the limit.
    assert (retrial.bundled, retrial.kind, retrial.reply_months) == (False, "retrial", 2)
    guessed = found["关于纠正送达违法的建议"]
    assert (guessed.kind, guessed.reply_months, guessed.doc_code) == ("correction", 1, "民违监")
    assert find_template("retrial", tmp_path) == retrial
    assert find_template("再审检察建议书", None).bundled


def test_embedded_category_beats_the_file_name(tmp_path: Path) -> None:
    write_docx(tmp_path / "templates" / "再审模板.docx", ["x"], category="transfer")
    assert find_template("再审模板", tmp_path).kind == "transfer"


@pytest.mark.parametrize(
    ("sidecar", "fragment"),
    [
        ("name: [unclosed", "无法读取"),
        ("- just\n- a list\n", "键: 值"),
        ("kind: lawsuit\n", "无法识别"),
        ("reply_months: 两个月\n", "回复期限"),
        ("reply_months: 0\n", "回复期限"),
    ],
)
def test_bad_sidecar_is_reported_not_fatal(tmp_path: Path, sidecar: str, fragment: str) -> None:
    write_docx(tmp_path / "templates" / "治理建议.docx", ["x"])
    (tmp_path / "templates" / "治理建议.yaml").write_text(sidecar, "utf-8")
    info = find_template("治理建议", tmp_path)
    assert info.kind == "social_governance" and info.reply_months == 2
    assert any(fragment in problem for problem in info.problems)


@pytest.mark.parametrize(
    "wanted", ["再审检察建议书", "retrial", "再审检察建议", "再审检察建议书.docx"]
)
def test_find_by_name_kind_label_or_file(wanted: str) -> None:
    assert find_template(wanted).name == "再审检察建议书"


def test_unknown_template_is_a_user_error() -> None:
    with pytest.raises(UserError, match="找不到模板“支付令”"):
        find_template("支付令")


@pytest.mark.parametrize("name", sorted(BUNDLED))
def test_bundled_templates_pass_the_check(name: str) -> None:
    assert check_template(bundled_dir() / f"{name}.docx") == []


@pytest.mark.parametrize(
    ("paragraphs", "fragment"),
    [
        (["{{ recipient }", "正文"], "标签不完整"),
        (["{% for c in cases %}", "{{ c.case_no }}", "{% endfor %}"], "同一段内结束"),
        (["{{ recipent }}"], "未知的字段“recipent”"),
        (["{%p for c in cases %}", "{{ c.case_number }}", "{%p endfor %}"], "case_number"),
        (["{{ recipient|shout }}"], "未知的过滤器“shout”"),
        (["{% if cc %}抄送"], "标签写法有误"),
    ],
)
def test_check_reports_bad_tags(tmp_path: Path, paragraphs: list[str], fragment: str) -> None:
    path = write_docx(tmp_path / "bad.docx", paragraphs)
    problems = check_template(path)
    assert problems, paragraphs
    assert any(fragment in problem for problem in problems), problems


def test_check_reports_files_that_are_no_templates(tmp_path: Path) -> None:
    fake = tmp_path / "fake.docx"
    fake.write_bytes(b"PK\x03\x04 not really a zip")
    assert "无法打开" in check_template(fake)[0]
    assert "找不到" in check_template(tmp_path / "missing.docx")[0]


def _entries(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.mark.parametrize("spec", make_templates.SPECS, ids=lambda spec: spec.kind)
def test_committed_templates_match_the_generator(spec: make_templates.TemplateSpec) -> None:
    built = make_templates.build_template(spec)
    assert built == make_templates.build_template(spec)  # reproducible
    committed = (bundled_dir() / f"{spec.name}.docx").read_bytes()
    assert _entries(built) == _entries(committed), "run: python -m tools.make_templates"
    sidecar = (bundled_dir() / f"{spec.name}.yaml").read_text("utf-8")
    assert sidecar == make_templates.sidecar_text(spec)
