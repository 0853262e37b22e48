package cn.tongban.crossprovince.internal;

/** What a message between authorities carries. */
public enum MessageKind {
    /** 案卷: the receiving authority hands the whole case to the hukou authority. */
    CASE("/api/crossprovince/inbound/cases"),
    /** 已接收: the hukou authority has taken the case on. */
    ACCEPTED("/api/crossprovince/inbound/status"),
    /** 已审定: the hukou authority's decision. */
    DECIDED("/api/crossprovince/inbound/status");

    private final String path;

    MessageKind(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }
}
