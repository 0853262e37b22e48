package cn.tongban.intake;

/** Where an application stands, as the applicant sees it. */
enum CaseStatus {
    /** 已提交: received, no step done yet. */
    SUBMITTED,
    /** 审核中: at least one step is done. */
    IN_REVIEW,
    /** 待补正: a one-time correction notice (一次性告知) waits for the applicant's answer. */
    CORRECTION_REQUESTED,
    /** 已批准 */
    DECIDED_APPROVED,
    /** 不予批准 */
    DECIDED_REFUSED,
    /** 已撤回: by the applicant. */
    WITHDRAWN,
    /** 已办结: ended without a decision on the merits (not accepted, cancelled, no-show, a full day). */
    CLOSED;

    public boolean decided() {
        return this == DECIDED_APPROVED || this == DECIDED_REFUSED;
    }

    /** Still running towards a decision: the SLA clock matters and the applicant may withdraw. */
    public boolean open() {
        return this == SUBMITTED || this == IN_REVIEW || this == CORRECTION_REQUESTED;
    }
}
