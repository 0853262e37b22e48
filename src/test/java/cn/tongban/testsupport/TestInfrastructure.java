package cn.tongban.testsupport;

import cn.tongban.notify.MailOutbox;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One real PostgreSQL (embedded binaries) and one real SMTP server (GreenMail) per test JVM,
 * shared by every Spring context so the suite starts them once.
 * Each distinct Spring context gets its own database, so cached contexts never see each other's data.
 */
public final class TestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static EmbeddedPostgres postgres;
    private static GreenMail greenMail;
    private static final AtomicInteger databases = new AtomicInteger();
    private static final List<ConfigurableApplicationContext> contexts = new CopyOnWriteArrayList<>();

    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            // Spring closes its cached contexts in its own shutdown hook; the server must outlive them.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                awaitContextsClosed();
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is ending; the data directory is temporary
                }
            }));
        }
        return postgres;
    }

    public static synchronized GreenMail greenMail() {
        if (greenMail == null) {
            greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            greenMail.start();
            Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop));
        }
        return greenMail;
    }

    /**
     * Every mail GreenMail received, after the mail outbox of each running context has delivered what it queued
     * (the tests' contexts deliver only when asked, see application-test.yaml).
     */
    public static MimeMessage[] receivedMails() {
        deliverQueuedMail();
        return greenMail().getReceivedMessages();
    }

    /** Has the mail outbox of each running context deliver its due mail now. */
    public static void deliverQueuedMail() {
        for (ConfigurableApplicationContext context : contexts) {
            if (context.isActive()) {
                context.getBeanProvider(MailOutbox.class).ifAvailable(MailOutbox::deliverDue);
            }
        }
    }

    /** A fresh, empty database on the shared server; returns its JDBC URL. */
    public static String newDatabase() {
        String name = "tongban_" + databases.incrementAndGet();
        try (Connection c = postgres().getPostgresDatabase().getConnection()) {
            c.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return postgres().getJdbcUrl("postgres", name);
    }

    /** A context is inactive only once it has finished closing, engine and pool included. */
    private static void awaitContextsClosed() {
        long until = System.currentTimeMillis() + 20_000;
        while (contexts.stream().anyMatch(ConfigurableApplicationContext::isActive)
                && System.currentTimeMillis() < until) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        contexts.add(context);
        TestPropertyValues.of(
                "spring.datasource.url=" + newDatabase(),
                "spring.datasource.username=postgres",
                "spring.datasource.password=postgres",
                "spring.mail.host=127.0.0.1",
                "spring.mail.port=" + greenMail().getSmtp().getPort()
        ).applyTo(context);
    }
}
