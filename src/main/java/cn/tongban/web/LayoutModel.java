package cn.tongban.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the shared layout needs on every page, error pages included. */
@ControllerAdvice
class LayoutModel {

    private final String camundaPath;

    LayoutModel(@Value("${camunda.bpm.webapp.application-path:/camunda}") String camundaPath) {
        this.camundaPath = camundaPath;
    }

    /** Where the Camunda webapps live, e.g. {@code /camunda}; links are {@code <path>/app/tasklist/default/}. */
    @ModelAttribute("camundaPath")
    String camundaPath() {
        return camundaPath;
    }
}
