package org.switchboard.res.xmpp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.switchboard.config.ConfigReader;
import org.switchboard.core.Channel;
import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;
import org.switchboard.core.ModuleDeclinedException;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;
import org.switchboard.core.message.MessageTechs;
import org.switchboard.net.xmpp.SmackLogBridge;

/**
 * res_xmpp: the clients of xmpp.conf, each logged in to its XMPP server, for JabberSend,
 * JABBER_RECEIVE, JABBER_STATUS, {@code xmpp show ...}, the Manager's JabberSend and MessageSend
 * to {@code xmpp:}. Built on the XMPP layer chan_skype uses (net.xmpp), not beside it.
 */
public final class XmppModule implements Module {
    public static final String NAME = "res_xmpp";
    public static final String CONF = "xmpp.conf";

    static {
        SmackLogBridge.install();
    }

    private volatile Pbx pbx;
    private volatile XmppConfig config;
    private final Map<String, XmppClient> clients = new ConcurrentHashMap<>();
    private final XmppMessageTech messageTech = new XmppMessageTech();

    /** The running module of this PBX, or null when res_xmpp is not loaded there. */
    public static XmppModule get(Pbx pbx) { return pbx == null ? null : pbx.lookup(XmppModule.class); }

    @Override public String name() { return NAME; }
    @Override public String description() { return "Asterisk XMPP Interface"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.application(new JabberSendApp());
        ctx.application(new JabberStatusApp());
        ctx.application(new JabberJoinApp());
        ctx.application(new JabberLeaveApp());
        ctx.application(new JabberSendGroupApp());
        ctx.function(new JabberReceiveFunction());
        ctx.function(new JabberStatusFunction());
        ctx.managerAction(new JabberSendAction());
        ctx.cliCommand(new XmppShowConnectionsCommand());
        ctx.cliCommand(new XmppShowBuddiesCommand());
        ctx.configValidator(this::check);
    }

    @Override
    public void load(ModuleContext ctx) throws ModuleDeclinedException {
        Pbx pbx = ctx.pbx();
        this.pbx = pbx;
        if (!pbx.hasConfig(CONF)) throw new ModuleDeclinedException("no " + CONF + " in " + pbx.configDir() + ": no XMPP clients");
        XmppConfig c = read(pbx);
        if (c.clients().isEmpty()) throw new ModuleDeclinedException(CONF + " has no usable client");
        start(c);
        pbx.register(XmppModule.class, this);
        MessageTechs.of(pbx).register(messageTech);
        PbxLog.verbose(2, "res_xmpp: " + c.clients().size() + " XMPP client(s) configured: " + String.join(", ", c.clients().keySet()));
    }

    private void start(XmppConfig c) {
        config = c;
        for (XmppConfig.Client cc : c.clients().values()) {
            XmppClient client = new XmppClient(pbx, c.general(), cc);
            clients.put(cc.name(), client);
            client.start();
        }
    }

    public List<String> check(Path configDir) {
        if (!Files.isReadable(configDir.resolve(CONF))) return List.of();
        return XmppConfig.from(ConfigReader.read(configDir, CONF)).problems();
    }

    private static XmppConfig read(Pbx pbx) {
        XmppConfig c = XmppConfig.from(pbx.config(CONF));
        for (String p : c.problems()) PbxLog.warning(NAME, p);
        return c;
    }

    /** {@code module reload res_xmpp}: every client logs in again with the new settings. */
    @Override
    public void reload(Pbx pbx) throws ModuleDeclinedException {
        if (!pbx.hasConfig(CONF)) throw new ModuleDeclinedException("no " + CONF + "; clients left as they are");
        XmppConfig next = read(pbx);
        stopAll();
        start(next);
        PbxLog.verbose(2, "res_xmpp reloaded: " + next.clients().size() + " client(s)");
    }

    @Override
    public void unload() {
        Pbx p = pbx;
        if (p != null) {
            p.unregister(XmppModule.class, this);
            MessageTechs.of(p).unregister(messageTech);
        }
        stopAll();
    }

    private void stopAll() {
        List<XmppClient> all = List.copyOf(clients.values());
        clients.clear();
        all.parallelStream().forEach(XmppClient::stop);
    }

    /** The client named (case-insensitive), or null. */
    public XmppClient client(String name) {
        if (name == null) return null;
        XmppClient c = clients.get(name);
        if (c != null) return c;
        for (XmppClient x : clients.values()) if (x.name().equalsIgnoreCase(name)) return x;
        return null;
    }

    /** Every client, in xmpp.conf's order. */
    public List<XmppClient> clients() {
        XmppConfig c = config;
        if (c == null) return List.of();
        return c.clients().keySet().stream().map(clients::get).filter(java.util.Objects::nonNull).toList();
    }

    /**
     * The client a dialplan word names, or null after res_xmpp's log line ("Could not find client")
     * for an unknown one; the call goes on either way.
     */
    static XmppClient client(String word, Channel c, String account) {
        XmppModule m = get(c == null ? null : c.pbx());
        XmppClient x = m == null ? null : m.client(account.trim());
        if (x == null) {
            PbxLog.warning(NAME, word + ": could not find XMPP client '" + account.trim() + "'"
                    + (m == null ? " (res_xmpp is not loaded)" : "; xmpp.conf has " + String.join(", ", m.clients.keySet())));
        }
        return x;
    }
}
