package cn.tongban.intake;

/** Free text from an applicant (an answer, a comment): line breaks and tabs, no other control characters. */
final class PlainText {

    private PlainText() {
    }

    /**
     * Whether the text holds only printable characters, line breaks and tabs: no control or format characters
     * (bidirectional overrides among them) and no unpaired surrogates.
     */
    static boolean acceptable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
                continue;
            }
            if (Character.isLowSurrogate(c)) {
                return false;
            }
            int type = Character.getType(c);
            if ((type == Character.CONTROL && c != '\n' && c != '\r' && c != '\t') || type == Character.FORMAT) {
                return false;
            }
        }
        return true;
    }
}
