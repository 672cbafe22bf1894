"""Time text-feature extraction on synthetic judgments against a naive per-cue baseline.

    python benchmarks/bench_features.py [--n 20000] [--chars 2000 4000] [--seed 7]

Texts come from ``tools.demogen`` (judgments of 2,000–4,000 characters by default) or,
when it is missing, from a small builder here. Both measurements run in this process on
one core. The baseline only *searches* (one ``re.search`` per cue per text) and
classifies nothing, so it is a floor for "one pass per cue", not a like-for-like
extractor.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._util import print_table
from core.text import CUE_VERSION, extract_features, load_cues

_CHUNK = 10_000


def make_texts(n: int, seed: int, chars: tuple[int, int]) -> tuple[list[str], str]:
    """Return ``n`` judgment texts and where they came from."""
    generate = _demogen()
    if generate is None:
        rng = random.Random(seed)
        return [_builder_text(rng, chars) for _ in range(n)], "built-in builder"
    texts: list[str] = []
    for i, start in enumerate(range(0, n, _CHUNK)):
        count = min(_CHUNK, n - start)
        texts.extend(c.full_text for c in generate(count, seed=seed + i, text_chars=chars))
    return texts, "tools.demogen"


def _demogen() -> Callable[..., Sequence[object]] | None:
    for module in ("tools.demogen", "tools.demogen.scenario"):
        try:
            found = __import__(module, fromlist=["generate_cases"])
        except ImportError:
            continue
        generate = getattr(found, "generate_cases", None)
        if generate is not None:
            return generate  # type: ignore[no-any-return]
    return None


_BUILDER_PARTS = (
    "原告{p}与被告{d}民间借贷纠纷一案，本院于2023年3月1日立案后，依法适用简易程序，公开开庭进行了审理。",
    "原告{p}及其委托诉讼代理人到庭参加诉讼，被告{d}经本院传票传唤，无正当理由拒不到庭参加诉讼。",
    "原告{p}向本院提出诉讼请求：判令被告归还借款本金{a}元及利息。",
    "事实和理由：被告因资金周转向原告借款{a}元，并出具借条一份，原告以现金方式交付。",
    "被告{d}未作答辩，亦未提交证据。对当事人无异议的证据，本院予以确认并在卷佐证。",
    "本院经审理认定事实如下：原告与被告系朋友关系。案件受理费减半收取，公告费300元由被告负担。",
    "本院认为，合法的借贷关系受法律保护，被告应当按约归还借款。",
)


def _builder_text(rng: random.Random, chars: tuple[int, int]) -> str:
    target = rng.randint(*chars)
    names = ("张伟", "王芳", "李强", "刘洋", "陈静", "杨磊", "赵敏", "黄涛")
    p, d = rng.sample(names, 2)
    out = f"原告：{p}，男，住浙江省义乌市。被告：{d}，女，住浙江省金华市。"
    while len(out) < target:
        part = rng.choice(_BUILDER_PARTS)
        out += part.format(p=p, d=d, a=rng.randrange(1, 500) * 1000)
    return out[:target]


def time_it(fn: Callable[[str], object], texts: Sequence[str]) -> tuple[float, float]:
    """Return (wall seconds, CPU seconds) for ``fn`` over all texts."""
    wall, cpu = time.perf_counter(), time.process_time()
    for text in texts:
        fn(text)
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20_000, help="number of texts (e.g. 100000)")
    parser.add_argument("--chars", type=int, nargs=2, default=(2000, 4000))
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    t0 = time.perf_counter()
    texts, source = make_texts(args.n, args.seed, (args.chars[0], args.chars[1]))
    mean = sum(map(len, texts)) / len(texts)
    print(f"{len(texts)} texts from {source}, mean {mean:.0f} characters, ", end="")
    print(f"made in {time.perf_counter() - t0:.1f} s; cue version {CUE_VERSION}")

    book = load_cues()
    patterns = [rule.pattern for rule in book.rules]

    def naive(text: str) -> None:
        for pattern in patterns:
            pattern.search(text)

    extract_features(texts[0])  # compile and cache the cue book outside the timing
    rows = []
    for name, fn in (
        ("extract_features (one pass, classified)", extract_features),
        (f"naive: re.search per cue ({len(patterns)} cues)", naive),
    ):
        wall, cpu = time_it(fn, texts)
        rows.append(
            (
                name,
                len(texts),
                f"{wall:.1f}",
                f"{cpu:.1f}",
                f"{len(texts) / wall:,.0f}",
                f"{len(texts) / cpu:,.0f}",
            )
        )
    print_table(("method", "cases", "wall s", "cpu s", "cases/s (wall)", "cases/s (cpu)"), rows)


if __name__ == "__main__":
    main()
