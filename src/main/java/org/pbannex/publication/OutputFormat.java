package org.pbannex.publication;

import java.util.Locale;

/** A kind of output file; the code is the file suffix and the CLI value (--format xlsx,pdf,csv,html). */
public enum OutputFormat {
    XLSX, PDF, CSV, HTML;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** IllegalArgumentException naming the formats when the code is none of them. */
    public static OutputFormat of(String code) {
        for (OutputFormat f : values()) {
            if (f.code().equalsIgnoreCase(code.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + code + "' (expected "
                + String.join(", ", java.util.Arrays.stream(values()).map(OutputFormat::code).toList()) + ")");
    }
}
