package cn.tongban.forms;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text as form-js measures it, and the characters no applicant types. */
final class TextRules {

    /** Most steps a pattern may take on one value; only a pathological pattern and input come near. */
    private static final int PATTERN_BUDGET = 2_000_000;

    private TextRules() {
    }

    /** JavaScript's {@code String.prototype.trim}: its white space and line terminators, not Java's. */
    static String jsTrim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && jsWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && jsWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean jsWhitespace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r') || c == '\u00A0' || c == '\u1680' || (c >= '\u2000' && c <= '\u200A')
                || c == '\u2028' || c == '\u2029' || c == '\u202F' || c == '\u205F' || c == '\u3000' || c == '\uFEFF';
    }

    /**
     * Control characters (tab and line breaks allowed when {@code multiline}), unpaired UTF-16 surrogates, the
     * non-characters U+FFFE and U+FFFF and the bidirectional overrides that can disguise text.
     */
    static boolean hasForbiddenCharacters(String text, boolean multiline) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                if (!(multiline && (c == '\t' || c == '\n' || c == '\r'))) {
                    return true;
                }
            } else if ((!multiline && (c == '\u2028' || c == '\u2029')) || (c >= '\u202A' && c <= '\u202E')
                    || (c >= '\u2066' && c <= '\u2069') || c == '\uFFFE' || c == '\uFFFF') {
                return true;
            }
        }
        return false;
    }

    /** {@code RegExp.test}: a match anywhere; a pattern that runs away counts as no match rather than hanging. */
    static boolean find(Pattern pattern, String text) {
        try {
            Matcher matcher = pattern.matcher(new Budgeted(text, new int[] {PATTERN_BUDGET}));
            return matcher.find();
        } catch (BudgetExceeded | StackOverflowError e) {
            // catastrophic backtracking or deep recursion in java.util.regex on a hostile value
            return false;
        }
    }

    private static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded() {
            super(null, null, false, false);
        }
    }

    /** Counts the characters the regex engine reads and stops it when the budget is spent. */
    private record Budgeted(String text, int[] budget) implements CharSequence {

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            if (--budget[0] < 0) {
                throw new BudgetExceeded();
            }
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Budgeted(text.substring(start, end), budget);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
