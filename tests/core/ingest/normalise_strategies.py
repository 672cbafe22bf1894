"""Hypothesis strategies shared by the normaliser tests: any cell value a reader may hand over."""

from __future__ import annotations

from hypothesis import strategies as st


class BrokenStr:
    """An object whose text cannot be taken: normalisers must still not raise."""

    def __str__(self) -> str:
        raise RuntimeError("no text")


# Characters that stress the parsers: digits in both widths, CJK numerals, units,
# brackets and separators of every style.
_TRICKY = (
    "0123456789０１２３４５６７８９〇零一二三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟"
    "年月日号元角分整万.,，、；;:：()（）〔〕[]【】-/ \u3000\xa0\u200bXx民初终执刑号之"
    "原告被告第三人代理律师事务所住男女出生身份证E+e¥￥人民币"
)

tricky_text = st.text(alphabet=_TRICKY, max_size=40)

any_cell = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.text(),
    tricky_text,
    st.binary(max_size=20),
    st.dates(),
    st.datetimes(),
    st.lists(st.integers(), max_size=3),
    st.just(BrokenStr()),
    st.just(object()),
)
