package cn.tongban.calendar;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Reads the calendar API's parameters, collecting a problem per bad parameter so that one answer names them all.
 * Parameters are taken as text rather than bound by Spring so that each message can say what was expected.
 */
final class RequestValues {

    /** Dates the API answers for; far beyond any arrangement, but keeps counting clear of LocalDate's limits. */
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2999, 12, 31);
    /** About fourteen years of working days; no service limit comes near. */
    static final int MAX_WORKING_DAYS = 3650;

    private RequestValues() {
    }

    static Optional<LocalDate> date(String name, String raw, List<FieldProblem> problems) {
        if (raw == null || raw.isBlank()) {
            problems.add(new FieldProblem(name, "缺少日期 / the date is missing (yyyy-MM-dd)"));
            return Optional.empty();
        }
        try {
            return inRange(name, LocalDate.parse(raw.trim()), raw, problems);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(name, "不是有效日期（格式 yyyy-MM-dd） / not a valid date (format yyyy-MM-dd): "
                    + raw));
            return Optional.empty();
        }
    }

    static Optional<OffsetDateTime> dateTime(String name, String raw, List<FieldProblem> problems) {
        if (raw == null || raw.isBlank()) {
            problems.add(new FieldProblem(name, "缺少日期时间 / the date-time is missing (ISO-8601 with offset, e.g."
                    + " 2023-01-20T10:00:00+08:00)"));
            return Optional.empty();
        }
        // an unencoded '+' of the offset arrives as a space in a query string; no ISO date-time holds a space
        String text = raw.trim().replace(' ', '+');
        try {
            OffsetDateTime value = OffsetDateTime.parse(text);
            return inRange(name, value.toLocalDate(), raw, problems).map(d -> value);
        } catch (DateTimeParseException e) {
            if (isLocalDateTime(text)) {
                problems.add(new FieldProblem(name, "缺少时区偏移，请加上如 +08:00 或 Z / the date-time has no offset;"
                        + " add one such as +08:00 or Z: " + raw));
            } else {
                problems.add(new FieldProblem(name, "不是带时区偏移的 ISO-8601 日期时间 / not an ISO-8601 date-time with"
                        + " offset such as 2023-01-20T10:00:00+08:00: " + raw));
            }
            return Optional.empty();
        }
    }

    static Optional<Integer> count(String name, String raw, int max, List<FieldProblem> problems) {
        if (raw == null || raw.isBlank()) {
            problems.add(new FieldProblem(name, "缺少此参数 / the parameter is missing (a whole number 0.." + max + ")"));
            return Optional.empty();
        }
        int value;
        try {
            value = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(name, "须为整数 / must be a whole number (0.." + max + "): " + raw));
            return Optional.empty();
        }
        if (value < 0) {
            problems.add(new FieldProblem(name, "不能为负数 / must not be negative: " + value));
            return Optional.empty();
        }
        if (value > max) {
            problems.add(new FieldProblem(name, "不能超过 " + max + " / must not exceed " + max + ": " + value));
            return Optional.empty();
        }
        return Optional.of(value);
    }

    static Optional<Integer> year(String name, String raw, List<FieldProblem> problems) {
        try {
            return Optional.of(Integer.parseInt(raw.trim()));
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(name, "须为年份，如 2024 / must be a year such as 2024: " + raw));
            return Optional.empty();
        }
    }

    /** Throws the collected problems, if any, as one 400 answer. */
    static void check(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }

    private static Optional<LocalDate> inRange(String name, LocalDate date, String raw, List<FieldProblem> problems) {
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            problems.add(new FieldProblem(name, "日期须在 " + EARLIEST + " 至 " + LATEST + " 之间 / the date must lie"
                    + " between " + EARLIEST + " and " + LATEST + ": " + raw));
            return Optional.empty();
        }
        return Optional.of(date);
    }

    private static boolean isLocalDateTime(String text) {
        try {
            LocalDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
