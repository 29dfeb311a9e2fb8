package org.pbannex.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.pbannex.ingest.Said;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.boot.env.PropertySourceLoader;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A settings file Spring Boot cannot read (YAML indented with a tab or out of line, a .properties value with a bad
 * {@code \\u} escape), in one line naming the file, line, column and reason; exit status 5, as a setting of the wrong
 * kind. Spring Boot's loaders say it in several lines without the file (SnakeYAML's "in 'reader', line 2, column 1"),
 * or with no place at all ("Malformed \\uxxxx encoding.").
 */
public final class UnreadableSettingsFile extends RuntimeException implements org.pbannex.runtime.Worded {

    /** The line in the texts' words (report.cause.settings_file and its reasons), for the job's status in its language. */
    private final transient Said said;

    private UnreadableSettingsFile(Said said, Throwable cause) {
        super(said.english(), cause);
        this.said = said;
    }

    /** "the settings file F cannot be read: line L, column C: REASON", stderr's line in the English of the texts. */
    private static UnreadableSettingsFile inFile(Path file, int line, int column, Said reason, Throwable cause) {
        return new UnreadableSettingsFile(Said.cause("settings_file", "file", file.toString(), "line", String.valueOf(line),
                "column", String.valueOf(column), "reason", reason), cause);
    }

    @Override
    public org.pbannex.ingest.Said said() {
        return said;
    }

    /**
     * The settings file that failed as Spring Boot's reading of them did (the first of them that its own loader fails
     * on with the same words), or the failure as it was when none does. Only after a failure: a command that reads its
     * settings well pays nothing for it.
     */
    static RuntimeException explain(RuntimeException failure, ConfigurableEnvironment env, Path home) {
        String words = root(failure).getMessage();
        for (Path file : candidates(env, home)) {
            String name = file.getFileName().toString();
            boolean yaml = name.endsWith(".yml") || name.endsWith(".yaml");
            PropertySourceLoader loader = yaml ? new YamlPropertySourceLoader() : new PropertiesPropertySourceLoader();
            try {
                loader.load(name, new FileSystemResource(file));
            } catch (IOException | RuntimeException e) {
                if (!Objects.equals(words, root(e).getMessage())) {
                    continue;
                }
                if (yaml && find(e, MarkedYAMLException.class) instanceof MarkedYAMLException y && y.getProblemMark() != null) {
                    return inFile(file, y.getProblemMark().getLine() + 1, y.getProblemMark().getColumn() + 1,
                            yamlReason(y.getProblem()), failure);
                }
                if (!yaml) {
                    int[] at = badEscape(file);
                    if (at != null) {
                        // Values, not the texts' words: BuiltTexts reads a backslash in texts.csv as an escape.
                        return inFile(file, at[0], at[1], Said.cause("settings_file.escape", "escape", "\\u", "example",
                                "\\u00e9"), failure);
                    }
                }
            }
        }
        return failure;
    }

    private static Said yamlReason(String problem) {
        if (problem.contains("\\t(TAB)")) {
            return Said.cause("settings_file.tab");
        }
        if (problem.startsWith("expected <block end>")) {
            return Said.cause("settings_file.indentation", "problem", problem);
        }
        return Said.cause("settings_file.not_yaml", "problem", problem);
    }

    /**
     * Line and column (from 1) of the first bad {@code \\u} escape: the line is the first that Spring Boot's own
     * loader fails on when the file is read up to it (so a comment's {@code \\u} or an escaped backslash is as it
     * reads them), the column that of its escape.
     */
    private static int[] badEscape(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return null;
        }
        for (int n = 1; n <= lines.size(); n++) {
            byte[] upTo = String.join("\n", lines.subList(0, n)).getBytes(StandardCharsets.ISO_8859_1);
            try {
                new PropertiesPropertySourceLoader().load("upTo", new ByteArrayResource(upTo));
            } catch (IOException | RuntimeException e) {
                // The column as the line's characters count it (the loader reads bytes as ISO-8859-1; an editor, UTF-8)
                String line = new String(lines.get(n - 1).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
                for (int i = 0; i + 1 < line.length(); i++) {
                    if (line.charAt(i) == '\\' && line.charAt(i + 1) == 'u'
                            && !line.substring(i + 2, Math.min(line.length(), i + 6)).matches("[0-9a-fA-F]{4}")) {
                        return new int[] {n, i + 1};
                    } else if (line.charAt(i) == '\\') {
                        i++; // the escaped character
                    }
                }
                return new int[] {n, 1};
            }
        }
        return null;
    }

    /**
     * The files Spring Boot may have read: those of the settings' name (application, application-PROFILE) in the
     * installation folder, its config/ and config/&#42;/, and in the folders and files an operator's
     * spring.config.location, additional-location or import names.
     */
    private static List<Path> candidates(ConfigurableEnvironment env, Path home) {
        List<Path> folders = new ArrayList<>(List.of(home, home.resolve("config")));
        try (Stream<Path> sub = Files.list(home.resolve("config"))) {
            sub.filter(Files::isDirectory).sorted().forEach(folders::add);
        } catch (IOException e) {
            // no config/
        }
        List<Path> files = new ArrayList<>();
        for (String property : List.of("spring.config.location", "spring.config.additional-location", "spring.config.import")) {
            String value = env.getProperty(property);
            if (value == null || value.equals(Settings.locations(home))) {
                continue;
            }
            for (String location : value.split("[,;]")) {
                String l = location.strip().replaceFirst("^optional:", "").replaceFirst("^file:", "");
                if (!l.isEmpty() && !l.matches("^[a-z]+:.*")) {
                    Path p = Path.of(l).toAbsolutePath().normalize();
                    (Files.isDirectory(p) ? folders : files).add(p);
                }
            }
        }
        List<String> names = List.of(env.getProperty("spring.config.name", "application").split(","));
        for (Path folder : folders) {
            try (Stream<Path> in = Files.list(folder)) {
                in.filter(Files::isRegularFile).filter(f -> names.stream().anyMatch(n -> f.getFileName().toString()
                        .matches(java.util.regex.Pattern.quote(n.strip()) + "(-[^/]+)?\\.(properties|ya?ml)"))).sorted().forEach(files::add);
            } catch (IOException e) {
                // a folder that is not there
            }
        }
        return files.stream().filter(f -> f.getFileName().toString().matches(".*\\.(properties|ya?ml)")).toList();
    }

    private static Throwable root(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static Throwable find(Throwable t, Class<?> type) {
        for (; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }
}
