package cn.tongban.web;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Spring MVC's real request handling with the advice, around a controller that takes every kind of input. */
class BadInputAdviceTest {

    record Member(@NotBlank String name, @Min(0) int age) {
    }

    record Application(@NotBlank String serviceCode, @NotNull @Valid List<Member> members, LocalDate appliedOn) {
    }

    @RestController
    static class Intake {

        private final Validator validator;

        Intake(Validator validator) {
            this.validator = validator;
        }

        @PostMapping("/api/applications")
        String apply(@Valid @RequestBody Application application) {
            return "accepted";
        }

        @GetMapping("/api/days/{date}")
        String day(@PathVariable LocalDate date) {
            return date.toString();
        }

        @GetMapping("/api/deadline")
        String deadline(@RequestParam("workingDays") @Min(0) @Max(60) int workingDays,
                        @RequestHeader("Idempotency-Key") String key) {
            return key + workingDays;
        }

        @GetMapping("/api/people/{idNumber}")
        String person(@PathVariable String idNumber) {
            throw new InvalidInputException("idNumber", "check digit does not match");
        }

        @PostMapping("/api/members")
        String member(@RequestBody Member member) {
            // what a @Validated service throws when handed request data
            throw new ConstraintViolationException(validator.validate(member));
        }

        @GetMapping("/pages/deadline")
        String page(@RequestParam int workingDays) {
            return "page";
        }
    }

    MockMvc mvc;

    @BeforeEach
    void mvc() {
        LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
        validator.afterPropertiesSet();
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        BadInputAdvice advice = new BadInputAdvice();
        advice.setMessageSource(messages);
        mvc = MockMvcBuilders.standaloneSetup(new Intake(validator))
                .setControllerAdvice(advice)
                .setValidator(validator)
                .build();
    }

    @Test
    void invalidBodyNamesEveryField() throws Exception {
        postJson("/api/applications", """
                {"serviceCode": " ", "members": [{"name": "", "age": -1}, {"name": "李四", "age": 30}]}""")
                .andExpect(jsonPath("$.errors[*].field")
                        .value(containsInAnyOrder("serviceCode", "members[0].name", "members[0].age")));
    }

    @Test
    void unreadableValueNamesItsField() throws Exception {
        postJson("/api/applications", """
                {"serviceCode": "x", "members": [{"name": "a", "age": "old"}]}""")
                .andExpect(jsonPath("$.errors[0].field").value("members[0].age"))
                .andExpect(jsonPath("$.errors[0].message").value("Must be a value of type int."));
        postJson("/api/applications", """
                {"serviceCode": "x", "members": [], "appliedOn": "2024-02-30"}""")
                .andExpect(jsonPath("$.errors[0].field").value("appliedOn"));
    }

    @Test
    void malformedOrMissingBodyIsNamedBody() throws Exception {
        postJson("/api/applications", "{\"serviceCode\": ")
                .andExpect(jsonPath("$.errors[0].field").value("body"))
                .andExpect(jsonPath("$.errors[0].message").value("The request body is not valid JSON."));
        mvc.perform(post("/api/applications").contentType(MediaType.APPLICATION_JSON).locale(Locale.ENGLISH))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"))
                .andExpect(jsonPath("$.errors[0].message").value("The request body is missing."));
    }

    @Test
    void wrongPathVariableTypeNamesTheVariable() throws Exception {
        expectProblem(mvc.perform(get("/api/days/2024-13-45").locale(Locale.ENGLISH)))
                .andExpect(jsonPath("$.errors[0].field").value("date"))
                .andExpect(jsonPath("$.errors[0].message").value("Must be a value of type LocalDate."));
    }

    @Test
    void missingParameterAndHeaderAreNamed() throws Exception {
        expectProblem(mvc.perform(get("/api/deadline").header("Idempotency-Key", "k").locale(Locale.ENGLISH)))
                .andExpect(jsonPath("$.errors[0].field").value("workingDays"));
        expectProblem(mvc.perform(get("/api/deadline").param("workingDays", "3").locale(Locale.ENGLISH)))
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
        expectProblem(mvc.perform(get("/api/deadline").param("workingDays", "three")
                        .header("Idempotency-Key", "k").locale(Locale.ENGLISH)))
                .andExpect(jsonPath("$.errors[0].field").value("workingDays"));
    }

    @Test
    void constrainedParameterIsNamed() throws Exception {
        expectProblem(mvc.perform(get("/api/deadline").param("workingDays", "61")
                        .header("Idempotency-Key", "k").locale(Locale.ENGLISH)))
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value("workingDays"));
    }

    @Test
    void domainRuleBrokenIsNamed() throws Exception {
        expectProblem(mvc.perform(get("/api/people/41010519491231002X").locale(Locale.ENGLISH)))
                .andExpect(jsonPath("$.errors[0].field").value("idNumber"))
                .andExpect(jsonPath("$.errors[0].message").value("check digit does not match"))
                .andExpect(jsonPath("$.detail").value("Invalid input: see errors for each field."));
    }

    @Test
    void constraintViolationsFromServicesAreNamed() throws Exception {
        postJson("/api/members", "{\"name\": \"\", \"age\": -3}")
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("name", "age")));
    }

    @Test
    void chineseIsTheLanguageOfChineseRequests() throws Exception {
        expectProblem(mvc.perform(get("/api/days/not-a-date").locale(Locale.SIMPLIFIED_CHINESE)))
                .andExpect(jsonPath("$.detail").value("输入有误，请按 errors 逐项更正。"))
                .andExpect(jsonPath("$.errors[0].message").value("取值应为 LocalDate 类型。"));
    }

    @Test
    void browsersAskingForPagesGetTheErrorPageInstead() throws Exception {
        mvc.perform(get("/pages/deadline").accept(MediaType.TEXT_HTML))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(""));
        // the API answers JSON whatever the Accept header says
        mvc.perform(get("/api/days/x").accept(MediaType.TEXT_HTML, MediaType.ALL))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private ResultActions postJson(String path, String body) throws Exception {
        return expectProblem(mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body)
                .locale(Locale.ENGLISH)));
    }

    private static ResultActions expectProblem(ResultActions result) throws Exception {
        return result.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors").isArray());
    }
}
