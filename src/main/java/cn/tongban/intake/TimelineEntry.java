package cn.tongban.intake;

import java.time.OffsetDateTime;

/**
 * One entry of a case's timeline: the submission, a step (a reviewer's task or the wait for the applicant's
 * answer), an event the case waited for, or the end.
 *
 * @param name    the step's name in the model (Chinese)
 * @param endedAt null while the step is open
 * @param endsAt  when an open timed wait (the public notice, 公示) will end by itself; null otherwise
 */
record TimelineEntry(String activityId, String name, Kind kind, OffsetDateTime startedAt, OffsetDateTime endedAt,
                     OffsetDateTime endsAt) {

    enum Kind { START, STEP, WAIT, END }
}
