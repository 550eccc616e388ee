package org.switchboard.channels.pjsip;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.switchboard.channels.sip.SipStack;
import org.switchboard.testing.TestPbx;

/** A PBX with chan_pjsip on 127.0.0.1 (a free port): a UDP transport first, then the test's pjsip.conf text. */
final class PjsipPbxFixture implements AutoCloseable {
    static final String TRANSPORT = "[transport-udp]\ntype=transport\nprotocol=udp\nbind=127.0.0.1:0\n\n";
    final TestPbx pbx;
    private final Path dir;

    private PjsipPbxFixture(Path dir) {
        this.dir = dir;
        pbx = new TestPbx(dir);
    }

    static PjsipPbxFixture start(Path dir, String pjsip, String extensions) throws IOException {
        Files.writeString(dir.resolve("pjsip.conf"), TRANSPORT + pjsip);
        Files.writeString(dir.resolve("extensions.conf"), extensions);
        Files.writeString(dir.resolve("rtp.conf"), "[general]\nrtpstart=23000\nrtpend=24998\n");
        Files.writeString(dir.resolve("modules.conf"), "[modules]\nautoload=yes\nnoload => chan_skype\nnoload => res_manager\n");
        PjsipPbxFixture f = new PjsipPbxFixture(dir);
        if (PjsipModule.get(f.pbx.pbx) == null) {
            f.close();
            throw new IllegalStateException("chan_pjsip did not load: " + f.pbx.log);
        }
        return f;
    }

    /**
     * A provider trunk: endpoint {@code trunk} in context {@code from-trunk} (ulaw), its aor's
     * static contact at {@code provider:port}, identified by that address; {@code options} are
     * further endpoint lines.
     */
    static String trunk(InetAddress provider, int port, String options) {
        return """
            [trunk]
            type=endpoint
            context=from-trunk
            allow=ulaw
            aors=trunk
            %s

            [trunk]
            type=aor
            contact=sip:%s:%d

            [trunk-identify]
            type=identify
            endpoint=trunk
            match=%s/32
            """.formatted(options, provider.getHostAddress(), port, provider.getHostAddress());
    }

    static String trunk(InetAddress provider, int port) { return trunk(provider, port, ""); }

    /**
     * A phone: endpoint {@code name} from the endpoint template {@code template}, its auth (user
     * {@code name}, password {@code name-pw}) and its aor, which takes {@code maxContacts} contacts;
     * {@code aorOptions} are further aor lines.
     */
    static String phone(String name, String template, int maxContacts, String aorOptions) {
        return "\n[%1$s](%2$s)\nauth=%1$s\naors=%1$s\n".formatted(name, template)
                + authAndAor(name, name + "-pw", maxContacts, aorOptions);
    }

    /**
     * The auth (user {@code name}, {@code password}) and the aor (taking {@code maxContacts}
     * contacts, then {@code aorOptions}) that endpoint {@code name}'s {@code auth=} and {@code aors=} name.
     */
    static String authAndAor(String name, String password, int maxContacts, String aorOptions) {
        return """

            [%1$s]
            type=auth
            auth_type=userpass
            username=%1$s
            password=%2$s

            [%1$s]
            type=aor
            max_contacts=%3$d
            %4$s
            """.formatted(name, password, maxContacts, aorOptions);
    }

    static String phone(String name, String template) { return phone(name, template, 1, ""); }

    PjsipModule module() { return PjsipModule.get(pbx.pbx); }
    SipStack stack() { return module().stack(); }
    int port() { return stack().udpAddress().getPort(); }

    /** A UDP port free right now on loopback, for a SIPp phone to register from and then answer on. */
    static int freePort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return s.getLocalPort();
        }
    }

    /** Writes pjsip.conf anew (the UDP transport, then {@code pjsip}) and runs {@code pjsip reload}; returns what it printed. */
    String reload(String pjsip) throws IOException {
        Files.writeString(dir.resolve("pjsip.conf"), TRANSPORT + pjsip);
        return cli("pjsip reload");
    }

    /** Runs {@code Dial(data)} on channel {@code c} on a thread of its own, as a call's dialplan would. */
    Thread dial(org.switchboard.core.Channel c, String data) {
        return Thread.ofVirtual().start(() -> pbx.pbx.execute(c, "Dial", data));
    }

    /** The output of a console command. */
    String cli(String command) {
        var out = new java.io.StringWriter();
        new org.switchboard.res.cli.CliDispatcher(pbx.pbx).execute(command, new java.io.PrintWriter(out, true));
        return out.toString();
    }

    @Override public void close() { pbx.close(); }
}
