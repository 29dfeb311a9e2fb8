package org.pbannex.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every setting of pb-annex, bound once the Spring Boot way from {@code application.properties}, system properties
 * ({@code -Dpb.home=...}) and environment variables ({@code PB_HOME}, {@code PB_EXPENDITURE_ENGINE}, ...). The
 * database is Spring's own {@code spring.datasource.*} (with {@code PB_DATABASE_URL}, {@code _USER},
 * {@code _PASSWORD} as shorthands, see application.properties). Commands that need no database bind the same class
 * without starting a Spring context ({@link Settings#load()}).
 *
 * @param home        the installation folder: jobs/, input/, output/ and work/ are found under it
 * @param input       the input folder (default {@code <home>/input})
 * @param output      where runs are published (default {@code <home>/output})
 * @param expenditure how expenditure lines are read
 * @param run         how unattended runs guard against each other and against crashes
 * @param serve       the warm process ({@code pb-annex serve})
 * @param failures    who hears of a failed run
 * @param retention   how many published runs are kept
 * @param status      where each job's last good run and failures since are kept (default {@code <home>/work/status})
 * @param layoutMemory where the PDFs' layout memory is kept (default {@code <home>/work/layout}; render/pdf/LayoutMemory)
 * @param database    how long a PostgreSQL server may take to answer
 * @param program     the program's folder, apart from the data's when PB_HOME is set (its launcher, target/, .git): the
 *                    launcher's ({@code -Dpb.program}); else the folder whose target/ these classes were built into; else
 *                    {@code home}
 */
@ConfigurationProperties("pb")
public record PbProperties(@DefaultValue(".") Path home, Path input, Path output, @DefaultValue Expenditure expenditure,
                           @DefaultValue Run run, @DefaultValue Serve serve, @DefaultValue Failures failures,
                           @DefaultValue Retention retention, Path status, Path layoutMemory,
                           @DefaultValue Database database, Path program) {

    public PbProperties {
        home = home.toAbsolutePath().normalize();
        input = input == null ? home.resolve("input") : home.resolve(input).toAbsolutePath().normalize();
        output = output == null ? home.resolve("output") : home.resolve(output).toAbsolutePath().normalize();
        status = status == null ? home.resolve("work").resolve("status") : home.resolve(status).toAbsolutePath().normalize();
        layoutMemory = layoutMemory == null ? home.resolve("work").resolve("layout")
                : home.resolve(layoutMemory).toAbsolutePath().normalize();
        program = program != null ? program.toAbsolutePath().normalize() : builtInto().orElse(home);
    }

    /** The folder whose target/ these classes come from (target/classes, the jar, its copy in target/app), if any. */
    private static java.util.Optional<Path> builtInto() {
        try {
            // file:/p/target/classes/, file:/p/target/app/pb-annex.jar, jar:nested:/p/target/pb-annex.jar/!BOOT-INF/...
            String s = PbProperties.class.getProtectionDomain().getCodeSource().getLocation().toURI().getSchemeSpecificPart();
            while (s.matches("[a-z]+:.*")) {
                s = s.substring(s.indexOf(':') + 1);
            }
            for (Path p = Path.of(s.split("!", 2)[0]); p != null; p = p.getParent()) {
                if (p.getFileName() != null && p.getFileName().toString().equals("target") && p.getParent() != null) {
                    return java.util.Optional.of(p.getParent());
                }
            }
        } catch (java.net.URISyntaxException | RuntimeException e) {
            // no code source, or none on a file system: the data folder stands for the program's, as before PB_HOME
        }
        return java.util.Optional.empty();
    }

    /** work/: the embedded database, fonts, logs. */
    public Path work() {
        return home.resolve("work");
    }

    /**
     * work/imported: the folders input workbooks are imported into for a run ({@code run --input inputs.xlsx}), each the
     * installation's input with the workbook's files: a run of one is the installation's, not a trial.
     */
    public Path imported() {
        return work().resolve("imported");
    }

    /** work/fonts: the CJK font of the PDFs and its font.properties (scripts/fetch-fonts.sh). */
    public Path fonts() {
        return work().resolve("fonts");
    }

    public Path jobs() {
        return home.resolve("jobs");
    }

    /**
     * @param engine        {@code auto} (PostgreSQL COPY + GROUP BY when the database is PostgreSQL, else embedded),
     *                      {@code embedded} or {@code postgres}
     * @param threads       worker threads of the partitioned ingest (0: one per core)
     * @param partitionSize a file is cut into partitions of at least this many bytes (at line ends)
     * @param idMemory      memory for finding duplicate line ids in memory; beyond it, ids are checked on disk
     */
    public record Expenditure(@DefaultValue("auto") String engine, @DefaultValue("0") int threads,
                              @DefaultValue("16MB") org.springframework.util.unit.DataSize partitionSize,
                              @DefaultValue("8MB") org.springframework.util.unit.DataSize idMemory) {

        public Expenditure {
            engine = engine.trim().toLowerCase(Locale.ROOT);
            if (!engine.equals("auto") && !engine.equals("embedded") && !engine.equals("postgres")) {
                throw new SettingRefused("pb.expenditure.engine", engine, "auto, embedded or postgres");
            }
            if (threads < 0) {
                throw new SettingRefused("pb.expenditure.threads", threads, "0 (one per core) or how many threads parse the "
                        + "expenditure lines, such as 2");
            }
            // Neither was refused: the ingest took 1 byte for 0 or less, a partition of each line, ids all on disk.
            if (partitionSize.toBytes() <= 0) {
                throw new SettingRefused("pb.expenditure.partition-size", partitionSize, "a size above 0, such as 16MB: the size "
                        + "a file's partitions have at least");
            }
            if (idMemory.toBytes() <= 0) {
                throw new SettingRefused("pb.expenditure.id-memory", idMemory, "a size above 0, such as 8MB: the memory for "
                        + "finding duplicate line ids");
            }
        }

        public int threadCount() {
            return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        }
    }

    /**
     * @param heartbeat   how often a running process renews its lease and heartbeat in the database
     * @param lease       a run whose heartbeat is older than this is taken for dead (its lock and execution are taken over)
     * @param databaseWait how long a command waits for another process to finish with the embedded H2 database
     * @param pauseAt     test switch: the run pauses before this step (a test kills it there, or changes something and lets it go on), or before each biennium's run is launched (launch), or in a run's start-up before its job begins (job:start), or as its job begins, before its row is in the history (job:begun); empty in production
     * @param timeout     a run still going after this long is stopped (its process ends with status 5; the next run
     *                    restarts it); 0: never
     */
    public record Run(@DefaultValue("10s") Duration heartbeat, @DefaultValue("45s") Duration lease,
                      @DefaultValue("10m") Duration databaseWait, @DefaultValue("") String pauseAt,
                      @DefaultValue("2h") Duration timeout) {

        public Run {
            if (heartbeat.isNegative() || heartbeat.isZero()) {
                throw new SettingRefused("pb.run.heartbeat", words(heartbeat), "a duration above 0, such as 10s: how often a run "
                        + "renews its lock");
            }
            // Between two heartbeats a live run's lease must not lapse, nor after one missed (a long pause of the JVM).
            if (lease.compareTo(heartbeat.multipliedBy(LEASE_HEARTBEATS)) < 0) {
                throw new SettingRefused("pb.run.lease", words(lease), "well above pb.run.heartbeat (" + words(heartbeat) + "): a run "
                        + "still alive would count as dead; expected at least " + LEASE_HEARTBEATS + " heartbeats, such as "
                        + words(heartbeat.multipliedBy(LEASE_HEARTBEATS + 1)));
            }
            if (databaseWait.isNegative()) {
                throw new SettingRefused("pb.run.database-wait", words(databaseWait), "0 (no wait) or a duration such as 10m: how "
                        + "long a command waits for another process to finish with the embedded database");
            }
            if (timeout.isNegative()) {
                throw new SettingRefused("pb.run.timeout", words(timeout), "0 (never) or a duration such as 2h: how long a run "
                        + "may take");
            }
        }
    }

    /** How many heartbeats a lease must last at least. */
    static final int LEASE_HEARTBEATS = 3;

    /** 45s, 1m30s, 0.2s: a duration in a message. */
    public static String words(Duration d) {
        return d.toString().substring(2).toLowerCase(Locale.ROOT);
    }

    /**
     * The PostgreSQL driver's time limits (DatabaseConnection hands them to it; its own defaults wait for ever for a
     * server that accepts the connection and never answers). The database itself is {@code spring.datasource.url}.
     *
     * @param connectTimeout how long connecting and logging in may take (pgjdbc's connectTimeout and loginTimeout)
     * @param socketTimeout  how long the driver waits for any answer of the server once connected (pgjdbc's
     *                       socketTimeout), and a COPY for the server to take its lines: longer than any statement of a
     *                       run (the longest measured, the expenditure engine's sums over 10 million lines on a loaded
     *                       machine, 1.8-2.1 min), so that only a server gone silent reaches it; 0: for ever
     * @param lockTimeout    how long a statement may wait for a lock another session holds (the server's lock_timeout
     *                       in the run's sessions): below the socket timeout, so that such a wait is told as one, naming
     *                       the lock and its holder, rather than as a server gone silent (DatabaseConnection refuses
     *                       one set that is not); 0: none, allowed only with a socket timeout of 0; null (not set):
     *                       1 min, or half a socket timeout under 2 min (DatabaseConnection.lockTimeout), so that a
     *                       short socket timeout set alone, as before the lock timeout existed, is not refused
     */
    public record Database(@DefaultValue("10s") Duration connectTimeout, @DefaultValue("10m") Duration socketTimeout,
                           Duration lockTimeout) {

        public Database {
            if (connectTimeout.isNegative() || connectTimeout.isZero()) {
                throw new SettingRefused("pb.database.connect-timeout", words(connectTimeout), "a duration above 0, such as 10s: "
                        + "how long connecting to the database may take");
            }
            if (socketTimeout.isNegative()) {
                throw new SettingRefused("pb.database.socket-timeout", words(socketTimeout), "0 (wait for ever) or a duration such "
                        + "as 10m: how long the database may take to answer");
            }
            if (lockTimeout != null && lockTimeout.isNegative()) {
                throw new SettingRefused("pb.database.lock-timeout", words(lockTimeout), "a duration such as 1m: how long a "
                        + "statement may wait for another session's lock");
            }
        }
    }

    /**
     * @param idle how long the warm process waits for a command before it ends
     * @param dir  its endpoint file and lock (default {@code <home>/work/warm}; the launcher reads PB_SERVE_DIR)
     * @param warmUp whether it runs a check and the regenerate job once before it serves (off: the first commands
     *               are slower, it is ready sooner)
     */
    public record Serve(@DefaultValue("60m") Duration idle, Path dir, @DefaultValue("true") boolean warmUp) {
    }

    /**
     * @param mailTo the addresses a failed run's notice goes to (comma-separated in {@code PB_FAILURES_MAIL_TO}); none:
     *               a failure is told by the exit status, stderr and the failed run's report only
     */
    public record Failures(@DefaultValue("") java.util.List<String> mailTo) {

        public Failures {
            mailTo = mailTo.stream().map(String::trim).filter(a -> !a.isEmpty()).toList();
        }
    }

    /**
     * After a run publishes, the published runs of its biennium that either limit leaves out are removed (never the
     * latest, nor one sent to reviewers).
     *
     * @param runs how many complete runs of a biennium an output folder keeps, and how many partial runs (counted
     *             apart: none older than the oldest complete run kept); 0 keeps them all
     * @param age  how old a published run may be, by the time in its id (e.g. 90d); none or 0 keeps them all
     */
    public record Retention(@DefaultValue("0") int runs, java.time.Duration age) {

        public Retention {
            if (runs < 0) {
                throw new SettingRefused("pb.retention.runs", runs, "0 (keep every run) or how many complete runs of a biennium "
                        + "to keep, such as 30");
            }
            if (age != null && age.isNegative()) {
                throw new SettingRefused("pb.retention.age", words(age), "0 (keep every run) or a duration such as 90d: how old a "
                        + "published run may be");
            }
            age = age == null || age.isZero() ? null : age;
        }
    }

    /** The warm process's folder. */
    public Path serveDir() {
        return serve.dir() == null ? work().resolve("warm") : home.resolve(serve.dir()).toAbsolutePath().normalize();
    }
}
