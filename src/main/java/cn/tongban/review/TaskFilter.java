package cn.tongban.review;

import cn.tongban.sla.SlaState;

/**
 * Which of a reviewer's tasks to list; {@code null} means any.
 *
 * @param service  a service code of the catalogue (= process key), e.g. {@code minimum-living-allowance}
 * @param step     a step id (= user task id), e.g. {@code acceptance}
 * @param slaState where the task stands against its deadline
 */
public record TaskFilter(String service, String step, SlaState slaState) {

    public static final TaskFilter ANY = new TaskFilter(null, null, null);
}
