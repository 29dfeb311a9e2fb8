package org.pbannex.ingest;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The input descriptor, a Frictionless Data Package ({@code datapackage.json}) whose resources carry
 * Table Schemas. It is the documented schema of every input file, and the ingest enforces it.
 */
public final class DataPackage {

    public static final String FILE = "datapackage.json";
    private static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;

    private final Map<String, Resource> resources;

    private DataPackage(Map<String, Resource> resources) {
        this.resources = resources;
    }

    public static DataPackage load(Path inputDir) {
        return loadDescriptor(inputDir.resolve(FILE));
    }

    /** A descriptor in a file of another name (the reviewers list has its own, as it is no input of the tables). */
    public static DataPackage loadDescriptor(Path file) {
        if (!Files.isRegularFile(file)) {
            // Named as it is missing: the reviewers' list has a descriptor of its own (reviewers.datapackage.json).
            throw new InputError(file.toString(), 0, "", Said.of("no_descriptor", "file", file.getFileName().toString()));
        }
        JsonNode root;
        try {
            root = JsonMapper.builder().build().readTree(file.toFile());
        } catch (JacksonException e) {
            throw new InputError(file.toString(), e.getLocation() == null ? 0 : e.getLocation().getLineNr(), "",
                    Said.of("not_json", "detail", e.getOriginalMessage()));
        }
        Map<String, Resource> out = new LinkedHashMap<>();
        for (JsonNode r : root.path("resources")) {
            Resource res = resource(r, file.toString());
            out.put(res.name(), res);
        }
        return new DataPackage(out);
    }

    /** A pb-annex field property that has one value, or is absent. */
    private static boolean flag(JsonNode field, String property, String value, String where) {
        String v = field.path(property).asString("");
        if (v.isEmpty()) {
            return false;
        }
        if (v.equals(value)) {
            return true;
        }
        throw new IllegalArgumentException(where + ": " + property + " must be \"" + value + "\" (or absent), not \"" + v + "\"");
    }

    public Resource resource(String name) {
        Resource r = resources.get(name);
        if (r == null) {
            throw new NoSuchElementException("datapackage.json has no resource '" + name + "'");
        }
        return r;
    }

    public boolean has(String name) {
        return resources.containsKey(name);
    }

    public List<Resource> resources() {
        return List.copyOf(resources.values());
    }

    /** "pbOverride": "mergeByKey" (a biennium's file replaces rows by key), or "replace" / absent (it replaces the file). */
    private static boolean mergesByKey(JsonNode r, String file) {
        String v = r.path("pbOverride").asString("replace");
        if (!v.equals("replace") && !v.equals("mergeByKey")) {
            throw new InputError(file, 0, "", "resource '" + r.path("name").asString() + "': pbOverride must be \"replace\" or "
                    + "\"mergeByKey\", not \"" + v + "\"");
        }
        if (v.equals("mergeByKey") && !r.path("schema").has("primaryKey")) {
            throw new InputError(file, 0, "", "resource '" + r.path("name").asString() + "': pbOverride mergeByKey needs a primaryKey");
        }
        return v.equals("mergeByKey");
    }

    /**
     * A foreign key's {@code "pbEveryCode"}: absent (the file may hold some codes of the list only), {@code {}} (every
     * code), {@code {"where": {"kind": "policy"}}} (every code of the rows holding those values), with an optional
     * {@code "fix"} saying what to add: {@code {"zh": ..., "en": ...}}, as a failed run's report says it in its language
     * (a plain string is said as it is in both), an optional {@code "per": ["fund"]} (every code in each group of rows
     * with those values that names one) and an optional {@code "rowsWhere": {"biennium": "{biennium}"}} (among those
     * rows only).
     */
    private static ForeignKey.EveryCode everyCode(JsonNode fk, String resource, String file) {
        JsonNode every = fk.path("pbEveryCode");
        if (every.isMissingNode()) {
            return null;
        }
        JsonNode fix = every.path("fix");
        if (!every.isObject() || every.properties().stream().anyMatch(e -> !List.of("where", "fix", "per", "rowsWhere").contains(e.getKey()))
                || !every.path("where").isMissingNode() && !every.path("where").isObject()
                || !every.path("rowsWhere").isMissingNode() && !every.path("rowsWhere").isObject()
                || !every.path("per").isMissingNode() && !every.path("per").isArray()
                || fix.isObject() && (fix.size() != 2 || !fix.path("zh").isString() || !fix.path("en").isString())) {
            throw new InputError(file, 0, "", "resource '" + resource + "', foreign key '" + fk.path("fields").asString()
                    + "': pbEveryCode must be an object with \"where\" (column: value), \"fix\" ({\"zh\": ..., \"en\": ...}), "
                    + "\"per\" (columns) and \"rowsWhere\" (column: value), all optional");
        }
        List<String> per = new ArrayList<>();
        every.path("per").forEach(c -> per.add(c.asString()));
        return new ForeignKey.EveryCode(columnValues(every.path("where")), fix.isMissingNode() ? null : fix.isObject()
                ? new Said.Written(fix.get("zh").asString(), fix.get("en").asString())
                : new Said.Written(fix.asString(), fix.asString()), List.copyOf(per), columnValues(every.path("rowsWhere")));
    }

    /** {@code {"column": "value", ...}} in its order (none for a missing node). */
    private static Map<String, String> columnValues(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        node.properties().forEach(e -> out.put(e.getKey(), e.getValue().asString()));
        return java.util.Collections.unmodifiableMap(out);
    }

    private static Integer yearsBefore(JsonNode n, String where) {
        if (!n.isIntegralNumber() || n.asInt() < 0 || n.asInt() > 100) {
            throw new IllegalArgumentException(where + ": pbYearsBeforeBiennium must be a whole number of years, 0 to 100, not " + n);
        }
        return n.asInt();
    }

    /** {@code "pbSameAs": "resource.field"}, or null when absent. */
    private static String sameAs(JsonNode n, String where) {
        if (n.isMissingNode()) {
            return null;
        }
        if (!n.isString() || !n.asString().matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException(where + ": pbSameAs must be \"resource.field\", not " + n);
        }
        return n.asString();
    }

    private static Resource resource(JsonNode r, String file) {
        JsonNode schema = r.path("schema");
        List<Field> fields = new ArrayList<>();
        for (JsonNode f : schema.path("fields")) {
            JsonNode c = f.path("constraints");
            List<String> allowed = new ArrayList<>();
            c.path("enum").forEach(v -> allowed.add(v.asString()));
            String where = "resource '" + r.path("name").asString() + "', field '" + f.path("name").asString() + "'";
            Field field;
            try {
                field = new Field(
                        f.path("name").asString(),
                        FieldType.of(f.path("type").asString("string")),
                        f.path("description").asString(""),
                        f.path("pbDescriptionZh").asString(""),
                        c.path("required").asBoolean(false),
                        c.has("minimum") ? new BigDecimal(c.get("minimum").asString()) : null,
                        c.has("maximum") ? new BigDecimal(c.get("maximum").asString()) : null,
                        c.has("pattern") ? Pattern.compile(c.get("pattern").asString()) : null,
                        allowed,
                        f.has("decimalPlaces") ? f.get("decimalPlaces").asInt() : null,
                        TextRules.FormulaLike.of(f.path("pbFormulaLike").asString(""), where),
                        flag(f, "pbLineBreaks", "allowed", where),
                        flag(f, "pbFormulaCell", "cachedNumber", where),
                        flag(f, "pbOneLanguage", "allowed", where),
                        flag(f, "pbTotalWords", "refused", where),
                        LanguageRules.Exemption.NONE,
                        f.has("pbYearsBeforeBiennium") ? yearsBefore(f.get("pbYearsBeforeBiennium"), where) : null,
                        sameAs(f.path("pbSameAs"), where),
                        flag(f, "pbColumn", "optional", where));
                // Of a text column of one language only, which the field knows once made.
                field = field.mixingLanguages(LanguageRules.exemption(f.path("pbMixedLanguage"), field.name(), field.language()));
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new InputError(file, 0, "", where + ": the pattern is not a valid regular expression: " + e.getDescription());
            } catch (IllegalArgumentException e) {
                throw new InputError(file, 0, "", e.getMessage().startsWith("resource") ? e.getMessage() : where + ": " + e.getMessage());
            }
            // Every number is bounded at input, so no sum downstream can overflow on a wild value.
            if (field.numeric() && (field.minimum() == null || field.maximum() == null)) {
                throw new InputError(file, 0, "", where + " (" + field.type().name().toLowerCase(java.util.Locale.ROOT)
                        + ") has no " + (field.minimum() == null ? "minimum" : "maximum")
                        + ": every number needs a documented range (constraints minimum and maximum)");
            }
            fields.add(field);
        }
        List<String> pk = new ArrayList<>();
        JsonNode pkNode = schema.path("primaryKey");
        if (pkNode.isArray()) {
            pkNode.forEach(v -> pk.add(v.asString()));
        } else if (!pkNode.isMissingNode()) {
            pk.add(pkNode.asString());
        }
        List<ForeignKey> fks = new ArrayList<>();
        for (JsonNode fk : schema.path("foreignKeys")) {
            if (!fk.path("pbRowsWhere").isMissingNode() && !fk.path("pbRowsWhere").isObject()) {
                throw new InputError(file, 0, "", "resource '" + r.path("name").asString() + "', foreign key '"
                        + fk.path("fields").asString() + "': pbRowsWhere must be an object (column: value)");
            }
            fks.add(new ForeignKey(fk.path("fields").asString(), fk.path("reference").path("resource").asString(),
                    fk.path("reference").path("fields").asString(), everyCode(fk, r.path("name").asString(), file),
                    columnValues(fk.path("pbRowsWhere"))));
        }
        long maxBytes = r.has("maxBytes") ? r.get("maxBytes").asLong() : DEFAULT_MAX_BYTES;
        return new Resource(r.path("name").asString(), r.path("path").asString(), r.path("description").asString(""),
                fields, pk, fks, maxBytes, r.has("minRows") ? r.get("minRows").asInt() : 1, mergesByKey(r, file),
                numberings(r, fields, file), r.path("pbDescriptionZh").asString(""));
    }

    /**
     * The fields that say {@code "pbNumbering": {}} (numbered 1, 2, 3 ... over the file) or {@code {"within": ["indicator"]}}
     * (afresh for each value of those columns): integers only, the columns the resource's own.
     */
    private static List<Numbering> numberings(JsonNode r, List<Field> fields, String file) {
        List<Numbering> out = new ArrayList<>();
        for (JsonNode f : r.path("schema").path("fields")) {
            JsonNode n = f.path("pbNumbering");
            if (n.isMissingNode()) {
                continue;
            }
            String where = "resource '" + r.path("name").asString() + "', field '" + f.path("name").asString() + "'";
            List<String> within = new ArrayList<>();
            n.path("within").forEach(c -> within.add(c.asString()));
            boolean knownColumns = within.stream().allMatch(c -> fields.stream().anyMatch(x -> x.name().equals(c)));
            if (!n.isObject() || n.properties().stream().anyMatch(e -> !e.getKey().equals("within"))
                    || !n.path("within").isMissingNode() && !n.path("within").isArray() || !knownColumns
                    || !f.path("type").asString("").equals("integer")) {
                throw new InputError(file, 0, "", where + ": pbNumbering must be an object with \"within\" (a list of the "
                        + "resource's columns), optional, on an integer field");
            }
            out.add(new Numbering(f.path("name").asString(), List.copyOf(within)));
        }
        return List.copyOf(out);
    }
}
