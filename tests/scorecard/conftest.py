from tests.orders.conftest import book

__all__ = ["book"]
