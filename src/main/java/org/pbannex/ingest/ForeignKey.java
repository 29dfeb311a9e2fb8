package org.pbannex.ingest;

/** A value in {@code field} must exist in {@code resource}'s {@code referencedField} (Table Schema foreignKeys). */
public record ForeignKey(String field, String resource, String referencedField) {
}
