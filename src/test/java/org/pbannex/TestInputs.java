package org.pbannex;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** A writable copy of the bundled input/ folder, for tests that break or change one file. */
public final class TestInputs {

    private TestInputs() {
    }

    /** The bundled CSV files an input workbook of the biennium holds: the shared reference and the biennium's own. */
    public static List<Path> bundledCsvFiles(String biennium) throws IOException {
        List<Path> out = new java.util.ArrayList<>();
        for (Path dir : List.of(Golden.input().resolve("reference"), Golden.input().resolve(biennium))) {
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(f -> f.getFileName().toString().endsWith(".csv")).forEach(out::add);
            }
        }
        return out;
    }

    /** Their data rows (records after the header; a quoted value may span lines). */
    public static int bundledRows(String biennium) throws IOException {
        int rows = 0;
        for (Path f : bundledCsvFiles(biennium)) {
            try (var reader = new com.opencsv.CSVReader(Files.newBufferedReader(f, StandardCharsets.UTF_8))) {
                while (reader.readNext() != null) {
                    rows++;
                }
                rows--;
            } catch (com.opencsv.exceptions.CsvValidationException e) {
                throw new IOException(f + ": " + e.getMessage(), e);
            }
        }
        return rows;
    }

    /**
     * Settings of an installation folder of the test's own, {@code dir}: the repository's jobs copied, the PDFs' fonts
     * linked, the bundled input as its input, an H2 database, status folder and layout memory in {@code dir}; so that
     * what a run keeps in the installation's work/ (an input workbook imported into work/imported) is not the
     * repository's, which the other test JVM shares. A map the test may add settings to.
     */
    public static java.util.Map<String, String> ownHome(Path dir) throws IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.createDirectories(home.resolve("jobs"));
        try (Stream<Path> jobs = Files.list(Golden.home().resolve("jobs"))) {
            for (Path job : jobs.toList()) {
                Files.copy(job, home.resolve("jobs").resolve(job.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        linkFonts(Files.createDirectories(home.resolve("work/fonts")));
        java.util.Map<String, String> settings = new java.util.HashMap<>(CliRun.h2(dir.resolve("db")));
        settings.put("pb.home", home.toString());
        settings.put("pb.input", Golden.input().toString());
        return settings;
    }

    /** The installation's PDF fonts (work/fonts) in {@code dir}, linked where the file system allows, else copied. */
    public static void linkFonts(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(Golden.home().resolve("work/fonts"))) {
            for (Path f : files.toList()) {
                Path to = dir.resolve(f.getFileName());
                if (Files.exists(to)) {
                    continue; // linked before: the same installation folder asked for again
                }
                try {
                    Files.createLink(to, f);
                } catch (IOException | UnsupportedOperationException e) {
                    Files.copy(f, to);
                }
            }
        }
    }

    public static Path copyOfBundledInput(Path target) throws IOException {
        return copyTree(Golden.input(), target);
    }

    /**
     * A copy of the bundled input whose 2022-23 estimates file has its header only: Table 2's XB and RBSA then sum the
     * (synthetic) expenditure lines, as README allows.
     */
    public static Path withoutEstimates(Path target) throws IOException {
        copyOfBundledInput(target);
        Path estimates = target.resolve("2022-23/extrabudgetary_estimates.csv");
        Files.writeString(estimates, Files.readAllLines(estimates).get(0) + "\n");
        return target;
    }

    /**
     * A copy of the bundled input with a made-up 2024-25 beside 2022-23 (src/test/resources/biennia: its own Parts,
     * lines, groups, units and strategic framework in 2024-25/reference/, one text of its own, other budget rates, no
     * printed document, and expenditure lines of 2024-25 that use its units).
     */
    public static Path withMadeUp2024(Path target) throws IOException {
        copyOfBundledInput(target);
        copyTree(resource("biennia/2024-25"), target.resolve("2024-25"));
        Files.copy(resource("biennia/expenditure/made-up-2024-25.csv"), target.resolve("expenditure/made-up-2024-25.csv"));
        return target;
    }

    /**
     * A copy of the bundled input with biennia from 2024-25 up to the one starting in {@code lastYear}, each prepared as
     * README's "A new biennium" says, from a copy of 2022-23's folder: no printed document (its publication.csv names
     * none, its printed_differences.csv is its header alone, the print's own wordings in its reference/texts.csv are
     * its plain ones; its free texts as copied, so that check warns of those still naming 2022-23: OtherBienniumTextsTest).
     * Their expenditure lines (xb-later.csv, not synthetic) are the synthetic sample's moved on eight
     * years (sixteen, ... for later ones), a tenth more each biennium, so Figure 2 of the last shows 2016-17 to it.
     */
    public static Path withBienniaUpTo(Path target, int lastYear) throws IOException {
        copyOfBundledInput(target);
        for (int y = 2024; y <= lastYear; y += 2) {
            Path b = target.resolve(new org.pbannex.reference.Biennium(y).code());
            copyTree(target.resolve("2022-23"), b);
            Files.writeString(b.resolve("publication.csv"),
                    "publication_date,document_symbol,document_title_zh,document_title_en\n" + (y - 1) + "-02-01,,,\n");
            edit(b.resolve("printed_differences.csv"), s -> s.substring(0, s.indexOf('\n') + 1));
            edit(b.resolve("reference/texts.csv"), s -> s.replaceAll("(?m)^([^,\n]*)\\.printed,", "$1,"));
            yearsMovedOn(b, new org.pbannex.reference.Biennium(y));
        }
        List<String> lines = new java.util.ArrayList<>();
        // The sample's lines without its synthetic mark and header: the moved lines stand for real ones.
        List<String> sample = Files.readAllLines(target.resolve("expenditure/synthetic-2016-2023.csv")).stream()
                .filter(l -> !l.startsWith("#")).toList();
        // Moved on eight years, sixteen, ...: each move's ids start with a letter of their own (M, N, O, ...).
        for (int move = 1; 2016 + 8 * move <= lastYear; move++) {
            for (String l : sample.subList(1, sample.size())) {
                String[] f = l.split(",", -1);
                int year = Integer.parseInt(f[1].substring(0, 4)) + 8 * move;
                if (year <= lastYear + 1) {
                    double scale = 1 + 0.1 * ((year - 2024) / 2 + 1);
                    f[0] = (char) ('M' + move - 1) + f[0].substring(1);
                    f[1] = year + f[1].substring(4);
                    f[9] = String.format(java.util.Locale.ROOT, "%.2f", Double.parseDouble(f[9]) * scale);
                    lines.add(String.join(",", f));
                }
            }
        }
        Files.writeString(target.resolve("expenditure/xb-later.csv"),
                org.pbannex.expenditure.LineFormat.HEADER + "\n" + String.join("\n", lines) + "\n");
        return target;
    }

    /**
     * A folder copied from 2022-23's given the years of its own biennium, as check requires: its estimates only of the
     * biennium and the one before (2022-23's others dropped), its supplementary authorizations' periods, its dates of
     * actual expenditure and its baselines' years moved on as many years as the biennium is after 2022-23 (the same
     * amounts and values).
     */
    public static void yearsMovedOn(Path folder, org.pbannex.reference.Biennium b) throws IOException {
        estimatesMovedOn(folder, b);
        int years = b.firstYear() - 2022;
        edit(folder.resolve("supplementary_authorizations.csv"), s -> java.util.regex.Pattern.compile("(?m)^(\\d{4})-(\\d{4}),")
                .matcher(s).replaceAll(m -> (Integer.parseInt(m.group(1)) + years) + "-" + (Integer.parseInt(m.group(2)) + years) + ","));
        actualsAsOfMovedOn(folder, b);
        baselinesMovedOn(folder, b);
    }

    /** The estimates of the biennium and the one before only. */
    public static void estimatesMovedOn(Path folder, org.pbannex.reference.Biennium b) throws IOException {
        Set<String> shown = Set.of(b.code(), b.previous().code());
        edit(folder.resolve("extrabudgetary_estimates.csv"), s -> s.lines()
                .filter(l -> l.startsWith("biennium,") || shown.contains(l.substring(0, l.indexOf(','))))
                .collect(java.util.stream.Collectors.joining("\n", "", "\n")));
    }

    /** The dates of actual expenditure, each with its biennium, as many years on as the biennium is after 2022-23. */
    public static void actualsAsOfMovedOn(Path folder, org.pbannex.reference.Biennium b) throws IOException {
        int years = b.firstYear() - 2022;
        edit(folder.resolve("expenditure_as_of.csv"), s -> java.util.regex.Pattern.compile("(?m)^(\\d{4})-(\\d{2}),(\\d{4})-")
                .matcher(s).replaceAll(m -> new org.pbannex.reference.Biennium(Integer.parseInt(m.group(1)) + years).code() + ","
                        + (Integer.parseInt(m.group(3)) + years) + "-"));
    }

    /** Each baseline's year or period, and those years where its texts print them, as many years on. */
    public static void baselinesMovedOn(Path folder, org.pbannex.reference.Biennium b) throws IOException {
        int years = b.firstYear() - 2022;
        Path file = folder.resolve("results_baselines.csv");
        List<List<String>> rows = new java.util.ArrayList<>();
        List<String> header;
        try (var csv = new com.opencsv.CSVReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            header = List.of(csv.readNext());
            int year = header.indexOf("year");
            for (String[] row = csv.readNext(); row != null; row = csv.readNext()) {
                List<String> cells = new java.util.ArrayList<>(List.of(row));
                if (!row[year].isEmpty()) {
                    // Its years at once, so that none moved on is taken for another (2020-2022 by 2).
                    java.util.regex.Pattern its = java.util.regex.Pattern.compile("(?<!\\d)(" + row[year].replace('-', '|') + ")(?!\\d)");
                    cells.replaceAll(c -> its.matcher(c).replaceAll(m -> Integer.toString(Integer.parseInt(m.group(1)) + years)));
                }
                rows.add(cells);
            }
        } catch (com.opencsv.exceptions.CsvValidationException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        Files.writeString(file, org.pbannex.ingest.CsvResourceWriter.text(header, rows), StandardCharsets.UTF_8);
    }

    /** A file or folder of the test resources. */
    public static Path resource(String name) {
        try {
            return Path.of(TestInputs.class.getClassLoader().getResource(name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies a folder's tree into target (made if missing), replacing files already there. */
    public static Path copyTree(Path source, Path target) throws IOException {
        return org.pbannex.publish.RunFolder.copyTree(source, target, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Rewrites the text of one file. */
    public static void edit(Path file, UnaryOperator<String> change) throws IOException {
        Files.writeString(file, change.apply(Files.readString(file, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    /**
     * One dollar moved between objects (cost_by_object.csv): A2-2 still adds up, but its staff costs no longer equal annex
     * 1's, so two checks of a2-2 fail (rows STAFF and total).
     */
    public static void moveOneDollarBetweenObjects(Path input) throws IOException {
        edit(input.resolve("2022-23/cost_by_object.csv"), s -> s.replace("STAFF,547017651,", "STAFF,547017652,")
                .replace("TRAVEL,12394975,", "TRAVEL,12394974,"));
    }

    /** Replaces line {@code n} (1-based) of a file. */
    public static void replaceLine(Path file, int n, String line) throws IOException {
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        lines.set(n - 1, line);
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    public static String lineUnchecked(Path file, int n) {
        try {
            return line(file, n);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static String line(Path file, int n) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).get(n - 1);
    }
}
