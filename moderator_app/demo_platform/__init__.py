"""The reference platform server (FastAPI + uvicorn) and its deterministic demo data.

``start_in_thread(host="127.0.0.1", port=0, **options) -> RunningServer`` runs it in-process on a free loopback
port (the GUI's --demo mode and the tests); ``RunningServer.url`` and ``.stop()``.
"""

from moderator_app.demo_platform.runner import RunningServer, start_in_thread

__all__ = ["RunningServer", "start_in_thread"]
