package org.switchboard.funcs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.Channel;
import org.switchboard.testing.TestPbx;

/** func_dialplan (DIALPLAN_EXISTS, VALID_EXTEN), func_evalexten (EVAL_EXTEN) and the core's EXCEPTION. */
class DialplanFunctionsTest {
    private final TestPbx pbx = new TestPbx();
    private Channel chan;

    @BeforeEach
    void load() {
        assertThat(pbx.dialplan("""
                [phones]
                exten => 100,1,NoOp(alice)
                 same => n(voicemail),VoiceMail(100@default)
                exten => _2XX,1,Return(internal)
                exten => 300/5551234,1,Return(only for 5551234)
                include => shared

                [shared]
                exten => 900,1,Return(from shared)

                [call-types]
                exten => _1NNN,1,Return(internal)
                exten => _NXXNXXXXXX,1,Return(external)
                exten => s,1,Return(plain text)
                 same => n(second),Return(labelled)

                [empty]
                """)).isEmpty();
        chan = pbx.channel();
        chan.setLocation("phones", "100", 1);
        pbx.log.clear();
    }

    @AfterEach
    void close() { pbx.close(); }

    // ---- DIALPLAN_EXISTS ----

    @Test
    void dialplanExistsFindsContextsExtensionsPrioritiesAndLabels() {
        DialplanExistsFunction f = new DialplanExistsFunction();
        assertThat(f.read(chan, "phones")).isEqualTo("1");
        assertThat(f.read(chan, "empty")).isEqualTo("1");
        assertThat(f.read(chan, "nosuch")).isEqualTo("0");
        assertThat(f.read(chan, "phones,100")).isEqualTo("1");
        assertThat(f.read(chan, "phones,101")).isEqualTo("0");
        assertThat(f.read(chan, "phones,250")).isEqualTo("1");          // by pattern
        assertThat(f.read(chan, "phones,900")).isEqualTo("1");          // through the include
        assertThat(f.read(chan, "phones,100,2")).isEqualTo("1");
        assertThat(f.read(chan, "phones,100,3")).isEqualTo("0");
        assertThat(f.read(chan, "phones,100,voicemail")).isEqualTo("1");
        assertThat(f.read(chan, "phones,100,nolabel")).isEqualTo("0");
        assertThat(f.read(chan, "phones,100,")).isEqualTo("1");         // empty priority: priority 1
        assertThat(pbx.logLines("ERROR")).isEmpty();
    }

    @Test
    void dialplanExistsHonoursCallerIdMatches() {
        DialplanExistsFunction f = new DialplanExistsFunction();
        assertThat(f.read(chan, "phones,300")).isEqualTo("0");
        chan.callerId().setNumber("5551234");
        assertThat(f.read(chan, "phones,300")).isEqualTo("1");
    }

    @Test
    void dialplanExistsWithoutArgumentsLogsAnError() {
        DialplanExistsFunction f = new DialplanExistsFunction();
        assertThat(f.read(chan, "")).isEmpty();
        assertThat(pbx.logLines("DIALPLAN_EXISTS() requires an argument")).hasSize(1);
        assertThat(f.read(chan, ",")).isEmpty();
        assertThat(pbx.logLines("Invalid arguments provided to DIALPLAN_EXISTS")).hasSize(1);
        assertThat(pbx.logLines("ERROR")).allMatch(l -> l.contains("func_dialplan.c"));
    }

    // ---- VALID_EXTEN ----

    @Test
    void validExtenDefaultsToTheCurrentContextAndPriorityOne() {
        ValidExtenFunction f = new ValidExtenFunction();
        assertThat(f.read(chan, ",100")).isEqualTo("1");
        assertThat(f.read(chan, ",101")).isEqualTo("0");
        assertThat(f.read(chan, "call-types,1234")).isEqualTo("1");
        assertThat(f.read(chan, "call-types,2125551234")).isEqualTo("1");
        assertThat(f.read(chan, "call-types,12")).isEqualTo("0");
        assertThat(f.read(chan, ",100,2")).isEqualTo("1");
        assertThat(f.read(chan, ",100,3")).isEqualTo("0");
        assertThat(f.read(chan, ",100,voicemail")).isEqualTo("0");   // atoi: labels are not looked up
    }

    @Test
    void validExtenWithoutAnExtensionWarns() {
        ValidExtenFunction f = new ValidExtenFunction();
        assertThat(f.read(chan, "phones")).isEmpty();
        assertThat(f.read(chan, "")).isEmpty();
        assertThat(pbx.logLines("Syntax: VALID_EXTEN([<context>],<extension>[,<priority>]) - missing argument <extension>!"))
                .hasSize(2);
    }

    // ---- EVAL_EXTEN ----

    @Test
    void evalExtenReturnsTheApplicationDataOfThePriority() {
        EvalExtenFunction f = new EvalExtenFunction();
        assertThat(f.read(chan, "call-types,1234,1")).isEqualTo("internal");
        assertThat(f.read(chan, "call-types,2125551234,1")).isEqualTo("external");
        assertThat(f.read(chan, "call-types,s,second")).isEqualTo("labelled");
        assertThat(f.read(chan, "call-types,s,2")).isEqualTo("labelled");
        assertThat(f.read(chan, "phones,100,1")).isEqualTo("alice");      // any application, not only Return
        assertThat(f.read(chan, "phones,900,1")).isEqualTo("from shared");
    }

    @Test
    void evalExtenFillsInTheChannelsOwnContextAndExtension() {
        EvalExtenFunction f = new EvalExtenFunction();
        assertThat(f.read(chan, "2")).isEqualTo("100@default");                // priority only
        assertThat(f.read(chan, "voicemail")).isEqualTo("100@default");        // a label of the current extension
        assertThat(f.read(chan, "250,1")).isEqualTo("internal");               // extension,priority
        assertThat(f.read(chan, ",250,1")).isEqualTo("internal");
        assertThat(f.read(chan, "call-types,,1")).isEmpty();                   // extension 100 is not in call-types
    }

    @Test
    void evalExtenOfNothingOrOfAMissingTargetIsEmpty() {
        EvalExtenFunction f = new EvalExtenFunction();
        assertThat(f.read(chan, "")).isEmpty();
        assertThat(pbx.logLines("The EVAL_EXTEN function requires an extension")).hasSize(1);
        assertThat(f.read(chan, "call-types,12,1")).isEmpty();
        assertThat(f.read(chan, "nosuch,1,1")).isEmpty();
        assertThat(f.read(chan, "call-types,s,9")).isEmpty();
        assertThat(f.read(chan, "call-types,s,nolabel")).isEmpty();
        assertThat(pbx.logLines("Priority 'nolabel' must be a number > 0, or valid label")).hasSize(1);
    }

    // ---- EXCEPTION ----

    @Test
    void exceptionReadsWhatTheCoreRecorded() {
        ExceptionFunction f = new ExceptionFunction();
        assertThat(f.read(chan, "reason")).isEmpty();
        chan.setVar("EXCEPTION_REASON", "RESPONSETIMEOUT");
        chan.setVar("EXCEPTION_CONTEXT", "ivr");
        chan.setVar("EXCEPTION_EXTEN", "s");
        chan.setVar("EXCEPTION_PRIORITY", "4");
        assertThat(f.read(chan, "reason")).isEqualTo("RESPONSETIMEOUT");
        assertThat(f.read(chan, "REASON")).isEqualTo("RESPONSETIMEOUT");
        assertThat(f.read(chan, "context")).isEqualTo("ivr");
        assertThat(f.read(chan, "exten")).isEqualTo("s");
        assertThat(f.read(chan, "extension")).isEqualTo("s");
        assertThat(f.read(chan, "priority")).isEqualTo("4");
        assertThat(pbx.moduleOfFunction("EXCEPTION")).isEqualTo("core");
    }

    @Test
    void exceptionAfterTheCoreRaisedOne() {
        pbx.dialplan("""
                [ivr]
                exten => e,1,NoOp(${EXCEPTION(reason)})
                """);
        Channel c = pbx.channel("Test/x");
        c.setLocation("ivr", "123", 1);
        pbx.pbx.runPbx(c);
        ExceptionFunction f = new ExceptionFunction();
        assertThat(f.read(c, "reason")).isEqualTo("INVALID");
        assertThat(f.read(c, "exten")).isEqualTo("123");
        assertThat(f.read(c, "context")).isEqualTo("ivr");
    }

    @Test
    void exceptionOfAnUnknownFieldWarns() {
        chan.setVar("EXCEPTION_REASON", "ERROR");
        assertThat(new ExceptionFunction().read(chan, "colour")).isEmpty();
        assertThat(new ExceptionFunction().read(chan, "")).isEmpty();
        assertThat(pbx.logLines("Unknown EXCEPTION() field")).hasSize(2);
        assertThat(pbx.logLines("pbx.c")).hasSize(2);
    }

    @Test
    void modulesAreAsterisks() {
        assertThat(pbx.moduleOfFunction("DIALPLAN_EXISTS")).isEqualTo("func_dialplan");
        assertThat(pbx.moduleOfFunction("VALID_EXTEN")).isEqualTo("func_dialplan");
        assertThat(pbx.moduleOfFunction("EVAL_EXTEN")).isEqualTo("func_evalexten");
    }
}
