package cn.tongban.catalog;

import java.util.Locale;

/** A name in Chinese (shown first) and English. */
public record Names(String zh, String en) {

    /** The Chinese name for a Chinese locale, otherwise the English one. */
    public String in(Locale locale) {
        return Locale.CHINESE.getLanguage().equals(locale.getLanguage()) ? zh : en;
    }
}
