package org.pbannex.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A span as status and the warm process say it: the warm process's idle limit of 10 s read "ends after 0 min idle" when
 * it was said in whole minutes (found by an exploratory test).
 */
class TimesSpanTest {

    @Test
    void aSpanIsSaidInTheUnitsThatShowIt() {
        assertEquals(List.of("10 s", "0 s", "1 min", "59 min", "1 h 0 min", "2 h 43 min", "3 d 4 h"),
                List.of(Times.span(Duration.ofSeconds(10)), Times.span(Duration.ofSeconds(-5)), Times.span(Duration.ofSeconds(60)),
                        Times.span(Duration.ofMinutes(59)), Times.span(Duration.ofHours(1)), Times.span(Duration.ofMinutes(163)),
                        Times.span(Duration.ofHours(76))));
    }
}
