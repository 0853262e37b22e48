package cn.tongban.sla.internal;

import java.time.Instant;

/** A row of sla_clock_stop: a correction notice that was out from {@code stoppedAt} to {@code resumedAt}. */
public record ClockStop(long id, Instant stoppedAt, Instant resumedAt, Integer workingDays) {
}
