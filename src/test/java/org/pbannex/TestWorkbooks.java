package org.pbannex;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.junit.jupiter.api.Assumptions;

/** Workbooks made the way other programs make them: one part's XML edited, or a file saved by LibreOffice. */
public final class TestWorkbooks {

    private TestWorkbooks() {
    }

    /** The zip entry holding a sheet, e.g. xl/worksheets/sheet3.xml. */
    public static String sheetPart(Path workbook, String sheet) {
        try (OPCPackage pkg = OPCPackage.open(workbook.toFile(), PackageAccess.READ)) {
            XSSFReader.SheetIterator it = new XSSFReader(pkg).getSheetIterator();
            while (it.hasNext()) {
                it.next().close();
                if (it.getSheetName().equals(sheet)) {
                    return it.getSheetPart().getPartName().getName().substring(1);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("no sheet " + sheet + " in " + workbook);
    }

    /** A copy of {@code from} at {@code to} as POI saves it after {@code change}, as a person edits it in a spreadsheet. */
    public static Path edited(Path from, Path to, java.util.function.Consumer<org.apache.poi.xssf.usermodel.XSSFWorkbook> change)
            throws IOException {
        try (var in = Files.newInputStream(from); var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            change.accept(wb);
            try (var os = Files.newOutputStream(to)) {
                wb.write(os);
            }
        }
        return to;
    }

    /** An Excel 97-2003 workbook (.xls, whatever the file's name) with one empty sheet, as an old Excel saves one. */
    public static Path xls(Path file, String sheet) throws IOException {
        try (var hssf = new org.apache.poi.hssf.usermodel.HSSFWorkbook(); var os = Files.newOutputStream(file)) {
            hssf.createSheet(sheet);
            hssf.write(os);
        }
        return file;
    }

    /** An OLE2 compound file with these entries (each a small stream), as Office 97-2003 programs write them. */
    public static Path ole2(Path file, String... entries) throws IOException {
        try (var fs = new org.apache.poi.poifs.filesystem.POIFSFileSystem()) {
            for (String e : entries) {
                fs.createDocument(new java.io.ByteArrayInputStream(new byte[4096]), e);
            }
            try (var os = Files.newOutputStream(file)) {
                fs.writeFilesystem(os);
            }
        }
        return file;
    }

    /** A copy of {@code from} at {@code to} with the text of one zip entry changed (the change must change it). */
    public static Path rewritePart(Path from, Path to, String part, UnaryOperator<String> change) throws IOException {
        boolean found = false;
        try (ZipInputStream zin = new ZipInputStream(Files.newInputStream(from));
             ZipOutputStream zout = new ZipOutputStream(Files.newOutputStream(to))) {
            ZipEntry e;
            while ((e = zin.getNextEntry()) != null) {
                byte[] body = zin.readAllBytes();
                if (e.getName().equals(part)) {
                    String before = new String(body, StandardCharsets.UTF_8);
                    String after = change.apply(before);
                    assertTrue(!before.equals(after), "the edit changes " + part);
                    body = after.getBytes(StandardCharsets.UTF_8);
                    found = true;
                }
                zout.putNextEntry(new ZipEntry(e.getName()));
                zout.write(body);
                zout.closeEntry();
            }
        }
        assertTrue(found, part);
        return to;
    }

    /**
     * Runs a program and returns its output (stdout and stderr); skips the test when the program is not installed,
     * except in CI (CI=true), where that fails.
     */
    public static String program(Path workDir, String... command) throws IOException, InterruptedException {
        return program(workDir, java.util.Map.of(), command);
    }

    /** The same, with these variables added to the program's environment. */
    static String program(Path workDir, java.util.Map<String, String> env, String... command) throws IOException, InterruptedException {
        boolean installed = Path.of(command[0]).isAbsolute() ? Files.isExecutable(Path.of(command[0]))
                : Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, command[0])));
        if (!installed) {
            String why = command[0] + " is not installed (Debian: libreoffice-calc-nogui, poppler-utils; .ci/run installs them)";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(why);
            }
            Assumptions.abort(why);
        }
        // Its output to a file, not a pipe read to its end: a program that hangs (or a child of it holding the pipe)
        // would block that read for ever, where the wait below gives up after 300 s, ending them.
        Path log = Files.createTempFile("program-", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(env);
            Process p = builder.start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in 300 s: " + Files.readString(log));
            }
            String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
            assertTrue(p.exitValue() == 0, String.join(" ", command) + " exited " + p.exitValue() + ": " + text);
            return text;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /**
     * A python3 that has openpyxl (Debian's python3-openpyxl; .ci/run installs it): the one on the PATH (pyenv's, say)
     * may lack it where Debian's has it. Skips the test where none has.
     */
    public static String openpyxl() throws InterruptedException {
        for (String candidate : List.of("python3", "/usr/bin/python3")) {
            try {
                Process probe = new ProcessBuilder(candidate, "-c", "import openpyxl").redirectErrorStream(true).start();
                probe.getInputStream().readAllBytes();
                if (probe.waitFor() == 0) {
                    return candidate;
                }
            } catch (IOException notThere) {
                // the next one
            }
        }
        Assumptions.abort("python3 with openpyxl is not installed");
        return null;
    }

    /**
     * The workbook's first sheet's name and its named styles, as openpyxl reads them with every warning an error
     * ("Workbook contains no default style" where the styles part has no Normal style); skips where openpyxl is missing.
     */
    public static String openpyxlNamedStyles(Path workDir, Path workbook) throws IOException, InterruptedException {
        return program(workDir, openpyxl(), "-W", "error", "-c",
                "import sys, openpyxl; wb = openpyxl.load_workbook(sys.argv[1]); "
                        + "print(wb.sheetnames[0], [s.name for s in wb._named_styles])",
                workbook.toString());
    }

    /**
     * Runs a LibreOffice script of src/test/resources/libreoffice/ (through its UNO API, as a user's actions in its
     * window) with the python3 that Debian's python3-uno is built for; skips the test where that is missing, except in
     * CI (CI=true), where that fails.
     */
    public static String libreOfficeScript(Path workDir, String script, String... args) throws IOException, InterruptedException {
        String python = "/usr/bin/python3";
        boolean uno = false;
        if (Files.isExecutable(Path.of(python))) {
            Process probe = new ProcessBuilder(python, "-c", "import uno").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            uno = probe.waitFor() == 0;
        }
        if (!uno) {
            String why = "LibreOffice's Python bridge is not installed (Debian: python3-uno; .ci/run installs it)";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(why);
            }
            Assumptions.abort(why);
        }
        Path source = Golden.home().resolve("src/test/resources/libreoffice").resolve(script);
        List<String> cmd = new ArrayList<>(List.of(python, source.toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        return program(workDir, cmd.toArray(String[]::new));
    }

    /**
     * LibreOffice (headless) with a profile folder of its own, so other instances do not interfere, and the fonts the
     * build fetches (work/fonts: Noto Sans SC) among the system's: a machine with no Chinese font of its own prints the
     * Chinese workbook in it, not in empty boxes of another font's measure, so that what is checked of its print
     * (text a row cuts off) is checked of Chinese text.
     */
    public static String libreOffice(Path workDir, Path profile, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("soffice", "-env:UserInstallation=" + profile.toUri(), "--headless", "--norestore"));
        cmd.addAll(List.of(args));
        Files.createDirectories(profile);
        Path fonts = profile.resolve("fonts.conf");
        Files.writeString(fonts, """
                <?xml version="1.0"?>
                <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
                <fontconfig>
                  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
                  <dir>%s</dir>
                  <cachedir>%s</cachedir>
                </fontconfig>
                """.formatted(Golden.home().resolve("work/fonts").toAbsolutePath(), profile.resolve("font-cache").toAbsolutePath()));
        return program(workDir, java.util.Map.of("FONTCONFIG_FILE", fonts.toString()), cmd.toArray(String[]::new));
    }
}
