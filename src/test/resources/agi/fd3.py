#!/usr/bin/python3
"""Says whether file descriptor 3 is open (it is only for EAGI)."""
import os

from agi import command, environment

environment()
try:
    os.fstat(3)
    state = "open"
except OSError:
    state = "closed"
command("SET VARIABLE FD3 " + state)
