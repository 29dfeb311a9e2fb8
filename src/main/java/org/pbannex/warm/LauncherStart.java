package org.pbannex.warm;

import java.util.OptionalLong;

/**
 * When {@code ./pb-annex} started, as bash's {@code EPOCHREALTIME} gives it: the warm client sends it with a command,
 * and the launcher passes it to a JVM of the command's own ({@code -Dpb.launcher.started}), so that {@code --timings}
 * count from what a user waits for. The JVM's own start time ({@code RuntimeMXBean.getStartTime}) comes later: after
 * bash, the exec and about 0.07 s of the JVM's set-up (mapping its class cache).
 */
public final class LauncherStart {

    /** The system property the launcher sets. */
    public static final String PROPERTY = "pb.launcher.started";

    private LauncherStart() {
    }

    /** EPOCHREALTIME in milliseconds: seconds with a fraction (its decimal point follows the locale); 0 when missing. */
    static long millis(String epochRealTime) {
        if (epochRealTime == null) {
            return 0;
        }
        try {
            return Math.round(Double.parseDouble(epochRealTime.replace(',', '.')) * 1000);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** When the launcher that started this JVM started, if it said so. */
    public static OptionalLong ofThisProcess() {
        long started = millis(System.getProperty(PROPERTY));
        return started == 0 ? OptionalLong.empty() : OptionalLong.of(started);
    }
}
