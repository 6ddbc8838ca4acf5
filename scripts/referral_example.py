"""The referral documentation's example files, from the real demo platform and the real window (run under
xvfb-run for real fonts):

    xvfb-run -a .venv/bin/python scripts/referral_example.py [zh_CN|en]

writes docs/examples/referral-evidence-example.pdf, docs/screenshots/referral-pdf-page1-zh.png (pdftoppm),
docs/screenshots/referral-dialog-<lang>.png and docs/screenshots/referral-queue-<lang>.png.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from moderator_app.core.models import Role, User, UserId
from moderator_app.services.demo import start_demo
from moderator_app.services.referrals import ContentHandling, ReferralRequest, ReferralService, Submission
from moderator_app.settings import Settings
from moderator_app.ui.app import create_application
from moderator_app.ui.i18n import install_translators
from moderator_app.ui.main_window import MainWindow

DOCS = Path(__file__).resolve().parent.parent / "docs"
THREAT = ReferralRequest(
    categories=("10.7",), legal_basis=("《治安管理处罚法》第四十二条（威胁人身安全）",),
    suspicion="发帖人扬言携带刀具到指定地点伤人，给出具体时间和地点，已有多名用户举报，涉嫌威胁他人人身安全。",
    content_handling=ContentHandling.REMOVE, threat_to_life=True)
SCAM = ReferralRequest(
    categories=("10.11",), legal_basis=("《刑法》第二百六十六条（诈骗罪）",),
    suspicion="以“内部渠道”“稳赚不赔”为名招揽转账，疑似网络诈骗团伙引流账号。", content_handling=ContentHandling.REMOVE)


def settle(app: QApplication, until: object, timeout_ms: int = 20_000) -> None:
    """Run the event loop until ``until()`` holds (the window loads over real HTTP)."""
    import time

    deadline = time.monotonic() + timeout_ms / 1000
    while not until() and time.monotonic() < deadline:  # type: ignore[operator]
        app.processEvents()
        time.sleep(0.02)


def grab(widget: QWidget, out: Path) -> None:
    widget.grab().save(str(out))
    print(f"wrote {out}")


def main() -> int:
    language = sys.argv[1] if len(sys.argv) > 1 else "zh_CN"
    app = create_application()
    install_translators(app, language)
    folder = Path(tempfile.mkdtemp(prefix="referral-example-"))
    os.environ["MODAPP_CONFIG_DIR"] = str(folder / "config")  # the demo platform's key is pinned there, not for you
    demo = start_demo("lead1", data_dir=folder, posts=400)
    try:
        session = demo.session
        items = list(session.load_full_queue().items)
        threats = [i for i in items if any(w in i.post.text for w in ("砍", "捅", "弄死", "炸"))
                   and "炸酱" not in i.post.text]
        # one with an image, so the example shows the copied image on the page
        with_image = [i for i in items if any(m.kind == "image" for m in i.post.media)
                      and any(r.reason == "violence" for r in i.reports)]
        threat_item = next(iter(with_image), threats[0])
        scam_item = next(i for i in items if any(w in i.post.text for w in ("稳赚", "返利", "刷单"))
                         and "诈" not in i.post.text)
        mod1 = ReferralService(session.audit, User(UserId("mod1"), "mod1", frozenset({Role.MODERATOR})),
                               "demo-workstation", media=session.media_content, pack=session.pack)
        lead = ReferralService(session.audit, session.user, "demo-workstation",
                               lambda post_id, author_id: session.context(post_id, author_id).history,
                               media=session.media_content, pack=session.pack, platform=session,
                               platform_key=session.platform_signing_key)
        urgent = mod1.create(threat_item, THREAT, lead.author_history(threat_item))
        mod1.create(scam_item, SCAM, ())
        lead.approve(urgent.referral_id, "情况紧急，同意移送")
        lead.submit(urgent.referral_id, Submission("北京市公安局朝阳分局网安大队", "京公朝网安受〔2026〕1130号",
                                                   urgent.created_at[:10], "lead1 张组长"))
        package = lead.export_package(urgent.referral_id, folder / "out")
        pdf = DOCS / "examples" / "referral-evidence-example.pdf"
        shutil.copyfile(package / "data" / "referral.pdf", pdf)
        print(f"wrote {pdf}")
        subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                        str(DOCS / "screenshots" / "referral-pdf-page1-zh")], check=True)

        window = MainWindow(Settings(language=language), session.pack, demo=True)
        window.show()
        window.attach(session)
        settle(app, lambda: window.post_pane.item is not None)
        window.queue_pane.select(threat_item.post_id)
        settle(app, lambda: window.post_pane.item is not None and window.post_pane.item.post_id == threat_item.post_id)
        window.decision_bar.cite("10.7")
        dialog = window.referrals.open_dialog(window.post_pane.item, window.decision_bar.cited())
        assert dialog is not None
        dialog.basis_pick.activated.emit(3)  # type: ignore[attr-defined]
        dialog.suspicion.setPlainText(THREAT.suspicion)  # type: ignore[attr-defined]
        dialog.threat.setChecked(True)  # type: ignore[attr-defined]
        settle(app, lambda: False, 300)
        grab(dialog, DOCS / "screenshots" / f"referral-dialog-{language}.png")
        dialog.reject()
        queue = window.referrals.open_queue()
        assert queue is not None
        settle(app, lambda: queue.table.rowCount() == 2)
        queue.table.selectRow(1)
        settle(app, lambda: False, 300)
        grab(queue, DOCS / "screenshots" / f"referral-queue-{language}.png")
        QTimer.singleShot(0, window.close)
        settle(app, lambda: not window.isVisible(), 2000)
    finally:
        demo.server.stop()
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
