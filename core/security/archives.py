"""Checking a zip container (.xlsx, .ods, .docx) before any parser unpacks it.

Office files are zip archives, and a zip can lie: a few kilobytes may unpack to gigabytes
(a zip bomb), hold tens of thousands of parts, or carry XML with entity declarations (the
"billion laughs"). The parsers we use buffer a whole part in memory, so the bounds are
checked here, from the archive's directory, before any part is decompressed in full.
The declared sizes can be trusted as upper bounds: the zip readers we use (Python's
zipfile and calamine's Rust zip) stop with an error when a part unpacks larger than it says.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from core.errors import RefusedInput

MAX_ENTRIES = 10_000  # real workbooks and documents hold tens of parts, rarely hundreds
MAX_UNPACKED = 4 * 1024**3  # a 100,000-case workbook unpacks to about 1 GB
MAX_RATIO = 100  # real Office parts compress 3-15 times; bombs 1,000 times and more
RATIO_FLOOR = 20 * 1024**2  # small parts may compress as they like
TOTAL_RATIO_FLOOR = 256 * 1024**2
XML_SCAN_BYTES = 64 * 1024  # a DOCTYPE can only sit in the prolog, at the start of a part
_EOCD = b"PK\x05\x06"
_ZIP64_LOCATOR = b"PK\x06\x07"


@dataclass(frozen=True)
class ArchiveSummary:
    names: frozenset[str]
    entries: int
    unpacked: int


def _declared_entries(path: Path) -> int | None:
    """Return the entry count from the end-of-directory record, without reading the directory."""
    with path.open("rb") as fh:
        fh.seek(0, 2)
        size = fh.tell()
        span = min(size, 65_536 + 22)
        fh.seek(size - span)
        tail = fh.read(span)
        pos = tail.rfind(_EOCD)
        if pos < 0 or pos + 22 > len(tail):
            return None
        total = int(struct.unpack_from("<H", tail, pos + 10)[0])
        if total != 0xFFFF:
            return total
        loc = tail.rfind(_ZIP64_LOCATOR, 0, pos)
        if loc < 0 or loc + 20 > len(tail):
            return None
        offset = int(struct.unpack_from("<Q", tail, loc + 8)[0])
        if offset + 56 > size:
            return None
        fh.seek(offset)
        record = fh.read(56)
        if len(record) < 56 or not record.startswith(b"PK\x06\x06"):
            return None
        return int(struct.unpack_from("<Q", record, 32)[0])


def _bomb(label: str) -> RefusedInput:
    return RefusedInput(
        f"文件“{label}”内部压缩比异常（疑似压缩炸弹），已拒绝读取。",
        "正常的 Excel、WPS 或 Word 文件不会这样；请向提供方重新索取原始文件。",
    )


def _entities(zf: zipfile.ZipFile, info: zipfile.ZipInfo, label: str) -> bool:
    """Return whether an XML part's prolog declares a DTD or entities."""
    try:
        with zf.open(info) as part:
            head = part.read(XML_SCAN_BYTES)
    # Encrypted or oddly compressed parts: neither Excel nor Word writes them.
    except (RuntimeError, NotImplementedError, ValueError, zlib.error) as exc:
        raise RefusedInput(
            f"文件“{label}”已损坏、加密或使用了不支持的压缩方式，无法读取。", str(exc)[:200]
        ) from exc
    return b"<!DOCTYPE" in head or b"<!ENTITY" in head


def check_archive(path: Path, label: str | None = None, *, scan_xml: bool = True) -> ArchiveSummary:
    """Return what the zip at ``path`` holds, or refuse it when unpacking would be unbounded.

    Raises RefusedInput for too many parts, parts (or the whole) unpacking far beyond
    their stored size, more than 4 GB in all, and XML parts declaring a DTD or entities.
    ``zipfile.BadZipFile`` is left to the caller, which knows what the file should be.
    """
    name = label or path.name
    declared = _declared_entries(path)
    if declared is not None and declared > MAX_ENTRIES:
        raise RefusedInput(
            f"文件“{name}”内部包含 {declared:,} 个部件，远超正常文件，已拒绝读取。",
            "正常的 Excel、WPS 或 Word 文件只有几十个部件；该文件可能是恶意构造的。",
        )
    file_size = max(path.stat().st_size, 1)
    with zipfile.ZipFile(path) as zf:
        infos = zf.infolist()
        if len(infos) > MAX_ENTRIES:
            raise RefusedInput(
                f"文件“{name}”内部包含 {len(infos):,} 个部件，远超正常文件，已拒绝读取。"
            )
        total = 0
        for info in infos:
            total += info.file_size
            stored = max(info.compress_size, 1)
            if info.file_size > RATIO_FLOOR and info.file_size / stored > MAX_RATIO:
                raise _bomb(name)
        if total > MAX_UNPACKED:
            raise RefusedInput(f"文件“{name}”解压后超过 4 GB，已拒绝读取。")
        if total > TOTAL_RATIO_FLOOR and total / file_size > MAX_RATIO:
            raise _bomb(name)
        if scan_xml:
            for info in infos:
                lower = info.filename.lower()
                if lower.endswith((".xml", ".rels")) and _entities(zf, info, name):
                    raise RefusedInput(
                        f"文件“{name}”的内部部件“{info.filename}”含有 XML 实体声明（DOCTYPE/ENTITY），"
                        "已拒绝读取。",
                        "Excel、WPS 和 Word 从不写入实体声明；这类文件可用来耗尽内存或窃取本机文件。",
                    )
        return ArchiveSummary(frozenset(i.filename for i in infos), len(infos), total)
