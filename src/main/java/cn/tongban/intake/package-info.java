/**
 * The applicant's side (申请): the service guide, applying online against the service's start form, receipt
 * numbers (受理编号) and the committed deadline, materials, following the case on its timeline, answering the
 * one-time correction notice (一次性告知), withdrawing and rating the service (好差评). HTTP API under
 * {@code /api/applications} and pages under {@code /services}, {@code /apply} and {@code /applications}; both for
 * applicants only, each seeing their own cases.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Intake")
package cn.tongban.intake;
