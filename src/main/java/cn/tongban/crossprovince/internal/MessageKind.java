package cn.tongban.crossprovince.internal;

/** What a message between authorities carries. */
public enum MessageKind {
    /** 案卷: the receiving authority hands the whole case to the hukou authority. */
    CASE("/api/crossprovince/inbound/cases"),
    /** 已接收: the hukou authority has taken the case on. */
    ACCEPTED("/api/crossprovince/inbound/status"),
    /** 已审定: the hukou authority's decision. */
    DECIDED("/api/crossprovince/inbound/status"),
    /** 需补正: the hukou authority's reviewer lists materials the applicant must add (one-time notice). */
    CORRECTION_NEEDED("/api/crossprovince/inbound/status"),
    /** 补正材料: the applicant's answer to that notice, with the new materials, back to the hukou authority. */
    SUPPLEMENT("/api/crossprovince/inbound/status");

    private final String path;

    MessageKind(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }
}
