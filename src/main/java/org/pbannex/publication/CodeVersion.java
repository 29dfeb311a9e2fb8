package org.pbannex.publication;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The version of pb-annex that ran: the jar's version and the commit it was built from (scripts/build-commit.sh notes
 * it, and a hash of uncommitted changes to the code: "+a1b2c3d4e5f6.local-9f8e7d6c"); for classes built without that
 * note, the commit of the program's folder when it is a git checkout. A run of the same inputs by the same code
 * version is "nothing to do": the checkout's commit at run time made a README commit a new version (found by a tester).
 */
public final class CodeVersion {

    private CodeVersion() {
    }

    /** @param program the program's folder (PbProperties.program), whose .git is the code's, not the data's */
    public static String of(Path program) {
        String v = CodeVersion.class.getPackage().getImplementationVersion();
        String version = v == null ? "dev" : v;
        String built = builtFrom();
        if (built != null) {
            return version + "+" + built.substring(0, 12) + built.substring(40);
        }
        String commit = gitCommit(program);
        return commit == null ? version : version + "+" + commit.substring(0, 12);
    }

    /** The commit the classes were built from, as the build noted it (40 hex digits, then ".local-HASH" or nothing); or null. */
    private static String builtFrom() {
        try (java.io.InputStream in = CodeVersion.class.getResourceAsStream("build-commit")) {
            if (in == null) {
                return null;
            }
            String noted = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).strip();
            return noted.matches("[0-9a-f]{40}(\\.local-[0-9a-f]{8})?") ? noted : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String gitCommit(Path home) {
        try {
            Path git = home.resolve(".git");
            if (!Files.isDirectory(git)) {
                return null;
            }
            String head = Files.readString(git.resolve("HEAD")).trim();
            if (!head.startsWith("ref: ")) {
                return head;
            }
            String ref = head.substring(5);
            Path refFile = git.resolve(ref);
            if (Files.exists(refFile)) {
                return Files.readString(refFile).trim();
            }
            Path packed = git.resolve("packed-refs");
            if (Files.exists(packed)) {
                for (String line : Files.readAllLines(packed)) {
                    if (line.endsWith(" " + ref)) {
                        return line.substring(0, 40);
                    }
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }
}
