package cn.tongban.review.internal;

import cn.tongban.calendar.CalendarService;
import cn.tongban.catalog.PolicyFigures;
import cn.tongban.sla.Deadlines;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Puts the 低保 policy figures in force on the case's acceptance day onto the case, for the decision tables:
 * {@code localStandard} (yuan per person and month), {@code keyGroupSupplement} (yuan per key-group member
 * and month), {@code borderlineFactor}, and {@code policyFiguresDate} (the day they were taken for).
 * Every district of the service area is urban Zhengzhou, so the urban standard applies.
 */
@Component("dibaoPolicyFigures")
class DibaoPolicyFiguresDelegate implements JavaDelegate {

    static final String STANDARD = "dibao-standard";
    static final String STANDARD_REGION = "zhengzhou-urban";
    static final String KEY_GROUP_SUPPLEMENT = "dibao-key-group-supplement";
    static final String KEY_GROUP_SUPPLEMENT_REGION = "zhengzhou";
    static final String BORDERLINE_FACTOR = "dibao-edge-threshold-factor";
    static final String BORDERLINE_FACTOR_REGION = "cn";

    private final PolicyFigures figures;
    private final CalendarService calendar;

    DibaoPolicyFiguresDelegate(PolicyFigures figures, CalendarService calendar) {
        this.figures = figures;
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (!(execution.getVariable(Deadlines.ACCEPTED_AT) instanceof Date acceptedAt)) {
            throw new IllegalStateException("case " + execution.getProcessBusinessKey() + " has no "
                    + Deadlines.ACCEPTED_AT);
        }
        // received after hours or on a holiday, a case is accepted on the next working day (PRODUCT rules)
        LocalDate acceptanceDay = calendar.current().acceptanceDay(acceptedAt.toInstant());
        execution.setVariable("localStandard", figure(STANDARD, STANDARD_REGION, acceptanceDay));
        execution.setVariable("keyGroupSupplement",
                figure(KEY_GROUP_SUPPLEMENT, KEY_GROUP_SUPPLEMENT_REGION, acceptanceDay));
        execution.setVariable("borderlineFactor", figure(BORDERLINE_FACTOR, BORDERLINE_FACTOR_REGION, acceptanceDay));
        execution.setVariable("policyFiguresDate", acceptanceDay.toString());
    }

    private double figure(String code, String region, LocalDate day) {
        BigDecimal value = figures.valueOn(code, region, day).orElseThrow(() -> new IllegalStateException(
                "policy figure " + code + " (" + region + ") has no value in force on " + day));
        return value.doubleValue();
    }
}
