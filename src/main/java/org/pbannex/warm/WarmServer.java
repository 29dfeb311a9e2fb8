package org.pbannex.warm;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The warm process ({@code pb-annex serve}): a JVM that has loaded and compiled pb-annex once, and runs the commands
 * the launcher hands it, one at a time, each exactly as a new process would (the same code path, reading the input
 * afresh; nothing is kept between commands but loaded classes). A command is taken only from the folder the process
 * was started in, with the same settings in the environment and the same build of the program: anything else is
 * refused, and the launcher then starts a process of its own, as it does when no warm process runs. It listens on
 * the loopback interface; a client must present the token of the endpoint file, which only the owner can read.
 * It ends after an idle time, on {@code serve --stop}, within a second of the program's rebuild (whichever data folder
 * it serves), and when a client goes away in the middle of a command (Ctrl-C, its terminal closed), as a process of its
 * own would have ended.
 */
public final class WarmServer {

    /** Runs one pb-annex command line in this process, with settings that outrank the environment. */
    public interface Commands {
        int execute(Map<String, String> overrides, String... args);
    }

    /** The heap as the collections between commands see it: this JVM's (a test gives its own). */
    interface Heap {
        long used();

        long size();

        void collect();

        Heap RUNTIME = new Heap() {
            @Override
            public long used() {
                return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
            }

            @Override
            public long size() {
                return Runtime.getRuntime().totalMemory();
            }

            @Override
            public void collect() {
                System.gc();
            }
        };
    }

    private static final Logger LOG = LoggerFactory.getLogger(WarmServer.class);
    private static final ThreadLocal<Long> CLIENT_START = new ThreadLocal<>();
    /** The file in the endpoint folder that names the run a command is running (runUnderway). */
    static final String RUN_NOTE = "run";
    /** This process's server while it serves: where a command's run is noted. */
    private static volatile WarmServer serving;

    private final Commands commands;
    private final Heap heap;
    /** How long the process is idle after a command before it collects what the command left (collectIfIdle). */
    private final Duration idleBeforeCollecting;
    private final java.util.concurrent.atomic.AtomicInteger collectedIdle = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger collectedBefore = new java.util.concurrent.atomic.AtomicInteger();
    private final Path dir;
    private final Duration idle;
    private final List<Path> program;
    private final String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    private final AtomicBoolean busy = new AtomicBoolean();
    private final Path workingDir;
    private final Map<String, String> env;
    private final List<String> programStamp;
    private volatile boolean stopping;
    private volatile long lastActive = System.nanoTime();
    /** A command has ended since the last collection: collect what it left once the process is idle. */
    private volatile boolean collectWhenIdle;
    /** The heap the warm-up grew to: the most that commands following each other may leave uncollected (collectIfOwed). */
    private long heapAfterWarmUp = Long.MAX_VALUE;
    private int served;
    private final long started = System.currentTimeMillis();

    /**
     * @param dir     the endpoint folder (work/warm)
     * @param program the files of the program (the jars): when one changes, the process is out of date and ends
     */
    public WarmServer(Commands commands, Path dir, Duration idle, List<Path> program) throws IOException {
        this(commands, dir, idle, program, Heap.RUNTIME, Duration.ofSeconds(1));
    }

    WarmServer(Commands commands, Path dir, Duration idle, List<Path> program, Heap heap, Duration idleBeforeCollecting)
            throws IOException {
        this.commands = commands;
        this.heap = heap;
        this.idleBeforeCollecting = idleBeforeCollecting;
        this.dir = dir;
        this.idle = idle;
        this.program = List.copyOf(program);
        this.workingDir = Path.of("").toRealPath();
        this.env = relevantEnv(System.getenv());
        this.programStamp = stamp(this.program);
    }

    /** When this thread runs a command for a client: when the client started (its start-up stands for the JVM's). */
    public static OptionalLong clientStartMillis() {
        Long start = CLIENT_START.get();
        return start == null || start == 0 ? OptionalLong.empty() : OptionalLong.of(start);
    }

    /**
     * Notes in the endpoint folder the run the command now in this process runs ("pid N, run ID, biennium B"), for its
     * client: killed from outside, the process can say nothing, and the launcher names that run in its line and notes
     * the failure in the job's status for that biennium (scripts/warm-client.sh), whatever database it is on, as the
     * run would have noted it itself (not as the job's own, which status listed under no biennium: tester66 case 33).
     * Nothing outside a warm process.
     */
    public static void runUnderway(String runId, String biennium) {
        WarmServer server = serving;
        if (server == null || !server.busy.get()) {
            return;
        }
        try {
            Files.writeString(server.dir.resolve(RUN_NOTE), "pid " + ProcessHandle.current().pid() + ", run " + runId + ", biennium " + biennium + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("warm process: could not note run {} in {}: {}", runId, server.dir, e.getMessage());
        }
    }

    /**
     * Warms up ({@code warmUp}, once this process holds the folder's lock), listens, and serves until stopped.
     * {@code ready} is told the endpoint once clients can connect.
     *
     * @return the exit status of the warm process
     */
    public int serve(Runnable warmUp, java.util.function.Consumer<String> ready) throws IOException {
        Files.createDirectories(dir);
        try (FileChannel lockFile = FileChannel.open(dir.resolve("serve.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = lockFile.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("a warm process already serves " + dir + " (pb-annex serve --status)");
            }
            serving = this;
            warmUp.run();
            heapAfterWarmUp = heap.size();
            try (ServerSocket server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress())) {
                WarmEndpoint endpoint = new WarmEndpoint(server.getLocalPort(), token, ProcessHandle.current().pid());
                endpoint.write(dir);
                // Ended by a signal or by a client's hang-up, the process leaves no endpoint behind.
                Thread removal = new Thread(() -> endpoint.remove(dir), "warm-endpoint-removal");
                Runtime.getRuntime().addShutdownHook(removal);
                try {
                    ready.accept("pid " + endpoint.pid() + ", port " + endpoint.port());
                    LOG.info("warm process {} serves {} on port {}", endpoint.pid(), workingDir, endpoint.port());
                    server.setSoTimeout(1000);
                    lastActive = System.nanoTime();
                    while (!stopping) {
                        try {
                            accept(server.accept());
                            // Not only at the time-out: a client asking for --status each second would put it off.
                            collectIfIdle();
                        } catch (SocketTimeoutException e) {
                            collectIfIdle();
                            if (!busy.get() && System.nanoTime() - lastActive > idle.toNanos()) {
                                LOG.info("warm process idle for {}: ending", idle);
                                stopping = true;
                            } else if (!busy.get() && !programStamp.equals(stamp(program))) {
                                // Rebuilt: whatever data folder it serves (the launcher stops only its own folder's),
                                // it ends before the new build's files replace those it runs from.
                                LOG.info("the program was rebuilt ({}): the warm process ends", program);
                                stopping = true;
                            }
                        }
                    }
                } finally {
                    endpoint.remove(dir);
                }
            }
            while (busy.get()) {
                sleep();
            }
        } finally {
            serving = null;
        }
        return 0;
    }

    /**
     * What a command left is collected once no command has come for a second (checked at the accept loop's timeout), so that the
     * process waits for the next one holding about 330-345 MB rather than the 500-630 MB it grew to without (README).
     * Not at once after the command: the full collection takes 0.13-0.17 s, and a command typed or scripted right after
     * the last one waited for it.
     */
    private void collectIfIdle() {
        if (collectWhenIdle && !busy.get() && System.nanoTime() - lastActive >= idleBeforeCollecting.toNanos()) {
            collectWhenIdle = false;
            heap.collect();
            collectedIdle.incrementAndGet();
        }
    }

    /**
     * Commands that follow each other without an idle second leave their garbage uncollected, and the collector grows
     * the heap rather than collect it: 30 regenerates back to back took it from 236 to 434 MB (RSS 666 MB), kept for
     * the process's life. So a command that finds more garbage owed than the heap the warm-up needed collects it first
     * (0.13-0.17 s, about every other command of such a series); the launcher starts the process with
     * -XX:-ShrinkHeapInSteps, so that the heap shrinks back at that collection, not over the next four.
     */
    private void collectIfOwed() {
        long used = heap.used();
        if (collectWhenIdle && used > heapAfterWarmUp) {
            collectWhenIdle = false;
            heap.collect();
            collectedBefore.incrementAndGet();
            LOG.info("warm process: {} MB left by the commands before collected before this one (heap now {} of {} MB)",
                    used >> 20, heap.used() >> 20, heap.size() >> 20);
        }
    }

    /** A command run once before serving, so that its code is loaded and compiled; its output is discarded. */
    public record WarmUp(Map<String, String> overrides, List<String> args) {
    }

    /** Runs each command once, its output discarded, so that its code is loaded and compiled before clients come. */
    public void warmUp(List<WarmUp> warmUps) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        try {
            System.setOut(discard);
            System.setErr(discard);
            for (WarmUp w : warmUps) {
                long t = System.nanoTime();
                int status = commands.execute(w.overrides(), w.args().toArray(String[]::new));
                LOG.info("warm-up {}: exit status {}, {} s", w.args(), status, (System.nanoTime() - t) / 1_000_000_000.0);
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** Answers on the accepting thread (refusals, busy, status, stop); a command runs on a thread of its own. */
    private void accept(Socket socket) {
        try {
            socket.setSoTimeout(5000);
            WarmRequest request = WarmRequest.read(socket.getInputStream(),
                    presented -> MessageDigest.isEqual(token.getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.US_ASCII)));
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            List<String> args = request.args();
            // --status and --stop from anywhere its owner is (the token says who): the settings and folder rules are
            // for running commands.
            if (!args.isEmpty() && args.get(0).equals("serve")) {
                control(socket, out, args);
                return;
            }
            Optional<String> refusal = refusal(request);
            if (refusal.isPresent()) {
                LOG.info("warm process refused {}: {}", request.args(), refusal.get());
                reply(socket, out, "refused " + refusal.get());
                return;
            }
            if (!busy.compareAndSet(false, true)) {
                reply(socket, out, "busy");
                return;
            }
            Thread worker = new Thread(() -> run(socket, out, request), "warm-command-" + (served + 1));
            served++;
            worker.start();
        } catch (IOException | RuntimeException e) {
            LOG.warn("warm process: a request refused: {}", e.getMessage());
            close(socket);
        }
    }

    private Optional<String> refusal(WarmRequest r) {
        if (!programStamp.equals(stamp(program))) {
            stopping = true;
            return Optional.of("the program was rebuilt; the warm process ends");
        }
        try {
            if (!Path.of(r.workingDir()).toRealPath().equals(workingDir)) {
                return Optional.of("it serves commands run from " + workingDir);
            }
        } catch (IOException | RuntimeException e) {
            return Optional.of("no such folder " + r.workingDir());
        }
        Map<String, String> theirs = relevantEnv(r.env());
        if (!theirs.equals(env)) {
            String name = Stream.concat(theirs.keySet().stream(), env.keySet().stream()).sorted()
                    .filter(n -> !Objects.equals(theirs.get(n), env.get(n))).findFirst().orElse("?");
            // The name only: a value may be a password.
            return Optional.of("the environment differs from the warm process's (" + name + ")");
        }
        List<String> args = r.args();
        String command = args.isEmpty() ? "" : args.get(0);
        if (command.equals("benchmark") || (command.equals("schedule") && !args.contains("--print"))) {
            return Optional.of(command + " runs in a process of its own");
        }
        return Optional.empty();
    }

    private void control(Socket socket, OutputStream out, List<String> args) throws IOException {
        String text;
        if (args.contains("--stop")) {
            stopping = true;
            text = "o" + "pb-annex: the warm process (pid " + ProcessHandle.current().pid() + ") ends"
                    + (busy.get() ? " after its command" : "");
        } else {
            text = "o" + "pb-annex: warm process, pid " + ProcessHandle.current().pid() + ", serving " + workingDir
                    + "; up " + Duration.ofMillis(System.currentTimeMillis() - started).toSeconds() + " s, "
                    + served + " command(s) served" + (busy.get() ? ", one running" : "") + "; heap "
                    + heap.used() / (1 << 20) + " of " + heap.size() / (1 << 20) + " MB, collected "
                    + collectedIdle.get() + " time(s) once idle and " + collectedBefore.get()
                    + " before a command; ends after " + org.pbannex.runtime.Times.span(idle) + " idle";
        }
        out.write(("ready\n" + text + "\nx0\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        close(socket);
    }

    private void run(Socket socket, OutputStream out, WarmRequest request) {
        AtomicBoolean done = new AtomicBoolean();
        boolean fatal = false;
        try {
            socket.setSoTimeout(0);
            out.write("ready\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            watchForHangUp(socket, done, request);
            Charset charset = stdoutCharset();
            LineFrames o = new LineFrames('o', out);
            LineFrames e = new LineFrames('e', out);
            PrintStream po = new PrintStream(o, true, charset);
            PrintStream pe = new PrintStream(e, true, charset);
            PrintStream so = System.out;
            PrintStream se = System.err;
            int status;
            System.setOut(po);
            System.setErr(pe);
            CLIENT_START.set(request.clientStartMillis());
            collectIfOwed();
            long t = System.nanoTime();
            try {
                // At a terminal or not as its client is, not as the one that started this process was.
                status = commands.execute(Map.of("pb.terminal", request.env().getOrDefault(WarmRequest.TERMINAL, "0")),
                        request.args().toArray(String[]::new));
            } catch (Throwable failure) {
                LOG.error("warm process: {} failed", request.args(), failure);
                pe.println("pb-annex: internal error in the warm process: " + failure + " (see work/logs/pb-annex.log)");
                status = 5;
                fatal = failure instanceof Error;
            } finally {
                System.setOut(so);
                System.setErr(se);
                CLIENT_START.remove();
                // Ended, it says so itself: the note is for a process killed mid-command.
                Files.deleteIfExists(dir.resolve(RUN_NOTE));
            }
            po.flush();
            pe.flush();
            o.finish();
            e.finish();
            done.set(true);
            // Free before the client hears the end: its next command must not find the process busy, and finds what
            // this one left owed.
            lastActive = System.nanoTime();
            collectWhenIdle = true;
            busy.set(false);
            synchronized (out) {
                out.write(("x" + status + "\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            LOG.info("warm process ran {}: exit status {}, {} s", request.args(), status, (System.nanoTime() - t) / 1_000_000_000.0);
        } catch (IOException e) {
            LOG.warn("warm process: the client of {} went away", request.args(), e);
        } finally {
            done.set(true);
            close(socket);
            lastActive = System.nanoTime();
            busy.set(false);
            if (fatal) {
                stopping = true;
            }
        }
    }

    /** The most a client says after its request: the name of the signal that ends it ("TERM\n"). */
    private static final int SIGNAL_NAME = 16;

    /**
     * A client that goes away in the middle of a command was interrupted: its launcher, ended by a signal (Ctrl-C:
     * SIGINT; its terminal closed: SIGHUP; kill: SIGTERM), says which before it goes (scripts/warm-client.sh), and the
     * warm process stops the command as that signal stops one in a process of its own, its run's failure noted (status
     * 128 + the signal's number) before the process ends, its shutdown hooks releasing what the run held. A client that
     * goes without a word (killed outright) hung up: SIGHUP. It does not go on serving: a run's thread cannot be stopped
     * half-way, and the closing context is what stops it.
     */
    private static void watchForHangUp(Socket socket, AtomicBoolean done, WarmRequest request) {
        Thread watcher = new Thread(() -> {
            java.io.ByteArrayOutputStream said = new java.io.ByteArrayOutputStream();
            try {
                // Its line, or its end: the client that said its signal waits for the command's last words.
                for (int c = socket.getInputStream().read(); c >= 0 && c != '\n'; c = socket.getInputStream().read()) {
                    if (said.size() < SIGNAL_NAME) {
                        said.write(c);
                    }
                }
            } catch (IOException e) {
                // Closed: either end.
            }
            if (!done.get()) {
                String signal = said.toString(StandardCharsets.US_ASCII).strip();
                LOG.warn("warm process: the client of {} went away during the command ({}): ending", request.args(),
                        signal.isEmpty() ? "without saying why: a hang-up" : "its launcher's SIG" + signal);
                org.pbannex.runtime.Interruption.clientWentAway(signal.isEmpty() ? null : signal);
            }
        }, "warm-hang-up");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void reply(Socket socket, OutputStream out, String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        close(socket);
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing more to say to it.
        }
    }

    private static Map<String, String> relevantEnv(Map<String, String> all) {
        return all.entrySet().stream().filter(e -> WarmRequest.relevant(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> b, TreeMap::new));
    }

    private static List<String> stamp(List<Path> files) {
        return files.stream().map(f -> {
            try {
                return f + " " + Files.getLastModifiedTime(f).toMillis() + " " + Files.size(f);
            } catch (IOException e) {
                return f + " missing";
            }
        }).toList();
    }

    /** What a process of its own would print with (its standard output's encoding). */
    private static Charset stdoutCharset() {
        String name = System.getProperty("stdout.encoding", System.getProperty("native.encoding", "UTF-8"));
        try {
            return Charset.forName(name);
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
