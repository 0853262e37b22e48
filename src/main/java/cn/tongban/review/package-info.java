/**
 * The reviewer's side of every service (审核): the process glue the three models call — the economic-status
 * check of 低保 households, policy figures for the decision tables, the subsidy outcome, marriage appointments
 * and certificate numbers.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Review")
package cn.tongban.review;
