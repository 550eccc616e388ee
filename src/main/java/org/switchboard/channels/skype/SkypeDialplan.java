package org.switchboard.channels.skype;

import org.switchboard.core.Channel;
import org.switchboard.core.PbxLog;

/** What every Skype dialplan word does first: find the module and the account, check a buddy name. */
final class SkypeDialplan {
    private SkypeDialplan() {}

    /** The account the dialplan names ("" = the default one), or null after a warning. */
    static SkypeAccount account(String word, Channel c, String user) {
        SkypeModule m = c == null ? null : SkypeModule.get(c.pbx());
        if (m == null) {
            PbxLog.warning(SkypeModule.NAME, word + ": chan_skype is not running (no " + SkypeModule.CONF + " accounts)");
            return null;
        }
        SkypeAccount a = m.account(user);
        if (a == null) {
            PbxLog.warning(SkypeModule.NAME, word + ": no Skype account '" + (user == null || user.isBlank() ? "(default)" : user.trim())
                    + "' in " + SkypeModule.CONF);
        }
        return a;
    }

    /** The buddy's bare JID, or null after a warning when the name cannot be a buddy. */
    static String buddy(String word, SkypeAccount a, String buddy) {
        String jid = SkypeNames.bareJid(buddy, a.domain());
        if (jid == null) {
            PbxLog.warning(SkypeModule.NAME, word + ": invalid buddy name '" + buddy + "' (no spaces, '&' or control characters; "
                    + "a bare name or name@domain)");
        }
        return jid;
    }
}
