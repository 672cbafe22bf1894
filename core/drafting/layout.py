"""Page and type settings for drafts; the defaults follow GB/T 9704-2012."""

from __future__ import annotations

from dataclasses import dataclass

MM_PER_INCH = 25.4
TWIPS_PER_INCH = 1440
A4_MM = (210.0, 297.0)


def mm_to_twips(mm: float) -> int:
    """Return ``mm`` millimetres in twips (1/1440 inch), rounded."""
    return round(mm * TWIPS_PER_INCH / MM_PER_INCH)


@dataclass(frozen=True)
class Margins:
    """Page margins in millimetres."""

    top: float = 37.0
    bottom: float = 35.0
    left: float = 28.0
    right: float = 26.0


@dataclass(frozen=True)
class LayoutSettings:
    """How a draft is laid out: margins, fonts, sizes, line pitch.

    The defaults give the standard 28 characters × 22 lines on A4: 三号仿宋 with
    −0.25 pt character spacing (28 × 15.75 pt fits the 156 mm line) and an exact
    28.95 pt line pitch on a lines-only grid (22 lines fit the 225 mm type area).
    """

    margins_mm: Margins = Margins()
    body_font: str = "仿宋_GB2312"
    title_font: str = "方正小标宋简体"
    heading1_font: str = "黑体"
    heading2_font: str = "楷体_GB2312"
    latin_font: str = "Times New Roman"
    page_number_font: str = "宋体"
    body_size_pt: float = 16.0
    title_size_pt: float = 22.0
    page_number_size_pt: float = 14.0
    table_size_pt: float = 12.0
    table_line_pt: float = 18.0
    # 28.95 pt (579 twips), not 29: 22 × 580 twips overflows the 12,756-twip type area
    # by 4 twips and LibreOffice then fits only 21 lines a page.
    line_pitch_pt: float = 28.95
    char_spacing_pt: float = -0.25
    # Replace a missing official font by the first installed stand-in (fonts.yaml).
    substitute_missing_fonts: bool = True

    @property
    def char_width_twips(self) -> int:
        """Return the advance of one body character (size plus spacing) in twips."""
        return round((self.body_size_pt + self.char_spacing_pt) * 20)

    def chars_per_line(self) -> int:
        """Return how many body characters fit on one line of the type area."""
        width_mm = A4_MM[0] - self.margins_mm.left - self.margins_mm.right
        return int(mm_to_twips(width_mm) // self.char_width_twips)
