package harvest.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for Twilio's Messages REST resource, so the real SDK can be tested: it records every message
 * created (with the form the SDK posted and the account it authenticated as), lists them back newest first in
 * pages as Twilio does, with Twilio's own date format, and answers the next requests with scripted errors, or takes
 * a message and never answers, when told to.
 */
public final class FakeTwilio implements AutoCloseable {
    public static final String ACCOUNT = "AC00000000000000000000000000000001";
    public static final String TOKEN = "test-auth-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Twilio writes "Tue, 01 Dec 2026 02:10:00 +0000" (RFC 2822 with a numeric zone), which the SDK parses. */
    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US);

    private final HttpServer server;
    private final List<Map<String, String>> created = new ArrayList<>();
    private final ConcurrentLinkedQueue<int[]> failures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger sids = new AtomicInteger();
    private final AtomicInteger unanswered = new AtomicInteger();

    public FakeTwilio() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/2010-04-01/Accounts/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next create requests fail with this HTTP status and Twilio error code, once each. */
    public void failNext(int httpStatus, int twilioCode) {
        failures.add(new int[] {httpStatus, twilioCode});
    }

    /** The next {@code count} messages are taken (they go out) but their answers never come back. */
    public void takeWithoutAnswer(int count) {
        unanswered.addAndGet(count);
    }

    /** Every message created so far: the posted form plus "Sid" and "Account". */
    public synchronized List<Map<String, String>> created() {
        return List.copyOf(created);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String account = account(exchange);
            if (!exchange.getRequestURI().getPath().equals("/2010-04-01/Accounts/" + account + "/Messages.json")) {
                reply(exchange, 404, Map.of("code", 20404, "message", "not found", "status", 404));
            } else if (exchange.getRequestMethod().equals("POST")) {
                create(exchange, account);
            } else {
                list(exchange);
            }
        }
    }

    private void create(HttpExchange exchange, String account) throws IOException {
        int[] failure = failures.poll();
        if (failure != null) {
            reply(exchange, failure[0], Map.of("code", failure[1], "message", "scripted failure " + failure[1], "status", failure[0],
                    "more_info", "https://www.twilio.com/docs/errors/" + failure[1]));
            return;
        }
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        form.put("Sid", "SM" + String.format("%032d", sids.incrementAndGet()));
        form.put("Account", account);
        form.put("DateCreated", RFC_2822.format(ZonedDateTime.now(ZoneOffset.UTC)));
        synchronized (this) {
            created.add(form);
        }
        if (unanswered.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            // like a timeout after Twilio took the message: the connection closes with no response
            throw new IOException("taken, never answered");
        }
        reply(exchange, 201, message(form));
    }

    private void list(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery());
        String to = query.get("To");
        List<Map<String, Object>> all = created().stream().filter(m -> to == null || to.equals(m.get("To")))
                .map(FakeTwilio::message).toList().reversed();
        int size = Integer.parseInt(query.getOrDefault("PageSize", "50"));
        int number = Integer.parseInt(query.getOrDefault("Page", "0"));
        int start = Math.min(all.size(), number * size);
        int end = Math.min(all.size(), start + size);
        String path = exchange.getRequestURI().getPath() + "?" + (to == null ? "" : "To=" + java.net.URLEncoder.encode(to, StandardCharsets.UTF_8) + "&")
                + "PageSize=" + size + "&Page=";
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("messages", all.subList(start, end));
        page.put("uri", path + number);
        page.put("first_page_uri", path + 0);
        page.put("next_page_uri", end < all.size() ? path + (number + 1) + "&PageToken=PASM" + end : null);
        page.put("previous_page_uri", number > 0 ? path + (number - 1) : null);
        page.put("page", number);
        page.put("page_size", size);
        page.put("start", start);
        page.put("end", end);
        reply(exchange, 200, page);
    }

    private static Map<String, Object> message(Map<String, String> form) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("sid", form.get("Sid"));
        message.put("account_sid", form.get("Account"));
        message.put("to", form.get("To"));
        message.put("from", form.getOrDefault("From", null));
        message.put("messaging_service_sid", form.getOrDefault("MessagingServiceSid", null));
        message.put("body", form.get("Body"));
        message.put("status", "queued");
        message.put("num_segments", "1");
        message.put("direction", "outbound-api");
        message.put("price", null);
        message.put("price_unit", "USD");
        message.put("date_created", form.get("DateCreated"));
        message.put("api_version", "2010-04-01");
        return message;
    }

    private static String account(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.startsWith("Basic ")) {
            return "";
        }
        String decoded = new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
        return decoded.equals(ACCOUNT + ":" + TOKEN) ? ACCOUNT : "";
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            if (!pair.isEmpty()) {
                String[] parts = pair.split("=", 2);
                form.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
            }
        }
        return form;
    }

    private static void reply(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** X-Twilio-Signature as Twilio computes it: HMAC-SHA1 of the URL and the sorted form, keyed by the auth token. */
    public static String sign(String url, Map<String, String> form) {
        StringBuilder data = new StringBuilder(url);
        new java.util.TreeMap<>(form).forEach((name, value) -> data.append(name).append(value));
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
            mac.init(new javax.crypto.spec.SecretKeySpec(TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
