package org.pbannex.warm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the launcher sends the warm process (scripts/warm-client.sh): NUL-terminated fields, the protocol name, the
 * token from the endpoint file, the client's working folder, the time it started (bash's EPOCHREALTIME), its
 * environment variables that settings can read, then the command's arguments.
 */
record WarmRequest(String protocol, String token, String workingDir, long clientStartMillis, Map<String, String> env,
                   List<String> args) {

    /** The launcher's variable that says its command was typed at a terminal (1), set for the command's own client. */
    static final String TERMINAL = "PB_TERMINAL";

    static final String PROTOCOL = "pb-annex-warm/1";
    private static final int MAX_FIELD = 1 << 16;
    private static final int MAX_FIELDS = 4096;

    /**
     * @param token whether a token is the warm process's: asked before anything else is read, so that a client without
     *              it cannot make the process read more than two short fields
     */
    static WarmRequest read(InputStream in, java.util.function.Predicate<String> token) throws IOException {
        String protocol = field(in);
        if (!PROTOCOL.equals(protocol)) {
            throw new IOException("not a pb-annex client (protocol " + protocol.substring(0, Math.min(40, protocol.length())) + ")");
        }
        String presented = field(in);
        if (!token.test(presented)) {
            throw new IOException("a client without the token");
        }
        String dir = field(in);
        long started = LauncherStart.millis(field(in));
        Map<String, String> env = new LinkedHashMap<>();
        for (int i = count(field(in)); i > 0; i--) {
            String entry = field(in);
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IOException("bad environment entry");
            }
            env.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
        List<String> args = new ArrayList<>();
        for (int i = count(field(in)); i > 0; i--) {
            args.add(field(in));
        }
        return new WarmRequest(protocol, presented, dir, started, env, List.copyOf(args));
    }

    /**
     * The environment variables a command's settings can depend on, as the client filters them. PB_WARM and
     * PB_SHOW_COMMAND are the launcher's own (whether to use a warm process, whether to print the JVM command): the
     * command runs the same either way. PB_TERMINAL (whether the client is at a terminal) is told to each command.
     */
    static boolean relevant(String name) {
        if (name.equals("PB_WARM") || name.equals("PB_SHOW_COMMAND") || name.equals(TERMINAL)) {
            return false;
        }
        return name.startsWith("PB_") || name.startsWith("SPRING_") || name.startsWith("LC_") || name.equals("TZ")
                || name.equals("LANG") || name.equals("JAVA_TOOL_OPTIONS") || name.equals("JDK_JAVA_OPTIONS");
    }

    private static String field(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c != 0; c = in.read()) {
            if (c < 0) {
                throw new IOException("request ended early");
            }
            if (b.size() >= MAX_FIELD) {
                throw new IOException("request field too long");
            }
            b.write(c);
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    private static int count(String s) throws IOException {
        try {
            int n = Integer.parseInt(s);
            if (n < 0 || n > MAX_FIELDS) {
                throw new IOException("bad count " + s);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IOException("bad count " + s, e);
        }
    }
}
