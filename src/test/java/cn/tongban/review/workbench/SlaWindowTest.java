package cn.tongban.review.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.sla.SlaState;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The windows the task list filters and counts by put every due instant in exactly the state
 * {@link SlaState#at} gives it, with the query's strict {@code dueAfter}/{@code dueBefore}.
 */
class SlaWindowTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Test
    void everyDueInstantFallsInTheWindowOfItsState() {
        List<Instant> nows = List.of(Instant.parse("2023-01-30T01:00:00Z"), Instant.parse("2023-01-30T09:29:59.999Z"),
                Instant.parse("2023-01-30T15:59:59.999Z"), Instant.parse("2023-01-30T16:00:00Z"),
                Instant.parse("2023-01-29T16:00:00Z"));
        for (Instant now : nows) {
            for (long minutes = -3 * 24 * 60; minutes <= 3 * 24 * 60; minutes += 7) {
                check(now, now.plus(Duration.ofMinutes(minutes)));
            }
            Instant tomorrow = now.atZone(BEIJING).toLocalDate().plusDays(1).atStartOfDay(BEIJING).toInstant();
            for (Instant edge : List.of(now, now.minusMillis(1), now.plusMillis(1), tomorrow, tomorrow.minusMillis(1),
                    tomorrow.plusMillis(1))) {
                check(now, edge);
            }
        }
    }

    @Test
    void aDeadlineAtTheEndOfBusinessIsDueSoonFromMidnightAndOverdueAfterIt() {
        Instant deadline = Instant.parse("2023-01-30T09:30:00Z");
        assertThat(stateOf(Instant.parse("2023-01-29T15:59:59.999Z"), deadline)).isEqualTo(SlaState.ON_TRACK);
        assertThat(stateOf(Instant.parse("2023-01-29T16:00:00Z"), deadline)).isEqualTo(SlaState.DUE_SOON);
        assertThat(stateOf(deadline, deadline)).isEqualTo(SlaState.DUE_SOON);
        assertThat(stateOf(deadline.plusMillis(1), deadline)).isEqualTo(SlaState.OVERDUE);
    }

    private static void check(Instant now, Instant due) {
        assertThat(stateOf(now, due)).as("due %s at %s", due, now).isEqualTo(SlaState.at(due, now, BEIJING));
    }

    /** The one window that holds {@code due}, as the database would find it. */
    private static SlaState stateOf(Instant now, Instant due) {
        List<SlaState> holding = Arrays.stream(SlaState.values()).filter(state -> {
            SlaWindow window = SlaWindow.of(state, now, BEIJING);
            return (window.after() == null || due.isAfter(window.after()))
                    && (window.before() == null || due.isBefore(window.before()));
        }).toList();
        assertThat(holding).as("windows holding %s at %s", due, now).hasSize(1);
        return holding.get(0);
    }
}
