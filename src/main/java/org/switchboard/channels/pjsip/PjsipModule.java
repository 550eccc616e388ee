package org.switchboard.channels.pjsip;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.channels.pjsip.config.PjsipConfig;
import org.switchboard.channels.pjsip.config.PjsipSettings;
import org.switchboard.channels.sip.SipStack;
import org.switchboard.config.ConfigProblem;
import org.switchboard.config.ConfigReader;
import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;
import org.switchboard.core.ModuleDeclinedException;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;
import org.switchboard.media.rtp.RtpConfig;
import org.switchboard.res.devstate.DeviceStates;

/**
 * chan_pjsip's life: reads pjsip.conf, maps it onto the SIP stack ({@link PjsipMapping}) and
 * runs that stack on the transport's bind, beside chan_sip's when both files exist (they must
 * then bind different ports, as chan_sip and chan_pjsip did in Asterisk up to 20).
 * {@code pjsip reload} swaps the settings; calls and registrations keep running.
 */
public final class PjsipModule implements Module {
    public static final String NAME = "chan_pjsip";
    public static final String CONF = "pjsip.conf";
    static final String SOURCE = "res_pjsip.c";

    private volatile Pbx pbx;
    private volatile SipStack stack;
    private volatile PjsipMapping mapping;
    private volatile PjsipRegistrations registrations;
    private volatile PjsipQualifier qualifier;
    private volatile boolean webSocketRouted;   // /ws carries SIP: a ws or wss transport is configured
    private final DeviceStates.Provider deviceStates = r -> PjsipDeviceState.of(this, r);

    /** The running module of this PBX, or null when chan_pjsip is not loaded there. */
    /** The running module for a Manager action, or null after answering {@code Response: Error} (chan_pjsip not running). */
    static PjsipModule running(Pbx pbx, org.switchboard.core.ManagerReply reply) {
        PjsipModule m = get(pbx);
        if (m == null || m.stack() == null) {
            reply.error("chan_pjsip is not running");
            return null;
        }
        return m;
    }

    public static PjsipModule get(Pbx pbx) { return pbx == null ? null : pbx.lookup(PjsipModule.class); }

    @Override public String name() { return NAME; }
    @Override public String description() { return "PJSIP Channel Driver"; }

    public SipStack stack() { return stack; }
    public PjsipMapping mapping() { return mapping; }
    public PjsipSettings settings() { return mapping.pjsip(); }
    /** The outbound registrations ({@code type=registration}); null before load. */
    PjsipRegistrations registrations() { return registrations; }
    /** The qualify pings of contacts (aor qualify_frequency); null before load. */
    PjsipQualifier qualifier() { return qualifier; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.channelDriver(new PjsipChannelDriver());
        ctx.function(new PjsipDialContactsFunction());
        ctx.managerAction(new PjsipShowEndpointsAction());
        ctx.cliCommand(new PjsipShowEndpointsCommand());
        ctx.cliCommand(new PjsipShowEndpointCommand());
        ctx.cliCommand(new PjsipShowAorsCommand());
        ctx.cliCommand(new PjsipShowContactsCommand());
        ctx.cliCommand(new PjsipShowAuthsCommand());
        ctx.cliCommand(new PjsipReloadCommand());
        ctx.cliCommand(new PjsipShowRegistrationsCommand());
        ctx.cliCommand(PjsipSendRegisterCommand.register());
        ctx.cliCommand(PjsipSendRegisterCommand.unregister());
        ctx.cliCommand(new PjsipShowTransportsCommand());
        ctx.cliCommand(new PjsipShowChannelsCommand());
        ctx.cliCommand(new PjsipSetLoggerCommand());
        ctx.function(new PjsipHeaderFunction());
        ctx.function(new PjsipEndpointFunction());
        ctx.function(new PjsipAorFunction());
        ctx.function(new PjsipContactFunction());
        ctx.managerAction(new PjsipShowRegistrationsOutboundAction());
        ctx.managerAction(new PjsipShowEndpointAction());
        ctx.managerAction(new PjsipShowContactsAction());
        ctx.managerAction(new PjsipQualifyAction());
        ctx.managerAction(PjsipRegisterAction.register());
        ctx.managerAction(PjsipRegisterAction.unregister());
        ctx.managerAction(new PjsipNotifyAction());
        ctx.configValidator(this::check);
    }

    @Override
    public void load(ModuleContext ctx) throws ModuleDeclinedException {
        Pbx pbx = ctx.pbx();
        this.pbx = pbx;
        if (!pbx.hasConfig(CONF)) throw new ModuleDeclinedException("no " + CONF + " in " + pbx.configDir() + ": PJSIP is off");
        PjsipMapping m = read(pbx);
        if (m.pjsip().transports().isEmpty()) {
            throw new ModuleDeclinedException(CONF + " has no usable type=transport section: PJSIP is off");
        }
        RtpConfig rc = pbx.hasConfig("rtp.conf") ? RtpConfig.read(pbx.config("rtp.conf")) : RtpConfig.defaults();
        try {
            stack = SipStack.start(pbx, m.sip(), rc, "PJSIP", m.rules());
        } catch (Exception e) {
            throw new ModuleDeclinedException("cannot listen on udp " + m.sip().udpBindAddr() + ":" + m.sip().udpBindPort()
                + (m.sip().tcpEnable() ? " / tcp " + m.sip().tcpBindAddr() + ":" + m.sip().tcpBindPort() : "")
                + " (is chan_sip on the same port?): " + e.getMessage());
        }
        mapping = m;
        webSocketRouted = m.pjsip().transport("ws") != null || m.pjsip().transport("wss") != null;
        if (webSocketRouted) PjsipWebSocket.enable(pbx, stack);
        if (m.pjsip().endpoints().values().stream().anyMatch(e -> e.media().iceDtls() != null)) {
            org.switchboard.net.ice.IceWarmUp.inBackground(); // the certificate and ice4j, before the first WebRTC call waits on them
        }
        if (m.pjsip().endpoints().values().stream().anyMatch(e -> e.media().iceDtls() != null
                && e.codecs().contains(org.switchboard.channels.sip.config.Codec.OPUS))) {
            org.switchboard.media.codec.OpusWarmUp.inBackground(); // a browser's audio is Opus: JIT it before a call waits on it
        }
        pbx.register(PjsipModule.class, this);
        for (var e : m.pjsip().endpoints().values()) { // the endpoint's auth holds the password (res_pjsip)
            var auth = e.auth() == null ? null : m.pjsip().auth(e.auth());
            if (auth != null && org.switchboard.channels.sip.registrar.ShippedSecrets.isShipped(auth.password())) {
                PbxLog.warning(SOURCE, org.switchboard.channels.sip.registrar.ShippedSecrets.warning(CONF, "endpoint", e.name()));
            }
        }
        DeviceStates.of(pbx).register("PJSIP", deviceStates);
        stack.onBindingChange(this::contactChanged);
        registrations = new PjsipRegistrations(stack, m.pjsip());
        m.rules().lines(registrations::endpointOfLine);
        registrations.start();
        qualifier = new PjsipQualifier(this, stack);
        qualifier.start();
        PbxLog.verbose(2, "PJSIP Listening on udp " + m.sip().udpBindAddr() + ":" + stack.udpAddress().getPort()
            + (stack.tcpAddress() == null ? "" : ", tcp " + m.sip().tcpBindAddr() + ":" + stack.tcpAddress().getPort())
            + "; " + m.pjsip().endpoints().size() + " endpoint(s), " + m.pjsip().aors().size() + " aor(s)");
    }

    public List<String> check(Path configDir) {
        List<String> out = new ArrayList<>();
        if (Files.isReadable(configDir.resolve(CONF))) {
            PjsipConfig.read(ConfigReader.read(configDir, CONF), Files.isReadable(configDir.resolve("acl.conf"))
                ? ConfigReader.read(configDir, "acl.conf") : null).problems().forEach(p -> out.add(p.toString()));
        }
        return out;
    }

    static PjsipMapping read(Pbx pbx) {
        PjsipSettings s = PjsipConfig.read(pbx.config(CONF), pbx.hasConfig("acl.conf") ? pbx.config("acl.conf") : null);
        for (ConfigProblem p : s.problems()) PbxLog.warning(SOURCE, p.toString());
        return PjsipMapping.of(s);
    }

    @Override
    public void reload(Pbx pbx) throws ModuleDeclinedException {
        SipStack st = stack;
        if (st == null) throw new ModuleDeclinedException("chan_pjsip is not running");
        if (!pbx.hasConfig(CONF)) throw new ModuleDeclinedException("no " + CONF + "; settings left as they are");
        PjsipMapping m = read(pbx);
        st.reload(m.sip());
        PjsipRegistrations regs = registrations;
        if (regs != null) m.rules().lines(regs::endpointOfLine);
        st.registrar().rules(m.rules());
        mapping = m;
        if (regs != null) regs.reload(m.pjsip());
        // a ws/wss transport added (or removed) by the edit takes effect now, as res_pjsip's reload creates new transports
        boolean wanted = m.pjsip().transport("ws") != null || m.pjsip().transport("wss") != null;
        if (wanted && !webSocketRouted) PjsipWebSocket.enable(pbx, st);
        else if (!wanted && webSocketRouted) PjsipWebSocket.disable(pbx, st);
        webSocketRouted = wanted;
        PbxLog.verbose(2, "PJSIP reloaded: " + m.pjsip().endpoints().size() + " endpoint(s), "
            + m.pjsip().aors().size() + " aor(s); " + st.calls().size() + " call(s) kept");
    }

    /** A contact of an aor came or went: every endpoint serving that aor may have changed state (res_pjsip's contact observer). */
    private void contactChanged(org.switchboard.channels.sip.registrar.BindingEvent e) {
        Pbx p = pbx;
        PjsipMapping m = mapping;
        if (p == null || m == null) return;
        SipStack st = stack;
        if (st != null) PjsipContactEvents.publish(st, m.pjsip(), e);
        for (org.switchboard.channels.pjsip.config.PjsipEndpoint ep : m.pjsip().endpoints().values()) {
            if (ep.aors().stream().anyMatch(a -> a.equalsIgnoreCase(e.binding().peer()))) DeviceStates.of(p).changed("PJSIP/" + ep.name());
        }
    }

    @Override
    public void unload() {
        Pbx p = pbx;
        if (p != null) {
            p.unregister(PjsipModule.class, this);
            DeviceStates.of(p).unregister("PJSIP", deviceStates);
        }
        SipStack st = stack;
        PjsipRegistrations regs = registrations;
        if (regs != null) regs.stop();
        PjsipQualifier q = qualifier;
        if (q != null) q.stop();
        if (p != null && st != null) PjsipWebSocket.disable(p, st);
        if (st != null) st.close();
    }
}
