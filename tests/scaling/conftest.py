"""The real SMTP server of the email tests, for the emails the two processes send."""

from tests.notifications.mail import smtp

__all__ = ["smtp"]
