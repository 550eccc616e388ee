#!/usr/bin/python3
"""Run in the h extension: what AGI allows on a hung-up channel."""
import agi

env = agi.environment()
stream = agi.command('STREAM FILE beep ""')
var = agi.command("GET VARIABLE GREETING")
agi.command("SET VARIABLE IN_H_STREAM " + agi.quote(stream))
agi.command("SET VARIABLE IN_H_GET " + agi.quote(var))
