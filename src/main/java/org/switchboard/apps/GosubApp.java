package org.switchboard.apps;

import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.Channel.GosubFrame;
import org.switchboard.core.PbxLog;

/**
 * Gosub([[context,]exten,]priority[(arg1[,...][,argN])]): jump to a subroutine, saving the return
 * address on the channel's stack. Holds the stack rules app_stack shares: frames, ARGn/ARGC and
 * LOCAL() variables that hide the caller's values until Return.
 */
public final class GosubApp implements Application {
    /** Present once a channel has used Gosub (Asterisk's GOSUB datastore); Return and LOCAL() check for it. */
    static final Object STACK_KEY = new Object() {
        @Override public String toString() { return "GOSUB"; }
    };

    @Override public String name() { return "Gosub"; }
    @Override public String synopsis() { return "Jump to label, saving return address."; }
    @Override public String syntax() { return "Gosub([[context,]exten,]priority[(arg1[,...][,argN])])"; }

    @Override
    public String description() {
        return """
                Jumps to the location given as for Goto and remembers where it came from; Return
                comes back to the priority after the Gosub. Arguments in parentheses become ARG1,
                ARG2, ... and their number ARGC; they, and any variable set with LOCAL(), belong to
                this level: on Return the caller's values come back. Arguments the caller had that
                this call does not pass read as empty.
                A location that cannot be read, or that does not exist, is an error and ends the
                call.""";
    }

    @Override
    public Result execute(Channel channel, String data) {
        return gosub(channel, data, channel.priority() + 1, false) ? Result.CONTINUE : Result.HANGUP;
    }

    /**
     * gosub_exec: checks the destination, pushes a frame that returns to {@code returnPriority} of
     * the current extension, sets the arguments, jumps.
     *
     * @param special a frame whose Return ends the run of the routine (a subroutine run from code)
     * @return false after logging why, with the channel left where it was
     */
    static boolean gosub(Channel c, String data, int returnPriority, boolean special) {
        if (data == null || data.isEmpty()) {
            PbxLog.error("app_stack.c", "Gosub requires an argument: Gosub([[context,]exten,]priority[(arg1[,...][,argN])])");
            return false;
        }
        String label = data;
        List<String> args = List.of();
        int open = data.indexOf('(');
        if (open >= 0) {
            label = data.substring(0, open);
            String argText = data.substring(open + 1);
            int close = argText.lastIndexOf(')');
            if (close >= 0) {
                argText = argText.substring(0, close);
            } else {
                PbxLog.warning("app_stack.c", "Ouch.  No closing paren: '" + data + "'?");
            }
            args = AppSupport.separate(argText, ',', false, 100);
        }
        GotoApp.Target t = GotoApp.parse(c, label);
        if (t == null) {
            PbxLog.error("app_stack.c", "Gosub address is invalid: '" + data + "'");
            return false;
        }
        String destContext = t.contextOr(c);
        String destExten = t.extenOr(c);
        if (!AppSupport.exists(c, destContext, destExten, t.priority())) {
            PbxLog.error("app_stack.c", "Attempt to reach a non-existent destination for Gosub: (Context:" + destContext
                    + ", Extension:" + destExten + ", Priority:" + t.priority() + ")");
            return false;
        }
        if (c.datastore(STACK_KEY) == null) c.putDatastore(STACK_KEY, () -> { });
        Deque<GosubFrame> stack = c.gosubStack();
        // the caller's arguments are masked: ARGn it had beyond ours read as empty here
        int maxArgc = Math.max(argumentCount(stack.peek()), args.size());
        GosubFrame frame = new GosubFrame(c.context(), c.exten(), returnPriority, new LinkedHashMap<>(), special);
        for (int i = 0; i < maxArgc; i++) {
            setLocal(c, frame, "ARG" + (i + 1), i < args.size() ? args.get(i) : "");
        }
        setLocal(c, frame, "ARGC", Integer.toString(args.size()));
        stack.push(frame);
        c.jumpTo(destContext, destExten, t.priority());
        return true;
    }

    /** How many ARGn the frame set (ARG1..ARGn in a row). */
    static int argumentCount(GosubFrame frame) {
        if (frame == null) return 0;
        int n = 0;
        while (frame.savedLocals().containsKey("ARG" + (n + 1))) n++;
        return n;
    }

    /**
     * frame_set_var: the first time a frame sets a name, the caller's value (or its absence) is
     * kept to be restored on Return; the new value is a plain channel variable meanwhile.
     */
    public static void setLocal(Channel c, GosubFrame frame, String name, String value) {
        Map<String, String> saved = frame.savedLocals();
        if (!saved.containsKey(name)) saved.put(name, c.getVar(name));
        c.setVar(name, value);
        c.pbx().events().varSet(c, "LOCAL(" + name + ")", value == null ? "" : value);
    }

    /** gosub_release_frame: the caller's values of the frame's variables come back. */
    static void release(Channel c, GosubFrame frame) {
        for (Map.Entry<String, String> e : frame.savedLocals().entrySet()) {
            if (e.getValue() == null) {
                c.unsetVar(e.getKey());
            } else {
                c.variables().set(e.getKey(), e.getValue());
            }
        }
    }

    public static boolean hasStack(Channel c) { return c.datastore(STACK_KEY) != null; }
}
