package cn.tongban.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What it takes to create a user. The user also joins the group of their role; {@code groups} are the
 * further groups (district offices) to join.
 */
public record NewUser(
        @NotBlank @Size(max = 64) @Pattern(regexp = NewUser.ID_PATTERN) String username,
        @NotBlank @Size(max = 100) String displayName,
        @Email @Size(max = 254) String email,
        @Pattern(regexp = "1[3-9][0-9]{9}") String phone,
        @NotNull Role role,
        @Size(max = 32) String districtCode,
        @NotNull List<@NotBlank String> groups) {

    /**
     * User and group ids: letters and digits, single dots, dashes or underscores between them.
     * Camunda's identity whitelist (application.yaml) accepts the same ids.
     */
    public static final String ID_PATTERN = "[a-zA-Z0-9]+([._-][a-zA-Z0-9]+)*";
}
