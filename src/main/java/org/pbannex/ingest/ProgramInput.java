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
 */
public record ProgramInput(Path folder, Keys keys) {

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

    /** Makes {@code program} the one in use (null: none) and returns the one that was, for the caller to put back. */
    public static ProgramInput use(ProgramInput program) {
        ProgramInput before = current;
        current = program;
        return before;
    }

    /** The program's input in use, or null. */
    static ProgramInput current() {
        return current;
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
