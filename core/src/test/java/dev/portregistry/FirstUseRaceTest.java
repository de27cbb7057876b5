package dev.portregistry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many threads at the very first use of the bundled registry, released together by a start gate,
 * each in a fresh class loader so that the load really races: every thread sees the same, single
 * registry instance and identical, complete answers (all 65,536 ports and a set of names, compared
 * through a digest with the answers of the test's own registry). And when the resource is damaged,
 * every racing thread gets the same IllegalStateException.
 */
class FirstUseRaceTest {
    private static final int THREADS = 16;
    private static final int ROUNDS = 3;
    private static final int PORTS = 65536;
    private static final List<String> NAMES = List.of("http", "openvpn", "ssh", "rdp", "dns", "x11", "netmagic",
            "no-such-service", "www", "imap", "postgres", "3com-tsmux", "EtherNet/IP-1", "flex-lm", "ircu");

    @TempDir
    Path folder;

    /** A digest of every port's record and the ports of every name in NAMES, from an answer function. */
    private static String digest(Answers answers) throws Exception {
        MessageDigest sha = sha256();
        for (int port = 0; port <= 65535; port++) {
            sha.update(answers.lookup(port).toString().getBytes(StandardCharsets.UTF_8));
        }
        for (String name : NAMES) {
            sha.update((name + "=" + answers.byService(name)).getBytes(StandardCharsets.UTF_8));
        }
        sha.update(answers.dataVersion().toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }

    private interface Answers {
        Object lookup(int port) throws Exception;

        Object byService(String name) throws Exception;

        Object dataVersion() throws Exception;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void racingFirstUseGivesEveryThreadTheSameCompleteAnswers() throws Exception {
        String expected = digest(new Answers() {
            @Override
            public Object lookup(int port) {
                return PortRegistry.lookup(port);
            }

            @Override
            public Object byService(String name) {
                return PortRegistry.byService(name);
            }

            @Override
            public Object dataVersion() {
                return PortRegistry.dataVersion();
            }
        });
        byte[] table = IsolatedCore.bundledTable();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                try (IsolatedCore core = IsolatedCore.withTable(folder.resolve("round" + round), table)) {
                    CountDownLatch ready = new CountDownLatch(THREADS);
                    CountDownLatch start = new CountDownLatch(1);
                    List<Future<Object[]>> results = new ArrayList<>();
                    for (int t = 0; t < THREADS; t++) {
                        int thread = t;
                        Callable<Object[]> task = () -> {
                            ready.countDown();
                            start.await();
                            // the first call differs by thread, so that every entry point meets the load
                            Object first = switch (thread % 4) {
                                case 0 -> core.call("lookup", thread * 4099);
                                case 1 -> core.call("byService", NAMES.get(thread % NAMES.size()));
                                case 2 -> core.call("dataVersion");
                                default -> core.call("bundled");
                            };
                            // then every answer, in an order of its own
                            Object[] answers = new Object[PORTS + NAMES.size() + 2];
                            for (int i = 0; i < PORTS; i++) {
                                int port = (i + thread * 4099) % PORTS;
                                answers[port] = core.call("lookup", port);
                            }
                            for (int i = 0; i < NAMES.size(); i++) {
                                answers[PORTS + i] = core.call("byService", NAMES.get(i));
                            }
                            answers[PORTS + NAMES.size()] = core.call("dataVersion");
                            answers[PORTS + NAMES.size() + 1] = core.call("bundled");
                            return new Object[] {first, answers};
                        };
                        results.add(pool.submit(task));
                    }
                    assertThat(ready.await(30, TimeUnit.SECONDS)).as("all threads at the gate").isTrue();
                    start.countDown();
                    Object[] reference = null;
                    for (Future<Object[]> f : results) {
                        Object[] r = f.get(120, TimeUnit.SECONDS);
                        assertThat(r[0]).isNotNull();
                        Object[] answers = (Object[]) r[1];
                        if (reference == null) {
                            reference = answers;
                            Object[] first = answers;
                            assertThat(digest(new Answers() {
                                @Override
                                public Object lookup(int port) {
                                    return first[port];
                                }

                                @Override
                                public Object byService(String name) {
                                    return first[PORTS + NAMES.indexOf(name)];
                                }

                                @Override
                                public Object dataVersion() {
                                    return first[PORTS + NAMES.size()];
                                }
                            })).as("round %d: digest of all answers", round).isEqualTo(expected);
                            assertThat(first[PORTS + NAMES.size() + 1].getClass().getClassLoader())
                                    .isSameAs(core.loader());
                        }
                        // one registry, loaded once: every thread holds the very same answer objects
                        for (int i = 0; i < answers.length; i++) {
                            if (answers[i] != reference[i]) {
                                assertThat(answers[i]).as("round %d, answer %d", round, i).isSameAs(reference[i]);
                            }
                        }
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void racingFirstUseOfADamagedTableFailsTheSameWayForEveryThread() throws Exception {
        byte[] damaged = IsolatedCore.bundledTable().clone();
        damaged[damaged.length - 10] ^= 1;
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (IsolatedCore core = IsolatedCore.withTable(folder, damaged)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Throwable>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        core.call(thread % 2 == 0 ? "lookup" : "byService", thread % 2 == 0 ? (Object) 80 : "http");
                        return null;
                    } catch (Exception e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            String message = null;
            for (Future<Throwable> f : results) {
                Throwable e = f.get(60, TimeUnit.SECONDS);
                assertThat(e).isExactlyInstanceOf(IllegalStateException.class).hasMessageContaining("CRC-32");
                message = message == null ? e.getMessage() : message;
                assertThat(e).hasMessage(message);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
