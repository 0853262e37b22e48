package cn.tongban.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlaStateTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @ParameterizedTest(name = "due {0}, at {1}: {2}")
    @CsvSource({
            // a 3-working-day step accepted 2023-01-20, due at the end of business of 2023-01-30
            "2023-01-30T17:30:00+08:00, 2023-01-20T10:00:00+08:00, ON_TRACK",
            "2023-01-30T17:30:00+08:00, 2023-01-29T23:59:59+08:00, ON_TRACK",
            "2023-01-30T17:30:00+08:00, 2023-01-30T00:00:00+08:00, DUE_SOON",
            "2023-01-30T17:30:00+08:00, 2023-01-29T16:00:00Z,      DUE_SOON",
            "2023-01-30T17:30:00+08:00, 2023-01-30T17:30:00+08:00, DUE_SOON",
            "2023-01-30T17:30:00+08:00, 2023-01-30T17:30:01+08:00, OVERDUE",
            "2023-01-30T17:30:00+08:00, 2023-01-30T09:30:01Z,      OVERDUE",
            // a 7-day public notice ending at midnight: its last day is the day before
            "2023-01-28T00:00:00+08:00, 2023-01-26T23:59:59+08:00, ON_TRACK",
            "2023-01-28T00:00:00+08:00, 2023-01-27T00:00:00+08:00, DUE_SOON",
            "2023-01-28T00:00:00+08:00, 2023-01-28T00:00:01+08:00, OVERDUE",
    })
    void stateAgainstTheDeadline(String deadline, String now, SlaState expected) {
        assertThat(SlaState.at(at(deadline), at(now), SHANGHAI)).isEqualTo(expected);
    }

    private static Instant at(String timestamp) {
        return OffsetDateTime.parse(timestamp.trim()).toInstant();
    }
}
