package org.pbannex.config;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.pbannex.ingest.Nearest;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The settings given that pb-annex does not know, each a line saying so, where it was set and what it may have been
 * meant for: an environment variable starting PB_, a pb.* key of a settings file, a system property (-D) or an
 * override. A misspelt setting (PB_RETENTION_RUNZ) would otherwise be ignored without a word, and its default used.
 */
public final class UnknownSettings {

    private UnknownSettings() {
    }

    /**
     * pb.* names read outside {@link PbProperties}: the reviewers' sender (distribute.MailServer); the launcher's own
     * system properties (when it started; the schedule's class cache; the program's folder is PbProperties' own); the
     * project's tests' golden tables (-Dpb.golden, read by the tests, which run the commands in their JVM).
     */
    private static final List<String> OTHER_NAMES = List.of("pb.distribution.from", "pb.launcher.started",
            "pb.schedule.run-cache", "pb.golden", "pb.terminal");

    /**
     * The environment variables of the launcher (pb-annex, scripts/) and of application.properties' shorthands, which
     * are no pb.* setting (LauncherVariablesTest keeps this list and the launcher's in step).
     */
    static final List<String> LAUNCHER_VARIABLES = List.of("PB_WARM", "PB_JAVA", "PB_JAVA_OPTS", "PB_JVM_DEFAULTS",
            "PB_JAVA_MAJOR", "PB_FAST_START", "PB_HUGE_PAGES", "PB_SHOW_COMMAND", "PB_ARGS", "PB_DATABASE_URL",
            "PB_DATABASE_USER", "PB_DATABASE_PASSWORD", "PB_TERMINAL");

    /** Every pb.* setting, in its canonical form (pb.failures.mail-to). */
    static final List<String> KNOWN = known();

    private static List<String> known() {
        List<String> names = new ArrayList<>();
        components("pb", PbProperties.class, names);
        names.addAll(OTHER_NAMES);
        return List.copyOf(names);
    }

    /** The settings of a record's components: a nested record's own, every other one a setting. */
    private static void components(String prefix, Class<?> type, List<String> names) {
        for (RecordComponent c : type.getRecordComponents()) {
            String name = prefix + "." + c.getName().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
            if (c.getType().isRecord()) {
                components(name, c.getType(), names);
            } else {
                names.add(name);
            }
        }
    }

    /** The environment variables that set a known setting, as Spring Boot matches them (PB_SERVE_WARMUP, PB_SERVE_WARM_UP). */
    private static final Set<String> KNOWN_VARIABLES = knownVariables();

    private static Set<String> knownVariables() {
        Set<String> names = new LinkedHashSet<>();
        for (String k : KNOWN) {
            String upper = k.toUpperCase(Locale.ROOT).replace('.', '_');
            names.add(upper.replace('-', '_'));
            names.add(upper.replace("-", ""));
        }
        names.addAll(LAUNCHER_VARIABLES);
        return names;
    }

    /** One line per unknown setting in these sources (Settings.environment), in the order of the sources, then by name. */
    public static List<String> in(ConfigurableEnvironment env) {
        List<String> lines = new ArrayList<>();
        for (PropertySource<?> source : env.getPropertySources()) {
            if (!(source instanceof EnumerablePropertySource<?> e)) {
                continue;
            }
            boolean variables = source.getName().equals(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
            // By name: the environment has no order of its own.
            for (String key : java.util.Arrays.stream(e.getPropertyNames()).sorted().toList()) {
                if (variables && key.startsWith("PB_") && !KNOWN_VARIABLES.contains(key)) {
                    lines.add(key + " is no setting of pb-annex, and is ignored" + nearest(key, KNOWN_VARIABLES));
                } else if (!variables && key.toLowerCase(Locale.ROOT).startsWith("pb.") && !known(key)) {
                    lines.add(where(source, key) + " is no setting of pb-annex, and is ignored" + nearest(key, KNOWN));
                }
            }
        }
        return lines;
    }

    /** Whether a key names a known setting, as Spring Boot binds it (any case, with or without dashes; list items). */
    private static boolean known(String key) {
        String k = relaxed(key.replaceAll("\\[[^]]*]", ""));
        return KNOWN.stream().anyMatch(n -> relaxed(n).equals(k));
    }

    private static String relaxed(String name) {
        return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    /** Where a key was set, as the line names it. */
    private static String where(PropertySource<?> source, String key) {
        if (source.getName().equals(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME)) {
            return "-D" + key;
        }
        if (source instanceof OriginLookup<?> lookup && lookupOrigin(lookup, key) instanceof TextResourceOrigin t) {
            return key + Settings.in(t);
        }
        return key;
    }

    @SuppressWarnings("unchecked")
    private static Object lookupOrigin(OriginLookup<?> lookup, String key) {
        return ((OriginLookup<String>) lookup).getOrigin(key);
    }

    /** "; did you mean X?" for the known name nearest to the key, when one is near (a few letters away). */
    static String nearest(String key, java.util.Collection<String> names) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String n : names) {
            int d = Nearest.distance(key.toLowerCase(Locale.ROOT), n.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = n;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(2, key.length() / 5) ? "; did you mean " + best + "?" : "";
    }
}
