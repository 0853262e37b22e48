package cn.tongban.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** Deadlines across every holiday, make-up day, year boundary, offset and the end of business. */
class DeadlineTableTest {

    private static final ZoneOffset SHANGHAI = ZoneOffset.ofHours(8);
    private static final WorkingDayCalendar calendar = OfficialDays.seedCalendar();

    @ParameterizedTest(name = "{5}: {0} + {1} → {3}")
    @CsvFileSource(resources = "deadlines.csv")
    void deadline(OffsetDateTime from, int workingDays, LocalDate acceptanceDay, OffsetDateTime expected,
                  boolean provisional, String description) {
        Deadline deadline = calendar.deadline(from, workingDays);

        assertThat(deadline.acceptanceDay()).isEqualTo(acceptanceDay);
        assertThat(deadline.deadline()).isEqualTo(expected);
        assertThat(deadline.provisional()).isEqualTo(provisional);
        assertThat(deadline.workingDays()).isEqualTo(workingDays);
        assertThat(deadline.from().getOffset()).isEqualTo(SHANGHAI);
        assertThat(deadline.from().toInstant()).isEqualTo(from.toInstant());
        assertThat(calendar.acceptanceDay(from)).isEqualTo(acceptanceDay);
        assertThat(calendar.workingDaysBetween(from.toInstant(), expected.toInstant())).isEqualTo(workingDays);
    }

    /** Received on any day a notice names, in the morning: a make-up day accepts, a day off waits. */
    @ParameterizedTest(name = "{1} {3} {4}")
    @CsvFileSource(resources = "official-days-2022-2026.csv")
    void receiptOnADayANoticeNames(int noticeYear, LocalDate date, String weekday, DayKind kind, String holiday) {
        OffsetDateTime morning = date.atTime(10, 0).atOffset(SHANGHAI);

        Deadline immediate = calendar.deadline(morning, 0);

        if (kind == DayKind.MAKEUP_WORKDAY) {
            assertThat(immediate.acceptanceDay()).isEqualTo(date);
            assertThat(immediate.deadline()).isEqualTo(date.atTime(17, 30).atOffset(SHANGHAI));
        } else {
            LocalDate accepted = immediate.acceptanceDay();
            assertThat(accepted).isAfter(date);
            for (LocalDate off = date; off.isBefore(accepted); off = off.plusDays(1)) {
                assertThat(OfficialDays.isWorkingDay(off)).as("%s lies before the acceptance day", off).isFalse();
            }
            assertThat(OfficialDays.isWorkingDay(accepted)).isTrue();
            assertThat(immediate.deadline()).isEqualTo(accepted.atTime(17, 30).atOffset(SHANGHAI));
        }

        Deadline nextDay = calendar.deadline(date.atTime(LocalTime.of(18, 0)).atOffset(SHANGHAI), 1);
        LocalDate accepted = nextDay.acceptanceDay();
        assertThat(accepted).isAfter(date);
        assertThat(OfficialDays.isWorkingDay(accepted)).isTrue();
        LocalDate due = nextDay.deadline().toLocalDate();
        assertThat(OfficialDays.isWorkingDay(due)).isTrue();
        for (LocalDate between = accepted.plusDays(1); between.isBefore(due); between = between.plusDays(1)) {
            assertThat(OfficialDays.isWorkingDay(between)).as("%s lies between acceptance and deadline", between)
                    .isFalse();
        }
    }
}
