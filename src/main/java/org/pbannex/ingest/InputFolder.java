package org.pbannex.ingest;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.function.BiConsumer;

/** Which files of the input folder are input: what a run's checksum covers. */
public final class InputFolder {

    /** The reviewer list, at the top of the input folder: who gets a run, not what it publishes. */
    public static final String REVIEWERS = "reviewers.csv";
    /** The reviewer list's Table Schema, beside it. */
    public static final String REVIEWERS_DESCRIPTOR = "reviewers.datapackage.json";

    private static final Set<String> NOT_INPUT = Set.of(REVIEWERS, REVIEWERS_DESCRIPTOR);

    private InputFolder() {
    }

    /**
     * A file under the input folder as messages name it, so that it opens from where the command was run: relative to
     * the working folder when the input folder is inside it ({@code input/2022-23/budget.csv} in the installation
     * folder), else absolute ({@code /data/input/2022-23/budget.csv}); {@code ""} gives the folder's prefix. (A warm
     * process serves only commands run from its own working folder.)
     */
    public static String shownName(Path inputDir, String rel) {
        String dir = shown(inputDir);
        return dir.equals(".") ? rel : dir + "/" + rel;
    }

    /**
     * Any file (or folder) as messages name it, by the same rule as {@link #shownName}: relative to the working folder
     * when inside it, else absolute; the working folder itself is {@code .}.
     */
    public static String shown(Path file) {
        Path f = file.toAbsolutePath().normalize();
        Path here = Path.of("").toAbsolutePath().normalize();
        if (f.equals(here)) {
            return ".";
        }
        return (f.startsWith(here) ? here.relativize(f) : f).toString();
    }

    /**
     * A file as messages name it ({@link #shown}); a symbolic link by the file it links to, which is the file to open: an
     * expenditure file of a folder made from an input workbook is a link to the installation's.
     */
    public static String shownFile(Path file) {
        if (Files.isSymbolicLink(file)) {
            try {
                return shown(file.toRealPath());
            } catch (java.io.IOException e) {
                // a broken link: named as it is, reading it will say what failed
            }
        }
        return shown(file);
    }

    /**
     * A file as a message named it ({@link #shown}: from where the command ran), named instead for a file that is read
     * later from anywhere (a failed run's report, its notice): relative to the installation folder when inside it
     * ({@code input/2022-23/budget.csv}), else by its absolute path; a workbook's sheet ({@code inputs.xlsx, sheet
     * budget}) as the user typed the workbook, and a folder keeps its trailing {@code /}.
     */
    public static java.util.function.UnaryOperator<String> fromInstallation(Path home) {
        Path installation = home.toAbsolutePath().normalize();
        return name -> {
            if (name == null || name.isBlank() || !SourceName.lineWord(name).equals("line")) {
                return name;
            }
            Path f = Path.of(name).toAbsolutePath().normalize();
            String named = (f.startsWith(installation) && !f.equals(installation) ? installation.relativize(f) : f).toString();
            return name.endsWith("/") && !named.endsWith("/") ? named + "/" : named;
        };
    }

    /**
     * A file under the input folder as published outputs name it (the run's list of input files, expenditure lines and
     * their rejects): the folder's own name, then the path under it ({@code input/2022-23/budget.csv}), whatever
     * folder the command ran from, so the same input publishes the same bytes; {@code ""} gives the folder's prefix.
     */
    public static String publishedName(Path inputDir, String rel) {
        return (inputDir.getFileName() == null ? "" : inputDir.getFileName() + "/") + rel;
    }

    /**
     * Whether a file under the input folder is input. Not the reviewer list (adding a reviewer must not make the nightly
     * run publish again), nor anything under a name starting with {@code .} or {@code ~$}, which editors, office
     * programs and version control leave beside the files they open ({@code .~lock.budget.csv#},
     * {@code ~$inputs.xlsx}, {@code .git}): a budget officer with a file open in LibreOffice must not turn the same
     * inputs into new ones.
     */
    public static boolean isInput(Path inputDir, Path file) {
        Path rel = inputDir.relativize(file);
        if (rel.getNameCount() == 1 && NOT_INPUT.contains(rel.toString())) {
            return false;
        }
        for (Path name : rel) {
            if (isLeftBeside(name.toString())) {
                return false;
            }
        }
        return true;
    }

    /** A name that editors, office programs and version control give what they leave beside a file: never input. */
    public static boolean isLeftBeside(String name) {
        return name.startsWith(".") || name.startsWith("~$");
    }

    /**
     * Gives {@code each} every input file ({@link #isInput}) under {@code dir}, the input folder or a folder in it, with
     * its attributes. Folders that are not input (.git) are not entered; a link counts as its target, a link to a folder
     * (the input folder itself, given as a link: its files were none, so an edit was "nothing to do") as that folder.
     */
    public static void walk(Path inputDir, Path dir, BiConsumer<Path, BasicFileAttributes> each) throws IOException {
        Files.walkFileTree(dir, java.util.EnumSet.of(java.nio.file.FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof java.nio.file.FileSystemLoopException) {
                    return FileVisitResult.CONTINUE; // a link back up the tree: its files are counted where they are
                }
                throw e;
            }

            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                return isInput(inputDir, d) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (Files.isRegularFile(file) && isInput(inputDir, file)) {
                    each.accept(file, attrs.isSymbolicLink() ? Files.readAttributes(file, BasicFileAttributes.class) : attrs);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * The name among {@code names} that differs from {@code name} in case alone (budget.CSV for budget.csv, regions.csv
     * for Regions.csv), the first in order; else null. A file so named is not read where the other name is looked for.
     */
    public static String sameNameInOtherCase(String name, java.util.stream.Stream<String> names) {
        return names.filter(n -> !n.equals(name) && n.equalsIgnoreCase(name)).sorted().findFirst().orElse(null);
    }
}
