package org.pbannex.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The DuckDB peer of the benchmark, run in its own JVM with the DuckDB JDBC driver on the class path: read_csv with
 * explicit types and the same GROUP BY as pb-annex's totals. Prints "query_seconds=..., groups=..., rss_kb=...".
 * Uses only java.sql (and PeakMemory), so pb-annex does not depend on DuckDB.
 */
public final class DuckDbProbe {

    private DuckDbProbe() {
    }

    public static void main(String[] args) throws Exception {
        String file = args[0].replace("'", "''");
        String sql = "SELECT fund, status, region, outcome, (CAST(substr(period, 1, 4) AS INTEGER) // 2) * 2 AS first_year, "
                + "CAST(sum(amount_usd * 100) AS BIGINT), count(*) FROM read_csv('" + file + "', header = true, delim = ',', "
                + "quote = '\"', columns = {'line_id': 'VARCHAR', 'period': 'VARCHAR', 'fund': 'VARCHAR', 'status': 'VARCHAR', "
                + "'region': 'VARCHAR', 'country': 'VARCHAR', 'unit': 'VARCHAR', 'outcome': 'VARCHAR', 'object': 'VARCHAR', "
                + "'amount_usd': 'DECIMAL(17,2)'}) GROUP BY ALL";
        Class.forName("org.duckdb.DuckDBDriver");
        long start = System.nanoTime();
        long groups = 0;
        long cents = 0;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                groups++;
                cents += rs.getLong(6);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("query_seconds=%.3f groups=%d cents=%d rss_kb=%d%n", seconds, groups, cents, PeakMemory.rssKb());
    }
}
