package org.switchboard.channels.pjsip;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.switchboard.channels.sip.call.OutgoingHeaderEdits;
import org.switchboard.channels.sip.call.SipCall;
import org.switchboard.channels.sip.message.SipRequest;
import org.switchboard.core.AppArgs;
import org.switchboard.core.Channel;
import org.switchboard.core.DialplanFunction;
import org.switchboard.core.PbxLog;

/**
 * PJSIP_HEADER(action,name[,number]) (res_pjsip_header_funcs): {@code read} a header of the INVITE
 * that began the call; {@code add}, {@code update} and {@code remove} headers of the INVITE the
 * channel is about to send, which is why they belong in a pre-dial handler on the dialled channel
 * ({@code Dial(PJSIP/bob,,b(handler^s^1))}). Bad use is a log line and an empty result.
 */
public final class PjsipHeaderFunction implements DialplanFunction {
    private static final String LOG = "res_pjsip_header_funcs.c";
    /** RFC 3261 §25.1: a header name is a token. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9.!%*_+`'~-]+");

    @Override public String name() { return "PJSIP_HEADER"; }
    @Override public String synopsis() { return "Gets headers from an inbound PJSIP channel. Adds, updates or removes the specified SIP header from an outbound PJSIP channel."; }
    @Override public String syntax() { return "PJSIP_HEADER(action,name[,number])"; }

    @Override
    public String description() {
        return """
                action:
                  read    the value of header name (its number-th occurrence, 1 by default) of the
                          INVITE that began the call; empty when it is not there
                  add     Set(PJSIP_HEADER(add,name)=value): one more header for the outgoing INVITE
                  update  Set(PJSIP_HEADER(update,name[,number])=value): changes a header added before
                  remove  Set(PJSIP_HEADER(remove,name)=): drops the headers added with that name
                          (name* drops every one starting with name); read, it gives how many went
                add, update and remove act on the dialled channel: use them in Dial's b() pre-dial
                handler. Any other action, a missing name or a channel that is not PJSIP: an error
                line and an empty result.""";
    }

    private record Args(String action, String name, int number) {}

    /** The arguments, or null after an error line. */
    private static Args parse(Channel c, String args) {
        if (c == null) return null;
        List<String> a = AppArgs.separate(args == null ? "" : args, ',', true, 3);
        String action = AppArgs.arg(a, 0) == null ? "" : AppArgs.arg(a, 0).strip().toLowerCase(Locale.ROOT);
        String name = AppArgs.arg(a, 1) == null ? "" : AppArgs.arg(a, 1).strip();
        if (action.isEmpty()) {
            PbxLog.error(LOG, "This function requires an action.");
            return null;
        }
        if (!List.of("read", "add", "update", "remove").contains(action)) {
            PbxLog.error(LOG, "Unknown action '" + action + "' is not valid, must be 'add', 'update', 'remove', or 'read'.");
            return null;
        }
        if (name.isEmpty()) {
            PbxLog.error(LOG, "This function requires a header name.");
            return null;
        }
        if (!(c.tech() instanceof SipCall call) || !call.stack().technology().equals("PJSIP")) {
            PbxLog.error(LOG, "This function requires a PJSIP channel.");
            return null;
        }
        int number = 1;
        String n = AppArgs.arg(a, 2);
        if (n != null && !n.isBlank()) {
            try {
                number = Integer.parseInt(n.strip());
            } catch (NumberFormatException e) {
                number = 0;
            }
            if (number < 1) {
                PbxLog.error(LOG, "Invalid number '" + n.strip() + "': a header occurrence counts from 1.");
                return null;
            }
        }
        return new Args(action, name, number);
    }

    @Override
    public String read(Channel c, String args) {
        Args a = parse(c, args);
        if (a == null) return "";
        switch (a.action()) {
            case "read" -> {
                SipRequest invite = ((SipCall) c.tech()).initialRequest();
                if (invite == null) return "";
                List<String> values = invite.headers().getAll(a.name());
                return a.number() <= values.size() ? values.get(a.number() - 1) : "";
            }
            case "remove" -> {
                PjsipHeaderEdits edits = edits(c, false);
                return Integer.toString(edits == null ? 0 : edits.remove(a.name()));
            }
            default -> {
                PbxLog.error(LOG, "'" + a.action() + "' sets a header: use Set(PJSIP_HEADER(" + a.action() + "," + a.name() + ")=value).");
                return "";
            }
        }
    }

    @Override public boolean writable() { return true; }

    @Override
    public void write(Channel c, String args, String value) {
        Args a = parse(c, args);
        if (a == null) return;
        String v = value == null ? "" : value;
        if (!a.action().equals("remove") && !TOKEN.matcher(a.name()).matches()) {
            PbxLog.error(LOG, "'" + a.name() + "' is not a SIP header name; not added.");
            return;
        }
        if (v.indexOf('\r') >= 0 || v.indexOf('\n') >= 0) {
            PbxLog.error(LOG, "The value for header '" + a.name() + "' has a line break; not added.");
            return;
        }
        switch (a.action()) {
            case "add" -> edits(c, true).add(a.name(), v);
            case "update" -> {
                PjsipHeaderEdits edits = edits(c, false);
                if (edits == null || !edits.update(a.name(), a.number(), v)) {
                    PbxLog.error(LOG, "There was no header named " + a.name() + ".");
                }
            }
            case "remove" -> {
                PjsipHeaderEdits edits = edits(c, false);
                if (edits != null) edits.remove(a.name());
            }
            default -> PbxLog.error(LOG, "'read' cannot be set: use ${PJSIP_HEADER(read," + a.name() + ")}.");
        }
    }

    private static PjsipHeaderEdits edits(Channel c, boolean create) {
        OutgoingHeaderEdits e = c.datastore(OutgoingHeaderEdits.class);
        if (e instanceof PjsipHeaderEdits p) return p;
        if (!create) return null;
        PjsipHeaderEdits p = new PjsipHeaderEdits();
        c.putDatastore(OutgoingHeaderEdits.class, p);
        return p;
    }
}
