package org.switchboard.funcs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.Channel;
import org.switchboard.testing.TestPbx;

/** AST_CONFIG (func_config.c) reading a real sip.conf-style file with a template from the config directory. */
class AstConfigFunctionTest {
    @TempDir Path dir;
    private TestPbx pbx;

    @AfterEach
    void stop() {
        if (pbx != null) pbx.close();
    }

    @Test
    void aValueByCategoryAndNameTheTemplatesFirstAndTheLastWithMinusOne() throws Exception {
        Files.writeString(dir.resolve("phones.conf"), """
                [desk](!)
                context = internal
                allow = ulaw
                [100](desk)
                context = lmentinc
                allow = g722
                secret = s3cret
                """);
        pbx = new TestPbx(dir);
        Channel c = pbx.channel();
        assertThat(pbx.eval(c, "${AST_CONFIG(phones.conf,100,secret)}")).isEqualTo("s3cret");
        assertThat(pbx.eval(c, "${AST_CONFIG(phones.conf,100,context)}")).as("index 0: the template's").isEqualTo("internal");
        assertThat(pbx.eval(c, "${AST_CONFIG(phones.conf,100,context,-1)}")).as("the effective value").isEqualTo("lmentinc");
        assertThat(pbx.eval(c, "${AST_CONFIG(phones.conf,100,allow,1)}")).isEqualTo("g722");
        assertThat(pbx.eval(c, "[${AST_CONFIG(phones.conf,100,allow,2)}]")).isEqualTo("[]");
        assertThat(pbx.eval(c, "[${AST_CONFIG(phones.conf,200,secret)}][${AST_CONFIG(phones.conf,100,nothing)}]")).isEqualTo("[][]");
    }

    @Test
    void aMissingFileOrArgumentIsALogLineAndNothing() throws Exception {
        pbx = new TestPbx(dir);
        Channel c = pbx.channel();
        pbx.log.clear();
        assertThat(pbx.eval(c, "[${AST_CONFIG(nosuch.conf,a,b)}]")).isEqualTo("[]");
        assertThat(pbx.logLines("Config file 'nosuch.conf' not found")).hasSize(1);
        assertThat(pbx.eval(c, "[${AST_CONFIG(nosuch.conf)}]")).isEqualTo("[]");
        assertThat(pbx.logLines("AST_CONFIG requires config_file, category and variable_name")).hasSize(1);
        assertThat(pbx.eval(c, "[${AST_CONFIG(nosuch.conf,a,b,first)}]")).isEqualTo("[]");
        assertThat(pbx.logLines("is not a number")).hasSize(1);
    }
}
