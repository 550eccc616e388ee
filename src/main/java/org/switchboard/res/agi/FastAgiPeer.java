package org.switchboard.res.agi;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import org.switchboard.core.PbxLog;

/**
 * A FastAGI server over TCP ({@code agi://host[:port][/script]}): {@code agi_network: yes} and
 * {@code agi_network_script} precede the environment block, a hangup is a {@code HANGUP} line
 * (when AGISIGHUP allows). The connection attempt is bounded by agi.conf's connecttimeout
 * (2 s, as Asterisk's MAX_AGI_CONNECT); the session's read timeout covers a server that
 * accepts and then says nothing.
 */
final class FastAgiPeer implements AgiPeer {
    private final Socket socket;
    private final OutputStream out;
    private final String script;
    private final String display;
    private final int maxLineBytes;
    private volatile boolean stopped;

    private FastAgiPeer(Socket socket, String script, String display, int maxLineBytes) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.script = script;
        this.display = display;
        this.maxLineBytes = maxLineBytes;
    }

    /** Connects to {@code host:port}; null (after a warning) when that fails. */
    static FastAgiPeer connect(AgiTarget t, String host, int port, AgiSettings settings) {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(host, port), (int) settings.connectTimeoutMs());
            return new FastAgiPeer(s, t.script(), t.text(), settings.maxLineBytes());
        } catch (IOException | IllegalArgumentException | SecurityException e) {
            closeQuietly(s);
            PbxLog.warning("res_agi.c", "Connecting to '" + host + ":" + port + "' failed for url '" + t.text() + "': "
                    + (e instanceof java.net.SocketTimeoutException ? "no answer within " + settings.connectTimeoutMs() + " ms"
                    : e.getMessage()));
            return null;
        }
    }

    /** hagi://: tries each server DNS SRV names for {@code _agi._tcp.host}, in order, until one connects. */
    static FastAgiPeer connectSrv(AgiTarget t, AgiSettings settings, SrvLookup lookup) {
        List<SrvLookup.Target> targets = lookup.find("_agi._tcp." + t.host());
        if (targets.isEmpty()) {
            PbxLog.warning("res_agi.c", "SRV lookup failed for _agi._tcp." + t.host());
            return null;
        }
        for (SrvLookup.Target srv : targets) {
            FastAgiPeer p = connect(t, srv.host(), srv.port(), settings);
            if (p != null) return p;
        }
        PbxLog.warning("res_agi.c", "Couldn't connect to any host.  FastAGI failed.");
        return null;
    }

    @Override
    public String begin(BlockingQueue<AgiInput> inbox, java.util.concurrent.Executor readers, String environment) throws IOException {
        AgiStreamReader.start(readers, "fastagi-" + display, socket.getInputStream(), maxLineBytes, inbox, () -> stopped);
        StringBuilder head = new StringBuilder("agi_network: yes\n");
        if (!script.isEmpty()) head.append("agi_network_script: ").append(AgiEnvironment.oneLine(script)).append('\n');
        String text = head.append(environment).toString();
        send(text);
        return text;
    }

    @Override
    public void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public String hangupNotice() {
        try {
            send("HANGUP\n");
            return "HANGUP\n";
        } catch (IOException e) {
            return null;   // the server left already
        }
    }

    @Override
    public String describe() { return display; }

    @Override
    public boolean finish(boolean sighup) {
        stopped = true;
        closeQuietly(socket);
        return true;
    }

    @Override
    public void abort() { finish(false); }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
