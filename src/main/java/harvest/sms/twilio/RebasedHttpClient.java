package harvest.sms.twilio;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;

import java.util.List;
import java.util.Map;

/**
 * The SDK's own HTTP client, sending to another base URL than https://*.twilio.com: the path, query, form and
 * authentication stay exactly as the SDK built them.
 */
class RebasedHttpClient extends NetworkHttpClient {
    private final String baseUrl;

    RebasedHttpClient(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Override
    public Response makeRequest(Request request) {
        String original = request.getUrl();
        String path = original.replaceFirst("^https?://[^/]+", "");
        Request rebased = new Request(request.getMethod(), baseUrl + path);
        copy(request.getQueryParams(), rebased::addQueryParam);
        copy(request.getPostParams(), rebased::addPostParam);
        copy(request.getHeaderParams(), rebased::addHeaderParam);
        rebased.setAuth(request.getUsername(), request.getPassword());
        return super.makeRequest(rebased);
    }

    private interface Adder {
        void add(String name, String value);
    }

    private static void copy(Map<String, List<String>> params, Adder adder) {
        params.forEach((name, values) -> values.forEach(value -> adder.add(name, value)));
    }
}
