package cn.tongban.sla.internal;

/** What a step's deadline follows when it has to be computed again. */
public enum LimitBasis {
    /** The step's own limit (or its enclosing step's) in working days, counted from {@code limit_from}. */
    WORKING_DAYS,
    /** A limit in calendar days from {@code limit_from}: no working-day calendar involved. */
    CALENDAR_DAYS,
    /** No limit of its own: the case deadline bounds it. */
    CASE,
    /** Taken from the model as it stood; never recomputed. */
    FIXED
}
