package org.switchboard.bench.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.switchboard.channels.skype.SkypeTestBuddy;
import org.switchboard.channels.skype.SkypeTestNetwork;
import org.switchboard.channels.skype.SkypeTestPbx;
import org.switchboard.core.Channel;
import org.switchboard.core.ManagerEvent;
import org.switchboard.core.PbxLog;

/**
 * Fuzzes the Skype channel's XMPP input: a private Prosody and PBX (the test fixtures), an
 * account logged in, and a stranger on the network sending seeded hostile stanzas
 * ({@link XmppStanzaGenerator}) to it. Every {@code checkEvery} inputs it checks that the account
 * is still logged in on the same stream and still works: the stranger's own chat message reaches
 * SKYPE_CHAT_RECEIVE (so every stanza before it was read), a fresh request for an unknown
 * namespace gets service-unavailable, a chat with a buddy goes both ways, and every iq get or set
 * sent so far got its reply. Prints one summary; exits non-zero on any failure. Run (needs prosody
 * and python3-slixmpp): {@code java -cp target/test-classes:target/classes:<test classpath>
 * org.switchboard.bench.fuzz.XmppFuzz [inputs] [seed]}
 */
public final class XmppFuzz {
    static final String FULL = "lmentinc@skype.example/switchboard";
    static final String BARE = "lmentinc@skype.example";
    static final Duration T = Duration.ofSeconds(10);

    /** What a run found; {@link #failed()} when the PBX misbehaved in any way. */
    public record Summary(long seed, long inputs, long requests, int checks, int crashes, int livenessFailures, int accountDrops,
                          int unansweredRequests, int senderDisconnects, long rssBeforeKb, long rssAfterKb, long heapBeforeKb,
                          long heapAfterKb, double seconds, List<String> problems) {
        public boolean failed() { return crashes + livenessFailures + accountDrops + unansweredRequests + senderDisconnects > 0; }

        public String text() {
            return String.format(java.util.Locale.ROOT, "xmpp fuzz: seed=%d inputs=%d requests=%d checks=%d crashes=%d liveness_failures=%d"
                    + " account_drops=%d unanswered_requests=%d sender_disconnects=%d rss_kb before=%d after=%d (%+d)"
                    + " heap_after_gc_kb before=%d after=%d (%+d) time=%.1f s%s%s",
                    seed, inputs, requests, checks, crashes, livenessFailures, accountDrops, unansweredRequests, senderDisconnects,
                    rssBeforeKb, rssAfterKb, rssAfterKb - rssBeforeKb, heapBeforeKb, heapAfterKb, heapAfterKb - heapBeforeKb, seconds,
                    failed() ? " FAILED" : " OK",
                    problems.isEmpty() ? "" : "\n  " + String.join("\n  ", problems));
        }
    }

    public static void main(String[] args) {
        int inputs = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : System.currentTimeMillis();
        PbxLog.setVerbose(0);
        Summary s;
        // mod_offline on, as in the field: a stanza that killed the stream would come back at every login
        try (SkypeTestNetwork net = SkypeTestNetwork.create(true)) {
            s = run(net, inputs, seed, 250);
        }
        System.out.println(s.text());
        System.exit(s.failed() ? 1 : 0);
    }

    /** One seeded pass against the network's account lmentinc, with stranger attacking and tfot.madsen as the buddy. */
    public static Summary run(SkypeTestNetwork net, int inputs, long seed, int checkEvery) {
        long t0 = System.nanoTime();
        List<String> problems = new ArrayList<>();
        List<String> loud = new CopyOnWriteArrayList<>();
        List<String> dropLines = new CopyOnWriteArrayList<>();
        Consumer<PbxLog.Line> sink = l -> {
            boolean exception = l.text().contains("Exception") || l.text().contains("\tat ");
            if (l.level() == PbxLog.Level.WARNING || l.level() == PbxLog.Level.ERROR || (exception && l.level() != PbxLog.Level.DEBUG)) {
                loud.add(l.text());
            } else if (l.text().contains("lost the connection")) {
                dropLines.add(l.text());
            }
        };
        AtomicInteger drops = new AtomicInteger();
        Consumer<ManagerEvent> accountStatus = e -> {
            if (e.name().equals("SkypeAccountStatus") && "Logged Out".equals(e.get("Status"))) drops.incrementAndGet();
        };
        AtomicInteger uncaught = new AtomicInteger();
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            uncaught.incrementAndGet();
            loud.add("uncaught in " + t.getName() + ": " + e);
        });
        long requests = 0;
        int checks = 0;
        int livenessFailures = 0;
        int unanswered = 0;
        int disconnects = 0;
        long rssBefore;
        long rssAfter;
        long heapBefore;
        long heapAfter;
        int accountDrops;
        try (SkypeTestPbx pbx = new SkypeTestPbx(net.confDir("chan_skype.conf", net.lmentinc("message_hold=5"), "extensions.conf", "[general]\n"))) {
            pbx.loggedIn("lmentinc");
            pbx.stopRecording();            // keeping every event of a long run would measure the fixture, not the PBX
            PbxLog.addSink(sink);
            pbx.pbx.events().subscribe(accountStatus);
            try (SkypeTestBuddy stranger = net.buddy("stranger"); SkypeTestBuddy tfot = net.buddy("tfot.madsen")) {
                rssBefore = rssKb();
                heapBefore = heapAfterGcKb();
                XmppStanzaGenerator gen = new XmppStanzaGenerator(seed, FULL, BARE);
                Map<String, String> pending = new LinkedHashMap<>();
                for (long i = 1; i <= inputs; i++) {
                    XmppStanzaGenerator.Stanza s = gen.next();
                    stranger.raw(s.xml());
                    if (s.requestId() != null) {
                        requests++;
                        pending.put(s.requestId(), abbreviate(s.xml()));
                    }
                    if (i % checkEvery == 0 || i == inputs) {
                        checks++;
                        String failure = liveness(pbx, stranger, tfot, checks);
                        if (failure != null) {
                            livenessFailures++;
                            if (problems.size() < 20) problems.add("after input " + i + ": " + failure);
                        }
                        unanswered += unanswered(stranger, pending, problems);
                        if (stranger.count(l -> l.equals("disconnected")) > disconnects) {
                            disconnects = stranger.count(l -> l.equals("disconnected"));
                            problems.add("after input " + i + ": the server closed the stranger's stream (a stanza the generator should not make)");
                        }
                    }
                }
                rssAfter = rssKb();
                heapAfter = heapAfterGcKb();
                accountDrops = drops.get();      // before the PBX stops: its own logout is no drop
            }
        } finally {
            PbxLog.removeSink(sink);
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
        for (String l : loud.subList(0, Math.min(10, loud.size()))) problems.add("logged: " + l);
        for (String l : dropLines.subList(0, Math.min(10, dropLines.size()))) problems.add("logged: " + l);
        return new Summary(seed, inputs, requests, checks, loud.size(), livenessFailures, accountDrops, unanswered, disconnects,
                rssBefore, rssAfter, heapBefore, heapAfter, (System.nanoTime() - t0) / 1e9, problems);
    }

    /** Null when the account still reads, answers and chats; otherwise what failed. */
    static String liveness(SkypeTestPbx pbx, SkypeTestBuddy stranger, SkypeTestBuddy tfot, int k) {
        if (!pbx.account("lmentinc").isLoggedIn()) return "the account is not logged in";
        Channel c = pbx.channel();
        try {
            String marker = "fz-live-" + k;
            stranger.send(BARE, marker);
            long start = System.nanoTime();
            long deadline = start + 3 * T.toNanos();
            String got;
            int others = 0;
            boolean received;
            do {
                got = pbx.pbx.substitute(c, "${SKYPE_CHAT_RECEIVE(lmentinc,10)}");
                received = !c.getVar("SKYPECHATSENDER").isEmpty();     // a message with an empty body is a message too
                if (received && !got.equals(marker)) others++;
            } while (!got.equals(marker) && received && System.nanoTime() < deadline);
            if (!got.equals(marker)) {
                return "the stranger's chat message '" + marker + "' never reached SKYPE_CHAT_RECEIVE (" + others + " other messages in "
                        + (System.nanoTime() - start) / 1_000_000 + " ms; account " + pbx.account("lmentinc").state() + ")";
            }
            String id = "raw-live-" + k;
            stranger.raw("<iq type='get' to='" + FULL + "' id='" + id + "'><x xmlns='urn:fz:live'/></iq>");
            SkypeTestBuddy.IqReply reply;
            try {
                reply = stranger.awaitIqReply(id, T);
            } catch (RuntimeException e) {
                return "no reply to a fresh request";
            }
            stranger.iqReplies.remove(id);
            if (!reply.condition().equals("service-unavailable")) return "a fresh request got " + reply.type() + " " + reply.condition();
            pbx.pbx.execute(c, "SkypeChatSend", "lmentinc,tfot.madsen,live " + k);
            if (!"SUCCESS".equals(c.getVar("SKYPECHATSTATUS"))) return "SkypeChatSend failed";
            try {
                if (!tfot.nextMessage(T).body().equals("live " + k)) return "the buddy got another message";
            } catch (AssertionError e) {
                return "the buddy got no chat message";
            }
            tfot.send(BARE, "back " + k);
            String back = pbx.pbx.substitute(c, "${SKYPE_CHAT_RECEIVE(lmentinc,10,tfot.madsen)}");
            return back.equals("back " + k) ? null : "the buddy's reply did not arrive (got '" + back + "')";
        } finally {
            c.hangup();
        }
    }

    /** Requests sent before the last liveness check that never got a reply (waits a little for stragglers). */
    private static int unanswered(SkypeTestBuddy stranger, Map<String, String> pending, List<String> problems) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!stranger.iqReplies.keySet().containsAll(pending.keySet()) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);        // polling the buddy's replies until the deadline
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        int missing = 0;
        for (Map.Entry<String, String> e : pending.entrySet()) {
            if (stranger.iqReplies.remove(e.getKey()) == null) {
                missing++;
                if (problems.size() < 20) problems.add("no reply to " + e.getValue());
            }
        }
        stranger.iqReplies.clear();
        pending.clear();
        return missing;
    }

    private static String abbreviate(String xml) { return xml.length() <= 300 ? xml : xml.substring(0, 300) + "... (" + xml.length() + " chars)"; }

    /** Heap in use after a full collection, in kB: what the PBX keeps, where RSS also counts what the JVM has not handed back. */
    public static long heapAfterGcKb() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) System.gc();
        return (rt.totalMemory() - rt.freeMemory()) / 1024;
    }

    /** This process's resident set (VmRSS in /proc/self/status), in kB; -1 where there is no /proc. */
    public static long rssKb() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmRSS:")) return Long.parseLong(l.replaceAll("\\D", ""));
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return -1;
    }
}
