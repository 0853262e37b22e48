package cn.tongban.testsupport;

import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which index PostgreSQL reads for a query, independent of the statistics of the moment: the table's other
 * non-unique indexes are dropped in a rolled-back transaction and only index paths are allowed. PostgreSQL builds
 * an index-only path over an index exactly when the index holds every column the query needs, so "Index Only Scan
 * using" in the plan proves that the index covers the query.
 */
public final class IndexPlans {

    private IndexPlans() {
    }

    /** The plan of {@code query} (named parameters from {@code params}) with no index of {@code table} but these. */
    public static String withOnly(JdbcClient jdbc, TransactionTemplate transaction, String table, String index,
                                  String query, Map<String, ?> params) {
        return transaction.execute(status -> {
            status.setRollbackOnly();
            jdbc.sql("SELECT index.relname FROM pg_index JOIN pg_class index ON index.oid = pg_index.indexrelid"
                            + " WHERE pg_index.indrelid = CAST(:table AS regclass) AND NOT pg_index.indisunique"
                            + " AND index.relname <> :index")
                    .param("table", table).param("index", index).query(String.class).list()
                    .forEach(other -> jdbc.sql("DROP INDEX " + other).update());
            jdbc.sql("SET LOCAL enable_seqscan = off").update();
            jdbc.sql("SET LOCAL enable_bitmapscan = off").update();
            return String.join("\n", jdbc.sql("EXPLAIN " + query).params(params).query(String.class).list());
        });
    }
}
