"""Rendering drafts: content, escaping, GB/T 9704 layout, fonts, atomic writes."""

from __future__ import annotations

import time
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from core.drafting.layout import LayoutSettings
from core.drafting.render import AnnexCase, render_draft
from core.drafting.templates import TemplateInfo, find_template, list_templates
from core.errors import UserError
from tests.core.drafting.draftdata import (
    all_runs,
    body_texts,
    east_asia,
    make_fields,
    table_rows,
)

NO_FONTS = LayoutSettings(substitute_missing_fonts=False)
REPLY_TEXT = {
    "social_governance": "请你单位在收到本检察建议书之日起两个月内",
    "retrial": "请你院在收到本检察建议书之日起三个月内",
    "correction": "请你院在收到本检察建议书之日起一个月内",
    "transfer": "请你单位在收到本函之日起两个月内",
}
TEMPLATES = {t.kind: t for t in list_templates(None)}
OFFICIAL_FONTS = {"仿宋_GB2312", "方正小标宋简体", "黑体", "楷体_GB2312", "宋体"}


def render(kind: str, tmp_path: Path, count: int = 5, **overrides: object) -> Path:
    out = tmp_path / f"{kind}-{count}.docx"
    return render_draft(TEMPLATES[kind], make_fields(count, **overrides), out, settings=NO_FONTS)


@pytest.mark.parametrize("kind", sorted(TEMPLATES))
@pytest.mark.parametrize("cases", [5, 200])
def test_every_template_renders_content(kind: str, cases: int, tmp_path: Path) -> None:
    path = render(kind, tmp_path, cases)
    texts = body_texts(path)
    joined = "\n".join(texts)
    assert texts[0] == "浙江省义乌市人民检察院"
    assert texts[1] == ("线索移送函" if kind == "transfer" else "检察建议书")
    assert "义检民建〔2026〕3号" in texts
    assert "义乌市人民法院：" in texts
    assert REPLY_TEXT[kind] in joined
    assert "2026年11月23日" in texts
    assert "抄送：金华市人民检察院" in texts
    assert "附件：案件清单" in texts
    assert "{{" not in joined and "{%" not in joined
    rows = table_rows(path)
    assert rows[0] == ["序号", "案号", "案由", "当事人", "结案方式", "问题"]
    assert [row[1] for row in rows[1:]] == [c.case_no for c in make_fields(cases).cases]
    assert [row[0] for row in rows[1:]] == [str(i) for i in range(1, cases + 1)]
    if kind != "transfer":
        assert "二、规范送达程序。" in texts
        assert "此致" in texts


def test_free_text_is_escaped_and_split_into_paragraphs(tmp_path: Path) -> None:
    texts = body_texts(render("social_governance", tmp_path))
    assert "经审查查明：2023年至2025年间，同一出借人先后提起民间借贷诉讼四十余件。" in texts
    assert "上述案件多数以调解结案，借条金额多为整数 & 利率约定接近上限 <见附件>。" in texts
    assert "本院认为，上述案件反映出以下问题：" in texts
    assert not any("\n" in text for text in texts)


def test_parties_keep_their_line_break_inside_the_cell(tmp_path: Path) -> None:
    path = render("retrial", tmp_path, 1)
    cell = docx.Document(str(path)).tables[0].rows[1].cells[3]
    assert cell._tc.findall(f".//{qn('w:br')}"), "原告/被告 should stay on two lines"


def test_optional_parts_disappear_when_empty(tmp_path: Path) -> None:
    path = render("social_governance", tmp_path, 0, cc=None)
    texts = body_texts(path)
    assert not any(t.startswith(("抄送", "附件")) for t in texts)
    assert docx.Document(str(path)).tables == []
    assert texts[-1] == ""  # the tiny closing paragraph, not a stray tag


def test_page_is_a4_with_standard_margins_and_line_grid(tmp_path: Path) -> None:
    document = docx.Document(str(render("correction", tmp_path)))
    sect = document.sections[0]._sectPr
    size = sect.find(qn("w:pgSz"))
    margins = sect.find(qn("w:pgMar"))
    grid = sect.find(qn("w:docGrid"))
    assert (size.get(qn("w:w")), size.get(qn("w:h"))) == ("11906", "16838")
    assert [margins.get(qn(f"w:{side}")) for side in ("top", "bottom", "left", "right")] == [
        "2098",
        "1984",
        "1587",
        "1474",
    ]
    assert (grid.get(qn("w:type")), grid.get(qn("w:linePitch"))) == ("lines", "579")
    assert grid.get(qn("w:charSpace")) is None


def test_normal_style_is_16pt_fangsong_chinese_with_tight_spacing(tmp_path: Path) -> None:
    document = docx.Document(str(render("retrial", tmp_path)))
    normal = document.styles["Normal"].element
    rpr = normal.find(qn("w:rPr"))
    assert rpr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert rpr.find(qn("w:sz")).get(qn("w:val")) == "32"
    assert rpr.find(qn("w:spacing")).get(qn("w:val")) == "-5"
    assert rpr.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"
    spacing = normal.find(f"{qn('w:pPr')}/{qn('w:spacing')}")
    assert (spacing.get(qn("w:line")), spacing.get(qn("w:lineRule"))) == ("579", "exact")


@pytest.mark.parametrize("cases", [5, 200])
def test_every_run_names_its_east_asian_font(cases: int, tmp_path: Path) -> None:
    path = render("social_governance", tmp_path, cases)
    stories = set()
    for story, run in all_runs(path):
        stories.add(story)
        font = east_asia(run)
        assert font in OFFICIAL_FONTS, (story, font)
        rfonts = run.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        assert rfonts.get(qn("w:eastAsiaTheme")) is None
    assert {"body", "footer", "even_page_footer"} <= stories
    xml = Path(path).read_bytes()
    assert b"eastAsiaTheme" not in xml


def test_title_is_22pt_xiaobiaosong(tmp_path: Path) -> None:
    document = docx.Document(str(render("transfer", tmp_path)))
    title = document.paragraphs[0]
    assert title.style.name == "公文标题"
    assert title.style.font.size.pt == 22
    assert {east_asia(r._r) for r in title.runs} == {"方正小标宋简体"}


def test_headings_take_heiti_and_kaiti_up_to_the_full_stop(tmp_path: Path) -> None:
    document = docx.Document(str(render("social_governance", tmp_path)))
    by_text = {p.text: p for p in document.paragraphs}
    first = by_text["一、立案审查不够严格。同一原告集中起诉未被识别。"]
    assert [(r.text, east_asia(r._r)) for r in first.runs] == [
        ("一、立案审查不够严格。", "黑体"),
        ("同一原告集中起诉未被识别。", "仿宋_GB2312"),
    ]
    second = by_text["（二）送达程序不够规范。部分案件径行公告送达。"]
    assert east_asia(second.runs[0]._r) == "楷体_GB2312"
    assert second.runs[0].text == "（二）送达程序不够规范。"


def test_signature_centred_over_date_and_date_indented_four_characters(tmp_path: Path) -> None:
    document = docx.Document(str(render("retrial", tmp_path)))
    by_text = {p.text: p for p in document.paragraphs}
    date_para = by_text["2026年11月23日"]
    assert date_para.style.name == "成文日期"
    assert date_para.style.paragraph_format.right_indent.pt == 64  # 4 × 16 pt
    signature = next(p for p in document.paragraphs if p.style.name == "发文机关署名")
    assert signature.text == "浙江省义乌市人民检察院"
    # 11 characters over a 7-character date: two characters left of the date's indent.
    assert signature.paragraph_format.right_indent.twips == (4 - 2) * 315


def test_page_numbers_sit_between_dashes_on_both_footers(tmp_path: Path) -> None:
    section = docx.Document(str(render("correction", tmp_path))).sections[0]
    for footer, alignment in ((section.footer, "right"), (section.even_page_footer, "left")):
        paragraph = footer.paragraphs[0]
        xml = paragraph._p.xml
        assert "PAGE" in xml and paragraph.text.startswith("— ") and paragraph.text.endswith(" —")
        assert f'w:val="{alignment}"' in xml
    assert section.even_page_footer.is_linked_to_previous is False


def test_missing_official_fonts_are_replaced_by_installed_stand_ins(tmp_path: Path) -> None:
    out = render_draft(
        TEMPLATES["retrial"],
        make_fields(3),
        tmp_path / "fallback.docx",
        installed_fonts=["仿宋", "黑体", "宋体", "楷体"],
    )
    fonts = {east_asia(run) for _, run in all_runs(out)}
    assert fonts <= {"仿宋", "黑体", "宋体", "楷体"}
    assert "仿宋" in fonts and "宋体" in fonts


def test_bad_template_is_a_user_error_and_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    document = docx.Document()
    document.add_paragraph("{{ recipient.name.first }}")
    document.save(str(bad))
    info = TemplateInfo("坏模板", "social_governance", bad, 2, "民建", bundled=False)
    out = tmp_path / "out" / "draft.docx"
    out.parent.mkdir()
    out.write_bytes(b"previous draft")
    with pytest.raises(UserError, match="坏模板"):
        render_draft(info, make_fields(1), out)
    assert out.read_bytes() == b"previous draft"
    assert [p.name for p in out.parent.iterdir()] == ["draft.docx"]


def test_output_replaces_an_older_draft_without_leftovers(tmp_path: Path) -> None:
    out = tmp_path / "draft.docx"
    out.write_bytes(b"old")
    render_draft(TEMPLATES["transfer"], make_fields(2), out, settings=NO_FONTS)
    assert docx.Document(str(out)).paragraphs[0].text == "浙江省义乌市人民检察院"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.docx"]


def test_many_cases_render_quickly(tmp_path: Path) -> None:
    fields = make_fields(200)
    start = time.perf_counter()
    render_draft(find_template("社会治理检察建议书"), fields, tmp_path / "big.docx")
    elapsed = time.perf_counter() - start
    print(f"\n200 annex cases rendered in {elapsed:.2f} s")
    assert elapsed < 30  # a sanity bound only; the target (≤ 3 s) is measured, not asserted


def test_cases_keep_their_order_and_special_characters(tmp_path: Path) -> None:
    cases = [AnnexCase("（2024）浙0782民初9号", "借贷<纠纷>", "甲&乙", "调解", "“问题”")]
    path = render("social_governance", tmp_path, 0, cases=cases)
    assert table_rows(path)[1] == [
        "1",
        "（2024）浙0782民初9号",
        "借贷<纠纷>",
        "甲&乙",
        "调解",
        "“问题”",
    ]
