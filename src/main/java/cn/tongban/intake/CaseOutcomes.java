package cn.tongban.intake;

import java.util.Map;
import java.util.Set;

/**
 * What the service models' events mean for the applicant. The models name their end events but do not say
 * which ones decide a case, nor which paths refuse the data of a new case; this table does, and a test checks
 * it against the deployed models, so a new end event cannot go unnoticed.
 */
final class CaseOutcomes {

    enum Outcome {
        APPROVED,
        REFUSED,
        /** Decided either way: the process variable {@code approved} says which. */
        BY_APPROVED_VARIABLE,
        /** Ended without a decision on the merits. */
        CLOSED,
        /** The end of one parallel branch; the case goes on. */
        BRANCH
    }

    private static final Map<String, Map<String, Outcome>> END_EVENTS = Map.of(
            "minimum-living-allowance", Map.of(
                    "approved", Outcome.APPROVED,
                    "refused", Outcome.REFUSED,
                    "notAccepted", Outcome.CLOSED),
            "disability-subsidies", Map.of(
                    "caseDecided", Outcome.BY_APPROVED_VARIABLE,
                    "closedWithoutCorrection", Outcome.CLOSED,
                    // the hukou authority's side of a case handed over: decided here, told to the applicant there
                    "decisionReported", Outcome.BY_APPROVED_VARIABLE),
            "marriage-registration", Map.of(
                    "registeredEnd", Outcome.APPROVED,
                    "ineligibleEnd", Outcome.REFUSED,
                    "refusedOnSiteEnd", Outcome.REFUSED,
                    "appointmentInvalidEnd", Outcome.CLOSED,
                    "appointmentFullEnd", Outcome.CLOSED,
                    "cancelledEnd", Outcome.CLOSED,
                    "noShowEnd", Outcome.CLOSED,
                    "confirmationSentEnd", Outcome.BRANCH));

    /**
     * Activities a new case reaches at once when its process refuses the submitted data (a marriage appointment on
     * a day the office is closed): at submission that is bad input, answered 400 with the process's reason
     * ({@code decisionReason}), and nothing is kept.
     */
    private static final Map<String, Set<String>> REFUSING_DATA = Map.of(
            "marriage-registration", Set.of("appointmentInvalid"));

    private CaseOutcomes() {
    }

    /** The outcomes of the service's end events by activity id; empty for a service without a table. */
    static Map<String, Outcome> endEvents(String serviceCode) {
        return END_EVENTS.getOrDefault(serviceCode, Map.of());
    }

    /** An end event the table does not know ends the case without a decision. */
    static Outcome of(String serviceCode, String endEventId) {
        return endEvents(serviceCode).getOrDefault(endEventId, Outcome.CLOSED);
    }

    static Set<String> refusingData(String serviceCode) {
        return REFUSING_DATA.getOrDefault(serviceCode, Set.of());
    }
}
