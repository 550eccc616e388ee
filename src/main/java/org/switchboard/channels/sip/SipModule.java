package org.switchboard.channels.sip;

import org.switchboard.channels.sip.ami.SipPeersAction;
import org.switchboard.channels.sip.ami.SipQualifyPeerAction;
import org.switchboard.channels.sip.ami.SipShowPeerAction;
import org.switchboard.channels.sip.ami.SipShowRegistryAction;
import org.switchboard.channels.sip.apps.CheckSipDomainFunction;
import org.switchboard.channels.sip.apps.SipAddHeaderApp;
import org.switchboard.channels.sip.apps.SipChanInfoFunction;
import org.switchboard.channels.sip.apps.SipHeaderFunction;
import org.switchboard.channels.sip.apps.SipPeerFunction;
import org.switchboard.channels.sip.apps.SipRemoveHeaderApp;
import org.switchboard.channels.sip.cli.SipQualifyPeerCommand;
import org.switchboard.channels.sip.cli.SipReloadCommand;
import org.switchboard.channels.sip.cli.SipSetDebugCommand;
import org.switchboard.channels.sip.cli.SipShowChannelStatsCommand;
import org.switchboard.channels.sip.cli.SipShowChannelsCommand;
import org.switchboard.channels.sip.cli.SipShowPeerCommand;
import org.switchboard.channels.sip.cli.SipShowPeersCommand;
import org.switchboard.channels.sip.cli.SipShowRegistryCommand;
import org.switchboard.channels.sip.config.SipConfig;
import org.switchboard.channels.sip.config.SipSettings;
import org.switchboard.channels.sip.registrar.ShippedSecrets;
import org.switchboard.config.ConfigProblem;
import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;
import org.switchboard.core.ModuleDeclinedException;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;
import org.switchboard.core.message.MessageTechs;
import org.switchboard.media.rtp.RtpConfig;
import org.switchboard.res.devstate.DeviceStates;

/**
 * chan_sip's life: reads sip.conf and rtp.conf, binds the SIP transports and starts the stack;
 * {@code sip reload} swaps the settings without touching calls; unloading ends every call.
 */
public final class SipModule implements Module {
    public static final String NAME = "chan_sip";
    public static final String CONF = "sip.conf";


    private volatile Pbx pbx;
    private volatile SipStack stack;
    private volatile SipBackground background;
    private final SipMessageTech messageTech = new SipMessageTech(this);
    private final DeviceStates.Provider deviceStates = r -> SipDeviceState.of(this, r);

    /** The running module of this PBX, or null when chan_sip is not loaded there. */
    public static SipModule get(Pbx pbx) { return pbx == null ? null : pbx.lookup(SipModule.class); }

    @Override public String name() { return NAME; }
    @Override public String description() { return "Session Initiation Protocol (SIP)"; }

    public SipStack stack() { return stack; }
    public SipBackground background() { return background; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.channelDriver(new SipChannelDriver());
        ctx.cliCommand(new org.switchboard.channels.pjsip.SipToPjsipCommand()); // sip.conf read as pjsip.conf
        ctx.application(new SipAddHeaderApp());
        ctx.application(new SipRemoveHeaderApp());
        ctx.function(new SipHeaderFunction());
        ctx.function(new SipPeerFunction());
        ctx.function(new SipChanInfoFunction());
        ctx.function(new CheckSipDomainFunction());
        ctx.managerAction(new SipPeersAction());
        ctx.managerAction(new SipShowPeerAction());
        ctx.managerAction(new SipQualifyPeerAction());
        ctx.managerAction(new SipShowRegistryAction());
        ctx.cliCommand(new SipShowChannelStatsCommand());
        ctx.cliCommand(new SipShowPeersCommand());
        ctx.cliCommand(new SipShowPeerCommand());
        ctx.cliCommand(new SipShowChannelsCommand());
        ctx.cliCommand(new SipShowRegistryCommand());
        ctx.cliCommand(new SipReloadCommand());
        ctx.cliCommand(new SipSetDebugCommand());
        ctx.cliCommand(new SipQualifyPeerCommand());
        ctx.configValidator(this::check);
    }

    @Override
    public void load(ModuleContext ctx) throws ModuleDeclinedException {
        Pbx pbx = ctx.pbx();
        this.pbx = pbx;
        if (!pbx.hasConfig(CONF)) throw new ModuleDeclinedException("no " + CONF + " in " + pbx.configDir() + ": SIP is off");
        SipSettings s = read(pbx);
        RtpConfig rc = readRtp(pbx);
        try {
            stack = SipStack.start(pbx, s, rc);
        } catch (Exception e) {
            throw new ModuleDeclinedException("cannot listen on udp " + s.udpBindAddr() + ":" + s.udpBindPort()
                + (s.tcpEnable() ? " / tcp " + s.tcpBindAddr() + ":" + s.tcpBindPort() : "") + ": " + e.getMessage());
        }
        stack.onBindingChange(e -> SipPeerStatus.registrationChanged(pbx, e));
        background = new SipBackground(stack);
        background.start();
        for (var peer : s.peers().values()) {
            if (ShippedSecrets.isShipped(peer)) PbxLog.warning("chan_sip.c", ShippedSecrets.warning(CONF, "peer", peer.name()));
        }
        pbx.register(SipModule.class, this);
        MessageTechs.of(pbx).register(messageTech);
        DeviceStates.of(pbx).register("SIP", deviceStates);
        // the configured address (a socket bound to 0.0.0.0 reports itself as IPv6 [::])
        PbxLog.verbose(2, "SIP Listening on udp " + s.udpBindAddr() + ":" + stack.udpAddress().getPort()
            + (stack.tcpAddress() == null ? "" : ", tcp " + s.tcpBindAddr() + ":" + stack.tcpAddress().getPort())
            + "; " + s.peers().size() + " peer(s), " + s.registrations().size() + " registration(s)");
    }

    public java.util.List<String> check(java.nio.file.Path configDir) {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (java.nio.file.Files.isReadable(configDir.resolve(CONF))) {
            SipConfig.read(org.switchboard.config.ConfigReader.read(configDir, CONF), java.nio.file.Files.isReadable(configDir.resolve("acl.conf"))
                ? org.switchboard.channels.sip.config.NamedAcls.read(org.switchboard.config.ConfigReader.read(configDir, "acl.conf"))
                : org.switchboard.channels.sip.config.NamedAcls.NONE).problems().forEach(p -> out.add(p.toString()));
        }
        if (java.nio.file.Files.isReadable(configDir.resolve("rtp.conf"))) {
            RtpConfig.read(org.switchboard.config.ConfigReader.read(configDir, "rtp.conf")).problems().forEach(p -> out.add(p.toString()));
        }
        return out;
    }

    static SipSettings read(Pbx pbx) {
        SipSettings s = SipConfig.read(pbx.config(CONF), pbx.hasConfig("acl.conf")
            ? org.switchboard.channels.sip.config.NamedAcls.read(pbx.config("acl.conf")) : org.switchboard.channels.sip.config.NamedAcls.NONE);
        for (ConfigProblem p : s.problems()) PbxLog.warning("chan_sip.c", p.toString());
        return s;
    }

    private static RtpConfig readRtp(Pbx pbx) {
        RtpConfig rc = pbx.hasConfig("rtp.conf") ? RtpConfig.read(pbx.config("rtp.conf")) : RtpConfig.defaults();
        for (Object p : rc.problems()) PbxLog.warning("rtp_engine.c", p.toString());
        return rc;
    }

    @Override
    public void reload(Pbx pbx) throws ModuleDeclinedException {
        SipStack st = stack;
        if (st == null) throw new ModuleDeclinedException("chan_sip is not running");
        if (!pbx.hasConfig(CONF)) throw new ModuleDeclinedException("no " + CONF + "; settings left as they are");
        SipSettings s = read(pbx);
        st.reload(s);
        SipBackground b = background;
        if (b != null) b.reload(s);
        PbxLog.verbose(2, "SIP reloaded: " + s.peers().size() + " peer(s), " + s.registrations().size()
            + " registration(s); " + st.calls().size() + " call(s) kept");
    }

    @Override
    public void unload() {
        Pbx p = pbx;
        if (p != null) {
            p.unregister(SipModule.class, this);
            MessageTechs.of(p).unregister(messageTech);
            DeviceStates.of(p).unregister("SIP", deviceStates);
        }
        SipBackground b = background;
        if (b != null) b.stop();
        SipStack st = stack;
        if (st != null) st.close();
    }
}
