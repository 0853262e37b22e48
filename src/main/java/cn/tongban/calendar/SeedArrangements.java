package cn.tongban.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The arrangements shipped with the application: seeds/calendar/&lt;year&gt;.json on the classpath.
 * A seed that does not validate is a defect of the release, so start-up fails naming the file.
 */
@Component
class SeedArrangements {

    static final String LOCATION = "classpath*:seeds/calendar/*.json";
    private static final Pattern FILE_NAME = Pattern.compile("(\\d{4})\\.json");

    private final List<HolidayArrangement> arrangements;

    SeedArrangements() {
        this.arrangements = load(LOCATION);
    }

    List<HolidayArrangement> arrangements() {
        return arrangements;
    }

    static List<HolidayArrangement> load(String location) {
        Map<Integer, HolidayArrangement> byYear = new TreeMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(location)) {
                String name = resource.getFilename();
                Matcher matcher = FILE_NAME.matcher(name == null ? "" : name);
                if (!matcher.matches()) {
                    throw new IllegalStateException("节假日安排文件须命名为 <年份>.json / a holiday arrangement seed must be"
                            + " named <year>.json: " + resource);
                }
                HolidayArrangement arrangement;
                try (InputStream in = resource.getInputStream()) {
                    arrangement = HolidayArrangement.parse(in.readAllBytes(), name);
                }
                if (arrangement.year() != Integer.parseInt(matcher.group(1))) {
                    throw new IllegalStateException("文件名与年份不符 / the file name does not match the year "
                            + arrangement.year() + ": " + resource);
                }
                if (byYear.put(arrangement.year(), arrangement) != null) {
                    throw new IllegalStateException("同一年份有两个安排文件 / two seeds for the year "
                            + arrangement.year() + ", one of them " + resource);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("holiday arrangement seeds could not be read from " + location, e);
        }
        return List.copyOf(byYear.values());
    }
}
