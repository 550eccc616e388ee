package org.switchboard.funcs;

import org.switchboard.core.Channel;

/** MAILBOX_EXISTS(mailbox[@context]): 1 when the voicemail box exists (deprecated for VM_INFO). */
public final class MailboxExistsFunction extends BaseFunction {
    private volatile boolean warned;

    public MailboxExistsFunction() {
        super("MAILBOX_EXISTS", "app_voicemail", "Tell if a mailbox is configured.", "MAILBOX_EXISTS(mailbox[@context])", """
                Gives 1 when the mailbox is in voicemail.conf, else 0. Deprecated: use
                VM_INFO(mailbox[@context],exists).""");
    }

    @Override
    public String read(Channel channel, String args) {
        if (!warned) {
            warned = true;
            warn("MAILBOX_EXISTS is deprecated and will be removed in a future release. Use VM_INFO(" + args + ",exists) instead.");
        }
        if (FuncArgs.isEmpty(args)) {
            warn("MAILBOX_EXISTS requires an argument (<mailbox>[@<context>])");
            return "0";
        }
        int at = args.indexOf('@');
        String box = at < 0 ? args : args.substring(0, at);
        String ctx = at < 0 ? "default" : args.substring(at + 1);
        return VmInfoFunction.mailbox(channel, box.strip(), ctx.strip()) == null ? "0" : "1";
    }
}
