package cn.tongban.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The city's districts and their township offices, as loaded from {@code districts.json}. */
public final class Districts {

    private final List<District> districts;
    private final Map<String, District> byCode = new LinkedHashMap<>();
    private final Map<String, District> byOffice = new LinkedHashMap<>();

    /** Expects codes already checked unique (district codes, and office codes across all districts). */
    public Districts(List<District> districts) {
        this.districts = List.copyOf(districts);
        for (District d : this.districts) {
            byCode.put(d.code(), d);
            d.offices().forEach(o -> byOffice.put(o.code(), d));
        }
    }

    public List<District> all() {
        return districts;
    }

    public Optional<District> find(String districtCode) {
        return Optional.ofNullable(byCode.get(districtCode));
    }

    public Optional<TownshipOffice> findOffice(String officeCode) {
        return districtOf(officeCode).flatMap(d -> d.office(officeCode));
    }

    /** The district an office belongs to. */
    public Optional<District> districtOf(String officeCode) {
        return Optional.ofNullable(byOffice.get(officeCode));
    }
}
