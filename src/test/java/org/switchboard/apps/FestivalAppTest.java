package org.switchboard.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.Channel;
import org.switchboard.core.Frame;
import org.switchboard.media.sound.SoundFixture;
import org.switchboard.testing.FestivalServer;
import org.switchboard.testing.TestPbx;

/** Festival(): a real Festival server speaks, the cache keeps it, and broken servers cost a warning. */
class FestivalAppTest {
    private static final String DIALPLAN = """
            [ctx]
            exten => s,1,Answer()
             same => n,Festival(%s)
             same => n,Verbose(1,@after)
             same => n,Hangup()
            exten => 1,1,Verbose(1,@one)
             same => n,Hangup()
            """;

    @TempDir Path tmp;
    private SoundFixture fx;
    private TestPbx t;

    @AfterEach
    void stop() {
        if (t != null) t.close();
    }

    private List<Frame.VoiceFrame> call(String festivalArgs, String festivalConf) throws IOException {
        fx = new SoundFixture(tmp);
        Path conf = fx.confDir.resolve("festival.conf");
        if (festivalConf != null) Files.writeString(conf, festivalConf);
        else Files.deleteIfExists(conf);
        if (t != null) t.close();
        t = fx.pbx(DIALPLAN.formatted(festivalArgs));
        Channel caller = SoundFixture.call(t, "s", "ctx");
        return SoundFixture.voiceUntilHangup(caller, 20_000);
    }

    private static String conf(int port, String more) {
        return "[general]\nhost=127.0.0.1\nport=" + port + "\n" + more;
    }

    private static double seconds(List<Frame.VoiceFrame> frames) {
        return frames.stream().mapToInt(Frame.VoiceFrame::samples).sum() / 8000.0;
    }

    private static double rms(List<Frame.VoiceFrame> frames) {
        short[] s = SoundFixture.samples(SoundFixture.concat(frames));
        double sum = 0;
        for (short v : s) sum += (double) v * v;
        return s.length == 0 ? 0 : Math.sqrt(sum / s.length);
    }

    @Test
    void aRealFestivalServerSpeaksAndTheCacheKeepsItsAnswerInAsterisksFormat() throws Exception {
        assumeTrue(FestivalServer.installed(), "festival not installed");
        List<Frame.VoiceFrame> first;
        int port;
        try (FestivalServer server = FestivalServer.start(Files.createDirectories(tmp.resolve("festival")))) {
            port = server.port;
            first = call("hello world", conf(port, "usecache=yes\ncachedir=cache\n"));
        }
        assertThat(seconds(first)).isBetween(0.5, 5.0);
        assertThat(rms(first)).as("speech, not silence").isGreaterThan(300);
        assertThat(t.path()).containsExactly("@after");
        Path cached = fx.confDir.resolve("cache").resolve(md5Hex("hello world"));
        byte[] file = Files.readAllBytes(cached);
        assertThat(ByteBuffer.wrap(file, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt()).isEqualTo(11);
        assertThat(new String(file, 4, 14, StandardCharsets.ISO_8859_1)).isEqualTo("hello worldWV\n");

        // the server is gone: the phrase still plays, from the cache
        List<Frame.VoiceFrame> again = call("hello world", conf(port, "usecache=yes\ncachedir=cache\n"));
        assertThat(seconds(again)).isEqualTo(seconds(first));
        assertThat(t.logLines("festival_client")).isEmpty();
    }

    @Test
    void aKeyFromIntkeysStopsTheSpeechAndStartsThatExtension() throws Exception {
        assumeTrue(FestivalServer.installed(), "festival not installed");
        try (FestivalServer server = FestivalServer.start(Files.createDirectories(tmp.resolve("festival")))) {
            fx = new SoundFixture(tmp);
            Files.writeString(fx.confDir.resolve("festival.conf"), conf(server.port, ""));
            t = fx.pbx(DIALPLAN.formatted("This sentence is long enough to be interrupted by a key press,any"));
            Channel caller = SoundFixture.call(t, "s", "ctx");
            SoundFixture.firstVoice(caller, 20_000);
            SoundFixture.dtmf(caller, '1');
            List<Frame.VoiceFrame> rest = SoundFixture.voiceUntilHangup(caller, 20_000);
            assertThat(seconds(rest)).isLessThan(2.0);
            assertThat(t.path()).containsExactly("@one");
        }
    }

    @Test
    void aServerThatIsDownCostsAWarningAndTheDialplanGoesOn() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<Frame.VoiceFrame> heard = call("nobody listens", conf(port, ""));
        assertThat(seconds(heard)).isZero();
        assertThat(t.path()).containsExactly("@after");
        assertThat(t.logLines("festival_client: connect to server 127.0.0.1:" + port + " failed")).hasSize(1);
    }

    @Test
    void garbageAndAWaveformCutShortAreWarningsOrWhatArrived() throws Exception {
        try (FakeFestival garbage = new FakeFestival("HELLO I am not festival\n".getBytes(StandardCharsets.US_ASCII))) {
            call("hi", conf(garbage.port(), ""));
            assertThat(t.path()).containsExactly("@after");
            assertThat(t.logLines("Festival sent something that is not its protocol")).hasSize(1);
        }
        ByteBuffer riff = ByteBuffer.allocate(3 + 44 + 1600).order(ByteOrder.LITTLE_ENDIAN);
        riff.put("WV\n".getBytes()).put("RIFF".getBytes()).putInt(36 + 16000).put("WAVE".getBytes()).put("fmt ".getBytes())
                .putInt(16).putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16000).putShort((short) 2)
                .putShort((short) 16).put("data".getBytes()).putInt(16000);
        for (int i = 0; i < 800; i++) riff.putShort((short) (i % 2 == 0 ? 4000 : -4000));
        try (FakeFestival cut = new FakeFestival(riff.array())) {
            List<Frame.VoiceFrame> heard = call("hi", conf(cut.port(), ""));
            assertThat(seconds(heard)).isEqualTo(0.1); // the 800 samples that arrived, nothing more
            assertThat(t.path()).containsExactly("@after");
        }
        call("", conf(1, ""));
        assertThat(t.logLines("festival requires an argument (text)")).hasSize(1);
        assertThat(t.path()).containsExactly("@after");
        call("hi", null);
        assertThat(t.logLines("No such configuration file festival.conf")).hasSize(1);
    }

    /** Asterisk's cache name: each MD5 byte as %X, so without leading zeros. */
    private static String md5Hex(String text) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (byte b : java.security.MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8))) {
            sb.append(Integer.toHexString(b & 0xff).toUpperCase());
        }
        return sb.toString();
    }

    /** A server that reads the command, answers fixed bytes and closes. */
    private static final class FakeFestival implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress());
        private final Thread thread;

        FakeFestival(byte[] answer) throws IOException {
            thread = Thread.ofVirtual().start(() -> {
                try (Socket s = server.accept()) {
                    InputStream in = s.getInputStream();
                    while (in.read() != '\n') { } // the command line
                    OutputStream out = s.getOutputStream();
                    out.write(answer);
                    out.flush();
                } catch (IOException e) {
                    // the test is over
                }
            });
        }

        int port() { return server.getLocalPort(); }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
