package org.switchboard.core;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Places a call from nowhere (CLI {@code channel originate}, AMI Originate): requests a channel,
 * calls it, and when it answers runs either dialplan or one application on it.
 */
public final class Originate {
    /** AMI OriginateResponse reasons (asterisk-java OriginateResponseEvent). */
    public static final int REASON_FAILED = 0;
    public static final int REASON_HANGUP = 1;
    public static final int REASON_RING_TIMEOUT = 3;
    public static final int REASON_ANSWERED = 4;
    public static final int REASON_BUSY = 5;
    public static final int REASON_CONGESTION = 8;

    /** What became of an originated call; delivered once. */
    public interface Listener { void done(Channel channel, int reason); }

    private Originate() {}

    public static Channel toExtension(Pbx pbx, String techData, String context, String exten, int priority, long timeoutMs,
                                      Map<String, String> vars, String callerId) throws ChannelUnavailableException {
        return start(pbx, techData, timeoutMs, vars, callerId, null, c -> {
            c.setLocation(context, exten, priority);
            PbxRunner.run(c);
        });
    }

    public static Channel toApplication(Pbx pbx, String techData, String app, String data, long timeoutMs,
                                        Map<String, String> vars, String callerId) throws ChannelUnavailableException {
        return start(pbx, techData, timeoutMs, vars, callerId, null, c -> {
            try {
                pbx.execute(c, app, data == null ? "" : data);
            } catch (HangupException e) {
                // the far end went away while the app ran
            } finally {
                c.hangup();
            }
        });
    }

    /**
     * Requests {@code Tech/data}, calls it, and on answer hands the channel to {@code onAnswer} on
     * the same virtual thread. Returns at once with the new channel.
     */
    public static Channel start(Pbx pbx, String techData, long timeoutMs, Map<String, String> vars, String callerId,
                                Listener listener, java.util.function.Consumer<Channel> onAnswer) throws ChannelUnavailableException {
        return start(pbx, techData, timeoutMs, vars, callerId, null, listener, onAnswer);
    }

    /**
     * As {@link #start(Pbx, String, long, Map, String, Listener, java.util.function.Consumer)}, with
     * {@code beforeCall} run on the new channel before it is called (the Originate application's
     * predial Gosub); a channel hung up by it is not called.
     */
    public static Channel start(Pbx pbx, String techData, long timeoutMs, Map<String, String> vars, String callerId,
                                java.util.function.Consumer<Channel> beforeCall, Listener listener,
                                java.util.function.Consumer<Channel> onAnswer) throws ChannelUnavailableException {
        int slash = techData.indexOf('/');
        if (slash <= 0) throw new ChannelUnavailableException(HangupCause.INVALID_NUMBER_FORMAT, "Channel must be Tech/data, got '" + techData + "'");
        String tech = techData.substring(0, slash);
        String data = techData.substring(slash + 1);
        Channel c = pbx.requestChannel(tech, data, null);
        if (callerId != null && !callerId.isBlank()) {
            c.callerId().setAll(callerId);
            pbx.events().newCallerid(c);
        }
        if (vars != null) vars.forEach((k, v) -> pbx.vars().set(c, k, v));
        if (beforeCall != null) beforeCall.accept(c);
        try {
            if (c.isHangupRequested()) throw new ChannelUnavailableException(c.hangupCause() == HangupCause.NOT_DEFINED ? HangupCause.NORMAL_CLEARING
                    : c.hangupCause(), "hung up before it was called");
            c.tech().call(c, data, (int) Math.min(Integer.MAX_VALUE, timeoutMs));
        } catch (ChannelUnavailableException e) {
            c.setHangupCause(e.cause());
            c.hangup();
            if (listener != null) listener.done(c, REASON_FAILED);
            throw e;
        }
        Thread.ofVirtual().name("originate-" + c.name()).start(PbxLog.carried(() -> {
            c.setPbxThread(Thread.currentThread());
            boolean handedOver = false;
            try {
                int reason = waitForAnswer(c, timeoutMs);
                if (listener != null) listener.done(c, reason);
                if (reason == REASON_ANSWERED) {
                    handedOver = true;
                    onAnswer.accept(c);
                }
            } catch (RuntimeException e) {
                PbxLog.error("pbx.c", "Originate on " + c.name() + " failed: " + e);
            } finally {
                if (!handedOver) {
                    c.setPbxThread(null);
                    c.hangup();
                }
            }
        }));
        return c;
    }

    private static int waitForAnswer(Channel c, long timeoutMs) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs <= 0 ? 30_000 : timeoutMs);
        boolean ringing = false;
        try {
            for (;;) {
                if (c.state() == ChannelState.UP) return REASON_ANSWERED;
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) return ringing ? REASON_RING_TIMEOUT : REASON_HANGUP;
                Frame f = c.read(Math.min(left, 1000));
                if (f instanceof Frame.ControlFrame cf) {
                    switch (cf.control()) {
                        case ANSWER -> { c.setState(ChannelState.UP); return REASON_ANSWERED; }
                        case RINGING -> ringing = true;
                        case BUSY -> { c.setHangupCause(HangupCause.USER_BUSY); return REASON_BUSY; }
                        case CONGESTION -> { c.setHangupCause(HangupCause.NORMAL_CIRCUIT_CONGESTION); return REASON_CONGESTION; }
                        default -> { }
                    }
                }
            }
        } catch (HangupException e) {
            return REASON_HANGUP;
        }
    }
}
