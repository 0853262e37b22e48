package cn.tongban.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Arrangement files are read strictly: each bad file is refused with the field and a message that says why. */
class ArrangementParsingTest {

    /** A small but complete arrangement; the cases below each spoil one thing. */
    private static final String GOOD = """
            {"year": 2023, "notice": "国务院办公厅关于2023年部分节假日安排的通知",
             "holidays": [
               {"name": "元旦", "nameEn": "New Year's Day", "days": ["2022-12-31", "2023-01-01", "2023-01-02"]},
               {"name": "春节", "nameEn": "Spring Festival", "days": ["2023-01-21", "2023-01-22", "2023-01-23"]}
             ],
             "makeupWorkdays": [{"date": "2023-01-28", "for": "春节"}]}
            """;

    static Stream<Arguments> badFiles() {
        return Stream.of(
                bad("not JSON", "{\"year\": 2023,", "file", "not valid JSON"),
                bad("empty", "", "file", "empty"),
                bad("a list, not an object", "[]", "file", "one JSON object"),
                bad("a field twice", GOOD.replace("\"year\": 2023,", "\"year\": 2023, \"year\": 2024,"),
                        "file", "Duplicate field 'year'"),
                bad("text after the object", GOOD + "{}", "file", "not valid JSON"),
                bad("year missing", GOOD.replace("\"year\": 2023,", ""), "year", "missing"),
                bad("year as text", GOOD.replace("\"year\": 2023", "\"year\": \"2023\""), "year", "whole number"),
                bad("year implausible", GOOD.replace("\"year\": 2023", "\"year\": 20233"), "year",
                        "between 2000 and 2100"),
                bad("notice blank", GOOD.replace("国务院办公厅关于2023年部分节假日安排的通知", " "), "notice", "missing"),
                bad("misspelt field", GOOD.replace("makeupWorkdays", "makeupWorkday"), "makeupWorkday",
                        "unknown field"),
                bad("no holidays", GOOD.replaceAll("(?s)\"holidays\": \\[.*?\\n \\],", "\"holidays\": [],")
                        .replace(", \"makeupWorkdays\": [{\"date\": \"2023-01-28\", \"for\": \"春节\"}]", ""),
                        "holidays", "at least one holiday"),
                bad("English name missing", GOOD.replace("\"nameEn\": \"Spring Festival\", ", ""),
                        "holidays[1].nameEn", "missing"),
                bad("unknown date", GOOD.replace("2023-01-23", "2023-02-30"), "holidays[1].days[2]",
                        "not a valid date"),
                bad("date in another format", GOOD.replace("2023-01-23", "2023/01/23"), "holidays[1].days[2]",
                        "yyyy-MM-dd"),
                bad("holiday twice", GOOD.replace("\"name\": \"春节\"", "\"name\": \"元旦\"")
                        .replace("\"for\": \"春节\"", "\"for\": \"元旦\""), "holidays[1].name", "listed twice"),
                bad("day off twice", GOOD.replace("\"2023-01-21\"", "\"2023-01-01\""), "holidays[1].days[0]",
                        "day off listed twice"),
                bad("day off and make-up day at once", GOOD.replace("\"date\": \"2023-01-28\"", "\"date\": \"2023-01-22\""),
                        "makeupWorkdays[0].date", "both a day off and a make-up workday"),
                bad("make-up day on a weekday", GOOD.replace("\"date\": \"2023-01-28\"", "\"date\": \"2023-02-01\""),
                        "makeupWorkdays[0].date", "must be a Saturday or Sunday"),
                bad("make-up day twice", GOOD.replace("[{\"date\": \"2023-01-28\", \"for\": \"春节\"}]",
                        "[{\"date\": \"2023-01-28\", \"for\": \"春节\"}, {\"date\": \"2023-01-28\", \"for\": \"春节\"}]"),
                        "makeupWorkdays[1].date", "listed twice"),
                bad("make-up day for an unknown holiday", GOOD.replace("\"for\": \"春节\"", "\"for\": \"国庆节\""),
                        "makeupWorkdays[0].for", "must name a holiday of this notice"),
                bad("a day of another year", GOOD.replace("2023-01-23", "2021-05-01"), "holidays[1].days[2]",
                        "outside the 2023 arrangement"),
                bad("a day of the next year", GOOD.replace("2023-01-23", "2024-01-01"), "holidays[1].days[2]",
                        "outside the 2023 arrangement"),
                bad("too early in the year before", GOOD.replace("2022-12-31", "2022-11-30"), "holidays[0].days[0]",
                        "outside the 2023 arrangement"),
                bad("holiday not an object", GOOD.replaceAll("(?s)\\{\"name\": \"元旦\".*?\\]\\},", "\"元旦\","),
                        "holidays[0]", "must be an object"));
    }

    private static Arguments bad(String description, String json, String field, String message) {
        return Arguments.of(description, json, field, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void refusesABadFile(String description, String json, String field, String message) {
        assertThatThrownBy(() -> HolidayArrangement.parse(json, "file"))
                .isInstanceOfSatisfying(InvalidArrangementException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> {
                            assertThat(p.field()).isEqualTo(field);
                            assertThat(p.message()).contains(message);
                        })
                        .allSatisfy(p -> assertThat(p.message()).containsPattern("\\p{IsHan}.* / ")));
    }

    @Test
    void readsAGoodFile() {
        HolidayArrangement arrangement = HolidayArrangement.parse(GOOD, "file");

        assertThat(arrangement.year()).isEqualTo(2023);
        assertThat(arrangement.source()).isNull();
        assertThat(arrangement.holidays()).extracting(HolidayArrangement.Holiday::name).containsExactly("元旦", "春节");
        assertThat(arrangement.holidays().get(0).days()).first().isEqualTo(LocalDate.of(2022, 12, 31));
        assertThat(arrangement.makeupWorkdays())
                .containsExactly(new HolidayArrangement.MakeupWorkday(LocalDate.of(2023, 1, 28), "春节"));
        assertThat(arrangement.daysOff()).isEqualTo(6);
    }

    @Test
    void reportsEveryProblemAtOnce() {
        String json = GOOD.replace("2023-01-23", "2023-02-30").replace("\"nameEn\": \"Spring Festival\", ", "")
                .replace("\"year\": 2023", "\"year\": \"x\"");

        assertThatThrownBy(() -> HolidayArrangement.parse(json, "file"))
                .isInstanceOfSatisfying(InvalidArrangementException.class, e -> assertThat(e.problems())
                        .extracting(InvalidArrangementException.Problem::field)
                        .containsExactlyInAnyOrder("year", "holidays[1].nameEn", "holidays[1].days[2]"));
    }

    @Test
    void refusesAFileTooLargeForAnyNotice() {
        String padded = GOOD.replace("\"notice\": \"", "\"notice\": \"" + "很".repeat(30_000));

        assertThatThrownBy(() -> HolidayArrangement.parse(padded, "file"))
                .isInstanceOfSatisfying(InvalidArrangementException.class, e ->
                        assertThat(e.problems()).singleElement().satisfies(p -> {
                            assertThat(p.field()).isEqualTo("file");
                            assertThat(p.message()).contains("too large");
                        }));
    }

    @ParameterizedTest
    @ValueSource(ints = {2022, 2023, 2024, 2025, 2026})
    void writesWhatItReads(int year) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/seeds/calendar/" + year + ".json")) {
            HolidayArrangement seed = HolidayArrangement.parse(in.readAllBytes(), year + ".json");

            assertThat(HolidayArrangement.parse(seed.toJson(), "copy")).isEqualTo(seed);
        }
    }

    @Test
    void theRecordRefusesContradictionsToo() {
        var holiday = new HolidayArrangement.Holiday("春节", "Spring Festival", List.of(LocalDate.of(2023, 1, 28)));
        var makeup = new HolidayArrangement.MakeupWorkday(LocalDate.of(2023, 1, 28), "春节");

        assertThatThrownBy(() -> new HolidayArrangement(2023, "通知", null, List.of(holiday), List.of(makeup)))
                .isInstanceOf(InvalidArrangementException.class)
                .hasMessageContaining("makeupWorkdays[0].date");
    }
}
