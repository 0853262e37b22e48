package cn.tongban.identity;

/** A group of users; its id is also the Camunda group id. {@code districtCode} is null for role groups. */
public record UserGroup(String id, String name, String districtCode) {
}
