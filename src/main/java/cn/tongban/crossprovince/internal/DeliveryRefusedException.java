package cn.tongban.crossprovince.internal;

/**
 * A partner refused a message for good (bad signature, unknown authority, invalid content) or there is no partner
 * to send it to: trying again would change nothing, so the sending job becomes an incident at once.
 */
class DeliveryRefusedException extends RuntimeException {

    DeliveryRefusedException(String message) {
        super(message);
    }
}
