package cn.tongban.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.intake.Applications.Submitted;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo default runs on H2: the intake tables, receipt numbers under contention and a whole submission work
 * there too. Same configuration as the other H2 test, so both share one application context.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:tongban-h2-test;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        // Camunda keeps engines in a static registry by name: the PostgreSQL test context's webapps must keep
        // finding their own engine under "default"
        "camunda.bpm.process-engine-name=h2"
})
@ActiveProfiles("demo")
class IntakeOnH2Test {

    @Autowired
    ReceiptNumbers numbers;

    @Autowired
    Applications applications;

    @Autowired
    RuntimeService runtime;

    @Test
    void concurrentDrawsGetEveryNumberOnce() throws Exception {
        List<Integer> serials = ReceiptNumbersContention.draw(numbers, "TH", LocalDate.of(2031, 6, 6),
                4, 10);

        assertThat(serials).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 40).boxed().toList());
    }

    @Test
    void anApplicationIsStoredAndItsCaseStarted() {
        String key = UUID.randomUUID().toString();

        Submitted submitted = applications.submit("zhangsan", ApplicationData.DIBAO, ApplicationData.dibao(), key,
                Locale.SIMPLIFIED_CHINESE);
        Submitted again = applications.submit("zhangsan", ApplicationData.DIBAO, ApplicationData.dibao(), key,
                Locale.SIMPLIFIED_CHINESE);

        String receiptNo = submitted.receipt().receiptNo();
        assertThat(receiptNo).startsWith("DB-");
        assertThat(submitted.receipt().deadline()).isNotNull();
        assertThat(again.repeated()).isTrue();
        assertThat(again.receipt()).isEqualTo(submitted.receipt());
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(receiptNo).count()).isEqualTo(1);
        assertThat(applications.find("zhangsan", receiptNo, Locale.SIMPLIFIED_CHINESE).status())
                .isEqualTo(CaseStatus.SUBMITTED);
    }
}
