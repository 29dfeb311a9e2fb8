package org.pbannex.runtime;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;
import org.pbannex.CliRun;

/**
 * Damages an H2 database file the way a disk fault does, where H2 does not look when it opens the file: the leaf pages
 * of one table (its rows), which a run reads only when it queries that table. H2 checks each page it reads against a
 * check value in its header; a page whose check value no longer matches is "File corrupted". The table is first given
 * enough rows to span several pages, so that its root page, which H2 reads as it opens the file, is not a leaf.
 */
public final class DamagedPages {

    private static final Pattern CHUNK = Pattern.compile("^([0-9a-f]+) chunkHeader chunk:([0-9a-f]+),");
    private static final Pattern NODE = Pattern.compile("^\\+([0-9a-f]+) (?:node|leaf), map ([0-9a-f]+),");
    private static final Pattern CHILD = Pattern.compile("children .*@ chunk ([0-9a-f]+) \\+([0-9a-f]+)$");

    private DamagedPages() {
    }

    /**
     * Gives the Batch table of job executions a few thousand finished executions of the database's first job
     * instance, then damages every leaf page of that table in the file.
     *
     * @param database the database as CliRun names it (without .mv.db)
     * @return how many pages were damaged
     */
    public static int damageJobExecutions(Path database) throws SQLException, IOException {
        String url = CliRun.h2(database).get("spring.datasource.url");
        long tableId;
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("insert into batch_job_execution (job_execution_id, version, job_instance_id, create_time, start_time, "
                    + "end_time, status, exit_code) select 1000000 + \"X\", 1, (select min(job_instance_id) from batch_job_instance), "
                    + "timestamp '2020-01-01 00:00:00', timestamp '2020-01-01 00:00:00', timestamp '2020-01-01 00:00:01', "
                    + "'COMPLETED', 'COMPLETED' from system_range(1, 3000)");
            try (ResultSet r = s.executeQuery("select db_object_id('TABLE', 'public', 'batch_job_execution')")) {
                r.next();
                tableId = r.getLong(1);
            }
        }
        Path file = Path.of(database + ".mv.db");
        String mapId;
        long root;
        MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            mapId = store.getMetaMap().get("name.table." + tableId);
            root = DataUtils.parseHexLong(store.getLayoutMap().get("root." + mapId));
        } finally {
            store.close();
        }
        // H2 reads the table's root page and its last leaf (for the next row's key) as it opens the file; a run that
        // scans the table reads the others.
        List<Long> pages = childrenOf(file, mapId, DataUtils.getPageChunkId(root), DataUtils.getPageOffset(root));
        if (pages.size() < 2) {
            throw new IllegalStateException("expected the table (map " + mapId + ") to span several pages: " + pages);
        }
        pages = pages.subList(0, pages.size() - 1);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            for (long page : pages) {
                // A page starts with its length (4 bytes) and its check value (2 bytes): turn the check value over.
                f.seek(page + 4);
                int check = f.readUnsignedShort();
                f.seek(page + 4);
                f.writeShort(~check);
            }
        }
        return pages.size();
    }

    /** Where in the file the children of the map's node page at (chunk, offset) are, in key order (MVStoreTool's dump). */
    private static List<Long> childrenOf(Path file, String mapId, int chunk, int offset) throws IOException {
        StringWriter dump = new StringWriter();
        MVStoreTool.dump(file.toString(), new PrintWriter(dump), true);
        String[] lines = dump.toString().split("\n");
        Map<Integer, Long> chunkAt = new HashMap<>();
        for (String line : lines) {
            Matcher m = CHUNK.matcher(line);
            if (m.find()) {
                chunkAt.put(Integer.parseInt(m.group(2), 16), Long.parseLong(m.group(1), 16));
            }
        }
        List<Long> children = new ArrayList<>();
        int current = -1;
        boolean inRoot = false;
        for (String line : lines) {
            Matcher m = CHUNK.matcher(line);
            if (m.find()) {
                current = Integer.parseInt(m.group(2), 16);
                inRoot = false;
                continue;
            }
            m = NODE.matcher(line);
            if (m.find()) {
                inRoot = current == chunk && Integer.parseInt(m.group(1), 16) == offset && m.group(2).equals(mapId);
                continue;
            }
            m = CHILD.matcher(line);
            if (inRoot && m.find()) {
                children.add(chunkAt.get(Integer.parseInt(m.group(1), 16)) + Long.parseLong(m.group(2), 16));
            } else if (!line.startsWith(" ")) {
                inRoot = false;
            }
        }
        return children;
    }
}
