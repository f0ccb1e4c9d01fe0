"""Hostile uploads of the legacy import are refused with 422 and a message, without stalling the
server: zip bombs, sheets that claim a million rows, string tables over the limit, malformed XML,
external entities (XXE) and entity expansion (billion laughs). The files are built here: the real
import template with one of its parts replaced."""

import asyncio
import io
import time
import zipfile
from collections.abc import Callable, Iterable
from typing import IO

import pytest

from api.config import get_settings
from api.imports.spreadsheet import COLUMNS
from tests.imports.sheets import filled_template

SHEET = "xl/worksheets/sheet1.xml"
STRINGS = "xl/sharedStrings.xml"
STRINGS_TYPE = (
    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml" />'
)
XML_HEAD = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
MAIN = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
HEADER_ROW = (
    b"<row>"
    + b"".join(b'<c t="inlineStr"><is><t>' + c.title.encode() + b"</t></is></c>" for c in COLUMNS)
    + b"</row>"
)
DATA_ROW = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>'
BOMB_ROWS = 5_000_000


def with_part(name: str, write: Callable[[IO[bytes]], None]) -> bytes:
    """The import template with its part `name` replaced or added: what `write` writes. An added
    string table is declared in [Content_Types].xml (openpyxl saves strings inline)."""
    source = zipfile.ZipFile(io.BytesIO(filled_template([])))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "[Content_Types].xml" and name == STRINGS:
                content = content.replace(b"</Types>", STRINGS_TYPE + b"</Types>")
            if item.filename != name:
                target.writestr(item, content)
        with target.open(name, "w", force_zip64=True) as part:
            write(part)
    return buffer.getvalue()


def sheet(rows: Iterable[bytes], before_data: bytes = b"", doctype: bytes = b"") -> bytes:
    return (
        XML_HEAD
        + doctype
        + b"<worksheet "
        + MAIN
        + b">"
        + before_data
        + b"<sheetData>"
        + HEADER_ROW
        + b"".join(rows)
        + b"</sheetData></worksheet>"
    )


def write_bomb(part: IO[bytes]) -> None:
    """A sheet of 5 million rows: 235 MB of XML, 0.7 MB zipped."""
    part.write(XML_HEAD + b"<worksheet " + MAIN + b"><sheetData>" + HEADER_ROW)
    chunk = DATA_ROW * 10_000
    for _ in range(BOMB_ROWS // 10_000):
        part.write(chunk)
    part.write(b"</sheetData></worksheet>")


@pytest.fixture(scope="module")
def bomb() -> bytes:
    return with_part(SHEET, write_bomb)


def refused(response, code: str) -> str:
    assert response.status_code == 422, response.text
    assert response.json()["code"] == code
    return response.json()["detail"]


async def send(client, world, content: bytes, language: str = "zh"):
    return await client.post(
        "/api/v1/imports",
        params={"agent_id": world.agent_a.id, "filename": "hostile.xlsx"},
        content=content,
        headers={**world.vendor.headers, "X-Language": language},
    )


async def test_a_zip_bomb_is_refused_from_the_sizes_its_zip_declares(client, world, bomb) -> None:
    assert len(bomb) < 1024 * 1024
    detail = refused(await send(client, world, bomb, "en"), "import_unpacked_too_large")
    assert "100 MB" in detail


async def test_a_part_compressed_suspiciously_well_is_refused(client, world) -> None:
    content = with_part(SHEET, lambda part: part.write(sheet([DATA_ROW * 50_000])))  # 2.3 MB
    refused(await send(client, world, content), "import_unpacked_too_large")


async def test_a_sheet_claiming_a_million_rows_is_refused_at_the_row_limit(client, world) -> None:
    """Openpyxl fills the rows and columns a sheet's <dimension> claims: 60 bytes of XML would
    be a million rows of 16,384 cells if they were not bounded while read."""
    claims = b'<dimension ref="A1:XFD1048576"/>'
    last = b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    content = with_part(SHEET, lambda part: part.write(sheet([last], before_data=claims)))
    detail = refused(await send(client, world, content, "en"), "import_too_many_rows")
    assert "20000 rows" in detail


async def test_a_string_table_over_the_limit_is_refused_before_it_is_loaded(
    client, world, monkeypatch
) -> None:
    monkeypatch.setattr(get_settings(), "import_max_shared_strings", 30)
    strings = b"".join(b"<si><t>%d</t></si>" % n for n in range(31))
    table = XML_HEAD + b"<sst " + MAIN + b">" + strings + b"</sst>"
    content = with_part(STRINGS, lambda part: part.write(table))
    detail = refused(await send(client, world, content, "en"), "import_too_many_strings")
    assert "30 distinct texts" in detail


async def test_a_string_table_within_the_limit_is_read(client, world, monkeypatch) -> None:
    monkeypatch.setattr(get_settings(), "import_max_shared_strings", 31)
    strings = b"".join(b"<si><t>%d</t></si>" % n for n in range(31))
    table = XML_HEAD + b"<sst " + MAIN + b">" + strings + b"</sst>"
    content = with_part(STRINGS, lambda part: part.write(table))
    refused(await send(client, world, content), "import_empty")  # the header, then no rows


XXE = b'<!DOCTYPE worksheet [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
LAUGHS = (
    b'<!DOCTYPE sst [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (n, (b"&lol%d;" % (n - 1) if n > 1 else b"&lol;") * 10)
        for n in range(1, 10)
    )
    + b"]>"
)


@pytest.mark.parametrize(
    ("part", "xml"),
    [
        (SHEET, sheet([b'<row><c t="inlineStr"><is><t>&secret;</t></is></c></row>'], doctype=XXE)),
        (
            STRINGS,
            XML_HEAD + LAUGHS + b"<sst " + MAIN + b"><si><t>&lol9;</t></si></sst>",
        ),
        (SHEET, sheet([b"<row><c><v>1</v></row>"])),  # a cell left open
        (SHEET, XML_HEAD + b"<worksheet " + MAIN + b"><sheetData><row>"),  # cut short
        (SHEET, sheet([b"<row>" + b"<c/>" * 70_000 + b"</row>"])),  # Excel has 16,384 columns
        (SHEET, sheet([], before_data=b"<x/>" * 100_001)),  # elements that are no rows
    ],
    ids=["xxe", "billion-laughs", "malformed", "truncated", "wide-row", "outside-rows"],
)
async def test_unsafe_or_malformed_xml_is_refused_with_a_message(client, world, part, xml) -> None:
    content = with_part(part, lambda target: target.write(xml))
    detail = refused(await send(client, world, content), "import_xlsx_damaged")
    assert "文件已损坏" in detail


async def test_a_file_that_only_starts_like_a_zip_is_not_an_xlsx(client, world) -> None:
    refused(await send(client, world, b"PK\x03\x04" + b"\x00" * 1000), "import_not_xlsx")


async def test_a_huge_sheet_that_declares_its_size_is_read_only_up_to_the_row_limit(
    client, world, monkeypatch
) -> None:
    monkeypatch.setattr(get_settings(), "import_max_compression_ratio", 10_000)
    claims = b'<dimension ref="A1:K1000001"/>'
    content = with_part(SHEET, lambda part: part.write(sheet([DATA_ROW] * 1_000_000, claims)))
    started = time.perf_counter()
    refused(await send(client, world, content), "import_too_many_rows")
    assert time.perf_counter() - started < 5  # 20,001 rows read, not a million


LIFTED = {"import_max_unpacked_mb": 1000, "import_max_compression_ratio": 10_000}


@pytest.mark.parametrize(
    ("lifted", "code"),
    [({}, "import_unpacked_too_large"), (LIFTED, "import_too_many_rows")],
    ids=["refused-from-its-zip", "size-checks-lifted-refused-while-its-rows-stream"],
)
async def test_health_answers_within_a_second_while_a_five_million_row_bomb_is_refused(
    client, world, bomb, monkeypatch, lifted, code
) -> None:
    """With the size checks lifted the bomb is streamed (in a worker thread) until its rows
    pass the limit; openpyxl never opens it (it would walk all 5 million rows, as the sheet does
    not declare its size)."""
    for name, value in lifted.items():
        monkeypatch.setattr(get_settings(), name, value)

    async def timed_health() -> tuple[int, float]:
        started = time.perf_counter()
        response = await client.get("/api/v1/health")
        return response.status_code, time.perf_counter() - started

    bomb_response, (health_status, health_seconds) = await asyncio.gather(
        send(client, world, bomb), timed_health()
    )
    refused(bomb_response, code)
    assert health_status == 200 and health_seconds < 1.0
