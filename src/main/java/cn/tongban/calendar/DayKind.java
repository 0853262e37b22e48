package cn.tongban.calendar;

/** What a calendar day is under the State Council's holiday arrangement. */
public enum DayKind {

    /** Monday to Friday, no holiday (工作日). */
    WORKDAY(true),
    /** Saturday or Sunday, not moved by the arrangement (周末). */
    WEEKEND(false),
    /** A day off of a public holiday, whatever weekday it falls on (法定节假日/放假). */
    HOLIDAY(false),
    /** A Saturday or Sunday worked to make up for a holiday (调休补班). */
    MAKEUP_WORKDAY(true);

    private final boolean workingDay;

    DayKind(boolean workingDay) {
        this.workingDay = workingDay;
    }

    public boolean isWorkingDay() {
        return workingDay;
    }
}
