"""Typography inside the body: heading fonts for 一、/（一） and the signature over the date."""

from __future__ import annotations

import copy
import itertools
import re
from typing import Any

from docx.document import Document as DocumentObject
from docx.oxml.ns import qn

from core.drafting.fonts import FontChoice
from core.drafting.layout import LayoutSettings
from core.drafting.ooxml import (
    XML_SPACE,
    paragraph_style,
    paragraph_text,
    run_properties,
    run_text,
    set_attrs,
    set_fonts,
)

# Paragraphs in these styles are never treated as headings of the body text.
_NOT_BODY = {"CwTitle", "CwAnnexTitle", "CwDocNumber", "CwSignature", "CwDate", "CwAnnexLabel"}
_HEADING1 = re.compile(r"^[一二三四五六七八九十]+、")
_HEADING2 = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")
_SENTENCE_END = re.compile(r"[。！？]")
# A numbered paragraph longer than this up to its first full stop is body text, not a heading.
_MAX_HEADING_CHARS = 60


def _split_run(run: Any, at: int) -> None:
    """Split a plain-text run after ``at`` characters (other runs stay whole)."""
    texts = run.findall(qn("w:t"))
    if len(texts) != 1 or any(c.tag not in (qn("w:rPr"), qn("w:t")) for c in run):
        return
    tail = copy.deepcopy(run)
    full = texts[0].text or ""
    texts[0].text = full[:at]
    tail_text = tail.find(qn("w:t"))
    tail_text.text = full[at:]
    for text in (texts[0], tail_text):
        text.set(XML_SPACE, "preserve")
    run.addnext(tail)


def emphasise_headings(body: Any, fonts: FontChoice) -> None:
    """Set 一、 headings in 黑体 and （一） headings in 楷体, up to their first full stop."""
    for paragraph in body.iterchildren(qn("w:p")):
        if paragraph_style(paragraph) in _NOT_BODY:
            continue
        text = paragraph_text(paragraph)
        if _HEADING1.match(text):
            font = fonts.heading1
        elif _HEADING2.match(text):
            font = fonts.heading2
        else:
            continue
        stop = _SENTENCE_END.search(text)
        end = stop.end() if stop else len(text)
        if end > _MAX_HEADING_CHARS:
            continue
        done = 0
        for run in list(paragraph.iterchildren(qn("w:r"))):
            if done >= end:
                break
            length = len(run_text(run))
            if done + length > end:
                _split_run(run, end - done)
            set_fonts(run_properties(run), font)
            done += length


def _width(text: str) -> float:
    """Return the width of ``text`` in body characters (ASCII counts as half)."""
    return sum(0.5 if ord(ch) < 0x2E80 else 1.0 for ch in text)


def centre_signature(document: DocumentObject, settings: LayoutSettings) -> None:
    """Centre the signing office over the date, as GB/T 9704 7.3.5 asks."""
    paragraphs = list(document.element.body.iterchildren(qn("w:p")))
    char = settings.char_width_twips
    for here, after in itertools.pairwise(paragraphs):
        if paragraph_style(here) != "CwSignature" or paragraph_style(after) != "CwDate":
            continue
        name = paragraph_text(here).strip()
        day = paragraph_text(after).strip()
        offset_chars = 4 + (_width(day) - _width(name)) / 2
        ind = here.get_or_add_pPr().get_or_add_ind()
        for attr in ("w:rightChars", "w:endChars", "w:end"):
            ind.attrib.pop(qn(attr), None)
        set_attrs(ind, right=max(0, round(offset_chars * char)))
