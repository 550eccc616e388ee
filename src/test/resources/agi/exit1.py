#!/usr/bin/python3
"""Answers one command, then exits with status 1."""
import sys
import agi

agi.environment()
agi.command("NOOP")
sys.exit(1)
