package org.switchboard.res.agi.commands;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Every AGI command this PBX answers, found by their leading words (the longest name wins). Immutable. */
public final class AgiCommandTable {
    public static final AgiCommandTable STANDARD = new AgiCommandTable(standardCommands());

    private final List<AgiCommand> commands;

    AgiCommandTable(List<AgiCommand> commands) {
        List<AgiCommand> sorted = new ArrayList<>(commands);
        sorted.sort(Comparator.comparing(AgiCommand::fullName));
        this.commands = List.copyOf(sorted);
    }

    /** The command {@code argv} starts with, or null (a {@code 510} answer). */
    public AgiCommand find(List<String> argv) {
        AgiCommand best = null;
        for (AgiCommand c : commands) {
            if (c.matches(argv) && (best == null || c.words().size() > best.words().size())) best = c;
        }
        return best;
    }

    /** A command by its full name ({@code "stream file"}), or null. */
    public AgiCommand named(String fullName) {
        for (AgiCommand c : commands) {
            if (c.fullName().equalsIgnoreCase(fullName.strip().replaceAll("\\s+", " "))) return c;
        }
        return null;
    }

    public List<AgiCommand> all() { return commands; }

    private static List<AgiCommand> standardCommands() {
        List<AgiCommand> all = new ArrayList<>();
        all.addAll(ChannelCommands.commands());
        all.addAll(DataCommands.commands());
        all.addAll(FlowCommands.commands());
        all.addAll(MediaCommands.commands());
        all.addAll(RecordCommands.commands());
        all.addAll(SayCommands.commands());
        all.addAll(TextCommands.commands());
        all.addAll(SpeechCommands.commands());
        return all;
    }
}
