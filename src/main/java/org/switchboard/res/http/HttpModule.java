package org.switchboard.res.http;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.switchboard.config.ConfigReader;
import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;
import org.switchboard.core.ModuleDeclinedException;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;

/**
 * The built-in HTTP server with its WebSocket endpoint {@code /ws} (Asterisk's http.c with
 * res_http_websocket): reads http.conf, declines with one line when it is missing or says
 * {@code enabled = no}. Other modules serve WebSocket subprotocols through {@link HttpRoutes}.
 */
public final class HttpModule implements Module {
    public static final String NAME = "res_http_websocket";
    public static final String CONF = "http.conf";
    static final String SOURCE = "http.c";

    private volatile Pbx pbx;
    private volatile HttpConfig config;
    private volatile HttpServer server;

    /** The running HTTP server's module of a PBX, or null. */
    public static HttpModule get(Pbx pbx) { return pbx == null ? null : pbx.lookup(HttpModule.class); }

    @Override public String name() { return NAME; }
    @Override public String description() { return "HTTP WebSocket Support"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.cliCommand(new HttpShowStatusCommand());
        ctx.configValidator(this::check);
    }

    @Override
    public void load(ModuleContext ctx) throws ModuleDeclinedException {
        Pbx pbx = ctx.pbx();
        this.pbx = pbx;
        HttpConfig c = read(pbx);
        server = start(pbx, c);
        config = c;
        pbx.register(HttpModule.class, this);
        PbxLog.verbose(2, "HTTP Server Enabled and Bound to " + hostPort(server.plainAddress(), c.plain())
            + (server.tlsAddress() == null ? "" : "; HTTPS Server Enabled and Bound to " + hostPort(server.tlsAddress(), c.tls())));
    }

    private static HttpConfig read(Pbx pbx) throws ModuleDeclinedException {
        if (!pbx.hasConfig(CONF)) throw new ModuleDeclinedException("no " + CONF + ": the HTTP server is off");
        HttpConfig c = HttpConfig.from(pbx.config(CONF));
        c.problems().forEach(p -> PbxLog.warning(SOURCE, p));
        if (!c.enabled()) throw new ModuleDeclinedException(CONF + " has enabled = no: the HTTP server is off");
        return c;
    }

    private static HttpServer start(Pbx pbx, HttpConfig c) throws ModuleDeclinedException {
        HttpServer s = new HttpServer(() -> HttpRoutes.of(pbx));
        try {
            s.bind(c);
        } catch (Exception e) {
            s.close();
            throw new ModuleDeclinedException("HTTP server cannot listen on " + c.plain().getHostString() + ":" + c.plain().getPort()
                + (c.tls() == null ? "" : " / HTTPS " + c.tls().getHostString() + ":" + c.tls().getPort()) + ": " + e.getMessage());
        }
        return s;
    }

    public List<String> check(Path configDir) {
        if (!Files.isReadable(configDir.resolve(CONF))) return List.of();
        return HttpConfig.from(ConfigReader.read(configDir, CONF)).problems();
    }

    /** {@code module reload}: rebinds when http.conf changed; open WebSocket connections of the old binds close. */
    @Override
    public void reload(Pbx pbx) throws ModuleDeclinedException {
        HttpConfig c = read(pbx);
        if (c.equals(config)) return;
        HttpServer old = server;
        if (old != null) old.close();
        server = null;
        server = start(pbx, c);
        config = c;
        PbxLog.verbose(2, "HTTP server reloaded: bound to " + hostPort(server.plainAddress(), c.plain()));
    }

    @Override
    public void unload() {
        Pbx p = pbx;
        if (p != null) p.unregister(HttpModule.class, this);
        HttpServer s = server;
        server = null;
        if (s != null) s.close();
    }

    public HttpConfig config() { return config; }

    /** Where HTTP listens (the real port when 0 was asked), or null when not running. */
    public InetSocketAddress httpAddress() { HttpServer s = server; return s == null ? null : s.plainAddress(); }

    /** Where HTTPS listens, or null. */
    public InetSocketAddress httpsAddress() { HttpServer s = server; return s == null ? null : s.tlsAddress(); }

    /** The configured host (a wildcard bind reports itself as [::]) with the bound port. */
    static String hostPort(InetSocketAddress bound, InetSocketAddress configured) {
        return (configured == null ? bound.getHostString() : configured.getHostString()) + ":" + bound.getPort();
    }
}
