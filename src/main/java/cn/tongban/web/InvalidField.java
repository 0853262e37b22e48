package cn.tongban.web;

/**
 * One entry of the {@code errors} list of a 400 problem: which input was wrong and why.
 * {@code field} is a property path into the request ({@code data.members[0].idNumber}), a request parameter
 * or header name, or {@code body} when the body as a whole could not be read.
 */
public record InvalidField(String field, String message) {
}
