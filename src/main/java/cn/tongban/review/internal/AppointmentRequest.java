package cn.tongban.review.internal;

import cn.tongban.catalog.Districts;
import cn.tongban.forms.ResidentIdNumber;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The appointment as the couple filled in the start form (forms/marriage-appointment.form), read from the
 * case's variables and checked field by field. Whoever started the case, the process refuses what fails here.
 *
 * @param slot     the half day asked for; null when office, date or half day are not valid
 * @param problems what is wrong, one Chinese sentence per field; empty when the request is valid
 */
record AppointmentRequest(AppointmentSlot slot, List<String> problems) {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Set<String> MARITAL_STATUSES = Set.of("UNMARRIED", "DIVORCED", "WIDOWED", "MARRIED");
    /** The yes-or-no answers of the form that go into the eligibility decision as they are. */
    private static final List<Map.Entry<String, String>> DECLARED_FACTS = List.of(
            Map.entry("hasIdCard", "是否持有有效居民身份证"),
            Map.entry("signedDeclaration", "是否签署声明"),
            Map.entry("hukouBooksPresented", "是否携带户口簿"),
            Map.entry("registeringOfficeIsHukouPlace", "一方户口是否在登记机关所在地"),
            Map.entry("residencePermitWhereRegistering", "一方是否持有登记地居住证"),
            Map.entry("prohibitedKinship", "是否为禁止结婚的亲属"));

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int NAME_MAX = 50;

    AppointmentRequest {
        problems = List.copyOf(problems);
    }

    static AppointmentRequest read(VariableScope variables, Districts districts) {
        Reader reader = new Reader(variables);
        reader.name("applicantName", "预约人姓名");
        reader.name("partnerName", "对方姓名");
        Optional<ResidentIdNumber> applicant = reader.idNumber("applicantIdNumber", "预约人身份证号码");
        Optional<ResidentIdNumber> partner = reader.idNumber("partnerIdNumber", "对方身份证号码");
        if (applicant.isPresent() && partner.isPresent() && applicant.get().value().equals(partner.get().value())) {
            reader.problem("双方身份证号码相同");
        }
        reader.matching("applicantPhone", "预约人手机号码", MOBILE);
        reader.matching("partnerPhone", "对方手机号码", MOBILE);
        reader.matching("applicantEmail", "电子邮箱", EMAIL);
        Optional<HukouProvince> applicantHukou = reader.province("applicantHukouProvince", "预约人户口所在省份");
        Optional<HukouProvince> partnerHukou = reader.province("partnerHukouProvince", "对方户口所在省份");
        reader.oneOf("applicantMaritalStatus", "预约人婚姻状况", MARITAL_STATUSES);
        reader.oneOf("partnerMaritalStatus", "对方婚姻状况", MARITAL_STATUSES);
        DECLARED_FACTS.forEach(fact -> reader.yesOrNo(fact.getKey(), fact.getValue()));
        if (Boolean.TRUE.equals(variables.getVariable("registeringOfficeIsHukouPlace"))
                && applicantHukou.isPresent() && partnerHukou.isPresent()
                && applicantHukou.get() != HukouProvince.OFFICE_PROVINCE
                && partnerHukou.get() != HukouProvince.OFFICE_PROVINCE) {
            reader.problem("声明一方户口在登记机关所在地，但双方户口均不在河南省");
        }

        Optional<String> office = reader.text("district", "婚姻登记机关")
                .filter(code -> districts.find(code).isPresent() || reader.problem("婚姻登记机关无效"));
        Optional<LocalDate> date = reader.text("appointmentDate", "预约日期").flatMap(reader::date);
        Optional<HalfDay> halfDay = reader.text("appointmentHalfDay", "预约时段")
                .flatMap(value -> HalfDay.of(value).or(() -> reader.problemFor("预约时段无效")));
        AppointmentSlot slot = office.isPresent() && date.isPresent() && halfDay.isPresent()
                ? new AppointmentSlot(office.get(), date.get(), halfDay.get()) : null;
        return new AppointmentRequest(slot, reader.problems);
    }

    /** Reads one variable after another, collecting a sentence for each that is missing or wrong. */
    private static final class Reader {

        private final VariableScope variables;
        private final List<String> problems = new ArrayList<>();

        Reader(VariableScope variables) {
            this.variables = variables;
        }

        /** Records a problem; returns false so it can end a filter. */
        boolean problem(String sentence) {
            problems.add(sentence);
            return false;
        }

        <T> Optional<T> problemFor(String sentence) {
            problem(sentence);
            return Optional.empty();
        }

        Optional<String> text(String name, String label) {
            Object value = variables.getVariable(name);
            if (value == null || value.toString().isBlank()) {
                return problemFor(label + "未填写");
            }
            if (!(value instanceof String text)) {
                return problemFor(label + "无效");
            }
            return Optional.of(text);
        }

        void name(String name, String label) {
            text(name, label).filter(value -> value.length() <= NAME_MAX
                    || problem(label + "不能超过" + NAME_MAX + "个字"));
        }

        void matching(String name, String label, Pattern pattern) {
            text(name, label).filter(value -> pattern.matcher(value).matches() || problem(label + "无效"));
        }

        void oneOf(String name, String label, Set<String> allowed) {
            text(name, label).filter(value -> allowed.contains(value) || problem(label + "无效"));
        }

        Optional<ResidentIdNumber> idNumber(String name, String label) {
            LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), SHANGHAI);
            return text(name, label).flatMap(value -> ResidentIdNumber.isValid(value, today)
                    ? Optional.of(ResidentIdNumber.parse(value, today))
                    : problemFor(label + "无效（18位，末位校验码须正确）"));
        }

        Optional<HukouProvince> province(String name, String label) {
            return text(name, label).flatMap(value -> HukouProvince.ofCode(value)
                    .or(() -> problemFor(label + "无效")));
        }

        void yesOrNo(String name, String label) {
            if (!(variables.getVariable(name) instanceof Boolean)) {
                problem(label + "未作答");
            }
        }

        Optional<LocalDate> date(String value) {
            try {
                return Optional.of(LocalDate.parse(value));
            } catch (DateTimeParseException e) {
                return problemFor("预约日期无效");
            }
        }
    }
}
