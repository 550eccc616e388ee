package org.switchboard.channels.sip;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.ZoneId;
import org.switchboard.channels.sip.config.SipRegistration;
import org.switchboard.channels.sip.config.SipSettings;
import org.switchboard.channels.sip.registry.RegistrationClient;
import org.switchboard.channels.sip.registry.RetryPolicy;
import org.switchboard.channels.sip.registry.SipRegistry;
import org.switchboard.channels.sip.transport.Protocol;

/** What chan_sip does on its own while running: {@code qualify} pings, {@code register =>} lines, MWI NOTIFYs. */
public final class SipBackground {
    private final SipStack stack;
    private final SipQualifier qualifier;
    private final SipRegistry registry;
    private final SipMwi mwi;

    SipBackground(SipStack stack) {
        this.stack = stack;
        this.qualifier = new SipQualifier(stack);
        this.mwi = new SipMwi(stack);
        this.registry = new SipRegistry(this::client, ZoneId.systemDefault());
    }

    /** One client per line, its Contact on the address that reaches the registrar. */
    private RegistrationClient client(SipRegistration reg) {
        Protocol p = Protocol.of(reg.transport());
        RegistrationClient c = new RegistrationClient(reg, stack.settings(), stack.layer(), () -> {
            InetAddress remote;
            try {
                remote = InetAddress.getByName(reg.host());
            } catch (java.net.UnknownHostException e) {
                remote = null;
            }
            return new InetSocketAddress(stack.localHost(remote), stack.localPort(p));
        }, stack.scheduler(), stack.pbx().clock(),
            new RetryPolicy(java.time.Duration.ofSeconds(stack.settings().registerTimeout()), stack.settings().registerAttempts()));
        if (stack.settings().srvLookup()) locateRegistrar(stack, c);
        return c;
    }

    /**
     * RFC 3263 for a {@code register =>} line or a {@code type=registration}: NAPTR, SRV, then A/AAAA
     * unless the line names a port or its host is an address; {@code udp} (the default) lets NAPTR choose.
     */
    public static void locateRegistrar(SipStack stack, RegistrationClient c) {
        c.locateWith(r -> {
            Protocol forced = r.transport().equalsIgnoreCase("udp") ? null : Protocol.of(r.transport());
            return stack.locator().locate(r.host(), r.port(), forced, false);
        }, target -> new InetSocketAddress(stack.localHost(target.address().getAddress()), stack.localPort(target.protocol())));
    }

    public SipQualifier qualifier() { return qualifier; }
    public SipRegistry registry() { return registry; }
    SipMwi mwi() { return mwi; }

    void start() {
        qualifier.start();
        mwi.start();
        registry.start(stack.settings().registrations());
    }

    void reload(SipSettings s) { registry.reload(s.registrations()); }

    void stop() {
        qualifier.stop();
        mwi.stop();
        try {
            registry.stop().get(2, java.util.concurrent.TimeUnit.SECONDS); // best effort: Expires 0 to each registrar
        } catch (Exception e) {
            // an unanswered un-REGISTER must not hold up the unload
        }
    }
}
