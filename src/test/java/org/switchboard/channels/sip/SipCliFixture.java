package org.switchboard.channels.sip;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.switchboard.core.CliCommand;
import org.switchboard.core.Pbx;
import org.switchboard.res.manager.ManagerModule;
import org.switchboard.testing.TestPbx;

/**
 * A PBX with chan_sip on 127.0.0.1 and the Manager interface, for the console and AMI tests:
 * a dynamic friend {@code alice} (no secret, unmonitored), a dynamic friend {@code bob} with
 * qualify (never registers: UNKNOWN), a static peer {@code trunk} with qualify and an ACL
 * pointing at a UDP socket of this fixture that answers OPTIONS with 200, and a user {@code carol}.
 */
final class SipCliFixture implements AutoCloseable {
    static final String AMI_USER = "admin";
    static final String AMI_SECRET = "s3cret";

    final Path dir;
    final DatagramSocket trunk;
    final TestPbx test;
    private final Thread answering;
    /** Requests the trunk answered. */
    final java.util.concurrent.atomic.AtomicInteger optionsAnswered = new java.util.concurrent.atomic.AtomicInteger();
    private final List<DatagramSocket> phones = new ArrayList<>();

    SipCliFixture() throws IOException {
        trunk = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        answering = Thread.ofVirtual().start(this::answerOptions);
        dir = Files.createTempDirectory("sip-cli");
        // sip.conf refuses udpbindaddr port 0 (ConfValues.hostPort wants 1..65535): take a free one
        Files.writeString(dir.resolve("sip.conf"), """
            [general]
            udpbindaddr=127.0.0.1:%d
            context=public
            useragent=Switchboard-test
            register => out:pw@127.0.0.1:9/100

            [alice]
            type=friend
            host=dynamic
            context=internal
            callerid="Alice" <100>
            disallow=all
            allow=ulaw
            allow=alaw
            nat=no

            [bob]
            type=friend
            host=dynamic
            secret=bobpw
            qualify=yes
            dtmfmode=info

            [trunk]
            type=peer
            host=127.0.0.1
            port=%d
            qualify=yes
            deny=0.0.0.0/0.0.0.0
            permit=127.0.0.1/32
            nat=force_rport,comedia
            accountcode=acct-trunk

            [carol]
            type=user
            secret=c
            """.formatted(freePort(), trunk.getLocalPort()));
        Files.writeString(dir.resolve("manager.conf"), """
            [general]
            enabled = yes
            port = 0
            bindaddr = 127.0.0.1

            [admin]
            secret = s3cret
            read = all
            write = all
            """);
        Files.writeString(dir.resolve("extensions.conf"), "[internal]\nexten => 100,1,Hangup()\nexten => 200,1,Answer()\n same => n,Wait(20)\n same => n,Hangup()\n");
        test = new TestPbx(dir);
    }

    Pbx pbx() { return test.pbx; }

    SipModule sip() { return SipModule.get(test.pbx); }

    int amiPort() { return ManagerModule.of(test.pbx).port(); }

    /** Runs a console line as the console would: the command whose words start it; "USAGE ..." when it refuses the arguments. */
    String cli(String line) {
        List<String> words = List.of(line.trim().split("\\s+"));
        CliCommand best = null;
        for (CliCommand c : test.pbx.modules().cliCommands()) {
            if (words.size() >= c.words().size() && words.subList(0, c.words().size()).equals(c.words())
                    && (best == null || c.words().size() > best.words().size())) best = c;
        }
        if (best == null) throw new AssertionError("no command " + line);
        StringWriter sw = new StringWriter();
        PrintWriter pw = new PrintWriter(sw);
        boolean ok = best.execute(test.pbx, words.subList(best.words().size(), words.size()), pw);
        pw.flush();
        return ok ? sw.toString() : "USAGE " + best.usage();
    }

    /** Sends a REGISTER for {@code peer} from a fresh UDP socket and returns that socket after the final response's status. */
    DatagramSocket register(String peer, int expires) throws IOException {
        DatagramSocket phone = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        phones.add(phone);
        phone.setSoTimeout(5000);
        int lp = phone.getLocalPort();
        int sp = sip().stack().udpAddress().getPort();
        String req = "REGISTER sip:127.0.0.1:" + sp + " SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 127.0.0.1:" + lp + ";branch=z9hG4bK-reg-" + peer + lp + ";rport\r\n"
            + "Max-Forwards: 70\r\n"
            + "From: <sip:" + peer + "@127.0.0.1>;tag=t" + lp + "\r\n"
            + "To: <sip:" + peer + "@127.0.0.1>\r\n"
            + "Call-ID: reg-" + peer + "-" + lp + "@127.0.0.1\r\n"
            + "CSeq: 1 REGISTER\r\n"
            + "Contact: <sip:" + peer + "@127.0.0.1:" + lp + ">\r\n"
            + "Expires: " + expires + "\r\n"
            + "User-Agent: TestPhone/1.0\r\n"
            + "Content-Length: 0\r\n\r\n";
        byte[] b = req.getBytes(StandardCharsets.US_ASCII);
        phone.send(new DatagramPacket(b, b.length, new InetSocketAddress(InetAddress.getLoopbackAddress(), sp)));
        for (;;) {
            String resp = receive(phone);
            int status = Integer.parseInt(resp.substring(8, 11));
            if (status >= 200) {
                if (status != 200) throw new AssertionError("REGISTER answered " + resp);
                return phone;
            }
        }
    }

    /** Calls {@code exten} from {@code phone} as {@code peer} offering ulaw, waits for the 200 and ACKs it; returns the Call-ID. */
    String call(DatagramSocket phone, String peer, String exten) throws IOException {
        int lp = phone.getLocalPort();
        int sp = sip().stack().udpAddress().getPort();
        String callId = "call-" + lp + "@127.0.0.1";
        String sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=audio " + (lp + 2) + " RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\na=sendrecv\r\n";
        String common = "Max-Forwards: 70\r\n"
            + "From: <sip:" + peer + "@127.0.0.1>;tag=c" + lp + "\r\n"
            + "Call-ID: " + callId + "\r\n"
            + "Contact: <sip:" + peer + "@127.0.0.1:" + lp + ">\r\n";
        send(phone, sp, "INVITE sip:" + exten + "@127.0.0.1:" + sp + " SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 127.0.0.1:" + lp + ";branch=z9hG4bK-inv" + lp + ";rport\r\n" + common
            + "To: <sip:" + exten + "@127.0.0.1>\r\nCSeq: 1 INVITE\r\nContent-Type: application/sdp\r\n"
            + "Content-Length: " + sdp.length() + "\r\n\r\n" + sdp);
        for (;;) {
            String resp = receive(phone);
            if (!resp.contains("CSeq: 1 INVITE")) continue;
            int status = Integer.parseInt(resp.substring(8, 11));
            if (status < 200) continue;
            if (status != 200) throw new AssertionError("INVITE answered " + resp);
            String to = resp.lines().filter(l -> l.startsWith("To:")).findFirst().orElseThrow();
            send(phone, sp, "ACK sip:" + exten + "@127.0.0.1:" + sp + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + lp + ";branch=z9hG4bK-ack" + lp + ";rport\r\n" + common
                + to + "\r\nCSeq: 1 ACK\r\nContent-Length: 0\r\n\r\n");
            return callId;
        }
    }

    private static void send(DatagramSocket s, int port, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        s.send(new DatagramPacket(b, b.length, new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));
    }

    static String receive(DatagramSocket s) throws IOException {
        DatagramPacket p = new DatagramPacket(new byte[65535], 65535);
        s.receive(p);
        return new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
    }

    /** The trunk: answers every request (OPTIONS) with 200 OK, copying the headers a response needs. */
    private void answerOptions() {
        try {
            for (;;) {
                DatagramPacket p = new DatagramPacket(new byte[65535], 65535);
                trunk.receive(p);
                String req = new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
                if (req.startsWith("SIP/2.0")) continue;
                StringBuilder r = new StringBuilder("SIP/2.0 200 OK\r\n");
                for (String l : req.split("\r\n")) {
                    String lower = l.toLowerCase(java.util.Locale.ROOT);
                    if (lower.startsWith("via:") || lower.startsWith("from:") || lower.startsWith("call-id:") || lower.startsWith("cseq:")) {
                        r.append(l).append("\r\n");
                    } else if (lower.startsWith("to:")) {
                        r.append(l).append(";tag=trunk1\r\n");
                    }
                }
                r.append("Content-Length: 0\r\n\r\n");
                byte[] b = r.toString().getBytes(StandardCharsets.US_ASCII);
                trunk.send(new DatagramPacket(b, b.length, p.getSocketAddress()));
                optionsAnswered.incrementAndGet();
            }
        } catch (IOException e) {
            // closed
        }
    }

    static int freePort() throws SocketException {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        test.close();
        trunk.close();
        answering.interrupt();
        for (DatagramSocket s : phones) s.close();
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
