package org.pbannex.expenditure;

import java.util.Locale;

/**
 * Which engine totals the expenditure lines: the embedded one (partitioned, every core), or PostgreSQL (COPY +
 * GROUP BY) on the job's own database. {@code auto}, the default of {@code pb.expenditure.engine}, takes PostgreSQL
 * when the database is PostgreSQL.
 */
public enum ExpenditureEngine {
    EMBEDDED, POSTGRES;

    /** @param setting {@code auto}, {@code embedded} or {@code postgres}; {@code databaseUrl} the job repository's JDBC URL */
    public static ExpenditureEngine of(String setting, String databaseUrl) {
        String s = setting == null ? "auto" : setting.trim().toLowerCase(Locale.ROOT);
        boolean postgresDatabase = databaseUrl != null && databaseUrl.startsWith("jdbc:postgresql:");
        return switch (s) {
            case "embedded" -> EMBEDDED;
            case "postgres" -> {
                if (!postgresDatabase) {
                    throw new IllegalArgumentException("pb.expenditure.engine=postgres needs a PostgreSQL database "
                            + "(PB_DATABASE_URL=jdbc:postgresql://...), not " + databaseUrl);
                }
                yield POSTGRES;
            }
            case "auto" -> postgresDatabase ? POSTGRES : EMBEDDED;
            default -> throw new IllegalArgumentException("pb.expenditure.engine is '" + setting + "'; expected auto, embedded or postgres");
        };
    }
}
