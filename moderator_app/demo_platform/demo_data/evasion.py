"""Evasion transforms (traditional characters, separators, homophones) and hostile-content posts."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

from moderator_app.demo_platform.demo_data.ordinary import LONG_POST_SENTENCES
from moderator_app.demo_platform.demo_data.pools import CITIES

_TRAD_PAIRS = ("赌賭 场場 网網 钱錢 万萬 会會 来來 说說 转轉 灾災 贷貸 诈詐 骗騙 单單 号號 码碼 乐樂 实實 "
               "点點 击擊 体體 费費 奖獎 头頭 视視 频頻 约約 导導 师師 带帶 赚賺 开開 户戶 买買 卖賣 "
               "货貨 枪槍 药藥 证證 杀殺 弹彈 谣謠 传傳 让讓 还還 对對 电電 话話 认認 识識 关關 务務 "
               "员員 优優 级級 红紅 现現 过過 进進 东東 车車 马馬 鸡雞 龙龍 凤鳳 丽麗 职職 资資 产產 "
               "业業 厂廠 广廣 爱愛 应應 该該 给給 长長 无無 为為 与與 发發 这這 个個 们們 门門 时時 "
               "线線 荐薦 满滿 页頁 彩彩 庄莊 输輸 赢贏 亏虧 际際 岸岸 计計 划劃 准準 确確 额額 "
               "币幣 财財 运運 灵靈 显顯 灾災 难難 扩擴 散散 内內 删刪 马馬 惯慣 骂罵 脑腦 残殘 贱賤 "
               "渣渣 区區 栋棟 刀刀 砍砍 炸炸 药藥 宝寶 妈媽 兼兼 贝貝 测測 试試 费費 邮郵 领領 "
               "恋戀 见見 面麵 钟鐘 录錄 像像 聊聊 夜夜 城城 园園 级級 养養 饭飯 页頁")
TRAD_MAP = {}
for _pair in _TRAD_PAIRS.split():
    if _pair[0] != _pair[1]:
        TRAD_MAP[ord(_pair[0])] = _pair[1]
TRAD_MAP.pop(ord("面"), None)  # 面/麵 is ambiguous; keep 面
FULLWIDTH_MAP = {c: c + 0xFEE0 for c in range(0x21, 0x7F) if chr(c).isalnum()}
HOMOPHONES = (
    ("博彩", ("菠菜",)), ("赌场", ("du场", "堵场")), ("赌博", ("dubo", "du博")),
    ("百家乐", ("baijiale", "百家l")), ("微信", ("薇信", "威信", "vx")), ("裸聊", ("果聊", "luo聊")),
    ("约炮", ("约pao",)), ("贷款", ("带款", "dai款")), ("借款", ("jie款",)), ("刷单", ("刷dan",)),
    ("冰", ("bing",)), ("枪", ("qiang",)), ("炸弹", ("zha弹",)), ("炸药", ("zha药",)),
    ("转发", ("zhuan发",)), ("傻逼", ("煞笔", "sb")), ("彩金", ("cai金",)), ("回血", ("hui血",)),
    ("上岸", ("shang岸",)), ("兼职", ("jian职",)), ("扩散", ("kuo散",)), ("黑鬼", ("hei鬼",)),
    ("开光", ("kai光",)), ("返水", ("fan水",)), ("佣金", ("yong金",)), ("同城", ("tong城",)),
    ("速转", ("su转",)), ("人渣", ("人zha",)), ("发票", ("fa票",)), ("银行卡", ("yh卡",)),
)
SEPARATORS = ("*", "·", "-", " ", "\u200b", "|", "/", ".", "\u200b\u200b", "_")
SLOT_RE = re.compile(r"\{(\w+)\}")
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")


def _separate(text: str, keys: Sequence[str], rng: random.Random) -> str | None:
    present = [k for k in keys if k in text and len(k) >= 2]
    if not present:
        return None
    sep = rng.choice(SEPARATORS)
    for key in rng.sample(present, min(len(present), rng.randint(1, 2))):
        text = text.replace(key, sep.join(key), 1)
    return text


def _zero_width(text: str, rng: random.Random) -> str:
    chars = list(text)
    spots = [i for i, c in enumerate(chars) if _CJK_RE.match(c)]
    for i in sorted(rng.sample(spots, min(len(spots), rng.randint(3, 6))), reverse=True):
        chars.insert(i + 1, rng.choice(("\u200b", "\u200c", "\u200d", "\u2060")))
    return "".join(chars)


def _homophone(text: str, rng: random.Random) -> str | None:
    options = [(src, alts) for src, alts in HOMOPHONES if src in text]
    if not options:
        return None
    for src, alts in rng.sample(options, min(len(options), rng.randint(1, 2))):
        text = text.replace(src, rng.choice(alts))
    return text


def evade(text: str, keys: Sequence[str], rng: random.Random) -> tuple[str, list[str]]:
    """Apply 1-2 evasion techniques; returns (new text, technique names)."""
    methods = ["traditional", "fullwidth", "separator", "homophone", "zero_width"]
    chosen = rng.sample(methods, 1 if rng.random() < 0.7 else 2)
    used = []
    for m in chosen:
        new = None
        if m == "traditional":
            new = text.translate(TRAD_MAP)
        elif m == "fullwidth" and re.search(r"[A-Za-z0-9]", text):
            new = text.translate(FULLWIDTH_MAP)
        elif m == "separator":
            new = _separate(text, keys, rng)
        elif m == "homophone":
            new = _homophone(text, rng)
        if new is None or new == text:
            m, new = "zero_width", _zero_width(text, rng)
        text = new
        used.append(m)
    return text, used


# --------------------------------------------------------------------------
# Hostile-content posts (client rendering robustness)
# --------------------------------------------------------------------------
def _hostile_posts(rng: random.Random) -> list[tuple[str, list[str], list[tuple[str, str]]]]:
    city = rng.choice(CITIES)
    long_parts, total = [], 0
    k = 0
    while total < 5000:
        s = LONG_POST_SENTENCES[k % len(LONG_POST_SENTENCES)]
        if k % len(LONG_POST_SENTENCES) == 0:
            s = f"【第{k // len(LONG_POST_SENTENCES) + 1}章】" + s
        long_parts.append(s)
        total += len(s)
        k += 1
    long_text = f"长文预警｜我在{city}的这些年\n" + "".join(long_parts)
    return [
        (f"<b>今天终于放假了</b>，约了朋友去{city}吃烤肉🍖", [], []),
        ('分享一张好看的图 <img src="http://evil.example/x.png" onerror="alert(\'xss\')"> 你们觉得呢', [], [("image", "风景照")]),
        ("<script>alert(1)</script>测试一下微博能不能发代码 哈哈", [], []),
        ("收到一个文件叫 \u202egpj.exe\u202c 千万别点，像是病毒😨", [], []),
        ("今天带娃去动物园👨\u200d👩\u200d👧\u200d👦 看\u200d到\u200d了\u200d大\u200d熊\u200d猫", [], [("image", "熊猫吃竹子")]),
        (long_text, [], []),
        ('<a href="http://t.cn/A6xK9pQ">澳门首家线上赌场，真人荷官在线发牌</a><br>注册就送88元彩金', ["10.7"],
         [("image", '<svg onload="alert(1)">赌场截图')]),
        ('"}]} {"post_id": "0", "text": "injected"} 今天天气不错，适合晒被子', [], []),
        ("第一行\r\n第二行\t制表符 e\u0301 好\u0336好\u0336学\u0336习\u0336 &lt;b&gt;不是标签&lt;/b&gt; %s %n {0}", [], []),
        ("\u202e这句话是倒着显示的吗 哈哈哈 @所有人 javascript:alert(document.cookie)", [], []),
        ("😀" * 40 + " 表情包刷屏 " + "🔥" * 40, [], []),
        ("<iframe src=\"http://evil.example/\"></iframe>加{微信}领红包？假的别信", [], []),
    ]
