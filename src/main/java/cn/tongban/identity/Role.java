package cn.tongban.identity;

import org.camunda.bpm.engine.authorization.Groups;

/**
 * What a user is in Tongban; each role has a group of the same people, so BPMN and Camunda
 * authorizations can address all of them at once.
 */
public enum Role {
    /** 申请人: citizens who apply. */
    APPLICANT("applicants", "申请人"),
    /** 经办人/审核人: township, county, federation and registry staff. */
    REVIEWER("reviewers", "审核人员"),
    /** 督办/科长: watches deadlines city-wide or per district. */
    SUPERVISOR("supervisors", "督办人员"),
    /** 系统管理员: users, catalogue, calendar, engine operation. */
    ADMIN(Groups.CAMUNDA_ADMIN, "系统管理员");

    private final String groupId;
    private final String groupName;

    Role(String groupId, String groupName) {
        this.groupId = groupId;
        this.groupName = groupName;
    }

    /** The group every user of this role belongs to. */
    public String groupId() {
        return groupId;
    }

    /** Display name (zh) of that group. */
    public String groupName() {
        return groupName;
    }

    /** The Spring Security authority, for {@code hasRole(...)} checks. */
    public String authority() {
        return "ROLE_" + name();
    }
}
