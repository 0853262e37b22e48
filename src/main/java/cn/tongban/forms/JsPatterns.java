package cn.tongban.forms;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * form-js checks {@code validate.pattern} with JavaScript's {@code new RegExp(pattern).test(value)}: no flags, and a
 * match anywhere in the value unless the pattern anchors itself. Java reads most such patterns alike; this rewrites
 * the constructs it reads differently: {@code [} and {@code &&} inside a class are literal in JavaScript,
 * {@code [^]} is any character, {@code []} matches nothing, and a brace that is no quantifier is literal.
 */
final class JsPatterns {

    private JsPatterns() {
    }

    /** @throws PatternSyntaxException when Java cannot read the pattern even after rewriting */
    static Pattern compile(String javaScript) {
        return Pattern.compile(toJava(javaScript));
    }

    static String toJava(String js) {
        StringBuilder java = new StringBuilder(js.length() + 8);
        boolean inClass = false;
        for (int i = 0; i < js.length(); i++) {
            char c = js.charAt(i);
            if (c == '\\' && i + 1 < js.length()) {
                java.append(c).append(js.charAt(++i));
            } else if (inClass) {
                if (c == ']') {
                    inClass = false;
                    java.append(c);
                } else if (c == '[' || c == '&') {
                    java.append('\\').append(c);
                } else {
                    java.append(c);
                }
            } else if (c == '[') {
                if (js.startsWith("[^]", i)) {
                    java.append("[\\s\\S]");
                    i += 2;
                } else if (js.startsWith("[]", i)) {
                    java.append("(?!)");
                    i += 1;
                } else {
                    inClass = true;
                    java.append(c);
                    // a ']' right after '[' or '[^' would close an empty class in JavaScript: handled above
                    if (i + 1 < js.length() && js.charAt(i + 1) == '^') {
                        java.append('^');
                        i++;
                    }
                }
            } else if (c == '{' && !quantifier(js, i)) {
                java.append("\\{");
            } else if (c == '}' ) {
                java.append(closesQuantifier(java) ? "}" : "\\}");
            } else {
                java.append(c);
            }
        }
        return java.toString();
    }

    private static boolean quantifier(String js, int open) {
        int i = open + 1;
        int digits = 0;
        while (i < js.length() && Character.isDigit(js.charAt(i))) {
            i++;
            digits++;
        }
        if (digits == 0) {
            return false;
        }
        if (i < js.length() && js.charAt(i) == ',') {
            i++;
            while (i < js.length() && Character.isDigit(js.charAt(i))) {
                i++;
            }
        }
        return i < js.length() && js.charAt(i) == '}';
    }

    /** Whether the text written so far ends in an open quantifier such as {@code {2,}. */
    private static boolean closesQuantifier(StringBuilder java) {
        int i = java.length() - 1;
        while (i >= 0 && (Character.isDigit(java.charAt(i)) || java.charAt(i) == ',')) {
            i--;
        }
        return i >= 0 && java.charAt(i) == '{' && (i == 0 || java.charAt(i - 1) != '\\');
    }
}
