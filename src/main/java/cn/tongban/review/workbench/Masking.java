package cn.tongban.review.workbench;

import cn.tongban.forms.ResidentIdNumber;
import java.time.LocalDate;

/** What the task list shows of an applicant: enough to tell cases apart, not enough to identify anyone. */
final class Masking {

    private Masking() {
    }

    /** The first character, the rest as one {@code *} each: 张三 → 张*, 欧阳娜娜 → 欧***. */
    static String name(Object value) {
        if (!(value instanceof String text) || text.isBlank()) {
            return null;
        }
        String name = text.strip();
        int first = name.codePointAt(0);
        int rest = name.codePointCount(0, name.length()) - 1;
        return new String(Character.toChars(first)) + "*".repeat(Math.max(1, rest));
    }

    /**
     * A resident ID number as {@link ResidentIdNumber#masked()} shows it; anything else with only its last four
     * characters.
     */
    static String idNumber(Object value, LocalDate today) {
        if (!(value instanceof String text) || text.isBlank()) {
            return null;
        }
        if (ResidentIdNumber.isValid(text, today)) {
            return ResidentIdNumber.parse(text, today).masked();
        }
        int length = text.length();
        return length <= 4 ? "*".repeat(length) : "*".repeat(length - 4) + text.substring(length - 4);
    }
}
