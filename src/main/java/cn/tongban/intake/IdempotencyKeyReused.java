package cn.tongban.intake;

import org.springframework.http.HttpStatus;

/**
 * An {@code Idempotency-Key} the applicant used before with a different request: 422, as the IETF draft on the
 * header asks, naming the receipt number of the earlier request so a client can look it up.
 */
class IdempotencyKeyReused extends IntakeProblem {

    private final String receiptNo;

    IdempotencyKeyReused(String receiptNo) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, "intake.idempotency-key.reused", receiptNo);
        this.receiptNo = receiptNo;
        getBody().setProperty("receiptNo", receiptNo);
    }

    String receiptNo() {
        return receiptNo;
    }
}
