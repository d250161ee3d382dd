package harvest.weather.pull;

import harvest.community.Community;
import harvest.weather.ForecastUpload;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One request to an Open-Meteo-compatible forecast API for a batch of communities (coordinates comma-separated),
 * read into forecast series. Hours the provider leaves empty are left out, so they count as missing.
 */
@Singleton
public class OpenMeteoClient {
    static final String HOURLY = "precipitation,precipitation_probability,temperature_2m,relative_humidity_2m,wind_speed_10m";

    private final HttpClient http;
    private final JsonMapper json;

    public OpenMeteoClient(@Client(id = "open-meteo") HttpClient http, JsonMapper json) {
        this.http = http;
        this.json = json;
    }

    /** Thrown when a request fails; {@code retryable} tells a passing fault from one that repeating will not fix. */
    public static class PullFailure extends RuntimeException {
        private final boolean retryable;

        PullFailure(String message, boolean retryable, Throwable cause) {
            super(message, cause);
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    public List<ForecastUpload.Series> fetch(List<Community> batch, int forecastDays) {
        String uri = UriBuilder.of("/v1/forecast")
                .queryParam("latitude", batch.stream().map(c -> String.valueOf(c.lat())).collect(Collectors.joining(",")))
                .queryParam("longitude", batch.stream().map(c -> String.valueOf(c.lon())).collect(Collectors.joining(",")))
                .queryParam("hourly", HOURLY)
                .queryParam("wind_speed_unit", "ms")
                .queryParam("timeformat", "unixtime")
                .queryParam("timezone", "GMT")
                .queryParam("forecast_days", forecastDays)
                .toString();
        String body;
        try {
            body = http.toBlocking().retrieve(HttpRequest.GET(uri), String.class);
        } catch (HttpClientResponseException e) {
            boolean retryable = e.getStatus().getCode() >= 500 || e.getStatus() == HttpStatus.TOO_MANY_REQUESTS;
            throw new PullFailure("provider answered " + e.getStatus().getCode(), retryable, e);
        } catch (HttpClientException e) {
            throw new PullFailure("provider unreachable: " + e.getMessage(), true, e);
        }
        return parse(body, batch);
    }

    private List<ForecastUpload.Series> parse(String body, List<Community> batch) {
        try {
            JsonNode root = json.readValue(body, JsonNode.class);
            List<JsonNode> locations = new ArrayList<>();
            if (root.isArray()) {
                root.values().forEach(locations::add);
            } else {
                locations.add(root);
            }
            if (locations.size() != batch.size()) {
                throw malformed("expected " + batch.size() + " locations, got " + locations.size(), null);
            }
            List<ForecastUpload.Series> series = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                series.add(new ForecastUpload.Series(batch.get(i).code(), hours(locations.get(i))));
            }
            return series;
        } catch (IOException | RuntimeException e) {
            throw e instanceof PullFailure failure ? failure : malformed(e.getMessage(), e);
        }
    }

    private static List<ForecastUpload.Hour> hours(JsonNode location) {
        JsonNode hourly = location.get("hourly");
        if (hourly == null || hourly.get("time") == null) {
            throw malformed("no hourly.time", null);
        }
        JsonNode time = hourly.get("time");
        JsonNode rain = required(hourly, "precipitation", time.size());
        JsonNode chance = required(hourly, "precipitation_probability", time.size());
        List<ForecastUpload.Hour> hours = new ArrayList<>();
        for (int h = 0; h < time.size(); h++) {
            if (rain.get(h).isNull() || chance.get(h).isNull()) {
                continue;
            }
            String start = Instant.ofEpochSecond(time.get(h).getLongValue()).atOffset(ZoneOffset.UTC).toString();
            hours.add(new ForecastUpload.Hour(start, rain.get(h).getDoubleValue(), chance.get(h).getIntValue(),
                    optional(hourly, "temperature_2m", h), optionalInt(hourly, "relative_humidity_2m", h),
                    optional(hourly, "wind_speed_10m", h)));
        }
        return hours;
    }

    private static JsonNode required(JsonNode hourly, String name, int size) {
        JsonNode values = hourly.get(name);
        if (values == null || !values.isArray() || values.size() != size) {
            throw malformed("hourly." + name + " is missing or not " + size + " long", null);
        }
        return values;
    }

    private static Double optional(JsonNode hourly, String name, int h) {
        JsonNode values = hourly.get(name);
        return values == null || values.size() <= h || values.get(h).isNull() ? null : values.get(h).getDoubleValue();
    }

    private static Integer optionalInt(JsonNode hourly, String name, int h) {
        Double value = optional(hourly, name, h);
        return value == null ? null : (int) Math.round(value);
    }

    private static PullFailure malformed(String why, Throwable cause) {
        return new PullFailure("malformed answer: " + why, true, cause);
    }
}
