package org.switchboard.res.manager;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.switchboard.core.ManagerAction;
import org.switchboard.core.ManagerRequest;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;

/**
 * One Manager connection's state machine (manager.c's mansession): consumes {@link AmiMessage}s,
 * answers through its {@link AmiTransport}, and decides which events reach the client. Actions run
 * one after another on the session's own virtual thread, so a blocking action (synchronous
 * Originate) holds up only its own client; messages from the network are queued to that thread.
 */
public final class ManagerSession {
    private static final AtomicLong IDS = new AtomicLong();
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Actions (or their bytes) waiting to run before we stop reading from the client, and when we read again. */
    private static final int INBOX_HIGH = 256;
    private static final int INBOX_LOW = 32;
    private static final long INBOX_HIGH_BYTES = 1 << 20;
    private static final long INBOX_LOW_BYTES = 128 << 10;

    private final ManagerModule module;
    private final AmiTransport transport;
    private final long id = IDS.incrementAndGet();
    private final long connectedMillis = System.currentTimeMillis();
    private final LinkedBlockingQueue<AmiMessage> inbox = new LinkedBlockingQueue<>();
    private final AtomicLong inboxBytes = new AtomicLong();
    private final Thread worker;

    private volatile SessionState state = SessionState.AWAITING_LOGIN;
    private volatile ManagerUser user;
    private volatile int readPerm;
    private volatile int writePerm;
    private volatile int sendEvents = AmiPermissions.ALL;
    private final EventFilter filter = new EventFilter();
    private String challenge;
    private volatile boolean paused;
    private final java.util.concurrent.atomic.AtomicBoolean unauthenticatedSlot = new java.util.concurrent.atomic.AtomicBoolean(true);

    ManagerSession(ManagerModule module, AmiTransport transport) {
        this.module = module;
        this.transport = transport;
        this.worker = Thread.ofVirtual().name("ami-session-" + id).unstarted(PbxLog.bound(module.pbx().log(), this::work));
    }

    void start() { worker.start(); }

    // ---- what the connection tells us ----

    /** A message from the client (I/O thread): queued for the session's thread. */
    void received(AmiMessage m) {
        if (state == SessionState.CLOSED) return;
        long bytes = inboxBytes.addAndGet(m.size());
        // pause before the message is queued: the session's thread, once it has taken it, sees the
        // pause and lifts it when the inbox is low; paused after, it could have emptied the inbox
        // and gone to wait already, and nobody would read from this client again
        if (!paused && (inbox.size() + 1 >= INBOX_HIGH || bytes >= INBOX_HIGH_BYTES)) {
            paused = true;
            transport.setReading(false);
        }
        inbox.offer(m);
    }

    /** The connection is gone, for whatever reason. */
    void closed() {
        state = SessionState.CLOSED;
        worker.interrupt();
        module.sessionClosed(this);
        ManagerUser u = user;
        if (u != null && displayConnects(u)) {
            PbxLog.verbose(2, "Manager '" + u.name() + "' logged off from " + address());
        }
    }

    /** True the first time only: the session stops counting against authlimit (logged in or gone). */
    boolean releaseUnauthenticatedSlot() { return unauthenticatedSlot.compareAndSet(true, false); }

    /** authtimeout passed: a client that has not logged in is dropped (manager.c get_input). */
    void authTimeout(int seconds) {
        if (state != SessionState.AWAITING_LOGIN) return;
        log(PbxLog.Level.NOTICE, "Client from " + address() + " failed to authenticate in " + seconds + " seconds");
        state = SessionState.CLOSED;
        transport.close();
    }

    // ---- events ----

    /** Sends a rendered event if this client wants it; never blocks (the call thread publishes). */
    void deliver(RenderedEvent e) {
        if (state != SessionState.LOGGED_IN) return;
        int c = e.category();
        if ((readPerm & c) != c || (sendEvents & c) != c) return;
        if (!filter.isEmpty() && !filter.passes(e.text())) {
            if (filter.tookTooLong()) {
                log(PbxLog.Level.WARNING, "Manager session from " + address() + ": an event filter is too complex for a "
                        + e.name() + " event; the event was not sent");
            }
            return;
        }
        transport.send(e.bytes());
    }

    // ---- the session's thread ----

    private void work() {
        try {
            while (state != SessionState.CLOSED) {
                AmiMessage m = inbox.take();
                long bytes = inboxBytes.addAndGet(-m.size());
                if (paused && inbox.size() <= INBOX_LOW && bytes <= INBOX_LOW_BYTES) {
                    paused = false;
                    transport.setReading(true);
                }
                handleSafely(m);
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    /** Whatever a client sent, it gets an answer and the session goes on (a bug is logged, not fatal). */
    private void handleSafely(AmiMessage m) {
        try {
            handle(m);
        } catch (RuntimeException e) {
            log(PbxLog.Level.WARNING, "Manager request from " + address() + " failed: " + e);
            try {
                new SessionReply(this, m.actionId()).error("Internal error");
            } catch (RuntimeException again) {
                // the connection is gone
            }
        }
    }

    void handle(AmiMessage m) {
        SessionReply reply = new SessionReply(this, m.actionId());
        if (m.isMalformed()) {
            reply.error("Failed to parse message: " + m.problem());
            return;
        }
        String action = m.action();
        if (action == null) {
            reply.error("Missing action in request");
            return;
        }
        String a = action.toLowerCase(Locale.ROOT);
        switch (a) {
            case "login" -> { login(m, reply); return; }
            case "challenge" -> { challenge(m, reply); return; }
            case "logoff" -> {
                reply.response("Goodbye", "Thanks for all the fish.", Map.of());
                state = SessionState.CLOSED;
                transport.close();
                return;
            }
            default -> { }
        }
        if (state != SessionState.LOGGED_IN) {
            reply.error("Permission denied");
            return;
        }
        switch (a) {
            case "events" -> events(m, reply);
            case "filter" -> filter(m, reply);
            default -> dispatch(action, m, reply);
        }
    }

    private void dispatch(String action, AmiMessage m, SessionReply reply) {
        ManagerAction act = module.action(action);
        if (act == null) {
            reply.error("Invalid/unknown command: " + action + ". Use Action: ListCommands to show available commands.");
            return;
        }
        int needed = AmiPermissions.parse(act.privilege());
        if (needed != 0 && (writePerm & needed) == 0) {
            reply.error("Permission denied");
            return;
        }
        try {
            act.execute(new Request(m), reply);
            if (!reply.answered()) reply.error("Action " + act.name() + " gave no response");
        } catch (RuntimeException e) {
            log(PbxLog.Level.WARNING, "Manager action " + act.name() + " from " + address() + " failed: " + e);
            if (!reply.answered()) reply.error("Internal error: " + e.getMessage());
        }
    }

    // ---- Login, Challenge, Events, Filter: the session's own actions ----

    private void challenge(AmiMessage m, SessionReply reply) {
        String type = m.get("AuthType");
        if (type == null || !type.equalsIgnoreCase("MD5")) {
            reply.error("Must specify AuthType");
            return;
        }
        if (challenge == null) challenge = Integer.toString(RANDOM.nextInt(Integer.MAX_VALUE));
        reply.response("Success", null, Map.of("Challenge", challenge));
    }

    private void login(AmiMessage m, SessionReply reply) {
        if (state == SessionState.LOGGED_IN) {
            reply.success("Already authenticated");
            return;
        }
        ManagerConfig cfg = module.config();
        String name = m.get("Username");
        ManagerUser u = cfg.user(name);
        String failure = null;
        boolean md5 = "MD5".equalsIgnoreCase(m.get("AuthType"));
        if (name == null || name.isEmpty()) {
            failure = "no user name";
        } else if (u == null) {
            module.securityEvent("InvalidAccountID", "Error", this, name, Map.of());
            log(PbxLog.Level.NOTICE, address() + " tried to authenticate with nonexistent user '" + name + "'");
            failure = "nonexistent user";
        } else if (!u.acl().allows(transport.remote().getAddress())) {
            module.securityEvent("FailedACL", "Error", this, name, Map.of("ACLName", "manager_user_acl"));
            log(PbxLog.Level.NOTICE, address() + " failed to pass IP ACL as '" + name + "'");
            failure = "acl";
        } else if (md5) {
            String key = m.get("Key");
            String expected = challenge == null || u.secret() == null ? null : md5Hex(challenge + u.secret());
            if (key == null || expected == null || !expected.equalsIgnoreCase(key.trim())) {
                module.securityEvent("ChallengeResponseFailed", "Error", this, name, ordered(
                        "Challenge", challenge == null ? "" : challenge, "Response", key == null ? "" : key,
                        "ExpectedResponse", expected == null ? "" : expected));
                failure = "bad key";
            }
        } else if (u.secret() == null || !u.secret().equals(m.get("Secret"))) {
            module.securityEvent("InvalidPassword", "Error", this, name, ordered("Challenge", challenge == null ? "" : challenge));
            failure = "bad secret";
        }
        if (failure == null && !cfg.allowMultipleLogin() && module.loggedIn(u.name())) {
            failure = "in use";
        }
        if (failure != null) {
            log(PbxLog.Level.NOTICE, address() + " failed to authenticate as '" + (name == null ? "" : name) + "'");
            long delay = module.loginFailed(transport.remote().getAddress());
            sleepQuietly(delay);
            reply.error(failure.equals("in use") ? "Login Already In Use" : "Authentication failed");
            state = SessionState.CLOSED;
            transport.close();
            return;
        }
        user = u;
        transport.writeTimeoutMs(u.writeTimeoutMs());
        readPerm = u.readPerm();
        writePerm = u.writePerm();
        int mask = AmiPermissions.eventMask(m.get("Events"));
        if (mask >= 0) sendEvents = mask;
        for (String f : u.eventFilters()) filter.add(f);
        state = SessionState.LOGGED_IN;
        module.loginSucceeded(this, transport.remote().getAddress());
        if (displayConnects(u)) PbxLog.verbose(2, "Manager '" + u.name() + "' logged on from " + address());
        reply.success("Authentication accepted");
        if ((sendEvents & AmiPermissions.SYSTEM) != 0 && (readPerm & AmiPermissions.SYSTEM) != 0) {
            Pbx pbx = module.pbx();
            long now = System.currentTimeMillis();
            send(AmiWriter.event("FullyBooted", AmiPermissions.describe(AmiPermissions.SYSTEM), null, ordered(
                    "Uptime", (now - pbx.startMillis()) / 1000, "LastReload", (now - pbx.reloadMillis()) / 1000,
                    "Status", "Fully Booted")));
        }
        // after the response, as Asterisk's (asynchronous) security event arrives after it
        module.securityEvent("SuccessfulAuth", "Informational", this, u.name(), ordered("UsingPassword", md5 ? "0" : "1"));
    }

    private void events(AmiMessage m, SessionReply reply) {
        int mask = AmiPermissions.eventMask(m.get("EventMask"));
        if (mask < 0) {
            reply.error("Invalid event mask");
            return;
        }
        sendEvents = mask;
        reply.response("Success", null, Map.of("Events", mask > 0 ? "On" : "Off"));
    }

    private void filter(AmiMessage m, SessionReply reply) {
        String op = m.get("Operation");
        if (op == null || !op.equalsIgnoreCase("Add")) {
            reply.error("Unknown operation");
            return;
        }
        String f = m.get("Filter");
        if (f == null || filter.add(f) != null) {
            reply.error("Filter did not compile.  Check the syntax of the filter given.");
            return;
        }
        reply.success("Success");
    }

    // ---- helpers ----

    void send(String message) {
        transport.send(AmiWriter.bytes(message));
    }

    /**
     * A line this client caused: at most a few per address in each window (PbxLog.limited), so a
     * flood costs a handful of lines while fail2ban still sees every address that failed to log in.
     * Control characters the client sent are escaped by PbxLog.
     */
    private void log(PbxLog.Level level, String message) {
        PbxLog.limited(level, "manager.c", address(), message);
    }

    private boolean displayConnects(ManagerUser u) {
        return u.displayConnects() != null ? u.displayConnects() : module.config().displayConnects();
    }

    private static void sleepQuietly(long ms) {
        if (ms <= 0) return;
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String md5Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    // ---- what the CLI and the module read ----

    public long id() { return id; }
    public SessionState state() { return state; }
    public String userName() { ManagerUser u = user; return u == null ? "" : u.name(); }
    public String address() { return transport.remote().getAddress().getHostAddress(); }
    public int remotePort() { return transport.remote().getPort(); }
    public long connectedMillis() { return connectedMillis; }
    public int readPerm() { return readPerm; }
    public int writePerm() { return writePerm; }
    public int sendEvents() { return sendEvents; }
    AmiTransport transport() { return transport; }

    /** The request as a ManagerAction sees it. */
    private final class Request implements ManagerRequest {
        private final AmiMessage m;

        Request(AmiMessage m) { this.m = m; }

        @Override public Pbx pbx() { return module.pbx(); }
        @Override public String action() { return m.action(); }
        @Override public String get(String header) { return m.get(header); }
        @Override public List<String> getAll(String header) { return m.getAll(header); }
        @Override public List<Map.Entry<String, String>> headers() { return m.headers(); }
        @Override public String user() { return userName(); }
        @Override public String remoteAddress() { return address(); }
        @Override public boolean mayWrite(String cls) {
            int bit = AmiPermissions.parse(cls);
            return bit != 0 && (writePerm & bit) == bit;
        }
    }
}
