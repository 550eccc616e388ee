package org.switchboard.res.voicemail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.switchboard.core.Channel;
import org.switchboard.core.ManagerEvent;
import org.switchboard.media.sound.SoundFixture;
import org.switchboard.testing.TestPbx;

/**
 * What the voicemail tests set up alike: a sound folder for their prompts, a spool of their own
 * (asterisk.conf's astspooldir), and a PBX started at the first call, after the test has written
 * voicemail.conf, with its Manager events kept.
 */
final class VoicemailBench implements AutoCloseable {
    final SoundFixture fx;
    final Path spool;
    final List<ManagerEvent> events = new CopyOnWriteArrayList<>();
    private final String dialplan;
    private TestPbx pbx;

    VoicemailBench(Path tmp, String dialplan) throws IOException {
        this.fx = new SoundFixture(tmp);
        this.spool = tmp.resolve("spool");
        this.dialplan = dialplan;
        Files.writeString(fx.confDir.resolve("asterisk.conf"), "[directories]\nastdatadir => " + tmp.resolve("data")
                + "\nastspooldir => " + spool + "\n");
    }

    void voicemailConf(String text) throws IOException { Files.writeString(fx.confDir.resolve("voicemail.conf"), text); }

    /** The PBX, started now if no call has started it. */
    TestPbx pbx() {
        if (pbx == null) {
            pbx = fx.pbx(dialplan);
            pbx.pbx.events().subscribe(events::add);
        }
        return pbx;
    }

    /** A call from context desk to {@code exten}. */
    Channel call(String exten) { return SoundFixture.call(pbx(), exten, "desk"); }

    /** Mailbox {@code number}@lmentinc's folder in the spool. */
    Path box(String number) { return spool.resolve("voicemail/lmentinc/" + number); }

    @Override
    public void close() {
        if (pbx != null) pbx.close();
    }
}
