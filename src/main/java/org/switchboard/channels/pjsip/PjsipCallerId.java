package org.switchboard.channels.pjsip;

import org.switchboard.channels.pjsip.config.PjsipIdentity;
import org.switchboard.channels.sip.message.Headers;
import org.switchboard.channels.sip.message.NameAddr;
import org.switchboard.channels.sip.message.SipRequest;

/**
 * res_pjsip_caller_id's headers: P-Asserted-Identity (RFC 3325 §9.1) and the older
 * Remote-Party-ID (draft-ietf-sip-privacy-04, still what many trunks send), read from a trusted
 * peer and written for one that asked for them.
 */
final class PjsipCallerId {
    private PjsipCallerId() {}

    /** The identity an INVITE asserts: P-Asserted-Identity first, else Remote-Party-ID; null when neither reads. */
    static NameAddr asserted(SipRequest invite) {
        for (String header : new String[] {"P-Asserted-Identity", "Remote-Party-ID"}) {
            String v = invite.headers().get(header);
            if (v == null || v.isBlank()) continue;
            try {
                // RFC 3325 §9.1: a list may carry a sip: and a tel: identity; the first is taken
                NameAddr a = NameAddr.parse(firstOf(v));
                if (a.uri() != null) return a;
            } catch (RuntimeException e) {
                // an unreadable header is no identity; From stays
            }
        }
        return null;
    }

    /** The first element of a comma-separated header value, commas inside quotes or angle brackets kept. */
    private static String firstOf(String v) {
        boolean quoted = false;
        int angle = 0;
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (ch == '"' && (i == 0 || v.charAt(i - 1) != '\\')) quoted = !quoted;
            else if (!quoted && ch == '<') angle++;
            else if (!quoted && ch == '>') angle--;
            else if (!quoted && angle == 0 && ch == ',') return v.substring(0, i).strip();
        }
        return v.strip();
    }

    /**
     * send_pai / send_rpid: the caller as {@code "name" <sip:number@domain>}; a restricted caller
     * is only sent to a peer trusted for it (trust_id_outbound), with Privacy: id (RFC 3325 §9.3).
     */
    static void addHeaders(PjsipIdentity id, String name, String number, String domain, boolean restricted, Headers.Builder h) {
        if (!id.sendPai() && !id.sendRpid()) return;
        if (restricted && !id.trustOutbound()) return;
        String display = name == null || name.isEmpty() ? "" : "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\" ";
        String addr = display + "<sip:" + number + "@" + domain + ">";
        if (id.sendPai()) {
            h.addLine("P-Asserted-Identity", addr);
            if (restricted) h.addLine("Privacy", "id");
        }
        if (id.sendRpid()) {
            h.addLine("Remote-Party-ID", addr + ";party=calling;privacy=" + (restricted ? "full" : "off") + ";screen=no");
        }
    }
}
