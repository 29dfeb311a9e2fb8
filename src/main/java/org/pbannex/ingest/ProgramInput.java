package org.pbannex.ingest;

import java.nio.file.Path;

/**
 * The program's own input folder (pb.program's {@code input/}), for the command that is running: a data folder of its
 * own (PB_HOME) reads its shared texts over the program's copy of them, so that an update's new keys never stop an
 * unattended run ({@link ProgramTexts}). The command line sets it for each command, as it reads that command's
 * settings, and puts back what was there after; outside a command (a unit test reading a folder) it is unset and
 * nothing is read beneath.
 *
 * @param folder the program's input folder
 * @param keys   how the program reads the keys of its texts (reference.TextKeys)
 * @param under  the program's input whose rows supply the keys {@code folder}'s copy lacks (null: none): under the copy
 *               of the program's texts that a run kept ({@link #keptBeneath}), the program's own of today, for the
 *               texts an update added since, which the run's copy cannot have
 */
public record ProgramInput(Path folder, Keys keys, ProgramInput under) {

    /** The program's own input folder, nothing beneath it. */
    public ProgramInput(Path folder, Keys keys) {
        this(folder, keys, null);
    }

    /** What the program makes of a key of its texts that a data folder lacks, or has and the program's copy not. */
    public interface Keys {

        /**
         * Whether texts may lack the key by choice (a table's footnote, a general note, a table's optional number): a
         * data folder that lacks one is not given the program's, which speaks of the program's own data.
         */
        boolean optional(String key);

        /** Whether the program reads the key as one of a family read by prefix (t1.footnote.7), not by its exact key. */
        boolean readByPrefix(String key);

        /**
         * Whether this version can fill a text of the key: it holds only placeholders the program fills the key with. An
         * older copy's row fails it where an update renamed a placeholder ({minutes} to {wait}).
         */
        boolean fits(String key, String zh, String en);
    }

    private static volatile ProgramInput current;
    /** The copy a run kept, read in its place on this thread while {@link #keptBeneath}'s reading lasts (null: none). */
    private static final ThreadLocal<ProgramInput> KEPT = new ThreadLocal<>();

    /** Makes {@code program} the one in use (null: none) and returns the one that was, for the caller to put back. */
    public static ProgramInput use(ProgramInput program) {
        ProgramInput before = current;
        current = program;
        return before;
    }

    /** The program's input in use, or null. */
    static ProgramInput current() {
        ProgramInput kept = KEPT.get();
        return kept != null ? kept : current;
    }

    /**
     * What {@code read} gives, a data folder's shared texts read over the copy of the program's that a run kept
     * ({@code folder}, an input folder holding it at its path: the run's input.zip) rather than today's: the words the
     * run read, whatever an update changed since. Today's copy still supplies the keys the run's lacks (texts added by an
     * update since, which this version reads). Outside a command (no program in use) nothing is read beneath, as ever.
     */
    public static <T> T keptBeneath(Path folder, java.util.function.Supplier<T> read) {
        ProgramInput today = current;
        ProgramInput before = KEPT.get();
        if (today == null) {
            return read.get();
        }
        KEPT.set(new ProgramInput(folder, today.keys(), today));
        try {
            return read.get();
        } finally {
            if (before == null) {
                KEPT.remove();
            } else {
                KEPT.set(before);
            }
        }
    }

    /** The program's copy of a shared file of the input ({@code reference/texts.csv}). */
    Path file(String rel) {
        return folder.resolve(rel);
    }

    /** The program's copy of a shared file of the input in use, to read beneath the data folder's; null outside a command. */
    public static Path copyOf(String rel) {
        ProgramInput program = current;
        return program == null ? null : program.file(rel);
    }
}
