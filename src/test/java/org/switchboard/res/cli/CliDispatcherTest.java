package org.switchboard.res.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.CliCommand;
import org.switchboard.core.Pbx;
import org.switchboard.testing.TestPbx;

class CliDispatcherTest {
    private final TestPbx tp = new TestPbx();
    private final List<String> calls = new ArrayList<>();

    @AfterEach
    void close() { tp.close(); }

    /** A command that records how it was called and answers as told. */
    private CliCommand command(String words, boolean result) {
        return new CliCommand() {
            public List<String> words() { return List.of(words.split(" ")); }
            public String usage() { return "Usage: " + words + " <x>\n       Does things.\n"; }
            public boolean execute(Pbx pbx, List<String> args, PrintWriter out) {
                calls.add(words + " " + args);
                if (args.contains("boom")) throw new IllegalStateException("boom");
                out.println("ran " + words);
                return result;
            }
            public List<String> complete(Pbx pbx, List<String> args) { return List.of("alpha", "beta", "Alps"); }
        };
    }

    private final List<CliCommand> commands = List.of(command("core show application", true), command("core show applications", true),
            command("core show version", true), command("core stop", false), command("dialplan show", true));
    private final CliDispatcher d = new CliDispatcher(tp.pbx, () -> commands);

    private String run(String line) {
        StringWriter sw = new StringWriter();
        d.execute(line, new PrintWriter(sw));
        return sw.toString();
    }

    @Test
    void theLongestMatchingCommandRunsWithTheRestAsArguments() {
        assertThat(run("core show applications like Dial")).isEqualTo("ran core show applications\n");
        assertThat(run("core show application Dial")).isEqualTo("ran core show application\n");
        assertThat(calls).containsExactly("core show applications [like, Dial]", "core show application [Dial]");
    }

    @Test
    void wordsMatchIgnoringCaseAndBlanksDoNotCount() {
        assertThat(run("  CORE   Show VERSION  ")).isEqualTo("ran core show version\n");
        assertThat(calls).containsExactly("core show version []");
    }

    @Test
    void anUnknownCommandGetsAsterisksMessageWithTheBestHelpTopic() {
        StringWriter sw = new StringWriter();
        assertThat(d.execute("x", new PrintWriter(sw))).isEqualTo(CliDispatcher.Outcome.NO_SUCH_COMMAND);
        assertThat(sw.toString()).isEqualTo("No such command 'x' (type 'core show help x' for other possible commands)\n");
        assertThat(run("core show foo bar")).isEqualTo(
                "No such command 'core show foo bar' (type 'core show help core show foo' for other possible commands)\n");
        assertThat(run("core sh")).startsWith("No such command 'core sh' (type 'core show help core sh' ");
        assertThat(calls).isEmpty();
    }

    @Test
    void aCommandThatRefusesItsArgumentsPrintsItsUsage() {
        StringWriter sw = new StringWriter();
        assertThat(d.execute("core stop sometime", new PrintWriter(sw))).isEqualTo(CliDispatcher.Outcome.USAGE);
        assertThat(sw.toString()).isEqualTo("ran core stop\nUsage: core stop <x>\n       Does things.\n");
    }

    @Test
    void aCommandThatThrowsIsReportedAndTheDispatcherGoesOn() {
        StringWriter sw = new StringWriter();
        assertThat(d.execute("dialplan show boom", new PrintWriter(sw))).isEqualTo(CliDispatcher.Outcome.FAILED);
        assertThat(sw.toString()).contains("Command 'dialplan show boom' failed: java.lang.IllegalStateException: boom");
        assertThat(tp.logLines("failed: java.lang.IllegalStateException: boom")).hasSize(1);
        assertThat(run("dialplan show")).isEqualTo("ran dialplan show\n");
    }

    @Test
    void anEmptyLineDoesNothing() {
        assertThat(d.execute("   ", new PrintWriter(new StringWriter()))).isEqualTo(CliDispatcher.Outcome.EMPTY);
        assertThat(calls).isEmpty();
    }

    @Test
    void splitGroupsQuotedWordsAndTakesEscapedCharactersAsTheyAre() {
        assertThat(CliDispatcher.split("channel originate Local/1@x application Playback \"hello world\""))
                .containsExactly("channel", "originate", "Local/1@x", "application", "Playback", "hello world");
        assertThat(CliDispatcher.split("a\\ b \\\"c \"\"")).containsExactly("a b", "\"c", "");
        assertThat(CliDispatcher.split("")).isEmpty();
    }

    @Test
    void completionOffersTheNextCommandWordsThatFit() {
        assertThat(d.complete("")).containsExactly("core", "dialplan");
        assertThat(d.complete("co")).containsExactly("core");
        assertThat(d.complete("core ")).containsExactly("show", "stop");
        assertThat(d.complete("CORE show app")).containsExactly("application", "applications");
        assertThat(d.complete("core show version")).containsExactly("version");
        assertThat(d.complete("nothing ")).isEmpty();
    }

    @Test
    void completionAfterACommandAsksTheCommandAndFiltersByWhatWasTyped() {
        assertThat(d.complete("dialplan show ")).containsExactly("Alps", "alpha", "beta");
        assertThat(d.complete("dialplan show al")).containsExactly("Alps", "alpha");
        assertThat(d.complete("core show application b")).containsExactly("beta");
    }

    @Test
    void theRegisteredCommandsAreFoundThroughTheModules() {
        StringWriter sw = new StringWriter();
        new CliDispatcher(tp.pbx).execute("core show version", new PrintWriter(sw));
        assertThat(sw.toString()).startsWith(Pbx.VERSION + " running on Java ");
        assertThat(new CliDispatcher(tp.pbx).complete("core show chan")).containsExactly("channel", "channels");
    }
}
