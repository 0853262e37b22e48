package cn.tongban.sla;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.calendar.HolidayArrangement;
import cn.tongban.calendar.WorkingDayCalendar;
import cn.tongban.catalog.StepLimit;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** Step due times, without Spring or the engine: working-day limits and calendar-day limits. */
class StepDueTest {

    private final WorkingDayCalendar calendar = WorkingDayCalendar.of(Stream.of(2023, 2024, 2025, 2026)
            .map(StepDueTest::seed).toList());

    @Test
    void workingDayLimitEndsAtEndOfBusinessAcrossTheSpringFestivalMakeupDays() {
        Instant due = Deadlines.due(calendar, StepLimit.workingDays(3), at("2023-01-20T10:00:00+08:00"));

        assertThat(due).isEqualTo(at("2023-01-30T17:30:00+08:00"));
    }

    @Test
    void sameDayLimitEndsTheAcceptanceDay() {
        Instant due = Deadlines.due(calendar, StepLimit.workingDays(0), at("2025-10-01T09:00:00+08:00"));

        // National Day 2025: the first working day after the holiday is 2025-10-09
        assertThat(due).isEqualTo(at("2025-10-09T17:30:00+08:00"));
    }

    @Test
    void sevenCalendarDayNoticeRunsToTheEndOfTheSeventhDayAfterPosting() {
        Instant due = Deadlines.due(calendar, StepLimit.calendarDays(7), at("2023-01-20T16:00:00+08:00"));

        // holidays do not shorten or lengthen a notice counted in calendar days
        assertThat(due).isEqualTo(at("2023-01-28T00:00:00+08:00"));
    }

    @Test
    void calendarDaysAreCountedInShanghaiWhateverTheInputOffset() {
        // 2023-01-20T17:00Z is already 2023-01-21 01:00 in Shanghai
        Instant due = Deadlines.due(calendar, StepLimit.calendarDays(7), at("2023-01-20T17:00:00Z"));

        assertThat(due).isEqualTo(at("2023-01-29T00:00:00+08:00"));
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
