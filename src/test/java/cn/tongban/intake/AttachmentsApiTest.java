package cn.tongban.intake;

import static cn.tongban.intake.ApplicationData.DIBAO;
import static cn.tongban.intake.ApplicationsApiTest.errors;
import static cn.tongban.intake.CaseLifecycleApiTest.PDF;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.testsupport.TongbanIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Materials over real HTTP: the type is read from the bytes, the size is capped, and what is served back can only
 * be saved, never rendered or run by the browser.
 */
@TongbanIntegrationTest
class AttachmentsApiTest {

    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0};
    static final byte[] HTML = "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
            .getBytes(StandardCharsets.UTF_8);

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    ApplicantClient zhangsan;
    String receiptNo;

    @BeforeEach
    void anApplication() {
        zhangsan = new ApplicantClient(http, "zhangsan");
        receiptNo = zhangsan.submit(DIBAO, ApplicationData.dibao()).getBody().path("receiptNo").asText();
    }

    @Test
    void aPdfIsStoredAndServedBackAsADownloadThatIsNeverSniffed() throws Exception {
        ResponseEntity<JsonNode> stored = zhangsan.upload(receiptNo, "income-proof", "收入证明.pdf",
                "application/pdf", PDF);

        assertThat(stored.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode attachment = stored.getBody();
        assertThat(attachment.path("contentType").asText()).isEqualTo("application/pdf");
        assertThat(attachment.path("materialCode").asText()).isEqualTo("income-proof");
        assertThat(attachment.path("size").asInt()).isEqualTo(PDF.length);
        assertThat(attachment.path("sha256").asText())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF)));
        String location = stored.getHeaders().getLocation().toString();
        assertThat(location).isEqualTo("/api/applications/" + receiptNo + "/attachments" + "/"
                + attachment.path("id").asLong());

        ResponseEntity<byte[]> served = zhangsan.download(location);
        assertThat(served.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(served.getBody()).isEqualTo(PDF);
        assertThat(served.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(served.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(served.getHeaders().getContentDisposition().getType()).isEqualTo("attachment");
        assertThat(served.getHeaders().getContentDisposition().getFilename()).endsWith(".pdf");
        assertThat(zhangsan.application(receiptNo).getBody().path("attachments")).hasSize(1);
    }

    @Test
    void theTypeComesFromTheBytesAndTheNameLosesItsPathAndGetsTheRightExtension() {
        ResponseEntity<JsonNode> stored = zhangsan.upload(receiptNo, "id-card", "C:\\fakepath\\id-card.png",
                "image/png", JPEG);

        assertThat(stored.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(stored.getBody().path("contentType").asText()).isEqualTo("image/jpeg");
        assertThat(stored.getBody().path("fileName").asText()).isEqualTo("id-card.png.jpg");
        ResponseEntity<byte[]> served = zhangsan.download(stored.getHeaders().getLocation().toString());
        assertThat(served.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_JPEG);
    }

    @Test
    void anHtmlFileNamedPdfIsRefused() {
        ResponseEntity<JsonNode> refused = zhangsan.upload(receiptNo, "income-proof", "income.pdf", "application/pdf",
                HTML);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(refused)).containsOnlyKeys("file");
        assertThat(attachments()).isZero();
    }

    @Test
    void aFileOverTenMegabytesIsRefusedAsTooLarge() {
        byte[] large = Arrays.copyOf(PDF, 10 * 1024 * 1024 + 1);

        ResponseEntity<JsonNode> refused = zhangsan.upload(receiptNo, "income-proof", "scan.pdf", "application/pdf",
                large);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(refused.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        assertThat(attachments()).isZero();
    }

    @Test
    void aMaterialTheServiceDoesNotAskForAndAnEmptyFileAreRefused() {
        assertThat(errors(zhangsan.upload(receiptNo, "passport", "p.pdf", "application/pdf", PDF)))
                .containsOnlyKeys("materialCode");
        assertThat(errors(zhangsan.upload(receiptNo, "income-proof", "empty.pdf", "application/pdf", new byte[0])))
                .containsOnlyKeys("file");
        assertThat(attachments()).isZero();
    }

    @Test
    void anotherApplicantNeitherUploadsNorDownloads() {
        ApplicantClient lisi = new ApplicantClient(http, "lisi");
        String location = zhangsan.upload(receiptNo, "income-proof", "a.pdf", "application/pdf", PDF).getHeaders()
                .getLocation().toString();

        assertThat(lisi.upload(receiptNo, "income-proof", "b.pdf", "application/pdf", PDF).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(lisi.download(location).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        String otherCase = zhangsan.submit(DIBAO, ApplicationData.dibao()).getBody().path("receiptNo").asText();
        assertThat(zhangsan.download(location.replace(receiptNo, otherCase)).getStatusCode())
                .as("an attachment of another case").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(attachments()).isEqualTo(1);
    }

    private int attachments() {
        return jdbc.sql("SELECT COUNT(*) FROM application_attachment WHERE receipt_no = :r").param("r", receiptNo)
                .query(Integer.class).single();
    }
}
