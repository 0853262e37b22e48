package cn.tongban.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.StringUtils;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingRequestCookieException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Bad input of every kind Spring MVC detects becomes 400 application/problem+json with an {@code errors} list
 * naming each field ({@link FieldErrors}); other MVC exceptions keep Spring's problem details. A browser asking
 * for a page outside {@code /api} gets the error page instead. Lowest precedence, so a module's own advice wins
 * for the exceptions it handles.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class BadInputAdvice extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return badRequest(ex, bindingErrors(ex.getBindingResult(), null), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex.isForReturnValue()) {
            // an invalid return value is our fault, not the caller's
            return super.handleHandlerMethodValidationException(ex, headers, status, request);
        }
        List<InvalidField> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            String name = parameterName(result.getMethodParameter()) + containerSuffix(result);
            if (result instanceof ParameterErrors parameterErrors) {
                errors.addAll(bindingErrors(parameterErrors, name));
            } else {
                result.getResolvableErrors().forEach(error -> errors.add(new InvalidField(name, message(error))));
            }
        }
        ex.getCrossParameterValidationResults()
                .forEach(error -> errors.add(new InvalidField("", message(error))));
        return badRequest(ex, errors, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return badRequest(ex, List.of(new InvalidField(ex.getParameterName(), message("input.missing-parameter"))),
                headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return badRequest(ex, List.of(new InvalidField(ex.getRequestPartName(), message("input.missing-part"))),
                headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex instanceof MissingRequestHeaderException header) {
            return badRequest(ex, List.of(new InvalidField(header.getHeaderName(), message("input.missing-header"))),
                    headers, request);
        }
        if (ex instanceof MissingRequestCookieException cookie) {
            return badRequest(ex, List.of(new InvalidField(cookie.getCookieName(), message("input.missing-cookie"))),
                    headers, request);
        }
        if (ex instanceof MissingPathVariableException variable && variable.isMissingAfterConversion()) {
            return badRequest(ex, List.of(new InvalidField(variable.getVariableName(),
                    message("input.missing-parameter"))), headers, request);
        }
        return super.handleServletRequestBindingException(ex, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
                : ex.getPropertyName();
        return badRequest(ex, List.of(new InvalidField(field, typeMessage(ex.getRequiredType()))), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return badRequest(ex, List.of(unreadable(ex)), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // 415 stays 415, but says which header to fix
        ResponseEntity<Object> response = super.handleHttpMediaTypeNotSupported(ex, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            FieldErrors.withErrors(problem,
                    List.of(new InvalidField(HttpHeaders.CONTENT_TYPE, message("input.unsupported-media-type"))));
        }
        return response;
    }

    /**
     * An upload the container cannot take apart (a file name with a NUL, a broken boundary) is the client's fault.
     * Too large an upload keeps its 413 from {@link #handleMaxUploadSizeExceededException}.
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> handleUnreadableUpload(MultipartException ex, WebRequest request) {
        return badRequest(ex, List.of(new InvalidField("file", message("input.unreadable-upload"))),
                new HttpHeaders(), request);
    }

    /** Bean Validation on a @Validated service called with request data. */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, WebRequest request) {
        List<InvalidField> errors = ex.getConstraintViolations().stream()
                .map(violation -> new InvalidField(propertyPath(violation), violation.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return badRequest(ex, errors, new HttpHeaders(), request);
    }

    /**
     * Browsers asking for a page get the error page (templates/error) rather than JSON: the container renders
     * it after {@code sendError}. API paths always answer problem+json.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (request instanceof ServletWebRequest servlet && servlet.getResponse() != null
                && wantsPage(servlet.getRequest())) {
            try {
                servlet.getResponse().sendError(statusCode.value());
                return null;
            } catch (IOException | IllegalStateException e) {
                // the response is already under way: fall through to the problem body
            }
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    private static boolean wantsPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(request.getHeader(HttpHeaders.ACCEPT)).stream()
                    .anyMatch(type -> "text".equals(type.getType()) && "html".equals(type.getSubtype()));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private ResponseEntity<Object> badRequest(Exception ex, List<InvalidField> errors, HttpHeaders headers,
            WebRequest request) {
        return handleExceptionInternal(ex, FieldErrors.problem(message("input.invalid"), errors), headers,
                HttpStatus.BAD_REQUEST, request);
    }

    private List<InvalidField> bindingErrors(Errors result, String prefix) {
        List<InvalidField> errors = new ArrayList<>();
        for (FieldError error : result.getFieldErrors()) {
            String field = prefix == null || prefix.isEmpty() ? error.getField() : prefix + "." + error.getField();
            errors.add(new InvalidField(field, message(error)));
        }
        for (ObjectError error : result.getGlobalErrors()) {
            errors.add(new InvalidField(prefix == null ? "" : prefix, message(error)));
        }
        return errors;
    }

    private InvalidField unreadable(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            Class<?> target = cause instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
            return new InvalidField(jsonPath(mapping.getPath()),
                    target != null ? typeMessage(target) : message("input.unreadable-value"));
        }
        if (exceedsLimits(ex)) {
            return new InvalidField("body", message("input.too-large"));
        }
        if (cause instanceof JsonProcessingException) {
            return new InvalidField("body", message("input.malformed-body"));
        }
        return new InvalidField("body", message(StringUtils.startsWithIgnoreCase(ex.getMessage(),
                "Required request body is missing") ? "input.missing-body" : "input.malformed-body"));
    }

    /** Jackson reports a body beyond {@link WebConfiguration}'s limits somewhere down the cause chain. */
    private static boolean exceedsLimits(Throwable ex) {
        for (Throwable t = ex; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof StreamConstraintsException) {
                return true;
            }
        }
        return false;
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    /** {@code submit.application.data.name} → {@code data.name}: method and bean parameter are not fields. */
    private static String propertyPath(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        Iterator<Path.Node> nodes = violation.getPropertyPath().iterator();
        while (nodes.hasNext()) {
            Path.Node node = nodes.next();
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR
                    || kind == ElementKind.CROSS_PARAMETER || kind == ElementKind.RETURN_VALUE
                    || (kind == ElementKind.PARAMETER && nodes.hasNext())) {
                continue;
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                field.append('[').append(node.getKey()).append(']');
            }
            if (node.getName() != null && kind != ElementKind.CONTAINER_ELEMENT) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.toString();
    }

    private static String parameterName(MethodParameter parameter) {
        String name = null;
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        RequestPart part = parameter.getParameterAnnotation(RequestPart.class);
        CookieValue cookie = parameter.getParameterAnnotation(CookieValue.class);
        if (param != null) {
            name = either(param.name(), param.value());
        } else if (variable != null) {
            name = either(variable.name(), variable.value());
        } else if (header != null) {
            name = either(header.name(), header.value());
        } else if (part != null) {
            name = either(part.name(), part.value());
        } else if (cookie != null) {
            name = either(cookie.name(), cookie.value());
        }
        return StringUtils.hasText(name) ? name : String.valueOf(parameter.getParameterName());
    }

    private static String either(String name, String value) {
        return StringUtils.hasText(name) ? name : value;
    }

    private static String containerSuffix(ParameterValidationResult result) {
        if (result.getContainerIndex() != null) {
            return "[" + result.getContainerIndex() + "]";
        }
        return result.getContainerKey() != null ? "[" + result.getContainerKey() + "]" : "";
    }

    private String typeMessage(Class<?> type) {
        return message("input.type-mismatch", type == null ? "?" : type.getSimpleName());
    }

    private String message(MessageSourceResolvable resolvable) {
        MessageSource messages = getMessageSource();
        if (messages == null) {
            return resolvable.getDefaultMessage();
        }
        return messages.getMessage(resolvable, locale());
    }

    private String message(String code, Object... args) {
        MessageSource messages = getMessageSource();
        return messages == null ? code : messages.getMessage(code, args, code, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
