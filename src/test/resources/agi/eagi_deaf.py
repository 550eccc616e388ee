#!/usr/bin/python3
"""EAGI that never reads fd 3: waits, command after command, until the test says the flood is over."""
import time

from agi import command, environment

environment()
command("SET VARIABLE EAGI_READY 1")
while "(1)" not in command("GET VARIABLE FLOOD_DONE"):
    time.sleep(0.02)
