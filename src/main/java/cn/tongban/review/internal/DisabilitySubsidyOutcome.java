package cn.tongban.review.internal;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Turns the civil-affairs decision on each claimed subsidy (残疾人两项补贴) into the case outcome the applicant is
 * told: {@code livingSubsidyApproved} / {@code careSubsidyApproved} for the claimed ones, {@code approved} when at
 * least one is granted, and {@code decisionReason} saying for each claimed subsidy whether it is granted and from
 * which month, or why not. Runs in the decider's transaction, so an incomplete decision is refused with the task.
 */
@Component("disabilitySubsidyOutcome")
class DisabilitySubsidyOutcome implements JavaDelegate {

    static final String APPROVED = "approved";
    static final String REFUSED = "refused";

    enum Subsidy {
        /** 困难残疾人生活补贴 */
        LIVING("livingSubsidy", "困难残疾人生活补贴", "living"),
        /** 重度残疾人护理补贴 */
        CARE("careSubsidy", "重度残疾人护理补贴", "care");

        final String variablePrefix;
        final String nameZh;
        final String claimCode;

        Subsidy(String variablePrefix, String nameZh, String claimCode) {
            this.variablePrefix = variablePrefix;
            this.nameZh = nameZh;
            this.claimCode = claimCode;
        }

        /** {@code subsidiesClaimed} is "living", "care" or "both". */
        boolean claimedBy(Object subsidiesClaimed) {
            return claimCode.equals(subsidiesClaimed) || "both".equals(subsidiesClaimed);
        }
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object claimed = execution.getVariable("subsidiesClaimed");
        List<String> outcomes = new ArrayList<>();
        boolean anyGranted = false;
        for (Subsidy subsidy : Subsidy.values()) {
            if (!subsidy.claimedBy(claimed)) {
                continue;
            }
            boolean granted = granted(execution, subsidy);
            execution.setVariable(subsidy.variablePrefix + "Approved", granted);
            if (granted) {
                anyGranted = true;
                outcomes.add(subsidy.nameZh + "：准予，" + paymentStart(execution) + "按月发放");
            } else {
                outcomes.add(subsidy.nameZh + "：不予批准，" + refusalReason(execution, subsidy));
            }
        }
        execution.setVariable("approved", anyGranted);
        execution.setVariable("decisionReason", String.join("；", outcomes) + "。");
    }

    private static boolean granted(DelegateExecution execution, Subsidy subsidy) {
        String name = subsidy.variablePrefix + "Outcome";
        Object outcome = execution.getVariable(name);
        if (APPROVED.equals(outcome)) {
            return true;
        }
        if (REFUSED.equals(outcome)) {
            return false;
        }
        throw new IllegalArgumentException(name + " must be '" + APPROVED + "' or '" + REFUSED + "', was '"
                + outcome + "'");
    }

    private static String refusalReason(DelegateExecution execution, Subsidy subsidy) {
        String name = subsidy.variablePrefix + "DecisionReason";
        Object reason = execution.getVariable(name);
        if (reason == null || reason.toString().isBlank()) {
            throw new IllegalArgumentException(name + ": a refusal must give its reason");
        }
        return reason.toString().strip();
    }

    private static String paymentStart(DelegateExecution execution) {
        Object month = execution.getVariable("paymentStartMonth");
        if (month == null) {
            throw new IllegalStateException("paymentStartMonth has not been decided");
        }
        YearMonth start = YearMonth.parse(month.toString());
        return "自" + start.getYear() + "年" + start.getMonthValue() + "月起";
    }
}
