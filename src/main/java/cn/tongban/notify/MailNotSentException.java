package cn.tongban.notify;

/** Delivery failed (server down, refused recipient); the job that sent it will retry. */
public class MailNotSentException extends RuntimeException {

    public MailNotSentException(String message, Throwable cause) {
        super(message, cause);
    }
}
