package org.switchboard.apps;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.switchboard.core.AppArgs;
import org.switchboard.core.Application;
import org.switchboard.core.Bridge;
import org.switchboard.core.Channel;
import org.switchboard.core.ChannelState;
import org.switchboard.core.ChannelUnavailableException;
import org.switchboard.core.HangupCause;
import org.switchboard.core.PbxLog;

/** Dial(): call one or more destinations at once, bridge the caller with the first to answer. */
public final class DialApp implements Application {
    @Override public String name() { return "Dial"; }
    @Override public String synopsis() { return "Attempt to connect to another device or endpoint and bridge the call."; }
    @Override public String syntax() { return "Dial(Technology/Resource[&Technology2/Resource2[&...]][,timeout[,options[,URL]]])"; }

    @Override
    public String description() {
        return """
                Places calls to one or more destinations at once (separated by '&') and connects the
                caller to the first that answers; the others are hung up. The optional timeout is in
                seconds; without it Dial waits until someone answers or every destination fails.
                When Dial returns it sets:
                  DIALSTATUS     CHANUNAVAIL | CONGESTION | NOANSWER | BUSY | ANSWER | CANCEL | DONTCALL | TORTURE | INVALIDARGS
                  DIALEDTIME     seconds from the start of Dial to its end (DIALEDTIME_MS in ms)
                  ANSWEREDTIME   seconds the call was connected (ANSWEREDTIME_MS in ms)
                  DIALEDPEERNAME, DIALEDPEERNUMBER  the channel that answered
                Options:
                  g      go on in the dialplan when the called party hangs up
                  r      indicate ringing to the caller (otherwise ringing is passed on as it happens)
                  t, T   allow the called/calling party to transfer (accepted; no feature codes yet)
                  L(x[:y][:z])  limit the call to x ms
                  U(x[^arg...]) run subroutine x on the called channel after it answers, before the bridge
                  b(x[^arg...]) run subroutine x on each called channel before it is called
                  D([called][:calling])  once answered, send DTMF digits to the called party, then to
                         the caller, each as SendDTMF sends them (250 ms apart)
                  m      music on hold instead of ringing (accepted; ringing is indicated)
                Without g, the caller's dialplan ends when the bridged call ends.""";
    }

    @Override
    public Result execute(Channel caller, String data) {
        List<String> args = AppArgs.split(data);
        String targets = AppArgs.arg(args, 0).trim();
        if (targets.isEmpty()) {
            PbxLog.warning("app_dial.c", "Dial requires an argument (technology/resource)");
            caller.setVar("DIALSTATUS", "INVALIDARGS");
            return Result.CONTINUE;
        }
        // app_dial starts from empty results, so a second Dial never shows the first one's peer
        for (String v : new String[] {"DIALSTATUS", "DIALEDPEERNUMBER", "DIALEDPEERNAME", "ANSWEREDTIME", "DIALEDTIME"}) {
            caller.setVar(v, "");
        }
        long timeoutMs = parseTimeout(AppArgs.arg(args, 1));
        Map<Character, String> opts = AppArgs.options(AppArgs.arg(args, 2));
        long start = System.currentTimeMillis();
        DialOutcome outcome = new DialOutcome();
        List<Channel> called = new ArrayList<>();
        String[] lines = forks(caller, targets.split("&"));
        for (String target : lines) {
            Channel out = place(caller, target.trim(), timeoutMs, opts, outcome);
            if (out != null) called.add(out);
        }
        DialSession session = new DialSession(caller, called, outcome, opts);
        Channel winner = session.waitForAnswer(timeoutMs);
        if (winner == null) {
            finish(caller, outcome.status(lines.length, called.size()), start, 0);
            return caller.isHangupRequested() ? Result.HANGUP : Result.CONTINUE;
        }
        return connect(caller, winner, opts, start);
    }

    /** Each destination as its technology forks it ({@code PJSIP/alice} to every contact of alice). */
    private static String[] forks(Channel caller, String[] targets) {
        List<String> out = new ArrayList<>();
        for (String t : targets) {
            String target = t.trim();
            int slash = target.indexOf('/');
            org.switchboard.core.ChannelDriver d = slash <= 0 ? null : caller.pbx().modules().driver(target.substring(0, slash));
            if (d == null) {
                out.add(target);
                continue;
            }
            String tech = target.substring(0, slash);
            for (String r : d.forks(caller.pbx(), target.substring(slash + 1))) out.add(tech + "/" + r);
        }
        return out.toArray(String[]::new);
    }

    private static long parseTimeout(String t) {
        if (t.isBlank()) return 0;
        try {
            double s = Double.parseDouble(t.trim());
            return s > 0 ? (long) (s * 1000) : 0;
        } catch (NumberFormatException e) {
            PbxLog.warning("app_dial.c", "Invalid timeout specified: '" + t + "'. Setting timeout to infinite");
            return 0;
        }
    }

    /** Requests and calls one destination; counts why when it cannot. */
    private static Channel place(Channel caller, String target, long timeoutMs, Map<Character, String> opts, DialOutcome outcome) {
        int slash = target.indexOf('/');
        if (slash <= 0) {
            PbxLog.warning("app_dial.c", "Dial argument takes format (technology/resource)");
            outcome.count(HangupCause.CHAN_NOT_IMPLEMENTED);
            return null;
        }
        String tech = target.substring(0, slash);
        String resource = target.substring(slash + 1);
        Channel out;
        try {
            out = caller.pbx().requestChannel(tech, resource, caller);
        } catch (ChannelUnavailableException e) {
            PbxLog.warning("app_dial.c", "Unable to create channel of type '" + tech + "' (cause " + e.cause() + " - "
                    + HangupCause.describe(e.cause()) + ")");
            outcome.count(e.cause());
            caller.setHangupCause(e.cause());
            return null;
        }
        out.callerId().copyFrom(caller.callerId());
        caller.pbx().events().newCallerid(out);
        out.connectedLine().setNumber(caller.exten());
        out.setVar("DIALEDPEERNUMBER", resource);
        // b([[context^]exten^]priority[(arg1[^...])]): carets separate the location, unlike U()'s arguments
        if (opts.containsKey('b')) Subroutines.runCaretSpec(out, opts.get('b'));
        if (out.isHangupRequested()) {
            outcome.count(out.hangupCause());
            out.hangup();
            return null;
        }
        try {
            out.tech().call(out, resource, (int) Math.min(Integer.MAX_VALUE, timeoutMs));
        } catch (ChannelUnavailableException e) {
            PbxLog.verbose(3, "Couldn't call " + target);
            outcome.count(e.cause());
            out.setHangupCause(e.cause());
            out.hangup();
            return null;
        }
        out.setState(out.state() == ChannelState.DOWN ? ChannelState.RING : out.state());
        PbxLog.verbose(3, "Called " + target);
        if (caller.pbx().events().hasSubscribers()) {
            caller.pbx().events().publish(org.switchboard.core.ManagerEvent.of("DialBegin", "call").channel(caller)
                    .channel("Dest", out).put("DialString", resource).build());
        }
        return out;
    }

    /** app_dial's D(called:calling): digits to the called party, then to the caller, before the bridge. */
    private static void sendDigits(Channel caller, Channel peer, String spec) {
        String[] parts = (spec == null ? "" : spec).split(":", -1);
        String called = parts[0].trim(), calling = parts.length > 1 ? parts[1].trim() : "";
        if (!called.isEmpty()) {
            PbxLog.verbose(3, "Sending DTMF '" + called + "' to the called party.");
            SendDtmfApp.stream(caller, peer, called, 250, SendDtmfApp.MIN_DURATION_MS);
        }
        if (!calling.isEmpty() && !caller.isHangupRequested()) {
            PbxLog.verbose(3, "Sending DTMF '" + calling + "' to the calling party.");
            SendDtmfApp.stream(caller, caller, calling, 250, SendDtmfApp.MIN_DURATION_MS);
        }
    }

    private Result connect(Channel caller, Channel peer, Map<Character, String> opts, long start) {
        caller.setVar("DIALEDPEERNAME", peer.name());
        String number = peer.getVar("DIALEDPEERNUMBER");
        caller.setVar("DIALEDPEERNUMBER", number == null ? "" : number);
        if (opts.containsKey('U')) Subroutines.run(peer, opts.get('U'), "U");
        if (peer.isHangupRequested() || peer.isDestroyed()) {
            finish(caller, "ANSWER", start, 0);
            peer.hangup();
            return opts.containsKey('g') ? Result.CONTINUE : Result.HANGUP;
        }
        long answered = System.currentTimeMillis();
        Bridge.End end;
        try {
            caller.answer();
            caller.setVar("DIALSTATUS", "ANSWER");
            if (opts.containsKey('D')) sendDigits(caller, peer, opts.get('D'));
            end = Bridge.run(caller, peer, limit(opts.get('L')));
            if (end == Bridge.End.CALLER_HUNG_UP) {
                peer.softHangup(HangupCause.NORMAL_CLEARING);
            } else if (end == Bridge.End.PEER_HUNG_UP) {
                caller.setHangupCause(peer.hangupCause() == HangupCause.NOT_DEFINED ? HangupCause.NORMAL_CLEARING : peer.hangupCause());
            }
        } finally {
            peer.hangup();
        }
        finish(caller, "ANSWER", start, System.currentTimeMillis() - answered);
        // g: go on whenever the caller is still there (the peer hung up or the L() limit ran out)
        if (opts.containsKey('g') && end != Bridge.End.CALLER_HUNG_UP && !caller.isHangupRequested()) return Result.CONTINUE;
        return Result.HANGUP;
    }

    private static long limit(String spec) {
        if (spec == null || spec.isBlank()) return 0;
        try {
            return Long.parseLong(spec.split(":")[0].trim());
        } catch (NumberFormatException e) {
            PbxLog.warning("app_dial.c", "Limit specified as '" + spec + "' is not a number of milliseconds");
            return 0;
        }
    }

    private static void finish(Channel caller, String status, long start, long answeredMs) {
        long dialed = System.currentTimeMillis() - start;
        caller.setVar("DIALSTATUS", status);
        caller.setVar("DIALEDTIME", Long.toString(dialed / 1000));
        caller.setVar("DIALEDTIME_MS", Long.toString(dialed));
        caller.setVar("ANSWEREDTIME", Long.toString(answeredMs / 1000));
        caller.setVar("ANSWEREDTIME_MS", Long.toString(answeredMs));
    }
}
