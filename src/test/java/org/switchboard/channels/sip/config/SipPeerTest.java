package org.switchboard.channels.sip.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The small value types of a peer: caller id, nat words, codec lists. */
class SipPeerTest {

    static SipPeer peer(String extra) {
        return SipConfigTest.parse("[p]\ntype=friend\nhost=dynamic\n" + extra).peer("p");
    }

    @Test void callerIdForms() {
        assertThat(peer("callerid=\"Front Desk\" <4420>").callerIdName()).isEqualTo("Front Desk");
        assertThat(peer("callerid=Front Desk <4420>").callerIdNumber()).isEqualTo("4420");
        assertThat(peer("callerid=Front Desk <4420>").callerIdName()).isEqualTo("Front Desk");
        assertThat(peer("callerid=4420").callerIdNumber()).isEqualTo("4420");
        assertThat(peer("callerid=4420").callerIdName()).isNull();
        assertThat(peer("").callerIdNumber()).isNull();
    }

    @Test void natWords() {
        assertThat(Nat.parse("yes")).isEqualTo(new Nat(true, true, false));
        assertThat(Nat.parse("comedia")).isEqualTo(new Nat(false, true, false));
        assertThat(Nat.parse("auto_force_rport,auto_comedia")).isEqualTo(new Nat(true, true, true));
        assertThat(Nat.parse("never")).isEqualTo(Nat.NO);
        assertThat(Nat.AUTO_FORCE_RPORT.useSourceAddress(false)).isFalse();
        assertThat(Nat.AUTO_FORCE_RPORT.useSourceAddress(true)).isTrue();
        assertThat(Nat.parse("force_rport").useSourceAddress(false)).isTrue();
        assertThatThrownBy(() -> Nat.parse("maybe")).hasMessageContaining("'maybe'");
    }

    @Test void codecListsFollowAllowAndDisallowInOrder() {
        assertThat(peer("disallow=all\nallow=opus&g722\nallow=ulaw").codecs())
            .containsExactly(Codec.OPUS, Codec.G722, Codec.ULAW);
        assertThat(peer("allow=all\ndisallow=alaw").codecs()).containsExactly(Codec.ULAW, Codec.G722, Codec.OPUS);
        assertThat(peer("disallow=all\nallow=alaw\nallow=ulaw\nallow=alaw").codecs()).containsExactly(Codec.ALAW, Codec.ULAW);
    }

    @Test void insecureAndHost() {
        assertThat(peer("insecure=very").insecure()).containsExactlyInAnyOrder(SipPeer.Insecure.PORT, SipPeer.Insecure.INVITE);
        assertThat(peer("insecure=no").insecure()).isEmpty();
        SipPeer p = SipConfigTest.parse("[t]\ntype=peer\nhost=192.0.2.50\nport=5070\n").peer("t");
        assertThat(p.isDynamic()).isFalse();
        assertThat(p.host()).isEqualTo("192.0.2.50");
        assertThat(p.port()).isEqualTo(5070);
        assertThat(p.hasSecret()).isFalse();
    }
}
