package org.pbannex.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
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
 * ({@code "cause." + word}) fills the listed keys under it. A variable is read in its own method where that gives it
 * one. A key that is a parameter of its method (a shared fill: a notice's {@code say(run, word, ...)}, the lease's
 * {@code Wait.said(wait, word, namesAndValues)}) is the key each call passes there, with the names the call gives by
 * name (its varargs' "name", value, ...) and the method's own, which a key's text may leave out; a call passing its
 * own parameter on is followed to its callers. Names added to a variable's words later ({@code unknown.and("rows",
 * ...)}) are the site's too. A key the code does not name otherwise is reported as such, and only its names are
 * matched.
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

    /** Each source file's name. */
    private static final List<String> FILES = new ArrayList<>();
    /** Each source file's methods (its index in SOURCES), for a key a method is given by its caller. */
    private static final List<List<Method>> METHODS = new ArrayList<>();
    /** Compiled once per method name (givenByCallers) and per qualifier (typeOf); the keys a name resolves to (resolve). */
    private static final Map<String, Pattern> CALLS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<String, Pattern> DECLARATIONS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<String, Set<String>> RESOLVED = new java.util.HashMap<>();
    private static Set<String> resolvedFor;

    /**
     * A fill site: the keys it may fill (exact, or prefixes ending in '.' or '_'), or none when the code does not name
     * one; {@code shared}: those of its names a shared method gives every key it is passed (a notice's say() gives each
     * word the run's names, and says it in English where one it holds is left), which a key's text may leave out;
     * {@code given}: a shared method's fill whose key is one of its parameters, filled by each of its calls.
     */
    record Site(String where, Set<String> keys, boolean prefix, Set<String> names, Set<String> shared, Given given) {
        Site(String where, Set<String> keys, boolean prefix, Set<String> names) {
            this(where, keys, prefix, names, Set.of(), null);
        }

        boolean covers(String key) {
            return keys.stream().anyMatch(k -> prefix ? key.startsWith(k) : key.equals(k));
        }
    }

    /**
     * The parameters a shared method's fill takes its key from ("@1", the second; "@1_waiting", it completed), and the
     * one its further names and values come from (a caller's "name", value, ... there on), or -1.
     */
    record Given(Method method, Set<String> parameters, int names) {
    }

    /** A method of a source file: its class's name and its own, where its name is, its parameters' names, its body. */
    record Method(int file, String type, String name, int at, List<String> parameters, boolean varargs, int body, int end) {
    }

    /** The code's fill sites, found once for both tests (a walk of every source file, 13 s of a loaded suite's time). */
    private static List<Site> codeSites;

    private static synchronized List<Site> codeSites(Set<String> keys) throws IOException {
        if (codeSites == null) {
            codeSites = List.copyOf(sites(JAVA, TEMPLATES, keys));
        }
        return codeSites;
    }

    @Test
    void theListIsWhatTheCodeFills() throws IOException {
        Set<String> keys = textKeys();
        List<Site> sites = codeSites(keys);
        // Reported, not failed: the sites whose key is built from a prefix, and those whose key the code does not name.
        sites.stream().filter(s -> s.prefix() || s.keys().isEmpty()).map(s -> "fill site " + s.where()
                + (s.prefix() ? " by prefix " + s.keys() : " by a key the code does not name") + ": " + s.names()).distinct().forEach(System.out::println);
        assertEquals(List.of(), disagreements(sites, Placeholders.all(), keys));
    }

    /**
     * Both ways fail: a fill the list lacks (a key added in code, not listed), and a listed placeholder nothing fills;
     * the same through a shared method (the key its caller passes, with the names the call gives: RunLease.waitedSaid's
     * "holder"), a name added to a variable's words later (unknown.and("rows", ...)), and a notice's word listed with a
     * name that neither its calls nor the shared say() fill.
     */
    @Test
    void aKeyFilledButNotListedAndAListedPlaceholderNoSiteFillsFail() throws IOException {
        Set<String> keys = textKeys();
        List<Site> sites = codeSites(keys);
        Map<String, Set<String>> listed = new TreeMap<>(Placeholders.all());
        listed.remove("risk.event");
        listed.put("part.heading", Set.of("number", "title", "titel"));
        listed.put("report.cause.lock.already_running", Set.of("run"));
        listed.put("report.cause.lock.already_running_waiting", Set.of("run", "waited"));
        listed.put("report.cause.reason.unknown_code_of", Set.of("field", "hint", "list", "value"));
        listed.put("report.notice.history", Set.of("run", "ran"));
        List<String> found = disagreements(sites, listed, keys);
        assertEquals(5, found.size(), found.toString());
        for (String expected : List.of("risk.event: filled with {event}, {number} at RiskRegisterTable.java:",
                "report.cause.lock.already_running or report.cause.lock.already_running_waiting: filled with {holder} at RunAdmission.java:",
                "report.cause.reason.unknown_code_of: filled with {rows} at InputSet.java:",
                "part.heading: listed with {titel}, which no site fills",
                "report.notice.history: listed with {ran}, which no site fills")) {
            // A short name's keys or'ed before it ("...unknown_code or report.cause.reason.unknown_code_of: ...").
            assertTrue(found.stream().anyMatch(f -> f.startsWith(expected) || f.contains(" or " + expected)), expected + " in " + found);
        }
    }

    static List<String> disagreements(List<Site> sites, Map<String, Set<String>> listed, Set<String> keys) {
        List<String> out = new ArrayList<>();
        for (Site s : sites) {
            if (s.prefix() || s.keys().isEmpty()) {
                continue;
            }
            // One key: each name its own; either of a condition's keys (or a short name's): each name one's at least. A shared
            // method's names fill a key whose text says them; a text may leave them out.
            Set<String> unlisted = new TreeSet<>(s.names());
            unlisted.removeAll(s.shared());
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
        ASSIGNED.clear();
        METHODS.clear();
        FILES.clear();
        for (Path f : files) {
            FILES.add(f.getFileName().toString());
            SOURCES.add(code(Files.readString(f)));
            METHODS.add(methods(SOURCES.size() - 1));
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
                // More names for the same word: Said.of(...).and("ascii", ascii, ...), or said = Said.of(...); said.and(...).
                for (int end = closing(s, b.end() - 1); s.startsWith(".and(", end + 1); end = closing(s, end + 5)) {
                    names.addAll(andNames(s, end + 5));
                }
                Matcher given = Pattern.compile("\\b(\\w+)\\s*=\\s*$").matcher(s.substring(Math.max(0, b.start() - 80), b.start()));
                if (given.find()) {
                    Method in = enclosing(s, b.start());
                    Matcher and = Pattern.compile("\\b" + given.group(1) + "\\s*\\.and\\(").matcher(s);
                    and.region(b.start(), in == null ? s.length() : in.end());
                    while (and.find()) {
                        names.addAll(andNames(s, and.end() - 1));
                    }
                }
                if (args.size() <= first) {
                    continue;
                }
                // The names and values a shared method is given (Object... namesAndValues): its callers'.
                Method in = enclosing(s, b.start());
                int namesGiven = args.size() == first + 2 && in != null && in.varargs()
                        && args.get(first + 1).strip().equals(in.parameters().get(in.parameters().size() - 1)) ? in.parameters().size() - 1 : -1;
                Site site = keySite(args.get(first), s, b.start(), file + ":" + line(s, b.start()), keys, names, namesGiven);
                if (!names.isEmpty() || site.given() != null && namesGiven >= 0) {
                    out.add(site);
                }
            }
        }
        out = givenByCallers(out, keys);
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
                        out.add(keySite(args.get(0), s, -1, where + line(s, b.start()), keys, names, -1));
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
            return keySite(expr.substring(1, expr.length() - 1), s, head, where, keys, names, -1);
        }
        if (open > 0) {
            // The key is the argument that names one (text(about, "key"), in("key", language)).
            String named = arguments(expr, open).stream().filter(a -> a.contains("\"")).findFirst().orElse("");
            return keySite(named, s, head, where, keys, names, -1);
        }
        return keySite(expr, s, head, where, keys, names, -1);
    }

    /**
     * A site whose key is the expression {@code key} at {@code at}: literal(s), prefix + value, a constant or variable
     * given one, or a parameter of its method (then given by its callers; {@code namesGiven}: the parameter its further
     * names come from, or -1).
     */
    private static Site keySite(String key, String s, int at, String where, Set<String> keys, Set<String> names, int namesGiven) {
        Set<String> found = new TreeSet<>();
        Set<String> parameters = new TreeSet<>();
        boolean prefix = false;
        for (String named : named(key, s, at, 0)) {
            if (named.startsWith("@")) {
                parameters.add(named);
                continue;
            }
            prefix |= named.endsWith("+");
            found.addAll(resolve(named.endsWith("+") ? named.substring(0, named.length() - 1) : named, keys, named.endsWith("+")));
        }
        Method in = enclosing(s, at);
        return new Site(where, found, prefix, names, Set.of(), parameters.isEmpty() || in == null ? null : new Given(in, parameters, namesGiven));
    }

    /** The names of an {@code .and(...)} whose parenthesis opens at {@code open}. */
    private static Set<String> andNames(String s, int open) {
        List<String> more = new ArrayList<>(List.of("word"));
        more.addAll(arguments(s, open));
        return byName(more, 0);
    }

    /**
     * The sites of shared methods, their keys given by their callers (say(run, "notice.failed") of a notice's say(run,
     * word, ...), a caller passing its own parameter on given by its own callers): one site for each call, with the
     * method's names and those the call gives by name. A method no call is found of keeps its site, by a key the code
     * does not name.
     */
    private static List<Site> givenByCallers(List<Site> sites, Set<String> keys) {
        List<Site> out = new ArrayList<>();
        List<Site> todo = new ArrayList<>(sites);
        for (int round = 0; !todo.isEmpty() && round < 8; round++) {
            List<Site> next = new ArrayList<>();
            for (Site site : todo) {
                if (site.given() == null) {
                    out.add(site);
                    continue;
                }
                Given g = site.given();
                List<Site> calls = new ArrayList<>();
                Pattern callOf = CALLS.computeIfAbsent(g.method().name(),
                        name -> Pattern.compile("(?<![\\w.])(?:(\\w+)\\s*\\.\\s*)?\\b" + name + "\\s*\\("));
                for (int file = 0; file < SOURCES.size(); file++) {
                    String s = SOURCES.get(file);
                    if (!s.contains(g.method().name())) {
                        continue; // no call in this file: the pattern's optional qualifier makes a search of it slow
                    }
                    Matcher call = callOf.matcher(s);
                    while (call.find()) {
                        int nameAt = call.end() - 1 - g.method().name().length();
                        boolean declaration = file == g.method().file() && nameAt <= g.method().at() && g.method().at() < call.end();
                        boolean same = call.group(1) == null ? file == g.method().file() : g.method().type().equals(typeOf(call.group(1), s));
                        List<String> args = arguments(s, call.end() - 1);
                        int count = g.method().parameters().size();
                        if (declaration || !same || (g.method().varargs() ? args.size() < count - 1 : args.size() != count)) {
                            continue;
                        }
                        // The keys the call gives: its argument's (either of a condition's); each of a varargs' its own.
                        Set<String> suffixed = new TreeSet<>();
                        Map<Integer, Set<String>> each = new TreeMap<>();
                        for (String parameter : g.parameters()) {
                            int index = Integer.parseInt(parameter.substring(1).replaceAll("\\D.*", ""));
                            String suffix = parameter.substring(1).replaceFirst("^\\d+", "");
                            boolean varargs = g.method().varargs() && index == count - 1;
                            for (int i = index; i < (varargs ? args.size() : Math.min(index + 1, args.size())); i++) {
                                for (String named : named(args.get(i), s, call.start(), 0)) {
                                    (varargs ? each.computeIfAbsent(i, x -> new TreeSet<>()) : suffixed).add(named + suffix);
                                }
                            }
                        }
                        Set<String> names = new TreeSet<>(site.names());
                        int namesGiven = -1;
                        if (g.names() >= 0) {
                            names.addAll(byName(args, g.names() - 1));
                            Method in = enclosing(s, call.start());
                            if (in != null && in.varargs() && args.size() == g.names() + 1
                                    && args.get(g.names()).strip().equals(in.parameters().get(in.parameters().size() - 1))) {
                                namesGiven = in.parameters().size() - 1;
                            }
                        }
                        if (each.isEmpty()) {
                            calls.add(callSite(suffixed, s, call.start(), site, keys, names, namesGiven));
                        }
                        for (Set<String> one : each.values()) {
                            one.addAll(suffixed);
                            Site c = callSite(one, s, call.start(), site, keys, names, namesGiven);
                            if (!c.keys().isEmpty() || c.given() != null) { // not a varargs' line that is no key ("", a cause)
                                calls.add(c);
                            }
                        }
                    }
                }
                if (calls.isEmpty()) {
                    out.add(new Site(site.where(), site.keys(), site.prefix(), site.names(), site.shared(), null));
                } else {
                    if (!site.keys().isEmpty()) {
                        out.add(new Site(site.where(), site.keys(), site.prefix(), site.names(), site.shared(), null));
                    }
                    next.addAll(calls);
                }
            }
            todo = next;
        }
        todo.forEach(s -> out.add(new Site(s.where(), s.keys(), s.prefix(), s.names(), s.shared(), null)));
        return out;
    }

    /** The class a call's qualifier names: itself (a class's name), or a variable's as declared (before.changes(...)). */
    private static String typeOf(String qualifier, String s) {
        if (Character.isUpperCase(qualifier.charAt(0))) {
            return qualifier;
        }
        Matcher declared = DECLARATIONS.computeIfAbsent(qualifier, q -> Pattern.compile("\\b([A-Z]\\w*)(?:<[^;=()]*>)?\\s+" + q
                + "\\s*[=;,)]|\\bvar\\s+" + q + "\\s*=\\s*(?:new\\s+)?([A-Z]\\w*)")).matcher(s);
        return declared.find() ? (declared.group(1) != null ? declared.group(1) : declared.group(2)) : "";
    }

    /** A call's site: the keys its argument names ({@code named}, as named() gives them), the rest its method's parameters. */
    private static Site callSite(Set<String> named, String s, int at, Site of, Set<String> keys, Set<String> names, int namesGiven) {
        Set<String> found = new TreeSet<>();
        Set<String> parameters = new TreeSet<>();
        boolean prefix = false;
        for (String n : named) {
            if (n.startsWith("@")) {
                parameters.add(n);
            } else {
                prefix |= n.endsWith("+");
                found.addAll(resolve(n.endsWith("+") ? n.substring(0, n.length() - 1) : n, keys, n.endsWith("+")));
            }
        }
        Method in = enclosing(s, at);
        String where = FILES.get(SOURCES.indexOf(s)) + ":" + line(s, at) + " through " + of.given().method().name() + "()";
        return new Site(where, found, prefix, names, new TreeSet<>(of.names()),
                parameters.isEmpty() || in == null ? null : new Given(in, parameters, namesGiven));
    }

    /**
     * The keys an expression names, as the code writes them: a literal; each side of a condition; a literal and what
     * completes it ("cause." + word: the prefix, marked with a trailing '+'); a variable given one of those (in this
     * file; a field another file gives, words.runId), completed by a literal (at + "_column").
     */
    private static Set<String> named(String expr, String s, int at, int depth) {
        Set<String> out = new TreeSet<>();
        String e = expr.strip();
        if (depth > 8 || e.isEmpty()) {
            return out;
        }
        Matcher completed = Pattern.compile("([A-Za-z_][\\w.]*)\\s*\\+\\s*\\((.*)\\)").matcher(e);
        if (completed.matches()) {
            // A variable completed by a condition's literals: prefix + (actual ? "actual" : "estimated").
            Set<String> tails = named(completed.group(2), s, at, depth + 1);
            named(completed.group(1), s, at, depth + 1).forEach(h -> tails.forEach(tail -> out.add(h + tail)));
            return out;
        }
        if (e.contains("?")) {
            // Each branch of a condition (nested ones too); the conditions themselves name no key.
            String[] parts = e.split("[?:]");
            for (int i = 1; i < parts.length; i++) {
                out.addAll(named(balanced(parts[i]), s, at, depth + 1));
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
            named(e.substring(0, e.indexOf('+')), s, at, depth + 1).forEach(k -> out.add(k + suffix));
        } else if (e.endsWith(")") && e.matches("[A-Za-z_][\\w.]*\\(.*") && !e.startsWith("(")) {
            // A text read by key (t.get(NOTE), wording.text("workbook.run_id"), w.word().apply(word)): its last call's.
            int open = lastCall(e);
            String called = e.substring(0, open);
            if (called.endsWith(".with")) {
                // A text filled in: the text it starts from.
                return named(called.substring(0, called.length() - ".with".length()), s, at, depth + 1);
            }
            String arg = arguments(e, open).stream().filter(a -> a.contains("\"") || a.strip().matches("[A-Za-z_]\\w*"))
                    .findFirst().orElse("");
            out.addAll(named(arg, s, at, depth + 1));
        } else if (e.matches("[A-Za-z_][\\w.]*")) {
            String v = e.substring(e.lastIndexOf('.') + 1);
            Method in = e.contains(".") ? null : enclosing(s, at);
            if (in != null && in.parameters().contains(v)) {
                // A parameter: the key its callers give (givenByCallers).
                out.add("@" + in.parameters().indexOf(v));
                return out;
            }
            Set<String> given = assigned(s, v, e.contains(".") ? -1 : at, depth);
            if (given.isEmpty() && e.contains(".")) {
                // A field of another class (words.warningLine): given in the class that declares it a Text.
                // Or a constant of another class (InputSnapshot.CHECK): given where it is declared.
                Pattern declared = Pattern.compile("\\bText\\s+" + Pattern.quote(v) + "\\s*;|\\bString\\s+" + Pattern.quote(v) + "\\s*=");
                for (String other : SOURCES) {
                    if (given.isEmpty() && other.contains(v) && declared.matcher(other).find()) {
                        given = assigned(other, v, -1, depth);
                    }
                }
            }
            out.addAll(given);
        }
        return out;
    }

    /**
     * The keys a constant, field or local variable is given, at any of its assignments ({@code NOTE =
     * "a4.not_itemised_note"}) or as a for loop's ({@code for (String line : lines)}: what {@code lines} holds): those
     * of the method at {@code at} where it gives it one, else the file's.
     */
    private static Set<String> assigned(String s, String variable, int at, int depth) {
        Method in = enclosing(s, at);
        // Once per method (or file) and variable; a variable given itself (said = said...) counted once.
        String seen = System.identityHashCode(s) + ":" + (in == null ? -1 : in.body()) + ":" + variable;
        Set<String> known = ASSIGNED.get(seen);
        if (known != null) {
            return known;
        }
        ASSIGNED.put(seen, Set.of());
        Set<String> out = new TreeSet<>();
        boolean found = false;
        Matcher m = Pattern.compile("\\b" + Pattern.quote(variable) + "\\s*=\\s*([^;]*);|\\bfor\\s*\\(\\s*[\\w.<>\\[\\], ]+\\s+"
                + Pattern.quote(variable) + "\\s*:\\s*([^;{]*)\\)\\s*\\{").matcher(s);
        if (in != null) {
            m.region(in.body(), in.end());
        }
        while (m.find()) {
            String rhs = (m.group(1) != null ? m.group(1) : m.group(2)).strip();
            found = true;
            if (!rhs.startsWith(variable + ".") && !rhs.startsWith("=")) { // not the variable filled in, nor compared
                out.addAll(named(rhs, s, m.start(), depth + 1));
            }
        }
        if (!found && in != null) {
            out.addAll(assigned(s, variable, -1, depth));
        }
        ASSIGNED.put(seen, out);
        return out;
    }

    /** The methods of the source file {@code file} (constructors and records' bodies among them). */
    private static List<Method> methods(int file) {
        String s = SOURCES.get(file);
        Set<String> notNames = Set.of("if", "for", "while", "switch", "catch", "synchronized", "return", "new", "else", "try");
        List<int[]> types = new ArrayList<>();
        List<String> typeNames = new ArrayList<>();
        Matcher t = Pattern.compile("\\b(?:class|record|interface|enum)\\s+(\\w+)[^;{]*\\{").matcher(s);
        while (t.find()) {
            types.add(new int[] {t.start(), block(s, t.end() - 1)});
            typeNames.add(t.group(1));
        }
        List<Method> out = new ArrayList<>();
        Matcher m = Pattern.compile("(?<![\\w.])([\\w.]+(?:<[^;{}()]*>)?(?:\\[\\])*)\\s+(\\w+)\\s*\\(([^()]*)\\)\\s*(?:throws\\s+[\\w.,\\s]+)?\\{")
                .matcher(s);
        while (m.find()) {
            if (notNames.contains(m.group(1)) || notNames.contains(m.group(2))) {
                continue;
            }
            List<String> parameters = new ArrayList<>();
            for (String p : m.group(3).split(",(?![^<]*>)")) {
                if (!p.isBlank()) {
                    parameters.add(p.strip().replaceAll(".*?(\\w+)$", "$1"));
                }
            }
            String type = "";
            for (int i = 0; i < types.size(); i++) {
                if (types.get(i)[0] < m.start() && m.start() < types.get(i)[1]) {
                    type = typeNames.get(i); // the innermost: the last that holds it
                }
            }
            out.add(new Method(file, type, m.group(2), m.start(2), parameters, m.group(3).contains("..."), m.end() - 1, block(s, m.end() - 1)));
        }
        return out;
    }

    /** The innermost method of a source file that holds {@code at}, or null (a template, a field's value, none at -1). */
    private static Method enclosing(String s, int at) {
        Method out = null;
        for (int file = 0; file < SOURCES.size() && at >= 0; file++) {
            if (SOURCES.get(file) == s) {
                for (Method m : METHODS.size() > file ? METHODS.get(file) : List.<Method>of()) {
                    if (m.body() < at && at < m.end() && (out == null || m.body() > out.body())) {
                        out = m;
                    }
                }
            }
        }
        return out;
    }

    /** The closing brace of the block whose opening one is at {@code open}. */
    private static int block(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (s.startsWith("\"\"\"", i)) {
                i = s.indexOf("\"\"\"", i + 3) + 2;
            } else if (c == '"' || c == '\'') {
                for (i++; s.charAt(i) != c; i += s.charAt(i) == '\\' ? 2 : 1) {
                    // inside a literal
                }
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return s.length();
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
        // Memoised per key set: the scan asks for the same names thousands of times, each a pass over every key.
        if (resolvedFor != keys) {
            RESOLVED.clear();
            resolvedFor = keys;
        }
        return RESOLVED.computeIfAbsent((prefix ? "+" : "=") + named, n -> Collections.unmodifiableSet(resolveAll(named, keys, prefix)));
    }

    private static Set<String> resolveAll(String named, Set<String> keys, boolean prefix) {
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
