package org.pbannex.runtime;

/** A count with its noun as a summary line says it: "1 table", "17 tables". */
public final class Counted {
    private Counted() {
    }

    public static String of(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
