package org.switchboard.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.config.ConfigReader;

/** rtp.conf [general]: defaults, values, and bad values reported at file:line. */
class RtpConfigTest {
    @Test
    void missingFileGivesTheDefaults(@TempDir Path dir) {
        RtpConfig c = RtpConfig.read(ConfigReader.read(dir, "rtp.conf"));
        assertThat(c).isEqualTo(RtpConfig.defaults());
        assertThat(c.rtpStart()).isEqualTo(10000);
        assertThat(c.rtpEnd()).isEqualTo(20000);
        assertThat(c.strictRtp()).isTrue();
        assertThat(c.dtmfTimeout()).isEqualTo(150);
        assertThat(c.problems()).isEmpty();
    }

    @Test
    void readsTheValues() {
        RtpConfig c = read("""
            [general]
            rtpstart=16384
            rtpend=32767
            rtpchecksums=no
            strictrtp=no
            dtmftimeout=3000
            """);
        assertThat(c).isEqualTo(new RtpConfig(16384, 32767, false, 375, java.util.List.of()));
    }

    @Test
    void badValuesKeepTheDefaultAndAreReportedAtFileAndLine() {
        RtpConfig c = read("""
            [general]
            rtpstart=ten
            rtpend=20000
            strictrtp=maybe
            dtmftimeout=-1
            icesupport=yes
            colour=blue
            """);
        assertThat(c.rtpStart()).isEqualTo(10000);
        assertThat(c.strictRtp()).isTrue();
        assertThat(c.dtmfTimeout()).isEqualTo(150);
        assertThat(c.problems()).extracting(Object::toString).containsExactly(
            "rtp.conf:2: bad value 'ten' for rtpstart (a number from 1024 to 65535)",
            "rtp.conf:4: bad value 'maybe' for strictrtp (yes or no)",
            "rtp.conf:5: bad value '-1' for dtmftimeout (a number from 0 to 8000000)",
            "rtp.conf:7: unknown option 'colour' in [general]; ignored");
    }

    @Test
    void aStartNotBelowTheEndResetsBoth() {
        RtpConfig c = read("""
            [general]
            rtpstart=30000
            rtpend=20000
            """);
        assertThat(c.rtpStart()).isEqualTo(10000);
        assertThat(c.rtpEnd()).isEqualTo(20000);
        assertThat(c.problems()).singleElement().asString().startsWith("rtp.conf:1: rtpstart 30000 is not below rtpend");
    }

    private static RtpConfig read(String text) {
        return RtpConfig.read(ConfigReader.parse("rtp.conf", text, null));
    }
}
