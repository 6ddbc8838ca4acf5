"""Deterministic demo data (provisional generator; replaced by the full one when it lands).

``generate(seed=7, posts=2400) -> dict`` with authors, posts, reports, flags and author_history, stdlib only.
"""

from __future__ import annotations

import random
import time
from calendar import timegm
from typing import Any

BASE_TS = timegm((2026, 11, 30, 8, 0, 0, 0, 0, 0))

FAMILIES: tuple[tuple[str, list[str], str, float, list[str]], ...] = (
    ("ordinary", [], "other", 0.6, ["今天{city}下雨了，带伞出门的我真是太聪明了", "周末去{city}吃了火锅，太辣了😂",
                                   "加班到十点，打工人加油", "新买的空气炸锅做了可乐鸡翅，好吃！"]),
    ("gambling", ["10.7"], "gambling", 0.1, ["澳门首家线上娱乐城，首存100送100，提款秒到账！注册网址：am{n}.com"]),
    ("pornography", ["10.7"], "pornography", 0.06, ["果聊私密一对一，真人不是录像，加V：mm{n}"]),
    ("scam", ["10.11"], "scam", 0.08, ["招聘兼职刷单，日赚{n}元，宝妈学生都可以做，加QQ {n}{n}"]),
    ("violence", ["10.7"], "violence", 0.04, ["{city}那个姓王的，再让我看见就弄死你"]),
    ("rumour", ["10.6"], "rumour", 0.06, ["速转！！内部消息，{city}明天全市停水三天，赶紧囤水"]),
    ("insult", ["10.8"], "insult_defamation", 0.04, ["楼上的脑残，说话之前能不能先过过脑子"]),
    ("superstition", ["10.5"], "cult_superstition", 0.02, ["转发此条，家人平安；看了不转，七天内必有血光之灾"]),
)
CITIES = ["北京", "上海", "广州", "深圳", "成都", "杭州", "武汉", "西安"]


def rfc3339(ts: int) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(ts))


def generate(seed: int = 7, posts: int = 2400) -> dict[str, Any]:
    rng = random.Random(seed)
    authors = [{"author_id": f"u{100000 + i}", "display_name": f"用户{i:04d}", "real_name": f"张{i:04d}",
                "registered_at": rfc3339(BASE_TS - 400 * 86400 + i)} for i in range(max(1, posts // 4))]
    out: dict[str, Any] = {"authors": authors, "posts": [], "reports": [], "flags": [], "author_history": []}
    weights = [f[3] for f in FAMILIES]
    for i in range(posts):
        name, cats, reason, _weight, templates = rng.choices(FAMILIES, weights)[0]
        post_id = str(4_900_000_000_000_000_000 + i * 7919)
        published = BASE_TS - rng.randint(3600, 5 * 86400)
        flagged = published + rng.randint(60, 3000)
        text = rng.choice(templates).format(city=rng.choice(CITIES), n=rng.randint(10, 999))
        out["posts"].append({"post_id": post_id, "author_id": rng.choice(authors)["author_id"], "text": text,
                             "published_at": rfc3339(published), "url": f"https://weibo.demo.invalid/{post_id}",
                             "repost_count": rng.randint(0, 5000), "media": [], "true_categories": cats})
        out["flags"].append({"post_id": post_id, "source": "user_report", "flagged_at": rfc3339(flagged),
                             "priority": rng.randint(1, 5)})
        out["reports"].append({"report_id": f"r{i}", "post_id": post_id, "reporter_id": f"rp{rng.randint(1, 300)}",
                               "reason": reason if name != "ordinary" else rng.choice(["spam", "other"]),
                               "text": "举报", "reported_at": rfc3339(flagged + 30)})
    return out
