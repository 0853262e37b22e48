package cn.tongban.sla;

import cn.tongban.calendar.CalendarService;
import cn.tongban.catalog.Service;
import cn.tongban.catalog.ServiceCatalog;
import cn.tongban.sla.internal.CaseRecord;
import cn.tongban.sla.internal.DeadlineMoves;
import cn.tongban.sla.internal.SlaRecords;
import cn.tongban.web.InvalidInputException;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/** What supervisors do to a case's commitment: extend it, once. */
@org.springframework.stereotype.Service
public class SlaCases {

    /** The longest reason a supervisor may give for an extension. */
    public static final int MAX_REASON_LENGTH = 500;

    private final SlaRecords records;
    private final ServiceCatalog catalog;
    private final CalendarService calendars;
    private final DeadlineMoves moves;
    private final RuntimeService runtime;

    SlaCases(SlaRecords records, ServiceCatalog catalog, CalendarService calendars, DeadlineMoves moves,
             RuntimeService runtime) {
        this.records = records;
        this.catalog = catalog;
        this.calendars = calendars;
        this.moves = moves;
        this.runtime = runtime;
    }

    /**
     * Extends an open case from the committed to the extended working days of its service (低保: 30 → 45), once,
     * recording who did it, when and why. The case deadline, the tasks bounded by it and the case timer move in
     * the same transaction.
     *
     * @throws InvalidInputException   without a reason, or with one over {@value #MAX_REASON_LENGTH} characters
     * @throws ErrorResponseException  404 for an unknown receipt number; 409 when the case is closed, its service
     *                                 allows no extension, or it has been extended already
     */
    @Transactional
    public CaseExtension extendCase(String receiptNo, String supervisorId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "须说明延期理由 / a reason is required");
        }
        if (reason.length() > MAX_REASON_LENGTH) {
            throw new InvalidInputException("reason", "延期理由过长 / the reason is longer than "
                    + MAX_REASON_LENGTH + " characters");
        }
        CaseRecord c = records.findCasesByReceiptNo(receiptNo).stream().findFirst()
                .orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "无此案件 / no case " + receiptNo));
        if (!c.open()) {
            throw problem(HttpStatus.CONFLICT, "案件已办结，不能延期 / case " + receiptNo + " is closed");
        }
        Service service = catalog.find(c.serviceCode()).orElseThrow();
        int extended = service.extension().orElseThrow(() -> problem(HttpStatus.CONFLICT,
                "该事项不可延期 / " + service.code() + " allows no extension"));
        Instant now = ClockUtil.getCurrentTime().toInstant();
        if (c.extended() || !records.insertExtension(c.processInstanceId(), receiptNo, supervisorId, now,
                reason.strip(), c.committedWorkingDays(), extended)) {
            throw problem(HttpStatus.CONFLICT, "该案件已延期过一次 / case " + receiptNo + " has been extended already");
        }
        records.extendCase(c.processInstanceId(), extended);
        runtime.setVariable(c.processInstanceId(), Deadlines.CASE_EXTENDED, true);
        moves.recompute(c.processInstanceId());
        CaseRecord after = records.findCase(c.processInstanceId()).orElseThrow();
        ZoneId zone = calendars.current().zone();
        return new CaseExtension(receiptNo, supervisorId, now.atZone(zone).toOffsetDateTime(), reason.strip(),
                c.committedWorkingDays(), extended, after.deadline().atZone(zone).toOffsetDateTime(),
                after.provisional());
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }
}
