package org.switchboard.core;

import java.io.PrintWriter;
import java.util.List;

/**
 * A console command ({@code core show channels}), registered by its module's
 * {@link Module#register}: {@code ctx.cliCommand(new CoreShowChannels())}.
 */
public interface CliCommand {
    /** The fixed words, e.g. {@code ["core", "show", "channels"]}; arguments follow them. */
    List<String> words();
    String usage();

    /**
     * @param args the words typed after {@link #words()}
     * @return false when the arguments are wrong (the console then prints {@link #usage()})
     */
    boolean execute(Pbx pbx, List<String> args, PrintWriter out);

    /** Candidates for the word being typed after {@link #words()}; used by the interactive console. */
    default List<String> complete(Pbx pbx, List<String> args) { return List.of(); }
}
