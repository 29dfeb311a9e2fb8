package org.pbannex.publication;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pbannex.ingest.InputSet;
import org.pbannex.reference.Biennium;

/**
 * The biennia one command has read, each by its code and the checksum of the files it read: a command that checks
 * 2022-23 and 2024-25 reads 2022-23's input once, for its own check and for 2024-25's restatements, where it read it
 * twice. Only what is read from the input is kept ({@link Publication.Sources}): the restatements build the previous
 * biennium's tables again without its expenditure lines, as they always have (Table 2's extra-budgetary columns and
 * their checks are the lines' when there are some), so that what they compare does not depend on which biennia the
 * command checks. One command's, never a process's: its input read again when a file of it changed since.
 */
public final class ReadBiennia {

    private record Kept(Publication.Sources sources, String checksum, InputSnapshot folder) {
    }

    /** The biennia whose sources are kept: those before another that the command computes. */
    private final java.util.Set<String> keep;
    private final Map<String, Kept> kept = new java.util.concurrent.ConcurrentHashMap<>();
    /** How many times this process read each biennium's input here: what tests count, a command being out of their reach. */
    private static final Map<String, Integer> READS = new java.util.concurrent.ConcurrentHashMap<>();

    /** For a command that computes these biennia (their previous biennia, when among them, are read once). */
    public ReadBiennia(java.util.Collection<Biennium> computed) {
        keep = computed.stream().map(b -> b.previous().code()).collect(java.util.stream.Collectors.toSet());
    }

    /** For a command that computes one biennium: nothing is kept. */
    public ReadBiennia() {
        this(List.of());
    }

    /** The input's sources, read from it, and kept when a later biennium of the command restates it. */
    Publication.Sources sources(InputSet in) {
        InputSnapshot folder = keep.contains(in.biennium()) ? InputSnapshot.recordOnly(in.inputDir()) : null;
        Publication.Sources sources = Publication.sources(in);
        READS.merge(in.biennium(), 1, Integer::sum);
        if (folder != null) {
            kept.put(in.biennium(), new Kept(sources, checksum(sha256(in.files().values(), InputSet.InputFile::sha256)),
                    folder));
        }
        return sources;
    }

    /** The biennium's sources as this command read them, unless a file of its input changed since; else read now. */
    Publication.Sources sources(Path inputDir, Biennium biennium) {
        Kept k = kept.get(biennium.code());
        if (k != null) {
            InputSet in = k.sources().in();
            if (in.inputDir().equals(inputDir) && k.folder().changes().isEmpty() && k.checksum().equals(checksum(
                    sha256(in.files().values(), f -> InputSet.sha256IfThere(inputDir.resolve(f.path())))))) {
                return k.sources();
            }
        }
        return sources(Publication.ingest(inputDir, biennium));
    }

    /** How many times this process has read the biennium's input to compute it. */
    static int reads(String biennium) {
        return READS.getOrDefault(biennium, 0);
    }

    /** The files by their paths, each with its SHA-256. */
    private static Map<String, String> sha256(java.util.Collection<InputSet.InputFile> files,
                                              java.util.function.Function<InputSet.InputFile, String> sha256) {
        Map<String, String> out = new TreeMap<>();
        files.forEach(f -> out.put(f.path(), sha256.apply(f)));
        return out;
    }

    /** One SHA-256 over the files' paths and SHA-256s, as a run's input checksum is ({@link InputSnapshot}). */
    private static String checksum(Map<String, String> sha256) {
        return InputSnapshot.digest(sha256, null);
    }
}
