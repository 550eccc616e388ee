package org.switchboard.res.voicemail;

import java.util.Map;

/**
 * One {@code box => pin,full name,email,pager,option=value|option=value} line of voicemail.conf.
 * Options are as written (lower-case names); {@link #option} falls back to {@code [general]}.
 */
public record Mailbox(String context, String box, String pin, String fullName, String email, String pager,
                      Map<String, String> options, VoicemailConfig config) {
    public String id() { return box + "@" + context; }

    /** A mailbox option, else the [general] one, else {@code dflt}. */
    public String option(String name, String dflt) {
        String v = options.get(name);
        if (v == null) v = config.general().get(name);
        return v == null ? dflt : v;
    }

    /** A yes/no option (ast_true), else {@code dflt}. */
    public boolean flag(String name, boolean dflt) {
        String v = option(name, null);
        return v == null ? dflt : MailboxFolder.isTrue(v);
    }

    public int intOption(String name, int dflt) {
        try {
            return Integer.parseInt(option(name, Integer.toString(dflt)).trim());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }
}
