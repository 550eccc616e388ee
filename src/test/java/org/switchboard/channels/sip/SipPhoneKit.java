package org.switchboard.channels.sip;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.switchboard.media.codec.WavFile;
import org.switchboard.testing.BaresipPhone;

/**
 * Shared bits of the real-softphone tests through the PBX ({@code SipPhone*Test},
 * {@code SeedPhone*Test}): the generated prompts (sounds/en, made by bin/make-sounds.sh), a PBX
 * whose Playback finds them, and reference WAVs built from them for similarity checks.
 */
public final class SipPhoneKit {
    /** Generous per-step timeout: every wait ends on an event, this only bounds a failure. */
    public static final Duration T = Duration.ofSeconds(10);
    public static final Path SOUNDS = Path.of("sounds").toAbsolutePath();
    /** Above this {@link org.switchboard.testing.ToneAudio#similarity} a recording is "the prompt" (the harness's measure). */
    public static final double SAME = 0.85;
    /** Below this it is "not that prompt". */
    public static final double DIFFERENT = 0.6;

    private SipPhoneKit() {}

    public static void assumeBaresip() { assumeTrue(BaresipPhone.installed(), "baresip not installed"); }

    /** The prompts are generated, not shipped: they must exist (bin/make-sounds.sh runs before the tests). */
    public static void requireSounds() {
        if (!Files.isRegularFile(SOUNDS.resolve("en/is-curntly-unavail.wav"))) {
            throw new AssertionError("sounds/en is missing: run bin/make-sounds.sh before these tests");
        }
    }

    /** Points a config directory's PBX at the generated prompts (asterisk.conf astdatadir). */
    public static void useSounds(Path confDir) throws IOException {
        requireSounds();
        Files.writeString(confDir.resolve("asterisk.conf"), "[directories]\nastdatadir => " + SOUNDS.getParent() + "\n");
    }

    /** {@link SipPbxFixture#start} with Playback finding the generated prompts. */
    public static SipPbxFixture pbx(Path dir, String general, String peers, String extensions) throws IOException {
        useSounds(dir);
        return SipPbxFixture.start(dir, general, peers, extensions);
    }

    /** A dynamic friend that must authenticate, as the seed's desk phones are. */
    public static String peer(String name, String secret, String... extra) {
        return "[" + name + "]\ntype=friend\nhost=dynamic\nsecret=" + secret + "\ncontext=phones\n"
            + String.join("\n", extra) + "\n";
    }

    /** "127.0.0.1:port" of the PBX's SIP socket: what a phone registers with. */
    public static String registrar(int port) { return "127.0.0.1:" + port; }

    /** The URI a phone dials to reach {@code exten} on the PBX. */
    public static String uri(String exten, int port) { return "sip:" + exten + "@127.0.0.1:" + port; }

    /** Runs a console command (the one whose words start {@code line}) and returns its output lines. */
    public static java.util.List<String> cli(SipPbxFixture f, String line) {
        java.util.List<String> words = java.util.List.of(line.trim().split("\\s+"));
        org.switchboard.core.CliCommand best = null;
        for (org.switchboard.core.CliCommand c : f.pbx.pbx.modules().cliCommands()) {
            if (words.size() >= c.words().size() && words.subList(0, c.words().size()).equals(c.words())
                    && (best == null || c.words().size() > best.words().size())) best = c;
        }
        if (best == null) throw new AssertionError("no console command " + line);
        java.io.StringWriter sw = new java.io.StringWriter();
        java.io.PrintWriter pw = new java.io.PrintWriter(sw);
        if (!best.execute(f.pbx.pbx, words.subList(best.words().size(), words.size()), pw)) throw new AssertionError("usage: " + best.usage());
        pw.flush();
        return sw.toString().lines().toList();
    }

    /** Writes the named prompts (sounds/en/NAME.wav, 8 kHz), one after another, into {@code out}: what Playback(a&b) plays. */
    public static Path prompts(Path out, String... names) throws IOException {
        short[] all = new short[0];
        for (String n : names) {
            WavFile w = WavFile.read(SOUNDS.resolve("en/" + n + ".wav"));
            if (w.sampleRate() != 8000) throw new IOException(n + " is not 8 kHz");
            int at = all.length;
            all = Arrays.copyOf(all, at + w.samples().length);
            System.arraycopy(w.samples(), 0, all, at, w.samples().length);
        }
        new WavFile(8000, all).write(out);
        return out;
    }
}
