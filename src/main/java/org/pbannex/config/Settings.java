package org.pbannex.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.boot.env.PropertiesPropertySourceLoader;

/**
 * The one place the settings are read from, for every command: {@link #environment} builds the sources in Spring
 * Boot's order (overrides first, then system properties, environment variables with relaxed names, then the settings
 * files), and the commands that start a Spring context hand it that same environment (cli.SpringRuntime), so a run
 * and a {@code preflight}, {@code status}, {@code check} or failure notice read the same values.
 */
public final class Settings {

    private Settings() {
    }

    public static PbProperties load(Map<String, String> overrides) {
        return load(environment(overrides));
    }

    public static PbProperties load(ConfigurableEnvironment env) {
        return bind(env, null);
    }

    /**
     * The settings a failure notice needs ({@code pb.home}, {@code pb.status}, {@code pb.failures.*}, and the
     * installation's {@code pb.input} and {@code pb.output}: its words, and which runs are trials) read without the
     * others, which keep their defaults: a run whose other settings cannot be read (a timeout of "soon") still tells
     * someone.
     */
    public static PbProperties forFailureNotice(ConfigurableEnvironment env) {
        return bind(env, name -> !PB.isAncestorOf(name) || NOTICE.stream().anyMatch(k -> k.equals(name) || k.isAncestorOf(name)));
    }

    /**
     * The same, read without the settings files: for a failure notice's note when a settings file cannot be read (the
     * command-line overrides, system properties and environment variables, then the defaults: PB_STATUS, PB_HOME).
     */
    public static PbProperties forFailureNoticeWithoutFiles(Map<String, String> overrides) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("overrides", new HashMap<>(overrides)));
        foldersAsNamed(env);
        return forFailureNotice(env);
    }

    private static final ConfigurationPropertyName PB = ConfigurationPropertyName.of("pb");
    private static final List<ConfigurationPropertyName> NOTICE = Stream.of("pb.home", "pb.status", "pb.failures", "pb.input", "pb.output")
            .map(ConfigurationPropertyName::of).toList();

    /** Binds the settings, those of {@code read} only when it is given. */
    private static PbProperties bind(ConfigurableEnvironment env, Predicate<ConfigurationPropertyName> read) {
        List<ConfigurationPropertySource> sources = new ArrayList<>();
        ConfigurationPropertySources.from(env.getPropertySources())
                .forEach(source -> sources.add(read == null ? source : source.filter(read)));
        Binder binder = new Binder(sources, new PropertySourcesPlaceholdersResolver(env), ApplicationConversionService.getSharedInstance());
        return binder.bindOrCreate(ConfigurationPropertyName.of("pb"), Bindable.of(PbProperties.class),
                new RefusedSettings(new DurationUnits(org.springframework.boot.context.properties.bind.BindHandler.DEFAULT)));
    }

    /** One property as Spring would resolve it (placeholders filled), e.g. spring.datasource.url. */
    public static String property(Map<String, String> overrides, String key) {
        return environment(overrides).getProperty(key);
    }

    /** The name of the property source of the settings files' locations ({@link #locations}). */
    static final String LOCATIONS = "pb-annex settings files";

    /**
     * The settings as Spring Boot sees them: the overrides, system properties, environment variables, then the
     * settings files Spring Boot reads, by its own code (ConfigDataEnvironmentPostProcessor, as a Spring context's
     * start does: .properties and .yml, profiles, imports), from {@link #locations}.
     */
    public static StandardEnvironment environment(Map<String, String> overrides) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("overrides", new HashMap<>(overrides)));
        foldersAsNamed(env);
        Path home = Path.of(env.getProperty("pb.home", ".")).toAbsolutePath().normalize();
        boolean jarsOnly = jarsFileOnly(env, home);
        // An operator's own spring.config.location (SPRING_CONFIG_LOCATION) is Spring Boot's to honour as it is.
        if (env.getProperty("spring.config.location") == null) {
            env.getPropertySources().addLast(new MapPropertySource(LOCATIONS, Map.of("spring.config.location", locations(home))));
        }
        if (jarsOnly) {
            try {
                for (var source : new PropertiesPropertySourceLoader().load(JARS_FILE, new ClassPathResource(JARS_FILE))) {
                    env.getPropertySources().addLast(source);
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + JARS_FILE + ": " + e.getMessage(), e);
            }
        } else {
            try {
                ConfigDataEnvironmentPostProcessor.applyTo(env);
            } catch (RuntimeException e) {
                throw UnreadableSettingsFile.explain(e, env, home);
            }
        }
        return env;
    }

    private static final String JARS_FILE = "application.properties";

    /** The folders the launcher names (PB_HOME's, as pb.home, and its own, pb.program): paths, never templates. */
    private static final List<String> FOLDERS = List.of("pb.home", "pb.program");

    /**
     * A "${" in a folder's name ("/srv/pb-${year}") is part of the name: Spring would take it for a placeholder, fill
     * it in (${HOME}) or stop at one it cannot fill, in pb.home and wherever pb.home is used (the H2 database's URL).
     * Each such value, as its source has it, outranks that source escaped as Spring reads an escaped placeholder.
     */
    private static void foldersAsNamed(StandardEnvironment env) {
        Map<String, Object> escaped = new HashMap<>();
        for (String key : FOLDERS) {
            env.getPropertySources().stream().map(source -> source.getProperty(key)).filter(java.util.Objects::nonNull)
                    .findFirst().map(Object::toString).filter(v -> v.contains("${"))
                    .ifPresent(v -> escaped.put(key, v.replace("${", "\\${")));
        }
        if (!escaped.isEmpty()) {
            env.getPropertySources().addFirst(new MapPropertySource("pb-annex folders, as named", escaped));
        }
    }

    /**
     * Whether Spring Boot would read the jar's application.properties alone (no settings file in the installation, no
     * location, import or profile named): then it is read alone, without Spring Boot's config-data code, which would
     * add a tenth to a check's start-up (0.05-0.14 s measured) to find nothing more.
     */
    static boolean jarsFileOnly(StandardEnvironment env, Path home) {
        for (String p : List.of("spring.config.location", "spring.config.additional-location", "spring.config.import",
                "spring.config.name", "spring.profiles.active", "spring.profiles.include")) {
            if (env.containsProperty(p)) {
                return false;
            }
        }
        ClassLoader jar = Settings.class.getClassLoader();
        for (String ext : List.of("properties", "xml", "yml", "yaml")) {
            String file = "application." + ext;
            if (Files.exists(home.resolve(file)) || Files.exists(home.resolve("config").resolve(file))
                    || jar.getResource("config/" + file) != null || (!file.equals(JARS_FILE) && jar.getResource(file) != null)) {
                return false;
            }
        }
        if (Files.isDirectory(home.resolve("config"))) {
            try (var dirs = Files.list(home.resolve("config"))) {
                return dirs.noneMatch(Files::isDirectory); // config/*/
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    /**
     * What these settings give that pb-annex does not use (UnknownSettings), and a TZ that names no zone
     * (TimeZoneSetting): the lines every command warns of, and a run's report shows.
     */
    public static List<String> warnings(ConfigurableEnvironment env) {
        return Stream.concat(UnknownSettings.in(env).stream(), TimeZoneSetting.warning().stream()).distinct().toList();
    }

    /**
     * The line of a setting pb-annex cannot use: "the setting pb.run.lease (PB_RUN_LEASE) is 'soon', which is not a
     * duration such as 10s, 5m or 1h", naming where it was set (an environment variable, -D, a settings file's line) and
     * its value as written there when {@code property} is known, else {@code value} as bound.
     */
    public static String refused(String name, org.springframework.boot.context.properties.source.ConfigurationProperty property,
                                 Object value, String notWhat) {
        String where = property == null ? null : where(property);
        return "the setting " + name + (where == null ? "" : " (" + where + ")") + " is '"
                + (property == null ? value : property.getValue()) + "', which is not " + notWhat;
    }

    /** Where the property was set, as a line says it: PB_RUN_LEASE, -Dpb.run.lease, pb.run.lease in FILE, line 3. */
    private static String where(org.springframework.boot.context.properties.source.ConfigurationProperty property) {
        var origin = origin(property);
        return origin instanceof org.springframework.boot.origin.PropertySourceOrigin o
                ? switch (o.getPropertySource().getName()) {
                    case "systemEnvironment" -> o.getPropertyName();
                    case "systemProperties" -> "-D" + o.getPropertyName();
                    default -> o.getPropertyName() + " in " + o.getPropertySource().getName();
                }
                : origin instanceof TextResourceOrigin file ? property.getName() + in(file)
                : origin == null ? null : origin.toString();
    }

    /** Whether a settings file set the property (not a variable, -D or an override). */
    public static boolean inFile(org.springframework.boot.context.properties.source.ConfigurationProperty property) {
        return origin(property) instanceof TextResourceOrigin;
    }

    private static org.springframework.boot.origin.Origin origin(org.springframework.boot.context.properties.source.ConfigurationProperty property) {
        var origin = property.getOrigin();
        if (origin instanceof org.springframework.boot.origin.PropertySourceOrigin o && o.getOrigin() instanceof TextResourceOrigin file) {
            return file; // a settings file's line
        }
        return origin;
    }

    /** Where a settings file set a name, as a line says it: " in /path/config/application.properties, line 3". */
    public static String in(TextResourceOrigin origin) {
        var r = origin.getResource();
        String file;
        try {
            file = r != null && r.isFile() ? r.getFile().toString() : String.valueOf(r);
        } catch (java.io.IOException e) {
            file = r.getDescription();
        }
        return " in " + file + (origin.getLocation() == null ? "" : ", line " + (origin.getLocation().getLine() + 1));
    }

    /**
     * Spring Boot's standard locations (the jar's application.properties, then application.properties and
     * config/application.properties, later ones winning), the files found in the installation folder rather than the
     * folder a command runs from: the launcher does not change folder, and jobs/, input/ and output/ are the
     * installation's wherever a command is typed, so are its settings.
     */
    static String locations(Path home) {
        String h = folderUrl(home);
        return "optional:classpath:/;optional:classpath:/config/,optional:file:" + h + ";optional:file:" + h
                + "config/;optional:file:" + h + "config/*/";
    }

    /**
     * The folder as a file URL's path ending in '/': in a list of locations a ',' or ';' of its name would end the
     * location and a '*' make it a pattern, so they are percent-encoded with what a URL cannot hold (a space, '%',
     * '{'); Spring's file resources decode them back to the folder's name.
     */
    private static String folderUrl(Path home) {
        String path = home.toUri().getRawPath().replace(",", "%2C").replace(";", "%3B").replace("*", "%2A");
        return path.endsWith("/") ? path : path + "/";
    }
}
