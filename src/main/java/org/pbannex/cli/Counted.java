package org.pbannex.cli;

/** A count with its noun as a summary line says it: "1 table", "17 tables". */
final class Counted {
    private Counted() {
    }

    static String of(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
