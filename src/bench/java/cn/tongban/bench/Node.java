package cn.tongban.bench;

import cn.tongban.TongbanApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Tongban in the harness's JVM, as production runs it (postgres profile, job executor on), with the demo users,
 * on the run's database; the harness uses its engine for the bare baselines, so both share engine and database.
 */
final class Node implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final int port;
    private final double startupSeconds;

    private Node(ConfigurableApplicationContext context, double startupSeconds) {
        this.context = context;
        this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        this.startupSeconds = startupSeconds;
    }

    static Node start(String databaseUrl, BenchDatabase db, int smtpPort) {
        long began = System.nanoTime();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(TongbanApplication.class).run(
                "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(),
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtpPort,
                "--server.port=0",
                "--tongban.demo-data=true",
                "--logging.level.root=WARN",
                "--spring.main.banner-mode=off");
        return new Node(context, (System.nanoTime() - began) / 1e9);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    int port() {
        return port;
    }

    double startupSeconds() {
        return startupSeconds;
    }

    @Override
    public void close() {
        context.close();
    }
}
