/**
 * Service deadlines (办理时限) for the BPMN models: due dates of steps and of whole cases, counted with the
 * working-day calendar from the limits in the service catalogue, and their enforcement — the SLA records of every
 * case and open step, the due-soon and overdue timers with their mail, breaches recorded once, the stopped clock
 * of a correction notice, extensions, recomputation when the calendar changes, and the supervisors' side: API,
 * dashboard and case pages, urge notices and reassignment, exports, the daily digest, and demo cases.
 * <p>
 * API: {@link cn.tongban.sla.Deadlines} (bean {@code sla}, for the models), {@link cn.tongban.sla.SlaState},
 * {@link cn.tongban.sla.SlaCases} (extensions), {@link cn.tongban.sla.OpenSteps} (the open steps a user may work on,
 * for task lists). The models also name the beans {@code slaClock},
 * {@code slaDueSoon}, {@code slaOverdue}, {@code slaCaseBreach} and {@code slaMail}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Service deadlines")
package cn.tongban.sla;
