package cn.tongban.catalog;

/** What a policy figure's value measures. */
public enum FigureUnit {
    /** 元/人/月 */
    CNY_PER_PERSON_MONTH,
    /** a plain multiplier */
    FACTOR
}
