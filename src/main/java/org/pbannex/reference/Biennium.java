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

    /**
     * The data folders of the input folder: the biennia (named like 2022-23), oldest first, and the folders named like a
     * biennium but not as one (2024-2025, 2023-24), each refused by its own line.
     */
    public record Folders(java.util.List<Biennium> biennia, java.util.List<org.pbannex.ingest.InputError> misnamed) {
    }

    /**
     * The biennia that have a data folder (named like 2022-23) in the input folder, oldest first. A folder named like a
     * year that is no biennium code is refused rather than passed over: its data would silently not be run.
     */
    public static java.util.List<Biennium> foldersIn(java.nio.file.Path inputDir) {
        Folders f = scan(inputDir);
        if (!f.misnamed().isEmpty()) {
            throw f.misnamed().get(0);
        }
        return f.biennia();
    }

    /** The input folder's data folders and misnamed ones, neither refused: for a command that reads one named biennium. */
    public static Folders scan(java.nio.file.Path inputDir) {
        java.util.List<String> names;
        try (java.util.stream.Stream<java.nio.file.Path> s = java.nio.file.Files.list(inputDir)) {
            names = s.filter(java.nio.file.Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (java.io.IOException e) {
            throw new org.pbannex.ingest.InputError(inputDir.toString(), 0, "", "cannot list the input folder: " + e.getMessage());
        }
        java.util.List<Biennium> biennia = new java.util.ArrayList<>();
        java.util.List<org.pbannex.ingest.InputError> misnamed = new java.util.ArrayList<>();
        for (String name : names) {
            Biennium b = parse(name);
            if (b != null) {
                biennia.add(b);
            } else if (name.strip().matches("\\d{4}.*")) {
                misnamed.add(misnamed(inputDir, name));
            }
        }
        biennia.sort(java.util.Comparator.comparingInt(Biennium::firstYear));
        return new Folders(java.util.List.copyOf(biennia), java.util.List.copyOf(misnamed));
    }

    /**
     * A folder named like a year that is no biennium code, with the name to give it where there is one; a space before
     * or after the name (easy to leave in a file manager, unseen in a listing) is said to be the trouble.
     */
    private static org.pbannex.ingest.InputError misnamed(java.nio.file.Path inputDir, String name) {
        String bare = name.strip();
        Matcher m = LONG_FORM.matcher(bare);
        int first = Integer.parseInt(bare.substring(0, 4));
        Biennium meant = parse(bare);
        if (meant == null && m.matches() && first % 2 == 0 && Integer.parseInt(m.group(2)) == first + 1) {
            meant = new Biennium(first);
        }
        // Each a sentence of the texts (report.cause.reason.misnamed_folder*): a failed run's report and notice say it in
        // their language, stderr in English.
        String hint = meant == null ? "misnamed_folder.form" : bare.equals(name) ? "misnamed_folder.name_it"
                : name.startsWith(bare) ? "misnamed_folder.ends_with_space" : name.endsWith(bare) ? "misnamed_folder.starts_with_space"
                : "misnamed_folder.starts_and_ends_with_space";
        return new org.pbannex.ingest.InputError(org.pbannex.ingest.InputFolder.shownName(inputDir, name), 0, "",
                org.pbannex.ingest.Said.of("misnamed_folder", "hint",
                        org.pbannex.ingest.Said.of(hint, "code", meant == null ? null : meant.code())));
    }

    /** A biennium written either way, its years not part of a longer number: 2022-2023 or 2022-23. */
    private static final Pattern WRITTEN = Pattern.compile("(?<![0-9])(\\d{4})-(\\d{4}|\\d{2})(?![0-9])");

    /**
     * The biennia a text names, as the texts write one ({cur} and {prev}: 2022-2023; {cur_code}: 2022-23), in order: a
     * pair of years that is no biennium (2021-2025, 2023-24) is no biennium named.
     */
    public static java.util.List<Biennium> namedIn(String text) {
        java.util.List<Biennium> out = new java.util.ArrayList<>();
        Matcher m = WRITTEN.matcher(text);
        while (m.find()) {
            int first = Integer.parseInt(m.group(1));
            int second = Integer.parseInt(m.group(2));
            boolean next = m.group(2).length() == 4 ? second == first + 1 : second == (first + 1) % 100;
            if (first % 2 == 0 && next) {
                out.add(new Biennium(first));
            }
        }
        return out;
    }

    /** The biennium's first day. */
    public java.time.LocalDate start() {
        return java.time.LocalDate.of(firstYear, 1, 1);
    }

    /** The biennium's last day. */
    public java.time.LocalDate end() {
        return java.time.LocalDate.of(firstYear + 1, 12, 31);
    }

    public String code() {
        int second = (firstYear + 1) % 100; // two digits, without String.format: every text's {cur_code} asks for it
        return firstYear + (second < 10 ? "-0" : "-") + second;
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
