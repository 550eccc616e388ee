package org.switchboard.dialplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Time conditions as Asterisk's main/pbx_timing.c reads them: fields, names, wrapping ranges, the
 * inclusive minute at the end of a time range, time zones, and what is refused.
 */
class TimeSpecTest {
    private static final ZoneId UTC = ZoneId.of("UTC");

    /** A wall-clock time in UTC; 2024-03-15 is a Friday. */
    private static ZonedDateTime at(String isoLocal) { return LocalDateTime.parse(isoLocal).atZone(UTC); }

    private static boolean matches(String spec, String isoLocal) { return TimeSpec.parse(spec).matches(at(isoLocal)); }

    @ParameterizedTest(name = "{0} at {1} -> {2}")
    @CsvSource(delimiter = ';', value = {
            // everything
            "*,*,*,*;                       2024-03-15T03:07; true",
            "*|*|*|*;                       2024-03-15T03:07; true",
            // office hours: the end minute is included, the one after is not (get_timerange)
            "09:00-17:00,mon-fri,*,*;       2024-03-15T09:00; true",
            "09:00-17:00,mon-fri,*,*;       2024-03-15T08:59; false",
            "09:00-17:00,mon-fri,*,*;       2024-03-15T17:00; true",
            "09:00-17:00,mon-fri,*,*;       2024-03-15T17:01; false",
            "09:00-17:00,mon-fri,*,*;       2024-03-16T12:00; false",
            "09:00-17:00|mon-fri|*|*;       2024-03-18T12:00; true",
            // a time range that wraps past midnight
            "22:00-06:00,*,*,*;             2024-03-15T23:30; true",
            "22:00-06:00,*,*,*;             2024-03-15T02:00; true",
            "22:00-06:00,*,*,*;             2024-03-15T06:00; true",
            "22:00-06:00,*,*,*;             2024-03-15T06:01; false",
            "22:00-06:00,*,*,*;             2024-03-15T21:59; false",
            // a single time is that one minute
            "12:30,*,*,*;                   2024-03-15T12:30; true",
            "12:30,*,*,*;                   2024-03-15T12:31; false",
            // a range of one minute, and single-digit hours as sscanf %2d reads them
            "12:30-12:30,*,*,*;             2024-03-15T12:30; true",
            "9:05-9:10,*,*,*;               2024-03-15T09:07; true",
            // lists with &
            "08:00-09:00&17:00-18:00,*,*,*; 2024-03-15T17:30; true",
            "08:00-09:00&17:00-18:00,*,*,*; 2024-03-15T12:00; false",
            // weekday ranges wrap: fri-mon is fri, sat, sun, mon
            "*,fri-mon,*,*;                 2024-03-17T10:00; true",
            "*,fri-mon,*,*;                 2024-03-18T10:00; true",
            "*,fri-mon,*,*;                 2024-03-19T10:00; false",
            "*,sat&sun,*,*;                 2024-03-16T10:00; true",
            "*,sat&sun,*,*;                 2024-03-15T10:00; false",
            // names are case-insensitive
            "*,MON-Fri,*,*;                 2024-03-15T10:00; true",
            "*,*,*,MAR;                     2024-03-15T10:00; true",
            // weekday numbers 1-7 are Sunday to Saturday, as lookup_name counts them
            "*,1,*,*;                       2024-03-17T10:00; true",
            "*,7,*,*;                       2024-03-16T10:00; true",
            "*,6,*,*;                       2024-03-15T10:00; true",
            // days of the month, wrapping ranges included
            "*,*,15,*;                      2024-03-15T10:00; true",
            "*,*,1-14,*;                    2024-03-15T10:00; false",
            "*,*,25-5,*;                    2024-03-31T10:00; true",
            "*,*,25-5,*;                    2024-03-03T10:00; true",
            "*,*,25-5,*;                    2024-03-15T10:00; false",
            "*,*,29,feb;                    2024-02-29T10:00; true",
            // months by name or number, wrapping
            "*,*,*,nov-feb;                 2024-12-31T10:00; true",
            "*,*,*,nov-feb;                 2025-01-01T10:00; true",
            "*,*,*,nov-feb;                 2024-03-15T10:00; false",
            "*,*,*,3;                       2024-03-15T10:00; true",
            "*,*,*,12;                      2024-03-15T10:00; false",
            // Christmas day, all day
            "*,*,25,dec;                    2024-12-25T00:00; true",
            "*,*,25,dec;                    2024-12-24T23:59; false",
            // fields left out mean any; empty fields too
            "09:00-17:00;                   2024-03-16T10:00; true",
            "09:00-17:00,sat;               2024-03-16T10:00; true",
            ",,,;                           2024-03-16T10:00; true",
            // blanks around items are ignored
            " 09:00 - 17:00 , mon - fri ;   2024-03-15T10:00; true",
    })
    void matchesAsAsteriskDoes(String spec, String when, boolean expected) {
        assertThat(matches(spec, when)).isEqualTo(expected);
    }

    @Test
    void timeZoneFieldReadsTheInstantInThatZone() {
        TimeSpec berlinOffice = TimeSpec.parse("09:00-17:00,mon-fri,*,*,Europe/Berlin");
        assertThat(berlinOffice.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        // 07:30 UTC on a Friday in March is 08:30 in Berlin (CET, UTC+1): closed
        assertThat(berlinOffice.matches(at("2024-03-15T07:30"))).isFalse();
        // 08:30 UTC is 09:30 in Berlin: open
        assertThat(berlinOffice.matches(at("2024-03-15T08:30"))).isTrue();
        // 16:00 UTC is 17:00 in Berlin, the last minute; 16:01 UTC is past it
        assertThat(berlinOffice.matches(at("2024-03-15T16:00"))).isTrue();
        assertThat(berlinOffice.matches(at("2024-03-15T16:01"))).isFalse();
        // the weekday is the one in Berlin too: 23:30 UTC on Friday is already Saturday there
        assertThat(TimeSpec.parse("*,sat,*,*,Europe/Berlin").matches(at("2024-03-15T23:30"))).isTrue();
        assertThat(TimeSpec.parse("*,sat,*,*").matches(at("2024-03-15T23:30"))).isFalse();
    }

    @Test
    void withoutATimeZoneTheTimeIsReadInItsOwnZone() {
        TimeSpec spec = TimeSpec.parse("09:00-17:00,*,*,*");
        assertThat(spec.zone()).isNull();
        ZonedDateTime tokyoMorning = LocalDateTime.parse("2024-03-15T10:00").atZone(ZoneId.of("Asia/Tokyo"));
        assertThat(spec.matches(tokyoMorning)).isTrue();
        assertThat(spec.matches(tokyoMorning.withZoneSameInstant(UTC))).isFalse();   // 01:00 UTC
    }

    @Test
    void pipeSeparatedSpecAlsoTakesATimeZone() {
        TimeSpec spec = TimeSpec.parse("09:00-17:00|*|*|*|America/New_York");
        assertThat(spec.zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(spec.matches(at("2024-03-15T14:00"))).isTrue();    // 10:00 EDT
        assertThat(spec.matches(at("2024-03-15T12:00"))).isFalse();   // 08:00 EDT
    }

    @Test
    void textIsTheSpecAsWritten() {
        assertThat(TimeSpec.parse("09:00-17:00|mon-fri|*|*").text()).isEqualTo("09:00-17:00|mon-fri|*|*");
        assertThat(TimeSpec.parse("*,*,*,*").toString()).isEqualTo("*,*,*,*");
    }

    @Test
    void everyMinuteOfTheDayMatchesStar() {
        TimeSpec any = TimeSpec.parse("*,*,*,*");
        ZonedDateTime t = at("2024-03-15T00:00");
        for (int m = 0; m < 24 * 60; m++) assertThat(any.matches(t.plusMinutes(m))).isTrue();
    }

    @Test
    void endOfDayRangeCoversTheLastMinute() {
        TimeSpec spec = TimeSpec.parse("00:00-23:59,*,*,*");
        assertThat(spec.matches(at("2024-03-15T23:59"))).isTrue();
        assertThat(spec.matches(at("2024-03-15T00:00"))).isTrue();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = ';', value = {
            "'';                              Empty time specification",
            "'   ';                           Empty time specification",
            "25:00-26:00,*,*,*;               Invalid start time '25:00'",
            "09:00-17:60,*,*,*;               Invalid end time '17:60'",
            "0900-1700,*,*,*;                 Invalid start time '0900'",
            "09:00-,*,*,*;                    Invalid end time ''",
            "9,*,*,*;                         Invalid time '9'",
            "123:00-13:00,*,*,*;              Invalid start time '123:00'",
            "09:0x-10:00,*,*,*;               Invalid start time '09:0x'",
            "*,monday,*,*;                    Invalid day of week 'monday'",
            "*,mon-fry,*,*;                   Invalid end day of week 'fry'",
            "*,0,*,*;                         Invalid day of week '0'",
            "*,8,*,*;                         Invalid day of week '8'",
            "*,mon&,*,*;                      Invalid day of week ''",
            "*,mon&*,*,*;                     Invalid day of week '*'",
            "*,*,32,*;                        Invalid day of month '32'",
            "*,*,0,*;                         Invalid day of month '0'",
            "*,*,first,*;                     Invalid day of month 'first'",
            "*,*,*,13;                        Invalid month '13'",
            "*,*,*,january;                   Invalid month 'january'",
            "*,*,*,jan-;                      Invalid end month ''",
            "*,*,*,*,Mars/Olympus_Mons;       Unknown time zone 'Mars/Olympus_Mons'",
            "*,*,*,*,UTC,extra;               has 6 fields",
    })
    void malformedSpecsAreRefusedWithAClearMessage(String spec, String message) {
        assertThatThrownBy(() -> TimeSpec.parse(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void nullIsRefused() {
        assertThatThrownBy(() -> TimeSpec.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void messageNamesTheWholeSpec() {
        assertThatThrownBy(() -> TimeSpec.parse("09:00-17:00,mon-frx,*,*"))
                .hasMessageContaining("'09:00-17:00,mon-frx,*,*'")
                .hasMessageContaining("expected sun..sat or 1-7");
    }
}
