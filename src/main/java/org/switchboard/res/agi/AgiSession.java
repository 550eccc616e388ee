package org.switchboard.res.agi;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.switchboard.core.Channel;
import org.switchboard.core.Frame;
import org.switchboard.core.HangupCause;
import org.switchboard.core.HangupException;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;
import org.switchboard.res.agi.commands.AgiCommand;
import org.switchboard.res.agi.commands.AgiCommandTable;
import org.switchboard.res.agi.commands.AgiContext;
import org.switchboard.res.agi.commands.AgiResult;

/**
 * One AGI conversation on a channel (res_agi's run_agi), on the channel's own thread: the
 * program's commands come in through an inbox, each is answered in Asterisk's words, and a
 * hangup (or redirect) wakes the wait through {@link Channel#onWake}. While no command runs the
 * channel's frames are read and dropped, as Asterisk's idle loop does, so nothing piles up.
 */
final class AgiSession implements AgiContext {
    static final String INVALID = "510 Invalid or unknown command";
    static final String NOT_ON_DEAD = "511 Command Not Permitted on a dead channel or intercept routine";
    static final String USAGE_START = "520-Invalid command syntax.  Proper usage follows:";
    static final String USAGE_END = "520 End of proper usage.";
    static final String NO_USAGE = "520 Invalid command syntax.  Proper usage not available.";
    static final int INBOX_CAPACITY = 64;

    private final Channel channel;
    private final AgiPeer peer;
    private final Agi agi;
    private final AgiSettings settings;
    private final String appData;
    /** Bounded: a program that sends faster than it is answered waits (see {@link AgiStreamReader}). */
    private final BlockingQueue<AgiInput> inbox = new LinkedBlockingQueue<>(INBOX_CAPACITY);
    private final java.util.concurrent.atomic.AtomicBoolean watchdog = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile boolean finished;
    private final Consumer<Frame> idleFrames;
    private boolean dead;
    private final boolean startedDead;
    private boolean peerGone;
    private AgiStatus status = AgiStatus.SUCCESS;

    AgiSession(Channel channel, AgiPeer peer, String appData) {
        this.channel = channel;
        this.peer = peer;
        this.agi = Agi.of(channel.pbx());
        this.settings = agi.settings();
        this.appData = appData;
        this.dead = isDead(channel);
        this.startedDead = dead;
        this.idleFrames = f -> {
            if (f instanceof Frame.VoiceFrame v) peer.audio(v);   // EAGI: the caller's audio on fd 3
            // a technology that only queues HANGUP still ends the call here, as a read would
            if (f instanceof Frame.ControlFrame cf && cf.control() == Frame.Control.HANGUP && !channel.isHangupRequested()) {
                channel.softHangup(HangupCause.NORMAL_CLEARING);
            }
        };
    }

    @Override public Channel channel() { return channel; }
    @Override public Pbx pbx() { return channel.pbx(); }
    /** The channel was hung up (before or during the session): only dead-safe commands run. */
    @Override public boolean dead() { return dead; }
    /** AGI()'s argument text, which VERBOSE prints as Asterisk prints the channel's app data. */
    @Override public String appData() { return appData; }

    /**
     * A channel counts as hung up when a hangup is pending or it runs its {@code h} extension
     * (Asterisk runs h with the hangup still flagged; here the flag is cleared for h to run).
     */
    static boolean isDead(Channel c) {
        return c.isHangupRequested() || c.isDestroyed() || "h".equals(c.exten());
    }

    /** Runs the conversation to its end and says how it ended. */
    AgiStatus run(String environment) {
        boolean sighup = !isFalse(variable("AGISIGHUP"));
        boolean exitOnHangup = isTrue(variable("AGIEXITONHANGUP"));
        boolean hangupSeen = false;
        long hangupDeadline = 0;
        try (AutoCloseable wake = channel.onWake(this::woken)) {
            debugTx(peer.begin(inbox, agi.readers(), environment));
            loop:
            for (;;) {
                if (!dead && channel.isHangupRequested()) {
                    dead = true;
                    hangupSeen = true;
                    if (status == AgiStatus.SUCCESS) status = AgiStatus.HANGUP;
                    if (sighup) debugTx(String.valueOf(peer.hangupNotice()));
                    if (exitOnHangup || !peer.readTimeoutApplies()) break;
                    hangupDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.hangupGraceMs());
                }
                long waitMs = hangupSeen ? Math.max(0, TimeUnit.NANOSECONDS.toMillis(hangupDeadline - System.nanoTime()))
                        : peer.readTimeoutApplies() && settings.readTimeoutMs() > 0 ? settings.readTimeoutMs() : -1;
                AgiInput in = next(waitMs);
                switch (in) {
                    case null -> {
                        timedOut(hangupSeen, waitMs);
                        break loop;
                    }
                    case AgiInput.Wake w -> { }
                    case AgiInput.Ended e -> {
                        ended(e);
                        break loop;
                    }
                    case AgiInput.Command cmd -> {
                        if (!handle(cmd)) break loop;
                    }
                }
            }
        } catch (IOException e) {
            PbxLog.warning("res_agi.c", "AGI on " + channel.name() + " could not start with " + peer.describe() + ": " + e.getMessage());
            status = AgiStatus.FAILURE;
        } catch (Exception e) {
            PbxLog.error("res_agi.c", "AGI on " + channel.name() + " with " + peer.describe() + " failed: " + e);
            status = AgiStatus.FAILURE;
        }
        finished = true;
        if (!peer.finish(sighup) && status == AgiStatus.SUCCESS) status = AgiStatus.FAILURE;
        return status;
    }

    /**
     * The channel was woken (on the waking thread: signal only). Past the hangup grace, a session
     * still running (stuck writing to a program that reads nothing) has its program ended.
     */
    private void woken() {
        inbox.offer(AgiInput.WAKE);   // a full inbox is fine: the loop looks at the channel before each input
        if (!startedDead && channel.isHangupRequested() && watchdog.compareAndSet(false, true)) {
            channel.pbx().scheduler().schedule(() -> {
                if (!finished) peer.abort();
            }, settings.hangupGraceMs() + 1000, TimeUnit.MILLISECONDS);
        }
    }

    /** The next input, waiting at most {@code waitMs} (negative: no limit); null when the time is up. */
    private AgiInput next(long waitMs) {
        long deadline = waitMs < 0 ? Long.MAX_VALUE : System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs);
        // frames that came between commands (a digit pressed after GET DATA had enough) are
        // dropped, as Asterisk's idle loop reads and drops them
        channel.setFrameListener(idleFrames);
        try {
            AgiInput in = inbox.poll();
            if (in != null) return in;
            for (;;) {
                try {
                    return deadline == Long.MAX_VALUE ? inbox.take()
                            : inbox.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    // wake-ups come through the inbox; an interrupt is not one, so the wait goes on
                }
            }
        } finally {
            channel.setFrameListener(null);
        }
    }

    private void timedOut(boolean afterHangup, long waitMs) {
        if (afterHangup) {
            PbxLog.notice("res_agi.c", "AGI " + peer.describe() + " on " + channel.name() + " still running "
                    + settings.hangupGraceMs() + " ms after the hangup: ending it");
            return;
        }
        PbxLog.warning("res_agi.c", "AGI " + peer.describe() + " on " + channel.name() + " sent no command for "
                + waitMs + " ms (agi.conf readtimeout): ending it");
        status = AgiStatus.FAILURE;
    }

    private void ended(AgiInput.Ended e) {
        switch (e.reason()) {
            case CLOSED -> PbxLog.verbose(3, "<" + channel.name() + ">AGI Script " + peer.describe()
                    + " completed, returning " + status.code());
            case LINE_TOO_LONG -> {
                PbxLog.limited(PbxLog.Level.WARNING, "res_agi.c", peer.describe(), "AGI " + peer.describe() + " on "
                        + channel.name() + " sent a line longer than " + settings.maxLineBytes() + " bytes: ending it");
                status = AgiStatus.FAILURE;
            }
            case READ_FAILED -> {
                PbxLog.warning("res_agi.c", "AGI " + peer.describe() + " on " + channel.name() + ": " + e.detail());
                if (status == AgiStatus.SUCCESS) status = AgiStatus.FAILURE;
            }
        }
    }

    /** Answers one command; false when the conversation is over. */
    private boolean handle(AgiInput.Command cmd) {
        String line = cmd.line();
        if (agi.debug()) PbxLog.verbose(0, "<" + channel.name() + ">AGI Rx << " + line);
        if (peer.failureLineMeansFailure() && line.regionMatches(true, 0, "failure", 0, 7)) {
            status = AgiStatus.FAILURE;
            return false;
        }
        List<String> argv = AgiArgs.parse(line);
        AgiCommand c = argv.isEmpty() ? null : AgiCommandTable.STANDARD.find(argv);
        AgiResult r;
        if (c == null) {
            r = AgiResult.ok(INVALID);
        } else if (dead && !c.deadOk()) {
            r = AgiResult.ok(NOT_ON_DEAD);
        } else {
            r = execute(c, argv);
        }
        boolean more = true;
        switch (r.outcome()) {
            case SUCCESS -> send(r.text());
            case SHOW_USAGE -> send(c.usage() == null || c.usage().isBlank() ? NO_USAGE
                    : USAGE_START + "\n" + c.usage().strip() + "\n" + USAGE_END);
            case FAILURE -> {
                send(r.text());
                boolean hungUp = channel.isHangupRequested();
                if (dead || !hungUp) status = AgiStatus.FAILURE;
                // AsyncAGI stops at a failure that is not a hangup; a program carries on
                if (!peer.readTimeoutApplies() && !hungUp) more = false;
            }
            case ASYNC_BREAK -> {
                send(r.text());
                if (!peer.readTimeoutApplies()) more = false;
            }
        }
        peer.commandDone(cmd.commandId());
        agi.commandAnswered();
        return more && !peerGone;
    }

    private AgiResult execute(AgiCommand c, List<String> argv) {
        try {
            AgiResult r = c.handler().run(this, argv);
            return r == null ? AgiResult.usage() : r;
        } catch (HangupException e) {
            return AgiResult.failed("200 result=-1");
        } catch (RuntimeException e) {
            PbxLog.error("res_agi.c", "AGI command '" + c.fullName() + "' on " + channel.name() + " failed: " + e);
            return AgiResult.failed("200 result=-1");
        }
    }

    private void send(String text) {
        if (text == null || peerGone) return;
        String out = text.endsWith("\n") ? text : text + "\n";
        debugTx(out);
        try {
            peer.send(out);
        } catch (IOException e) {
            PbxLog.verbose(3, "<" + channel.name() + ">AGI " + peer.describe() + " is gone: " + e.getMessage());
            peerGone = true;
        }
    }

    private void debugTx(String text) {
        if (!agi.debug() || text == null || text.equals("null")) return;
        for (String l : text.split("\n", -1)) {
            if (!l.isEmpty()) PbxLog.verbose(0, "<" + channel.name() + ">AGI Tx >> " + l);
        }
    }

    private String variable(String name) { return channel.pbx().vars().get(channel, name); }

    /** ast_true. */
    static boolean isTrue(String v) { return org.switchboard.config.AstTrue.isTrue(v); }

    /** ast_false. */
    static boolean isFalse(String v) { return org.switchboard.config.AstTrue.isFalse(v); }
}
