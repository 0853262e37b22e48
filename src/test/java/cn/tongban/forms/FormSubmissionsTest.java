package cn.tongban.forms;

import static cn.tongban.forms.FormTestSupport.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.web.InvalidField;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormSubmissionsTest {

    private final FormDefinition all = fixture("fixture-all-components");
    private final FormDefinition household = fixture("fixture-household");

    private static Map<String, String[]> post(String... nameValuePairs) {
        Map<String, String[]> parameters = new LinkedHashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            String name = nameValuePairs[i];
            String[] old = parameters.getOrDefault(name, new String[0]);
            String[] values = java.util.Arrays.copyOf(old, old.length + 1);
            values[old.length] = nameValuePairs[i + 1];
            parameters.put(name, values);
        }
        return parameters;
    }

    @Test
    void givesEachFieldItsType() {
        Map<String, Object> data = FormSubmissions.fromRequestParameters(all, post(
                "applicantName", "张三",
                "reason", "第一行\r\n第二行",
                "monthlyIncome", " 1200.50 ",
                "householdSize", "3",
                "areaSquareMetres", "65.50",
                "applicationDate", "2025-06-16",
                "interviewTime", "09:30",
                "appointmentAt", "2025-06-20T09:30",
                "hasDisabledMember", "true",
                "maritalStatus", "married",
                "district", "",
                "materials", "idCard", "materials", "incomeProof",
                "address.street", "花园路 1 号",
                "emergency.mobile", "13900139000",
                "members[0].name", "张小三",
                "members[0].monthlyIncome", "",
                "members[1].name", "王五",
                "_csrf", "token",
                "_form.rows.members", "2"));
        assertThat(data).containsEntry("applicantName", "张三")
                .containsEntry("reason", "第一行\n第二行")
                .containsEntry("monthlyIncome", 1200.5)
                .containsEntry("householdSize", 3L)
                .containsEntry("areaSquareMetres", "65.50")
                .containsEntry("applicationDate", "2025-06-16")
                .containsEntry("interviewTime", "09:30+08:00")
                .containsEntry("appointmentAt", "2025-06-20T09:30")
                .containsEntry("hasDisabledMember", true)
                .containsEntry("declaration", false)
                .containsEntry("maritalStatus", "married")
                .containsEntry("district", null)
                .containsEntry("materials", List.of("idCard", "incomeProof"))
                .containsEntry("specialGroups", List.of())
                .containsEntry("address", Map.of("street", "花园路 1 号"))
                .containsEntry("emergency", Map.of("mobile", "13900139000"))
                .doesNotContainKeys("_csrf", "_form.rows.members");
        List<?> members = (List<?>) data.get("members");
        assertThat(members).hasSize(2);
        assertThat(map(members.get(0))).containsEntry("name", "张小三").containsEntry("monthlyIncome", null);
    }

    @Test
    void keepsWhatItCannotPlaceSoTheValidatorNamesIt() {
        Map<String, Object> data = FormSubmissions.fromRequestParameters(all, post(
                "isAdmin", "true",
                "members[0].salary", "1",
                "members[999].name", "x",
                "monthlyIncome", "1,200",
                "hasDisabledMember", "yes",
                "maritalStatus", "widowed",
                "applicantName", "a", "applicantName", "b",
                "a..b", "x"));
        assertThat(data).containsEntry("isAdmin", "true")
                .containsEntry("members[0].salary", "1")
                .containsEntry("members[999].name", "x")
                .containsEntry("monthlyIncome", "1,200")
                .containsEntry("hasDisabledMember", "yes")
                .containsEntry("maritalStatus", "widowed")
                .containsEntry("applicantName", List.of("a", "b"))
                .containsEntry("a..b", "x");
        assertThat(FormTestSupport.validator().validate(all, data, Locale.ENGLISH)).extracting(InvalidField::field)
                .contains("isAdmin", "members[0].salary", "members[999].name", "monthlyIncome", "hasDisabledMember",
                        "maritalStatus", "applicantName", "a..b");
    }

    @Test
    void timesInTheFormsSerializingFormat() {
        Map<String, Object> data = FormSubmissions.fromRequestParameters(household, post(
                "spouse.marriedAt", "2010-05-01T10:00"));
        assertThat(map(data.get("spouse"))).containsEntry("marriedAt", "2010-05-01T02:00Z");
        data = FormSubmissions.fromRequestParameters(all, post("interviewTime", "09:30"), ZoneId.of("Europe/Berlin"));
        assertThat(data.get("interviewTime")).asString().matches("09:30\\+0[12]:00");
        data = FormSubmissions.fromRequestParameters(all, post("interviewTime", "9.30", "appointmentAt", "soon"));
        assertThat(data).containsEntry("interviewTime", "9.30").containsEntry("appointmentAt", "soon");
    }

    @Test
    void choicesKeepTheTypeOfTheirValue() {
        Map<String, Object> data = FormSubmissions.fromRequestParameters(household, post(
                "applicant.hukouType", "2", "hasAssets", "on"));
        assertThat(map(data.get("applicant"))).containsEntry("hukouType", 2L);
        assertThat(data).containsEntry("hasAssets", true);
    }

    @Test
    void listButtonsEditTheList() {
        Map<String, String[]> add = post("households[0].headName", "张三", "_form.rows.households", "1",
                "_form.rows.households[0].members", "0", "_form.add", "households[0].members");
        assertThat(FormSubmissions.editsList(add)).isTrue();
        Map<String, Object> data = FormSubmissions.fromRequestParameters(household, add);
        Map<?, ?> first = (Map<?, ?>) ((List<?>) data.get("households")).get(0);
        assertThat((List<?>) first.get("members")).hasSize(1);

        Map<String, String[]> remove = post("members[0].name", "a", "members[1].name", "b", "members[2].name", "c",
                "_form.remove", "members[1]");
        data = FormSubmissions.fromRequestParameters(all, remove);
        assertThat((List<?>) data.get("members")).extracting(m -> map(m).get("name"))
                .containsExactly("a", "c");

        assertThat(FormSubmissions.editsList(post("applicantName", "x"))).isFalse();
        // a remove of something that is no entry, or an add of something that is no list, changes nothing
        data = FormSubmissions.fromRequestParameters(all, post("_form.remove", "members[7]", "_form.add", "address"));
        assertThat(data.get("members")).isNull();
    }

    @Test
    void anEmptyListIsEmptyNotAbsent() {
        Map<String, Object> data = FormSubmissions.fromRequestParameters(all, post("_form.rows.members", "0"));
        assertThat(data).containsEntry("members", List.of());
        data = FormSubmissions.fromRequestParameters(all, post("_form.rows.members", "99999"));
        assertThat((List<?>) data.get("members")).hasSize(FormValidator.MAX_LIST_ENTRIES);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @Test
    void aNameGivenTwiceAndThenAsAListEntryIsKeptForTheValidatorWithoutFailing() {
        Map<String, Object> data = FormSubmissions.fromRequestParameters(all, post(
                "members", "a", "members", "b",
                "members[3].name", "张三"));

        assertThat(data.get("members")).isInstanceOf(List.class);
        assertThat(FormTestSupport.validator().validate(all, data, Locale.SIMPLIFIED_CHINESE)).isNotEmpty();
    }
}
