package org.pbannex.publication;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.ChildRun;
import org.pbannex.CliRun;

/**
 * The launcher runs pb-annex on a JDK 25 or newer when one is installed, while the build and the other tests use the
 * JDK they were started with. The outputs must not depend on which: the nightly run on the test's JDK and on another
 * installed one (under /usr/lib/jvm, of another major version) gives byte-identical CSVs, workbooks whose every part
 * is equal and PDFs whose text is equal, once the run id and run time are masked. (The compressed bytes of a workbook
 * or a PDF may differ: each JDK has its own zlib.) Skipped when no other JDK is installed.
 */
class OtherJavaRuntimeTest {

    @TempDir
    Path tmp;

    @Test
    void theNightlyRunPublishesTheSameOnAnotherJdk() throws Exception {
        Optional<Path> other = otherJdk();
        Assumptions.assumeTrue(other.isPresent(), "no JDK of another major version under /usr/lib/jvm");
        Path ours = nightly(Path.of(System.getProperty("java.home"), "bin", "java"), "ours");
        Path theirs = nightly(other.get(), "theirs");

        List<String> names = files(ours);
        assertEquals(names, files(theirs));
        int csvs = 0;
        int documents = 0;
        for (String name : names) {
            Path a = ours.resolve(name);
            Path b = theirs.resolve(name);
            if (name.endsWith(".csv")) {
                assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), name);
                csvs++;
            } else if (name.endsWith(".xlsx")) {
                assertEquals(parts(a), parts(b), name);
                documents++;
            } else if (name.endsWith(".pdf")) {
                assertEquals(pdfText(a), pdfText(b), name);
                documents++;
            }
        }
        assertTrue(csvs >= 17, "every table's CSV compared: " + csvs);
        assertEquals(4, documents, "both editions' workbook and PDF compared");
    }

    private Path nightly(Path java, String name) throws Exception {
        ChildRun run = ChildRun.startOn(java, tmp.resolve("logs"), name, CliRun.h2(tmp.resolve("db-" + name)), Map.of(),
                "run", "nightly", "--force", "--output", tmp.resolve("out-" + name).toString());
        assertEquals(0, run.waitFor(Duration.ofMinutes(5)), run.err());
        return tmp.resolve("out-" + name).resolve("2022-23").resolve("latest").toRealPath();
    }

    /** A JDK under /usr/lib/jvm of another major version than the test's, the newest. */
    static Optional<Path> otherJdk() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        int ours = Runtime.version().feature();
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        Path best = null;
        int bestVersion = 0;
        try (Stream<Path> homes = Files.list(jvms)) {
            for (Path home : homes.toList()) {
                int v = majorVersion(home.resolve("release"));
                Path java = home.resolve("bin/java");
                if (v != 0 && v != ours && v > bestVersion && Files.isExecutable(java)) {
                    best = java;
                    bestVersion = v;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static int majorVersion(Path release) throws IOException {
        if (!Files.isRegularFile(release)) {
            return 0;
        }
        for (String line : Files.readAllLines(release)) {
            if (line.startsWith("JAVA_VERSION=")) {
                String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                String major = v.startsWith("1.") ? v.substring(2).split("\\.")[0] : v.split("[.+-]")[0];
                return major.matches("\\d+") ? Integer.parseInt(major) : 0;
            }
        }
        return 0;
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    /** Every part of a workbook, as text with the run's id and time masked. */
    private static Map<String, String> parts(Path xlsx) throws IOException {
        Map<String, String> parts = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(xlsx))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                parts.put(e.getName(), masked(new String(zip.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        return parts;
    }

    private static List<String> pdfText(Path pdf) throws IOException {
        List<String> pages = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                pages.add(masked(stripper.getText(doc)));
            }
        }
        return pages;
    }

    /** Run ids (20261130T100331.637Z-c29b3548-d8bb) and the run's times, ISO or as an edition writes them. */
    private static String masked(String s) {
        return s.replaceAll("\\d{8}T\\d{6}\\.\\d{3}Z-[0-9a-f]+-[0-9a-f]+", "RUN")
                .replaceAll("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?", "TIME")
                // ... and as the editions write them (texts edition.date_time).
                .replaceAll("\\d{1,2} [A-Z][a-z]+ \\d{4}, \\d{2}:\\d{2} UTC", "TIME")
                .replaceAll("协调世界时 \\d{4} 年 \\d{1,2} 月 \\d{1,2} 日 \\d{2}:\\d{2}", "TIME");
    }
}
