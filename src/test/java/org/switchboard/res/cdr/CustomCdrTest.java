package org.switchboard.res.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.switchboard.core.Channel;

/** cdr_custom: the sample's Master.csv mapping gives cdr_csv's columns; any template works. */
class CustomCdrTest {
    /** The first mapping of Asterisk 20's cdr_custom.conf sample, uncommented. */
    private static final String SAMPLE_MAPPING = "Master.csv => ${CSV_QUOTE(${CDR(clid)})},${CSV_QUOTE(${CDR(src)})},"
            + "${CSV_QUOTE(${CDR(dst)})},${CSV_QUOTE(${CDR(dcontext)})},${CSV_QUOTE(${CDR(channel)})},"
            + "${CSV_QUOTE(${CDR(dstchannel)})},${CSV_QUOTE(${CDR(lastapp)})},${CSV_QUOTE(${CDR(lastdata)})},"
            + "${CSV_QUOTE(${CDR(start)})},${CSV_QUOTE(${CDR(answer)})},${CSV_QUOTE(${CDR(end)})},"
            + "${CSV_QUOTE(${CDR(duration)})},${CSV_QUOTE(${CDR(billsec)})},${CSV_QUOTE(${CDR(disposition)})},"
            + "${CSV_QUOTE(${CDR(amaflags)})},${CSV_QUOTE(${CDR(accountcode)})},${CSV_QUOTE(${CDR(uniqueid)})},"
            + "${CSV_QUOTE(${CDR(userfield)})},${CDR(sequence)}\n";

    @Test
    void sampleMappingAndAUserTemplateWithVariablesAndRawTimes() {
        try (CdrTestPbx pbx = new CdrTestPbx(Map.of(
                "cdr.conf", "[general]\n",
                "cdr_custom.conf", "[mappings]\n" + SAMPLE_MAPPING
                        + "Simple.csv => ${CDR(src)}|${CDR(dst)}|${CDR(plan)}|${CDR(disposition,u)}|${CDR(start,u)}|${CDR(billsec,f)}\n",
                "extensions.conf", """
                        [in]
                        exten => 200,1,Answer()
                         same => n,Set(CDR(plan)=gold)
                         same => n,Set(CDR(userfield)=say "hi")
                         same => n,Hangup()
                        """))) {
            Channel c = pbx.call("in", "200");
            pbx.settle();
            String date = "\"\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\"";
            List<String> master = CdrTestPbx.read(pbx.logDir().resolve("cdr-custom/Master.csv"));
            assertThat(master).singleElement().asString().matches("\"\"\"Alice\"\" <100>\",\"100\",\"200\",\"in\",\""
                    + java.util.regex.Pattern.quote(c.name()) + "\",\"\",\"Hangup\",\"\"," + date + "," + date + "," + date
                    + ",\"0\",\"0\",\"ANSWERED\",\"DOCUMENTATION\",\"\",\"" + java.util.regex.Pattern.quote(c.uniqueId())
                    + "\",\"say \"\"hi\"\"\",\\d+");
            assertThat(CdrTestPbx.read(pbx.logDir().resolve("cdr-custom/Simple.csv"))).singleElement().asString()
                    .matches("100\\|200\\|gold\\|8\\|\\d+\\.\\d{6}\\|0\\.\\d{6}");
        }
    }

    @Test
    void advancedMappingsWriteDsvAndJsonAsTheSampleDescribes() {
        try (CdrTestPbx pbx = new CdrTestPbx(Map.of(
                "cdr.conf", "[general]\n",
                "cdr_custom.conf", """
                        [cdr_master.csv]
                        fields = clid,"Some Literal",src, dst, dcontext, channel, dstchannel, lastapp, lastdata, start, answer, end, duration, billsec, disposition, amaflags, accountcode, uniqueid(noquote), userfield, sequence,plan(uservar)

                        [minimal.tsv]
                        separator_character = \\t
                        quoting_method = minimal
                        fields = src, userfield, start(int64), disposition(int64), amaflags, answer(%Y%m%d)

                        [cdr_master.json]
                        format = json
                        fields = clid,"My: Literal",src, dst, uniqueid, sequence, duration, plan(uservar), start(int64)

                        [broken.csv]
                        fields = src, nosuchfield
                        """,
                "extensions.conf", """
                        [in]
                        exten => 200,1,Answer()
                         same => n,Set(CDR(plan)=gold)
                         same => n,Set(CDR(userfield)=say "hi", twice)
                         same => n,Hangup()
                        """))) {
            Channel c = pbx.call("in", "200");
            pbx.settle();
            String date = "\"\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\"";
            String id = java.util.regex.Pattern.quote(c.uniqueId());
            assertThat(CdrTestPbx.read(pbx.logDir().resolve("cdr-custom/cdr_master.csv"))).singleElement().asString()
                    .matches("\"\"\"Alice\"\" <100>\",\"Some Literal\",\"100\",\"200\",\"in\",\""
                            + java.util.regex.Pattern.quote(c.name()) + "\",\"\",\"Hangup\",\"\"," + date + "," + date + ","
                            + date + ",\"0\",\"0\",\"ANSWERED\",\"DOCUMENTATION\",\"\"," + id
                            + ",\"say \"\"hi\"\", twice\",\"\\d+\",\"gold\"");
            assertThat(CdrTestPbx.read(pbx.logDir().resolve("cdr-custom/minimal.tsv"))).singleElement().asString()
                    .matches("100\t\"say \"\"hi\"\", twice\"\t\\d{10}\t8\tDOCUMENTATION\t\\d{8}");   // quoted only because it holds quotes
            assertThat(CdrTestPbx.read(pbx.logDir().resolve("cdr-custom/cdr_master.json"))).singleElement().asString()
                    .matches("\\{\"clid\":\"\\\\\"Alice\\\\\" <100>\",\"My\":\"Literal\",\"src\":\"100\",\"dst\":\"200\",\"uniqueid\":\""
                            + id + "\",\"sequence\":\\d+,\"duration\":0,\"plan\":\"gold\",\"start\":\\d{10}\\}");
            assertThat(pbx.test.logLines("cdr_custom.conf->broken.csv: Field 'nosuchfield' not found")).hasSize(1);
        }
    }

    @Test
    void checkNamesAnAdvancedMappingAsteriskWouldRefuse(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("cdr_custom.conf"), "[mappings]\nMaster.csv => ${CDR(src)}\n\n[bad.json]\nformat = json\nfields = src,\"no colon\"\n");
        assertThat(new CustomBackend().check(dir)).containsExactly("cdr_custom.conf:4: [bad.json] Literal field '\"no colon\"' must be formatted as \"name: value\" when using the 'json' format");
    }
}
