package org.switchboard.channels.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 4568 §9.1 a=crypto lines: written and read back, and each way a line can be unusable, as a reason. */
class CryptoAttributeTest {

    @Test
    void aFreshLineRoundTripsAndNeverPrintsItsKey() {
        for (CryptoAttribute.Suite suite : CryptoAttribute.Suite.values()) {
            CryptoAttribute c = CryptoAttribute.fresh(7, suite);
            assertThat(c.value()).startsWith("7 " + suite.name() + " inline:").hasSize(2 + suite.name().length() + 8 + 40);
            assertThat(CryptoAttribute.parse(c.value())).isEqualTo(new CryptoAttribute.Ok(c));
            assertThat(c.toString()).isEqualTo("crypto[7 " + suite + "]").doesNotContain("inline");
        }
        assertThat(CryptoAttribute.fresh(1, CryptoAttribute.Suite.AES_CM_128_HMAC_SHA1_80).key())
            .isNotEqualTo(CryptoAttribute.fresh(1, CryptoAttribute.Suite.AES_CM_128_HMAC_SHA1_80).key());
    }

    @Test
    void rfc4568sExampleWithALifetimeReads() {
        // RFC 4568 §9.1's example, with an MKI-free key
        var p = CryptoAttribute.parse("1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20");
        assertThat(p).isInstanceOf(CryptoAttribute.Ok.class);
        assertThat(((CryptoAttribute.Ok) p).crypto().tag()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '#', quoteCharacter = '"', value = {
        "''                                                                      # a=crypto needs a tag, a suite and key parameters",
        "x AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR # bad a=crypto tag 'x'",
        "1 F8_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR     # crypto suite 'F8_128_HMAC_SHA1_80' not supported",
        "1 AES_CM_128_HMAC_SHA1_80 uri:http://keys.example/k                       # key method is not inline:",
        "1 AES_CM_128_HMAC_SHA1_80 inline:not*base64!                              # key is not base64",
        "1 AES_CM_128_HMAC_SHA1_32 inline:c2hvcnQ=                                 # key and salt are 5 bytes, AES_CM_128_HMAC_SHA1_32 needs 30",
        "1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:4 # MKI not supported",
        "1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|forever # bad key lifetime 'forever'",
        "1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR UNENCRYPTED_SRTP # session parameters 'UNENCRYPTED_SRTP' not supported",
    })
    void anUnusableLineSaysWhy(String value, String reason) {
        assertThat(CryptoAttribute.parse(value)).isEqualTo(new CryptoAttribute.Unusable(reason));
    }
}
