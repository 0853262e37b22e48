/**
 * Cross-province service (跨省通办) between two authorities, each running its own Tongban: the receiving
 * authority hands a complete case to the applicant's hukou authority, which decides and reports back; one case
 * deadline travels with the case. Messages go over HTTP, signed with HMAC-SHA256 under a secret shared with each
 * partner, inside a replay window, each with a message id acted on once.
 * <p>
 * API: {@link cn.tongban.crossprovince.AuthorityProperties} (which authority this deployment serves),
 * {@link cn.tongban.crossprovince.CrossProvinceProperties} (its partners). The models name the bean
 * {@code crossProvinceDelivery} (async service tasks with input {@code messageKind}: CASE, ACCEPTED, DECIDED).
 * HTTP: {@code POST /api/crossprovince/inbound/cases} and {@code /status} for partners (signature, no session),
 * {@code GET /api/crossprovince/deliveries} for supervisors.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cross-province hand-off")
package cn.tongban.crossprovince;
