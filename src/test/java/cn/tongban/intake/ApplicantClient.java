package cn.tongban.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** A signed-in applicant calling the API over real HTTP with HTTP Basic. */
final class ApplicantClient {

    private final TestRestTemplate http;

    ApplicantClient(TestRestTemplate http, String username) {
        this.http = http.withBasicAuth(username, "demo");
    }

    ResponseEntity<JsonNode> submit(String serviceCode, Object data) {
        return submit(serviceCode, data, null);
    }

    ResponseEntity<JsonNode> submit(String serviceCode, Object data, String idempotencyKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("serviceCode", serviceCode);
        body.put("data", data);
        return postJson("/api/applications", body, idempotencyKey);
    }

    /** Submits an application the API must take, and returns its receipt number. */
    String submitted(String serviceCode, Object data) {
        ResponseEntity<JsonNode> response = submit(serviceCode, data);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return response.getBody().path("receiptNo").asText();
    }

    /** A body as it is, for requests the API must refuse. */
    ResponseEntity<JsonNode> submitRaw(String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange("/api/applications", HttpMethod.POST, new HttpEntity<>(json, headers), JsonNode.class);
    }

    ResponseEntity<JsonNode> get(String path) {
        return http.getForEntity(path, JsonNode.class);
    }

    ResponseEntity<JsonNode> application(String receiptNo) {
        return get("/api/applications/" + receiptNo);
    }

    ResponseEntity<JsonNode> post(String path, Object body) {
        return postJson(path, body, null);
    }

    ResponseEntity<JsonNode> upload(String receiptNo, String materialCode, String fileName, String declaredType,
                                    byte[] content) {
        HttpHeaders partHeaders = new HttpHeaders();
        partHeaders.setContentType(MediaType.parseMediaType(declaredType));
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("materialCode", materialCode);
        parts.add("file", new HttpEntity<>(new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }, partHeaders));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.exchange("/api/applications/" + receiptNo + "/attachments", HttpMethod.POST,
                new HttpEntity<>(parts, headers), JsonNode.class);
    }

    ResponseEntity<byte[]> download(String path) {
        return http.getForEntity(path, byte[].class);
    }

    private ResponseEntity<JsonNode> postJson(String path, Object body, String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }
}
