package org.switchboard.channels.skype;

import org.switchboard.core.Channel;
import org.switchboard.core.ChannelDriver;
import org.switchboard.core.ChannelUnavailableException;
import org.switchboard.core.HangupCause;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;

/**
 * {@code Skype/buddy} and {@code Skype/user@buddy} in Dial and Originate: picks the account,
 * refuses at once what cannot ring (account logged out, buddy known offline, a stranger under
 * authpolicy=deny, no free license), takes a license and makes the channel
 * {@code Skype/<user>@<buddy>-<8 hex>}; {@link SkypeOutgoingCall} calls.
 */
public final class SkypeChannelDriver implements ChannelDriver {
    @Override public String technology() { return "Skype"; }
    @Override public String description() { return "Skype calls (XMPP Jingle, DTLS-SRTP)"; }

    @Override
    public Channel request(Pbx pbx, String data, Channel requestor) throws ChannelUnavailableException {
        SkypeModule m = SkypeModule.get(pbx);
        if (m == null) throw new ChannelUnavailableException(HangupCause.CHAN_NOT_IMPLEMENTED, "chan_skype is not running");
        SkypeDialString d;
        try {
            d = SkypeDialString.parse(data, m.config());
        } catch (IllegalArgumentException e) {
            throw new ChannelUnavailableException(HangupCause.INVALID_NUMBER_FORMAT, e.getMessage());
        }
        SkypeAccount a = m.account(d.account());
        if (a == null) throw unavailable(HangupCause.SUBSCRIBER_ABSENT, data, "no Skype account to call from");
        String bare = SkypeNames.bareJid(d.buddy(), a.domain());
        if (bare == null) throw new ChannelUnavailableException(HangupCause.INVALID_NUMBER_FORMAT, "Skype/" + data + ": '" + d.buddy() + "' is not a buddy name");
        if (!a.isLoggedIn()) throw unavailable(HangupCause.SUBSCRIBER_ABSENT, data, "account '" + a.name() + "' is not logged in");
        switch (a.reach(bare)) {
            case OFFLINE -> throw unavailable(HangupCause.SUBSCRIBER_ABSENT, data, a.display(bare) + " is offline");
            case NOT_A_BUDDY -> throw unavailable(HangupCause.SUBSCRIBER_ABSENT, data,
                a.display(bare) + " is not a buddy of '" + a.name() + "' (authpolicy=deny)");
            case OK -> { }
        }
        if (!m.licenses().acquire()) {
            PbxLog.warning(SkypeAccount.LOG, "Skype call to " + a.display(bare) + " refused: all " + m.licensed()
                + " Skype licenses are in use (licenses=" + m.licensed() + " in chan_skype.conf)");
            throw new ChannelUnavailableException(HangupCause.REQUESTED_CHAN_UNAVAIL, "no free Skype license");
        }
        SkypeOutgoingCall call = new SkypeOutgoingCall(m, a, bare, SkypeIds.sid());
        Channel c = pbx.allocChannel("Skype/" + a.name() + "@" + a.display(bare) + "-" + pbx.channels().nextSuffix(), call, requestor);
        call.attach(c, requestor);
        return c;
    }

    private static ChannelUnavailableException unavailable(int cause, String data, String why) {
        PbxLog.verbose(3, "Unable to call Skype/" + data + ": " + why);
        return new ChannelUnavailableException(cause, "Unable to call Skype/" + data + ": " + why);
    }
}
