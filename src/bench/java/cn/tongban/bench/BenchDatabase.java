package cn.tongban.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The PostgreSQL server of the run: the one given by TONGBAN_BENCH_DB_URL (a database on it, with
 * TONGBAN_BENCH_DB_USER and TONGBAN_BENCH_DB_PASSWORD; the user may create databases), or embedded binaries as
 * the tests use. Every part of the run gets a database of its own on that server.
 */
final class BenchDatabase implements AutoCloseable {

    private final EmbeddedPostgres embedded;
    private final String adminUrl;
    private final String user;
    private final String password;
    private final List<String> created = new ArrayList<>();

    private BenchDatabase(EmbeddedPostgres embedded, String adminUrl, String user, String password) {
        this.embedded = embedded;
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
    }

    static BenchDatabase start() throws IOException {
        Map<String, String> env = System.getenv();
        String url = env.get("TONGBAN_BENCH_DB_URL");
        if (url != null && !url.isBlank()) {
            return new BenchDatabase(null, url, env.getOrDefault("TONGBAN_BENCH_DB_USER", "postgres"),
                    env.getOrDefault("TONGBAN_BENCH_DB_PASSWORD", ""));
        }
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                // the tests' server runs with synchronous_commit off; a benchmark should pay for durable commits
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "300")
                .start();
        return new BenchDatabase(postgres, postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
    }

    String describe() {
        return embedded != null ? "embedded PostgreSQL (zonky binaries) on port " + embedded.getPort()
                : "PostgreSQL at " + adminUrl;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /** A new empty database; returns its JDBC URL. */
    String newDatabase(String name) throws SQLException {
        try (Connection c = connect(adminUrl); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name);
        }
        created.add(name);
        return urlOf(name);
    }

    String urlOf(String name) {
        int slash = adminUrl.lastIndexOf('/');
        int query = adminUrl.indexOf('?', slash);
        return adminUrl.substring(0, slash + 1) + name + (query < 0 ? "" : adminUrl.substring(query));
    }

    Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
            return;
        }
        if (Boolean.getBoolean("bench.keepDatabases")) {
            // left on the given server for a look at the plans afterwards
            System.out.println("[bench] kept the databases " + created);
            return;
        }
        try (Connection c = connect(adminUrl); Statement s = c.createStatement()) {
            for (String name : created) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            System.out.println("[bench] could not drop the bench databases: " + e.getMessage());
        }
    }
}
