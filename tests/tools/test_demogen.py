"""Tests of the demo-data generator: determinism, valid IDs, texts that match fields."""

from __future__ import annotations

import csv
import re
import zipfile
from collections import Counter
from datetime import date
from decimal import Decimal
from pathlib import Path

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook

from tools.demogen import (
    Scenario,
    generate_cases,
    generate_death_registry,
    generate_driver_licences,
    generate_drunk_driving_convictions,
    generate_pension_payments,
    period_of,
    write_cases_csv,
    write_cases_xlsx,
    write_list_csv,
    write_list_xlsx,
)
from tools.demogen.cells import render_amount, render_date
from tools.demogen.filler import FAMILY_SENTENCES, GENERIC_CLAIM, GENERIC_FACTS, GENERIC_REASON
from tools.demogen.headers import CASE_STYLES
from tools.demogen.numerals import cn_date, cn_int, upper_amount
from tools.demogen.samples import (
    NEIGHBOUR_CSV,
    PENSIONS_CSV,
    build_sample_scenario,
    write_samples,
)

_W = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def valid_id(s: str) -> bool:
    """An independent GB 11643 check (not the generator's own code)."""
    if not re.fullmatch(r"\d{17}[\dX]", s):
        return False
    total = sum(int(c) * w for c, w in zip(s[:17], _W, strict=True))
    return "10X98765432"[total % 11] == s[17]


@pytest.fixture(scope="module")
def cases() -> list:
    return generate_cases(1500, seed=42)


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> tuple[Scenario, dict[str, Path]]:
    sc = build_sample_scenario()
    return sc, write_samples(tmp_path_factory.mktemp("samples"), scenario=sc)


# ---- determinism ------------------------------------------------------------------------
def test_same_seed_gives_same_cases_and_other_seed_does_not() -> None:
    a = generate_cases(200, seed=7)
    b = generate_cases(200, seed=7)
    c = generate_cases(200, seed=8)
    assert a == b
    assert [x.full_text for x in a] != [x.full_text for x in c]


def test_render_workers_do_not_change_the_result() -> None:
    one = generate_cases(2100, seed=3, text_chars=(200, 400), workers=1)
    two = generate_cases(2100, seed=3, text_chars=(200, 400), workers=2)
    assert one == two


def test_csv_is_byte_identical_and_xlsx_cells_identical(cases: list, tmp_path: Path) -> None:
    for name in ("a", "b"):
        write_cases_csv(tmp_path / f"{name}.csv", cases[:300], header_style="court_d", seed=5)
        write_cases_xlsx(tmp_path / f"{name}.xlsx", cases[:300], header_style="court_c", seed=5)
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()
    assert _cells(tmp_path / "a.xlsx") == _cells(tmp_path / "b.xlsx")


def test_committed_samples_match_a_fresh_run(samples: tuple[Scenario, dict[str, Path]]) -> None:
    committed = Path(__file__).parents[2] / "resources" / "samples"
    _, files = samples
    for name in (NEIGHBOUR_CSV, PENSIONS_CSV):
        assert (committed / name).read_bytes() == files[name].read_bytes(), name


# ---- ID numbers -------------------------------------------------------------------------
def test_every_person_has_a_valid_id_number(cases: list) -> None:
    seen = 0
    for c in cases:
        for p in (*c.plaintiffs, *c.defendants, *c.agents):
            if p.kind in ("person", "relative", "lawyer", "legal_worker", "citizen"):
                assert valid_id(p.true_id), p
                assert p.id_number is None or p.id_number == p.true_id
                seen += 1
    assert seen > 2000
    assert any(p.id_number is None for c in cases for p in c.defendants)


def test_list_ids_are_valid_or_show_a_known_quirk(
    samples: tuple[Scenario, dict[str, Path]],
) -> None:
    sc, _ = samples
    kinds: Counter[str] = Counter()
    for row in (*sc.deaths, *sc.pensions, *sc.convictions, *sc.licences):
        assert valid_id(row.true_id)
        shown = row.id_number
        if shown == row.true_id:
            kinds["plain"] += 1
        elif shown == row.true_id[:-1] + "x":
            kinds["lower_x"] += 1
        elif len(shown) == 15:
            assert shown == row.true_id[:6] + row.true_id[8:17]
            kinds["fifteen"] += 1
        else:
            assert re.fullmatch(r"\d\.\d{14}E\+17", shown), shown
            assert abs(float(shown) - int(row.true_id[:17] + row.true_id[17])) < 1e3
            kinds["excel"] += 1
    assert {"plain", "lower_x", "fifteen", "excel"} <= set(kinds)


# ---- text against fields -------------------------------------------------------------
def test_texts_fit_the_requested_length() -> None:
    for lo, hi in ((600, 1500), (2000, 4000)):
        lengths = [len(c.full_text) for c in generate_cases(400, seed=lo, text_chars=(lo, hi))]
        assert lo <= min(lengths) and max(lengths) <= hi


def test_text_says_what_the_fields_say(cases: list) -> None:
    for c in cases:
        t, f = c.full_text, c.text_features
        assert c.case_no in t[:80] and c.judge in t[-120:]
        assert c.doc_type in t[:60].replace(" ", "")
        mediated = c.closing_method == "调解"
        assert mediated == ("自愿达成如下协议" in t) == ("mediation" in f), c.case_no
        if "调解" in t and not mediated:
            assert "mediation_failed" in f
            assert re.search("调解未果|调解不成|未能达成协议|无法调解", t)
        assert ("公告" in t) == (c.service_method == "公告送达")
        assert ("公告费" in t) == ("notice_fee" in f)
        if "default_judgment" in f:
            assert c.closing_method in ("判决", "驳回")
            assert re.search(r"民事诉讼法》第一百四十[四七]条", t)
            assert "公告送达" not in t or c.service_method == "公告送达"
        assert ("按撤诉处理" in t) == ("plaintiff_absent" in f)
        if "plaintiff_absent" in f:
            assert c.closing_method == "撤诉" and "default_judgment" not in f
        if c.closing_method == "驳回":
            assert "驳回原告" in t
        if c.cause == "民间借贷纠纷":
            assert ("iou" in f) == bool(re.search("借条|欠条|借据", t))
            assert ("transfer" in f) == bool(re.search("转账|流水", t))
        assert ("现金" in t) == ("cash_delivery" in f)
        if "admission" in f:
            assert re.search("(辩称|答辩意见)[，：][^\\n]*(无异议|予以认可|属实)", t)


def test_all_writing_styles_and_closings_occur(cases: list) -> None:
    heads = Counter(c.full_text.split("\n")[0] for c in cases)
    assert len(heads) >= 2  # the one-line and the three-line header
    causes = Counter(c.cause for c in cases)
    assert 0.28 < causes["民间借贷纠纷"] / len(cases) < 0.42
    assert set(Counter(c.closing_method for c in cases)) == {"判决", "调解", "撤诉", "驳回"}
    assert set(Counter(c.service_method for c in cases)) == {
        "直接送达",
        "邮寄送达",
        "电子送达",
        "公告送达",
    }
    openings = {
        re.search(r"\n(.{0,12}?)(向本院提出|诉称|起诉称|诉讼请求：)", c.full_text) for c in cases
    }
    assert len({m.group(2) for m in openings if m}) >= 4


def test_filler_adds_no_cue_words() -> None:
    cues = (
        "调解",
        "公告",
        "缺席",
        "到庭",
        "出庭",
        "答辩",
        "辩称",
        "认可",
        "无异议",
        "自认",
        "确认",
        "借条",
        "欠条",
        "借据",
        "收条",
        "转账",
        "流水",
        "微信",
        "支付宝",
        "现金",
        "系夫妻",
        "系朋友",
        "系亲属",
        "系兄弟",
        "系姐妹",
        "撤诉",
        "撤回",
        "驳回",
        "送达",
    )
    sentences = [*GENERIC_CLAIM, *GENERIC_FACTS, *GENERIC_REASON]
    for family in FAMILY_SENTENCES.values():
        for pool in family.values():
            sentences.extend(pool)
    for s in sentences:
        assert not [c for c in cues if c in s], s


def test_case_numbers_run_in_filing_order(cases: list) -> None:
    by_year: dict[int, list] = {}
    for c in cases:
        m = re.fullmatch(r"（(\d{4})）浙0799民初(\d+)号", c.case_no)
        assert m and int(m.group(1)) == c.filing_date.year
        by_year.setdefault(c.filing_date.year, []).append((c.filing_date, int(m.group(2))))
    for rows in by_year.values():
        seqs = [n for _, n in sorted(rows)]
        assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)


# ---- background stays below the models ---------------------------------------------
def test_background_has_no_prolific_private_lender() -> None:
    sc = Scenario.new(9)
    sc.add_background_cases(4000, sc.court(), period_of(2021, 2))
    records = sc.finish_cases((100, 300))
    by_id: Counter[str] = Counter()
    by_name: Counter[str] = Counter()
    banks = 0
    for c in records:
        if c.cause == "民间借贷纠纷":
            for p in c.plaintiffs:
                by_id[p.true_id] += 1
                by_name[p.name] += 1
        if c.cause == "金融借款合同纠纷":
            banks += 1
    assert max(by_id.values()) < 5 and max(by_name.values()) < 5
    assert banks > 300  # banks do file many suits


@pytest.fixture(scope="module")
def background() -> Scenario:
    return build_sample_scenario(plant=False)


def test_background_lists_do_not_collide(background: Scenario) -> None:
    sc = background
    death_month = {d.true_id: (d.death_date.year * 12 + d.death_date.month) for d in sc.deaths}
    paid_dead = 0
    for row in sc.pensions:
        died = death_month.get(row.true_id)
        if died is not None:
            paid_dead += 1
            assert row.month.year * 12 + row.month.month <= died + 1
    assert paid_dead > 100
    judged = {c.true_id: c.judgment_date for c in sc.convictions}
    revoked = 0
    for lic in sc.licences:
        if lic.true_id in judged:
            assert lic.status == "吊销"
            assert (lic.status_date - judged[lic.true_id]).days <= 30
            revoked += 1
    assert revoked > 100


def test_list_entry_points_key_lists_to_case_persons(cases: list) -> None:
    deaths = generate_death_registry(cases, seed=1, n=60)
    pensions = generate_pension_payments(cases, deaths, seed=2, n_persons=80)
    convictions = generate_drunk_driving_convictions(cases, seed=3, n=40)
    licences = generate_driver_licences(cases, convictions, seed=4, n_extra=50)
    case_ids = {p.true_id for c in cases for p in (*c.plaintiffs, *c.defendants)}
    assert any(d.true_id in case_ids for d in deaths)
    assert any(v.true_id in case_ids for v in convictions)
    assert {d.true_id for d in deaths if d.birth_date.year < 1963} <= {p.true_id for p in pensions}
    assert all(re.fullmatch(r"（\d{4}）浙079[89]刑初\d+号", v.case_no) for v in convictions)
    assert {x.status for x in licences} <= {"正常", "吊销", "注销", "暂扣"}


def test_scenario_hook_adds_planted_cases_with_truth() -> None:
    sc = Scenario.new(4)
    court = sc.court()
    period = period_of(2022, 1)
    sc.add_background_cases(50, court, period)
    draft = sc.draft_case("民间借贷纠纷", court, period, filing=date(2022, 6, 1))
    draft.closing_method = "调解"
    draft.evidence = "iou_cash"
    draft.tags.add("plant:false_litigation")
    sc.add_case(draft, truth_key="lending.false_litigation")
    records = sc.finish_cases((300, 600))
    planted = [r for r in records if "plant:false_litigation" in r.tags]
    assert len(planted) == 1 and len(records) == 51
    assert sc.truth["lending.false_litigation"][0].case_no == planted[0].case_no
    assert {"mediation", "iou", "cash_delivery"} <= planted[0].text_features
    assert "background" not in planted[0].tags


# ---- writers ------------------------------------------------------------------------------
def test_header_styles_differ(cases: list, tmp_path: Path) -> None:
    headers = []
    for style in CASE_STYLES:
        path = write_cases_csv(tmp_path / f"{style}.csv", cases[:20], header_style=style)
        with path.open(encoding="utf-8-sig", newline="") as fh:
            headers.append(tuple(next(csv.reader(fh))))
    assert len(set(headers)) == len(CASE_STYLES) >= 4
    assert headers[0][0] == "案号" and headers[1][0] == "案件字号"


def test_xlsx_has_merged_title_row_and_real_dates(cases: list, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = write_cases_xlsx(tmp_path / "t.xlsx", cases[::30], header_style="court_a")
    rows = _cells(path)
    assert rows[0][0] == "示例县人民法院2021-2024年民事案件结案情况统计表"
    assert rows[1][:3] == ["案号", "经办法院", "案由"]
    assert sum(isinstance(r[3], date) for r in rows[2:]) > 40
    ws = load_workbook(path).active
    assert [str(r) for r in ws.merged_cells.ranges] == ["A1:N1"]
    plain = _cells(write_cases_xlsx(tmp_path / "n.xlsx", cases[:5], title_row=False))
    assert plain[0][0] == "案号"


@pytest.mark.parametrize("engine", ["xlsxwriter", "openpyxl"])
@pytest.mark.parametrize("shared", [True, False])
def test_xlsx_engines_and_string_tables(
    cases: list, tmp_path: Path, engine: str, shared: bool
) -> None:
    path = write_cases_xlsx(
        tmp_path / "e.xlsx",
        cases[:30],
        header_style="court_b",
        shared_strings=shared,
        engine=engine,
    )
    with zipfile.ZipFile(path) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
        names = z.namelist()
    if engine == "xlsxwriter":
        assert ("xl/sharedStrings.xml" in names) == shared
        assert ('t="inlineStr"' in sheet) == (not shared)
    rows = _cells(path)
    assert rows[2][0] == cases[0].case_no
    assert rows[2][-1] == cases[0].full_text


def test_gb18030_csv_is_not_utf8(cases: list, tmp_path: Path) -> None:
    path = write_cases_csv(
        tmp_path / "g.csv", cases[:40], header_style="court_b", encoding="gb18030"
    )
    raw = path.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    text = raw.decode("gb18030")
    assert text.startswith("案件字号,审理法院")
    assert cases[0].full_text.split("\n")[0] in text


def test_messy_style_mixes_date_and_amount_forms(cases: list, tmp_path: Path) -> None:
    path = write_cases_csv(tmp_path / "d.csv", cases, header_style="court_d", seed=1)
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))[1:]
    dates = {_date_form(r[3]) for r in rows}
    assert {"cn", "slash", "compact", "serial", "dash"} <= dates
    amounts = " ".join(r[9] for r in rows)
    assert "万元" in amounts and "元整" in amounts and "," in amounts


def test_list_writers(samples: tuple[Scenario, dict[str, Path]], tmp_path: Path) -> None:
    sc, files = samples
    rows = _cells(files["死亡人员名单.xlsx"])
    assert rows[0][0].endswith("死亡人员名单") and rows[1][:2] == ["姓名", "公民身份号码"]
    assert any(isinstance(r[1], float) for r in rows[2:])  # IDs Excel turned into numbers
    path = write_list_csv(tmp_path / "p.csv", sc.pensions[:10], header_style="b", date_format="cn")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("领取人姓名,公民身份号码,待遇所属期") and "年" in text.split("\n")[1]
    lic = _cells(write_list_xlsx(tmp_path / "l.xlsx", sc.licences[:5], header_style="a"))
    assert lic[0][3] == "准驾车型"


def test_samples_are_small_and_described(samples: tuple[Scenario, dict[str, Path]]) -> None:
    _, files = samples
    assert sum(p.stat().st_size for p in files.values()) < 8_000_000
    readme = files["README.md"].read_text(encoding="utf-8")
    assert "虚构" in readme
    assert all(name in readme for name in files if name != "README.md")


# ---- small value renderers --------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "fmt", "expected"),
    [
        (date(2023, 5, 6), "cn", "2023年5月6日"),
        (date(2023, 5, 6), "slash", "2023/5/6"),
        (date(2023, 5, 6), "dash", "2023-05-06"),
        (date(2023, 5, 6), "compact", "20230506"),
        (date(2023, 5, 6), "serial", 45052),
    ],
)
def test_render_date(value: date, fmt: str, expected: object) -> None:
    assert render_date(value, fmt) == expected


@pytest.mark.parametrize(
    ("value", "fmt", "expected"),
    [
        ("50000", "plain", "50000"),
        ("50000", "comma", "50,000.00元"),
        ("50000", "wan", "5万元"),
        ("50000", "upper", "伍万元整"),
        ("12345.67", "upper", "壹万贰仟叁佰肆拾伍元陆角柒分"),
        ("1000001", "upper", "壹佰万零壹元整"),
        ("10010", "upper", "壹万零壹拾元整"),
        ("130000", "wan", "13万元"),
    ],
)
def test_render_amount(value: str, fmt: str, expected: str) -> None:
    assert render_amount(Decimal(value), fmt) == expected


def test_chinese_numerals() -> None:
    assert cn_date(date(2023, 5, 6)) == "二〇二三年五月六日"
    assert [cn_int(n) for n in (10, 15, 110, 147, 264, 1005)] == [
        "十",
        "十五",
        "一百一十",
        "一百四十七",
        "二百六十四",
        "一千零五",
    ]


@settings(deadline=None, max_examples=200)
@given(st.integers(min_value=1, max_value=99_999_999))
def test_upper_amount_reads_back(n: int) -> None:
    text = upper_amount(Decimal(n))
    assert text.endswith("元整")
    assert cn2an.cn2an(text.removesuffix("元整"), "normal") == n


# ---- helpers --------------------------------------------------------------------------------
def _cells(path: Path) -> list[list[object]]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()


def _date_form(value: str) -> str:
    if "年" in value:
        return "cn"
    if "/" in value:
        return "slash"
    if "-" in value:
        return "dash"
    return "compact" if len(value) == 8 else "serial"
