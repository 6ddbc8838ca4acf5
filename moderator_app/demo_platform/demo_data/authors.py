"""Authors: display names by role, real names (PII), registration times."""

from __future__ import annotations

import random
from typing import Any

from moderator_app.demo_platform.demo_data.pools import (
    ANIMALS,
    BASE_TS,
    CASINOS,
    CITIES,
    COMPOUND_SURNAMES,
    DAY,
    FOODS_NICK,
    GIVEN_CHARS,
    LATIN_NICKS,
    NICK_PHRASES,
    NICK_SUFFIX,
    PLATFORMS,
    SURNAMES,
    TEMPLES,
    _r_digits,
)


def _person_name(rng: random.Random) -> str:
    sur = rng.choice(COMPOUND_SURNAMES) if rng.random() < 0.015 else rng.choice(SURNAMES)
    given = rng.choice(GIVEN_CHARS)
    if rng.random() < 0.72:
        given += rng.choice(GIVEN_CHARS)
    return sur + given


def _user_nick(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.32:
        return rng.choice(NICK_PHRASES) + rng.choice(NICK_SUFFIX)
    if r < 0.47:
        return rng.choice(CITIES) + rng.choice(("老", "小", "阿")) + rng.choice(SURNAMES)
    if r < 0.57:
        return rng.choice(("吃货阿", "吃货小", "爱笑的", "社恐小")) + rng.choice(["花", "美", "强", "乐", "琪", "宝", "妞", "飞"])
    if r < 0.66:
        return f"爱吃{rng.choice(FOODS_NICK)}的{rng.choice(ANIMALS)}"
    if r < 0.74:
        return rng.choice(SURNAMES) + rng.choice(("同学", "老师", "师傅", "大叔", "阿姨", "医生")) + "_" + _r_digits(rng, 2)
    if r < 0.86:
        return "用户" + rng.choice("567") + _r_digits(rng, 9)
    return rng.choice(LATIN_NICKS) + rng.choice(("", "_", "小")) + rng.choice((_r_digits(rng, 2), _r_digits(rng, 4), "酱", ""))


def _spam_nick(rng: random.Random, flavour: str) -> str:
    r = rng.random()
    if r < 0.25:  # default-looking throw-away account
        return "用户" + "7" + _r_digits(rng, 9)
    if r < 0.35:
        return rng.choice(LATIN_NICKS) + _r_digits(rng, 4)
    sur = rng.choice(SURNAMES)
    if flavour == "gambling":
        return rng.choice((f"回血导师{sur}哥", f"彩票计划{_r_digits(rng, 3)}", f"{rng.choice(CASINOS)[:2]}娱乐{_r_digits(rng, 2)}",
                           f"上岸的{sur}老板", f"足球分析师{sur}{_r_digits(rng, 2)}", f"发财哥{_r_digits(rng, 3)}"))
    if flavour == "porn":
        return (rng.choice(("甜甜", "暖暖", "小美", "可可", "糖糖", "安琪", "婉儿", "诗诗", "蜜桃"))
                + rng.choice(("在线", "同城", "💋", "🌸", "_", "呀", "")) + _r_digits(rng, 2))
    if flavour == "scam":
        return rng.choice((f"财富导师{sur}老师", f"宝妈副业{_r_digits(rng, 3)}", f"{rng.choice(CITIES)}兼职招聘{_r_digits(rng, 2)}",
                           f"{rng.choice(PLATFORMS)}售后服务中心", f"幸运粉丝抽奖官{_r_digits(rng, 2)}", f"理财小{sur}{_r_digits(rng, 2)}",
                           f"{sur}经理-信贷{_r_digits(rng, 2)}", f"Vivian在{rng.choice(('新加坡', '迪拜', '香港'))}"))
    if flavour == "crime":
        return rng.choice((f"诚信{_r_digits(rng, 3)}", f"老{sur}货源", f"全国办事{_r_digits(rng, 2)}", f"一手渠道{_r_digits(rng, 3)}",
                           f"专业{rng.choice(('开锁', '办证', '刻章'))}{_r_digits(rng, 2)}"))
    # occult
    return rng.choice((f"开运阁{sur}大师", f"{rng.choice(TEMPLES)}居士{_r_digits(rng, 2)}", f"好运来{_r_digits(rng, 4)}",
                       f"{sur}师傅看风水", f"转运堂{_r_digits(rng, 2)}"))


def _troll_nick(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.25:
        return rng.choice(("暴躁老哥", "说话很直", "不服来战", "专治不服", "键盘侠本侠", "杠精本精")) + _r_digits(rng, rng.randint(1, 3))
    return _user_nick(rng)


def _rumour_nick(rng: random.Random) -> str:
    if rng.random() < 0.35:
        return rng.choice(CITIES) + rng.choice(("身边事", "爆料", "热点", "同城资讯", "大小事"))
    return _user_nick(rng)


def _make_authors(rng: random.Random, posts: int) -> dict[str, Any]:
    sizes = {
        "user": max(40, int(posts * 0.3)),
        "spam:gambling": max(4, int(posts * 0.015)), "spam:porn": max(4, int(posts * 0.012)),
        "spam:scam": max(5, int(posts * 0.018)), "spam:crime": max(3, int(posts * 0.009)),
        "spam:occult": max(3, int(posts * 0.006)),
        "troll": max(8, int(posts * 0.03)), "rumour": max(5, int(posts * 0.015)),
        "police": min(12, max(2, posts // 200)), "media": min(12, max(2, posts // 200)),
    }
    used_ids, used_names = set(), set()
    pools: dict[str, list[dict[str, Any]]] = {}
    cities = list(CITIES)
    rng.shuffle(cities)
    for role, n in sizes.items():
        pool = []
        for i in range(n):
            while True:
                aid = "u" + rng.choice("1235" if role in ("police", "media") else ("7" if role.startswith("spam") else "1235667")) + _r_digits(rng, 9)
                if aid not in used_ids:
                    used_ids.add(aid)
                    break
            city = ""
            if role == "police":
                city = cities[i % len(cities)]
                name = rng.choice(("平安{}", "{}公安", "{}反诈中心", "{}网警巡查执法")).format(city)
            elif role == "media":
                city = cities[-1 - (i % len(cities))]
                name = rng.choice(("{}晚报", "{}日报", "{}新闻广播", "{}都市频道")).format(city)
            elif role.startswith("spam:"):
                name = _spam_nick(rng, role[5:])
            else:
                name = {"user": _user_nick, "troll": _troll_nick, "rumour": _rumour_nick}[role](rng)
            while name in used_names:
                name = name + rng.choice("0123456789")
            used_names.add(name)
            if role.startswith("spam"):
                reg = BASE_TS - rng.randint(4 * DAY, 120 * DAY)
            elif role in ("police", "media"):
                reg = BASE_TS - rng.randint(9 * 365 * DAY, 15 * 365 * DAY)
            else:
                reg = BASE_TS - rng.randint(20 * DAY, 14 * 365 * DAY)
            pool.append({"author_id": aid, "display_name": name, "real_name": _person_name(rng),
                         "registered_at": reg, "role": role, "city": city})
        pools[role] = pool
    # Zipf-like activity: a few accounts post a lot.
    cum = {}
    for role, pool in pools.items():
        total, cw = 0.0, []
        for i in range(len(pool)):
            total += 1.0 / (i + 1) ** 0.75
            cw.append(total)
        cum[role] = cw
    return {"pools": pools, "cum": cum}


def _pick_author(rng: random.Random, authors: dict[str, Any], role: str) -> dict[str, Any]:
    if role == "mixed":
        role = "spam:occult" if rng.random() < 0.5 else "user"
    elif (role == "rumour" and rng.random() < 0.4) or (role == "troll" and rng.random() < 0.3):
        role = "user"
    chosen: dict[str, Any] = rng.choices(authors["pools"][role], cum_weights=authors["cum"][role])[0]
    return chosen
