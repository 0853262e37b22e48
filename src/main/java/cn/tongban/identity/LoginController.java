package cn.tongban.identity;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security handles the POST to /login and /logout. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(Authentication authentication) {
        // Spring MVC passes no Authentication for anonymous visitors
        if (authentication != null) {
            return "redirect:/";
        }
        return "login";
    }
}
