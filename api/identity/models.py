from sqlmodel import Field, SQLModel


class CustomerNameGram(SQLModel, table=True):
    """Character bigrams of each name's core: an index that finds similar names among 100,000
    customers without comparing against all of them."""

    __tablename__ = "customer_name_gram"

    customer_id: int = Field(foreign_key="customer.id", primary_key=True, ondelete="CASCADE")
    gram: str = Field(max_length=8, primary_key=True, index=True)
