#!/usr/bin/python3
"""As hang.py, but ignores SIGHUP: only being killed ends it."""
import os
import signal
import time
import agi

signal.signal(signal.SIGHUP, signal.SIG_IGN)
env = agi.environment()
with open(env["agi_arg_1"], "w") as f:
    f.write(str(os.getpid()))
time.sleep(3600)
