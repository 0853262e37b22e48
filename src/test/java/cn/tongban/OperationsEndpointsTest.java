package cn.tongban;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.testsupport.TongbanIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

@TongbanIntegrationTest
class OperationsEndpointsTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void healthCoversDatabaseEngineAndMail() {
        var response = http.getForEntity("/actuator/health", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode components = response.getBody().path("components");
        assertThat(response.getBody().path("status").asText()).isEqualTo("UP");
        assertThat(components.has("db")).as("database health").isTrue();
        assertThat(components.has("processEngine")).as("engine health").isTrue();
        assertThat(components.has("mail")).as("mail health").isTrue();
    }

    @Test
    void openApiDescribesTheContract() {
        var response = http.getForEntity("/v3/api-docs", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().path("openapi").asText()).startsWith("3.");
    }
}
