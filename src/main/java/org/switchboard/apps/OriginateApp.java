package org.switchboard.apps;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.switchboard.core.AppArgs;
import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.ChannelUnavailableException;
import org.switchboard.core.HangupException;
import org.switchboard.core.Originate;
import org.switchboard.core.PbxLog;

/** Originate(tech_data,type,arg1[,arg2[,arg3[,timeout[,options]]]]): place a call and connect it to dialplan or an application (app_originate). */
public final class OriginateApp implements Application {
    private static final String STATUS = "ORIGINATE_STATUS";

    @Override public String name() { return "Originate"; }
    @Override public String synopsis() { return "Originate a call."; }
    @Override public String syntax() { return "Originate(tech_data,type,arg1[,arg2[,arg3[,timeout[,options]]]])"; }

    @Override
    public String description() {
        return """
                Calls tech_data (e.g. SIP/1234) and, once it answers, runs on it either the
                dialplan (type exten: arg1 context, arg2 extension, default s, arg3 priority,
                default 1) or one application (type app: arg1 the application, arg2 its data).
                It waits until the call answers or fails (timeout seconds, default 30) unless 'a'
                is given. Missing or wrong arguments are an error and end this call, as in Asterisk.
                Options:
                  a               do not wait: go on as soon as the call is placed
                  b([[context^]exten^]priority[(arg1[^...])])  Gosub on the new channel before
                                  it is called
                  B([[context^]exten^]priority[(arg1[^...])])  Gosub on this channel before the
                                  call is placed
                  C(codecs)       accepted; the channel's own codecs are used
                  c(number)       caller ID number of the new channel (default this channel's)
                  n(name)         caller ID name of the new channel (default this channel's)
                  v(var=value^var2=value2)  variables set on the new channel
                Sets ORIGINATE_STATUS: SUCCESS (answered, or placed with 'a'), FAILED, BUSY,
                CONGESTION, HANGUP (no answer, or the far end hung up), RINGING (it rang until the
                timeout), UNKNOWN.""";
    }

    @Override
    public Result execute(Channel c, String data) {
        if (AppSupport.isEmpty(data)) return invalid(c, "Originate() requires arguments");
        List<String> args = AppSupport.separate(data, ',', true, 7);
        if (args.size() < 3) return invalid(c, "Incorrect number of arguments");
        long timeoutSec = 30;
        String timeoutArg = AppSupport.arg(args, 5);
        if (!AppSupport.isEmpty(timeoutArg)) {
            Integer t = AppSupport.leadingInt(timeoutArg);
            if (t == null || timeoutArg.strip().startsWith("-")) {
                PbxLog.notice("app_originate.c", "Invalid timeout: '" + timeoutArg + "'. Setting timeout to 30 seconds");
            } else {
                timeoutSec = t;
            }
        }
        String techData = AppSupport.arg(args, 0);
        int slash = techData.indexOf('/');
        if (slash <= 0 || slash == techData.length() - 1) return invalid(c, "Channel Tech/Data invalid: '" + techData + "'");
        Map<Character, String> opts = AppSupport.isEmpty(AppSupport.arg(args, 6)) ? Map.of() : AppArgs.options(AppSupport.arg(args, 6));
        if (!AppSupport.isEmpty(opts.get('B'))) Subroutines.runCaretSpec(c, opts.get('B'));
        String type = AppSupport.arg(args, 1);
        boolean exten = "exten".equalsIgnoreCase(type);
        if (!exten && !"app".equalsIgnoreCase(type)) return invalid(c, "Incorrect type, it should be 'exten' or 'app': " + type);
        String cidNum = opts.containsKey('c') ? (opts.get('c').isEmpty() ? c.callerId().number() : opts.get('c')) : null;
        String cidName = opts.containsKey('n') ? (opts.get('n').isEmpty() ? c.callerId().name() : opts.get('n')) : null;
        Map<String, String> vars = new LinkedHashMap<>();
        if (!AppSupport.isEmpty(opts.get('v'))) {
            for (String pair : opts.get('v').split("\\^")) {
                int eq = pair.indexOf('=');
                vars.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
            }
        }
        String arg1 = AppSupport.arg(args, 2), arg2 = AppSupport.arg(args, 3);
        int priority = 1;
        if (exten && args.size() == 5) {
            Integer p = AppSupport.leadingInt(AppSupport.arg(args, 4));
            if (p == null) return invalid(c, "Invalid priority: '" + AppSupport.arg(args, 4) + "'");
            priority = p;
        }
        String extension = exten && args.size() == 3 ? "s" : arg2;
        int prio = priority;
        Consumer<Channel> onAnswer = exten
                ? out -> {
                    out.setLocation(arg1, extension, prio);
                    out.pbx().runPbx(out);
                }
                : out -> {
                    try {
                        out.pbx().execute(out, arg1, arg2 == null ? "" : arg2);
                    } catch (HangupException e) {
                        // the far end went away while the application ran
                    } finally {
                        out.hangup();
                    }
                };
        String calleeSub = opts.get('b');
        Consumer<Channel> beforeCall = out -> {
            if (cidNum != null) out.callerId().setNumber(cidNum);
            if (cidName != null) out.callerId().setName(cidName);
            if (cidNum != null || cidName != null) out.pbx().events().newCallerid(out);
            if (!AppSupport.isEmpty(calleeSub)) Subroutines.runCaretSpec(out, calleeSub);
        };
        CompletableFuture<Integer> outcome = new CompletableFuture<>();
        try {
            Originate.start(c.pbx(), techData, timeoutSec * 1000, vars, null, beforeCall, (out, reason) -> outcome.complete(reason), onAnswer);
        } catch (ChannelUnavailableException e) {
            c.setVar(STATUS, "FAILED");
            return Result.CONTINUE;
        }
        if (opts.containsKey('a')) {
            c.setVar(STATUS, "SUCCESS");
            return Result.CONTINUE;
        }
        c.setVar(STATUS, status(await(c, outcome)));
        return Result.CONTINUE;
    }

    /** Waits for the call's outcome; this channel's hangup ends the wait (the call placed goes on). */
    private static int await(Channel c, CompletableFuture<Integer> outcome) {
        CompletableFuture<Void> woken = new CompletableFuture<>();
        try (AutoCloseable hook = c.onWake(() -> woken.complete(null))) {
            CompletableFuture<Object> either = CompletableFuture.anyOf(outcome, woken);
            for (;;) {
                if (outcome.isDone()) return outcome.join();
                c.checkHangup();
                try {
                    either.get(1, TimeUnit.SECONDS);
                } catch (TimeoutException | ExecutionException e) {
                    // look again
                } catch (InterruptedException e) {
                    // never how the PBX wakes a channel
                }
            }
        } catch (HangupException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String status(int reason) {
        return switch (reason) {
            case Originate.REASON_ANSWERED -> "SUCCESS";
            case Originate.REASON_BUSY -> "BUSY";
            case Originate.REASON_CONGESTION -> "CONGESTION";
            case Originate.REASON_HANGUP -> "HANGUP";
            case Originate.REASON_RING_TIMEOUT -> "RINGING";
            case Originate.REASON_FAILED -> "FAILED";
            default -> {
                PbxLog.warning("app_originate.c", "Unknown originate status result of '" + reason + "'");
                yield "UNKNOWN";
            }
        };
    }

    /** Arguments that stop Originate before it dials: ORIGINATE_STATUS FAILED and, as in Asterisk, the call ends. */
    private static Result invalid(Channel c, String error) {
        PbxLog.error("app_originate.c", error);
        c.setVar(STATUS, "FAILED");
        return Result.HANGUP;
    }
}
