package org.pbannex;

import java.util.List;

/** Finding lines in what a command printed or a file holds. */
public final class Lines {

    private Lines() {
    }

    /** The index of the first line that starts with prefix, -1 when none does. */
    public static int firstStartingWith(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
