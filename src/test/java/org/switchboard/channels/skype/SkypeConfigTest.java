package org.switchboard.channels.skype;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.switchboard.config.ConfigReader;

/** chan_skype.conf rules: defaults, both spellings of default_user, every bad line as file:line. No network. */
class SkypeConfigTest {
    static SkypeConfig parse(String text) { return SkypeConfig.from(ConfigReader.parse("chan_skype.conf", text, null)); }

    @Test
    void theSampleConfig() {
        SkypeConfig c = parse("""
                [general]
                default_user=lmentinc
                licenses=2
                server=127.0.0.1
                port=5222
                domain=skype.example

                [lmentinc]
                secret=change-me-lmentinc
                context=skype-incoming
                exten=start
                authpolicy=allow
                """);
        assertThat(c.problems()).isEmpty();
        assertThat(c.general().defaultUser()).isEqualTo("lmentinc");
        assertThat(c.general().licenses()).isEqualTo(2);
        SkypeConfig.Account a = c.account("LMENTINC");
        assertThat(a.jid()).isEqualTo("lmentinc@skype.example");
        assertThat(a.server()).isEqualTo("127.0.0.1");
        assertThat(a.port()).isEqualTo(5222);
        assertThat(a.context()).isEqualTo("skype-incoming");
        assertThat(a.exten()).isEqualTo("start");
        assertThat(a.authPolicy()).isEqualTo(SkypeConfig.AuthPolicy.ALLOW);
        assertThat(a.tlsVerify()).isTrue();
        assertThat(a.resource()).isEqualTo("switchboard");
        assertThat(a.messageHoldMs()).isEqualTo(5000);
        assertThat(a.chatContext()).isNull();
        assertThat(a.toString()).doesNotContain("change-me");
    }

    @Test
    void digiumsSpellingAndPerAccountOverrides() {
        SkypeConfig c = parse("""
                [general]
                defaultuser=desk
                domain=skype.example
                [desk]
                secret=s
                jid=frontdesk@Other.Example/ignored
                server=xmpp.other.example
                port=5223
                resource=pbx
                status=dnd
                statusmessage=On a call
                tls_verify=no
                chat_context=bot
                message_hold=2.5
                """);
        assertThat(c.problems()).isEmpty();
        assertThat(c.general().defaultUser()).isEqualTo("desk");
        SkypeConfig.Account a = c.account("desk");
        assertThat(a.jid()).isEqualTo("frontdesk@other.example");
        assertThat(a.domain()).isEqualTo("other.example");
        assertThat(a.server()).isEqualTo("xmpp.other.example");
        assertThat(a.port()).isEqualTo(5223);
        assertThat(a.status()).isEqualTo("dnd");
        assertThat(a.tlsVerify()).isFalse();
        assertThat(a.chatContext()).isEqualTo("bot");
        assertThat(a.messageHoldMs()).isEqualTo(2500);
        assertThat(a.authPolicy()).isEqualTo(SkypeConfig.AuthPolicy.DENY);
    }

    @Test
    void everyBadLineIsAFileLineProblem() {
        SkypeConfig c = parse("""
                [general]
                default_user=ghost
                port=eighty
                colour=blue
                domain=skype.example
                [ok]
                secret=x
                authpolicy=maybe
                tls_verify=perhaps
                status=sleeping
                [nosecret]
                context=x
                [badjid]
                secret=x
                jid=a@b@c
                """);
        assertThat(c.accounts()).containsOnlyKeys("ok");
        assertThat(c.problems()).anyMatch(p -> p.startsWith("chan_skype.conf:3: port must be a whole number"))
                .anyMatch(p -> p.startsWith("chan_skype.conf:4: unknown option 'colour'"))
                .anyMatch(p -> p.startsWith("chan_skype.conf:8: authpolicy must be allow or deny"))
                .anyMatch(p -> p.startsWith("chan_skype.conf:9: tls_verify must be yes or no"))
                .anyMatch(p -> p.startsWith("chan_skype.conf:10: unknown status 'sleeping'"))
                .anyMatch(p -> p.startsWith("chan_skype.conf:11: account [nosecret] has no secret"))
                .anyMatch(p -> p.startsWith("chan_skype.conf:15: account [badjid] has an invalid jid"))
                .anyMatch(p -> p.startsWith("chan_skype.conf:2: default_user 'ghost' names no account"));
    }

    @Test
    void buddyNames() {
        assertThat(SkypeNames.bareJid("vuc.me", "skype.example")).isEqualTo("vuc.me@skype.example");
        assertThat(SkypeNames.bareJid("someone@Jabber.ORG/phone", "skype.example")).isEqualTo("someone@jabber.org");
        assertThat(SkypeNames.bareJid("skype:vuc.me", "skype.example")).isEqualTo("vuc.me@skype.example");
        assertThat(SkypeNames.bareJid("vuc me", "skype.example")).isNull();
        assertThat(SkypeNames.bareJid("nobody&SIP/my_itsp/4165551212", "skype.example")).isNull();
        assertThat(SkypeNames.bareJid("", "skype.example")).isNull();
        assertThat(SkypeNames.display("vuc.me@skype.example", "skype.example")).isEqualTo("vuc.me");
        assertThat(SkypeNames.display("someone@jabber.org", "skype.example")).isEqualTo("someone@jabber.org");
    }

    @Test
    void xmlSafeLeavesOutWhatXmlCannotCarry() {
        assertThat(org.switchboard.net.xmpp.XmlText.xmlSafe("a\u0000b\u0007c\td\ne\uFFFEf😀\uD800g")).isEqualTo("abc\td\nef😀g");
        String plain = "plain text";
        assertThat(org.switchboard.net.xmpp.XmlText.xmlSafe(plain)).isSameAs(plain);
    }

    @Test
    void mohinterpretNamesTheClassTheBuddyHearsWhenTheOtherSideHolds() {
        SkypeConfig c = parse("[general]\ndomain=skype.example\n\n[a]\nsecret=x\nmohinterpret=jazz\n\n[b]\nsecret=y\n");
        assertThat(c.problems()).isEmpty();
        assertThat(c.accounts().get("a").mohInterpret()).isEqualTo("jazz");
        assertThat(c.accounts().get("b").mohInterpret()).as("default class").isNull();
    }
}
