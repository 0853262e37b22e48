package cn.tongban.sla.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.calendar.HolidayArrangement;
import cn.tongban.calendar.WorkingDayCalendar;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ClassPathResource;

/** The working days a stopped clock adds: those that began while the correction notice was out. */
class ClockStopsTest {

    private final WorkingDayCalendar calendar = WorkingDayCalendar.of(Stream.of(2023, 2025, 2026)
            .map(ClockStopsTest::seed).toList());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "out over the Spring Festival 2023: both make-up days count | 2023-01-20T10:00:00+08:00 | 2023-01-31T15:00:00+08:00 | 4",
            "out over National Day 2025: only the days after it count   | 2025-09-30T10:00:00+08:00 | 2025-10-10T09:00:00+08:00 | 2",
            "out over the Spring Festival 2026: the make-up Saturday    | 2026-02-13T16:00:00+08:00 | 2026-02-24T08:00:00+08:00 | 2",
            "sent at midnight: that day began while it was out          | 2023-02-01T00:00:00+08:00 | 2023-02-01T09:00:00+08:00 | 1",
            "answered the same day                                      | 2023-02-01T09:00:00+08:00 | 2023-02-01T16:00:00+08:00 | 0",
            "out over a weekend                                         | 2023-02-03T16:00:00+08:00 | 2023-02-06T08:00:00+08:00 | 1",
            "counted in Beijing time whatever the offset                | 2023-02-02T15:30:00Z      | 2023-02-03T01:00:00Z      | 1"})
    void theWorkingDaysThatBeganWhileTheNoticeWasOutAreAdded(String what, String sent, String answered, int days) {
        assertThat(ClockStops.workingDaysBegun(calendar, at(sent), at(answered))).as(what).isEqualTo(days);
    }

    @Test
    void aLimitCountsOnlyTheStoppedDaysAfterItStarted() {
        List<ClockStop> stops = List.of(
                new ClockStop(1, at("2023-01-20T10:00:00+08:00"), at("2023-01-31T15:00:00+08:00"), 4),
                new ClockStop(2, at("2023-02-06T10:00:00+08:00"), at("2023-02-08T10:00:00+08:00"), 2),
                new ClockStop(3, at("2023-02-20T10:00:00+08:00"), null, null));

        assertThat(ClockStops.stoppedWorkingDays(calendar, stops, at("2023-01-20T09:00:00+08:00"))).isEqualTo(6);
        // a step begun on 01-30 counts the stop from then on: 01-30 began before it, 01-31 after it
        assertThat(ClockStops.stoppedWorkingDays(calendar, stops, at("2023-01-30T12:00:00+08:00"))).isEqualTo(3);
        assertThat(ClockStops.stoppedWorkingDays(calendar, stops, at("2023-02-09T09:00:00+08:00"))).isZero();
    }

    private static Instant at(String timestamp) {
        return OffsetDateTime.parse(timestamp).toInstant();
    }

    private static HolidayArrangement seed(int year) {
        try {
            return HolidayArrangement.parse(new ClassPathResource("seeds/calendar/" + year + ".json")
                    .getContentAsByteArray(), year + ".json");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
