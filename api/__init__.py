"""ChannelDesk (渠道通) API."""

__version__ = "0.1.0"
