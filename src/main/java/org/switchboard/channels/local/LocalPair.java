package org.switchboard.channels.local;

import org.switchboard.core.Channel;
import org.switchboard.core.ChannelState;
import org.switchboard.core.ChannelTech;
import org.switchboard.core.ChannelUnavailableException;
import org.switchboard.core.Frame;
import org.switchboard.core.HangupCause;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;

/**
 * The two halves of one Local channel. What is written to one half is read on the other;
 * progress shown on {@code ;2} reaches whoever dialed {@code ;1}; hanging up either ends both.
 */
final class LocalPair {
    private final Pbx pbx;
    private final String exten;
    private final String context;
    private final Channel owner;   // ;1
    private final Channel chan;    // ;2
    private volatile boolean started; // ;2 runs its dialplan (else hanging up ;1 must destroy ;2 itself)

    LocalPair(Pbx pbx, String exten, String context, String options, Channel requestor) {
        this.pbx = pbx;
        this.exten = exten;
        this.context = context;
        String base = "Local/" + exten + "@" + context + "-" + pbx.channels().nextSuffix();
        this.owner = pbx.allocChannel(base + ";1", new Half(true), requestor);
        this.chan = pbx.allocChannel(base + ";2", new Half(false), null, owner.linkedId());
    }

    Channel owner() { return owner; }

    private Channel other(boolean isOwner) { return isOwner ? chan : owner; }

    private final class Half implements ChannelTech {
        private final boolean isOwner;

        Half(boolean isOwner) { this.isOwner = isOwner; }

        @Override
        public void call(Channel c, String destination, int timeoutMs) throws ChannelUnavailableException {
            if (!isOwner) throw new ChannelUnavailableException(HangupCause.FAILURE, "Cannot call the ;2 half of a Local channel");
            String cid = owner.callerId().number();
            if (pbx.dialplan().context(context) == null || !pbx.dialplan().exists(context, exten, 1, cid)) {
                PbxLog.notice("core_local.c", "No such extension/context " + exten + "@" + context + " while calling Local channel");
                throw new ChannelUnavailableException(HangupCause.NO_ROUTE_DESTINATION, "No such extension/context " + exten + "@" + context);
            }
            // core_local.c: the ;2 half gets every variable of ;1 (inherited ones keep their mark), and its caller ID
            owner.variables().snapshot().forEach((k, v) -> chan.variables().set(k, v));
            chan.callerId().copyFrom(owner.callerId());
            chan.connectedLine().copyFrom(owner.connectedLine());
            pbx.events().newCallerid(chan);
            chan.setLanguage(owner.language());
            chan.setAccountCode(owner.accountCode());
            chan.setState(ChannelState.RING);
            chan.setLocation(context, exten, 1);
            started = true;
            pbx.startPbx(chan);
        }

        @Override
        public void answer(Channel c) {
            other(isOwner).queueFrame(Frame.control(Frame.Control.ANSWER));
            if (!isOwner && owner.state() != ChannelState.UP) owner.setState(ChannelState.UP);
        }

        @Override
        public void write(Channel c, Frame frame) { other(isOwner).queueFrame(frame); }

        @Override
        public void indicate(Channel c, Frame.Control control) { other(isOwner).queueFrame(Frame.control(control)); }

        @Override
        public void hangup(Channel c) {
            Channel o = other(isOwner);
            if (o.hangupCause() == HangupCause.NOT_DEFINED) o.setHangupCause(c.hangupCause());
            if (isOwner) {
                if (started) o.softHangup(c.hangupCause());
                else o.hangup();
            } else {
                if (pbx.events().hasSubscribers()) {
                    pbx.events().publish(org.switchboard.core.ManagerEvent.of("HangupRequest", "call").channel(o)
                            .put("Cause", c.hangupCause()).build());
                }
                o.queueFrame(Frame.control(Frame.Control.HANGUP));
                o.softHangup(c.hangupCause());
            }
        }

        @Override
        public String peerDescription(Channel c) { return other(isOwner).name(); }
    }
}
