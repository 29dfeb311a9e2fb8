package org.pbannex.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The DuckDB peer of the benchmark, run in its own JVM with the DuckDB JDBC driver on the class path: read_csv with
 * explicit types and the same GROUP BY as pb-annex's totals. Prints "query_seconds=... groups=... cents=... lines=...
 * rss_kb=...". Uses only java.sql (and PeakMemory), so pb-annex does not depend on DuckDB (nor this JVM on the logging
 * that SyntheticMark's class carries: the caller says how many lines come before the header).
 */
public final class DuckDbProbe {

    private DuckDbProbe() {
    }

    /**
     * @param args the file; then the number of lines before its header (1 for a synthetic file's mark line, which
     *             DuckDB's sniffer would otherwise take for the header: a file of one column), 0 when left out
     */
    public static void main(String[] args) throws Exception {
        String sql = sql(args[0], args.length > 1 ? Integer.parseInt(args[1]) : 0);
        Class.forName("org.duckdb.DuckDBDriver");
        long start = System.nanoTime();
        long groups = 0;
        long cents = 0;
        long lines = 0;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                groups++;
                cents += rs.getLong(6);
                lines += rs.getLong(7);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("query_seconds=%.3f groups=%d cents=%d lines=%d rss_kb=%d%n", seconds, groups, cents, lines,
                PeakMemory.rssKb());
    }

    /** The query: the file read from the line after {@code linesBeforeHeader}, its first line there the header. */
    static String sql(String path, int linesBeforeHeader) {
        String file = path.replace("'", "''");
        return "SELECT fund, status, region, outcome, (CAST(substr(period, 1, 4) AS INTEGER) // 2) * 2 AS first_year, "
                + "CAST(sum(amount_usd * 100) AS BIGINT), count(*) FROM read_csv('" + file + "', header = true, delim = ',', "
                + "quote = '\"', skip = " + linesBeforeHeader + ", columns = {'line_id': 'VARCHAR', 'period': 'VARCHAR', 'fund': 'VARCHAR', 'status': 'VARCHAR', "
                + "'region': 'VARCHAR', 'country': 'VARCHAR', 'unit': 'VARCHAR', 'outcome': 'VARCHAR', 'object': 'VARCHAR', "
                + "'amount_usd': 'DECIMAL(17,2)'}) GROUP BY ALL";
    }
}
