package cn.tongban.crossprovince.internal;

import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.stereotype.Component;

/**
 * A job that failed because a partner refused its message for good gets no more retries: it becomes an incident
 * at once (Cockpit shows it, and the delivery list says why), instead of knocking on the same door for days.
 * Every other failure keeps the engine's retry strategy, the model's retry cycle included.
 */
@Component
class RefusalEndsRetries extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setFailedJobCommandFactory((jobId, exception) -> new RetryCommand(jobId, exception));
    }

    static boolean refused(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof DeliveryRefusedException) {
                return true;
            }
        }
        return false;
    }

    private static final class RetryCommand extends DefaultJobRetryCmd {

        RetryCommand(String jobId, Throwable exception) {
            super(jobId, exception);
        }

        @Override
        public Object execute(CommandContext commandContext) {
            if (!refused(exception)) {
                return super.execute(commandContext);
            }
            JobEntity job = getJob();
            if (job != null) {
                job.unlock();
                logException(job);
                job.setRetries(0);
                notifyAcquisition(commandContext);
            }
            return null;
        }
    }
}
