package org.pbannex.expenditure;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Which engine totals the expenditure lines: PostgreSQL (COPY + GROUP BY) when PB_DATABASE_URL points at a
 * PostgreSQL server, else the embedded one (in-process, every core). PB_EXPENDITURE_ENGINE=embedded or postgres
 * overrides the choice.
 */
public enum ExpenditureEngine {
    EMBEDDED, POSTGRES;

    public static ExpenditureEngine chosen(Map<String, String> env) {
        String forced = env.getOrDefault("PB_EXPENDITURE_ENGINE", "");
        if (!forced.isBlank()) {
            return valueOf(forced.trim().toUpperCase(java.util.Locale.ROOT));
        }
        return env.getOrDefault("PB_DATABASE_URL", "").startsWith("jdbc:postgresql:") ? POSTGRES : EMBEDDED;
    }

    public ExpenditureIngest.Result run(Dimensions dims, List<Path> files, String displayRoot, Path rejects,
                                        Map<String, String> env) throws IOException {
        if (this == EMBEDDED) {
            return new ExpenditureIngest(dims, Runtime.getRuntime().availableProcessors(), rejects).run(files, displayRoot);
        }
        String url = env.getOrDefault("PB_DATABASE_URL", "");
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException("the PostgreSQL expenditure engine needs PB_DATABASE_URL=jdbc:postgresql://...");
        }
        try (Connection c = DriverManager.getConnection(url, env.getOrDefault("PB_DATABASE_USER", ""),
                env.getOrDefault("PB_DATABASE_PASSWORD", ""))) {
            return new PostgresExpenditureEngine(dims, rejects).run(files, displayRoot, c);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL expenditure engine: " + e.getMessage(), e);
        }
    }
}
