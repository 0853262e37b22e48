package cn.tongban.intake;

import cn.tongban.identity.UserAccount;
import cn.tongban.intake.Registrations.AccountConflict;
import cn.tongban.intake.Registrations.RegistrationRequest;
import cn.tongban.web.InvalidField;
import cn.tongban.web.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The registration page (注册): a citizen opens an applicant account and is sent to sign in with it. Errors are
 * shown beside their fields with what was entered kept, the passwords excepted.
 */
@Controller
class RegistrationPages {

    private final Registrations registrations;
    private final MessageSource messages;

    RegistrationPages(Registrations registrations, MessageSource messages) {
        this.registrations = registrations;
        this.messages = messages;
    }

    @GetMapping("/register")
    String form(Authentication authentication, Model model) {
        // Spring MVC passes no Authentication for anonymous visitors
        if (authentication != null) {
            return "redirect:/";
        }
        return page(new RegistrationRequest("", "", "", "", "", "", ""), Map.of(), model);
    }

    @PostMapping("/register")
    String register(@ModelAttribute RegistrationRequest request, Authentication authentication, Locale locale,
                    Model model, RedirectAttributes redirect) {
        if (authentication != null) {
            return "redirect:/";
        }
        try {
            UserAccount account = registrations.register(request, locale).account();
            redirect.addFlashAttribute("notice", messages.getMessage("intake.register.done",
                    new Object[] {account.username(), account.email()}, locale));
            redirect.addFlashAttribute("registeredUsername", account.username());
            return "redirect:/login";
        } catch (InvalidInputException invalid) {
            return page(request, byField(invalid.errors()), model);
        } catch (AccountConflict conflict) {
            return page(request, byField(conflict.errors()), model);
        }
    }

    private static String page(RegistrationRequest entered, Map<String, String> errors, Model model) {
        // a password is never sent back to the browser
        model.addAttribute("entered", new RegistrationRequest(entered.realName(), entered.idNumber(),
                entered.phone(), entered.email(), entered.username(), null, null));
        model.addAttribute("errors", errors);
        return "intake/register";
    }

    private static Map<String, String> byField(List<InvalidField> errors) {
        Map<String, String> byField = new LinkedHashMap<>();
        errors.forEach(error -> byField.merge(error.field(), error.message(), (a, b) -> a + " " + b));
        return byField;
    }
}
