package org.switchboard.res.voicemail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.switchboard.config.Config;
import org.switchboard.config.ConfigEntry;
import org.switchboard.config.ConfigProblem;
import org.switchboard.config.ConfigSection;

/**
 * voicemail.conf as app_voicemail reads it: {@code [general]} settings, {@code [zonemessages]},
 * and every other section a mailbox context of {@code box => pin,full name,email,pager,options}
 * lines, options written {@code name=value|name=value}. A bad line is a {@code file:line} problem
 * and the rest loads. Pure: reads a parsed {@link Config}, no I/O.
 */
public final class VoicemailConfig {
    public static final String FILE = "voicemail.conf";
    /** Mailbox options app_voicemail knows (apply_option), plus ours: skype. */
    static final Set<String> OPTIONS = Set.of("attach", "attachfmt", "attachextension", "serveremail", "fromstring",
            "emailsubject", "emailbody", "language", "tz", "locale", "saycid", "cidinternalcontexts", "sayduration",
            "saydurationm", "dialout", "sendvoicemail", "review", "tempgreetwarn", "messagewrap", "operator",
            "envelope", "moveheard", "forcename", "forcegreetings", "callback", "exitcontext", "maxmsg", "maxsecs",
            "maxmessage", "minsecs", "minmessage", "volgain", "nextaftercmd", "backupdeleted", "delete", "alias",
            "imapuser", "imappassword", "imapfolder", "imapvmshareid", "passwordlocation", "hidefromdir",
            "skype");

    /** {@code skype=account/buddy}: where chat notices of new messages go (ours; chan_skype sends them). */
    private static final java.util.regex.Pattern SKYPE_TARGET = java.util.regex.Pattern.compile("[^/\\s]+/[^/\\s]+");

    private final Map<String, String> general = new LinkedHashMap<>();
    private final Map<String, String> zones = new LinkedHashMap<>();
    private final Map<String, Mailbox> boxes = new LinkedHashMap<>();
    private final Map<String, ConfigEntry> sources = new LinkedHashMap<>();
    private final List<ConfigProblem> problems = new ArrayList<>();

    private VoicemailConfig() {}

    /** What a PBX holds: voicemail.conf as read at load or the last reload (Asterisk reads it then too). */
    private static final class Current {
        volatile VoicemailConfig config;
    }

    /** This PBX's voicemail.conf, read once (at module load, reload, or first use); null without the file. */
    public static VoicemailConfig of(org.switchboard.core.Pbx pbx) {
        Current c = pbx.service(Current.class, p -> new Current());
        VoicemailConfig v = c.config;
        if (v == null && pbx.hasConfig(FILE)) v = reload(pbx);
        return v;
    }

    /** Reads voicemail.conf again for this PBX (module load and reload). */
    public static VoicemailConfig reload(org.switchboard.core.Pbx pbx) {
        VoicemailConfig v = pbx.hasConfig(FILE) ? from(pbx.config(FILE)) : null;
        pbx.service(Current.class, p -> new Current()).config = v;
        return v;
    }

    public static VoicemailConfig from(Config conf) {
        VoicemailConfig v = new VoicemailConfig();
        v.problems.addAll(conf.problems());
        for (ConfigSection s : conf.sections()) {
            if (s.isTemplate()) continue;
            String name = s.name().toLowerCase(Locale.ROOT);
            for (ConfigEntry e : s.entries()) {
                switch (name) {
                    case "general" -> v.general.put(e.key().toLowerCase(Locale.ROOT), e.value().strip());
                    case "zonemessages" -> v.zones.put(e.key(), e.value().strip());
                    default -> v.mailbox(s.name(), e);
                }
            }
        }
        return v;
    }

    private void mailbox(String context, ConfigEntry e) {
        String box = e.key().strip();
        String[] f = e.value().split(",", 5);
        String pin = f[0].strip();
        if (box.isEmpty()) {
            problems.add(new ConfigProblem(e.file(), e.line(), "a mailbox needs a number"));
            return;
        }
        if (pin.isEmpty()) {
            problems.add(new ConfigProblem(e.file(), e.line(), "mailbox " + box + "@" + context
                    + " has no PIN: VoiceMailMain lets anyone in without asking for one"));
        }
        Map<String, String> options = new LinkedHashMap<>();
        if (f.length > 4) {
            for (String opt : f[4].split("\\|")) {
                if (opt.isBlank()) continue;
                int eq = opt.indexOf('=');
                String k = (eq < 0 ? opt : opt.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
                if (eq < 0 || !OPTIONS.contains(k)) {
                    problems.add(new ConfigProblem(e.file(), e.line(), "mailbox " + box + "@" + context
                            + ": unknown option '" + opt.strip() + "' ignored"));
                    continue;
                }
                String value = opt.substring(eq + 1).strip();
                if (k.equals("skype") && !SKYPE_TARGET.matcher(value).matches()) {
                    problems.add(new ConfigProblem(e.file(), e.line(), "mailbox " + box + "@" + context + ": skype=" + value
                            + " must name a chan_skype.conf account and a buddy as account/buddy (skype=lmentinc/tfot.madsen); ignored"));
                    continue;
                }
                options.put(k, value);
            }
        }
        Mailbox m = new Mailbox(context, box, pin, part(f, 1), part(f, 2), part(f, 3),
                Collections.unmodifiableMap(options), this);
        boxes.put(m.id(), m);
        sources.put(m.id(), e);
    }

    private static String part(String[] f, int i) { return i < f.length ? f[i].strip() : ""; }

    /** A mailbox by number and context ("default" when null or empty), or null. */
    public Mailbox mailbox(String box, String context) {
        return boxes.get(box + "@" + (context == null || context.isEmpty() ? "default" : context));
    }

    /** The voicemail.conf line a mailbox was read from (file and line number). */
    public ConfigEntry source(Mailbox m) { return sources.get(m.id()); }

    public Map<String, Mailbox> mailboxes() { return Collections.unmodifiableMap(boxes); }
    public Map<String, String> general() { return Collections.unmodifiableMap(general); }
    public Map<String, String> zones() { return Collections.unmodifiableMap(zones); }
    public List<ConfigProblem> problems() { return List.copyOf(problems); }
}
