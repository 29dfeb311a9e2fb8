package org.pbannex.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The settings' sources: Spring Boot's, and its shortcut where an installation has no settings file. */
class SettingsTest {

    @TempDir
    Path home;

    @Test
    void withoutSettingsFilesTheJarsFileAloneGivesWhatSpringBootWould() {
        StandardEnvironment fast = Settings.environment(Map.of("pb.home", home.toString()));
        assertTrue(Settings.jarsFileOnly(new StandardEnvironment(), home), "no settings file: the shortcut");
        StandardEnvironment spring = new StandardEnvironment();
        spring.getPropertySources().addFirst(new MapPropertySource("x", Map.of("pb.home", home.toString(),
                "spring.config.location", Settings.locations(home))));
        ConfigDataEnvironmentPostProcessor.applyTo(spring);
        int compared = 0;
        for (var source : spring.getPropertySources()) {
            if (source.getName().startsWith("Config resource") && source instanceof EnumerablePropertySource<?> e) {
                for (String name : e.getPropertyNames()) {
                    assertEquals(spring.getProperty(name), fast.getProperty(name), name);
                    compared++;
                }
            }
        }
        assertTrue(compared > 10, compared + " settings compared");
    }

    @Test
    void aSettingsFileOrAProfileIsReadBySpringBootsOwnCode() throws Exception {
        Files.createDirectories(home.resolve("config/site"));
        Files.writeString(home.resolve("config/site/application.yml"), "pb:\n  retention:\n    runs: 4\n");
        assertEquals(4, Settings.load(Map.of("pb.home", home.toString())).retention().runs(), "config/*/ in YAML");
        Files.writeString(home.resolve("config/application.properties"), "pb.retention.runs=2\n");
        assertEquals(4, Settings.load(Map.of("pb.home", home.toString())).retention().runs(), "config/*/ outranks config/");
        Files.writeString(home.resolve("application-night.properties"), "pb.retention.age=90d\n");
        assertEquals(java.time.Duration.ofDays(90), Settings.load(Map.of("pb.home", home.toString(), "spring.profiles.active", "night"))
                .retention().age(), "a profile's file");
        assertFalse(Settings.jarsFileOnly(new StandardEnvironment(), home));
    }
}
