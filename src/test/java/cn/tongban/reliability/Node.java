package cn.tongban.reliability;

import cn.tongban.TongbanApplication;
import cn.tongban.identity.NewUser;
import cn.tongban.identity.Role;
import cn.tongban.identity.UserDirectory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One application node in this JVM, as production runs it: the postgres profile, the job executor on, no demo
 * data. Several nodes on one database make a homogeneous Camunda cluster.
 */
final class Node implements AutoCloseable {

    static final String PASSWORD = "Reliab1e-pass";
    static final Duration OUTBOX_INTERVAL = Duration.ofSeconds(1);
    static final String APPLICANT = "applicant.one";
    static final String REVIEWER_A = "reviewer.a";
    static final String REVIEWER_B = "reviewer.b";
    static final String SUPERVISOR = "supervisor.jinshui";
    static final String SUPERVISOR_MAIL = "supervisor.jinshui@example.cn";
    static final String REVIEWER_MAIL_DOMAIN = "@reviewers.example.cn";

    final ConfigurableApplicationContext context;

    private Node(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static Node start(String jdbcUrl, int smtpPort) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", jdbcUrl);
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "postgres");
        // a database outage must show within seconds, not after Hikari's default half minute
        properties.put("spring.datasource.hikari.connection-timeout", "3000");
        properties.put("spring.datasource.hikari.maximum-pool-size", "12");
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", smtpPort);
        properties.put("spring.mail.properties.mail.smtp.connectiontimeout", "2000");
        properties.put("spring.mail.properties.mail.smtp.timeout", "5000");
        // the outbox's pauses shortened, so that a minute's outage is over within the test's patience
        properties.put("tongban.mail.outbox.interval", OUTBOX_INTERVAL);
        properties.put("tongban.mail.outbox.first-retry", "2s");
        properties.put("tongban.mail.outbox.max-retry", "10s");
        properties.put("server.port", 0);
        properties.put("camunda.bpm.job-execution.enabled", true);
        properties.put("camunda.bpm.job-execution.wait-time-in-millis", 200);
        properties.put("camunda.bpm.job-execution.max-wait", 1000);
        properties.put("logging.level.org.camunda.bpm.engine.jobexecutor", "error");
        properties.put("logging.level.org.camunda.bpm.engine.context", "off");
        properties.put("logging.level.org.camunda.bpm.engine.cmd", "error");
        // as command-line arguments: they must win over application-postgres.yaml, as the environment does there
        String[] arguments = properties.entrySet().stream()
                .map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(TongbanApplication.class)
                .profiles("postgres")
                .run(arguments);
        return new Node(context);
    }

    /** The people of the tests, created once through the identity module (and so mirrored into Camunda). */
    void createPeople() {
        UserDirectory users = context.getBean(UserDirectory.class);
        create(users, new NewUser(APPLICANT, "申请人", "applicant.one@example.cn", null, Role.APPLICANT, "jinshui",
                List.of()));
        create(users, new NewUser(REVIEWER_A, "审核员甲", "reviewer.a" + REVIEWER_MAIL_DOMAIN, null, Role.REVIEWER,
                "jinshui", List.of("township-jinshui")));
        create(users, new NewUser(REVIEWER_B, "审核员乙", "reviewer.b" + REVIEWER_MAIL_DOMAIN, null, Role.REVIEWER,
                "jinshui", List.of("township-jinshui")));
        create(users, new NewUser(SUPERVISOR, "督办", SUPERVISOR_MAIL, null, Role.SUPERVISOR, "jinshui",
                List.of("supervisor-jinshui")));
    }

    private static void create(UserDirectory users, NewUser user) {
        if (users.findUser(user.username()).isEmpty()) {
            users.createUser(user, PASSWORD);
        }
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    String base() {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Override
    public void close() {
        context.close();
    }
}
