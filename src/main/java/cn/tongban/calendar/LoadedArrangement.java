package cn.tongban.calendar;

import java.time.OffsetDateTime;

/**
 * An arrangement year in force, as listed to administrators.
 *
 * @param year           the arrangement year
 * @param notice         the notice's title
 * @param holidays       number of holidays
 * @param daysOff        number of days off over all holidays
 * @param makeupWorkdays number of make-up workdays
 * @param source         shipped with the application or uploaded at runtime
 * @param loadedAt       when this node loaded the seed, or when the upload was made
 * @param loadedBy       who uploaded it; null for a seed or an upload without a signed-in user
 */
public record LoadedArrangement(int year, String notice, int holidays, int daysOff, int makeupWorkdays,
                                Source source, OffsetDateTime loadedAt, String loadedBy) {

    public enum Source {
        /** seeds/calendar/&lt;year&gt;.json shipped with the application */
        SEED,
        /** uploaded by an administrator; overrides the seed of the same year */
        UPLOADED
    }

    static LoadedArrangement of(HolidayArrangement arrangement, Source source, OffsetDateTime loadedAt,
                                String loadedBy) {
        return new LoadedArrangement(arrangement.year(), arrangement.notice(), arrangement.holidays().size(),
                arrangement.daysOff(), arrangement.makeupWorkdays().size(), source, loadedAt, loadedBy);
    }
}
