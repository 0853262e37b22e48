package cn.tongban.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.DecisionRequirementsDefinition;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The decision files deploy into a real process engine (H2 in memory) and evaluate through its DecisionService. */
class DecisionsDeployToProcessEngineTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("camunda-standalone.cfg.xml")
            .build();

    @Test
    @Deployment(resources = {
            "processes/minimum-living-allowance-eligibility.dmn",
            "processes/disability-subsidies.dmn",
            "processes/marriage-registration-eligibility.dmn"})
    void everyDecisionDeploysWithVersionTagAndHistoryTimeToLive() {
        List<DecisionDefinition> definitions = engine.getRepositoryService().createDecisionDefinitionQuery().list();

        assertThat(definitions).extracting(DecisionDefinition::getKey).containsExactlyInAnyOrder(
                "dibaoEligibility", "dibaoAmount", "dibaoPaymentStartMonth",
                "livingSubsidy", "careSubsidy", "subsidyPaymentStartMonth",
                "marriageRulePeriod", "marriageEligibility");
        assertThat(definitions).allSatisfy(d -> {
            assertThat(d.getVersionTag()).as(d.getKey()).isEqualTo("1.0");
            assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isEqualTo(180);
            assertThat(d.getName()).as(d.getKey()).isNotBlank();
        });
        assertThat(engine.getRepositoryService().createDecisionRequirementsDefinitionQuery().list())
                .extracting(DecisionRequirementsDefinition::getKey)
                .containsExactlyInAnyOrder(
                        "minimum-living-allowance-eligibility", "disability-subsidies", "marriage-registration-eligibility");
    }

    @Test
    @Deployment(resources = "processes/minimum-living-allowance-eligibility.dmn")
    void amountEvaluatesThroughTheDecisionServiceTogetherWithTheEligibilityItRequires() {
        DmnDecisionResult result = engine.getDecisionService().evaluateDecisionByKey("dibaoAmount")
                .variables(Variables.createVariables()
                        .putValue("householdAssetsOverLimit", false)
                        .putValue("hasExcludedProperty", false)
                        .putValue("householdMonthlyIncome", 1234.56)
                        .putValue("householdMembers", 3)
                        .putValue("localStandard", 750.00)
                        .putValue("borderlineFactor", 1.5)
                        .putValue("singlePersonCase", false)
                        .putValue("applicantDisabilityGrade", null)
                        .putValue("applicantDisabilityCategory", null)
                        .putValue("applicantSeriouslyIll", false)
                        .putValue("keyGroupSupplement", 100.00)
                        .putValue("keyGroupMembers", 2)
                        .putValue("applicantMonthlyIncome", null))
                .evaluate();

        assertThat((Double) result.getSingleEntry()).isEqualTo(1215.44);
        assertThat(engine.getHistoryService().createHistoricDecisionInstanceQuery()
                .decisionDefinitionKey("dibaoEligibility").includeOutputs().singleResult().getOutputs())
                .anySatisfy(o -> {
                    assertThat(o.getVariableName()).isEqualTo("category");
                    assertThat(o.getValue()).isEqualTo("FULL_HOUSEHOLD");
                });
    }

    @Test
    @Deployment(resources = "processes/marriage-registration-eligibility.dmn")
    void marriageEligibilityEvaluatesThroughTheDecisionService() {
        DmnDecisionResult result = engine.getDecisionService().evaluateDecisionByKey("marriageEligibility")
                .variables(Variables.createVariables()
                        .putValue("registrationDate", "2025-05-10")
                        .putValue("hasIdCard", true)
                        .putValue("signedDeclaration", true)
                        .putValue("partyAMeetsLegalAge", true)
                        .putValue("partyBMeetsLegalAge", true)
                        .putValue("eitherPartyMarried", false)
                        .putValue("prohibitedKinship", false)
                        .putValue("hukouBooksPresented", false)
                        .putValue("registeringOfficeIsHukouPlace", false)
                        .putValue("officeInPilotRegion", false)
                        .putValue("residencePermitWhereRegistering", false))
                .evaluate();

        assertThat(result.getSingleResult().getEntryMap())
                .containsEntry("eligible", true)
                .containsEntry("rulePeriod", "nationwide-2025")
                .containsEntry("reasonCode", "ANY_OFFICE_NATIONWIDE");
    }

    @Test
    @Deployment(resources = "processes/disability-subsidies.dmn")
    void careSubsidyEvaluatesThroughTheDecisionService() {
        DmnDecisionResult result = engine.getDecisionService().evaluateDecisionByKey("careSubsidy")
                .variables(Variables.createVariables()
                        .putValue("holdsValidDisabilityCertificate", true)
                        .putValue("disabilityGrade", 3)
                        .putValue("longTermCareMonths", 24)
                        .putValue("careFundedByInstitution", false)
                        .putValue("receivesSimilarCareAllowance", false))
                .evaluate();

        assertThat(result.getSingleResult().getEntryMap())
                .containsEntry("eligible", false)
                .containsEntry("reasonCode", "GRADE_NOT_SEVERE");
    }
}
