package org.pbannex.ingest;

/** Table Schema field types that pb-annex inputs use. */
public enum FieldType {
    STRING, INTEGER, NUMBER, BOOLEAN;

    public static FieldType of(String name) {
        return switch (name) {
            case "string" -> STRING;
            case "integer" -> INTEGER;
            case "number" -> NUMBER;
            case "boolean" -> BOOLEAN;
            default -> throw new IllegalArgumentException("unsupported field type '" + name + "'");
        };
    }
}
