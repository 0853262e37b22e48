package cn.tongban.review.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An 18-digit resident identity card number (居民身份号码, GB 11643): six digits of the place of first
 * registration, the birth date as yyyyMMdd, a three-digit sequence whose last digit is odd for men and even
 * for women, and a check character (ISO 7064 MOD 11-2).
 */
record ResidentIdNumber(String value, LocalDate birthDate, boolean male) {

    private static final Pattern FORMAT = Pattern.compile("\\d{17}[\\dXx]");
    private static final String CHECK_CHARACTERS = "10X98765432";

    /** The number, if it is well formed, its check character is right and its birth date a real day. */
    static Optional<ResidentIdNumber> parse(String value) {
        if (value == null || !FORMAT.matcher(value).matches()) {
            return Optional.empty();
        }
        if (Character.toUpperCase(value.charAt(17)) != checkCharacter(value)) {
            return Optional.empty();
        }
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(value.substring(6, 10)),
                    Integer.parseInt(value.substring(10, 12)), Integer.parseInt(value.substring(12, 14)));
            boolean male = (value.charAt(16) - '0') % 2 == 1;
            return Optional.of(new ResidentIdNumber(value.toUpperCase(), birth, male));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Weights are 2^(17-i) mod 11 for the i-th digit; the weighted sum mod 11 picks the check character. */
    static char checkCharacter(String first17) {
        int sum = 0;
        int weight = 1;
        for (int i = 16; i >= 0; i--) {
            weight = (weight * 2) % 11;
            sum += (first17.charAt(i) - '0') * weight;
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    /**
     * Whether the holder has reached the legal marriage age on {@code day}: 22 for men, 20 for women
     * (《民法典》第一千零四十七条), counted to the birthday itself.
     */
    boolean reachesMarriageAgeOn(LocalDate day) {
        return !day.isBefore(birthDate.plusYears(male ? 22 : 20));
    }
}
