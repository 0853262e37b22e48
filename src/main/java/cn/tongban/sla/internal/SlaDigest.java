package cn.tongban.sla.internal;

import cn.tongban.calendar.CalendarService;
import cn.tongban.calendar.WorkingDayCalendar;
import cn.tongban.catalog.District;
import cn.tongban.catalog.Districts;
import cn.tongban.identity.UserAccount;
import cn.tongban.identity.UserDirectory;
import cn.tongban.notify.Notifications;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily digest to supervisors (督办日报), per district: its open cases due soon and overdue, and the breaches
 * recorded since the start of the previous working day. Sent on working days of the calendar at
 * {@code tongban.sla.digest.cron} (default 08:30) in {@code tongban.sla.digest.zone} (default Asia/Shanghai).
 * <p>
 * Exactly once per district and day however many nodes run it: each district's mail is sent in the transaction
 * that inserts its sla_digest row, whose primary key (date, district) lets one node in; a failed mail rolls the
 * row back, so the next run (or another node) tries again. A district with nothing to report gets no mail.
 */
@Component
class SlaDigest {

    static final String TEMPLATE = "sla-digest";
    private static final Logger log = LoggerFactory.getLogger(SlaDigest.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Districts districts;
    private final UserDirectory users;
    private final Notifications notifications;
    private final CalendarService calendars;
    private final SlaOverview overview;

    SlaDigest(JdbcClient jdbc, PlatformTransactionManager transactions, Districts districts, UserDirectory users,
              Notifications notifications, CalendarService calendars, SlaOverview overview) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.districts = districts;
        this.users = users;
        this.notifications = notifications;
        this.calendars = calendars;
        this.overview = overview;
    }

    /** An open case in the digest. */
    record DigestCase(String receiptNo, String serviceName, String deadlineText) {
    }

    /** A breach in the digest. */
    record DigestBreach(String receiptNo, String serviceName, String stepName, String assignee, String deadlineText,
                        String detectedAtText) {
    }

    @Scheduled(cron = "${tongban.sla.digest.cron:0 30 8 * * *}", zone = "${tongban.sla.digest.zone:Asia/Shanghai}")
    void onSchedule() {
        WorkingDayCalendar calendar = calendars.current();
        Instant now = SlaOverview.now();
        LocalDate today = LocalDate.ofInstant(now, calendar.zone());
        if (calendar.isWorkingDay(today)) {
            send(today, now);
        }
    }

    /**
     * Sends the digests of a working day that no node has sent yet.
     *
     * @param day the digest's day; {@code now} the instant the open cases are judged at
     * @return the districts whose digest this call sent
     */
    List<String> send(LocalDate day, Instant now) {
        WorkingDayCalendar calendar = calendars.current();
        ZoneId zone = calendar.zone();
        LocalDate previous = previousWorkingDay(calendar, day);
        Instant breachesFrom = previous.atStartOfDay(zone).toInstant();
        Instant breachesTo = day.atStartOfDay(zone).toInstant();
        return districts.all().stream()
                .filter(district -> sendOne(district, day, previous, now, breachesFrom, breachesTo))
                .map(District::code)
                .toList();
    }

    private static LocalDate previousWorkingDay(WorkingDayCalendar calendar, LocalDate day) {
        LocalDate previous = day.minusDays(1);
        while (!calendar.isWorkingDay(previous)) {
            previous = previous.minusDays(1);
        }
        return previous;
    }

    private boolean sendOne(District district, LocalDate day, LocalDate previous, Instant now, Instant breachesFrom,
                            Instant breachesTo) {
        List<UserAccount> supervisors = users.enabledMembersOf(SlaOverview.SUPERVISOR_GROUP + district.code());
        Map<String, UserAccount> byAddress = new LinkedHashMap<>();
        supervisors.stream().filter(u -> u.email() != null && !u.email().isBlank())
                .forEach(u -> byAddress.putIfAbsent(u.email(), u));
        if (byAddress.isEmpty()) {
            return false;
        }
        ZoneId zone = calendars.current().zone();
        try {
            Boolean sent = transaction.execute(tx -> {
                List<DigestCase> dueSoon = openCases(district.code(), now, false, zone);
                List<DigestCase> overdue = openCases(district.code(), now, true, zone);
                List<DigestBreach> breaches = breaches(district.code(), breachesFrom, breachesTo, zone);
                if (dueSoon.isEmpty() && overdue.isEmpty() && breaches.isEmpty()) {
                    return false;
                }
                jdbc.sql("INSERT INTO sla_digest (digest_date, district, sent_at, recipients, due_soon, overdue,"
                                + " breaches) VALUES (:day, :district, :at, :recipients, :dueSoon, :overdue, :breaches)")
                        .param("day", day)
                        .param("district", district.code())
                        .param("at", SlaRecords.utc(now))
                        .param("recipients", byAddress.size())
                        .param("dueSoon", dueSoon.size())
                        .param("overdue", overdue.size())
                        .param("breaches", breaches.size())
                        .update();
                Map<String, Object> model = new HashMap<>();
                // the subject's argument: the district and the day
                model.put("receiptNo", district.names().zh() + " " + day);
                model.put("districtName", district.names().zh());
                model.put("day", day.toString());
                model.put("previousDay", previous.toString());
                model.put("dueSoon", dueSoon);
                model.put("overdue", overdue);
                model.put("breaches", breaches);
                for (UserAccount user : byAddress.values()) {
                    Map<String, Object> personal = new HashMap<>(model);
                    personal.put("recipientName", user.displayName());
                    notifications.send(user.email(), TEMPLATE, personal, Locale.SIMPLIFIED_CHINESE);
                }
                return true;
            });
            return Boolean.TRUE.equals(sent);
        } catch (DuplicateKeyException sentByAnotherNode) {
            return false;
        } catch (RuntimeException e) {
            log.warn("Digest of {} for {} not sent, the next run tries again: {}", district.code(), day,
                    e.getMessage());
            return false;
        }
    }

    private List<DigestCase> openCases(String district, Instant now, boolean overdue, ZoneId zone) {
        String state = overdue ? "deadline < :now" : "due_soon_from <= :now AND deadline >= :now";
        return jdbc.sql("SELECT receipt_no, service_code, deadline FROM sla_case WHERE district = :district"
                        + " AND closed_at IS NULL AND stopped_since IS NULL AND " + state + " ORDER BY deadline")
                .param("district", district)
                .param("now", SlaRecords.utc(now))
                .query((rs, row) -> new DigestCase(rs.getString("receipt_no"),
                        overview.serviceName(rs.getString("service_code")),
                        TIME.format(SlaRecords.instant(rs, "deadline").atZone(zone))))
                .list();
    }

    private List<DigestBreach> breaches(String district, Instant from, Instant to, ZoneId zone) {
        return jdbc.sql("SELECT receipt_no, service_code, step_id, assignee, deadline, detected_at FROM sla_breach"
                        + " WHERE district = :district AND detected_at >= :from AND detected_at < :to"
                        + " ORDER BY detected_at")
                .param("district", district)
                .param("from", SlaRecords.utc(from))
                .param("to", SlaRecords.utc(to))
                .query((rs, row) -> new DigestBreach(rs.getString("receipt_no"),
                        overview.serviceName(rs.getString("service_code")),
                        overview.stepName(rs.getString("service_code"), rs.getString("step_id")),
                        rs.getString("assignee"), TIME.format(SlaRecords.instant(rs, "deadline").atZone(zone)),
                        TIME.format(SlaRecords.instant(rs, "detected_at").atZone(zone))))
                .list();
    }
}
