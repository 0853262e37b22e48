package cn.tongban.review;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;

/**
 * A task done: the case moves on.
 *
 * @param step the step id (= user task id)
 * @param name the step's name as the model gives it
 */
@Schema(name = "TaskCompleted")
public record TaskCompleted(String taskId, String step, String name, String receiptNo, String completedBy,
                            OffsetDateTime completedAt) {
}
