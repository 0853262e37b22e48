package cn.tongban.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * The days named by the State Council notices 2022-2026, as published (official-days-2022-2026.csv),
 * independent of the seed files and of the code under test.
 */
final class OfficialDays {

    record Named(int noticeYear, LocalDate date, DayKind kind, String holiday) {
    }

    static final LocalDate FIRST = LocalDate.of(2021, 12, 1);
    static final LocalDate LAST = LocalDate.of(2026, 12, 31);
    static final Map<LocalDate, Named> NAMED = read();

    private OfficialDays() {
    }

    /** Whether the notices make the day a working day. */
    static boolean isWorkingDay(LocalDate date) {
        Named named = NAMED.get(date);
        if (named != null) {
            return named.kind() == DayKind.MAKEUP_WORKDAY;
        }
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The seeds as shipped, read the way the application reads them. */
    static WorkingDayCalendar seedCalendar() {
        return WorkingDayCalendar.of(SeedArrangements.load(SeedArrangements.LOCATION));
    }

    private static Map<LocalDate, Named> read() {
        Map<LocalDate, Named> days = new TreeMap<>();
        var in = OfficialDays.class.getResourceAsStream("official-days-2022-2026.csv");
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().filter(line -> !line.startsWith("#") && !line.isBlank()).forEach(line -> {
                String[] f = line.split(",");
                LocalDate date = LocalDate.parse(f[1]);
                days.put(date, new Named(Integer.parseInt(f[0]), date, DayKind.valueOf(f[3]), f[4]));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return days;
    }
}
