package org.pbannex.runtime;

import org.pbannex.ingest.InputError;
import org.pbannex.publication.ReconciliationFailed;

/** The exit statuses of the DESIGN.md contract, and which failure maps to which. */
public final class ExitCodes {

    public static final int PUBLISHED = 0;
    public static final int USAGE = 2;
    public static final int INVALID_INPUT = 3;
    public static final int CHECK_FAILED = 4;
    public static final int INFRASTRUCTURE = 5;

    private ExitCodes() {
    }

    /** The exit status for a failure, looking through wrappers for its cause. */
    public static int of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HasExitStatus s) {
                return s.exitStatus();
            }
            if (t instanceof InputError) {
                return INVALID_INPUT;
            }
            if (t instanceof ReconciliationFailed) {
                return CHECK_FAILED;
            }
            if (t instanceof UsageError) {
                return USAGE;
            }
        }
        return INFRASTRUCTURE;
    }

    /**
     * The lines printed on stderr: {@link #message}, then those of the problems found with it (every bad character of
     * an input file, each on its line), so that one command names them all; scripts that read the first line read it
     * as before.
     */
    public static java.util.List<String> lines(Throwable failure) {
        return linesFrom(failure, message(failure));
    }

    /** The same for a run's failure: its first line names the run where the database's line alone would not. */
    public static java.util.List<String> lines(Throwable failure, String runId) {
        return linesFrom(failure, message(failure, runId));
    }

    private static java.util.List<String> linesFrom(Throwable failure, String first) {
        java.util.List<String> lines = new java.util.ArrayList<>(java.util.List.of(first));
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InputError e) {
                e.more().forEach(m -> lines.add(oneLine(m)));
                break;
            }
            if (t instanceof ReconciliationFailed || t instanceof UsageError) {
                break;
            }
        }
        return lines;
    }

    /**
     * The first line printed on stderr: the most specific message in the cause chain that a person can act on (what
     * and where: file, line and column; the database's host and port; the path and the operation).
     */
    public static String message(Throwable failure) {
        Throwable said = said(failure);
        if (said != null) {
            return oneLine(said.getMessage());
        }
        String database = DatabaseUnavailable.whileInUse(failure);
        if (database != null) {
            return oneLine(database);
        }
        Throwable io = inputOutput(failure);
        if (io instanceof java.nio.file.FileSystemException fs) {
            return "cannot " + operation(fs) + " " + fileOf(fs) + ": " + reason(fs);
        }
        if (io != null) {
            return oneLine("input/output error: " + ioDetail(io));
        }
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String setting = badSetting(failure);
        if (setting != null) {
            return setting;
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return oneLine(m);
    }

    /** The first failure of type {@code type} that {@code failure} is or comes of (itself, its cause, ...), or null. */
    public static <T extends Throwable> T causeOf(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /**
     * The failure in the cause chain whose own message is {@link #message}'s line (bad input, a failed check, the
     * database, a lock, a usage error, a damaged installation); null when the line is made of another's.
     */
    public static Throwable said(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InputError || t instanceof ReconciliationFailed || t instanceof DatabaseUnavailable
                    || t instanceof RunLease.Busy || t instanceof RunLease.Lost || t instanceof EmbeddedDatabaseLock.Busy
                    || t instanceof EmbeddedDatabaseLock.Unwritable || t instanceof StagingRemoved
                    || t instanceof SchedulerLock.Busy
                    || t instanceof UsageError || t instanceof DamagedInstallation
                    || t instanceof org.pbannex.config.UnreadableSettingsFile) {
                return t;
            }
        }
        return null;
    }

    /** Whether the line is of the database failing while the process used it ({@link DatabaseUnavailable#whileInUse}). */
    public static boolean databaseWhileInUse(Throwable failure) {
        return said(failure) == null && DatabaseUnavailable.whileInUse(failure) != null;
    }

    /**
     * The reading or writing that failed, when the line is of one: a {@link java.nio.file.FileSystemException} (its file,
     * {@link #operation} and {@link #reason}), or another input/output error ({@link #ioDetail}); else null.
     */
    public static Throwable inputOutput(Throwable failure) {
        if (said(failure) != null || DatabaseUnavailable.whileInUse(failure) != null) {
            return null;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.nio.file.FileSystemException) {
                return t;
            }
            if (t instanceof java.io.UncheckedIOException || t instanceof java.io.IOException) {
                if (t.getCause() == null || !(t.getCause() instanceof java.io.IOException)) {
                    return t;
                }
            }
        }
        return null;
    }

    /** The file of a failed reading or writing, and the other for a move: "a -> b". */
    public static String fileOf(java.nio.file.FileSystemException fs) {
        return fs.getFile() + (fs.getOtherFile() == null ? "" : " -> " + fs.getOtherFile());
    }

    /** What an input/output error that names no file says. */
    public static String ioDetail(Throwable io) {
        return oneLine(io.getMessage() == null ? io.getClass().getSimpleName() : io.getMessage());
    }

    /**
     * The line of a run that failed: {@link #message}, naming the run when its database failed under it (a server gone
     * mid-run), a line that otherwise ties it to no run; its report is in failed/RUN-ID/.
     */
    public static String message(Throwable failure, String runId) {
        String line = message(failure);
        String database = DatabaseUnavailable.whileInUse(failure);
        return database != null && line.equals(oneLine(database)) ? "run " + runId + " failed: " + line : line;
    }

    /**
     * A setting whose value is not of its kind (PB_RUN_LEASE=soon), named with where it was set, instead of the
     * converter's words ('For input string: "soon"'); null when the failure is not that.
     */
    public static String badSetting(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof org.springframework.boot.context.properties.bind.BindException b && b.getProperty() != null) {
                var property = b.getProperty();
                Class<?> type = b.getTarget().getType().resolve(Object.class);
                String kind = type == int.class || type == Integer.class || type == long.class || type == Long.class
                        ? "a whole number" : type == java.time.Duration.class ? "a duration such as 10s, 5m or 1h"
                        : type == org.springframework.util.unit.DataSize.class ? "a size such as 16MB"
                        : type == boolean.class || type == Boolean.class ? "true or false" : "a " + type.getSimpleName();
                // A note after the value ("60s # one minute") is part of it in a settings file: said where it is one.
                boolean note = org.pbannex.config.Settings.inFile(property) && String.valueOf(property.getValue()).matches(".*\\s[#!].*");
                return oneLine(org.pbannex.config.Settings.refused(property.getName().toString(), property, property.getValue(),
                        kind + (note ? " (in a settings file a note after a value is part of the value: '#' begins a note only "
                        + "at the start of a line, so put it on a line of its own)" : "")));
            }
            if (t instanceof org.pbannex.config.SettingRefused refused) {
                return oneLine(refused.getMessage()); // named with where it was set, once its binder found that
            }
        }
        return null;
    }

    /** The file faults Java names by a class of their own: what failed, and why. */
    private enum FileFault {
        ACCESS(java.nio.file.AccessDeniedException.class, "access", "permission denied"),
        FIND(java.nio.file.NoSuchFileException.class, "find", "no such file or folder"),
        CREATE(java.nio.file.FileAlreadyExistsException.class, "create", "it exists already");

        final Class<? extends java.nio.file.FileSystemException> type;
        final String operation;
        final String reason;

        FileFault(Class<? extends java.nio.file.FileSystemException> type, String operation, String reason) {
            this.type = type;
            this.operation = operation;
            this.reason = reason;
        }

        static java.util.Optional<FileFault> of(java.nio.file.FileSystemException e) {
            return java.util.Arrays.stream(values()).filter(f -> f.type.isInstance(e)).findFirst();
        }
    }

    /** What failed on a file: access, find, create, write, or "write or read". */
    public static String operation(java.nio.file.FileSystemException e) {
        return FileFault.of(e).map(f -> f.operation).orElse(e instanceof WriteFailed ? "write" : "write or read");
    }

    /**
     * Why: permission denied, no such file or folder, it exists already (as a file), a file where a folder was meant
     * ("out is a file, not a folder"), or the system's reason (No space left on device).
     */
    public static String reason(java.nio.file.FileSystemException e) {
        java.nio.file.Path inTheWay = fileInTheWay(e);
        if (inTheWay != null) {
            return inTheWay + NOT_A_FOLDER;
        }
        String reason = FileFault.of(e).map(f -> f.reason)
                .orElseGet(() -> e.getReason() == null ? e.getClass().getSimpleName() : e.getReason());
        return reason.equals(FileFault.CREATE.reason) && e.getFile() != null && java.nio.file.Files.isRegularFile(
                java.nio.file.Path.of(e.getFile()), java.nio.file.LinkOption.NOFOLLOW_LINKS) ? EXISTS_AS_FILE : reason;
    }

    private static final String NOT_A_FOLDER = " is a file, not a folder";
    private static final String EXISTS_AS_FILE = "it exists already, as a file";

    /**
     * The file a path goes through as if it were a folder ("Not a directory", the system's reason for out/x when out is
     * a file), the nearest such file above the failed one; null for any other fault.
     */
    public static java.nio.file.Path fileInTheWay(java.nio.file.FileSystemException e) {
        if (!"Not a directory".equals(e.getReason()) || e.getFile() == null) {
            return null;
        }
        for (java.nio.file.Path p = java.nio.file.Path.of(e.getFile()).getParent(); p != null; p = p.getParent()) {
            if (java.nio.file.Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    /**
     * A system's reason, as {@link #reason} and the system say it, as a report's word (report.cause.why.*); null for a
     * reason it has no word for (said as the system says it).
     */
    public static String reasonWord(String reason) {
        return reason == null ? null : switch (reason) {
            case "permission denied" -> "why.permission_denied";
            case "no such file or folder" -> "why.no_such_file";
            case "it exists already" -> "why.exists";
            case EXISTS_AS_FILE -> "why.exists_as_file";
            case "No space left on device" -> "why.no_space";
            default -> null;
        };
    }

    private static String oneLine(String m) {
        return m == null ? "" : m.replaceAll("\\s+", " ").strip();
    }
}
