"""The platform's report reason codes as a Chinese-speaking moderator reads them (the review screen, the
suggestion evidence); English readers see the code itself with spaces."""

from __future__ import annotations

REPORT_REASON_ZH = {
    "constitution": "违反宪法", "national_security": "危害国家安全", "national_honour": "损害国家荣誉",
    "ethnic_hatred": "民族仇恨", "cult_superstition": "邪教迷信", "rumour": "谣言", "pornography": "色情",
    "gambling": "赌博", "violence": "暴力", "terrorism": "恐怖主义", "crime_instigation": "教唆犯罪",
    "insult_defamation": "侮辱诽谤", "illegal_assembly": "非法集会", "illegal_organisation": "非法组织",
    "scam": "诈骗", "spam": "垃圾信息", "other": "其他",
}
