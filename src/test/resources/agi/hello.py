#!/usr/bin/python3
"""Talks to the PBX as an AGI script does and leaves each answer in a channel variable."""
import agi

env = agi.environment()
answers = [
    agi.command("GET VARIABLE GREETING"),
    agi.command("SET VARIABLE FROM_SCRIPT " + agi.quote("set by python")),
    agi.command("DATABASE PUT agitest key1 value1"),
    agi.command("DATABASE GET agitest key1"),
    agi.command('STREAM FILE beep ""'),
    agi.command("GET FULL VARIABLE " + agi.quote("${GREETING}-${EXTEN}")),
    agi.command("GET VARIABLE NOT_SET_ANYWHERE"),
    agi.command("VERBOSE " + agi.quote("hello from python") + " 1"),
]
for i, a in enumerate(answers, 1):
    agi.command("SET VARIABLE R%d %s" % (i, agi.quote(a)))
for key in ("agi_request", "agi_channel", "agi_type", "agi_extension", "agi_context", "agi_priority",
            "agi_arg_1", "agi_arg_2", "agi_enhanced", "agi_version", "agi_callerid"):
    agi.command("SET VARIABLE ENV_%s %s" % (key.upper(), agi.quote(env.get(key, "(missing)"))))
