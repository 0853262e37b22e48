package cn.tongban.review.workbench;

/** Someone a task can be handed to (转办): a member of one of its candidate groups in the case's district. */
record Colleague(String username, String displayName) {
}
