package org.switchboard.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real baresip (1.0, Debian baresip-core) softphone for tests, headless and on 127.0.0.1 only.
 *
 * <p>Each phone gets a private config directory ({@code baresip -f DIR}), a free SIP port and a
 * free control port. It is driven through the {@code ctrl_tcp} module: netstring-framed JSON
 * commands (the {@code menu} module's long commands: {@code dial}, {@code accept},
 * {@code hangup}, {@code sndcode}) whose responses are awaited, and JSON events
 * ({@code REGISTER_OK}, {@code CALL_INCOMING}, {@code CALL_ESTABLISHED}, {@code CALL_DTMF_START},
 * {@code CALL_CLOSED}...) that the {@code await} methods wait on. Each await consumes the first
 * not yet consumed event of its kind, so calling it after the event arrived is fine. ctrl_tcp
 * only sends events to a connected client, so the account is added with {@code uanew} once the
 * control connection is up (registering from the accounts file raced REGISTER_OK past it).
 *
 * <p>Audio: the microphone is the {@code aufile} source; baresip 1.0 has no file player, so what
 * the phone hears is recorded by the {@code sndfile} filter (decoded audio, in the codec's rate)
 * and copied to {@code recordWav} when the call closes ({@link #awaitClosed}) or the phone closes.
 * baresip hangs up with reason "end of file" when the source file ends, so the played WAV is
 * padded with silence to {@value #SOURCE_SECONDS} s.
 */
public final class BaresipPhone implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/bin/baresip");
    /** Length the microphone file is padded to: calls close after this long. */
    public static final int SOURCE_SECONDS = 120;
    private static final Pattern NOISE = Pattern.compile("^\\[\\d+:\\d\\d:\\d\\d] audio=");

    private final String user;
    private final int sipPort;
    private final Path dir;
    private final Path recordWav;
    private final PhoneProcess proc;
    private final BaresipControl ctrl;

    private BaresipPhone(String user, int sipPort, Path dir, Path recordWav, PhoneProcess proc, BaresipControl ctrl) {
        this.user = user;
        this.sipPort = sipPort;
        this.dir = dir;
        this.recordWav = recordWav;
        this.proc = proc;
        this.ctrl = ctrl;
    }

    public static boolean installed() { return Files.isExecutable(BINARY); }

    /** {@link #start(Path, String, String, String, Path, Path, List)} offering PCMU and PCMA. */
    public static BaresipPhone start(Path workDir, String user, String password, String registrar,
                                     Path playWav, Path recordWav) throws IOException {
        return start(workDir, user, password, registrar, playWav, recordWav, List.of("PCMU", "PCMA"));
    }

    /**
     * Starts a phone and waits until it accepts commands.
     *
     * @param registrar "127.0.0.1:5060" to register {@code sip:user@registrar} every 60 s, or null
     *                  for no registration (the phone is then reachable at {@link #uri()})
     * @param playWav   the microphone (16-bit mono WAV at 8, 16 or 48 kHz), or null for silence
     * @param recordWav where what the phone heard in its last call is copied (16-bit WAV, the
     *                  decoder's rate: 8 kHz for G.711, 16 kHz for G.722, 48 kHz stereo for Opus)
     * @param codecs    audio codecs offered, in order: any of PCMU, PCMA, G722, opus
     */
    public static BaresipPhone start(Path workDir, String user, String password, String registrar,
                                     Path playWav, Path recordWav, List<String> codecs) throws IOException {
        return start(workDir, user, password, registrar, playWav, recordWav, codecs, List.of());
    }

    /**
     * As {@link #start(Path, String, String, String, Path, Path, List)}, with more lines for
     * baresip's config, e.g. {@code module_app mwi.so} (subscribes to message-summary once
     * registered and raises MWI_NOTIFY events).
     */
    public static BaresipPhone start(Path workDir, String user, String password, String registrar,
                                     Path playWav, Path recordWav, List<String> codecs, List<String> moreConfig)
            throws IOException {
        return start(workDir, user, password, registrar, playWav, recordWav, codecs, moreConfig, "");
    }

    /**
     * As {@link #start(Path, String, String, String, Path, Path, List, List)}, with more account
     * parameters, e.g. {@code ;mediaenc=srtp-mand} (with {@code module srtp.so} in
     * {@code moreConfig}); a registrar of {@code 127.0.0.1:5061;transport=tls} registers over TLS.
     */
    public static BaresipPhone start(Path workDir, String user, String password, String registrar,
                                     Path playWav, Path recordWav, List<String> codecs, List<String> moreConfig,
                                     String accountParams) throws IOException {
        Files.createDirectories(workDir);
        Path dir = Files.createTempDirectory(workDir, "baresip-" + user + "-");
        Path snd = Files.createDirectories(dir.resolve("snd"));
        Path mic = dir.resolve("mic.wav");
        ToneAudio.Pcm src = playWav == null ? new ToneAudio.Pcm(8000, new short[0]) : ToneAudio.read(playWav);
        short[] padded = java.util.Arrays.copyOf(src.samples(), Math.max(src.samples().length, SOURCE_SECONDS * src.rate()));
        new org.switchboard.media.codec.WavFile(src.rate(), padded).write(mic);
        String account = registrar == null
            ? "<sip:" + user + "@127.0.0.1:%d>;regint=0"
            : "<sip:%s@%s>;auth_pass=%s;regint=60".formatted(user, registrar, password);
        account += ";answermode=manual;audio_codecs=" + String.join(",", codecs) + accountParams;
        for (int attempt = 1; ; attempt++) {
            int sip = PhoneProcess.freePort(true), control = PhoneProcess.freeTcpPort();
            Files.writeString(dir.resolve("accounts"), ""); // the account is added by uanew once ctrl_tcp listens to events
            Files.writeString(dir.resolve("config"), config(sip, control, mic, src.rate(), snd)
                + String.join("\n", moreConfig) + "\n");
            PhoneProcess p = PhoneProcess.start("baresip " + user, List.of(BINARY.toString(), "-f", dir.toString()),
                dir, Map.of(), l -> NOISE.matcher(l).find(), null);
            try {
                p.awaitLine(Pattern.compile("baresip is ready"), Pattern.compile("init failed|in use"), Duration.ofSeconds(10), "startup");
                BaresipControl ctrl = new BaresipControl("baresip " + user, control, p);
                // Registering at startup would send REGISTER_OK before the control connection exists
                ctrl.command("uanew", registrar == null ? account.formatted(sip) : account);
                return new BaresipPhone(user, sip, dir, recordWav, p, ctrl);
            } catch (AssertionError | IOException e) {
                p.close();
                if (attempt >= 3 || !String.join("\n", p.output()).contains("in use")) throw e;
            }
        }
    }

    private static String config(int sip, int control, Path mic, int micRate, Path snd) {
        return String.join("\n",
            "poll_method epoll", "sip_listen 127.0.0.1:" + sip, "net_interface 127.0.0.1", "dns_server 127.0.0.1:53",
            "call_local_timeout 120", "call_max_calls 4",
            "audio_source aufile," + mic, "ausrc_srate " + micRate, "ausrc_channels 1",
            "ausrc_format s16", "auplay_format s16", "auenc_format s16", "audec_format s16",
            "audio_buffer 20-160", "rtp_ports 10000-60000", "jitter_buffer_delay 5-10",
            "module_path /usr/lib/baresip/modules",
            "module g711.so", "module g722.so", "module opus.so", "module aufile.so", "module sndfile.so",
            "snd_path " + snd, "module_tmp account.so",
            "module_app menu.so", "module_app ctrl_tcp.so", "ctrl_tcp_listen 127.0.0.1:" + control, "");
    }

    /** The SIP port this phone listens on (UDP and TCP on 127.0.0.1). */
    public int sipPort() { return sipPort; }

    /** Where this phone can be called directly: {@code sip:user@127.0.0.1:port}. */
    public String uri() { return "sip:" + user + "@127.0.0.1:" + sipPort; }

    /** Waits for a successful REGISTER; fails at once on REGISTER_FAIL. */
    public void awaitRegistered(Duration timeout) {
        ctrl.await(timeout, "registration", Set.of("REGISTER_OK"), Set.of("REGISTER_FAIL"));
    }

    /**
     * Places a call (the {@code dial} command). Unclaimed CALL_CLOSED events of earlier calls are
     * dropped first, so that {@link #awaitEstablished} fails fast only on this call's closing.
     */
    public void dial(String uri) {
        ctrl.discard(Set.of("CALL_CLOSED"));
        ctrl.command("dial", uri);
    }

    /** Waits for CALL_ESTABLISHED; fails at once if the call closes first. */
    public void awaitEstablished(Duration timeout) {
        ctrl.await(timeout, "call established", Set.of("CALL_ESTABLISHED"), Set.of("CALL_CLOSED"));
    }

    /** Waits for an incoming call; returns the caller's URI. */
    public String awaitIncoming(Duration timeout) {
        return ctrl.await(timeout, "incoming call", Set.of("CALL_INCOMING"), Set.of()).param();
    }

    /** Answers the ringing call (the {@code accept} command). */
    public void answer() { ctrl.command("accept", null); }

    /** Answers later calls at once ({@code answermode auto}) or not ({@code manual}). */
    public void autoAnswer(boolean on) { ctrl.command("answermode", on ? "auto" : "manual"); }

    /**
     * Sends digits (0-9, *, #, A-D) in the current call as RFC 4733 telephone-events
     * ({@code sndcode}); baresip queues them and paces them itself.
     */
    public void sendDtmf(String digits) { ctrl.command("sndcode", digits); }

    /** Waits for the next DTMF digit received in a call (CALL_DTMF_START). */
    public char awaitDtmf(Duration timeout) {
        return ctrl.await(timeout, "DTMF digit", Set.of("CALL_DTMF_START"), Set.of()).param().charAt(0);
    }

    /** Ends the current call (the {@code hangup} command). */
    public void hangup() { ctrl.command("hangup", null); }

    /**
     * Waits for CALL_CLOSED and returns its reason as baresip states it (a remote BYE reads
     * "Connection reset by peer"; a SIP failure its status line), then copies the recording.
     */
    public String awaitClosed(Duration timeout) {
        String reason = ctrl.await(timeout, "call closed", Set.of("CALL_CLOSED"), Set.of()).param();
        ctrl.command("listcalls", null); // baresip is single-threaded: once this answers, the call and its sndfile dump are closed
        saveRecording();
        return reason;
    }

    /**
     * Waits until the current call's recording holds at least {@code audio} of received sound.
     * Woken by inotify (a {@link WatchService}) each time the dump grows; no fixed sleeps.
     */
    public void awaitHeard(Duration audio, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Path snd = dir.resolve("snd");
        try (WatchService ws = snd.getFileSystem().newWatchService()) {
            snd.register(ws, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            double heard = 0;
            while (true) {
                Path dump = newestDump();
                heard = dump == null ? 0 : ToneAudio.read(dump).seconds();
                if (heard * 1000 >= audio.toMillis()) return;
                long left = deadline - System.nanoTime();
                WatchKey key = left <= 0 ? null : ws.poll(left, TimeUnit.NANOSECONDS);
                if (key == null) break;
                key.pollEvents();
                key.reset();
            }
            throw new AssertionError("baresip " + user + ": heard only " + heard + " s of audio, wanted " + audio + "\n" + proc.tail(40));
        } catch (IOException e) {
            throw new AssertionError("baresip " + user + ": reading recording: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    /** What the phone has heard so far in its current call (the decoder's dump, still growing), or null before any audio. */
    public Path currentRecording() {
        try {
            return newestDump();
        } catch (IOException e) {
            return null;
        }
    }

    private Path newestDump() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("snd"))) {
            return files.filter(f -> f.toString().endsWith("-dec.wav")).max(Path::compareTo).orElse(null);
        }
    }

    /**
     * After a call: copies its recording (what the phone heard) to {@code recordWav} and moves
     * its sndfile dumps to {@code done/}, so that the next call's dump is the only one in
     * {@code snd/} (dump names only have 1 s resolution).
     */
    private void saveRecording() {
        try {
            Path newest = newestDump();
            if (newest != null && recordWav != null) Files.copy(newest, recordWav, StandardCopyOption.REPLACE_EXISTING);
            Path done = Files.createDirectories(dir.resolve("done"));
            try (Stream<Path> files = Files.list(dir.resolve("snd"))) {
                for (Path f : files.toList()) Files.move(f, done.resolve(System.nanoTime() + "-" + f.getFileName()));
            }
        } catch (IOException e) {
            throw new AssertionError("cannot save recording to " + recordWav + ": " + e);
        }
    }

    /** Captured stdout/stderr lines (call status redraws left out), for failure messages. */
    public List<String> output() { return proc.output(); }

    /** All ctrl_tcp events and responses received so far. */
    public List<BaresipControl.Event> events() { return ctrl.events(); }

    /** Sends any menu long command (e.g. "listcalls", "uanew ...") and returns baresip's answer. */
    public String command(String command, String params) { return ctrl.command(command, params); }

    /** Ends the phone: SIGTERM (baresip hangs up its calls and unregisters), waits for the exit, copies the recording. */
    @Override
    public void close() {
        ctrl.close();
        proc.close();
        saveRecording();
    }
}
