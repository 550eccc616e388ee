package org.switchboard.channels.pjsip;

import java.util.List;
import java.util.StringJoiner;
import org.switchboard.channels.pjsip.config.PjsipAor;
import org.switchboard.channels.pjsip.config.PjsipEndpoint;
import org.switchboard.core.AppArgs;
import org.switchboard.core.Channel;
import org.switchboard.core.DialplanFunction;
import org.switchboard.core.PbxLog;

/** PJSIP_DIAL_CONTACTS(endpoint[,aor[,request_user]]): a Dial string that rings every contact of an endpoint. */
public final class PjsipDialContactsFunction implements DialplanFunction {
    @Override public String name() { return "PJSIP_DIAL_CONTACTS"; }
    @Override public String synopsis() { return "Return a dial string for dialing all contacts on an AOR."; }
    @Override public String syntax() { return "PJSIP_DIAL_CONTACTS(endpoint[,aor[,request_user]])"; }

    @Override
    public String description() {
        return """
                Returns PJSIP/endpoint/sip:contact joined by '&' for every contact (static or
                registered) of the endpoint's aors, or only of the named aor; with request_user,
                each as PJSIP/request_user@endpoint/sip:contact. Empty when there is none.
                An unknown endpoint or aor: a warning and an empty string.""";
    }

    @Override
    public String read(Channel channel, String args) {
        List<String> a = AppArgs.split(args);
        String endpoint = AppArgs.arg(a, 0).strip();
        String aorName = AppArgs.arg(a, 1).strip();
        String user = AppArgs.arg(a, 2).strip();
        if (endpoint.isEmpty()) {
            PbxLog.warning("res_pjsip_dialplan_functions.c", "An endpoint name must be specified when using the 'PJSIP_DIAL_CONTACTS' dialplan function");
            return "";
        }
        PjsipModule m = PjsipModule.get(channel.pbx());
        if (m == null || m.stack() == null) return "";
        PjsipEndpoint e = m.settings().endpoint(endpoint);
        if (e == null) {
            PbxLog.warning("res_pjsip_dialplan_functions.c", "Specified endpoint '" + endpoint + "' was not found");
            return "";
        }
        List<PjsipContacts.Contact> contacts;
        if (aorName.isEmpty()) {
            contacts = PjsipContacts.of(m.stack(), m.settings(), e);
        } else {
            PjsipAor aor = m.settings().aor(aorName);
            if (aor == null) {
                PbxLog.warning("res_pjsip_dialplan_functions.c", "Specified AOR '" + aorName + "' was not found");
                return "";
            }
            contacts = PjsipContacts.ofAor(m.stack(), aor);
        }
        StringJoiner out = new StringJoiner("&");
        for (PjsipContacts.Contact c : contacts) {
            out.add("PJSIP/" + (user.isEmpty() ? "" : user + "@") + e.name() + "/" + c.uri());
        }
        return out.toString();
    }
}
