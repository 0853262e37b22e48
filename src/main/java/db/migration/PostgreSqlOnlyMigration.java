package db.migration;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A migration that only a PostgreSQL database gets, such as partial indexes and indexes with INCLUDE columns,
 * which the H2 demo database does not have and does not need at its size. Flyway skips this class itself, being
 * abstract.
 */
public abstract class PostgreSqlOnlyMigration extends BaseJavaMigration {

    /** The statements to run, in order. */
    protected abstract List<String> statements();

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement sql = connection.createStatement()) {
            for (String statement : statements()) {
                sql.execute(statement);
            }
        }
    }
}
