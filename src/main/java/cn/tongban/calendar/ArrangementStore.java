package cn.tongban.calendar;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The arrangements uploaded at runtime (table holiday_arrangement); they survive restarts and are shared by all nodes. */
@Repository
class ArrangementStore {

    /** One stored upload: the arrangement file and who loaded it when. */
    record Stored(int year, String content, Instant loadedAt, String loadedBy) {
    }

    private final JdbcClient jdbc;

    ArrangementStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Stored> findAll() {
        return jdbc.sql("SELECT arrangement_year, content, loaded_at, loaded_by FROM holiday_arrangement"
                        + " ORDER BY arrangement_year")
                .query((rs, row) -> new Stored(rs.getInt("arrangement_year"), rs.getString("content"),
                        rs.getObject("loaded_at", OffsetDateTime.class).toInstant(), rs.getString("loaded_by")))
                .list();
    }

    /**
     * Inserts or replaces the year's arrangement.
     *
     * @throws DuplicateKeyException when another transaction inserted the same year meanwhile
     */
    void save(int year, String content, Instant loadedAt, String loadedBy) {
        int updated = jdbc.sql("UPDATE holiday_arrangement SET content = :content, loaded_at = :loadedAt,"
                        + " loaded_by = :loadedBy WHERE arrangement_year = :year")
                .param("year", year)
                .param("content", content)
                .param("loadedAt", loadedAt.atOffset(ZoneOffset.UTC))
                .param("loadedBy", loadedBy)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO holiday_arrangement (arrangement_year, content, loaded_at, loaded_by)"
                            + " VALUES (:year, :content, :loadedAt, :loadedBy)")
                    .param("year", year)
                    .param("content", content)
                    .param("loadedAt", loadedAt.atOffset(ZoneOffset.UTC))
                    .param("loadedBy", loadedBy)
                    .update();
        }
    }

    boolean delete(int year) {
        return jdbc.sql("DELETE FROM holiday_arrangement WHERE arrangement_year = :year")
                .param("year", year)
                .update() > 0;
    }
}
