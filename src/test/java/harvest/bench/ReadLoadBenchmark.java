package harvest.bench;

import harvest.testing.Api;
import harvest.testing.DatabaseTest;
import harvest.planning.PlanPolling;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads under the load of the app's polling and a few open boards: 32 connections at once, each asking again as
 * soon as it has its answer, for 10 s after 3 s of warm-up. The baseline is a small static file from the same
 * server on the same connections. Client and server share the machine's two cores, as they share them for the
 * baseline. The process's resident memory is printed before and after.
 */
@Tag("benchmark")
@MicronautTest(transactional = false)
class ReadLoadBenchmark extends DatabaseTest {
    private static final int CONNECTIONS = 32;
    private static final Duration WARM_UP = Duration.ofSeconds(3);
    private static final Duration MEASURED = Duration.ofSeconds(10);
    /** The operator of the demo district's M0001. */
    private static final String OPERATOR_PHONE = "+8613883014629";

    @Inject
    Api api;
    @Inject
    EmbeddedServer server;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build();

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("harvest.demo", "true", "harvest.sms.worker-enabled", "false", "harvest.dispatch.draft-interval", "1h",
                "datasources.default.maximum-pool-size", "10");
    }

    private record Load(String name, double perSecond, double p50Millis, double p99Millis) {
    }

    @Test
    void reads_at_thirty_two_connections() throws Exception {
        long plan = api.post("/api/v1/plans", """
                {"firstDay": "2023-05-28", "days": 12, "strategy": "GREEDY"}""").json().get("id").asLong();
        PlanPolling.awaitFinished(api, plan);
        assertThat(api.post("/api/v1/plans/" + plan + "/publish", "{}").status()).isEqualTo(200);
        String operator = api.app(OPERATOR_PHONE).token();
        String staff = api.token();
        String itinerary = "/api/v1/plans/" + plan + "/machines/M0001";
        String etag = api.app(OPERATOR_PHONE).get(itinerary).etag();
        long rssBefore = residentKb();

        List<Load> loads = List.of(
                load("baseline: GET /redoc/index.html (static file)", "/redoc/index.html", null, null),
                load("GET /health/liveness", "/health/liveness", null, null),
                load("itinerary, operator's app", itinerary, operator, null),
                load("itinerary, operator's app polling with If-None-Match (304)", itinerary, operator, etag),
                load("GET /api/v1/fields?size=100, dispatcher", "/api/v1/fields?size=100", staff, null),
                load("daily report 2023-06-01, dispatcher", "/api/v1/reports/daily/2023-06-01", staff, null));

        double baseline = loads.getFirst().perSecond();
        System.out.printf("%n%-62s %9s %8s %8s %8s%n", "reads, " + CONNECTIONS + " connections", "req/s", "ratio", "p50 ms", "p99 ms");
        for (Load load : loads) {
            System.out.printf("%-62s %9.0f %8.2f %8.1f %8.1f%n", load.name(), load.perSecond(), load.perSecond() / baseline,
                    load.p50Millis(), load.p99Millis());
        }
        System.out.printf("resident memory: %d MB before the load, %d MB after; heap limit %d MB%n%n",
                rssBefore / 1024, residentKb() / 1024, Runtime.getRuntime().maxMemory() / 1024 / 1024);
    }

    private Load load(String name, String path, String token, String ifNoneMatch) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server.getURI() + path)).GET().timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (ifNoneMatch != null) {
            builder.header("If-None-Match", ifNoneMatch);
        }
        HttpRequest request = builder.build();
        int expected = ifNoneMatch == null ? 200 : 304;
        run(request, expected, WARM_UP, new ArrayList<>());
        List<Long> latencies = new ArrayList<>();
        long started = System.nanoTime();
        int done = run(request, expected, MEASURED, latencies);
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Load(name, done / seconds, sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6);
    }

    private int run(HttpRequest request, int expected, Duration during, List<Long> latencies) throws Exception {
        long until = System.nanoTime() + during.toNanos();
        AtomicInteger done = new AtomicInteger();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<List<Long>>> connections = new ArrayList<>();
            for (int c = 0; c < CONNECTIONS; c++) {
                connections.add(clients.submit(() -> {
                    List<Long> mine = new ArrayList<>();
                    while (System.nanoTime() < until) {
                        long start = System.nanoTime();
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != expected) {
                            throw new IllegalStateException(request.uri() + ": " + response.statusCode() + " " + new String(response.body()));
                        }
                        mine.add(System.nanoTime() - start);
                        done.incrementAndGet();
                    }
                    return mine;
                }));
            }
            for (Future<List<Long>> connection : connections) {
                latencies.addAll(connection.get());
            }
        }
        return done.get();
    }

    private static long residentKb() throws IOException {
        return Arrays.stream(Files.readString(Path.of("/proc/self/status")).split("\n")).filter(line -> line.startsWith("VmRSS:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElse(-1);
    }
}
