package org.switchboard.channels.skype;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.PbxLog;

/** The chat notice queue on disk: what a notice keeps across a restart, its order, and files it cannot read. */
class SkypeNoticeQueueTest {
    @TempDir Path tmp;

    @Test
    void aNoticeAndItsProgressSurviveBeingReadAgainInTheOrderTheyWereMade() throws Exception {
        SkypeNoticeQueue q = new SkypeNoticeQueue(tmp.resolve("chat-queue"));
        Path recording = Files.write(tmp.resolve("msg0000.wav"), new byte[] {1, 2, 3});
        SkypeNotice first = q.add("lmentinc", "tfot.madsen", "New 0:02 long message ... \"Front Desk\" <0000FFFF0001>\n=ü", recording);
        Files.delete(recording);   // the box's owner deleted the message: the queue keeps its own link
        assertThat(first.needsEncoding()).isTrue();
        first = q.replaceAudio(first, new byte[] {4, 5});
        assertThat(first.needsEncoding()).isFalse();
        SkypeNotice second = q.add("lmentinc", "vuc.me", "Missed call from vuc.me", null);
        q.save(first.withTextSent().withUrl("http://127.0.0.1:1/file_share/x/voicemail.opus"));

        SkypeNoticeQueue again = new SkypeNoticeQueue(tmp.resolve("chat-queue"));   // as after a restart
        var pending = again.pending();
        assertThat(pending).extracting(SkypeNotice::id).containsExactly(first.id(), second.id());
        SkypeNotice n = pending.get(0);
        assertThat(n.text()).isEqualTo(first.text());
        assertThat(n.textSent()).isTrue();
        assertThat(n.url()).isEqualTo("http://127.0.0.1:1/file_share/x/voicemail.opus");
        assertThat(again.audio(n)).containsExactly(4, 5);
        assertThat(n.audio()).isEqualTo(n.id() + ".ogg");
        assertThat(pending.get(1).hasAudio()).isFalse();

        again.remove(n);
        again.remove(pending.get(1));
        try (Stream<Path> left = Files.list(tmp.resolve("chat-queue"))) {
            assertThat(left).isEmpty();   // no temporary file left behind either
        }
    }

    @Test
    void anUnreadableNoticeIsSetAsideWithALogLineAndTheOthersGoOn() throws Exception {
        SkypeNoticeQueue q = new SkypeNoticeQueue(tmp.resolve("chat-queue"));
        Files.createDirectories(q.dir());
        Files.writeString(q.dir().resolve("0000000000000-000001.notice"), "buddy=tfot.madsen\n");   // no account, no text
        SkypeNotice good = q.add("lmentinc", "tfot.madsen", "hello", null);
        java.util.List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.function.Consumer<PbxLog.Line> sink = l -> log.add(l.text());
        PbxLog.addSink(sink);
        try {
            assertThat(q.pending()).extracting(SkypeNotice::id).containsExactly(good.id());
        } finally {
            PbxLog.removeSink(sink);
        }
        assertThat(log).anyMatch(l -> l.contains("0000000000000-000001.notice is unreadable; set aside as 0000000000000-000001.notice.bad"));
        assertThat(q.dir().resolve("0000000000000-000001.notice.bad")).exists();
        assertThat(q.pending()).hasSize(1);
    }
}
