"""Legacy imports (导入) as files: the list of imports, and one import's rows with the values
read from the file under the template's own headers."""

from collections.abc import Callable

from api.exporting import Column, Sheet
from api.imports.schemas import ImportPublic, ImportRowPublic
from api.imports.spreadsheet import COLUMNS

IMPORTS: Sheet[ImportPublic] = Sheet(
    "imports",
    [
        Column("文件名", "File", lambda i: i.filename),
        Column("代理商", "Agent", lambda i: i.agent.name),
        Column("上传人", "Uploaded by", lambda i: i.created_by.display_name),
        Column("状态", "Status", lambda i: i.status),
        Column("行数", "Rows", lambda i: i.row_count),
        Column("将创建", "To create", lambda i: i.ready_count),
        Column("冲突", "Conflicts", lambda i: i.conflict_count),
        Column("无效", "Invalid", lambda i: i.invalid_count),
        Column("已创建", "Created", lambda i: i.created_count),
        Column("错误", "Error", lambda i: i.error),
        Column("上传时间", "Uploaded at", lambda i: i.created_at),
        Column("提交时间", "Committed at", lambda i: i.committed_at),
    ],
)


def _value(key: str) -> Callable[[ImportRowPublic], str | None]:
    return lambda row: row.values.get(key)


IMPORT_ROWS: Sheet[ImportRowPublic] = Sheet(
    "import-rows",
    [
        Column("行号", "Row", lambda r: r.row_number),
        Column("状态", "Status", lambda r: r.status),
        *(Column(c.zh, c.en, _value(c.key)) for c in COLUMNS),
        Column("问题", "Problems", lambda r: [f"{x.field}: {x.code} {x.value}" for x in r.reasons]),
        Column("相似客户", "Similar customers", lambda r: [c.name for c in r.candidates]),
    ],
)
