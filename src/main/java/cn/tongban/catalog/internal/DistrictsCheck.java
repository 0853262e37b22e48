package cn.tongban.catalog.internal;

import static cn.tongban.catalog.internal.SeedPatterns.DIVISION_CODE;
import static cn.tongban.catalog.internal.SeedPatterns.PLAIN;

import cn.tongban.catalog.District;
import cn.tongban.catalog.Districts;
import cn.tongban.catalog.TownshipOffice;
import cn.tongban.catalog.internal.SeedDocuments.DistrictEntry;
import cn.tongban.catalog.internal.SeedDocuments.DistrictsDocument;
import cn.tongban.catalog.internal.SeedDocuments.OfficeEntry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks {@code districts.json}: districts and their township offices, every code unique city-wide. */
final class DistrictsCheck {

    private final SeedFile file;
    private final Map<String, String> seenDistricts = new HashMap<>();
    private final Map<String, String> seenDivisions = new HashMap<>();
    private final Map<String, String> seenOffices = new HashMap<>();

    private DistrictsCheck(SeedFile file) {
        this.file = file;
    }

    /** The districts, or null when the file has faults (reported to the file). */
    static Districts check(SeedFile file, DistrictsDocument doc) {
        List<DistrictEntry> entries = doc.districts();
        if (file.requireElements(entries, "/districts", "districts")) {
            DistrictsCheck check = new DistrictsCheck(file);
            for (int i = 0; i < entries.size(); i++) {
                if (file.requireElement(entries.get(i), "/districts/" + i)) {
                    check.district(entries.get(i), "/districts/" + i);
                }
            }
        }
        if (!file.problems().isEmpty()) {
            return null;
        }
        return new Districts(entries.stream().map(d -> new District(d.code(), d.names(),
                District.Kind.valueOf(d.kind()), d.divisionCode(), d.note(),
                d.offices().stream().map(o -> new TownshipOffice(o.code(), o.names(),
                        TownshipOffice.Kind.valueOf(o.kind()))).toList())).toList());
    }

    private void district(DistrictEntry district, String at) {
        if (file.requireCode(district.code(), PLAIN, at + "/code", "district code")) {
            file.requireUnique(seenDistricts, district.code(), at + "/code", "district");
        }
        file.requireNames(district.names(), at);
        if (file.requireOneOf(district.kind(), District.Kind.values(), at + "/kind", "district kind")
                && district.kind().equals(District.Kind.DISTRICT.name()) && district.divisionCode() == null) {
            file.problem(at + "/divisionCode", "a district needs its six-digit division code");
        }
        if (district.divisionCode() != null
                && file.requireCode(district.divisionCode(), DIVISION_CODE, at + "/divisionCode", "division code")) {
            file.requireUnique(seenDivisions, district.divisionCode(), at + "/divisionCode", "division code");
        }
        if (!file.requireElements(district.offices(), at + "/offices", "offices")) {
            return;
        }
        for (int j = 0; j < district.offices().size(); j++) {
            String oat = at + "/offices/" + j;
            OfficeEntry office = district.offices().get(j);
            if (!file.requireElement(office, oat)) {
                continue;
            }
            // unique city-wide, not just per district: a reviewer's scope names the office alone
            if (file.requireCode(office.code(), PLAIN, oat + "/code", "office code")) {
                file.requireUnique(seenOffices, office.code(), oat + "/code", "office");
            }
            file.requireNames(office.names(), oat);
            file.requireOneOf(office.kind(), TownshipOffice.Kind.values(), oat + "/kind", "office kind");
        }
    }
}
