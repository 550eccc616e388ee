#!/usr/bin/python3
"""Waits for a digit until the caller hangs up, then talks on: what a dead channel still allows."""
import signal
import time
import agi

got = []
signal.signal(signal.SIGHUP, lambda signum, frame: got.append("yes"))
agi.environment()
wait = agi.command("WAIT FOR DIGIT -1")
for _ in range(50):  # the signal may come just after the answer
    if got:
        break
    time.sleep(0.1)
stream = agi.command('STREAM FILE beep ""')
agi.command("SET VARIABLE WAIT_ANSWER " + agi.quote(wait))
agi.command("SET VARIABLE DEAD_ANSWER " + agi.quote(stream))
agi.command("SET VARIABLE GOT_SIGHUP " + ("yes" if got else "no"))
