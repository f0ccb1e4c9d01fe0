"""`python -m tests.scaling.frozen_server PORT`: the app under uvicorn, its scheduler on, its
clock starting at the suite's NOW (ticking), so a test can set up data relative to NOW and
watch real server processes act on it."""

import sys

import time_machine
import uvicorn

from tests.clock import NOW

if __name__ == "__main__":
    with time_machine.travel(NOW, tick=True):
        uvicorn.run("api.main:app", host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
