"""Reading uploaded spreadsheets (.xlsx via openpyxl) as rows of plain text cells, within limits
that hold against hostile files: zip bombs, huge sheets, string tables and XML entity tricks.

openpyxl parses with defusedxml (a dependency for that reason): DTDs with entities (billion laughs)
and external entities (XXE) are refused, not expanded. The zip is checked before openpyxl opens
it: the sizes its members declare are all zipfile will ever unpack (it stops there), so their sum
bounds the work; then each sheet and the string table are streamed once (_scan), stopping at the
first limit they pass, so that openpyxl only ever reads parts of bounded shape."""

import io
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from xml.etree.ElementTree import ParseError

from defusedxml.ElementTree import iterparse
from openpyxl import load_workbook
from openpyxl.packaging.manifest import Manifest
from openpyxl.xml.constants import ARC_CONTENT_TYPES, SHARED_STRINGS, WORKSHEET_TYPE
from openpyxl.xml.functions import fromstring

# Excel's 16,384 columns, a few elements each: more in one row or text is no spreadsheet.
_ELEMENTS_PER_UNIT = 65_536
# Elements of a sheet outside its rows (merged cells, links, formats), of the string table
# outside its entries.
_ELEMENTS_OUTSIDE = 100_000
# What a damaged or hostile file makes zipfile, the XML parser or openpyxl raise (defusedxml's
# refusals are ValueErrors).
_DAMAGED = (zipfile.BadZipFile, ParseError, KeyError, ValueError, TypeError, EOFError, zlib.error)
# A part this small is no bomb, whatever its ratio.
_SMALL_PART_BYTES = 1024 * 1024


@dataclass(frozen=True)
class SheetLimits:
    rows: int = 20_001  # rows of a sheet, blank ones included
    columns: int = 50  # cells read per row; those further right are not read
    shared_strings: int = 250_000  # entries of the workbook's string table
    unpacked_bytes: int = 100 * 1024 * 1024  # all members of the zip together
    compression_ratio: int = 100  # of one member over 1 MB unpacked


class UnreadableSheet(Exception):
    """The bytes are not an .xlsx file openpyxl can open."""


class DamagedSheet(UnreadableSheet):
    """An .xlsx whose XML is malformed, unsafe (entities, external references) or not shaped like
    a spreadsheet (more cells in a row than Excel has columns)."""


class SheetTooLarge(UnreadableSheet):
    """The file is over one of its SheetLimits (named by `limit`, the SheetLimits field)."""

    def __init__(self, limit: str, maximum: int) -> None:
        super().__init__(limit)
        self.limit = limit
        self.maximum = maximum


def cell_text(value: Any) -> str:
    """A cell as the text a person typed: dates as ISO dates, 12.0 as 12, no outer spaces."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _check_archive(archive: zipfile.ZipFile, limits: SheetLimits) -> None:
    members = archive.infolist()
    if sum(m.file_size for m in members) > limits.unpacked_bytes:
        raise SheetTooLarge("unpacked_bytes", limits.unpacked_bytes)
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > _SMALL_PART_BYTES and ratio > limits.compression_ratio:
            raise SheetTooLarge("compression_ratio", limits.compression_ratio)
    manifest = Manifest.from_tree(fromstring(archive.read(ARC_CONTENT_TYPES)))
    for sheet in manifest.findall(WORKSHEET_TYPE):
        _scan(archive, sheet.PartName[1:], ("row", 3), limits.rows, "rows")
    strings = manifest.find(SHARED_STRINGS)
    if strings is not None:  # the part openpyxl loads whole
        _scan(archive, strings.PartName[1:], ("si", 2), limits.shared_strings, "shared_strings")


def _scan(
    archive: zipfile.ZipFile, part: str, unit: tuple[str, int], most: int, limit: str
) -> None:
    """Streams one XML part, its memory kept flat, before openpyxl reads it: at most `most`
    units (a sheet's rows: <row> at level 3; the string table's entries: <si> at level 2), each
    of at most _ELEMENTS_PER_UNIT elements, and at most _ELEMENTS_OUTSIDE elements outside them.

    openpyxl keeps every element of a part it walks (it empties them, the parent keeps the
    list): a sheet without <dimension> is walked whole when the workbook opens, and millions of
    kept elements make the garbage collector stall every thread, the event loop's too."""
    tag, level = unit
    depth = units = inside = outside = 0
    in_unit = False
    with archive.open(part) as source:
        for event, element in iterparse(source, events=("start", "end")):
            is_unit = element.tag.rpartition("}")[2] == tag
            if event == "start":
                depth += 1
                in_unit = in_unit or (depth == level and is_unit)
                continue
            if depth == level and is_unit:
                units, inside, in_unit = units + 1, 0, False
                if units > most:
                    raise SheetTooLarge(limit, most)
            elif in_unit:
                inside += 1
                if inside > _ELEMENTS_PER_UNIT:
                    raise DamagedSheet
            else:
                outside += 1
                if outside > _ELEMENTS_OUTSIDE:
                    raise DamagedSheet
            element.clear()
            depth -= 1


def _bounded(lines: Iterator[tuple[Any, ...]], limits: SheetLimits) -> Iterator[tuple[Any, ...]]:
    """The rows as openpyxl parses them, stopping at the row limit; damage found on the way
    (the sheet is parsed while it is read) is a DamagedSheet."""
    try:
        for number, line in enumerate(lines, start=1):
            if number > limits.rows:
                raise SheetTooLarge("rows", limits.rows)
            yield line
    except _DAMAGED as exc:
        raise DamagedSheet from exc


@contextmanager
def first_sheet_rows(
    content: bytes, limits: SheetLimits = SheetLimits()
) -> Iterator[Iterator[tuple[Any, ...]]]:
    """The first sheet's rows of cell values, read lazily (a large file is never all in memory);
    raises UnreadableSheet for a foreign file, DamagedSheet for malformed or unsafe XML, and
    SheetTooLarge over a limit — before openpyxl opens it, or while its rows are read."""
    buffer = io.BytesIO(content)
    try:
        archive = zipfile.ZipFile(buffer)
    except (zipfile.BadZipFile, ValueError, OSError):
        raise UnreadableSheet from None
    try:
        with archive:
            _check_archive(archive, limits)
        workbook = load_workbook(buffer, read_only=True, data_only=True)
    except _DAMAGED as exc:
        raise DamagedSheet from exc
    try:
        sheet = workbook.worksheets[0]
        # Explicit bounds: openpyxl fills the rows and columns a sheet's <dimension> claims.
        columns = min(sheet.max_column or limits.columns, limits.columns)
        rows = sheet.iter_rows(max_row=limits.rows + 1, max_col=columns, values_only=True)
        yield _bounded(rows, limits)
    finally:
        workbook.close()
