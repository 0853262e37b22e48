package cn.tongban.identity;

import java.time.OffsetDateTime;

/**
 * A person who can sign in. {@code districtCode} is null for city-wide users (supervisor, administrator)
 * and for applicants who did not give one.
 */
public record UserAccount(
        String username,
        String displayName,
        String email,
        String phone,
        Role role,
        String districtCode,
        boolean enabled,
        OffsetDateTime createdAt) {
}
