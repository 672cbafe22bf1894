"""Loading the interface translation: the app's zh_CN catalogue plus Qt's own (确定/取消)."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"
_installed: list[QTranslator] = []


def catalogue_path(language: str = "zh_CN") -> Path:
    """Return the compiled .qm file of ``language`` shipped under resources/i18n."""
    return Path(str(resources.files("resources") / "i18n" / f"clueworks_{language}.qm"))


def chosen_language() -> str:
    """Return the language to show: $CLUEWORKS_LANG, else the saved choice, else Chinese."""
    env = os.environ.get("CLUEWORKS_LANG")
    if env in LANGUAGES:
        return env
    saved = QSettings().value("language", DEFAULT_LANGUAGE)
    return str(saved) if saved in LANGUAGES else DEFAULT_LANGUAGE


def install_translators(app: QCoreApplication, language: str | None = None) -> str:
    """Install the translators for ``language`` (default: the chosen one); return it."""
    lang = language or chosen_language()
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if lang == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return lang
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (
        ("qtbase_zh_CN", qt_dir),
        (catalogue_path(lang).stem, str(catalogue_path(lang).parent)),
    ):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
    return lang
