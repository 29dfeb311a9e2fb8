package org.pbannex.expenditure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs tasks on a few cores and waits for all of them; the first failure is thrown as the task threw it. */
final class Parallel {

    private Parallel() {
    }

    /** On a pool of its own of at most {@code threads} daemon threads named {@code name}, ended before returning. */
    static <T> List<T> all(List<Callable<T>> tasks, int threads, String name) throws IOException {
        if (tasks.size() == 1) {
            try {
                return List.of(tasks.get(0).call());
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, tasks.size())), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        try {
            return all(pool, tasks);
        } finally {
            pool.shutdownNow();
        }
    }

    static <T> List<T> all(ExecutorService pool, List<Callable<T>> tasks) throws IOException {
        try {
            List<T> out = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(tasks)) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while finding duplicate line ids", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause() instanceof UncheckedIOException u ? u.getCause() : e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(c);
        }
    }
}
