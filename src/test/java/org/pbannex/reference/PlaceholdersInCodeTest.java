package org.pbannex.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.pbannex.Golden;

/**
 * The program's list of each key's placeholders (text-placeholders.csv) against the sites that fill them in: a key
 * filled in the code with a placeholder the list does not give it (reading would refuse the text that says it), and a
 * listed placeholder that no site fills (a text saying it would print it as typed), fail the build. The sites are
 * found in src/main/java: each {@code .with("name", ...)} (and {@code .replace("{name}", ...)}) chain, with the key of
 * the text it starts from, and the fills by name and value ({@code Said.of("word", "name", value, ...)},
 * {@code filled(...)}, a notice's {@code say(run, "word", "name", value, ...)}). A key is named as the code names it:
 * a literal (either of a condition's), a constant, a field or local variable given one; the code's short names
 * ("cause.check", "workbook.run_id") stand for the key of texts.csv they end. A key built from a prefix
 * ({@code "cause." + word}) fills the listed keys under it; a key the code does not name (a parameter) is reported
 * as such, and only its names are matched.
 */
class PlaceholdersInCodeTest {

    private static final Path JAVA = Golden.home().resolve("src/main/java");
    private static final Path TEMPLATES = Golden.home().resolve("src/main/resources/templates");
    /** A template's fill: #strings.replace(w.note_ref, '{n}', ...), the words' texts being edition.*. */
    private static final Pattern TEMPLATE_REPLACE = Pattern.compile("#strings\\.replace\\(");
    private static final Pattern WITH = Pattern.compile("\\.(?:with\\(\\s*\"([A-Za-z_][A-Za-z0-9_]*)\"\\s*,|replace\\(\\s*\"\\{([A-Za-z_][A-Za-z0-9_]*)\\}\"\\s*,)");
    /** A fill by name and value: the word, then the names. */
    private static final Pattern BY_NAME = Pattern.compile("(?:\\bSaid\\.of|\\bSaid\\.cause|\\bSaid\\.sentence|\\bReason\\.of|\\.said|\\bfilled|\\bsay|\\.before|\\.after)\\(");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

    /** What each variable of a file was found given (a variable given itself is looked at once). */
    private static final Map<String, Set<String>> ASSIGNED = new java.util.HashMap<>();
    /** Every source file's code, for the fields one class gives another. */
    private static final List<String> SOURCES = new ArrayList<>();

    /** A fill site: the keys it may fill (exact, or prefixes ending in '.' or '_'), or none when the code does not name one. */
    record Site(String where, Set<String> keys, boolean prefix, Set<String> names) {
        boolean covers(String key) {
            return keys.stream().anyMatch(k -> prefix ? key.startsWith(k) : key.equals(k));
        }
    }

    @Test
    void theListIsWhatTheCodeFills() throws IOException {
        Set<String> keys = textKeys();
        List<Site> sites = sites(JAVA, TEMPLATES, keys);
        // Reported, not failed: the sites whose key is built from a prefix, and those whose key the code does not name.
        sites.stream().filter(s -> s.prefix() || s.keys().isEmpty()).forEach(s -> System.out.println("fill site "
                + s.where() + (s.prefix() ? " by prefix " + s.keys() : " by a key the code does not name") + ": " + s.names()));
        assertEquals(List.of(), disagreements(sites, Placeholders.all(), keys));
    }

    /** Both ways fail: a fill the list lacks (a key added in code, not listed), and a listed placeholder nothing fills. */
    @Test
    void aKeyFilledButNotListedAndAListedPlaceholderNoSiteFillsFail() throws IOException {
        Set<String> keys = textKeys();
        List<Site> sites = sites(JAVA, TEMPLATES, keys);
        Map<String, Set<String>> listed = new TreeMap<>(Placeholders.all());
        listed.remove("risk.event");
        listed.put("part.heading", Set.of("number", "title", "titel"));
        List<String> found = disagreements(sites, listed, keys);
        assertEquals(2, found.size(), found.toString());
        assertTrue(found.get(0).startsWith("risk.event: filled with {event}, {number} at RiskRegisterTable.java:"), found.get(0));
        assertEquals("part.heading: listed with {titel}, which no site fills", found.get(1));
    }

    static List<String> disagreements(List<Site> sites, Map<String, Set<String>> listed, Set<String> keys) {
        List<String> out = new ArrayList<>();
        for (Site s : sites) {
            if (s.prefix() || s.keys().isEmpty()) {
                continue;
            }
            // One key: each name its own; either of a condition's keys (or a short name's): each name one's at least.
            Set<String> unlisted = new TreeSet<>(s.names());
            unlisted.removeIf(n -> Placeholders.EVERY_TEXT.contains(n) || s.keys().stream().anyMatch(k -> listedOf(listed, k).contains(n)));
            if (!unlisted.isEmpty()) {
                out.add(String.join(" or ", s.keys()) + ": filled with " + braced(unlisted) + " at " + s.where()
                        + ", which the list does not give it");
            }
        }
        for (var e : listed.entrySet()) {
            String key = e.getKey();
            for (String name : new TreeSet<>(e.getValue())) {
                boolean filled = sites.stream().anyMatch(s -> s.names().contains(name) && (s.keys().isEmpty() || s.covers(key)
                        || key.endsWith(".*") && s.keys().stream().anyMatch(k -> k.startsWith(key.substring(0, key.length() - 1)))));
                if (!filled) {
                    out.add(key + ": listed with {" + name + "}, which no site fills");
                }
            }
        }
        return out;
    }

    private static Set<String> listedOf(Map<String, Set<String>> listed, String key) {
        Set<String> out = listed.get(key);
        if (out != null) {
            return out;
        }
        return listed.entrySet().stream().filter(e -> e.getKey().endsWith(".*")
                && key.startsWith(e.getKey().substring(0, e.getKey().length() - 1))).map(Map.Entry::getValue).findFirst().orElse(Set.of());
    }

    /** The keys of the shipped texts (the shared file and each biennium's own), without their .printed ending. */
    private static Set<String> textKeys() throws IOException {
        Set<String> out = new TreeSet<>();
        List<Path> files = new ArrayList<>(List.of(Golden.input().resolve("reference/texts.csv")));
        try (Stream<Path> folders = Files.list(Golden.input())) {
            folders.map(f -> f.resolve("reference/texts.csv")).filter(Files::isRegularFile).forEach(files::add);
        }
        for (Path f : files) {
            try (var csv = new com.opencsv.CSVReader(Files.newBufferedReader(f))) {
                csv.readNext();
                for (String[] row = csv.readNext(); row != null; row = csv.readNext()) {
                    out.add(row[0].endsWith(Texts.PRINTED) ? row[0].substring(0, row[0].length() - Texts.PRINTED.length()) : row[0]);
                }
            } catch (com.opencsv.exceptions.CsvValidationException e) {
                throw new IOException(f + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** Every fill site of the sources and templates, the chains of one text merged. */
    static List<Site> sites(Path java, Path templates, Set<String> keys) throws IOException {
        List<Site> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(java)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        SOURCES.clear();
        for (Path f : files) {
            SOURCES.add(code(Files.readString(f)));
        }
        for (int index = 0; index < files.size(); index++) {
            Path f = files.get(index);
            String s = SOURCES.get(index);
            String file = f.getFileName().toString();
            Map<Integer, Site> chains = new LinkedHashMap<>();
            Matcher m = WITH.matcher(s);
            while (m.find()) {
                int head = chainStart(s, m.start());
                String name = m.group(1) != null ? m.group(1) : m.group(2);
                Site site = chains.computeIfAbsent(head, h -> headSite(s, h, m.start(), file, keys));
                site.names().add(name);
            }
            out.addAll(chains.values());
            Matcher b = BY_NAME.matcher(s);
            while (b.find()) {
                List<String> args = new ArrayList<>(arguments(s, b.end() - 1));
                // The word's argument: the first (Reason.of's after its line; a notice's after its run).
                int first = b.group().startsWith("Reason") || !args.isEmpty() && args.get(0).strip().equals("run") ? 1 : 0;
                if (args.size() == first + 2 && args.get(first + 1).strip().matches("[A-Za-z_]\\w*")) {
                    // The names and values given as an array ({"value", v, "at", ...}).
                    Matcher array = Pattern.compile("\\b" + args.get(first + 1).strip() + "\\s*=\\s*(\\{[^;]*\\});").matcher(s);
                    if (array.find()) {
                        args.remove(first + 1);
                        args.addAll(arguments(array.group(1).replaceFirst("^\\{", "(").replaceFirst("}$", ")"), 0));
                    }
                }
                Set<String> names = byName(args, first);
                // More names for the same word: Said.of(...).and("ascii", ascii, ...).
                for (int end = closing(s, b.end() - 1); s.startsWith(".and(", end + 1); end = closing(s, end + 5)) {
                    List<String> more = new ArrayList<>(List.of("word"));
                    more.addAll(arguments(s, end + 5));
                    names.addAll(byName(more, 0));
                }
                if (!names.isEmpty()) {
                    out.add(keySite(args.get(first), s, file + ":" + line(s, b.start()), keys, names));
                }
            }
        }
        try (Stream<Path> walk = Files.walk(templates)) {
            for (Path f : walk.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                // Their strings in single quotes, read as the code's.
                String s = Files.readString(f).replace('\'', '"');
                String where = f.getFileName().toString() + ":";
                Matcher r = TEMPLATE_REPLACE.matcher(s);
                while (r.find()) {
                    List<String> args = arguments(s, r.end() - 1);
                    Matcher name = Pattern.compile("\"\\{(\\w+)\\}\"").matcher(args.size() > 1 ? args.get(1).strip() : "");
                    String text = args.isEmpty() ? "" : args.get(0).strip();
                    while (text.startsWith("#strings.replace(")) {
                        text = arguments(text, text.indexOf('(')).get(0).strip();
                    }
                    if (name.matches() && text.startsWith("w.")) {
                        out.add(new Site(where + line(s, r.start()), resolve("edition." + text.substring(2), keys, false), false,
                                new TreeSet<>(Set.of(name.group(1)))));
                    }
                }
                Matcher b = BY_NAME.matcher(s);
                while (b.find()) {
                    List<String> args = arguments(s, b.end() - 1);
                    // The report's text split at a placeholder: say.before('rejected_in', 'file'), say.after(...).
                    Set<String> names = b.group().startsWith(".before") || b.group().startsWith(".after")
                            ? byName(List.of(args.get(0), args.get(1), ""), 0) : byName(args, 0);
                    if (!names.isEmpty()) {
                        out.add(keySite(args.get(0), s, where + line(s, b.start()), keys, names));
                    }
                }
            }
        }
        return out;
    }

    /** The closing parenthesis of the call whose opening one is at {@code open}. */
    private static int closing(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                for (i++; s.charAt(i) != '"'; i += s.charAt(i) == '\\' ? 2 : 1) {
                    // inside a string
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return s.length();
    }

    /** The names of a fill by name and value after the word's argument: its literal arguments at every other place. */
    private static Set<String> byName(List<String> args, int word) {
        Set<String> names = new TreeSet<>();
        for (int i = word + 1; i + 1 < args.size(); i += 2) {
            Matcher n = LITERAL.matcher(args.get(i).strip());
            if (n.matches()) {
                names.add(n.group(1));
            }
        }
        return names;
    }

    /** Where the chain of {@code .with} calls that the one at {@code at} belongs to starts: its head's first character. */
    private static int chainStart(String s, int at) {
        int i = at;
        while (true) {
            int j = skipBack(s, i - 1);
            int k = j;
            while (k >= 0 && Character.isJavaIdentifierPart(s.charAt(k))) {
                k--;
            }
            String called = s.substring(k + 1, j + 1);
            int dot = k;
            while (dot >= 0 && Character.isWhitespace(s.charAt(dot))) {
                dot--;
            }
            if ((called.equals("with") || called.equals("replace")) && dot >= 0 && s.charAt(dot) == '.' && s.charAt(j + 1) == '(') {
                i = dot;
                continue;
            }
            if (called.isEmpty()) {
                return j + 1;
            }
            // A field of another object (words.warningLine): with its qualifier.
            int start = k + 1;
            while (s.charAt(j + 1) != '(' && start > 1 && s.charAt(start - 1) == '.' && Character.isJavaIdentifierPart(s.charAt(start - 2))) {
                start -= 2;
                while (start > 0 && Character.isJavaIdentifierPart(s.charAt(start - 1))) {
                    start--;
                }
            }
            return start;
        }
    }

    /** From {@code i} backwards, over a call's or a parenthesised expression's arguments: the last character of its name. */
    private static int skipBack(String s, int i) {
        while (i >= 0 && Character.isWhitespace(s.charAt(i))) {
            i--;
        }
        if (s.charAt(i) != ')') {
            return i;
        }
        int depth = 0;
        for (; i >= 0; i--) {
            char c = s.charAt(i);
            if (c == '"') {
                i--;
                while (s.charAt(i) != '"' || s.charAt(i - 1) == '\\') {
                    i--;
                }
            } else if (c == ')') {
                depth++;
            } else if (c == '(') {
                depth--;
                if (depth == 0) {
                    break;
                }
            }
        }
        // A call's name right before its parenthesis, or the parenthesis itself (a parenthesised condition, after return).
        int k = i - 1;
        return k >= 0 && Character.isJavaIdentifierPart(s.charAt(k)) ? k : i - 1;
    }

    /** The site of the chain starting at {@code head}: its keys from the head's call, condition or variable. */
    private static Site headSite(String s, int head, int firstWith, String file, Set<String> keys) {
        String where = file + ":" + line(s, firstWith);
        String expr = s.substring(head, firstWith).strip();
        int open = expr.indexOf('(');
        Set<String> names = new TreeSet<>();
        if (expr.startsWith("(")) {
            // (cond ? a : b): each side a key or a variable given one.
            return keySite(expr.substring(1, expr.length() - 1), s, where, keys, names);
        }
        if (open > 0) {
            // The key is the argument that names one (text(about, "key"), in("key", language)).
            String named = arguments(expr, open).stream().filter(a -> a.contains("\"")).findFirst().orElse("");
            return keySite(named, s, where, keys, names);
        }
        return keySite(expr, s, where, keys, names);
    }

    /** A site whose key is the expression {@code key}: literal(s), prefix + value, a constant or variable given one. */
    private static Site keySite(String key, String s, String where, Set<String> keys, Set<String> names) {
        Set<String> found = new TreeSet<>();
        boolean prefix = false;
        for (String named : named(key, s, 0)) {
            prefix |= named.endsWith("+");
            found.addAll(resolve(named.endsWith("+") ? named.substring(0, named.length() - 1) : named, keys, named.endsWith("+")));
        }
        return new Site(where, found, prefix, names);
    }

    /**
     * The keys an expression names, as the code writes them: a literal; each side of a condition; a literal and what
     * completes it ("cause." + word: the prefix, marked with a trailing '+'); a variable given one of those (in this
     * file; a field another file gives, words.runId), completed by a literal (at + "_column").
     */
    private static Set<String> named(String expr, String s, int depth) {
        Set<String> out = new TreeSet<>();
        String e = expr.strip();
        if (depth > 8 || e.isEmpty()) {
            return out;
        }
        Matcher completed = Pattern.compile("([A-Za-z_][\\w.]*)\\s*\\+\\s*\\((.*)\\)").matcher(e);
        if (completed.matches()) {
            // A variable completed by a condition's literals: prefix + (actual ? "actual" : "estimated").
            Set<String> tails = named(completed.group(2), s, depth + 1);
            named(completed.group(1), s, depth + 1).forEach(h -> tails.forEach(tail -> out.add(h + tail)));
            return out;
        }
        if (e.contains("?")) {
            // Each branch of a condition (nested ones too); the conditions themselves name no key.
            String[] parts = e.split("[?:]");
            for (int i = 1; i < parts.length; i++) {
                out.addAll(named(balanced(parts[i]), s, depth + 1));
            }
            return out;
        }
        Matcher lit = LITERAL.matcher(e);
        if (lit.matches()) {
            out.add(lit.group(1));
        } else if (lit.lookingAt() && e.substring(lit.end()).strip().startsWith("+")) {
            out.add(lit.group(1) + "+");
        } else if (e.matches("[A-Za-z_][\\w.]*\\s*\\+\\s*\"[^\"]*\"")) {
            String suffix = e.substring(e.indexOf('"') + 1, e.length() - 1);
            named(e.substring(0, e.indexOf('+')), s, depth + 1).forEach(k -> out.add(k + suffix));
        } else if (e.endsWith(")") && e.matches("[A-Za-z_][\\w.]*\\(.*") && !e.startsWith("(")) {
            // A text read by key (t.get(NOTE), wording.text("workbook.run_id"), w.word().apply(word)): its last call's.
            int open = lastCall(e);
            String called = e.substring(0, open);
            if (called.endsWith(".with")) {
                // A text filled in: the text it starts from.
                return named(called.substring(0, called.length() - ".with".length()), s, depth + 1);
            }
            String arg = arguments(e, open).stream().filter(a -> a.contains("\"") || a.strip().matches("[A-Za-z_]\\w*"))
                    .findFirst().orElse("");
            out.addAll(named(arg, s, depth + 1));
        } else if (e.matches("[A-Za-z_][\\w.]*")) {
            String v = e.substring(e.lastIndexOf('.') + 1);
            Set<String> given = assigned(s, v, depth);
            if (given.isEmpty() && e.contains(".")) {
                // A field of another class (words.warningLine): given in the class that declares it a Text.
                Pattern declared = Pattern.compile("\\bText\\s+" + Pattern.quote(v) + "\\s*;");
                for (String other : SOURCES) {
                    if (given.isEmpty() && declared.matcher(other).find()) {
                        given = assigned(other, v, depth);
                    }
                }
            }
            out.addAll(given);
        }
        return out;
    }

    /** The keys a constant, field or local variable is given, at any of its assignments ({@code NOTE = "a4.not_itemised_note"}). */
    private static Set<String> assigned(String s, String variable, int depth) {
        // Once per file and variable; a variable given itself (said = said...) counted once.
        String seen = System.identityHashCode(s) + ":" + variable;
        Set<String> known = ASSIGNED.get(seen);
        if (known != null) {
            return known;
        }
        ASSIGNED.put(seen, Set.of());
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("\\b" + Pattern.quote(variable) + "\\s*=\\s*([^;]*);").matcher(s);
        while (m.find()) {
            String rhs = m.group(1).strip();
            if (!rhs.startsWith(variable + ".") && !rhs.startsWith("=")) { // not the variable filled in, nor compared
                out.addAll(named(rhs, s, depth + 1));
            }
        }
        ASSIGNED.put(seen, out);
        return out;
    }

    /** A side of a condition without the parentheses around the condition it is part of. */
    private static String balanced(String part) {
        String p = part.strip();
        while (p.startsWith("(") && count(p, '(') > count(p, ')')) {
            p = p.substring(1).strip();
        }
        while (p.endsWith(")") && count(p, ')') > count(p, '(')) {
            p = p.substring(0, p.length() - 1).strip();
        }
        return p;
    }

    private static long count(String s, char c) {
        return s.chars().filter(x -> x == c).count();
    }

    /** The opening parenthesis of an expression's last call (it ends with its closing one). */
    private static int lastCall(String e) {
        int depth = 0;
        for (int i = e.length() - 1; i >= 0; i--) {
            char c = e.charAt(i);
            if (c == ')') {
                depth++;
            } else if (c == '(' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The keys of texts.csv a key as the code names it stands for: itself, or those it ends ("." + name). */
    private static Set<String> resolve(String named, Set<String> keys, boolean prefix) {
        Set<String> out = new TreeSet<>();
        for (String k : keys) {
            if (prefix ? k.startsWith(named) || k.contains("." + named) : k.equals(named) || k.endsWith("." + named)) {
                out.add(prefix ? k.substring(0, k.indexOf(named) + named.length()) : k);
            }
        }
        return out;
    }

    /** The arguments of the call whose parenthesis opens at {@code open}, split at its top-level commas. */
    private static List<String> arguments(String s, int open) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = open + 1;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                i++;
                while (s.charAt(i) != '"') {
                    i += s.charAt(i) == '\\' ? 2 : 1;
                }
            } else if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    out.add(s.substring(start, i));
                    return out.size() == 1 && out.get(0).isBlank() ? List.of() : out;
                }
            } else if (c == ',' && depth == 1) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        return out;
    }

    private static int line(String s, int at) {
        return (int) s.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    /** The source without its comments (a javadoc's example fills nothing), strings and lines kept. */
    static String code(String src) {
        StringBuilder out = new StringBuilder(src.length());
        for (int i = 0; i < src.length(); i++) {
            char c = src.charAt(i);
            if (src.startsWith("//", i)) {
                while (i < src.length() && src.charAt(i) != '\n') {
                    i++;
                }
                out.append('\n');
            } else if (src.startsWith("/*", i)) {
                int end = src.indexOf("*/", i + 2);
                String comment = src.substring(i, end + 2);
                out.append(comment.replaceAll("[^\n]", " "));
                i = end + 1;
            } else if (src.startsWith("\"\"\"", i)) {
                int end = src.indexOf("\"\"\"", i + 3);
                out.append(src, i, end + 3);
                i = end + 2;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (src.charAt(j) != c) {
                    j += src.charAt(j) == '\\' ? 2 : 1;
                }
                out.append(src, i, j + 1);
                i = j;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String braced(Set<String> names) {
        return String.join(", ", names.stream().map(n -> "{" + n + "}").toList());
    }
}
