package org.pbannex.reference;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A biennium: two calendar years starting in an even year, written 2022-23 (long form 2022-2023). */
public record Biennium(int firstYear) {

    private static final Pattern CODE = Pattern.compile("(\\d{4})-(\\d{2})");
    /** A biennium written with both years whole (2024-2025), as folder names sometimes are. */
    private static final Pattern LONG_FORM = Pattern.compile("(\\d{4})-(\\d{4})");

    public Biennium {
        if (firstYear % 2 != 0) {
            throw new IllegalArgumentException("a biennium starts in an even year, not " + firstYear);
        }
    }

    /** Parses {@code 2022-23}; returns null when the text is not a biennium code. */
    public static Biennium parse(String code) {
        Matcher m = CODE.matcher(code);
        if (!m.matches()) {
            return null;
        }
        int first = Integer.parseInt(m.group(1));
        if (first % 2 != 0 || (first + 1) % 100 != Integer.parseInt(m.group(2))) {
            return null;
        }
        return new Biennium(first);
    }

    /** The biennia that have a data folder (named like 2022-23) in the input folder, oldest first. */
    public static java.util.List<Biennium> foldersIn(java.nio.file.Path inputDir) {
        try (java.util.stream.Stream<java.nio.file.Path> s = java.nio.file.Files.list(inputDir)) {
            return s.filter(java.nio.file.Files::isDirectory).map(p -> folder(inputDir, p.getFileName().toString()))
                    .filter(java.util.Objects::nonNull).sorted(java.util.Comparator.comparingInt(Biennium::firstYear)).toList();
        } catch (java.io.IOException e) {
            throw new org.pbannex.ingest.InputError(inputDir.toString(), 0, "", "cannot list the input folder: " + e.getMessage());
        }
    }

    /**
     * The biennium a folder of the input holds, or null for a folder of another kind (reference, expenditure). A
     * folder named like a year that is no biennium code (2024-2025, 2023-24) is refused rather than passed over: its
     * data would silently not be run.
     */
    private static Biennium folder(java.nio.file.Path inputDir, String name) {
        Biennium b = parse(name);
        if (b == null && name.matches("\\d{4}.*")) {
            Matcher m = LONG_FORM.matcher(name);
            int first = Integer.parseInt(name.substring(0, 4));
            String hint = m.matches() && first % 2 == 0 && Integer.parseInt(m.group(2)) == first + 1
                    ? "name it " + new Biennium(first).code()
                    : "a biennium's folder is named like 2022-23, two calendar years, the first even";
            throw new org.pbannex.ingest.InputError(org.pbannex.ingest.InputFolder.shownName(inputDir, name), 0, "",
                    "a folder named like a biennium but not as one, so its data would not be read: " + hint);
        }
        return b;
    }

    public String code() {
        return firstYear + "-" + String.format("%02d", (firstYear + 1) % 100);
    }

    public String longForm() {
        return firstYear + "-" + (firstYear + 1);
    }

    public Biennium previous() {
        return new Biennium(firstYear - 2);
    }

    @Override
    public String toString() {
        return code();
    }
}
