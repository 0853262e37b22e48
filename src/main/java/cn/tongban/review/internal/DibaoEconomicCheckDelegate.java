package cn.tongban.review.internal;

import cn.tongban.review.EconomicStatusCheck;
import cn.tongban.review.EconomicStatusCheck.EconomicStatus;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * 家庭经济状况信息核对 in the 低保 model ({@code economicCheck}): asks the data platform and records the figures
 * the eligibility decision works on. Where the platform has no record of the household, its declaration stands.
 * <p>
 * Reads {@code applicantIdNumber}, {@code householdMembers} and the declaration ({@code declaredMonthlyIncome},
 * {@code declaredAssetsOverLimit}, {@code declaredExcludedProperty}); writes {@code householdMonthlyIncome},
 * {@code householdAssetsOverLimit}, {@code hasExcludedProperty}, {@code economicCheckSource}
 * ({@code DATA_PLATFORM} or {@code DECLARATION}) and {@code economicCheckedAt}. A platform outage throws, so
 * the asynchronous step is retried and, once its retries are spent, becomes an incident; the case waits.
 */
@Component("dibaoEconomicCheck")
class DibaoEconomicCheckDelegate implements JavaDelegate {

    static final String FROM_PLATFORM = "DATA_PLATFORM";
    static final String FROM_DECLARATION = "DECLARATION";

    private final EconomicStatusCheck platform;

    DibaoEconomicCheckDelegate(EconomicStatusCheck platform) {
        this.platform = platform;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String idNumber = ProcessValues.text(execution, "applicantIdNumber");
        int members = ProcessValues.wholeNumber(execution, "householdMembers");
        Optional<EconomicStatus> verified = platform.check(idNumber, members);
        EconomicStatus status = verified.orElseGet(() -> new EconomicStatus(
                ProcessValues.amount(execution, "declaredMonthlyIncome"),
                ProcessValues.flag(execution, "declaredAssetsOverLimit"),
                ProcessValues.flag(execution, "declaredExcludedProperty")));
        execution.setVariable("householdMonthlyIncome", status.monthlyIncome().doubleValue());
        execution.setVariable("householdAssetsOverLimit", status.assetsOverLimit());
        execution.setVariable("hasExcludedProperty", status.excludedProperty());
        execution.setVariable("economicCheckSource", verified.isPresent() ? FROM_PLATFORM : FROM_DECLARATION);
        execution.setVariable("economicCheckedAt", ClockUtil.getCurrentTime());
    }
}
