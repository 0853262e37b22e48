/**
 * Camunda Forms (表单): the {@code forms/*.form} files (form-js schema) that Camunda Tasklist shows are read at
 * start-up into a {@link cn.tongban.forms.FormRegistry}; the same definitions render the applicant's pages
 * server-side (Thymeleaf fragment {@code forms/render :: form(definition, values, errors)}, read back with
 * {@link cn.tongban.forms.FormSubmissions}) and check every submission on the server
 * ({@link cn.tongban.forms.FormValidator}), with the domain checks a form cannot express: resident ID numbers
 * ({@link cn.tongban.forms.ResidentIdNumber}), mobile numbers, amounts.
 *
 * <p>For form authors. The schema is the one of form-js 1.8 (schema version 16), the version Camunda 7.24's Tasklist
 * bundles. Supported components: textfield, textarea, number, datetime, checkbox, radio, select, checklist, taglist,
 * group, dynamiclist, text, image, separator, spacer, button ({@link cn.tongban.forms.ComponentType}); html, iframe,
 * table and expression stop the start. Name keys by the conventions of {@link cn.tongban.forms.FormValidator}
 * ({@code ...IdNumber}, {@code ...Phone}, {@code ...Email}, {@code ...Date}, amounts containing {@code amount} or
 * {@code income}) to get the domain checks; keep {@code conditional.hide} to the FEEL subset of
 * {@link cn.tongban.forms.FeelCondition}, or the server treats the component as always visible.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Forms")
package cn.tongban.forms;
