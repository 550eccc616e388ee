package org.switchboard.apps;

import org.switchboard.core.Channel;
import org.switchboard.core.PbxLog;

/**
 * Runs a Gosub on a channel that has no dialplan thread of its own (Dial's U() and b() hooks,
 * like ast_app_exec_sub): Gosub pushes a return address, the priorities run here until Return
 * pops it, then the channel's location is put back.
 */
final class Subroutines {
    private Subroutines() {}

    /** @param spec {@code [[context,]exten,]priority[^arg1[^...]]} as Dial's options write it */
    static void run(Channel c, String spec, String option) {
        if (spec == null || spec.isBlank()) {
            PbxLog.warning("app_dial.c", "Option " + option + " needs a subroutine location");
            return;
        }
        String target = spec;
        String args = "";
        int caret = spec.indexOf('^');
        if (caret >= 0) {
            target = spec.substring(0, caret);
            args = spec.substring(caret + 1).replace('^', ',');
        }
        runGosub(c, target + "(" + args + ")");
    }

    /**
     * ast_app_exec_sub with the location written as the Originate application's predial options
     * write it, {@code [[context^]exten^]priority[(arg1[^...])]}: every ^ becomes a comma.
     */
    static void runCaretSpec(Channel c, String spec) { runGosub(c, spec.replace('^', ',')); }

    /** Runs {@code Gosub(gosubData)} here until its Return, then puts the channel's location back. */
    private static void runGosub(Channel c, String gosubData) {
        String savedCtx = c.context();
        String savedExten = c.exten();
        int savedPrio = c.priority();
        try {
            c.pbx().runSubroutine(c, gosubData);
        } catch (org.switchboard.core.HangupException e) {
            // the called channel went away inside the subroutine; Dial sees it hung up next
        } finally {
            c.setLocation(savedCtx, savedExten, savedPrio);
        }
    }
}
