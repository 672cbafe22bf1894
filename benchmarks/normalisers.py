"""Time the cell normalisers on typical values and print calls per second.

Run: python benchmarks/normalisers.py  (not a test; the figures go into reports).
"""

from __future__ import annotations

import itertools
import math
import time
from collections.abc import Callable, Sequence

from core.ingest.normalise.amounts import parse_amount
from core.ingest.normalise.case_numbers import parse_case_number
from core.ingest.normalise.cells import clean_text
from core.ingest.normalise.dates import parse_date
from core.ingest.normalise.id_numbers import parse_id_number
from core.ingest.normalise.names import clean_name, name_key
from core.ingest.normalise.parties import split_parties

CALLS = 200_000
ROUNDS = 3

CASES: list[tuple[str, Callable[[object], object], Sequence[object]]] = [
    ("clean_text", clean_text, ["张三", " 50000 ", 45052.0, None]),
    ("parse_date", parse_date, ["2023-05-06", "2023年5月6日", "2023/5/6", "20230506", 45052]),
    (
        "parse_date (Chinese numerals)",
        parse_date,
        ["二〇二三年五月六日", "二零二三年十二月三十一日"],
    ),
    ("parse_amount", parse_amount, ["50000", "50,000.00元", "5万元", "¥1.5万", 50000.0]),
    ("parse_amount (大写)", parse_amount, ["人民币伍万元整", "壹佰贰拾叁元肆角伍分"]),
    (
        "parse_case_number",
        parse_case_number,
        ["（2023）浙0782民初1234号", "(2022)浙07民终567号", "（2021）京0105执12345号"],
    ),
    ("parse_id_number", parse_id_number, ["11010519491231002X", "330102198001011238"]),
    ("clean_name", clean_name, ["张三", "某某(中国)有限公司", "买买提.吐尔逊"]),
    ("name_key", name_key, ["某某有限责任公司", "张三"]),
    ("split_parties (one name)", lambda v: split_parties(v, "plaintiff"), ["张三", "某某有限公司"]),
    ("split_parties (two names)", lambda v: split_parties(v, "plaintiff"), ["张三、李四"]),
    (
        "split_parties (with attributes)",
        lambda v: split_parties(v, "defendant"),
        ["张三，男，1980年1月1日出生，汉族，住浙江省义乌市稠城街道某某路1号"],
    ),
    (
        "split_parties (roles + agent)",
        lambda v: split_parties(v, "plaintiff"),
        ["原告：张三，委托诉讼代理人：李律，浙江某某律师事务所律师。被告：某某有限公司"],
    ),
]


def main() -> None:
    """Print one row per normaliser: calls per second, best of ROUNDS runs of CALLS calls."""
    print(f"{'function':36} {'calls/s':>12}")
    for label, func, values in CASES:
        inputs = list(itertools.islice(itertools.cycle(values), CALLS))
        func(inputs[0])  # load lexicons and compile patterns outside the timing
        best = math.inf
        for _round in range(ROUNDS):  # best of several: the machine may be shared
            started = time.perf_counter()
            for value in inputs:
                func(value)
            best = min(best, time.perf_counter() - started)
        print(f"{label:36} {CALLS / best:>12,.0f}")


if __name__ == "__main__":
    main()
