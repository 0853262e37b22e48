package cn.tongban.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The time a step may take: either working days (the working-day calendar applies) or calendar
 * days (such as the 7-day public notice). Exactly one of the two is set.
 *
 * @param toStart true when the limit is for starting the step rather than finishing it
 *                (the 低保 home investigation must begin within 3 working days of acceptance)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StepLimit(Integer workingDays, Integer calendarDays,
                        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean toStart) {

    public StepLimit {
        if ((workingDays == null) == (calendarDays == null)) {
            throw new IllegalArgumentException("a step limit has either working days or calendar days");
        }
        if ((workingDays != null && workingDays < 0) || (calendarDays != null && calendarDays < 0)) {
            throw new IllegalArgumentException("a step limit cannot be negative");
        }
    }

    public static StepLimit workingDays(int days) {
        return new StepLimit(days, null, false);
    }

    public static StepLimit calendarDays(int days) {
        return new StepLimit(null, days, false);
    }

    public boolean countsWorkingDays() {
        return workingDays != null;
    }

    /** The number of days, of whichever kind this limit counts. */
    public int days() {
        return workingDays != null ? workingDays : calendarDays;
    }
}
