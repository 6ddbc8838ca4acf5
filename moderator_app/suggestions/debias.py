"""Counterfactual pairs for identity terms: a training post that names a group is also learned with the group
swapped for another of the same kind (河南人 → 东北人, 女人 → 男人), with the same labels. The model then
cannot learn "names this group" as a sign of a violation, only what is said about a group, so a neutral or
counter-stereotype post about 河南人 scores like the same post about anyone else.

The lists are regional and gender groups only (the issue's examples); ethnic and religious group names are
left out of this shipped list on purpose, as politically sensitive: a team can extend ``GROUPS``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from moderator_app.suggestions.model import LabelledExample

GROUPS: tuple[tuple[str, ...], ...] = (
    ("河南人", "东北人", "上海人", "北京人", "广东人", "四川人", "湖南人", "山东人", "湖北人", "江西人", "安徽人",
     "福建人", "浙江人", "江苏人", "河北人", "陕西人", "山西人", "广西人", "贵州人", "云南人", "天津人", "重庆人"),
    ("女人", "男人"), ("女生", "男生"), ("女的", "男的"), ("女性", "男性"), ("女孩", "男孩"), ("女司机", "男司机"),
    ("妈妈", "爸爸"), ("老婆", "老公"),
)
_SWAP = {term: group[(index + 1) % len(group)] for group in GROUPS for index, term in enumerate(group)}
_TERMS = re.compile("|".join(sorted(map(re.escape, _SWAP), key=len, reverse=True)))


def counterfactual(text: str) -> str | None:
    """``text`` with every group term swapped for the next of its group, or None when it names none."""
    swapped = _TERMS.sub(lambda m: _SWAP[m.group(0)], text)
    return swapped if swapped != text else None


def with_counterfactuals(examples: Sequence[LabelledExample]) -> tuple[list[LabelledExample], list[int]]:
    """The examples plus one counterfactual copy of each that names a group, and for each returned example
    the index of the original it came from (so priors and folds follow the original)."""
    out, origin = list(examples), list(range(len(examples)))
    for index, example in enumerate(examples):
        text = counterfactual(example.text)
        if text is not None:
            out.append(LabelledExample(text, example.categories))
            origin.append(index)
    return out, origin
