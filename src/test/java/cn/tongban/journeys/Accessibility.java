package cn.tongban.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

/**
 * Accessibility basics asserted on the page a {@link Browser} shows, worked out in the page itself from the DOM
 * and the computed styles: a title and a language, a name for every field, text contrast, and no sideways
 * scrolling.
 */
public final class Accessibility {

    /** WCAG 2.1 AA for normal text. */
    public static final double MIN_CONTRAST = 4.5;

    /** Form fields with no accessible name: no label[for], no wrapping label, no aria-label(ledby) with text. */
    private static final String UNLABELLED_FIELDS = """
            const unnamed = [];
            for (const field of document.querySelectorAll('input, select, textarea')) {
              const type = (field.getAttribute('type') || '').toLowerCase();
              if (['hidden', 'submit', 'button', 'reset', 'image'].includes(type)) continue;
              let name = field.getAttribute('aria-label') || '';
              if (field.id) {
                for (const label of document.querySelectorAll('label[for="' + CSS.escape(field.id) + '"]')) {
                  name += label.textContent;
                }
              }
              const wrapping = field.closest('label');
              if (wrapping) name += wrapping.textContent;
              for (const id of (field.getAttribute('aria-labelledby') || '').split(/\\s+/)) {
                const label = id && document.getElementById(id);
                if (label) name += label.textContent;
              }
              if (!name.trim()) unnamed.push(field.outerHTML.slice(0, 200));
            }
            return unnamed;
            """;

    /**
     * For each element of a selector: its text and the contrast ratio of its text colour on the background it is
     * painted on (its own and its ancestors' backgrounds composed, white below all), by WCAG's relative luminance.
     */
    private static final String CONTRASTS = """
            function parse(css) {
              const m = css.match(/^rgba?\\(([^)]+)\\)$/);
              if (!m) throw new Error('colour not in rgb(): ' + css);
              const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
              return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
            }
            function over(top, below) {
              return {r: top.r * top.a + below.r * (1 - top.a), g: top.g * top.a + below.g * (1 - top.a),
                      b: top.b * top.a + below.b * (1 - top.a), a: 1};
            }
            function backdrop(element) {
              const layers = [];
              for (let e = element; e; e = e.parentElement) {
                const colour = parse(getComputedStyle(e).backgroundColor);
                if (colour.a > 0) { layers.push(colour); if (colour.a >= 1) break; }
              }
              return layers.reduceRight((below, top) => over(top, below), {r: 255, g: 255, b: 255, a: 1});
            }
            function luminance(c) {
              const channel = v => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
              return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
            }
            return [...document.querySelectorAll(arguments[0])].map(element => {
              const background = backdrop(element);
              const text = over(parse(getComputedStyle(element).color), background);
              const [light, dark] = [luminance(text), luminance(background)].sort((a, b) => b - a);
              return {text: element.innerText.trim(), ratio: (light + 0.05) / (dark + 0.05)};
            });
            """;

    private Accessibility() {
    }

    /** What every page of ours must have: a title, a language, and a name for every field. */
    public static void assertBasics(Browser browser) {
        String where = browser.path();
        assertThat(browser.title()).as("<title> of " + where).isNotBlank();
        assertThat((String) browser.js("return document.documentElement.lang;")).as("<html lang> of " + where)
                .isNotBlank();
        assertEveryFieldLabelled(browser);
    }

    public static void assertEveryFieldLabelled(Browser browser) {
        @SuppressWarnings("unchecked")
        List<String> unnamed = (List<String>) browser.js(UNLABELLED_FIELDS);
        assertThat(unnamed).as("fields without a label on " + browser.path()).isEmpty();
    }

    /**
     * Every element matching the selector (at least one must) has text with a contrast of at least 4.5:1 on its
     * background. Returns the texts checked.
     */
    public static List<String> assertContrast(Browser browser, String selector) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> measured = (List<Map<String, Object>>) browser.js(CONTRASTS, selector);
        assertThat(measured).as(selector + " on " + browser.path()).isNotEmpty();
        for (Map<String, Object> element : measured) {
            double ratio = ((Number) element.get("ratio")).doubleValue();
            assertThat(ratio).as("contrast of '%s' (%s) on %s", element.get("text"), selector, browser.path())
                    .isGreaterThanOrEqualTo(MIN_CONTRAST);
        }
        return measured.stream().map(element -> (String) element.get("text")).toList();
    }

    /** Nothing on the page is wider than the viewport, so a phone never scrolls sideways. */
    public static void assertNoSidewaysScrolling(Browser browser) {
        long viewport = browser.viewportWidth();
        long content = ((Number) browser.js("return document.documentElement.scrollWidth;")).longValue();
        assertThat(content).as("page width of %s at %d px", browser.path(), viewport).isLessThanOrEqualTo(viewport);
    }
}
