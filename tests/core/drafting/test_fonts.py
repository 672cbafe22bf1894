"""Official font detection without Qt, and the stand-ins for missing fonts."""

from __future__ import annotations

import pytest

from core.drafting import fonts

OFFICIAL = ["仿宋_GB2312", "方正小标宋简体", "黑体", "楷体_GB2312"]


def test_fc_list_output_gives_every_family_name() -> None:
    output = (
        "Noto Serif CJK SC,Noto Serif CJK SC Bold\n"
        "文泉驿正黑,WenQuanYi Zen Hei\n"
        "DejaVu Sans\\-Mono\n"
        "\n"
    )
    families = fonts.parse_fc_list(output)
    assert {"noto serif cjk sc", "文泉驿正黑", "wenquanyi zen hei", "dejavu sans-mono"} <= families


def test_windows_file_names_map_to_families() -> None:
    families = fonts.families_from_files(
        ["SIMHEI.TTF", "simfang.ttf", "FZXBSJW.TTF", "楷体_GB2312.ttf", "readme.txt", "simsun.ttc"]
    )
    assert {
        "黑体",
        "simhei",
        "仿宋",
        "fangsong",
        "方正小标宋简体",
        "楷体_gb2312",
        "宋体",
    } <= families
    assert "readme" not in families


def test_all_missing_without_any_font() -> None:
    assert fonts.missing_official_fonts([]) == OFFICIAL


def test_nothing_missing_on_a_typical_office_pc() -> None:
    installed = fonts.families_from_files(
        ["仿宋_GB2312.ttf", "FZXBSJW.TTF", "simhei.ttf", "楷体_GB2312.ttf"]
    )
    assert fonts.missing_official_fonts(installed) == []
    assert fonts.font_warning(installed) is None


def test_aliases_count_as_installed() -> None:
    assert fonts.missing_official_fonts(["SimHei", "FangSong_GB2312"]) == [
        "方正小标宋简体",
        "楷体_GB2312",
    ]


@pytest.mark.parametrize(
    ("font", "installed", "expected"),
    [
        ("仿宋_GB2312", ["仿宋", "宋体"], "仿宋"),
        ("仿宋_GB2312", ["FangSong"], "FangSong"),
        ("仿宋_GB2312", [], "仿宋"),
        ("方正小标宋简体", ["宋体"], "宋体"),
        ("方正小标宋简体", ["华文中宋", "宋体"], "华文中宋"),
        ("楷体_GB2312", ["楷体"], "楷体"),
        ("Times New Roman", [], "Times New Roman"),
    ],
)
def test_fallback_for(font: str, installed: list[str], expected: str) -> None:
    assert fonts.fallback_for(font, installed) == expected


@pytest.mark.parametrize(
    ("font", "installed", "expected"),
    [
        ("仿宋_GB2312", ["仿宋_GB2312", "仿宋"], "仿宋_GB2312"),
        ("仿宋_GB2312", ["仿宋"], "仿宋"),
        # Nothing better installed: keep the official name for the printing computer.
        ("仿宋_GB2312", [], "仿宋_GB2312"),
        ("黑体", ["simhei"], "黑体"),
        ("宋体", [], "宋体"),
    ],
)
def test_resolve_font(font: str, installed: list[str], expected: str) -> None:
    assert fonts.resolve_font(font, installed) == expected


def test_warning_names_missing_fonts_and_stand_ins() -> None:
    message = fonts.font_warning(["仿宋", "黑体", "宋体"])
    assert message is not None
    assert "仿宋_GB2312→仿宋" in message
    assert "方正小标宋简体→宋体" in message
    assert "黑体" not in message.split("：")[1].split("。")[0]


def test_detection_runs_here_and_is_cached() -> None:
    first = fonts.installed_families(refresh=True)
    assert isinstance(first, frozenset)
    assert fonts.installed_families() is first
