package cn.tongban.sla;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.calendar.Deadline;
import cn.tongban.calendar.HolidayArrangement;
import cn.tongban.calendar.WorkingDayCalendar;
import cn.tongban.catalog.StepLimit;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ClassPathResource;

/**
 * When a step's SLA state changes, across the holidays that move it most: on track until the start of the
 * deadline's day, due soon from then until the deadline itself (still on time), overdue one second later.
 * Without Spring or the engine.
 */
class DeadlineCrossingsTest {

    private final WorkingDayCalendar calendar = WorkingDayCalendar.of(Stream.of(2022, 2023, 2024, 2025, 2026)
            .map(DeadlineCrossingsTest::seed).toList());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Spring Festival 2023: through the make-up weekend     | 3 | 2023-01-20T10:00:00+08:00 | 2023-01-30T17:30:00+08:00",
            "Spring Festival 2023: received after hours            | 3 | 2023-01-20T20:00:00+08:00 | 2023-01-31T17:30:00+08:00",
            "Spring Festival 2023: ten days, received on a holiday | 10 | 2023-01-24T09:00:00+08:00 | 2023-02-09T17:30:00+08:00",
            "Spring Festival 2026: make-up Saturday first          | 3 | 2026-02-13T10:00:00+08:00 | 2026-02-25T17:30:00+08:00",
            "Spring Festival 2026: due on the make-up Saturday     | 1 | 2026-02-13T10:00:00+08:00 | 2026-02-14T17:30:00+08:00",
            "Spring Festival 2026: accepted on the make-up Saturday | 3 | 2026-02-13T20:00:00+08:00 | 2026-02-26T17:30:00+08:00",
            "National Day 2025: due on the make-up Saturday        | 3 | 2025-09-30T10:00:00+08:00 | 2025-10-11T17:30:00+08:00",
            "National Day 2025: due on the make-up Sunday          | 1 | 2025-09-26T10:00:00+08:00 | 2025-09-28T17:30:00+08:00",
            "National Day 2025: same day, received on the holiday  | 0 | 2025-10-03T10:00:00+08:00 | 2025-10-09T17:30:00+08:00",
            "National Day 2025: received in UTC the evening before | 2 | 2025-09-30T10:00:00Z      | 2025-10-11T17:30:00+08:00"})
    void aStepIsDueSoonOnItsLastDayAndOverdueAfterItsDeadline(String crossing, int workingDays, String receivedAt,
                                                               String expectedDeadline) {
        Deadline deadline = Deadlines.dueOf(calendar, StepLimit.workingDays(workingDays), at(receivedAt));

        Instant due = deadline.deadline().toInstant();
        assertThat(due).as(crossing).isEqualTo(at(expectedDeadline));
        assertThat(deadline.provisional()).isFalse();
        Instant lastDay = at(expectedDeadline.substring(0, 10) + "T00:00:00+08:00");
        assertThat(SlaState.dueSoonFrom(due, calendar.zone())).isEqualTo(lastDay);
        if (lastDay.isAfter(at(receivedAt))) {
            assertThat(state(lastDay.minusNanos(1), due)).isEqualTo(SlaState.ON_TRACK);
        }
        assertThat(state(lastDay, due)).isEqualTo(SlaState.DUE_SOON);
        assertThat(state(due, due)).isEqualTo(SlaState.DUE_SOON);
        assertThat(state(due.plusSeconds(1), due)).isEqualTo(SlaState.OVERDUE);
    }

    private SlaState state(Instant now, Instant deadline) {
        return SlaState.at(deadline, now, calendar.zone());
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
