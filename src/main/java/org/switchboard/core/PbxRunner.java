package org.switchboard.core;

import org.switchboard.dialplan.Dialplan;

/**
 * Runs a channel's dialplan (Asterisk's __ast_pbx_run): priority after priority until an app
 * hangs up or the extension runs out, then the {@code h} extension, then the channel is destroyed.
 */
final class PbxRunner {
    private PbxRunner() {}

    static void run(Channel c) {
        Pbx pbx = c.pbx();
        c.setPbxThread(Thread.currentThread());
        pbx.callStarted();
        try {
            for (boolean first = true; ; first = false) {
                boolean woken = false;
                try {
                    runDialplan(pbx, c, first);
                } catch (HangupException e) {
                    // hung up while an app waited, or woken for one of the reasons below
                    woken = true;
                }
                if (c.takeAsyncGoto()) continue;   // redirected elsewhere, not hung up
                // TIMEOUT(absolute) expired: go on at T (or e), as __ast_pbx_run does
                if (c.takeAbsoluteTimeout()) {
                    if (toTimeoutHandler(pbx, c)) continue;
                    break;   // no T extension: the timeout hangs the channel up
                }
                // woken by a redirect whose target comes next round, or one taken already: go on
                if (woken && c.takeStaleWake()) continue;
                break;
            }
        } catch (RuntimeException e) {
            PbxLog.error("pbx.c", "Unexpected error running the dialplan on " + c.name() + ": " + e);
        } finally {
            runHangupHandler(pbx, c);
            c.setPbxThread(null);
            c.hangup();
            pbx.callEnded();
        }
    }

    private static void runDialplan(Pbx pbx, Channel c, boolean starting) {
        String cid = c.callerId().number();
        Dialplan dp = pbx.dialplan();
        if (starting && !dp.exists(c.context(), c.exten(), c.priority(), cid)) {
            if (dp.exists(c.context(), "s", 1, cid)) {
                PbxLog.verbose(2, "Starting " + c.name() + " at " + c.context() + "," + c.exten() + "," + c.priority()
                        + " failed so falling back to exten 's'");
                c.setLocation(null, "s", 1);
            } else if (!dp.exists(c.context(), c.exten(), 1, cid) && dp.exists("default", "s", 1, cid)) {
                PbxLog.verbose(2, "Starting " + c.name() + " at " + c.context() + "," + c.exten() + "," + c.priority()
                        + " still failed so falling back to context 'default'");
                c.setLocation("default", "s", 1);
            }
        }
        for (int n = 1; ; n++) {
            // virtual threads are not preempted: a dialplan that never blocks lets others run now and then
            if ((n & 0xFF) == 0) Thread.yield();
            dp = pbx.dialplan();
            Dialplan.Found f = dp.find(c.context(), c.exten(), c.priority(), c.callerId().number());
            if (f == null) {
                if (!fellOff(pbx, c, dp)) return;
                continue;
            }
            if (c.isHangupRequested()) throw new HangupException();
            Application.Result r = executePriority(pbx, c, f);
            if (r == Application.Result.HANGUP) {
                PbxLog.verbose(2, "Spawn extension (" + c.context() + ", " + c.exten() + ", " + c.priority()
                        + ") exited non-zero on '" + c.name() + "'");
                return;
            }
            if (!c.takeJumped()) c.setPriority(c.priority() + 1);
        }
    }

    static Application.Result executePriority(Pbx pbx, Channel c, Dialplan.Found f) {
        String appName = f.priority().application();
        String data = pbx.substitute(c, f.priority().data());
        Application app = pbx.modules().application(appName);
        if (app == null) {
            PbxLog.warning("pbx.c", "No application '" + appName + "' for extension (" + c.context() + ", " + c.exten()
                    + ", " + c.priority() + ")");
            return Application.Result.HANGUP;
        }
        if (PbxLog.isVerbose(3)) {
            PbxLog.verbose(3, "Executing [" + c.exten() + "@" + c.context() + ":" + c.priority() + "] " + app.name()
                    + "(\"" + c.name() + "\", \"" + data + "\") in new stack");
        }
        return pbx.execute(c, app, data);
    }

    /**
     * The priority does not exist. An extension that does not exist at all goes to {@code i} (or
     * {@code e}); one that simply ran out ends the call (autofallthrough).
     *
     * @return true to keep running from the new location
     */
    private static boolean fellOff(Pbx pbx, Channel c, Dialplan dp) {
        String cid = c.callerId().number();
        if (!dp.exists(c.context(), c.exten(), 1, cid)) {
            if (dp.exists(c.context(), "i", 1, cid)) {
                PbxLog.verbose(3, "Sent into invalid extension '" + c.exten() + "' in context '" + c.context() + "' on " + c.name());
                c.setVar("INVALID_EXTEN", c.exten());
                c.setLocation(null, "i", 1);
                return true;
            }
            if (dp.exists(c.context(), "e", 1, cid)) {
                raiseException(c, "INVALID");
                return true;
            }
            PbxLog.warning("pbx.c", "Channel '" + c.name() + "' sent to invalid extension but no invalid handler: context,exten,priority="
                    + c.context() + "," + c.exten() + "," + c.priority());
            return false;
        }
        String status = c.getVar("DIALSTATUS");
        PbxLog.verbose(3, "Auto fallthrough, channel '" + c.name() + "' status is '" + (status == null ? "UNKNOWN" : status) + "'");
        return false;
    }

    /**
     * Runs a subroutine to its Return on the calling thread (Dial's U/b hooks, ast_app_exec_sub):
     * Gosub pushes the return address, priorities run until the stack is back to where it was.
     */
    static void runSubroutine(Pbx pbx, Channel c, String gosubData) {
        int depth = c.gosubStack().size();
        if (pbx.execute(c, "Gosub", gosubData) == Application.Result.HANGUP || c.gosubStack().size() <= depth) return;
        c.takeJumped();
        while (c.gosubStack().size() > depth) {
            Dialplan.Found f = pbx.dialplan().find(c.context(), c.exten(), c.priority(), c.callerId().number());
            if (f == null) {
                PbxLog.warning("app_stack.c", "Subroutine on " + c.name() + " ran off the end at " + c.context() + ","
                        + c.exten() + "," + c.priority() + " without Return");
                break;
            }
            if (executePriority(pbx, c, f) == Application.Result.HANGUP) break;
            if (!c.takeJumped()) c.setPriority(c.priority() + 1);
        }
        c.takeJumped(); // Return's jump must not carry over to whoever runs this channel next
    }

    private static boolean toTimeoutHandler(Pbx pbx, Channel c) {
        Dialplan dp = pbx.dialplan();
        String cid = c.callerId().number();
        PbxLog.verbose(3, "Channel '" + c.name() + "' timed out (absolute timeout)");
        if (dp.exists(c.context(), "T", 1, cid)) {
            c.setLocation(null, "T", 1);
            return true;
        }
        if (dp.exists(c.context(), "e", 1, cid)) {
            raiseException(c, "ABSOLUTETIMEOUT");
            return true;
        }
        c.softHangup(HangupCause.NORMAL_CLEARING);
        return false;
    }

    /** Sends the channel to {@code e} with EXCEPTION(reason) set, as raise_exception does. */
    static void raiseException(Channel c, String reason) {
        c.setVar("EXCEPTION_REASON", reason);
        c.setVar("EXCEPTION_CONTEXT", c.context());
        c.setVar("EXCEPTION_EXTEN", c.exten());
        c.setVar("EXCEPTION_PRIORITY", Integer.toString(c.priority()));
        c.setLocation(null, "e", 1);
    }

    /** The {@code h} extension runs after the call, with the hangup request cleared. */
    private static void runHangupHandler(Pbx pbx, Channel c) {
        if (c.isDestroyed()) return;
        Dialplan dp = pbx.dialplan();
        String cid = c.callerId().number();
        if (c.exten().equals("h") || !dp.exists(c.context(), "h", 1, cid)) return;
        c.clearSoftHangup();
        c.setLocation(null, "h", 1);
        try {
            for (;;) {
                Dialplan.Found f = dp.find(c.context(), "h", c.priority(), cid);
                if (f == null) break;
                if (executePriority(pbx, c, f) == Application.Result.HANGUP) {
                    PbxLog.verbose(2, "Spawn extension (" + c.context() + ", h, " + c.priority() + ") exited non-zero on '" + c.name() + "'");
                    break;
                }
                if (!c.takeJumped()) c.setPriority(c.priority() + 1);
            }
        } catch (HangupException e) {
            // a second hangup while h ran ends it
        } catch (RuntimeException e) {
            PbxLog.error("pbx.c", "Unexpected error in h extension on " + c.name() + ": " + e);
        }
    }
}
