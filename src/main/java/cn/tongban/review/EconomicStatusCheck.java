package cn.tongban.review;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * 家庭经济状况信息核对: what the county's data platform knows about an applicant household's income and
 * assets (tax, social insurance, real estate, vehicles, deposits), asked during a 低保 review.
 * An implementation talks to an outside system that may be slow or down, so the process calls it from an
 * asynchronous step that is retried.
 */
public interface EconomicStatusCheck {

    /**
     * @param applicantIdNumber the applicant's 18-character resident ID number
     * @param householdMembers  the number of members living together in the household, at least 1
     * @return the verified status; empty when the platform holds no record of the household, in which case
     *         the household's own declaration stands
     * @throws Unavailable when the platform cannot answer now; asking again later may succeed
     */
    Optional<EconomicStatus> check(String applicantIdNumber, int householdMembers);

    /**
     * @param monthlyIncome    verified monthly income of the whole household in yuan
     * @param assetsOverLimit  the household's assets exceed the local limit
     * @param excludedProperty the household owns property that rules the allowance out (a car, a business)
     */
    record EconomicStatus(BigDecimal monthlyIncome, boolean assetsOverLimit, boolean excludedProperty) {

        public EconomicStatus {
            Objects.requireNonNull(monthlyIncome, "monthlyIncome");
            if (monthlyIncome.signum() < 0) {
                throw new IllegalArgumentException("a monthly income cannot be negative: " + monthlyIncome);
            }
        }
    }

    /** The platform did not answer; nothing is known about the household yet. */
    class Unavailable extends RuntimeException {

        public Unavailable(String message) {
            super(message);
        }
    }
}
