package cn.tongban.intake;

import cn.tongban.catalog.Service;
import cn.tongban.catalog.ServiceCatalog;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** 办事指南: the services and, for each, its materials, commitment and steps. Open to everyone. */
@Controller
class ServiceGuidePages {

    private final ServiceCatalog catalog;
    private final ZoneId zone;

    ServiceGuidePages(ServiceCatalog catalog, @Value("${tongban.calendar.zone:Asia/Shanghai}") ZoneId zone) {
        this.catalog = catalog;
        this.zone = zone;
    }

    @GetMapping("/services")
    String services(Model model) {
        model.addAttribute("services", catalog.all());
        return "intake/services";
    }

    @GetMapping("/services/{code}")
    String guide(@PathVariable String code, Model model) {
        Service service = catalog.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("service", service);
        // materials asked for under the rules in force today; a material of another rule period is not listed
        model.addAttribute("materials", catalog.materials(code, LocalDate.now(zone)));
        return "intake/service";
    }
}
