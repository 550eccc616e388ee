package org.switchboard.apps;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.switchboard.core.Channel;
import org.switchboard.core.Frame;
import org.switchboard.core.HangupCause;
import org.switchboard.core.ManagerEvent;
import org.switchboard.core.PbxLog;

/**
 * Waits for the called channels of one Dial (app_dial's wait_for_answer): passes ringing and
 * progress to the caller, drops destinations that are busy or fail, and returns the first to answer.
 */
final class DialSession {
    private record Item(Channel from, Frame frame) {}

    private final Channel caller;
    private final List<Channel> outgoing;
    private final DialOutcome outcome;
    private final Map<Character, String> opts;
    private final LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private boolean ringingSent;

    DialSession(Channel caller, List<Channel> outgoing, DialOutcome outcome, Map<Character, String> opts) {
        this.caller = caller;
        this.outgoing = new ArrayList<>(outgoing);
        this.outcome = outcome;
        this.opts = opts;
    }

    /** @return the answered channel, or null (DIALSTATUS then comes from {@link DialOutcome#status()}) */
    Channel waitForAnswer(long timeoutMs) {
        for (Channel out : outgoing) out.setFrameListener(f -> queue.offer(new Item(out, f)));
        if (opts.containsKey('r') || opts.containsKey('m')) {
            caller.indicate(Frame.Control.RINGING);
            ringingSent = true;
        }
        long deadline = timeoutMs > 0 ? System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs) : Long.MAX_VALUE;
        try {
            while (!outgoing.isEmpty()) {
                // frames that already came first: an answer queued just before the callee hung up is an answer
                for (Item early; (early = queue.poll()) != null; ) {
                    Channel winner = handle(early);
                    if (winner != null) return answered(winner);
                }
                if (outgoing.isEmpty()) break;
                if (caller.isHangupRequested()) return cancel();
                for (Channel out : List.copyOf(outgoing)) {
                    // hung up by someone else (CLI, AMI) while it rang: its frames may never come
                    if (out.isHangupRequested() || out.isDestroyed()) {
                        drop(out, out.hangupCause() == HangupCause.NOT_DEFINED ? HangupCause.NORMAL_CLEARING : out.hangupCause(), "CHANUNAVAIL");
                    }
                }
                if (outgoing.isEmpty()) break;
                discardCallerMedia();
                long left = deadline == Long.MAX_VALUE ? TimeUnit.SECONDS.toNanos(1) : deadline - System.nanoTime();
                if (left <= 0) {
                    PbxLog.verbose(3, "Nobody picked up in " + timeoutMs + " ms");
                    outcome.timedOut = true;
                    hangupAll(null, HangupCause.NO_ANSWER);
                    return null;
                }
                Item it;
                try {
                    it = queue.poll(Math.min(left, TimeUnit.SECONDS.toNanos(1)), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    continue;   // a wake-up: the loop head looks at what changed
                }
                if (it == null) continue;
                Channel winner = handle(it);
                if (winner != null) return answered(winner);
            }
            PbxLog.verbose(2, "Everyone is busy/congested at this time (" + outcome.total() + ":" + outcome.busy + "/"
                    + outcome.congestion + "/" + outcome.nochan + ")");
            return null;
        } finally {
            for (Channel out : outgoing) out.setFrameListener(null);
        }
    }

    private Channel answered(Channel winner) {
        winner.setFrameListener(null);
        hangupAll(winner, HangupCause.ANSWERED_ELSEWHERE);
        dialEnd(winner, "ANSWER");
        return winner;
    }

    /** wait_for_answer reads and drops the caller's audio while it rings, so none piles up for the bridge. */
    private void discardCallerMedia() {
        try {
            while (caller.poll() != null) {
                // dropped: DTMF features while dialing are not supported yet
            }
        } catch (org.switchboard.core.HangupException e) {
            // the loop head sees the hangup
        }
    }

    private Channel cancel() {
        outcome.cancelled = true;
        hangupAll(null, HangupCause.NORMAL_CLEARING);
        return null;
    }

    private Channel handle(Item it) {
        Channel out = it.from();
        if (!outgoing.contains(out)) return null;
        if (it.frame() instanceof Frame.ControlFrame cf) {
            switch (cf.control()) {
                case ANSWER -> {
                    PbxLog.verbose(3, out.name() + " answered " + caller.name());
                    return out;
                }
                case RINGING -> {
                    PbxLog.verbose(3, out.name() + " is ringing");
                    if (!ringingSent) {
                        caller.indicate(Frame.Control.RINGING);
                        ringingSent = true;
                    }
                }
                case PROGRESS -> {
                    PbxLog.verbose(3, out.name() + " is making progress passing it to " + caller.name());
                    caller.indicate(Frame.Control.PROGRESS);
                }
                case PROCEEDING -> PbxLog.verbose(3, out.name() + " is proceeding passing it to " + caller.name());
                case BUSY -> {
                    PbxLog.verbose(3, out.name() + " is busy");
                    drop(out, HangupCause.USER_BUSY, "BUSY");
                }
                case CONGESTION -> {
                    PbxLog.verbose(3, out.name() + " is circuit-busy");
                    drop(out, HangupCause.NORMAL_CIRCUIT_CONGESTION, "CONGESTION");
                }
                case HANGUP -> {
                    int cause = out.hangupCause() == HangupCause.NOT_DEFINED ? HangupCause.NORMAL_CLEARING : out.hangupCause();
                    drop(out, cause, cause == HangupCause.USER_BUSY ? "BUSY" : "CHANUNAVAIL");
                }
                default -> { }
            }
        }
        // media and DTMF before answer (early media) go to the caller as they come
        else if (it.frame() instanceof Frame.VoiceFrame) {
            caller.write(it.frame());
        }
        return null;
    }

    private void drop(Channel out, int cause, String status) {
        outgoing.remove(out);
        outcome.count(cause);
        out.setFrameListener(null);
        out.setHangupCause(cause);
        dialEnd(out, status);
        out.hangup();
    }

    private void hangupAll(Channel except, int cause) {
        for (Channel out : outgoing) {
            if (out == except) continue;
            out.setFrameListener(null);
            out.setHangupCause(cause);
            dialEnd(out, outcome.cancelled ? "CANCEL" : "NOANSWER");
            out.hangup();
        }
        outgoing.clear();
    }

    private void dialEnd(Channel out, String status) {
        if (!caller.pbx().events().hasSubscribers()) return;
        caller.pbx().events().publish(ManagerEvent.of("DialEnd", "call").channel(caller).channel("Dest", out)
                .put("DialStatus", status).build());
    }
}
