package cn.tongban.review;

import cn.tongban.sla.SlaState;

/**
 * Which of a reviewer's tasks to list, and in which order; {@code null} means any (for the order: by deadline).
 *
 * @param service  a service code of the catalogue (= process key), e.g. {@code minimum-living-allowance}
 * @param step     a step id (= user task id), e.g. {@code acceptance}
 * @param slaState where the task stands against its deadline
 * @param sort     the order of the list
 */
public record TaskFilter(String service, String step, SlaState slaState, Sort sort) {

    public static final TaskFilter ANY = new TaskFilter(null, null, null, Sort.DEADLINE);

    public TaskFilter {
        sort = sort == null ? Sort.DEADLINE : sort;
    }

    /** By deadline, the list's usual order. */
    public TaskFilter(String service, String step, SlaState slaState) {
        this(service, step, slaState, Sort.DEADLINE);
    }

    /** The order of the task list. */
    public enum Sort {
        /** 按办理期限: earliest deadline first, tasks without one last. */
        DEADLINE,
        /** 按到达先后: the task that reached the reviewer's desk first comes first. */
        RECEIVED
    }
}
