package org.pbannex.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** A job a budget officer edits: {@code jobs/<name>.yml} with tables, languages, formats and a schedule. */
public record JobDefinition(String name, String description, List<String> tables, List<String> languages,
                            List<String> formats, String schedule) {

    /** Thrown for a missing or malformed job file (a usage error). */
    public static class Invalid extends RuntimeException {
        public Invalid(String message) {
            super(message);
        }
    }

    public static JobDefinition load(Path jobsDir, String name) {
        Path file = jobsDir.resolve(name + ".yml");
        if (!name.matches("[A-Za-z0-9_-]+") || !Files.isRegularFile(file)) {
            throw new Invalid("unknown job '" + name + "': the jobs are " + String.join(", ", names(jobsDir)) + " (files in " + jobsDir + ")");
        }
        Map<String, Object> y;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            y = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
        } catch (IOException | RuntimeException e) {
            throw new Invalid(file + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (y == null) {
            throw new Invalid(file + ": empty job definition");
        }
        return new JobDefinition(name, String.valueOf(y.getOrDefault("description", "")), list(y.get("tables"), file),
                list(y.getOrDefault("languages", List.of("zh")), file), list(y.getOrDefault("formats", List.of("xlsx", "pdf", "csv")), file),
                y.get("schedule") == null ? null : String.valueOf(y.get("schedule")));
    }

    /** "all" (or nothing) means every table: an empty list. */
    private static List<String> list(Object v, Path file) {
        if (v == null || "all".equals(v)) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        if (v instanceof String s) {
            return List.of(s.split("\\s*,\\s*"));
        }
        throw new Invalid(file + ": expected a list or 'all', found " + v);
    }

    public static List<String> names(Path jobsDir) {
        try (Stream<Path> s = Files.list(jobsDir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yml")).map(n -> n.substring(0, n.length() - 4))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
