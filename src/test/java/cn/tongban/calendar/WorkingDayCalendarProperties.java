package cn.tongban.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * Laws of the deadline rules over receipts from mid-2021 to mid-2027 (unloaded years on both sides),
 * in any offset, with extra weight on the seconds around the end of business.
 */
class WorkingDayCalendarProperties {

    private static final ZoneOffset SHANGHAI = ZoneOffset.ofHours(8);
    private static final WorkingDayCalendar calendar = OfficialDays.seedCalendar();

    @Provide
    Arbitrary<OffsetDateTime> receipts() {
        Arbitrary<LocalDate> days = Arbitraries.longs()
                .between(LocalDate.of(2021, 7, 1).toEpochDay(), LocalDate.of(2027, 6, 30).toEpochDay())
                .map(LocalDate::ofEpochDay);
        Arbitrary<LocalTime> anyTime = Arbitraries.integers().between(0, 86_399).map(LocalTime::ofSecondOfDay);
        Arbitrary<LocalTime> aroundEndOfBusiness = Arbitraries.integers().between(-2, 2)
                .map(s -> LocalTime.of(17, 30).plusSeconds(s));
        Arbitrary<LocalTime> times = Arbitraries.frequencyOf(
                Tuple.of(4, anyTime), Tuple.of(1, aroundEndOfBusiness));
        Arbitrary<ZoneOffset> offsets = Arbitraries.integers().between(-12 * 4, 14 * 4)
                .map(quarters -> ZoneOffset.ofTotalSeconds(quarters * 15 * 60));
        // the day and time are read in Shanghai, then shown in any offset, so the boundary times stay exact
        return Combinators.combine(days, times, offsets)
                .as((day, time, offset) -> day.atTime(time).atOffset(SHANGHAI).withOffsetSameInstant(offset));
    }

    @Property
    void theDeadlineIsAWorkingDayAtTheEndOfBusinessInShanghai(@ForAll("receipts") OffsetDateTime from,
                                                              @ForAll @IntRange(max = 400) int workingDays) {
        Deadline deadline = calendar.deadline(from, workingDays);

        assertThat(deadline.deadline().getOffset()).isEqualTo(SHANGHAI);
        assertThat(deadline.deadline().toLocalTime()).isEqualTo(LocalTime.of(17, 30));
        assertThat(calendar.isWorkingDay(deadline.deadline().toLocalDate())).isTrue();
        assertThat(calendar.isWorkingDay(deadline.acceptanceDay())).isTrue();
        assertThat(deadline.acceptanceDay()).isAfterOrEqualTo(from.atZoneSameInstant(SHANGHAI).toLocalDate());
        assertThat(deadline.deadline().toInstant()).isAfterOrEqualTo(from.toInstant());
    }

    @Property
    void aLaterReceiptNeverHasAnEarlierDeadline(@ForAll("receipts") OffsetDateTime one,
                                                @ForAll("receipts") OffsetDateTime other,
                                                @ForAll @IntRange(max = 60) int workingDays) {
        OffsetDateTime earlier = one.isBefore(other) ? one : other;
        OffsetDateTime later = one.isBefore(other) ? other : one;

        assertThat(calendar.deadline(later, workingDays).deadline())
                .isAfterOrEqualTo(calendar.deadline(earlier, workingDays).deadline());
    }

    @Property
    void moreWorkingDaysGiveALaterDeadline(@ForAll("receipts") OffsetDateTime from,
                                           @ForAll @IntRange(max = 200) int workingDays,
                                           @ForAll @IntRange(min = 1, max = 30) int more) {
        assertThat(calendar.deadline(from, workingDays + more).deadline())
                .isAfter(calendar.deadline(from, workingDays).deadline());
    }

    @Property
    void theOffsetOfTheReceiptDoesNotMatter(@ForAll("receipts") OffsetDateTime from,
                                            @ForAll @IntRange(min = -18, max = 18) int hours,
                                            @ForAll @IntRange(max = 30) int workingDays) {
        OffsetDateTime elsewhere = from.withOffsetSameInstant(ZoneOffset.ofHours(hours));

        assertThat(calendar.deadline(elsewhere, workingDays)).isEqualTo(calendar.deadline(from, workingDays));
    }

    @Property
    void workingDaysBetweenTheReceiptAndItsDeadlineIsTheLimit(@ForAll("receipts") OffsetDateTime from,
                                                             @ForAll @IntRange(max = 300) int workingDays) {
        Instant deadline = calendar.deadline(from, workingDays).deadline().toInstant();

        assertThat(calendar.workingDaysBetween(from.toInstant(), deadline)).isEqualTo(workingDays);
        if (workingDays > 0) {
            assertThat(calendar.workingDaysBetween(from.toInstant(), deadline.minusNanos(1)))
                    .isEqualTo(workingDays - 1);
        }
    }

    @Property
    void theDeadlineIsTheFirstInstantAtWhichTheCountReachesTheLimit(@ForAll("receipts") OffsetDateTime from,
                                                                   @ForAll("receipts") OffsetDateTime to) {
        int elapsed = calendar.workingDaysBetween(from.toInstant(), to.toInstant());

        assertThat(elapsed).isNotNegative();
        assertThat(calendar.deadline(from, elapsed + 1).deadline().toInstant()).isAfter(to.toInstant());
        if (elapsed > 0) {
            assertThat(calendar.deadline(from, elapsed).deadline().toInstant()).isBeforeOrEqualTo(to.toInstant());
        }
    }

    @Property
    void workingDaysBetweenNeverDecreasesAsTimeGoesOn(@ForAll("receipts") OffsetDateTime from,
                                                      @ForAll("receipts") OffsetDateTime to,
                                                      @ForAll @IntRange(max = 100_000) int laterByMinutes) {
        Instant later = to.toInstant().plus(Duration.ofMinutes(laterByMinutes));

        assertThat(calendar.workingDaysBetween(from.toInstant(), later))
                .isGreaterThanOrEqualTo(calendar.workingDaysBetween(from.toInstant(), to.toInstant()));
    }

    @Property
    void provisionalExactlyWhenTheDaysFromReceiptToDeadlineTouchAnUnloadedYear(
            @ForAll("receipts") OffsetDateTime from, @ForAll @IntRange(max = 300) int workingDays) {
        Deadline deadline = calendar.deadline(from, workingDays);
        int firstYear = from.atZoneSameInstant(SHANGHAI).getYear();
        int lastYear = deadline.deadline().getYear();

        boolean touchesUnloaded = firstYear < 2022 || lastYear > 2026;

        assertThat(deadline.provisional()).isEqualTo(touchesUnloaded);
    }
}
