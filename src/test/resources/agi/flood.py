#!/usr/bin/python3
"""Writes a megabyte without a line feed, then waits for ever."""
import sys
import time
import agi

agi.environment()
sys.stdout.write("x" * (1 << 20))
sys.stdout.flush()
time.sleep(3600)
