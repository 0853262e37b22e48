package cn.tongban.crossprovince.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.catalog.Districts;
import cn.tongban.catalog.internal.CatalogLoader;
import cn.tongban.crossprovince.AuthorityProperties;
import cn.tongban.crossprovince.CrossProvinceProperties;
import cn.tongban.crossprovince.CrossProvinceProperties.Partner;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.util.unit.DataSize;

/** The plain rules of the exchange: signatures, what a partner's answer means, and the start-up checks. */
class CrossProvinceRulesTest {

    static final String SECRET = "a-secret-shared-by-two-authorities-0123";
    static final Districts DISTRICTS = new CatalogLoader().load(new DefaultResourceLoader(), "classpath:seeds/catalog/")
            .districts();
    static final AuthorityProperties ZHENGZHOU = new AuthorityProperties("410100", "郑州市民政局", "410000",
            List.of("jinshui", "erqi"), "jinshui");

    @Test
    void aSignatureCoversTimestampMessageIdAndBody() {
        byte[] body = "{\"receiptNo\":\"CJ-1\"}".getBytes(StandardCharsets.UTF_8);
        String signature = Signatures.sign(SECRET, "2025-10-09T10:00:00+08:00", "message-0001", body);

        assertThat(Signatures.verify(SECRET, "2025-10-09T10:00:00+08:00", "message-0001", body, signature)).isTrue();
        assertThat(Signatures.verify(SECRET, "2025-10-09T10:00:01+08:00", "message-0001", body, signature)).isFalse();
        assertThat(Signatures.verify(SECRET, "2025-10-09T10:00:00+08:00", "message-0002", body, signature)).isFalse();
        assertThat(Signatures.verify(SECRET, "2025-10-09T10:00:00+08:00", "message-0001",
                "{\"receiptNo\":\"CJ-2\"}".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThat(Signatures.verify(SECRET + "x", "2025-10-09T10:00:00+08:00", "message-0001", body, signature))
                .isFalse();
        // the separator keeps the fields apart: moving a character from one field to the next changes the signature
        assertThat(Signatures.sign(SECRET, "2025-10-09T10:00:00+08:00m", "essage-0001", body)).isNotEqualTo(signature);
    }

    @Test
    void aPartnersAnswerSaysWhetherToRetry() {
        assertThat(PartnerClient.judge(201, "{}").verdict()).isEqualTo(PartnerClient.Verdict.DELIVERED);
        assertThat(PartnerClient.judge(409, "{\"type\":\"" + InboundProblem.REPLAYED + "\"}").verdict())
                .isEqualTo(PartnerClient.Verdict.DELIVERED);
        assertThat(PartnerClient.judge(409, "{\"type\":\"" + InboundProblem.DUPLICATE_CASE + "\"}").verdict())
                .isEqualTo(PartnerClient.Verdict.DELIVERED);
        assertThat(PartnerClient.judge(409, "{\"type\":\"" + InboundProblem.NOT_WAITING + "\"}").verdict())
                .isEqualTo(PartnerClient.Verdict.RETRY);
        for (int status : new int[] {408, 425, 429, 500, 502, 503}) {
            assertThat(PartnerClient.judge(status, "").verdict()).as("%s", status).isEqualTo(PartnerClient.Verdict.RETRY);
        }
        for (int status : new int[] {400, 401, 403, 404, 413, 422}) {
            assertThat(PartnerClient.judge(status, "").verdict()).as("%s", status)
                    .isEqualTo(PartnerClient.Verdict.REFUSED);
        }
    }

    @Test
    void aRefusalAnywhereInTheCausesEndsTheRetries() {
        assertThat(RefusalEndsRetries.refused(new RuntimeException(new DeliveryRefusedException("401")))).isTrue();
        assertThat(RefusalEndsRetries.refused(new DeliveryFailedException("down"))).isFalse();
    }

    @Test
    void aWellFormedPairPassesTheStartUpChecks() {
        assertThat(CrossProvinceConfiguration.problems(ZHENGZHOU, partners(
                partner("460100", "460000"), partner("440100", "440000")), DISTRICTS)).isEmpty();
    }

    @Test
    void partnersThatCannotBeToldApartOrAreOurselvesAreRefusedAtStartUp() {
        assertThat(CrossProvinceConfiguration.problems(ZHENGZHOU, partners(
                partner("460100", "460000"), partner("460100", "440000"), partner("460200", "460000"),
                partner("410100", "420000"), partner("410200", "410000")), DISTRICTS))
                .containsExactly("partner id 460100 appears twice", "two partners for province 460000",
                        "partner 410100 has this authority's own code",
                        "partner 410200 is in this authority's own province");
    }

    @Test
    void districtsMustBeTheCataloguesAndTheInboundDistrictOneOfThem() {
        AuthorityProperties wrong = new AuthorityProperties("410100", "郑州市民政局", "410000",
                List.of("jinshui", "atlantis"), "erqi");
        assertThat(CrossProvinceConfiguration.problems(wrong, partners(), DISTRICTS)).containsExactly(
                "district atlantis is not in the catalogue", "inbound-district erqi is not one of the districts");
    }

    @Test
    void theSecretNeverAppearsWhenAPartnerIsPrinted() {
        assertThat(partner("460100", "460000").toString()).doesNotContain(SECRET).contains("460100");
    }

    static Partner partner(String id, String province) {
        return new Partner(id, "伙伴机关", province, URI.create("https://partner.example.cn"), SECRET);
    }

    static CrossProvinceProperties partners(Partner... partners) {
        return new CrossProvinceProperties(List.of(partners), Duration.ofMinutes(5), DataSize.ofMegabytes(20),
                Duration.ofSeconds(30));
    }
}
