package cn.tongban.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.testsupport.SampleApplications;
import cn.tongban.testsupport.TestBrowser;
import cn.tongban.testsupport.TongbanIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hostile input against the applicant's endpoints and forms over real HTTP: oversized and deeply nested bodies,
 * wrong types, broken UTF-8, script and SQL in every field, traversal in file names, forged content types and
 * archives dressed as PDF. Never a server error; a refusal is a 4xx problem with a message and leaves no row behind.
 * The generated part draws its values from jqwik's generators.
 */
@TongbanIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

    private static final String APPLICANT = TestBrowser.basic("zhangsan", "demo");
    private static final String VALID_ID = "410105198001011239";
    private static final List<String> PAYLOADS = List.of("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
            "'; DROP TABLE application; --", "' OR '1'='1", "${jndi:ldap://x/a}", "#{7*7}", "{{7*7}}",
            "../../../../etc/passwd", "%00", "\u0000", "\uD800", "𠜎".repeat(3000), "x".repeat(100_000),
            "\u202Egnp.exe", "javascript:alert(1)", "NaN", "-1e309", "null");

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    private TestBrowser browser;
    private String receiptNo;
    private int tried;
    private final List<String> serverErrors = new ArrayList<>();

    @BeforeAll
    void anApplicationToAttachTo() throws Exception {
        browser = new TestBrowser(port);
        HttpResponse<String> created = postJson("/api/applications", body(validData()).getBytes(StandardCharsets.UTF_8));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        receiptNo = json.readTree(created.body()).get("receiptNo").asText();
    }

    @AfterAll
    void figures() {
        System.out.printf("[hostile input] inputs tried %d, server errors %d%n", tried, serverErrors.size());
    }

    @Test
    void malformedApplicationBodiesAreRefusedAndStoreNothing() {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("deep nesting", ("{\"serviceCode\":\"disability-subsidies\",\"data\":" + "[".repeat(100_000)
                + "]".repeat(100_000) + "}").getBytes(StandardCharsets.UTF_8));
        bodies.put("moderately deep nesting", ("{\"serviceCode\":\"disability-subsidies\",\"data\":{\"a\":"
                + "{\"b\":".repeat(200) + "1" + "}".repeat(200) + "}}").getBytes(StandardCharsets.UTF_8));
        bodies.put("oversized string", ("{\"serviceCode\":\"" + "x".repeat(3_000_000) + "\",\"data\":{}}")
                .getBytes(StandardCharsets.UTF_8));
        bodies.put("invalid UTF-8", concat("{\"serviceCode\":\"disability-subsidies\",\"data\":{\"applicantName\":\"",
                new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF}, "\"}}"));
        bodies.put("not JSON", "serviceCode=disability-subsidies".getBytes(StandardCharsets.UTF_8));
        bodies.put("empty", new byte[0]);
        bodies.put("array", "[]".getBytes(StandardCharsets.UTF_8));
        bodies.put("data a string", "{\"serviceCode\":\"disability-subsidies\",\"data\":\"x\"}".getBytes());
        bodies.put("service a number", "{\"serviceCode\":7,\"data\":{}}".getBytes());
        bodies.put("service an object", "{\"serviceCode\":{\"$ne\":null},\"data\":{}}".getBytes());
        bodies.put("unknown service", "{\"serviceCode\":\"../admin\",\"data\":{}}".getBytes());
        bodies.put("duplicate keys", "{\"serviceCode\":\"a\",\"serviceCode\":\"b\",\"data\":{}}".getBytes());
        bodies.put("number overflow", ("{\"serviceCode\":\"disability-subsidies\",\"data\":{\"disabilityGrade\":"
                + "9".repeat(5000) + "}}").getBytes());
        long before = rows();
        for (Map.Entry<String, byte[]> body : bodies.entrySet()) {
            HttpResponse<String> response = postJson("/api/applications", body.getValue());
            assertRefused(body.getKey(), response);
        }
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void everyFieldOfTheFormWithEveryHostileValueIsJudgedNotCrashedOn() throws Exception {
        Map<String, Object> valid = validData();
        Arbitrary<Object> hostile = Arbitraries.oneOf(
                Arbitraries.of(PAYLOADS).map(s -> (Object) s),
                Arbitraries.strings().all().ofMaxLength(300).map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.strings().all().ofMaxLength(20).list().ofMaxSize(3).map(l -> (Object) l),
                Arbitraries.just(Map.of("$gt", "")));
        int fieldIndex = 0;
        for (String field : valid.keySet()) {
            // six of the fixed payloads per field, in turn, so every one meets several fields, and fresh samples
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                values.add(PAYLOADS.get((fieldIndex * 6 + i) % PAYLOADS.size()));
            }
            values.addAll(hostile.sampleStream().limit(5).toList());
            fieldIndex++;
            for (Object value : values) {
                Map<String, Object> data = new HashMap<>(valid);
                data.put(field, value);
                long before = rows();
                HttpResponse<String> response = postJson("/api/applications", body(data).getBytes(StandardCharsets.UTF_8));
                String label = field + "=" + abbreviate(String.valueOf(value));
                if (response.statusCode() == 201) {
                    // a value that is simply valid (any text is a name) is stored once and shown escaped
                    assertThat(rows()).as(label).isEqualTo(before + 2);
                    String receipt = json.readTree(response.body()).get("receiptNo").asText();
                    assertThat(browser.get("/api/applications/" + receipt, "Authorization", APPLICANT).body())
                            .doesNotContain("<script>");
                    tried++;
                } else {
                    assertRefused(label, response);
                    assertThat(rows()).as(label).isEqualTo(before);
                }
            }
        }
        assertThat(serverErrors).isEmpty();
    }

    @Test
    void hostileUploadsAreRefusedAndStoreNothing() throws Exception {
        byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        Map<String, Upload> uploads = new LinkedHashMap<>();
        uploads.put("zip named .pdf", new Upload("id-card", "scan.pdf", "application/pdf", zipBomb()));
        uploads.put("docx named .pdf", new Upload("id-card", "scan.pdf", "application/pdf", docx()));
        uploads.put("html declared pdf", new Upload("id-card", "scan.pdf", "application/pdf",
                "<html><script>alert(1)</script></html>".getBytes()));
        uploads.put("script declared png", new Upload("id-card", "a.png", "image/png",
                "<svg onload=alert(1)>".getBytes()));
        uploads.put("executable", new Upload("id-card", "a.exe", "application/octet-stream",
                new byte[] {'M', 'Z', 0, 0, 1, 2, 3}));
        uploads.put("empty file", new Upload("id-card", "a.pdf", "application/pdf", new byte[0]));
        uploads.put("over 10 MB", new Upload("id-card", "big.pdf", "application/pdf",
                concat("", pdf, " ".repeat(10 * 1024 * 1024 + 10))));
        uploads.put("unknown material", new Upload("../../etc/passwd", "a.pdf", "application/pdf", pdf));
        uploads.put("material as SQL", new Upload("' OR 1=1 --", "a.pdf", "application/pdf", pdf));
        long before = attachments();
        for (Map.Entry<String, Upload> upload : uploads.entrySet()) {
            assertRefused(upload.getKey(), upload(upload.getValue()));
        }
        assertThat(attachments()).isEqualTo(before);
    }

    @Test
    void traversalInTheFileNameNeverReachesAPath() throws Exception {
        byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        for (String name : List.of("../../../../etc/passwd.pdf", "..\\..\\windows\\system32\\a.pdf",
                "/etc/shadow.pdf", "a\u0000.pdf", "<script>.pdf", "x".repeat(1000) + ".pdf")) {
            long before = attachments();
            HttpResponse<String> response = upload(new Upload("id-card", name, "application/pdf", pdf));
            tried++;
            if (response.statusCode() == 201) {
                JsonNode stored = json.readTree(response.body());
                String fileName = stored.path("fileName").asText();
                // kept as a name only: no directory part survives (it is shown escaped and sent RFC 6266-encoded)
                assertThat(fileName).as(name).doesNotContain("/", "\\", "\u0000");
                assertThat(fileName.length()).isLessThanOrEqualTo(255);
                assertThat(attachments()).isEqualTo(before + 1);
            } else {
                assertRefused(name, response);
                assertThat(attachments()).isEqualTo(before);
            }
        }
    }

    @Test
    void hostileApplyFormPostsAreJudgedNotCrashedOn() {
        TestBrowser session = new TestBrowser(port);
        session.login("zhangsan", "demo");
        String token = TestBrowser.csrfToken(session.get("/apply/disability-subsidies").body());
        for (String payload : PAYLOADS) {
            long before = rows();
            Map<String, String> form = new LinkedHashMap<>();
            form.put("_csrf", token);
            form.put("applicantName", payload);
            form.put("applicantIdNumber", payload);
            form.put("disabilityGrade", payload);
            form.put("members[99999999].name", payload);
            HttpResponse<String> response = session.postForm("/apply/disability-subsidies", form);
            tried++;
            if (response.statusCode() >= 500) {
                serverErrors.add("apply form " + abbreviate(payload) + ": " + response.statusCode());
            }
            assertThat(response.statusCode()).as(abbreviate(payload)).isLessThan(500);
            assertThat(response.body()).doesNotContain("<script>alert(1)</script>", "<img src=x onerror");
            assertThat(rows()).isEqualTo(before);
        }
    }

    @Test
    void hostilePathsAndQueriesOnPublicEndpoints() {
        List<String> paths = List.of("/api/services/..%2F..%2Fetc%2Fpasswd", "/api/services/%00",
                "/api/calendar/days/99999-99-99", "/api/calendar/days/2026-02-30",
                "/api/calendar/deadline?from=%3Cscript%3E&workingDays=-1",
                "/api/calendar/deadline?from=2026-01-05T09:00:00%2B08:00&workingDays=999999999999",
                "/api/calendar/arrangements/-1", "/api/calendar/arrangements/99999999999",
                "/services/%3Cscript%3E", "/services/..%2F..", "/api/applications/%27%20OR%201=1",
                "/api/applications/" + "x".repeat(5000));
        for (String path : paths) {
            HttpResponse<String> response = browser.get(path, "Authorization", APPLICANT, "Accept", "application/json");
            tried++;
            if (response.statusCode() >= 500) {
                serverErrors.add(path + ": " + response.statusCode());
            }
            assertThat(response.statusCode()).as(path).isBetween(400, 499);
        }
    }

    private record Upload(String materialCode, String fileName, String contentType, byte[] content) {
    }

    private HttpResponse<String> upload(Upload upload) {
        String boundary = "----tongban" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"materialCode\"\r\n\r\n"
                + upload.materialCode() + "\r\n");
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + upload.fileName().replace("\"", "%22") + "\"\r\nContent-Type: " + upload.contentType() + "\r\n\r\n");
        body.writeBytes(upload.content());
        write(body, "\r\n--" + boundary + "--\r\n");
        return browser.send(browser.request("/api/applications/" + receiptNo + "/attachments")
                .header("Authorization", APPLICANT)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private void assertRefused(String label, HttpResponse<String> response) {
        tried++;
        if (response.statusCode() >= 500) {
            serverErrors.add(label + ": " + response.statusCode());
        }
        assertThat(response.statusCode()).as(label + ": " + abbreviate(response.body())).isBetween(400, 499);
        assertThat(response.headers().firstValue("Content-Type")).as(label)
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = readTree(response.body());
        assertThat(problem.path("detail").asText()).as(label + ": a message").isNotBlank();
    }

    private HttpResponse<String> postJson(String path, byte[] body) {
        return browser.send(browser.request(path)
                .header("Authorization", APPLICANT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private String body(Map<String, Object> data) {
        try {
            return json.writeValueAsString(Map.of("serviceCode", "disability-subsidies", "data", data));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, Object> validData() {
        Map<String, Object> data = SampleApplications.disabilitySubsidies();
        data.put("applicantIdNumber", VALID_ID);
        data.put("disabilityCertificateNo", VALID_ID + "41");
        return data;
    }

    private long rows() {
        // applications and the cases (process instances) started for them
        return jdbc.sql("SELECT (SELECT COUNT(*) FROM application)"
                        + " + (SELECT COUNT(*) FROM act_hi_procinst)")
                .query(Long.class).single();
    }

    private long attachments() {
        return jdbc.sql("SELECT COUNT(*) FROM application_attachment").query(Long.class).single();
    }

    /** A small zip that inflates to 100 MB of zeros. */
    private static byte[] zipBomb() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("zeros.bin"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 100; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static byte[] docx() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static byte[] concat(String head, byte[] middle, String tail) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, head);
        out.writeBytes(middle);
        write(out, tail);
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode readTree(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + abbreviate(body), e);
        }
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
