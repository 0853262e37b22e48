package cn.tongban.identity;

/**
 * The offices that exist once per district; each is a group whose id is {@code <prefix>-<district code>},
 * e.g. {@code township-jinshui}. BPMN user tasks name these as candidate groups.
 */
public enum DistrictGroup {
    /** 乡镇人民政府（街道办事处）: acceptance and first review. */
    TOWNSHIP("township", "乡镇（街道）审核"),
    /** 县级民政部门: confirmation and decision. */
    COUNTY("county", "县级民政部门"),
    /** 残疾人联合会: review of disability subsidies. */
    CANLIAN("canlian", "残联审核"),
    /** 婚姻登记机关: marriage registration. */
    REGISTRAR("registrar", "婚姻登记处"),
    /** 督办: told of breaches in the district. */
    SUPERVISOR("supervisor", "督办");

    private final String prefix;
    private final String nameZh;

    DistrictGroup(String prefix, String nameZh) {
        this.prefix = prefix;
        this.nameZh = nameZh;
    }

    public String groupId(String districtCode) {
        return prefix + "-" + districtCode;
    }

    /** Display name (zh) of this office's group in the given district, e.g. 金水区 乡镇（街道）审核. */
    public String groupName(District district) {
        return district.nameZh() + " " + nameZh;
    }
}
