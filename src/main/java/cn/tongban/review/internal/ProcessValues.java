package cn.tongban.review.internal;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reads the case's variables as the types the delegates need. Forms and the API may hand numbers over as
 * Integer, Long or Double; a missing or mistyped variable is a fault of the case data and fails the step
 * with the variable named.
 */
final class ProcessValues {

    private ProcessValues() {
    }

    static String text(VariableScope scope, String name) {
        if (scope.getVariable(name) instanceof String text && !text.isBlank()) {
            return text;
        }
        throw missing(scope, name, "a text");
    }

    static int wholeNumber(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            return number.intValue();
        }
        throw missing(scope, name, "a whole number");
    }

    static BigDecimal amount(VariableScope scope, String name) {
        if (scope.getVariable(name) instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        throw missing(scope, name, "an amount");
    }

    /** An unticked checkbox may not be submitted at all: absent means false. */
    static boolean flag(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null || value instanceof Boolean) {
            return Boolean.TRUE.equals(value);
        }
        throw missing(scope, name, "true or false");
    }

    private static IllegalStateException missing(VariableScope scope, String name, String expected) {
        return new IllegalStateException("variable " + name + " must be " + expected + ", is "
                + scope.getVariable(name));
    }
}
