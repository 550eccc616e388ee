#!/usr/bin/python3
"""Writes its pid to the file agi_arg_1 names, then says nothing for ever (SIGHUP's default ends it)."""
import os
import time
import agi

env = agi.environment()
with open(env["agi_arg_1"], "w") as f:
    f.write(str(os.getpid()))
time.sleep(3600)
