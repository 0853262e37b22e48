package cn.tongban.catalog;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.tongban.testsupport.TongbanIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The catalogue API through Spring MVC of the running application. Anonymous access is the security
 * configuration's concern; here the dispatcher is called directly, so this test holds with or without it.
 */
@TongbanIntegrationTest
class ServiceCatalogApiTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    ServiceCatalog catalog;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).build();
    }

    @Test
    void listsEveryServiceInBothLanguages() throws Exception {
        mvc.perform(get("/api/services").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$", hasSize(catalog.all().size())))
                .andExpect(jsonPath("$[0].code").value("minimum-living-allowance"))
                .andExpect(jsonPath("$[0].receiptPrefix").value("DB"))
                .andExpect(jsonPath("$[0].names.zh").value("最低生活保障"))
                .andExpect(jsonPath("$[0].names.en").value("Minimum living allowance"))
                .andExpect(jsonPath("$[0].kind").value("COMMITTED"))
                .andExpect(jsonPath("$[0].committedWorkingDays").value(30))
                .andExpect(jsonPath("$[0].extendedWorkingDays").value(45))
                .andExpect(jsonPath("$[0].steps[4].id").value("publicNotice"))
                .andExpect(jsonPath("$[0].steps[4].limit.calendarDays").value(7))
                .andExpect(jsonPath("$[0].steps[4].limit.workingDays").doesNotExist())
                .andExpect(jsonPath("$[0].steps[4].limit.toStart").doesNotExist())
                .andExpect(jsonPath("$[0].steps[1].limit.toStart").value(true))
                .andExpect(jsonPath("$[0].steps[5].role").value("township"))
                .andExpect(jsonPath("$[0].steps[6].role").value("county"))
                .andExpect(jsonPath("$[2].kind").value("IMMEDIATE"))
                .andExpect(jsonPath("$[2].extendedWorkingDays").doesNotExist());
    }

    @Test
    void showsOneServiceByItsCode() throws Exception {
        mvc.perform(get("/api/services/disability-subsidies").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value("disability-subsidies"))
                .andExpect(jsonPath("$.committedWorkingDays").value(16))
                .andExpect(jsonPath("$.steps[?(@.id == 'federationReview')].role").value("canlian"))
                .andExpect(jsonPath("$.steps[?(@.id == 'townshipReview')].within").value("hukouDecision"))
                .andExpect(jsonPath("$.materials[?(@.code == 'long-term-care-certificate')].optional").value(true));
    }

    @Test
    void anUnknownServiceIsAProblemDetail404() throws Exception {
        mvc.perform(get("/api/services/no-such-service").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.title").value("Service not found"))
                .andExpect(jsonPath("$.detail").value(containsString("no-such-service")))
                .andExpect(jsonPath("$.instance").value("/api/services/no-such-service"));
    }

    @Test
    void theOperationsAreDescribedInOpenApi() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/services'].get.summary").value("服务目录 / The service catalogue"))
                .andExpect(jsonPath("$.paths['/api/services/{code}'].get.summary").value("单项服务 / One service"))
                .andExpect(jsonPath("$.paths['/api/services/{code}'].get.responses['404']").exists());
    }
}
