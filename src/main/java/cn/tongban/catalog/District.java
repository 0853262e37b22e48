package cn.tongban.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/**
 * A district (区) of the city, or a functional zone run like one, with its township offices.
 *
 * @param divisionCode the six-digit administrative-division code (行政区划代码), null for a functional zone
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record District(String code, Names names, Kind kind, String divisionCode, String note,
                       List<TownshipOffice> offices) {

    public enum Kind {
        /** 市辖区 */
        DISTRICT,
        /** 功能区 (管委会), such as 郑东新区 */
        FUNCTIONAL_ZONE
    }

    public District {
        offices = List.copyOf(offices);
    }

    public Optional<TownshipOffice> office(String officeCode) {
        return offices.stream().filter(o -> o.code().equals(officeCode)).findFirst();
    }
}
