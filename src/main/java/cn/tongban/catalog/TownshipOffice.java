package cn.tongban.catalog;

/** A township-level office (乡镇人民政府 or 街道办事处) that accepts and first-reviews cases. */
public record TownshipOffice(String code, Names names, Kind kind) {

    public enum Kind {
        /** 街道 */
        STREET,
        /** 镇 */
        TOWN,
        /** 乡 */
        TOWNSHIP
    }
}
