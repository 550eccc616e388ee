package org.switchboard.channels.pjsip;

import java.util.List;
import org.switchboard.core.AppArgs;
import org.switchboard.core.Channel;
import org.switchboard.core.DialplanFunction;
import org.switchboard.core.PbxLog;

/**
 * What PJSIP_ENDPOINT, PJSIP_AOR and PJSIP_CONTACT share: {@code (id,field)} arguments, the running
 * module, and res_pjsip's warnings for a missing object or an unknown field (an empty result).
 */
abstract class PjsipObjectFunction implements DialplanFunction {
    static final String LOG = "res_pjsip/pjsip_configuration.c";
    private final String kind;

    PjsipObjectFunction(String kind) { this.kind = kind; }


    /** The field's value, or null when the object has no such field; {@code object} is what {@link #find} gave. */
    abstract String field(PjsipModule m, Object object, String field);

    /** The object named {@code id}, or null. */
    abstract Object find(PjsipModule m, String id);

    @Override
    public final String read(Channel c, String args) {
        List<String> a = AppArgs.separate(args == null ? "" : args, ',', true, 2);
        String id = AppArgs.arg(a, 0) == null ? "" : AppArgs.arg(a, 0).strip();
        String field = AppArgs.arg(a, 1) == null ? "" : AppArgs.arg(a, 1).strip();
        if (id.isEmpty()) {
            PbxLog.warning(LOG, "Cannot call " + name() + " without a " + kind + " name to query");
            return "";
        }
        if (field.isEmpty()) {
            PbxLog.warning(LOG, "Cannot call " + name() + " with an empty field name to query");
            return "";
        }
        PjsipModule m = c == null ? null : PjsipModule.get(c.pbx());
        if (m == null || m.stack() == null) {
            PbxLog.warning(LOG, "chan_pjsip is not running");
            return "";
        }
        Object o = find(m, id);
        if (o == null) {
            PbxLog.warning(LOG, "Failed to retrieve information for " + kind + " '" + id + "'");
            return "";
        }
        String v = field(m, o, field);
        if (v == null) {
            PbxLog.warning(LOG, "Unknown property '" + field + "' for PJSIP " + kind);
            return "";
        }
        return v;
    }

    /** Sorcery's words for a boolean. */
    static String bool(boolean b) { return b ? "true" : "false"; }

    static String orEmpty(Object o) { return o == null ? "" : o.toString(); }
}
