"""Judgment texts made as hard to compress as real ones, for speed benchmarks only.

The generator pads judgments from a few hundred fixed sentences, so its texts compress
about 8× with zlib where real judgments compress about 3.7× (measured on the CAIL2019
sample in ``shared/real-text``). Inside an .xlsx that makes a 100,000-case workbook a
quarter of a real one's size and flatters every reader. ``vary_texts`` replaces a share of
each text's sentences by random words of the same length, drawn from the characters the
texts already use. The words mean nothing and may form a cue word by chance, so
``text_features`` of the returned records are no longer exact: use them to time reading
and writing, never to test what a model finds.
"""

from __future__ import annotations

import dataclasses
import random
import re
from collections.abc import Sequence

from tools.demogen.records import CaseRecord

_SENTENCE_END = re.compile("(。)")
_VOCABULARY = 40_000
_WORD_LENGTHS = (1, 2, 2, 2, 3, 4)


def vary_texts(records: Sequence[CaseRecord], seed: int, share: float = 0.2) -> list[CaseRecord]:
    """Return the records with about ``share`` of their sentences replaced by random words."""
    rng = random.Random(seed)
    chars = sorted({c for r in records[:3000] for c in r.full_text if "\u4e00" <= c <= "\u9fff"})
    if not chars:
        return list(records)
    vocabulary = ["".join(rng.choice(chars) for _ in range(rng.choice(_WORD_LENGTHS)))
                  for _ in range(_VOCABULARY)]
    return [dataclasses.replace(r, full_text=_vary(r.full_text, rng, vocabulary, share))
            for r in records]


def _vary(text: str, rng: random.Random, vocabulary: list[str], share: float) -> str:
    out: list[str] = []
    for sentence in _SENTENCE_END.split(text):
        if len(sentence) > 10 and rng.random() < share:
            words: list[str] = []
            length = 0
            while length < len(sentence):
                word = vocabulary[int(rng.random() * len(vocabulary))]
                words.append(word)
                length += len(word)
                if rng.random() < 0.12:
                    words.append("，")
                    length += 1
            out.append("".join(words)[: len(sentence)])
        else:
            out.append(sentence)
    return "".join(out)
