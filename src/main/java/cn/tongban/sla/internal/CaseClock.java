package cn.tongban.sla.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The stopped clock (停止计时) as the models call it: {@code ${slaClock.stop(execution)}} once a one-time
 * correction notice has gone out, {@code ${slaClock.resume(execution)}} once the applicant's answer is in.
 * Stopping twice or resuming a running clock changes nothing.
 */
@Component("slaClock")
public class CaseClock {

    private final DeadlineMoves moves;

    CaseClock(DeadlineMoves moves) {
        this.moves = moves;
    }

    public void stop(DelegateExecution execution) {
        moves.stopClock(execution.getProcessInstanceId(), DeadlineMoves.now());
    }

    public void resume(DelegateExecution execution) {
        moves.resumeClock(execution.getProcessInstanceId(), DeadlineMoves.now());
    }
}
