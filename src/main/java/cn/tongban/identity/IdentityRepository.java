package cn.tongban.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Our identity tables (V1_2__identity.sql). */
@Repository
class IdentityRepository {

    /** What sign-in needs about a user. */
    record Credentials(String username, String passwordHash, Role role, boolean enabled) {
    }

    private static final String USER_COLUMNS =
            "username, display_name, email, phone, role, district_code, enabled, created_at";

    private final JdbcClient jdbc;

    IdentityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Blocks other nodes' seeding and mirroring until the current transaction ends. */
    void lockForSync() {
        jdbc.sql("SELECT id FROM identity_sync_lock WHERE id = 1 FOR UPDATE").query(Integer.class).single();
    }

    // districts

    List<District> districts() {
        return jdbc.sql("SELECT code, name_zh, name_en FROM districts ORDER BY code")
                .query(District.class).list();
    }

    Optional<District> district(String code) {
        return jdbc.sql("SELECT code, name_zh, name_en FROM districts WHERE code = ?")
                .param(code).query(District.class).optional();
    }

    /** Inserts the district or brings its names up to date. */
    void saveDistrict(District district) {
        int updated = jdbc.sql("UPDATE districts SET name_zh = ?, name_en = ? WHERE code = ?")
                .params(district.nameZh(), district.nameEn(), district.code()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO districts (code, name_zh, name_en) VALUES (?, ?, ?)")
                    .params(district.code(), district.nameZh(), district.nameEn()).update();
        }
    }

    // users

    Optional<UserAccount> user(String username) {
        return jdbc.sql("SELECT " + USER_COLUMNS + " FROM users WHERE username = ?")
                .param(username).query(IdentityRepository::userAccount).optional();
    }

    List<UserAccount> users() {
        return jdbc.sql("SELECT " + USER_COLUMNS + " FROM users ORDER BY username")
                .query(IdentityRepository::userAccount).list();
    }

    Optional<Credentials> credentials(String username) {
        return jdbc.sql("SELECT username, password_hash, role, enabled FROM users WHERE username = ?")
                .param(username)
                .query((rs, n) -> new Credentials(rs.getString("username"), rs.getString("password_hash"),
                        Role.valueOf(rs.getString("role")), rs.getBoolean("enabled")))
                .optional();
    }

    void insertUser(UserAccount user, String passwordHash) {
        jdbc.sql("""
                        INSERT INTO users (username, password_hash, display_name, email, phone, role, district_code,
                                           enabled, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(user.username(), passwordHash, user.displayName(), user.email(), user.phone(),
                        user.role().name(), user.districtCode(), user.enabled(), user.createdAt())
                .update();
    }

    /** Stores the resident ID number of a registered applicant. */
    void setIdNumber(String username, String idNumber) {
        jdbc.sql("UPDATE users SET id_number = ? WHERE username = ?").params(idNumber, username).update();
    }

    Optional<String> idNumber(String username) {
        return jdbc.sql("SELECT id_number FROM users WHERE username = ?").param(username)
                .query((rs, n) -> Optional.ofNullable(rs.getString("id_number"))).optional().flatMap(o -> o);
    }

    /** User names are told apart without regard to case, so that nobody registers a look-alike of another. */
    boolean usernameTaken(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM users WHERE LOWER(username) = LOWER(?)")
                .param(username).query(Long.class).single() > 0;
    }

    boolean idNumberTaken(String idNumber) {
        return jdbc.sql("SELECT COUNT(*) FROM users WHERE id_number = ?")
                .param(idNumber).query(Long.class).single() > 0;
    }

    boolean emailTaken(String email) {
        return jdbc.sql("SELECT COUNT(*) FROM users WHERE LOWER(email) = LOWER(?)")
                .param(email).query(Long.class).single() > 0;
    }

    // groups and memberships

    Optional<UserGroup> group(String id) {
        return jdbc.sql("SELECT id, name, district_code FROM user_groups WHERE id = ?")
                .param(id).query(UserGroup.class).optional();
    }

    List<UserGroup> groups() {
        return jdbc.sql("SELECT id, name, district_code FROM user_groups ORDER BY id").query(UserGroup.class).list();
    }

    void insertGroup(UserGroup group, OffsetDateTime createdAt) {
        jdbc.sql("INSERT INTO user_groups (id, name, district_code, created_at) VALUES (?, ?, ?, ?)")
                .params(group.id(), group.name(), group.districtCode(), createdAt).update();
    }

    /** @return false when the user already was a member */
    boolean insertMembership(String groupId, String username) {
        if (isMember(groupId, username)) {
            return false;
        }
        jdbc.sql("INSERT INTO group_memberships (group_id, username) VALUES (?, ?)")
                .params(groupId, username).update();
        return true;
    }

    boolean isMember(String groupId, String username) {
        return jdbc.sql("SELECT COUNT(*) FROM group_memberships WHERE group_id = ? AND username = ?")
                .params(groupId, username).query(Long.class).single() > 0;
    }

    List<String> groupIdsOf(String username) {
        return jdbc.sql("SELECT group_id FROM group_memberships WHERE username = ? ORDER BY group_id")
                .param(username).query(String.class).list();
    }

    List<UserAccount> membersOf(String groupId) {
        return jdbc.sql("SELECT " + prefixed("u.") + " FROM users u"
                        + " JOIN group_memberships m ON m.username = u.username"
                        + " WHERE m.group_id = ? ORDER BY u.username")
                .param(groupId).query(IdentityRepository::userAccount).list();
    }

    private static String prefixed(String alias) {
        return alias + USER_COLUMNS.replace(", ", ", " + alias);
    }

    private static UserAccount userAccount(ResultSet rs, int row) throws SQLException {
        return new UserAccount(
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getString("email"),
                rs.getString("phone"),
                Role.valueOf(rs.getString("role")),
                rs.getString("district_code"),
                rs.getBoolean("enabled"),
                rs.getObject("created_at", OffsetDateTime.class));
    }
}
