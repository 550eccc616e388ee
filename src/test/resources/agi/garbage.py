#!/usr/bin/python3
"""Sends lines that are not AGI commands, reads each answer, then reports the answer codes."""
import agi

agi.environment()
codes = []
for line in ["HELLO WORLD", "\x01\x02\x7f binary \xff", "", "GET", "stream", "STREAM FILE", '"unclosed quote',
             "SAY NUMBER notanumber 1", "   ", "NOOP"]:
    codes.append(agi.command(line).split("\n")[0][:4].strip())
agi.command("SET VARIABLE GARBAGE " + agi.quote(",".join(codes)))
