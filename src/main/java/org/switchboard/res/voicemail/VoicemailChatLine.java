package org.switchboard.res.voicemail;

/**
 * The text a chat notice of a new message carries: app_voicemail's default pager body
 * ("New ${VM_DUR} long msg in box ${VM_MAILBOX} from ${VM_CALLERID}, on ${VM_DATE}") on one
 * line, with the words written out and the box's context named, e.g.
 * {@code New 0:05 long message in box 100@lmentinc from "Front Desk" <0000FFFF0001>, on Monday,
 * December 07, 2026 at 06:40:01 PM}.
 */
final class VoicemailChatLine {
    private VoicemailChatLine() {}

    static String of(NewVoicemails.Message m) {
        var message = VoicemailMailer.message(m.box(), m.base(), m.extension(), m.info(), null, "");
        var v = VoicemailEmail.variables(message);
        return "New " + v.get("VM_DUR") + " long message in box " + m.box().id() + " from " + v.get("VM_CALLERID")
                + ", on " + v.get("VM_DATE");
    }
}
