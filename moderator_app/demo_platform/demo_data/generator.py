"""Generation: plan the mix, fill templates, attach reports, flags and author history."""

from __future__ import annotations

import random
import re
from typing import Any

from moderator_app.demo_platform.demo_data.authors import _make_authors, _pick_author
from moderator_app.demo_platform.demo_data.evasion import SLOT_RE, _hostile_posts, evade
from moderator_app.demo_platform.demo_data.families import CLUSTER_SPECS, CLUSTER_VARYING, FAMILIES
from moderator_app.demo_platform.demo_data.ordinary import (
    AUTOMATED_BAIT,
    FAMILY_PRIORITY,
    NOISY_ANY,
    NOISY_TEXTS,
    ORDINARY,
    RELATED_REASONS,
    REPORT_TEXTS,
    REPOST_SCALE,
    ROLE_REPOST_SCALE,
)
from moderator_app.demo_platform.demo_data.pools import (
    AD_EMOJI,
    AD_TAGS_BY_FAMILY,
    BASE_TIME,
    BASE_TS,
    DAY,
    EMOJI,
    HOUR,
    SLOTS,
    THEME_DECOR,
    _r_digits,
    rfc3339,
)


def _fill(rng: random.Random, template: str, mentions: list[str], fixed: dict[str, str] | None = None) -> str:
    used: dict[str, list[str]] = {}

    def rep(m: re.Match[str]) -> str:
        name = m.group(1)
        if fixed is not None and name in fixed:
            return str(fixed[name])
        if name == "mention":
            return "@" + rng.choice(mentions)
        src = SLOTS[name]
        if callable(src):
            return str(src(rng))
        prev = used.setdefault(name, [])
        v: str = rng.choice(src)
        for _ in range(3):
            if v not in prev:
                break
            v = rng.choice(src)
        prev.append(v)
        return v

    return SLOT_RE.sub(rep, template)


def _snowflake(rng: random.Random, ts: int, seen: set[str]) -> str:
    while True:
        pid = str(((ts * 1000 + rng.randint(0, 999)) << 22) | rng.getrandbits(22))
        if pid not in seen and len(pid) == 19:
            seen.add(pid)
            return pid


def _media(rng: random.Random, pool: Any, p: float, text: str = "") -> list[dict[str, Any]]:
    if not pool or rng.random() >= p:
        return []
    if len(pool[0]) == 3:  # keyword-matched ordinary media
        matched = [e for e in pool if e[2] and any(k in text for k in e[2].split("|"))]
        pool = matched or [e for e in pool if not e[2]]
        if not pool:
            return []
    n = 1 if rng.random() < 0.7 else rng.randint(1, min(3, len(pool)))
    items = rng.sample(list(pool), n)
    return [{"media_id": f"m{rng.getrandbits(60):015x}", "kind": e[0], "description": e[1]} for e in items]


def _repost_count(rng: random.Random, scale: float) -> int:
    return min(300000, int((rng.paretovariate(1.15) - 1.0) * scale))


def _decorate_ad(rng: random.Random, text: str, family: str) -> str:
    r = rng.random()
    if r < 0.15:
        return rng.choice(AD_EMOJI) + text
    if (r < 0.25 and family in AD_TAGS_BY_FAMILY and "#" not in text
            and (family != "scam" or any(w in text for w in ("赚", "兼职", "副业", "收益", "投资", "回本")))):
        return text + " " + rng.choice(AD_TAGS_BY_FAMILY[family])
    return text


def _decorate_ordinary(rng: random.Random, text: str, theme: str) -> str:
    tags, emo = THEME_DECOR.get(theme, ((), ()))
    r = rng.random()
    if r < 0.12 and tags and "#" not in text:
        return text + " " + rng.choice(tags)
    if r < 0.22 and emo and not any(e in text for e in EMOJI):
        return text + rng.choice(emo)
    return text


def _cluster_variant(rng: random.Random, text: str) -> str:
    """A tiny copy-paste variation (punctuation, trailing emoji, spacing)."""
    r = rng.random()
    if r < 0.25 and "，" in text:
        return text.replace("，", ",", 1)
    if r < 0.4 and "！" in text:
        return text.replace("！", "!", 1)
    if r < 0.55:
        return text.rstrip("！!。") + "～"
    if r < 0.7:
        return text + " " + rng.choice(AD_EMOJI)
    if r < 0.85:
        return text.replace("，", "， ", 1)
    return text + rng.choice(AD_EMOJI)


def generate_with_meta(seed: int = 7, posts: int = 2400) -> tuple[dict[str, Any], dict[str, Any]]:
    """Like generate() but also returns generator-side metadata (family per
    post, evasion techniques, cluster membership, hostile post ids)."""
    if posts < 1:
        raise ValueError("posts must be >= 1")
    rng = random.Random(seed)
    authors = _make_authors(rng, posts)
    mentions = [a["display_name"] for a in authors["pools"]["user"]]

    # ---- plan -----------------------------------------------------------
    n_clusters = min(len(CLUSTER_SPECS), posts // 200)
    cluster_specs = CLUSTER_SPECS[:n_clusters]
    hostile = _hostile_posts(rng)[: min(12, posts // 150)]
    fam_counts = {f: int(posts * spec["share"]) for f, spec in FAMILIES.items()}
    for fam, _tpl, size in cluster_specs:
        fam_counts[fam] = max(0, fam_counts[fam] - size)
    n_violating = sum(fam_counts.values()) + sum(s for _f, _t, s in cluster_specs)
    n_ordinary = posts - n_violating - len(hostile)
    if n_ordinary < 0:  # tiny runs: drop violating posts first
        n_ordinary = posts - len(hostile)
        fam_counts = dict.fromkeys(fam_counts, 0)
        cluster_specs = ()
    themes = list(ORDINARY)
    theme_cw, acc = [], 0.0
    for theme_name in themes:
        acc += ORDINARY[theme_name]["weight"]
        theme_cw.append(acc)

    drafts: list[dict[str, Any]] = []  # each: dict(kind, family/theme, text, cats, author, pub, cluster, evasion, media)

    def new_pub() -> int:
        return BASE_TS - rng.randint(40 * 60, 3 * DAY - 60)

    # violating singles
    for fam, count in fam_counts.items():
        spec = FAMILIES[fam]
        for _ in range(count):
            tpl = rng.choice(spec["templates"])
            cats = spec["cats"]
            if isinstance(tpl, tuple):
                tpl, cats = tpl
            text = _fill(rng, tpl, mentions)
            if spec["role"].startswith("spam") or spec["role"] == "mixed":
                text = _decorate_ad(rng, text, fam)
            drafts.append({"kind": "violating", "family": fam, "text": text, "cats": list(cats),
                               "author": _pick_author(rng, authors, spec["role"]), "pub": new_pub(),
                               "cluster": None, "evasion": []})
    # clusters
    for ci, (fam, tpl, size) in enumerate(cluster_specs):
        spec = FAMILIES[fam]
        fixed: dict[str, str] = {}
        for name in SLOT_RE.findall(tpl):
            if name not in CLUSTER_VARYING and name not in fixed:
                fixed[name] = _fill(rng, "{" + name + "}", mentions)
        ring_pool = authors["pools"]["spam:occult" if spec["role"] == "mixed" else spec["role"] if spec["role"] in authors["pools"] else "user"]
        ring = rng.sample(ring_pool, min(len(ring_pool), max(3, size - rng.randint(0, 3))))
        t0 = BASE_TS - rng.randint(6 * HOUR, 70 * HOUR)
        for j in range(size):
            text = _fill(rng, tpl, mentions, fixed)
            if j > 0 and rng.random() < 0.6:
                text = _cluster_variant(rng, text)
            author = ring[j % len(ring)] if spec["role"] != "rumour" else _pick_author(rng, authors, "rumour")
            drafts.append({"kind": "violating", "family": fam, "text": text, "cats": list(spec["cats"]),
                               "author": author, "pub": t0 + rng.randint(0, 4 * HOUR), "cluster": ci, "evasion": []})
    # ordinary
    for _ in range(n_ordinary):
        theme = rng.choices(themes, cum_weights=theme_cw)[0]
        spec = ORDINARY[theme]
        author = _pick_author(rng, authors, spec["role"])
        city = {"city": author["city"]} if author["city"] else None  # police/media speak for their city
        text = _decorate_ordinary(rng, _fill(rng, rng.choice(spec["templates"]), mentions, city), theme)
        drafts.append({"kind": "ordinary", "family": theme, "text": text, "cats": [],
                           "author": author, "pub": new_pub(),
                           "cluster": None, "evasion": []})
    # hostile
    for text, cats, hostile_media in hostile:
        drafts.append({"kind": "hostile", "family": "hostile", "text": text, "cats": list(cats),
                           "author": _pick_author(rng, authors, "user"), "pub": new_pub(),
                           "cluster": None, "evasion": [], "fixed_media": hostile_media})

    # evasion on ~15% of violating posts
    for d in drafts:
        if d["kind"] == "violating" and rng.random() < 0.15:
            d["text"], d["evasion"] = evade(d["text"], FAMILIES[d["family"]]["keys"], rng)

    drafts.sort(key=lambda d: d["pub"])

    # ---- materialise posts, flags, reports ---------------------------------
    seen_ids: set[str] = set()
    reporters = []
    n_rep = min(300, max(20, posts // 8))
    rep_seen: set[str] = set()
    for _ in range(n_rep):
        while True:
            rid = "r" + _r_digits(rng, 8)
            if rid not in rep_seen and rid[1] != "0":
                rep_seen.add(rid)
                break
        r = rng.random()
        reporters.append((rid, "accurate" if r < 0.35 else ("noisy" if r < 0.47 else "casual")))
    w_viol = {"accurate": 3.0, "casual": 1.0, "noisy": 0.6}
    w_ord = {"accurate": 0.08, "casual": 1.0, "noisy": 9.0}
    cw_viol, cw_ord, a, b = [], [], 0.0, 0.0
    for _rid, rtype in reporters:
        a += w_viol[rtype]
        b += w_ord[rtype]
        cw_viol.append(a)
        cw_ord.append(b)
    noisy_codes = [c for c, _w in NOISY_ANY]
    noisy_cw, acc = [], 0
    for _c, w in NOISY_ANY:
        acc += w
        noisy_cw.append(acc)

    out_posts: list[dict[str, Any]] = []
    flags: list[dict[str, Any]] = []
    reports: list[dict[str, Any]] = []
    meta_posts = {}
    used_authors: dict[str, dict[str, Any]] = {}
    for d in drafts:
        author = d["author"]
        aid = author["author_id"]
        used_authors[aid] = author
        pub = d["pub"]
        pid = _snowflake(rng, pub, seen_ids)
        fam = d["family"]
        if d["kind"] == "violating":
            spec = FAMILIES[fam]
            media = _media(rng, spec["media"], spec["media_p"])
            scale = REPOST_SCALE[fam]
        elif d["kind"] == "ordinary":
            spec = ORDINARY[fam]
            media = _media(rng, spec["media"], spec["media_p"], d["text"])
            scale = ROLE_REPOST_SCALE[spec["role"]]
        else:
            media = [{"media_id": f"m{rng.getrandbits(60):015x}", "kind": k, "description": desc}
                     for k, desc in d["fixed_media"]]
            scale = 2.0
        reposts = _repost_count(rng, scale)
        out_posts.append({
            "post_id": pid, "author_id": aid, "text": d["text"], "published_at": rfc3339(pub),
            "url": f"https://weibo.example/{aid}/{pid}", "repost_count": reposts,
            "media": media, "true_categories": list(d["cats"]),
        })
        meta_posts[pid] = {"family": fam, "kind": d["kind"], "evasion": d["evasion"], "cluster": d["cluster"]}

        # which sources flag it
        violating = bool(d["cats"])
        if d["kind"] == "violating":
            auto_p = FAMILIES[fam]["automated"] * (0.4 if d["evasion"] else 1.0)
            user_p = 0.75
            auth_p = {"terror": 0.35, "crime": 0.1}.get(fam, 0.3 if fam == "rumour" and reposts > 2000 else 0.02)
        elif d["kind"] == "hostile":
            auto_p, user_p, auth_p = 0.5, 0.6, 0.0
        else:
            bait = any(w in d["text"] for w in AUTOMATED_BAIT)
            auto_p = 0.8 if bait else (0.85 if fam in ("antifraud", "crackdown") else 0.1)
            user_p = 0.3
            auth_p = 0.004
        sources = []
        if rng.random() < auto_p:
            sources.append("automated")
        if rng.random() < user_p or not sources:
            sources.append("user_report")
        if rng.random() < auth_p:
            sources.append("authority_request")
        window = BASE_TS - 300 - pub
        base_prio = FAMILY_PRIORITY.get(fam, 4) if violating else 4
        if fam == "rumour" and reposts > 5000:
            base_prio = 1
        user_flag_t = None
        for src in sources:
            if src == "automated":
                t = pub + rng.randint(3, max(4, min(900, window // 4)))
                prio = base_prio
            elif src == "user_report":
                delay = int(rng.expovariate(1.0 / (2 * HOUR))) + rng.randint(30, 600)
                t = pub + min(delay, window - 60)
                user_flag_t = t
                prio = base_prio if violating else rng.choice((3, 4, 4, 5, 5))
            else:
                t = pub + rng.randint(min(HOUR, window // 2), max(min(HOUR, window // 2) + 1, window - 60))
                prio = 1
            if rng.random() < 0.15:
                prio += rng.choice((-1, 1))
            flags.append({"post_id": pid, "source": src, "flagged_at": t, "priority": max(1, min(5, prio))})

        if user_flag_t is None:
            continue
        if violating:
            n = 1 + min(39, int(rng.paretovariate(1.5)) - 1)
            if fam == "rumour":
                n += min(20, reposts // 2000)
            true_reason = FAMILIES[fam]["reason"] if d["kind"] == "violating" else "gambling"
        else:
            n = 1 + min(5, int(rng.paretovariate(2.5)) - 1)
            true_reason = None
        cw = cw_viol if violating else cw_ord
        chosen = []
        for _ in range(n):
            for _try in range(4):
                rid, rtype = rng.choices(reporters, cum_weights=cw)[0]
                if rid not in chosen:
                    break
            else:
                continue
            chosen.append(rid)
            t = user_flag_t + rng.randint(5, 180) if len(chosen) == 1 else rng.randint(user_flag_t + 5, BASE_TS - 1)
            t = min(t, BASE_TS - 1)
            if true_reason is not None:
                p_ok = {"accurate": 0.92, "casual": 0.65, "noisy": 0.4}[rtype]
                reason = true_reason if rng.random() < p_ok else rng.choice(RELATED_REASONS[true_reason])
            elif d["kind"] == "hostile":
                reason = rng.choice(("other", "spam", "other"))
            else:
                if rtype == "noisy" and rng.random() < 0.3:
                    reason = rng.choices(noisy_codes, cum_weights=noisy_cw)[0]
                else:
                    reason = rng.choice(ORDINARY[fam]["noisy"])
                if reason == "illegal_assembly" and "约" not in d["text"]:
                    reason = "other"
            r = rng.random()
            if r < 0.3:
                rtext = ""
            elif rtype == "noisy" and r < 0.7:
                rtext = rng.choice(NOISY_TEXTS)
            else:
                rtext = rng.choice(REPORT_TEXTS[reason]) if reason in REPORT_TEXTS else rng.choice(NOISY_TEXTS)
            reports.append({"post_id": pid, "reporter_id": rid, "reason": reason, "text": rtext,
                            "reported_at": t})

    # ---- author history (prior decisions) --------------------------------
    fams_by_author: dict[str, list[str]] = {}
    cats_by_author: dict[str, list[list[str]]] = {}
    for p in out_posts:
        m = meta_posts[p["post_id"]]
        if p["true_categories"]:
            fams_by_author.setdefault(p["author_id"], []).append(m["family"])
            cats_by_author.setdefault(p["author_id"], []).append(p["true_categories"])
    history: list[dict[str, Any]] = []
    for aid, author in used_authors.items():
        fams = fams_by_author.get(aid, [])
        role = author["role"]
        lo = max(author["registered_at"] + DAY, BASE_TS - 365 * DAY)
        hi = BASE_TS - 3 * DAY - HOUR
        if hi - lo < DAY:
            continue
        entries = []
        if fams:
            p_hist = 0.65 if role.startswith("spam") else (0.6 if "rumour" in fams else 0.45)
            if rng.random() < p_hist:
                for _ in range(rng.randint(1, 5 if role.startswith("spam") else 3)):
                    cats = rng.choice(cats_by_author[aid])
                    if cats == ["10.6"]:
                        kind = rng.choices(("rumour_label", "remove", "no_violation"), (5, 3, 2))[0]
                    else:
                        kind = rng.choices(("remove", "restrict_author", "no_violation"), (6, 2.5, 1.5))[0]
                    entries.append((kind, [] if kind == "no_violation" else list(cats)))
        elif role in ("police", "media"):
            if rng.random() < 0.3:
                entries = [("no_violation", []) for _ in range(rng.randint(1, 2))]
        else:
            r = rng.random()
            if r < 0.06:
                entries = [("no_violation", [])]
            elif r < 0.08:
                entries = [("remove", ["10.8"])]
        for kind, cats in entries:
            decided = rng.randint(lo, hi)
            prior_pub = max(author["registered_at"] + 60, decided - rng.randint(600, 2 * DAY))
            history.append({"author_id": aid, "post_id": _snowflake(rng, prior_pub, seen_ids),
                            "decided_at": decided, "kind": kind, "categories": cats})

    # ---- finalise -----------------------------------------------------------
    flags.sort(key=lambda f: (f["flagged_at"], f["post_id"], f["source"]))
    reports.sort(key=lambda r: (r["reported_at"], r["post_id"], r["reporter_id"]))
    history.sort(key=lambda h: (h["decided_at"], h["author_id"]))
    rp0 = rng.randint(10**9, 2 * 10**9)
    out_reports = []
    for i, rec in enumerate(reports):
        out_reports.append({"report_id": f"rp{rp0 + i * 3 + rng.randint(0, 2)}", "post_id": rec["post_id"],
                            "reporter_id": rec["reporter_id"], "reason": rec["reason"], "text": rec["text"],
                            "reported_at": rfc3339(rec["reported_at"])})
    for f in flags:
        f["flagged_at"] = rfc3339(f["flagged_at"])
    for h in history:
        h["decided_at"] = rfc3339(h["decided_at"])
    out_authors = []
    for pool in authors["pools"].values():
        for rec in pool:
            if rec["author_id"] in used_authors:
                out_authors.append({"author_id": rec["author_id"], "display_name": rec["display_name"],
                                    "real_name": rec["real_name"], "registered_at": rfc3339(rec["registered_at"])})
    out_authors.sort(key=lambda a: a["author_id"])
    data = {"authors": out_authors, "posts": out_posts, "reports": out_reports,
            "flags": flags, "author_history": history}
    clusters: dict[int, list[str]] = {}
    for pid, m in meta_posts.items():
        if m["cluster"] is not None:
            clusters.setdefault(m["cluster"], []).append(pid)
    meta = {
        "seed": seed, "base_time": BASE_TIME, "posts": meta_posts,
        "clusters": [clusters[k] for k in sorted(clusters)],
        "evasion_post_ids": [pid for pid, m in meta_posts.items() if m["evasion"]],
        "hostile_post_ids": [pid for pid, m in meta_posts.items() if m["kind"] == "hostile"],
        "reporters": dict(reporters),
    }
    return data, meta


def generate(seed: int = 7, posts: int = 2400) -> dict[str, Any]:
    """Deterministic demo moderation queue; see the module docstring for shapes."""
    return generate_with_meta(seed, posts)[0]
