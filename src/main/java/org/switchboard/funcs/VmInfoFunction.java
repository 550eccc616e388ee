package org.switchboard.funcs;

import java.util.Locale;
import org.switchboard.core.Channel;
import org.switchboard.res.voicemail.Mailbox;
import org.switchboard.res.voicemail.VoicemailConfig;
import org.switchboard.res.voicemail.VoicemailSpool;

/** VM_INFO(mailbox[@context],attribute[,folder]): a voicemail box's settings and counts (app_voicemail). */
public final class VmInfoFunction extends BaseFunction {
    public VmInfoFunction() {
        super("VM_INFO", "app_voicemail", "Returns the selected attribute from a mailbox.",
                "VM_INFO(mailbox[@context],attribute[,folder])", """
                Attributes: count (messages in folder, INBOX unless given), exists (1 or 0), email,
                fullname, language, locale, pager, password, tz. The context is 'default' when
                not given. A mailbox that does not exist gives 0 for exists and nothing else.""");
    }

    @Override
    public String read(Channel channel, String args) {
        String[] a = FuncArgs.standard(args, 3);
        if (FuncArgs.isEmpty(a[0]) || FuncArgs.isEmpty(a[1])) {
            warn("VM_INFO requires an argument (<mailbox>[@context],attribute[,folder])");
            return "";
        }
        int at = a[0].indexOf('@');
        String box = at < 0 ? a[0] : a[0].substring(0, at);
        String ctx = at < 0 ? "default" : a[0].substring(at + 1);
        Mailbox m = mailbox(channel, box, ctx);
        String attr = a[1].strip().toLowerCase(Locale.ROOT);
        if (attr.equals("exists")) return m == null ? "0" : "1";
        if (m == null) return "";
        return switch (attr) {
            case "count" -> Integer.toString(VoicemailSpool.of(channel.pbx()).count(m, FuncArgs.isEmpty(a[2]) ? "INBOX" : a[2]));
            case "email" -> m.email();
            case "fullname" -> m.fullName();
            case "pager" -> m.pager();
            case "password" -> m.pin();
            case "language" -> m.option("language", channel.language());
            case "locale" -> m.option("locale", "");
            case "tz" -> m.option("tz", "");
            default -> {
                warn("Unknown attribute '" + a[1] + "' for VM_INFO");
                yield "";
            }
        };
    }

    static Mailbox mailbox(Channel channel, String box, String ctx) {
        VoicemailConfig cfg = channel == null ? null : VoicemailConfig.of(channel.pbx());
        return cfg == null ? null : cfg.mailbox(box, ctx);
    }
}
