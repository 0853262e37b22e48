/**
 * The reviewer's side of every service (审核): the workbench where reviewers list, claim and complete the tasks of
 * their district and role, issue one-time correction notices and read whole cases ({@link
 * cn.tongban.review.ReviewerWorkbench}, {@code GET /api/tasks}, the pages under {@code /tasks}); and the process
 * glue the three models call — the economic-status check of 低保 households, policy figures for the decision
 * tables, the subsidy outcome, marriage appointments and certificate numbers.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Review")
package cn.tongban.review;
