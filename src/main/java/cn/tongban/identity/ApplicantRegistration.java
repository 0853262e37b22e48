package cn.tongban.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A citizen opening an applicant account (申请人注册). The caller has checked the details against the domain rules
 * (ID number check digit, password rules); the directory checks that username, ID number and e-mail address are
 * nobody else's.
 *
 * @param idNumber the 18-character resident ID number (公民身份号码), upper-case X
 * @param email    in lower case
 */
public record ApplicantRegistration(
        @NotBlank @Size(max = 64) @Pattern(regexp = NewUser.ID_PATTERN) String username,
        @NotBlank @Size(max = 100) String displayName,
        @NotBlank @Pattern(regexp = "\\d{17}[\\dX]") String idNumber,
        @NotBlank @Pattern(regexp = "1[3-9][0-9]{9}") String phone,
        @NotBlank @Email @Size(max = 254) String email) {
}
