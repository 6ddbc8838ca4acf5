"""`moderator-app config show|check`: the effective settings and where each value came from; reach the platform.

Sources, lowest first: default, the user's file, environment variables, the administrator's managed file
(whose keys are locked). docs/installing.md describes each.
"""

from __future__ import annotations

import argparse
import json

from moderator_app.core.errors import CheckFailed, PlatformUnavailable, SettingsError, UsageError
from moderator_app.services.platform import make_client
from moderator_app.settings.store import default_store


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", required=True, metavar="{show,check}")
    show = sub.add_parser("show", help="print the effective settings and where each value came from")
    show.add_argument("--json", action="store_true", help="one JSON object: key -> {value, source, locked}")
    sub.add_parser("check", help="reach the configured platform over a verified TLS connection")


def run(args: argparse.Namespace) -> int:
    store = default_store()
    try:
        layers = store.load_layers()
    except SettingsError as exc:
        raise UsageError(str(exc)) from None
    if args.action == "check":
        return check(layers.settings.platform_url, layers.settings.ca_bundle)
    values = layers.settings.to_json()
    if args.json:
        print(json.dumps({name: {"value": value, "source": layers.sources[name], "locked": name in layers.locked}
                          for name, value in values.items()}, ensure_ascii=False, indent=2))
        return 0
    print(f"# user file: {store.path}\n# managed file: {store.managed_path}")
    width = max(map(len, values))
    for name, value in values.items():
        lock = " (locked)" if name in layers.locked else ""
        print(f"{name:<{width}} = {json.dumps(value, ensure_ascii=False)}  # {layers.sources[name]}{lock}")
    return 0


def check(platform_url: str, ca_bundle: str | None) -> int:
    if not platform_url:
        raise UsageError("no platform address configured (platform_url, MODAPP_PLATFORM_URL)")
    trust = f"the system trust store and {ca_bundle}" if ca_bundle else "the system trust store"
    try:
        status = make_client(platform_url, ca_bundle=ca_bundle, retries=0).ping()
    except PlatformUnavailable as exc:
        raise CheckFailed(f"{platform_url}: {exc} (trusted: {trust})") from None
    if platform_url.startswith("https://"):
        print(f"{platform_url}: answered (HTTP {status}); certificate verified against {trust}")
    else:
        print(f"{platform_url}: answered (HTTP {status}) over plain HTTP, unencrypted (loopback demos only)")
    return 0
