"""DrawingML for the deck's card shapes, written as text: thousands of cards in well under a second.

python-pptx's shape API builds each shape by many small XML edits (a few
milliseconds a card); a 2,000-card map would take most of a minute. The cards
are the only shapes there are that many of, so they are written here as the
same ``p:grpSp``/``p:sp`` markup PowerPoint itself writes (preset geometry,
solid fills, text runs with a language tag) and appended to each slide's shape
tree in one parse. Everything else in the deck goes through python-pptx.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape, quoteattr

from pptx.oxml import parse_xml

EMU_PER_INCH = 914400
NSDECLS = (
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"'
)
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def emu(inches: float) -> int:
    return round(inches * EMU_PER_INCH)


def clean(text: str) -> str:
    return _ILLEGAL_XML.sub("", text)


def attr(text: str) -> str:
    return quoteattr(clean(text))


class Run:
    """One paragraph of one run: text, size in points, colour "RRGGBB", bold, italic."""

    __slots__ = ("text", "size", "colour", "bold", "italic")

    def __init__(self, text: str, size: float, colour: str, bold: bool = False, italic: bool = False):
        self.text, self.size, self.colour, self.bold, self.italic = text, size, colour, bold, italic


class ShapeXml:
    """Collects the shapes of one slide as markup, numbering them from *first_id*."""

    def __init__(self, first_id: int, lang: str):
        self.next_id = first_id
        self.lang = lang
        self.parts: list[str] = []

    def _id(self) -> int:
        i = self.next_id
        self.next_id += 1
        return i

    def text_body(self, runs: list[Run], *, anchor: str = "t", align: str = "l", inset: tuple[float, ...] = (
            0.06, 0.06, 0.06, 0.06), wrap: bool = True) -> str:
        left, top, right, bottom = (emu(v) for v in inset)
        paragraphs = []
        for run in runs:
            flags = (' b="1"' if run.bold else ' b="0"') + (' i="1"' if run.italic else "")
            paragraphs.append(
                f'<a:p><a:pPr algn="{align}"/><a:r><a:rPr lang="{self.lang}" sz="{round(run.size * 100)}"{flags} '
                f'dirty="0"><a:solidFill><a:srgbClr val="{run.colour}"/></a:solidFill></a:rPr>'
                f"<a:t>{escape(clean(run.text))}</a:t></a:r></a:p>"
            )
        return (
            f'<p:txBody><a:bodyPr wrap="{"square" if wrap else "none"}" lIns="{left}" tIns="{top}" rIns="{right}" '
            f'bIns="{bottom}" anchor="{anchor}" rtlCol="0"><a:noAutofit/></a:bodyPr><a:lstStyle/>'
            + "".join(paragraphs) + "</p:txBody>"
        )

    def shape(self, name: str, geometry: str, x: float, y: float, w: float, h: float, *, fill: str | None,
              line: str | None = None, line_pt: float = 0.75, adjust: int | None = None, text: str = "",
              textbox: bool = False, descr: str = "") -> str:
        """One ``p:sp``: preset *geometry* ("roundRect", "rect", "star5", "smileyFace"...) at inches x, y, w, h."""
        adj = f'<a:gd name="adj" fmla="val {adjust}"/>' if adjust is not None else ""
        fill_xml = f'<a:solidFill><a:srgbClr val="{fill}"/></a:solidFill>' if fill else "<a:noFill/>"
        if line:
            line_xml = f'<a:ln w="{round(line_pt * 12700)}"><a:solidFill><a:srgbClr val="{line}"/></a:solidFill></a:ln>'
        else:
            line_xml = "<a:ln><a:noFill/></a:ln>"
        described = f" descr={attr(descr)}" if descr else ""
        box_flag = ' txBox="1"' if textbox else ""
        return (
            f'<p:sp><p:nvSpPr><p:cNvPr id="{self._id()}" name={attr(name)}{described}/>'
            f"<p:cNvSpPr{box_flag}/><p:nvPr/></p:nvSpPr>"
            f'<p:spPr><a:xfrm><a:off x="{emu(x)}" y="{emu(y)}"/><a:ext cx="{emu(w)}" cy="{emu(h)}"/></a:xfrm>'
            f'<a:prstGeom prst="{geometry}"><a:avLst>{adj}</a:avLst></a:prstGeom>{fill_xml}{line_xml}</p:spPr>'
            f"{text}</p:sp>"
        )

    def add(self, xml: str) -> None:
        """A top-level shape made with ``shape``."""
        self.parts.append(xml)

    def group(self, name: str, x: float, y: float, w: float, h: float, children: list[str], descr: str = "") -> None:
        """A group of *children* (made with ``shape``) whose frame is the box x, y, w, h."""
        ox, oy, cx, cy = emu(x), emu(y), emu(w), emu(h)
        described = f" descr={attr(descr)}" if descr else ""
        group_id = self._id()
        self.parts.append(
            f'<p:grpSp><p:nvGrpSpPr><p:cNvPr id="{group_id}" name={attr(name)}{described}/><p:cNvGrpSpPr/><p:nvPr/>'
            f'</p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="{ox}" y="{oy}"/><a:ext cx="{cx}" cy="{cy}"/>'
            f'<a:chOff x="{ox}" y="{oy}"/><a:chExt cx="{cx}" cy="{cy}"/></a:xfrm></p:grpSpPr>'
            + "".join(children) + "</p:grpSp>"
        )

    def append_to(self, slide) -> None:
        """Parse the collected markup once and append it to *slide*'s shape tree."""
        if not self.parts:
            return
        tree = parse_xml(f"<p:spTree {NSDECLS}>" + "".join(self.parts) + "</p:spTree>")
        target = slide.shapes._spTree
        for element in list(tree):
            target.append(element)
        self.parts.clear()


def next_shape_id(slide) -> int:
    """One more than the largest shape id on *slide*."""
    ids = [int(v) for v in slide.shapes._spTree.xpath("//p:cNvPr/@id")]
    return max(ids, default=1) + 1
