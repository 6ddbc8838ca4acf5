"""The PDF's CJK font: found, overridable, and a clear message when it is missing or cannot be embedded."""

from __future__ import annotations

from pathlib import Path

import pytest

from moderator_app.core.errors import UsageError
from moderator_app.referrals import pdf

NOTO_CFF = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")


def test_the_override_names_a_file_and_an_index(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    font = tmp_path / "font.ttc"
    font.write_bytes(b"not really a font")
    monkeypatch.setenv("MODAPP_CJK_FONT", f"{font}:2")
    assert pdf.find_cjk_font() == (font, 2)
    monkeypatch.setenv("MODAPP_CJK_FONT", str(tmp_path / "missing.ttf"))
    with pytest.raises(UsageError, match=r"MODAPP_CJK_FONT names .*missing.ttf, which is not a file"):
        pdf.find_cjk_font()
    with pytest.raises(UsageError, match="cannot be embedded in a PDF"):
        pdf.load_font(font, 0)


def test_no_font_anywhere_says_how_to_get_one(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("MODAPP_CJK_FONT", raising=False)
    monkeypatch.setattr(pdf, "CJK_FONT_CANDIDATES", ((str(tmp_path / "none.ttc"), 0),))
    monkeypatch.setattr(pdf.paths, "resources_dir", lambda: tmp_path)
    with pytest.raises(UsageError, match="install fonts-wqy-microhei"):
        pdf.find_cjk_font()


@pytest.mark.skipif(not NOTO_CFF.exists(), reason="fonts-noto-cjk not installed")
def test_a_cff_font_is_refused_with_the_reason() -> None:
    with pytest.raises(UsageError, match="needs TrueType outlines"):
        pdf.load_font(NOTO_CFF, 0)
