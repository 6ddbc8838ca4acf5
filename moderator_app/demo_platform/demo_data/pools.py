"""Slot pools: the words, names and generated slots ({city}, {handle}, ...) the templates are filled from."""

from __future__ import annotations

import random
import time
from calendar import timegm
from typing import Any

BASE_TIME = "2026-11-30T08:00:00Z"
BASE_TS = timegm((2026, 11, 30, 8, 0, 0, 0, 0, 0))
DAY = 86400
HOUR = 3600

REASON_CODES = (
    "constitution", "national_security", "national_honour", "ethnic_hatred",
    "cult_superstition", "rumour", "pornography", "gambling", "violence",
    "terrorism", "crime_instigation", "insult_defamation", "illegal_assembly",
    "illegal_organisation", "scam", "spam", "other",
)
FLAG_SOURCES = ("user_report", "automated", "authority_request")
DECISION_KINDS = ("remove", "restrict_author", "no_violation", "rumour_label")


def rfc3339(ts: int) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(ts))


# --------------------------------------------------------------------------
# Slot pools
# --------------------------------------------------------------------------
CITIES = ["北京", "上海", "广州", "深圳", "成都", "杭州", "武汉", "西安", "南京", "重庆", "长沙", "郑州", "苏州", "天津", "青岛", "厦门", "昆明", "大连", "沈阳", "哈尔滨", "济南", "合肥", "福州", "南昌", "贵阳", "南宁", "兰州", "太原", "石家庄", "无锡", "宁波", "佛山", "东莞", "珠海", "三亚", "洛阳", "桂林", "泉州", "温州", "烟台", "常州", "徐州", "绍兴"]
DISTRICTS = ["高新区", "开发区", "老城区", "城东", "城西", "江北", "河西", "新区", "大学城", "火车站那边", "万达附近"]
PLACES = ["万达广场", "人民公园", "火车站", "地铁站口", "步行街", "大学城", "体育馆", "菜市场", "万象城", "市图书馆", "汽车站", "滨江公园", "老街", "夜市", "商业街", "湿地公园", "江边", "中心广场"]
SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金", "石", "廖", "贾", "夏", "韦", "付", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹", "薛", "闫", "段", "雷", "侯", "龙", "史", "陶", "黎", "贺", "顾", "毛", "郝", "龚", "邵", "万", "严", "覃", "武", "戴", "莫", "孔", "向", "汤"]
COMPOUND_SURNAMES = ["欧阳", "司马", "上官", "诸葛", "慕容"]
GIVEN_CHARS = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "霞", "平", "刚", "华", "文", "斌", "鹏", "辉", "宇", "浩", "欣", "婷", "雪", "晨", "思", "怡", "子", "涵", "梓", "轩", "博", "嘉", "俊", "雨", "佳", "琪", "诺", "晓", "丹", "凯", "亮", "宁", "志", "红", "建", "国", "秀", "英", "兰", "玉", "梅", "海", "波", "飞", "春", "燕", "琳", "颖", "倩", "慧", "磊", "鑫", "阳", "瑞", "昊", "然", "悦", "彤", "萱", "铭", "航", "睿"]
NICK_PHRASES = ["小鹿乱撞", "一只咸鱼", "快乐星球", "今天也要加油", "奶茶续命", "人间清醒", "好好吃饭", "不吃香菜", "早睡早起", "追风少年", "月亮不睡我不睡", "温柔的晚风", "听海的声音", "橘子汽水", "柠檬不萌", "芝士就是力量", "星星点灯", "半夏微凉", "南风知我意", "山河远阔", "胖虎不胖", "熬夜冠军", "睡不醒的猫", "周末去爬山", "努力搬砖中", "干饭人", "摸鱼小能手", "快乐肥宅", "晴天娃娃", "一颗甜橙", "风吹麦浪", "骑单车的鱼", "海绵宝宝本宝", "不想上班", "吃饱了再减肥", "喵星人铲屎官", "佛系青年", "奋斗的蜗牛"]
NICK_SUFFIX = (["2023", "2024", "_", "88", "520", "1998", "0715", "呀", "吖", "酱", "·", "666", "2019", "1314", "_cc", "本人"]
               + [""] * 8)
FOODS_NICK = ["火锅", "螺蛳粉", "小龙虾", "烧烤", "奶茶", "糖葫芦", "煎饼果子", "麻辣烫", "鸡蛋灌饼", "臭豆腐"]
ANIMALS = ["猫", "小熊", "兔子", "企鹅", "柴犬", "考拉", "仓鼠", "狐狸", "熊猫", "海豹"]
LATIN_NICKS = ["Lucky", "momo", "Sunny", "Kiki", "Coco", "Jerry", "Tony", "Lily", "Amy", "Leo", "Vivian", "Jack", "Mia", "Eric", "Zoe"]
EMOJI = ["😂", "🤣", "😭", "😊", "😍", "🥰", "😎", "🤔", "😅", "🙃", "😤", "🥲", "👍", "👏", "🙏", "💪", "✨", "🎉", "❤️"]
AD_EMOJI = ["💰", "🎰", "🔥", "👉", "✅", "💯", "🧧", "🎁", "💎", "🚀", "⚡", "💵", "👑", "🎯", "✨", "💋", "🌹", "🔞", "💕", "📲"]
SHORT_ALNUM = "abcdefghijkmnpqrstuvwxyz23456789"
T_CN = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
PLATFORMS = ["淘宝", "京东", "拼多多", "抖音", "快手", "美团", "闲鱼", "支付宝", "唯品会"]
INVEST_PLATFORMS = ["某国际数字资产平台", "BTEX交易所", "恒信国际", "汇通金服", "环球外汇", "欧元区数字钱包"]
CASINOS = ["金沙娱乐城", "威尼斯人线上", "太阳城", "永利皇宫线上", "新葡京", "银河娱乐", "皇冠体育", "亚洲之星"]
LOTTERY_GAMES = ["幸运飞艇", "北京赛车", "时时彩", "快三", "六合彩", "PK10"]
CARD_GAMES = ["炸金花", "牛牛", "斗地主", "跑得快", "麻将"]
LEAGUES = ["英超", "西甲", "欧冠", "意甲", "德甲", "世界杯预选赛", "NBA", "亚冠"]
PRIZES = ["苹果手机", "笔记本电脑", "扫地机器人", "电动车", "金条", "按摩椅"]
SHOWS = ["奔跑吧", "快乐大本营", "中国好声音", "非诚勿扰", "最强大脑"]
TEMPLES = ["五台山", "普陀山", "九华山", "峨眉山", "某古寺"]
DEITIES = ["观音菩萨", "财神爷", "关公", "月老", "佛祖"]
FOOD_RUMOUR = ["小龙虾", "草莓", "西瓜", "方便面", "辣条", "奶茶", "鸡爪", "车厘子", "猕猴桃", "海带"]
CHEMS = ["甲醛", "避孕药", "膨大剂", "工业色素", "激素", "寄生虫"]
BANKS = ["某城商行", "某农商行", "某村镇银行", "某信用社"]
DISHES = ["番茄炒蛋", "可乐鸡翅", "红烧肉", "清蒸鲈鱼", "麻婆豆腐", "土豆丝", "糖醋排骨", "酸菜鱼", "宫保鸡丁", "蒜蓉西兰花"]
NOODLES = ["牛肉面", "热干面", "重庆小面", "油泼面", "兰州拉面", "肥肠粉", "螺蛳粉", "刀削面", "炸酱面", "鸡汤米线"]
DRINKS = ["生椰拿铁", "杨枝甘露", "芋泥波波", "柠檬茶", "桂花乌龙", "葡萄冰沙", "黑糖珍珠", "酱香拿铁"]
SHOPS = ["楼下那家", "公司对面", "学校门口", "网红", "老字号", "新开的"]
SIGHTS = ["夜景", "老街", "博物馆", "古镇", "江边", "湖景", "老城墙", "小巷子", "美术馆", "植物园"]
COURTS = ["小区", "学校", "体育公园", "江边", "社区活动中心"]
WEATHER_ADVICE = ("暴雨，出门记得带伞", "大风降温，多穿点", "雾霾，出门记得戴口罩", "晴转多云，适合晒被子",
                  "雨夹雪，路上滑注意安全", "大雾，好几条高速都封了", "阴天，闷得很")
PETS = ["橘猫", "布偶", "柯基", "金毛", "二哈", "泰迪", "英短", "柴犬", "边牧", "狸花猫"]
PET_NAMES = ["团子", "可乐", "年糕", "豆豆", "旺财", "咪咪", "球球", "七七", "奶盖", "大橘"]
TEAMS = ["国足", "国奥", "申花", "国安", "泰山", "海港", "蓉城"]
NBA_TEAMS = ["湖人", "勇士", "凯尔特人", "掘金", "雄鹿", "太阳", "独行侠"]
NBA_PLAYERS = ["詹姆斯", "库里", "约基奇", "东契奇", "塔图姆", "字母哥"]
COMPANIES = ["某大厂", "一家外企", "一家国企", "一家初创公司", "本地的一家设计院", "一家银行"]
PRODUCTS = ["空气炸锅", "扫地机器人", "羽绒服", "电动牙刷", "降噪耳机", "保温杯", "加湿器", "洗碗机"]
PHONE_BRANDS = ["华为", "小米", "苹果", "OPPO", "vivo", "荣耀"]
MOVIES = ["《流浪地球》", "《热辣滚烫》", "《封神》", "《飞驰人生》", "《长安三万里》", "《你好，李焕英》"]
WEATHER = ["大雾", "暴雨", "大风降温", "晴转多云", "雨夹雪", "小雪", "阴天", "雾霾"]
JOBS = ["收银员", "服务员", "仓库管理员", "前台", "保安", "销售", "司机", "保洁"]
GROUPS_ETHNIC_GEN = ["黑人", "外国人", "老外"]
HASHTAGS = ["#今天吃什么#", "#旅行#", "#打工人#", "#考研#", "#萌宠#", "#跑步打卡#", "#周末去哪儿#", "#天气#", "#好物分享#", "#追剧#", "#日常#", "#美食#", "#宠物日常#", "#健身#", "#读书#", "#双十一#"]
AD_TAGS = ["#兼职#", "#副业#", "#赚钱#", "#同城#", "#福利#", "#好运#", "#理财#"]
AD_TAGS_BY_FAMILY = {"scam": ("#兼职#", "#副业#", "#赚钱#", "#理财#"), "pornography": ("#同城#", "#福利#"),
                     "superstition": ("#好运#", "#转运#"), "gambling": ("#足球#", "#彩票#")}
THEME_DECOR = {
    "food": (("#今天吃什么#", "#美食#", "#探店#"), ("😋", "🍜", "🍲", "😂", "🤤")),
    "travel": (("#旅行#", "#周末去哪儿#"), ("✨", "🏔️", "🌊", "📷")),
    "work": (("#打工人#", "#职场#"), ("😩", "😅", "💼", "🙃")),
    "study": (("#考研#", "#读书#", "#学习打卡#"), ("📚", "💪", "😭")),
    "pets": (("#萌宠#", "#宠物日常#"), ("😂", "🥰", "😭")),
    "sports": (("#运动#",), ("💪", "🔥", "👏")),
    "weather": (("#天气#",), ("❄️", "🌧️", "🌞", "😷")),
    "news_comment": ((), ("🤔", "👍", "😅")),
    "games": (("#游戏#",), ("🎮", "😭", "😤")),
    "shopping": (("#好物分享#", "#双十一#"), ("😍", "👍", "🛒")),
    "family": (("#日常#",), ("❤️", "😂", "🥲")),
}


def _r_digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def _r_alnum(rng: random.Random, n: int, alphabet: str = SHORT_ALNUM) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def _handle_id(rng: random.Random) -> str:
    style = rng.random()
    if style < 0.35:
        return rng.choice(("lucky", "vip", "hao", "jin", "fa", "ok", "ai", "mm", "ge", "dd")) + _r_digits(rng, rng.randint(3, 5))
    if style < 0.6:
        return _r_alnum(rng, rng.randint(6, 9))
    if style < 0.8:
        return rng.choice(("xx", "aa", "zz", "yy", "qq")) + "_" + _r_digits(rng, 4)
    return _r_digits(rng, rng.randint(8, 10))


def slot_handle(rng: random.Random) -> str:
    prefix = rng.choice(("vx", "VX", "V", "wx", "薇信", "威信", "微信", "V信", "+V", "QQ", "扣扣",
                         "飞机", "薇", "➕V", "v❤"))
    sep = rng.choice((":", "：", " ", "", "：", " "))
    return prefix + sep + _handle_id(rng)


def slot_phone(rng: random.Random) -> str:
    num = "1" + rng.choice("3456789") + _r_digits(rng, 9)
    style = rng.randrange(6)
    if style == 0:
        return f"{num[:3]}-{num[3:7]}-{num[7:]}"
    if style == 1:
        return " ".join(num)
    if style == 2:  # some digits in Chinese numerals
        cn = "零一二三四五六七八九"
        return "".join(cn[int(c)] if i < 3 else c for i, c in enumerate(num))
    if style == 3:  # 0 written as letter O
        return num.replace("0", "O")
    if style == 4:
        return f"{num[:3]} {num[3:7]} {num[7:]}"
    return num[:5] + "（去掉括号）" + num[5:]


def slot_url(rng: random.Random) -> str:
    return "http://t.cn/" + _r_alnum(rng, 7, T_CN)


def slot_site(rng: random.Random) -> str:
    return (rng.choice(("am", "xpj", "js", "yh", "bet", "hg", "dfh", "tyc", "ylc", "wns"))
            + _r_digits(rng, rng.randint(3, 4)) + rng.choice((".vip", ".cc", ".com", ".net", ".top")))


def slot_amount(rng: random.Random) -> str:
    v = rng.choice((300, 500, 800, 1000, 1200, 1500, 2000, 3000, 5000, 8000, 10000, 20000))
    style = rng.random()
    if v >= 10000 and style < 0.5:
        return f"{v // 10000}万"
    if style < 0.15 and v >= 1000:
        return f"{v // 1000}k"
    return str(v)


def slot_big_amount(rng: random.Random) -> str:
    return rng.choice(("3.8", "12", "26", "5.6", "1.2", "40", "8.7"))


SLOTS: dict[str, Any] = {
    "city": CITIES, "district": DISTRICTS, "place": PLACES, "surname": SURNAMES,
    "emoji": EMOJI, "aemoji": AD_EMOJI, "tag": HASHTAGS, "atag": AD_TAGS,
    "platform": PLATFORMS, "iplatform": INVEST_PLATFORMS, "casino": CASINOS,
    "lottery": LOTTERY_GAMES, "cardgame": CARD_GAMES, "league": LEAGUES,
    "prize": PRIZES, "show": SHOWS, "temple": TEMPLES, "deity": DEITIES,
    "rfood": FOOD_RUMOUR, "chem": CHEMS, "bank": BANKS, "dish": DISHES,
    "noodle": NOODLES, "drink": DRINKS, "shop": SHOPS, "sight": SIGHTS,
    "pet": PETS, "petname": PET_NAMES, "team": TEAMS, "nbateam": NBA_TEAMS,
    "nbaplayer": NBA_PLAYERS, "company": COMPANIES, "product": PRODUCTS,
    "phonebrand": PHONE_BRANDS, "movie": MOVIES, "weather": WEATHER, "job": JOBS,
    "court": COURTS, "weatheradv": WEATHER_ADVICE,
    "foreigners": GROUPS_ETHNIC_GEN,
    "handle": slot_handle, "phone": slot_phone, "url": slot_url, "site": slot_site,
    "amount": slot_amount, "bigamount": slot_big_amount,
    "n": lambda r: str(r.randint(3, 12)),
    "n2": lambda r: str(r.randint(20, 300)),
    "pct": lambda r: str(r.choice((85, 88, 90, 92, 95, 96, 98))),
    "pct2": lambda r: r.choice(("1.2", "1.5", "1.8", "2", "2.5", "3")),
    "price": lambda r: str(r.choice((199, 299, 399, 500, 600, 800, 888))),
    "price2": lambda r: str(r.choice((1200, 1500, 1800, 2000, 2500))),
    "small": lambda r: str(r.choice((3, 5, 8, 10, 15, 20))),
    "cheap": lambda r: str(r.choice((12, 15, 18, 22, 25, 28, 35, 38))),
    "fare": lambda r: str(r.randint(35, 160)),
    "rate": lambda r: r.choice(("0.3%", "千分之二", "0.5%", "日息万三")),
    "time": lambda r: f"{r.randint(2, 5)}点",
    "late": lambda r: r.choice(("十一点", "十二点", "凌晨一点", "十点半", "快十二点")),
    "mag": lambda r: r.choice(("5.8", "6.2", "6.5", "7.0", "7.3")),
    "temp": lambda r: str(r.randint(-15, 8)),
    "km": lambda r: str(r.choice((3, 5, 5, 6, 8, 10, 10, 12, 21))),
    "pace": lambda r: f"{r.randint(4, 7)}'{r.randint(0, 59):02d}\"",
    "pts": lambda r: str(r.randint(28, 52)),
    "score": lambda r: str(r.randint(430, 620)),
    "age": lambda r: str(r.randint(68, 86)),
    "minutes": lambda r: str(r.choice((20, 30, 40, 50, 60, 90))),
    "days": lambda r: str(r.randint(2, 9)),
    "caseamt": lambda r: f"{r.choice((8, 12, 26, 38, 56, 73, 120))}万",
    "bonus": lambda r: str(r.choice((38, 58, 88, 100, 128))),
}
