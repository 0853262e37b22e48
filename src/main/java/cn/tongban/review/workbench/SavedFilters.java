package cn.tongban.review.workbench;

import cn.tongban.review.TaskFilter;
import cn.tongban.sla.SlaState;
import cn.tongban.web.InvalidField;
import cn.tongban.web.InvalidInputException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each reviewer's saved filters of the task list (常用筛选, table review_saved_filter). Every method acts for
 * {@code username} only: another user's filter is as absent as one never saved.
 */
@Service
@PreAuthorize("hasAnyRole('REVIEWER', 'SUPERVISOR')")
class SavedFilters {

    static final int MAX_NAME = 50;
    /** Quick links beyond this many stop being quick. */
    static final int MAX_PER_USER = 30;

    private static final String COLUMNS = "id, name, service, step, sla_state, sort, created_at";

    private final JdbcClient jdbc;
    private final Workbench workbench;
    private final MessageSource messages;
    private final ZoneId zone;

    SavedFilters(JdbcClient jdbc, Workbench workbench, MessageSource messages,
                 @Value("${tongban.calendar.zone:Asia/Shanghai}") ZoneId zone) {
        this.jdbc = jdbc;
        this.workbench = workbench;
        this.messages = messages;
        this.zone = zone;
    }

    /** The user's saved filters by name. */
    @Transactional(readOnly = true)
    public List<SavedFilter> of(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM review_saved_filter WHERE username = :username"
                        + " ORDER BY name, id")
                .param("username", username)
                .query((rs, row) -> new SavedFilter(rs.getLong("id"), rs.getString("name"), rs.getString("service"),
                        rs.getString("step"), rs.getString("sla_state") == null ? null
                        : SlaState.valueOf(rs.getString("sla_state")), TaskFilter.Sort.valueOf(rs.getString("sort")),
                        rs.getObject("created_at", OffsetDateTime.class).atZoneSameInstant(zone).toOffsetDateTime()))
                .list();
    }

    /**
     * Saves {@code filter} under {@code name} for the user.
     *
     * @throws InvalidInputException for a missing, too long or taken name, too many filters, or an unknown service
     *                               or step
     */
    @Transactional
    public SavedFilter save(String username, String name, TaskFilter filter, Locale locale) {
        String cleaned = name == null ? "" : name.strip();
        List<SavedFilter> existing = of(username);
        List<InvalidField> errors = new ArrayList<>();
        if (cleaned.isEmpty()) {
            errors.add(new InvalidField("name", message("review.saved-filter.name-required", locale)));
        } else if (cleaned.codePointCount(0, cleaned.length()) > MAX_NAME) {
            errors.add(new InvalidField("name", message("review.text.too-long", locale, MAX_NAME)));
        } else if (cleaned.chars().anyMatch(c -> Character.isISOControl(c) || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069'))) {
            errors.add(new InvalidField("name", message("review.text.forbidden-characters", locale)));
        } else if (existing.stream().anyMatch(saved -> saved.name().equals(cleaned))) {
            errors.add(new InvalidField("name", message("review.saved-filter.name-taken", locale)));
        } else if (existing.size() >= MAX_PER_USER) {
            errors.add(new InvalidField("name", message("review.saved-filter.too-many", locale, MAX_PER_USER)));
        }
        errors.addAll(workbench.filterProblems(filter, locale));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        KeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.sql("INSERT INTO review_saved_filter (username, name, service, step, sla_state, sort, created_at)"
                            + " VALUES (:username, :name, :service, :step, :slaState, :sort, :createdAt)")
                    .param("username", username)
                    .param("name", cleaned)
                    .param("service", filter.service())
                    .param("step", filter.step())
                    .param("slaState", filter.slaState() == null ? null : filter.slaState().name())
                    .param("sort", filter.sort().name())
                    .param("createdAt", Instant.now().atOffset(ZoneOffset.UTC))
                    .update(key, "id");
        } catch (DuplicateKeyException e) {
            // the same name saved from another tab at the same moment
            throw new InvalidInputException("name", message("review.saved-filter.name-taken", locale));
        }
        long id = key.getKeyAs(Number.class).longValue();
        return of(username).stream().filter(saved -> saved.id() == id).findFirst().orElseThrow();
    }

    /** @throws SavedFilterNotFoundException when the user has no filter {@code id} */
    @Transactional(readOnly = true)
    public SavedFilter find(String username, long id) {
        return of(username).stream().filter(saved -> saved.id() == id).findFirst()
                .orElseThrow(() -> new SavedFilterNotFoundException(id));
    }

    /** @throws SavedFilterNotFoundException when the user has no filter {@code id} */
    @Transactional
    public SavedFilter delete(String username, long id) {
        SavedFilter saved = find(username, id);
        jdbc.sql("DELETE FROM review_saved_filter WHERE id = :id AND username = :username")
                .param("id", id)
                .param("username", username)
                .update();
        return saved;
    }

    private String message(String code, Locale locale, Object... arguments) {
        return messages.getMessage(code, arguments, code, locale == null ? Locale.SIMPLIFIED_CHINESE : locale);
    }
}
