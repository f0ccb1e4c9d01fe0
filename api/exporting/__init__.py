"""Every list as .xlsx or CSV (issue 12 §4): a list route keeps its query and says what the
file shows of an item (columns.py), the labels of codes are in one place (labels.py), and
stream.py reads the list in chunks and streams it."""

from api.exporting.columns import Column, Expanded, Sheet, Table
from api.exporting.stream import DOWNLOADS, answer_list, answer_page, export_items

__all__ = [
    "DOWNLOADS",
    "Column",
    "Expanded",
    "Sheet",
    "Table",
    "answer_list",
    "answer_page",
    "export_items",
]
