import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Parallel registrations through the API, for bench/run.sh: {@code clients} threads each POST
 * {@code perClient} results to /api/v1/results with the given session cookie, as fast as the server
 * answers. Each result's evidence is a marker unique to this run ({@code <runId>-<client>-<n>}), so the
 * script can check afterwards, in the CSV export, that every accepted registration was stored exactly
 * once. Prints one line: {@code sent accepted failed seconds perSecond}.
 *
 * <p>Run with the JDK's source launcher: {@code java bench/Register.java URL COOKIE PROJECT MUNICIPALITY
 * CLIENTS PER_CLIENT RUN_ID}.
 */
public class Register {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String cookie = args[1];
        long project = Long.parseLong(args[2]);
        String municipality = args[3];
        int clients = Integer.parseInt(args[4]);
        int perClient = Integer.parseInt(args[5]);
        String runId = args[6];

        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ConcurrentHashMap<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                // one connection per client, kept alive, like a real API client
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10)).build();
                try {
                    start.await();
                    for (int n = 0; n < perClient; n++) {
                        String body = "{\"projectId\":" + project + ",\"municipality\":\"" + municipality + "\","
                                + "\"date\":\"2024-03-15\",\"kind\":\"NEW_JOBS\",\"amount\":0.5,"
                                + "\"evidence\":\"" + runId + "-" + client + "-" + n + "\"}";
                        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/v1/results"))
                                .timeout(Duration.ofSeconds(60))
                                .header("Content-Type", "application/json")
                                .header("Cookie", cookie)
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                        int status;
                        try {
                            status = http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
                        } catch (Exception e) {
                            status = -1;
                        }
                        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                        if (status == 201) {
                            accepted.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            t.start();
            threads.add(t);
        }
        long t0 = System.nanoTime();
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        int sent = clients * perClient;
        if (failed.get() > 0) {
            System.err.println("Register: statuses " + statuses);
        }
        System.out.printf(java.util.Locale.ROOT, "%d %d %d %.2f %.0f%n", sent, accepted.get(), failed.get(), seconds,
                accepted.get() / seconds);
    }
}
