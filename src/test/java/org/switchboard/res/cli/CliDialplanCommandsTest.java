package org.switchboard.res.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.testing.TestPbx;

/** {@code dialplan show}, {@code dialplan show globals}, {@code dialplan reload}, {@code reload}. */
class CliDialplanCommandsTest {
    /** Line 15 holds {@code 100,1}, as in the example line of DESIGN's brief. */
    private static final String DIALPLAN = """
            ; line 1
            [general]
            static=yes

            [globals]
            TRUNK=SIP/provider
            ZONE=eu

            ; the phones
            ;
            ;
            ;
            ;
            [phones]
            exten => 100,1,Answer()
             same => n(dial),Dial(SIP/100,30)
            exten => _2XX,1,NoOp(${EXTEN})
            exten => 400/555,1,Hangup()
            include => other
            ignorepat => 9

            [other]
            exten => 300,hint,SIP/300
            exten => 300,1,Hangup()
            """;

    private TestPbx tp = new TestPbx();

    @AfterEach
    void close() { tp.close(); }

    private String run(String line) {
        StringWriter sw = new StringWriter();
        new CliDispatcher(tp.pbx).execute(line, new PrintWriter(sw));
        return sw.toString();
    }

    @Test
    void oneContextInAsterisksLayout() {
        assertThat(tp.dialplan(DIALPLAN)).isEmpty();
        assertThat(run("dialplan show phones")).isEqualTo("""
                [ Context 'phones' created by 'pbx_config' ]
                  '100' =>          1. Answer()                                   [extensions.conf:15]
                     [dial]         2. Dial(SIP/100,30)                           [extensions.conf:16]
                  '400' (CID match '555') =>  1. Hangup()                                   [extensions.conf:18]
                  '_2XX' =>         1. NoOp(${EXTEN})                             [extensions.conf:17]
                  Include =>        'other'                                       [pbx_config]
                  Ignore pattern => '9'                                           [pbx_config]

                -= 3 extensions (4 priorities) in 1 context. =-
                """);
    }

    @Test
    void theWholeDialplanCountsEveryContextAndHints() {
        tp.dialplan(DIALPLAN);
        String out = run("dialplan show");
        assertThat(out).contains("""
                [ Context 'other' created by 'pbx_config' ]
                  '300' =>          hint: SIP/300                                 [extensions.conf:23]
                                    1. Hangup()                                   [extensions.conf:24]

                """).endsWith("-= 4 extensions (6 priorities) in 2 contexts. =-\n");
        assertThat(out.indexOf("Context 'phones'")).isLessThan(out.indexOf("Context 'other'"));
    }

    @Test
    void anExtensionIsLookedForThroughIncludesAndPatterns() {
        tp.dialplan(DIALPLAN);
        assertThat(run("dialplan show 300@phones")).isEqualTo("""
                [ Included context 'other' created by 'pbx_config' ]
                  '300' =>          hint: SIP/300                                 [extensions.conf:23]
                                    1. Hangup()                                   [extensions.conf:24]

                -= 1 extension (2 priorities) in 1 context. =-
                """);
        assertThat(run("dialplan show 250@phones")).startsWith("[ Context 'phones' created by 'pbx_config' ]\n  '_2XX' =>")
                .endsWith("-= 1 extension (1 priority) in 1 context. =-\n");
        assertThat(run("dialplan show 100@")).contains("'100' =>").endsWith("-= 1 extension (2 priorities) in 1 context. =-\n");
    }

    @Test
    void whatDoesNotExistIsSaid() {
        tp.dialplan(DIALPLAN);
        assertThat(run("dialplan show nosuch")).isEqualTo("There is no existence of 'nosuch' context\n");
        assertThat(run("dialplan show 999@other")).isEqualTo("There is no existence of 999@other extension\n");
        assertThat(run("dialplan show 999@")).isEqualTo("There is no existence of '999' extension in all contexts\n");
        assertThat(run("dialplan show a b")).startsWith("Usage: dialplan show [[exten@]context]");
    }

    @Test
    void anEmptyDialplanStillHasItsTotal() {
        assertThat(run("dialplan show")).isEqualTo("-= 0 extensions (0 priorities) in 0 contexts. =-\n");
    }

    @Test
    void contextsAreOfferedForCompletion() {
        tp.dialplan(DIALPLAN);
        CliDispatcher d = new CliDispatcher(tp.pbx);
        assertThat(d.complete("dialplan show ")).containsExactly("globals", "other", "phones");
        assertThat(d.complete("dialplan show 100@p")).containsExactly("100@phones");
    }

    @Test
    void globalsAreListedWithTheirCount() {
        tp.dialplan(DIALPLAN);
        assertThat(run("dialplan show globals")).isEqualTo("   TRUNK=SIP/provider\n   ZONE=eu\n\n    -- 2 variable(s)\n");
    }

    @Test
    void reloadReadsTheFileAgainAndReportsItsProblems(@TempDir Path dir) throws Exception {
        tp.close();
        Files.writeString(dir.resolve("extensions.conf"), "[phones]\nexten => 100,1,Answer()\n");
        tp = new TestPbx(dir);
        assertThat(run("dialplan show phones")).contains("'100' =>");
        Files.writeString(dir.resolve("extensions.conf"), "[phones]\nexten => 200,1,Answer()\nexten => bogus\n");
        assertThat(run("dialplan reload")).matches("extensions.conf:3: .*\nDialplan reloaded.\n");
        assertThat(run("dialplan show phones")).contains("'200' =>").doesNotContain("'100' =>");
        Files.writeString(dir.resolve("extensions.conf"), "[phones]\nexten => 300,1,Answer()\n");
        assertThat(run("reload")).startsWith("Dialplan reloaded.\n");
        assertThat(run("dialplan show phones")).contains("'300' =>");
        assertThat(run("dialplan reload now")).startsWith("Usage: dialplan reload");
    }
}
