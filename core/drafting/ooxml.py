"""Small helpers over WordprocessingML elements (lxml) that keep children in schema order."""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn

THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

# Schema order of rPr children; Word refuses files whose children are out of order.
_RPR_ORDER = [
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
    "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden",
    "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect",
    "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout",
    "specVanish", "oMath",
]  # fmt: skip
_RPR_RANK = {qn("w:" + name): rank for rank, name in enumerate(_RPR_ORDER)}


def child(parent: Any, tag: str) -> Any:
    """Return the ``tag`` child of ``parent`` (e.g. ``w:lang``), appending it when missing."""
    found = parent.find(qn(tag))
    if found is None:
        found = parent.makeelement(qn(tag), {})
        parent.append(found)
    return found


def set_attrs(element: Any, **attrs: str | int) -> None:
    """Set ``w:``-namespaced attributes on ``element``."""
    for name, value in attrs.items():
        element.set(qn("w:" + name), str(value))


def run_properties(parent: Any) -> Any:
    """Return the ``w:rPr`` of a run or style, created in its schema position."""
    rpr = parent.find(qn("w:rPr"))
    if rpr is None:
        rpr = parent.makeelement(qn("w:rPr"), {})
        ppr = parent.find(qn("w:pPr"))
        if ppr is not None:
            ppr.addnext(rpr)
        elif parent.tag == qn("w:r"):
            parent.insert(0, rpr)
        else:
            parent.append(rpr)
    return rpr


def sort_run_properties(rpr: Any) -> None:
    """Put the children of ``rpr`` back in schema order."""
    children = list(rpr)
    ordered = sorted(children, key=lambda el: _RPR_RANK.get(el.tag, len(_RPR_ORDER)))
    if ordered != children:
        for element in children:
            rpr.remove(element)
        rpr.extend(ordered)


def set_fonts(rpr: Any, east_asia: str, latin: str | None = None) -> None:
    """Set the East Asian (and optionally Latin) font of ``rpr``, dropping theme fonts."""
    rfonts = child(rpr, "w:rFonts")
    for attr in THEME_ATTRS:
        rfonts.attrib.pop(qn(attr), None)
    if latin is not None:
        set_attrs(rfonts, ascii=latin, hAnsi=latin, cs=latin)
    set_attrs(rfonts, eastAsia=east_asia, hint="eastAsia")
    sort_run_properties(rpr)


def set_size(rpr: Any, points: float) -> None:
    """Set the font size of ``rpr`` in points (Latin and complex script alike)."""
    half_points = round(points * 2)
    set_attrs(child(rpr, "w:sz"), val=half_points)
    set_attrs(child(rpr, "w:szCs"), val=half_points)
    sort_run_properties(rpr)


def paragraph_style(paragraph: Any) -> str | None:
    """Return the style id of a ``w:p`` element, or None for the default style."""
    pstyle = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return None if pstyle is None else pstyle.get(qn("w:val"))


def run_text(run: Any) -> str:
    """Return the text of a ``w:r`` element."""
    return "".join(t.text or "" for t in run.findall(qn("w:t")))


def paragraph_text(paragraph: Any) -> str:
    """Return the text of the direct runs of a ``w:p`` element."""
    return "".join(run_text(r) for r in paragraph.iterchildren(qn("w:r")))
