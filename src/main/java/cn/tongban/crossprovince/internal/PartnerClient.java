package cn.tongban.crossprovince.internal;

import cn.tongban.crossprovince.AuthorityProperties;
import cn.tongban.crossprovince.CrossProvinceProperties;
import cn.tongban.crossprovince.CrossProvinceProperties.Partner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/** Sends one signed message to a partner authority and says what its answer means for delivery. */
@Component
class PartnerClient {

    /** How the partner answered: delivered (now or before), worth trying again later, or refused for good. */
    enum Verdict { DELIVERED, RETRY, REFUSED }

    record Answer(Verdict verdict, Integer status, String detail) {
    }

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final AuthorityProperties authority;
    private final CrossProvinceProperties properties;
    // built at the first hand-off rather than at start-up, where it cost a quarter of a second (TLS set-up and the
    // client's selector thread), paid also by a deployment that never sends
    private final SingletonSupplier<HttpClient> http;

    PartnerClient(AuthorityProperties authority, CrossProvinceProperties properties) {
        this.authority = authority;
        this.properties = properties;
        this.http = SingletonSupplier.of(() -> HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build());
    }

    Answer send(Partner partner, MessageKind kind, String messageId, byte[] body) {
        String timestamp = OffsetDateTime.now(ZONE).toString();
        HttpRequest request = HttpRequest.newBuilder(target(partner, kind))
                .timeout(properties.timeout())
                .header("Content-Type", "application/json")
                .header(Signatures.AUTHORITY, authority.code())
                .header(Signatures.MESSAGE_ID, messageId)
                .header(Signatures.TIMESTAMP, timestamp)
                .header(Signatures.SIGNATURE, Signatures.sign(partner.secret(), timestamp, messageId, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<String> response = http.obtain().send(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return judge(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(Verdict.RETRY, null, partner.id() + " not reachable: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(Verdict.RETRY, null, "interrupted while sending to " + partner.id());
        }
    }

    /**
     * 2xx: delivered. 409 for a message id or case the partner has already: delivered before (our earlier answer
     * was lost). 409 "not waiting", 408, 425, 429 and 5xx: try again. Any other 4xx (bad signature, unknown
     * authority, invalid or too large): the partner will never take it, so retrying would only hide the problem.
     */
    static Answer judge(int status, String body) {
        String detail = body == null ? "" : body.length() > 500 ? body.substring(0, 500) : body;
        if (status >= 200 && status < 300) {
            return new Answer(Verdict.DELIVERED, status, null);
        }
        if (status == 409) {
            boolean known = detail.contains(InboundProblem.REPLAYED) || detail.contains(InboundProblem.DUPLICATE_CASE);
            return new Answer(known ? Verdict.DELIVERED : Verdict.RETRY, status, detail);
        }
        if (status == 408 || status == 425 || status == 429 || status >= 500) {
            return new Answer(Verdict.RETRY, status, detail);
        }
        return new Answer(Verdict.REFUSED, status, detail);
    }

    private static URI target(Partner partner, MessageKind kind) {
        String base = partner.baseUrl().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + kind.path());
    }
}
