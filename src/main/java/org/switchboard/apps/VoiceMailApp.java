package org.switchboard.apps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.switchboard.core.AppArgs;
import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.ChannelState;
import org.switchboard.core.PbxLog;
import org.switchboard.media.sound.SoundFormat;
import org.switchboard.media.sound.SoundPlayer;
import org.switchboard.media.sound.SoundRecorder;
import org.switchboard.res.voicemail.Mailbox;
import org.switchboard.res.voicemail.MessageWaiting;
import org.switchboard.res.voicemail.NewVoicemails;
import org.switchboard.res.voicemail.VoicemailMailer;
import org.switchboard.res.voicemail.VoicemailConfig;
import org.switchboard.res.voicemail.VoicemailSpool;

/** VoiceMail(mailbox[@context][&mailbox2[@context]...][,options]): leave a message (app_voicemail). */
public final class VoiceMailApp implements Application {
    static final String SOURCE = "app_voicemail.c";
    /** strftime "%a %b %e %r %Z %Y", as app_voicemail writes origdate. */
    private static final DateTimeFormatter ORIGDATE = DateTimeFormatter.ofPattern("EEE MMM ppd hh:mm:ss a z yyyy", Locale.US);

    @Override public String name() { return "VoiceMail"; }
    @Override public String synopsis() { return "Leave a Voicemail message."; }
    @Override public String syntax() { return "VoiceMail(mailbox[@context][&mailbox[@context][&...]][,options])"; }

    @Override
    public String description() {
        return """
                Plays the first mailbox's greeting - its temporary greeting if recorded, else with
                'b' the busy and with 'u' the unavailable greeting, else "the person at extension"
                with the recorded name or the number and "is on the phone" / "is unavailable" -
                then the instructions (unless 's') and a beep, and records until # or hangup, the
                mailbox's maxsecs, or maxsilence seconds of silence. The message lands in each
                mailbox's INBOX in Asterisk's spool layout (<astspooldir>/voicemail/<context>/<box>),
                moved there only when complete. * during the greeting goes to extension 'a', 0 to 'o' when voicemail.conf says operator=yes.
                A box over maxmsg plays "mailbox full"; a message shorter than minsecs is dropped.
                A box with an email address is mailed about each new message through mailcmd
                (default /usr/sbin/sendmail -t), with emailsubject/emailbody and ${VM_NAME}...
                substituted, and the recording attached with attach=yes.
                A box with skype=account/buddy (ours) sends each new message to that buddy's chat
                from that chan_skype.conf account: a line with caller, date and duration, then the
                recording as an Ogg Opus voice message (XEP-0363 upload, XEP-0066 link); notices
                wait on disk (<astspooldir>/voicemail/chat-queue) while the account is logged out.
                Options:
                  b      the busy greeting        u      the unavailable greeting
                  s      no instructions          S      no instructions when the owner's greeting played
                  d([c]) a digit during the greeting goes to that one-digit extension of context c
                         (default: the current one); a digit with no such extension is ignored
                  e      the greeting as early media; the call is answered just before the beep
                  g(#)   # decibels of gain on the recording
                  t([x]) play file x instead of the beep; t alone: no beep
                  U      urgent: the message goes to the Urgent folder, flagged Urgent
                  P      priority: the message is flagged PRIORITY
                A mailbox with delete=yes has each message removed once its owner was mailed about it.
                Sets VMSTATUS to SUCCESS, USEREXIT or FAILED.""";
    }

    @Override
    public Result execute(Channel channel, String data) {
        List<String> args = AppSupport.separate(data, ',', true, 2);
        String boxes = AppSupport.arg(args, 0);
        VoiceMailLeaveOptions opts = VoiceMailLeaveOptions.parse(AppSupport.arg(args, 1));
        if (AppSupport.isEmpty(boxes)) {
            PbxLog.warning(SOURCE, "Leave voicemail requires an argument (extension)");
            return status(channel, "FAILED");
        }
        VoicemailConfig cfg = VoicemailConfig.of(channel.pbx());
        List<Mailbox> targets = new ArrayList<>();
        for (String spec : boxes.split("&")) {
            int at = spec.indexOf('@');
            String box = (at < 0 ? spec : spec.substring(0, at)).strip();
            String ctx = at < 0 ? "default" : spec.substring(at + 1).strip();
            Mailbox m = cfg == null ? null : cfg.mailbox(box, ctx);
            if (m == null) PbxLog.warning(SOURCE, "No entry in voicemail config file for '" + box + "@" + ctx + "'");
            else targets.add(m);
        }
        if (targets.isEmpty()) return status(channel, "FAILED");
        if (channel.state() != ChannelState.UP) {
            if (opts.earlyMedia()) channel.indicate(org.switchboard.core.Frame.Control.PROGRESS);
            else channel.answer();
        }
        Mailbox first = targets.get(0);
        VoicemailSpool spool = VoicemailSpool.of(channel.pbx());

        var keys = greetingKeys(channel, opts, first);
        Greeting g = greet(channel, spool, first, opts, keys);
        int key = g.key();
        if (key == SoundPlayer.FAILED) return status(channel, "FAILED");
        if (key != 0) return userExit(channel, key, opts);
        int maxmsg = first.intOption("maxmsg", 100);
        if (spool.count(first, opts.folder()) >= maxmsg) {
            PbxLog.warning(SOURCE, "No more messages possible in " + first.id());
            SoundPlayer.play(channel, "vm-mailboxfull", SoundPlayer.NO_DIGIT);
            return status(channel, "FAILED");
        }
        if (!opts.skipInstructions() && !(opts.skipIfGreeting() && g.ownerRecorded())) {
            key = SoundPlayer.play(channel, "vm-intro", keys);
            if (key > 0 && key != '#') return userExit(channel, key, opts);
        }
        if (channel.state() != ChannelState.UP) channel.answer(); // e: answered just before the message
        if (!opts.beep().isEmpty()) SoundPlayer.play(channel, opts.beep(), SoundPlayer.NO_DIGIT);
        return record(channel, spool, targets, opts);
    }

    /**
     * The digits that stop the greeting: * always, 0 with operator=yes and an o extension, # (skip to the beep), and with d([c])
     * each other digit that is a one-digit extension of c; any other digit is not an escape and
     * the greeting goes on, as app_voicemail builds its escape codes.
     */
    private static java.util.function.IntPredicate greetingKeys(Channel c, VoiceMailLeaveOptions opts, Mailbox m) {
        StringBuilder keys = new StringBuilder("*#");
        // voicemail.conf operator=yes (default no) lets 0 reach the 'o' extension, when there is one
        if (m.flag("operator", false) && AppSupport.exists(c, c.context(), "o", 1)) keys.append('0');
        if (opts.exitContext() != null) {
            String ctx = exitContext(c, opts);
            for (char d = '1'; d <= '9'; d++) if (AppSupport.exists(c, ctx, Character.toString(d), 1)) keys.append(d);
        }
        return SoundPlayer.digits(keys.toString());
    }

    private static String exitContext(Channel c, VoiceMailLeaveOptions opts) {
        return opts.exitContext() == null || opts.exitContext().isEmpty() ? c.context() : opts.exitContext();
    }

    /** A key that left the greeting or instructions: * to 'a', 0 to 'o', with d([c]) a digit to that extension of c. */
    private Result userExit(Channel c, int key, VoiceMailLeaveOptions opts) {
        if (key == '*' || key == '0') return exitTo(c, key == '*' ? "a" : "o");
        c.setVar("VMSTATUS", "USEREXIT");
        c.jumpTo(exitContext(c, opts), Character.toString((char) key), 1);
        return Result.CONTINUE;
    }

    /** How the greeting chain ended: the key pressed (0 when none), whether the owner's own recording played. */
    private record Greeting(int key, boolean ownerRecorded) {}

    /** The greeting chain. */
    private static Greeting greet(Channel c, VoicemailSpool spool, Mailbox m, VoiceMailLeaveOptions opts,
                                  java.util.function.IntPredicate keys) {
        String which = opts.greeting();
        String file = spool.greeting(m, "temp");
        if (file == null && which != null) file = spool.greeting(m, which);
        if (file != null) return new Greeting(stopAtPound(SoundPlayer.play(c, file, keys)), true);
        int k = SoundPlayer.play(c, "vm-theperson", keys);
        if (k != 0) return new Greeting(stopAtPound(k), false);
        String name = spool.greeting(m, "greet");
        if (name != null) {
            k = SoundPlayer.play(c, name, keys);
        } else {
            for (char d : m.box().toCharArray()) {
                if (!Character.isDigit(d)) continue;
                k = SoundPlayer.play(c, "digits/" + d, keys);
                if (k != 0) break;
            }
        }
        if (k != 0) return new Greeting(stopAtPound(k), false);
        return new Greeting(stopAtPound(SoundPlayer.play(c, "busy".equals(which) ? "vm-isonphone" : "vm-isunavail", keys)), false);
    }

    /** # skips the rest of the greeting: go on to the beep. */
    private static int stopAtPound(int key) { return key == '#' ? 0 : key; }

    private Result record(Channel c, VoicemailSpool spool, List<Mailbox> targets, VoiceMailLeaveOptions opts) {
        Mailbox first = targets.get(0);
        SoundFormat fmt = format(first);
        Path rec;
        try {
            rec = spool.recordingFile(first, fmt.extension());
        } catch (IOException e) {
            PbxLog.warning(SOURCE, "Unable to create a recording for " + first.id() + ": " + e.getMessage());
            return status(c, "FAILED");
        }
        long maxMs = first.intOption("maxsecs", first.intOption("maxmessage", 0)) * 1000L;
        long silenceMs = first.intOption("maxsilence", 0) * 1000L;
        long started = System.currentTimeMillis();
        SoundRecorder.Result r = SoundRecorder.record(c, new SoundRecorder.Options(rec, fmt, false, silenceMs, maxMs,
                SoundPlayer.digits("#"), true, opts.gainDb()));
        int minSecs = first.intOption("minsecs", first.intOption("minmessage", 0));
        if (r.status() == SoundRecorder.Status.ERROR || r.durationMs() < minSecs * 1000L || r.durationMs() == 0) {
            if (r.status() != SoundRecorder.Status.ERROR) {
                PbxLog.notice(SOURCE, "Recording was " + r.durationMs() / 1000 + " seconds long but needs to be at least "
                        + minSecs + " - abandoning");
            }
            deleteQuietly(rec);
            return status(c, "FAILED");
        }
        Map<String, String> info = info(c, first, started, r.durationMs(), opts);
        boolean saved = false;
        for (int i = targets.size() - 1; i >= 0; i--) { // copies first, the recording itself last
            Mailbox m = targets.get(i);
            try {
                Path src = rec;
                if (i > 0) {
                    src = spool.recordingFile(m, fmt.extension());
                    Files.copy(rec, src, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                info.put("origmailbox", m.box());
                Map<String, String> mine = new LinkedHashMap<>(info);
                Path msg = spool.deliver(m, src, fmt.extension(), mine, opts.folder());
                PbxLog.verbose(3, "Saving message as " + msg);
                saved = true;
                MessageWaiting.publish(c.pbx(), m);
                // the chat notice links the audio first: delete=yes may remove the message once mailed
                NewVoicemails.of(c.pbx()).announce(new NewVoicemails.Message(m, msg, fmt.extension(), mine));
                VoicemailMailer.notify(c.pbx(), m, msg, fmt.extension(), mine);
            } catch (IOException e) {
                PbxLog.warning(SOURCE, "Could not save the message for " + m.id() + ": " + e.getMessage());
            }
        }
        deleteQuietly(rec);
        if (!saved) return status(c, "FAILED");
        c.setVar("VMSTATUS", "SUCCESS");
        if (r.status() == SoundRecorder.Status.DTMF && !c.isHangupRequested()) SoundPlayer.play(c, "vm-goodbye", SoundPlayer.NO_DIGIT);
        return Result.CONTINUE;
    }

    /** The [message] keys of the .txt, in Asterisk's order. */
    private static Map<String, String> info(Channel c, Mailbox m, long startedMillis, long durationMs,
                                            VoiceMailLeaveOptions opts) {
        Map<String, String> i = new LinkedHashMap<>();
        i.put("origmailbox", m.box());
        i.put("context", c.context());
        i.put("exten", c.exten());
        i.put("rdnis", "unknown");
        i.put("priority", Integer.toString(c.priority()));
        i.put("callerchan", c.name());
        String name = c.callerId().name(), num = c.callerId().number();
        i.put("callerid", name != null && !name.isEmpty() ? "\"" + name + "\" <" + (num == null ? "" : num) + ">"
                : num != null && !num.isEmpty() ? num : "Unknown");
        i.put("origdate", ZonedDateTime.now().format(ORIGDATE));
        i.put("origtime", Long.toString(startedMillis / 1000));
        i.put("category", "");
        i.put("msg_id", startedMillis / 1000 + "-" + String.format("%08x", System.identityHashCode(c)));
        i.put("flag", opts.flag());
        i.put("duration", Long.toString(Math.max(1, Math.round(durationMs / 1000.0))));
        return i;
    }

    /** The first of the configured formats we can record (format=wav49|gsm|wav: wav). */
    static SoundFormat format(Mailbox m) {
        for (String f : m.option("format", "wav").split("\\|")) {
            SoundFormat sf = SoundFormat.of(f.strip().toLowerCase(Locale.ROOT));
            if (sf != null && org.switchboard.media.sound.SoundWriter.canWrite(sf)) return sf;
        }
        return SoundFormat.WAV;
    }

    private static Result exitTo(Channel c, String exten) {
        if (AppSupport.exists(c, c.context(), exten, 1)) {
            c.setVar("VMSTATUS", "USEREXIT");
            c.jumpTo(c.context(), exten, 1);
            return Result.CONTINUE;
        }
        return status(c, "FAILED");
    }

    private static Result status(Channel c, String s) {
        c.setVar("VMSTATUS", s);
        return Result.CONTINUE;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            PbxLog.warning(SOURCE, "Could not remove " + p + ": " + e.getMessage());
        }
    }
}
