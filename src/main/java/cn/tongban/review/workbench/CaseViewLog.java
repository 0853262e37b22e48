package cn.tongban.review.workbench;

import cn.tongban.review.ReviewerWorkbench.CaseView;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The case-view log (查阅记录, table review_case_view): who looked at which case, how and when. Rows are only
 * ever added; nothing here or elsewhere changes or removes them. Runs in the caller's transaction, so a view that
 * cannot be logged is not shown.
 */
@Repository
class CaseViewLog {

    private final JdbcClient jdbc;

    CaseViewLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(String username, String receiptNo, String processInstanceId, String taskId, CaseView view,
                Instant at) {
        jdbc.sql("INSERT INTO review_case_view (viewed_at, username, receipt_no, process_instance_id, task_id,"
                        + " view_kind) VALUES (:at, :username, :receiptNo, :processInstanceId, :taskId, :view)")
                .param("at", at.atOffset(ZoneOffset.UTC))
                .param("username", username)
                .param("receiptNo", receiptNo)
                .param("processInstanceId", processInstanceId)
                .param("taskId", taskId)
                .param("view", view.name())
                .update();
    }
}
