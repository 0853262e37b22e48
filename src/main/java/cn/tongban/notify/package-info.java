/**
 * Mail to applicants, reviewers and supervisors (通知): Thymeleaf templates under templates/mail. A mail is rendered
 * and stored in the mail outbox inside the transaction that caused it ({@link cn.tongban.notify.Notifications}),
 * then sent by a scheduler ({@link cn.tongban.notify.MailOutbox}) over SMTP when one is configured, or written to
 * the log otherwise (the demo needs no mail server). An SMTP outage thus delays mail but holds up no case.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package cn.tongban.notify;
