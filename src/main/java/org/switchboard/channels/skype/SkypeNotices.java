package org.switchboard.channels.skype;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.switchboard.core.ManagerEvent;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;
import org.switchboard.media.ogg.OggOpusWriter;
import org.switchboard.media.sound.SoundFile;
import org.switchboard.media.sound.SoundFormat;
import org.switchboard.res.voicemail.Mailbox;
import org.switchboard.res.voicemail.NewVoicemails;
import org.switchboard.res.voicemail.VoicemailConfig;
import org.switchboard.res.voicemail.VoicemailSpool;

/**
 * Chat notices from voicemail.conf's {@code skype=account/buddy} (ours): each new message in such
 * a box goes to the buddy from the account as a text line and a voice message; each missed
 * incoming call on the account (the dialplan hung up, or the caller gave up, before an answer)
 * goes to the buddy as a "Missed call from ..." line. Notices wait in {@link SkypeNoticeQueue} and
 * one worker thread sends them while their account is logged in, woken when a notice is queued
 * and when an account logs in (the SkypeAccountStatus event).
 */
final class SkypeNotices {
    /** The voice message's Opus bitrate: plenty for 8 kHz telephone speech. */
    static final int BITRATE = 24000;
    /** How often the worker looks again without being woken (a notice whose account came back through a reload). */
    static final long RETRY_MS = 30_000;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE, MMMM dd, yyyy 'at' hh:mm:ss a", Locale.US);

    private final SkypeModule module;
    private final Pbx pbx;
    private final SkypeNoticeQueue queue;
    private final Semaphore wake = new Semaphore(0);
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private final Consumer<NewVoicemails.Message> onVoicemail = this::voicemail;
    private final Consumer<ManagerEvent> onLogin = e -> {
        if ("SkypeAccountStatus".equals(e.name()) && "Logged In".equals(e.get("Status"))) wake.release();
    };
    private volatile boolean running = true;
    private final Thread worker;

    SkypeNotices(SkypeModule module, Pbx pbx) {
        this.module = module;
        this.pbx = pbx;
        this.queue = new SkypeNoticeQueue(VoicemailSpool.of(pbx).root().resolve("chat-queue"));
        NewVoicemails.of(pbx).listen(onVoicemail);
        pbx.events().subscribe(onLogin);
        // a platform thread: encoding a long message is seconds of CPU that must not hold a carrier of the calls' virtual threads
        worker = Thread.ofPlatform().daemon().name("skype-notices").start(PbxLog.bound(pbx.log(), this::run));
    }

    Path dir() { return queue.dir(); }

    void stop() {
        running = false;
        NewVoicemails.of(pbx).unlisten(onVoicemail);
        pbx.events().unsubscribe(onLogin);
        wake.release();
        try {
            worker.join(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A new message in a box: queued with (a link to) its recording before VoiceMail goes on, so a
     * crash loses nothing; encoding it takes seconds of CPU and is left to the worker.
     */
    private void voicemail(NewVoicemails.Message m) {
        String target = m.box().options().get("skype");
        if (target == null) return;
        int slash = target.indexOf('/');
        enqueue(target.substring(0, slash), target.substring(slash + 1), m.line(), m.audio());
    }

    /** The recording as Ogg Opus, in the queue; a recording that cannot be read leaves the text alone, with a log line. */
    private SkypeNotice encode(SkypeNotice n) throws IOException {
        Path file = queue.audioFile(n);
        String name = file.getFileName().toString();
        try {
            SoundFormat f = SoundFormat.of(name.substring(name.lastIndexOf('.') + 1));
            if (f == null) throw new IOException("no reader for " + name);
            SoundFile s = SoundFile.read(file, f);
            short[] pcm = new short[s.samples()];
            for (int i = 0; i < pcm.length; i++) pcm[i] = SoundFile.sample(s.slin(), i);
            return queue.replaceAudio(n, OggOpusWriter.encode(pcm, SoundFile.RATE, BITRATE, "Voicemail"));
        } catch (IOException | RuntimeException e) {
            PbxLog.warning(SkypeAccount.LOG, "Voice message for " + n.buddy() + " not made from " + file + ": " + e.getMessage()
                    + "; the text line goes alone");
            return queue.textOnly(n);
        }
    }

    /** A call that reached the dialplan and ended unanswered: a line to each buddy that a box's skype= names with this account. */
    void missedCall(SkypeAccount a, String peerBare, long startedMillis) {
        VoicemailConfig cfg = VoicemailConfig.of(pbx);
        if (cfg == null) return;
        Set<String> buddies = new LinkedHashSet<>();
        for (Mailbox m : cfg.mailboxes().values()) {
            String target = m.options().get("skype");
            if (target == null) continue;
            int slash = target.indexOf('/');
            if (!target.substring(0, slash).equalsIgnoreCase(a.name())) continue;
            String buddy = target.substring(slash + 1);
            if (!peerBare.equals(SkypeNames.bareJid(buddy, a.domain()))) buddies.add(buddy); // not about their own call
        }
        if (buddies.isEmpty()) return;
        String caller = a.display(peerBare);
        String name = a.rosterName(peerBare);
        String text = "Missed call from " + (name == null || name.equals(caller) ? caller : "\"" + name + "\" <" + caller + ">")
                + ", on " + Instant.ofEpochMilli(startedMillis).atZone(ZoneId.systemDefault()).format(WHEN);
        for (String b : buddies) enqueue(a.name(), b, text, null);
    }

    private void enqueue(String account, String buddy, String text, Path recording) {
        try {
            queue.add(account, buddy, text, recording);
        } catch (IOException e) {
            PbxLog.warning(SkypeAccount.LOG, "Chat notice to " + buddy + " not queued in " + queue.dir() + ": " + e.getMessage());
            return;
        }
        SkypeAccount a = module.account(account);
        if (a == null || !a.isLoggedIn()) {
            PbxLog.verbose(3, "Chat notice to " + buddy + " waits in " + queue.dir() + ": Skype account '" + account + "' is "
                    + (a == null ? "not in " + SkypeModule.CONF : "logged out"));
        }
        wake.release();
    }

    private void run() {
        while (running) {
            drain();
            try {
                wake.tryAcquire(RETRY_MS, TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void drain() {
        for (SkypeNotice n : queue.pending()) {
            if (!running) return;
            try {
                if (n.needsEncoding()) n = encode(n);
            } catch (IOException e) {
                PbxLog.warning(SkypeAccount.LOG, "Chat notice " + n.id() + " to " + n.buddy() + ": " + e.getMessage());
                continue;
            }
            SkypeAccount a = module.account(n.account());
            if (a == null || !n.account().equalsIgnoreCase(a.name())) {
                if (reported.add(n.id())) {
                    PbxLog.warning(SkypeAccount.LOG, "Chat notice to " + n.buddy() + " waits: voicemail.conf names Skype account '"
                            + n.account() + "', which " + SkypeModule.CONF + " does not have");
                }
                continue;
            }
            try {
                SkypeNoticeSender.deliver(a, n, queue);
            } catch (IOException | RuntimeException e) {
                PbxLog.warning(SkypeAccount.LOG, "Chat notice " + n.id() + " to " + n.buddy() + ": " + e.getMessage());
            }
        }
    }
}
