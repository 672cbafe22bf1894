"""The benchmark's varied judgment texts: same lengths, harder to compress, reproducible."""

from __future__ import annotations

import zlib

from tools.demogen import generate_cases
from tools.demogen.variety import vary_texts


def _ratio(texts: list[str]) -> float:
    data = "".join(texts).encode()
    return len(data) / len(zlib.compress(data, 6))


def test_varied_texts_keep_length_and_compress_like_real_ones() -> None:
    records = generate_cases(300, seed=3, text_chars=(2000, 4000))
    varied = vary_texts(records, seed=5)
    assert [len(r.full_text) for r in varied] == [len(r.full_text) for r in records]
    assert [r.case_no for r in varied] == [r.case_no for r in records]
    changed = sum(a.full_text != b.full_text for a, b in zip(records, varied, strict=True))
    assert changed > 290
    before, after = _ratio([r.full_text for r in records]), _ratio([r.full_text for r in varied])
    # The generator's padding compresses ~8x; real judgments ~3.7x (shared/real-text).
    assert before > 6
    assert 2.5 < after < 5


def test_varied_texts_are_reproducible() -> None:
    records = generate_cases(50, seed=3, text_chars=(600, 1500))
    first = [r.full_text for r in vary_texts(records, seed=9)]
    assert first == [r.full_text for r in vary_texts(records, seed=9)]
    assert first != [r.full_text for r in vary_texts(records, seed=10)]
