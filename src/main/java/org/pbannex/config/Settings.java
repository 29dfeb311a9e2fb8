package org.pbannex.config;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Binds {@link PbProperties} exactly as Spring Boot does (overrides first, then system properties, environment
 * variables with relaxed names, then application.properties), for the commands that start no Spring context
 * ({@code check}, {@code generate-expenditure}, ...). The commands that do start one get the same values through
 * {@code @EnableConfigurationProperties}.
 */
public final class Settings {

    private Settings() {
    }

    public static PbProperties load(Map<String, String> overrides) {
        return bind(overrides, null);
    }

    /**
     * The settings a failure notice needs ({@code pb.home}, {@code pb.status}, {@code pb.failures.*}) read without the
     * others, which keep their defaults: a run whose other settings cannot be read (a timeout of "soon") still tells
     * someone.
     */
    public static PbProperties forFailureNotice(Map<String, String> overrides) {
        return bind(overrides, name -> !PB.isAncestorOf(name) || NOTICE.stream().anyMatch(k -> k.equals(name) || k.isAncestorOf(name)));
    }

    private static final ConfigurationPropertyName PB = ConfigurationPropertyName.of("pb");
    private static final List<ConfigurationPropertyName> NOTICE = Stream.of("pb.home", "pb.status", "pb.failures")
            .map(ConfigurationPropertyName::of).toList();

    /** Binds the settings, those of {@code read} only when it is given. */
    private static PbProperties bind(Map<String, String> overrides, Predicate<ConfigurationPropertyName> read) {
        StandardEnvironment env = environment(overrides);
        List<ConfigurationPropertySource> sources = new ArrayList<>();
        ConfigurationPropertySources.from(env.getPropertySources())
                .forEach(source -> sources.add(read == null ? source : source.filter(read)));
        Binder binder = new Binder(sources, new PropertySourcesPlaceholdersResolver(env), ApplicationConversionService.getSharedInstance());
        return binder.bindOrCreate(ConfigurationPropertyName.of("pb"), Bindable.of(PbProperties.class),
                new DurationUnits(org.springframework.boot.context.properties.bind.BindHandler.DEFAULT));
    }

    /** One property as Spring would resolve it (placeholders filled), e.g. spring.datasource.url. */
    public static String property(Map<String, String> overrides, String key) {
        return environment(overrides).getProperty(key);
    }

    /** The settings as Spring sees them: the overrides, the environment and system properties, application.properties. */
    public static StandardEnvironment environment(Map<String, String> overrides) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("overrides", new HashMap<>(overrides)));
        try {
            for (var source : new PropertiesPropertySourceLoader().load("application.properties",
                    new ClassPathResource("application.properties"))) {
                env.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read application.properties: " + e.getMessage(), e);
        }
        return env;
    }
}
