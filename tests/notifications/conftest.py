from tests.notifications.mail import smtp

__all__ = ["smtp"]
