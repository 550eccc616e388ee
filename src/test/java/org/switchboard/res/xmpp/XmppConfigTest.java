package org.switchboard.res.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.config.ConfigReader;

/** xmpp.conf as res_xmpp reads it: defaults, and each bad line as file:line with what is used instead. */
class XmppConfigTest {
    private static XmppConfig read(String text) {
        return XmppConfig.from(ConfigReader.parse("xmpp.conf", text, Path.of(".")));
    }

    @Test
    void aClientSectionWithItsDefaults() {
        XmppConfig c = read("""
                [general]
                autoprune=yes
                [asterisk]
                type=client
                serverhost=xmpp.example.com
                username=asterisk@Example.COM/desk
                secret=s3cret
                buddy=bob@example.com,carol@example.com
                buddy=dave@example.com
                """);
        assertThat(c.problems()).isEmpty();
        assertThat(c.general().autoprune()).isTrue();
        assertThat(c.general().autoregister()).isTrue();
        XmppConfig.Client a = c.client("ASTERISK");
        assertThat(a.jid()).isEqualTo("asterisk@example.com");
        assertThat(a.resource()).isEqualTo("desk");
        assertThat(a.serverhost()).isEqualTo("xmpp.example.com");
        assertThat(a.port()).isEqualTo(5222);
        assertThat(a.useTls()).isTrue();
        assertThat(a.status()).isEqualTo("available");
        assertThat(a.statusMessage()).isEqualTo("Online and Available");
        assertThat(a.priority()).isEqualTo(1);
        assertThat(a.timeoutS()).isEqualTo(5);
        assertThat(a.context()).isEqualTo("default");
        assertThat(a.sendToDialplan()).isFalse();
        assertThat(a.buddies()).containsExactly("bob@example.com", "carol@example.com", "dave@example.com");
        assertThat(a.toString()).doesNotContain("s3cret");
        assertThat(read("[x]\nusername=a@b\nsecret=p\n").client("x").resource()).isEqualTo("asterisk");
    }

    @Test
    void everyBadLineIsNamedWithItsFileAndLine() {
        XmppConfig c = read("""
                [general]
                auth_policy=maybe
                colour=blue
                [asterisk]
                type=client
                username=asterisk@example.com
                secret=pw
                port=99999
                usetls=perhaps
                usesasl=no
                status=busy
                timeout=-1
                [nouser]
                secret=pw
                [nosecret]
                username=a@example.com
                [badjid]
                username=not a jid
                secret=pw
                [component]
                type=component
                """);
        assertThat(c.problems()).containsExactlyInAnyOrder(
                "xmpp.conf:2: auth_policy must be accept or reject, not 'maybe'; accept is used",
                "xmpp.conf:3: unknown option 'colour' in [general]",
                "xmpp.conf:10: usesasl=no (the old jabber:iq:auth login, XEP-0078) is not supported; SASL is used",
                "xmpp.conf:11: unknown status 'busy' (chat, available, away, xaway, dnd); available is used",
                "xmpp.conf:8: port must be a whole number from 1 to 65535, not '99999'; 5222 is used",
                "xmpp.conf:9: usetls must be yes or no, not 'perhaps'; yes is used",
                "xmpp.conf:12: timeout must be a whole number from 0 to 3600, not '-1'; 5 is used",
                "xmpp.conf:13: client [nouser] needs username=user@domain; it is left out",
                "xmpp.conf:15: client [nosecret] has no secret; it is left out",
                "xmpp.conf:18: client [badjid] needs username=user@domain, not 'not a jid'; it is left out",
                "xmpp.conf:20: [component] type=component (a server component) is not supported; it is left out");
        assertThat(c.clients()).containsOnlyKeys("asterisk");
    }

    @Test
    void aLineThatIsNoOptionIsReportedByCheck(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("xmpp.conf"), "[asterisk]\nusername=a@example.com\nthis line has no equals sign\nsecret=pw\n");
        assertThat(new XmppModule().check(dir)).anyMatch(p -> p.startsWith("xmpp.conf:3: "));
    }
}
