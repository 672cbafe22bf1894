"""Build the interface translations: update the .ts catalogue from desktop/ and compile the .qm.

Usage (from the repository root):

    python tools/build_translations.py          # lupdate + lrelease
    python tools/build_translations.py --check  # also fail on untranslated strings

The .ts file under resources/i18n is the source a translator edits (Qt Linguist opens it);
the .qm next to it is what the program loads. Both are committed.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("zh_CN",)


def tool(name: str) -> str:
    """Return the path of a PySide6 tool (next to the running Python, else on PATH)."""
    here = Path(sys.executable).parent / name
    if here.exists():
        return str(here)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"找不到 {name}：请在安装了 PySide6 的环境中运行。")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "desktop").rglob("*.py"))


def ts_path(language: str) -> Path:
    return I18N / f"clueworks_{language}.ts"


def qm_path(language: str) -> Path:
    return I18N / f"clueworks_{language}.qm"


def update(language: str) -> None:
    """Merge the strings found in desktop/ into the .ts (keeping existing translations)."""
    I18N.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *sources(),
            "-ts",
            str(ts_path(language)),
            "-no-obsolete",
            "-locations",
            "none",
            "-source-language",
            "en",
            "-target-language",
            language,
            "-silent",
        ],
        cwd=ROOT,
        check=True,
    )


def release(language: str, target: Path | None = None) -> Path:
    out = target or qm_path(language)
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(ts_path(language)), "-qm", str(out)],
        cwd=ROOT,
        check=True,
    )
    return out


def untranslated(language: str) -> list[tuple[str, str]]:
    """Return (context, source) of every message without a finished translation."""
    tree = ET.parse(ts_path(language))
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            tr = message.find("translation")
            source = message.findtext("source") or ""
            if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete"):
                missing.append((name, source))
                continue
            forms = [f.text for f in tr.iter("numerusform")]
            if (forms and not all(forms)) or (not forms and not (tr.text or "").strip()):
                missing.append((name, source))
    return missing


def qm_is_current(language: str) -> bool:
    """Return whether the committed .qm is what the .ts compiles to."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = release(language, Path(tmp) / "fresh.qm")
        return qm_path(language).exists() and fresh.read_bytes() == qm_path(language).read_bytes()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="更新并编译界面翻译")
    parser.add_argument("--check", action="store_true", help="有未翻译的字符串时返回 1")
    parser.add_argument("--no-update", action="store_true", help="不运行 lupdate，只编译")
    args = parser.parse_args(argv)
    status = 0
    for language in LANGUAGES:
        if not args.no_update:
            update(language)
        release(language)
        missing = untranslated(language)
        print(f"{language}: {len(missing)} 条未翻译")
        for context, source in missing[:50]:
            print(f"  [{context}] {source}")
        if args.check and missing:
            status = 1
    return status


if __name__ == "__main__":
    raise SystemExit(main())
