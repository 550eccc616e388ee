package org.switchboard.res.manager.actions;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.switchboard.core.Channel;
import org.switchboard.core.ChannelUnavailableException;
import org.switchboard.core.HangupException;
import org.switchboard.core.ManagerEvent;
import org.switchboard.core.ManagerReply;
import org.switchboard.core.ManagerRequest;
import org.switchboard.core.Originate;
import org.switchboard.core.Pbx;
import org.switchboard.dialplan.Dialplan;

/**
 * Originate: calls a channel and, when it answers, runs an extension or one application on it.
 * With {@code Async: true} the response comes at once and an {@code OriginateResponse} event
 * (carrying the ActionID) follows; without, the response waits for the outcome (manager.c
 * action_originate).
 */
public final class OriginateAction extends BaseAction {
    public OriginateAction() {
        super("Originate", "originate", "Originate a call.", """
                Action: Originate
                [ActionID: <value>]
                Channel: <Tech/data>
                [Exten: <exten>] [Context: <context>] [Priority: <priority or label>]
                [Application: <app>] [Data: <app data>]
                [Timeout: <ms, default 30000>] [CallerID: <"Name" <number>>]
                [Variable: <name=value>[,<name=value>...]]... [Account: <accountcode>]
                [Async: <true|false>]""", """
                Generates an outgoing call to a Extension/Context/Priority or Application/Data.
                Channel is called first; when it answers, the dialplan runs at Exten@Context:Priority
                or the Application runs with Data. Timeout is how long to wait for the answer, in
                milliseconds. Variable sets channel variables (name=value, several per line separated
                by commas, or several lines). With Async the response is sent at once and the outcome
                arrives as an OriginateResponse event with the same ActionID: Response Success or
                Failure, Reason 4 (answered), 5 (busy), 8 (congestion), 3 (no answer), 1 (hung up),
                0 (failed).""");
    }

    @Override
    public void execute(ManagerRequest request, ManagerReply reply) {
        Pbx pbx = request.pbx();
        String name = request.get("Channel");
        String exten = request.get("Exten");
        String context = request.get("Context");
        String priority = request.get("Priority");
        String app = request.get("Application");
        String data = request.get("Data", "");
        String timeoutText = request.get("Timeout");
        String callerId = request.get("CallerID");
        String account = request.get("Account");
        boolean async = isTrue(request.get("Async"));
        if (isBlank(name)) {
            reply.error("Channel not specified");
            return;
        }
        long timeout = 30_000;
        if (!isBlank(timeoutText)) {
            try {
                timeout = Long.parseLong(timeoutText.trim());
            } catch (NumberFormatException e) {
                reply.error("Invalid timeout");
                return;
            }
        }
        int prio = 1;
        if (!isBlank(priority)) {
            try {
                prio = Integer.parseInt(priority.trim());
            } catch (NumberFormatException e) {
                Dialplan.Found f = pbx.dialplan().findLabel(context == null ? "" : context, exten == null ? "" : exten, priority.trim(), null);
                if (f == null) {
                    reply.error("Invalid priority");
                    return;
                }
                prio = f.priority().number();
            }
        }
        if (name.indexOf('/') <= 0) {
            reply.error("Invalid channel");
            return;
        }
        boolean toApp = !isBlank(app);
        if (!toApp) {
            if (isBlank(exten) || isBlank(context)) {
                reply.error("Originate with 'Exten' requires 'Context' and 'Priority'");
                return;
            }
            if (!pbx.dialplan().exists(context, exten, prio, null)) {
                reply.error("Extension does not exist.");
                return;
            }
        } else if (!request.mayWrite("system") && containsShellApp(app, data)) {
            reply.error("Originate with certain 'Application' arguments requires the additional System privilege, which you do not have.");
            return;
        }
        Map<String, String> vars = new LinkedHashMap<>();
        for (String line : request.getAll("Variable")) {
            for (String pair : line.split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0) vars.put(pair.substring(0, eq).trim(), pair.substring(eq + 1));
            }
        }

        String actionId = request.get("ActionID");
        String ctx = toApp ? "" : context;
        String ext = toApp ? "" : exten;
        final int startPriority = prio;
        CompletableFuture<Integer> outcome = new CompletableFuture<>();
        Originate.Listener listener = (c, reason) -> {
            if (c != null && !isBlank(account)) c.setAccountCode(account.trim());
            if (async) publishResponse(pbx, actionId, reason, c, name, ctx, ext, app, data, callerId);
            outcome.complete(reason);
        };
        if (async) reply.success("Originate successfully queued");
        try {
            Originate.start(pbx, name.trim(), timeout, vars, callerId, listener, c -> {
                if (toApp) {
                    try {
                        pbx.execute(c, app, data);
                    } catch (HangupException e) {
                        // the far end went away while the app ran
                    } finally {
                        c.hangup();
                    }
                } else {
                    c.setLocation(context, exten, startPriority);
                    pbx.runPbx(c);
                }
            });
        } catch (ChannelUnavailableException e) {
            if (!outcome.isDone()) {
                if (async) publishResponse(pbx, actionId, Originate.REASON_FAILED, null, name, ctx, ext, app, data, callerId);
                outcome.complete(Originate.REASON_FAILED);
            }
        }
        if (async) return;
        int reason;
        try {
            reason = outcome.get(timeout + 5_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reason = Originate.REASON_FAILED;
        } catch (ExecutionException | TimeoutException e) {
            reason = Originate.REASON_FAILED;
        }
        if (reason == Originate.REASON_ANSWERED) reply.success("Originate successfully queued");
        else reply.error("Originate failed");
    }

    /** manager.c fast_originate: the event every call-class reader gets, with the requester's ActionID. */
    private static void publishResponse(Pbx pbx, String actionId, int reason, Channel c, String requested, String context,
                                        String exten, String app, String data, String callerId) {
        ManagerEvent.Builder b = ManagerEvent.of("OriginateResponse", "call");
        if (actionId != null && !actionId.isEmpty()) b.put("ActionID", actionId);
        String cidNum = "";
        String cidName = "";
        if (c != null) {
            cidNum = c.callerId().number();
            cidName = c.callerId().name();
        }
        b.put("Response", reason == Originate.REASON_ANSWERED ? "Success" : "Failure")
                .put("Channel", c != null ? c.name() : requested)
                .put("Context", context).put("Exten", exten).put("Application", app == null ? "" : app)
                .put("Data", app == null ? "" : data).put("Reason", reason)
                .put("Uniqueid", c != null ? c.uniqueId() : "<null>")
                .put("CallerIDNum", cidNum == null || cidNum.isEmpty() ? "<unknown>" : cidNum)
                .put("CallerIDName", cidName == null || cidName.isEmpty() ? "<unknown>" : cidName);
        pbx.events().publish(b.build());
    }

    private static boolean containsShellApp(String app, String data) {
        String a = app.toLowerCase(java.util.Locale.ROOT);
        String d = data == null ? "" : data.toLowerCase(java.util.Locale.ROOT);
        for (String bad : new String[] {"system", "exec", "eval", "shell"}) {
            if (a.contains(bad) || d.contains(bad)) return true;
        }
        return false;
    }
}
