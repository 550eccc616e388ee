package org.switchboard.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real linphonec (liblinphone 5.1, Debian linphone-nogtk) softphone for tests, headless and on
 * 127.0.0.1 only, driven over stdin; its answers are awaited as stdout lines.
 *
 * <p>It runs with {@code HOME} set to a private directory (liblinphone keeps its database there)
 * and a private rc file. The rc settings that keep it on loopback: {@code [sip] bind_address},
 * {@code auto_net_state_mon=0} (otherwise, with no default route, liblinphone never thinks the
 * network is up and never opens its SIP port) and {@code [rtp] bind_address=127.0.0.1} (otherwise
 * the SDP carries the first non-loopback address, even an IPv6 one). Audio is file-based:
 * {@code soundcard use files}, then {@code play FILE} is the microphone and {@code record FILE}
 * receives what the phone hears.
 */
public final class LinphonePhone implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/bin/linphonec");
    private static final Pattern KEEP_LOG = Pattern.compile("-error-|to \\[LinphoneRegistration(Ok|Failed)]");
    private static final Pattern CALL_ERROR = Pattern.compile("^Call \\d+ with .* error\\.");
    private static final Pattern ENDED = Pattern.compile("^Call \\d+ with .* ended \\((.*)\\)\\.|^Call \\d+ with .* error\\.");
    /** Codec name -> rc entry {mime, rate, channels}; what {@code codecs} may name. */
    private static final Map<String, String[]> CODECS = Map.of(
        "PCMU", new String[] {"PCMU", "8000", "1"}, "PCMA", new String[] {"PCMA", "8000", "1"},
        "G722", new String[] {"G722", "8000", "1"}, "OPUS", new String[] {"opus", "48000", "2"},
        "SPEEX", new String[] {"speex", "8000", "1"}, "GSM", new String[] {"GSM", "8000", "1"});

    private final String user;
    private final int sipPort;
    private final PhoneProcess proc;

    private LinphonePhone(String user, int sipPort, PhoneProcess proc) {
        this.user = user;
        this.sipPort = sipPort;
        this.proc = proc;
    }

    public static boolean installed() { return Files.isExecutable(BINARY); }

    /** {@link #start(Path, String, Path, Path, List)} offering PCMU and PCMA. */
    public static LinphonePhone start(Path workDir, String user, Path playWav, Path recordWav) throws IOException {
        return start(workDir, user, playWav, recordWav, List.of("PCMU", "PCMA"));
    }

    /**
     * Starts linphonec on a free 127.0.0.1 port and switches it to file audio.
     *
     * @param playWav   the microphone (a mono WAV, any rate mediastreamer can resample), or null for silence
     * @param recordWav where what the phone hears is written during calls (16-bit mono WAV), or null
     * @param codecs    enabled audio codecs (PCMU, PCMA, G722, opus, speex, GSM); all others off
     */
    public static LinphonePhone start(Path workDir, String user, Path playWav, Path recordWav, List<String> codecs)
            throws IOException {
        return start(workDir, user, playWav, recordWav, codecs, "");
    }

    /**
     * As {@link #start(Path, String, Path, Path, List)}, with extra lines for the rc file's
     * {@code [sip]} section (e.g. {@code use_info=1} and {@code use_rfc2833=0}: DTMF as SIP INFO).
     */
    public static LinphonePhone start(Path workDir, String user, Path playWav, Path recordWav, List<String> codecs,
                                      String extraSip) throws IOException {
        return start(workDir, user, playWav, recordWav, codecs, extraSip, null);
    }

    /**
     * How a phone secures its signalling and media: SIP over TLS from {@code sip_tls_port} with the
     * server's certificate checked against {@code rootCa} ({@code verify_server_certs=1}), and
     * {@code media_encryption} ({@code srtp} for SDES, {@code dtls}, {@code none}), mandatory or not.
     * {@code ice}: {@code [net] firewall_policy=3} (ICE with host candidates; DTLS-SRTP peers such as
     * WebRTC endpoints ask for it).
     */
    public record Secure(Path rootCa, String mediaEncryption, boolean mandatory, boolean ice) {}

    /** As {@link #start(Path, String, Path, Path, List, String)}, secured as {@code secure} says (null: plain UDP and RTP). */
    public static LinphonePhone start(Path workDir, String user, Path playWav, Path recordWav, List<String> codecs,
                                      String extraSip, Secure secure) throws IOException {
        Files.createDirectories(workDir);
        Path home = Files.createTempDirectory(workDir, "linphone-" + user + "-");
        Files.createDirectories(home.resolve(".local/share/linphone"));
        Files.writeString(Files.createDirectories(home.resolve(".config/pulse")).resolve("client.conf"), "autospawn = no\n");
        Path mic = playWav != null ? playWav.toAbsolutePath() : ToneAudio.writeSilence(home.resolve("silence.wav"), 8000, 1);
        for (int attempt = 1; ; attempt++) {
            int sip = PhoneProcess.freePort(false);
            int rtp = PhoneProcess.freePort(false); // RTCP takes rtp+1: it is retried below like SIP if taken
            Path rc = home.resolve("linphonerc");
            int tls = secure == null ? 0 : PhoneProcess.freePort(false);
            Files.writeString(rc, rc(user, sip, tls, rtp, codecs, extraSip, secure));
            // liblinphone's log (level 4, to stderr) is read only for registration states and errors
            PhoneProcess p = PhoneProcess.start("linphonec " + user,
                List.of(BINARY.toString(), "-d", "4", "-l", "/dev/stderr", "-c", rc.toString()),
                home, Map.of("HOME", home.toString(), "PULSE_RUNTIME_PATH", home.resolve("pulse").toString()), l -> false, l -> KEEP_LOG.matcher(l).find());
            LinphonePhone phone = new LinphonePhone(user, sip, p);
            try {
                p.send("soundcard use files");
                p.awaitLine(Pattern.compile("^Using wav files instead of soundcard"), null, Duration.ofSeconds(10), "startup");
                p.send("play " + mic);
                if (recordWav != null) p.send("record " + recordWav.toAbsolutePath());
                p.send("ports"); // answers once the lines above are processed; shows whether SIP is bound
                Matcher m = p.awaitLine(Pattern.compile("^sip port = (\\d+)"), null, Duration.ofSeconds(5), "ports");
                if (Integer.parseInt(m.group(1)) != sip) throw new AssertionError("linphonec bound SIP port " + m.group(1) + ", not " + sip);
                return phone;
            } catch (AssertionError e) {
                p.close();
                if (attempt >= 3) throw e;
            }
        }
    }

    private static String rc(String user, int sip, int tls, int rtp, List<String> codecs, String extraSip, Secure secure) {
        if (secure != null) {
            extraSip += "\nroot_ca=" + secure.rootCa().toAbsolutePath() + "\nverify_server_certs=1\nverify_server_cn=1"
                + "\nmedia_encryption=" + secure.mediaEncryption() + "\nmedia_encryption_mandatory=" + (secure.mandatory() ? 1 : 0)
                + "\n";
        }
        StringBuilder sb = new StringBuilder("""
            [sip]
            sip_port=%d
            sip_tcp_port=0
            sip_tls_port=%d
            bind_address=127.0.0.1
            auto_net_state_mon=0
            use_ipv6=0
            guess_hostname=0
            contact=sip:%s@127.0.0.1
            register_only_when_network_is_up=0
            %s
            [rtp]
            bind_address=127.0.0.1
            audio_rtp_port=%d
            video_rtp_port=0
            [video]
            display=0
            capture=0
            [net]
            firewall_policy=%d
            """.formatted(sip, tls, user, extraSip, rtp, secure != null && secure.ice() ? 3 : 0));
        int i = 0;
        for (String c : codecs) {
            String[] e = CODECS.get(c.toUpperCase(java.util.Locale.ROOT));
            if (e == null) throw new IllegalArgumentException("codec " + c + " (known: " + CODECS.keySet() + ")");
            sb.append("[audio_codec_%d]\nmime=%s\nrate=%s\nchannels=%s\nenabled=1\n".formatted(i++, e[0], e[1], e[2]));
        }
        for (String[] e : CODECS.values()) {
            if (codecs.stream().noneMatch(c -> c.equalsIgnoreCase(e[0]))) {
                sb.append("[audio_codec_%d]\nmime=%s\nrate=%s\nchannels=%s\nenabled=0\n".formatted(i++, e[0], e[1], e[2]));
            }
        }
        return sb.toString();
    }

    /** The SIP port this phone listens on (UDP, 127.0.0.1). */
    public int sipPort() { return sipPort; }

    /** Where this phone can be called directly: {@code sip:user@127.0.0.1:port}. */
    public String uri() { return "sip:" + user + "@127.0.0.1:" + sipPort; }

    /**
     * Registers {@code sip:user@registrar} with {@code registrar} ("127.0.0.1:5060") as proxy; a
     * registrar ending {@code ;transport=tls} is reached over TLS (the identity drops the parameter).
     */
    public void register(String registrar, String password) {
        String host = registrar.replace(";transport=tls", "");
        proc.send("register sip:" + user + "@" + host + " sip:" + registrar + " " + password);
    }

    /** Waits for liblinphone to log the account's move to LinphoneRegistrationOk (fails at once on ...Failed). */
    public void awaitRegistered(Duration timeout) {
        proc.awaitLine(Pattern.compile("to \\[LinphoneRegistrationOk]"), Pattern.compile("to \\[LinphoneRegistrationFailed]"),
            timeout, "registration");
    }

    /** Places a call. */
    public void dial(String uri) { proc.send("call " + uri); }

    /** Waits for "Call N with X connected."; fails at once on a call error or end. */
    public void awaitEstablished(Duration timeout) {
        proc.awaitLine(Pattern.compile("^Call \\d+ with .* connected\\."),
            Pattern.compile(CALL_ERROR.pattern() + "|^Call \\d+ with .* ended"), timeout, "call established");
    }

    /** Waits for an incoming call; returns the caller as linphonec shows it. */
    public String awaitIncoming(Duration timeout) {
        return proc.awaitLine(Pattern.compile("^Receiving new incoming call from (.*), assigned id"), null, timeout, "incoming call").group(1);
    }

    /** Answers the ringing call. */
    public void answer() { proc.send("answer"); }

    /** Sends each digit as RFC 4733 DTMF (linphonec sends a typed single digit as DTMF in a call). */
    public void sendDtmf(String digits) {
        for (char c : digits.toCharArray()) proc.send(String.valueOf(c));
    }

    /** Waits for the next DTMF digit received ("Receiving tone X from ..."). */
    public char awaitDtmf(Duration timeout) {
        return proc.awaitLine(Pattern.compile("^Receiving tone (.) from"), null, timeout, "DTMF digit").group(1).charAt(0);
    }

    /** Ends the current call. */
    public void hangup() { proc.send("terminate"); }

    /** Waits for the call to end; returns liblinphone's reason (e.g. "No error", "Call declined") or "error". */
    public String awaitClosed(Duration timeout) {
        Matcher m = proc.awaitLine(ENDED, null, timeout, "call closed");
        return m.group(1) != null ? m.group(1) : "error";
    }

    /** Captured output lines (of liblinphone's log, only errors and registration state changes). */
    public List<String> output() { return proc.output(); }

    /** Asks linphonec to quit (ending calls, finishing the recording), then makes sure it is gone. */
    @Override
    public void close() {
        if (proc.alive()) {
            try {
                proc.send("quit");
                proc.awaitExit(Duration.ofSeconds(5));
            } catch (AssertionError ignored) {
                // killed below
            }
        }
        proc.close();
    }
}
