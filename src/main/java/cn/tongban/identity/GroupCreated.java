package cn.tongban.identity;

/** Published inside the creating transaction once a group is stored. */
public record GroupCreated(UserGroup group) {
}
