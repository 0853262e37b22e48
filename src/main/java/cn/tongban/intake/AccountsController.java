package cn.tongban.intake;

import cn.tongban.identity.UserAccount;
import cn.tongban.intake.Registrations.Registered;
import cn.tongban.intake.Registrations.RegistrationRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Self-registration of applicants over the API, the same rules as the registration page. */
@RestController
@RequestMapping("/api/accounts")
@Tag(name = "注册 / Accounts", description = "申请人注册账户 / applicants open their own accounts")
class AccountsController {

    private final Registrations registrations;

    AccountsController(Registrations registrations) {
        this.registrations = registrations;
    }

    @Schema(name = "AccountRequest")
    record AccountRequest(
            @Schema(description = "真实姓名 / real name", example = "王小明") @NotNull @Size(max = 100) String realName,
            @Schema(description = "公民身份号码（18 位）/ resident ID number", example = "11010519491231002X")
            @NotNull @Size(max = 32) String idNumber,
            @Schema(description = "手机号码 / mainland mobile number", example = "13912345678")
            @NotNull @Size(max = 32) String phone,
            @Schema(description = "电子邮箱 / e-mail address") @NotNull @Size(max = 254) String email,
            @Schema(description = "用户名：3–32 位小写字母、数字，可用 . _ - 分隔 / 3–32 lower-case letters and digits")
            @NotNull @Size(max = 64) String username,
            @Schema(description = "密码：至少 8 位，含字母和数字，不含用户名 / at least 8, letters and digits, not the username")
            @NotNull @Size(max = 200) String password,
            @Schema(description = "再次输入密码 / the password again") @NotNull @Size(max = 200)
            String passwordConfirmation) {
    }

    @Schema(name = "Account")
    record AccountView(String username, String realName,
                       @Schema(description = "脱敏的身份证号码 / masked ID number", example = "1101**********002X")
                       String idNumber,
                       String phone, String email) {
    }

    @Operation(summary = "注册申请人账户 / Register as an applicant",
            description = "校验各项后开户并发送欢迎邮件；用户名、身份证号码、电子邮箱已被使用时返回 409 / checks every field,"
                    + " opens the account and mails a welcome; 409 when username, ID number or e-mail address is taken")
    @ApiResponse(responseCode = "201", description = "已开户 / account opened")
    @ApiResponse(responseCode = "400", description = "输入有误 / invalid input; `errors` names each field",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "已被使用 / taken; `errors` names each field",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AccountView> register(@Valid @RequestBody AccountRequest request, Locale locale) {
        RegistrationRequest registration = new RegistrationRequest(request.realName(), request.idNumber(),
                request.phone(), request.email(), request.username(), request.password(),
                request.passwordConfirmation());
        Registered registered = registrations.register(registration, locale);
        UserAccount account = registered.account();
        return ResponseEntity.status(HttpStatus.CREATED).body(new AccountView(account.username(),
                account.displayName(), registered.idNumber().masked(), account.phone(), account.email()));
    }
}
