package org.switchboard.core;

import java.io.PrintWriter;
import java.util.List;

/**
 * A console command ({@code core show channels}). Listed in
 * {@code META-INF/services/org.switchboard.core.CliCommand}.
 */
public interface CliCommand {
    /** The fixed words, e.g. {@code ["core", "show", "channels"]}; arguments follow them. */
    List<String> words();
    String usage();
    String module();

    /**
     * @param args the words typed after {@link #words()}
     * @return false when the arguments are wrong (the console then prints {@link #usage()})
     */
    boolean execute(Pbx pbx, List<String> args, PrintWriter out);

    /** Candidates for the word being typed after {@link #words()}; used by the interactive console. */
    default List<String> complete(Pbx pbx, List<String> args) { return List.of(); }
}
