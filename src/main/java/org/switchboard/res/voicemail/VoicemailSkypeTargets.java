package org.switchboard.res.voicemail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.switchboard.config.Config;
import org.switchboard.config.ConfigEntry;
import org.switchboard.config.ConfigProblem;
import org.switchboard.config.ConfigSection;

/**
 * voicemail.conf's {@code skype=account/buddy} checked against chan_skype.conf: every section
 * there but {@code [general]} (and templates) is an account, as chan_skype reads it. A box naming
 * an account that is not there (or with no chan_skype.conf at all) is a {@code voicemail.conf:line}
 * problem: its notices would wait in the queue for a login that never comes. Pure: no I/O.
 */
final class VoicemailSkypeTargets {
    static final String SKYPE_CONF = "chan_skype.conf";

    private VoicemailSkypeTargets() {}

    /** {@code skype} is chan_skype.conf as read, or null when there is none. */
    static List<ConfigProblem> problems(VoicemailConfig voicemail, Config skype) {
        Set<String> accounts = new TreeSet<>();
        if (skype != null) {
            for (ConfigSection s : skype.sections()) {
                if (!s.isTemplate() && !s.name().equalsIgnoreCase("general")) accounts.add(s.name().toLowerCase(Locale.ROOT));
            }
        }
        List<ConfigProblem> out = new ArrayList<>();
        for (Mailbox m : voicemail.mailboxes().values()) {
            String target = m.options().get("skype");
            if (target == null) continue;
            String account = target.substring(0, target.indexOf('/'));
            if (accounts.contains(account.toLowerCase(Locale.ROOT))) continue;
            ConfigEntry e = voicemail.source(m);
            out.add(new ConfigProblem(e.file(), e.line(), "mailbox " + m.id() + ": skype=" + target + " names account '"
                    + account + "', which " + (skype == null ? "has no " + SKYPE_CONF + " to be in" : "is not in " + SKYPE_CONF
                    + (accounts.isEmpty() ? "" : " (its accounts: " + String.join(", ", accounts) + ")"))
                    + "; its chat notices would never be sent"));
        }
        return out;
    }
}
