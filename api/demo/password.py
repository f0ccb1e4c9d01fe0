"""The demo logins' password (README, SPEC §12): public by design, so valid in demo mode only.
A leaf module: the password policy refuses it elsewhere without importing the demo data."""

DEMO_PASSWORD = "demo-Password-1"
