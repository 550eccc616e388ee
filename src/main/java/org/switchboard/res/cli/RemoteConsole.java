package org.switchboard.res.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.jline.reader.Candidate;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * {@code switchboard -r}: Asterisk's remote console on JLine. The prompt is
 * {@code switchboard*CLI> }; Tab asks the server to complete the word; the server's verbose and
 * warning lines appear above the prompt as they happen; history is kept in a file; {@code exit},
 * {@code quit}, Ctrl-D or Ctrl-C leave.
 */
public final class RemoteConsole {
    public static final String PROMPT = "switchboard*CLI> ";

    private final CliClient client;
    private final Terminal terminal;
    private final Path historyFile;

    public RemoteConsole(CliClient client, Terminal terminal, Path historyFile) {
        this.client = client;
        this.terminal = terminal;
        this.historyFile = historyFile;
    }

    /** The history file of the user running the console. */
    public static Path defaultHistoryFile() { return Path.of(System.getProperty("user.home"), ".switchboard_history"); }

    /** Runs until the admin leaves (0) or the server goes away (1). */
    public int run() throws IOException {
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("switchboard")
                .completer((r, line, candidates) -> {
                    try {
                        for (String c : client.complete(line.line().substring(0, line.cursor()))) candidates.add(new Candidate(c));
                    } catch (IOException e) {
                        // no candidates from a server that is gone
                    }
                })
                .variable(LineReader.HISTORY_FILE, historyFile)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)   // '!' is a dialplan pattern character
                .build();
        PrintWriter out = terminal.writer();
        out.println("Connected to " + client.serverVersion() + " currently running on " + client.serverHost()
                + " (pid = " + client.serverPid() + ")");
        out.flush();
        client.subscribeLog(reader::printAbove);
        try {
            for (;;) {
                String line;
                try {
                    line = reader.readLine(PROMPT);
                } catch (EndOfFileException | UserInterruptException e) {
                    return 0;
                }
                String cmd = line.trim();
                if (cmd.isEmpty()) continue;
                if (cmd.equalsIgnoreCase("exit") || cmd.equalsIgnoreCase("quit")) return 0;
                String status = client.isClosed() ? null : command(cmd, out);
                if (status == null) {
                    out.println("Disconnected from " + client.serverVersion());
                    out.flush();
                    return 1;
                }
            }
        } finally {
            try {
                reader.getHistory().save();
            } catch (IOException e) {
                // history is a convenience
            }
        }
    }

    private String command(String cmd, PrintWriter out) {
        try {
            String status = client.command(cmd, line -> out.println(line));
            out.flush();
            return status;
        } catch (IOException e) {
            return null;
        }
    }
}
