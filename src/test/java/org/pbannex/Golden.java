package org.pbannex;

import com.opencsv.CSVReaderHeaderAware;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The test oracle: the checked transcription of the printed tables in ../shared/golden. Never a pipeline input. */
public final class Golden {

    private Golden() {
    }

    public static Path home() {
        return Path.of(System.getProperty("pb.home", ".")).toAbsolutePath().normalize();
    }

    public static Path input() {
        return home().resolve("input");
    }

    /** -Dpb.golden=DIR, else shared/golden beside the project (where CI checks it out). */
    private static Path location() {
        String configured = System.getProperty("pb.golden");
        return configured != null ? Path.of(configured) : home().resolve("../shared/golden").normalize();
    }

    /**
     * Whether the oracle comparisons run. They always do in CI (CI=true), where a missing folder is an error; in a
     * clone outside the project workspace they are skipped, and reported as skipped.
     */
    public static boolean available() {
        return Files.isDirectory(location()) || "true".equals(System.getenv("CI"));
    }

    public static Path dir() {
        Path dir = location();
        if (!Files.isDirectory(dir)) {
            String why = "golden tables not found at " + dir + ": check out shared/ beside the project, or run with -Dpb.golden=DIR";
            if (!"true".equals(System.getenv("CI"))) {
                org.junit.jupiter.api.Assumptions.abort(why);
            }
            throw new IllegalStateException(why);
        }
        return dir;
    }

    /**
     * The source document's text (../shared/seed/*.txt beside the golden folder), for tests that find printed texts in
     * it; the test is skipped where the seed is not there.
     */
    public static String seedText() {
        Path seed = dir().resolveSibling("seed");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(seed), "no seed document beside the golden tables");
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(seed)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                all.append(Files.readString(p, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the seed document in " + seed, e);
        }
        return all.toString();
    }

    public static List<Map<String, String>> read(String file) {
        return rows(dir().resolve(file));
    }

    /** A CSV file's rows below its header, each by column name (a golden table, or a CSV a run wrote). */
    public static List<Map<String, String>> rows(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVReaderHeaderAware csv = new CSVReaderHeaderAware(r)) {
            List<Map<String, String>> rows = new ArrayList<>();
            Map<String, String> row;
            while ((row = csv.readMap()) != null) {
                rows.add(row);
            }
            return rows;
        } catch (IOException | com.opencsv.exceptions.CsvValidationException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
