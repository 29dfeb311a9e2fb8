package org.pbannex.publication;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The version of pb-annex that ran: the jar's version and, when the program's folder is a git checkout, its commit. */
public final class CodeVersion {

    private CodeVersion() {
    }

    /** @param program the program's folder (PbProperties.program), whose .git is the code's, not the data's */
    public static String of(Path program) {
        String v = CodeVersion.class.getPackage().getImplementationVersion();
        String version = v == null ? "dev" : v;
        String commit = gitCommit(program);
        return commit == null ? version : version + "+" + commit.substring(0, 12);
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
