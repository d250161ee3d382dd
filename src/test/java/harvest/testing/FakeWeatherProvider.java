package harvest.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A local stand-in for an Open-Meteo-compatible forecast API: answers each request with the next scripted
 * answer (a recorded body, an error status, garbage, or silence past the client's timeout) and records the
 * query strings it was asked.
 */
public final class FakeWeatherProvider implements AutoCloseable {
    private final HttpServer server;
    private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
    private final List<String> queries = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch released = new CountDownLatch(1);

    public sealed interface Answer permits Recorded, Status, Garbage, Silence {
    }

    public record Recorded(String resource) implements Answer {
    }

    public record Status(int code) implements Answer {
    }

    public record Garbage() implements Answer {
    }

    public record Silence() implements Answer {
    }

    public FakeWeatherProvider() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/v1/forecast", this::answer);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void script(Answer... answers) {
        script.clear();
        queries.clear();
        script.addAll(List.of(answers));
    }

    public List<String> queries() {
        return List.copyOf(queries);
    }

    private void answer(HttpExchange exchange) throws IOException {
        queries.add(exchange.getRequestURI().getQuery());
        Answer next = script.poll();
        switch (next) {
            case Recorded recorded -> send(exchange, 200, read(recorded.resource()));
            case Status status -> send(exchange, status.code(), "{\"error\":true,\"reason\":\"scripted\"}".getBytes(StandardCharsets.UTF_8));
            case Garbage ignored -> send(exchange, 200, "{\"hourly\": [1, 2".getBytes(StandardCharsets.UTF_8));
            case Silence ignored -> {
                awaitRelease();
                exchange.close();
            }
            case null -> send(exchange, 500, "unscripted request".getBytes(StandardCharsets.UTF_8));
        }
    }

    private void awaitRelease() {
        try {
            released.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static byte[] read(String resource) {
        try (InputStream in = FakeWeatherProvider.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }
}
