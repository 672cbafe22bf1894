"""Drafts and templates through LibreOffice: re-saved templates, PDF pages, 28 × 22 grid.

Needs ``soffice`` and poppler's ``pdfinfo``/``pdftotext`` (CI installs them); the official
fonts are aliased to Noto CJK by tools/fontconfig/fonts.conf.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path

import docx
import pytest

from core.drafting.layout import LayoutSettings
from core.drafting.render import DraftFields, render_draft
from core.drafting.templates import bundled_dir, check_template, list_templates, load_template_info
from tests.core.drafting.draftdata import make_fields, table_rows

ROOT = Path(__file__).resolve().parents[3]
HAVE_OFFICE = all(shutil.which(tool) for tool in ("soffice", "pdfinfo", "pdftotext"))
pytestmark = pytest.mark.skipif(not HAVE_OFFICE, reason="LibreOffice/poppler not installed")
NO_FONTS = LayoutSettings(substitute_missing_fonts=False)

Convert = Callable[[list[Path], str, Path], list[Path]]


@pytest.fixture(scope="module")
def convert(tmp_path_factory: pytest.TempPathFactory) -> Convert:
    """Return a function converting files with one LibreOffice profile for the module."""
    profile = tmp_path_factory.mktemp("lo-profile")
    env = {**os.environ, "FONTCONFIG_FILE": str(ROOT / "tools" / "fontconfig" / "fonts.conf")}

    def run(files: list[Path], target: str, out_dir: Path) -> list[Path]:
        out_dir.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--convert-to",
                target,
                "--outdir",
                str(out_dir),
                *map(str, files),
            ],
            check=True,
            capture_output=True,
            env=env,
            timeout=180,
        )
        extension = target.split(":")[0]
        outputs = [out_dir / f"{f.stem}.{extension}" for f in files]
        assert all(p.is_file() for p in outputs), outputs
        return outputs

    return run


def pdf_pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    match = re.search(r"^Pages:\s+(\d+)", info.stdout, re.MULTILINE)
    assert match
    return int(match.group(1))


def pdf_text(pdf: Path, page: int | None = None) -> str:
    args = ["pdftotext", "-layout"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    return subprocess.run([*args, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_templates_resaved_by_libreoffice_still_render(tmp_path: Path, convert: Convert) -> None:
    originals = sorted(bundled_dir().glob("*.docx"))
    resaved = convert(originals, "docx:MS Word 2007 XML", tmp_path / "resaved")
    kinds = {t.path.stem: t.kind for t in list_templates(None)}
    for path in resaved:
        assert check_template(path) == [], path.name
        info = load_template_info(path, bundled=False)
        assert info.kind == kinds[path.stem]
        fields = make_fields(5)
        out = render_draft(info, fields, tmp_path / "drafts" / path.name, settings=NO_FONTS)
        rows = table_rows(out)
        assert [row[1] for row in rows[1:]] == [c.case_no for c in fields.cases]
        text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
        assert "义检民建〔2026〕3号" in text and "义乌市人民法院：" in text
        assert "个月内" in text


def grid_fields() -> DraftFields:
    # Long paragraphs of plain characters fill whole pages for counting lines and columns.
    line = "甲乙丙丁戊己庚辛壬癸" * 9
    text = "\n".join(line for _ in range(12))
    return DraftFields(
        procuratorate="某县人民检察院",
        doc_number="某检民建〔2026〕1号",
        recipient="某单位",
        date=date(2026, 1, 2),
        facts=text,
        problems=text,
    )


def test_pdf_pages_title_and_the_28_by_22_grid(tmp_path: Path, convert: Convert) -> None:
    templates = {t.kind: t for t in list_templates(None)}
    small = render_draft(
        templates["social_governance"], make_fields(5), tmp_path / "small.docx", settings=NO_FONTS
    )
    big = render_draft(
        templates["retrial"], make_fields(200), tmp_path / "big.docx", settings=NO_FONTS
    )
    grid = render_draft(
        templates["social_governance"], grid_fields(), tmp_path / "grid.docx", settings=NO_FONTS
    )
    small_pdf, big_pdf, grid_pdf = convert([small, big, grid], "pdf", tmp_path / "pdf")

    assert 2 <= pdf_pages(small_pdf) <= 4
    first = pdf_text(small_pdf, 1)
    assert "浙江省义乌市人民检察院" in first
    assert re.search(r"检\s*察\s*建\s*议\s*书", first)
    assert re.search(r"—\s*1\s*—", first)
    assert 12 <= pdf_pages(big_pdf) <= 40
    # The case number column wraps after the court code; the last row must be there.
    big_text = re.sub(r"\s+", "", pdf_text(big_pdf))
    assert "民初1199号" in big_text and "民初1000号" in big_text

    # Page 2 of the grid document is all body text: 22 lines, full lines hold 28 characters.
    lines = [ln.strip() for ln in pdf_text(grid_pdf, 2).splitlines()]
    body = [ln for ln in lines if re.search("[甲乙丙丁戊己庚辛壬癸]", ln)]
    assert len(body) == 22, body
    assert max(len(ln) for ln in body) == 28
