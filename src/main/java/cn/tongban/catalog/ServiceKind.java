package cn.tongban.catalog;

/** How a service is committed to the applicant. */
public enum ServiceKind {
    /** 即办: done on the day of acceptance. */
    IMMEDIATE,
    /** 承诺件: done within a committed number of working days. */
    COMMITTED
}
