package org.pbannex.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every resource of the input folder for one biennium, validated against its schema and foreign keys,
 * with the SHA-256 and row count of each file (recorded in the run manifest).
 */
public final class InputSet {

    /** A file read: its name as shown to users, checksum and row count. */
    public record InputFile(String resource, String path, String sha256, int rows) {
    }

    private final Path inputDir;
    private final String biennium;
    private final Map<String, List<Record>> tables;
    private final Map<String, InputFile> files;

    private InputSet(Path inputDir, String biennium, Map<String, List<Record>> tables, Map<String, InputFile> files) {
        this.inputDir = inputDir;
        this.biennium = biennium;
        this.tables = tables;
        this.files = files;
    }

    public static InputSet load(Path inputDir, String biennium) {
        DataPackage pkg = DataPackage.load(inputDir);
        Map<String, List<Record>> tables = new LinkedHashMap<>();
        Map<String, InputFile> files = new LinkedHashMap<>();
        String prefix = inputDir.getFileName() == null ? "" : inputDir.getFileName() + "/";
        for (Resource r : pkg.resources()) {
            String rel = r.pathFor(biennium);
            Path file = inputDir.resolve(rel);
            List<Record> rows = CsvResourceReader.read(file, prefix + rel, r);
            tables.put(r.name(), rows);
            files.put(r.name(), new InputFile(r.name(), rel, sha256(file), rows.size()));
        }
        for (Resource r : pkg.resources()) {
            checkForeignKeys(r, tables, files, prefix);
        }
        return new InputSet(inputDir, biennium, tables, files);
    }

    private static void checkForeignKeys(Resource r, Map<String, List<Record>> tables, Map<String, InputFile> files, String prefix) {
        for (ForeignKey fk : r.foreignKeys()) {
            List<Record> target = tables.get(fk.resource());
            if (target == null) {
                throw new IllegalStateException("datapackage.json: " + r.name() + " refers to unknown resource " + fk.resource());
            }
            Set<String> known = target.stream().map(x -> x.text(fk.referencedField())).collect(Collectors.toSet());
            for (Record rec : tables.get(r.name())) {
                String v = rec.text(fk.field());
                if (!v.isEmpty() && !known.contains(v)) {
                    throw new InputError(rec.file(), rec.line(), fk.field(), "unknown " + fk.referencedField() + " '" + v
                            + "': not in " + prefix + files.get(fk.resource()).path());
                }
            }
        }
    }

    public List<Record> table(String resource) {
        List<Record> t = tables.get(resource);
        if (t == null) {
            throw new NoSuchElementException("no input resource '" + resource + "'");
        }
        return t;
    }

    public Map<String, InputFile> files() {
        return files;
    }

    public Path inputDir() {
        return inputDir;
    }

    public String biennium() {
        return biennium;
    }

    public static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot checksum " + file + ": " + e.getMessage(), e);
        }
    }
}
