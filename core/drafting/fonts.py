"""Which official document fonts (公文字体) this computer has, and what stands in for missing ones.

No Qt here: on Linux the families come from ``fc-list``; on Windows (and wherever
``fc-list`` is missing) from the font file names in the usual font folders.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

import yaml

from core.drafting.layout import LayoutSettings

_FONT_SUFFIXES = {".ttf", ".ttc", ".otf", ".otc"}


@dataclass(frozen=True)
class OfficialFont:
    """One font GB/T 9704 asks for, with its other names, file names and stand-ins."""

    name: str
    aliases: tuple[str, ...]
    files: tuple[str, ...]
    fallbacks: tuple[str, ...]


@dataclass(frozen=True)
class FontTable:
    """The official fonts plus a map from font file name (lower case) to family names."""

    official: dict[str, OfficialFont]
    file_families: dict[str, tuple[str, ...]]


@functools.cache
def font_table() -> FontTable:
    """Return the font table read from ``resources/templates/fonts.yaml``."""
    raw = yaml.safe_load((files("resources") / "templates" / "fonts.yaml").read_text("utf-8"))
    official: dict[str, OfficialFont] = {}
    file_families: dict[str, tuple[str, ...]] = {}
    for name, spec in raw["official"].items():
        font = OfficialFont(
            name=name,
            aliases=tuple(spec.get("aliases", ())),
            files=tuple(spec.get("files", ())),
            fallbacks=tuple(spec.get("fallbacks", ())),
        )
        official[name] = font
        for file_name in font.files:
            file_families[file_name.lower()] = (name, *font.aliases)
    for file_name, families in raw.get("files", {}).items():
        file_families[str(file_name).lower()] = tuple(families)
    return FontTable(official=official, file_families=file_families)


def parse_fc_list(output: str) -> frozenset[str]:
    """Return the family names in the output of ``fc-list : family`` (case-folded)."""
    families: set[str] = set()
    for line in output.splitlines():
        for name in line.split(","):
            name = name.replace("\\", "").strip()
            if name:
                families.add(name.casefold())
    return frozenset(families)


def families_from_files(file_names: Iterable[str]) -> frozenset[str]:
    """Return the family names guessed from font file names (case-folded).

    Known files map through the font table; any file also counts under its stem, which
    catches files named after their font, such as ``仿宋_GB2312.ttf``.
    """
    table = font_table().file_families
    families: set[str] = set()
    for file_name in file_names:
        path = Path(file_name)
        if path.suffix.lower() not in _FONT_SUFFIXES:
            continue
        families.add(path.stem.casefold())
        for family in table.get(path.name.lower(), ()):
            families.add(family.casefold())
    return frozenset(families)


def font_folders() -> list[Path]:
    """Return the folders that hold installed fonts on this operating system."""
    if sys.platform == "win32":
        folders = [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"]
        local = os.environ.get("LOCALAPPDATA")
        if local:
            folders.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
        return folders
    home = Path.home()
    if sys.platform == "darwin":
        return [home / "Library" / "Fonts", Path("/Library/Fonts"), Path("/System/Library/Fonts")]
    return [
        home / ".fonts",
        home / ".local" / "share" / "fonts",
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
    ]


def _scan_folders(folders: Iterable[Path]) -> frozenset[str]:
    names: list[str] = []
    for folder in folders:
        if not folder.is_dir():
            continue
        try:
            for _root, _dirs, file_names in os.walk(folder):
                names.extend(file_names)
        except OSError:
            continue
    return families_from_files(names)


def _run_fc_list() -> frozenset[str] | None:
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    try:
        result = subprocess.run(
            [fc_list, ":", "family"],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=20,
            check=True,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return parse_fc_list(result.stdout)


@functools.cache
def _detected_families() -> frozenset[str]:
    from_fc = None if sys.platform == "win32" else _run_fc_list()
    if from_fc is not None:
        return from_fc
    return _scan_folders(font_folders())


def installed_families(refresh: bool = False) -> frozenset[str]:
    """Return the case-folded family names installed here (detected once, then cached)."""
    if refresh:
        _detected_families.cache_clear()
    return _detected_families()


def _installed(names: Iterable[str] | None) -> frozenset[str]:
    if names is None:
        return installed_families()
    return frozenset(name.casefold() for name in names)


def is_installed(font: str, installed: Iterable[str] | None = None) -> bool:
    """Return True when ``font`` (or another name of the same official font) is installed."""
    have = _installed(installed)
    official = font_table().official.get(font)
    names = (font, *official.aliases) if official else (font,)
    return any(name.casefold() in have for name in names)


def missing_official_fonts(installed: Iterable[str] | None = None) -> list[str]:
    """Return the official fonts (仿宋_GB2312, 方正小标宋简体 …) that are not installed."""
    have = _installed(installed)
    return [name for name in font_table().official if not is_installed(name, have)]


def fallback_for(font: str, installed: Iterable[str] | None = None) -> str:
    """Return the first installed stand-in for ``font``; its first stand-in if none is.

    A font that is not an official one has no stand-in and comes back unchanged.
    """
    official = font_table().official.get(font)
    if official is None or not official.fallbacks:
        return font
    have = _installed(installed)
    for candidate in official.fallbacks:
        if candidate.casefold() in have:
            return candidate
    return official.fallbacks[0]


def resolve_font(font: str, installed: Iterable[str] | None = None) -> str:
    """Return the font name to write into a document in place of ``font``.

    The official name stays when it is installed, or when no stand-in is installed
    either (the document then names the font the printing computer should have).
    """
    have = _installed(installed)
    official = font_table().official.get(font)
    if official is None or is_installed(font, have):
        return font
    for candidate in official.fallbacks:
        if candidate.casefold() in have:
            return candidate
    return font


def font_warning(installed: Iterable[str] | None = None) -> str | None:
    """Return a one-time warning about missing official fonts, or None when all are here."""
    have = _installed(installed)
    missing = missing_official_fonts(have)
    if not missing:
        return None
    substituted = [(name, resolve_font(name, have)) for name in missing]
    message = "本机未安装公文字体：" + "、".join(missing) + "。"
    replaced = [f"{name}→{stand_in}" for name, stand_in in substituted if stand_in != name]
    kept = [name for name, stand_in in substituted if stand_in == name]
    if replaced:
        message += "文稿暂用替代字体：" + "、".join(replaced) + "。"
    if kept:
        message += "、".join(kept) + "没有可用的替代字体，文稿仍写原字体名，显示时由系统代替。"
    return message + "安装这些字体后重新生成文稿，即符合国家标准版式。"


@dataclass(frozen=True)
class FontChoice:
    """The font names written into a document for each role, after stand-ins."""

    body: str
    title: str
    heading1: str
    heading2: str
    page_number: str
    latin: str
    substitutes: dict[str, str] = field(default_factory=dict)

    def role(self, name: str) -> str:
        """Return the font for a role name such as ``title``."""
        value: str = getattr(self, name)
        return value

    def map(self, font: str) -> str:
        """Return the name to write for ``font`` found in a template."""
        return self.substitutes.get(font, font)


def choose_fonts(settings: LayoutSettings, installed: Iterable[str] | None = None) -> FontChoice:
    """Return the fonts to write, replacing missing official fonts when settings allow."""
    substitutes: dict[str, str] = {}
    if settings.substitute_missing_fonts:
        have = _installed(installed)
        for name in (
            *font_table().official,
            settings.body_font,
            settings.title_font,
            settings.heading1_font,
            settings.heading2_font,
            settings.page_number_font,
        ):
            substitutes[name] = resolve_font(name, have)
    return FontChoice(
        body=substitutes.get(settings.body_font, settings.body_font),
        title=substitutes.get(settings.title_font, settings.title_font),
        heading1=substitutes.get(settings.heading1_font, settings.heading1_font),
        heading2=substitutes.get(settings.heading2_font, settings.heading2_font),
        page_number=substitutes.get(settings.page_number_font, settings.page_number_font),
        latin=settings.latin_font,
        substitutes=substitutes,
    )
