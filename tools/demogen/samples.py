"""The shipped demo set (resources/samples) and the large benchmark files."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path

from tools.demogen.scenario import NEIGHBOUR_CODE, NEIGHBOUR_COURT, Scenario, period_of
from tools.demogen.writers import (
    write_cases_csv,
    write_cases_xlsx,
    write_list_csv,
    write_list_xlsx,
)

SAMPLE_SEED = 20240601
MAIN_XLSX = "示例县人民法院_民事案件_2021-2024.xlsx"
NEIGHBOUR_CSV = "邻县人民法院_案件导出.csv"
DEATHS_XLSX = "死亡人员名单.xlsx"
PENSIONS_CSV = "养老金发放明细.csv"
CONVICTIONS_XLSX = "危险驾驶罪判决名单.xlsx"
LICENCES_XLSX = "驾驶证状态信息.xlsx"

README = """# 示例数据（demo data）

本目录的数据全部由 `python -m tools.demogen samples resources/samples` 生成（固定随机种子，
可重现）。**所有人员、单位、地址、身份证号码、案号和裁判文书内容均为虚构**，如与真实
人员或单位重名，纯属巧合。法院“示例县人民法院”“邻县人民法院”并不存在。

| 文件 | 内容 |
|---|---|
| `{main}` | 示例县人民法院 2021—2024 年民事一审结案案件约 2,500 件：案号、案由、当事人、代理人、标的额、送达方式、承办法官及裁判文书全文（600—1,500 字）。首行为合并的标题行，表头为“案号/经办法院/案由/立案日期…”一类，日期为 Excel 日期单元格。 |
| `{csv}` | 邻县人民法院导出的案件约 600 件，GB18030 编码的 CSV，无标题行，表头为“案件字号/审理法院/案件案由/收案日期…”一类；日期写作“2023年5月6日”，金额写作“50,000.00元”，当事人之间用“；”分隔并附身份证号码。 |
| `{deaths}` | 死亡人员名单（姓名、公民身份号码、出生日期、死亡日期、户籍注销日期、地址、信息来源），带标题行；少数身份证号码为 15 位、小写 x，或被 Excel 存成科学计数法的数字。 |
| `{pensions}` | 养老金发放明细（每人每月一行：姓名、身份证号码、发放年月、发放日期、金额、险种、状态），UTF-8 编码。 |
| `{convictions}` | 危险驾驶罪判决名单（被告人、身份证号码、案号、审判法院、判决日期、判处刑罚、血液酒精含量）。 |
| `{licences}` | 驾驶证状态信息（姓名、驾驶证号、准驾车型、状态：正常/吊销/注销/暂扣、状态日期、档案号）。 |

名单中的人员一部分取自上述案件的当事人，便于演示数据碰撞。背景数据不会触发内置监督模型；
另外为每个内置模型“植入”了若干应被发现的线索和几条相似但不应命中的干扰数据，
运行全部模型即可看到演示线索。
"""


def build_sample_scenario(seed: int = SAMPLE_SEED, *, plant: bool = True) -> Scenario:
    """Return the demo scenario: two courts, 2021-2024, cases and lists filled, clues planted."""
    from tools.demogen.plant import plant_cases, plant_lists

    sc = Scenario.new(seed)
    period = period_of(2021, 4)
    main = sc.court()
    sc.add_background_cases(2500, main, period)
    sc.add_background_cases(600, sc.court(NEIGHBOUR_COURT, NEIGHBOUR_CODE), period)
    if plant:
        plant_cases(sc, main)  # planted positives and near-miss decoys for every bundled model
    sc.finish_cases((600, 1500))
    sc.add_background_lists(deaths=300, pensioners=350, convictions=150, licences_extra=700)
    if plant:
        plant_lists(sc, main)
    return sc


def write_samples(
    outdir: str | Path, seed: int = SAMPLE_SEED, scenario: Scenario | None = None
) -> dict[str, Path]:
    """Write the demo set into ``outdir`` and return the files by name."""
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    sc = scenario or build_sample_scenario(seed)
    main = [c for c in sc.cases if c.court == "示例县人民法院"]
    other = [c for c in sc.cases if c.court == NEIGHBOUR_COURT]
    files = {
        MAIN_XLSX: write_cases_xlsx(
            out / MAIN_XLSX,
            main,
            header_style="court_a",
            title_row=True,
            shared_strings=True,
            seed=seed,
        ),
        NEIGHBOUR_CSV: write_cases_csv(
            out / NEIGHBOUR_CSV,
            other,
            header_style="court_b",
            encoding="gb18030",
            title_row=False,
            seed=seed,
        ),
        DEATHS_XLSX: write_list_xlsx(
            out / DEATHS_XLSX,
            sc.deaths,
            header_style="a",
            title="示例县2021-2024年死亡人员名单",
            date_format="excel",
            shared_strings=True,
        ),
        PENSIONS_CSV: write_list_csv(
            out / PENSIONS_CSV, sc.pensions, header_style="a", encoding="utf-8", date_format="dash"
        ),
        CONVICTIONS_XLSX: write_list_xlsx(
            out / CONVICTIONS_XLSX,
            sc.convictions,
            header_style="a",
            date_format="cn",
            shared_strings=True,
        ),
        LICENCES_XLSX: write_list_xlsx(
            out / LICENCES_XLSX,
            sc.licences,
            header_style="b",
            date_format="dash",
            shared_strings=True,
        ),
    }
    readme = out / "README.md"
    readme.write_text(
        README.format(
            main=MAIN_XLSX,
            csv=NEIGHBOUR_CSV,
            deaths=DEATHS_XLSX,
            pensions=PENSIONS_CSV,
            convictions=CONVICTIONS_XLSX,
            licences=LICENCES_XLSX,
        ),
        encoding="utf-8",
    )
    files["README.md"] = readme
    return files


def write_bench(
    outdir: str | Path,
    *,
    cases: int = 100_000,
    text_chars: tuple[int, int] = (2000, 4000),
    formats: Sequence[str] = ("xlsx", "csv"),
    seed: int = 1,
    workers: int = 1,
    shared_strings: bool = False,
    log: Callable[[str], None] = print,
) -> dict[str, float]:
    """Write benchmark case files and return the seconds each step took."""
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    timings: dict[str, float] = {}
    t = time.perf_counter()
    sc = Scenario.new(seed)
    sc.add_background_cases(cases, sc.court(), period_of(2021, 4))
    timings["draft"] = time.perf_counter() - t
    t = time.perf_counter()
    records = sc.finish_cases(text_chars, workers=workers)
    timings["render"] = time.perf_counter() - t
    log(
        f"generated {cases} cases in {timings['draft'] + timings['render']:.1f} s "
        f"({cases / (timings['draft'] + timings['render']):.0f} cases/s)"
    )
    stem = f"bench_{cases}_{text_chars[0]}-{text_chars[1]}"
    for fmt in formats:
        t = time.perf_counter()
        if fmt == "xlsx":
            path = write_cases_xlsx(
                out / f"{stem}.xlsx",
                records,
                header_style="court_a",
                shared_strings=shared_strings,
                seed=seed,
            )
        elif fmt == "csv":
            path = write_cases_csv(
                out / f"{stem}.csv",
                records,
                header_style="court_b",
                encoding="utf-8-sig",
                seed=seed,
            )
        elif fmt == "gb18030":
            path = write_cases_csv(
                out / f"{stem}_gb18030.csv",
                records,
                header_style="court_b",
                encoding="gb18030",
                seed=seed,
            )
        else:
            raise ValueError(f"unknown format {fmt!r}")
        timings[fmt] = time.perf_counter() - t
        log(f"wrote {path} ({path.stat().st_size / 1e6:.0f} MB) in {timings[fmt]:.1f} s")
    return timings
