package cn.tongban.forms;

import static cn.tongban.forms.FormTestSupport.attribute;
import static cn.tongban.forms.FormTestSupport.elements;
import static cn.tongban.forms.FormTestSupport.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attoparser.dom.Document;
import org.attoparser.dom.Element;

/**
 * What a browser posts for a rendered form (HTML form submission rules): enabled controls with a name; checkboxes
 * and radios only when checked; the selected options of a select (the first one when none is selected in a single
 * select); a textarea's text with CRLF line breaks; a button only when it was the one pressed.
 */
final class BrowserPost {

    private BrowserPost() {
    }

    static Map<String, String[]> of(Document page, Element pressed) {
        Map<String, List<String>> post = new LinkedHashMap<>();
        for (Element control : elements(page, e -> e.elementNameMatches("input") || e.elementNameMatches("select")
                || e.elementNameMatches("textarea") || e.elementNameMatches("button"))) {
            String name = attribute(control, "name");
            if (name == null || control.hasAttribute("disabled")) {
                continue;
            }
            if (control.elementNameMatches("button")) {
                if (control == pressed) {
                    add(post, name, attribute(control, "value"));
                }
            } else if (control.elementNameMatches("textarea")) {
                add(post, name, text(control).replace("\n", "\r\n"));
            } else if (control.elementNameMatches("select")) {
                List<Element> options = elements(control, e -> e.elementNameMatches("option"));
                List<Element> selected = options.stream().filter(o -> o.hasAttribute("selected")).toList();
                if (selected.isEmpty() && !control.hasAttribute("multiple") && !options.isEmpty()) {
                    selected = List.of(options.get(0));
                }
                selected.forEach(option -> add(post, name, attribute(option, "value")));
            } else {
                String type = String.valueOf(control.getAttributeValue("type"));
                if ((type.equals("checkbox") || type.equals("radio")) && !control.hasAttribute("checked")) {
                    continue;
                }
                String value = attribute(control, "value");
                add(post, name, value == null ? (type.equals("checkbox") ? "on" : "") : value);
            }
        }
        Map<String, String[]> parameters = new LinkedHashMap<>();
        post.forEach((name, values) -> parameters.put(name, values.toArray(String[]::new)));
        return parameters;
    }

    private static void add(Map<String, List<String>> post, String name, String value) {
        post.computeIfAbsent(name, n -> new ArrayList<>()).add(value == null ? "" : value);
    }
}
