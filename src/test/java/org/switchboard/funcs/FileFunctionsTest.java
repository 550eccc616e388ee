package org.switchboard.funcs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.Channel;
import org.switchboard.testing.TestPbx;

/**
 * FILE, FILE_COUNT_LINE, FILE_FORMAT and STAT (func_env.c) on real files, through Set() and
 * ${...} as a dialplan uses them. The FILE tables are the cases of Asterisk's own unit test
 * (tests/test_func_file.c, "the examples of the FILE() documentation work as described").
 */
class FileFunctionsTest {
    private static final String LINES = "123\n456\n789\n";

    @TempDir Path dir;
    private Path file;
    private TestPbx pbx;
    private Channel c;

    @BeforeEach
    void start() {
        pbx = new TestPbx();
        c = pbx.channel();
        file = dir.resolve("test.txt");
        pbx.log.clear();
    }

    @AfterEach
    void stop() { pbx.close(); }

    private String eval(String text) { return pbx.eval(c, text); }

    private void contents(String s) throws IOException { Files.writeString(file, s); }

    private String contents() throws IOException { return Files.readString(file); }

    private String read(String args) { return eval("${FILE(" + file + "," + args + ")}"); }

    private void write(String args, String value) { pbx.pbx.vars().set(c, "FILE(" + file + "," + args + ")", value); }

    // test_func_file.c read_tests: contents, arguments, what FILE() returns
    private static final String[][] READS = {
        {"123456789", "0,1", "1"}, {"123456789", "0,-8", "1"}, {"123456789", "-9,1", "1"}, {"123456789", "-9,-8", "1"},
        {"123456789", "0,0", ""}, {"123456789", "-9,0", ""}, {"123456789", "-9,-9", ""},
        {"123456789", "5,-6", ""}, {"123456789", "-5,-6", ""},
        {"123456789", "-5", "56789"}, {"123456789", "4", "56789"},
        {"123456789", "8,10", "9"}, {"123456789", "10,1", ""},
        {"123456789", "2,5", "34567"}, {"123456789", "-7,5", "34567"},
        {LINES, "0,1,l", "123\n"}, {LINES, "-3,1,l", "123\n"}, {LINES, "0,-2,l", "123\n"}, {LINES, "-3,-2,l", "123\n"},
        {LINES, "0,0,l", ""}, {LINES, "-3,0,l", ""}, {LINES, "-3,-3,l", ""},
        {LINES, "2,-2,l", ""}, {LINES, "-2,-3,l", ""},
        {LINES, "1,,l", "456\n789\n"}, {LINES, "-2,,l", "456\n789\n"},
    };

    // test_func_file.c write_tests: contents, arguments, value written, the file afterwards
    private static final String[][] WRITES = {
        {"123456789", "0,1", "a", "a23456789"}, {"123456789", "-9,1", "a", "a23456789"},
        {"123456789", "0,-8", "a", "a23456789"}, {"123456789", "-9,-8", "a", "a23456789"},
        {"123456789", "5,1", "b", "12345b789"}, {"123456789", "-4,1", "b", "12345b789"},
        {"123456789", "5,-3", "b", "12345b789"}, {"123456789", "-4,-3", "b", "12345b789"},
        {"123456789", "0,2", "c", "c3456789"}, {"123456789", "-9,2", "c", "c3456789"},
        {"123456789", "0,-7", "c", "c3456789"}, {"123456789", "-9,-7", "c", "c3456789"},
        {"123456789", "4,2", "d", "1234d789"}, {"123456789", "-5,2", "d", "1234d789"},
        {"123456789", "4,-3", "d", "1234d789"}, {"123456789", "-5,-3", "d", "1234d789"},
        {"123456789", "5", "e", "12345e"}, {"123456789", "5", "", "12345"},
        {"123456789", "-4", "e", "12345e"}, {"123456789", "-4", "", "12345"},
        {"123456789", "0,1", "fg", "fg23456789"}, {"123456789", "0,-8", "fg", "fg23456789"},
        {"123456789", "-9,1", "fg", "fg23456789"}, {"123456789", "-9,-8", "fg", "fg23456789"},
        {"123456789", "", "h", "h"}, {"123456789", ",,,", "h", "h"},
        {LINES, ",,l", "h", "h\n"}, {LINES, ",,ld", "h", "h"},
        {LINES, "0,1,l", "abc", "abc\n456\n789\n"}, {LINES, "-3,1,l", "abc", "abc\n456\n789\n"},
        {LINES, "0,-2,l", "abc", "abc\n456\n789\n"}, {LINES, "-3,-2,l", "abc", "abc\n456\n789\n"},
        {LINES, "1,1,l", "abc", "123\nabc\n789\n"}, {LINES, "1,-1,l", "abc", "123\nabc\n789\n"},
        {LINES, "-2,1,l", "abc", "123\nabc\n789\n"}, {LINES, "-2,-1,l", "abc", "123\nabc\n789\n"},
        {LINES, "0,1,l", "ab", "ab\n456\n789\n"}, {LINES, "-2,-1,l", "ab", "123\nab\n789\n"},
        {LINES, "0,1,l", "abcd", "abcd\n456\n789\n"}, {LINES, "1,-1,l", "abcd", "123\nabcd\n789\n"},
        {LINES, "0,2,l", "abcdefg", "abcdefg\n789\n"}, {LINES, "-3,2,l", "abcdefg", "abcdefg\n789\n"},
        {LINES, "0,-1,l", "abcdefg", "abcdefg\n789\n"}, {LINES, "-3,-1,l", "abcdefg", "abcdefg\n789\n"},
        {LINES, "1,2,l", "abcdefg", "123\nabcdefg\n"}, {LINES, "1,,l", "abcdefg", "123\nabcdefg\n"},
        {LINES, "-2,2,l", "abcdefg", "123\nabcdefg\n"}, {LINES, "-2,,l", "abcdefg", "123\nabcdefg\n"},
        {LINES, "0,2,l", "abcd", "abcd\n789\n"}, {LINES, "-2,,l", "abcd", "123\nabcd\n"},
        {LINES, "0,2,l", "abcdefghijklmnop", "abcdefghijklmnop\n789\n"},
        {LINES, "-2,,l", "abcdefghijklmnop", "123\nabcdefghijklmnop\n"},
        {LINES, "0,0,l", "abcd", "abcd\n123\n456\n789\n"}, {LINES, "-3,0,l", "abcd", "abcd\n123\n456\n789\n"},
        {LINES, "1,0,l", "abcd", "123\nabcd\n456\n789\n"}, {LINES, "-2,0,l", "abcd", "123\nabcd\n456\n789\n"},
        {LINES, "2,0,l", "abcd", "123\n456\nabcd\n789\n"}, {LINES, "-1,0,l", "abcd", "123\n456\nabcd\n789\n"},
        {LINES, "3,0,l", "abcd", "123\n456\n789\nabcd\n"}, {LINES, ",,la", "abcd", "123\n456\n789\nabcd\n"},
        {LINES, "0,1,l", "", "\n456\n789\n"}, {LINES, "-3,-2,l", "", "\n456\n789\n"},
        {LINES, "1,1,l", "", "123\n\n789\n"}, {LINES, "-2,-1,l", "", "123\n\n789\n"},
        {LINES, "0,1,ld", "", "456\n789\n"}, {LINES, "-3,1,ld", "", "456\n789\n"},
        {LINES, "0,-2,ld", "", "456\n789\n"}, {LINES, "-3,-2,ld", "", "456\n789\n"},
        {LINES, "1,1,ld", "", "123\n789\n"}, {LINES, "1,-1,ld", "", "123\n789\n"},
        {LINES, "-2,1,ld", "", "123\n789\n"}, {LINES, "-2,-1,ld", "", "123\n789\n"},
    };

    @Test
    void readsAsAsteriskUnitTestExpects() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (String[] t : READS) {
            contents(t[0]);
            String got = read(t[1]);
            if (!got.equals(t[2])) wrong.add("FILE(...," + t[1] + ") gave '" + got + "', expected '" + t[2] + "'");
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void writesAsAsteriskUnitTestExpects() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (String[] t : WRITES) {
            contents(t[0]);
            write(t[1], t[2]);
            String got = contents();
            if (!got.equals(t[3])) wrong.add("FILE(...," + t[1] + ")=" + t[2] + " left '" + got + "', expected '" + t[3] + "'");
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void longFilesAreEditedInPlace() throws IOException {
        String k = "1234567890ABCDEF".repeat(64);
        contents("1234567890ABCDEF" + k.repeat(5));
        write("0,10", "abcd");
        assertThat(contents()).isEqualTo("abcdABCDEF" + k.repeat(5));
        contents("1234\n1" + k + "\n2" + k + "\n");
        write("0,1,l", "a");
        assertThat(contents()).isEqualTo("a\n1" + k + "\n2" + k + "\n");
        assertThat(read("-1,,l")).isEqualTo("2" + k + "\n");
    }

    @Test
    void dosAndMacFilesKeepTheirLineBreaks() throws IOException {
        contents("one\r\ntwo\r\nthree\r\n");
        assertThat(read("1,1,l")).isEqualTo("two\r\n");
        assertThat(eval("${FILE_FORMAT(" + file + ")}${FILE_COUNT_LINE(" + file + ")}")).isEqualTo("d3");
        assertThat(eval("${FILE_COUNT_LINE(" + file + ",d)}${FILE_COUNT_LINE(" + file + ",u)}")).isEqualTo("33");
        write(",,al", "four");
        assertThat(contents()).isEqualTo("one\r\ntwo\r\nthree\r\nfour\r\n");
        contents("one\rtwo\r");
        assertThat(eval("${FILE_FORMAT(" + file + ")}${FILE_COUNT_LINE(" + file + ")}")).isEqualTo("m2");
        assertThat(read("-1,,l")).isEqualTo("two\r");
        // an explicit format wins over what the file says
        contents("a\nb\n");
        assertThat(read("0,1,l,m")).isEqualTo("a\nb\n");
        assertThat(eval("${FILE_COUNT_LINE(" + file + ",m)}")).isEqualTo("0");
        assertThat(pbx.logLines("WARNING")).isEmpty();
        assertThat(pbx.logLines("ERROR")).isEmpty();
    }

    @Test
    void utf8TextRoundTrips() throws IOException {
        write("", "grüße, 東京");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("grüße, 東京");
        assertThat(read("")).isEqualTo("grüße, 東京");
    }

    @Test
    void aMissingFileIsAWarningAndReadsAsNothing() {
        Path missing = dir.resolve("nope.txt");
        assertThat(eval("[${FILE(" + missing + ")}]")).isEqualTo("[]");
        assertThat(pbx.said("Cannot open file '" + missing + "' for reading: No such file or directory"))
                .singleElement().satisfies(l -> assertThat(l).contains("WARNING", "func_env.c"));
        pbx.log.clear();
        assertThat(eval("[${FILE(" + missing + ",0,1,l)}]")).isEqualTo("[]");
        assertThat(pbx.said("Cannot open '" + missing + "': No such file or directory")).singleElement()
                .satisfies(l -> assertThat(l).contains("ERROR"));
        assertThat(pbx.said("'" + missing + "' is not a line-based file")).hasSize(1);
        pbx.log.clear();
        assertThat(eval("${FILE_COUNT_LINE(" + missing + ")}${FILE_FORMAT(" + missing + ")}")).isEqualTo("-1x");
        assertThat(pbx.said("Unable to open '" + missing + "': No such file or directory")).hasSize(1);
    }

    @Test
    void partialWritesNeedTheFileAndWholeWritesCreateIt() throws IOException {
        Path missing = dir.resolve("new.txt");
        pbx.pbx.vars().set(c, "FILE(" + missing + ",2,1)", "x");
        assertThat(missing).doesNotExist();
        assertThat(pbx.said("Cannot open file '" + missing + "' for modification: No such file or directory")).hasSize(1);
        pbx.pbx.vars().set(c, "FILE(" + missing + ",,,al)", "x");
        assertThat(missing).doesNotExist();
        assertThat(pbx.said("File '" + missing + "' not in line format")).hasSize(1);
        pbx.pbx.vars().set(c, "FILE(" + missing + ",,,al,u)", "first");
        pbx.pbx.vars().set(c, "FILE(" + missing + ",,,al)", "second");
        assertThat(Files.readString(missing)).isEqualTo("first\nsecond\n");
        pbx.pbx.vars().set(c, "FILE(" + dir.resolve("no/such/dir.txt") + ")", "x");
        assertThat(pbx.said("for writing: No such file or directory")).hasSize(1);
    }

    @Test
    void badOffsetsAreRefusedWithAsterisksMessages() throws IOException {
        contents("123456789");
        write("-20,1", "x");
        assertThat(pbx.said("Cannot seek to offset of '" + file + "': Invalid argument")).hasSize(1);
        write("2,-8", "x");
        assertThat(pbx.said("Length '-8' exceeds the file length.  No data will be written.")).hasSize(1);
        contents(LINES);
        assertThat(read("5,1,l")).isEmpty();
        assertThat(pbx.said("Offset '5' refers to before the beginning of the file!")).hasSize(1);
        write("-1,-3,l", "x");
        assertThat(pbx.said("Length cannot specify a position prior to the offset")).hasSize(1);
        assertThat(contents()).isEqualTo(LINES);
        contents("no line break at all");
        assertThat(read("0,1,l")).isEmpty();
        assertThat(pbx.said("is not a line-based file")).hasSize(1);
    }

    @Test
    void writingPastTheEndLeavesNulBytesAsASeekWould() throws IOException {
        contents("abc");
        write("5", "Z");
        assertThat(Files.readAllBytes(file)).containsExactly('a', 'b', 'c', 0, 0, 'Z');
        assertThat(read("")).isEqualTo("abc");      // the value ends at the NUL, as a C string does
    }

    @Test
    void statReportsWhatStatSays() throws IOException {
        contents("12345");
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_000_000L));
        String f = file.toString();
        assertThat(eval("${STAT(e," + f + ")}${STAT(f," + f + ")}${STAT(d," + f + ")}${STAT(d," + dir + ")}"))
                .isEqualTo("1101");
        assertThat(eval("${STAT(s," + f + ")}")).isEqualTo("5");
        assertThat(eval("${STAT(M," + f + ")}")).isEqualTo("1700000000");
        assertThat(eval("${STAT(m," + f + ")}")).matches("100[0-7]{3}");
        assertThat(eval("${STAT(m," + dir + ")}")).matches("40[0-7]{3}");
        assertThat(Long.parseLong(eval("${STAT(C," + f + ")}"))).isGreaterThan(1_600_000_000L);
        assertThat(Long.parseLong(eval("${STAT(A," + f + ")}"))).isGreaterThan(0);
        assertThat(eval("${STAT(x," + f + ")}")).isEqualTo("0");
        assertThat(pbx.logLines("WARNING")).isEmpty();
    }

    @Test
    void statOfAMissingPathIsZeroForEveryFlag() {
        Path missing = dir.resolve("missing");
        StringBuilder all = new StringBuilder();
        for (char flag : "defmsAMC".toCharArray()) all.append(eval("${STAT(" + flag + "," + missing + ")}"));
        assertThat(all.toString()).isEqualTo("00000000");
        assertThat(eval("${STAT(e)}${STAT()}${STAT(e,)}")).isEqualTo("000");
        // testing for a file is what STAT(e,...) is for: Asterisk says nothing, and so do we
        assertThat(pbx.logLines("WARNING")).isEmpty();
        assertThat(pbx.logLines("ERROR")).isEmpty();
    }
}
