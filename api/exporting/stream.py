"""Every list's `format=xlsx|csv`: the route's own page query (its filters, sort and role scope)
read in chunks of CHUNK_ROWS and streamed, so 100,000 rows take no more memory than 1,000.

The first chunk is read in the request's session, so a refusal (a hidden customer: 404) is an
answer as usual; the rest, after the route returned and its session closed, in a read-only
session of its own that sees one snapshot. At `export_max_rows` the file ends with a row that
says it was cut."""

from collections.abc import AsyncIterator, Awaitable
from dataclasses import dataclass
from typing import Any, Generic, Literal, Protocol, TypeVar

from fastapi import Request, Response
from fastapi.responses import StreamingResponse
from starlette.concurrency import iterate_in_threadpool, run_in_threadpool

from api.config import get_settings
from api.db import AsyncSession, snapshot_session
from api.exporting.columns import Table
from api.kit.clock import today
from api.kit.export import XLSX_TYPE, CsvStream, ExportFormat, XlsxStream, attachment
from api.kit.messages import language, translate
from api.kit.pagination import Page, PageParams

T = TypeVar("T")


class Fetch(Protocol[T]):
    """A page of the list, read in the session given (the route's own query)."""

    def __call__(self, session: AsyncSession, page: PageParams, /) -> Awaitable[Page[T]]: ...


Writer = CsvStream | XlsxStream

CHUNK_ROWS = 1000
# The OpenAPI document's word for a list route that also answers with a file.
DOWNLOADS: dict[int | str, dict[str, Any]] = {200: {"content": {"text/csv": {}, XLSX_TYPE: {}}}}


async def answer_page(
    request: Request,
    session: AsyncSession,
    page: PageParams,
    format: ExportFormat,
    sheet: Table[T],
    fetch: Fetch[T],
) -> Page[T] | Response:
    """A paged list route's answer: `fetch` of the page as JSON, or of the whole list as a file."""
    if format == "json":
        return await fetch(session, page)
    return await _export(request, session, format, sheet, fetch)


async def answer_list(
    request: Request,
    session: AsyncSession,
    format: ExportFormat,
    sheet: Table[T],
    items: list[T],
) -> list[T] | Response:
    """An unpaged list route's answer: `items` as JSON, or as a file."""
    if format == "json":
        return items
    return await export_items(request, session, format, sheet, items)


async def export_items(
    request: Request,
    session: AsyncSession,
    format: Literal["xlsx", "csv"],
    sheet: Table[T],
    items: list[T],
) -> Response:
    """A list already read (a computed table such as the forecast) as a file."""

    async def fetch(_: AsyncSession, page: PageParams) -> Page[T]:
        return Page(items=items[page.offset : page.offset + page.limit], total=len(items))

    return await _export(request, session, format, sheet, fetch)


async def _export(
    request: Request,
    session: AsyncSession,
    format: Literal["xlsx", "csv"],
    sheet: Table[T],
    fetch: Fetch[T],
) -> StreamingResponse:
    lang, cap = language(request), get_settings().export_max_rows
    items, more = await _chunk(fetch, session, 0, cap)
    first = sheet.table(items, lang)
    headers = sheet.headers(lang)
    writer = (
        XlsxStream(sheet.name, headers, first[:100]) if format == "xlsx" else CsvStream(headers)
    )
    rest = _Rest(sheet, fetch, lang, cap, offset=len(items), more=more)
    name = f"{sheet.name}-{today().isoformat()}.{format}"
    return StreamingResponse(
        _body(writer, first, rest), media_type=writer.media_type, headers=attachment(name)
    )


async def _chunk(
    fetch: Fetch[T], session: AsyncSession, offset: int, cap: int
) -> tuple[list[T], bool]:
    """Up to CHUNK_ROWS items from `offset`, never past the cap, and whether more follow (one
    item more is asked for: no count, no extra query)."""
    want = min(CHUNK_ROWS, cap - offset)
    page = await fetch(session, PageParams(limit=want + 1, offset=offset, counted=False))
    return page.items[:want], len(page.items) > want


@dataclass
class _Rest(Generic[T]):
    """The chunks after the first: how they are read and written, and where the next starts."""

    sheet: Table[T]
    fetch: Fetch[T]
    lang: str
    cap: int
    offset: int
    more: bool

    async def tables(self) -> AsyncIterator[list[list[Any]]]:
        if not (self.more and self.offset < self.cap):
            return
        async with snapshot_session() as session:
            while self.more and self.offset < self.cap:
                items, self.more = await _chunk(self.fetch, session, self.offset, self.cap)
                self.offset += len(items)
                yield await run_in_threadpool(self.sheet.table, items, self.lang)


async def _body(writer: Writer, first: list[list[Any]], rest: _Rest[Any]) -> AsyncIterator[bytes]:
    if data := await run_in_threadpool(writer.add, first):
        yield data
    async for table in rest.tables():
        if data := await run_in_threadpool(writer.add, table):
            yield data
    if rest.more:  # the cap was reached with rows left
        yield writer.add([[translate("export_cut", rest.lang, rows=rest.cap)]])
    async for block in iterate_in_threadpool(writer.finish()):
        yield block
