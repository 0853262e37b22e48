/**
 * Mail to applicants, reviewers and supervisors (通知): Thymeleaf templates under templates/mail,
 * sent over SMTP when one is configured and written to the log otherwise (the demo needs no mail server).
 * Sending from a process is an async service task, so an SMTP outage becomes a job retry, not a lost case.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package cn.tongban.notify;
