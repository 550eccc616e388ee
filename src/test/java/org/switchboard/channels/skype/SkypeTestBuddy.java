package org.switchboard.channels.skype;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A Skype buddy: {@code src/test/resources/skype/buddy.py}, an independent XMPP client on
 * slixmpp (Debian's python3-slixmpp, run by /usr/bin/python3), driven over its stdin/stdout.
 */
public final class SkypeTestBuddy implements AutoCloseable {
    /** A chat message the buddy received. */
    public record Msg(String from, String body) {}

    /** A reply to an iq the test sent raw with an id starting "raw-": type result or error, the error condition or "-". */
    public record IqReply(String id, String type, String condition, String xml) {}

    public final String jid;
    private final Process process;
    private final OutputStream stdin;
    public final List<String> lines = new CopyOnWriteArrayList<>();
    public final LinkedBlockingQueue<Msg> messages = new LinkedBlockingQueue<>();
    public final java.util.Map<String, IqReply> iqReplies = new java.util.concurrent.ConcurrentHashMap<>();

    private SkypeTestBuddy(String jid, Process process) {
        this.jid = jid;
        this.process = process;
        this.stdin = process.getOutputStream();
        Thread.ofPlatform().daemon().name("buddy-" + jid).start(this::readLoop);
    }

    public static SkypeTestBuddy login(SkypeTestNetwork net, String user, String password) {
        try {
            Path script = Path.of(SkypeTestBuddy.class.getResource("/skype/buddy.py").toURI());
            Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), net.jid(user), password, "127.0.0.1",
                    Integer.toString(net.port), net.cert.toString())
                    .redirectError(net.dir.resolve("buddy-" + user + ".err").toFile()).start();
            SkypeTestBuddy b = new SkypeTestBuddy(net.jid(user), p);
            b.awaitLine(l -> l.equals("ready"), Duration.ofSeconds(20));
            return b;
        } catch (IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot start the buddy (apt-get install python3-slixmpp): " + e, e);
        }
    }

    private void readLoop() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String l; (l = r.readLine()) != null; ) {
                if (l.startsWith("msg ")) {
                    String[] w = l.split(" ", 3);
                    messages.add(new Msg(w[1], w.length > 2 ? decode(w[2]) : ""));
                } else if (l.startsWith("iq ")) {
                    String[] w = l.split(" ", 5);
                    iqReplies.put(w[1], new IqReply(w[1], w[2], w[3], w.length > 4 ? decode(w[4]) : ""));
                    continue;
                }
                lines.add(l);
            }
        } catch (IOException e) {
            // process gone
        }
    }

    private static String decode(String b64) { return new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8); }

    private static String encode(String text) { return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)); }

    public synchronized void command(String line) {
        try {
            stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            throw new IllegalStateException("buddy " + jid + " is gone", e);
        }
    }

    public void send(String to, String text) { command("send " + to + " " + encode(text)); }
    public void presence(String show, String status) { command("presence " + show + (status == null ? "" : " " + encode(status))); }
    public void subscribe(String to) { command("subscribe " + to); }
    public void echo(boolean on) { command("echo " + (on ? "on" : "off")); }
    public void replyOnce(String text) { command("reply " + encode(text)); }
    public void approve(boolean on) { command("approve " + (on ? "on" : "off")); }
    /** Subscription requests stay pending: neither approved nor refused. */
    public void ignoreSubscriptions() { command("approve ignore"); }
    public void flood(String to, int n, String prefix) { command("flood " + to + " " + n + " " + prefix); }
    /** Writes XML to the buddy's stream as it is: Prosody checks it is well-formed and routes it. */
    /** Enters a XEP-0045 room as nick; its messages are reported as "groupmsg ROOM NICK B64" lines. */
    public void join(String room, String nick) { command("join " + room + " " + nick); }

    public void raw(String xml) { command("raw " + encode(xml)); }

    /** How the buddy takes calls: answer, reject (busy), ignore, ring (ringing only). */
    public void callMode(String mode) { command("callmode " + mode); }
    /** Whether the buddy's disco#info says it speaks JMI (XEP-0353). */
    public void jmi(boolean on) { command("jmi " + (on ? "on" : "off")); }
    /** Calls {@code to}: "jmi" proposes to it (a bare JID), "direct" sends session-initiate (a full JID). */
    public void call(String to, String how) { command("call " + to + " " + how); }
    public void hangup() { command("hangup"); }
    /** A sine of this frequency is what the buddy sends in its next calls. */
    public void tone(double hz) { command("tone " + hz); }
    /** What the buddy hears in its next calls is written to this WAV file. */
    public void record(Path wav) { command("record " + wav); }
    public void disco(String jid) { command("disco " + jid); }
    /** Sends RFC 4733 telephone-events on the call in progress; "dtmf-sent DIGITS" when done, and each received digit is a "dtmf-in D" line. */
    public void dtmf(String digits) { command("dtmf " + digits); }
    /** Puts the call in progress on hold (XEP-0167 §7.2) or takes it off (§7.3). */
    public void hold(boolean on) { command("hold " + (on ? "on" : "off")); }
    public void proposeFlood(String to, int n) { command("propose-flood " + to + " " + n); }

    /** The first report line starting with {@code prefix}, waited for. */
    public String awaitReport(String prefix, Duration timeout) { return awaitLine(l -> l.startsWith(prefix), timeout); }

    /** Waits for the reply to an iq sent with {@link #raw} (its id must start with "raw-"). */
    public IqReply awaitIqReply(String id, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(20)).until(() -> iqReplies.containsKey(id));
        return iqReplies.get(id);
    }

    /** Waits for the next chat message; fails after the timeout. */
    public Msg nextMessage(Duration timeout) {
        try {
            Msg m = messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (m == null) throw new AssertionError("buddy " + jid + " got no message in " + timeout + "; lines: " + lines);
            return m;
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public String awaitLine(Predicate<String> p, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(20)).until(() -> lines.stream().anyMatch(p));
        return lines.stream().filter(p).findFirst().orElseThrow();
    }

    public int count(Predicate<String> p) { return (int) lines.stream().filter(p).count(); }

    @Override
    public void close() {
        try {
            command("quit");
            if (!process.waitFor(3, TimeUnit.SECONDS)) process.destroy();
            if (!process.waitFor(2, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (RuntimeException | InterruptedException e) {
            process.destroyForcibly();
        }
    }
}
