package cn.tongban.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkingDayCalendarTest {

    private final WorkingDayCalendar calendar = OfficialDays.seedCalendar();
    private final HolidayArrangement y2022 = calendar.arrangement(2022).orElseThrow();
    private final HolidayArrangement y2023 = calendar.arrangement(2023).orElseThrow();

    @Test
    void theWorkedExamplesOfTheRules() {
        Deadline morning = calendar.deadline(OffsetDateTime.parse("2023-01-20T10:00+08:00"), 3);
        Deadline evening = calendar.deadline(OffsetDateTime.parse("2023-01-20T20:00+08:00"), 3);

        assertThat(morning.deadline()).isEqualTo(OffsetDateTime.parse("2023-01-30T17:30+08:00"));
        assertThat(evening.acceptanceDay()).isEqualTo(LocalDate.of(2023, 1, 28));
        assertThat(evening.deadline()).isEqualTo(OffsetDateTime.parse("2023-01-31T17:30+08:00"));
        assertThat(morning.provisional()).isFalse();
    }

    @Test
    void zoneAndEndOfBusinessAreConfigurable() {
        WorkingDayCalendar berlin = WorkingDayCalendar.of(calendar.arrangements(), ZoneId.of("Europe/Berlin"),
                LocalTime.of(16, 0));

        Deadline deadline = berlin.deadline(OffsetDateTime.parse("2023-01-20T16:00:01+01:00"), 1);

        assertThat(deadline.acceptanceDay()).isEqualTo(LocalDate.of(2023, 1, 28));
        assertThat(deadline.deadline()).isEqualTo(OffsetDateTime.parse("2023-01-29T16:00+01:00"));
        assertThat(berlin.acceptanceDay(OffsetDateTime.parse("2023-01-20T16:00+01:00")))
                .isEqualTo(LocalDate.of(2023, 1, 20));
    }

    @Test
    void theLaterNoticeDecidesADayBothName() {
        var newYear = y2022.holidays().get(0);
        var y2022Variant = new HolidayArrangement(2022, y2022.notice(), null, y2022.holidays(),
                List.of(new HolidayArrangement.MakeupWorkday(LocalDate.of(2022, 12, 31), newYear.name())));
        LocalDate newYearsEve = LocalDate.of(2022, 12, 31);

        assertThat(WorkingDayCalendar.of(List.of(y2022Variant, y2023)).day(newYearsEve).kind())
                .isEqualTo(DayKind.HOLIDAY);
        assertThat(WorkingDayCalendar.of(List.of(y2023, y2022Variant)).day(newYearsEve).kind())
                .isEqualTo(DayKind.HOLIDAY);
        assertThat(WorkingDayCalendar.of(List.of(y2022Variant)).day(newYearsEve).kind())
                .isEqualTo(DayKind.MAKEUP_WORKDAY);
    }

    @Test
    void loadedDependsOnTheDaysOwnYear() {
        WorkingDayCalendar only2023 = WorkingDayCalendar.of(List.of(y2023));

        CalendarDay eve = only2023.day(LocalDate.of(2022, 12, 31));

        assertThat(eve.kind()).isEqualTo(DayKind.HOLIDAY);
        assertThat(eve.provisional()).isTrue();
        assertThat(only2023.deadline(OffsetDateTime.parse("2022-12-30T10:00+08:00"), 1).provisional()).isTrue();
        assertThat(only2023.deadline(OffsetDateTime.parse("2023-01-03T10:00+08:00"), 1).provisional()).isFalse();
    }

    @Test
    void withReplacesAYearAndWithoutRemovesIt() {
        WorkingDayCalendar without = calendar.without(2023);
        WorkingDayCalendar again = without.with(y2023);

        assertThat(without.loadedYears()).containsExactly(2022, 2024, 2025, 2026);
        assertThat(without.day(LocalDate.of(2023, 1, 28)).kind()).isEqualTo(DayKind.WEEKEND);
        assertThat(again.day(LocalDate.of(2023, 1, 28)).kind()).isEqualTo(DayKind.MAKEUP_WORKDAY);
        assertThat(calendar.day(LocalDate.of(2023, 1, 28)).kind()).as("unchanged").isEqualTo(DayKind.MAKEUP_WORKDAY);
    }

    @Test
    void refusesTwoArrangementsForOneYearAndNegativeLimits() {
        assertThatThrownBy(() -> WorkingDayCalendar.of(List.of(y2023, y2023)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2023");
        assertThatThrownBy(() -> calendar.deadline(OffsetDateTime.parse("2023-01-20T10:00+08:00"), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void workingDaysBetweenCountsWorkingDaysEndedAfterTheAcceptanceDay() {
        Instant friday = Instant.parse("2023-01-20T02:00:00Z");

        assertThat(calendar.workingDaysBetween(friday, Instant.parse("2023-01-30T09:30:00Z"))).isEqualTo(3);
        assertThat(calendar.workingDaysBetween(friday, Instant.parse("2023-01-30T09:29:59Z"))).isEqualTo(2);
        assertThat(calendar.workingDaysBetween(friday, Instant.parse("2023-01-20T09:30:00Z"))).isZero();
        assertThat(calendar.workingDaysBetween(friday, Instant.parse("2023-01-27T09:30:00Z"))).isZero();
        assertThat(calendar.workingDaysBetween(friday, Instant.parse("2023-01-28T09:30:00Z"))).isEqualTo(1);
        assertThat(calendar.workingDaysBetween(friday, Instant.parse("2023-01-01T00:00:00Z"))).isZero();
    }

    @Test
    void aNewYearChangesEveryDayOfThatYear() {
        var newYear = new HolidayArrangement.Holiday("元旦", "New Year's Day", List.of(LocalDate.of(2027, 1, 1)));
        var y2027 = new HolidayArrangement(2027, "2027 年节假日安排", null, List.of(newYear), List.of());

        CalendarChanged changed = CalendarChanged.between(calendar, calendar.with(y2027)).orElseThrow();

        assertThat(changed.years()).containsExactly(2027);
        assertThat(changed.firstDay()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(changed.lastDay()).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(changed.affects(LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 4))).isTrue();
        assertThat(changed.affects(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31))).isFalse();
    }

    @Test
    void aCorrectedNoticeChangesOnlyTheDaysItMoves() {
        var holidays = new ArrayList<>(y2023.holidays());
        var newYear = holidays.get(0);
        holidays.set(0, new HolidayArrangement.Holiday(newYear.name(), newYear.nameEn(),
                newYear.days().subList(1, newYear.days().size())));
        var corrected = new HolidayArrangement(2023, y2023.notice(), y2023.source(), holidays,
                y2023.makeupWorkdays());

        CalendarChanged changed = CalendarChanged.between(calendar, calendar.with(corrected)).orElseThrow();

        assertThat(changed.years()).containsExactly(2023);
        assertThat(changed.firstDay()).isEqualTo(LocalDate.of(2022, 12, 31));
        assertThat(changed.lastDay()).isEqualTo(LocalDate.of(2022, 12, 31));
        assertThat(CalendarChanged.between(calendar, calendar.with(y2023))).isEmpty();
        var retitled = new HolidayArrangement(2023, "另一标题", null, y2023.holidays(), y2023.makeupWorkdays());
        assertThat(CalendarChanged.between(calendar, calendar.with(retitled))).isEmpty();
    }

    @Test
    void removingAYearChangesItsDaysAndTheDecemberItReachedInto() {
        CalendarChanged changed = CalendarChanged.between(calendar, calendar.without(2023)).orElseThrow();

        assertThat(changed.firstDay()).isEqualTo(LocalDate.of(2022, 12, 31));
        assertThat(changed.lastDay()).isEqualTo(LocalDate.of(2023, 12, 31));
    }
}
