"""The Windows installer script compiles with makensis -WX into a Windows executable."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "installers" / "windows" / "clueworks.nsi"
MAKENSIS = shutil.which("makensis")
needs_makensis = pytest.mark.skipif(
    MAKENSIS is None, reason="makensis missing (apt-get install nsis)"
)


def _payload(folder: Path) -> Path:
    """Write a stand-in for the PyInstaller bundle: two programs and a library folder."""
    (folder / "_internal" / "resources").mkdir(parents=True)
    (folder / "clueworks.exe").write_bytes(b"MZ stand-in cli")
    (folder / "clueworks-gui.exe").write_bytes(b"MZ stand-in gui")
    (folder / "_internal" / "base_library.zip").write_bytes(b"PK\x05\x06" + bytes(18))
    (folder / "_internal" / "resources" / "示例.yaml").write_text("名称: 示例\n", encoding="utf-8")
    return folder


def _compile(tmp_path: Path, *defines: str) -> subprocess.CompletedProcess[str]:
    assert MAKENSIS is not None
    return subprocess.run(
        [MAKENSIS, "-WX", "-V4", "-INPUTCHARSET", "UTF8", *defines, str(SCRIPT)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=120,
        check=False,
    )


@needs_makensis
def test_installer_compiles_without_warnings_into_a_windows_program(tmp_path: Path) -> None:
    payload = _payload(tmp_path / "payload")
    out = tmp_path / "clueworks-1.2.3-setup.exe"
    done = _compile(tmp_path, f"-DPAYLOAD={payload}", "-DVERSION=1.2.3", f"-DOUTFILE={out}")
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr
    assert not re.search(r"^\s*warning \d+:", done.stdout, re.MULTILINE | re.IGNORECASE)
    data = out.read_bytes()
    assert data[:2] == b"MZ"
    # PE header: the offset at 0x3C points at "PE\0\0"
    pe = int.from_bytes(data[0x3C:0x40], "little")
    assert data[pe : pe + 4] == b"PE\x00\x00"
    assert b"NullsoftInst" in data  # the NSIS data block follows the stub
    # every payload file went into the installer
    for name in ("clueworks.exe", "clueworks-gui.exe", "base_library.zip", "示例.yaml"):
        assert re.search(rf'File: "{re.escape(name)}"', done.stdout), name
    # one language table in installer and uninstaller: Simplified Chinese only
    assert done.stdout.count("1 language table") == 2


@needs_makensis
def test_installer_refuses_to_build_without_a_payload(tmp_path: Path) -> None:
    out = tmp_path / "clueworks-setup.exe"
    done = _compile(tmp_path, f"-DOUTFILE={out}")
    assert done.returncode != 0
    assert not out.exists()


def test_uninstaller_removes_only_the_program_and_keeps_workspaces() -> None:
    text = SCRIPT.read_text(encoding="utf-8")
    uninstall = text[text.index('Section "Uninstall"') :]
    recursive = re.findall(r'RMDir\s+/r\s+"([^"]+)"', uninstall)
    assert recursive == ["$INSTDIR\\_internal"]  # never the install folder or a data folder
    assert not re.search(r"(APPDATA|LOCALAPPDATA|PROFILE|DOCUMENTS)", uninstall, re.IGNORECASE)
    assert "工作区" in text and "不会被删除" in text


def test_script_offers_both_install_modes_and_both_shortcuts() -> None:
    text = SCRIPT.read_text(encoding="utf-8")
    assert "!insertmacro MULTIUSER_PAGE_INSTALLMODE" in text
    assert '!insertmacro MUI_LANGUAGE "SimpChinese"' in text
    assert re.search(r'CreateShortcut "\$SMPROGRAMS\\', text)
    assert re.search(r'CreateShortcut "\$DESKTOP\\', text)
    assert "WriteUninstaller" in text
