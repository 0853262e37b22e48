package cn.tongban.identity;

/** Published inside the transaction that adds an existing user to a group. */
public record MembershipAdded(String groupId, String username) {
}
