package org.pbannex.table;

import java.util.Locale;

/** An edition of the publication. The code is the file suffix and the CLI value (--lang zh,en). */
public enum Language {
    ZH("zh", "zh-CN"),
    EN("en", "en-GB");

    private final String code;
    private final String tag;

    Language(String code, String tag) {
        this.code = code;
        this.tag = tag;
    }

    public String code() {
        return code;
    }

    /** BCP 47 tag written into document metadata. */
    public String tag() {
        return tag;
    }

    public static Language of(String code) {
        for (Language l : values()) {
            if (l.code.equalsIgnoreCase(code.trim())) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown language '" + code + "' (expected zh or en)");
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }
}
