package org.switchboard.funcs;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.switchboard.core.Channel;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxDirectories;

/**
 * {@code VMCOUNT(vmbox[&vmbox...][,folder])} (func_vmcount.c, with app_voicemail.c's file
 * storage messagecount): the messages in voicemail spool folders, counted as msgNNNN.txt files.
 */
public final class VmCountFunction extends BaseFunction {
    public VmCountFunction() {
        super("VMCOUNT", "func_vmcount", "Count the voicemails in a specified mailbox or mailboxes.",
                "VMCOUNT(vmbox[&vmbox2[&...]][,folder])", """
                Returns how many voicemail messages the mailboxes (mailbox@context, the context
                being default when left out; several joined with &) hold in folder (INBOX when
                left out), added up. For INBOX, the Urgent folder's messages count too. The
                messages are the msgNNNN.txt files of the voicemail spool that Asterisk's
                app_voicemail keeps, voicemail/<context>/<mailbox>/<folder> under astspooldir of
                asterisk.conf [directories] (default: spool/ in the run folder, where VoiceMail() writes); a mailbox without a
                folder there has 0. An empty vmbox gives nothing.
                Example: ${VMCOUNT(125@default)}, ${VMCOUNT(1234@default&1235@default,Old)}.""");
    }

    @Override
    public String read(Channel channel, String data) {
        if (FuncArgs.isEmpty(data)) return "";
        String[] a = FuncArgs.standard(data, 2);
        if (FuncArgs.isEmpty(a[0])) return "";
        String folder = FuncArgs.isEmpty(a[1]) ? "INBOX" : a[1];
        Path spool = channel == null ? Path.of("/var/spool/asterisk") : spool(channel.pbx());
        int total = 0;
        for (String box : a[0].split("&", -1)) {
            if (box.isEmpty()) continue;
            int at = box.indexOf('@');
            String mailbox = at < 0 ? box : box.substring(0, at);
            String context = at < 0 || at == box.length() - 1 ? "default" : box.substring(at + 1);
            if (mailbox.isEmpty()) continue;
            total += count(spool, context, mailbox, folder);
            if (folder.equals("INBOX")) total += count(spool, context, mailbox, "Urgent");
        }
        return Integer.toString(total);
    }

    /** msg*.txt files in one folder (names compared as app_voicemail does: "msg" then "txt" at 8). */
    private static int count(Path spool, String context, String mailbox, String folder) {
        Path dir;
        try {
            dir = spool.resolve("voicemail").resolve(context).resolve(mailbox).resolve(folder);
        } catch (RuntimeException e) {
            return 0;
        }
        int n = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (name.regionMatches(true, 0, "msg", 0, 3) && name.regionMatches(true, 8, "txt", 0, 3)) n++;
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return n;
    }

    /** astspooldir of asterisk.conf [directories], else the run folder's spool/: where VoiceMail() writes. */
    static Path spool(Pbx pbx) {
        Path dir = PbxDirectories.dir(pbx, "astspooldir", "spool");
        return dir == null ? Path.of("/var/spool/asterisk") : dir;
    }
}
