"""Language choice, translators and the Simplified-Chinese font."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from moderator_app import paths

# First available wins. Naming an SC font explicitly keeps Qt from falling back to Japanese glyph variants.
CJK_FONT_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC")

_language = "en"


def resolve_language(setting: str, system_locale: str | None = None) -> str:
    """'zh_CN' or 'en' from the settings value ('auto' follows the system locale; Chinese on a Chinese system)."""
    if setting in ("zh_CN", "en"):
        return setting
    locale = system_locale if system_locale is not None else QLocale.system().name()
    return "zh_CN" if locale.lower().startswith("zh") else "en"


def current_language() -> str:
    return _language


def pick(zh: str, en: str) -> str:
    """Choose between the two labels data files carry (decision catalogue, policy pack)."""
    return zh if _language == "zh_CN" else en


def install_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    global _language
    _language = language
    translator = QTranslator(app)
    qm = paths.resources_dir() / "i18n" / f"moderator_app_{language}.qm"
    if not translator.load(str(qm)):
        return None
    app.installTranslator(translator)
    return translator


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Ours and Qt's own (OK/Cancel, context menus, the calendar, file dialogs) for ``language``; [] when ours is
    missing. Qt's ship with PySide6 (its translations folder), so a frozen bundle carries them too."""
    ours = install_translator(app, language)
    if ours is None:
        return []
    installed = [ours]
    if language != "en":
        qt = QTranslator(app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(f"qtbase_{language}", folder):
            app.installTranslator(qt)
            installed.append(qt)
    return installed


def apply_cjk_font(app: QApplication) -> str | None:
    """Put an installed Simplified-Chinese font first; returns its family, or None when none is installed."""
    available = set(QFontDatabase.families())
    family = next((f for f in CJK_FONT_FAMILIES if f in available), None)
    if family is None:
        return None
    font = QFont(app.font())
    font.setFamilies([family, *font.families()])
    app.setFont(font)
    return family
