package cn.tongban.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** Plain HTTP with HTTP Basic against one node, as an API client would call it. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ID_NUMBER = "410105198001011239";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }
    }

    private Http() {
    }

    static Answer get(String base, String path, String user) throws IOException, InterruptedException {
        return send(request(base, path, user).GET());
    }

    static Answer post(String base, String path, String user, Object body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(base, path, user)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    /** A new application of the disability subsidies (残疾人两项补贴) in Jinshui. */
    static Answer apply(String base, String user, Map<String, Object> data, String idempotencyKey)
            throws IOException, InterruptedException {
        Map<String, Object> valid = new HashMap<>(data);
        // an ID number whose check digit is right, and the certificate number made from it
        valid.put("applicantIdNumber", ID_NUMBER);
        valid.put("disabilityCertificateNo", ID_NUMBER + "41");
        Map<String, Object> body = Map.of("serviceCode", "disability-subsidies", "data", valid);
        return idempotencyKey == null ? post(base, "/api/applications", user, body)
                : post(base, "/api/applications", user, body, "Idempotency-Key", idempotencyKey);
    }

    private static HttpRequest.Builder request(String base, String path, String user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + Node.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    private static Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = CLIENT.send(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.body());
    }
}
