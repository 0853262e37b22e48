package cn.tongban.web;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Input that passed the syntactic checks but breaks a domain rule (an unknown service code, a check digit,
 * a date in the past). Answered as 400 problem+json with the {@code errors} list; the detail text comes from
 * the message {@code problemDetail.cn.tongban.web.InvalidInputException} when the bundles have it.
 */
public class InvalidInputException extends ErrorResponseException {

    private final List<InvalidField> errors;

    public InvalidInputException(List<InvalidField> errors) {
        super(HttpStatus.BAD_REQUEST, FieldErrors.problem("Invalid input.", errors), null);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid input names at least one field");
        }
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(InvalidField error) {
        this(List.of(error));
    }

    public InvalidInputException(String field, String message) {
        this(new InvalidField(field, message));
    }

    public List<InvalidField> errors() {
        return errors;
    }

    @Override
    public String getMessage() {
        return "Invalid input: " + errors;
    }
}
