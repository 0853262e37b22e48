package cn.tongban.notify;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.testsupport.TestInfrastructure;
import cn.tongban.testsupport.TongbanIntegrationTest;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@TongbanIntegrationTest
class NotificationsTest {

    @Autowired
    Notifications notifications;

    @Test
    void sendsTheChineseTemplateOverSmtp() throws Exception {
        String to = "applicant-" + UUID.randomUUID() + "@example.cn";

        notifications.send(to, "decision",
                Map.of("receiptNo", "DB-20230120-0001", "applicantName", "张三", "approved", false,
                        "decisionReason", "家庭人均收入高于当地低保标准"),
                Locale.SIMPLIFIED_CHINESE);

        MimeMessage mail = receivedBy(to).get(0);
        assertThat(mail.getSubject()).isEqualTo("申请 DB-20230120-0001：审批结果");
        assertThat(decoded(mail)).contains("张三，您好", "未予批准", "理由：家庭人均收入高于当地低保标准")
                .doesNotContain("已审核通过");
    }

    @Test
    void sendsEnglishWhenAsked() throws Exception {
        String to = "applicant-" + UUID.randomUUID() + "@example.cn";

        notifications.send(to, "case-accepted",
                Map.of("receiptNo", "DB-20230120-0002", "applicantName", "Zhang San"), Locale.ENGLISH);

        MimeMessage mail = receivedBy(to).get(0);
        assertThat(mail.getSubject()).isEqualTo("Application DB-20230120-0002 accepted");
        assertThat(decoded(mail)).contains("Dear Zhang San", "Receipt number: DB-20230120-0002");
    }

    @Test
    void theSameDedupeKeyQueuesOneMail() throws Exception {
        String to = "applicant-" + UUID.randomUUID() + "@example.cn";
        String key = "process-" + UUID.randomUUID() + "/acceptance-mail/case-accepted";

        for (int i = 0; i < 2; i++) {
            notifications.send(to, "case-accepted",
                    Map.of("receiptNo", "DB-20230120-0003", "applicantName", "Zhang San"), Locale.ENGLISH, key);
        }

        assertThat(receivedBy(to)).hasSize(1);
    }

    private static List<MimeMessage> receivedBy(String to) throws Exception {
        List<MimeMessage> mails = Arrays.stream(TestInfrastructure.receivedMails())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals(to);
                    } catch (Exception e) {
                        return false;
                    }
                }).toList();
        assertThat(mails).hasSize(1);
        return mails;
    }

    private static String decoded(MimeMessage mail) throws Exception {
        return mail.getContent().toString();
    }
}
