package cn.tongban.web;

import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The public home page; signed-in users also see the links that fit their role. */
@Controller
class HomeController {

    private final ZoneId zone;

    HomeController(@Value("${tongban.calendar.zone:Asia/Shanghai}") ZoneId zone) {
        this.zone = zone;
    }

    @GetMapping("/")
    String home(Model model) {
        // the calendar example link asks about today in the bureau's time zone
        model.addAttribute("today", LocalDate.now(zone));
        return "home";
    }
}
