package cn.tongban.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** The seed files agree, day by day, with the State Council notices 2022-2026. */
class SeedCalendarTest {

    private static final WorkingDayCalendar calendar = OfficialDays.seedCalendar();

    @Test
    void loadsOneArrangementForEachYear2022To2026() {
        assertThat(calendar.loadedYears()).containsExactly(2022, 2023, 2024, 2025, 2026);
        for (HolidayArrangement arrangement : calendar.arrangements()) {
            assertThat(arrangement.notice()).isEqualTo("国务院办公厅关于" + arrangement.year() + "年部分节假日安排的通知");
            assertThat(arrangement.source()).startsWith("http").contains("gov.cn");
            assertThat(arrangement.holidays()).allSatisfy(h -> assertThat(h.nameEn()).isNotBlank());
        }
    }

    @ParameterizedTest(name = "{1} ({2}) {3} {4}, notice {0}")
    @CsvFileSource(resources = "official-days-2022-2026.csv")
    void dayIsAsTheNoticeSays(int noticeYear, LocalDate date, String weekday, DayKind kind, String holiday) {
        assertThat(date.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)).isEqualTo(weekday);

        CalendarDay day = calendar.day(date);

        assertThat(day.kind()).isEqualTo(kind);
        assertThat(day.workingDay()).isEqualTo(kind == DayKind.MAKEUP_WORKDAY);
        assertThat(day.holiday()).isEqualTo(holiday);
        assertThat(day.holidayEn()).isNotBlank();
        assertThat(day.loaded()).isTrue();
        HolidayArrangement notice = calendar.arrangement(noticeYear).orElseThrow();
        if (kind == DayKind.HOLIDAY) {
            assertThat(notice.holidays()).anySatisfy(h -> assertThat(h.days()).contains(date));
        } else {
            assertThat(notice.makeupWorkdays()).extracting(HolidayArrangement.MakeupWorkday::date).contains(date);
        }
    }

    @Test
    void everyDayNoNoticeNamesIsAnOrdinaryWeekdayOrWeekend() {
        for (LocalDate date = OfficialDays.FIRST; !date.isAfter(OfficialDays.LAST); date = date.plusDays(1)) {
            if (OfficialDays.NAMED.containsKey(date)) {
                continue;
            }
            boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
            CalendarDay day = calendar.day(date);
            assertThat(day.kind()).as("%s", date).isEqualTo(weekend ? DayKind.WEEKEND : DayKind.WORKDAY);
            assertThat(day.holiday()).as("%s", date).isNull();
        }
    }

    @Test
    void theYearBeforeAndTheYearAfterAreNotLoaded() {
        assertThat(calendar.day(LocalDate.of(2021, 10, 1)))
                .isEqualTo(new CalendarDay(LocalDate.of(2021, 10, 1), DayKind.WORKDAY, null, null, false));
        assertThat(calendar.day(LocalDate.of(2027, 1, 1)).provisional()).isTrue();
        assertThat(calendar.day(LocalDate.of(2026, 12, 31)).provisional()).isFalse();
    }
}
