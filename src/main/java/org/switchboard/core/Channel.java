package org.switchboard.core;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One call leg. Its dialplan runs on its own virtual thread; other threads only request a
 * hangup, queue frames, or read its variables. Blocking reads wake on hangup.
 */
public class Channel {
    private final Pbx pbx;
    private final String name;
    private final String uniqueId;
    private volatile String linkedId;
    private final ChannelTech tech;
    private final long createdMillis = System.currentTimeMillis();
    private volatile long answeredMillis;

    private volatile ChannelState state = ChannelState.DOWN;
    private volatile String context = "default";
    private volatile String exten = "s";
    private volatile int priority = 1;
    private volatile boolean jumped;
    private volatile String application = "";
    private volatile String appData = "";

    private final ChannelVariables variables = new ChannelVariables();
    private final CallerId callerId = new CallerId();
    private final CallerId connectedLine = new CallerId();
    private volatile String language = "en";
    private volatile String accountCode = "";
    private volatile int amaFlags = AmaFlags.DOCUMENTATION;   // Asterisk's default amaflags

    private final LinkedBlockingQueue<Frame> readQueue = new LinkedBlockingQueue<>();
    private volatile boolean hangupRequested;   // wakes the dialplan: a hangup, a redirect or the absolute timeout
    private volatile boolean realHangup;        // a hangup, which a redirect or a timeout never clears (only h does)
    private final java.util.concurrent.locks.ReentrantLock frameLock = new java.util.concurrent.locks.ReentrantLock();
    private volatile int hangupCause;
    private final AtomicBoolean destroyed = new AtomicBoolean();
    private volatile Thread pbxThread;
    private volatile Channel bridgedPeer;
    private volatile java.util.function.Consumer<Frame> frameListener;
    private final java.util.concurrent.atomic.AtomicReference<AutoCloseable> generator = new java.util.concurrent.atomic.AtomicReference<>(); // music on hold: owns the audio written to the far end
    private final java.util.List<Runnable> wakeHooks = new java.util.concurrent.CopyOnWriteArrayList<>();

    private volatile long digitTimeoutMs = 5000;     // TIMEOUT(digit), Asterisk's default 5 s
    private volatile long responseTimeoutMs = 10000; // TIMEOUT(response), default 10 s
    private volatile long absoluteDeadlineMillis;    // TIMEOUT(absolute); 0 = none
    private volatile java.util.concurrent.ScheduledFuture<?> absoluteTimer;
    private volatile boolean absoluteTimeoutFired;
    private record Location(String context, String exten, int priority) {}
    private volatile Location pendingGoto;   // AMI Redirect / channel redirect

    private final Deque<GosubFrame> gosubStack = new ArrayDeque<>();
    /** Per dialed channel: {technology cause text, Asterisk cause} (Asterisk's hangupcause hash). */
    private final Map<String, String[]> dialedCauses = new java.util.concurrent.ConcurrentSkipListMap<>();
    private final Map<Object, AutoCloseable> datastores = new ConcurrentHashMap<>();

    /** A return address pushed by Gosub, with the LOCAL() variables of that level. */
    public record GosubFrame(String context, String exten, int priority, Map<String, String> savedLocals, boolean inHandler) {}

    Channel(Pbx pbx, String name, String uniqueId, ChannelTech tech) {
        this.pbx = pbx;
        this.name = name;
        this.uniqueId = uniqueId;
        this.linkedId = uniqueId;
        this.tech = tech;
    }

    public Pbx pbx() { return pbx; }
    public String name() { return name; }
    public String uniqueId() { return uniqueId; }
    public String linkedId() { return linkedId; }
    public void setLinkedId(String id) { linkedId = id; }
    public ChannelTech tech() { return tech; }
    /** The technology name as in the channel name: {@code Local} of {@code Local/100@phones-00000001;2}. */
    public String technology() { int s = name.indexOf('/'); return s < 0 ? name : name.substring(0, s); }
    public long createdMillis() { return createdMillis; }
    public long answeredMillis() { return answeredMillis; }

    public ChannelState state() { return state; }

    public void setState(ChannelState newState) {
        if (state == newState) return;
        state = newState;
        if (newState == ChannelState.UP && answeredMillis == 0) answeredMillis = System.currentTimeMillis();
        pbx.events().channelEvent("Newstate", this);
    }

    // ---- dialplan location ----
    public String context() { return context; }
    public String exten() { return exten; }
    public int priority() { return priority; }
    public String application() { return application; }
    public String appData() { return appData; }

    void setRunning(String app, String data) { application = app; appData = data; }

    /** Sets where the dialplan continues, without marking a jump (used when a channel is set up). */
    public void setLocation(String ctx, String ext, int prio) {
        if (ctx != null && !ctx.isEmpty()) context = ctx;
        if (ext != null && !ext.isEmpty()) exten = ext;
        priority = prio;
    }

    /** Goto: the dialplan continues exactly here, not at the next priority. */
    public void jumpTo(String ctx, String ext, int prio) {
        setLocation(ctx, ext, prio);
        jumped = true;
    }

    /** True once after a Goto-style jump; the pbx loop uses it to skip the automatic next priority. */
    public boolean takeJumped() { boolean j = jumped; jumped = false; return j; }
    void setPriority(int p) { priority = p; }

    // ---- variables ----
    public ChannelVariables variables() { return variables; }

    /** A channel variable only (no globals, no built-ins); null when unset. */
    public String getVar(String varName) { return variables.get(varName); }

    /** Sets a channel variable; a leading _ or __ marks it for inheritance; null or "" value keeps it set to "". */
    public void setVar(String varName, String value) {
        variables.set(varName, value == null ? "" : value);
        pbx.events().varSet(this, ChannelVariables.stripInherit(varName), value == null ? "" : value);
    }

    public void unsetVar(String varName) { variables.remove(varName); }

    public CallerId callerId() { return callerId; }
    public CallerId connectedLine() { return connectedLine; }
    public String language() { return language; }
    public void setLanguage(String l) { language = l; }
    public String accountCode() { return accountCode; }
    public void setAccountCode(String a) { accountCode = a; }
    /** AMA flags for billing ({@link AmaFlags}); CHANNEL(amaflags), SetAMAFlags and the CDR read them. */
    public int amaFlags() { return amaFlags; }
    public void setAmaFlags(int flags) { amaFlags = flags; }

    public Deque<GosubFrame> gosubStack() { return gosubStack; }

    /** A channel this one dialed ended with {@code techCause} ("SIP 486 Busy Here") and Q.850 {@code cause}. */
    public void putDialedCause(String channelName, String techCause, int cause) {
        dialedCauses.put(channelName, new String[] {techCause, Integer.toString(cause)});
    }

    /** HANGUPCAUSE_KEYS / HANGUPCAUSE(): what the channels this one dialed said when they ended. */
    public Map<String, String[]> dialedCauses() { return dialedCauses; }

    // ---- timeouts (TIMEOUT() function) ----
    public long digitTimeoutMs() { return digitTimeoutMs; }
    public void setDigitTimeoutMs(long ms) { digitTimeoutMs = ms; }
    public long responseTimeoutMs() { return responseTimeoutMs; }
    public void setResponseTimeoutMs(long ms) { responseTimeoutMs = ms; }
    public long absoluteDeadlineMillis() { return absoluteDeadlineMillis; }

    /**
     * TIMEOUT(absolute): the channel is hung up (and its dialplan sent to {@code T}) this many ms
     * from now; 0 clears it.
     */
    public void setAbsoluteTimeout(long ms) {
        java.util.concurrent.ScheduledFuture<?> old = absoluteTimer;
        if (old != null) old.cancel(false);
        absoluteTimer = null;
        absoluteDeadlineMillis = 0;
        if (ms <= 0) return;
        absoluteDeadlineMillis = System.currentTimeMillis() + ms;
        absoluteTimer = pbx.scheduler().schedule(() -> {
            absoluteTimeoutFired = true;
            wake();
        }, ms, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /**
     * Moves a channel that is running its dialplan to another place now (AMI Redirect): the
     * application it waits in ends at once and the dialplan goes on at ctx,exten,prio without
     * running h.
     *
     * @return false when the channel runs no dialplan (nothing would take it there)
     */
    public boolean asyncGoto(String ctx, String ext, int prio) {
        Thread t = pbxThread;
        if (t == null || destroyed.get()) return false;
        pendingGoto = new Location(ctx, ext, prio);
        wake();
        return true;
    }

    /** Applies a pending asyncGoto, clearing the wake-up it caused; false when there is none. */
    boolean takeAsyncGoto() {
        Location g = pendingGoto;
        if (g == null) return false;
        pendingGoto = null;
        if (realHangup) return false;   // a hangup that came meanwhile wins over the redirect
        clearSoftHangup();
        setLocation(g.context(), g.exten(), g.priority());
        jumped = false;
        return true;
    }

    /**
     * True when the dialplan was woken without a hangup behind it, so it must go on rather than
     * end: a redirect whose target arrived only now (it is taken on the next round), or the
     * wake-up of a redirect already taken (the redirecting thread sets the target, then the flag;
     * the dialplan thread may take the target in between), which is cleared here.
     */
    boolean takeStaleWake() {
        if (realHangup || destroyed.get() || absoluteTimeoutFired) return false;
        if (pendingGoto == null) hangupRequested = false;
        return true;
    }

    /** True once after the absolute timeout hung the channel up; clears the hangup so T can run. */
    boolean takeAbsoluteTimeout() {
        if (!absoluteTimeoutFired || realHangup) return false;
        absoluteTimeoutFired = false;
        absoluteDeadlineMillis = 0;
        absoluteTimer = null;
        clearSoftHangup();
        return true;
    }

    // ---- datastores: per-channel state of apps/functions, closed at hangup ----
    @SuppressWarnings("unchecked")
    public <T extends AutoCloseable> T datastore(Object key) { return (T) datastores.get(key); }
    public void putDatastore(Object key, AutoCloseable value) { datastores.put(key, value); }
    public AutoCloseable removeDatastore(Object key) { return datastores.remove(key); }

    // ---- frames ----
    /** The technology (or a peer) delivers a frame for whoever reads this channel. */
    public void queueFrame(Frame frame) {
        if (frame instanceof Frame.DtmfFrame d) pbx.events().dtmf(this, d, true);
        // one lock with setFrameListener, so a frame is never lost or overtaken while a watcher
        // takes over the queue (listeners only enqueue: nothing blocks under it)
        frameLock.lock();
        try {
            java.util.function.Consumer<Frame> l = frameListener;
            if (l != null) l.accept(frame);
            else readQueue.offer(frame);
        } finally {
            frameLock.unlock();
        }
    }

    /**
     * Diverts frames queued on this channel to {@code listener} (Dial and bridges watch several
     * channels from one thread); frames already waiting are handed over first. Null restores the
     * channel's own queue.
     */
    public void setFrameListener(java.util.function.Consumer<Frame> listener) {
        frameLock.lock();
        try {
            frameListener = listener;
            if (listener != null) {
                for (Frame f; (f = readQueue.poll()) != null; ) {
                    if (!(f instanceof Frame.NullFrame)) listener.accept(f);
                }
            }
        } finally {
            frameLock.unlock();
        }
    }

    /**
     * Waits for the next frame.
     *
     * @return the frame, or null when {@code timeoutMs} passed (negative: wait forever)
     * @throws HangupException when the channel is hung up or a hangup is requested
     */
    public Frame read(long timeoutMs) {
        long deadline = timeoutMs < 0 ? Long.MAX_VALUE : System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        for (;;) {
            checkHangup();
            Frame f;
            try {
                f = deadline == Long.MAX_VALUE ? readQueue.take()
                        : readQueue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                // the PBX never interrupts a channel's thread (wake-ups come through the queue);
                // an interrupt from elsewhere is not a reason to end a wait
                continue;
            }
            if (f == null) return null;
            if (f instanceof Frame.ControlFrame cf && cf.control() == Frame.Control.HANGUP) {
                realHangup = true;
                hangupRequested = true;
                throw new HangupException();
            }
            if (f instanceof Frame.NullFrame) {
                if (System.nanoTime() >= deadline) { checkHangup(); return null; }
                continue;   // a wake-up: the loop head looks at the hangup flag, else waits on
            }
            // a frame taken is handed out even if a wake-up came meanwhile: the next read throws,
            // so a redirect never swallows audio a recording was about to write
            return f;
        }
    }

    /** Frames waiting to be read, without blocking (null when none). */
    public Frame poll() {
        checkHangup();
        return readQueue.poll();
    }

    /** Sleeps on the channel, returning early only when it is hung up (which throws). DTMF is dropped. */
    public void sleep(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        for (;;) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) return;
            read(left);
        }
    }

    public void write(Frame frame) {
        if (frame instanceof Frame.DtmfFrame d) pbx.events().dtmf(this, d, false);
        // while a generator runs, other audio (a bridge's) is dropped, as Asterisk's ast_write does
        if (frame instanceof Frame.VoiceFrame && generator.get() != null) return;
        if (!destroyed.get()) tech.write(this, frame);
    }

    // ---- generator: something that alone feeds the channel's outgoing audio (music on hold) ----
    /** Starts {@code g} as the channel's only audio source, stopping the one before it. */
    public void startGenerator(AutoCloseable g) {
        AutoCloseable old = generator.getAndSet(g);
        if (old != null && old != g) closeQuietly(old);
    }

    /** Audio from the running generator {@code g}; dropped once it has been replaced or stopped. */
    public void writeFromGenerator(AutoCloseable g, Frame.VoiceFrame f) {
        if (generator.get() == g && !destroyed.get()) tech.write(this, f);
    }

    /** Stops the running generator; @return whether one ran. */
    public boolean stopGenerator() {
        AutoCloseable g = generator.getAndSet(null);
        if (g == null) return false;
        closeQuietly(g);
        return true;
    }

    public boolean hasGenerator() { return generator.get() != null; }

    private void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            PbxLog.warning("channel.c", "Generator on " + name + " failed to stop: " + e);
        }
    }

    public void indicate(Frame.Control control) {
        if (!destroyed.get()) tech.indicate(this, control);
    }

    /** Answers the channel if it is not up yet. */
    public void answer() {
        if (state == ChannelState.UP) return;
        tech.answer(this);
        setState(ChannelState.UP);
    }

    // ---- hangup ----
    public void checkHangup() { if (hangupRequested) throw new HangupException(); }
    public boolean isHangupRequested() { return hangupRequested; }
    public int hangupCause() { return hangupCause; }
    public void setHangupCause(int cause) { hangupCause = cause; }

    /** Asks the channel to hang up from any thread: wakes its reader, ends its dialplan. */
    public void softHangup(int cause) {
        if (hangupCause == HangupCause.NOT_DEFINED) hangupCause = cause;
        if (!realHangup && !destroyed.get() && pbx.events().hasSubscribers()) {
            pbx.events().publish(ManagerEvent.of("SoftHangupRequest", "call").channel(this).put("Cause", cause).build());
        }
        realHangup = true;
        wake();
    }

    /**
     * Wakes whoever waits on this channel: its own reader (NULL frame), a Dial or bridge watching
     * it (NULL through the listener), and anything else it blocks on (its wake hooks). Never an
     * interrupt: an interrupt closes a FileChannel mid-write (a lost recording) and cannot be
     * told apart from one meant for someone else.
     */
    private void wake() {
        hangupRequested = true;
        readQueue.offer(Frame.NULL);
        java.util.function.Consumer<Frame> l = frameListener;
        if (l != null) l.accept(Frame.NULL);
        for (Runnable hook : wakeHooks) runHook(hook);
    }

    /**
     * Runs {@code hook} whenever this channel is woken (a hangup, a redirect, the absolute
     * timeout) while the registration is open — at once if a wake-up is already pending. For
     * apps that block on something other than the channel's frames (a chat inbox, a future).
     * The hook runs on the waking thread: it must only signal, never block.
     */
    public AutoCloseable onWake(Runnable hook) {
        wakeHooks.add(hook);
        if (hangupRequested) runHook(hook);
        return () -> wakeHooks.remove(hook);
    }

    private void runHook(Runnable hook) {
        try {
            hook.run();
        } catch (RuntimeException e) {
            PbxLog.warning("channel.c", "A wake-up hook on " + name + " failed: " + e);
        }
    }

    /** Clears a pending hangup request so the h extension can run (Asterisk does the same). */
    void clearSoftHangup() {
        hangupRequested = false;
        realHangup = false;
    }

    void setPbxThread(Thread t) { pbxThread = t; }
    public Thread pbxThread() { return pbxThread; }
    public boolean isDestroyed() { return destroyed.get(); }

    public Channel bridgedPeer() { return bridgedPeer; }
    public void setBridgedPeer(Channel peer) { bridgedPeer = peer; }

    /** Destroys the channel once: the technology lets go, datastores close, the Hangup event goes out. */
    public void hangup() {
        if (!destroyed.compareAndSet(false, true)) return;
        hangupRequested = true;
        realHangup = true;
        java.util.concurrent.ScheduledFuture<?> timer = absoluteTimer;
        if (timer != null) timer.cancel(false);
        if (hangupCause == HangupCause.NOT_DEFINED) hangupCause = HangupCause.NORMAL_CLEARING;
        try {
            tech.hangup(this);
        } catch (RuntimeException e) {
            PbxLog.warning("channel.c", "Technology failed hanging up " + name + ": " + e);
        }
        for (AutoCloseable ds : datastores.values()) {
            try {
                ds.close();
            } catch (Exception e) {
                PbxLog.warning("channel.c", "Datastore on " + name + " failed to close: " + e);
            }
        }
        datastores.clear();
        stopGenerator();
        pbx.channels().remove(this);
        if (pbx.events().hasSubscribers()) {
            pbx.events().publish(ManagerEvent.of("Hangup", "call").channel(this).put("Cause", hangupCause)
                    .put("Cause-txt", HangupCause.describe(hangupCause)).build());
        }
    }

    @Override
    public String toString() { return name; }
}
