package cn.tongban.review.internal;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.exception.NotValidException;
import org.springframework.stereotype.Component;

/**
 * Checks what the registrar submits when completing a marriage registration task, whichever client sends it:
 * a refusal on site needs its reasons, a pass needs both documents checked, and registration needs the
 * certificate handed over. A failed check leaves the task open ({@link NotValidException}, a bad request).
 */
@Component("registrarInputCheck")
class RegistrarInputCheck implements TaskListener {

    private static final String PASS = "PASS";
    private static final String REFUSE = "REFUSE";
    private static final int REASON_MAX = 500;

    @Override
    public void notify(DelegateTask task) {
        List<String> problems = switch (task.getTaskDefinitionKey()) {
            case "onSiteVerification" -> verificationProblems(task);
            case "registration" -> Boolean.TRUE.equals(task.getVariable("certificateIssued"))
                    ? List.of() : List.of("certificateIssued: 须确认结婚证已发给双方");
            default -> throw new IllegalStateException("no check for task " + task.getTaskDefinitionKey());
        };
        if (!problems.isEmpty()) {
            throw new NotValidException(String.join("; ", problems));
        }
    }

    private static List<String> verificationProblems(DelegateTask task) {
        Object decision = task.getVariable("onSiteDecision");
        List<String> problems = new ArrayList<>();
        if (PASS.equals(decision)) {
            if (!Boolean.TRUE.equals(task.getVariable("identityVerified"))) {
                problems.add("identityVerified: 核验通过须已核对双方身份证件");
            }
            if (!Boolean.TRUE.equals(task.getVariable("declarationSigned"))) {
                problems.add("declarationSigned: 核验通过须双方已当面签署声明");
            }
        } else if (REFUSE.equals(decision)) {
            Object reason = task.getVariable("refusalReason");
            if (!(reason instanceof String text) || text.isBlank()) {
                problems.add("refusalReason: 不予登记须说明理由");
            } else if (text.length() > REASON_MAX) {
                problems.add("refusalReason: 理由不能超过" + REASON_MAX + "个字");
            }
        } else {
            problems.add("onSiteDecision: 须选择核验通过或不予登记");
        }
        return problems;
    }
}
