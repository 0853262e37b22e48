package cn.tongban.crossprovince.internal;

/** A partner could not take a message now (down, busy, not ready): the job retries on its cycle. */
class DeliveryFailedException extends RuntimeException {

    DeliveryFailedException(String message) {
        super(message);
    }
}
