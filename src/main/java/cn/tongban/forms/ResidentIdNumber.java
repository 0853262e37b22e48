package cn.tongban.forms;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.Set;

/**
 * An 18-character citizen identity number (公民身份号码, GB 11643): a six-digit administrative region code whose first
 * two digits name a province, the birth date {@code yyyyMMdd}, a three-digit sequence number (odd for men, even for
 * women) and an ISO 7064 MOD 11-2 check character ({@code 0-9} or {@code X}). A lower-case {@code x} is read as
 * {@code X}. {@link #toString()} shows the masked form, so a number never reaches a log whole by accident.
 */
public final class ResidentIdNumber {

    /** Why a text is not a resident ID number. */
    public enum Defect {
        /** Not 17 digits followed by a digit or X. */
        FORMAT,
        /** The first two digits are no province code (11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71, 81, 82). */
        REGION,
        /** Digits 7–14 are no date from 1900 on. */
        BIRTH_DATE,
        /** The birth date lies after today. */
        FUTURE_BIRTH_DATE,
        /** The last character is not the check character of the first 17 digits. */
        CHECK_DIGIT
    }

    public enum Gender { MALE, FEMALE }

    /** Province-level codes of GB/T 2260, with Taiwan (71), Hong Kong (81) and Macao (82). */
    private static final Set<Integer> PROVINCES = Set.of(11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37,
            41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82);
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK_CHARACTERS = "10X98765432".toCharArray();
    private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    private final String value;
    private final LocalDate birthDate;

    private ResidentIdNumber(String value, LocalDate birthDate) {
        this.value = value;
        this.birthDate = birthDate;
    }

    /**
     * @param today the day against which a birth date counts as future (the bureau's today)
     * @throws IllegalArgumentException naming the {@link Defect} when {@code text} is no valid number
     */
    public static ResidentIdNumber parse(String text, LocalDate today) {
        Optional<Defect> defect = defect(text, today);
        if (defect.isPresent()) {
            throw new IllegalArgumentException("not a resident ID number: " + defect.get());
        }
        String value = normalize(text);
        return new ResidentIdNumber(value, LocalDate.parse(value.substring(6, 14), BIRTH_DATE));
    }

    /** The first fault of {@code text}, in the order of {@link Defect}; empty for a valid number. */
    public static Optional<Defect> defect(String text, LocalDate today) {
        if (text == null || text.length() != 18) {
            return Optional.of(Defect.FORMAT);
        }
        String value = normalize(text);
        for (int i = 0; i < 17; i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return Optional.of(Defect.FORMAT);
            }
        }
        char last = value.charAt(17);
        if ((last < '0' || last > '9') && last != 'X') {
            return Optional.of(Defect.FORMAT);
        }
        if (!PROVINCES.contains(Integer.parseInt(value.substring(0, 2)))) {
            return Optional.of(Defect.REGION);
        }
        LocalDate birth;
        try {
            birth = LocalDate.parse(value.substring(6, 14), BIRTH_DATE);
        } catch (DateTimeException e) {
            return Optional.of(Defect.BIRTH_DATE);
        }
        if (birth.isBefore(EARLIEST_BIRTH_DATE)) {
            return Optional.of(Defect.BIRTH_DATE);
        }
        if (birth.isAfter(today)) {
            return Optional.of(Defect.FUTURE_BIRTH_DATE);
        }
        if (checkCharacter(value.substring(0, 17)) != last) {
            return Optional.of(Defect.CHECK_DIGIT);
        }
        return Optional.empty();
    }

    public static boolean isValid(String text, LocalDate today) {
        return defect(text, today).isEmpty();
    }

    /** The ISO 7064 MOD 11-2 check character of the first 17 digits. */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != 17 || !first17.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("17 digits expected");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS[sum % 11];
    }

    private static String normalize(String text) {
        return text.charAt(17) == 'x' ? text.substring(0, 17) + 'X' : text;
    }

    /** All 18 characters, with an upper-case X. */
    public String value() {
        return value;
    }

    /** The six-digit administrative region code at issue (the first six digits). */
    public String regionCode() {
        return value.substring(0, 6);
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    /** From the sequence number: odd for men, even for women. */
    public Gender gender() {
        return (value.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
    }

    /** The first four and last four characters, the rest as {@code *}: {@code 4101**********1234}. */
    public String masked() {
        return value.substring(0, 4) + "*".repeat(10) + value.substring(14);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResidentIdNumber number && number.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return masked();
    }
}
