"""Fill Chinese translations into resources/i18n/moderator_app_zh_CN.ts from resources/i18n/zh_CN.json.

Workflow: `make i18n-update` (lupdate collects new source strings), add their translations to zh_CN.json,
run `python scripts/translate.py`; it reports any string still untranslated and exits 1 if there is one.
The English .ts keeps empty translations: Qt then shows the English source text.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

I18N = Path(__file__).resolve().parent.parent / "resources" / "i18n"


def main() -> int:
    glossary: dict[str, str] = json.loads((I18N / "zh_CN.json").read_text(encoding="utf-8"))
    path = I18N / "moderator_app_zh_CN.ts"
    tree = ET.parse(path)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if source in glossary:
            translation.text = glossary[source]
            translation.attrib.pop("type", None)
        elif translation.get("type") == "unfinished" or not translation.text:
            missing.append(source)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    for source in missing:
        print(f"untranslated: {source!r}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
