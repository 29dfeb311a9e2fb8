package org.pbannex.cli;

import java.time.Duration;
import org.springframework.boot.convert.DurationStyle;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** An option that takes a duration (26h, 90m, 30s), as Spring Boot's settings write them. */
final class DurationOption {

    private DurationOption() {
    }

    /** The option's duration; a usage error naming the option when its value is none, or not above 0. */
    static Duration parse(CommandSpec spec, String option, String value, String examples) {
        Duration d;
        try {
            // A bare number would be milliseconds (--reread 30: every 30 ms): a duration is written with its unit.
            d = value.strip().matches("[+-]?0*[1-9]\\d*") ? null : DurationStyle.detectAndParse(value);
        } catch (IllegalArgumentException e) {
            d = null;
        }
        if (d == null || d.isNegative() || d.isZero()) {
            throw new ParameterException(spec.commandLine(), option + " '" + value + "' is not a duration"
                    + (d == null ? "" : " above zero") + " such as " + examples);
        }
        return d;
    }
}
