package org.pbannex.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Which settings pb-annex knows, and what it says of the others. */
class UnknownSettingsTest {

    /** These settings given as environment variables (the process's own left out). */
    private static StandardEnvironment withVariables(Map<String, Object> variables) {
        StandardEnvironment env = Settings.environment(Map.of());
        env.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        return env;
    }

    @Test
    void everyVariableTheLauncherAndItsScriptsUseIsKnown() throws Exception {
        Path home = Path.of(System.getProperty("pb.home", ".")).toAbsolutePath();
        TreeSet<String> used = new TreeSet<>();
        try (Stream<Path> scripts = Files.list(home.resolve("scripts"))) {
            for (Path f : Stream.concat(Stream.of(home.resolve("pb-annex")), scripts.filter(p -> p.toString().endsWith(".sh"))).toList()) {
                Matcher m = Pattern.compile("\\bPB_[A-Z0-9_]*[A-Z0-9]").matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group());
                }
            }
        }
        assertTrue(used.containsAll(List.of("PB_WARM", "PB_HUGE_PAGES", "PB_JAVA_OPTS", "PB_FAST_START", "PB_SERVE_IDLE")), used.toString());
        Map<String, Object> variables = new java.util.HashMap<>();
        used.forEach(v -> variables.put(v, "x"));
        assertEquals(List.of(), UnknownSettings.in(withVariables(variables)));
    }

    @Test
    void aMisspeltVariableIsToldWithTheNearestKnownOne() {
        assertEquals(List.of("PB_NOTHING_LIKE_ANY is no setting of pb-annex, and is ignored",
                        "PB_RETENTION_RUNZ is no setting of pb-annex, and is ignored; did you mean PB_RETENTION_RUNS?"),
                UnknownSettings.in(withVariables(Map.of("PB_RETENTION_RUNZ", "3", "PB_NOTHING_LIKE_ANY", "1",
                        "PB_SERVE_WARMUP", "false", "PB_SERVE_WARM_UP", "false", "PB_RUN_PAUSEAT", "", "PB_FAILURES_MAIL_TO", "a@b"))));
    }

    @Test
    void keysAreKnownAsSpringBootBindsThemAndTheOthersNamedWhereTheyWereSet() {
        StandardEnvironment env = withVariables(Map.of());
        env.getPropertySources().addFirst(new MapPropertySource("overrides", Map.of("pb.failures.mailTo", "a@b",
                "pb.failures.mail-to[1]", "c@d", "pb.serve.warmup", "true", "pb.layot-memory", "/x", "spring.whatever", "y")));
        assertEquals(List.of("pb.layot-memory is no setting of pb-annex, and is ignored; did you mean pb.layout-memory?"),
                UnknownSettings.in(env));
    }

    @Test
    void aTimeZoneTheJvmDoesNotKnowIsTold() {
        assertEquals(Optional.of("TZ is 'Bogus/Zone', which names no time zone: times, and the schedule's, are in GMT instead; "
                + "set TZ to a zone such as Europe/Zurich, or unset it for the system's"), TimeZoneSetting.warning("Bogus/Zone", ZoneId.of("GMT")));
        assertEquals(Optional.empty(), TimeZoneSetting.warning("Europe/Zurich", ZoneId.of("Europe/Zurich")));
        assertEquals(Optional.empty(), TimeZoneSetting.warning(":Asia/Shanghai", ZoneId.of("Asia/Shanghai")));
        assertEquals(Optional.empty(), TimeZoneSetting.warning(null, ZoneId.of("UTC")));
    }
}
