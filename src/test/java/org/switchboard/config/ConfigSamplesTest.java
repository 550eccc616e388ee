package org.switchboard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.config.ConfigReaderTest.entries;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The sample configuration files the project runs (copies of /work/shared/examples). */
class ConfigSamplesTest {

    private static Path samples;

    @BeforeAll
    static void locate() throws URISyntaxException {
        samples = Path.of(ConfigSamplesTest.class.getResource("/config-samples/sip.conf").toURI()).getParent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sip.conf", "extensions.conf", "chan_skype.conf", "voicemail.conf"})
    void sampleHasNoProblems(String file) {
        Config config = ConfigReader.read(samples, file);
        assertThat(config.problems()).isEmpty();
        assertThat(config.sections()).isNotEmpty();
    }

    @Test
    void sipPhonesInheritFromThePhoneTemplate() {
        Config sip = ConfigReader.read(samples, "sip.conf");
        assertThat(sip.sections()).extracting(ConfigSection::name)
                .containsExactly("general", "phone", "0000FFFF0001", "0000FFFF0002");
        assertThat(sip.sections()).extracting(ConfigSection::isTemplate).containsExactly(false, true, false, false);
        assertThat(sip.section("phone")).isNull();
        assertThat(sip.section("general").get("allowguest")).isEqualTo("no");
        assertThat(sip.section("general").get("alwaysauthreject")).isEqualTo("yes");
        assertThat(sip.section("general").get("udpbindaddr")).isEqualTo("0.0.0.0:5060");
        for (String name : List.of("0000FFFF0001", "0000FFFF0002")) {
            ConfigSection phone = sip.section(name);
            assertThat(phone.templates()).containsExactly("phone");
            assertThat(phone.get("type")).isEqualTo("friend");
            assertThat(phone.get("context")).isEqualTo("phones");
            assertThat(phone.get("host")).isEqualTo("dynamic");
            assertThat(phone.get("disallow")).isEqualTo("all");
            assertThat(phone.getAll("allow")).containsExactly("ulaw", "alaw", "g722", "opus");
            assertThat(phone.get("dtmfmode")).isEqualTo("rfc2833");
        }
        assertThat(sip.section("0000FFFF0001").get("secret")).isEqualTo("change-me-0001");
        assertThat(sip.section("0000ffff0002").get("secret")).isEqualTo("change-me-0002");
        ConfigSection first = sip.section("0000FFFF0001");
        assertThat(first.entries().get(0)).isEqualTo(new ConfigEntry("type", "friend", false, "sip.conf", 10));
        assertThat(first.entries().get(first.entries().size() - 1))
                .isEqualTo(new ConfigEntry("secret", "change-me-0001", false, "sip.conf", 21));
    }

    @Test
    void extensionsKeepsEveryDialplanLineInOrder() {
        Config ext = ConfigReader.read(samples, "extensions.conf");
        assertThat(ext.sections()).extracting(ConfigSection::name)
                .containsExactly("general", "globals", "phones", "skype-incoming");
        assertThat(ext.section("general").get("static")).isEqualTo("yes");
        assertThat(ext.section("general").get("writeprotect")).isEqualTo("no");
        assertThat(ext.section("globals").entries()).isEmpty();
        ConfigSection phones = ext.section("phones");
        assertThat(phones.entries()).allMatch(ConfigEntry::object);
        assertThat(phones.getAll("exten")).containsExactly(
                "100,1,Answer()", "_SKYPE-.,1,Verbose(2,Dialing via Skype)",
                "104,1,Answer()", "106,1,Answer()", "dial,1,Verbose(2,Calling our desk)",
                "voicemail,1,Verbose(2,VoiceMail)", "75973,1,Verbose(2,Read off list of Skype accounts)",
                "no_more_buddies,1,Verbose(2,No more buddies to find)");
        assertThat(phones.getAll("same")).contains(
                "n,Set(NameToDial=${FILTER(a-zA-Z0-9.,${EXTEN:6})})",
                "n,GotoIf($[\"${SkypeResponse}\" = \"1\"]?dial,1)",
                "n(new_buddy),Set(ARRAY(buddy,status)=${SKYPE_BUDDY_FETCH(${ID})})");
        assertThat(entries(phones).subList(0, 4)).containsExactly(
                "exten=>100,1,Answer()", "same=>n,Dial(Skype/vuc.me,30)",
                "same=>n,Playback(silence/1&user&is-curntly-unavail)", "same=>n,Hangup()");
        assertThat(phones.entries()).hasSize(42);
        assertThat(entries(ext.section("skype-incoming"))).containsExactly(
                "exten=>start,1,Verbose(2,Incoming Skype Call)", "same=>n,Answer()",
                "same=>n,Dial(SIP/0000FFFF0001,30)", "same=>n,Playback(user&is-curntly-unavail)", "same=>n,Hangup()");
    }

    @Test
    void chanSkypeAccountsWithTrailingCommentsRemoved() {
        Config skype = ConfigReader.read(samples, "chan_skype.conf");
        assertThat(skype.sections()).extracting(ConfigSection::name).containsExactly("general", "lmentinc");
        assertThat(entries(skype.section("general"))).containsExactly(
                "default_user=lmentinc", "licenses=2", "server=127.0.0.1", "port=5222", "domain=skype.example");
        assertThat(entries(skype.section("lmentinc"))).containsExactly(
                "secret=change-me-lmentinc", "context=skype-incoming", "exten=start", "authpolicy=allow");
    }

    @Test
    void voicemailMailboxIsAnObjectEntry() {
        Config vm = ConfigReader.read(samples, "voicemail.conf");
        assertThat(entries(vm.section("general"))).containsExactly(
                "format=wav", "maxmessage=180", "minmessage=1");
        assertThat(vm.section("lmentinc").entries()).containsExactly(
                new ConfigEntry("100", "4242,Front Desk,desk@example.com", true, "voicemail.conf", 8));
    }
}
