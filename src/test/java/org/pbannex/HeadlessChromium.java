package org.pbannex;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A page of Debian's Chromium, headless, driven over the DevTools protocol (a WebSocket on the loopback interface) with
 * the JDK's own HTTP client: load a page, record every request it makes, evaluate a script in it, take a screenshot.
 * Each page is a tab in a browser context of its own (an empty in-memory profile: no cookies, storage or cache from
 * another page), in one browser per test JVM, started with the first page and ended with the JVM: a browser started
 * for every page cost the suite 1.5 s of CPU each time. The browser has the flags that keep it off the network (no
 * background networking, component updates, sync or QUIC). Without Chromium the calling test is skipped, except in CI
 * (CI=true), where it fails.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    /** The one browser of this JVM (null until the first page, or after it ended). */
    private static Browser browser;

    private final Browser owner;
    private final String targetId;
    private final String contextId;
    private final DevTools page;
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private volatile CompletableFuture<Void> loaded = new CompletableFuture<>();

    private HeadlessChromium(Browser owner, String targetId, String contextId) throws Exception {
        this.owner = owner;
        this.targetId = targetId;
        this.contextId = contextId;
        this.page = new DevTools(owner.http, "ws://" + owner.address + "/devtools/page/" + targetId, this::event);
    }

    /** The browser's executable, or a skip (a failure in CI) naming what to install. */
    public static String executable() {
        for (String name : List.of("chromium", "chromium-browser")) {
            for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                if (Files.isExecutable(Path.of(d, name))) {
                    return Path.of(d, name).toString();
                }
            }
        }
        missing("chromium is not installed (Debian: apt-get install chromium; .ci/run installs it)");
        return null;
    }

    public static void missing(String why) {
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(why);
        }
        Assumptions.abort(why);
    }

    /**
     * A new page, 1 280 by 1 000 CSS pixels, showing about:blank, in a browser context of its own; closing it closes
     * the page and discards its context.
     */
    public static HeadlessChromium open() throws Exception {
        Browser b = browser();
        String contextId = b.send("Target.createBrowserContext", Map.of("disposeOnDetach", true))
                .path("browserContextId").asString();
        String targetId = b.send("Target.createTarget", Map.of("url", "about:blank", "browserContextId", contextId,
                "width", 1280, "height", 1000)).path("targetId").asString();
        return new HeadlessChromium(b, targetId, contextId);
    }

    /** This JVM's browser, started when there is none or the last one ended. */
    private static synchronized Browser browser() throws Exception {
        if (browser == null || !browser.process.isAlive()) {
            browser = Browser.start();
            Browser started = browser;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "chromium-close"));
        }
        return browser;
    }

    /**
     * One DevTools connection (the browser's, or a page's): commands sent with ids of its own, each answer completing
     * its command, every other message (an event) given to {@code events}.
     */
    private static final class DevTools {
        private final WebSocket socket;
        private final AtomicInteger ids = new AtomicInteger();
        private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

        DevTools(HttpClient http, String url, java.util.function.Consumer<JsonNode> events) throws Exception {
            this.socket = http.newWebSocketBuilder().buildAsync(URI.create(url), new WebSocket.Listener() {
                private final StringBuilder message = new StringBuilder();

                @Override
                public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                    message.append(data);
                    if (last) {
                        JsonNode msg = JSON.readTree(message.toString());
                        message.setLength(0);
                        if (!answered(msg)) {
                            events.accept(msg);
                        }
                    }
                    webSocket.request(1);
                    return null;
                }
            }).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }

        /** Completes the pending command a message answers; true when it was an answer, not an event. */
        private boolean answered(JsonNode msg) {
            if (!msg.has("id")) {
                return false;
            }
            CompletableFuture<JsonNode> f = pending.remove(msg.path("id").asInt());
            if (f != null) {
                if (msg.has("error")) {
                    f.completeExceptionally(new IOException("DevTools: " + msg.path("error")));
                } else {
                    f.complete(msg.path("result"));
                }
            }
            return true;
        }

        /** Sends a command and waits for its answer. */
        JsonNode send(String method, Map<String, Object> params) throws Exception {
            int id = ids.incrementAndGet();
            CompletableFuture<JsonNode> result = new CompletableFuture<>();
            pending.put(id, result);
            ObjectNode msg = JSON.createObjectNode();
            msg.put("id", id);
            msg.put("method", method);
            msg.set("params", JSON.valueToTree(params));
            socket.sendText(JSON.writeValueAsString(msg), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return result.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** The browser process, its profile folder (removed when it ends) and its own DevTools connection. */
    private static final class Browser {
        private final Process process;
        private final Path profile;
        private final HttpClient http;
        private final String address;
        private final DevTools devTools;

        private Browser(Process process, Path profile, HttpClient http, String address, String browserUrl) throws Exception {
            this.process = process;
            this.profile = profile;
            this.http = http;
            this.address = address;
            this.devTools = new DevTools(http, browserUrl, event -> { });
        }

        static Browser start() throws Exception {
            Path profile = Files.createTempDirectory("pb-chromium-");
            Process p = new ProcessBuilder(executable(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-extensions", "--user-data-dir=" + profile, "--remote-debugging-address=127.0.0.1",
                    "--remote-debugging-port=0", "--window-size=1280,1000", "about:blank").redirectErrorStream(true).start();
            String browserUrl = devToolsUrl(p);
            Matcher m = Pattern.compile("ws://([^/]+)/").matcher(browserUrl);
            if (!m.find()) {
                p.destroyForcibly();
                throw new IOException("no DevTools address in '" + browserUrl + "'");
            }
            return new Browser(p, profile, HttpClient.newBuilder().connectTimeout(TIMEOUT).build(), m.group(1), browserUrl);
        }

        JsonNode send(String method, Map<String, Object> params) throws Exception {
            return devTools.send(method, params);
        }

        void close() {
            try {
                devTools.socket.sendText("{\"id\":0,\"method\":\"Browser.close\"}", true).get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // the process is ended below either way
            }
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
                org.springframework.util.FileSystemUtils.deleteRecursively(profile);
            } catch (InterruptedException | IOException ignored) {
                // a JVM ending: what is left is in the system's temporary folder
            }
        }
    }

    /**
     * Reads Chromium's output until it says where its DevTools endpoint listens, for at most TIMEOUT: on a thread, so
     * that a browser that prints nothing cannot hold a read for ever; the thread then drains the rest, so the browser
     * never blocks on a full pipe.
     */
    private static String devToolsUrl(Process p) throws IOException {
        CompletableFuture<String> url = new CompletableFuture<>();
        List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (!url.isDone() && line.contains("DevTools listening on ")) {
                        url.complete(line.substring(line.indexOf("ws://")));
                    } else if (!url.isDone()) {
                        seen.add(line);
                    }
                }
            } catch (IOException ignored) {
                // the browser closed
            }
            url.completeExceptionally(new IOException("Chromium ended"));
        });
        reader.setDaemon(true);
        reader.start();
        try {
            return url.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            p.destroyForcibly();
            throw new IOException("Chromium did not start: " + String.join("\n", seen));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted while Chromium started", e);
        }
    }

    /** A page's event: kept for {@link #load}, its load event completing the load. */
    private void event(JsonNode msg) {
        events.add(msg);
        if ("Page.loadEventFired".equals(msg.path("method").asString())) {
            loaded.complete(null);
        }
    }

    public JsonNode send(String method, Map<String, Object> params) throws Exception {
        return page.send(method, params);
    }

    /** Loads a page and waits for its load event; returns the URLs of every request the page made. */
    public List<String> load(String url) throws Exception {
        send("Network.enable", Map.of());
        send("Page.enable", Map.of());
        loaded = new CompletableFuture<>();
        events.clear();
        send("Page.navigate", Map.of("url", url));
        loaded.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        List<String> requests = new ArrayList<>();
        for (JsonNode e : events) {
            if ("Network.requestWillBeSent".equals(e.path("method").asString())) {
                requests.add(e.path("params").path("request").path("url").asString());
            }
        }
        return requests;
    }

    /** Evaluates a script in the page (awaiting a promise it returns); returns its value as JSON. */
    public JsonNode evaluate(String script) throws Exception {
        JsonNode r = send("Runtime.evaluate", Map.of("expression", script, "awaitPromise", true, "returnByValue", true));
        if (r.has("exceptionDetails")) {
            throw new IOException("script failed in the page: " + r.path("exceptionDetails"));
        }
        return r.path("result").path("value");
    }

    /** A PNG of the page from its top, at most {@code maxHeight} CSS pixels tall. */
    public void screenshot(Path png, int maxHeight) throws Exception {
        JsonNode metrics = send("Page.getLayoutMetrics", Map.of()).path("cssContentSize");
        double width = metrics.path("width").asDouble();
        double height = Math.min(maxHeight, metrics.path("height").asDouble());
        JsonNode shot = send("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Files.write(png, Base64.getDecoder().decode(shot.path("data").asString()));
    }

    /**
     * The loaded page printed as Chromium's print to PDF prints it (its print style sheet, the page size and margins
     * its @page rule gives, backgrounds as the style sheet asks): the PDF's bytes written to {@code pdf}.
     */
    public void printToPdf(Path pdf) throws Exception {
        JsonNode printed = send("Page.printToPDF", Map.of("preferCSSPageSize", true, "printBackground", true));
        Files.write(pdf, Base64.getDecoder().decode(printed.path("data").asString()));
    }

    /** axe-core, from scripts/fetch-axe.sh; a skip (a failure in CI) when it is not there. */
    public static final Path AXE = Golden.home().resolve("work/axe/node_modules/axe-core/axe.min.js");

    /**
     * Runs axe-core with every rule in the loaded page. Returns one line per violation ("impact id (n elements, e.g.
     * selector): help"), and prints them for the record.
     */
    public List<String> axeViolations(String what) throws Exception {
        if (!Files.isRegularFile(AXE)) {
            missing("axe-core is not installed: run scripts/fetch-axe.sh (npm; .ci/run does it)");
        }
        evaluate(Files.readString(AXE, StandardCharsets.UTF_8) + "\n;true");
        JsonNode violations = evaluate("axe.run(document, {resultTypes: ['violations']}).then(r => r.violations.map("
                + "v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length,"
                + " first: v.nodes.length ? v.nodes[0].target.join(' ') : ''})))");
        List<String> all = new ArrayList<>();
        for (JsonNode v : violations) {
            all.add(v.path("impact").asString() + " " + v.path("id").asString() + " (" + v.path("nodes").asInt()
                    + " elements, e.g. " + v.path("first").asString() + "): " + v.path("help").asString());
        }
        System.out.println("axe-core on " + what + ": " + all.size() + " violation(s)" + (all.isEmpty() ? "" : "\n  "
                + String.join("\n  ", all)));
        return all;
    }

    /** Closes the page and discards its browser context; the browser goes on for the next page. */
    @Override
    public void close() throws Exception {
        page.socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);
        owner.send("Target.closeTarget", Map.of("targetId", targetId));
        owner.send("Target.disposeBrowserContext", Map.of("browserContextId", contextId));
    }
}
