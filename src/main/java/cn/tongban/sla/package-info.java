/**
 * Service deadlines (办理时限) for the BPMN models: due dates of steps and of whole cases, counted with the
 * working-day calendar from the limits in the service catalogue.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Service deadlines")
package cn.tongban.sla;
