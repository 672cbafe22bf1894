"""Enforce the GB/T 9704 layout on a python-docx document: page, styles, East Asian fonts.

Word and LibreOffice pick the font of Chinese characters from ``w:rFonts/@w:eastAsia``
only, so every run gets an explicit East Asian font here (theme fonts removed), and the
Normal style says the text is ``zh-CN`` (otherwise LibreOffice uses Japanese glyphs).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from docx.document import Document as DocumentObject
from docx.oxml.ns import qn

from core.drafting.body_text import centre_signature, emphasise_headings
from core.drafting.fonts import FontChoice
from core.drafting.layout import A4_MM, LayoutSettings, mm_to_twips
from core.drafting.ooxml import (
    THEME_ATTRS,
    child,
    paragraph_style,
    run_properties,
    set_attrs,
    set_fonts,
    set_size,
)

# Style ids of the bundled templates and the font role each one takes.
STYLE_ROLES: dict[str, str] = {
    "CwTitle": "title",
    "CwAnnexTitle": "title",
    "CwHeading1": "heading1",
    "CwAnnexLabel": "heading1",
    "CwHeading2": "heading2",
    "CwTable": "body",
    "CwTableHead": "heading1",
    "CwFooter": "page_number",
}
_TABLE_STYLES = {"CwTable", "CwTableHead"}


def _page_setup(document: DocumentObject, settings: LayoutSettings) -> None:
    margins = settings.margins_mm
    # The page number's rule sits 7 mm under the type area (GB/T 9704 7.5); the footer
    # distance is measured to the bottom of its 1.3-line-high paragraph.
    number_height_mm = settings.page_number_size_pt * 0.3528 * 1.3
    footer_mm = max(margins.bottom - 7.0 - number_height_mm, 5.0)
    for sect_pr in document.element.body.iter(qn("w:sectPr")):
        pg_sz = sect_pr.get_or_add_pgSz()
        pg_sz.attrib.pop(qn("w:orient"), None)
        set_attrs(pg_sz, w=mm_to_twips(A4_MM[0]), h=mm_to_twips(A4_MM[1]))
        set_attrs(
            sect_pr.get_or_add_pgMar(),
            top=mm_to_twips(margins.top),
            bottom=mm_to_twips(margins.bottom),
            left=mm_to_twips(margins.left),
            right=mm_to_twips(margins.right),
            header=mm_to_twips(15),
            footer=mm_to_twips(footer_mm),
            gutter=0,
        )
        grid = child(sect_pr, "w:docGrid")
        grid.attrib.pop(qn("w:charSpace"), None)
        set_attrs(grid, type="lines", linePitch=round(settings.line_pitch_pt * 20))


def _normal_style(document: DocumentObject, settings: LayoutSettings, fonts: FontChoice) -> None:
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = styles.makeelement(qn("w:docDefaults"), {})
        styles.insert(0, defaults)
    default_rpr = child(child(defaults, "w:rPrDefault"), "w:rPr")
    set_fonts(default_rpr, fonts.body, fonts.latin)
    set_attrs(child(default_rpr, "w:lang"), val="en-US", eastAsia="zh-CN", bidi="ar-SA")
    default_ppr = child(child(defaults, "w:pPrDefault"), "w:pPr")
    set_attrs(child(default_ppr, "w:spacing"), before=0, after=0)

    normal = document.styles["Normal"].element
    spacing = normal.get_or_add_pPr().get_or_add_spacing()
    for attr in ("w:beforeLines", "w:afterLines", "w:beforeAutospacing", "w:afterAutospacing"):
        spacing.attrib.pop(qn(attr), None)
    line = round(settings.line_pitch_pt * 20)
    set_attrs(spacing, before=0, after=0, line=line, lineRule="exact")
    rpr = run_properties(normal)
    set_attrs(child(rpr, "w:spacing"), val=round(settings.char_spacing_pt * 20))
    set_attrs(child(rpr, "w:lang"), val="en-US", eastAsia="zh-CN", bidi="ar-SA")
    set_fonts(rpr, fonts.body, fonts.latin)
    set_size(rpr, settings.body_size_pt)


def _role_styles(document: DocumentObject, settings: LayoutSettings, fonts: FontChoice) -> None:
    sizes = {"title": settings.title_size_pt, "page_number": settings.page_number_size_pt}
    for style in document.styles.element.iter(qn("w:style")):
        style_id = style.get(qn("w:styleId"))
        role = STYLE_ROLES.get(style_id)
        if role is None:
            continue
        rpr = run_properties(style)
        set_fonts(rpr, fonts.role(role))
        if style_id in _TABLE_STYLES:
            set_size(rpr, settings.table_size_pt)
        else:
            set_size(rpr, sizes.get(role, settings.body_size_pt))


class _StyleFonts:
    """Resolves the East Asian font a run inherits through its character and paragraph styles."""

    def __init__(self, document: DocumentObject, fonts: FontChoice) -> None:
        self.fonts = fonts
        self.east_asia: dict[str, str | None] = {}
        self.based_on: dict[str, str] = {}
        self.default_paragraph = "Normal"
        for style in document.styles.element.iter(qn("w:style")):
            style_id = style.get(qn("w:styleId"))
            rfonts = style.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
            self.east_asia[style_id] = None if rfonts is None else rfonts.get(qn("w:eastAsia"))
            parent = style.find(qn("w:basedOn"))
            if parent is not None:
                self.based_on[style_id] = parent.get(qn("w:val"))
            is_default = style.get(qn("w:default")) in ("1", "true")
            if style.get(qn("w:type")) == "paragraph" and is_default:
                self.default_paragraph = style_id

    def of_style(self, style_id: str | None) -> str | None:
        seen: set[str] = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            font = self.east_asia.get(style_id)
            if font:
                return font
            style_id = self.based_on.get(style_id)
        return None

    def for_run(self, run: Any, style_of_paragraph: str | None) -> str:
        rstyle = run.find(f"{qn('w:rPr')}/{qn('w:rStyle')}")
        if rstyle is not None:
            font = self.of_style(rstyle.get(qn("w:val")))
            if font:
                return self.fonts.map(font)
        font = self.of_style(style_of_paragraph) or self.of_style(self.default_paragraph)
        return self.fonts.map(font or self.fonts.body)


def _fill_east_asia(root: Any, resolver: _StyleFonts) -> None:
    """Give every run under ``root`` an explicit East Asian font."""
    for paragraph in root.iter(qn("w:p")):
        style = paragraph_style(paragraph)
        for run in paragraph.iter(qn("w:r")):
            rpr = run_properties(run)
            rfonts = rpr.find(qn("w:rFonts"))
            explicit = None if rfonts is None else rfonts.get(qn("w:eastAsia"))
            font = resolver.fonts.map(explicit) if explicit else resolver.for_run(run, style)
            set_fonts(rpr, font)


def _stories(document: DocumentObject) -> Iterator[Any]:
    yield document.element.body
    seen: set[int] = set()
    for section in document.sections:
        for part in (
            section.header,
            section.even_page_header,
            section.first_page_header,
            section.footer,
            section.even_page_footer,
            section.first_page_footer,
        ):
            if part.is_linked_to_previous:
                continue
            element = part._element
            if id(element) not in seen:
                seen.add(id(element))
                yield element


def apply_layout(
    document: DocumentObject, settings: LayoutSettings, fonts: FontChoice, *, runs: bool = True
) -> None:
    """Enforce page size, margins, grid, styles and (when ``runs``) every run's East Asian font.

    Templates are laid out with ``runs=False`` so their text keeps following the styles.
    """
    _page_setup(document, settings)
    _normal_style(document, settings, fonts)
    _role_styles(document, settings, fonts)
    for rfonts in document.styles.element.iter(qn("w:rFonts")):
        for attr in THEME_ATTRS:
            rfonts.attrib.pop(qn(attr), None)
    theme_lang = document.settings.element.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        set_attrs(theme_lang, eastAsia="zh-CN")
    if not runs:
        return
    emphasise_headings(document.element.body, fonts)
    centre_signature(document, settings)
    resolver = _StyleFonts(document, fonts)
    for story in _stories(document):
        _fill_east_asia(story, resolver)
