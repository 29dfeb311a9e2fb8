package org.pbannex.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.opencsv.CSVReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.Golden;
import org.pbannex.publication.TableCatalogue;

/**
 * The shared texts.csv is itself the list of the keys the program reads, so a typo in one of its keys cannot be
 * caught by comparing the file with itself: it is compared with the sources. Every key of the file is read by the
 * code (a string in the Java sources, a prefix there and a name that completes it, or a family read by prefix), and
 * every key the code names, and every {@code ${w.*}} of the templates, is in the file. A typo in either fails the build.
 */
class TextKeysInCodeTest {

    private static final Path JAVA = Golden.home().resolve("src/main/java");
    private static final Path TEMPLATES = Golden.home().resolve("src/main/resources/templates");
    private static final Path SHARED = Golden.home().resolve("input/reference/texts.csv");

    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    /** A key as the code names it, or the prefix of keys it completes ("f2.note.", "edition."). */
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9_-]*(?:\\.[a-z0-9_-]+)+\\.?|[a-z0-9][a-z0-9_-]*\\.");
    /** A file's name, which is no key though it has a dot. */
    private static final Pattern FILE = Pattern.compile(".*\\.(?:csv|json|html|xlsx|pdf|yml|yaml|properties|css|txt|bin|sql|xml|lock|zip)");
    /** A text read by a key the code names: t.get("a1.title"), t.has(...), t.get("review.kind." + kind), text(about, ...). */
    private static final Pattern READ = Pattern.compile("(?:\\.(?:get|has|apply)\\(|\\btext\\(about, )\"([^\"]+)\"\\s*[+),]");
    /** The outputs' wording read through Wording (texts edition.*): w.in("source", ...), wording.text("date"), all(lang, ...). */
    private static final Pattern WORDING = Pattern.compile("\\b(?:w|wording)\\.(?:in|text)\\(\"([a-z0-9_.]+)\"");
    private static final Pattern WORDING_ALL = Pattern.compile("\\bwording\\.all\\(\\w+((?:,\\s*\"[a-z0-9_.]+\")+)\\)");
    private static final Pattern TEMPLATE_WORD = Pattern.compile("\\$\\{w\\.([a-z0-9_]+)\\}");

    /** The strings of the Java sources. */
    private static Set<String> literals(Path java) throws IOException {
        Set<String> out = new TreeSet<>();
        for (String source : sources(java, ".java")) {
            Matcher m = STRING.matcher(source);
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    private static List<String> sources(Path dir, String suffix) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(suffix)).sorted().toList()) {
                out.add(Files.readString(f));
            }
        }
        return out;
    }

    /** The keys of a texts file, and as a second set the keys its texts include ({synthetic.not_ilo_data}). */
    private static List<Set<String>> keysAndIncludes(Path texts) throws IOException {
        Set<String> keys = new TreeSet<>();
        Set<String> included = new TreeSet<>();
        Pattern include = Pattern.compile("\\{([A-Za-z0-9_]+(?:\\.[A-Za-z0-9_]+)+)\\}");
        try (Reader r = Files.newBufferedReader(texts); CSVReader csv = new CSVReader(r)) {
            csv.readNext(); // the header
            for (String[] row = csv.readNext(); row != null; row = csv.readNext()) {
                if (row.length > 0 && !row[0].isEmpty()) {
                    keys.add(row[0]);
                    for (int i = 1; i < row.length; i++) {
                        include.matcher(row[i]).results().forEach(m -> included.add(m.group(1)));
                    }
                }
            }
        } catch (com.opencsv.exceptions.CsvValidationException e) {
            throw new IOException(e);
        }
        return List.of(keys, included);
    }

    /** The values the input's columns may take (their enums): a key completed by one (a4.confidence. + low) is read. */
    private static Set<String> enumValues() throws IOException {
        Set<String> out = new TreeSet<>();
        var json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(Golden.input().resolve("datapackage.json").toFile());
        json.findValues("enum").forEach(e -> e.forEach(v -> out.add(v.asString())));
        return out;
    }

    /** The keys of the file that no source reads, nor another text includes. */
    static List<String> unread(List<Set<String>> file, Set<String> literals, Set<String> values) {
        Set<String> keys = file.get(0);
        TextKeys families = new TextKeys(Set.of(), SHARED.toString(), TableCatalogue.ids());
        Set<String> completions = new TreeSet<>(literals);
        completions.addAll(values);
        List<String> out = new ArrayList<>();
        for (String key : keys) {
            String k = key.endsWith(Texts.PRINTED) ? key.substring(0, key.length() - Texts.PRINTED.length()) : key;
            boolean read = literals.contains(k) || families.readByPrefix(k) || file.get(1).contains(k);
            // Named in two parts: a prefix and what completes it ("edition." + "zero", "f2.note." + "partly", id + ".title").
            for (int dot = k.indexOf('.'); !read && dot >= 0; dot = k.indexOf('.', dot + 1)) {
                String head = k.substring(0, dot);
                String tail = k.substring(dot + 1);
                read = literals.contains(head + ".") && completions.contains(tail)
                        || TableCatalogue.ids().contains(head) && (literals.contains("." + tail) || literals.contains(tail));
            }
            if (!read) {
                out.add(key);
            }
        }
        return out;
    }

    /** The keys the sources read by name (and the templates' words) that the file lacks. */
    static List<String> missing(Set<String> keys, Set<String> literals, List<String> java, List<String> templates) {
        Set<String> namespaces = new TreeSet<>();
        keys.forEach(k -> namespaces.add(k.substring(0, k.indexOf('.'))));
        TextKeys families = new TextKeys(keys, SHARED.toString(), TableCatalogue.ids());
        Set<String> out = new java.util.LinkedHashSet<>();
        Set<String> read = new TreeSet<>();
        for (String source : java) {
            READ.matcher(source).results().forEach(m -> read.add(m.group(1)));
        }
        for (String l : read) {
            if (!KEY.matcher(l).matches() || FILE.matcher(l).matches() || !namespaces.contains(l.substring(0, l.indexOf('.')))) {
                continue;
            }
            boolean there = l.endsWith(".") ? keys.stream().anyMatch(k -> k.startsWith(l))
                    : keys.contains(l) || keys.contains(l + Texts.PRINTED) || families.readByPrefix(l)
                    // a prefix completed elsewhere ("a4.confidence" + ".low") or a key's own beginning
                    || keys.stream().anyMatch(k -> k.startsWith(l + "."));
            if (!there) {
                out.add(l);
            }
        }
        Set<String> words = new TreeSet<>();
        for (String source : java) {
            Matcher m = WORDING.matcher(source);
            while (m.find()) {
                words.add(m.group(1));
            }
            Matcher all = WORDING_ALL.matcher(source);
            while (all.find()) {
                Matcher s = STRING.matcher(all.group(1));
                while (s.find()) {
                    words.add(s.group(1));
                }
            }
        }
        for (String w : words) {
            if (!keys.contains("edition." + w) && !keys.contains("edition." + w + Texts.PRINTED)) {
                out.add("edition." + w);
            }
        }
        // A template's ${w.x} is a word its writer puts in (a string in the sources) under a key of the file.
        for (String template : templates) {
            Matcher m = TEMPLATE_WORD.matcher(template);
            while (m.find()) {
                String w = m.group(1);
                if (!literals.contains(w) || keys.stream().noneMatch(k -> k.endsWith("." + w) || k.endsWith("." + w + Texts.PRINTED))) {
                    out.add("${w." + w + "}");
                }
            }
        }
        return List.copyOf(out);
    }

    @Test
    void everyKeyOfTheSharedTextsIsReadAndEveryKeyTheCodeNamesIsThere() throws IOException {
        List<Set<String>> file = keysAndIncludes(SHARED);
        Set<String> keys = file.get(0);
        Set<String> literals = literals(JAVA);
        assertEquals(List.of(), unread(file, literals, enumValues()), "keys of " + SHARED + " that no source reads");
        assertEquals(List.of(), missing(keys, literals, sources(JAVA, ".java"), sources(TEMPLATES, ".html")),
                "keys the sources name that " + SHARED + " lacks");
    }

    /** A typo in a key of the file is caught both ways: its key is read by nothing, and the key read is not there. */
    @Test
    void aTypoInAKeyOfTheFileFailsTheCheck(@TempDir Path tmp) throws IOException {
        Path typo = tmp.resolve("texts.csv");
        Files.writeString(typo, Files.readString(SHARED).replace("\na4.chart.confidence,", "\na4.chart.confidnece,")
                .replace("\nedition.zero,", "\nedition.zeor,").replace("\nt1.short,", "\nt1.shrot,"));
        List<Set<String>> file = keysAndIncludes(typo);
        Set<String> keys = file.get(0);
        Set<String> literals = literals(JAVA);
        assertEquals(List.of("a4.chart.confidnece", "edition.zeor", "t1.shrot"), unread(file, literals, enumValues()));
        List<String> missing = missing(keys, literals, sources(JAVA, ".java"), sources(TEMPLATES, ".html"));
        assertEquals(List.of("a4.chart.confidence", "edition.zero"), missing);
    }
}
