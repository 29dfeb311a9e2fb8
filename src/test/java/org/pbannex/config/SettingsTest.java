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

    /**
     * An installation folder whose name has a ',' or ';' (which separate Spring's settings locations) or a '*' (a
     * location pattern): its settings files are read, and a setting of the wrong kind in one names the file as it is
     * named. The location was cut at the ',' and the files were never found ("File extension is not known to any
     * PropertySourceLoader").
     */
    @Test
    void anInstallationFolderWithCommasAndSemicolonsInItsNameHasItsSettingsFilesRead() throws Exception {
        for (String name : java.util.List.of("a,b;c", "x*y %41")) {
            Path odd = home.resolve(name);
            Files.createDirectories(odd.resolve("config/site"));
            Files.writeString(odd.resolve("config/application.properties"), "pb.retention.runs=2\npb.retention.age=90d\n");
            Files.writeString(odd.resolve("config/site/application.yml"), "pb:\n  retention:\n    runs: 4\n");
            PbProperties read = Settings.load(Map.of("pb.home", odd.toString()));
            assertEquals(4, read.retention().runs(), name + ": config/*/ in YAML");
            assertEquals(java.time.Duration.ofDays(90), read.retention().age(), name + ": config/");
            assertEquals(odd, read.home(), name);

            Files.writeString(odd.resolve("application.properties"), "# a mistake\npb.run.lease=soon\n");
            RuntimeException bad = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                    () -> Settings.load(Map.of("pb.home", odd.toString())));
            assertEquals("the setting pb.run.lease (pb.run.lease in " + odd.resolve("application.properties") + ", line 2) is "
                    + "'soon', which is not a duration such as 10s, 5m or 1h", org.pbannex.runtime.ExitCodes.badSetting(bad), name);
        }
    }

    /**
     * A value of its kind that pb-annex cannot use (a negative number of threads) is said as a value of the wrong kind
     * is, naming where it was set, by the same line: it was "pb.expenditure.threads (PB_EXPENDITURE_THREADS) is -1;
     * expected ...", naming the variable wherever it was set, and its value as bound (tester 77a).
     */
    @Test
    void aValueTheSettingsRefuseIsNamedWithWhereItWasSet() throws Exception {
        assertEquals("the setting pb.expenditure.threads (pb.expenditure.threads in " + home.resolve("config/application.properties")
                + ", line 2) is '-1', which is not 0 (one per core) or how many threads parse the expenditure lines, such as 2",
                refusedFrom("pb.retention.runs=3\npb.expenditure.threads=-1\n"));
        RuntimeException size = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> Settings.load(Map.of("pb.home", home.toString(), "pb.expenditure.threads", "2", "pb.expenditure.id-memory", "-1MB")));
        assertEquals("the setting pb.expenditure.id-memory (pb.expenditure.id-memory in overrides) is '-1MB', which is not a size "
                + "above 0, such as 8MB: the memory for finding duplicate line ids", org.pbannex.runtime.ExitCodes.badSetting(size));
    }

    /** A note after a value, as a reader of the README's examples may write it, is said to be the value's part. */
    @Test
    void aNoteAfterAValueIsSaidToBePartOfIt() throws Exception {
        assertEquals("the setting pb.run.lease (pb.run.lease in " + home.resolve("config/application.properties") + ", line 1) is "
                + "'60s # one minute', which is not a duration such as 10s, 5m or 1h (in a settings file a note after a value is part "
                + "of the value: '#' begins a note only at the start of a line, so put it on a line of its own)",
                refusedFrom("pb.run.lease=60s # one minute\n"));
    }

    /** The line of the settings' failure with this config/application.properties: the command's first line too. */
    private String refusedFrom(String settingsFile) throws Exception {
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/application.properties"), settingsFile);
        RuntimeException bad = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> Settings.load(Map.of("pb.home", home.toString())));
        assertEquals(org.pbannex.runtime.ExitCodes.badSetting(bad), org.pbannex.runtime.ExitCodes.message(bad));
        return org.pbannex.runtime.ExitCodes.badSetting(bad);
    }
}
